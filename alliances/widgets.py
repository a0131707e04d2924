"""Widgets that let students change a theory's variables and watch its prediction move.

Every control is built from :func:`alliances.theories.parameter_specs` — the single source of
each parameter's default, range and description — so no range is written twice.

>>> from alliances.widgets import Explorer
>>> Explorer("balance_of_threat", show=["w_intentions"])   # one new variable at a time

The chart redraws in place (the ``Output`` area's content is replaced in one message, so
nothing flickers or stacks). Redraws send only the Vega-Lite spec, which JupyterLab draws with no
network; the lesson shows the default chart as an ordinary output above the widget, with a
static SVG copy, for readers where widgets do not render (GitHub, nbviewer, static HTML).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import ipywidgets as w
import pandas as pd
from IPython.display import display

from alliances import charts
from alliances.observed import compare, observed
from alliances.schemas import FIRST_YEAR, LAST_YEAR, PERIODS
from alliances.theories import TITLES, parameter_specs, predict
from alliances.theories.base import Param
from alliances.world import load_world

#: What the period/year control offers: the four periods, then every year.
WHEN_OPTIONS: tuple[tuple[str, str], ...] = tuple(
    [(f"{p} (period)", p) for p in PERIODS] + [(str(y), str(y)) for y in range(FIRST_YEAR, LAST_YEAR + 1)])

_STYLE = {"description_width": "initial"}
_LAYOUT = w.Layout(width="420px")


def control_for(param: Param) -> w.ValueWidget:
    """The ipywidgets control for one parameter: a slider, a checkbox or a dropdown."""
    label = param.name.replace("_", " ")
    if param.kind == "float":
        step = param.step or round((param.high - param.low) / 20, 6)
        widget = w.FloatSlider(value=param.default, min=param.low, max=param.high, step=step,
                               description=label, continuous_update=False, readout_format=".2f",
                               style=_STYLE, layout=_LAYOUT)
    elif param.kind == "bool":
        widget = w.Checkbox(value=param.default, description=label, indent=False, style=_STYLE,
                            layout=_LAYOUT)
    else:
        widget = w.Dropdown(options=list(param.choices), value=param.default, description=label,
                            style=_STYLE, layout=_LAYOUT)
    widget.tooltip = param.description
    return widget


def _show(output: w.Output, spec: dict, label: str) -> None:
    """Replace what ``output`` shows by one chart, in one message: nothing flickers or stacks.

    Only the Vega-Lite spec is sent (JupyterLab draws it with no network); the static SVG
    copy is left out because widgets only live where a Vega renderer exists.
    """
    output.outputs = ({"output_type": "display_data", "metadata": {},
                       "data": {charts.VEGALITE_MIME: spec, "text/plain": f"<{label}>"}},)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts, NaN as null (what Altair itself would send)."""
    rows = frame[list(charts.REQUIRED_COLUMNS)].astype({"score": float}).to_dict("records")
    for row in rows:
        if row["score"] != row["score"]:
            row["score"] = None
    return rows


def _agreement_text(table: pd.DataFrame) -> str:
    overall = table[table["state"] == "all"].iloc[0]
    per_state = ", ".join(f"{r.state} {r.stance_agreement:.0%}" for r in table.itertuples() if r.state != "all")
    return (f"<b>Agreement with what happened:</b> {overall.stance_agreement:.0%} of stances "
            f"({per_state}).")


