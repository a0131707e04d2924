"""Lessons 01–05: change a theory's variables and watch its prediction move.

:class:`Explorer` shows a theory's prediction next to the observed alignment, with one
control per parameter (from :func:`alliances.theories.parameter_specs`) and a period/year
control; :class:`PeriodView` redraws any chart of a world for the chosen period or year.
The lessons show each default chart as an ordinary output above the widget, with a static SVG
copy, for readers where widgets do not render (GitHub, nbviewer, static HTML).

Examples
--------
One new variable at a time::

    Explorer("balance_of_threat", show=["w_intentions"])
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import altair as alt
import ipywidgets as w
import pandas as pd
from IPython.display import display

from alliances import charts
from alliances.analysis import observed, stance_counts
from alliances.charts.render import Rows
from alliances.theories import TITLES, parameter_specs, predict
from alliances.widgets.base import WHEN_OPTIONS, ModelExplorer, period_control
from alliances.widgets.chartview import ChartView
from alliances.world import World, load_world


def agreement_text(counts: Mapping[str, tuple[int, int]]) -> str:
    """One line of HTML: the stance agreement overall and per state, from :func:`alliances.analysis.stance_counts`."""
    def share(state: str) -> float:
        right, pairs = counts[state]
        return right / pairs if pairs else math.nan

    per_state = ", ".join(f"{state} {share(state):.0%}" for state in counts if state != "all")
    return f"<b>Agreement with what happened:</b> {share('all'):.0%} of stances ({per_state})."


class Explorer(ModelExplorer):
    """A theory's prediction next to observed alignment, with controls for its parameters.

    Parameters
    ----------
    theory
        One of :data:`alliances.THEORIES`.
    when
        The initial period or year.
    show
        The parameter names to offer as controls (default: all).
    fixed
        Parameter values (validated): a shown control starts at its value; a parameter not
        shown keeps it.
    period_control
        Whether to show the period/year control (every lesson does).
    title
        The chart's title (default: the theory's title); the period is appended.

    Attributes: ``prediction`` (the current prediction frame), ``controls``, ``period``.
    """

    def __init__(self, theory: str, when: str = "2008-2019", show: Sequence[str] | None = None,
                 fixed: Mapping[str, Any] | None = None, period_control: bool = True, title: str | None = None):
        super().__init__(theory, parameter_specs(theory), show=show, fixed=fixed, when=when)
        self.theory = theory
        self.title = title or TITLES[theory]
        self.prediction = pd.DataFrame()
        top = ([self.period] if period_control else []) + list(self.controls.values())
        self.widget = w.VBox([w.VBox(top), self.summary, self.output])
        self.update()

    @property
    def when(self) -> str:
        """The chosen period or year."""
        assert self.period is not None
        return str(self.period.value)

    def compute(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The current prediction and the observed alignment for the chosen period or year."""
        world = load_world(self.when)
        return predict(self.theory, world, **self.params()), observed(world)

    def apply(self, result: tuple[pd.DataFrame, pd.DataFrame]) -> None:
        pred, obs = result
        self.prediction = pred
        self.summary.value = agreement_text(stance_counts(pred, obs))

    def chart_title(self) -> str:
        return f"{self.title}, {self.when}"

    def chart_for(self, result: tuple[pd.DataFrame, pd.DataFrame]) -> alt.ConcatChart:
        pred, obs = result
        return charts.side_by_side(pred, obs, title=self.chart_title(), caption=charts.SCORE_CAPTION,
                                   labels={"predicted": "predicted by the theory", "observed": "what the states did"})

    def datasets_for(self, result: tuple[pd.DataFrame, pd.DataFrame]) -> dict[str, Rows]:
        return charts.side_by_side_datasets(*result)

    def signature(self) -> pd.DataFrame:
        """The current prediction's scores (to 9 decimals) and stances."""
        return self.prediction[["score", "stance"]].round({"score": 9})


class PeriodView:
    """Any chart of a world, with a period/year control that redraws it in place.

    ``make_chart(world)`` returns an Altair chart, e.g. ``PeriodView(lambda world:
    charts.stance_heatmap(observed(world), world.when))``. Like :class:`Explorer`, the chart
    shown as an ordinary output above the widget is the static fallback. Each period's chart is
    built once (any chart works; 0.1–0.4 s) and kept, and only the first is validated against
    the Vega-Lite schema (the others come from the same code); the browser gets only the new
    rows and title when the chart's structure is the same
    (:meth:`~alliances.widgets.chartview.ChartView.show`).
    """

    def __init__(self, make_chart: Callable[[World], alt.TopLevelMixin], when: str = "2008-2019",
                 options: Sequence[tuple[str, str]] = WHEN_OPTIONS):
        self.make_chart = make_chart
        self.period = period_control(when, options)
        self.output = ChartView(layout=w.Layout(min_height="300px"))
        self._specs: dict[str, dict[str, Any]] = {}
        self.period.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([self.period, self.output])
        self.update()

    def update(self) -> None:
        """Redraw for the chosen period or year."""
        when = str(self.period.value)
        if when not in self._specs:
            self._specs[when] = self.make_chart(load_world(when)).to_dict(validate=not self._specs)
        self.output.show(self._specs[when])

    def _ipython_display_(self) -> None:
        display(self.widget)


__all__ = ["Explorer", "PeriodView", "agreement_text"]
