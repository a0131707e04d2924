"""Exercise 07's new building block, secession.add_case, and the checks of 07.5 (a new case) and
07.6 (a recoding re-tested): right answers for any case and recoding pass, wrong ones get a hint."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from alliances import secession
from alliances.checks import CHECKS, Hint
from alliances.checks.exercise07 import ITEMS, RETEST
from alliances.data import load_table
from alliances.errors import ParameterError
from grading.exercise07 import EXAMPLE_CASE, new_case_answer, retest_answer

CASE = {**EXAMPLE_CASE, "case_id": "test-case", "region": "Test region", "geography": "peripheral",
        "border_with_patron": True, "territory_share_pct": 10.0, "prior_statehood": False,
        "share_of_parent_population_pct": 5.0, "unsc_territorial_integrity": False}


def test_add_case_scores_a_row_as_cases_does():
    """A case of the data file, added again under a new id from its own codings, gets the same items."""
    raw = load_table("secession_cases").set_index("case_id").loc["abkhazia"]
    codings = {name: (None if pd.isna(raw[name]) else raw[name]) for name in secession.CODINGS}
    table = secession.cases()
    added = secession.add_case(table[table["case_id"] != "abkhazia"], case_id="abkhazia", region="Abkhazia",
                               outcome=raw["outcome"], parent_state="Georgia", **codings)
    mine, theirs = added.iloc[-1], table.set_index("case_id").loc["abkhazia"]
    for item in (*ITEMS, "outcome_ordinal"):
        assert (math.isnan(mine[item]) and math.isnan(theirs[item])) or mine[item] == theirs[item], item


def test_add_case_leaves_unknowns_empty_and_the_fit_runs():
    table = secession.add_case(case_id="x", region="X", outcome="de_facto", parent_structure="federal")
    row = table.iloc[-1]
    assert len(table) == len(secession.cases()) + 1 and row["federal"] == 1.0 and row["outcome_ordinal"] == 1
    assert all(np.isnan(row[i]) for i in ITEMS if i != "federal")
    assert secession.explained(table=table).iloc[-1]["predicted"] in secession.CLASSES
    assert 0 <= secession.leave_one_out(table=table).loo <= 1


@pytest.mark.parametrize("bad", [{"case_id": "abkhazia"}, {"outcome": "won"}, {"geography": "island"},
                                 {"territory_share_pct": 140}, {"prior_statehood": "yes"}, {"patron": "RUS"},
                                 {"region": ""}, {"territory_share_pct": True}])
def test_add_case_refuses_what_the_data_file_would_not_hold(bad):
    with pytest.raises(ParameterError):
        secession.add_case(**{"case_id": "x", "region": "X", "outcome": "autonomy", **bad})


def test_the_reference_examples_are_accepted():
    CHECKS["07.5"](new_case_answer())
    CHECKS["07.6"](retest_answer())


def test_a_new_case_of_the_students_own_is_checked_against_the_model():
    row = secession.explained(table=secession.add_case(**CASE)).iloc[-1]
    CHECKS["07.5"]({"case": CASE, "score": round(float(row["score"]), 2), "predicted": row["predicted"]})
    other = next(c for c in secession.CLASSES if c != row["predicted"])
    with pytest.raises(Hint, match="'predicted'"):
        CHECKS["07.5"]({"case": CASE, "score": float(row["score"]), "predicted": other})
    with pytest.raises(Hint, match="'score'"):
        CHECKS["07.5"]({"case": CASE, "score": (float(row["score"]) + 0.3) % 1, "predicted": row["predicted"]})


@pytest.mark.parametrize("change, match", [
    ({"region": "Abkhazia"}, "already one of the sixteen"),
    ({k: None for k in secession.CODINGS}, "at least one"),
    ({"geography": "island"}, "'geography'"),
    ({"territory_share_pct": 250}, "'territory_share_pct'"),
])
def test_a_new_case_that_is_not_new_or_not_coded_gets_a_hint(change, match):
    with pytest.raises(Hint, match=match):
        CHECKS["07.5"]({"case": {**CASE, **change}, "score": 0.5, "predicted": "partial"})


def test_a_recoding_is_re_tested_on_the_students_table():
    table = secession.add_case(**CASE)
    table.loc[table["case_id"] == "kosovo", "statehood"] = 1.0
    result = secession.leave_one_out(table=table, **RETEST)
    answer = {"case": CASE, "case_id": "kosovo", "item": "statehood", "value": 1, "in_sample": result.in_sample,
              "loo": result.loo}
    CHECKS["07.6"](answer)
    with pytest.raises(Hint, match="already 0"):
        CHECKS["07.6"]({**answer, "value": 0})
    with pytest.raises(Hint, match="not one of the sixteen"):
        CHECKS["07.6"]({**answer, "case_id": "test-case"})
    with pytest.raises(Hint, match="'loo'"):
        CHECKS["07.6"]({**answer, "loo": (result.loo + 0.25) % 1})
