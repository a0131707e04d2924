"""Answer checks for the exercises: a wrong answer gets one hint, never a traceback.

Every check raises :class:`Hint` (an ``AssertionError``) with a specific hint when an answer is
wrong — whatever the answer is: the wrong type, ``None`` (the placeholder: "not answered yet"),
``NaN``, an empty or malformed frame, or a student function that raises, exits or recurses
without end. A bug inside a check still reaches the student as a hint. In Jupyter a Hint shows
only its text (:meth:`Hint._render_traceback_`), and under ``pytest --nbval-lax`` the course's
plugin (:mod:`alliances.checks.pytest_plugin`) reports "Question 02.3: <hint>".

The right answers are not in the package: checks compare digests kept in the answer key
(:mod:`alliances.checks.keys`), built by the grader-only code in ``grading/``.

Exercise notebooks import the check in every check cell, so that an answer cell that
redefines ``check`` (``def check(*a): pass``, ``check = print``) changes nothing::

    from alliances.checks import check; check("02.1", top_threats)

Layout:

- :mod:`.answers` — the building blocks (:func:`describe`, :func:`real_number`,
  :func:`expect_choice`, :func:`expect_number`, :func:`expect_codes`, :func:`expect_frame`,
  :func:`call_student`, …), public so an instructor can write a new check in a few lines;
- :mod:`.schema` — dict answers declared as pydantic schemas, whose errors become one hint;
- :mod:`.keys` — the answer key (digests), :mod:`.answer_key` its generated table;
- :mod:`.exercise00` … :mod:`.exercise08` — one module per exercise notebook, each with a
  ``QUESTIONS`` table: question id -> check.
"""

from __future__ import annotations

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
    Check,
    Hint,
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
#: The check of every question by id ("lesson.question").
CHECKS: dict[str, Check] = {q: fn for module in EXERCISES for q, fn in module.QUESTIONS.items()}
#: The check of every question as the package defines it, to detect a check replaced at run time.
_ORIGINAL = dict(CHECKS)


def _known(question: Any) -> str:
    if not isinstance(question, str) or question not in CHECKS:
        raise Hint(f"There is no question {describe(question)}; questions with checks: {', '.join(sorted(CHECKS))}.")
    return question


def _genuine(question: str) -> Check:
    """The question's check, refusing one that was replaced after import (an answer cell that
    monkeypatches ``alliances.checks.CHECKS`` or a check module)."""
    fn = CHECKS.get(question)
    module = EXERCISES[int(question[:2])] if question[:2].isdigit() and int(question[:2]) < len(EXERCISES) else None
    if fn is not _ORIGINAL[question] or module is None or module.QUESTIONS.get(question) is not fn:
        raise Hint(f"Question {question}: the course's check was replaced in this notebook; restart the kernel "
                   "and run the notebook again without redefining the checks.")
    return fn


def _unanswered(answer: Any) -> bool:
    """The placeholder: ``None``, or a dict whose every value is still ``None``."""
    if answer is None:
        return True
    return isinstance(answer, dict) and bool(answer) and all(value is None for value in answer.values())


def check(question: str, answer: Any) -> None:
    """Check ``answer`` to exercise question ``question`` (e.g. ``"02.1"``).

    Prints "Question 02.1: correct." if the answer is right; raises :class:`Hint` (an
    ``AssertionError``) with "Question 02.1: <hint>" if it is wrong, not answered yet (``None``),
    or if the check itself fails.
    """
    question = _known(question)
    fn = _genuine(question)
    if _unanswered(answer):
        raise Hint(f"Question {question}: not answered yet. Replace None with your answer in the cell above "
                   "and run it, then run this cell again.")
    try:
        fn(answer)
    except Hint as hint:
        raise Hint(f"Question {question}: {hint}") from None
    except (Exception, SystemExit, KeyboardInterrupt) as exc:  # a bug in a check must still reach the student as a hint
        raise Hint(f"Question {question}: your answer could not be checked ({type(exc).__name__}). Check its "
                   "type against the question; ask your instructor if this persists.") from None
    print(f"Question {question}: correct.")


__all__ = ["CHECKS", "EXERCISES", "Answer", "Check", "Hint", "call_student", "check", "describe",
           "expect_choice", "expect_codes", "expect_frame", "expect_function", "expect_number", "expect_share",
           "expect_whole_number", "fail", "parse", "real_number"]
