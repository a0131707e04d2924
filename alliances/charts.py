"""Offline chart rendering and the course's chart style.

Call :func:`enable_offline_rendering` once at the top of every notebook.  After
that every Altair chart is displayed with a MIME bundle that holds

* ``application/vnd.vegalite.v5+json`` -- drawn by JupyterLab's built-in
  Vega-Lite 5 renderer, interactive (tooltips), with no network access;
* ``image/svg+xml`` -- a static picture made locally with ``vl_convert``, which
  is what GitHub, nbviewer and ``nbconvert --to html`` show;
* ``text/plain`` -- a one-line description for plain-text front ends.

No ``text/html`` and no ``<script>`` is emitted, so nothing is ever loaded
from a CDN.

Style helpers:

* :data:`SCORE_SCHEME` / :func:`score_scale` -- the diverging colour scale for
  scores in [-1, 1] (ColorBrewer *PuOr*, Vega's ``"purpleorange"``, listed as
  colour-blind safe on colorbrewer2.org), centred on 0;
* :data:`STANCE_COLORS` / :func:`stance_scale` -- the categorical palette for the
  stances align / hedge / balance, taken from the Okabe-Ito palette (designed
  to be distinguishable with all common colour-vision deficiencies);
* :func:`stance_heatmap` and :func:`side_by_side` -- the state x partner heat map
  used throughout the course;
* :func:`observed_by_period` -- the heat map once per period, on one shared scale;
* :func:`region_map` -- the offline locator map (``data/region_map.geojson`` and
  ``data/map_places.csv``);
* :func:`timeline` and :func:`membership_timeline` -- events and formal ties of the
  three states over time.

All chart functions are pure: they take data frames and return Altair charts.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

__all__ = [
    "RENDERER_NAME",
    "SCORE_DOMAIN",
    "SCORE_SCHEME",
    "STANCES",
    "STANCE_COLORS",
    "REQUIRED_COLUMNS",
    "enable_offline_rendering",
    "render_bundle",
    "score_scale",
    "stance_scale",
    "stance_heatmap",
    "side_by_side",
    "observed_by_period",
    "region_map",
    "load_region_map",
    "timeline",
    "event_family",
    "EVENT_FAMILIES",
    "membership_timeline",
]

# --------------------------------------------------------------------------
# Offline rendering
# --------------------------------------------------------------------------

RENDERER_NAME = "course"
VEGALITE_MIME = "application/vnd.vegalite.v5+json"
SVG_MIME = "image/svg+xml"
TEXT_MIME = "text/plain"

# "v5.20.1" -> "5.20": the Vega-Lite version vl_convert should compile with,
# the same one JupyterLab's renderer and Altair's schema speak.
_VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


_SVG_ID = re.compile(r'id="((?:gradient|clip|pattern)_?\d+)"')


def _stable_svg_ids(svg: str) -> str:
    """Replace Vega's counter-based element ids with content-derived ones.

    vl_convert's Vega keeps a process-wide counter (``gradient_0``,
    ``gradient_1``, ...), so re-rendering the same chart in one kernel gives a
    different SVG.  The ids are renamed to ``<hash>-<n>``, where the hash is of
    the SVG with the ids blanked: same chart -> same bytes (stable notebook
    outputs for nbval), different charts -> different ids (no clash when
    several SVGs are inlined in one HTML page).
    """
    ids = list(dict.fromkeys(_SVG_ID.findall(svg)))
    if not ids:
        return svg
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, ids)) + r")\b")
    blank = pattern.sub("ID", svg)
    digest = hashlib.sha1(blank.encode("utf-8")).hexdigest()[:10]
    names = {old: f"v{digest}-{n}" for n, old in enumerate(ids)}
    return pattern.sub(lambda m: names[m.group(1)], svg)


def _svg_fallback(spec: dict[str, Any]) -> str | None:
    """Return a static SVG of ``spec`` made locally by vl_convert, or None."""
    try:
        import vl_convert as vlc

        return _stable_svg_ids(vlc.vegalite_to_svg(spec, vl_version=_VL_VERSION))
    except Exception as exc:  # pragma: no cover - depends on vl_convert
        warnings.warn(
            f"Static SVG fallback could not be made ({exc!r}); the chart will "
            "show in JupyterLab but not on GitHub/nbviewer.",
            RuntimeWarning,
            stacklevel=2,
        )
        return None


_settings: dict[str, bool] = {"static_fallback": True}


def render_bundle(
    spec: dict[str, Any], **metadata: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Altair renderer: turn a Vega-Lite spec into an offline MIME bundle.

    Returns ``(bundle, metadata)`` as Altair's renderer protocol expects.
    The bundle never contains HTML or JavaScript.  The SVG copy is added
    unless ``enable_offline_rendering(static_fallback=False)`` switched it off.
    """
    bundle: dict[str, Any] = {
        VEGALITE_MIME: spec,
        TEXT_MIME: "<Altair chart (Vega-Lite 5)>",
    }
    svg = _svg_fallback(spec) if _settings["static_fallback"] else None
    if svg is not None:
        bundle[SVG_MIME] = svg
    meta: dict[str, Any] = {VEGALITE_MIME: metadata} if metadata else {}
    return bundle, meta


def enable_offline_rendering(static_fallback: bool = True) -> None:
    """Register and enable the course's offline Altair renderer (named ``"course"``).

    Safe and cheap to call many times (registration is a dict assignment; the
    first chart drawn pays vl_convert's start-up cost, ~0.5 s, later ones
    ~0.1 s for the SVG copy).  ``static_fallback=False`` leaves the SVG copy
    out (faster widget redraws; nothing for GitHub/nbviewer to show).
    Returns None, so a notebook cell that ends with this call shows no output.
    """
    _settings["static_fallback"] = bool(static_fallback)
    try:
        import vl_convert  # noqa: F401
    except ImportError as exc:  # pragma: no cover - environment problem
        raise ImportError(
            "vl-convert-python is needed for the static chart copies; "
            "install the course requirements (pip install vl-convert-python)."
        ) from exc
    if alt.renderers.get() is not render_bundle or alt.renderers.active != RENDERER_NAME:
        alt.renderers.register(RENDERER_NAME, render_bundle)
        alt.renderers.enable(RENDERER_NAME)


# --------------------------------------------------------------------------
# Course style
# --------------------------------------------------------------------------

SCORE_DOMAIN: tuple[float, float] = (-1.0, 1.0)
#: ColorBrewer PuOr -- colour-blind safe diverging scheme (colorbrewer2.org).
SCORE_SCHEME = "purpleorange"

STANCES: tuple[str, ...] = ("align", "hedge", "balance")
#: Okabe-Ito colours (Okabe & Ito 2002, "Color Universal Design").
STANCE_COLORS: dict[str, str] = {
    "align": "#0072B2",  # blue
    "hedge": "#E69F00",  # orange
    "balance": "#009E73",  # bluish green
}

REQUIRED_COLUMNS: tuple[str, ...] = ("state", "partner", "score", "stance", "reason")

_CELL = 46  # pixel size of one heat-map cell


def score_scale() -> alt.Scale:
    """The shared diverging colour scale for scores in [-1, 1], centred on 0.

    Purple is +1 (aligned), near-white is 0, orange is -1 (opposed).
    (Vega's ``purpleorange`` runs purple -> orange; it is reversed here.)
    """
    return alt.Scale(
        scheme=SCORE_SCHEME,
        domain=list(SCORE_DOMAIN),
        domainMid=0,
        reverse=True,
        clamp=True,
    )


def stance_scale(stances: Sequence[str] = STANCES) -> alt.Scale:
    """The categorical colour scale for stance labels (Okabe-Ito colours)."""
    return alt.Scale(
        domain=list(stances),
        range=[STANCE_COLORS.get(s, "#999999") for s in stances],
    )


def _check_frame(frame: pd.DataFrame, name: str = "frame") -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} needs columns {list(REQUIRED_COLUMNS)}; missing {missing}"
        )


#: The course's actor order: the three choosers, then the powers.
ACTOR_ORDER: tuple[str, ...] = ("ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "WEST", "USA", "EU")


def _order(values: pd.Series) -> list[str]:
    """Categories in the course's actor order when they are actor codes, else in order of
    first appearance (stable, data-driven)."""
    seen = [str(v) for v in pd.unique(values.astype(str))]
    if all(v in ACTOR_ORDER for v in seen):
        return [a for a in ACTOR_ORDER if a in seen]
    return seen


def _heatmap_layers(
    frame: pd.DataFrame,
    states: Sequence[str],
    partners: Sequence[str],
    legend_title: str | None = "score",
) -> alt.LayerChart:
    data = frame[list(REQUIRED_COLUMNS)].copy()
    data["state"] = data["state"].astype(str)
    data["partner"] = data["partner"].astype(str)
    data["stance"] = data["stance"].astype(str)
    data["reason"] = data["reason"].astype(str)
    data["score"] = pd.to_numeric(data["score"], errors="coerce").astype(float)

    base = alt.Chart(data).encode(
        x=alt.X("partner:N", sort=list(partners), title="partner",
                axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("state:N", sort=list(states), title="state"),
    )
    tooltip = [
        alt.Tooltip("state:N", title="state"),
        alt.Tooltip("partner:N", title="partner"),
        alt.Tooltip("score:Q", title="score", format="+.2f"),
        alt.Tooltip("stance:N", title="stance"),
        alt.Tooltip("reason:N", title="reason"),
    ]
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "score:Q",
            scale=score_scale(),
            legend=alt.Legend(title=legend_title, values=[-1, -0.5, 0, 0.5, 1],
                              format="+.1f", gradientLength=_CELL * 3),
        ),
        tooltip=tooltip,
    )
    labels = base.mark_text(fontSize=11).encode(
        text=alt.Text("stance:N"),
        color=alt.condition(
            "abs(datum.score) > 0.6", alt.value("white"), alt.value("black")
        ),
        tooltip=tooltip,
    )
    return alt.layer(cells, labels).properties(
        width=_CELL * max(len(partners), 1),
        height=_CELL * max(len(states), 1),
    )


def stance_heatmap(
    frame: pd.DataFrame,
    title: str,
    caption: str = "",
    *,
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
) -> alt.LayerChart:
    """State x partner heat map of alignment scores with stance labels.

    Parameters
    ----------
    frame:
        One row per (state, partner) with columns ``state``, ``partner``,
        ``score`` (float in [-1, 1]), ``stance`` (align/hedge/balance) and
        ``reason`` (one sentence explaining the score).
    title:
        Chart title.
    caption:
        One line shown under the title (e.g. the data source or the question).
    states, partners:
        Row and column order; default is order of first appearance.

    Returns
    -------
    A layered Altair chart: coloured cells (shared diverging scale
    :func:`score_scale`), the stance label as cell text, and tooltips that
    include the reason sentence.
    """
    _check_frame(frame)
    states = list(states) if states is not None else _order(frame["state"])
    partners = list(partners) if partners is not None else _order(frame["partner"])
    chart = _heatmap_layers(frame, states, partners)
    return chart.properties(title=_title(title, caption))


def _title(text: str, caption: str) -> alt.TitleParams:
    if caption:
        return alt.TitleParams(text=text, subtitle=caption, anchor="start")
    return alt.TitleParams(text=text, anchor="start")


def side_by_side(
    predicted: pd.DataFrame,
    observed: pd.DataFrame,
    title: str = "Prediction vs. observed alignment",
    caption: str = "",
    *,
    labels: Mapping[str, str] | None = None,
) -> alt.HConcatChart:
    """Predicted alignment next to observed alignment, one shared colour scale.

    Both frames have the :func:`stance_heatmap` shape.  Rows and columns use
    the same order in both panels (union of both frames, first appearance
    first), so cells line up; the colour scale is resolved as shared and has
    the fixed domain [-1, 1].

    ``labels`` may rename the panel titles, keys ``"predicted"`` and
    ``"observed"``.
    """
    _check_frame(predicted, "predicted")
    _check_frame(observed, "observed")
    names = {"predicted": "predicted", "observed": "observed"}
    names.update(labels or {})
    both = pd.concat([predicted, observed], ignore_index=True)
    states = _order(both["state"])
    partners = _order(both["partner"])
    left = _heatmap_layers(predicted, states, partners).properties(
        title=alt.TitleParams(names["predicted"], anchor="start", fontSize=12)
    )
    right = _heatmap_layers(observed, states, partners).properties(
        title=alt.TitleParams(names["observed"], anchor="start", fontSize=12)
    )
    return (
        alt.hconcat(left, right, spacing=24)
        .resolve_scale(color="shared")
        .properties(title=_title(title, caption))
    )


# --------------------------------------------------------------------------
# Observed alignment, period by period
# --------------------------------------------------------------------------


