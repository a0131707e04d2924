"""Lesson 08's sandbox: every theory, every control, and where the theories diverge.

>>> from alliances.dashboard import Dashboard
>>> Dashboard()                      # period control, one control group per theory, three charts

The dashboard shows (1) each theory's prediction next to the observed alignment, one panel
each, (2) the divergence heat map (per state × partner: how many theories match what
happened, how many distinct stances they predict) and (3) each theory's agreement with the
observed alignment over time. Every control is built by :func:`alliances.widgets.control_for`
from :func:`alliances.theories.parameter_specs`, so nothing is copied by hand.

Redraws are fast: each chart's Vega-Lite spec is built by Altair once (the slow part), and
each redraw only swaps in new data sets (the technique of :class:`alliances.widgets.Explorer`).
A theory's control recomputes only that theory (its prediction and its agreement over time);
the period control recomputes the predictions but not the agreement over time. Predictions
are cached by (theory, period, parameters), so moving a slider back is instant.

The module also holds the two helpers of lesson 08's section on over-fitting:
:func:`agreement_grid` (the agreement of every setting of a parameter grid) and
:func:`hedge_baseline` (how often "every pair hedges" is right).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any

import ipywidgets as w
import numpy as np
import pandas as pd
from IPython.display import display

from alliances import charts
from alliances.comparison import SHORT_TITLES
from alliances.observed import observed
from alliances.schemas import CHOOSERS, FIRST_YEAR, LAST_YEAR, PERIODS, POWERS
from alliances.theories import THEORIES, parameter_specs, predict
from alliances.widgets import WHEN_OPTIONS, _records, _show, control_for
from alliances.world import load_world

#: Row and column order of every heat map in the dashboard.
ORDER: dict[str, list[str]] = {"states": list(CHOOSERS), "partners": list(CHOOSERS) + list(POWERS)}

#: The x axis of the agreement-over-time chart: the four periods, or every year.
OVER_TIME: dict[str, tuple[str, ...]] = {
    "period": tuple(PERIODS),
    "year": tuple(str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)),
}

_STYLE = {"description_width": "initial"}


# --------------------------------------------------------------------------
# Small, fast comparisons (the dashboard recomputes them on every redraw)
# --------------------------------------------------------------------------

def _observed_stances(obs: pd.DataFrame) -> dict[tuple[str, str], str]:
    """``(state, partner) -> stance`` for the pairs with a coded observation."""
    ok = obs[(obs["stance"] != "unknown") & obs["score"].notna()]
    return dict(zip(zip(ok["state"], ok["partner"]), ok["stance"]))


def stance_agreement(prediction: pd.DataFrame, observed_stances: Mapping[tuple[str, str], str]) -> tuple[int, int]:
    """``(right, pairs)``: how many of the prediction's stances equal the observed ones.

    The same count as :func:`alliances.observed.compare`'s ``stance_agreement`` (right /
    pairs), without building a frame.
    """
    right = pairs = 0
    for state, partner, score, stance in zip(prediction["state"], prediction["partner"],
                                             prediction["score"], prediction["stance"]):
        seen = observed_stances.get((state, partner))
        if seen is None or score != score:
            continue
        pairs += 1
        right += stance == seen
    return right, pairs


def hedge_baseline(whens: Iterable[str | int]) -> pd.DataFrame:
    """How often a prediction with no theory at all, "every pair hedges", is right.

    One row per ``when``: ``when``, ``stance_agreement``, ``pairs``. A theory should beat
    this, not just the one-in-three of a blind guess: hedging is the most common observed
    stance in some periods.
    """
    rows = []
    for when in whens:
        seen = _observed_stances(observed(load_world(when)))
        right = sum(s == "hedge" for s in seen.values())
        rows.append({"when": str(when), "stance_agreement": right / len(seen) if seen else float("nan"),
                     "pairs": len(seen)})
    return pd.DataFrame(rows)


def agreement_grid(theory: str, grid: Mapping[str, Sequence[Any]], whens: Sequence[str | int],
                   fixed: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Stance agreement of every setting of a parameter grid, in every period or year given.

    ``grid`` maps parameter names to the values to try (their product is the grid); other
    parameters keep ``fixed`` or their defaults. One row per setting × when: the parameter
    columns, ``when``, ``right``, ``pairs``, ``stance_agreement``. The thresholds
    ``align_at``/``balance_at`` only relabel scores, so each score is computed once per
    setting of the other parameters.
    """
    specs = {p.name: p for p in parameter_specs(theory)}
    unknown = [k for k in grid if k not in specs]
    if unknown:
        raise ValueError(f"{theory} has no parameter(s) {unknown}; its parameters are: {', '.join(specs)}")
    fixed = dict(fixed or {})
    thresholds = {k: [specs[k].validate(v) for v in grid.get(k, [fixed.get(k, specs[k].default)])]
                  for k in ("align_at", "balance_at")}
    others = [k for k in grid if k not in thresholds]
    rows = []
    for when in whens:
        world = load_world(when)
        seen = _observed_stances(observed(world))
        for values in itertools.product(*(grid[k] for k in others)):
            setting = {**{k: v for k, v in fixed.items() if k not in thresholds}, **dict(zip(others, values))}
            pred = predict(theory, world, **setting)
            keep = [(s, p) in seen for s, p in zip(pred["state"], pred["partner"])]
            score = pred["score"].to_numpy(dtype=float)[keep]
            truth = np.array([seen[(s, p)] for s, p in zip(pred["state"][keep], pred["partner"][keep])])
            for align_at, balance_at in itertools.product(thresholds["align_at"], thresholds["balance_at"]):
                stance = np.where(score >= align_at, "align", np.where(score <= balance_at, "balance", "hedge"))
                right = int((stance == truth).sum())
                rows.append({**dict(zip(others, values)), "align_at": align_at, "balance_at": balance_at,
                             "when": str(when), "right": right, "pairs": len(truth),
                             "stance_agreement": right / len(truth) if len(truth) else float("nan")})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------
