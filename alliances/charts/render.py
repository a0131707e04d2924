"""Offline rendering, JSON-ready rows, and the named data sets that widgets swap.

Offline rendering
-----------------
:func:`enable_offline_rendering` (once at the top of every notebook) makes Altair show every
chart as a MIME bundle with

* ``application/vnd.vegalite.v5+json`` -- drawn by JupyterLab's built-in Vega-Lite 5
  renderer, interactive (tooltips), with no network access;
* ``image/svg+xml`` -- a static picture made locally with ``vl_convert``, which is what
  GitHub, nbviewer and ``nbconvert --to html`` show;
* ``image/png`` -- the same static picture as a PNG, rasterised locally from the SVG copy
  (:func:`png_copy`);
* ``text/plain`` -- a one-line description for plain-text front ends.

No ``text/html`` and no ``<script>`` is emitted, so nothing is ever loaded from a CDN.

Why a PNG as well: the Vega renderer that JupyterLab and Voilà use (``@jupyterlab/vega5-extension``)
draws the Vega-Lite spec and then, *if the output has no* ``image/png``, makes one in the browser
and writes it back into the output (``model.setData``). In JupyterLab that marks every lesson as
modified as soon as it is opened, and saving it adds a PNG per chart (the notebook grows). In
Voilà 0.5 the output is a plain object with no ``setData``, so every stored chart gets a red
"Javascript Error: e.setData is not a function" box under it. With a PNG already in the bundle
the renderer skips the write-back, in both. The PNG is made from the SVG copy (``vl_convert.svg_to_png``,
scale 1, tens of milliseconds) and its image data re-deflated with ``zlib`` (vl_convert stores it
barely compressed; about 3.5 times smaller); the same SVG gives the same PNG bytes, and nbval never
compares ``image/png`` (it skips image outputs unless run with ``--nbdime``). Front ends still
prefer the Vega-Lite entry (JupyterLab, Voilà) or the SVG (nbconvert HTML, the course site).

Named data sets
---------------
A chart that a widget redraws reads its rows from *named* data sets (Vega-Lite's top-level
``datasets``): its layers refer to them with :func:`named_data`, and :func:`with_datasets`
attaches the rows. Each such chart has a companion ``<chart>_datasets(...)`` that returns
the rows under those names, so a widget builds the chart once (Altair's slow part) and then
swaps in new rows by name (:func:`alliances.widgets.base.swap_datasets`); nothing depends on
the position of a layer in the spec.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
import struct
import threading
import warnings
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import altair as alt
import pandas as pd

#: Rows of a named data set, JSON-ready.
Rows = list[dict[str, Any]]

RENDERER_NAME = "course"
VEGALITE_MIME = "application/vnd.vegalite.v5+json"
SVG_MIME = "image/svg+xml"
PNG_MIME = "image/png"
TEXT_MIME = "text/plain"

# "v5.20.1" -> "5.20": the Vega-Lite version vl_convert should compile with,
# the same one JupyterLab's renderer and Altair's schema speak.
_VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])

_SVG_ID = re.compile(r'id="((?:gradient|clip|pattern)_?\d+)"')


def stable_svg_ids(svg: str) -> str:
    """Replace Vega's counter-based element ids with content-derived ones.

    vl_convert's Vega keeps a process-wide counter (``gradient_0``, ``gradient_1``, ...), so
    re-rendering the same chart in one kernel gives a different SVG. The ids are renamed to
    ``<hash>-<n>``, where the hash is of the SVG with the ids blanked: same chart -> same
    bytes (stable notebook outputs for nbval), different charts -> different ids (no clash
    when several SVGs are inlined in one HTML page).
    """
    ids = list(dict.fromkeys(_SVG_ID.findall(svg)))
    if not ids:
        return svg
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, ids)) + r")\b")
    blank = pattern.sub("ID", svg)
    digest = hashlib.sha1(blank.encode("utf-8")).hexdigest()[:10]
    names = {old: f"v{digest}-{n}" for n, old in enumerate(ids)}
    return pattern.sub(lambda m: names[m.group(1)], svg)


def _made_locally(make: Callable[[], str], what: str, otherwise: str) -> str | None:
    """``make()``, or None with a warning that ``what`` could not be made and what follows."""
    try:
        return make()
    except Exception as exc:  # pragma: no cover - depends on vl_convert
        warnings.warn(f"{what} could not be made ({exc!r}); {otherwise}.", RuntimeWarning, stacklevel=3)
        return None


def svg_copy(spec: dict[str, Any]) -> str | None:
    """A static SVG of ``spec`` made locally by vl_convert (stable ids), or None with a warning."""
    def make() -> str:
        import vl_convert as vlc

        return stable_svg_ids(vlc.vegalite_to_svg(spec, vl_version=_VL_VERSION))

    return _made_locally(make, "Static SVG fallback", "the chart will show in JupyterLab but not on GitHub/nbviewer")


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def recompress_png(png: bytes, level: int = 6) -> bytes:
    """``png`` with its image data deflated again at zlib ``level``, as one IDAT chunk.

    The pixels, and every other chunk, are unchanged (the filtered scanlines are only
    re-compressed), so the picture is the same; the output depends only on the input.
    """
    if not png.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG")
    chunks: list[tuple[bytes, bytes]] = []
    pos = len(_PNG_SIGNATURE)
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        chunks.append((png[pos + 4:pos + 8], png[pos + 8:pos + 8 + length]))
        pos += 12 + length
    idat = zlib.compress(zlib.decompress(b"".join(data for kind, data in chunks if kind == b"IDAT")), level)
    first = next(i for i, (kind, _) in enumerate(chunks) if kind == b"IDAT")
    rest = [c for c in chunks if c[0] != b"IDAT"]
    rest.insert(first, (b"IDAT", idat))
    return _PNG_SIGNATURE + b"".join(_png_chunk(kind, data) for kind, data in rest)


def png_copy(svg: str) -> str | None:
    """A PNG of the SVG copy ``svg`` (scale 1), base64 text as a notebook stores it, or None with a warning.

    Made locally by vl_convert's SVG rasteriser and re-compressed (:func:`recompress_png`):
    same SVG -> same bytes.
    """
    def make() -> str:
        import vl_convert as vlc

        return base64.b64encode(recompress_png(bytes(vlc.svg_to_png(svg, scale=1)))).decode("ascii")

    return _made_locally(make, "Static PNG copy",
                         "JupyterLab will mark the notebook modified and Voilà will show an error box under the chart")


_settings: dict[str, Any] = {"static_fallback": True}


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts(v)]
    return []


def described(spec: Mapping[str, Any]) -> dict[str, Any]:
    """``spec`` with a top-level Vega-Lite ``description`` for screen readers.

    Vega writes the description into the chart's ``aria-label``, so a screen reader announces
    what a sighted reader gets from the chart's text: its title and its caption (subtitle).
    A chart that states its own ``description`` keeps it. Charts without a title are
    described as such, so every chart has one.
    """
    if spec.get("description"):
        return dict(spec)
    title = spec.get("title")
    parts = _texts(title.get("text") if isinstance(title, Mapping) else title)
    if isinstance(title, Mapping):
        parts += _texts(title.get("subtitle"))
    sentences = [p.strip() if p.strip().endswith((".", "?", "!")) else f"{p.strip()}." for p in parts]
    return {**spec, "description": " ".join(sentences) or "A chart without a title."}


def render_bundle(spec: dict[str, Any], **metadata: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Altair renderer: turn a Vega-Lite spec into an offline MIME bundle.

    Returns ``(bundle, metadata)`` as Altair's renderer protocol expects. The bundle never
    contains HTML or JavaScript. The SVG copy and the PNG made from it are added unless
    ``enable_offline_rendering(static_fallback=False)`` switched them off.
    """
    spec = described(spec)
    bundle: dict[str, Any] = {VEGALITE_MIME: spec, TEXT_MIME: "<Altair chart (Vega-Lite 5)>"}
    svg = svg_copy(spec) if _settings["static_fallback"] else None
    if svg is not None:
        bundle[SVG_MIME] = svg
        png = png_copy(svg)
        if png is not None:
            bundle[PNG_MIME] = png
    meta: dict[str, Any] = {VEGALITE_MIME: metadata} if metadata else {}
    return bundle, meta


