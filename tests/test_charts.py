"""Tests for alliances.charts: offline renderer bundle and the course chart style."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from alliances import charts

VEGALITE = "application/vnd.vegalite.v5+json"
SVG = "image/svg+xml"


@pytest.fixture
def frame() -> pd.DataFrame:
    rows = [
        ("Armenia", "Russia", 0.8, "align", "Armenia hosts a Russian base."),
        ("Armenia", "Turkey", -0.7, "balance", "The border with Turkey is closed."),
        ("Azerbaijan", "Russia", 0.1, "hedge", "Baku buys arms from Moscow but keeps distance."),
        ("Azerbaijan", "Turkey", 0.9, "align", "The Shusha Declaration is a mutual-aid pact."),
        ("Georgia", "Russia", -0.9, "balance", "Russia occupies 20% of Georgia's territory."),
        ("Georgia", "Turkey", 0.4, "hedge", "Turkey is Georgia's largest trade partner."),
    ]
    return pd.DataFrame(rows, columns=["state", "partner", "score", "stance", "reason"])


@pytest.fixture
def renderer():
    """Enable the course renderer for one test and restore the previous one."""
    previous = alt.renderers.active
    charts.enable_offline_rendering()
    yield
    alt.renderers.enable(previous)


def _bundle(chart: alt.TopLevelMixin) -> dict:
    out = chart._repr_mimebundle_()
    return out[0] if isinstance(out, tuple) else out


# URL loads: script tags, src/href attributes, CSS imports/url() pointing off the page.
_URL_LOAD = re.compile(
    r"<script|<iframe|<link\b|\bsrc\s*=|@import|url\(\s*['\"]?(?!#)|"
    r"(?:xlink:)?href\s*=\s*['\"](?!#)",
    re.IGNORECASE,
)


def _remote_urls_in_spec(obj, key: str = "") -> list[str]:
    """Every string value in a Vega-Lite spec that names a remote resource.

    ``$schema`` is only an identifier (Vega-Embed never fetches it).
    """
    if isinstance(obj, dict):
        return [u for k, v in obj.items() if k != "$schema" for u in _remote_urls_in_spec(v, k)]
    if isinstance(obj, list):
        return [u for v in obj for u in _remote_urls_in_spec(v, key)]
    if isinstance(obj, str) and (key == "url" or re.match(r"(?i)^(https?:)?//", obj)):
        return [obj]
    return []


def test_enable_offline_rendering_is_idempotent(renderer):
    assert charts.enable_offline_rendering() is None  # no stray output in a notebook
    charts.enable_offline_rendering()
    assert alt.renderers.active == charts.RENDERER_NAME == "course"
    assert charts.RENDERER_NAME in alt.renderers.names()


def test_renderer_bundle_has_vegalite_svg_and_no_url(renderer, frame):
    chart = charts.stance_heatmap(frame, "Who sides with whom", "test caption")
    bundle = _bundle(chart)

    assert set(bundle) == {VEGALITE, SVG, "text/plain"}
    assert "text/html" not in bundle and "application/javascript" not in bundle
    spec = bundle[VEGALITE]
    assert spec["$schema"].endswith(".json") and "/v5." in spec["$schema"]
    assert _remote_urls_in_spec(spec) == []
    # the data travel inline with the spec
    assert any(len(v) == len(frame) for v in spec["datasets"].values())

    svg = bundle[SVG]
    assert svg.lstrip().startswith("<svg")
    assert _URL_LOAD.search(svg) is None, _URL_LOAD.search(svg)
    assert "Who sides with whom" in svg and "test caption" in svg


def test_static_fallback_can_be_switched_off(renderer, frame):
    chart = charts.stance_heatmap(frame, "t")
    try:
        charts.enable_offline_rendering(static_fallback=False)
        assert set(_bundle(chart)) == {VEGALITE, "text/plain"}
    finally:
        charts.enable_offline_rendering()
    assert SVG in _bundle(chart)


def test_svg_is_stable_when_the_same_chart_is_drawn_twice(renderer, frame):
    chart = charts.stance_heatmap(frame, "t", "c")
    first, second = _bundle(chart)[SVG], _bundle(chart)[SVG]
    assert first == second
    other = charts.stance_heatmap(frame.assign(score=-frame.score), "t", "c")
    ids = set(re.findall(r'id="([^"]+)"', first))
    assert ids and ids.isdisjoint(re.findall(r'id="([^"]+)"', _bundle(other)[SVG]))


def _layers(spec: dict) -> list[dict]:
    return spec["layer"]


def test_heatmap_spec(frame):
    chart = charts.stance_heatmap(frame, "Who sides with whom", "Scores in [-1, 1]")
    spec = chart.to_dict()  # validates against the Vega-Lite 5 schema

    assert spec["title"]["text"] == "Who sides with whom"
    assert spec["title"]["subtitle"] == "Scores in [-1, 1]"
    cells, text = _layers(spec)
    assert cells["mark"]["type"] == "rect"
    assert text["mark"]["type"] == "text"
    assert text["encoding"]["text"]["field"] == "stance"

    scale = cells["encoding"]["color"]["scale"]
    assert cells["encoding"]["color"]["field"] == "score"
    assert scale["domain"] == [-1.0, 1.0]
    assert scale["domainMid"] == 0
    assert scale["scheme"] == charts.SCORE_SCHEME

    for layer in (cells, text):
        fields = [t["field"] for t in layer["encoding"]["tooltip"]]
        assert {"state", "partner", "score", "stance", "reason"} <= set(fields)

    assert spec["layer"][0]["encoding"]["x"]["sort"] == ["Russia", "Turkey"]
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["Armenia", "Azerbaijan", "Georgia"]
    values = next(iter(spec["datasets"].values()))
    assert values[0]["reason"] == "Armenia hosts a Russian base."


def test_heatmap_without_caption_has_no_subtitle(frame):
    spec = charts.stance_heatmap(frame, "Only a title").to_dict()
    assert spec["title"]["text"] == "Only a title"
    assert "subtitle" not in spec["title"]


def test_heatmap_rejects_missing_columns(frame):
    with pytest.raises(ValueError, match="reason"):
        charts.stance_heatmap(frame.drop(columns="reason"), "t")


def test_side_by_side_shares_scale_and_order(frame):
    observed = frame.iloc[::-1].assign(score=lambda f: -f.score)
    chart = charts.side_by_side(frame, observed, caption="same scale")
    spec = chart.to_dict()

    assert spec["resolve"]["scale"]["color"] == "shared"
    assert spec["title"]["subtitle"] == "same scale"
    left, right = spec["hconcat"]
    assert left["title"]["text"] == "predicted" and right["title"]["text"] == "observed"
    for panel in (left, right):
        cells = panel["layer"][0]
        assert cells["encoding"]["color"]["scale"]["domain"] == [-1.0, 1.0]
        # same row/column order in both panels although observed is reversed
        assert cells["encoding"]["y"]["sort"] == ["Armenia", "Azerbaijan", "Georgia"]
        assert cells["encoding"]["x"]["sort"] == ["Russia", "Turkey"]


def test_palettes_are_the_documented_colour_blind_safe_ones():
    assert charts.SCORE_SCHEME == "purpleorange"  # ColorBrewer PuOr
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    assert set(charts.STANCE_COLORS) == set(charts.STANCES)
    assert set(charts.STANCE_COLORS.values()) <= okabe_ito
    assert len(set(charts.STANCE_COLORS.values())) == len(charts.STANCES)
    scale = charts.stance_scale().to_dict()
    assert scale["domain"] == list(charts.STANCES)
    assert json.dumps(scale)  # serialisable


# --------------------------------------------------------------------------
# Lesson 00 charts: map, timelines, observed alignment by period
# --------------------------------------------------------------------------

def _all_tooltip_fields(spec) -> set[str]:
    """Every field named in a tooltip anywhere in a (nested) spec."""
    found: set[str] = set()
    if isinstance(spec, dict):
        tip = spec.get("encoding", {}).get("tooltip") if isinstance(spec.get("encoding"), dict) else None
        for t in (tip if isinstance(tip, list) else [tip] if tip else []):
            found.add(t.get("field", ""))
        for v in spec.values():
            found |= _all_tooltip_fields(v)
    elif isinstance(spec, list):
        for v in spec:
            found |= _all_tooltip_fields(v)
    return found


def _no_url_data(spec: dict) -> list[str]:
    """Remote URLs outside the inline data values: what a renderer would fetch.

    The event and membership tables carry their sources (some are web addresses) as text
    shown in tooltips; those are values, never loaded.
    """
    bare = {k: v for k, v in spec.items() if k != "datasets"}
    return _remote_urls_in_spec(json.loads(json.dumps(bare).replace('"values":', '"_values":')))


def _title_text(spec: dict) -> str:
    title = spec["title"]
    return title["text"] if isinstance(title, dict) else title


def test_region_map_is_offline_with_places_and_tooltips():
    from alliances import load_table

    spec = charts.region_map().to_dict()
    assert _title_text(spec) == "The South Caucasus"
    assert "Natural Earth" in spec["title"]["subtitle"]
    assert _remote_urls_in_spec(spec) == []
    assert {"properties.name", "name", "kind", "status_note"} <= _all_tooltip_fields(spec)
    text = json.dumps(spec)
    places = load_table("map_places")
    inside = places[places["lon"].between(38, 52.5) & places["lat"].between(35.3, 45.8)]
    for name in inside["name"]:
        assert json.dumps(name)[1:-1] in text
    assert "Moscow" not in text and "Ankara" not in text  # outside the frame
    assert spec["projection"]["type"] == "mercator"  # one projection, shared by every layer


def test_region_map_colours_only_the_three_choosers():
    features, places = charts.load_region_map()
    spec = charts.region_map(features, places).to_dict()
    shapes_layer = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "geoshape"
                        and "format" in layer.get("data", {}))
    assert shapes_layer["data"]["format"] == {"type": "json", "property": "features"}
    shapes = json.loads(spec["datasets"][shapes_layer["data"]["name"]])["features"]
    fills = {f["properties"]["iso3"]: f["properties"]["fill"] for f in shapes}
    assert {fills[c] for c in ("ARM", "AZE", "GEO")} == set(charts.MAP_FOCUS.values())
    assert len({fills[c] for c in fills if c not in charts.MAP_FOCUS}) == 1


def test_every_event_category_has_a_family():
    from alliances import load_table

    events = load_table("events")
    assert set(events["category"]) <= set(charts._CATEGORY_FAMILY)
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"}
    assert {f["color"] for f in charts.EVENT_FAMILIES.values()} <= okabe_ito
    assert charts.event_family("not a category") == "other"


def test_timeline_spec():
    from alliances import load_table

    events = load_table("events")
    key = "2008-08-07-russia-georgia-war-over-south-ossetia-ho"
    chart = charts.timeline(events, caption="hover a point", labels={key: "2008 war"})
    spec = chart.to_dict()
    assert _title_text(spec).startswith("Events") and spec["title"]["subtitle"] == "hover a point"
    assert _no_url_data(spec) == []
    assert '"url"' not in json.dumps(spec)
    assert {"when", "event", "category", "narratives", "source"} <= _all_tooltip_fields(spec)
    rows = [r for v in spec["datasets"].values() for r in v if "event_id" in r]
    assert {r["state"] for r in rows} == {"Armenia", "Azerbaijan", "Georgia"}
    assert all(1988 <= int(r["date"][:4]) <= 2024 for r in rows)
    assert [r["label"] for r in rows if r["event_id"] == key] == ["2008 war"]
    # an event with two choosers appears in both bands
    sept_2020 = [r["state"] for r in rows if r["event_id"].startswith("2020-09-27")]
    assert sorted(sept_2020) == ["Armenia", "Azerbaijan"]
    with pytest.raises(ValueError, match="event"):
        charts.timeline(events.drop(columns="event"))
    with pytest.raises(ValueError, match="not in the table"):
        charts.timeline(events, labels={"no-such-event": "x"})


def test_membership_timeline_spec():
    from alliances import load_table

    spec = charts.membership_timeline(load_table("memberships"), caption="bars").to_dict()
    assert _title_text(spec).startswith("Formal ties")
    assert _no_url_data(spec) == []
    assert '"url"' not in json.dumps(spec)
    assert {"instrument", "kind", "partner", "joined", "left", "source"} <= _all_tooltip_fields(spec)
    panels = spec["vconcat"]
    assert [p["title"]["text"] for p in panels] == ["Armenia", "Azerbaijan", "Georgia"]
    rows = [r for v in spec["datasets"].values() for r in v]
    assert all(r["start"] <= r["stop"] <= "2024-12-31" for r in rows)
    btc = [r for r in rows if r["state"] == "Azerbaijan" and "Ceyhan" in r["instrument"]]
    assert len(btc) == 1 and btc[0]["partner"] == "GEO, TUR"  # split rows drawn once


def test_observed_by_period_shares_scale_and_order(frame):
    later = frame.iloc[::-1].assign(score=lambda f: -f.score)
    spec = charts.observed_by_period({"1992-1999": frame, "2020-2024": later},
                                     caption="coded").to_dict()
    assert _title_text(spec) == "Observed alignment by period"
    assert spec["resolve"]["scale"]["color"] == "shared"
    panels = [p for row in spec["vconcat"] for p in row["hconcat"]]
    assert [p["title"]["text"] for p in panels] == ["1992-1999", "2020-2024"]
    for panel in panels:
        cells = panel["layer"][0]
        assert cells["encoding"]["y"]["sort"] == ["Armenia", "Azerbaijan", "Georgia"]
        assert {"reason", "stance"} <= {t["field"] for t in cells["encoding"]["tooltip"]}
    with pytest.raises(ValueError):
        charts.observed_by_period({})


def test_lesson00_charts_render_offline(renderer):
    from alliances import load_table

    for chart in (charts.region_map(), charts.timeline(load_table("events")),
                  charts.membership_timeline(load_table("memberships"))):
        bundle = _bundle(chart)
        assert SVG in bundle and _URL_LOAD.search(bundle[SVG]) is None
