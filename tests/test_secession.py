"""The structural secession model (alliances.secession): scores, unknowns, fitting, leave-one-out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import secession as s
from alliances.params import ChoiceParam
from alliances.schemas import SCHEMAS

weights = st.floats(0, 1)


@settings(max_examples=60, deadline=None)
@given(w=st.tuples(weights, weights, weights, weights).filter(lambda w: sum(w) > 0),
       unknowns=st.sampled_from(["neutral", "drop", "pessimistic"]),
       cuts=st.tuples(st.floats(0, 1), st.floats(0, 1)).map(sorted))
def test_scores_in_range_for_any_valid_parameters(w, unknowns, cuts):
    r = s.explained(**dict(zip(s.WEIGHTS, w)), unknowns=unknowns, partial_at=cuts[0], success_at=cuts[1])
    for col in (*s.FACTORS, "score"):
        vals = r[col].dropna()
        assert ((vals >= 0) & (vals <= 1)).all(), col
    if unknowns != "drop":
        assert r["score"].notna().all()
    assert 0 <= s.agreement(r) <= 1


def _alternatives(p):
    if isinstance(p, ChoiceParam):
        return [c for c in p.choices if c != p.default]
    return [v for v in (p.low, p.high, 0.05, 0.95) if v != p.default]


@pytest.mark.parametrize("param", s.PARAMETERS, ids=lambda p: p.name)
def test_every_control_changes_the_output(param):
    base = s.explained()[["score", "predicted"]]
    changed = False
    for v in _alternatives(param):
        extra = {}
        if param.name == "partial_at" and v > 0.65:
            extra = {"success_at": 1.0}
        if param.name == "success_at" and v < 0.35:
            extra = {"partial_at": 0.0}
        changed |= not s.explained(**{param.name: v}, **extra)[["score", "predicted"]].equals(base)
    assert changed, f"{param.name} never changes a score or a prediction"


def test_karabakh_worked_example_from_its_row():
    # enclave 0, no border with Armenia 0, 5.0 % of territory / 25 % = 0.2; no prior statehood 0;
    # 2.7 % of population at secession (1989 census) / 25 % = 0.108; unitary 0, UNSC resolutions 0.
    r = s.explained().set_index("case_id").loc["nagorno-karabakh"]
    assert r["geography"] == pytest.approx(0.2 / 3)
    assert (r["history"], r["legal"]) == (0.0, 0.0)
    assert r["ethnic"] == pytest.approx(0.108)
    assert r["score"] == pytest.approx((0.2 / 3 + 0.108) / 4)
    assert r["observed"] == r["predicted"] == "failure" and r["explained"]


def _allowed_outcomes() -> list[str]:
    (check,) = SCHEMAS["secession_cases"].pandera.columns["outcome"].checks
    return list(check.statistics["allowed_values"])


def test_every_outcome_the_data_allow_has_a_class_and_a_label():
    assert set(s.OUTCOME_ORDINAL) == set(s.OUTCOME_LABELS) == set(_allowed_outcomes())
    assert {s.CLASSES[o] for o in s.OUTCOME_ORDINAL.values()} == set(s.CLASSES)


def test_outcome_labels_run_from_most_to_least_successful():
    """OUTCOME_LABELS' order (tables, charts) never puts a less successful outcome first."""
    ordinals = [s.OUTCOME_ORDINAL[o] for o in s.OUTCOME_LABELS]
    assert ordinals == sorted(ordinals, reverse=True)



def test_unknowns_as_documented():
    # Abkhazia: parent_structure empty, UNSC resolution present (item 0)
    legal = {u: s.explained(unknowns=u).set_index("case_id").loc["abkhazia", "legal"]
             for u in ("neutral", "drop", "pessimistic")}
    assert legal == {"neutral": 0.25, "drop": 0.0, "pessimistic": 0.0}
    # Chechnya: prior_statehood empty
    hist = {u: s.explained(unknowns=u).set_index("case_id").loc["chechnya", "history"]
            for u in ("neutral", "drop", "pessimistic")}
    assert hist["neutral"] == 0.5 and np.isnan(hist["drop"]) and hist["pessimistic"] == 0.0
    # drop: weight only on ethnic -> only cases with a population share get a score
    r = s.explained(unknowns="drop", w_geography=0, w_history=0, w_legal=0, w_ethnic=1)
    assert set(r.loc[r["score"].notna(), "case_id"]) == {"nagorno-karabakh", "abkhazia"}
    assert r.loc[r["score"].isna(), "predicted"].isna().all()
    assert not r.loc[r["score"].isna(), "explained"].any()
    # drop renormalises: Chechnya = (geography + legal) / 2 with equal weights
    c = s.explained(unknowns="drop").set_index("case_id").loc["chechnya"]
    assert c["score"] == pytest.approx((c["geography"] + c["legal"]) / 2)


def test_fit_weights_is_at_least_as_good_as_defaults():
    fit = s.fit_weights()
    assert abs(sum(fit[w] for w in s.WEIGHTS) - 1) < 1e-9
    assert fit["agreement"] >= s.agreement(s.explained())


def test_fit_weights_is_deterministic():
    assert s.fit_weights() == s.fit_weights()


