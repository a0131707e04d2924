"""Hostile and confused calls to the public API: every one is answered clearly or accepted soundly.

Each property draws calls from a "value zoo" (None, text, containers, numpy and pandas
objects, bools, Decimal, Fraction, NaN, ±inf, 10**400, 10**5000 …) mixed with valid values,
and runs them through :func:`tests.robustness.outcomes.run_case`: a refusal must be a
documented error naming the parameter or field; an acceptance must give a sound result
(scores finite and in [-1, 1], known stances, a changed world that still predicts).
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alliances as A
from alliances import karabakh, secession
from alliances.coding_shapes import SHAPES
from alliances.theories import STANCES, parameter_specs
from tests.robustness.outcomes import run_case

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORLD = A.load_world("2008-2019")


class Hostile:
    """An object whose every comparison, conversion and repr raises."""

    def __eq__(self, other):
        raise RuntimeError("boom: eq")

    __hash__ = object.__hash__

    def __float__(self):
        raise RuntimeError("boom: float")


ZOO = [None, "", "0.5", "  ", "²", "2016" * 2000, [], (), {}, set(), b"x", object(), lambda: 0,
       dt.date(2016, 1, 1), pd.NA, pd.NaT, 1j, np.array(0.5), np.array([0.5]), np.array([0.5, 0.5]),
       np.array(["rsct"]), pd.Series([0.5]), pd.DataFrame(), np.float32(0.5), np.float64(0.5), np.int64(1),
       np.uint8(1), np.bool_(True), True, False, Decimal("0.5"), Decimal("NaN"), Fraction(1, 2),
       math.inf, -math.inf, math.nan, 10**400, -10**400, 10**5000, 1e308, -1e308, 5e-324, -0.0, 0, 1, 0.5, 2]
values = st.one_of(st.sampled_from(ZOO), st.floats(), st.integers(-10**500, 10**500), st.text(max_size=12))


def sound_prediction(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == ["state", "partner", "score", "stance", "reason"]
    assert frame["score"].map(lambda s: math.isfinite(s) and -1 <= s <= 1).all(), frame
    assert frame["stance"].isin(STANCES).all()
    assert not frame["reason"].str.contains(r"\bnan\b|\binf\b", regex=True).any()


PARAMS = sorted({p.name for t in A.THEORIES for p in parameter_specs(t)})


@SETTINGS
@given(theory=st.one_of(st.sampled_from(A.THEORIES), st.sampled_from(ZOO), st.text(max_size=8)),
       name=st.one_of(st.sampled_from(PARAMS), st.text(min_size=1, max_size=8)), value=values)
def test_predict_answers_every_call(theory, name, value):
    names = ["theory", "parameter", name]
    run_case("predict", lambda: A.predict(theory, WORLD, **{name: value}), names, sound_prediction)


@SETTINGS
@given(theory=st.one_of(st.sampled_from(A.THEORIES), st.sampled_from(ZOO)),
       state=st.one_of(st.sampled_from(A.CHOOSERS + A.POWERS), st.sampled_from(["arm", " GEO", "USA", "", None, 1])),
       partner=st.one_of(st.sampled_from(A.CHOOSERS + A.POWERS), st.sampled_from(["rus", "EU", "", None, 2.0])))
def test_explain_answers_every_call(theory, state, partner):
    def sound(frame: pd.DataFrame) -> None:
        assert frame["input"].iloc[-1] == "score" and math.isfinite(frame["contribution"].iloc[-1])
    run_case("explain", lambda: A.explain(theory, WORLD, state, partner), ["theory", "prediction for"], sound)


def test_explain_refuses_an_array_as_the_state():
    run_case("explain (array state)", lambda: A.explain("rsct", WORLD, np.array(["GEO", "ARM"]), "RUS"),
             ["prediction for", "state"])


@SETTINGS
@given(theory=st.one_of(st.sampled_from(A.THEORIES), st.sampled_from(ZOO), st.text(max_size=8)))
def test_parameters_answers_every_call(theory):
    run_case("parameters", lambda: A.parameters(theory), ["theory"], lambda f: None if len(f) else pytest.fail("empty"))


@SETTINGS
@given(when=st.one_of(st.sampled_from([*A.PERIODS, 1992, 2024, np.int64(2016), np.int32(2000), " 2008 "]),
                      st.sampled_from(ZOO), st.integers(-10**5, 10**5), st.text(max_size=10)),
       data_dir=st.sampled_from([None, None, None, 0, 5, b"data", object(), 1.5]))
def test_load_world_answers_every_call(when, data_dir):
    run_case("load_world", lambda: A.load_world(when, data_dir=data_dir), ["period or year", "data_dir"],
             lambda w: A.predict("rsct", w))


def _domain(spec) -> st.SearchStrategy:
    """Valid values of one parameter spec, boundaries included, in the types a student might use."""
    if spec.kind == "float":
        return st.one_of(st.floats(spec.low, spec.high), st.sampled_from([spec.low, spec.high, np.float64(spec.low)]))
    if spec.kind == "bool":
        return st.sampled_from([True, False, np.bool_(True)])
    return st.sampled_from(spec.choices)


@st.composite
def valid_call(draw):
    theory = draw(st.sampled_from(A.THEORIES))
    specs = [p for p in parameter_specs(theory) if p.name not in ("align_at", "balance_at")]
    chosen = draw(st.lists(st.sampled_from(specs), max_size=3, unique_by=lambda p: p.name))
    return theory, {p.name: draw(_domain(p)) for p in chosen}


@SETTINGS
@given(call=valid_call(), when=st.sampled_from([*A.PERIODS, 1992, 2016, 2024]))
def test_every_valid_prediction_is_accepted_and_sound(call, when):
    theory, params = call
    run_case("predict (valid domain)", lambda: A.predict(theory, A.load_world(when), **params), [],
             sound_prediction, must_accept=True)


PAIRS = [(s, p) for s in A.CHOOSERS for p in WORLD.partners(s)]


@SETTINGS
@given(memory=st.dictionaries(st.sampled_from(PAIRS), st.floats(-2, 2), max_size=3),
       kinship=st.dictionaries(st.sampled_from(PAIRS), st.sampled_from([0, 1]), max_size=2),
       cinc=st.dictionaries(st.sampled_from(A.CHOOSERS + A.POWERS), st.floats(0, 1), max_size=2),
       polyarchy=st.dictionaries(st.sampled_from(A.CHOOSERS + A.POWERS), st.floats(0, 1), max_size=2))
def test_every_valid_change_is_accepted_and_predicts_soundly(memory, kinship, cinc, polyarchy):
    def sound(world: A.World) -> None:
        assert all(world.memory[k] == v for k, v in memory.items())
        for theory in A.THEORIES:
            sound_prediction(A.predict(theory, world))
    change = {"memory": memory, "kinship": kinship, "capability": {"cinc": cinc},
              "regime": {a: {"polyarchy": v} for a, v in polyarchy.items()}}
    run_case("World.replace (valid domain)", lambda: WORLD.replace(**change), [], sound, must_accept=True)


def test_a_numpy_year_from_a_table_is_accepted():
    year = A.load_table("milex_sipri")["year"].iloc[0]
    assert A.load_world(year).when == str(int(year))


KEYS = st.one_of(st.sampled_from([("GEO", "TUR"), ("ARM", "RUS"), ("GEO", "GEO"), ("RUS", "TUR"), ("GEO", "USA"),
                                  ("ARM", "EU"), ("AZE", "WEST"), "ARM", "RUS", "USA", "WEST", "cinc", "gdp",
                                  "polyarchy", "polity2", "religion_family", "language_branch", ("GEO",), 3]),
                 st.text(max_size=6))
#: The zoo without 10**5000, whose repr (which hypothesis takes of a recursive strategy) Python refuses.
SMALL = st.one_of(st.sampled_from([v for v in ZOO if not (isinstance(v, int) and abs(v) > 10**1000)]),
                  st.floats(), st.integers(-10**400, 10**400), st.text(max_size=12))
CHANGES = st.recursive(SMALL, lambda inner: st.one_of(st.dictionaries(KEYS, inner, max_size=2),
                                                         st.lists(inner, max_size=2)), max_leaves=4)
FIELDS = st.one_of(st.sampled_from([*SHAPES, "acts", "memories", "observed"]), st.text(min_size=1, max_size=8))


@SETTINGS
@given(field=FIELDS, change=CHANGES)
def test_world_replace_answers_every_call(field, change):
    def sound(world: A.World) -> None:
        for theory in A.THEORIES:
            sound_prediction(A.predict(theory, world))
    run_case("World.replace", lambda: WORLD.replace(**{field: change}), [field, "cannot replace"], sound)


@SETTINGS
@given(name=st.sampled_from([p.name for p in karabakh.PARAMETERS] + ["w_power", "step"]), value=values,
       data_dir=st.sampled_from([None, None, None, 0, 5]))
def test_karabakh_stability_answers_every_call(name, value, data_dir):
    def sound(frame: pd.DataFrame) -> None:
        assert frame["index"].dropna().between(0, 1).all() and len(frame) == len(karabakh.YEARS)
    run_case("karabakh.stability", lambda: karabakh.stability(data_dir, **{name: value}),
             [name, "data_dir", "w_offence_defence"], sound)


@settings(max_examples=40, deadline=None)
@given(step=st.one_of(st.sampled_from([0.01, 0.05, 0.1, 0.25, 0.5, 0.3, 0, 1, True]), st.sampled_from(ZOO)),
       weight=st.sampled_from([{}, {"w_inertia": 2}, {"w_regional": 0.5}, {"threshold": 0.6}]))
def test_karabakh_sensitivity_answers_every_call(step, weight):
    run_case("karabakh.sensitivity", lambda: karabakh.sensitivity(step=step, **weight),
             ["step", "w_inertia", "w_regional", "threshold"], lambda f: None)


CASES = secession.cases()
TABLES = st.sampled_from([None, CASES, CASES.iloc[:0], CASES.iloc[:1], CASES.drop(columns="outcome_ordinal"),
                          CASES.assign(outcome_ordinal=7), CASES.assign(outcome_ordinal=np.nan),
                          CASES.assign(location="far"), CASES.assign(territory=5.0), CASES.assign(federal=np.inf),
                          "cases", 3, [1, 2], CASES.to_dict()])


@SETTINGS
@given(table=TABLES, name=st.sampled_from([p.name for p in secession.PARAMETERS] + ["w_power"]), value=values)
def test_secession_explained_answers_every_call(table, name, value):
    def sound(frame: pd.DataFrame) -> None:
        assert frame["score"].dropna().between(0, 1).all()
    run_case("secession.explained", lambda: secession.explained(table=table, **{name: value}),
             ["table", name, "at least one of", "partial_at"], sound)


@settings(max_examples=30, deadline=None)
@given(table=TABLES, fit=st.sampled_from([False, True, "no", 0, None, np.bool_(True)]),
       step=st.sampled_from([0.1, 0.25, 0.05, 0.01, True, "0.1", math.nan]))
def test_secession_fitting_answers_every_call(table, fit, step):
    run_case("secession.leave_one_out",
             lambda: secession.leave_one_out(table=table, step=step, fit_thresholds=fit),
             ["table", "fit_thresholds", "step"], lambda r: None)
