"""alliances.analysis.secession_fit: baselines, per-outcome tables and the over-fitting gap of lesson 07."""

import pytest

from alliances import secession
from alliances.analysis.secession_fit import (
    SETUPS,
    baseline_agreement,
    fit_comparison,
    outcome_table,
    overfitting_table,
)


def test_the_baseline_is_the_share_of_the_commonest_outcome():
    classes = secession.explained()["observed"]
    assert baseline_agreement() == pytest.approx(classes.value_counts(normalize=True).max())


def test_the_outcome_table_accounts_for_every_case():
    result = secession.explained(w_legal=0.9)
    table = outcome_table(result)
    assert table["cases"].sum() == len(result)
    assert table["explained"].sum() == int(result["explained"].sum())
    assert list(table["outcome"]) == [secession.OUTCOME_LABELS[o] for o in secession.OUTCOME_LABELS
                                      if o in set(result["outcome"])]


def test_the_fit_ignores_the_weights_it_is_given():
    assert fit_comparison(w_geography=1.0)["weights"] == fit_comparison()["weights"]


def test_held_out_agreement_never_beats_the_in_sample_fit_here():
    table = overfitting_table()
    assert list(zip(table["weight grid step"], table["cut-points fitted too"])) == list(SETUPS)
    assert (table["in-sample agreement"] >= table["leave-one-out agreement"]).all()
    assert (table["gap"] > 0).any()