@pytest.mark.parametrize("fit_thresholds", [False, True])
def test_leave_one_out_never_uses_the_held_out_case(fit_thresholds):
    table = s.cases()
    base = s.leave_one_out(table=table, fit_thresholds=fit_thresholds).table
    cols = [*s.WEIGHTS, "partial_at", "success_at", "score", "predicted"]
    for i in (range(len(table)) if not fit_thresholds else (0, 8)):
        t2 = table.copy()
        t2.loc[t2.index[i], "outcome_ordinal"] = (t2["outcome_ordinal"].iloc[i] + 1) % 3
        row = s.leave_one_out(table=t2, fit_thresholds=fit_thresholds).table.iloc[i]
        assert row[cols].equals(base.iloc[i][cols]), table["case_id"].iloc[i]


@pytest.mark.parametrize("fit_thresholds", [False, True])
def test_a_held_out_fit_equals_a_fit_on_the_other_cases_alone(fit_thresholds):
    table, i = s.cases(), 3
    base = s.leave_one_out(table=table, fit_thresholds=fit_thresholds).table
    others = table.drop(table.index[i]).reset_index(drop=True)
    fit = s.fit_weights(table=others, fit_thresholds=fit_thresholds)
    assert [fit[w] for w in s.WEIGHTS] == list(base.iloc[i][list(s.WEIGHTS)])


def test_in_sample_and_loo_agreement():
    r = s.leave_one_out(fit_thresholds=True)
    assert 0 <= r.loo <= r.in_sample <= 1
    assert r.in_sample == s.fit_weights(fit_thresholds=True)["agreement"]
    assert len(r.table) == len(s.cases())


@pytest.mark.parametrize("bad, words", [
    ({"w_geography": 1.5}, "from 0.0 to 1.0"),
    ({"success_at": 2}, "from 0.0 to 1.0"),
    ({"unknowns": "zero"}, "'neutral', 'drop', 'pessimistic'"),
    ({"partial_at": 0.8, "success_at": 0.6}, "partial_at ≤ success_at"),
    ({"w_geography": 0, "w_history": 0, "w_ethnic": 0, "w_legal": 0}, "above 0"),
    ({"geography": 1}, "no parameter"),
])
def test_bad_parameters_are_refused_clearly(bad, words):
    with pytest.raises(ValueError, match=words):
        s.explained(**bad)


def test_fitting_refuses_a_step_that_does_not_divide_one():
    with pytest.raises(ValueError, match="divides 1"):
        s.fit_weights(step=0.3)


@pytest.mark.parametrize("table, error, words", [
    ("cases", TypeError, "table='cases' is not allowed: give a DataFrame"),
    (s.cases().drop(columns="outcome_ordinal"), ValueError, "lacks column.*outcome_ordinal"),
    (s.cases().assign(outcome_ordinal=7), ValueError, "'outcome_ordinal', row 0: 7 is not allowed"),
    (s.cases().assign(outcome_ordinal=np.nan), ValueError, "'outcome_ordinal', row 0: nan"),
    (s.cases().assign(location="far"), ValueError, "'location', row 0: 'far' is not allowed"),
    (s.cases().assign(territory=5.0), ValueError, "number from 0 to 1"),
    (s.cases().iloc[:0], ValueError, "0 case"),
])
def test_a_table_that_is_not_a_case_table_is_refused(table, error, words):
    with pytest.raises(error, match=words):
        s.explained(table=table)


def test_an_edited_case_table_is_used():
    assert (s.explained(table=s.cases().assign(statehood=1.0))["history"] == 1.0).all()
    assert (s.explained(table=s.cases().assign(statehood=0.0))["history"] == 0.0).all()


@pytest.mark.parametrize("fit", ["no", 0, None, "True"])
def test_fit_thresholds_must_be_a_bool(fit):
    with pytest.raises(ValueError, match="fit_thresholds=.* is not allowed: give True or False"):
        s.fit_weights(fit_thresholds=fit)


def test_leave_one_out_needs_two_cases():
    with pytest.raises(ValueError, match="1 case.*at least 2"):
        s.leave_one_out(table=s.cases().iloc[:1])


def test_every_coded_secession_cell_has_one_justification_and_a_source():
    """secession_justifications.csv loads under its schema and covers each coded cell exactly once."""
    from alliances.data import load_table
    from alliances.schemas import SECESSION_CODED_COLUMNS

    cases = load_table("secession_cases")
    just = load_table("secession_justifications")
    assert set(zip(just["case_id"], just["column"])) == {
        (c, col) for c in cases["case_id"] for col in SECESSION_CODED_COLUMNS}
    assert len(just) == len(cases) * len(SECESSION_CODED_COLUMNS)
    assert just["justification"].str.len().gt(0).all() and just["source"].str.len().gt(0).all()
    written = {(r.case_id, r.column): r.value for r in just.itertuples()}
    for r in cases.itertuples():
        for col in SECESSION_CODED_COLUMNS:
            v, w = getattr(r, col), written[(r.case_id, col)]
            assert pd.isna(v) == pd.isna(w), (r.case_id, col)
            if not pd.isna(v):
                assert str(w).lower() == (f"{v:g}" if isinstance(v, float) else str(v).lower()), (r.case_id, col)


def test_review_recodings_of_secession_cells():
    c = s.cases().set_index("case_id")
    assert np.isnan(c.loc["chechnya", "patron_border"])      # no patron: n/a, not a border
    assert c.loc["crimea", "statehood"] == 0.0                # Babayev's criterion: not the Khanate
    assert c.loc["katanga", "no_unsc"] == 0.0                 # UNSC resolution 169 (1961)
    assert c.loc["somaliland", "federal"] == 0.0              # unitary Somalia in 1991
