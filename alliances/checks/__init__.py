"""Answer checks for the exercises: a wrong answer gets a hint, never a traceback from here.

Every check raises :class:`Hint` (an ``AssertionError``) with a specific one-line hint when
an answer is wrong — whatever the answer is: the wrong type, ``None`` (the placeholder),
``NaN``, an empty or malformed frame, or a student function that raises. A bug inside a
check still reaches the student as a hint (:func:`check` turns it into one);
``tests/checks/`` fuzzes every check with generated wrong answers and runs it on its
reference answer.

Exercise notebooks call them from their test cells::

    from alliances.checks import check
    check("02.1", top_threat)

Layout:

- :mod:`.answers` — the building blocks (:func:`describe`, :func:`real_number`,
  :func:`expect_choice`, :func:`expect_number`, :func:`expect_codes`, :func:`expect_frame`,
  :func:`call_student`, …), public so an instructor can write a new check in a few lines;
- :mod:`.schema` — dict answers declared as pydantic schemas, whose errors become one hint;
- :mod:`.exercise00` … :mod:`.exercise08` — one module per exercise notebook, each with a
  ``QUESTIONS`` table: question id -> (check, reference answer).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alliances.checks import (
    exercise00,
    exercise01,
    exercise02,
    exercise03,
    exercise04,
    exercise05,
    exercise06,
    exercise07,
    exercise08,
)
from alliances.checks.answers import (
    Hint,
    Question,
    call_student,
    describe,
    expect_choice,
    expect_codes,
    expect_frame,
    expect_function,
    expect_number,
    expect_share,
    expect_whole_number,
    fail,
    real_number,
)
from alliances.checks.schema import Answer, parse

#: The check modules, one per exercise notebook, in notebook order.
EXERCISES = (exercise00, exercise01, exercise02, exercise03, exercise04, exercise05, exercise06, exercise07,
             exercise08)
#: Every question by id ("lesson.question"): its check and its reference answer.
QUESTIONS: dict[str, Question] = {q: spec for module in EXERCISES for q, spec in module.QUESTIONS.items()}
#: The check of every question by id.
CHECKS: dict[str, Callable[[Any], None]] = {q: spec.check for q, spec in QUESTIONS.items()}


def _known(question: str) -> None:
    if question not in CHECKS:
        raise Hint(f"There is no question {question!r}; questions with checks: {', '.join(sorted(CHECKS))}.")


def check(question: str, answer: Any) -> None:
    """Check ``answer`` to exercise question ``question`` (e.g. ``"02.1"``).

    Prints a short confirmation if the answer is right; raises :class:`Hint` (an
    ``AssertionError``) with a hint if it is wrong, and also if the check itself fails.
    """
    _known(question)
    try:
        CHECKS[question](answer)
    except AssertionError:
        raise
    except Exception as exc:  # a bug in a check must still reach the student as a hint
        raise Hint(f"Your answer to {question} could not be checked ({type(exc).__name__}: {exc}). "
                   "Check its type against the question; ask your instructor if this persists.") from None
    print(f"Question {question}: correct.")


def reference_answer(question: str) -> Any:
    """An answer to ``question`` that its check accepts, computed from the package."""
    _known(question)
    return QUESTIONS[question].reference()


__all__ = ["CHECKS", "EXERCISES", "QUESTIONS", "Answer", "Hint", "Question", "call_student", "check", "describe",
           "expect_choice", "expect_codes", "expect_frame", "expect_function", "expect_number", "expect_share",
           "expect_whole_number", "fail", "parse", "real_number", "reference_answer"]
