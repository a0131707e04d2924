"""Checks for exercises/06_karabakh_frozen_conflict.ipynb (lesson 06, the Karabakh stability index).

The right answers to 06.1, 06.2 and 06.4 are not here: ``grading/exercise06.py`` (outside the
installed package) computes them and the answer key holds their digests
(:mod:`alliances.checks.keys`). 06.3 checks the student's own fourth stabiliser against the
formula of the question, applied to the model's stabilisers (:func:`index_with`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

import numpy as np
import pandas as pd

from alliances import karabakh
from alliances.checks.answers import (
    Check,
    call_student,
    describe,
    expect_choice,
    expect_frame,
    expect_whole_number,
    fail,
    is_real_type,
)
from alliances.checks.keys import key
from alliances.checks.schema import Answer, choice, number, parse, whole

DEFAULT = "lesson 06, 'The default index, 1994–2024'"
COUNTERFACTUALS = "lesson 06, 'Counterfactuals: switch an event off'"
MODEL = "lesson 06, 'The model'"
WEIGHTS_SECTION = "lesson 06, 'How much do the weights matter?'"

#: Question 06.2's options: what switching drone imports off does to the tipping year.
EFFECTS = ("earlier", "same", "later", "never")
#: Question 06.3: weights of the new (fourth) stabiliser the check tries.
NEW_WEIGHTS = (0.0, 0.5, 1.0)
#: Question 06.4: the grid step of the sensitivity table.
GRID_STEP = 0.1
TOL = 1e-6
#: Years of the index, and the events a wrong tipping year is often confused with.
YEARS = list(range(karabakh.FIRST, karabakh.LAST + 1))
WARS = {2016: "the April war", 2020: "the 44-day war", 2023: "the offensive"}


# -- 06.1 The default tipping year --------------------------------------------------------

def default_tipping_year(answer: Any) -> None:
    """06.1: the first year after 1994 in which the default index falls below the threshold."""
    year = expect_whole_number(answer, what="the tipping year", example="2012", see=DEFAULT)
    if key("06.1").accepts_number(float(year)):
        return
    if year in WARS:
        fail(f"{year} is the year of {WARS[year]}, an event, not the year the index first falls below the "
             "threshold. Read the first year after 1994 in which the index (black line) is below the "
             "dashed threshold, or frame[['year', 'index', 'tipped']].", DEFAULT)
    if year < karabakh.FIRST or year > karabakh.LAST:
        fail(f"{year} is outside the index's years {karabakh.FIRST}–{karabakh.LAST}.", DEFAULT)
    fail(f"{year} is not the default tipping year. It is the first year after {karabakh.FIRST} in which "
         "the index is below the threshold 0.5 (equal weights, all events switched on).", DEFAULT)


# -- 06.2 Predict the drone counterfactual -------------------------------------------------

class DroneCounterfactual(Answer):
    """06.2's answer: ``{"effect": one of EFFECTS, "year": a year, or None if it never tips}``."""

    effect: Annotated[str, choice(EFFECTS)]
    year: Annotated[int | None, whole("a year such as 2018 (or None if the index never tips)", optional=True)]


def year_text(year: int | None) -> str:
    """06.2's year in the answer key's canonical form: the year, or "none" if the index never tips."""
    return "none" if year is None else str(year)


def drone_counterfactual(answer: Any) -> None:
    """06.2: the student's prediction of the tipping year without drone imports."""
    given = parse(DroneCounterfactual, answer, see=COUNTERFACTUALS)
    expect_choice(given.effect, EFFECTS, key("06.2/effect"), see=COUNTERFACTUALS, hint=(
        "(your 'effect') Drone imports lower the `drones` indicator and so the offence–defence "
        "stabiliser. Without them, is the index higher or lower in the years around the default "
        "tipping year, and is the other stabilisers' decline enough on its own?"))
    if not key("06.2/year").accepts(year_text(given.year)):
        fail(f"(your 'year') {describe(given.year)} is not the tipping year without drone imports. Which "
             "other indicators are already low by then? (The cell below the check shows the answer.)",
             COUNTERFACTUALS)


