"""alliances.analysis.agreement: one count of agreement with observed alignment, and what is built on it."""

import math

import pandas as pd
import pytest

from alliances import PERIODS, load_world
from alliances.analysis import (
    agreement,
    agreement_grid,
    agreement_over_time,
    compare,
    count_right,
    divergence,
    divergence_records,
    hedge_baseline,
    mismatches,
    observed,
    observed_stances,
    predict_all,
    stance_agreement,
    stance_counts,
)
from alliances.errors import ParameterError
from alliances.theories import THEORIES, predict


@pytest.fixture(scope="module")
def world():
    return load_world("2008-2019")


@pytest.fixture(scope="module")
def table(world):
    return predict_all(world, {"rsct": {"w_penetration": 0.3}})


def _naive(prediction: pd.DataFrame, obs: pd.DataFrame) -> tuple[int, int]:
    """Agreement counted the obvious way, by merging the two frames."""
    merged = prediction.merge(obs, on=["state", "partner"], suffixes=("_p", "_o"))
    merged = merged[merged["score_p"].notna() & merged["score_o"].notna() & (merged["stance_o"] != "unknown")]
    return int((merged["stance_p"] == merged["stance_o"]).sum()), len(merged)


@pytest.mark.parametrize("when", [*PERIODS, "2003"])
@pytest.mark.parametrize("theory", THEORIES)
def test_the_kernel_counts_what_a_merge_counts(theory, when):
    world = load_world(when)
    pred, obs = predict(theory, world), observed(world)
    assert stance_agreement(pred, observed_stances(obs)) == _naive(pred, obs)


def test_a_nan_score_or_an_uncoded_pair_is_not_compared():
    seen = {("ARM", "RUS"): "align", ("ARM", "TUR"): "balance"}
    pairs = [("ARM", "RUS"), ("ARM", "TUR"), ("ARM", "IRN")]
    assert count_right(pairs, ["align", "align", "hedge"], [1.0, math.nan, 0.0], seen) == (1, 1)


def test_compare_is_the_kernel_per_state_and_overall(world):
    pred, obs = predict("balance_of_threat", world), observed(world)
    result = compare(pred, obs).set_index("state")
    seen = observed_stances(obs)
    for state in world.choosers:
        right, pairs = stance_agreement(pred[pred["state"] == state], seen)
        assert result.loc[state, "stance_agreement"] == pytest.approx(right / pairs)
    right, pairs = stance_agreement(pred, seen)
    assert result.loc["all", "pairs"] == pairs and result.loc["all", "stance_agreement"] == pytest.approx(right / pairs)


def test_agreement_per_theory_equals_compare(world, table):
    obs = observed(world)
    result = agreement(table, obs)
    assert list(result["theory"]) == list(THEORIES)
    for row in result.itertuples():
        own = table[table["theory"] == row.theory].drop(columns="theory")
        assert row.stance_agreement == pytest.approx(compare(own, obs).iloc[-1]["stance_agreement"])
    assert {"agreement ARM", "agreement AZE", "agreement GEO"} <= set(result.columns)


def test_agreement_over_time_has_one_row_per_theory_and_period():
    result = agreement_over_time(["2000-2007", "2008-2019"], theories=["rsct", "constructivism"])
    assert sorted(zip(result["when"], result["theory"])) == sorted(
        (w, t) for w in ("2000-2007", "2008-2019") for t in ("rsct", "constructivism"))
    assert result["stance_agreement"].between(0, 1).all()


def test_the_hedge_baseline_is_the_share_of_observed_hedges():
    base = hedge_baseline(PERIODS).set_index("when")
    for period in PERIODS:
        obs = observed(load_world(period))
        coded = obs[obs["stance"] != "unknown"]
        assert base.loc[period, "pairs"] == len(coded)
        assert base.loc[period, "stance_agreement"] == pytest.approx((coded["stance"] == "hedge").mean())


def test_the_grid_relabels_scores_by_the_same_rule_as_predict(world):
    grid = agreement_grid("balance_of_threat", {"w_power": [0.0, 1.0], "align_at": [0.25, 0.5],
                                                "balance_at": [-0.6, -0.1]}, ["2008-2019"])
    assert len(grid) == 8
    obs = observed(world)
    for row in grid.itertuples():
        pred = predict("balance_of_threat", world, w_power=row.w_power, align_at=row.align_at,
                       balance_at=row.balance_at)
        assert (row.right, row.pairs) == _naive(pred, obs)


def test_the_grid_refuses_unknown_parameters_and_values():
    with pytest.raises(ParameterError, match="w_vibes"):
        agreement_grid("rsct", {"w_vibes": [1]}, ["2008-2019"])
    with pytest.raises(ParameterError, match="align_at"):
        agreement_grid("rsct", {"align_at": [2.0]}, ["2008-2019"])


@pytest.mark.parametrize("when", [*PERIODS, "2003"])
def test_divergence_matches_add_up_to_each_theorys_agreement(when):
    world = load_world(when)
    table, obs = predict_all(world), observed(world)
    div = divergence(table, obs)
    assert len(div) == len(observed_stances(obs))
    assert (div["theories"] == len(THEORIES)).all() and div["distinct"].between(1, 3).all()
    rights = sum(agreement(table, obs)["stance_agreement"]) * len(div)
    assert div["matches"].sum() == pytest.approx(rights)
    for row in div.itertuples():
        named = [] if row.right == "none" else row.right.split("; ")
        assert len(named) == row.matches


def test_divergence_records_carry_the_k_of_n_label(world, table):
    obs = observed(world)
    rows = divergence_records({t: table[table["theory"] == t] for t in THEORIES}, obs)
    assert all(r["label"] == f"{r['matches']}/{r['theories']}" for r in rows)
    pd.testing.assert_frame_equal(pd.DataFrame(rows).drop(columns="label"), divergence(table, obs))


def test_mismatches_are_exactly_the_wrong_stances(world):
    pred, obs = predict("constructivism", world), observed(world)
    seen = observed_stances(obs)
    wrong = mismatches(pred, seen)
    right, pairs = stance_agreement(pred, seen)
    assert len(wrong) == pairs - right
    assert all(r["stance"] != r["observed"] == seen[(r["state"], r["partner"])] for r in wrong)


def test_stance_counts_are_compares_stance_agreement_for_every_theory_and_period():
    """The widgets' one-line summary counts what compare counts: the same states, pairs and shares."""
    for when in PERIODS:
        world = load_world(when)
        seen = observed(world)
        for theory in THEORIES:
            prediction = predict(theory, world)
            table = compare(prediction, seen)
            counts = stance_counts(prediction, seen)
            assert list(counts) == table["state"].tolist(), (theory, when)
            for row in table.itertuples():
                right, pairs = counts[row.state]
                assert pairs == row.pairs and right / pairs == row.stance_agreement, (theory, when)
