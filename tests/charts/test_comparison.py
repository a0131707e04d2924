"""The theories side by side: heat maps with misses outlined, divergence, agreement, over time, over a grid."""

from __future__ import annotations

import pandas as pd
import pytest
import vl_convert as vlc

from alliances import charts, load_world
from alliances.analysis import (
    agreement,
    agreement_over_time,
    by_theory,
    divergence,
    hedge_baseline,
    observed,
    predict_all,
)
from alliances.schemas import PERIODS
from alliances.theories import REGISTRY, SHORT_TITLES
from tests.charts.helpers import SVG, URL_LOAD, bundle, mark_counts, remote_urls, title_text, tooltip_fields


def test_theories_side_by_side_outlines_exactly_the_misses(frame):
    """Vega looks each cell's observed stance up: the outlines drawn are the cells whose stance
    differs from a coded observed stance (an uncoded pair is never outlined)."""
    wrong = frame.assign(stance=["hedge"] * len(frame))
    seen = frame.assign(stance=["unknown", *frame["stance"][1:]], score=[float("nan"), *frame["score"][1:]])
    spec = charts.theories_side_by_side({"A": frame, "B": wrong}, seen, caption="five").to_dict()
    assert spec["resolve"]["scale"]["color"] == "shared"
    panels = spec["concat"]
    assert [p["title"]["text"] for p in panels] == ["A", "B", "What the states did (observed)"]
    assert spec["columns"] == 3, "three panels to a row"
    assert "reason" in tooltip_fields(spec)
    drawn = mark_counts(vlc.vegalite_to_svg(spec))
    expected_b = int(((wrong["stance"] != seen["stance"]) & (seen["stance"] != "unknown")).sum())
    assert (drawn["mismatch_0_marks"], drawn["mismatch_1_marks"]) == (0, expected_b) == (0, 3)
    with pytest.raises(ValueError):
        charts.theories_side_by_side({}, frame)


def test_divergence_chart_writes_k_of_n():
    div = pd.DataFrame([{"state": "ARM", "partner": "RUS", "observed": "align", "matches": 4, "theories": 5,
                         "distinct": 2, "right": "A; B; C; D", "wrong": "E", "stances": "A: align",
                         "reason": "CSTO member."}])
    spec = charts.divergence_chart(div, caption="count").to_dict()
    assert title_text(spec) == "Where the theories diverge"
    assert {"right", "wrong", "stances", "reason"} <= tooltip_fields(spec)
    assert spec["datasets"]["divergence"][0]["label"] == "4/5"
    with pytest.raises(ValueError, match="matches"):
        charts.divergence_chart(div.drop(columns="matches"))


def test_agreement_chart_keeps_the_tables_order():
    table = pd.DataFrame({"title": ["A", "B"], "stance_agreement": [0.5, 0.9], "pairs": [18, 18]})
    spec = charts.agreement_chart(table).to_dict()
    assert title_text(spec) == "Agreement with what happened"
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["A", "B"]
    with pytest.raises(ValueError):
        charts.agreement_chart(table.drop(columns="stance_agreement"))


@pytest.fixture(scope="module")
def over_time():
    return agreement_over_time(PERIODS)


def test_agreement_over_time_chart_spec(over_time):
    spec = charts.agreement_over_time_chart(over_time, caption="lines", highlight=["2008-2019"],
                                            baseline=hedge_baseline(PERIODS)).to_dict()
    assert title_text(spec).startswith("Agreement") and spec["title"]["subtitle"] == "lines"
    assert remote_urls(spec) == []
    assert spec["datasets"]["agreement_highlight"] == [{"when": "2008-2019"}]
    assert len(spec["datasets"]["agreement_baseline"]) == len(PERIODS)
    rows = spec["datasets"]["agreement"]
    assert {r["label"] for r in rows} == set(SHORT_TITLES.values()) and len(rows) == 5 * len(PERIODS)
    lines = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line" and "color" in layer["encoding"])
    assert lines["encoding"]["x"]["sort"] == list(PERIODS)
    assert lines["encoding"]["y"]["scale"]["domain"] == [0, 1]
    assert {"label", "when", "stance_agreement", "pairs"} <= tooltip_fields(spec)
    with pytest.raises(ValueError, match="when"):
        charts.agreement_over_time_chart(over_time.drop(columns="when"))


