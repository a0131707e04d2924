"""The offline renderer, JSON-ready rows, and the named data sets widgets swap."""

from __future__ import annotations

import base64
import json
import math
import re
import struct
import zlib

import altair as alt
import numpy as np
import pandas as pd
import pytest

from alliances import charts, karabakh, load_world, secession
from alliances.analysis import agreement_over_time, by_theory, divergence, hedge_baseline, observed, predict_all
from alliances.charts.render import PNG_MIME, png_copy, recompress_png, require_columns
from alliances.schemas import PERIODS
from alliances.theories import predict
from tests.charts.helpers import SVG, URL_LOAD, VEGALITE, bundle, referenced_datasets, remote_urls


def test_enable_offline_rendering_is_idempotent(renderer):
    assert charts.enable_offline_rendering() is None  # no stray output in a notebook
    charts.enable_offline_rendering()
    assert alt.renderers.active == charts.RENDERER_NAME == "course"
    assert charts.RENDERER_NAME in alt.renderers.names()


def test_renderer_bundle_has_vegalite_svg_png_and_no_url(renderer, frame):
    chart = charts.stance_heatmap(frame, "Who sides with whom", "test caption")
    out = bundle(chart)
    assert set(out) == {VEGALITE, SVG, PNG_MIME, "text/plain"}
    assert list(out)[0] == VEGALITE, "Vega-Lite stays the first (interactive) entry"
    spec = out[VEGALITE]
    assert spec["$schema"].endswith(".json") and "/v5." in spec["$schema"]
    assert remote_urls(spec) == []
    assert any(len(v) == len(frame) for v in spec["datasets"].values()), "the data travel inline with the spec"
    svg = out[SVG]
    assert svg.lstrip().startswith("<svg")
    assert URL_LOAD.search(svg) is None, URL_LOAD.search(svg)
    assert "Who sides with whom" in svg and "test caption" in svg


def test_static_fallback_can_be_switched_off(renderer, frame):
    chart = charts.stance_heatmap(frame, "t")
    try:
        charts.enable_offline_rendering(static_fallback=False)
        assert set(bundle(chart)) == {VEGALITE, "text/plain"}
    finally:
        charts.enable_offline_rendering()
    assert {SVG, PNG_MIME} <= set(bundle(chart))


def _png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def _pixels(png: bytes) -> bytes:
    """The filtered scanlines of a PNG (every IDAT chunk, inflated)."""
    pos, idat = 8, b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        if png[pos + 4:pos + 8] == b"IDAT":
            idat += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    return zlib.decompress(idat)


def test_png_copy_is_the_svg_at_scale_one_and_stable(renderer, frame):
    """The PNG that stops JupyterLab's and Voilà's renderer writing one back (see render.py)."""
    chart = charts.stance_heatmap(frame, "t", "c")
    first, second = bundle(chart), bundle(chart)
    assert first[PNG_MIME] == second[PNG_MIME], "same chart -> same PNG bytes"
    png = base64.b64decode(first[PNG_MIME], validate=True)
    width, height = (int(float(v)) for v in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"',
                                                      first[SVG]).groups())
    assert _png_size(png) == (width, height)
    other = charts.stance_heatmap(frame.assign(score=-frame.score), "t", "c")
    assert bundle(other)[PNG_MIME] != first[PNG_MIME]


def test_recompress_png_keeps_the_pixels_and_shrinks_the_file(renderer, frame):
    import vl_convert as vlc

    svg = bundle(charts.stance_heatmap(frame, "t", "c"))[SVG]
    raw = bytes(vlc.svg_to_png(svg, scale=1))
    small = recompress_png(raw)
    assert _pixels(small) == _pixels(raw) and _png_size(small) == _png_size(raw)
    assert len(small) < len(raw)
    assert recompress_png(small) == small
    assert base64.b64decode(png_copy(svg)) == small
    with pytest.raises(ValueError, match="not a PNG"):
        recompress_png(b"GIF89a")


