"""Helpers of the widget tests."""

from __future__ import annotations

from typing import Any

from alliances.charts.render import described
from alliances.widgets.chartview import ChartView


def shown_spec(view: ChartView) -> dict[str, Any]:
    """The one Vega-Lite spec a :class:`ChartView` shows: its template with the rows of its last
    redraw (each redraw replaces a data set's rows, it never adds to them) and a description."""
    assert isinstance(view, ChartView), f"a chart is drawn by a ChartView, not a {type(view).__name__}"
    spec = view.shown()
    assert set(view.datasets) == set(spec["datasets"]), "the browser gets every named data set, each once"
    assert view.description == described(spec)["description"], "every chart has its description"
    return spec