def observed_by_period(
    frames: Mapping[str, pd.DataFrame],
    title: str = "Observed alignment by period",
    caption: str = "",
    *,
    columns: int = 2,
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
) -> alt.VConcatChart:
    """One :func:`stance_heatmap` panel per period, on one shared colour scale.

    ``frames`` maps a panel label (e.g. ``"1992-1999"``) to a frame in the heat-map
    shape, such as ``observed(load_world(period))``. Every panel uses the same row and
    column order (union of all frames, first appearance first), so a cell sits in the
    same place in every panel (or the order given by ``states`` and ``partners``);
    panels are laid out ``columns`` to a row.
    """
    if not frames:
        raise ValueError("observed_by_period needs at least one frame")
    for label, frame in frames.items():
        _check_frame(frame, f"frame {label!r}")
    both = pd.concat(list(frames.values()), ignore_index=True)
    states = list(states) if states is not None else _order(both["state"])
    partners = list(partners) if partners is not None else _order(both["partner"])
    panels = [
        _heatmap_layers(frame, states, partners).properties(
            title=alt.TitleParams(str(label), anchor="start", fontSize=12))
        for label, frame in frames.items()
    ]
    rows = [alt.hconcat(*panels[i:i + columns], spacing=24)
            for i in range(0, len(panels), max(columns, 1))]
    return (
        alt.vconcat(*rows, spacing=16)
        .resolve_scale(color="shared")
        .properties(title=_title(title, caption))
    )


# --------------------------------------------------------------------------
# Locator map
# --------------------------------------------------------------------------

#: Frame of the locator map (lon_min, lat_min, lon_max, lat_max).
MAP_VIEW: tuple[float, float, float, float] = (38.0, 35.3, 52.5, 45.8)
#: Extent of ``region_map.geojson`` (scripts/build_map.py's box), painted as sea.
MAP_SEA_BOX: tuple[float, float, float, float] = (36.7, 34.5, 54.0, 48.0)
#: Fill of the three choosers (Okabe-Ito orange, sky blue, reddish purple) and the rest.
MAP_FOCUS: dict[str, str] = {"ARM": "#E69F00", "AZE": "#56B4E9", "GEO": "#CC79A7"}
_MAP_OTHER, _MAP_SEA = "#e8e4da", "#dbe9f1"
_KIND_SHAPE = {"capital": "circle", "de_facto_entity": "diamond", "region": "triangle-up"}
_KIND_LABEL = {"capital": "capital", "de_facto_entity": "de facto entity (past or present)",
               "region": "autonomous region"}
#: Hand-placed label anchors (lon, lat): the three choosers, their neighbours and the seas.
_MAP_LABELS: tuple[tuple[str, float, float, str], ...] = (
    ("Armenia", 44.6, 40.75, "focus"), ("Azerbaijan", 48.2, 40.95, "focus"),
    ("Georgia", 43.1, 42.1, "focus"), ("RUSSIA", 44.5, 44.6, "neighbour"),
    ("TURKEY", 40.2, 38.9, "neighbour"), ("IRAN", 49.0, 36.6, "neighbour"),
    ("Black Sea", 39.3, 43.2, "sea"), ("Caspian Sea", 50.9, 41.6, "sea"),
)


def _box(bbox: tuple[float, float, float, float], step: float = 0.25) -> dict:
    """Rectangle along meridians and parallels, densified (d3-geo joins vertices by
    great-circle arcs, so a four-corner box would bulge); clockwise, as d3 expects."""
    x0, y0, x1, y1 = bbox
    n = max(2, int((x1 - x0) / step))
    m = max(2, int((y1 - y0) / step))
    xs = [x0 + (x1 - x0) * i / n for i in range(n + 1)]
    ys = [y0 + (y1 - y0) * j / m for j in range(m + 1)]
    ring = ([[x0, y] for y in ys] + [[x, y1] for x in xs[1:]]
            + [[x1, y] for y in ys[-2::-1]] + [[x, y0] for x in xs[-2::-1]])
    return {"type": "Feature", "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def load_region_map(data_dir=None) -> tuple[list[dict], pd.DataFrame]:
    """The locator map's inputs: ``region_map.geojson``'s features and ``map_places``.

    Both are read from the course's data folder (``data_dir`` or
    :func:`alliances.data.default_data_dir`); nothing is fetched from the network.
    """
    from pathlib import Path

    from alliances.data import default_data_dir, load_table

    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    collection = json.loads((folder / "region_map.geojson").read_text(encoding="utf-8"))
    return collection["features"], load_table("map_places", folder)


def region_map(
    features: list[dict] | None = None,
    places: pd.DataFrame | None = None,
    *,
    view: tuple[float, float, float, float] = MAP_VIEW,
    sea_box: tuple[float, float, float, float] = MAP_SEA_BOX,
    width: int = 620,
    height: int = 460,
    title: str = "The South Caucasus",
    caption: str = ("Borders: Natural Earth admin-0 (de facto view), via world-atlas 2.0.2. "
                    "Points: capitals, de facto entities, autonomous regions."),
) -> alt.LayerChart:
    """Offline locator map: country shapes, the three choosers coloured, labelled places.

    Parameters
    ----------
    features
        GeoJSON features with properties ``name`` and ``iso3`` (``region_map.geojson``);
        default: read by :func:`load_region_map`.
    places
        ``map_places.csv`` (name, kind, lat, lon, status_note); places outside ``view``
        (Moscow, Ankara) are left out. Default: read by :func:`load_region_map`.
    view
        (lon_min, lat_min, lon_max, lat_max) the Mercator projection is fitted to.
    sea_box
        Extent of the map data, painted as sea beneath the countries.

    All data travel inline in the spec (no URL). Tooltips: the country's name; for each
    place its kind and its neutral status note.
    """
    if features is None or places is None:
        loaded_features, loaded_places = load_region_map()
        features = loaded_features if features is None else features
        places = loaded_places if places is None else places
    x0, y0, x1, y1 = view
    feats = []
    for feature in features:
        props = dict(feature["properties"])
        props["fill"] = MAP_FOCUS.get(props.get("iso3"), _MAP_OTHER)
        feats.append({**feature, "properties": props})
    inside = places[places["lon"].between(x0, x1) & places["lat"].between(y0, y1)].copy()
    inside = inside[["name", "kind", "lat", "lon", "status_note"]]
    inside["kind"] = inside["kind"].map(_KIND_LABEL).fillna(inside["kind"])
    inside["status_note"] = inside["status_note"].fillna("")

    # one projection for every layer, fitted to a coarse box (1-degree steps keep the
    # spec small; the bulge of 1-degree great-circle arcs is far below a pixel)
    projection = alt.Projection(type="mercator", fit=_box(view, step=1.0),
                                clipExtent=[[0, 0], [width, height]])
    sea = alt.Chart(alt.Data(values=[_box(sea_box)])).mark_geoshape(
        fill=_MAP_SEA, stroke=None)
    # The features travel as one JSON string that Vega parses: Altair then copies one
    # string instead of walking ~10,000 coordinate pairs (about 0.5 s per chart).
    country_data = alt.InlineData(
        values=json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":")),
        format=alt.DataFormat(type="json", property="features"))
    shapes = alt.Chart(country_data).mark_geoshape(
        stroke="white", strokeWidth=0.8).encode(
        fill=alt.Fill("properties.fill:N", scale=None),
        tooltip=[alt.Tooltip("properties.name:N", title="country")],
    )

    names = pd.DataFrame(list(_MAP_LABELS), columns=["label", "lon", "lat", "role"])
    label_base = alt.Chart(names).encode(longitude="lon:Q", latitude="lat:Q", text="label:N")
    focus = label_base.transform_filter("datum.role == 'focus'").mark_text(
        fontSize=13, fontWeight="bold", color="#222")
    neighbours = label_base.transform_filter("datum.role == 'neighbour'").mark_text(
        fontSize=11, color="#777", fontWeight="bold")
    seas = label_base.transform_filter("datum.role == 'sea'").mark_text(
        fontSize=11, fontStyle="italic", color="#4a7a96")

    place_tooltip = [alt.Tooltip("name:N", title="place"), alt.Tooltip("kind:N", title="kind"),
                     alt.Tooltip("status_note:N", title="status")]
    pts = alt.Chart(inside).encode(longitude="lon:Q", latitude="lat:Q")
    points = pts.mark_point(filled=True, size=60, color="#222", opacity=0.9).encode(
        shape=alt.Shape(
            "kind:N",
            scale=alt.Scale(domain=[_KIND_LABEL[k] for k in _KIND_SHAPE],
                            range=list(_KIND_SHAPE.values())),
            legend=alt.Legend(title=None, orient="bottom-left", fillColor="white", padding=4),
        ),
        tooltip=place_tooltip,
    )
    labels = pts.mark_text(align="left", dx=6, dy=-7, fontSize=11, color="#111").encode(
        text="name:N", tooltip=place_tooltip)
    return alt.layer(sea, shapes, neighbours, seas, focus, points, labels).properties(
        title=_title(title, caption), width=width, height=height, projection=projection,
    ).configure_view(stroke=None)


# --------------------------------------------------------------------------
# Timelines
# --------------------------------------------------------------------------

#: Event categories (``events.csv``) grouped into families, each with an Okabe-Ito colour
#: and a shape, so the families stay apart in colour and in form.
EVENT_FAMILIES: dict[str, dict[str, Any]] = {
    "war or violence": {"categories": ("war", "intercommunal_violence", "mass_atrocity", "coup"),
                        "color": "#D55E00", "shape": "triangle-up"},
    "ceasefire": {"categories": ("ceasefire",), "color": "#009E73", "shape": "square"},
    "revolution, election, change of power": {
        "categories": ("revolution", "government_change", "election"),
        "color": "#CC79A7", "shape": "diamond"},
    "treaty or membership": {"categories": ("treaty",), "color": "#0072B2", "shape": "circle"},
    "blockade, border closure, sanctions": {
        "categories": ("border_closure", "sanctions"), "color": "#E69F00", "shape": "cross"},
    "displacement": {"categories": ("displacement",), "color": "#000000", "shape": "triangle-down"},
    "diplomacy, UN, recognition": {
        "categories": ("diplomacy", "summit", "un_resolution", "recognition", "independence",
                       "secession"),
        "color": "#56B4E9", "shape": "triangle-right"},
    "other": {"categories": ("energy", "other"), "color": "#999999", "shape": "triangle-left"},
}
_CATEGORY_FAMILY = {c: fam for fam, spec in EVENT_FAMILIES.items() for c in spec["categories"]}
_CHOOSER_NAMES = {"ARM": "Armenia", "AZE": "Azerbaijan", "GEO": "Georgia"}


def event_family(category: str) -> str:
    """The :data:`EVENT_FAMILIES` family of an ``events.csv`` category ("other" if unknown)."""
    return _CATEGORY_FAMILY.get(str(category), "other")


def _text(value: object) -> str:
    """A cell as text; missing values as the empty string."""
    return "" if value is None or pd.isna(value) else str(value)


