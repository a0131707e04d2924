"""The course theme is registered on import, and the shared scales and names are the documented ones."""

from __future__ import annotations

import pandas as pd

from alliances import charts, load_world
from alliances.charts.theme import ACTOR_ORDER, actor_name, category_order, score_scale, stance_scale
from alliances.palette import CHOOSER_COLORS, OKABE_ITO, STANCE_COLORS
from alliances.schemas import CHOOSERS, POWERS
from tests.charts.helpers import SAFE_COLOURS
from tests.helpers import fresh_python


def test_importing_the_charts_enables_the_course_theme():
    """A notebook needs no extra line: the import alone registers and enables the theme."""
    code = "import altair as alt; import alliances.charts; print(alt.theme.active)"
    assert fresh_python(code) == charts.THEME_NAME == "course"


def test_every_chart_spec_carries_the_theme(frame):
    config = charts.stance_heatmap(frame, "t").to_dict()["config"]
    assert config["range"]["category"] == list(charts.CATEGORY_COLORS)
    assert config["title"]["anchor"] == "start"
    assert config["font"]


def test_category_colours_are_okabe_ito_with_the_choosers_first():
    colours = charts.CATEGORY_COLORS
    assert {c.upper() for c in colours} <= SAFE_COLOURS and len(set(colours)) == len(colours)
    assert list(colours[:3]) == [CHOOSER_COLORS[c] for c in CHOOSERS], "a chart of the three states matches the map"


def test_stance_colours_tell_the_three_stances_apart():
    assert set(STANCE_COLORS) == set(charts.STANCES)
    assert set(STANCE_COLORS.values()) <= set(OKABE_ITO)
    assert len(set(STANCE_COLORS.values())) == len(charts.STANCES)
    scale = stance_scale().to_dict()
    assert scale["domain"] == list(charts.STANCES)
    assert scale["range"] == [STANCE_COLORS[s] for s in charts.STANCES]


def test_the_score_scale_is_diverging_and_centred_on_zero():
    scale = score_scale().to_dict()
    assert scale["scheme"] == charts.SCORE_SCHEME
    assert scale["domain"] == [-1.0, 1.0] and scale["domainMid"] == 0 and scale["clamp"]


def test_short_names_name_the_same_actors_as_the_world():
    """Every chooser and power has a short name, and it is how the world's own name begins."""
    names = load_world("2008-2019").names
    assert set(CHOOSERS + POWERS) <= set(charts.ACTOR_NAMES)
    for code, short in charts.ACTOR_NAMES.items():
        assert names[code].startswith(short), (code, short, names[code])
    assert actor_name("TUR") == "Turkey"
    assert actor_name("TUR", {"TUR": "Türkiye"}) == "Türkiye"
    assert actor_name("XYZ") == "XYZ"


def test_categories_follow_the_actor_order_when_they_are_codes():
    assert category_order(pd.Series(["RUS", "GEO", "ARM", "RUS"])) == ["ARM", "GEO", "RUS"]
    assert category_order(pd.Series(["b", "a", "b"])) == ["b", "a"]
    assert list(ACTOR_ORDER[:3]) == list(CHOOSERS)
