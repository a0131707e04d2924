"""Lessons 01–05's explorer: controls from parameter_specs, in-place redraws that equal a fresh chart,
and every control changes some prediction."""

from __future__ import annotations

import pytest

from alliances import charts
from alliances.analysis import observed
from alliances.params import FloatParam
from alliances.theories import THEORIES, parameter_specs
from alliances.widgets import WHEN_OPTIONS, Explorer, PeriodView, controls_that_change
from tests.widgets.helpers import shown_spec


@pytest.mark.parametrize("theory", THEORIES)
def test_controls_come_from_the_parameter_specs(theory):
    explorer = Explorer(theory)
    specs = {p.name: p for p in parameter_specs(theory)}
    assert list(explorer.controls) == list(specs)
    for name, control in explorer.controls.items():
        p = specs[name]
        assert control.value == p.default and control.tooltip == p.description
        if isinstance(p, FloatParam):
            assert (control.min, control.max) == (p.low, p.high)
    assert [v for _, v in explorer.period.options] == [v for _, v in WHEN_OPTIONS]


@pytest.mark.parametrize("theory", THEORIES)
def test_every_control_changes_some_prediction(theory):
    result = controls_that_change(Explorer(theory))
    assert set(result) == {p.name for p in parameter_specs(theory)}
    assert all(result.values()), f"controls that never change a prediction: {[k for k, v in result.items() if not v]}"


def test_moving_a_control_updates_prediction_and_chart_in_place():
    explorer = Explorer("balance_of_power", show=["disposition"])
    before = explorer.prediction.copy()
    explorer.controls["disposition"].value = "bandwagon"
    assert (explorer.prediction["score"] == -before["score"]).all()
    rows = shown_spec(explorer.output)["datasets"]["predicted"]
    assert any(r["stance"] == "align" and r["partner"] == "RUS" for r in rows)


def test_each_redraw_equals_a_fresh_chart():
    """The swapped spec is exactly what Altair would build for the same settings."""
    explorer = Explorer("rsct", show=["w_penetration"])
    explorer.controls["w_penetration"].value = 0.8
    explorer.period.value = "2003"
    assert shown_spec(explorer.output) == explorer.chart().to_dict()


def test_period_control_reloads_the_world():
    explorer = Explorer("rsct")
    explorer.period.value = "1992-1999"
    assert shown_spec(explorer.output)["title"]["text"].endswith("1992-1999")
    assert explorer.output.title.endswith("1992-1999") and explorer.output.embeds == 1, "a new title is no re-embed"
    assert "%" in explorer.summary.value


def test_period_view_redraws():
    view = PeriodView(lambda world: charts.stance_heatmap(observed(world), world.when))
    view.period.value = "1999"
    assert shown_spec(view.output)["title"]["text"] == "1999"
    view.period.value = "2023-2025"
    assert view.output.embeds == 1, "a chart rebuilt for another period only sends its rows and title"
