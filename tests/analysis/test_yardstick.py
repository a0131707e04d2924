"""One yardstick: compare's several metrics, the confusion matrix and the named observed cut-offs."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import load_world
from alliances.analysis.agreement import (
    compare,
    confusion,
    count_right,
    mean_abs_difference,
    observed_stances,
    pearson,
    spearman,
)
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


# -- compare reads plain lists; pandas is the reference ------------------------------------------

scores = st.lists(st.sampled_from([-1.0, -0.5, -0.2, 0.0, 0.1, 0.2, 0.5, 0.75, 1.0]) | st.floats(-1, 1),
                  min_size=0, max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_pearson_and_spearman_equal_pandas_corr(data):
    """On any scores (ties, constants, two or fewer pairs included) the list-based correlations equal
    pandas' ``corr``, and both are NaN exactly when the lists are too short or one is constant."""
    xs = data.draw(scores)
    ys = data.draw(st.lists(st.floats(-1, 1), min_size=len(xs), max_size=len(xs)))
    frame = pd.DataFrame({"x": xs, "y": ys}, dtype=float)
    flat = len(xs) <= 2 or len(set(xs)) == 1 or len(set(ys)) == 1
    ranks = frame.rank()  # Spearman's rho is Pearson's r of the average ranks
    for ours, theirs in ((pearson(xs, ys), frame), (spearman(xs, ys), ranks)):
        reference = math.nan if flat else theirs["x"].corr(theirs["y"])
        assert math.isnan(ours) if math.isnan(reference) else ours == pytest.approx(reference, abs=1e-9)
    assert (math.isnan(mean_abs_difference(xs, ys)) if not xs
            else mean_abs_difference(xs, ys) == pytest.approx((frame["x"] - frame["y"]).abs().mean()))


def _compare_with_pandas(prediction: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """compare's metrics computed the pandas way (merge, masks, Series.corr): the reference."""
    merged = prediction.merge(obs, on=["state", "partner"], suffixes=("_pred", "_obs"))
    merged = merged[merged["score_obs"].notna() & merged["score_pred"].notna() & (merged["stance_obs"] != "unknown")]
    rows = []
    for state in [*dict.fromkeys(merged["state"]), "all"]:
        g = merged if state == "all" else merged[merged["state"] == state]
        a, b = g["score_pred"], g["score_obs"]
        flat = len(g) <= 2 or a.nunique() == 1 or b.nunique() == 1
        rows.append({"state": state, "pairs": len(g),
                     "stance_agreement": (g["stance_pred"] == g["stance_obs"]).mean(),
                     "agreement_shared_cutoffs": (g["stance_pred"] == stances(b, SHARED_ALIGN_AT, SHARED_BALANCE_AT)).mean(),
                     "hedge_baseline": (g["stance_obs"] == "hedge").mean(),
                     "score_correlation": math.nan if flat else a.corr(b),
                     "rank_correlation": math.nan if flat else a.rank().corr(b.rank()),
                     "mean_abs_difference": (a - b).abs().mean()})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("when", ["1992-1999", "2008-2019", "2023-2025", 1995, 2021])
def test_compare_equals_the_pandas_reading(when):
    """Every metric of compare, for every theory, equals the same metrics computed with pandas merges."""
    w = load_world(when)
    obs = observed(w)
    for theory in THEORIES:
        pd.testing.assert_frame_equal(compare(predict(theory, w), obs),
                                      _compare_with_pandas(predict(theory, w), obs), check_exact=False, atol=1e-12)
