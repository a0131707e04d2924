"""Check that a frame is a prediction (or observed alignment) before anything is computed from it.

:func:`check_prediction` holds a frame to the shape :func:`alliances.predict` and
:func:`alliances.observed` return — one row per (state, partner), a score in [-1, 1] and a
stance — with a pandera schema, and turns every failure into one :class:`ValueError` (or a
:class:`TypeError` for a value that is not a DataFrame) that names the frame, the column
and the row. What it refuses, and what it accepts:

- not a DataFrame (TypeError); no rows; a missing column;
- state codes that are not text or not a chooser (``ARM AZE GEO``), partner codes that are
  not text or not an actor the choosers face (the choosers and ``RUS TUR IRN WEST``); codes
  are compared as written (``'arm'`` is refused with the codes listed);
- a (state, partner) pair given twice;
- a score that is not a number (text, a bool), not finite, or outside [-1, 1]; a missing
  (NaN) score is allowed only with the stance ``"unknown"``;
- a stance that is not one of ``align``, ``hedge``, ``balance``, ``unknown`` once spaces are
  stripped and case is ignored: ``" Align"`` is **accepted and normalised** to ``"align"``.

The checked copy (stances normalised, scores as floats) is returned; the input is untouched.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"state": ["ARM"], "partner": ["RUS"], "score": [0.5], "stance": ["Align "]})
>>> check_prediction(frame, "prediction")["stance"].tolist()
['align']
>>> check_prediction(frame.assign(score=5.0), "prediction")
Traceback (most recent call last):
...
ValueError: prediction: column 'score', row 0: 5.0 is outside -1 … 1; a score lies from -1 (balance) to 1 (align)
"""

from __future__ import annotations

import math
import numbers
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from alliances.params import shown
from alliances.schemas import CHOOSERS, POWERS
from alliances.theories.base import STANCES

if TYPE_CHECKING:
    import pandera.errors as pae
    import pandera.pandas as pa

#: The stances a prediction or observed frame may hold ("unknown": no coding, no score).
ALLOWED_STANCES: tuple[str, ...] = STANCES + ("unknown",)
#: The columns every prediction has (``reason`` is optional here).
REQUIRED_COLUMNS: tuple[str, ...] = ("state", "partner", "score", "stance")

_PARTNERS = CHOOSERS + POWERS


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)  # numpy numbers too; np.bool_ is no Real


def _finite_or_nan(value: Any) -> bool:
    return not _is_number(value) or math.isnan(float(value)) or math.isfinite(float(value))


def _in_range(value: Any) -> bool:
    return not _is_number(value) or not math.isfinite(float(value)) or -1 <= float(value) <= 1


#: Problem words per check name: (what is wrong, what is expected).
_WORDS: dict[str, tuple[str, str]] = {
    "text": ("is not a text code", "codes are strings such as 'ARM'"),
    "chooser": ("is not a chooser", f"state is one of {', '.join(CHOOSERS)} (upper case)"),
    "partner": ("is not a partner", f"partner is one of {', '.join(_PARTNERS)} (upper case)"),
    "number": ("is not a number", "a score is a number from -1 to 1 (or NaN with stance 'unknown')"),
    "finite": ("is not finite", "a score is a number from -1 to 1"),
    "range": ("is outside -1 … 1", "a score lies from -1 (balance) to 1 (align)"),
    "stance": ("is not a stance", f"stance is one of {', '.join(ALLOWED_STANCES)}"),
}

@lru_cache(maxsize=1)
def prediction_schema() -> pa.DataFrameSchema:
    """The pandera schema of a prediction or observed frame (element checks named as in the messages).

    Built, and pandera imported, on first use: :func:`check_prediction` needs it only when
    :func:`plainly_sound` finds a problem, so importing the course does not import pandera.
    """
    import pandera.pandas as pa

    return pa.DataFrameSchema(
        {
            "state": pa.Column(checks=[pa.Check(_is_text, element_wise=True, name="text"),
                                       pa.Check(lambda v: v in CHOOSERS, element_wise=True, name="chooser")]),
            "partner": pa.Column(checks=[pa.Check(_is_text, element_wise=True, name="text"),
                                         pa.Check(lambda v: v in _PARTNERS, element_wise=True, name="partner")]),
            "score": pa.Column(nullable=True, checks=[pa.Check(_is_number, element_wise=True, name="number"),
                                                      pa.Check(_finite_or_nan, element_wise=True, name="finite"),
                                                      pa.Check(_in_range, element_wise=True, name="range")]),
            "stance": pa.Column(checks=[pa.Check(lambda v: v in ALLOWED_STANCES, element_wise=True,
                                                 name="stance")]),
        },
        strict=False, coerce=False,
    )


