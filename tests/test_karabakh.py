"""The Karabakh 'no war, no peace' index (alliances.karabakh): ranges, controls, worked examples."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import karabakh as k

COMPONENTS = ["spending", "drones", "turkey_rise", "turkey_alliance", "russia_commitment",
              "habituation", "domestic_shocks", "offence_defence", "regional_balance", "inertia", "index"]


def test_default_frame_covers_1994_2024():
    s = k.stability()
    assert list(s["year"]) == list(range(1994, 2025))
    assert {"year", "index", "tipped", *COMPONENTS} <= set(s.columns)
    assert s["index"].notna().all()


weights = st.floats(0, 1)


@settings(max_examples=60, deadline=None)
@given(w=st.tuples(weights, weights, weights).filter(lambda w: sum(w) > 0),
       threshold=st.floats(0, 1), ratio=st.floats(1.5, 6), hab=st.floats(1, 20),
       toggles=st.tuples(*[st.booleans()] * 5))
def test_index_and_components_in_range_for_any_valid_parameters(w, threshold, ratio, hab, toggles):
    params = dict(zip(k.WEIGHTS, w), threshold=threshold, attack_ratio=ratio, habituation_years=hab,
                  **dict(zip(["drone_imports", "turkey_alliance_steps", "april_war_2016",
                              "change_of_power_2018", "rhetoric_2019"], toggles)))
    s = k.stability(**params)
    for col in COMPONENTS:
        vals = s[col].dropna()
        assert ((vals >= 0) & (vals <= 1)).all(), col
    assert s["index"].notna().all()
    assert (s["tipped"] == (s["index"] < threshold)).all()


@pytest.mark.parametrize("param", k.PARAMETERS, ids=lambda p: p.name)
def test_every_slider_and_toggle_changes_the_output(param):
    base = k.stability()[["index", "tipped"]]
    changed = any(not k.stability(**{param.name: v})[["index", "tipped"]].equals(base)
                  for v in param.alternatives())
    assert changed, f"{param.name} never changes the index or the tipping"


def test_worked_examples_by_hand():
    s = k.stability().set_index("year")
    raw = k.indicators().set_index("year")
    # spending 2019: SIPRI AZE 2313.6, ARM 846.1 (constant 2022 US$ m), 3:1 rule
    assert s.loc[2019, "spending"] == pytest.approx(1 - math.log(2313.6 / 846.1) / math.log(3), abs=1e-9)
    # drones by end of 2016 (TIV m): Aerostar 0.4 + Aerostar 1.0 + Hermes-450 20 + Searcher 1.5
    # + Heron 15 + Orbiter-1K 15 x 1/5 + Harop 60 x 2/4 = 70.9; by end of 2024: 195.2
    assert raw.loc[2016, "drone_tiv_cum"] == pytest.approx(70.9)
    assert raw.loc[2024, "drone_tiv_cum"] == pytest.approx(195.2)
    # Turkey-Azerbaijan steps: 1994 treaty (1), 2010 mutual assistance (2), 2020 support (2), Shusha 2021 (2)
    assert [raw.loc[y, "turkey_steps"] for y in (1994, 2010, 2020, 2021)] == [1, 3, 5, 7]
    # 1994: OD = drones only (ARM spending missing) = 1; regional = (1 + 6/7 + 1/6)/3; inertia = (1/5 + 1)/2
    expected = (1 + (1 + 6 / 7 + 1 / 6) / 3 + 0.6) / 3
    assert s.loc[1994, "index"] == pytest.approx(expected, abs=1e-9)


def test_inertia_only_sees_wars_before_the_year():
    s = k.stability().set_index("year")
    assert s.loc[2016, "habituation"] == 1.0     # the April 2016 war does not predict itself
    assert s.loc[2017, "habituation"] == pytest.approx(0.2)
    no_war = k.stability(april_war_2016=False).set_index("year")
    assert no_war.loc[2017, "habituation"] == 1.0


def test_counterfactual_toggles():
    assert (k.stability(drone_imports=False)["drones"] == 1).all()
    assert (k.stability(turkey_alliance_steps=False)["turkey_alliance"] == 1).all()
    shocks = k.stability(change_of_power_2018=False, rhetoric_2019=False)["domestic_shocks"]
    assert (shocks == 1).all()


def test_tipping_year_is_the_first_tipped_year_after_1994():
    s = k.stability()
    first = s.loc[(s["year"] > 1994) & s["tipped"], "year"].iloc[0]
    assert k.tipping_year() == first == 2017   # documented result with default parameters


def test_a_threshold_of_zero_never_tips():
    assert k.tipping_year(threshold=0.0) is None


def test_sensitivity_grid_covers_the_simplex():
    g = k.sensitivity(step=0.25)
    assert len(g) == 15
    assert (g[list(k.WEIGHTS)].sum(axis=1) - 1).abs().max() < 1e-9
    years = g["tipping_year"].dropna()
    assert ((years > 1994) & (years <= 2024)).all()


def test_sensitivity_refuses_a_step_that_does_not_divide_one():
    with pytest.raises(ValueError, match="divides 1"):
        k.sensitivity(step=0.3)


@pytest.mark.parametrize("bad, words", [
    ({"w_inertia": 1.5}, "from 0.0 to 1.0"),
    ({"threshold": -0.1}, "from 0.0 to 1.0"),
    ({"attack_ratio": 1.0}, "from 1.5 to 6.0"),
    ({"drone_imports": "no"}, "True or False"),
    ({"w_offence_defence": 0, "w_regional": 0, "w_inertia": 0}, "above 0"),
    ({"weight": 1}, "no parameter"),
])
def test_bad_parameters_are_refused_clearly(bad, words):
    with pytest.raises(ValueError, match=words):
        k.stability(**bad)


def test_sources_cover_every_indicator():
    names = set(k.sources()["indicator"])
    for parts in k.STABILISERS.values():
        assert set(parts) <= names


def test_tipping_of_a_frame_is_the_tipping_year():
    for chosen in ({}, {"april_war_2016": False}, {"threshold": 0.05}):
        assert k.tipping_of(k.stability(**chosen)) == k.tipping_year(**chosen)


def test_war_markers_place_each_war_at_its_start_date():
    markers = k.war_markers()
    assert list(markers["event_id"]) == sorted(k.WAR_LABELS, key=lambda e: markers.set_index("event_id").loc[e, "year"])
    for row in markers.itertuples():
        assert int(row.year) == int(row.date[:4]) and row.label == k.WAR_LABELS[row.event_id]


def test_war_markers_refuse_events_that_are_not_in_the_table():
    with pytest.raises(ValueError, match="not in the table"):
        k.war_markers(labels={"no-such-event": "B"})


def test_sensitivity_gives_the_tipping_year_of_each_triple():
    """The vectorised grid agrees with one tipping_year call per triple (an independent path)."""
    grid = k.sensitivity(step=0.25, threshold=0.55, drone_imports=False)
    for row in grid.itertuples():
        weights = {w: getattr(row, w) for w in k.WEIGHTS}
        expected = k.tipping_year(threshold=0.55, drone_imports=False, **weights)
        assert (None if row.tipping_year is None or row.tipping_year != row.tipping_year else row.tipping_year) == expected


def test_sensitivity_with_the_finest_step_has_every_triple():
    grid = k.sensitivity(step=0.01)
    assert len(grid) == 101 * 102 // 2
    assert (grid[list(k.WEIGHTS)].sum(axis=1).round(9) == 1).all()


@pytest.mark.parametrize("bad, words", [
    ({"w_inertia": 2}, "varies the weights itself; leave out w_inertia"),
    ({"step": True}, "step=True is not allowed"),
    ({"step": 0.005}, "from 0.01 to 0.5"),
    ({"step": "0.1"}, "step='0.1' is not allowed"),
    ({"threshold": 10**400}, "threshold=1000"),
])
def test_sensitivity_refuses_what_it_cannot_honour(bad, words):
    with pytest.raises(ValueError, match=words):
        k.sensitivity(**bad)


@pytest.mark.parametrize("data_dir", [0, 5, 1.5, b"data"])
def test_a_data_dir_that_is_not_a_path_is_refused(data_dir):
    with pytest.raises(TypeError, match="data_dir=.* is not allowed: give a folder path"):
        k.stability(data_dir)


def test_war_markers_refuse_labels_that_are_not_a_dict_of_strings():
    with pytest.raises(TypeError, match="labels=.*dict"):
        k.war_markers(labels=["2020 war"])
