"""Checks for exercises/08_theories_side_by_side.ipynb (lesson 08, the theories side by side).

The right answers to 08.1–08.4 are not here: ``grading/exercise08.py`` (outside the installed
package) computes them, the majority vote of 08.3 for every pair of every table the check
tries included, and the answer key holds their digests (:mod:`alliances.checks.keys`). The
over-fitting question (08.5) is checked by recomputing the student's own grid; the written
answer that follows it is graded by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated, Any

import pandas as pd
from pydantic import Field, ValidationInfo, field_validator

from alliances.analysis import agreement_grid, divergence, observed, predict_all
from alliances.checks.answers import (
    LIST_LIKE,
    Check,
    call_student,
    code_pair,
    describe,
    expect_choice,
    expect_function,
    expect_number,
    fail,
    normalise_text,
    real_number,
)
from alliances.checks.keys import key
from alliances.checks.schema import Answer, choice, parse, share, text, whole
from alliances.params import FloatParam, Param, by_name
from alliances.schemas import PERIODS
from alliances.theories import STANCES, THEORIES, parameter_specs
from alliances.world import load_world

DIVERGE = "lesson 08, 'Where the theories diverge, and where they all fail'"
OVER_TIME = "lesson 08, 'Agreement over time'"
FIT = "lesson 08, 'How easy is a good fit?'"
VOTE = "lesson 08, 'Discussion questions' (question 2) and 'Where the theories diverge, and where they all fail'"

#: 08.1: the period in which the student finds the best-agreeing theory.
BEST_PERIOD = "2000-2007"
#: 08.2 and 08.4: the period of the shared failures and of the vote's comparison.
RECENT = "2023-2025"
#: 08.2: a relation is a shared failure when at most this many theories get its stance right.
MAX_MATCHES = 1
#: 08.3: subsets of theories the student's function is also tried on (even counts tie often).
SUBSETS = (("balance_of_threat", "rsct"), ("balance_of_power", "omnibalancing", "constructivism"),
           ("balance_of_power", "balance_of_threat", "constructivism", "rsct"))
#: 08.5: the grid's allowed size.
MIN_VALUES, MAX_VALUES = 2, 41

Pair = tuple[str, str]


@lru_cache(maxsize=8)
def world_tables(period: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every theory's prediction (:func:`~alliances.analysis.predict_all`) and the observed frame."""
    world = load_world(period)
    return predict_all(world), observed(world)


# -- 08.1 The best theory in one period ----------------------------------------------------

def best_theory(answer: Any) -> None:
    """08.1: the theory that agrees best with observed alignment in 2000-2007."""
    expect_choice(answer, THEORIES, key("08.1"), see=OVER_TIME, hint=(
        f"Compute agreement(predict_all(world), observed(world)) for load_world({BEST_PERIOD!r}) and take the "
        "theory with the highest stance_agreement (overall, not for one state)."))


# -- 08.2 Shared failures ------------------------------------------------------------------

def pair_text(state: str, partner: str) -> str:
    """A (state, partner) relation in the answer key's canonical form, e.g. "arm/geo"."""
    return normalise_text(f"{state}/{partner}")


def _pairs_given(answer: Any) -> set[Pair]:
    """The student's set of (state, partner) pairs, codes in capitals, or a hint on its shape."""
    example = "{('ARM', 'GEO'), ('GEO', 'ARM')}"
    if not isinstance(answer, LIST_LIKE):
        fail(f"Expected a set of (state, partner) pairs such as {example}, got {describe(answer)}.", DIVERGE)
    given = set()
    for item in answer:
        found = code_pair(item)
        if found is None:
            fail(f"Every element must be a pair of codes in quotes such as ('ARM', 'GEO'); one is {describe(item)}.",
                 DIVERGE)
        given.add((found[0].upper(), found[1].upper()))
    return given


def hard_relations(answer: Any) -> None:
    """08.2: the relations that at most one theory gets right in 2023-2025."""
    see, given = DIVERGE, _pairs_given(answer)
    if not given:
        fail("Your set is empty. In 2023-2025 every relation has at least one theory right, but some have only "
             "one: list those.", see)
    div = divergence(*world_tables(RECENT))
    unknown = sorted(given - set(zip(div["state"], div["partner"])))
    if unknown:
        fail(f"{unknown[0]} is not a (state, partner) relation with an observed stance in {RECENT}; the state "
             "comes first (ARM, AZE or GEO), then the partner.", see)
    correct = key("08.2")
    extra = {p for p in given if not correct.accepts(pair_text(*p))}
    missing = len(correct) - (len(given) - len(extra))
    if extra or missing:
        parts = ([f"{len(extra)} of your pair(s) are predicted right by two or more theories"] if extra else []) + (
            [f"you miss {missing} pair(s)"] if missing else [])
        fail("Not quite: " + " and ".join(parts) + ". Use divergence(predict_all(world), observed(world)) for "
             f"{RECENT} and keep the rows whose 'matches' is 0 or 1.", see)


# -- 08.3 A majority-vote meta-theory ------------------------------------------------------