_CHOOSER_SET, _PARTNER_SET, _STANCE_SET = frozenset(CHOOSERS), frozenset(_PARTNERS), frozenset(ALLOWED_STANCES)


def plainly_sound(frame: pd.DataFrame) -> bool:
    """True if every cell passes the schema's checks, read column by column in plain Python.

    Stricter than the schema (a code is a ``str``, a score a real number, NaN or in [-1, 1]),
    so True means the schema passes too. A frame from ``predict`` or ``observed`` is read in
    about 40 µs instead of the schema's 1.3 ms; on False, the schema runs and names
    the first failure (or accepts what this reading is too strict for, such as ``None`` for a
    missing score).
    """
    def codes(column: str, allowed: frozenset[str]) -> bool:
        return all(isinstance(v, str) and v in allowed for v in frame[column].tolist())

    return (codes("state", _CHOOSER_SET) and codes("partner", _PARTNER_SET) and codes("stance", _STANCE_SET)
            and all(_is_number(v) and (v != v or -1 <= v <= 1) for v in frame["score"].tolist()))


def _first_failure(error: pae.SchemaErrors, label: str) -> ValueError:
    cases = error.failure_cases
    case = cases.iloc[0]
    column, check = str(case["column"]), str(case["check"])
    problem, hint = _WORDS.get(check, (f"fails {check}", ""))
    if "not_nullable" in check:
        problem, hint = "is missing", f"every row needs a {column}"
    index = case["index"]
    row = f", row {index}" if index is not None and not pd.isna(index) else ""
    value = case["failure_case"]
    value = value.item() if hasattr(value, "item") else value
    return ValueError(f"{label}: column {column!r}{row}: {shown(value)} {problem}; {hint}")


def check_prediction(frame: object, label: str = "prediction") -> pd.DataFrame:
    """``frame`` checked as a prediction (or observed) frame; a copy with stances normalised.

    Parameters
    ----------
    frame : DataFrame
        Columns ``state, partner, score, stance`` (``reason`` and others are kept).
    label : str
        What the frame is called in messages (``"prediction"``, ``"observed"``).

    Returns
    -------
    DataFrame
        A copy with the input's index: stances stripped and lower-cased, scores as floats.
    Rows in messages are counted by position from 0.

    Raises
    ------
    TypeError
        If ``frame`` is not a DataFrame.
    ValueError
        If it is empty, lacks a column, has a (state, partner) pair twice, or a code, score or
        stance that breaks the rules above; the message names the column and the row.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{label} must be a DataFrame from predict(...) or observed(...), got {type(frame).__name__}")
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{label} lacks column(s) {', '.join(missing)}; expected {', '.join(REQUIRED_COLUMNS)} "
                         "(as predict(...) returns)")
    if frame.empty:
        raise ValueError(f"{label} has no rows; give the frame predict(...) or observed(...) returns")
    if frame.columns.duplicated().any():
        raise ValueError(f"{label} has a column name twice: {', '.join(map(str, frame.columns[frame.columns.duplicated()]))}")
    checked = frame.reset_index(drop=True)  # rows are named by position in messages
    checked["stance"] = [s.strip().lower() if isinstance(s, str) else s for s in checked["stance"]]
    if not plainly_sound(checked):
        import pandera.errors

        try:
            prediction_schema().validate(checked, lazy=True)
        except pandera.errors.SchemaErrors as exc:
            raise _first_failure(exc, label) from None
    pairs = list(zip(checked["state"].tolist(), checked["partner"].tolist()))
    if len(set(pairs)) < len(pairs):
        i = next(i for i, pair in enumerate(pairs) if pair in pairs[:i])
        raise ValueError(f"{label}: row {i}: the pair ({checked.at[i, 'state']}, {checked.at[i, 'partner']}) appears "
                         "more than once; give one row per (state, partner)")
    checked["score"] = checked["score"].astype(float)
    checked.index = frame.index
    unscored = (checked["score"].isna() & (checked["stance"] != "unknown")).to_numpy()
    if unscored.any():
        i = int(unscored.argmax())
        raise ValueError(f"{label}: column 'score', row {i}: missing (NaN) but the stance is "
                         f"{checked['stance'].iloc[i]!r}; a missing score goes with the stance 'unknown'")
    return checked


__all__ = ["ALLOWED_STANCES", "REQUIRED_COLUMNS", "check_prediction", "plainly_sound", "prediction_schema"]
