"""Every exercise check answers any bad answer with a hint (AssertionError), never a traceback."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliances import checks
from alliances.checks import CHECKS, Hint, call_student, check, expect_choice, expect_frame, expect_number

QUESTIONS = sorted(CHECKS)
EXAMPLES = max(60, math.ceil(1200 / max(len(QUESTIONS), 1)))


def _raiser(exc):
    def fn(*args, **kwargs):
        raise exc
    return fn


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.sampled_from(["ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "WEST", "align", "hedge", "balance", ""]),
    st.just(float("nan")), st.just(np.float64("nan")), st.just(np.int64(3)), st.just(b"bytes"),
)
frames = st.one_of(
    st.just(pd.DataFrame()),
    st.just(pd.DataFrame({"state": ["ARM"], "partner": ["RUS"]})),
    st.just(pd.DataFrame({"state": ["ARM", "AZE"], "partner": ["RUS", "TUR"], "score": [float("nan"), 5.0],
                          "stance": ["x", None], "reason": [1, 2]})),
    st.builds(lambda n: pd.DataFrame({"x": range(n)}), st.integers(0, 5)),
)
functions = st.one_of(
    st.just(lambda *a, **k: None), st.just(lambda *a, **k: float("nan")), st.just(lambda *a, **k: "text"),
    st.just(lambda *a, **k: {"ARM": 1}), st.just(lambda *a, **k: pd.DataFrame()),
    st.just(_raiser(NotImplementedError())), st.just(_raiser(ValueError("boom"))), st.just(_raiser(KeyError("RUS"))),
    st.just(_raiser(ZeroDivisionError())), st.just(lambda x: x),
)
answers = st.recursive(st.one_of(scalars, frames, functions),
                       lambda inner: st.one_of(st.lists(inner, max_size=4),
                                               st.dictionaries(st.one_of(st.text(max_size=5), st.tuples(st.text(max_size=3), st.text(max_size=3))), inner, max_size=4)),
                       max_leaves=8)


@pytest.mark.parametrize("question", QUESTIONS)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(answer=answers)
def test_bad_answers_get_hints_never_tracebacks(question, answer):
    # The check itself, not check(): check() would turn a bug in a check into a generic
    # "could not be checked" hint, and the point here is to find such bugs.
    try:
        CHECKS[question](answer)
    except AssertionError as exc:
        assert str(exc).strip(), "a hint must say something"
    # any other exception fails the test


def test_enough_generated_answers():
    assert len(QUESTIONS) * EXAMPLES >= 1000


def test_unknown_question_is_a_hint():
    with pytest.raises(Hint, match="There is no question"):
        check("99.9", 1)


@pytest.mark.parametrize("answer, message", [
    (None, "None"), (3, "as a string"), ("Narnia", "not one of the options"), ("TUR", "not right"),
])
def test_expect_choice(answer, message):
    with pytest.raises(Hint, match=message):
        expect_choice(answer, ["RUS", "TUR"], "RUS", hint="Look at the top row.")
    expect_choice(" rus ", ["RUS", "TUR"], "RUS", hint="")


@pytest.mark.parametrize("answer, message", [
    ("3", "Expected a number"), (True, "Expected a number"), (float("nan"), "finite"), (2.0, "not right"),
])
def test_expect_number(answer, message):
    with pytest.raises(Hint, match=message):
        expect_number(answer, 1.0, tol=0.1, hint="")
    expect_number(np.float64(1.05), 1.0, tol=0.1, hint="")


def test_expect_frame():
    with pytest.raises(Hint, match="Expected a pandas DataFrame"):
        expect_frame([1, 2], ["a"])
    with pytest.raises(Hint, match="lacks column"):
        expect_frame(pd.DataFrame({"b": [1]}), ["a"])
    with pytest.raises(Hint, match="at least 2"):
        expect_frame(pd.DataFrame({"a": [1]}), ["a"], min_rows=2)


def test_call_student():
    with pytest.raises(Hint, match="not written yet"):
        call_student(_raiser(NotImplementedError()))
    with pytest.raises(Hint, match="raised KeyError"):
        call_student(_raiser(KeyError("x")))
    with pytest.raises(Hint, match="to be a function"):
        call_student(42)
    assert call_student(lambda x: x + 1, 1) == 2


def test_a_bug_inside_a_check_still_reaches_the_student_as_a_hint(monkeypatch):
    monkeypatch.setitem(checks.CHECKS, "00.0", lambda answer: 1 / 0)
    with pytest.raises(Hint, match="could not be checked"):
        check("00.0", 1)
