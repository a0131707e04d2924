"""Checks for exercises/08_theories_side_by_side.ipynb (lesson 08, the theories side by side).

Every correct answer is computed here from :mod:`alliances.comparison` and
:mod:`alliances.dashboard` at check time (same periods, same parameters as the question), so
the checks follow the data when it changes. The majority vote (08.3) is recomputed by
:func:`majority_vote_reference`, whose tie rule the notebook states. The over-fitting
question (08.5) is checked by recomputing the student's own grid; the written answer that
follows it is graded by hand.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Set
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from alliances.checks import _describe, call_student, expect_choice, expect_mapping, expect_number, fail, register
from alliances.comparison import agreement, divergence, predict_all
from alliances.errors import ParameterError
from alliances.observed import observed
from alliances.schemas import PERIODS
from alliances.theories import STANCES, THEORIES, parameter_specs
from alliances.world import load_world

DEFAULT_STATE = "lesson 08, 'The default state, 2020–2024'"
DIVERGE = "lesson 08, 'Where the theories diverge, and where they all fail'"
OVER_TIME = "lesson 08, 'Agreement over time'"
FIT = "lesson 08, 'How easy is a good fit?'"
VOTE = "lesson 08, 'Discussion questions' (question 2) and 'Where the theories diverge, and where they all fail'"

#: 08.1: the period in which the student finds the best-agreeing theory.
BEST_PERIOD = "2000-2007"
#: 08.2 and 08.4: the period of the shared failures and of the vote's comparison.
RECENT = "2020-2024"
#: 08.2: a relation is a shared failure when at most this many theories get its stance right.
MAX_MATCHES = 1
#: 08.3: the stance a tie for the most common stance resolves to.
TIE_STANCE = "hedge"
#: 08.3: subsets of theories the student's function is also tried on (even counts tie often).
SUBSETS = (("balance_of_threat", "rsct"), ("balance_of_power", "omnibalancing", "constructivism"),
           ("balance_of_power", "balance_of_threat", "constructivism", "rsct"))
#: 08.5: the grid's allowed size and the keys of the answer.
MIN_VALUES, MAX_VALUES = 2, 41
FIT_KEYS = ("theory", "parameter", "values", "fit_period", "test_period", "best_value",
            "fit_agreement", "test_agreement")


def _finite(value: Any) -> float | None:
    """``value`` as a float if it is a finite real number (not a bool), else None."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _share(answer: Any, correct: float, *, name: str, hint: str, see: str) -> None:
    """A stance agreement given as a share from 0 to 1 (a percentage gets its own hint)."""
    value = _finite(answer)
    if value is not None and 1 < value <= 100:
        fail(f"Your {name} is {value:g}: give the agreement as a share from 0 to 1, not a percentage.", see)
    expect_number(answer, correct, tol=0.005, hint=f"(your {name}) {hint}", see=see)


