"""Answer checks for the exercises: a wrong answer gets a hint, never a traceback from here.

Every check raises ``AssertionError`` with a specific hint when an answer is wrong —
whatever the answer is: the wrong type, ``None``, ``NaN``, an empty or malformed frame, or
a student function that raises. Anything else escaping a check is a bug in this module
(``tests/test_checks.py`` fuzzes every check with generated bad answers).

Exercise notebooks call them from their test cells::

    from alliances.checks import check
    check("02.1", top_threat)

The building blocks (:func:`expect_choice`, :func:`expect_number`, :func:`expect_frame`,
:func:`call_student`) are public so an instructor can write new checks in one line.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

#: Checks by question id ("lesson.question"), filled in by :func:`register`.
CHECKS: dict[str, Callable[[Any], None]] = {}


class Hint(AssertionError):
    """A wrong answer, with a hint on what was expected and where to look."""


def _describe(value: Any) -> str:
    if value is None:
        return "None (is the answer still the placeholder, or did the cell that sets it not run?)"
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame with {len(value)} row(s) and columns {list(value.columns)[:6]}"
    if isinstance(value, pd.Series):
        return f"a Series of {len(value)} value(s)"
    if isinstance(value, float) and math.isnan(value):
        return "NaN (not a number)"
    text = " ".join(repr(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


def fail(message: str, see: str | None = None) -> None:
    """Raise a :class:`Hint`; ``see`` names the lesson section to re-read."""
    raise Hint(message + (f" Re-read: {see}." if see else ""))


def register(question: str) -> Callable:
    """Decorator: make a check callable as ``check(question, answer)``."""

    def wrap(fn: Callable[[Any], None]) -> Callable[[Any], None]:
        CHECKS[question] = fn
        return fn

    return wrap


def check(question: str, answer: Any) -> None:
    """Check ``answer`` to exercise question ``question`` (e.g. ``"02.1"``).

    Passes silently and prints a short confirmation; raises AssertionError with a hint if
    the answer is wrong.
    """
    if question not in CHECKS:
        raise Hint(f"There is no question {question!r}; questions with checks: {', '.join(sorted(CHECKS))}.")
    try:
        CHECKS[question](answer)
    except AssertionError:
        raise
    except Exception as exc:  # a bug in a check must still reach the student as a hint
        raise Hint(f"Your answer to {question} could not be checked ({type(exc).__name__}: {exc}). "
                   "Check its type against the question; ask your instructor if this persists.") from None
    print(f"Question {question}: correct.")


# ---------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------

def expect_choice(answer: Any, allowed: Iterable[str], correct: str | set[str], *, hint: str,
                  see: str | None = None, casefold: bool = True) -> None:
    """``answer`` must be one of ``allowed`` (a string) and equal ``correct`` (or be in it)."""
    allowed = list(allowed)
    if not isinstance(answer, str):
        fail(f"Expected one of {allowed} as a string, got {_describe(answer)}.", see)
    norm = (lambda s: s.strip().casefold()) if casefold else (lambda s: s)
    by_norm = {norm(a): a for a in allowed}
    if norm(answer) not in by_norm:
        fail(f"{answer!r} is not one of the options {allowed}.", see)
    targets = {norm(c) for c in ([correct] if isinstance(correct, str) else correct)}
    if norm(answer) not in targets:
        fail(f"{answer!r} is not right. {hint}", see)


def expect_number(answer: Any, correct: float, *, tol: float, hint: str, see: str | None = None) -> None:
    """``answer`` must be a real number within ``tol`` of ``correct``."""
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) and not _is_numpy_number(answer):
        fail(f"Expected a number, got {_describe(answer)}.", see)
    try:
        value = float(answer)
    except OverflowError:
        fail(f"Expected a number of ordinary size, got one with {len(str(answer))} digits.", see)
    if math.isnan(value) or math.isinf(value):
        fail(f"Expected a finite number, got {_describe(value)}.", see)
    if abs(value - correct) > tol:
        fail(f"{value:.4g} is not right (it should be within {tol:g} of the answer). {hint}", see)


def _is_numpy_number(value: Any) -> bool:
    try:
        import numpy as np

        return isinstance(value, (np.integer, np.floating)) and not isinstance(value, np.bool_)
    except ImportError:  # pragma: no cover
        return False


def expect_frame(answer: Any, columns: Iterable[str], *, min_rows: int = 1, see: str | None = None) -> pd.DataFrame:
    """``answer`` must be a DataFrame with ``columns`` and at least ``min_rows`` rows; returns it."""
    columns = list(columns)
    if not isinstance(answer, pd.DataFrame):
        fail(f"Expected a pandas DataFrame with columns {columns}, got {_describe(answer)}.", see)
    missing = [c for c in columns if c not in answer.columns]
    if missing:
        fail(f"Your table lacks column(s) {missing}; it has {list(answer.columns)[:10]}.", see)
    if len(answer) < min_rows:
        fail(f"Your table has {len(answer)} row(s); expected at least {min_rows}.", see)
    return answer


def expect_mapping(answer: Any, keys: Iterable, *, see: str | None = None) -> Mapping:
    """``answer`` must be a dict-like object holding every key in ``keys``; returns it."""
    keys = list(keys)
    if not isinstance(answer, Mapping):
        fail(f"Expected a dict with keys {keys}, got {_describe(answer)}.", see)
    missing = [k for k in keys if k not in answer]
    if missing:
        fail(f"Your dict lacks key(s) {missing}.", see)
    return answer


def call_student(fn: Any, *args: Any, name: str = "your function", see: str | None = None, **kwargs: Any) -> Any:
    """Call a student's function; anything it raises becomes a hint naming the error."""
    if not callable(fn):
        fail(f"Expected {name} to be a function (def ...), got {_describe(fn)}.", see)
    try:
        return fn(*args, **kwargs)
    except NotImplementedError:
        fail(f"{name} is not written yet (it raises NotImplementedError): replace the "
             "placeholder with your code.", see)
    except Exception as exc:
        fail(f"{name} raised {type(exc).__name__}: {exc}. Test it on one example first.", see)


