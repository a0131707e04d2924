"""Offline locator map of the South Caucasus with Altair (preview / reference code).

Draws data/region_map.geojson (Natural Earth via world-atlas; built by
scripts/build_map.py) with the places in data/map_places.csv, entirely from
inline data: no URL is fetched when the chart is rendered.

    python scripts/map_preview.py /tmp/spec/map_preview.png

The course's charts module is meant to own the production version; this
function is kept small so that it can be moved there as is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import altair as alt
import pandas as pd

DATA = Path(__file__).resolve().parent.parent / "data"

#: Frame of the map (lon_min, lat_min, lon_max, lat_max).
VIEW = (38.0, 35.3, 52.5, 45.8)

FOCUS = {"ARM": "#c9a227", "AZE": "#3a7ca5", "GEO": "#b5475b"}
OTHER = "#e6e2d8"

KIND_SHAPE = {"capital": "circle", "de_facto_entity": "diamond", "region": "triangle-up"}
KIND_LABEL = {"capital": "capital", "de_facto_entity": "de facto entity (past or present)",
              "region": "autonomous region"}


def _box(bbox: tuple[float, float, float, float], step: float = 0.25) -> dict:
    """Rectangle along meridians and parallels, densified (d3-geo joins
    vertices by great-circle arcs, so a 4-corner box would bulge)."""
    x0, y0, x1, y1 = bbox
    n = max(2, int((x1 - x0) / step))
    m = max(2, int((y1 - y0) / step))
    xs = [x0 + (x1 - x0) * i / n for i in range(n + 1)]
    ys = [y0 + (y1 - y0) * j / m for j in range(m + 1)]
    # clockwise (d3 convention): up the west side, east along the top, down, back
    ring = ([[x0, y] for y in ys] + [[x, y1] for x in xs[1:]]
            + [[x1, y] for y in ys[-2::-1]] + [[x, y0] for x in xs[-2::-1]])
    return {"type": "Feature", "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def region_map(
    features: list[dict],
    places: pd.DataFrame,
    view: tuple[float, float, float, float] = VIEW,
    width: int = 620,
    height: int = 460,
    sea_box: tuple[float, float, float, float] = (36.7, 34.5, 54.0, 48.0),
) -> alt.LayerChart:
    """Locator map: country shapes, the three focus states coloured, labelled places.

    Parameters
    ----------
    features : list of GeoJSON Feature dicts
        ``region_map.geojson``'s ``features`` (properties ``name``, ``iso3``).
    places : DataFrame
        ``map_places.csv`` (name, kind, lat, lon, ...); places outside
        ``view`` (e.g. Moscow, Ankara) are left out of the map.
    view : (lon_min, lat_min, lon_max, lat_max)
        Area the Mercator projection is fitted to.
    sea_box : (lon_min, lat_min, lon_max, lat_max)
        Extent of the map data (build_map.DEFAULT_BBOX); painted as sea
        beneath the countries.
    """
    x0, y0, x1, y1 = view
    feats = []
    for f in features:
        props = dict(f["properties"])
        props["fill"] = FOCUS.get(props["iso3"], OTHER)
        props["focus"] = props["iso3"] in FOCUS
        feats.append({**f, "properties": props})
    inside = places[places["lon"].between(x0, x1) & places["lat"].between(y0, y1)].copy()
    inside["kind"] = inside["kind"].map(KIND_LABEL).fillna(inside["kind"])

    projection = {
        "type": "mercator",
        "fit": _box(view),
        "clipExtent": [[0, 0], [width, height]],
    }
    sea = alt.Chart(alt.Data(values=[_box(sea_box)])).mark_geoshape(
        fill="#dcebf3", stroke=None
    ).project(**projection)
    base = alt.Chart(alt.Data(values=feats)).properties(width=width, height=height)
    shapes = base.mark_geoshape(stroke="white", strokeWidth=0.8).encode(
        fill=alt.Fill("properties.fill:N", scale=None),
        tooltip=[alt.Tooltip("properties.name:N", title="country")],
    ).project(**projection)
    country_labels = base.transform_filter("datum.properties.focus").mark_text(
        fontSize=12, fontWeight="bold", color="#333", opacity=0.75
    ).encode(
        longitude="lon:Q", latitude="lat:Q", text="properties.name:N",
    ).transform_calculate(
        # hand-placed label anchors (lon, lat) for the three focus states
        lon="{'ARM': 44.75, 'AZE': 48.3, 'GEO': 42.9}[datum.properties.iso3]",
        lat="{'ARM': 40.85, 'AZE': 40.9, 'GEO': 42.1}[datum.properties.iso3]",
    ).project(**projection)

    pts = alt.Chart(inside).encode(longitude="lon:Q", latitude="lat:Q")
    points = pts.mark_point(filled=True, size=60, color="#222", opacity=0.9).encode(
        shape=alt.Shape(
            "kind:N",
            scale=alt.Scale(domain=[KIND_LABEL[k] for k in KIND_SHAPE],
                            range=list(KIND_SHAPE.values())),
            legend=alt.Legend(title=None, orient="bottom-left", fillColor="white", padding=4),
        ),
        tooltip=["name:N", "kind:N", "status_note:N"],
    ).project(**projection)
    labels = pts.mark_text(align="left", dx=6, dy=-6, fontSize=11, color="#111").encode(
        text="name:N"
    ).project(**projection)
    return alt.layer(sea, shapes, country_labels, points, labels).properties(
        title=alt.Title(
            "The South Caucasus",
            subtitle="Borders: Natural Earth (public domain), via world-atlas 2.0.2. "
                     "Points: capitals, de facto entities and autonomous regions.",
            anchor="start",
        ),
        width=width,
        height=height,
    ).configure_view(stroke=None)


def load(data_dir: Path = DATA) -> tuple[list[dict], pd.DataFrame]:
    """Read the two map files from ``data_dir``."""
    fc = json.loads((data_dir / "region_map.geojson").read_text())
    return fc["features"], pd.read_csv(data_dir / "map_places.csv")


if __name__ == "__main__":
    import vl_convert as vlc

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/spec/map_preview.png")
    features, places = load()
    chart = region_map(features, places)
    out.write_bytes(vlc.vegalite_to_png(chart.to_json(), scale=2))
    print(f"wrote {out}")
