"""alliances.analysis.validation: theories against UNGA ideal points and ATOP defence pacts."""

import math

import pandas as pd
import pytest

from alliances.analysis.validation import atop_validation, auc, unga_table, unga_validation, yearly_scores

YEARS = [2008, 2012, 2016, 2019]


def test_auc_of_known_orderings():
    assert auc(pd.Series([1.0, 2.0, 3.0, 4.0]), pd.Series([False, False, True, True])) == 1.0
    assert auc(pd.Series([4.0, 3.0, 2.0, 1.0]), pd.Series([False, False, True, True])) == 0.0
    assert auc(pd.Series([1.0, 1.0, 1.0, 1.0]), pd.Series([False, True, False, True])) == 0.5
    assert math.isnan(auc(pd.Series([1.0, 2.0]), pd.Series([False, False])))


def test_yearly_scores_cover_every_source_and_chooser_year():
    scores = yearly_scores([2010], theories=["rsct"])
    assert set(scores["source"]) == {"rsct", "observed"}
    assert len(scores) == 2 * 18 and set(scores["year"]) == {2010}


def test_unga_correlations_match_a_direct_computation():
    result = unga_validation(YEARS, theories=["rsct"]).set_index("source")
    table = unga_table(yearly_scores(YEARS, ["rsct"]))
    rsct = table[table["source"] == "rsct"]
    assert result.loc["rsct", "n"] == len(rsct) == 3 * len(YEARS)
    assert result.loc["rsct", "r_russia"] == pytest.approx(rsct["s_rus"].corr(-rsct["d_rus"]))
    demeaned = rsct[["s_west", "d_usa"]] - rsct.groupby("state")[["s_west", "d_usa"]].transform("mean")
    assert result.loc["rsct", "within_west"] == pytest.approx(demeaned["s_west"].corr(-demeaned["d_usa"]))
    assert list(result.index) == ["rsct", "observed"]


def test_balance_of_power_towards_the_west_is_constant_so_has_no_correlation():
    result = unga_validation(YEARS, theories=["balance_of_power"]).set_index("source")
    assert math.isnan(result.loc["balance_of_power", "r_west"])


def test_atop_readings_and_the_cis_caveat():
    result = atop_validation([1995, 2005, 2015], theories=["balance_of_threat"])
    assert set(result["reading"]) == {"as coded", "bilateral pacts"}
    coded = result.set_index(["source", "reading"])
    # The bilateral reading keeps a subset of the coded defence obligations.
    assert coded.loc[("observed", "bilateral pacts"), "positives"] < coded.loc[("observed", "as coded"), "positives"]
    assert result["auc"].between(0, 1).all()


def test_atop_refuses_years_outside_its_coverage_silently_by_dropping_them():
    result = atop_validation([2016, 2023], theories=["rsct"]).set_index(["source", "reading"])
    assert result.loc[("rsct", "as coded"), "n"] == 18