# The dashboard
# --------------------------------------------------------------------------

def divergence_records(predictions: Mapping[str, pd.DataFrame], obs: pd.DataFrame) -> list[dict]:
    """:func:`alliances.comparison.divergence` as JSON-ready rows, fast, plus the ``label``
    ("k/n") that :func:`alliances.charts.divergence_chart` writes in each cell.

    ``predictions`` maps a theory to its prediction, in theory order. The tests check that
    the rows equal :func:`~alliances.comparison.divergence`'s; this version exists because
    the dashboard recomputes it on every redraw and the frame-based one takes ~15 ms.
    """
    stances = {t: dict(zip(zip(f["state"], f["partner"]), f["stance"])) for t, f in predictions.items()}
    rows = []
    for state, partner, stance, score, reason in zip(obs["state"], obs["partner"], obs["stance"],
                                                     obs["score"], obs["reason"]):
        if stance == "unknown":
            continue
        got = [(t, s[(state, partner)]) for t, s in stances.items() if (state, partner) in s]
        if not got:
            continue
        right = [SHORT_TITLES.get(t, t) for t, st in got if st == stance]
        wrong = [SHORT_TITLES.get(t, t) for t, st in got if st != stance]
        rows.append({
            "state": state, "partner": partner, "observed": stance, "observed_score": float(score),
            "matches": len(right), "theories": len(got), "distinct": len({st for _, st in got}),
            "right": "; ".join(right) or "none", "wrong": "; ".join(wrong) or "none",
            "stances": "; ".join(f"{SHORT_TITLES.get(t, t)}: {st}" for t, st in got),
            "reason": str(reason), "label": f"{len(right)}/{len(got)}"})
    return rows


def _mismatch_records(pred: pd.DataFrame, observed_stances: Mapping[tuple[str, str], str]) -> list[dict]:
    """The cells :func:`alliances.charts.theories_side_by_side` outlines: stance ≠ observed."""
    return [{"state": s, "partner": p, "stance": st, "observed": observed_stances[(s, p)]}
            for s, p, st in zip(pred["state"], pred["partner"], pred["stance"])
            if (s, p) in observed_stances and observed_stances[(s, p)] != st]