@lru_cache(maxsize=8)
def _world_tables(period: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    world = load_world(period)
    return predict_all(world), observed(world)


# ---------------------------------------------------------------------------------------
# 08.1 The best theory in one period
# ---------------------------------------------------------------------------------------

@register("08.1")
def best_theory(answer):
    table, obs = _world_tables(BEST_PERIOD)
    scores = agreement(table, obs)
    top = scores["stance_agreement"].max()
    best = set(scores.loc[(scores["stance_agreement"] - top).abs() < 1e-9, "theory"])
    expect_choice(answer, THEORIES, best,
                  hint=f"Compute agreement(predict_all(world), observed(world)) for load_world({BEST_PERIOD!r}) "
                       "and take the theory with the highest stance_agreement (overall, not for one state).",
                  see=OVER_TIME)


# ---------------------------------------------------------------------------------------
# 08.2 Shared failures
# ---------------------------------------------------------------------------------------

def shared_failures(period: str = RECENT, max_matches: int = MAX_MATCHES) -> set[tuple[str, str]]:
    """The (state, partner) relations whose observed stance at most ``max_matches`` theories predict."""
    div = divergence(*_world_tables(period))
    return {(r.state, r.partner) for r in div.itertuples() if r.matches <= max_matches}


@register("08.2")
def hard_relations(answer):
    see = DIVERGE
    example = "{('ARM', 'GEO'), ('GEO', 'ARM')}"
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, (list, tuple, Set)):
        fail(f"Expected a set of (state, partner) pairs such as {example}, got {_describe(answer)}.", see)
    given = set()
    for item in answer:
        if (not isinstance(item, (tuple, list)) or len(item) != 2
                or not all(isinstance(x, str) for x in item)):
            fail(f"Every element must be a pair of codes in quotes such as ('ARM', 'GEO'); one is "
                 f"{_describe(item)}.", see)
        given.add((item[0].strip().upper(), item[1].strip().upper()))
    if not given:
        fail("Your set is empty. In 2020-2024 every relation has at least one theory right, but "
             "some have only one: list those.", see)
    div = divergence(*_world_tables(RECENT))
    known = set(zip(div["state"], div["partner"]))
    unknown = sorted(given - known)
    if unknown:
        fail(f"{unknown[0]} is not a (state, partner) relation with an observed stance in {RECENT}; "
             "the state comes first (ARM, AZE or GEO), then the partner.", see)
    correct = shared_failures()
    extra, missing = given - correct, correct - given
    if extra or missing:
        parts = []
        if extra:
            parts.append(f"{len(extra)} of your pair(s) are predicted right by two or more theories")
        if missing:
            parts.append(f"you miss {len(missing)} pair(s)")
        fail("Not quite: " + " and ".join(parts) + ". Use divergence(predict_all(world), "
             f"observed(world)) for {RECENT} and keep the rows whose 'matches' is 0 or 1.", see)


# ---------------------------------------------------------------------------------------
# 08.3 A majority-vote meta-theory
# ---------------------------------------------------------------------------------------

def vote_stance(stances: list[str]) -> str:
    """The most common stance; a tie for the most common gives :data:`TIE_STANCE`."""
    counts = pd.Series(stances).value_counts()
    top = counts[counts == counts.max()]
    return top.index[0] if len(top) == 1 else TIE_STANCE


def majority_vote_reference(table: pd.DataFrame) -> pd.DataFrame:
    """The check's majority vote: one row per (state, partner) of a predict_all frame."""
    rows = [(state, partner, vote_stance(list(g["stance"])))
            for (state, partner), g in table.groupby(["state", "partner"], sort=False)]
    return pd.DataFrame(rows, columns=["state", "partner", "stance"])


def _vote_cases():
    for period in PERIODS:
        table, _ = _world_tables(period)
        yield f"predict_all(load_world({period!r}))", table
    table, _ = _world_tables(RECENT)
    for subset in SUBSETS:
        yield (f"the {len(subset)} theories {list(subset)} in {RECENT}",
               table[table["theory"].isin(subset)].reset_index(drop=True))


def _vote_as_dict(got: Any, label: str, pairs: set[tuple[str, str]], see: str) -> dict:
    name = "majority_vote"
    if not isinstance(got, pd.DataFrame):
        fail(f"{name}({label}) returned {_describe(got)}; it must return a DataFrame with columns "
             "state, partner, stance.", see)
    missing = [c for c in ("state", "partner", "stance") if c not in got.columns]
    if missing:
        fail(f"{name}({label}) returned a table without column(s) {missing}; it has "
             f"{list(got.columns)[:8]}.", see)
    out = {}
    for state, partner, stance in zip(got["state"], got["partner"], got["stance"]):
        try:
            key = (state, partner)
            hash(key)
        except TypeError:
            fail(f"{name}({label}) has a row whose state or partner is {_describe(key)}; use the codes "
                 "of the input table.", see)
        if key in out:
            fail(f"{name}({label}) has two rows for {key}; give one row per (state, partner).", see)
        if not isinstance(stance, str) or stance not in STANCES:
            fail(f"{name}({label}) gives {key} the stance {_describe(stance)}; each stance must be one of "
                 f"{list(STANCES)}.", see)
        out[key] = stance
    if set(out) != pairs:
        lacking = sorted(pairs - set(out), key=str)
        extra = sorted(set(out) - pairs, key=str)
        detail = (f"it lacks {len(lacking)} pair(s), e.g. {lacking[0]}" if lacking
                  else f"it has pair(s) not in the input, e.g. {_describe(extra[0])}")
        fail(f"{name}({label}) must have one row per (state, partner) of the input; {detail}.", see)
    return out


