"""Widgets for the Karabakh arc: the stability index (lesson 06) and the secession cases (lesson 07).

Built like :mod:`alliances.widgets`: every control comes from a model's ``PARAMETERS`` through
:func:`alliances.widgets.control_for`, so no range is written twice, and the chart is redrawn
in place (:func:`alliances.widgets._show`: one message, nothing flickers or stacks).

>>> from alliances.karabakh_widgets import StabilityExplorer, SecessionExplorer
>>> StabilityExplorer(show=["drone_imports"])           # one counterfactual at a time
>>> SecessionExplorer(fit_button=True)                   # sliders, table and the fit button

Redraws are cheap: each chart is built by Altair once (its layout is the *template*); a
redraw recomputes the model and swaps only the chart's named data sets
(:func:`alliances.charts.stability_datasets`, :func:`alliances.charts.secession_datasets`).
The lessons show each default chart as an ordinary output above the widget, with a static
SVG copy, for readers where widgets do not render.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import display

from alliances import charts, karabakh, secession
from alliances.data import load_table
from alliances.errors import ParameterError
from alliances.theories.base import Param
from alliances.widgets import _LAYOUT, _STYLE, _show, control_for

#: The wars and the offensive marked on the stability chart (``events.csv`` ids -> labels).
WAR_LABELS: dict[str, str] = {
    karabakh.APRIL_WAR_ID: "April war 2016",
    "2020-09-27-second-karabakh-44-day-war-trilateral-st": "2020 war",
    "2023-09-19-azerbaijani-offensive-in-nagorno-karabak": "offensive 2023",
}


def war_markers(data_dir=None) -> pd.DataFrame:
    """The rows of :data:`WAR_LABELS` from ``events.csv``, with fractional years for the chart."""
    return charts.war_markers(load_table("events", data_dir), WAR_LABELS)


def tipping_of(frame: pd.DataFrame) -> int | None:
    """The tipping year of a :func:`alliances.karabakh.stability` frame (as ``tipping_year``,
    without computing the index a second time)."""
    hit = frame.loc[(frame["year"] > karabakh.FIRST) & frame["tipped"], "year"]
    return int(hit.iloc[0]) if len(hit) else None


def _check_show(names: Sequence[str], specs: dict[str, Param], model: str) -> None:
    unknown = [n for n in names if n not in specs]
    if unknown:
        raise ValueError(f"{model} has no parameter(s) {unknown}; its parameters are: {', '.join(specs)}")


class _ModelExplorer:
    """Shared machinery: controls from ``PARAMETERS``, ``params()``, in-place redraw."""

    parameters: tuple[Param, ...] = ()
    model = ""

    def _build_controls(self, show: Sequence[str] | None, fixed: dict[str, Any] | None) -> None:
        specs = {p.name: p for p in self.parameters}
        names = list(specs) if show is None else list(show)
        _check_show(names, specs, self.model)
        self.fixed = dict(fixed or {})
        self.controls: dict[str, w.ValueWidget] = {n: control_for(specs[n]) for n in names}
        for name, value in self.fixed.items():
            if name in self.controls:
                self.controls[name].value = value
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self._hold = False
        self._template: dict | None = None

    def params(self) -> dict[str, Any]:
        """The parameter values the controls currently express (``fixed`` for the others)."""
        values = dict(self.fixed)
        values.update({n: c.value for n, c in self.controls.items()})
        return values

    def _on_change(self, change: dict) -> None:
        if not self._hold:
            self.update()

    def set_values(self, **values: Any) -> None:
        """Move several controls at once and redraw once."""
        self._hold = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._hold = False
        self.update()

    def _ipython_display_(self) -> None:
        display(self.widget)


class StabilityExplorer(_ModelExplorer):
    """Babayev's three stabilisers and the stability index, with controls from
    :data:`alliances.karabakh.PARAMETERS` (weights, threshold, scaling, event toggles).

    ``show`` names the controls to offer (default: all); ``fixed`` holds other values.
    ``result`` is the current :func:`alliances.karabakh.stability` frame, ``tipping`` its
    tipping year; the summary compares it with the tipping year of the default settings.
    """

    parameters = karabakh.PARAMETERS
    model = "karabakh"

    def __init__(self, show: Sequence[str] | None = None, fixed: dict[str, Any] | None = None,
                 title: str = "The 'no war, no peace' equilibrium, 1994-2024"):
        self._build_controls(show, fixed)
        self.title = title
        self.events = war_markers()
        self.baseline = karabakh.tipping_year(**self.fixed)
        self.summary = w.HTML()
        self.output = w.Output(layout=w.Layout(min_height="430px"))
        self.widget = w.VBox([w.VBox(list(self.controls.values())), self.summary, self.output])
        self.result = pd.DataFrame()
        self.tipping: int | None = None
        self.update()

    def compute(self) -> tuple[pd.DataFrame, int | None]:
        """The stability frame and tipping year for the current controls."""
        frame = karabakh.stability(**self.params())
        return frame, tipping_of(frame)

    def chart(self):
        """The current chart (an Altair chart, e.g. to save or to show statically)."""
        frame, tip = self.compute()
        return self._chart(frame, tip)

    def _chart(self, frame: pd.DataFrame, tip: int | None):
        return charts.stability_chart(
            frame, karabakh.resolve(self.params())["threshold"], tip, self.title,
            "Thin lines: the three stabilisers; black: the index; shaded: years below the threshold.",
            events=self.events)

    def update(self) -> None:
        """Recompute and redraw in place (an invalid setting is explained, not raised)."""
        try:
            frame, tip = self.compute()
        except ParameterError as exc:
            self.summary.value = f"<b>Not a valid setting:</b> {exc}"
            return
        self.result, self.tipping = frame, tip
        self.summary.value = self._summary(frame, tip)
        if self._template is None:
            self._template = self._chart(frame, tip).to_dict()
        spec = dict(self._template)
        spec["datasets"] = {**self._template["datasets"],
                            **charts.stability_datasets(frame, karabakh.resolve(self.params())["threshold"], tip)}
        _show(self.output, spec, self.title)

    def _summary(self, frame: pd.DataFrame, tip: int | None) -> str:
        last_peace = frame.loc[frame["year"] == 2019, "index"].iloc[0]
        if tip is None:
            told = "<b>The equilibrium never tips</b> under these settings"
        else:
            told = f"<b>Tipping year: {tip}</b>"
        same = "the same as" if tip == self.baseline else "compare"
        return (f"{told} ({same} the default settings: {self.baseline or 'never'}). "
                f"Index in 2019, the last year before the 2020 war: {last_peace:.2f}.")

    def signature(self) -> pd.DataFrame:
        """What the student sees change: the index, the three stabilisers and the tipped years."""
        return self.result[["index", *karabakh.STABILISERS, "tipped"]].round(9)


# --------------------------------------------------------------------------
# Lesson 07: the secession cases
# --------------------------------------------------------------------------

FIT_STEPS: tuple[tuple[str, float], ...] = (("0.1 (286 weightings)", 0.1), ("0.05 (1,771 weightings)", 0.05))


def baseline_agreement(data_dir=None) -> float:
    """Share of cases explained by always predicting the commonest class (no theory at all)."""
    ordinal = secession.cases(data_dir)["outcome_ordinal"]
    return float(ordinal.value_counts(normalize=True).iloc[0])


def outcome_table(result: pd.DataFrame) -> pd.DataFrame:
    """Per outcome: how many cases, how many the weighting explains, and which are missed."""
    groups: dict[str, list] = {o: [] for o in charts.OUTCOME_LABELS}
    for r in result[["outcome", "region", "observed", "predicted", "explained"]].itertuples(index=False):
        groups.setdefault(r.outcome, []).append(r)
    rows = []
    for outcome, cases_ in groups.items():
        if not cases_:
            continue
        hit = [r.region for r in cases_ if r.explained]
        miss = [f"{r.region} ({r.predicted or 'no score'})" for r in cases_ if not r.explained]
        rows.append({"outcome": charts.OUTCOME_LABELS.get(outcome, outcome), "class": cases_[0].observed,
                     "cases": len(cases_), "explained": len(hit),
                     "explained cases": ", ".join(hit) or "none",
                     "missed (predicted)": ", ".join(miss) or "none"})
    return pd.DataFrame(rows)


def fit_comparison(step: float = 0.1, fit_thresholds: bool = False, **params: Any) -> dict[str, Any]:
    """Fit the weights on all cases and by leave-one-out, with the same settings.

    Returns ``in_sample`` and ``loo`` agreement, the fitted ``weights`` (and cut-points), the
    weights fitted in each held-out fold (``fold_weights``) and the per-case ``table``.
    ``params`` are the model's other parameters (``unknowns``; the cut-points when they are
    not fitted); weights in ``params`` are ignored, as the fit chooses them.
    """
    keep = {k: v for k, v in params.items() if k not in secession.WEIGHTS}
    fitted = secession.fit_weights(step=step, fit_thresholds=fit_thresholds, **keep)
    loo = secession.leave_one_out(step=step, fit_thresholds=fit_thresholds, **keep)
    return {"in_sample": fitted["agreement"], "loo": loo.loo, "step": step, "fit_thresholds": fit_thresholds,
            "weights": {k: fitted[k] for k in secession.WEIGHTS},
            "partial_at": fitted["partial_at"], "success_at": fitted["success_at"],
            "fold_weights": loo.table[list(secession.WEIGHTS)], "table": loo.table}


def overfitting_table(settings: Sequence[tuple[float, bool]] = ((0.1, False), (0.05, False), (0.1, True), (0.05, True)),
                      **params: Any) -> pd.DataFrame:
    """In-sample vs leave-one-out agreement for several fitting set-ups, one row each."""
    rows = []
    for step, cuts in settings:
        r = fit_comparison(step=step, fit_thresholds=cuts, **params)
        spread = r["fold_weights"].max() - r["fold_weights"].min()
        rows.append({"weight grid step": step, "cut-points fitted too": cuts,
                     "in-sample agreement": r["in_sample"], "leave-one-out agreement": r["loo"],
                     "gap": r["in_sample"] - r["loo"],
                     "fitted weights (geo, hist, eth, legal)": ", ".join(f"{v:.2f}" for v in r["weights"].values()),
                     "cut-points": f"{r['partial_at']:.2f} / {r['success_at']:.2f}",
                     "largest swing of a weight across folds": float(spread.max())})
    return pd.DataFrame(rows)


def _fit_html(r: dict[str, Any], applied: list[str], not_applied: list[str]) -> str:
    weights = ", ".join(f"{k[2:]} {v:.2f}" for k, v in r["weights"].items())
    swing = (r["fold_weights"].max() - r["fold_weights"].min()).max()
    gap = r["in_sample"] - r["loo"]
    verdict = ("The held-out agreement is lower: part of the in-sample fit is fitted noise."
               if gap > 1e-9 else "No gap with these settings: try the finer grid or fitting the cut-points too.")
    note = f" Applied to the sliders: {', '.join(applied)}." if applied else ""
    if not_applied:
        note += f" Not shown as sliders here (the chart keeps its own values): {', '.join(not_applied)}."
    return (
        "<table style='border-collapse:collapse'>"
        "<tr><th style='padding:2px 10px'>in-sample agreement</th>"
        "<th style='padding:2px 10px'>leave-one-out agreement</th></tr>"
        f"<tr><td style='padding:2px 10px;text-align:center;font-size:1.3em'><b>{r['in_sample']:.0%}</b></td>"
        f"<td style='padding:2px 10px;text-align:center;font-size:1.3em'><b>{r['loo']:.0%}</b></td></tr></table>"
        f"Fitted on all cases: {weights}; cut-points {r['partial_at']:.2f} / {r['success_at']:.2f}. "
        f"Across the leave-one-out folds a weight swings by up to {swing:.2f}. {verdict}{note}")


class SecessionExplorer(_ModelExplorer):
    """The secession cases scored on Babayev's four factors, with controls from
    :data:`alliances.secession.PARAMETERS` (weights, unknowns, cut-points).

    Shows the score-against-outcome chart, the per-outcome table (:func:`outcome_table`)
    and, with ``fit_button=True``, a button that runs :func:`fit_comparison` (``fit_weights``
    and ``leave_one_out``) and shows in-sample vs leave-one-out agreement side by side,
    then moves the weight sliders to the fitted weights. ``result`` is the current
    :func:`alliances.secession.explained` frame; ``fit_result`` the last fit.
    """

    parameters = secession.PARAMETERS
    model = "secession"

    def __init__(self, show: Sequence[str] | None = None, fixed: dict[str, Any] | None = None,
                 fit_button: bool = False,
                 title: str = "Structural score and outcome of each secession attempt"):
        self._build_controls(show, fixed)
        self.title = title
        self.baseline = baseline_agreement()
        self.cases = secession.cases()  # read once; every redraw rescores this table
        self.summary = w.HTML()
        self.table = w.HTML()
        self.output = w.Output(layout=w.Layout(min_height="380px"))
        self.fit_result: dict[str, Any] | None = None
        parts: list[w.Widget] = [w.VBox(list(self.controls.values())), self.summary, self.output, self.table]
        if fit_button:
            self.step = w.Dropdown(options=FIT_STEPS, value=0.1, description="weight grid step",
                                   style=_STYLE, layout=_LAYOUT)
            self.fit_cuts = w.Checkbox(value=False, description="fit the two cut-points too", indent=False,
                                       style=_STYLE, layout=_LAYOUT)
            self.button = w.Button(description="Fit the weights", button_style="primary",
                                   tooltip="search the weight grid for the best in-sample agreement, "
                                           "then predict each case with weights fitted on the others")
            self.fit_output = w.HTML()
            self.button.on_click(lambda _: self.fit())
            parts += [w.HBox([self.step, self.fit_cuts]), self.button, self.fit_output]
        self.widget = w.VBox(parts)
        self.result = pd.DataFrame()
        self.update()

    def compute(self) -> pd.DataFrame:
        """The :func:`alliances.secession.explained` frame for the current controls."""
        return secession.explained(table=self.cases, **self.params())

    def chart(self):
        """The current chart (an Altair chart)."""
        return self._chart(self.compute())

    def _cuts(self) -> tuple[float, float]:
        p = secession.resolve(self.params())
        return p["partial_at"], p["success_at"]

    def _chart(self, result: pd.DataFrame):
        return charts.secession_chart(result, *self._cuts(), self.title,
                                      "Shaded: where a case's score must fall for its outcome to be explained.")

    def update(self) -> None:
        """Recompute and redraw in place (an invalid setting is explained, not raised)."""
        try:
            result = self.compute()
        except ParameterError as exc:
            self.summary.value = f"<b>Not a valid setting:</b> {exc}"
            return
        self.result = result
        n, k = len(result), int(result["explained"].sum())
        self.summary.value = (f"<b>Explains {k} of {n} cases ({k / n:.0%}).</b> Always predicting "
                              f"'failure' explains {self.baseline:.0%}.")
        self.table.value = outcome_table(result).to_html(index=False, border=0)
        if self._template is None:
            self._template = self._chart(result).to_dict()
        spec = dict(self._template)
        spec["datasets"] = {**self._template["datasets"], **charts.secession_datasets(result, *self._cuts())}
        _show(self.output, spec, self.title)

    def fit(self) -> dict[str, Any]:
        """Run ``fit_weights`` and ``leave_one_out`` for the current unknowns (and cut-points,
        unless they are fitted too), show both agreements, move the sliders to the fit."""
        step = self.step.value if hasattr(self, "step") else 0.1
        cuts = self.fit_cuts.value if hasattr(self, "fit_cuts") else False
        r = fit_comparison(step=step, fit_thresholds=cuts, **self.params())
        self.fit_result = r
        new = dict(r["weights"])
        if cuts:
            new.update(partial_at=r["partial_at"], success_at=r["success_at"])
        applied = [k for k in new if k in self.controls]
        not_applied = [k for k in new if k not in self.controls]
        self.set_values(**{k: new[k] for k in applied})
        if hasattr(self, "fit_output"):
            self.fit_output.value = _fit_html(r, applied, not_applied)
        return r

    def signature(self) -> pd.DataFrame:
        """What the student sees change: each case's score and predicted class."""
        return self.result[["score", "predicted"]].assign(score=lambda f: f["score"].round(9))


def controls_that_change(explorer: StabilityExplorer | SecessionExplorer,
                         alternatives: Callable[[Param], list] | None = None) -> dict[str, bool]:
    """For each control: does moving it change what the explorer shows for some value?

    Used by the tests (a control that changes nothing teaches nothing).
    """
    specs = {p.name: p for p in explorer.parameters}

    alternatives = alternatives or Param.alternatives
    result = {}
    for name, control in explorer.controls.items():
        start = control.value
        base = explorer.signature().copy()
        changed = False
        for value in alternatives(specs[name]):
            control.value = value
            if not explorer.signature().equals(base):
                changed = True
                break
        control.value = start
        result[name] = changed
    return result