def vote_cases() -> list[tuple[str, pd.DataFrame]]:
    """The tables 08.3's check calls the student's function on: (label, predict_all frame), in a fixed order."""
    out = [(f"predict_all(load_world({period!r}))", world_tables(period)[0]) for period in PERIODS]
    table = world_tables(RECENT)[0]
    return out + [(f"the {len(subset)} theories {list(subset)} in {RECENT}",
                   table[table["theory"].isin(subset)].reset_index(drop=True)) for subset in SUBSETS]


def vote_name(case: int, state: str, partner: str) -> str:
    """The answer-key entry of the vote on one pair of the ``case``-th table of :func:`vote_cases`."""
    return f"08.3/{case}/{state}/{partner}"


def _vote_rows(got: Any, call: str) -> dict[Pair, str]:
    """The student's vote as ``{(state, partner): stance}``, one row per pair, or a hint."""
    if not isinstance(got, pd.DataFrame):
        fail(f"{call} returned {describe(got)}; it must return a DataFrame with columns state, partner, stance.", VOTE)
    missing = [c for c in ("state", "partner", "stance") if c not in got.columns]
    if missing:
        fail(f"{call} returned a table without column(s) {missing}; it has {list(got.columns)[:8]}.", VOTE)
    out: dict[Pair, str] = {}
    for state, partner, stance in zip(got["state"], got["partner"], got["stance"]):
        key = code_pair((state, partner))
        if key is None:
            fail(f"{call} has a row whose state or partner is {describe((state, partner))}; use the codes of the "
                 "input table.", VOTE)
        if key in out:
            fail(f"{call} has two rows for {key}; give one row per (state, partner).", VOTE)
        if not isinstance(stance, str) or stance not in STANCES:
            fail(f"{call} gives {key} the stance {describe(stance)}; each stance must be one of {list(STANCES)}.",
                 VOTE)
        out[key] = stance
    return out


def _same_pairs(given: Mapping[Pair, str], pairs: set[Pair], call: str) -> None:
    if set(given) != pairs:
        lacking, extra = sorted(pairs - set(given)), sorted(set(given) - pairs)
        detail = (f"it lacks {len(lacking)} pair(s), e.g. {lacking[0]}" if lacking
                  else f"it has pair(s) not in the input, e.g. {extra[0]}")
        fail(f"{call} must have one row per (state, partner) of the input; {detail}.", VOTE)


def majority_vote(answer: Any) -> None:
    """08.3: the student's ``majority_vote(table)`` (the most common stance per pair; ties -> hedge)."""
    expect_function(answer, name="majority_vote", see=VOTE)
    for case, (label, table) in enumerate(vote_cases()):
        call = f"majority_vote({label})"
        given = _vote_rows(call_student(answer, table.copy(), name="majority_vote", see=VOTE), call)
        _same_pairs(given, set(zip(table["state"], table["partner"])), call)
        for (state, partner), g in table.groupby(["state", "partner"], sort=False):
            if not key(vote_name(case, state, partner)).accepts(normalise_text(given[(state, partner)])):
                fail(f"For {label}, {state} -> {partner}: the theories predict {list(g['stance'])}, and your function "
                     f"gives {given[(state, partner)]!r}. The vote is the stance that most of them predict, or "
                     "'hedge' when two or more stances tie for the most votes (the tie rule).", VOTE)


# -- 08.4 The vote against the best single theory -----------------------------------------

class VoteResult(Answer):
    """08.4's answer: ``{"vote": share, "best": share, "wins": periods}``."""

    vote: Annotated[float, share()]
    best: Annotated[float, share()]
    wins: Annotated[int, whole(f"a whole number of periods from 0 to {len(PERIODS)}", allowed=range(len(PERIODS) + 1))]


def vote_against_best(answer: Any) -> None:
    """08.4: the vote's agreement, the best single theory's, and in how many periods the vote wins."""
    given = parse(VoteResult, answer, see=VOTE)
    expect_number(given.vote, key("08.4/vote"), tol=0.005, see=VOTE, hint=(
        f"(your 'vote') Apply your majority_vote to predict_all(load_world({RECENT!r})) and count the share of the "
        "18 observed stances it gets right (compare with observed(world), as compare() does)."))
    expect_number(given.best, key("08.4/best"), tol=0.005, see=OVER_TIME, hint=(
        f"(your 'best') The highest stance_agreement of agreement(predict_all(world), observed(world)) in {RECENT}."))
    if not key("08.4/wins").accepts_number(float(given.wins)):
        fail(f"'wins' = {given.wins} is not right. For each of the {len(PERIODS)} periods {list(PERIODS)}, compare the vote's "
             "stance agreement with the best single theory's, and count the periods in which the vote is strictly "
             "higher.", VOTE)


# -- 08.5 Fit on one period, test on another ----------------------------------------------

def allowed_value(spec: Param, value: Any) -> Any:
    """``value`` as ``spec`` accepts it (a real number read as a float for a float parameter), or None."""
    number = real_number(value)
    try:
        return spec.validate(number if isinstance(spec, FloatParam) and number is not None else value)
    except (TypeError, ValueError):  # ParameterError is a ValueError
        return None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 1e-9
    return type(a) is type(b) and a == b


