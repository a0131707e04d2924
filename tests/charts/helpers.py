"""Helpers for reading chart specs and bundles in the chart and widget tests."""

from __future__ import annotations

import json
import re
from typing import Any

import altair as alt

from alliances.charts import SVG_MIME, VEGALITE_MIME
from alliances.palette import GREY, OKABE_ITO

VEGALITE, SVG = VEGALITE_MIME, SVG_MIME
#: The colours a chart may use for data: Okabe–Ito, and grey for "the rest".
SAFE_COLOURS = {c.upper() for c in (*OKABE_ITO, GREY)}

# URL loads: script tags, src/href attributes, CSS imports/url() pointing off the page.
URL_LOAD = re.compile(
    r"<script|<iframe|<link\b|\bsrc\s*=|@import|url\(\s*['\"]?(?!#)|"
    r"(?:xlink:)?href\s*=\s*['\"](?!#)",
    re.IGNORECASE,
)


def bundle(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The MIME bundle the active renderer makes of ``chart``."""
    out = chart._repr_mimebundle_()
    return out[0] if isinstance(out, tuple) else out


def remote_urls(obj: Any, key: str = "") -> list[str]:
    """Every string value in a Vega-Lite spec that names a remote resource (``$schema`` is only an id)."""
    if isinstance(obj, dict):
        return [u for k, v in obj.items() if k != "$schema" for u in remote_urls(v, k)]
    if isinstance(obj, list):
        return [u for v in obj for u in remote_urls(v, key)]
    if isinstance(obj, str) and (key == "url" or re.match(r"(?i)^(https?:)?//", obj)):
        return [obj]
    return []


def urls_outside_data(spec: dict[str, Any]) -> list[str]:
    """Remote URLs outside the inline data values: what a renderer would fetch.

    The event and membership tables carry their sources (some are web addresses) as text
    shown in tooltips; those are values, never loaded.
    """
    bare = {k: v for k, v in spec.items() if k != "datasets"}
    return remote_urls(json.loads(json.dumps(bare).replace('"values":', '"_values":')))


def tooltip_fields(spec: Any) -> set[str]:
    """Every field named in a tooltip anywhere in a (nested) spec."""
    found: set[str] = set()
    if isinstance(spec, dict):
        tip = spec.get("encoding", {}).get("tooltip") if isinstance(spec.get("encoding"), dict) else None
        for t in (tip if isinstance(tip, list) else [tip] if tip else []):
            found.add(t.get("field", ""))
        for v in spec.values():
            found |= tooltip_fields(v)
    elif isinstance(spec, list):
        for v in spec:
            found |= tooltip_fields(v)
    return found


def referenced_datasets(spec: Any) -> set[str]:
    """Every data-set name a spec's layers read (``data`` and ``lookup`` references)."""
    found: set[str] = set()
    if isinstance(spec, dict):
        data = spec.get("data")
        if isinstance(data, dict) and set(data) == {"name"}:
            found.add(data["name"])
        for k, v in spec.items():
            if k != "datasets":
                found |= referenced_datasets(v)
    elif isinstance(spec, list):
        for v in spec:
            found |= referenced_datasets(v)
    return found


def title_text(spec: dict[str, Any]) -> str:
    title = spec["title"]
    return title["text"] if isinstance(title, dict) else title


def rows_with(spec: dict[str, Any], field: str) -> list[dict[str, Any]]:
    """Every row of every data set of ``spec`` that has ``field``."""
    return [r for v in spec["datasets"].values() if isinstance(v, list) for r in v if field in r]


def mark_counts(svg: str) -> dict[str, int]:
    """Number of drawn marks per named mark group of a Vega SVG (``<name>_marks`` -> count)."""
    groups = re.findall(r'<g class="mark-[a-z]+ role-mark ([^"]+)"[^>]*?(/>|>(.*?)</g>)', svg, re.DOTALL)
    return {name: body.count("<path") for name, _, body in groups}
