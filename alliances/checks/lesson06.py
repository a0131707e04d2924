"""Checks for exercises/06_karabakh_frozen_conflict.ipynb (lesson 06, the Karabakh stability index).

Every correct answer is computed here from :mod:`alliances.karabakh` at check time (same
parameters as the question), so the checks follow the data when it changes.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd

from alliances import karabakh
from alliances.checks import _describe, call_student, expect_choice, expect_frame, expect_mapping, fail, register

DEFAULT = "lesson 06, 'The default index, 1994–2024'"
COUNTERFACTUALS = "lesson 06, 'Counterfactuals: switch an event off'"
MODEL = "lesson 06, 'The model'"
WEIGHTS_SECTION = "lesson 06, 'How much do the weights matter?'"

#: Question 06.2 switches this event or trend off.
COUNTERFACTUAL = {"drone_imports": False}
EFFECTS = ("earlier", "same", "later", "never")
#: Question 06.3: weights of the new (fourth) stabiliser the check tries.
NEW_WEIGHTS = (0.0, 0.5, 1.0)
#: Question 06.4: the grid step of the sensitivity table.
GRID_STEP = 0.1
TOL = 1e-6


def _is_real(value) -> bool:
    return (isinstance(value, (int, float, np.integer, np.floating))
            and not isinstance(value, (bool, np.bool_)))


def _finite(value) -> float | None:
    """``value`` as a float if it is a finite real number (not a bool), else None."""
    if not _is_real(value):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _year(value, *, what: str, see: str) -> int:
    """``value`` as an int year (a whole number), else a hint."""
    if not _is_real(value):
        fail(f"Expected {what} as a whole number such as 2012, got {_describe(value)}.", see)
    try:
        number = float(value)
    except OverflowError:
        fail(f"Expected {what} as a year such as 2012, got a number with {len(str(value))} digits.", see)
    if not math.isfinite(number) or number != int(number):
        fail(f"Expected {what} as a whole number such as 2012, got {_describe(value)}.", see)
    return int(number)


# ---------------------------------------------------------------------------------------
# 06.1 The default tipping year
# ---------------------------------------------------------------------------------------

@register("06.1")
def default_tipping_year(answer):
    correct = karabakh.tipping_year()
    year = _year(answer, what="the tipping year", see=DEFAULT)
    if correct is None:  # pragma: no cover - the data tip; kept so the check cannot break
        fail("With the default settings the index never falls below the threshold.", DEFAULT)
    if year == correct:
        return
    wars = {2016: "the April war", 2020: "the 44-day war", 2023: "the offensive"}
    if year in wars and year != correct:
        fail(f"{year} is the year of {wars[year]}, an event, not the year the index first falls below the "
             "threshold. Read the first year after 1994 in which the index (black line) is below the "
             "dashed threshold, or frame[['year', 'index', 'tipped']].", DEFAULT)
    if year < karabakh.FIRST or year > karabakh.LAST:
        fail(f"{year} is outside the index's years {karabakh.FIRST}–{karabakh.LAST}.", DEFAULT)
    fail(f"{year} is not the default tipping year. It is the first year after {karabakh.FIRST} in which "
         "the index is below the threshold 0.5 (equal weights, all events switched on).", DEFAULT)


# ---------------------------------------------------------------------------------------
# 06.2 Predict the drone counterfactual
# ---------------------------------------------------------------------------------------

def _effect(default: int | None, other: int | None) -> str:
    if other is None:
        return "never"
    if default is None or other > default:
        return "later"
    return "earlier" if other < default else "same"


@register("06.2")
def drone_counterfactual(answer):
    expect_mapping(answer, ["effect", "year"], see=COUNTERFACTUALS)
    default = karabakh.tipping_year()
    other = karabakh.tipping_year(**COUNTERFACTUAL)
    correct = _effect(default, other)
    expect_choice(answer["effect"], EFFECTS, correct,
                  hint="(your 'effect') Drone imports lower the `drones` indicator and so the offence–defence "
                       "stabiliser. Without them, is the index higher or lower in the years around the default "
                       "tipping year, and is the other stabilisers' decline enough on its own?",
                  see=COUNTERFACTUALS)
    if correct == "never":  # pragma: no cover - the data tip either way
        if answer["year"] is not None:
            fail("(your 'year') The index never tips without drone imports: give None as the year.", COUNTERFACTUALS)
        return
    year = _year(answer["year"], what="your 'year' (the tipping year without drone imports)", see=COUNTERFACTUALS)
    if year != other:
        fail(f"(your 'year') {year} is not the tipping year without drone imports. Which "
             "other indicators are already low by then? (The cell below the check shows the answer.)",
             COUNTERFACTUALS)


# ---------------------------------------------------------------------------------------
# 06.3 A fourth stabiliser (implement a model variant)
# ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _reference() -> pd.DataFrame:
    return karabakh.stability()


def _numeric(frame: pd.DataFrame, column: str, *, call: str) -> np.ndarray:
    values = frame[column]
    if isinstance(values, pd.DataFrame):
        fail(f"{call} returned a table with more than one column named {column!r}.", MODEL)
    if values.dtype == object or pd.api.types.is_bool_dtype(values):
        bad = [v for v in values if not _is_real(v)]
        if bad:
            fail(f"{call}: column {column!r} must hold numbers, but it holds {_describe(bad[0])}.", MODEL)
    elif not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_complex_dtype(values):
        fail(f"{call}: column {column!r} must hold real numbers; its type is {values.dtype}.", MODEL)
    try:
        out = np.asarray(values, dtype=float)
    except (TypeError, ValueError, OverflowError):
        fail(f"{call}: column {column!r} must hold real numbers.", MODEL)
    return out


def _student_frame(fn, weight: float) -> tuple[np.ndarray, np.ndarray]:
    """Call ``my_stability(weight)``; validate; return (new_indicator, index) in year order."""
    call = f"my_stability({weight})"
    got = call_student(fn, weight, name="my_stability", see=MODEL)
    expect_frame(got, ["year", "new_indicator", "index"], see=MODEL)
    if got.columns.duplicated().any():
        dup = list(got.columns[got.columns.duplicated()])
        fail(f"{call} returned a table with duplicated column names {dup}.", MODEL)
    years = _numeric(got, "year", call=call)
    if not np.all(np.isfinite(years)) or np.any(years != np.round(years)):
        fail(f"{call}: the 'year' column must hold whole years such as 1994.", MODEL)
    expected = list(range(karabakh.FIRST, karabakh.LAST + 1))
    if len(years) != len(set(years.tolist())):
        fail(f"{call}: some years appear more than once; give one row per year "
             f"{karabakh.FIRST}–{karabakh.LAST}.", MODEL)
    if sorted(int(y) for y in years) != expected:
        missing = sorted(set(expected) - {int(y) for y in years})
        extra = sorted({int(y) for y in years} - set(expected))
        fail(f"{call}: expected one row for each year {karabakh.FIRST}–{karabakh.LAST} ({len(expected)} rows); "
             f"missing years {missing[:5]}{'…' if len(missing) > 5 else ''}, extra years "
             f"{extra[:5]}{'…' if len(extra) > 5 else ''}.", MODEL)
    order = np.argsort(years)
    out = []
    for column in ("new_indicator", "index"):
        values = _numeric(got, column, call=call)[order]
        if not np.all(np.isfinite(values)):
            bad = expected[int(np.flatnonzero(~np.isfinite(values))[0])]
            fail(f"{call}: column {column!r} is not a finite number in {bad} (NaN or infinite). Missing data "
                 "must be filled (e.g. carry the last known value forward) or the indicator changed.", MODEL)
        if np.any(values < -1e-9) or np.any(values > 1 + 1e-9):
            bad = expected[int(np.flatnonzero((values < -1e-9) | (values > 1 + 1e-9))[0])]
            fail(f"{call}: column {column!r} is {values[expected.index(bad)]:.4g} in {bad}; it must lie from 0 "
                 "to 1 (1 = stabilising). Scale your series, e.g. (max - x) / (max - min).", MODEL)
        out.append(values)
    return out[0], out[1]


@register("06.3")
def fourth_stabiliser(fn):
    ref = _reference()
    params = karabakh.resolve({})
    weights = {name: params[w] for name, w in zip(karabakh.STABILISERS, karabakh.WEIGHTS)}
    num = sum(weights[k] * ref[k].to_numpy(float) for k in weights)
    den = sum(weights.values())
    first = None
    for weight in NEW_WEIGHTS:
        x, index = _student_frame(fn, weight)
        if first is None:
            first = x
            if np.ptp(x) < 1e-9:
                fail(f"Your new_indicator is {x[0]:.3g} in every year. An indicator built from a data series "
                     "should change over time; choose a series that varies between 1994 and 2024.", MODEL)
        elif np.max(np.abs(x - first)) > TOL:
            fail(f"Your new_indicator changes with new_weight ({NEW_WEIGHTS[0]} vs {weight}): the indicator is "
                 "data, and only the index should depend on its weight.", MODEL)
        if weight == 0:
            diff = np.abs(index - ref["index"].to_numpy(float))
            if diff.max() > TOL:
                year = karabakh.FIRST + int(diff.argmax())
                fail(f"With new_weight 0 your index should equal the model's index from karabakh.stability() "
                     f"(default settings); in {year} yours is {index[diff.argmax()]:.4f}, the model's "
                     f"{ref['index'].iloc[int(diff.argmax())]:.4f}. Start from the model's three stabilisers "
                     "and default weights.", MODEL)
        else:
            want = (num + weight * x) / (den + weight)
            diff = np.abs(index - want)
            if diff.max() > TOL:
                year = karabakh.FIRST + int(diff.argmax())
                fail(f"With new_weight {weight} your index in {year} is {index[diff.argmax()]:.4f}; the weighted "
                     f"mean of the three stabilisers and your new_indicator is {want[diff.argmax()]:.4f}. Add "
                     "new_weight × new_indicator to the numerator AND new_weight to the denominator.", MODEL)


# ---------------------------------------------------------------------------------------
# 06.4 Earliest tipping in the sensitivity grid (read a table)
# ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _sensitivity() -> pd.DataFrame:
    return karabakh.sensitivity(step=GRID_STEP)


@register("06.4")
def earliest_weights(answer):
    keys = list(karabakh.WEIGHTS) + ["tipping_year"]
    expect_mapping(answer, keys, see=WEIGHTS_SECTION)
    grid = _sensitivity()
    tipped = grid.dropna(subset=["tipping_year"])
    earliest = int(tipped["tipping_year"].min())
    best = tipped[tipped["tipping_year"] == earliest]
    got = {}
    for key in karabakh.WEIGHTS:
        value = _finite(answer[key])
        if value is None:
            fail(f"Your {key!r} should be a weight from the table, a number such as 0.3; got "
                 f"{_describe(answer[key])}.", WEIGHTS_SECTION)
        got[key] = value
    year = _year(answer["tipping_year"], what="your 'tipping_year'", see=WEIGHTS_SECTION)
    if abs(sum(got.values()) - 1) > 1e-6:
        fail(f"Your three weights add up to {sum(got.values()):.3g}; every row of the sensitivity table has "
             "weights summing to 1.", WEIGHTS_SECTION)
    match = best[np.all([np.abs(best[k].to_numpy(float) - got[k]) < 1e-6 for k in karabakh.WEIGHTS], axis=0)]
    if match.empty:
        row = grid[np.all([np.abs(grid[k].to_numpy(float) - got[k]) < 1e-6 for k in karabakh.WEIGHTS], axis=0)]
        if row.empty:
            fail("Those weights are not a row of karabakh.sensitivity(step=0.1): each weight is a multiple of "
                 "0.1.", WEIGHTS_SECTION)
        fail(f"Those weights tip in {row['tipping_year'].iloc[0]}, but other weightings tip earlier. Sort the "
             "table by tipping_year (sens.sort_values('tipping_year')) and read the first row.", WEIGHTS_SECTION)
    if year != earliest:
        fail(f"Your weights are right, but {year} is not their tipping year: read it from the same row.",
             WEIGHTS_SECTION)