@register("08.3")
def majority_vote(fn):
    see = VOTE
    if not callable(fn):
        fail(f"Expected majority_vote to be a function (def majority_vote(table): ...), got {_describe(fn)}.", see)
    for label, table in _vote_cases():
        pairs = set(zip(table["state"], table["partner"]))
        got = call_student(fn, table.copy(), name="majority_vote", see=see)
        given = _vote_as_dict(got, label, pairs, see)
        for (state, partner), g in table.groupby(["state", "partner"], sort=False):
            stances = list(g["stance"])
            correct = vote_stance(stances)
            if given[(state, partner)] != correct:
                counts = pd.Series(stances).value_counts()
                tie = (counts == counts.max()).sum() > 1
                rule = (f"the most common stances tie, and the tie rule says {TIE_STANCE!r}" if tie
                        else f"{correct!r} is the most common stance")
                fail(f"For {label}, {state} -> {partner}: the theories predict {stances}, so the vote is "
                     f"{correct!r} ({rule}); your function gives {given[(state, partner)]!r}.", see)


# ---------------------------------------------------------------------------------------
# 08.4 The vote against the best single theory
# ---------------------------------------------------------------------------------------

def _vote_agreement(period: str) -> float:
    table, obs = _world_tables(period)
    vote = majority_vote_reference(table)
    seen = obs[obs["stance"] != "unknown"].merge(vote, on=["state", "partner"], suffixes=("_obs", ""))
    return float((seen["stance"] == seen["stance_obs"]).mean())


def _best_single(period: str) -> float:
    return float(agreement(*_world_tables(period))["stance_agreement"].max())


@register("08.4")
def vote_against_best(answer):
    see = VOTE
    expect_mapping(answer, ["vote", "best", "wins"], see=see)
    _share(answer["vote"], _vote_agreement(RECENT), name="'vote'", see=see,
           hint=f"Apply your majority_vote to predict_all(load_world({RECENT!r})) and count the share of "
                "the 18 observed stances it gets right (compare with observed(world), as compare() does).")
    _share(answer["best"], _best_single(RECENT), name="'best'", see=OVER_TIME,
           hint=f"The highest stance_agreement of agreement(predict_all(world), observed(world)) in {RECENT}.")
    wins = _finite(answer["wins"])
    if wins is None or wins != int(wins) or not 0 <= wins <= len(PERIODS):
        fail(f"'wins' should be a whole number of periods from 0 to {len(PERIODS)}, got "
             f"{_describe(answer['wins'])}.", see)
    correct = sum(_vote_agreement(p) > _best_single(p) + 1e-9 for p in PERIODS)
    if int(wins) != correct:
        fail(f"'wins' = {int(wins)} is not right. For each of the four periods {list(PERIODS)}, compare "
             "the vote's stance agreement with the best single theory's, and count the periods in which "
             "the vote is strictly higher.", see)


# ---------------------------------------------------------------------------------------
# 08.5 Fit on one period, test on another
# ---------------------------------------------------------------------------------------

@lru_cache(maxsize=32)
def _grid(theory: str, parameter: str, values: tuple, fit: str, test: str) -> pd.DataFrame:
    from alliances.dashboard import agreement_grid  # here: the dashboard imports Altair, slow

    return agreement_grid(theory, {parameter: list(values)}, [fit, test])


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 1e-9
    return type(a) is type(b) and a == b


