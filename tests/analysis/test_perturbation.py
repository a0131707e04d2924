"""alliances.analysis.perturbation: seeded redraws of the coded judgements."""

import numpy as np
import pytest

from alliances import PERIODS, load_world
from alliances.analysis.agreement import agreement_of, compare, observed_stances
from alliances.analysis.observed import observed
from alliances.analysis.perturbation import (
    perturbation_study,
    perturbation_summary,
    perturbed_observed,
    perturbed_world,
)
from alliances.analysis.robustness import read_prediction
from alliances.codings import DERIVED
from alliances.errors import ParameterError
from alliances.theories import THEORIES, predict


@pytest.fixture(scope="module")
def world():
    return load_world("2008-2019")


def test_the_study_is_seeded_and_reproducible():
    a = perturbation_study(draws=4, seed=3, theories=["rsct", "omnibalancing"])
    assert a.equals(perturbation_study(draws=4, seed=3, theories=["rsct", "omnibalancing"]))
    assert not a.equals(perturbation_study(draws=4, seed=4, theories=["rsct", "omnibalancing"]))
    assert list(a.columns) == ["draw", "theory", "stance_agreement", "rank_correlation", "mean_abs_difference", "rank"]


def test_no_perturbation_gives_the_unperturbed_agreement(world):
    study = perturbation_study(draws=3, seed=0, p_cell=0.0, p_drop=0.0, theories=["balance_of_threat"])
    expected = compare(predict("balance_of_threat", world), observed(world)).set_index("state").loc["all"]
    assert (study["stance_agreement"] == expected["stance_agreement"]).all()


@pytest.mark.parametrize("when", PERIODS)
def test_the_fast_overall_row_is_compares_overall_row(when):
    world = load_world(when)
    rng = np.random.default_rng(5)
    for seen in (observed(world), perturbed_observed(observed(world), rng, p_cell=0.5)):
        for theory in THEORIES:
            redrawn = perturbed_world(world, rng)
            r = read_prediction(theory, redrawn)
            scores = dict(zip(zip(seen["state"], seen["partner"]), seen["score"]))
            fast = agreement_of(r.pairs, r.stances, r.scores, observed_stances(seen), scores)
            full = compare(predict(theory, redrawn), seen).set_index("state").loc["all"]
            for column, value in fast.items():
                assert value == pytest.approx(full[column], nan_ok=True), (when, theory, column)


def test_every_memory_cell_moves_one_notch_within_the_scale(world):
    moved = perturbed_world(world, np.random.default_rng(0), p_cell=1.0, p_drop=0.0)
    for key, value in world.memory.items():
        if any(code in DERIVED for code in key) or key[1] == "WEST":
            continue
        assert -2 <= moved.memory[key] <= 2
        assert abs(moved.memory[key] - value) == 1 or abs(value) == 2 and moved.memory[key] == value
    assert moved.acts == world.acts


def test_every_act_can_be_dropped_and_kinship_flipped(world):
    bare = perturbed_world(world, np.random.default_rng(0), p_cell=0.0, p_drop=1.0)
    assert bare.acts == () and bare.kinship == world.kinship
    flipped = perturbed_world(world, np.random.default_rng(0), p_cell=1.0, p_drop=0.0)
    changed = [k for k in world.kinship if not any(c in DERIVED for c in k) and k[1] != "WEST"]
    assert all(flipped.kinship[k] == 1 - world.kinship[k] for k in changed)


def test_perturbed_observed_moves_coded_scores_half_a_point_and_restances(world):
    obs = observed(world)
    moved = perturbed_observed(obs, np.random.default_rng(1), p_cell=1.0)
    coded = obs["score"].notna()
    diff = (moved["score"] - obs["score"])[coded].abs()
    assert ((diff == 0.5) | (moved["score"][coded].abs() == 1.0)).all()  # or clipped at the scale's end
    assert moved["score"][coded].between(-1, 1).all()
    same = perturbed_observed(obs, np.random.default_rng(1), p_cell=0.0)
    assert same["stance"].equals(obs["stance"]) and same["score"].equals(obs["score"])


def test_summary_spreads_and_shares():
    study = perturbation_study(draws=20, seed=2)
    summary = perturbation_summary(study)
    assert (summary["low"] <= summary["mean"]).all() and (summary["mean"] <= summary["high"]).all()
    assert summary["share_first"].sum() >= 1.0 - 1e-9  # ties can share first place
    with pytest.raises(ValueError, match="perturbation_study"):
        perturbation_summary(study.drop(columns="rank"))


@pytest.mark.parametrize("bad", [-0.1, 1.5, "half", True])
def test_bad_probabilities_are_refused(world, bad):
    with pytest.raises(ParameterError, match="probability"):
        perturbed_world(world, np.random.default_rng(0), p_cell=bad)


def test_bad_draws_and_theories_are_refused():
    with pytest.raises(ParameterError, match="draws"):
        perturbation_study(draws=0)
    with pytest.raises(ParameterError):
        perturbation_study(draws=1, theories=["realism"])
