"""The Karabakh arc's charts (lessons 06–07): stability index, indicators, tipping years, secession cases."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from alliances import charts, karabakh, secession
from tests.charts.helpers import SVG, URL_LOAD, bundle, rows_with, tooltip_fields


def test_stability_chart_reads_named_datasets_and_marks_wars(renderer):
    frame, events = karabakh.stability(), karabakh.war_markers()
    tip = karabakh.tipping_of(frame)
    chart = charts.stability_chart(frame, 0.5, tip, events=events, caption="c")
    spec = chart.to_dict()
    assert set(spec["datasets"]) >= {"stability", "stability_marks"}
    index = [r for r in spec["datasets"]["stability"] if r["series"] == "index"]
    assert len(index) == len(frame) and all(r["value"] is None or 0 <= r["value"] <= 1 for r in index)
    assert {"what": "tipping", "year": tip, "value": None, "label": f"tips in {tip}"} in spec["datasets"]["stability_marks"]
    assert [r["label"] for r in rows_with(spec, "event")] == list(events["label"])
    assert {"year", "value", "label"} <= tooltip_fields(spec)
    json.dumps(spec, allow_nan=False)
    out = bundle(chart)
    assert SVG in out and URL_LOAD.search(out[SVG]) is None
    assert "2020 war" in out[SVG]


def test_stability_datasets_check_columns_and_a_setting_that_never_tips():
    data = charts.stability_datasets(karabakh.stability(), 0.0, None)
    assert [m["what"] for m in data["stability_marks"]] == ["threshold"]
    assert {r["series"] for r in data["stability"]} == set(charts.STABILISER_LABELS)
    with pytest.raises(ValueError, match="missing"):
        charts.stability_datasets(karabakh.stability().drop(columns="inertia"), 0.5)


def test_the_labels_cover_the_models_stabilisers_and_indicators():
    assert set(charts.STABILISER_LABELS) == {*karabakh.STABILISERS, "index"} == set(charts.STABILISER_COLORS)
    assert set(charts.INDICATOR_LABELS) == {c for cols in karabakh.STABILISERS.values() for c in cols}


def test_indicator_panels_and_tipping_histogram():
    panels = charts.indicator_panels(karabakh.stability()).to_dict()
    assert len(panels["hconcat"]) == len(karabakh.STABILISERS)
    sens = karabakh.sensitivity(step=0.25)
    spec = charts.tipping_histogram(sens, highlight=karabakh.tipping_year()).to_dict()
    bars = rows_with(spec, "triples")
    assert sum(r["triples"] for r in bars) == len(sens)
    assert any(r["kind"] == "the default weights" for r in bars)
    never = sens.assign(tipping_year=pd.array([None] * len(sens), dtype="Int64"))
    assert [r["when"] for r in rows_with(charts.tipping_histogram(never).to_dict(), "triples")] == ["never"]
    with pytest.raises(ValueError, match="tipping_year"):
        charts.tipping_histogram(sens.drop(columns="tipping_year"))


def test_secession_chart_bands_and_points(renderer):
    result = secession.explained()
    chart = charts.secession_chart(result, 0.35, 0.65, caption="c")
    spec = chart.to_dict()
    cases = spec["datasets"]["secession_cases"]
    assert len(cases) == len(result) == len(spec["datasets"]["secession_bands"])
    assert [c["order"] for c in cases] == list(range(len(cases)))
    assert sum(c["fit"] == "explained" for c in cases) == int(result["explained"].sum())
    order = [c["outcome_label"] for c in cases]
    assert order == sorted(order, key=list(secession.OUTCOME_LABELS.values()).index), "grouped by outcome"
    karabakh_row = next(c for c in cases if c["case_id"] == "nagorno-karabakh")
    band = next(b for b in spec["datasets"]["secession_bands"] if b["row"] == karabakh_row["row"])
    assert (band["lo"], band["hi"]) == (0.0, 0.35) and karabakh_row["fit"] == "explained"
    assert {*secession.FACTORS, "score"} <= tooltip_fields(spec)
    json.dumps(spec, allow_nan=False)
    out = bundle(chart)
    assert SVG in out and "Nagorno-Karabakh (reintegrated)" in out[SVG]
    dropped = secession.explained(unknowns="drop")
    assert len(charts.secession_datasets(dropped, 0.35, 0.65)["secession_cases"]) == len(dropped)
    with pytest.raises(ValueError, match="missing"):
        charts.secession_datasets(result.drop(columns="score"), 0.35, 0.65)