def test_the_baseline_stays_visible_where_a_theory_lies_on_it(over_time):
    """The no-theory baseline is drawn last, in black (not a theory's colour), dashed, with
    hollow rings, and has its own legend entry: a theory scoring exactly the baseline (balance
    of power, 2000-2022) shows through the dash gaps and inside the rings."""
    from alliances.palette import BLACK
    spec = charts.agreement_over_time_chart(over_time, baseline=hedge_baseline(PERIODS)).to_dict()
    layers = [layer for layer in spec["layer"] if layer.get("data", {}).get("name") == "agreement_baseline"]
    assert [layer["mark"]["type"] for layer in layers] == ["line", "point"]
    assert spec["layer"][-2:] == layers, "the baseline is drawn on top of the theories"
    assert layers[1]["mark"]["filled"] is False
    colour = layers[0]["encoding"]["color"]["scale"]
    assert colour["domain"][-1] == charts.BASELINE_LABEL and colour["range"][-1] == BLACK
    assert BLACK not in colour["range"][:-1]
    dashes = layers[0]["encoding"]["strokeDash"]["scale"]["range"]
    assert dashes[-1] not in dashes[:-1] and len(dashes[-1]) == 2
    assert len(colour["domain"]) == len(SHORT_TITLES) + 1


def test_each_theory_is_drawn_in_its_registry_colour_dash_and_shape(over_time):
    """Colours follow the theory, not its position: any subset, in any order, keeps them."""
    some = over_time[over_time["theory"].isin(["rsct", "balance_of_power"])].iloc[::-1]
    spec = charts.agreement_over_time_chart(some).to_dict()
    encodings = [layer["encoding"] for layer in spec["layer"] if "color" in layer.get("encoding", {})]
    colour = encodings[0]["color"]["scale"]
    by_label = {t.short_title: t for t in REGISTRY.values()}
    assert colour["domain"] == ["RSCT", "Balance of power"]
    assert colour["range"] == [by_label[label].color for label in colour["domain"]]
    assert encodings[0]["strokeDash"]["scale"]["range"] == [list(by_label[x].dash) for x in colour["domain"]]
    assert encodings[1]["shape"]["scale"]["range"] == [by_label[x].marker for x in colour["domain"]]
    with pytest.raises(ValueError, match="unknown theory"):
        charts.agreement_over_time_chart(some.assign(theory="astrology"))


def test_agreement_values_chart_spec():
    grid = pd.DataFrame({"stance_agreement": [0.5, 0.5, 0.75, 1.0]})
    spec = charts.agreement_values_chart(grid, default=0.75, caption="grid").to_dict()
    assert spec["title"]["subtitle"] == "grid" and remote_urls(spec) == []
    bars = spec["layer"][0]
    counts = {r["stance_agreement"]: r["settings"] for r in spec["datasets"][bars["data"]["name"]]}
    assert counts == {0.5: 2, 0.75: 1, 1.0: 1}
    assert spec["datasets"][spec["layer"][2]["data"]["name"]][0]["x"] == 0.75
    with pytest.raises(ValueError):
        charts.agreement_values_chart(pd.DataFrame({"x": [1]}))


def test_lesson05_and_08_charts_render_offline(renderer, over_time):
    world = load_world("2008-2019")
    table, obs = predict_all(world), observed(world)
    for chart in (charts.theories_side_by_side(by_theory(table), obs),
                  charts.divergence_chart(divergence(table, obs)),
                  charts.agreement_chart(agreement(table, obs)),
                  charts.agreement_over_time_chart(over_time)):
        out = bundle(chart)
        assert SVG in out and URL_LOAD.search(out[SVG]) is None


def _claims(holds: list[bool]) -> pd.DataFrame:
    n = len(holds)
    return pd.DataFrame({"theory": ["rsct"] * n, "source": ["lesson"] * n,
                         "claim": [f"Claim number {k} says something fairly long about a state and a power." for k in range(n)],
                         "holds_at_default": holds, "share_of_parameter_space": [0.1 * (k + 1) for k in range(n)],
                         "share_of_periods": [0.2] * n, "share_of_years": [0.5] * n})


def test_robustness_records_are_one_row_per_claim_and_share_and_say_whether_the_default_holds():
    long = charts.comparison.robustness_records(_claims([True, False]), width=30)
    assert len(long) == 2 * 3
    labels = list(dict.fromkeys(long["claim_label"]))
    assert labels[0].startswith("holds at the defaults") and labels[1].startswith("FAILS at the defaults")
    assert all(len(line) <= 30 for label in labels for line in label.split("|"))
    first = long[long["claim_label"] == labels[0]].set_index("measure")["share"]
    assert first.to_dict() == {"of the parameter space": 0.1, "of the periods": 0.2, "of single years": 0.5}


def test_robustness_chart_draws_a_dot_per_claim_and_share_and_refuses_a_wrong_table():
    spec = charts.robustness_chart(_claims([True, False, True]), caption="what to see").to_dict()
    dots = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    assert dots["encoding"]["x"]["scale"]["domain"] == [0, 1]
    assert len(vlc.vegalite_to_svg(spec)) > 0
    with pytest.raises(ValueError, match="share_of_years"):
        charts.robustness_chart(_claims([True]).drop(columns="share_of_years"))
