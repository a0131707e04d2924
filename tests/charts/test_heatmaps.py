"""The state x partner heat map: alone, side by side with the observed one, and by period."""

from __future__ import annotations

import pytest

from alliances import charts
from tests.charts.helpers import title_text


def test_heatmap_spec(frame):
    spec = charts.stance_heatmap(frame, "Who sides with whom", "Scores in [-1, 1]").to_dict()  # validates
    assert spec["title"]["text"] == "Who sides with whom"
    assert spec["title"]["subtitle"] == "Scores in [-1, 1]"
    cells, text = spec["layer"]
    assert cells["mark"]["type"] == "rect" and text["mark"]["type"] == "text"
    assert text["encoding"]["text"]["field"] == "stance"
    scale = cells["encoding"]["color"]["scale"]
    assert cells["encoding"]["color"]["field"] == "score"
    assert scale["domain"] == [-1.0, 1.0] and scale["domainMid"] == 0 and scale["scheme"] == charts.SCORE_SCHEME
    for layer in (cells, text):
        assert {"state", "partner", "score", "stance", "reason"} <= {t["field"] for t in layer["encoding"]["tooltip"]}
    assert cells["encoding"]["x"]["sort"] == ["RUS", "TUR"]
    assert cells["encoding"]["y"]["sort"] == ["ARM", "AZE", "GEO"]
    values = next(iter(spec["datasets"].values()))
    assert values[0]["reason"] == "Armenia hosts a Russian base."


def test_heatmap_without_caption_has_no_subtitle(frame):
    spec = charts.stance_heatmap(frame, "Only a title").to_dict()
    assert spec["title"]["text"] == "Only a title" and "subtitle" not in spec["title"]


def test_heatmap_rejects_missing_columns(frame):
    with pytest.raises(ValueError, match="reason"):
        charts.stance_heatmap(frame.drop(columns="reason"), "t")


def test_side_by_side_shares_scale_and_order(frame):
    observed = frame.iloc[::-1].assign(score=lambda f: -f.score)
    spec = charts.side_by_side(frame, observed, caption="same scale").to_dict()
    assert spec["resolve"]["scale"]["color"] == "shared"
    assert spec["title"]["subtitle"] == "same scale"
    left, right = spec["concat"]
    assert spec["columns"] == 2, "one row"
    assert left["title"]["text"] == "predicted" and right["title"]["text"] == "observed"
    for panel in (left, right):
        cells = panel["layer"][0]
        assert cells["encoding"]["color"]["scale"]["domain"] == [-1.0, 1.0]
        # same row/column order in both panels although observed is reversed
        assert cells["encoding"]["y"]["sort"] == ["ARM", "AZE", "GEO"]
        assert cells["encoding"]["x"]["sort"] == ["RUS", "TUR"]
    assert [r["state"] for r in spec["datasets"]["observed"]] == list(observed["state"])
    renamed = charts.side_by_side(frame, observed, labels={"observed": "what happened"}).to_dict()
    assert renamed["concat"][1]["title"]["text"] == "what happened"


def test_observed_by_period_shares_scale_and_order(frame):
    later = frame.iloc[::-1].assign(score=lambda f: -f.score)
    spec = charts.observed_by_period({"1992-1999": frame, "2023-2025": later}, caption="coded").to_dict()
    assert title_text(spec) == "Observed alignment by period"
    assert spec["resolve"]["scale"]["color"] == "shared"
    panels = spec["concat"]
    assert [p["title"]["text"] for p in panels] == ["1992-1999", "2023-2025"] and spec["columns"] == 2
    for panel in panels:
        cells = panel["layer"][0]
        assert cells["encoding"]["y"]["sort"] == ["ARM", "AZE", "GEO"]
        assert {"reason", "stance"} <= {t["field"] for t in cells["encoding"]["tooltip"]}
    with pytest.raises(ValueError):
        charts.observed_by_period({})
