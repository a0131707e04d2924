"""What the website shows of a stored lesson, made from its outputs without running it.

:func:`prepare_notebook` returns a copy of a lesson notebook (nbformat 4, as a dict) for the
site to render; the committed notebook is never changed:

* every Vega-Lite output becomes one HTML block holding the spec (drawn by
  ``_static/course-vega.js`` with the bundled vega-embed) and the stored SVG copy as an
  image, which stays when scripts are off or a chart fails to draw;
* every ipywidgets output, which a static page cannot show (stored outputs carry no widget
  state), becomes a note that in JupyterLab the cell shows controls, with a launch link; a
  static chart stored beside the widget, if any, is kept above the note;
* nbval's markers (``# NBVAL_IGNORE_OUTPUT`` …) are removed from the code a reader sees;
* the first code cell, when it is the lesson's imports (:func:`is_import_cell`), gets the
  standard ``hide-input`` tag unless it already has a hide-/remove- tag; a first cell that
  teaches (the primer's) stays visible. Other cells keep the tags they have (myst-nb honours
  ``hide-input``, ``hide-output``, ``hide-cell``, ``remove-input``, ``remove-output``, ``remove-cell``);
* a "launch on Binder" badge goes under the lesson's title;
* a relative link to a file that is not a page of the site (an exercise notebook, a data
  file) is pointed where ``link_for`` says, e.g. the file in the repository on GitHub.
"""

from __future__ import annotations

import ast
import base64
import copy
import html
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

VEGALITE_MIMES = ("application/vnd.vegalite.v5+json", "application/vnd.vegalite.v4+json")
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
SVG_MIME = "image/svg+xml"
HTML_MIME = "text/html"
HIDING_TAGS = frozenset({"hide-input", "hide-cell", "remove-input", "remove-cell"})
_RELATIVE_LINK = re.compile(r"\]\((?![a-zA-Z][a-zA-Z0-9+.-]*:|#|/)([^)\s]+)\)")
_NBVAL_LINE = re.compile(r"^[ \t]*#[ \t]*NBVAL_[A-Z_]+[ \t]*(?:\n|$)", re.MULTILINE)

WIDGET_NOTE = ("<strong>Interactive cell.</strong> In JupyterLab this cell shows controls: move them "
               "and the model and its chart change. A web page cannot run the model, so ")
WIDGET_LAUNCH = '<a class="course-launch-link" href="{url}">launch this lesson on Binder</a> to use them.'
WIDGET_NO_LAUNCH = "open the lesson in JupyterLab to use them."


