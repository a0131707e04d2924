"""alliances.analysis.sensitivity: parameter sweeps and the stance changes along them."""

from __future__ import annotations

import pandas as pd
import pytest

from alliances import load_world
from alliances.analysis import SWEEP_COLUMNS, grid, sweep, tipping_points
from alliances.errors import ParameterError
from alliances.theories import parameter_specs, predict


@pytest.fixture(scope="module")
def world():
    return load_world("2008-2019")


def test_grid_spans_the_allowed_range():
    assert grid("omnibalancing", "internal_weight", 5) == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert grid("omnibalancing", "regime_insecurity", 3) == [-1.0, 0.0, 1.0]


@pytest.mark.parametrize("name, message", [("nope", "has no parameter"), ("appease_patrons", "not a number")])
def test_grid_refuses_unknown_and_non_numeric_parameters(name, message):
    with pytest.raises(ParameterError, match=message):
        grid("omnibalancing", name)


def test_sweep_matches_predict_at_every_value(world):
    values = [0.0, 0.45, 1.0]
    frame = sweep("omnibalancing", world, "internal_weight", values, appease_patrons=False)
    assert list(frame.columns) == SWEEP_COLUMNS
    assert len(frame) == len(values) * 18
    for value in values:
        expected = predict("omnibalancing", world, internal_weight=value, appease_patrons=False)
        got = frame[frame["value"] == value].reset_index(drop=True)
        pd.testing.assert_series_equal(got["score"], expected["score"], check_names=False)
        assert list(got["stance"]) == list(expected["stance"])


def test_sweep_takes_boolean_parameters(world):
    frame = sweep("constructivism", world, "use_religion", [True, False])
    assert set(frame["value"]) == {True, False}


def test_sweep_validates_values_and_refuses_fixing_the_swept_parameter(world):
    with pytest.raises(ParameterError):
        sweep("omnibalancing", world, "internal_weight", [1.5])
    with pytest.raises(ParameterError, match="being swept"):
        sweep("omnibalancing", world, "internal_weight", [0.1], internal_weight=0.2)
    with pytest.raises(ValueError, match="at least one"):
        sweep("omnibalancing", world, "internal_weight", [])


def test_tipping_points_find_each_change_between_neighbouring_values():
    frame = pd.DataFrame({
        "parameter": "w", "value": [0.0, 0.5, 1.0] * 2,
        "state": ["ARM"] * 3 + ["AZE"] * 3, "partner": ["RUS"] * 6,
        "score": [0.5, 0.3, 0.1, 0.5, 0.5, 0.5],
        "stance": ["align", "align", "hedge", "align", "align", "align"]})
    points = tipping_points(frame)
    assert points.to_dict("records") == [{"state": "ARM", "partner": "RUS", "before": "align",
                                          "after": "hedge", "from_value": 0.5, "to_value": 1.0}]
    assert tipping_points(frame[frame["state"] == "AZE"]).empty


def test_tipping_points_refuse_a_frame_that_is_not_a_sweep():
    with pytest.raises(ValueError, match="sweep"):
        tipping_points(pd.DataFrame({"state": ["ARM"]}))


def test_the_lesson_03_sensitivity_georgia_russia_tips_near_the_default(world):
    """Lesson 03: Georgia -> Russia (appeasing the patron of its separatists) tips from hedge to
    'align' within 0.1 of the default internal_weight: a knife edge. With the symmetric affinity
    (the course's earlier version) Azerbaijan -> West leaves 'align' between 0.35 and 0.6
    instead; with the one-sided default it never does."""
    default = next(p.default for p in parameter_specs("omnibalancing") if p.name == "internal_weight")
    points = tipping_points(sweep("omnibalancing", world, "internal_weight", grid("omnibalancing", "internal_weight")))
    geo_rus = points[(points["state"] == "GEO") & (points["partner"] == "RUS") & (points["after"] == "align")]
    assert len(geo_rus) == 1 and abs(geo_rus.iloc[0]["to_value"] - default) <= 0.1
    assert points[(points["state"] == "AZE") & (points["partner"] == "WEST")].empty
    symmetric = tipping_points(sweep("omnibalancing", world, "internal_weight", grid("omnibalancing", "internal_weight"),
                                     affinity="symmetric"))
    aze_west = symmetric[(symmetric["state"] == "AZE") & (symmetric["partner"] == "WEST")]
    assert len(aze_west) == 1 and aze_west.iloc[0]["before"] == "align"
    assert 0.35 <= aze_west.iloc[0]["from_value"] < aze_west.iloc[0]["to_value"] <= 0.6


def test_agreement_along_matches_compare_at_each_value(world):
    from alliances.analysis import agreement_along, compare, observed

    obs = observed(world)
    frame = sweep("omnibalancing", world, "internal_weight", [0.0, 1.0])
    along = agreement_along(frame, obs)
    assert list(along.columns) == ["value", "state", "stance_agreement"]
    assert set(along["state"]) == {"ARM", "AZE", "GEO", "all"}
    for value in (0.0, 1.0):
        expected = compare(predict("omnibalancing", world, internal_weight=value), obs)
        got = along[along["value"] == value].set_index("state")["stance_agreement"]
        assert got["all"] == pytest.approx(expected.set_index("state").loc["all", "stance_agreement"])
    with pytest.raises(ValueError, match="sweep"):
        agreement_along(frame.drop(columns=["value"]), obs)