@register("08.5")
def fit_and_test(answer):
    see = FIT
    expect_mapping(answer, FIT_KEYS, see=see)
    theory = answer["theory"]
    if not isinstance(theory, str) or theory not in THEORIES:
        fail(f"'theory' should be one of {list(THEORIES)}, got {_describe(theory)}.", see)
    specs = {p.name: p for p in parameter_specs(theory)}
    parameter = answer["parameter"]
    if not isinstance(parameter, str) or parameter not in specs:
        fail(f"'parameter' should be one of {theory}'s parameters {list(specs)} (see "
             f"parameters({theory!r})), got {_describe(parameter)}.", see)
    spec = specs[parameter]
    raw = answer["values"]
    if isinstance(raw, (str, bytes, Mapping)) or not isinstance(raw, (list, tuple)):
        fail(f"'values' should be a list of the values of {parameter} to try, e.g. [0, 0.1, 0.2, ..., 1], "
             f"got {_describe(raw)}.", see)
    if not MIN_VALUES <= len(raw) <= MAX_VALUES:
        fail(f"'values' has {len(raw)} value(s); give {MIN_VALUES} to {MAX_VALUES}.", see)
    values = []
    for value in raw:
        try:
            valid = spec.validate(float(value) if _finite(value) is not None and spec.kind == "float" else value)
        except (ParameterError, TypeError, ValueError):
            fail(f"'values' holds {_describe(value)}, which {parameter} does not allow: give {spec.allowed()}.", see)
        if any(_same(valid, v) for v in values):
            fail(f"'values' lists {_describe(value)} twice; give each value once.", see)
        values.append(valid)
    fit, test = answer["fit_period"], answer["test_period"]
    for key, period in (("fit_period", fit), ("test_period", test)):
        if not isinstance(period, str) or period not in PERIODS:
            fail(f"'{key}' should be one of the periods {list(PERIODS)}, got {_describe(period)}.", see)
    if fit == test:
        fail("'fit_period' and 'test_period' are the same: test on a period you did not fit on.", see)

    grid = _grid(theory, parameter, tuple(values), fit, test)
    fitted = dict(zip(map(_key, grid.loc[grid["when"] == fit, parameter]),
                      grid.loc[grid["when"] == fit, "stance_agreement"]))
    tested = dict(zip(map(_key, grid.loc[grid["when"] == test, parameter]),
                      grid.loc[grid["when"] == test, "stance_agreement"]))
    top = max(fitted.values())
    where = (f"predict({theory!r}, load_world({fit!r}), {parameter}=value) for each of your values, "
             "compared with observed(world) (or agreement_grid as in the lesson)")
    _share(answer["fit_agreement"], top, name="'fit_agreement'", see=see,
           hint=f"It should be the highest stance agreement over your values in {fit}: {where}.")

    best = answer["best_value"]
    try:
        best_valid = spec.validate(float(best) if _finite(best) is not None and spec.kind == "float" else best)
    except (ParameterError, TypeError, ValueError):
        fail(f"'best_value' is {_describe(best)}; it should be one of your 'values'.", see)
    match = [v for v in values if _same(v, best_valid)]
    if not match:
        fail(f"'best_value' {_describe(best)} is not one of your 'values'.", see)
    if abs(fitted[_key(match[0])] - top) > 1e-9:
        fail(f"With {parameter}={_describe(best)} the agreement in {fit} is {fitted[_key(match[0])]:.2f}, not "
             f"the highest ({top:.2f}); 'best_value' should be a value that reaches the highest.", see)
    _share(answer["test_agreement"], tested[_key(match[0])], name="'test_agreement'", see=see,
           hint=f"It should be the agreement in {test} of the SAME setting, {parameter}={_describe(best)}, "
                f"that you chose on {fit}: predict({theory!r}, load_world({test!r}), {parameter}=...) "
                "compared with observed(world).")


def _key(value: Any) -> Any:
    """A grid value as a dict key (floats rounded, so 0.1 from a grid equals 0.1 typed)."""
    return round(value, 9) if isinstance(value, float) else value
