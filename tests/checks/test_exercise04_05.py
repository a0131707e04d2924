"""Exercises 04 and 05: the new questions accept every reasonable form of the right answer and give
a specific hint for a near miss; nothing in their check modules computes an answer."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from alliances.checks import CHECKS, Hint, exercise04, exercise05
from grading.references import reference_answer


@pytest.mark.parametrize("weight", [0.7, 0.75, 0.8, np.float64(0.75)])
def test_04_3_accepts_a_religion_weight_from_the_formula_or_a_sweep(weight):
    CHECKS["04.3"]({**reference_answer("04.3"), "religion_weight": weight})


@pytest.mark.parametrize("weight, message", [(0.5, "not right"), (1.0, "not right"), (75, "from 0 upwards"),
                                             ("0.75", "number")])
def test_04_3_rejects_a_wrong_religion_weight_with_a_hint(weight, message):
    with pytest.raises(Hint, match=message):
        CHECKS["04.3"]({**reference_answer("04.3"), "religion_weight": weight})


def test_04_1_accepts_any_list_form_and_an_empty_list_for_a_state_it_gets_right():
    answer = reference_answer("04.1")
    assert answer["ARM"] == [], "Armenia: the history-only reading gets every partner right"
    CHECKS["04.1"]({"ARM": (), "AZE": np.array(answer["AZE"]), "GEO": pd.Series(answer["GEO"]).str.lower()})


def test_04_1_names_the_state_whose_list_is_wrong():
    answer = reference_answer("04.1")
    with pytest.raises(Hint, match="'ARM'"):
        CHECKS["04.1"]({**answer, "ARM": ["AZE"]})
    with pytest.raises(Hint, match="lacks the key 'GEO'"):
        CHECKS["04.1"]({"ARM": [], "AZE": answer["AZE"]})


def test_05_3_accepts_keys_and_verdicts_in_any_case():
    answer = reference_answer("05.3")
    CHECKS["05.3"]({f" {partner.lower()}": verdict.upper() for partner, verdict in answer.items()})


def test_05_3_hints_at_a_missing_partner_and_at_a_wrong_verdict():
    answer = reference_answer("05.3")
    first = next(iter(answer))
    with pytest.raises(Hint, match="1 item.s. are missing"):
        CHECKS["05.3"]({p: v for p, v in answer.items() if p != first})
    wrong = "neither" if answer[first] != "neither" else "rsct"
    with pytest.raises(Hint, match=f"your verdict for '{first}'"):
        CHECKS["05.3"]({**answer, first: wrong})


def test_05_1_accepts_en_dashes_and_a_pandas_array():
    periods = [p.replace("-", "\u2013") for p in reference_answer("05.1")]
    CHECKS["05.1"](pd.array(periods))


@pytest.mark.parametrize("module", [exercise04, exercise05])
def test_no_reference_answer_is_left_in_the_check_module(module):
    for name in ("EXAMPLE_REGION", "levels_pulling", "stances_without_backing", "verdict", "recoded_stances",
                 "history_only_balanced", "identity_with_regime_marker", "regime_similarity"):
        assert not hasattr(module, name), name
