"""Every exercise check accepts its reference answer and rejects wrong answers with a one-line hint,
never a traceback; the question ids are those the exercise notebooks call."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from alliances import checks
from alliances.checks import CHECKS, EXERCISES, Hint, check
from alliances.checks.answers import is_real_type, real_number
from grading.references import REFERENCES, reference_answer

ROOT = Path(__file__).resolve().parents[2]
QUESTION_IDS = sorted(CHECKS)
EXAMPLES = max(60, math.ceil(1200 / max(len(QUESTION_IDS), 1)))
#: A generated number this close to a numeric reference answer may be right (03.4 accepts a window).
NEAR = 0.06


def _raiser(exc):
    def fn(*args, **kwargs):
        raise exc
    return fn


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "WEST", "align", "hedge", "balance", ""]),
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
answers = st.recursive(
    st.one_of(scalars, frames, functions),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.text(max_size=5), st.tuples(st.text(max_size=3),
                                                                                     st.text(max_size=3))),
                                            inner, max_size=4)),
    max_leaves=8)


@lru_cache(maxsize=None)
def _reference(question: str) -> Any:
    return reference_answer(question)


def _could_be_right(answer: Any, reference: Any) -> bool:
    """Whether ``answer`` may be an acceptable form of ``reference`` (loosely: text compared without
    case and spaces, lists as sets, a single string as a list of one, numbers within :data:`NEAR`).
    Functions and tables are never matched: no generated one is right."""
    if isinstance(reference, str):
        return isinstance(answer, str) and answer.strip().casefold() == reference.strip().casefold()
    if is_real_type(reference):
        value = real_number(answer)
        return value is not None and abs(value - float(reference)) <= NEAR
    if isinstance(reference, (list, tuple, set, frozenset)):
        items = [answer] if isinstance(answer, str) else answer
        if not isinstance(items, (list, tuple, set, frozenset)):
            return False
        return (all(any(_could_be_right(a, r) for r in reference) for a in items)
                and all(any(_could_be_right(a, r) for a in items) for r in reference))
    if isinstance(reference, Mapping):
        return (isinstance(answer, Mapping) and len(answer) == len(reference)
                and all(any(_could_be_right(k, rk) and _could_be_right(v, rv) for k, v in answer.items())
                        for rk, rv in reference.items()))
    return reference is None and answer is None


def _assert_rejected_with_a_hint(check_answer, answer) -> None:
    with pytest.raises(Hint) as caught:
        check_answer(answer)
    message = str(caught.value)
    assert message.strip(), "a hint must say something"
    assert "\n" not in message, "a hint is one line"


@pytest.mark.parametrize("question", QUESTION_IDS)
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(answer=answers)
def test_bad_answers_are_rejected_with_a_one_line_hint_never_a_traceback(question, answer):
    """Any generated answer that is not (a form of) the reference answer is rejected with a Hint.

    The check itself is called, not check(): check() would turn a bug in a check into a generic
    "could not be checked" hint, and the point here is to find such bugs. Any exception other
    than a Hint fails the test, and so does a wrong answer that the check accepts.
    """
    assume(not _could_be_right(answer, _reference(question)))
    _assert_rejected_with_a_hint(CHECKS[question], answer)


def test_enough_generated_answers():
    assert len(QUESTION_IDS) * EXAMPLES >= 1000


def test_the_property_fails_for_a_check_that_accepts_everything_or_crashes():
    with pytest.raises(pytest.fail.Exception, match="DID NOT RAISE"):
        _assert_rejected_with_a_hint(lambda answer: None, "wrong")
    with pytest.raises(ZeroDivisionError):
        _assert_rejected_with_a_hint(lambda answer: 1 / 0, "wrong")


def test_a_near_miss_is_not_mistaken_for_the_reference():
    assert _could_be_right(" arm", ["ARM"]) and _could_be_right({"a": [1.0]}, {"a": [1]})
    assert not _could_be_right(["ARM", "GEO"], ["ARM"]) and not _could_be_right(0.5, 0.7)
    assert not _could_be_right(True, 1) and not _could_be_right({"a": 1, "b": 2}, {"a": 1})


@pytest.mark.parametrize("question", QUESTION_IDS)
def test_the_reference_answer_is_accepted(question):
    CHECKS[question](_reference(question))


@pytest.mark.parametrize("question", QUESTION_IDS)
def test_an_unanswered_question_fails_with_a_hint(question):
    """The notebooks' placeholders: None, an empty set, a function that is not written yet."""
    with pytest.raises(Hint, match="placeholder"):
        CHECKS[question](None)
    for blank in (set(), _raiser(NotImplementedError())):
        with pytest.raises(Hint):
            CHECKS[question](blank)


def test_one_module_per_exercise_notebook_named_for_it():
    notebooks = sorted(p.name[:2] for p in (ROOT / "exercises" / "instructor").glob("[0-9][0-9]_*.ipynb"))
    assert [m.__name__.rsplit(".", 1)[1] for m in EXERCISES] == [f"exercise{n}" for n in notebooks]
    for module in EXERCISES:
        number = module.__name__[-2:]
        assert module.QUESTIONS and all(q.startswith(f"{number}.") for q in module.QUESTIONS), module.__name__
    assert sum(len(m.QUESTIONS) for m in EXERCISES) == len(CHECKS) == len(REFERENCES)


def test_the_questions_are_those_the_notebooks_check():
    called = set()
    for path in (ROOT / "exercises" / "instructor").glob("[0-9][0-9]_*.ipynb"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        called |= set(re.findall(r"""check\(["'](\d\d\.\d+)["']""", source))
    assert called == set(CHECKS)


def test_unknown_question_is_a_hint():
    with pytest.raises(Hint, match="There is no question"):
        check("99.9", 1)
    with pytest.raises(Hint, match="There is no question"):
        check(2.1, 1)


def test_a_right_answer_is_confirmed(capsys):
    check("01.4", reference_answer("01.4"))
    assert capsys.readouterr().out.strip() == "Question 01.4: correct."


def test_a_bug_inside_a_check_still_reaches_the_student_as_a_hint(monkeypatch):
    def broken(answer):
        raise ZeroDivisionError
    monkeypatch.setitem(checks.CHECKS, "00.1", broken)
    monkeypatch.setitem(checks.exercise00.QUESTIONS, "00.1", broken)
    monkeypatch.setitem(checks._ORIGINAL, "00.1", broken)
    with pytest.raises(Hint, match=r"^Question 00.1: your answer could not be checked .ZeroDivisionError"):
        check("00.1", 1)


@pytest.mark.parametrize("question", ["00.1", "02.3", "07.2"])
def test_an_unanswered_question_says_so(question):
    with pytest.raises(Hint, match=rf"^Question {question}: not answered yet"):
        check(question, None)


def test_a_check_replaced_at_run_time_is_refused(monkeypatch):
    """An answer cell that patches the registry (``CHECKS[...] = lambda a: None``) gains nothing."""
    monkeypatch.setitem(checks.CHECKS, "00.1", lambda answer: None)
    with pytest.raises(Hint, match="was replaced"):
        check("00.1", "TUR")
