"""alliances.analysis.regime and alliances.analysis.threats: lesson 02's and 03's tables."""

import pandas as pd
import pytest

from alliances import load_table, load_world
from alliances.analysis import grid, sweep
from alliances.analysis.regime import WEST_LABEL, polyarchy_series, regime_case, same_stance_runs
from alliances.analysis.threats import top_threats
from alliances.schemas import WEST_CAPABILITY_STATES
from alliances.theories.balance_of_threat import threat_components


def _swept(stances):
    """A two-state, one-partner sweep frame from a list of (value, stance of A, stance of B)."""
    rows = [{"value": v, "state": s, "partner": "P", "stance": st}
            for v, a, b in stances for s, st in (("A", a), ("B", b))]
    return pd.DataFrame(rows)


def test_same_stance_runs_split_where_the_states_part_ways():
    runs = same_stance_runs(_swept([(0.0, "align", "align"), (0.5, "hedge", "align"),
                                    (0.75, "hedge", "align"), (1.0, "hedge", "hedge")]), ("A", "B"), ("P",))
    assert runs.to_dict("records") == [
        {"from_value": 0.0, "to_value": 0.0, "holds": True, "differ_towards": ""},
        {"from_value": 0.5, "to_value": 0.75, "holds": False, "differ_towards": "P"},
        {"from_value": 1.0, "to_value": 1.0, "holds": True, "differ_towards": ""}]


def test_same_stance_runs_cover_every_swept_value_once():
    world = load_world("2008-2019")
    swept = sweep("omnibalancing", world, "internal_weight", grid("omnibalancing", "internal_weight"))
    runs = same_stance_runs(swept, ("ARM", "AZE"), ("RUS", "WEST"))
    values = sorted(swept["value"].unique())
    assert runs["from_value"].iloc[0] == values[0] and runs["to_value"].iloc[-1] == values[-1]
    assert (runs["holds"] != runs["holds"].shift()).all()  # consecutive runs alternate


def test_polyarchy_series_averages_the_west():
    regime = load_table("regime")
    series = polyarchy_series(regime, {"ARM": "Armenia", "RUS": "Russia"}, ["ARM"])
    year = int(series["year"].max())
    west = regime[regime["actor"].isin(WEST_CAPABILITY_STATES) & (regime["year"] == year)]["vdem_polyarchy"].mean()
    got = series[(series["actor"] == WEST_LABEL) & (series["year"] == year)]["value"].iloc[0]
    assert got == pytest.approx(west)
    assert set(series.loc[series["actor"] == "Armenia", "group"]) == {"chooser"}
    assert set(series.loc[series["actor"] != "Armenia", "group"]) == {"outside power"}
    assert series["value"].notna().all()


def test_regime_case_matches_the_model():
    case = regime_case([1993], ("GEO", "AZE"))
    assert list(case.index) == [("1993", "GEO"), ("1993", "AZE")]
    row = case.loc[("1993", "AZE")]
    assert row["RUS patronage"] == 0.0  # Armenia, not Russia, is coded as Karabakh's patron
    assert 0.0 <= row["vertical weakness v"] <= 1.0 and 0.0 <= row["regime insecurity ι"] <= 1.0
    assert row["stance predicted"] in ("align", "hedge", "balance")


def test_top_threats_agree_with_the_components_and_are_the_largest():
    world = load_world("2008-2019")
    for params in ({}, {"w_intentions": 0.0}):
        table = top_threats(world, **params)
        parts = threat_components(world, **params).drop_duplicates(["state", "partner"])
        for state, row in table.iterrows():
            threats = parts[parts["state"] == state].set_index("partner")["threat"]
            assert row["threat"] == pytest.approx(threats.max())
            assert row["runner_up_threat"] == pytest.approx(threats.drop(row["top"]).max())
            assert row["runner_up_threat"] <= row["threat"]
