"""One yardstick: compare's several metrics, the confusion matrix and the named observed cut-offs."""

import math

import pandas as pd
import pytest

from alliances import load_world
from alliances.analysis.agreement import compare, confusion, count_right, observed_stances
from alliances.analysis.observed import (
    OBSERVED_ALIGN_AT,
    OBSERVED_BALANCE_AT,
    SHARED_ALIGN_AT,
    SHARED_BALANCE_AT,
    observed,
)
from alliances.errors import ParameterError
from alliances.theories import THEORIES, predict
from alliances.theories.base import STANCES, THRESHOLDS, stances


@pytest.fixture(scope="module")
def world():
    return load_world("2008-2019")


def test_shared_cutoffs_are_the_theories_defaults():
    assert (SHARED_ALIGN_AT, SHARED_BALANCE_AT) == tuple(p.default for p in THRESHOLDS)
    assert SHARED_ALIGN_AT < OBSERVED_ALIGN_AT and OBSERVED_BALANCE_AT < SHARED_BALANCE_AT


def test_observed_read_at_shared_cutoffs_is_the_stance_rule(world):
    obs = observed(world, SHARED_ALIGN_AT, SHARED_BALANCE_AT)
    coded = obs[obs["score"].notna()]
    assert coded["stance"].tolist() == stances(coded["score"], SHARED_ALIGN_AT, SHARED_BALANCE_AT)


def test_observed_refuses_cutoffs_out_of_range(world):
    with pytest.raises(ParameterError):
        observed(world, align_at=1.5)


@pytest.mark.parametrize("theory", THEORIES)
def test_confusion_diagonal_is_the_kernel_count(world, theory):
    pred, obs = predict(theory, world), observed(world)
    table = confusion(pred, obs)
    assert list(table.index) == list(STANCES) == list(table.columns)
    right, pairs = count_right(zip(pred["state"], pred["partner"]), pred["stance"], pred["score"],
                               observed_stances(obs))
    assert int(table.to_numpy().trace()) == right
    assert int(table.to_numpy().sum()) == pairs
    # Row sums are the observed stance counts, column sums the predicted ones.
    assert table.sum(axis=1).to_dict() == obs["stance"].value_counts().reindex(STANCES, fill_value=0).to_dict()


def test_perfect_prediction_scores_one_everywhere(world):
    obs = observed(world)
    result = compare(obs, obs).set_index("state").loc["all"]
    assert result["stance_agreement"] == 1.0
    assert result["mean_abs_difference"] == 0.0
    assert result["score_correlation"] == pytest.approx(1.0)
    assert result["rank_correlation"] == pytest.approx(1.0)


def test_rank_correlation_ignores_a_monotone_rescaling(world):
    obs = observed(world)
    squashed = obs.assign(score=obs["score"] ** 3)  # monotone, not linear
    result = compare(squashed, obs).set_index("state").loc["all"]
    assert result["rank_correlation"] == pytest.approx(1.0)
    assert result["score_correlation"] < 1.0


def test_hedge_baseline_counts_observed_hedges(world):
    obs = observed(world)
    result = compare(predict("rsct", world), obs).set_index("state")
    coded = obs[obs["score"].notna()]
    assert result.loc["all", "hedge_baseline"] == pytest.approx((coded["stance"] == "hedge").mean())
    for state, group in coded.groupby("state"):
        assert result.loc[state, "hedge_baseline"] == pytest.approx((group["stance"] == "hedge").mean())


def test_shared_cutoff_agreement_relabels_only_the_observed_side(world):
    pred, obs = predict("balance_of_threat", world), observed(world)
    relabelled = observed(world, SHARED_ALIGN_AT, SHARED_BALANCE_AT)
    a = compare(pred, obs).set_index("state").loc["all", "agreement_shared_cutoffs"]
    b = compare(pred, relabelled).set_index("state").loc["all", "stance_agreement"]
    assert a == b


def test_constant_prediction_has_no_correlation(world):
    obs = observed(world)
    flat = obs.assign(score=0.0, stance="hedge")
    result = compare(flat, obs).set_index("state").loc["all"]
    assert math.isnan(result["rank_correlation"]) and math.isnan(result["score_correlation"])
    assert result["stance_agreement"] == result["hedge_baseline"]


def test_confusion_refuses_a_non_frame(world):
    with pytest.raises(TypeError):
        confusion(pd.Series([1.0]), observed(world))  # type: ignore[arg-type]


# -- every ranking twice: with and without alliance-type acts ------------------------------------

def test_without_alliance_acts_drops_exactly_those_kinds(world):
    from alliances.analysis.agreement import ALLIANCE_KINDS, without_alliance_acts

    stripped = without_alliance_acts(world)
    assert not any(a.kind in ALLIANCE_KINDS for a in stripped.acts)
    assert [a for a in world.acts if a.kind not in ALLIANCE_KINDS] == list(stripped.acts)
    assert any(a.kind in ALLIANCE_KINDS for a in world.acts)


def test_agreement_without_alliance_acts_reports_both_rankings():
    from alliances.analysis.agreement import METRICS, agreement, agreement_without_alliance_acts, without_alliance_acts
    from alliances.analysis.comparison import predict_all

    table = agreement_without_alliance_acts(["2008-2019"], theories=["balance_of_power", "rsct"])
    assert set(table["inputs"]) == {"all acts", "no alliance acts"}
    assert list(table.columns) == ["when", "inputs", "theory", "rank", *METRICS]
    world = load_world("2008-2019")
    stripped = agreement(predict_all(without_alliance_acts(world), None, ["rsct"]), observed(world))
    got = table[(table["inputs"] == "no alliance acts") & (table["theory"] == "rsct")].iloc[0]
    assert got["stance_agreement"] == stripped.iloc[0]["stance_agreement"]
    for _, group in table.groupby("inputs"):
        best = group["stance_agreement"].max()
        assert (group.loc[group["rank"] == 1, "stance_agreement"] == best).all()
    # Balance of power reads no acts at all: removing them changes nothing.
    bop = table[table["theory"] == "balance_of_power"].set_index("inputs")["stance_agreement"]
    assert bop["all acts"] == bop["no alliance acts"]
