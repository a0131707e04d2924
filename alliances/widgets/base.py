"""What every widget shares: controls from parameter specs, in-place redraws, one explorer base.

* :func:`control_for` -- the slider, checkbox or dropdown of one :mod:`alliances.params` spec;
* in-place redraws -- a chart's Vega-Lite spec is built by Altair once (the *template*, the
  slow part); each redraw swaps in new rows by data-set name (:func:`swap_datasets`; the
  names the chart functions give, see :mod:`alliances.charts.render`) and sends them to the
  chart's :class:`~alliances.widgets.chartview.ChartView` (``draw``), which replaces them in
  the running Vega view (a changeset per data set; no re-embed), so nothing flickers or stacks;
* :class:`ModelExplorer` -- a model's controls, ``params()``, ``set_values`` and ``fixed``
  (one rule: a fixed value of a parameter that has a control sets that control), and the
  redraw;
* :func:`controls_that_change` -- does each control of an explorer (or the dashboard) change
  what it shows? A control that changes nothing teaches nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Any, Protocol

import altair as alt
import ipywidgets as w
import pandas as pd
from IPython.display import display

from alliances.charts.render import Rows
from alliances.errors import ParameterError
from alliances.params import BoolParam, FloatParam, Param, applies, by_name, check_names
from alliances.schemas import FIRST_YEAR, LAST_YEAR, PERIODS
from alliances.widgets.chartview import ChartView, swap_datasets

#: What the period/year control offers: the five periods, then every year.
WHEN_OPTIONS: tuple[tuple[str, str], ...] = tuple(
    [(f"{p} (period)", p) for p in PERIODS] + [(str(y), str(y)) for y in range(FIRST_YEAR, LAST_YEAR + 1)])

#: The style and width of every control.
STYLE: Mapping[str, str] = {"description_width": "initial"}
CONTROL_WIDTH = "420px"


def control_for(param: Param) -> w.ValueWidget:
    """The ipywidgets control for one parameter: a slider, a checkbox or a dropdown.

    Its value, range and tooltip come from the spec, so no range is written twice.
    """
    label = param.name.replace("_", " ")
    layout = w.Layout(width=CONTROL_WIDTH)
    widget: w.ValueWidget
    if isinstance(param, FloatParam):
        widget = w.FloatSlider(value=param.default, min=param.low, max=param.high, step=param.slider_step(),
                               description=label, continuous_update=True, readout_format=".2f", style=STYLE,
                               layout=layout)
    elif isinstance(param, BoolParam):
        widget = w.Checkbox(value=param.default, description=label, indent=False, style=STYLE, layout=layout)
    else:
        widget = w.Dropdown(options=list(param.choices), value=param.default, description=label, style=STYLE,
                            layout=layout)
    widget.tooltip = param.description
    return widget


def link_requirements(controls: Mapping[str, w.ValueWidget], specs: Mapping[str, Param],
                      fixed: Mapping[str, Any] | None = None) -> None:
    """Grey out every control whose parameter does not matter under the current values, and keep it so.

    A spec's ``requires`` (:data:`alliances.params.Requirements`) names the values other
    parameters must have for it to matter — a marker's weight while its toggle is on, a
    variant's own slider while that variant is chosen. Such a control is ``disabled`` until
    they do, so no control ever sits there doing nothing. ``fixed`` holds the values of
    parameters without a control.
    """
    held = dict(fixed or {})
    dependent = {n: c for n, c in controls.items() if specs[n].requires}
    if not dependent:
        return

    def refresh(change: Any = None) -> None:
        values = {**held, **{n: c.value for n, c in controls.items()}}
        for name, control in dependent.items():
            control.disabled = not applies(specs[name], values)

    leaders = {req for n in dependent for req, _ in specs[n].requires if req in controls}
    for name in leaders:
        controls[name].observe(refresh, names="value")
    refresh()


def period_control(when: str, options: Sequence[tuple[str, str]] = WHEN_OPTIONS, width: str = CONTROL_WIDTH
                   ) -> w.Dropdown:
    """The period/year dropdown, starting at ``when``."""
    return w.Dropdown(options=list(options), value=str(when), description="period or year", style=STYLE,
                      layout=w.Layout(width=width))


# --------------------------------------------------------------------------
# In-place redraws
# --------------------------------------------------------------------------

# --------------------------------------------------------------------------
# One explorer base
# --------------------------------------------------------------------------

class ModelExplorer:
    """A model's output with one control per parameter, redrawn in place.

    Parameters
    ----------
    model
        The model's name (for messages).
    specs
        The model's parameter specs.
    show
        The parameters to offer as controls (default: all).
    fixed
        Parameter values, validated. A value for a parameter with a control sets that
        control (its starting value); the others hold the value for every redraw.
    when
        The starting period or year, if the model reads a world (None: no period control).

    Subclasses define :meth:`compute` (the model's result for :meth:`params`), :meth:`apply`
    (keep the result, write the summary), :meth:`chart_for` and :meth:`datasets_for` (the
    chart and its named data sets) and :meth:`signature` (what a student sees change).
    Attributes: ``controls``, ``fixed``, ``period`` (None without one), ``summary``,
    ``output`` (the chart's :class:`~alliances.widgets.chartview.ChartView`), ``widget``.
    """

    title = ""

    def __init__(self, model: str, specs: Sequence[Param], *, show: Sequence[str] | None = None,
                 fixed: Mapping[str, Any] | None = None, when: str | None = None, min_height: str = "330px"):
        self.model = model
        self.specs = by_name(specs)
        names = list(self.specs) if show is None else list(show)
        check_names(model, specs, names)
        check_names(model, specs, list(fixed or {}))
        self.fixed: dict[str, Any] = {k: self.specs[k].validate(v) for k, v in (fixed or {}).items()}
        self.controls: dict[str, w.ValueWidget] = {n: control_for(self.specs[n]) for n in names}
        for name, control in self.controls.items():
            if name in self.fixed:
                control.value = self.fixed[name]
            control.observe(self._on_change, names="value")
        link_requirements(self.controls, self.specs, self.fixed)
        self.period: w.Dropdown | None = None if when is None else period_control(when)
        if self.period is not None:
            self.period.observe(self._on_change, names="value")
        self.summary = w.HTML()
        self.output = ChartView(layout=w.Layout(min_height=min_height))
        self.widget: w.Widget = w.VBox([self.summary, self.output])
        self._hold = False
        self._template: dict[str, Any] | None = None

    # -- values ----------------------------------------------------------------------------
    def params(self) -> dict[str, Any]:
        """The parameter values the explorer expresses: ``fixed``, overlaid with every control's value."""
        return {**self.fixed, **{n: c.value for n, c in self.controls.items()}}

    def control_items(self) -> list[tuple[Hashable, Param, w.ValueWidget]]:
        """``(name, spec, control)`` of every control."""
        return [(n, self.specs[n], c) for n, c in self.controls.items()]

    def set_values(self, **values: Any) -> None:
        """Move several controls at once and redraw once."""
        missing = [n for n in values if n not in self.controls]
        if missing:
            raise ParameterError(f"{self.model} has no control for {missing}; its controls are: "
                                 f"{', '.join(self.controls)}")
        self._hold = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._hold = False
        self.update()

    # -- what subclasses define ------------------------------------------------------------
    def compute(self) -> Any:
        """The model's result for the current :meth:`params` (raises ParameterError if invalid)."""
        raise NotImplementedError

    def apply(self, result: Any) -> None:
        """Keep ``result`` and write the summary."""
        raise NotImplementedError

    def chart_for(self, result: Any) -> alt.TopLevelMixin:
        """The chart of ``result``."""
        raise NotImplementedError

    def datasets_for(self, result: Any) -> dict[str, Rows]:
        """The named data sets of :meth:`chart_for`'s chart for ``result``."""
        raise NotImplementedError

    def chart_title(self) -> str | None:
        """The chart's title text if it changes between redraws (None: the template's)."""
        return None

    def signature(self) -> pd.DataFrame:
        """What a student sees change: the model output the chart draws."""
        raise NotImplementedError

    # -- drawing ---------------------------------------------------------------------------
    def chart(self) -> alt.TopLevelMixin:
        """The current chart (an Altair chart, e.g. to save or to show statically)."""
        return self.chart_for(self.compute())

    def update(self) -> None:
        """Recompute and redraw in place (an invalid setting is explained, not raised)."""
        try:
            result = self.compute()
        except ParameterError as exc:
            self.summary.value = f"<b>Not a valid setting:</b> {exc}"
            return
        self.apply(result)
        if self._template is None:
            self._template = self.chart_for(result).to_dict()
        self.output.draw(self._template, self.datasets_for(result), self.chart_title())

    def _on_change(self, change: dict[str, Any]) -> None:
        if not self._hold:
            self.update()

    def _ipython_display_(self) -> None:
        display(self.widget)


# --------------------------------------------------------------------------
# Which controls matter
# --------------------------------------------------------------------------

class Explorable(Protocol):
    """What :func:`controls_that_change` needs: controls, an optional period control, a signature."""

    period: w.Dropdown | None

    def control_items(self) -> list[tuple[Hashable, Param, w.ValueWidget]]: ...

    def signature(self) -> pd.DataFrame: ...


def _group(key: Hashable) -> Hashable:
    """The controls a requirement may name: the same model's (the dashboard's keys are ``(theory, name)``)."""
    return key[:-1] if isinstance(key, tuple) else ()


def _meet(items: Sequence[tuple[Hashable, Param, w.ValueWidget]], key: Hashable, spec: Param
          ) -> list[tuple[w.ValueWidget, Any]]:
    """Set the controls ``spec`` requires to the values it requires; returns what to put back."""
    undo = []
    for name, value in spec.requires:
        for other_key, other_spec, control in items:
            if other_spec.name == name and _group(other_key) == _group(key) and control.value != value:
                undo.append((control, control.value))
                control.value = value
    return undo


def _moves(explorer: Explorable, control: w.ValueWidget, start: Any, values: Iterable[Any]) -> bool:
    """Does moving ``control`` from ``start`` to any of ``values`` change the signature?"""
    control.value = start
    base = explorer.signature()
    for value in values:
        control.value = value
        if not explorer.signature().equals(base):
            return True
    return False


def controls_that_change(explorer: Explorable, whens: Iterable[str] | None = None,
                         alternatives: Callable[[Param], Sequence[Any]] | None = None) -> dict[Hashable, bool]:
    """For each control: does moving it change what the explorer shows, in some period or year?

    Each control is moved to each of ``alternatives(spec)`` (default: the spec's own
    :meth:`~alliances.params.FloatParam.alternatives`) in each of ``whens`` (default: every
    period and year of the period control; an explorer without one is tried once), and the
    explorer's ``signature()`` compared, with the controls a parameter requires
    (:data:`alliances.params.Requirements`) set so that it matters. Every control and the
    period are put back.
    Works for every explorer and for the dashboard (keys ``(theory, parameter)``).
    """
    other = alternatives or (lambda p: p.alternatives())
    period = explorer.period
    if period is None and whens is not None:
        raise ValueError("this explorer has no period control; call controls_that_change without whens")
    tried: list[str | None] = [None] if period is None else (
        list(whens) if whens is not None else [v for _, v in WHEN_OPTIONS])
    start_when = None if period is None else period.value
    result: dict[Hashable, bool] = {}
    items = explorer.control_items()
    for key, spec, control in items:
        undo = _meet(items, key, spec)
        start = control.value
        changed = False
        for when in tried:
            if period is not None:
                period.value = when
            if _moves(explorer, control, start, other(spec)):
                changed = True
                break
        control.value = start
        for leader, value in reversed(undo):
            leader.value = value
        result[key] = changed
    if period is not None:
        period.value = start_when
    return result


__all__ = ["CONTROL_WIDTH", "STYLE", "WHEN_OPTIONS", "ChartView", "Explorable", "ModelExplorer", "control_for",
           "controls_that_change", "link_requirements", "period_control", "swap_datasets"]