# -- 06.3 A fourth stabiliser (implement a model variant) ---------------------------------

@lru_cache(maxsize=1)
def reference_index() -> pd.DataFrame:
    """The default :func:`alliances.karabakh.stability` frame."""
    return karabakh.stability()


def index_with(indicator: np.ndarray, weight: float) -> np.ndarray:
    """The default index with ``indicator`` (one value per year) as a fourth stabiliser of ``weight``."""
    ref, params = reference_index(), karabakh.resolve({})
    weights = {name: float(params[w]) for name, w in zip(karabakh.STABILISERS, karabakh.WEIGHTS)}
    num = sum(weights[k] * ref[k].to_numpy(float) for k in weights)
    return (num + weight * indicator) / (sum(weights.values()) + weight)


def _column(frame: pd.DataFrame, column: str, call: str) -> np.ndarray:
    """A column of real numbers as floats, or a hint."""
    values = frame[column]
    if values.dtype == object or pd.api.types.is_bool_dtype(values):
        bad = [v for v in values if not is_real_type(v)]
        if bad:
            fail(f"{call}: column {column!r} must hold numbers, but it holds {describe(bad[0])}.", MODEL)
    elif not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_complex_dtype(values):
        fail(f"{call}: column {column!r} must hold real numbers; its type is {values.dtype}.", MODEL)
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError, OverflowError):
        fail(f"{call}: column {column!r} must hold real numbers.", MODEL)


def _year_order(frame: pd.DataFrame, call: str) -> np.ndarray:
    """The row order that sorts ``frame`` by year, once each year 1994–2024 is there exactly once."""
    years = _column(frame, "year", call)
    if not np.all(np.isfinite(years)) or np.any(years != np.round(years)):
        fail(f"{call}: the 'year' column must hold whole years such as 1994.", MODEL)
    if len(years) != len(set(years.tolist())):
        fail(f"{call}: some years appear more than once; give one row per year {YEARS[0]}–{YEARS[-1]}.", MODEL)
    given = {int(y) for y in years}
    if given != set(YEARS):
        missing, extra = sorted(set(YEARS) - given), sorted(given - set(YEARS))
        fail(f"{call}: expected one row for each year {YEARS[0]}–{YEARS[-1]} ({len(YEARS)} rows); missing years "
             f"{missing[:5]}{'…' if len(missing) > 5 else ''}, extra years {extra[:5]}{'…' if len(extra) > 5 else ''}.",
             MODEL)
    return np.argsort(years)


def _student_frame(fn: Any, weight: float) -> tuple[np.ndarray, np.ndarray]:
    """Call ``my_stability(weight)``; validate; return (new_indicator, index) in year order."""
    call = f"my_stability({weight})"
    got = expect_frame(call_student(fn, weight, name="my_stability", see=MODEL), ["year", "new_indicator", "index"],
                       see=MODEL)
    order = _year_order(got, call)
    out = []
    for column in ("new_indicator", "index"):
        values = _column(got, column, call)[order]
        if not np.all(np.isfinite(values)):
            bad = YEARS[int(np.flatnonzero(~np.isfinite(values))[0])]
            fail(f"{call}: column {column!r} is not a finite number in {bad} (NaN or infinite). Missing data "
                 "must be filled (e.g. carry the last known value forward) or the indicator changed.", MODEL)
        outside = np.flatnonzero((values < -1e-9) | (values > 1 + 1e-9))
        if len(outside):
            fail(f"{call}: column {column!r} is {values[outside[0]]:.4g} in {YEARS[outside[0]]}; it must lie from 0 "
                 "to 1 (1 = stabilising). Scale your series, e.g. (max - x) / (max - min).", MODEL)
        out.append(values)
    return out[0], out[1]


