"""Lesson 00's charts: the offline map, the event timeline and the membership timeline."""

from __future__ import annotations

import json

import pytest

from alliances import charts, load_table
from alliances.charts.region import KARABAKH_FILLS
from alliances.data import default_data_dir
from alliances.schemas import LAST_YEAR
from tests.charts.helpers import (
    SAFE_COLOURS,
    SVG,
    URL_LOAD,
    bundle,
    title_text,
    tooltip_fields,
    urls_outside_data,
)


@pytest.fixture(scope="module")
def region():
    features = json.loads((default_data_dir() / "region_map.geojson").read_text(encoding="utf-8"))["features"]
    return features, load_table("map_places")


def test_region_map_is_offline_with_places_and_tooltips(region):
    spec = charts.region_map(*region).to_dict()
    assert title_text(spec) == "The South Caucasus and the Karabakh conflict zone"
    caption = " ".join(spec["title"]["subtitle"])
    assert "Natural Earth" in caption and "GeoNames" in caption
    assert "Not drawn" in caption and "1994 line" in caption and "2020 ceasefire line" in caption
    assert urls_outside_data(spec) == []  # sources are tooltip text, never loaded
    assert {"properties.name", "properties.group", "name", "kind", "status_note", "source"} <= tooltip_fields(spec)
    text = json.dumps(spec)
    places = region[1]
    inside = places[places["lon"].between(38, 52.5) & places["lat"].between(35.3, 45.8)]
    for name in inside["name"]:
        assert json.dumps(name)[1:-1] in text
    assert "Moscow" not in text and "Ankara" not in text  # outside the frame
    # one projection per panel, shared by every layer of it
    assert [panel["projection"]["type"] for panel in spec["hconcat"]] == ["mercator", "mercator"]


def test_the_karabakh_panel_shows_the_nkao_the_seven_districts_and_the_towns(region):
    features, places = region
    layer = [f for f in features if f["properties"].get("layer") == "karabakh"]
    assert [f["properties"]["name"] for f in layer][1:] == [
        "Kalbajar", "Lachin", "Aghdam", "Qubadli", "Zangilan", "Jabrayil", "Fuzuli"]
    assert {f["properties"]["group"] for f in layer} == set(KARABAKH_FILLS)
    assert {c.upper() for c in KARABAKH_FILLS.values()} <= SAFE_COLOURS
    assert not set(KARABAKH_FILLS.values()) & set(charts.MAP_FOCUS.values())
    spec = charts.region_map(*region).to_dict()
    text = json.dumps(spec, ensure_ascii=False)
    towns = places[places["kind"].isin(["former_nkao", "surrounding_district", "corridor"])]
    assert len(towns) == 10 and all(name in text for name in towns["name"])
    assert "Stepanakert / Khankendi" in text and "Shusha / Shushi" in text


def test_region_map_colours_only_the_three_choosers(region):
    spec = charts.region_map(*region).to_dict()
    shapes_layer = next(layer for layer in spec["hconcat"][0]["layer"] if layer["mark"]["type"] == "geoshape"
                        and "format" in layer.get("data", {}))
    assert shapes_layer["data"]["format"] == {"type": "json", "property": "features"}
    shapes = json.loads(spec["datasets"][shapes_layer["data"]["name"]])["features"]
    fills = {f["properties"]["iso3"]: f["properties"]["fill"] for f in shapes}
    assert {c: fills[c] for c in ("ARM", "AZE", "GEO")} == dict(charts.MAP_FOCUS)
    assert len({fills[c] for c in fills if c not in charts.MAP_FOCUS}) == 1


def test_every_event_category_has_a_family_and_a_safe_colour():
    events = load_table("events")
    listed = {c for family in charts.EVENT_FAMILIES.values() for c in family["categories"]}
    assert set(events["category"]) <= listed
    assert {f["color"].upper() for f in charts.EVENT_FAMILIES.values()} <= SAFE_COLOURS
    assert charts.event_family("not a category") == "other"
    assert all(charts.event_family(c) == name for name, f in charts.EVENT_FAMILIES.items() for c in f["categories"])