def enable_offline_rendering(static_fallback: bool = True) -> None:
    """Register and enable the course's offline Altair renderer (named ``"course"``).

    Safe and cheap to call many times (registration is a dict assignment). In a kernel the
    first call has vl_convert's engine start just after the cell (:func:`warm_up_when_idle`),
    so its start-up (0.3–0.9 s on the test machine) falls while the reader reads, not in the
    first chart; each chart then takes 0.1–0.3 s for the SVG copy and tens of milliseconds
    for the PNG. ``static_fallback=False`` leaves both static copies out (faster redraws; nothing for
    GitHub/nbviewer to show, and without the PNG JupyterLab's renderer writes one back, see
    the module docstring): for experiments, not for the lessons. Returns None, so a notebook cell that ends with this call shows no
    output.
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
    if static_fallback:
        warm_up_when_idle()


def warm_up_when_idle(delay: float = 0.2) -> bool:
    """In a Jupyter kernel, start :func:`warm_up_static_copies` just after the current cell has finished.

    vl_convert holds the GIL while its engine starts (0.3–0.9 s on the test machine), so a
    thread started at once only moves that wait into the running cell. Started ``delay``
    seconds after the cell, from the kernel's event loop, it runs while the reader reads
    and the first chart does not pay it. Outside a kernel (a script, nbconvert without IPython)
    nothing is started: the first static copy starts the engine. Returns whether a warm-up
    was scheduled (once per process).
    """
    if _settings.get("warm_up") is not None or _settings.get("warm_up_scheduled"):
        return False
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - the course always has IPython
        return False
    shell = get_ipython()
    if shell is None:
        return False

    def after_cell(*_: Any) -> None:
        shell.events.unregister("post_run_cell", after_cell)
        try:
            import asyncio

            asyncio.get_running_loop().call_later(delay, warm_up_static_copies)
        except RuntimeError:  # no running loop (a terminal IPython): start now
            warm_up_static_copies()

    _settings["warm_up_scheduled"] = True
    shell.events.register("post_run_cell", after_cell)
    return True


_WARM_UP_SPEC: dict[str, Any] = {"data": {"values": [{"x": 0}]}, "mark": "point",
                                 "encoding": {"x": {"field": "x", "type": "quantitative"}}}


def warm_up_thread() -> threading.Thread | None:
    """The warm-up thread of this process, once :func:`warm_up_static_copies` has started it."""
    thread = _settings.get("warm_up")
    return thread if isinstance(thread, threading.Thread) else None


def warm_up_static_copies() -> threading.Thread:
    """Start vl_convert (its JavaScript engine, Vega-Lite, the fonts) in a daemon thread, once per process.

    vl_convert holds the GIL while it works, so the thread is best started when the kernel is
    idle (:func:`warm_up_when_idle`). A failure here is silent: the chart's own call warns as
    :func:`svg_copy` does. Returns the thread.
    """
    thread = _settings.get("warm_up")
    if isinstance(thread, threading.Thread):
        return thread

    def warm() -> None:
        try:
            import vl_convert as vlc

            vlc.svg_to_png(vlc.vegalite_to_svg(_WARM_UP_SPEC, vl_version=_VL_VERSION), scale=1)
        except Exception:  # pragma: no cover - the chart's own call reports it
            pass

    thread = threading.Thread(target=warm, name="vl_convert warm-up", daemon=True)
    _settings["warm_up"] = thread
    thread.start()
    return thread


# --------------------------------------------------------------------------
# Frames in, JSON-ready rows out
# --------------------------------------------------------------------------

def json_value(value: Any) -> Any:
    """One cell as JSON: missing values (None, NaN, NA, NaT) become None, numpy scalars Python ones."""
    if isinstance(value, (list, tuple, dict, str, bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else float(value)
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def records(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> Rows:
    """The rows of ``frame`` (or of its ``columns``) as JSON-ready dicts, as Altair would embed them."""
    part = frame if columns is None else frame[list(columns)]
    return [{k: json_value(v) for k, v in row.items()} for row in part.to_dict("records")]


def require_columns(frame: pd.DataFrame, need: Iterable[str], label: str = "frame", hint: str = "") -> None:
    """Refuse ``frame`` unless it has every column in ``need`` (a ValueError naming the missing ones)."""
    need = list(need)
    missing = [c for c in need if c not in frame.columns]
    if missing:
        raise ValueError(f"{label} needs columns {need}{hint}; missing {missing}")


def cell_text(value: object) -> str:
    """A cell as text; missing values as the empty string."""
    return "" if value is None or pd.isna(value) else str(value)


def parse_date(value: object, end: bool = False) -> pd.Timestamp | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as a timestamp (its start, or its end if ``end``)."""
    if value is None or pd.isna(value) or str(value).strip() == "":
        return None
    text = str(value).strip()
    period = pd.Period(text, freq={4: "Y", 7: "M"}.get(len(text), "D"))
    return period.end_time.normalize() if end else period.start_time


# --------------------------------------------------------------------------
# Named data sets
# --------------------------------------------------------------------------

Chart = TypeVar("Chart", bound=alt.TopLevelMixin)


def named_data(name: str) -> alt.NamedData:
    """A reference to the top-level data set ``name`` (its rows come from :func:`with_datasets`)."""
    return alt.NamedData(name=name)


def with_datasets(chart: Chart, datasets: Mapping[str, Rows]) -> Chart:
    """``chart`` with the named data sets attached at the top level (call it on the finished chart)."""
    return chart.properties(datasets=dict(datasets))


__all__ = [
    "PNG_MIME", "RENDERER_NAME", "Rows", "SVG_MIME", "TEXT_MIME", "VEGALITE_MIME", "cell_text",
    "enable_offline_rendering", "json_value", "named_data", "parse_date", "png_copy", "records",
    "recompress_png", "render_bundle", "require_columns", "stable_svg_ids", "svg_copy", "warm_up_static_copies", "warm_up_thread",
    "warm_up_when_idle", "with_datasets",
]
