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


def _order(values: pd.Series) -> list[str]:
    """Categories in order of first appearance (stable, data-driven)."""
    return [str(v) for v in pd.unique(values.astype(str))]


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
