"""Widgets are built from parameter_specs, update in place, and every control matters."""

import time

import ipywidgets as w
import pytest

from alliances.theories import THEORIES, parameter_specs
from alliances.widgets import WHEN_OPTIONS, Explorer, PeriodView, control_for, controls_that_change


@pytest.mark.parametrize("theory", THEORIES)
def test_controls_come_from_the_parameter_specs(theory):
    explorer = Explorer(theory)
    specs = {p.name: p for p in parameter_specs(theory)}
    assert set(explorer.controls) == set(specs)
    for name, control in explorer.controls.items():
        p = specs[name]
        assert control.value == p.default
        if p.kind == "float":
            assert (control.min, control.max) == (p.low, p.high)
        elif p.kind == "choice":
            assert tuple(control.options) == tuple(p.choices)
        assert control.tooltip == p.description


@pytest.mark.parametrize("theory", THEORIES)
def test_every_control_changes_some_prediction(theory):
    periods = [v for _, v in WHEN_OPTIONS]
    result = controls_that_change(Explorer(theory), whens=periods)
    assert all(result.values()), f"controls that never change a prediction: {[k for k, v in result.items() if not v]}"


def test_moving_a_control_updates_prediction_and_chart_in_place():
    explorer = Explorer("balance_of_power", show=["disposition"])
    before = explorer.prediction.copy()
    explorer.controls["disposition"].value = "bandwagon"
    after = explorer.prediction
    assert (after["score"] == -before["score"]).all()
    assert len(explorer.output.outputs) == 1, "the chart must be replaced, not stacked"
    data = explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]["datasets"]
    assert any(row["stance"] == "align" and row["partner"] == "RUS" for rows in data.values() for row in rows)


def test_period_control_reloads_the_world():
    explorer = Explorer("rsct")
    explorer.period.value = "1992-1999"
    assert "1992-1999" in explorer.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]["title"]["text"]
    assert "%" in explorer.summary.value


def test_explorer_refuses_unknown_controls():
    with pytest.raises(ValueError, match="has no parameter"):
        Explorer("rsct", show=["w_vibes"])


def test_update_is_fast():
    explorer = Explorer("balance_of_threat")
    control = explorer.controls["w_intentions"]
    times = []
    for i in range(30):
        start = time.perf_counter()
        control.value = (i % 10) / 10
        times.append(time.perf_counter() - start)
    # a loose guard against regressions; the budget (50 ms at p95) is measured in benchmarks/
    assert sorted(times)[int(0.95 * len(times)) - 1] < 0.5


def test_period_view_redraws():
    from alliances import charts
    from alliances.observed import observed

    view = PeriodView(lambda world: charts.stance_heatmap(observed(world), title=world.when))
    view.period.value = "1999"
    assert view.output.outputs[0]["data"]["application/vnd.vegalite.v5+json"]["title"]["text"] == "1999"


def test_control_kinds():
    from alliances.theories.base import Param

    assert isinstance(control_for(Param("x", 0.5, "a weight", low=0, high=1)), w.FloatSlider)
    assert isinstance(control_for(Param("t", True, "a toggle", kind="bool")), w.Checkbox)
    assert isinstance(control_for(Param("c", "a", "a choice", kind="choice", choices=("a", "b"))), w.Dropdown)