class Dashboard:
    """Every theory's prediction, their divergence, and their agreement over time, with every control.

    Parameters
    ----------
    when
        The initial period or year (the period control offers all of them).
    over_time
        ``"period"`` (default, the four periods) or ``"year"`` (every year 1992–2024) on the
        x axis of the agreement-over-time chart. The observed coding is per period, so a
        yearly series shows how the theories' inputs move within a period.
    theories
        The theories to show (default: all five).

    A control change redraws in ~5–20 ms (``benchmarks/run.py``); with ``over_time="year"``
    a theory's control recomputes 33 years and takes ~100 ms or more. The first visit to a
    period or year also loads its world (~0.1 s); later visits are cached.

    Attributes: ``period`` (the period control), ``controls`` (``{theory: {parameter:
    widget}}``), ``outputs`` (``{"theories", "divergence", "over_time"}`` → Output),
    ``predictions`` (``{theory: frame}``, current period), ``divergence`` (frame),
    ``over_time`` (frame), ``last_update_ms``.
    """

    def __init__(self, when: str = "2008-2019", over_time: str = "period",
                 theories: Sequence[str] = THEORIES):
        if over_time not in OVER_TIME:
            raise ValueError(f"over_time must be one of {', '.join(OVER_TIME)}, not {over_time!r}")
        unknown = [t for t in theories if t not in THEORIES]
        if unknown or not theories:
            raise ValueError(f"unknown or no theories {unknown}; choose from {', '.join(THEORIES)}")
        self.theories = list(theories)
        self.over_time_axis = over_time
        self.whens = OVER_TIME[over_time]
        self.period = w.Dropdown(options=WHEN_OPTIONS, value=str(when), description="period or year",
                                 style=_STYLE, layout=w.Layout(width="300px"))
        self.controls: dict[str, dict[str, w.ValueWidget]] = {
            t: {p.name: control_for(p) for p in parameter_specs(t)} for t in self.theories}
        self.reset_button = w.Button(description="reset every control", icon="undo",
                                     tooltip="every parameter of every theory back to its default")
        groups = w.Accordion(children=[w.VBox(list(c.values())) for c in self.controls.values()],
                             titles=tuple(SHORT_TITLES[t] for t in self.theories))
        self.summary = w.HTML()
        self.outputs = {name: w.Output(layout=w.Layout(min_height=h))
                        for name, h in (("theories", "520px"), ("divergence", "330px"), ("over_time", "330px"))}
        self.widget = w.VBox([
            w.HBox([w.VBox([self.period, self.reset_button, groups], layout=w.Layout(width="460px")),
                    self.summary], layout=w.Layout(align_items="flex-start")),
            self.outputs["theories"], self.outputs["divergence"], self.outputs["over_time"]])

        self._cache: dict[tuple, pd.DataFrame] = {}
        self._record_cache: dict[int, list[dict]] = {}
        self._observed: dict[str, tuple[pd.DataFrame, dict]] = {}
        self._observed_rows: dict[str, list[dict]] = {}
        self._templates: dict[str, dict] = {}
        self._series: dict[str, list[dict]] = {}
        self._baseline: list[dict] = []
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
        if theory is not None:
            return {n: c.value for n, c in self.controls[theory].items()}
        return {t: self.params(t) for t in self.theories}

    def reset(self) -> None:
        """Every control back to its default, then one redraw."""
        self._muted = True
        try:
            for theory in self.theories:
                for p in parameter_specs(theory):
                    self.controls[theory][p.name].value = p.default
        finally:
            self._muted = False
        self.update()

    # -- computation (cached) ----------------------------------------------------------
    def _obs(self, when: str) -> tuple[pd.DataFrame, dict]:
        if when not in self._observed:
            obs = observed(load_world(when))
            self._observed[when] = (obs, _observed_stances(obs))
        return self._observed[when]

    def _observed_records(self, when: str) -> list[dict]:
        if when not in self._observed_rows:
            self._observed_rows[when] = _records(self._obs(when)[0])
        return self._observed_rows[when]

    def _predict(self, theory: str, when: str) -> pd.DataFrame:
        params = self.params(theory)
        key = (theory, when, tuple(params.items()))
        if key not in self._cache or id(self._cache[key]) not in self._record_cache:
            if len(self._cache) > 5000:
                self._cache.clear()
                self._record_cache.clear()
            frame = predict(theory, load_world(when), **params)
            self._cache[key] = frame
            self._record_cache[id(frame)] = _records(frame)
        return self._cache[key]

    def _series_for(self, theory: str) -> list[dict]:
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

    # -- redraws ---------------------------------------------------------------------------
    def update(self, changed: str | None = None) -> None:
        """Recompute and redraw.

        ``changed`` says what moved: ``None`` (everything), ``"period"`` (every prediction,
        not the agreement over time, which covers every period anyway) or a theory (only
        that theory's prediction and agreement over time).
        """
        start = time.perf_counter()
        obs, seen = self._obs(self.period.value)
        for theory in (self.theories if changed in (None, "period") else [changed]):
            self.predictions[theory] = self._predict(theory, self.period.value)
        if changed != "period":
            for theory in (self.theories if changed is None else [changed]):
                self._series[theory] = self._series_for(theory)
        if not self._baseline:
            self._baseline = hedge_baseline(self.whens).to_dict("records")
        self._divergence = divergence_records(self.predictions, obs)
        self.divergence = pd.DataFrame(self._divergence).drop(columns="label")
        self._draw_theories(obs, seen)
        self._draw_divergence()
        self._draw_over_time()
        self._summarise(seen)
        self.last_update_ms = (time.perf_counter() - start) * 1000

    def _on_param(self, theory: str, change: dict) -> None:
        if not self._muted:
            self.update(theory)

    def _on_period(self, change: dict) -> None:
        self.update("period")

    def _title(self) -> str:
        return f"Every theory and what happened, {self.period.value}"

    def _draw_theories(self, obs: pd.DataFrame, seen: dict) -> None:
        if "theories" not in self._templates:
            chart = charts.theories_side_by_side(
                {SHORT_TITLES[t]: self.predictions[t] for t in self.theories}, obs, title=self._title(),
                caption="Black outline: the theory's stance differs from the observed one. Hover a cell for the reason.",
                columns=3, **ORDER)
            spec = chart.to_dict()
            panels = [p for row in spec["vconcat"] for p in row["hconcat"]]
            for k, panel in enumerate(panels[:-1]):
                panel["data"] = {"name": f"prediction-{k}"}
                panel["layer"][-1]["data"] = {"name": f"mismatch-{k}"}
            panels[-1]["data"] = {"name": "observed"}
            spec["datasets"] = {}
            self._templates["theories"] = spec
        spec = dict(self._templates["theories"])
        datasets = {"observed": self._observed_records(self.period.value)}
        for k, theory in enumerate(self.theories):
            datasets[f"prediction-{k}"] = self._record_cache[id(self.predictions[theory])]
            datasets[f"mismatch-{k}"] = _mismatch_records(self.predictions[theory], seen)
        spec["datasets"] = datasets
        spec["title"] = {**spec["title"], "text": self._title()}
        _show(self.outputs["theories"], spec, "every theory and what happened")

    def _draw_divergence(self) -> None:
        title = f"Where the theories diverge, {self.period.value}"
        if "divergence" not in self._templates:
            spec = charts.divergence_chart(
                self.divergence, title=title, **ORDER,
                caption="Hover a cell for the theories that are right and wrong, and for the observed coding.").to_dict()
            spec["data"] = {"name": "divergence"}
            spec["datasets"] = {}
            self._templates["divergence"] = spec
        spec = dict(self._templates["divergence"])
        spec["datasets"] = {"divergence": [{k: v for k, v in r.items() if k != "observed_score"}
                                           for r in self._divergence]}
        spec["title"] = {**spec["title"], "text": title}
        _show(self.outputs["divergence"], spec, "divergence")

    def _draw_over_time(self) -> None:
        rows = [r for t in self.theories for r in self._series[t]]
        if "over_time" not in self._templates:
            spec = charts.agreement_over_time_chart(
                pd.DataFrame(rows), title="Agreement with what happened, over time", names=SHORT_TITLES,
                order=self.whens, highlight=self._highlight(), baseline=pd.DataFrame(self._baseline),
                caption="Shaded: the period or year shown above. Grey dashed: every pair 'hedge'; "
                        "dotted: a blind guess.").to_dict()
            layers = spec["layer"]
            for layer, name in zip(layers, ("highlight", "chance", "theories", "theories", "baseline")):
                layer["data"] = {"name": name}
            spec["datasets"] = {}
            self._templates["over_time"] = spec
        spec = dict(self._templates["over_time"])
        spec["datasets"] = {
            "highlight": [{"when": h} for h in self._highlight()],
            "chance": [{"y": 1 / 3, "what": "a blind guess among three stances"}],
            "baseline": [{"when": r["when"], "stance_agreement": r["stance_agreement"],
                          "label": charts.BASELINE_LABEL} for r in self._baseline],
            "theories": charts.agreement_over_time_records(pd.DataFrame(rows), SHORT_TITLES),
        }
        _show(self.outputs["over_time"], spec, "agreement over time")

    def _summarise(self, seen: dict) -> None:
        cells = []
        for theory in self.theories:
            right, pairs = stance_agreement(self.predictions[theory], seen)
            cells.append(f"<tr><td>{SHORT_TITLES[theory]}</td><td style='text-align:right'>{right}/{pairs}</td>"
                         f"<td style='text-align:right'>{right / pairs:.0%}</td></tr>" if pairs else "")
        div = self.divergence
        none = div[div["matches"] == 0]
        missed = ", ".join(f"{s}–{p}" for s, p in zip(none["state"], none["partner"])) or "none"
        self.summary.value = (
            f"<b>{self.period.value}: stances right</b><table>{''.join(cells)}</table>"
            f"<p><b>Pairs no theory gets right:</b> {missed}<br>"
            f"<b>Pairs where all theories predict the same stance:</b> {int((div['distinct'] == 1).sum())} of {len(div)}</p>")

    def _ipython_display_(self) -> None:
        display(self.widget)