def _to_date(value: object, end: bool = False) -> pd.Timestamp | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a timestamp (start, or end if ``end``)."""
    if value is None or pd.isna(value) or str(value).strip() == "":
        return None
    text = str(value).strip()
    period = pd.Period(text, freq={4: "Y", 7: "M"}.get(len(text), "D"))
    return (period.end_time.normalize() if end else period.start_time)


def timeline(
    events: pd.DataFrame,
    title: str = "Events involving Armenia, Azerbaijan and Georgia",
    caption: str = "",
    *,
    start: int = 1988,
    end: int = 2024,
    states: Sequence[str] = ("ARM", "AZE", "GEO"),
    labels: Mapping[str, str] | None = None,
    periods: Sequence[str] | None = ("1992-1999", "2000-2007", "2008-2019", "2020-2024"),
    width: int = 760,
) -> alt.LayerChart:
    """Timeline of ``events.csv``: one band per state, one lane per event family.

    Each event is a point at its date in the band of every listed state it involves,
    coloured and shaped by its family (:data:`EVENT_FAMILIES`); events with an end date
    also get a bar to that date. Vertical rules mark the start of each of ``periods``.
    ``labels`` maps an ``event_id`` to a short text written next to its point, so the
    static picture names the key events (an unknown ``event_id`` is refused). Tooltips: date, event, category, actors, the
    competing narratives (where the event is contested) and the source.
    """
    need = ["event_id", "date", "end_date", "year", "event", "states", "category"]
    missing = [c for c in need if c not in events.columns]
    if missing:
        raise ValueError(f"events needs columns {need}; missing {missing}")
    unknown = sorted(set(labels or {}) - set(events["event_id"]))
    if unknown:
        raise ValueError(f"labels name events that are not in the table: {unknown}")
    rows = []
    for ev in events.itertuples(index=False):
        if not (start <= int(ev.year) <= end):
            continue
        involved = [s for s in str(ev.states).split(";") if s in states]
        begin = _to_date(ev.date)
        finish = _to_date(getattr(ev, "end_date", None), end=True)
        narratives = getattr(ev, "narratives", None)
        narratives = None if narratives is None or pd.isna(narratives) else narratives
        for state in involved:
            rows.append({
                "event_id": ev.event_id, "state": _CHOOSER_NAMES.get(state, state),
                "date": begin.strftime("%Y-%m-%d"),
                "end": finish.strftime("%Y-%m-%d") if finish is not None else "",
                "when": str(ev.date) + (f" to {ev.end_date}" if finish is not None else ""),
                "event": str(ev.event), "category": str(ev.category).replace("_", " "),
                "family": event_family(ev.category), "actors": str(ev.states).replace(";", ", "),
                "narratives": (str(narratives) if not pd.isna(narratives) and str(narratives)
                               else "not contested in the sources"),
                "source": _text(getattr(ev, "source", None)),
                "label": (labels or {}).get(ev.event_id, ""),
            })
    data = pd.DataFrame(rows)
    if data.empty:
        raise ValueError(f"no events between {start} and {end} involve {list(states)}")
    families = [f for f in EVENT_FAMILIES if f in set(data["family"])]
    band_order = [_CHOOSER_NAMES.get(s, s) for s in states]
    lane_height = 12
    height = lane_height * len(families) * len(band_order)
    x = alt.X("date:T", title="year", scale=alt.Scale(domain=[f"{start}-01-01", f"{end}-12-31"]),
              axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2}, grid=False))
    y = alt.Y("state:N", sort=band_order, title=None,
              axis=alt.Axis(labelFontSize=12, labelFontWeight="bold", ticks=False, domain=False))
    y_offset = alt.YOffset("family:N", sort=families, scale=alt.Scale(paddingInner=0.1))
    colour = alt.Color("family:N", sort=families, title="kind of event",
                       scale=alt.Scale(domain=families,
                                       range=[EVENT_FAMILIES[f]["color"] for f in families]),
                       legend=alt.Legend(orient="bottom", columns=3, labelLimit=320))
    shape = alt.Shape("family:N", sort=families,
                      scale=alt.Scale(domain=families,
                                      range=[EVENT_FAMILIES[f]["shape"] for f in families]))
    tooltip = [alt.Tooltip("when:N", title="date"), alt.Tooltip("event:N", title="event"),
               alt.Tooltip("category:N", title="category"), alt.Tooltip("actors:N", title="actors"),
               alt.Tooltip("narratives:N", title="narratives"), alt.Tooltip("source:N", title="source")]
    base = alt.Chart(data).encode(x=x, y=y, yOffset=y_offset)
    spans = base.transform_filter("datum.end != ''").mark_bar(
        height=4, opacity=0.45).encode(x2="end:T", color=colour, tooltip=tooltip)
    points = base.mark_point(size=55, filled=True, opacity=0.9, strokeWidth=2).encode(
        color=colour, shape=shape, tooltip=tooltip)
    texts = base.transform_filter("datum.label != ''").mark_text(
        align="left", dx=6, dy=0, fontSize=10, color="#222").encode(text="label:N", tooltip=tooltip)
    layers = [spans, points, texts]
    if periods:
        starts = pd.DataFrame({"period": list(periods),
                               "date": [f"{str(p)[:4]}-01-01" for p in periods]})
        rule_base = alt.Chart(starts).encode(x=alt.X("date:T"))
        rules = rule_base.mark_rule(color="#888", strokeDash=[3, 3]).encode(
            tooltip=[alt.Tooltip("period:N", title="course period starts")])
        layers = [rules] + layers
    return alt.layer(*layers).properties(
        width=width, height=height, title=_title(title, caption))


#: Partner families of ``memberships.csv`` rows, with Okabe-Ito colours.
MEMBERSHIP_COLORS: dict[str, str] = {
    "Russia or Russia-led": "#D55E00",
    "Turkey": "#009E73",
    "the West (USA, EU, NATO)": "#0072B2",
    "regional (GUAM, pipelines, trilateral)": "#CC79A7",
    "non-aligned": "#999999",
}


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


def membership_timeline(
    memberships: pd.DataFrame,
    title: str = "Formal ties of the three states, 1991-2024",
    caption: str = "",
    *,
    end: int = 2024,
    states: Sequence[str] = ("ARM", "AZE", "GEO"),
    width: int = 560,
) -> alt.VConcatChart:
    """Gantt chart of ``memberships.csv``: one bar per instrument, one panel per state.

    A bar runs from ``joined`` to ``left`` (or to the end of ``end`` if still in force,
    or if ``left`` lies after it, as with the Gyumri base's 2044 term). Rows that split
    one instrument by partner (the BTC pipeline, the Trabzon format) are drawn once, and
    rows with no start date are left out. Colour: who the instrument ties the state to
    (:data:`MEMBERSHIP_COLORS`). Tooltips: dates, kind, partner, status note, source.
    """
    need = ["state", "organisation", "partner", "kind", "joined", "left"]
    missing = [c for c in need if c not in memberships.columns]
    if missing:
        raise ValueError(f"memberships needs columns {need}; missing {missing}")
    cutoff = pd.Timestamp(f"{end}-12-31")
    rows = []
    seen: dict[tuple[str, str], int] = {}
    for m in memberships.itertuples(index=False):
        begin = _to_date(m.joined)
        if m.state not in states or begin is None:
            continue
        key = (m.state, m.organisation)
        if key in seen:
            rows[seen[key]]["partner"] += f", {m.partner}"
            continue
        finish = _to_date(m.left, end=True)
        bloc = _text(getattr(m, "bloc", None))
        seen[key] = len(rows)
        rows.append({
            "state": _CHOOSER_NAMES.get(m.state, m.state), "instrument": str(m.organisation),
            "start": begin.strftime("%Y-%m-%d"),
            "stop": min(finish, cutoff).strftime("%Y-%m-%d") if finish is not None else cutoff.strftime("%Y-%m-%d"),
            "joined": str(m.joined), "left": (str(m.left) if not pd.isna(m.left) and str(m.left)
                         else "in force at the end of the data"),
            "kind": str(m.kind).replace("_", " "), "partner": str(m.partner),
            "family": _membership_family(str(m.partner), bloc, str(m.kind)),
            "status_note": _text(getattr(m, "status_note", None)),
            "source": _text(getattr(m, "source", None)),
        })
    data = pd.DataFrame(rows)
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
    for i, state in enumerate(_CHOOSER_NAMES.get(s, s) for s in states):
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
        ).properties(width=width, height=14 * len(part),
                     title=alt.TitleParams(state, anchor="start", fontSize=12)))
    return alt.vconcat(*panels, spacing=10).resolve_scale(color="shared").properties(
        title=_title(title, caption))


# --------------------------------------------------------------------------
# Lesson 05: what drove a score, and the five theories side by side
# --------------------------------------------------------------------------

#: Okabe-Ito colours for the parts of a score (RSCT's three levels by default).
PART_COLORS: dict[str, str] = {
    "regional": "#E69F00",  # orange
    "weakness": "#56B4E9",  # sky blue
    "penetration": "#CC79A7",  # reddish purple
}
_MORE_PART_COLORS = ("#009E73", "#0072B2", "#D55E00", "#F0E442", "#000000")


def _part_colors(parts: Sequence[str]) -> list[str]:
    extra = iter(_MORE_PART_COLORS)
    return [PART_COLORS[p] if p in PART_COLORS else next(extra, "#999999") for p in parts]


def levels_chart(
    parts: pd.DataFrame,
    title: str = "What drove each score",
    caption: str = "",
    *,
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
    part_order: Sequence[str] | None = None,
    part_labels: Mapping[str, str] | None = None,
    width: int = 190,
) -> alt.HConcatChart:
    """Diverging stacked bars of the parts of each score, one panel per state.

    ``parts`` has one row per state x partner x part with columns ``state``, ``partner``,
    ``part``, ``contribution`` (signed), ``score`` and ``reason`` -- the shape of
    :func:`alliances.comparison.parts_frame`. Each bar stacks the contributions of one
    (state, partner) pair left (against) and right (for) of zero, coloured by part
    (:data:`PART_COLORS`, Okabe-Ito); a black tick marks the pair's score. ``part_labels``
    renames parts in the legend (e.g. ``{"regional": "regional amity/enmity"}``). Tooltips:
    state, partner, part, contribution, score and the reason sentence.
    """
    need = ["state", "partner", "part", "contribution", "score", "reason"]
    missing = [c for c in need if c not in parts.columns]
    if missing:
        raise ValueError(f"parts needs columns {need}; missing {missing}")
    data = parts[need].copy()
    for col in ("state", "partner", "part", "reason"):
        data[col] = data[col].astype(str)
    data["contribution"] = pd.to_numeric(data["contribution"], errors="coerce").astype(float)
    data["score"] = pd.to_numeric(data["score"], errors="coerce").astype(float)
    order = list(part_order) if part_order is not None else _order(data["part"])
    names = {p: (part_labels or {}).get(p, p) for p in order}
    data["level"] = data["part"].map(lambda p: names.get(p, p))
    levels = [names[p] for p in order]
    data["level_rank"] = data["part"].map({p: i for i, p in enumerate(order)})
    states = list(states) if states is not None else _order(data["state"])
    partners = list(partners) if partners is not None else _order(data["partner"])
    x_scale = alt.Scale(domain=[-1, 1])
    colour = alt.Color("level:N", title="level", sort=levels,
                       scale=alt.Scale(domain=levels, range=_part_colors(order)),
                       legend=alt.Legend(orient="bottom", direction="horizontal"))
    tooltip = [alt.Tooltip("state:N", title="state"), alt.Tooltip("partner:N", title="partner"),
               alt.Tooltip("level:N", title="level"),
               alt.Tooltip("contribution:Q", title="contribution", format="+.2f"),
               alt.Tooltip("score:Q", title="score", format="+.2f"),
               alt.Tooltip("reason:N", title="reason")]
    panels = []
    for n, state in enumerate(states):
        part = data[data["state"] == state]
        own = [p for p in partners if p in set(part["partner"])]
        y = alt.Y("partner:N", sort=own, title="partner" if n == 0 else None)
        bars = alt.Chart(part).mark_bar(height=14).encode(
            x=alt.X("contribution:Q", scale=x_scale, stack="zero",
                    title="contribution to the score (- against, + for)"),
            y=y, color=colour, order=alt.Order("level_rank:Q"), tooltip=tooltip)
        totals = part.drop_duplicates("partner")
        ticks = alt.Chart(totals).mark_tick(color="black", thickness=3, size=20).encode(
            x=alt.X("score:Q", scale=x_scale), y=y,
            tooltip=[alt.Tooltip("state:N", title="state"), alt.Tooltip("partner:N", title="partner"),
                     alt.Tooltip("score:Q", title="score", format="+.2f"),
                     alt.Tooltip("reason:N", title="reason")])
        zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="#666").encode(x="x:Q")
        panels.append(alt.layer(zero, bars, ticks).properties(
            width=width, height=24 * max(len(own), 1),
            title=alt.TitleParams(state, anchor="start", fontSize=12)))
    if not panels:
        raise ValueError("levels_chart needs at least one state")
    return alt.hconcat(*panels, spacing=12).resolve_scale(color="shared").properties(
        title=_title(title, caption))


def _mismatch_outline(frame: pd.DataFrame, reference: pd.DataFrame, states: Sequence[str],
                      partners: Sequence[str]) -> alt.Chart:
    """Black outlines on the cells of ``frame`` whose stance differs from ``reference``."""
    merged = frame[["state", "partner", "stance"]].astype(str).merge(
        reference[["state", "partner", "stance"]].astype(str).rename(columns={"stance": "observed"}),
        on=["state", "partner"])
    merged = merged[(merged["stance"] != merged["observed"]) & (merged["observed"] != "unknown")]
    return alt.Chart(merged).mark_rect(filled=False, stroke="black", strokeWidth=2.5).encode(
        x=alt.X("partner:N", sort=list(partners)), y=alt.Y("state:N", sort=list(states)),
        tooltip=[alt.Tooltip("state:N", title="state"), alt.Tooltip("partner:N", title="partner"),
                 alt.Tooltip("stance:N", title="predicted stance"),
                 alt.Tooltip("observed:N", title="observed stance")])


def theories_side_by_side(
    predictions: Mapping[str, pd.DataFrame],
    observed: pd.DataFrame,
    title: str = "The theories side by side",
    caption: str = "",
    *,
    columns: int = 3,
    observed_label: str = "What the states did (observed)",
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
) -> alt.VConcatChart:
    """One heat-map panel per theory, plus the observed alignment, on one colour scale.

    ``predictions`` maps a panel label to a prediction frame (:func:`stance_heatmap`
    shape), e.g. :func:`alliances.comparison.by_theory`; ``observed`` is
    ``observed(world)``. In every theory panel a black outline marks each cell whose
    stance differs from the observed stance, so the misses are visible without hovering.
    The observed panel comes last; panels are laid out ``columns`` to a row, with one
    row and column order throughout. Tooltips give each cell's reason.
    """
    if not predictions:
        raise ValueError("theories_side_by_side needs at least one prediction")
    for label, frame in predictions.items():
        _check_frame(frame, f"prediction {label!r}")
    _check_frame(observed, "observed")
    both = pd.concat([*predictions.values(), observed], ignore_index=True)
    states = list(states) if states is not None else _order(both["state"])
    partners = list(partners) if partners is not None else _order(both["partner"])
    panels = []
    for label, frame in predictions.items():
        cells = _heatmap_layers(frame, states, partners)
        panels.append(alt.layer(*cells.layer, _mismatch_outline(frame, observed, states, partners),
                                data=cells.data)
                      .properties(width=cells.width, height=cells.height,
                                  title=alt.TitleParams(str(label), anchor="start", fontSize=12)))
    panels.append(_heatmap_layers(observed, states, partners).properties(
        title=alt.TitleParams(observed_label, anchor="start", fontSize=12, fontWeight="bold")))
    step = max(columns, 1)
    rows = [alt.hconcat(*panels[i:i + step], spacing=24) for i in range(0, len(panels), step)]
    return alt.vconcat(*rows, spacing=16).resolve_scale(color="shared").properties(
        title=_title(title, caption))


def divergence_chart(
    divergence: pd.DataFrame,
    title: str = "Where the theories diverge",
    caption: str = "",
    *,
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
) -> alt.HConcatChart:
    """Two heat maps of a :func:`alliances.comparison.divergence` frame.

    Left: how many theories predict the observed stance of each (state, partner) pair
    (sequential *viridis*, colour-blind safe; text "k/n"). Right: how many different
    stances the theories predict (1 = they all agree; sequential *greys*). Tooltips: the
    observed stance and its reason, which theories are right and which wrong, and every
    theory's stance.
    """
    need = ["state", "partner", "observed", "matches", "theories", "distinct", "right", "wrong",
            "stances", "reason"]
    missing = [c for c in need if c not in divergence.columns]
    if missing:
        raise ValueError(f"divergence needs columns {need}; missing {missing}")
    data = divergence[need].copy()
    for col in ("state", "partner", "observed", "right", "wrong", "stances", "reason"):
        data[col] = data[col].astype(str)
    n = int(data["theories"].max()) if len(data) else 0
    data["label"] = data["matches"].astype(int).astype(str) + "/" + data["theories"].astype(int).astype(str)
    states = list(states) if states is not None else _order(data["state"])
    partners = list(partners) if partners is not None else _order(data["partner"])
    tooltip = [alt.Tooltip("state:N", title="state"), alt.Tooltip("partner:N", title="partner"),
               alt.Tooltip("observed:N", title="observed stance"),
               alt.Tooltip("matches:Q", title="theories that match"),
               alt.Tooltip("right:N", title="right"), alt.Tooltip("wrong:N", title="wrong"),
               alt.Tooltip("stances:N", title="predicted stances"),
               alt.Tooltip("reason:N", title="observed coding")]
    base = alt.Chart(data).encode(
        x=alt.X("partner:N", sort=partners, title="partner", axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("state:N", sort=states, title="state"), tooltip=tooltip)
    size = dict(width=_CELL * max(len(partners), 1), height=_CELL * max(len(states), 1))
    match = alt.layer(
        base.mark_rect(stroke="white", strokeWidth=1).encode(color=alt.Color(
            "matches:Q", title="theories that match",
            scale=alt.Scale(scheme="viridis", domain=[0, max(n, 1)]),
            legend=alt.Legend(values=list(range(n + 1)), format="d", gradientLength=_CELL * 3))),
        base.mark_text(fontSize=11).encode(
            text="label:N",
            color=alt.condition(f"datum.matches < {n / 2}", alt.value("white"), alt.value("black"))),
    ).properties(**size, title=alt.TitleParams("How many theories match what happened",
                                                anchor="start", fontSize=12))
    spread = alt.layer(
        base.mark_rect(stroke="white", strokeWidth=1).encode(color=alt.Color(
            "distinct:Q", title="different stances predicted",
            scale=alt.Scale(scheme="greys", domain=[1, 3]),
            legend=alt.Legend(values=[1, 2, 3], format="d", gradientLength=_CELL * 3))),
        base.mark_text(fontSize=11).encode(
            text="observed:N",
            color=alt.condition("datum.distinct >= 3", alt.value("white"), alt.value("black"))),
    ).properties(**size, title=alt.TitleParams("How much the theories disagree (text: observed stance)",
                                                anchor="start", fontSize=12))
    return alt.hconcat(match, spread, spacing=40).resolve_scale(color="independent").properties(
        title=_title(title, caption))


def agreement_chart(
    table: pd.DataFrame,
    title: str = "Agreement with what happened",
    caption: str = "",
    *,
    label: str = "title",
) -> alt.LayerChart:
    """Horizontal bars of each theory's stance agreement (share of pairs right, 0-1).

    ``table`` is :func:`alliances.comparison.agreement` (or any frame with ``label`` and
    ``stance_agreement`` columns; ``pairs`` and ``score_correlation`` appear in the
    tooltip if present). Bars in the table's order; a dashed rule marks one third, the
    agreement of a blind guess among three stances.
    """
    for col in (label, "stance_agreement"):
        if col not in table.columns:
            raise ValueError(f"table needs a {col!r} column")
    data = table.copy()
    data[label] = data[label].astype(str)
    extra = [alt.Tooltip(f"{c}:Q", title=c.replace("_", " "), format=f)
             for c, f in (("pairs", "d"), ("score_correlation", "+.2f")) if c in data.columns]
    bars = alt.Chart(data).mark_bar(color="#0072B2").encode(
        x=alt.X("stance_agreement:Q", title="share of (state, partner) stances right",
                scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        y=alt.Y(f"{label}:N", sort=list(data[label]), title=None, axis=alt.Axis(labelLimit=320)),
        tooltip=[alt.Tooltip(f"{label}:N", title="theory"),
                 alt.Tooltip("stance_agreement:Q", title="stance agreement", format=".0%"), *extra])
    text = bars.mark_text(align="left", dx=4, color="black").encode(
        text=alt.Text("stance_agreement:Q", format=".0%"))
    chance = alt.Chart(pd.DataFrame({"x": [1 / 3], "what": ["a blind guess among three stances"]})) \
        .mark_rule(strokeDash=[4, 3], color="#666").encode(
            x="x:Q", tooltip=[alt.Tooltip("what:N", title="dashed line")])
    return alt.layer(bars, text, chance).properties(
        width=360, height=24 * max(len(data), 1), title=_title(title, caption))


# --------------------------------------------------------------------------
# Lesson 01: capability shares (balance of power)
# --------------------------------------------------------------------------

#: Short actor names for chart labels (the world's names are long for WEST and TUR).
_SHORT_NAMES: dict[str, str] = {"TUR": "Turkey", "WEST": "the West"}

#: What a balance-of-power model makes of each actor, with Okabe-Ito colours.
POWER_ROLE_COLORS: dict[str, str] = {
    "hegemon (balanced against)": "#D55E00",   # vermillion
    "strongest counterweight": "#0072B2",      # blue
    "other power": "#56B4E9",                   # sky blue
    "regional chooser": "#999999",              # grey
}

_MEASURE_LABELS: dict[str, str] = {"cinc": "CINC", "milex": "military spending",
                                   "gdp": "GDP", "population": "population"}


def _short(world, actor: str) -> str:
    return _SHORT_NAMES.get(actor, world.names.get(actor, actor))


def capability_shares_chart(
    world,
    scope: str = "regional",
    measures: Sequence[str] | None = None,
    *,
    title: str | None = None,
    caption: str = ("Each actor's share of the system's total, by measure. Vermillion: the "
                    "strongest power; blue: the strongest counterweight. Hover a bar for the "
                    "raw value."),
    width: int = 150,
) -> alt.HConcatChart:
    """Each actor's share of the system's capability, one panel per measure.

    ``world`` is a :class:`alliances.World`; ``scope`` is the balance-of-power model's
    ``"regional"`` (the three choosers, Russia, Turkey, Iran) or ``"global"`` (the West as
    well); ``measures`` is a subset of :data:`alliances.MEASURES` (default: all four).
    Shares are computed by the model's own functions
    (:func:`alliances.theories.balance_of_power.system` and
    :func:`alliances.theories.inputs.capability_shares`), so the chart and the model cannot
    disagree. Bars are coloured by the role the model gives each actor
    (:data:`POWER_ROLE_COLORS`): the hegemon, the strongest counterweight, the other
    powers, the choosers. Tooltips: actor, measure, share, raw value and unit, role.
    """
    from alliances.theories.balance_of_power import system
    from alliances.theories.inputs import capability_shares
    from alliances.world import MEASURES

    measures = list(measures) if measures is not None else list(MEASURES)
    unknown = [m for m in measures if m not in MEASURES]
    if unknown or not measures:
        raise ValueError(f"measures must be some of {list(MEASURES)}; got {measures}")
    if scope not in ("regional", "global"):
        raise ValueError(f"scope must be 'regional' or 'global', not {scope!r}")
    members = system(world, scope)
    order = [_short(world, a) for a in members]
    rows = []
    for m in measures:
        shares = capability_shares(world, m, members)
        ranked = sorted((a for a in members if a not in world.choosers),
                        key=lambda a: shares[a], reverse=True)
        for a in members:
            if a in world.choosers:
                role = "regional chooser"
            elif a == ranked[0]:
                role = "hegemon (balanced against)"
            elif len(ranked) > 1 and a == ranked[1]:
                role = "strongest counterweight"
            else:
                role = "other power"
            value = world.capability[m].get(a)
            rows.append({"actor": _short(world, a), "measure": _MEASURE_LABELS[m],
                         "share": shares[a], "label": f"{shares[a]:.0%}", "role": role,
                         "value": "no data" if value is None else f"{value:,.4g}",
                         "unit": MEASURES[m]})
    data = pd.DataFrame(rows)
    roles = list(POWER_ROLE_COLORS)
    colour = alt.Color("role:N", title="role in the model",
                       scale=alt.Scale(domain=roles, range=list(POWER_ROLE_COLORS.values())),
                       legend=alt.Legend(orient="bottom", columns=4, labelLimit=260))
    tooltip = [alt.Tooltip("actor:N", title="actor"), alt.Tooltip("measure:N", title="measure"),
               alt.Tooltip("share:Q", title="share of the system", format=".1%"),
               alt.Tooltip("value:N", title="raw value"), alt.Tooltip("unit:N", title="unit"),
               alt.Tooltip("role:N", title="role in the model")]
    panels = []
    for i, label in enumerate(_MEASURE_LABELS[m] for m in measures):
        part = data[data["measure"] == label]
        base = alt.Chart(part).encode(
            y=alt.Y("actor:N", sort=order, title=None,
                    axis=alt.Axis(labels=i == 0, ticks=i == 0, labelFontSize=11)),
            x=alt.X("share:Q", title="share", scale=alt.Scale(domain=[0, 1]),
                    axis=alt.Axis(format="%", tickCount=3)),
            tooltip=tooltip)
        bars = base.mark_bar(height=14).encode(color=colour)
        text = base.mark_text(align="left", dx=3, fontSize=10, color="#222").encode(text="label:N")
        panels.append(alt.layer(bars, text).properties(
            width=width, height=22 * len(members),
            title=alt.TitleParams(label, anchor="start", fontSize=12)))
    system_words = ("the three states, Russia, Turkey and Iran" if scope == "regional"
                    else "the three states, Russia, Turkey, Iran and the West")
    title = title or f"Who is strongest? Capability shares, {world.when} ({scope} system: {system_words})"
    return alt.hconcat(*panels, spacing=8).resolve_scale(color="shared").properties(
        title=_title(title, caption))


# --------------------------------------------------------------------------
# Lesson 02: threat components (balance of threat)
# --------------------------------------------------------------------------

#: The four sources of threat (Walt 1987), each with an Okabe-Ito colour.
THREAT_COMPONENT_COLORS: dict[str, str] = {
    "aggregate power": "#0072B2",        # blue
    "proximity": "#E69F00",              # orange
    "offensive capability": "#009E73",   # bluish green
    "aggressive intentions": "#CC79A7",  # reddish purple
}


def threat_components_table(world, states: Sequence[str] | None = None, **params) -> pd.DataFrame:
    """The balance-of-threat model's threat components, one row per (state, partner, component).

    Columns: ``state``, ``partner`` (codes), ``state_name``, ``partner_name``, ``component``,
    ``raw`` (the component, 0–1), ``weight``, ``contribution`` (``weight * raw / W``, what the
    component adds to the threat), ``threat`` (their sum, :math:`t_{ij}`) and ``top``
    (whether the partner is the state's top threat). ``params`` are the model's parameters
    (weights and ``count_*`` toggles), validated like :func:`alliances.theories.predict`'s.
    Read from :func:`alliances.theories.balance_of_threat.threat_parts`, the model's own code.
    """
    from alliances.theories import resolve_params
    from alliances.theories.balance_of_threat import threat_parts

    p = resolve_params("balance_of_threat", params)
    weights = {"aggregate power": p["w_power"], "proximity": p["w_proximity"],
               "offensive capability": p["w_offense"], "aggressive intentions": p["w_intentions"]}
    rows = []
    for state in (states or world.choosers):
        if state not in world.choosers:
            raise ValueError(f"state must be one of {world.choosers}, not {state!r}")
        comp, share = threat_parts(world, p, state)
        threat = {j: sum(share[j].values()) for j in share}
        top = max(share, key=lambda j: threat[j])  # first in order on a tie, as the model
        for j in share:
            for c in THREAT_COMPONENT_COLORS:
                rows.append({"state": state, "partner": j, "state_name": _short(world, state),
                             "partner_name": _short(world, j), "component": c,
                             "raw": comp[j][c], "weight": weights[c],
                             "contribution": share[j][c], "threat": threat[j],
                             "top": j == top and threat[j] > 0})
    return pd.DataFrame(rows)


def threat_components_chart(
    table: pd.DataFrame,
    title: str = "How threatening is each actor? Threat components",
    caption: str = ("Bar length: the threat t from 0 to 1, split into its four weighted "
                    "components. Hover a segment for the raw value and its weight."),
    *,
    width: int = 210,
) -> alt.HConcatChart:
    """Stacked bars of each partner's threat to each state, one panel per state.

    ``table`` has the shape of :func:`threat_components_table`. Segments are the four
    components in :data:`THREAT_COMPONENT_COLORS` (Okabe-Ito); the number at the end of
    each bar is the total threat, and the state's top threat is labelled. The x scale is
    fixed at 0–1 so charts made with different weights compare directly. Tooltips: state,
    partner, component, raw value, weight, contribution, total threat.
    """
    need = ["state_name", "partner_name", "component", "raw", "weight", "contribution",
            "threat", "top"]
    missing = [c for c in need if c not in table.columns]
    if missing:
        raise ValueError(f"table needs columns {need}; missing {missing}")
    components = list(THREAT_COMPONENT_COLORS)
    data = table[need].copy()
    data["order"] = data["component"].map({c: i for i, c in enumerate(components)})
    totals = (data.groupby(["state_name", "partner_name"], sort=False)
              .agg(threat=("threat", "first"), top=("top", "first")).reset_index())
    totals["label"] = [f"{t:.2f}" + ("  top threat" if top else "")
                       for t, top in zip(totals["threat"], totals["top"])]
    colour = alt.Color("component:N", title="source of threat",
                       scale=alt.Scale(domain=components, range=list(THREAT_COMPONENT_COLORS.values())),
                       sort=components, legend=alt.Legend(orient="bottom", columns=4))
    tooltip = [alt.Tooltip("state_name:N", title="threat to"),
               alt.Tooltip("partner_name:N", title="from"),
               alt.Tooltip("component:N", title="component"),
               alt.Tooltip("raw:Q", title="raw value (0-1)", format=".2f"),
               alt.Tooltip("weight:Q", title="weight", format=".2f"),
               alt.Tooltip("contribution:Q", title="adds to the threat", format=".3f"),
               alt.Tooltip("threat:Q", title="total threat", format=".2f")]
    x_scale = alt.Scale(domain=[0, 1])
    panels = []
    for i, state in enumerate(pd.unique(data["state_name"])):
        part = data[data["state_name"] == state]
        order = list(pd.unique(part["partner_name"]))
        y = alt.Y("partner_name:N", sort=order, title=None if i else "threat from",
                  axis=alt.Axis(labelFontSize=11))
        bars = alt.Chart(part).mark_bar(height=16).encode(
            y=y, x=alt.X("sum(contribution):Q", title="threat", scale=x_scale,
                         axis=alt.Axis(tickCount=5)),
            color=colour, order=alt.Order("order:Q"), tooltip=tooltip)
        tot = totals[totals["state_name"] == state]
        text_base = alt.Chart(tot).encode(
            y=y, x=alt.X("threat:Q", scale=x_scale), text="label:N",
            tooltip=[alt.Tooltip("partner_name:N", title="from"),
                     alt.Tooltip("threat:Q", title="total threat", format=".2f")])
        text = text_base.transform_filter("!datum.top").mark_text(
            align="left", dx=3, fontSize=10, color="#222")
        top_text = text_base.transform_filter("datum.top").mark_text(
            align="left", dx=3, fontSize=10, fontWeight="bold", color="#000")
        panels.append(alt.layer(bars, text, top_text).properties(
            width=width, height=24 * len(order),
            title=alt.TitleParams(f"Threats to {state}", anchor="start", fontSize=12)))
    return alt.hconcat(*panels, spacing=12).resolve_scale(color="shared").properties(
        title=_title(title, caption))


__all__ += ["POWER_ROLE_COLORS", "capability_shares_chart", "THREAT_COMPONENT_COLORS",
            "threat_components_table", "threat_components_chart"]


# --------------------------------------------------------------------------
# Lessons 03-04: domestic instability, regime scores, parameter sweeps, identity
# --------------------------------------------------------------------------

#: Okabe-Ito colours for the kinds of ``instability_events.csv`` (grey for failed coups).
INSTABILITY_COLORS: dict[str, str] = {
    "coup": "#000000",
    "coup_attempt": "#999999",
    "revolution": "#CC79A7",
    "government_change": "#009E73",
    "assassination": "#E69F00",
    "contested_election": "#0072B2",
    "mass_protest": "#56B4E9",
    "civil_war": "#D55E00",
}
_DIMENSION_LABEL = {"vertical": "regime (vertical)", "horizontal": "territory (horizontal)"}
#: The Okabe-Ito palette (Okabe & Ito 2002), black last (it reads as "not a category").
_OKABE_ITO: tuple[str, ...] = ("#E69F00", "#56B4E9", "#CC79A7", "#009E73", "#0072B2",
                               "#D55E00", "#999999", "#000000")


def _highlight_band(start: int, end: int, label: str, temporal: bool) -> alt.Chart:
    """A light band from the start of ``start`` to the end of ``end`` (the lesson's period)."""
    band = pd.DataFrame({"from": [f"{start}-01-01" if temporal else start],
                         "to": [f"{end}-12-31" if temporal else end], "period": [label]})
    kind = "T" if temporal else "Q"
    return alt.Chart(band).mark_rect(color="#cccccc", opacity=0.35).encode(
        x=alt.X(f"from:{kind}", scale=alt.Scale(zero=False)), x2="to",
        tooltip=[alt.Tooltip("period:N", title="shaded")])


def instability_chart(
    events: pd.DataFrame,
    title: str = "Threats to the regime and to the territory, 1991-2024",
    caption: str = "",
    *,
    start: int = 1991,
    end: int = 2024,
    states: Sequence[str] = ("ARM", "AZE", "GEO"),
    highlight: tuple[int, int] | None = None,
    width: int = 640,
) -> alt.LayerChart:
    """Strip chart of ``instability_events.csv``: one band per state, two lanes per band.

    The upper lane of each state holds *vertical* events (threats to the regime: coups,
    revolutions, contested elections, mass protests), the lower lane *horizontal* ones
    (secessionist wars), after Oskanian's two dimensions of state weakness. Colour: the kind
    of event (:data:`INSTABILITY_COLORS`); shape: the dimension. ``highlight`` = (first,
    last) year shades a period. Tooltips: date, kind, description and source.
    """
    need = ["state", "date", "year", "kind", "dimension", "description"]
    missing = [c for c in need if c not in events.columns]
    if missing:
        raise ValueError(f"events needs columns {need}; missing {missing}")
    rows = []
    for ev in events.itertuples(index=False):
        if ev.state not in states or not (start <= int(ev.year) <= end):
            continue
        rows.append({"state": _CHOOSER_NAMES.get(ev.state, ev.state),
                     "date": _to_date(ev.date).strftime("%Y-%m-%d"), "when": str(ev.date),
                     "kind": str(ev.kind).replace("_", " "),
                     "dimension": _DIMENSION_LABEL.get(str(ev.dimension), str(ev.dimension)),
                     "description": str(ev.description),
                     "source": _text(getattr(ev, "source", None))})
    data = pd.DataFrame(rows)
    if data.empty:
        raise ValueError(f"no instability events between {start} and {end} for {list(states)}")
    kinds = [k.replace("_", " ") for k in INSTABILITY_COLORS if k.replace("_", " ") in set(data["kind"])]
    dims = [d for d in _DIMENSION_LABEL.values() if d in set(data["dimension"])]
    tooltip = [alt.Tooltip("when:N", title="date"), alt.Tooltip("state:N", title="state"),
               alt.Tooltip("kind:N", title="kind"), alt.Tooltip("dimension:N", title="dimension"),
               alt.Tooltip("description:N", title="what happened"),
               alt.Tooltip("source:N", title="source")]
    x = alt.X("date:T", title="year", scale=alt.Scale(domain=[f"{start}-01-01", f"{end}-12-31"]),
              axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2}, grid=False))
    points = alt.Chart(data).mark_point(size=90, filled=True, opacity=0.9).encode(
        x=x,
        y=alt.Y("state:N", sort=[_CHOOSER_NAMES.get(s, s) for s in states], title=None,
                axis=alt.Axis(labelFontSize=12, labelFontWeight="bold", ticks=False, domain=False)),
        yOffset=alt.YOffset("dimension:N", sort=dims, scale=alt.Scale(paddingInner=0.2)),
        color=alt.Color("kind:N", sort=kinds, title="kind of event",
                        scale=alt.Scale(domain=kinds, range=[INSTABILITY_COLORS[k.replace(" ", "_")] for k in kinds]),
                        legend=alt.Legend(orient="bottom", columns=4)),
        shape=alt.Shape("dimension:N", sort=dims, title="dimension",
                        scale=alt.Scale(domain=dims, range=["circle", "triangle-up"][:len(dims)]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=tooltip)
    layers = [points]
    if highlight:
        layers.insert(0, _highlight_band(highlight[0], highlight[1], f"{highlight[0]}-{highlight[1]}", True))
    return alt.layer(*layers).properties(width=width, height=40 * len(states) * max(len(dims), 1),
                                         title=_title(title, caption))


def regime_chart(
    frame: pd.DataFrame,
    title: str = "Electoral democracy (V-Dem polyarchy), 1992-2019",
    caption: str = "",
    *,
    y_title: str = "V-Dem electoral democracy index (0-1)",
    highlight: tuple[int, int] | None = None,
    width: int = 520,
    height: int = 260,
) -> alt.LayerChart:
    """Line chart of a regime score per actor and year.

    ``frame`` has columns ``actor`` (a display name), ``year``, ``value`` and optionally
    ``group`` (the first group drawn solid, the second dashed, e.g. "chooser" / "outside
    power"; say so in the caption). Colours are Okabe-Ito, one per actor (at most eight), and
    each line is labelled at its last year. ``highlight`` = (first, last) shades a period.
    """
    need = ["actor", "year", "value"]
    missing = [c for c in need if c not in frame.columns]
    if missing:
        raise ValueError(f"frame needs columns {need}; missing {missing}")
    data = frame.copy()
    if "group" not in data.columns:
        data["group"] = ""
    actors = _order(data["actor"])
    if len(actors) > len(_OKABE_ITO):
        raise ValueError(f"at most {len(_OKABE_ITO)} actors can be told apart by colour; got {len(actors)}")
    groups = _order(data["group"])
    tooltip = [alt.Tooltip("actor:N", title="actor"), alt.Tooltip("year:O", title="year"),
               alt.Tooltip("value:Q", title="value", format=".2f")]
    base = alt.Chart(data).encode(
        x=alt.X("year:Q", title="year", axis=alt.Axis(format="d"),
                scale=alt.Scale(domain=[int(data["year"].min()), int(data["year"].max()) + 3], nice=False)),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("actor:N", sort=actors, title=None,
                        scale=alt.Scale(domain=actors, range=list(_OKABE_ITO[:len(actors)]))),
        strokeDash=alt.StrokeDash("group:N", sort=groups, title=None,
                                  scale=alt.Scale(domain=groups, range=[[1, 0], [5, 3]][:len(groups)] or [[1, 0]]),
                                  legend=None),
    )
    lines = base.mark_line(strokeWidth=2).encode(tooltip=tooltip)
    points = base.mark_point(size=20, filled=True).encode(tooltip=tooltip)
    last = data.sort_values("year").groupby("actor").tail(1)
    labels = alt.Chart(last).mark_text(align="left", dx=5, fontSize=10).encode(
        x=alt.X("year:Q", scale=alt.Scale(zero=False)), y="value:Q", text="actor:N",
        color=alt.Color("actor:N", sort=actors, scale=alt.Scale(domain=actors, range=list(_OKABE_ITO[:len(actors)])),
                        legend=None))
    layers = [lines, points, labels]
    if highlight:
        layers.insert(0, _highlight_band(highlight[0], highlight[1], f"{highlight[0]}-{highlight[1]}", False))
    return alt.layer(*layers).properties(width=width, height=height, title=_title(title, caption))



def _pair_label(state: str, partner: str, names: Mapping[str, str]) -> str:
    return f"{names.get(state, state)} → {names.get(partner, partner)}"


def weight_sweep_chart(
    frame: pd.DataFrame,
    title: str,
    caption: str = "",
    *,
    pairs: Sequence[tuple[str, str]] | None = None,
    default: float | None = None,
    align_at: float = 0.25,
    balance_at: float = -0.25,
    names: Mapping[str, str] | None = None,
    x_title: str | None = None,
    width: int = 520,
    height: int = 300,
) -> alt.LayerChart:
    """Score against a swept parameter, one line per (state, partner): where does a stance flip?

    ``frame`` is :func:`alliances.analysis.sweep`'s result (``parameter, value, state,
    partner, score, stance``). ``pairs`` picks the lines (default: all); ``names`` maps codes
    to display names. Colour: the state (the map's colours); dash and point shape: the
    partner. Dashed horizontal rules mark the stance thresholds ``align_at`` and
    ``balance_at``; a grey vertical rule marks the parameter's ``default``. Each line is
    labelled at its right end, so the static picture reads without the legend. Tooltips: the
    pair, the parameter value, the score and the stance.
    """
    need = ["parameter", "value", "state", "partner", "score", "stance"]
    missing = [c for c in need if c not in frame.columns]
    if missing:
        raise ValueError(f"frame needs columns {need} (from alliances.analysis.sweep); missing {missing}")
    names = {**_CHOOSER_NAMES, "RUS": "Russia", "TUR": "Turkey", "IRN": "Iran", "WEST": "the West",
             **(names or {})}
    data = frame.copy()
    if pairs is not None:
        wanted = set(map(tuple, pairs))
        unknown = wanted - set(zip(data["state"], data["partner"]))
        if unknown:
            raise ValueError(f"pairs not in the frame: {sorted(unknown)}")
        data = data[[(s, p) in wanted for s, p in zip(data["state"], data["partner"])]]
    data["value"] = data["value"].astype(float)
    data["score"] = data["score"].astype(float)
    data["pair"] = [_pair_label(s, p, names) for s, p in zip(data["state"], data["partner"])]
    data["state_name"] = data["state"].map(lambda s: names.get(s, s))
    data["partner_name"] = data["partner"].map(lambda s: names.get(s, s))
    states = _order(data["state_name"])
    partners = _order(data["partner_name"])
    colours = [MAP_FOCUS.get(s, _OKABE_ITO[i % len(_OKABE_ITO)]) for i, s in enumerate(_order(data["state"]))]
    dashes = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3]]
    shapes = ["circle", "square", "triangle-up", "diamond"]
    parameter = str(data["parameter"].iloc[0])
    tooltip = [alt.Tooltip("pair:N", title="state → partner"),
               alt.Tooltip("value:Q", title=parameter, format=".2f"),
               alt.Tooltip("score:Q", title="score", format="+.2f"),
               alt.Tooltip("stance:N", title="stance")]
    colour = alt.Color("state_name:N", sort=states, title="state",
                       scale=alt.Scale(domain=states, range=colours))
    base = alt.Chart(data).encode(
        x=alt.X("value:Q", title=x_title or parameter.replace("_", " ")),
        y=alt.Y("score:Q", title="score (-1 balance against … +1 align with)",
                scale=alt.Scale(domain=[-1, 1])),
        color=colour, detail="pair:N")
    lines = base.mark_line(strokeWidth=2.2).encode(
        strokeDash=alt.StrokeDash("partner_name:N", sort=partners, title="partner",
                                  scale=alt.Scale(domain=partners, range=[dashes[i % 4] for i in range(len(partners))])),
        tooltip=tooltip)
    points = base.mark_point(size=28, filled=True).encode(
        shape=alt.Shape("partner_name:N", sort=partners, title="partner",
                        scale=alt.Scale(domain=partners, range=[shapes[i % 4] for i in range(len(partners))])),
        tooltip=tooltip)
    ends = data.loc[data.groupby("pair")["value"].idxmax()]
    labels = alt.Chart(ends).mark_text(align="left", dx=6, fontSize=10).encode(
        x="value:Q", y="score:Q", text="pair:N", color=alt.Color("state_name:N", sort=states,
                                                                  scale=alt.Scale(domain=states, range=colours),
                                                                  legend=None),
        tooltip=tooltip)
    rules = pd.DataFrame({"score": [align_at, balance_at],
                          "label": [f"align at or above {align_at:+.2f}", f"balance at or below {balance_at:+.2f}"]})
    x_min = float(data["value"].min())
    thresholds = alt.Chart(rules).mark_rule(color="#555", strokeDash=[4, 4]).encode(
        y="score:Q", tooltip=[alt.Tooltip("label:N", title="threshold")])
    threshold_text = alt.Chart(rules.assign(x=x_min)).mark_text(
        align="left", dy=-6, fontSize=10, color="#555").encode(x="x:Q", y="score:Q", text="label:N")
    layers = [thresholds, threshold_text, lines, points, labels]
    if default is not None:
        marker = pd.DataFrame({"value": [float(default)], "label": [f"default {default:g}"]})
        layers.insert(0, alt.Chart(marker).mark_rule(color="#999", strokeWidth=6, opacity=0.35).encode(
            x="value:Q", tooltip=[alt.Tooltip("label:N", title="default")]))
        layers.insert(1, alt.Chart(marker.assign(score=-0.95)).mark_text(
            align="left", dx=6, fontSize=10, color="#555").encode(x="value:Q", y="score:Q", text="label:N"))
    return alt.layer(*layers).resolve_scale(color="shared").properties(
        width=width, height=height, title=_title(title, caption))


def identity_matrix_chart(
    dyads: pd.DataFrame,
    title: str = "Historical memory and ethnic kinship, as coded",
    caption: str = "",
    *,
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
) -> alt.LayerChart:
    """State × partner matrix of ``identity_dyads.csv``: memory as colour, kinship as a mark.

    Cell colour: the coded historical memory (−2 … +2) on the course's diverging score scale
    (memory / 2), grey where no value is coded; cell text: the memory value, "n/c" if not
    coded, and "kin" where the state's nation counts as kin to the partner (ethnic kinship
    1). Tooltips: both codes with their one-line justifications and sources.
    """
    need = ["state", "partner", "historical_memory", "memory_justification", "ethnic_kinship"]
    missing = [c for c in need if c not in dyads.columns]
    if missing:
        raise ValueError(f"dyads needs columns {need}; missing {missing}")
    data = pd.DataFrame({
        "state": dyads["state"].astype(str), "partner": dyads["partner"].astype(str),
        "memory": pd.to_numeric(dyads["historical_memory"], errors="coerce"),
        "memory_why": dyads["memory_justification"].map(_text),
        "memory_source": dyads.get("memory_source", pd.Series("", index=dyads.index)).map(_text),
        "kin": pd.to_numeric(dyads["ethnic_kinship"], errors="coerce").fillna(0).astype(int),
        "kin_why": dyads.get("kinship_justification", pd.Series("", index=dyads.index)).map(_text),
        "kin_source": dyads.get("kinship_source", pd.Series("", index=dyads.index)).map(_text),
    })
    data["scaled"] = data["memory"] / 2
    data["coded"] = data["memory"].notna().map({True: "coded", False: "not coded"})
    data["label"] = [("n/c" if pd.isna(m) else f"{int(m):+d}".replace("+0", "0")) + (" kin" if k else "")
                     for m, k in zip(data["memory"], data["kin"])]
    data["memory_text"] = data["memory"].map(lambda m: "not coded" if pd.isna(m) else f"{int(m):+d}")
    data["kin_text"] = data["kin"].map({1: "yes", 0: "no"})
    states = list(states) if states is not None else _order(data["state"])
    partners = list(partners) if partners is not None else _order(data["partner"])
    tooltip = [alt.Tooltip("state:N", title="state (whose memory)"), alt.Tooltip("partner:N", title="partner"),
               alt.Tooltip("memory_text:N", title="historical memory"),
               alt.Tooltip("memory_why:N", title="why"), alt.Tooltip("memory_source:N", title="source"),
               alt.Tooltip("kin_text:N", title="ethnic kinship"), alt.Tooltip("kin_why:N", title="why (kinship)"),
               alt.Tooltip("kin_source:N", title="source (kinship)")]
    base = alt.Chart(data).encode(
        x=alt.X("partner:N", sort=partners, title="partner", axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("state:N", sort=states, title="state"))
    uncoded = base.transform_filter("datum.coded == 'not coded'").mark_rect(
        color="#d9d9d9", stroke="white", strokeWidth=1).encode(tooltip=tooltip)
    cells = base.transform_filter("datum.coded == 'coded'").mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("scaled:Q", scale=score_scale(),
                        legend=alt.Legend(title="memory", values=[-1, -0.5, 0, 0.5, 1],
                                          labelExpr="datum.value == 0 ? '0' : format(datum.value * 2, '+d')",
                                          gradientLength=_CELL * 3)),
        tooltip=tooltip)
    text = base.mark_text(fontSize=11).encode(
        text="label:N",
        color=alt.condition("abs(datum.scaled) > 0.6", alt.value("white"), alt.value("black")),
        tooltip=tooltip)
    return alt.layer(uncoded, cells, text).properties(
        width=_CELL * max(len(partners), 1), height=_CELL * max(len(states), 1),
        title=_title(title, caption))

__all__ += ["INSTABILITY_COLORS", "instability_chart", "regime_chart", "weight_sweep_chart",
            "identity_matrix_chart"]


# --------------------------------------------------------------------------
# The Karabakh arc (lessons 06-07): stability index, tipping years, secession cases
# --------------------------------------------------------------------------
# These charts read *named* data sets (Vega-Lite top-level ``datasets``), so a widget can
# build the chart once and then swap in new rows: :func:`stability_datasets` and
# :func:`secession_datasets` give the rows, under the names the charts use.

#: Okabe-Ito colours for Babayev's three stabilisers; the index itself is black.
STABILISER_COLORS: dict[str, str] = {
    "offence_defence": "#E69F00", "regional_balance": "#56B4E9", "inertia": "#009E73", "index": "#000000"}
STABILISER_LABELS: dict[str, str] = {
    "offence_defence": "1 offence-defence balance",
    "regional_balance": "2 regional balance, Russia as stabiliser",
    "inertia": "3 inertia ('no war, no peace')",
    "index": "stability index (weighted mean)",
}
#: The seven yearly indicators, grouped by stabiliser (as in ``alliances.karabakh.STABILISERS``).
INDICATOR_LABELS: dict[str, str] = {
    "spending": "spending ratio AZE/ARM (SIPRI)", "drones": "Azerbaijan's drone imports (SIPRI)",
    "turkey_rise": "Turkey's military spending (SIPRI)", "turkey_alliance": "Turkey-Azerbaijan alliance steps",
    "russia_commitment": "Russia's commitment to Armenia", "habituation": "years since the last war",
    "domestic_shocks": "2018 change of power, 2019 rhetoric",
}
_INDICATOR_COLORS = ("#E69F00", "#D55E00", "#56B4E9", "#0072B2", "#CC79A7", "#009E73", "#000000")
#: Outcomes of ``secession_cases.csv``, top to bottom in :func:`secession_chart`.
OUTCOME_LABELS: dict[str, str] = {
    "independent": "independent", "annexed": "annexed by the patron", "de_facto": "de facto state",
    "autonomy": "autonomy", "reintegrated": "reintegrated"}
EXPLAINED_COLORS: dict[str, str] = {"explained": "#0072B2", "not explained": "#D55E00"}


def _json_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return value
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _json_records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts: missing values become null, numpy scalars Python ones."""
    return [{k: _json_value(v) for k, v in row.items()} for row in frame.to_dict("records")]


def stability_datasets(frame: pd.DataFrame, threshold: float,
                       tipping_year: int | None = None) -> dict[str, list[dict]]:
    """The rows :func:`stability_chart` draws, by data-set name (``stability``, ``stability_marks``).

    ``frame`` is :func:`alliances.karabakh.stability` (columns ``year``, the three stabilisers,
    ``index``, ``tipped``).
    """
    need = ["year", *[k for k in STABILISER_LABELS], "tipped"]
    missing = [c for c in need if c not in frame.columns]
    if missing:
        raise ValueError(f"frame needs columns {need}; missing {missing}")
    long = frame.melt(id_vars=["year", "tipped"], value_vars=list(STABILISER_LABELS),
                      var_name="series", value_name="value")
    long["label"] = long["series"].map(STABILISER_LABELS)
    long["year"] = long["year"].astype(int)
    long["tipped"] = long["tipped"].astype(bool) & (long["series"] == "index")
    marks = [{"what": "threshold", "year": None, "value": float(threshold),
              "label": f"threshold {threshold:.2f}"}]
    if tipping_year is not None:
        marks.append({"what": "tipping", "year": int(tipping_year), "value": None,
                      "label": f"tips in {int(tipping_year)}"})
    return {"stability": _json_records(long[["year", "series", "label", "value", "tipped"]]),
            "stability_marks": marks}


def war_markers(events: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """``event_id`` -> label as rows with a fractional ``year`` (the start date), for the rules."""
    unknown = sorted(set(labels) - set(events["event_id"]))
    if unknown:
        raise ValueError(f"labels name events that are not in the table: {unknown}")
    rows = []
    for ev in events[events["event_id"].isin(list(labels))].itertuples(index=False):
        start = _to_date(ev.date)
        fraction = (start.day_of_year - 1) / (366 if start.is_leap_year else 365)
        rows.append({"event_id": ev.event_id, "label": labels[ev.event_id], "date": str(ev.date),
                     "event": str(ev.event), "year": round(start.year + fraction, 3)})
    return pd.DataFrame(rows).sort_values("year").reset_index(drop=True)


def stability_chart(
    frame: pd.DataFrame,
    threshold: float,
    tipping_year: int | None = None,
    title: str = "The 'no war, no peace' equilibrium, 1994-2024",
    caption: str = "",
    *,
    events: pd.DataFrame | None = None,
    width: int = 620,
    height: int = 300,
) -> alt.LayerChart:
    """Babayev's three stabilisers and the weighted stability index by year.

    Thin coloured lines: the stabilisers (0 destabilising ... 1 stabilising, Okabe-Ito);
    thick black line: the index; dashed horizontal rule: ``threshold``; shaded years: the
    index is below it; a vermillion rule: ``tipping_year``. ``events`` (from
    :func:`war_markers`: ``year``, ``label``, ``date``, ``event``) adds grey rules with labels.
    Tooltips give every value. Reads the named data sets of :func:`stability_datasets`.
    """
    data = stability_datasets(frame, threshold, tipping_year)
    first, last = int(frame["year"].min()), int(frame["year"].max())
    x_scale = alt.Scale(domain=[first - 0.5, last + 0.5], nice=False)
    x = alt.X("year:Q", scale=x_scale, title="year", axis=alt.Axis(format="d", tickMinStep=2))
    y_scale = alt.Scale(domain=[0, 1.12], nice=False)
    y_axis = alt.Axis(values=[0, 0.25, 0.5, 0.75, 1], format=".2f", title="0 destabilising ... 1 stabilising")
    labels = list(STABILISER_LABELS.values())
    colour = alt.Color("label:N", title=None, sort=labels,
                       scale=alt.Scale(domain=labels, range=[STABILISER_COLORS[k] for k in STABILISER_LABELS]),
                       legend=alt.Legend(orient="bottom", columns=2, labelLimit=320))
    tooltip = [alt.Tooltip("year:Q", title="year", format="d"), alt.Tooltip("label:N", title="series"),
               alt.Tooltip("value:Q", title="value", format=".2f")]
    rows = alt.Chart(alt.Data(name="stability"))
    shade = rows.transform_filter("datum.tipped").transform_calculate(
        lo="datum.year - 0.5", hi="datum.year + 0.5", top="1.12").mark_rect(
        color="#D55E00", opacity=0.10).encode(
        x=alt.X("lo:Q", scale=x_scale), x2="hi:Q", y=alt.value(0), y2=alt.value(height),
        tooltip=[alt.Tooltip("year:Q", title="index below threshold in", format="d")])
    parts = rows.transform_filter("datum.series != 'index'").mark_line(
        strokeWidth=2, point=alt.OverlayMarkDef(size=18)).encode(
        x=x, y=alt.Y("value:Q", scale=y_scale, axis=y_axis), color=colour, tooltip=tooltip)
    index = rows.transform_filter("datum.series == 'index'").mark_line(
        strokeWidth=4, point=alt.OverlayMarkDef(size=40)).encode(
        x=x, y=alt.Y("value:Q", scale=y_scale), color=colour, tooltip=tooltip)
    marks = alt.Chart(alt.Data(name="stability_marks"))
    thresh = marks.transform_filter("datum.what == 'threshold'").mark_rule(
        color="#444", strokeDash=[6, 4], strokeWidth=1.5).encode(
        y=alt.Y("value:Q", scale=y_scale), tooltip=[alt.Tooltip("label:N", title="rule")])
    tip = marks.transform_filter("datum.what == 'tipping'")
    tip_rule = tip.mark_rule(color="#D55E00", strokeWidth=3).encode(
        x=x, tooltip=[alt.Tooltip("label:N", title="the model")])
    tip_text = tip.mark_text(align="left", dx=4, dy=8, baseline="top", color="#D55E00",
                             fontWeight="bold", fontSize=11).encode(
        x=x, y=alt.value(height - 38), text="label:N")
    layers = [shade, thresh, parts, index, tip_rule, tip_text]
    if events is not None and len(events):
        ev = events[["year", "label", "date", "event"]].reset_index(drop=True)
        ev["dy"] = [2 + 13 * (i % 3) for i in range(len(ev))]  # staggered so labels never overlap
        ev_base = alt.Chart(ev).encode(x=x, tooltip=[alt.Tooltip("date:N", title="date"),
                                                      alt.Tooltip("event:N", title="event")])
        layers = [ev_base.mark_rule(color="#666", strokeDash=[2, 2], strokeWidth=1.5)] + layers + [
            ev_base.mark_text(align="right", dx=-3, baseline="top", fontSize=10, color="#333").encode(
                y=alt.Y("dy:Q", scale=None), text="label:N")]
    return alt.layer(*layers).properties(
        width=width, height=height, title=_title(title, caption), datasets=data)


def indicator_panels(
    frame: pd.DataFrame,
    title: str = "Seven yearly indicators behind the three stabilisers",
    caption: str = "",
    *,
    width: int = 220,
    height: int = 170,
) -> alt.HConcatChart:
    """One panel per stabiliser with its indicators (0-1, 1 = stabilising) by year.

    ``frame`` is :func:`alliances.karabakh.stability`. Colours: Okabe-Ito, one per indicator;
    missing years (no data) are gaps. Tooltips: year, indicator, value.
    """
    groups = {"offence_defence": ("spending", "drones"),
              "regional_balance": ("turkey_rise", "turkey_alliance", "russia_commitment"),
              "inertia": ("habituation", "domestic_shocks")}
    missing = [c for cols in groups.values() for c in cols if c not in frame.columns]
    if missing:
        raise ValueError(f"frame lacks indicator columns {missing}")
    names = list(INDICATOR_LABELS.values())
    colour = alt.Color("indicator:N", title=None, sort=names,
                       scale=alt.Scale(domain=names, range=list(_INDICATOR_COLORS)),
                       legend=alt.Legend(orient="bottom", columns=3, labelLimit=320))
    panels = []
    for n, (stab, cols) in enumerate(groups.items()):
        long = frame.melt(id_vars=["year"], value_vars=list(cols), var_name="key", value_name="value")
        long["indicator"] = long["key"].map(INDICATOR_LABELS)
        long["year"] = long["year"].astype(int)
        panels.append(alt.Chart(long).mark_line(strokeWidth=2, point=alt.OverlayMarkDef(size=14)).encode(
            x=alt.X("year:Q", title="year", axis=alt.Axis(format="d", tickCount=4)),
            y=alt.Y("value:Q", scale=alt.Scale(domain=[0, 1]),
                    title="1 stabilising ... 0 destabilising" if n == 0 else None),
            color=colour, strokeDash=alt.StrokeDash("indicator:N", sort=names, legend=None),
            tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("indicator:N"),
                     alt.Tooltip("value:Q", format=".2f")],
        ).properties(width=width, height=height,
                     title=alt.TitleParams(STABILISER_LABELS[stab], anchor="start", fontSize=12)))
    return alt.hconcat(*panels, spacing=14).resolve_scale(color="shared", strokeDash="independent") \
        .properties(title=_title(title, caption))


def tipping_histogram(
    sensitivity: pd.DataFrame,
    highlight: int | None = None,
    title: str = "When does the equilibrium tip? Every weighting on a grid",
    caption: str = "",
    *,
    wars: Sequence[int] = (2016, 2020),
) -> alt.HConcatChart:
    """Left: how many weight triples give each tipping year; right: the tipping year over the simplex.

    ``sensitivity`` is :func:`alliances.karabakh.sensitivity` (``w_offence_defence``,
    ``w_regional``, ``w_inertia`` summing to 1, ``tipping_year``, NA = never tips). The bar
    of ``highlight`` (e.g. the default's tipping year) is darker; bars of ``wars`` years are
    outlined. Right: x = offence-defence weight, y = inertia weight (regional = the rest),
    colour = tipping year (viridis, colour-blind safe). Tooltips give the weights.
    """
    need = ["w_offence_defence", "w_regional", "w_inertia", "tipping_year"]
    missing = [c for c in need if c not in sensitivity.columns]
    if missing:
        raise ValueError(f"sensitivity needs columns {need}; missing {missing}")
    data = sensitivity[need].copy()
    data["when"] = data["tipping_year"].map(lambda y: "never" if pd.isna(y) else str(int(y)))
    total = len(data)
    counts = data.groupby("when").agg(
        triples=("when", "size"), od=("w_offence_defence", "mean"), rb=("w_regional", "mean"),
        inert=("w_inertia", "mean")).reset_index()
    counts["share"] = counts["triples"] / max(total, 1)
    order = sorted([w for w in counts["when"] if w != "never"], key=int) + (
        ["never"] if "never" in set(counts["when"]) else [])
    counts["kind"] = counts["when"].map(
        lambda w: "the default weights" if highlight is not None and w == str(highlight) else "other weightings")
    counts["war"] = counts["when"].isin([str(y) for y in wars])
    bars = alt.Chart(counts).mark_bar().encode(
        x=alt.X("when:O", sort=order, title="tipping year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("triples:Q", title="weight triples"),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(
            domain=["the default weights", "other weightings"], range=["#0072B2", "#9ecae1"]),
            legend=alt.Legend(orient="bottom")),
        stroke=alt.condition("datum.war", alt.value("#D55E00"), alt.value(None)),
        strokeWidth=alt.value(2.5),
        tooltip=[alt.Tooltip("when:N", title="tipping year"), alt.Tooltip("triples:Q", title="weight triples"),
                 alt.Tooltip("share:Q", title="share of the grid", format=".0%"),
                 alt.Tooltip("od:Q", title="mean offence-defence weight", format=".2f"),
                 alt.Tooltip("rb:Q", title="mean regional weight", format=".2f"),
                 alt.Tooltip("inert:Q", title="mean inertia weight", format=".2f")])
    text = bars.mark_text(dy=-6, color="black").encode(text="triples:Q", color=alt.value("black"),
                                                       stroke=alt.value(None))
    left = alt.layer(bars, text).properties(width=300, height=220, title=alt.TitleParams(
        "Tipping years over the grid (red outline: a war year)", anchor="start", fontSize=12))
    years = [int(y) for y in data["tipping_year"].dropna()]
    domain = [min(years), max(years)] if years else [1995, 2024]
    cells = alt.Chart(data).mark_square(size=150).encode(
        x=alt.X("w_offence_defence:Q", title="weight of offence-defence", scale=alt.Scale(domain=[-0.05, 1.05])),
        y=alt.Y("w_inertia:Q", title="weight of inertia", scale=alt.Scale(domain=[-0.05, 1.05])),
        color=alt.Color("tipping_year:Q", title="tipping year", scale=alt.Scale(scheme="viridis", domain=domain),
                        legend=alt.Legend(format="d", orient="right")),
        tooltip=[alt.Tooltip("w_offence_defence:Q", title="offence-defence", format=".1f"),
                 alt.Tooltip("w_regional:Q", title="regional balance", format=".1f"),
                 alt.Tooltip("w_inertia:Q", title="inertia", format=".1f"),
                 alt.Tooltip("when:N", title="tipping year")])
    right = cells.properties(width=220, height=220, title=alt.TitleParams(
        "Which weights tip when (regional weight = 1 - the other two)", anchor="start", fontSize=12))
    return alt.hconcat(left, right, spacing=40).resolve_scale(color="independent").properties(
        title=_title(title, caption))


_CLASS_OF = {"independent": "success", "annexed": "success", "de_facto": "partial",
             "autonomy": "failure", "reintegrated": "failure"}


def secession_datasets(result: pd.DataFrame, partial_at: float, success_at: float) -> dict[str, list[dict]]:
    """The rows :func:`secession_chart` draws, by data-set name (``secession_cases``,
    ``secession_bands``, ``secession_cuts``). ``result`` is :func:`alliances.secession.explained`.
    """
    need = ["case_id", "region", "outcome", "score", "observed", "predicted", "explained"]
    missing = [c for c in need if c not in result.columns]
    if missing:
        raise ValueError(f"result needs columns {need}; missing {missing}")
    rank = {o: i for i, o in enumerate(OUTCOME_LABELS)}
    factors = [f for f in ("geography", "history", "ethnic", "legal") if f in result.columns]
    lo = {"failure": 0.0, "partial": partial_at, "success": success_at}
    hi = {"failure": partial_at, "partial": success_at, "success": 1.0}
    rows = sorted(result[need + factors].to_dict("records"),  # plain Python: fast enough for a slider
                  key=lambda r: (rank.get(r["outcome"], len(rank)), str(r["region"])))
    cases, bands = [], []
    for order, r in enumerate(rows):
        label = OUTCOME_LABELS.get(r["outcome"], str(r["outcome"]))
        row = f"{r['region']} ({label})"
        cases.append({"case_id": r["case_id"], "region": r["region"], "row": row, "order": order,
                      "outcome_label": label, "observed": r["observed"],
                      "predicted": _json_value(r["predicted"]) or "no score", "score": _json_value(r["score"]),
                      "fit": "explained" if r["explained"] else "not explained",
                      **{f: _json_value(r[f]) for f in factors}})
        bands.append({"row": row, "order": order, "observed": r["observed"],
                      "lo": lo.get(r["observed"]), "hi": hi.get(r["observed"])})
    cuts = [{"at": float(partial_at), "label": f"partial from {partial_at:.2f}"},
            {"at": float(success_at), "label": f"success from {success_at:.2f}"}]
    return {"secession_cases": cases, "secession_bands": bands, "secession_cuts": cuts}


def secession_chart(
    result: pd.DataFrame,
    partial_at: float,
    success_at: float,
    title: str = "Structural score and outcome of each secession attempt",
    caption: str = "",
    *,
    highlight: str | None = "nagorno-karabakh",
    width: int = 440,
) -> alt.LayerChart:
    """One row per case, grouped by outcome; x = the case's structural score (0-1).

    The shaded band in each row is where the score must fall for the outcome to be
    *explained* (failure below ``partial_at``, partial between, success from ``success_at``).
    Points: blue circles explained, vermillion crosses not (colour and shape, colour-blind
    safe); ``highlight`` (a ``case_id``) is drawn larger. Dashed rules: the two cut-points.
    Tooltips: the four factor scores, the score, observed and predicted class. Reads the
    named data sets of :func:`secession_datasets`.
    """
    data = secession_datasets(result, partial_at, success_at)
    n = len(data["secession_cases"])
    x_scale = alt.Scale(domain=[0, 1], nice=False)
    y = alt.Y("row:N", title=None, sort=alt.EncodingSortField("order", order="ascending"),
              axis=alt.Axis(labelLimit=320))
    bands = alt.Chart(alt.Data(name="secession_bands")).mark_bar(color="#56B4E9", opacity=0.25, height=16).encode(
        x=alt.X("lo:Q", scale=x_scale), x2="hi:Q", y=y,
        tooltip=[alt.Tooltip("row:N", title="case"), alt.Tooltip("observed:N", title="observed class"),
                 alt.Tooltip("lo:Q", title="explained from score", format=".2f"),
                 alt.Tooltip("hi:Q", title="up to", format=".2f")])
    factor_tips = [alt.Tooltip(f"{f}:Q", title=f, format=".2f") for f in ("geography", "history", "ethnic", "legal")
                   if f in result.columns]
    size = alt.condition(f"datum.case_id == '{highlight}'", alt.value(220), alt.value(90)) if highlight \
        else alt.value(90)
    points = alt.Chart(alt.Data(name="secession_cases")).mark_point(filled=True, opacity=0.95).encode(
        x=alt.X("score:Q", scale=x_scale, title="structural score (0 hinders ... 1 favours secession)"),
        y=y,
        color=alt.Color("fit:N", title=None, scale=alt.Scale(domain=list(EXPLAINED_COLORS),
                                                              range=list(EXPLAINED_COLORS.values())),
                        legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("fit:N", scale=alt.Scale(domain=list(EXPLAINED_COLORS), range=["circle", "cross"]),
                        legend=alt.Legend(orient="bottom", title=None)),
        size=size,
        tooltip=[alt.Tooltip("region:N", title="case"), alt.Tooltip("outcome_label:N", title="outcome"),
                 alt.Tooltip("observed:N", title="observed class"), alt.Tooltip("predicted:N", title="predicted"),
                 alt.Tooltip("score:Q", title="score", format=".2f"), *factor_tips])
    cuts = alt.Chart(alt.Data(name="secession_cuts"))
    rules = cuts.mark_rule(color="#444", strokeDash=[5, 3]).encode(
        x=alt.X("at:Q", scale=x_scale), tooltip=[alt.Tooltip("label:N", title="cut-point")])
    texts = cuts.mark_text(align="left", dx=3, baseline="bottom", fontSize=10, color="#444").encode(
        x=alt.X("at:Q", scale=x_scale), y=alt.value(-2), text="label:N")
    return alt.layer(bands, rules, texts, points).properties(
        width=width, height=20 * max(n, 1), title=_title(title, caption), datasets=data)


__all__ += ["STABILISER_COLORS", "STABILISER_LABELS", "INDICATOR_LABELS", "OUTCOME_LABELS",
            "EXPLAINED_COLORS", "stability_datasets", "stability_chart", "war_markers",
            "indicator_panels", "tipping_histogram", "secession_datasets", "secession_chart"]


# --------------------------------------------------------------------------
# Lesson 08: agreement over time and the over-fitting grid
# --------------------------------------------------------------------------

#: One Okabe-Ito colour per theory panel label (order of the five theories).
THEORY_COLORS: tuple[str, ...] = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00")
_THEORY_DASHES: tuple[list[int], ...] = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [1, 0])
_THEORY_SHAPES: tuple[str, ...] = ("circle", "square", "triangle-up", "diamond", "cross")
BASELINE_LABEL = "no theory: every pair 'hedge'"


def agreement_over_time_chart(
    table: pd.DataFrame,
    title: str = "Agreement with what happened, over time",
    caption: str = "",
    *,
    names: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
    highlight: Sequence[str] = (),
    baseline: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Each theory's stance agreement with the observed alignment, period by period or year by year.

    ``table`` is :func:`alliances.comparison.agreement_over_time` (columns ``when``,
    ``theory``, ``stance_agreement``; ``pairs`` in the tooltip if present). ``names`` maps a
    theory to its legend label (e.g. :data:`alliances.comparison.SHORT_TITLES`); ``order``
    is the x-axis order (default: first appearance). ``highlight`` shades some ``when``
    values (the dashboard's current period). ``baseline`` (columns ``when``,
    ``stance_agreement``) is drawn as a grey dashed line: a prediction with no theory at all.
    A dotted rule marks one third, a blind guess among three stances. One colour, dash and
    point shape per theory (Okabe-Ito), so lines stay apart in greyscale.

    Layers, in order (the dashboard swaps their data): shaded highlight, chance rule,
    theory lines, theory points, baseline line (on top, so it shows where a theory ties it).
    """
    for col in ("when", "theory", "stance_agreement"):
        if col not in table.columns:
            raise ValueError(f"table needs a {col!r} column")
    data = agreement_over_time_records(table, names)
    frame = pd.DataFrame(data)
    order = [str(o) for o in order] if order is not None else _order(frame["when"])
    labels = list(dict.fromkeys(r["label"] for r in data))
    many = len(order) > 8
    x = alt.X("when:O", sort=order, title="year" if many else "period",
              axis=alt.Axis(labelAngle=-90 if many else 0))
    y = alt.Y("stance_agreement:Q", title="share of (state, partner) stances right",
              scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"))
    tooltip = [alt.Tooltip("label:N", title="theory"), alt.Tooltip("when:N", title="when"),
               alt.Tooltip("stance_agreement:Q", title="stance agreement", format=".0%")]
    if "pairs" in frame.columns:
        tooltip.append(alt.Tooltip("pairs:Q", title="pairs compared", format="d"))
    n = len(labels)
    color = alt.Color("label:N", title="theory", sort=labels, legend=alt.Legend(labelLimit=260),
                      scale=alt.Scale(domain=labels, range=[THEORY_COLORS[i % 5] for i in range(n)]))
    dash = alt.StrokeDash("label:N", sort=labels, legend=None,
                          scale=alt.Scale(domain=labels, range=[_THEORY_DASHES[i % 5] for i in range(n)]))
    shape = alt.Shape("label:N", sort=labels, legend=None,
                      scale=alt.Scale(domain=labels, range=[_THEORY_SHAPES[i % 5] for i in range(n)]))
    shade = alt.Chart(pd.DataFrame({"when": [str(h) for h in highlight]}, dtype=str)).mark_rect(
        color="#e8e8e8").encode(x=alt.X("when:O", sort=order))
    chance = alt.Chart(pd.DataFrame({"y": [1 / 3], "what": ["a blind guess among three stances"]})) \
        .mark_rule(strokeDash=[2, 2], color="#999").encode(
            y="y:Q", tooltip=[alt.Tooltip("what:N", title="dotted line")])
    base_rows = [] if baseline is None else [
        {"when": str(r["when"]), "stance_agreement": float(r["stance_agreement"]), "label": BASELINE_LABEL}
        for r in baseline.to_dict("records")]
    base_line = alt.Chart(pd.DataFrame(base_rows, columns=["when", "stance_agreement", "label"])).mark_line(
        color="#777", strokeDash=[4, 4], point=alt.OverlayMarkDef(color="#777", size=20)).encode(
            x=x, y=y, tooltip=[alt.Tooltip("label:N", title="baseline"), alt.Tooltip("when:N", title="when"),
                               alt.Tooltip("stance_agreement:Q", title="stance agreement", format=".0%")])
    lines = alt.Chart(frame).mark_line(strokeWidth=2).encode(x=x, y=y, color=color, strokeDash=dash,
                                                             tooltip=tooltip)
    points = alt.Chart(frame).mark_point(filled=True, size=50).encode(x=x, y=y, color=color, shape=shape,
                                                                     tooltip=tooltip)
    width = max(360, 18 * len(order)) if many else 420
    return alt.layer(shade, chance, lines, points, base_line).properties(
        width=width, height=260, title=_title(title, caption))


def agreement_over_time_records(table: pd.DataFrame, names: Mapping[str, str] | None = None) -> list[dict]:
    """The theory rows of :func:`agreement_over_time_chart` as JSON-ready dicts (``label`` added)."""
    names = dict(names or {})
    cols = [c for c in ("when", "theory", "stance_agreement", "pairs") if c in table.columns]
    rows = []
    for r in table[cols].to_dict("records"):
        row = {"when": str(r["when"]), "theory": str(r["theory"]),
               "label": names.get(str(r["theory"]), str(r["theory"])),
               "stance_agreement": None if r["stance_agreement"] != r["stance_agreement"] else float(r["stance_agreement"])}
        if "pairs" in r:
            row["pairs"] = int(r["pairs"])
        rows.append(row)
    return rows


def agreement_values_chart(
    grid: pd.DataFrame,
    title: str = "How many parameter settings give each agreement",
    caption: str = "",
    *,
    default: float | None = None,
) -> alt.LayerChart:
    """Bars: how many settings of a parameter grid reach each stance-agreement value.

    ``grid`` has one row per setting and a ``stance_agreement`` column (e.g.
    :func:`alliances.dashboard.agreement_grid`). ``default`` marks the agreement of the
    default parameters with a vertical rule. The text above each bar is its count.
    """
    if "stance_agreement" not in grid.columns:
        raise ValueError("grid needs a 'stance_agreement' column")
    counts = (grid["stance_agreement"].round(6).value_counts().rename_axis("stance_agreement")
              .reset_index(name="settings").sort_values("stance_agreement"))
    counts["share"] = counts["settings"] / max(len(grid), 1)
    x = alt.X("stance_agreement:Q", title="share of (state, partner) stances right",
              scale=alt.Scale(domain=[0, 1], nice=False, padding=0), axis=alt.Axis(format="%"))
    bars = alt.Chart(counts).mark_bar(color="#56B4E9", width=8).encode(
        x=x, y=alt.Y("settings:Q", title="parameter settings"),
        tooltip=[alt.Tooltip("stance_agreement:Q", title="stance agreement", format=".1%"),
                 alt.Tooltip("settings:Q", title="settings", format="d"),
                 alt.Tooltip("share:Q", title="share of the grid", format=".1%")])
    text = bars.mark_text(dy=-6, fontSize=10, color="black").encode(text=alt.Text("settings:Q", format="d"))
    layers = [bars, text]
    if default is not None:
        layers.append(alt.Chart(pd.DataFrame({"x": [float(default)], "what": ["default parameters"]}))
                      .mark_rule(color="#D55E00", strokeWidth=2, strokeDash=[5, 3])
                      .encode(x="x:Q", tooltip=[alt.Tooltip("what:N", title="dashed line"),
                                                alt.Tooltip("x:Q", title="agreement", format=".1%")]))
    return alt.layer(*layers).properties(width=420, height=220, title=_title(title, caption))

__all__ += ["THEORY_COLORS", "BASELINE_LABEL", "agreement_over_time_chart", "agreement_over_time_records",
            "agreement_values_chart"]