def _source(cell: Mapping[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def strip_test_markers(source: str) -> str:
    """``source`` without nbval's marker lines (``# NBVAL_IGNORE_OUTPUT`` and the like).

    >>> strip_test_markers('# NBVAL_IGNORE_OUTPUT\\nExplorer("rsct")')
    'Explorer("rsct")'
    """
    return _NBVAL_LINE.sub("", source)


def is_import_cell(source: str) -> bool:
    """Whether a cell's code is plumbing: imports, and at most bare calls beside them (a lesson
    starts ``from alliances import charts; charts.enable_offline_rendering()``).

    >>> is_import_cell("from alliances import charts; charts.enable_offline_rendering()\\n"
    ...                "from alliances.analysis import (compare,\\n    observed)")
    True
    >>> is_import_cell("independence = 1991")
    False
    """
    try:
        body = ast.parse(source).body
    except SyntaxError:  # IPython syntax (magics): not plain imports
        return False
    imports = [n for n in body if isinstance(n, (ast.Import, ast.ImportFrom))]
    calls = [n for n in body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
    return bool(imports) and len(imports) + len(calls) == len(body)


def rewrite_links(markdown: str, link_for: Callable[[str], str | None]) -> str:
    """``markdown`` with each relative inline link's target replaced by ``link_for(target)``
    (kept where that is None).

    >>> rewrite_links("[ex](../exercises/02.ipynb) and [p](primer.ipynb)",
    ...               lambda t: "https://x/" + t[3:] if t.startswith("../") else None)
    '[ex](https://x/exercises/02.ipynb) and [p](primer.ipynb)'
    """
    def replace(match: re.Match[str]) -> str:
        new = link_for(match.group(1))
        return match.group(0) if new is None else f"]({new})"

    return _RELATIVE_LINK.sub(replace, markdown)


def chart_label(spec: Mapping[str, Any]) -> str:
    """A chart's accessible name: its ``description``, else its title's text, else "Chart".

    >>> chart_label({"title": {"text": "Threat", "subtitle": "2008-2019"}})
    'Threat'
    """
    if isinstance(spec.get("description"), str) and spec["description"].strip():
        return spec["description"].strip()
    title = spec.get("title")
    if isinstance(title, Mapping):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    return str(title).strip() if title else "Chart"


def chart_html(spec: Mapping[str, Any], svg: str | None = None) -> str:
    """The HTML block for one chart: its spec as JSON for vega-embed and its static SVG copy.

    The spec gains a ``description`` (its label) when it has none, which vega-embed gives
    the drawn chart as its accessible name.
    """
    label = chart_label(spec)
    spec = {**spec, "description": label} if "description" not in spec else dict(spec)
    # "</" inside a <script> would end it early; "<\/" is the same JSON string.
    payload = json.dumps(spec, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    parts = [f'<div class="course-vega" role="figure" aria-label="{html.escape(label)}">',
             f'<script type="application/json" class="course-vega-spec">{payload}</script>',
             '<div class="course-vega-live"></div>']
    if svg:
        parts.append(static_image_html(svg, label))
    parts.append("</div>")
    return "".join(parts)


def static_image_html(svg: str, label: str) -> str:
    """A stored SVG copy as an ``<img>`` (a data URL: no file, no request off the page)."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="course-vega-static" alt="{html.escape(label)}" src="data:image/svg+xml;base64,{data}">'


def widget_note_html(launch_url: str | None) -> str:
    """The note that stands in for a widget's controls on the static site."""
    tail = WIDGET_LAUNCH.format(url=html.escape(launch_url, quote=True)) if launch_url else WIDGET_NO_LAUNCH
    return f'<div class="course-widget-note" role="note">{WIDGET_NOTE}{tail}</div>'


def badge_html(launch_url: str) -> str:
    """A "launch | Binder" badge drawn in CSS (no image from mybinder.org)."""
    return (f'<a class="course-badge" href="{html.escape(launch_url, quote=True)}">'
            '<span class="course-badge-left">launch</span><span class="course-badge-right">Binder</span></a>')


def _prepare_data(data: Mapping[str, Any], launch_url: str | None) -> dict[str, Any]:
    """One output's MIME bundle, as the site shows it."""
    chart_mime = next((m for m in VEGALITE_MIMES if m in data), None)
    chart = chart_html(data[chart_mime], data.get(SVG_MIME)) if chart_mime else None
    if WIDGET_MIME in data:
        static = chart or (static_image_html(data[SVG_MIME], "Chart") if SVG_MIME in data else "")
        return {HTML_MIME: static + widget_note_html(launch_url),
                "text/plain": "(interactive controls: open the lesson in JupyterLab)"}
    if chart is not None:
        return {HTML_MIME: chart, "text/plain": data.get("text/plain", "<chart>")}
    return dict(data)


def _prepare_code_cell(cell: dict[str, Any], launch_url: str | None) -> None:
    cell["source"] = strip_test_markers(_source(cell))
    for output in cell.get("outputs", []):
        if "data" in output:
            output["data"] = _prepare_data(output["data"], launch_url)


def _add_badge(cells: list[dict[str, Any]], launch_url: str) -> None:
    """Put the badge right under the title (a first markdown cell starting ``# ``), else on top."""
    badge = f"\n\n{badge_html(launch_url)}\n\n"
    if cells and cells[0].get("cell_type") == "markdown" and _source(cells[0]).startswith("# "):
        title, _, rest = _source(cells[0]).partition("\n")
        cells[0]["source"] = f"{title}{badge}{rest.lstrip()}"
    else:
        cells.insert(0, {"cell_type": "markdown", "metadata": {}, "source": badge.strip()})


def prepare_notebook(notebook: Mapping[str, Any], launch_url: str | None = None,
                     link_for: Callable[[str], str | None] | None = None) -> dict[str, Any]:
    """A copy of a stored lesson, as the website shows it (see the module's docstring).

    ``launch_url`` is this lesson's Binder link (badge and widget notes); ``None`` leaves
    them out. ``link_for`` maps a relative link's target to where the site should point it
    (None: keep it); without it links are kept.
    """
    nb = copy.deepcopy(dict(notebook))
    cells = nb.get("cells", [])
    if link_for is not None:
        for cell in cells:
            if cell.get("cell_type") == "markdown":
                cell["source"] = rewrite_links(_source(cell), link_for)
    code = [c for c in cells if c.get("cell_type") == "code"]
    for cell in code:
        _prepare_code_cell(cell, launch_url)
    if code and is_import_cell(_source(code[0])):
        metadata = code[0].setdefault("metadata", {})
        tags = list(metadata.get("tags", []))
        if not HIDING_TAGS & set(tags):
            metadata["tags"] = tags + ["hide-input"]
    if launch_url:
        _add_badge(cells, launch_url)
    return nb


def chart_count(notebook: Mapping[str, Any]) -> int:
    """How many Vega-Lite outputs a stored notebook holds."""
    return sum(1 for cell in notebook.get("cells", []) for out in cell.get("outputs", [])
               if any(m in out.get("data", {}) for m in VEGALITE_MIMES))


def widget_count(notebook: Mapping[str, Any]) -> int:
    """How many ipywidgets outputs a stored notebook holds."""
    return sum(1 for cell in notebook.get("cells", []) for out in cell.get("outputs", [])
               if WIDGET_MIME in out.get("data", {}))