def expect_codes(answer: Any, allowed: Iterable[str], correct: Iterable[str], *, what: str,
                 hint: str, see: str | None = None) -> None:
    """``answer`` must be a list (or tuple/set) of strings from ``allowed``, equal as a set to
    ``correct``; a single string is read as a one-element list. Case and spaces are ignored."""
    allowed = list(allowed)
    if isinstance(answer, str):
        answer = [answer]
    if not isinstance(answer, (list, tuple, set, frozenset)):
        fail(f"Expected a list of {what}, e.g. {allowed[:2]!r}, got {_describe(answer)}.", see)
    by_norm = {a.strip().casefold(): a for a in allowed}
    chosen = set()
    for item in answer:
        if not isinstance(item, str):
            fail(f"Every item of your list should be one of {allowed} as a string; "
                 f"{_describe(item)} is not.", see)
        if item.strip().casefold() not in by_norm:
            fail(f"{item!r} is not one of the {what}: {allowed}.", see)
        chosen.add(by_norm[item.strip().casefold()])
    target = set(correct)
    if not chosen and target:
        fail(f"Your list is empty. {hint}", see)
    if chosen != target:
        extra, missing = sorted(chosen - target), sorted(target - chosen)
        detail = []
        if extra:
            detail.append(f"{len(extra)} item(s) should not be there")
        if missing:
            detail.append(f"{len(missing)} item(s) are missing")
        fail(f"Not quite: {' and '.join(detail)}. {hint}", see)


def expect_text(answer: Any, *, min_words: int = 20, see: str | None = None) -> None:
    """A written answer: a string of at least ``min_words`` words (graded by hand)."""
    if not isinstance(answer, str):
        fail(f"Write your answer as text in quotes, got {_describe(answer)}.", see)
    if len(answer.split()) < min_words:
        fail(f"Your answer has {len(answer.split())} words; write at least {min_words}. "
             "Your instructor grades it by hand.", see)


# The checks of each exercise notebook live in their own module and register themselves.
def _load_exercise_checks() -> None:
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("lesson"):
            importlib.import_module(f"{__name__}.{info.name}")


_load_exercise_checks()
