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
import textwrap
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn

import numpy as np
import pandas as pd

from alliances.checks.keys import Key

#: The containers a list of codes may come in (a single string is read as a list of one); any other
#: iterable of strings that is not a mapping or a table (a NumPy or pandas array, a Series, an Index,
#: ``dict.keys()``) is read as a list too.
LIST_LIKE = (list, tuple, set, frozenset)
#: Width of a rendered hint: nbgrader's ``Validator.width`` is 90.
HINT_WIDTH = 88
#: Dashes a person types (or copies from the lessons) for the hyphen in a period label such as 1992-1999.
DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                        "\u2212": "-", "\ufe63": "-", "\uff0d": "-"})


class Hint(AssertionError):
    """A wrong answer, with a hint on what was expected and where to look.

    In Jupyter a Hint shows only its text, wrapped to :data:`HINT_WIDTH` (IPython calls
    ``_render_traceback_`` instead of printing the traceback), so a student reads the hint and
    nothing else; ``pytest --nbval-lax`` does the same through :mod:`alliances.checks.pytest_plugin`.

    Examples
    --------
    >>> Hint("Question 00.1: 'TUR' is not right.")._render_traceback_()
    ["Question 00.1: 'TUR' is not right."]
    """

    def _render_traceback_(self) -> list[str]:
        return render_hint(str(self))


def render_hint(text: str) -> list[str]:
    """The lines a student sees for a hint: the text wrapped to :data:`HINT_WIDTH`, nothing else."""
    return textwrap.wrap(" ".join(text.split()), HINT_WIDTH, break_on_hyphens=False) or [""]


def normalise_text(value: str) -> str:
    """A string as a person means it: spaces around it and case ignored, any dash read as a hyphen.

    >>> normalise_text(" 1992\u20131999 "), normalise_text("Align")
    ('1992-1999', 'align')
    """
    return " ".join(value.translate(DASHES).split()).casefold()


#: One question's check: returns ``None`` for a right answer and raises :class:`Hint` otherwise.
Check = Callable[[Any], None]


def fail(message: str, see: str | None = None) -> NoReturn:
    """Raise a :class:`Hint` on one line; ``see`` names the lesson section to re-read."""
    text = " ".join(message.split())
    raise Hint(text + (f" Re-read: {see}." if see else ""))


def describe(value: Any) -> str:
    """A short description of any value for a hint ("None (is the answer still …)", "NaN", a repr).

    Never raises: a value whose ``repr`` fails, or a huge int, is still described.
    """
    try:
        return _describe(value)
    except Exception as exc:  # a hostile or exotic object must not break the hint
        return f"an object of type {type(value).__name__} that cannot be shown ({type(exc).__name__})"


def _describe(value: Any) -> str:
    if value is None:
        return "None (is the answer still the placeholder, or did the cell that sets it not run?)"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10 ** 60:
        return f"a whole number with {len(str(abs(value))) if abs(value) < 10 ** 4000 else 'thousands of'} digits"
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
    """Call a student's function; anything it raises becomes a hint naming the error.

    That includes what is not an ``Exception``: ``SystemExit`` (``exit()`` or ``sys.exit()`` in
    the function), ``KeyboardInterrupt`` and a recursion that never ends, each said in one line.
    """
    expect_function(fn, name=name, see=see)
    try:
        result = fn(*args, **kwargs)
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        problem = _raised(name, exc)
    else:
        if result is not None:
            return result
        problem = f"{name} returned None: it is not written yet, or it lacks a `return` line."
    fail(problem, see)  # outside the except block, so no chained traceback


def _raised(name: str, exc: BaseException) -> str:
    """One line on what a student's function raised."""
    if isinstance(exc, NotImplementedError):
        return f"{name} is not written yet (it raises NotImplementedError): replace the placeholder with your code."
    if isinstance(exc, RecursionError):
        return (f"{name} calls itself without end (RecursionError): a function must not call itself with the "
                "same arguments; compute the value from the world instead.")
    if isinstance(exc, SystemExit):
        return f"{name} called exit() or sys.exit(): return a value instead."
    if isinstance(exc, KeyboardInterrupt):
        return (f"{name} was interrupted (KeyboardInterrupt) before it returned: if it runs for a long time, "
                "look for a loop that never ends.")
    return f"{name} raised {type(exc).__name__}: {_short(exc)}. Test it on one example first."


def _short(exc: BaseException) -> str:
    """An exception's message on one line, cut to 120 characters (never raises)."""
    try:
        text = " ".join(str(exc).split())
    except Exception:
        return "(its message cannot be shown)"
    return text if len(text) <= 120 else text[:117] + "..."