def _spec(info: ValidationInfo) -> Param | None:
    theory, parameter = info.data.get("theory"), info.data.get("parameter")
    return by_name(parameter_specs(theory)).get(parameter) if theory and parameter else None


class FitAndTest(Answer):
    """08.5's answer: a grid of one parameter, fitted on one period and tested on another."""

    theory: Annotated[str, choice(THEORIES)]
    parameter: Annotated[str, text("one of the theory's parameter names in quotes, e.g. 'w_proximity'")]
    values: list[Any] = Field(min_length=MIN_VALUES, max_length=MAX_VALUES, description=(
        f"a list of {MIN_VALUES} to {MAX_VALUES} values of the parameter to try, e.g. [0, 0.1, 0.2, ..., 1]"))
    fit_period: Annotated[str, choice(PERIODS)]
    test_period: Annotated[str, choice(PERIODS)]
    best_value: Any
    fit_agreement: Annotated[float, share()]
    test_agreement: Annotated[float, share()]

    @field_validator("parameter")
    @classmethod
    def _a_parameter_of_the_theory(cls, parameter: str, info: ValidationInfo) -> str:
        theory = info.data.get("theory")
        names = list(by_name(parameter_specs(theory))) if theory else [parameter]
        if parameter not in names:
            raise ValueError(f"{parameter!r} is not one of {theory}'s parameters {names} (see parameters({theory!r})).")
        return parameter

    @field_validator("values")
    @classmethod
    def _allowed_once(cls, values: list[Any], info: ValidationInfo) -> list[Any]:
        spec = _spec(info)
        if spec is None:
            return values
        out: list[Any] = []
        for value in values:
            valid = allowed_value(spec, value)
            if valid is None:
                raise ValueError(f"it holds {describe(value)}, which {spec.name} does not allow: give {spec.allowed()}.")
            if any(_same(valid, v) for v in out):
                raise ValueError(f"it lists {describe(value)} twice; give each value once.")
            out.append(valid)
        return out

    @field_validator("test_period")
    @classmethod
    def _another_period(cls, test_period: str, info: ValidationInfo) -> str:
        if test_period == info.data.get("fit_period"):
            raise ValueError("it is the same as 'fit_period': test on a period you did not fit on.")
        return test_period

    @field_validator("best_value")
    @classmethod
    def _one_of_the_values(cls, best: Any, info: ValidationInfo) -> Any:
        spec, values = _spec(info), info.data.get("values")
        if spec is None or values is None:
            return best
        valid = allowed_value(spec, best)
        match = next((v for v in values if valid is not None and _same(v, valid)), None)
        if match is None:
            raise ValueError(f"{describe(best)} is not one of your 'values'.")
        return match


def _key(value: Any) -> Any:
    """A grid value as a dict key (floats rounded, so 0.1 from a grid equals 0.1 typed)."""
    return round(value, 9) if isinstance(value, float) else value


@lru_cache(maxsize=32)
def grid_agreement(theory: str, parameter: str, values: tuple, fit: str, test: str) -> dict[str, dict[Any, float]]:
    """Stance agreement of each value in the fit and the test period: ``{period: {value: agreement}}``."""
    grid = agreement_grid(theory, {parameter: list(values)}, [fit, test])
    return {when: dict(zip(map(_key, grid.loc[grid["when"] == when, parameter]),
                           grid.loc[grid["when"] == when, "stance_agreement"])) for when in (fit, test)}


def fit_and_test(answer: Any) -> None:
    """08.5: a parameter fitted on one period and tested on another."""
    given = parse(FitAndTest, answer, see=FIT)
    fit, test, parameter, best = given.fit_period, given.test_period, given.parameter, given.best_value
    table = grid_agreement(given.theory, parameter, tuple(given.values), fit, test)
    top = max(table[fit].values())
    expect_number(given.fit_agreement, top, tol=0.005, see=FIT, hint=(
        f"(your 'fit_agreement') It should be the highest stance agreement over your values in {fit}: "
        f"predict({given.theory!r}, load_world({fit!r}), {parameter}=value) for each of your values, compared "
        "with observed(world) (or agreement_grid as in the lesson)."))
    if abs(table[fit][_key(best)] - top) > 1e-9:
        fail(f"With {parameter}={describe(best)} the agreement in {fit} is {table[fit][_key(best)]:.2f}, not the "
             f"highest ({top:.2f}); 'best_value' should be a value that reaches the highest.", FIT)
    expect_number(given.test_agreement, table[test][_key(best)], tol=0.005, see=FIT, hint=(
        f"(your 'test_agreement') It should be the agreement in {test} of the SAME setting, {parameter}="
        f"{describe(best)}, that you chose on {fit}: predict({given.theory!r}, load_world({test!r}), "
        f"{parameter}=...) compared with observed(world)."))


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "08.1": best_theory,
    "08.2": hard_relations,
    "08.3": majority_vote,
    "08.4": vote_against_best,
    "08.5": fit_and_test,
}