def controls_that_change(dashboard: Dashboard, whens: Iterable[str] | None = None) -> dict[tuple[str, str], bool]:
    """For each control of ``dashboard``: does moving it change some chart's data for some period?

    Moves each control to its extremes (a float's low and high ends, a checkbox's other value,
    a dropdown's other choices) in each period or year, and compares every output's data.
    Used by the tests: a control that changes nothing misleads.
    """
    whens = list(whens) if whens is not None else [v for _, v in WHEN_OPTIONS]

    def snapshot() -> list:
        return [out.outputs[0]["data"][charts.VEGALITE_MIME]["datasets"] for out in dashboard.outputs.values()]

    result = {}
    for theory in dashboard.theories:
        for p in parameter_specs(theory):
            control = dashboard.controls[theory][p.name]
            start_value, start_when = control.value, dashboard.period.value
            if p.kind == "float":
                values = [p.low, p.high, (p.low + p.high) / 2]
            elif p.kind == "bool":
                values = [not p.default]
            else:
                values = [c for c in p.choices if c != p.default]
            changed = False
            for when in whens:
                dashboard.period.value = when
                control.value = start_value
                base = snapshot()
                for value in values:
                    control.value = value
                    if snapshot() != base:
                        changed = True
                        break
                control.value = start_value
                if changed:
                    break
            dashboard.period.value = start_when
            result[(theory, p.name)] = changed
    return result


__all__ = ["Dashboard", "OVER_TIME", "ORDER", "agreement_grid", "controls_that_change", "hedge_baseline",
           "stance_agreement"]
