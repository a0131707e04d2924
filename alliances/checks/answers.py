"""Building blocks of the exercise checks: one hint per wrong answer, written once.

Every check raises :class:`Hint` (an ``AssertionError``) with a one-line hint when an answer
is wrong. The blocks here do the common parts: say what a value is (:func:`describe`), read a
real number (:func:`real_number`), compare a choice, a number, a list of codes or a table
with the right one, and call a student's function so that anything it raises becomes a hint.
A dict answer is read with a declared schema instead (:mod:`alliances.checks.schema`).

Examples
--------
>>> describe(None)
'None (is the answer still the placeholder, or did the cell that sets it not run?)'
>>> real_number(True) is None, real_number(2), real_number(float("nan")) is None
(True, 2.0, True)
>>> expect_choice("hedge", ["align", "hedge", "balance"], "align", hint="Read the stance column.")
Traceback (most recent call last):
...
alliances.checks.answers.Hint: 'hedge' is not right. Read the stance column.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NoReturn

import numpy as np
import pandas as pd

#: The containers a list of codes may come in (a single string is read as a list of one).
LIST_LIKE = (list, tuple, set, frozenset)


class Hint(AssertionError):
    """A wrong answer, with a hint on what was expected and where to look."""


@dataclass(frozen=True)
class Question:
    """One exercise question: its check and a function that computes its reference answer.

    ``check(answer)`` returns ``None`` for a right answer and raises :class:`Hint` otherwise;
    ``reference()`` returns an answer the check accepts (computed from the package, so it
    follows the data).
    """

    check: Callable[[Any], None]
    reference: Callable[[], Any]


def fail(message: str, see: str | None = None) -> NoReturn:
    """Raise a :class:`Hint` on one line; ``see`` names the lesson section to re-read."""
    text = " ".join(message.split())
    raise Hint(text + (f" Re-read: {see}." if see else ""))


def describe(value: Any) -> str:
    """A short description of any value for a hint ("None (is the answer still …)", "NaN", a repr)."""
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


def is_real_type(value: Any) -> bool:
    """Whether ``value`` is an int, float or NumPy number, and not a bool (which Python counts as an int)."""
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def real_number(value: Any) -> float | None:
    """``value`` as a float if it is a finite real number (:func:`is_real_type`), else ``None``."""
    if not is_real_type(value):
        return None
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return None
    return number if math.isfinite(number) else None


def whole_number(value: Any) -> int | None:
    """``value`` as an int if it is a real number with no fractional part (2012, 2012.0), else ``None``."""
    number = real_number(value)
    return int(number) if number is not None and number == int(number) else None


def expect_whole_number(answer: Any, *, what: str, example: str, see: str | None = None) -> int:
    """``answer`` must be a whole number (``what``, e.g. "the tipping year"); returns it."""
    number = whole_number(answer)
    if number is None:
        fail(f"Expected {what} as a whole number such as {example}, got {describe(answer)}.", see)
    return number


def expect_function(fn: Any, *, name: str, see: str | None = None) -> None:
    """``fn`` must be callable (the student's ``def name(...)``)."""
    if not callable(fn):
        fail(f"Expected {name} to be a function (def {name}(...): ...), got {describe(fn)}.", see)


def call_student(fn: Any, *args: Any, name: str = "your function", see: str | None = None, **kwargs: Any) -> Any:
    """Call a student's function; anything it raises becomes a hint naming the error."""
    expect_function(fn, name=name, see=see)
    try:
        return fn(*args, **kwargs)
    except NotImplementedError:
        fail(f"{name} is not written yet (it raises NotImplementedError): replace the "
             "placeholder with your code.", see)
    except Exception as exc:
        fail(f"{name} raised {type(exc).__name__}: {exc}. Test it on one example first.", see)


def expect_choice(answer: Any, allowed: Iterable[str], correct: str | Iterable[str], *, hint: str,
                  see: str | None = None) -> None:
    """``answer`` must be one of ``allowed`` (a string; case and spaces ignored) and equal
    ``correct`` (or be one of several right ones)."""
    options = list(allowed)
    if not isinstance(answer, str):
        fail(f"Expected one of {options} as a string, got {describe(answer)}.", see)
    if answer.strip().casefold() not in {o.casefold() for o in options}:
        fail(f"{answer!r} is not one of the options {options}.", see)
    targets = {correct} if isinstance(correct, str) else set(correct)
    if answer.strip().casefold() not in {t.casefold() for t in targets}:
        fail(f"{answer!r} is not right. {hint}", see)


def expect_number(answer: Any, correct: float, *, tol: float, hint: str, see: str | None = None) -> None:
    """``answer`` must be a finite real number within ``tol`` of ``correct``."""
    value = real_number(answer)
    if value is None:
        fail(f"Expected {'a finite' if is_real_type(answer) else 'a'} number, got {describe(answer)}.", see)
    if abs(value - correct) > tol:
        fail(f"{value:.4g} is not right (it should be within {tol:g} of the answer). {hint}", see)


def expect_share(answer: Any, correct: float, *, name: str, hint: str, see: str | None = None) -> None:
    """An agreement given as a share from 0 to 1 (a percentage gets its own hint), within 0.005."""
    value = real_number(answer)
    if value is not None and 1 < value <= 100:
        fail(f"Your {name} is {value:g}: give the agreement as a share from 0 to 1, not a percentage.", see)
    expect_number(answer, correct, tol=0.005, hint=f"(your {name}) {hint}", see=see)


def expect_frame(answer: Any, columns: Iterable[str], *, min_rows: int = 1, see: str | None = None) -> pd.DataFrame:
    """``answer`` must be a DataFrame with ``columns`` (each once) and at least ``min_rows`` rows; returns it."""
    needed = list(columns)
    if not isinstance(answer, pd.DataFrame):
        fail(f"Expected a pandas DataFrame with columns {needed}, got {describe(answer)}.", see)
    missing = [c for c in needed if c not in answer.columns]
    if missing:
        fail(f"Your table lacks column(s) {missing}; it has {list(answer.columns)[:10]}.", see)
    if answer.columns.duplicated().any():
        fail(f"Your table has duplicated column names {list(answer.columns[answer.columns.duplicated()])}; "
             "give each column once.", see)
    if len(answer) < min_rows:
        fail(f"Your table has {len(answer)} row(s); expected at least {min_rows}.", see)
    return answer


def _chosen_codes(answer: Any, options: list[str], what: str, see: str | None) -> set[str]:
    items = [answer] if isinstance(answer, str) else answer
    if not isinstance(items, LIST_LIKE):
        fail(f"Expected a list of {what}, e.g. {options[:2]!r}, got {describe(answer)}.", see)
    by_norm = {o.strip().casefold(): o for o in options}
    chosen = set()
    for item in items:
        if not isinstance(item, str):
            fail(f"Every item of your list should be one of {options} as a string; {describe(item)} is not.", see)
        if item.strip().casefold() not in by_norm:
            fail(f"{item!r} is not one of the {what}: {options}.", see)
        chosen.add(by_norm[item.strip().casefold()])
    return chosen


def expect_codes(answer: Any, allowed: Iterable[str], correct: Iterable[str], *, what: str,
                 hint: str, see: str | None = None) -> None:
    """``answer`` must be a list (or tuple/set) of strings from ``allowed``, equal as a set to
    ``correct``; a single string is read as a one-element list. Case and spaces are ignored."""
    chosen, target = _chosen_codes(answer, list(allowed), what, see), set(correct)
    if not chosen and target:
        fail(f"Your list is empty. {hint}", see)
    extra, missing = chosen - target, target - chosen
    if extra or missing:
        detail = " and ".join(([f"{len(extra)} item(s) should not be there"] if extra else [])
                              + ([f"{len(missing)} item(s) are missing"] if missing else []))
        fail(f"Not quite: {detail}. {hint}", see)


def code_pair(value: Any) -> tuple[str, str] | None:
    """``value`` as a pair of non-empty strings (from a tuple or a list of two), else ``None``."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None
    if not all(isinstance(x, str) and x.strip() for x in value):
        return None
    return value[0].strip(), value[1].strip()


__all__ = ["LIST_LIKE", "Hint", "Question", "call_student", "code_pair", "describe", "expect_choice", "expect_codes",
           "expect_frame", "expect_function", "expect_number", "expect_share", "expect_whole_number", "fail",
           "is_real_type", "real_number", "whole_number"]
