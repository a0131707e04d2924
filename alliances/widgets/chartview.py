"""One chart that redraws in place: a small anywidget whose JavaScript ships inside the package.

:class:`ChartView` draws a Vega-Lite chart with ``vegaEmbed`` once, then redraws it without
re-embedding: new rows go into the running Vega view through a *changeset* per named data set
that removes the rows that went and inserts the rows that came (rows that stay keep their marks;
``tests/browser/test_chartview.py`` checks that the result has exactly the marks of a fresh embed),
and a new title text goes through a Vega-Lite param that the title reads (an ExprRef). Only a change of the chart's structure (its
*template*: marks, encodings, scales) embeds the view anew. Re-embedding the whole view on each
redraw, as an ``Output`` with a new Vega-Lite MIME bundle does, is what cost 124–480 ms per
control in JupyterLab (issue 13).

The JavaScript (vega, vega-lite, vega-embed from the npm registry, pinned in
``js/chartview/package.json``) is bundled by esbuild into one ES module,
``alliances/widgets/static/chartview.js`` (``python scripts/build_chartview.py``). Nothing is
loaded from a CDN.

Traitlets (synced): ``spec`` (the template without its rows; its title text reads the param
``title_param``), ``datasets`` (every named data set's rows), ``title`` (the title text),
``description`` (the chart's ``aria-label``, :func:`alliances.charts.render.described`).

Examples
--------
A template built by Altair once, redrawn with new rows::

    view = ChartView()
    view.draw(chart.to_dict(), {"predicted": rows}, title="Balance of threat, 2003")
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from alliances.charts.render import Rows, described

#: The bundled ES module (built from ``js/chartview``).
BUNDLE = Path(__file__).parent / "static" / "chartview.js"
#: The Vega-Lite param the title text reads.
TITLE_PARAM = "course_title"
# Altair names inline data after a hash of its rows: ``data-<32 hex>``.
_HASHED = re.compile(r"^data-[0-9a-f]{32}$")


def swap_datasets(template: Mapping[str, Any], datasets: Mapping[str, Rows], title: str | None = None
                  ) -> dict[str, Any]:
    """A copy of the chart spec ``template`` with the named data sets replaced by ``datasets``.

    Data sets not named keep the template's rows; a name the template does not have is
    refused (a ValueError), so rows can never go to the wrong layer. ``title`` replaces the
    title text.
    """
    known = template.get("datasets", {})
    unknown = sorted(set(datasets) - set(known))
    if unknown:
        raise ValueError(f"the chart has no data set(s) {unknown}; its data sets are {sorted(known)}")
    spec = dict(template)
    spec["datasets"] = {**known, **datasets}
    if title is not None:
        spec["title"] = {**spec["title"], "text": title} if isinstance(spec.get("title"), dict) else title
    return spec


def _title_text(spec: Mapping[str, Any]) -> Any:
    title = spec.get("title")
    return title.get("text") if isinstance(title, Mapping) else title


def _structure(spec: Mapping[str, Any]) -> dict[str, Any]:
    """What the browser embeds: ``spec`` without its rows, its title text read from :data:`TITLE_PARAM`."""
    out = {k: v for k, v in spec.items() if k not in ("datasets", "description")}
    text = _title_text(spec)
    if text is None:
        return out
    title = spec["title"]
    out["title"] = {**title, "text": {"expr": TITLE_PARAM}} if isinstance(title, Mapping) else {
        "text": {"expr": TITLE_PARAM}}
    out["params"] = [*spec.get("params", []), {"name": TITLE_PARAM, "value": text}]
    return out


class ChartView(anywidget.AnyWidget):
    """A Vega-Lite chart in the browser, redrawn through Vega changesets (see the module's docstring).

    :meth:`draw` shows a template with rows swapped in by name (the explorers' path);
    :meth:`show` shows any whole spec (the structure is compared with the one shown, so a chart
    rebuilt by Altair with new rows also redraws without re-embedding). :meth:`shown` is the
    Vega-Lite spec on screen, as Altair would write it. ``embeds`` counts the times the
    structure was sent (a re-embed), ``draws`` every redraw.
    """

    _esm = BUNDLE
    spec = traitlets.Dict().tag(sync=True)
    datasets = traitlets.Dict().tag(sync=True)
    title = traitlets.Any(None, allow_none=True).tag(sync=True)
    title_param = traitlets.Unicode("").tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._template: Mapping[str, Any] | None = None
        self._source: dict[str, Any] = {}
        self.embeds = 0
        self.draws = 0

    def draw(self, template: Mapping[str, Any], datasets: Mapping[str, Rows] | None = None,
             title: str | None = None) -> None:
        """Show ``template`` with ``datasets`` swapped in by name and ``title`` as its title text.

        The same template object (or an equal one) as last time: only the rows and the title
        are sent, and the browser applies them as changesets. A name the template does not
        have is refused (a ValueError, :func:`swap_datasets`).
        """
        full = swap_datasets(template, datasets or {}, title)
        new_structure = template is not self._template and _without_rows(template) != _without_rows(self._source)
        self._template = template
        self._source = dict(template)
        self._set(full, new_structure)

    def show(self, spec: Mapping[str, Any]) -> None:
        """Show the whole Vega-Lite ``spec`` (e.g. ``chart.to_dict()``).

        Altair names inline rows after their hash, so those names are numbered in order first:
        a chart rebuilt with other rows has the same structure and redraws through changesets.
        """
        rows = dict(spec.get("datasets", {}))
        names = {old: f"data-{i}" for i, old in enumerate(n for n in rows if _HASHED.match(n))}
        if names:
            text = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
            for old, new in names.items():
                text = text.replace(f'"{old}"', f'"{new}"')
            spec = {**json.loads(text), "datasets": {names.get(k, k): v for k, v in rows.items()}}
        self.draw(spec, {}, None)

    def _set(self, full: dict[str, Any], new_structure: bool) -> None:
        text = _title_text(full)
        with self.hold_sync():
            if new_structure or not self.spec:
                self.spec = _structure(full)
                self.title_param = TITLE_PARAM if text is not None else ""
                self.embeds += 1
            self.datasets = full.get("datasets", {})
            self.title = text
            self.description = described(full)["description"]
        self.draws += 1

    def shown(self) -> dict[str, Any]:
        """The Vega-Lite spec on screen: the template, its rows, its title text (no ``description``)."""
        if self._template is None:
            return {}
        return swap_datasets(self._source, self.datasets, self.title)


def _without_rows(spec: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in spec.items() if k not in ("datasets", "title", "description")} | {
        "datasets": sorted(spec.get("datasets", {})),
        "title": {k: v for k, v in spec["title"].items() if k != "text"} if isinstance(spec.get("title"), Mapping)
        else None}


__all__ = ["BUNDLE", "TITLE_PARAM", "ChartView", "swap_datasets"]
