"""Lessons 06–07: the stability index and the secession cases, with a control per parameter.

Built like :class:`~alliances.widgets.explorer.Explorer`: every control comes from a model's
``PARAMETERS`` (:data:`alliances.karabakh.PARAMETERS`, :data:`alliances.secession.PARAMETERS`),
and each chart is built by Altair once and redrawn by swapping its named data sets
(:func:`alliances.charts.stability_datasets`, :func:`alliances.charts.secession_datasets`).
The analysis shown (tipping year, war markers, baselines, the fits) lives in
:mod:`alliances.karabakh` and :mod:`alliances.analysis.secession_fit`.

Examples
--------
One counterfactual at a time, and the secession sliders with the fit button::

    StabilityExplorer(show=["drone_imports"])
    SecessionExplorer(fit_button=True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import ipywidgets as w
import pandas as pd

from alliances import charts, karabakh, secession
from alliances.analysis import baseline_agreement, fit_comparison, outcome_table
from alliances.charts.render import Rows
from alliances.widgets.base import CONTROL_WIDTH, STYLE, ModelExplorer

#: The weight grids the fit button offers: (label, step).
FIT_STEPS: tuple[tuple[str, float], ...] = (("0.1 (286 weightings)", 0.1), ("0.05 (1,771 weightings)", 0.05))

Stability = tuple[pd.DataFrame, int | None, float]
Secession = tuple[pd.DataFrame, float, float]


class StabilityExplorer(ModelExplorer):
    """Babayev's three stabilisers and the stability index, with controls from
    :data:`alliances.karabakh.PARAMETERS` (weights, threshold, scaling, event toggles).

    ``show`` names the controls to offer (default: all); ``fixed`` sets other values (and the
    starting value of a shown control). ``result`` is the current
    :func:`alliances.karabakh.stability` frame, ``tipping`` its tipping year; the summary
    compares it with the tipping year of the starting settings (``baseline``).
    """

    def __init__(self, show: Sequence[str] | None = None, fixed: Mapping[str, Any] | None = None,
                 title: str = "The 'no war, no peace' equilibrium, 1994-2024"):
        super().__init__("karabakh", karabakh.PARAMETERS, show=show, fixed=fixed, min_height="430px")
        self.title = title
        self.events = karabakh.war_markers()
        self.baseline = karabakh.tipping_year(**self.params())
        self.result = pd.DataFrame()
        self.tipping: int | None = None
        self.widget = w.VBox([w.VBox(list(self.controls.values())), self.summary, self.output])
        self.update()

    def compute(self) -> Stability:
        """The stability frame, its tipping year and the threshold for the current controls."""
        params = self.params()
        frame = karabakh.stability(**params)
        return frame, karabakh.tipping_of(frame), karabakh.resolve(params)["threshold"]

    def apply(self, result: Stability) -> None:
        frame, tip, _ = result
        self.result, self.tipping = frame, tip
        last_peace = frame.loc[frame["year"] == 2019, "index"].iloc[0]
        told = "<b>The equilibrium never tips</b> under these settings" if tip is None else f"<b>Tipping year: {tip}</b>"
        same = "the same as" if tip == self.baseline else "compare"
        self.summary.value = (f"{told} ({same} the starting settings: {self.baseline or 'never'}). "
                              f"Index in 2019, the last year before the 2020 war: {last_peace:.2f}.")

    def chart_for(self, result: Stability) -> alt.LayerChart:
        frame, tip, threshold = result
        return charts.stability_chart(
            frame, threshold, tip, self.title,
            "Thin lines: the three stabilisers; black: the index; shaded: years below the threshold.",
            events=self.events)

    def datasets_for(self, result: Stability) -> dict[str, Rows]:
        frame, tip, threshold = result
        return charts.stability_datasets(frame, threshold, tip)

    def signature(self) -> pd.DataFrame:
        """What the student sees change: the index, the three stabilisers and the tipped years."""
        return self.result[["index", *karabakh.STABILISERS, "tipped"]].round(9)


def fit_html(r: Mapping[str, Any], applied: Sequence[str], not_applied: Sequence[str]) -> str:
    """In-sample against leave-one-out agreement of a :func:`~alliances.analysis.fit_comparison` result."""
    weights = ", ".join(f"{k[2:]} {v:.2f}" for k, v in r["weights"].items())
    swing = (r["fold_weights"].max() - r["fold_weights"].min()).max()
    gap = r["in_sample"] - r["loo"]
    verdict = ("The held-out agreement is lower: part of the in-sample fit is fitted noise."
               if gap > 1e-9 else "No gap with these settings: try the finer grid or fitting the cut-points too.")
    note = f" Applied to the sliders: {', '.join(applied)}." if applied else ""
    if not_applied:
        note += f" Not shown as sliders here (the chart keeps its own values): {', '.join(not_applied)}."
    cell = "padding:2px 10px;text-align:center;font-size:1.3em"
    return (
        "<table style='border-collapse:collapse'>"
        "<tr><th style='padding:2px 10px'>in-sample agreement</th>"
        "<th style='padding:2px 10px'>leave-one-out agreement</th></tr>"
        f"<tr><td style='{cell}'><b>{r['in_sample']:.0%}</b></td><td style='{cell}'><b>{r['loo']:.0%}</b></td></tr>"
        "</table>"
        f"Fitted on all cases: {weights}; cut-points {r['partial_at']:.2f} / {r['success_at']:.2f}. "
        f"Across the leave-one-out folds a weight swings by up to {swing:.2f}. {verdict}{note}")


class SecessionExplorer(ModelExplorer):
    """The secession cases scored on Babayev's four factors, with controls from
    :data:`alliances.secession.PARAMETERS` (weights, unknowns, cut-points).

    Shows the score-against-outcome chart, the per-outcome table
    (:func:`alliances.analysis.outcome_table`) and, with ``fit_button=True``, a button that
    runs :func:`alliances.analysis.fit_comparison` and shows in-sample against leave-one-out
    agreement, then moves the weight sliders to the fitted weights. The fit's controls
    (``step``, ``fit_cuts``, ``button``, ``fit_output``) exist either way. ``result`` is the
    current :func:`alliances.secession.explained` frame; ``fit_result`` the last fit.
    """

    def __init__(self, show: Sequence[str] | None = None, fixed: Mapping[str, Any] | None = None,
                 fit_button: bool = False, title: str = "Structural score and outcome of each secession attempt"):
        super().__init__("secession", secession.PARAMETERS, show=show, fixed=fixed, min_height="380px")
        self.title = title
        self.baseline = baseline_agreement()
        self.cases = secession.cases()  # read once; every redraw rescores this table
        self.table = w.HTML()
        self.result = pd.DataFrame()
        self.fit_result: dict[str, Any] | None = None
        layout = w.Layout(width=CONTROL_WIDTH)
        self.step = w.Dropdown(options=FIT_STEPS, value=0.1, description="weight grid step", style=STYLE,
                               layout=layout)
        self.fit_cuts = w.Checkbox(value=False, description="fit the two cut-points too", indent=False, style=STYLE,
                                   layout=w.Layout(width=CONTROL_WIDTH))
        self.button = w.Button(description="Fit the weights", button_style="primary",
                               tooltip="search the weight grid for the best in-sample agreement, "
                                       "then predict each case with weights fitted on the others")
        self.fit_output = w.HTML()
        self.button.on_click(lambda _: self.fit())
        parts: list[w.Widget] = [w.VBox(list(self.controls.values())), self.summary, self.output, self.table]
        if fit_button:
            parts += [w.HBox([self.step, self.fit_cuts]), self.button, self.fit_output]
        self.widget = w.VBox(parts)
        self.update()

    def compute(self) -> Secession:
        """The :func:`alliances.secession.explained` frame and the two cut-points for the current controls."""
        params = self.params()
        resolved = secession.resolve(params)
        return secession.explained(table=self.cases, **params), resolved["partial_at"], resolved["success_at"]

    def apply(self, result: Secession) -> None:
        frame = result[0]
        self.result = frame
        n, k = len(frame), int(frame["explained"].sum())
        self.summary.value = (f"<b>Explains {k} of {n} cases ({k / n:.0%}).</b> Always predicting "
                              f"'failure' explains {self.baseline:.0%}.")
        self.table.value = outcome_table(frame).to_html(index=False, border=0)

    def chart_for(self, result: Secession) -> alt.LayerChart:
        return charts.secession_chart(*result, self.title,
                                      "Shaded: where a case's score must fall for its outcome to be explained.")

    def datasets_for(self, result: Secession) -> dict[str, Rows]:
        return charts.secession_datasets(*result)

    def fit(self) -> dict[str, Any]:
        """Run the fit for the current unknowns (and cut-points, unless they are fitted too), show
        both agreements, and move the sliders that exist to the fit."""
        cuts = bool(self.fit_cuts.value)
        r = fit_comparison(step=self.step.value, fit_thresholds=cuts, **self.params())
        self.fit_result = r
        new = dict(r["weights"])
        if cuts:
            new.update(partial_at=r["partial_at"], success_at=r["success_at"])
        applied = [k for k in new if k in self.controls]
        self.set_values(**{k: new[k] for k in applied})
        self.fit_output.value = fit_html(r, applied, [k for k in new if k not in self.controls])
        return r

    def signature(self) -> pd.DataFrame:
        """What the student sees change: each case's score and predicted class."""
        return self.result[["score", "predicted"]].assign(score=lambda f: f["score"].round(9))


__all__ = ["FIT_STEPS", "SecessionExplorer", "StabilityExplorer", "fit_html"]