def expect_choice(answer: Any, allowed: Iterable[str], correct: str | Iterable[str] | Key, *, hint: str,
                  see: str | None = None) -> str:
    """``answer`` must be one of ``allowed`` (a string; case, spaces and dashes ignored) and equal
    ``correct`` (or be one of several right ones, or be accepted by the answer-key entry); returns
    the option as written in ``allowed``."""
    options = list(allowed)
    if not isinstance(answer, str):
        fail(f"Expected one of {options} as a string, got {describe(answer)}.", see)
    by_norm = {normalise_text(o): o for o in options}
    if normalise_text(answer) not in by_norm:
        fail(f"{answer!r} is not one of the options {options}.", see)
    if isinstance(correct, Key):
        right = correct.accepts(normalise_text(answer))
    else:
        targets = {correct} if isinstance(correct, str) else set(correct)
        right = normalise_text(answer) in {normalise_text(t) for t in targets}
    if not right:
        fail(f"{answer!r} is not right. {hint}", see)
    return by_norm[normalise_text(answer)]


def expect_number(answer: Any, correct: float | Key, *, tol: float, hint: str, see: str | None = None) -> float:
    """``answer`` must be a finite real number within ``tol`` of ``correct`` (or accepted by the
    answer-key entry, built with the same tolerance); returns it as a float."""
    value = real_number(answer)
    if value is None:
        fail(f"Expected {'a finite' if is_real_type(answer) else 'a'} number, got {describe(answer)}.", see)
    if isinstance(correct, Key):
        if not correct.accepts_number(value):
            fail(f"{value:.4g} is not right. {hint}", see)
        return value
    if abs(value - correct) > tol + 1e-9:  # 1e-9: 0.625 - 0.62 is a little more than 0.005 in floating point
        fail(f"{value:.4g} is not right (it should be within {tol:g} of the answer). {hint}", see)
    return value


def expect_share(answer: Any, correct: float | Key, *, name: str, hint: str, see: str | None = None) -> None:
    """An agreement given as a share from 0 to 1 (a percentage gets its own hint), within 0.005: both
    two-decimal roundings of a share that is a multiple of 1/16 (0.625: 0.62 and 0.63) are accepted."""
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


def as_items(answer: Any) -> list[Any] | None:
    """``answer`` as a list of items if a person would call it a list: a list, tuple or set, a NumPy
    or pandas array, a Series (its values), an Index, ``dict.keys()``; a single string is a list of
    one. ``None`` for anything else (a number, a mapping, a table, an object that cannot be iterated).

    >>> as_items("ARM"), as_items(("ARM", "GEO")), as_items({"ARM": 1}), as_items(3)
    (['ARM'], ['ARM', 'GEO'], None, None)
    """
    if isinstance(answer, str):
        return [answer]
    if isinstance(answer, (Mapping, pd.DataFrame, bytes, bytearray)) or not hasattr(answer, "__iter__"):
        return None
    if isinstance(answer, np.ndarray) and answer.ndim != 1:
        return None
    try:
        items = list(answer.array if isinstance(answer, pd.Series) else answer)
    except Exception:
        return None
    return items


def _chosen_codes(answer: Any, options: list[str], what: str, see: str | None) -> set[str]:
    items = as_items(answer)
    if items is None:
        fail(f"Expected a list of {what}, e.g. {options[:2]!r}, got {describe(answer)}.", see)
    by_norm = {normalise_text(o): o for o in options}
    chosen = set()
    for item in items:
        if not isinstance(item, str):
            fail(f"Every item of your list should be one of {options} as a string; {describe(item)} is not.", see)
        if normalise_text(item) not in by_norm:
            fail(f"{item!r} is not one of the {what}: {options}.", see)
        chosen.add(by_norm[normalise_text(item)])
    return chosen


def expect_codes(answer: Any, allowed: Iterable[str], correct: Iterable[str] | Key, *, what: str,
                 hint: str, see: str | None = None) -> set[str]:
    """``answer`` must be a list of strings from ``allowed`` (or any iterable of them, see
    :func:`as_items`), equal as a set to ``correct`` (or to the set the answer-key entry holds);
    a single string is read as a one-element list. Case, spaces and dashes are ignored. Returns
    the chosen codes as written in ``allowed``."""
    chosen = _chosen_codes(answer, list(allowed), what, see)
    if isinstance(correct, Key):
        extra = {c for c in chosen if not correct.accepts(normalise_text(c))}
        n_target, n_missing = len(correct), len(correct) - (len(chosen) - len(extra))
    else:
        target = set(correct)
        extra, n_target, n_missing = chosen - target, len(target), len(target - chosen)
    if not chosen and n_target:
        fail(f"Your list is empty. {hint}", see)
    if extra or n_missing:
        detail = " and ".join(([f"{len(extra)} item(s) should not be there"] if extra else [])
                              + ([f"{n_missing} item(s) are missing"] if n_missing else []))
        fail(f"Not quite: {detail}. {hint}", see)
    return chosen


def code_pair(value: Any) -> tuple[str, str] | None:
    """``value`` as a pair of non-empty strings (from a tuple or a list of two), else ``None``."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        return None
    if not all(isinstance(x, str) and x.strip() for x in value):
        return None
    return value[0].strip(), value[1].strip()


__all__ = ["DASHES", "HINT_WIDTH", "LIST_LIKE", "Check", "Hint", "as_items", "call_student", "code_pair", "describe",
           "expect_choice", "expect_codes", "expect_frame", "expect_function", "expect_number", "expect_share",
           "expect_whole_number", "fail", "is_real_type", "normalise_text", "real_number", "render_hint",
           "whole_number"]
