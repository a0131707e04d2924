"""The Karabakh arc's explorers: controls from PARAMETERS, every control matters, in-place redraws,
and the fit button shows in-sample and leave-one-out agreement."""

from __future__ import annotations

import ipywidgets as w
import pytest

from alliances import karabakh, secession
from alliances.analysis import fit_comparison, outcome_table
from alliances.params import FloatParam
from alliances.widgets import SecessionExplorer, StabilityExplorer, controls_that_change
from tests.widgets.helpers import shown_spec


@pytest.mark.parametrize("cls, params", [(StabilityExplorer, karabakh.PARAMETERS),
                                         (SecessionExplorer, secession.PARAMETERS)])
def test_controls_come_from_the_parameters(cls, params):
    explorer = cls()
    specs = {p.name: p for p in params}
    assert list(explorer.controls) == list(specs)
    for name, control in explorer.controls.items():
        p = specs[name]
        assert control.value == p.default and control.tooltip == p.description
        if isinstance(p, FloatParam):
            assert (control.min, control.max, control.step) == (p.low, p.high, p.step)
    assert explorer.period is None


@pytest.mark.parametrize("cls", [StabilityExplorer, SecessionExplorer])
def test_every_control_changes_the_output(cls):
    result = controls_that_change(cls())
    assert result and all(result.values()), f"controls that change nothing: {[k for k, v in result.items() if not v]}"


@pytest.mark.parametrize("cls, name", [(StabilityExplorer, "w_inertia"), (SecessionExplorer, "w_history")])
def test_each_redraw_equals_a_fresh_chart(cls, name):
    explorer = cls()
    explorer.controls[name].value = 0.15
    assert shown_spec(explorer.output) == explorer.chart().to_dict()


def test_counterfactual_toggle_moves_the_index_and_redraws_in_place():
    explorer = StabilityExplorer(show=["drone_imports"])
    assert explorer.tipping == karabakh.tipping_year() == karabakh.tipping_of(karabakh.stability())
    before = {r["year"]: r["value"] for r in shown_spec(explorer.output)["datasets"]["stability"]
              if r["series"] == "index"}
    explorer.controls["drone_imports"].value = False
    after = {r["year"]: r["value"] for r in shown_spec(explorer.output)["datasets"]["stability"]
             if r["series"] == "index"}
    assert after[2019] > before[2019], "without drones the 2019 index is higher"
    assert explorer.tipping == karabakh.tipping_year(drone_imports=False)
    assert f"Tipping year: {explorer.tipping}" in explorer.summary.value
    marks = shown_spec(explorer.output)["datasets"]["stability_marks"]
    assert {"what": "tipping", "year": explorer.tipping, "value": None, "label": f"tips in {explorer.tipping}"} in marks


def test_threshold_moves_the_rule_and_the_tipping_year():
    explorer = StabilityExplorer(show=["threshold"])
    explorer.controls["threshold"].value = 0.0
    assert explorer.tipping is None and "never tips" in explorer.summary.value
    assert [m["what"] for m in shown_spec(explorer.output)["datasets"]["stability_marks"]] == ["threshold"]


def test_fixed_values_feed_the_model_and_the_baseline():
    explorer = StabilityExplorer(show=["w_inertia"], fixed={"april_war_2016": False})
    assert explorer.tipping == explorer.baseline == karabakh.tipping_year(april_war_2016=False)


def test_secession_sliders_update_chart_and_table():
    explorer = SecessionExplorer(show=list(secession.WEIGHTS))
    assert "Explains 6 of 16" in explorer.summary.value  # the documented default
    explorer.set_values(w_geography=1.0, w_history=0.0, w_ethnic=0.0, w_legal=0.0)
    expected = secession.explained(w_geography=1.0, w_history=0.0, w_ethnic=0.0, w_legal=0.0)
    rows = {r["case_id"]: r for r in shown_spec(explorer.output)["datasets"]["secession_cases"]}
    for r in expected.itertuples():
        assert rows[r.case_id]["score"] == pytest.approx(r.score)
    assert explorer.table.value == outcome_table(expected).to_html(index=False, border=0)


def test_invalid_setting_is_explained_not_raised():
    explorer = SecessionExplorer()
    explorer.controls["success_at"].value = 0.2  # below partial_at
    assert "Not a valid setting" in explorer.summary.value
    explorer.controls["success_at"].value = 0.65
    assert "Explains" in explorer.summary.value


def test_fit_button_shows_in_sample_and_leave_one_out():
    explorer = SecessionExplorer(fit_button=True)
    assert isinstance(explorer.button, w.Button)
    explorer.step.value = 0.05
    explorer.button.click()
    r = explorer.fit_result
    loo = secession.leave_one_out(step=0.05)
    assert r["in_sample"] == loo.in_sample and r["loo"] == loo.loo
    assert r["in_sample"] > r["loo"], "with the finer grid the over-fitting gap appears"
    html = explorer.fit_output.value
    assert "in-sample agreement" in html and "leave-one-out agreement" in html
    assert f"{r['in_sample']:.0%}" in html and f"{r['loo']:.0%}" in html
    assert {k: explorer.controls[k].value for k in secession.WEIGHTS} == pytest.approx(r["weights"])
    assert f"Explains {round(r['in_sample'] * 16)} of 16" in explorer.summary.value


def test_fit_button_with_cut_points_moves_them_too():
    explorer = SecessionExplorer(fit_button=True)
    explorer.fit_cuts.value = True
    explorer.button.click()
    r = explorer.fit_result
    assert r["fit_thresholds"] and r["in_sample"] > r["loo"]
    assert (explorer.controls["partial_at"].value, explorer.controls["success_at"].value) == (
        r["partial_at"], r["success_at"])


def test_fit_works_without_the_button_and_says_which_sliders_it_could_not_move():
    """The fit's controls exist in every configuration; the fit reports what it could not apply."""
    explorer = SecessionExplorer(show=list(secession.WEIGHTS))
    explorer.fit_cuts.value = True
    r = explorer.fit()
    assert r == explorer.fit_result and r["weights"] == fit_comparison(fit_thresholds=True)["weights"]
    assert "Not shown as sliders" in explorer.fit_output.value


def test_the_fit_does_not_depend_on_where_the_weight_sliders_stand():
    explorer = SecessionExplorer(fit_button=True)
    fitted = explorer.fit()["weights"]
    explorer.set_values(w_geography=0.0, w_history=1.0)
    assert explorer.fit()["weights"] == fitted