def test_timeline_spec():
    events = load_table("events")
    key = "2008-08-07-russia-georgia-war-over-south-ossetia-ho"
    spec = charts.timeline(events, caption="hover a point", labels={key: "2008 war"}).to_dict()
    assert title_text(spec).startswith("Events") and spec["title"]["subtitle"] == "hover a point"
    assert urls_outside_data(spec) == []
    assert '"url"' not in json.dumps(spec)
    assert {"when", "event", "category", "narratives", "source"} <= tooltip_fields(spec)
    rows = [r for v in spec["datasets"].values() for r in v if "event_id" in r]
    assert {r["state"] for r in rows} == {"Armenia", "Azerbaijan", "Georgia"}
    assert all(1988 <= int(r["date"][:4]) <= LAST_YEAR for r in rows)
    assert [r["label"] for r in rows if r["event_id"] == key] == ["2008 war"]
    sept_2020 = [r["state"] for r in rows if r["event_id"].startswith("2020-09-27")]
    assert sorted(sept_2020) == ["Armenia", "Azerbaijan"], "an event with two choosers appears in both bands"
    with pytest.raises(ValueError, match="event"):
        charts.timeline(events.drop(columns="event"))
    with pytest.raises(ValueError, match="not in the table"):
        charts.timeline(events, labels={"no-such-event": "x"})
    with pytest.raises(ValueError, match="no events"):
        charts.timeline(events, start=1900, end=1901)


def test_timeline_labels_are_staggered_not_stacked():
    """Key-event labels sit in their own lanes above each band; two that would overlap are
    put in different lanes, and a label that would run off the right edge ends at its date."""
    events = load_table("events")
    close = {"2020-09-27-second-karabakh-44-day-war-trilateral-st": "Second Karabakh War",
             "2021-06-15-shusha-declaration-on-allied-relations-a": "Shusha Declaration",
             "1992-first-karabakh-war-conflict-from-1988-fu": "First Karabakh War"}
    spec = charts.timeline(events, labels=close).to_dict()
    marks = [r for v in spec["datasets"].values() for r in v if "align" in r]
    assert all("event_id" not in r for r in marks), "label rows are not events"
    aze = {r["label"]: r for r in marks if r["state"] == "Azerbaijan"}
    assert set(aze) == set(close.values())
    assert aze["Second Karabakh War"]["lane"] != aze["Shusha Declaration"]["lane"]
    assert aze["First Karabakh War"]["align"] == "left" and aze["Shusha Declaration"]["align"] == "right"
    lanes = [layer["encoding"]["yOffset"]["scale"]["domain"] for layer in spec["layer"]
             if "yOffset" in layer.get("encoding", {})]
    assert lanes and all(d[:2] == ["key event 1", "key event 2"] for d in lanes)
    assert "key event 1" not in json.dumps(charts.timeline(events).to_dict()["layer"]), "no labels, no label lanes"


def test_membership_timeline_spec():
    spec = charts.membership_timeline(load_table("memberships"), caption="bars").to_dict()
    assert title_text(spec).startswith("Formal ties")
    assert urls_outside_data(spec) == []
    assert '"url"' not in json.dumps(spec)
    assert {"instrument", "kind", "partner", "joined", "left", "source"} <= tooltip_fields(spec)
    assert [p["title"]["text"] for p in spec["vconcat"]] == ["Armenia", "Azerbaijan", "Georgia"]
    rows = [r for v in spec["datasets"].values() for r in v]
    assert all(r["start"] <= r["stop"] <= f"{LAST_YEAR}-12-31" for r in rows)
    btc = [r for r in rows if r["state"] == "Azerbaijan" and "Ceyhan" in r["instrument"]]
    assert len(btc) == 1 and btc[0]["partner"] == "GEO, TUR", "split rows are drawn once"
    assert {c.upper() for c in charts.MEMBERSHIP_COLORS.values()} <= SAFE_COLOURS


def test_lesson00_charts_render_offline(renderer, region):
    for chart in (charts.region_map(*region), charts.timeline(load_table("events")),
                  charts.membership_timeline(load_table("memberships"))):
        out = bundle(chart)
        assert SVG in out and URL_LOAD.search(out[SVG]) is None