class Explorer:
    """A theory's prediction next to observed alignment, with controls for its parameters.

    Parameters
    ----------
    theory
        One of :data:`alliances.THEORIES`.
    when
        The initial period or year.
    show
        The parameter names to offer as controls (default: all). Parameters not shown keep
        the values in ``fixed`` or their defaults.
    fixed
        Parameter values held fixed (validated like any other).
    period_control
        Whether to offer the period/year control (every lesson does).
    """

    def __init__(self, theory: str, when: str = "2008-2019", show: Sequence[str] | None = None,
                 fixed: dict[str, Any] | None = None, period_control: bool = True,
                 title: str | None = None):
        specs = {p.name: p for p in parameter_specs(theory)}
        names = list(specs) if show is None else list(show)
        unknown = [n for n in names if n not in specs]
        if unknown:
            raise ValueError(f"{theory} has no parameter(s) {unknown}; its parameters are: {', '.join(specs)}")
        self.theory = theory
        self.fixed = dict(fixed or {})
        self.title = title or TITLES[theory]
        self.controls: dict[str, w.ValueWidget] = {n: control_for(specs[n]) for n in names}
        self.period = w.Dropdown(options=WHEN_OPTIONS, value=str(when), description="period or year",
                                 style=_STYLE, layout=_LAYOUT)
        self.summary = w.HTML()
        self.output = w.Output(layout=w.Layout(min_height="330px"))
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.period.observe(self._on_change, names="value")
        top = ([self.period] if period_control else []) + list(self.controls.values())
        self.widget = w.VBox([w.VBox(top), self.summary, self.output])
        self.prediction: pd.DataFrame = pd.DataFrame()
        self._template: dict | None = None
        self.update()

    def params(self) -> dict[str, Any]:
        """The parameter values the controls currently express."""
        values = dict(self.fixed)
        values.update({n: c.value for n, c in self.controls.items()})
        return values

    def compute(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The current prediction and the observed alignment for the chosen period or year."""
        world = load_world(self.period.value)
        return predict(self.theory, world, **self.params()), observed(world)

    def chart(self):
        """The current chart (prediction beside observed alignment)."""
        pred, obs = self.compute()
        return self._chart(pred, obs)

    def _chart(self, pred: pd.DataFrame, obs: pd.DataFrame):
        return charts.side_by_side(
            pred, obs, title=f"{self.title}, {self.period.value}",
            caption="Colour: score from -1 (balance against) to +1 (align with); hover a cell for the reason.",
            labels={"predicted": "predicted by the theory", "observed": "what the states did"})

    def update(self) -> None:
        """Recompute and redraw in place."""
        pred, obs = self.compute()
        self.prediction = pred
        self.summary.value = _agreement_text(compare(pred, obs))
        _show(self.output, self._spec(pred, obs), self.title)

    def _spec(self, pred: pd.DataFrame, obs: pd.DataFrame) -> dict:
        """The Vega-Lite spec for this prediction, fast: the layout is built by Altair once,
        then each redraw only swaps in the two data sets and the title (Altair's own chart
        building takes ~70 ms, too slow for a slider)."""
        if self._template is None:
            self._template = self._chart(pred, obs).to_dict()
        spec = dict(self._template)
        left, right = (panel["data"]["name"] for panel in spec["hconcat"])
        spec["datasets"] = {left: _records(pred), right: _records(obs)}
        spec["title"] = {**spec["title"], "text": f"{self.title}, {self.period.value}"}
        return spec

    def _on_change(self, change: dict) -> None:
        self.update()

    def _ipython_display_(self) -> None:
        display(self.widget)


def controls_that_change(explorer: Explorer, whens: Iterable[str] | None = None,
                         alternatives: Callable[[Param], list] | None = None) -> dict[str, bool]:
    """For each control of ``explorer``: does moving it change some prediction for some period?

    Used by the tests (a control that changes nothing teaches nothing) and handy for an
    instructor who builds a new explorer.
    """
    specs = {p.name: p for p in parameter_specs(explorer.theory)}
    whens = list(whens) if whens is not None else [v for _, v in WHEN_OPTIONS]

    alternatives = alternatives or Param.alternatives
    result = {}
    for name, control in explorer.controls.items():
        start_value, start_when = control.value, explorer.period.value
        changed = False
        for when in whens:
            explorer.period.value = when
            control.value = start_value
            base = explorer.prediction[["score", "stance"]].copy()
            for value in alternatives(specs[name]):
                control.value = value
                now = explorer.prediction[["score", "stance"]]
                if not (now["stance"].equals(base["stance"]) and (now["score"] - base["score"]).abs().max() < 1e-9):
                    changed = True
                    break
            if changed:
                break
        control.value, explorer.period.value = start_value, start_when
        result[name] = changed
    return result


class PeriodView:
    """Any chart of a world, with a period/year control that redraws it in place.

    ``make_chart(world)`` returns an Altair chart; e.g. ``PeriodView(lambda w:
    charts.capability_shares_chart(w))``. Like :class:`Explorer`, the chart shown as an
    ordinary output above the widget is the static fallback.
    """

    def __init__(self, make_chart: Callable, when: str = "2008-2019", options=WHEN_OPTIONS):
        self.make_chart = make_chart
        self.period = w.Dropdown(options=options, value=str(when), description="period or year",
                                 style=_STYLE, layout=_LAYOUT)
        self.output = w.Output(layout=w.Layout(min_height="300px"))
        self.period.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([self.period, self.output])
        self.update()

    def update(self) -> None:
        """Redraw for the chosen period or year."""
        _show(self.output, self.make_chart(load_world(self.period.value)).to_dict(), "chart")

    def _ipython_display_(self) -> None:
        display(self.widget)
