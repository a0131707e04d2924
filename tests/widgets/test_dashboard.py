"""Lesson 08's dashboard: built from parameter_specs, every control matters, redraws in place and
each redraw equals a fresh chart."""

from __future__ import annotations

import pandas as pd
import pytest

from alliances import PERIODS, load_world
from alliances.analysis import agreement, agreement_over_time, observed, predict_all
from alliances.params import by_name
from alliances.schemas import FIRST_YEAR, LAST_YEAR
from alliances.theories import THEORIES, parameter_specs
from alliances.widgets import WHEN_OPTIONS, Dashboard, controls_that_change
from tests.widgets.helpers import shown_spec


@pytest.fixture(scope="module")
def dashboard():
    return Dashboard()


def test_every_parameter_of_every_theory_has_a_control(dashboard):
    for theory in THEORIES:
        specs = {p.name: p for p in parameter_specs(theory)}
        assert list(dashboard.controls[theory]) == list(specs)
        for name, control in dashboard.controls[theory].items():
            assert control.value == specs[name].default
            assert control.tooltip == specs[name].description
    assert [v for _, v in dashboard.period.options] == [v for _, v in WHEN_OPTIONS]


def test_every_control_changes_some_output():
    result = controls_that_change(Dashboard(), whens=[*PERIODS, "1994", "2008", "2021"])
    assert set(result) == {(t, p.name) for t in THEORIES for p in parameter_specs(t)}
    dead = [k for k, v in result.items() if not v]
    assert not dead, f"controls that change nothing: {dead}"


def test_a_theory_control_redraws_in_place_and_only_its_own_series(dashboard):
    before = {t: f.copy() for t, f in dashboard.predictions.items()}
    series = dashboard.over_time.copy()
    control = dashboard.controls["balance_of_power"]["disposition"]
    control.value = "bandwagon"
    try:
        assert (dashboard.predictions["balance_of_power"]["score"] == -before["balance_of_power"]["score"]).all()
        for t in THEORIES[1:]:
            assert dashboard.predictions[t].equals(before[t])
        now = dashboard.over_time
        other = now["theory"] != "balance_of_power"
        assert now[other].reset_index(drop=True).equals(series[other].reset_index(drop=True))
        assert not now[~other].equals(series[~other]), "the moved theory's series is recomputed"
        rows = shown_spec(dashboard.outputs["theories"])["datasets"]["prediction-0"]
        assert any(r["partner"] == "RUS" and r["stance"] == "align" for r in rows)
    finally:
        control.value = "balance"


def test_period_control_reloads(dashboard):
    dashboard.period.value = "1992-1999"
    try:
        assert shown_spec(dashboard.outputs["theories"])["title"]["text"].endswith("1992-1999")
        assert shown_spec(dashboard.outputs["divergence"])["title"]["text"].endswith("1992-1999")
        assert shown_spec(dashboard.outputs["over_time"])["datasets"]["agreement_highlight"] == [{"when": "1992-1999"}]
        assert "1992-1999" in dashboard.summary.value
        world = load_world("1992-1999")
        expected = agreement(predict_all(world), observed(world)).set_index("theory")["stance_agreement"]
        got = dashboard.over_time.query("when == '1992-1999'").set_index("theory")["stance_agreement"]
        pd.testing.assert_series_equal(got, expected, check_names=False)
        dashboard.period.value = "2010"
        assert shown_spec(dashboard.outputs["over_time"])["datasets"]["agreement_highlight"] == [{"when": "2008-2019"}]
    finally:
        dashboard.period.value = "2008-2019"


def test_each_redraw_equals_a_fresh_chart(dashboard):
    """The swapped specs are exactly what Altair would build for the same state, and so valid:
    ``to_dict()`` checks each against the Vega-Lite schema (the dashboard itself skips that check)."""
    control = dashboard.controls["rsct"]["w_penetration"]
    dashboard.period.value = "2021"
    control.value = 0.3
    try:
        for name, output in dashboard.outputs.items():
            assert shown_spec(output) == dashboard.chart(name).to_dict(), name
    finally:
        control.value = by_name(parameter_specs("rsct"))["w_penetration"].default
        dashboard.period.value = "2008-2019"


def test_agreement_over_time_is_the_analysis_ones():
    expected = agreement_over_time(PERIODS).set_index(["when", "theory"])["stance_agreement"].sort_index()
    got = Dashboard().over_time.set_index(["when", "theory"])["stance_agreement"].sort_index()
    pd.testing.assert_series_equal(got, expected)


def test_reset_and_the_cache(dashboard):
    dashboard.controls["balance_of_threat"]["w_power"].value = 1.0
    dashboard.controls["rsct"]["w_regional"].value = 0.0
    dashboard.reset()
    assert all(c.value == p.default for _, p, c in dashboard.control_items())
    dashboard.clear_cache()
    dashboard.update()
    assert dashboard.last_update_ms > 0


def test_year_axis_and_bad_arguments():
    d = Dashboard(over_time="year", theories=["rsct", "balance_of_threat"])
    assert set(d.over_time["when"]) == {str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)}
    assert shown_spec(d.outputs["over_time"])["datasets"]["agreement_highlight"] == [
        {"when": str(y)} for y in range(2008, 2020)]
    with pytest.raises(ValueError):
        Dashboard(over_time="decade")
    with pytest.raises(ValueError):
        Dashboard(theories=["astrology"])