def test_svg_is_stable_when_the_same_chart_is_drawn_twice(renderer, frame):
    chart = charts.stance_heatmap(frame, "t", "c")
    first, second = bundle(chart)[SVG], bundle(chart)[SVG]
    assert first == second
    other = charts.stance_heatmap(frame.assign(score=-frame.score), "t", "c")
    ids = set(re.findall(r'id="([^"]+)"', first))
    assert ids and ids.isdisjoint(re.findall(r'id="([^"]+)"', bundle(other)[SVG]))


def test_records_are_json_ready():
    frame = pd.DataFrame({"n": np.array([1, 2], dtype="int64"), "x": [0.5, np.nan], "ok": np.array([True, False]),
                          "t": pd.array([None, "a"], dtype="string"), "k": pd.array([3, None], dtype="Int64")})
    rows = charts.records(frame)
    assert rows == [{"n": 1, "x": 0.5, "ok": True, "t": None, "k": 3}, {"n": 2, "x": None, "ok": False, "t": "a", "k": None}]
    assert all(type(r["n"]) is int and type(r["ok"]) is bool for r in rows)
    json.dumps(rows, allow_nan=False)
    assert charts.records(frame, ["x"]) == [{"x": 0.5}, {"x": None}]


def test_require_columns_names_the_missing_ones():
    with pytest.raises(ValueError, match=r"missing \['b'\]"):
        require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "table")
    require_columns(pd.DataFrame({"a": [1], "b": [2]}), ["a", "b"])


def _named_charts():
    """Every chart a widget redraws, with the rows its companion gives."""
    world = load_world("2008-2019")
    table, obs = predict_all(world), observed(world)
    pred = predict("rsct", world)
    over_time, base = agreement_over_time(PERIODS), hedge_baseline(PERIODS)
    stab = karabakh.stability()
    result = secession.explained()
    return {
        "side_by_side": (charts.side_by_side(pred, obs), charts.side_by_side_datasets(pred, obs)),
        "theories_side_by_side": (charts.theories_side_by_side(by_theory(table), obs),
                                  charts.theories_side_by_side_datasets(by_theory(table), obs)),
        "divergence": (charts.divergence_chart(divergence(table, obs)),
                       charts.divergence_datasets(divergence(table, obs))),
        "agreement_over_time": (charts.agreement_over_time_chart(over_time, highlight=["2008-2019"], baseline=base),
                                charts.agreement_over_time_datasets(over_time, None, ["2008-2019"], base)),
        "stability": (charts.stability_chart(stab, 0.5, 2020, events=karabakh.war_markers()),
                      charts.stability_datasets(stab, 0.5, 2020)),
        "secession": (charts.secession_chart(result, 0.35, 0.65), charts.secession_datasets(result, 0.35, 0.65)),
    }


@pytest.fixture(scope="module")
def named_charts():
    return _named_charts()


@pytest.mark.parametrize("name", ["side_by_side", "theories_side_by_side", "divergence", "agreement_over_time",
                                  "stability", "secession"])
def test_each_swappable_chart_reads_its_companions_rows_by_name(named_charts, name):
    chart, rows = named_charts[name]
    spec = chart.to_dict()
    assert set(rows) <= referenced_datasets(spec), "every companion data set is read by some layer"
    assert referenced_datasets(spec) <= set(spec["datasets"]), "every data set a layer reads is in the spec"
    for key, values in rows.items():
        assert spec["datasets"][key] == values, f"{name}: data set {key!r} differs from its companion's rows"
        json.dumps(values, allow_nan=False)  # no NaN, no numpy scalars


def test_named_rows_carry_no_nan():
    values = charts.heatmap_records(pd.DataFrame({"state": ["ARM"], "partner": ["RUS"], "score": [math.nan],
                                                  "stance": ["unknown"], "reason": ["not coded"]}))
    assert values[0]["score"] is None