def _index_hint(weight: float, index: np.ndarray, want: np.ndarray) -> str | None:
    diff = np.abs(index - want)
    if diff.max() <= TOL:
        return None
    at = int(diff.argmax())
    if weight == 0:
        return (f"With new_weight 0 your index should equal the model's index from karabakh.stability() (default "
                f"settings); in {YEARS[at]} yours is {index[at]:.4f}, the model's {want[at]:.4f}. Start from the "
                "model's three stabilisers and default weights.")
    return (f"With new_weight {weight} your index in {YEARS[at]} is {index[at]:.4f}; the weighted mean of the three "
            f"stabilisers and your new_indicator is {want[at]:.4f}. Add new_weight × new_indicator to the "
            "numerator AND new_weight to the denominator.")


def fourth_stabiliser(answer: Any) -> None:
    """06.3: the student's ``my_stability(new_weight)`` with a fourth stabiliser."""
    first = None
    for weight in NEW_WEIGHTS:
        x, index = _student_frame(answer, weight)
        if first is None and np.ptp(x) < 1e-9:
            fail(f"Your new_indicator is {x[0]:.3g} in every year. An indicator built from a data series "
                 "should change over time; choose a series that varies between 1994 and 2024.", MODEL)
        if first is not None and np.max(np.abs(x - first)) > TOL:
            fail(f"Your new_indicator changes with new_weight ({NEW_WEIGHTS[0]} vs {weight}): the indicator is "
                 "data, and only the index should depend on its weight.", MODEL)
        first = x if first is None else first
        problem = _index_hint(weight, index, index_with(x, weight))
        if problem:
            fail(problem, MODEL)


# -- 06.4 Earliest tipping in the sensitivity grid (read a table) --------------------------

@lru_cache(maxsize=1)
def sensitivity_grid() -> pd.DataFrame:
    """:func:`alliances.karabakh.sensitivity` on the grid of question 06.4."""
    return karabakh.sensitivity(step=GRID_STEP)


Weight = Annotated[float, number("a weight from the table, a number such as 0.3", low=0, high=1)]


class Earliest(Answer):
    """06.4's answer: the three weights of the earliest-tipping row and its tipping year."""

    w_offence_defence: Weight
    w_regional: Weight
    w_inertia: Weight
    tipping_year: Annotated[int, whole("a year such as 2012")]


def weights_text(weights: dict[str, float]) -> str:
    """06.4's weights in the answer key's canonical form, e.g. "0.10/0.20/0.70"."""
    return "/".join(f"{weights[w]:.2f}" for w in karabakh.WEIGHTS)


def _rows_with(grid: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    return grid[np.all([np.abs(grid[k].to_numpy(float) - weights[k]) < 1e-6 for k in karabakh.WEIGHTS], axis=0)]


def earliest_weights(answer: Any) -> None:
    """06.4: the weighting that tips earliest in the sensitivity table, and its tipping year."""
    given = parse(Earliest, answer, see=WEIGHTS_SECTION).model_dump()
    weights = {k: given[k] for k in karabakh.WEIGHTS}
    if abs(sum(weights.values()) - 1) > 1e-6:
        fail(f"Your three weights add up to {sum(weights.values()):.3g}; every row of the sensitivity table has "
             "weights summing to 1.", WEIGHTS_SECTION)
    row = _rows_with(sensitivity_grid(), weights)
    if row.empty:
        fail("Those weights are not a row of karabakh.sensitivity(step=0.1): each weight is a multiple of 0.1.",
             WEIGHTS_SECTION)
    if not key("06.4/weights").accepts(weights_text(weights)):
        tips = row["tipping_year"].iloc[0]
        fail(f"Those weights tip in {'no year' if pd.isna(tips) else int(tips)}, but other weightings tip earlier. "
             "Sort the table by tipping_year (sens.sort_values('tipping_year')) and read the first row.",
             WEIGHTS_SECTION)
    if not key("06.4/year").accepts_number(float(given["tipping_year"])):
        fail(f"Your weights are right, but {given['tipping_year']} is not their tipping year: read it from the "
             "same row.", WEIGHTS_SECTION)


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "06.1": default_tipping_year,
    "06.2": drone_counterfactual,
    "06.3": fourth_stabiliser,
    "06.4": earliest_weights,
}
