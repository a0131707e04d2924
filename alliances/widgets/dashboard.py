"""Lesson 08's sandbox: every theory, every control, and where the theories diverge.

The dashboard shows (1) each theory's prediction next to the observed alignment, one panel
each, (2) the divergence heat map (per state × partner: how many theories match what
happened, how many distinct stances they predict) and (3) each theory's agreement with the
observed alignment over time. Every control is built by
:func:`~alliances.widgets.base.control_for` from :func:`alliances.theories.parameter_specs`.
Everything it shows is computed by :mod:`alliances.analysis`; this module is UI only.

Redraws are fast: each chart's Vega-Lite spec is built by Altair once (the slow part), and
each redraw swaps in new rows by data-set name (:meth:`~alliances.widgets.chartview.ChartView.draw`), which
the chart's :class:`~alliances.widgets.chartview.ChartView` applies to the running Vega view. A
theory's control recomputes only that theory (its prediction and its agreement over time);
the period control recomputes the predictions but not the agreement over time. Predictions
are cached by (theory, period, parameters), so moving a slider back is instant.

Examples
--------
The period control, one control group per theory, three charts::

    Dashboard(when="2023-2025")
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Sequence
from functools import partial
from typing import Any

import altair as alt
import ipywidgets as w
import pandas as pd
from IPython.display import display

from alliances import charts
from alliances.analysis import divergence_records, hedge_baseline, observed, observed_stances, stance_agreement
from alliances.charts.render import Rows
from alliances.params import Param
from alliances.schemas import CHOOSERS, FIRST_YEAR, LAST_YEAR, PERIODS, POWERS
from alliances.theories import SHORT_TITLES, THEORIES, parameter_specs, predict
from alliances.theories.registry import check_theories
from alliances.widgets.base import control_for, link_requirements, period_control
from alliances.widgets.chartview import ChartView
from alliances.world import load_world

#: Row and column order of every heat map in the dashboard.
ORDER: dict[str, list[str]] = {"states": list(CHOOSERS), "partners": list(CHOOSERS) + list(POWERS)}

#: The x axis of the agreement-over-time chart: the five periods, or every year.
OVER_TIME: dict[str, tuple[str, ...]] = {
    "period": tuple(PERIODS),
    "year": tuple(str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)),
}

_CAPTIONS = {
    "theories": "Black outline: the theory's stance differs from the observed one. Hover a cell for the reason.",
    "divergence": "Hover a cell for the theories that are right and wrong, and for the observed coding.",
    "over_time": "Shaded: the period or year shown above. Black dashed: every pair 'hedge'; dotted: a blind guess.",
}
_HEIGHTS = {"theories": "520px", "divergence": "330px", "over_time": "330px"}
#: The most predictions kept in the cache before it is emptied.
CACHE_SIZE = 5000


class Dashboard:
    """Every theory's prediction, their divergence, and their agreement over time, with every control.

    Parameters
    ----------
    when
        The initial period or year (the period control offers all of them).
    over_time
        ``"period"`` (default, the five periods) or ``"year"`` (every year 1992–2025) on the
        x axis of the agreement-over-time chart. The observed coding is per period, so a
        yearly series shows how the theories' inputs move within a period.
    theories
        The theories to show (default: all five).

    A control change redraws in ~5–20 ms (``benchmarks/run.py``); with ``over_time="year"`` a
    theory's control recomputes 33 years and takes ~100 ms or more. The first visit to a
    period or year also loads its world (~0.1 s); later visits are cached.

    Attributes: ``period`` (the period control), ``controls`` (``{theory: {parameter:
    widget}}``), ``outputs`` (``{"theories", "divergence", "over_time"}`` → ChartView),
    ``predictions`` (``{theory: frame}``, current period), ``divergence`` (frame),
    ``over_time`` (frame), ``last_update_ms``.
    """

    def __init__(self, when: str = "2008-2019", over_time: str = "period", theories: Sequence[str] = THEORIES):
        if over_time not in OVER_TIME:
            raise ValueError(f"over_time must be one of {', '.join(OVER_TIME)}, not {over_time!r}")
        self.theories = check_theories(theories)
        self.over_time_axis = over_time
        self.whens = OVER_TIME[over_time]
        self.period = period_control(when, width="300px")
        self.controls: dict[str, dict[str, w.ValueWidget]] = {
            t: {p.name: control_for(p) for p in parameter_specs(t)} for t in self.theories}
        for theory, group in self.controls.items():
            link_requirements(group, {p.name: p for p in parameter_specs(theory)})
        self.reset_button = w.Button(description="reset every control", icon="undo",
                                     tooltip="every parameter of every theory back to its default")
        groups = w.Accordion(children=[w.VBox(list(c.values())) for c in self.controls.values()],
                             titles=tuple(SHORT_TITLES[t] for t in self.theories))
        self.summary = w.HTML()
        self.outputs = {name: ChartView(layout=w.Layout(min_height=h)) for name, h in _HEIGHTS.items()}
        self.widget = w.VBox([
            w.HBox([w.VBox([self.period, self.reset_button, groups], layout=w.Layout(width="460px")), self.summary],
                   layout=w.Layout(align_items="flex-start")),
            *self.outputs.values()])

        self._cache: dict[tuple[Any, ...], pd.DataFrame] = {}
        self._observed: dict[str, tuple[pd.DataFrame, dict[tuple[str, str], str]]] = {}
        self._templates: dict[str, dict[str, Any]] = {}
        self._series: dict[str, list[dict[str, Any]]] = {}
        self.baseline = hedge_baseline(self.whens)
        self.predictions: dict[str, pd.DataFrame] = {}
        self.divergence = pd.DataFrame()
        self.last_update_ms = 0.0
        self._muted = False

        for theory, group in self.controls.items():
            for control in group.values():
                control.observe(partial(self._on_param, theory), names="value")
        self.period.observe(self._on_period, names="value")
        self.reset_button.on_click(lambda _: self.reset())
        self.update()

    # -- values ------------------------------------------------------------------------
    def params(self, theory: str | None = None) -> dict[str, Any]:
        """The parameter values the controls express: of one theory, or ``{theory: {...}}``."""
        if theory is None:
            return {t: self.params(t) for t in self.theories}
        return {n: c.value for n, c in self.controls[theory].items()}

    def control_items(self) -> list[tuple[Hashable, Param, w.ValueWidget]]:
        """``((theory, parameter), spec, control)`` of every control."""
        return [((t, p.name), p, self.controls[t][p.name]) for t in self.theories for p in parameter_specs(t)]

    def signature(self) -> pd.DataFrame:
        """What a student sees change: every theory's current scores (to 9 decimals) and stances."""
        return pd.concat([self.predictions[t][["score", "stance"]] for t in self.theories],
                         ignore_index=True).round({"score": 9})

    def reset(self) -> None:
        """Every control back to its default, then one redraw."""
        self._muted = True
        try:
            for _, spec, control in self.control_items():
                control.value = spec.default
        finally:
            self._muted = False
        self.update()

    def clear_cache(self) -> None:
        """Forget every cached prediction (the next redraws recompute them; for benchmarks)."""
        self._cache.clear()

    # -- computation (cached) ----------------------------------------------------------
    def _obs(self, when: str) -> tuple[pd.DataFrame, dict[tuple[str, str], str]]:
        if when not in self._observed:
            obs = observed(load_world(when))
            self._observed[when] = (obs, observed_stances(obs))
        return self._observed[when]

    def _predict(self, theory: str, when: str) -> pd.DataFrame:
        params = self.params(theory)
        key = (theory, when, tuple(params.items()))
        if key not in self._cache:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = predict(theory, load_world(when), **params)
        return self._cache[key]

    def _series_for(self, theory: str) -> list[dict[str, Any]]:
        rows = []
        for when in self.whens:
            right, pairs = stance_agreement(self._predict(theory, when), self._obs(when)[1])
            rows.append({"when": when, "theory": theory, "stance_agreement": right / pairs if pairs else float("nan"),
                         "pairs": pairs})
        return rows

    @property
    def over_time(self) -> pd.DataFrame:
        """Agreement over time of every theory, as the chart shows it."""
        return pd.DataFrame([r for t in self.theories for r in self._series[t]])

    def _highlight(self) -> list[str]:
        when = self.period.value
        if when in self.whens:
            return [when]
        period = load_world(when).period
        if period in self.whens:
            return [period]
        return [y for y in self.whens if load_world(y).period == when]

    # -- the three charts --------------------------------------------------------------
    def title(self, name: str) -> str:
        """The title of chart ``name`` for the current period."""
        return {"theories": f"Every theory and what happened, {self.period.value}",
                "divergence": f"Where the theories diverge, {self.period.value}",
                "over_time": "Agreement with what happened, over time"}[name]

    def chart(self, name: str) -> alt.TopLevelMixin:
        """Chart ``name`` (``"theories"``, ``"divergence"``, ``"over_time"``) built afresh for the current state."""
        title, caption, order = self.title(name), _CAPTIONS[name], (ORDER["states"], ORDER["partners"])
        if name == "theories":
            return charts.theories_side_by_side(self._labelled(), self._obs(self.period.value)[0], title, caption,
                                                columns=3, states=order[0], partners=order[1])
        if name == "divergence":
            return charts.divergence_chart(self.divergence, title, caption, states=order[0], partners=order[1])
        return charts.agreement_over_time_chart(self.over_time, title, caption, names=SHORT_TITLES, order=self.whens,
                                                highlight=self._highlight(), baseline=self.baseline)

    def datasets(self, name: str) -> dict[str, Rows]:
        """The named data sets of chart ``name`` for the current state."""
        if name == "theories":
            return charts.theories_side_by_side_datasets(self._labelled(), self._obs(self.period.value)[0])
        if name == "divergence":
            return charts.divergence_datasets(self.divergence)
        return charts.agreement_over_time_datasets(self.over_time, SHORT_TITLES, self._highlight(), self.baseline)

    def _labelled(self) -> dict[str, pd.DataFrame]:
        return {SHORT_TITLES[t]: self.predictions[t] for t in self.theories}

    # -- redraws -----------------------------------------------------------------------
    def update(self, changed: str | None = None) -> None:
        """Recompute and redraw.

        ``changed`` says what moved: ``None`` (everything), ``"period"`` (every prediction, not
        the agreement over time, which covers every period anyway) or a theory (only that
        theory's prediction and agreement over time).
        """
        start = time.perf_counter()
        obs, seen = self._obs(self.period.value)
        moved = self.theories if changed in (None, "period") else [changed]
        for theory in moved:
            self.predictions[theory] = self._predict(theory, self.period.value)
        if changed != "period":
            for theory in moved:
                self._series[theory] = self._series_for(theory)
        self.divergence = pd.DataFrame(divergence_records(self.predictions, obs)).drop(columns="label")
        for name, output in self.outputs.items():
            if name not in self._templates:
                # the course's own chart functions, each held to the Vega-Lite schema by the tests
                # (test_each_redraw_equals_a_fresh_chart): Altair's validation here was half the build
                self._templates[name] = self.chart(name).to_dict(validate=False)
            output.draw(self._templates[name], self.datasets(name), self.title(name))
        self._summarise(seen)
        self.last_update_ms = (time.perf_counter() - start) * 1000

    def _on_param(self, theory: str, change: dict[str, Any]) -> None:
        if not self._muted:
            self.update(theory)

    def _on_period(self, change: dict[str, Any]) -> None:
        self.update("period")

    def _summarise(self, seen: dict[tuple[str, str], str]) -> None:
        cells = []
        for theory in self.theories:
            right, pairs = stance_agreement(self.predictions[theory], seen)
            if pairs:
                cells.append(f"<tr><td>{SHORT_TITLES[theory]}</td><td style='text-align:right'>{right}/{pairs}</td>"
                             f"<td style='text-align:right'>{right / pairs:.0%}</td></tr>")
        div = self.divergence
        none = div[div["matches"] == 0]
        missed = ", ".join(f"{s}–{p}" for s, p in zip(none["state"], none["partner"])) or "none"
        self.summary.value = (
            f"<b>{self.period.value}: stances right</b><table>{''.join(cells)}</table>"
            f"<p><b>Pairs no theory gets right:</b> {missed}<br>"
            f"<b>Pairs where all theories predict the same stance:</b> {int((div['distinct'] == 1).sum())} "
            f"of {len(div)}</p>")

    def _ipython_display_(self) -> None:
        display(self.widget)


__all__ = ["CACHE_SIZE", "Dashboard", "ORDER", "OVER_TIME"]
