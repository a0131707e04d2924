"""The course's chart style: one registered Altair theme, the shared scales and the actor names.

Importing :mod:`alliances.charts` registers and enables the theme ``"course"``
(:func:`course_theme`): the font, titles anchored at the start, and the Okabe–Ito colours
(:mod:`alliances.palette`) as the default range for categories. Notebooks need no extra line.

Shared pieces every chart module reads:

* :data:`SCORE_SCHEME` / :func:`score_scale` -- the diverging colour scale for scores in
  [-1, 1] (ColorBrewer *PuOr*, Vega's ``"purpleorange"``, listed as colour-blind safe on
  colorbrewer2.org), centred on 0;
* :data:`STANCE_COLORS` / :func:`stance_scale` -- one Okabe–Ito colour per stance;
* :data:`ACTOR_NAMES` / :func:`actor_name` -- the short display names of the course's actors,
  for charts that are not given a world's names;
* :func:`category_order`, :func:`title_params`, :func:`panel_title` and the heat-map cell size :data:`CELL`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

import altair as alt
import pandas as pd

from alliances.palette import BLACK, BLUE, BLUISH_GREEN, CHOOSER_COLORS, GREY, STANCE_COLORS, VERMILLION
from alliances.schemas import CHOOSERS, POWERS, WEST_MEMBERS
from alliances.theories.base import STANCES

THEME_NAME: Final = "course"
FONT: Final = "sans-serif"

#: The colours of categories, in the order charts hand them out: the three choosers' colours
#: first (so a chart of Armenia, Azerbaijan and Georgia matches the map), black last.
CATEGORY_COLORS: Final = (*CHOOSER_COLORS.values(), BLUISH_GREEN, BLUE, VERMILLION, GREY, BLACK)

#: Text and rules that carry no data.
INK: Final = "#222222"
MUTED: Final = "#555555"


@alt.theme.register(THEME_NAME, enable=True)
def course_theme() -> alt.theme.ThemeConfig:
    """The course theme: font, titles at the start, Okabe–Ito categories, Altair's default view size."""
    return alt.theme.ThemeConfig(config={
        "font": FONT,
        "title": {"anchor": "start", "font": FONT},
        "range": {"category": list(CATEGORY_COLORS)},
        "view": {"continuousWidth": 300, "continuousHeight": 300},
    })


# --------------------------------------------------------------------------
# Scales
# --------------------------------------------------------------------------

SCORE_DOMAIN: tuple[float, float] = (-1.0, 1.0)
#: ColorBrewer PuOr -- colour-blind safe diverging scheme (colorbrewer2.org).
SCORE_SCHEME: Final = "purpleorange"

#: Pixel size of one heat-map cell.
CELL: Final = 46


def score_scale() -> alt.Scale:
    """The shared diverging colour scale for scores in [-1, 1], centred on 0.

    Purple is +1 (aligned), near-white is 0, orange is -1 (opposed). (Vega's
    ``purpleorange`` runs purple -> orange; it is reversed here.)
    """
    return alt.Scale(scheme=SCORE_SCHEME, domain=list(SCORE_DOMAIN), domainMid=0, reverse=True, clamp=True)


def stance_scale(stances: Sequence[str] = STANCES) -> alt.Scale:
    """The categorical colour scale for stance labels (Okabe–Ito colours; grey for anything else)."""
    return alt.Scale(domain=list(stances), range=[STANCE_COLORS.get(s, GREY) for s in stances])


# --------------------------------------------------------------------------
# Actors: names and order
# --------------------------------------------------------------------------

#: Short display names of the course's actors (a world's own names are longer for some).
ACTOR_NAMES: Final = MappingProxyType({
    "ARM": "Armenia", "AZE": "Azerbaijan", "GEO": "Georgia", "RUS": "Russia", "TUR": "Turkey",
    "IRN": "Iran", "WEST": "the West",
})

#: The course's actor order: the three choosers, then the powers, then the West's members.
ACTOR_ORDER: tuple[str, ...] = CHOOSERS + POWERS + WEST_MEMBERS


def actor_name(code: str, names: Mapping[str, str] | None = None) -> str:
    """The display name of ``code``: from ``names`` if given there, else :data:`ACTOR_NAMES`, else the code."""
    if names and code in names:
        return names[code]
    return ACTOR_NAMES.get(code, code)


def category_order(values: pd.Series) -> list[str]:
    """Categories in the course's actor order when they are actor codes, else in order of first appearance."""
    seen = [str(v) for v in pd.unique(values.astype(str))]
    if all(v in ACTOR_ORDER for v in seen):
        return [a for a in ACTOR_ORDER if a in seen]
    return seen


# --------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------

def title_params(text: str, caption: str | Sequence[str] = "") -> alt.TitleParams:
    """A chart title, with ``caption`` as its subtitle when given."""
    if caption:
        return alt.TitleParams(text=text, subtitle=caption)
    return alt.TitleParams(text=text)


def panel_title(text: str, **style: Any) -> alt.TitleParams:
    """The smaller title of one panel in a composite chart."""
    return alt.TitleParams(text=str(text), fontSize=12, **style)


__all__ = [
    "ACTOR_NAMES", "ACTOR_ORDER", "CATEGORY_COLORS", "CELL", "FONT", "INK", "MUTED", "SCORE_DOMAIN", "SCORE_SCHEME",
    "STANCES", "STANCE_COLORS", "THEME_NAME", "actor_name", "category_order", "course_theme", "panel_title",
    "score_scale", "stance_scale", "title_params",
]
