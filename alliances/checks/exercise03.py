"""Checks for exercises/03_omnibalancing.ipynb (lesson 03, omnibalancing).

Every correct answer is computed here from the package at check time (same world, same
parameters as the question), so the checks follow the data when it changes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd

from alliances.analysis import grid, sweep
from alliances.checks.answers import Check, describe, expect_choice, fail, real_number
from alliances.schemas import CHOOSERS
from alliances.theories import STANCES, explain, predict
from alliances.theories.inputs import vertical_weakness
from alliances.world import load_world

PERIOD = "2008-2019"
DATA = "lesson 03, 'Real data: threats to the regime'"
TERMS = "lesson 03, 'What each partner can do: the three terms, side by side'"
WEIGHT = "lesson 03, 'Regime security against external threats: `internal_weight`'"
#: Question 03.4 sweeps the symmetric regime-affinity variant (any regime gap counts).
SYMMETRIC = {"affinity": "symmetric"}
SWEEP = "lesson 03, 'How sensitive is the key result? A sweep'"
#: Resolution of the internal_weight sweep in question 03.4, and how far below / above the
#: first split an answer may lie (above: a sweep in steps of 0.05 lands up to 0.05 late).
SWEEP_STEPS = 1000
SPLIT_BELOW, SPLIT_ABOVE = 0.01, 0.05


# -- 03.1 -------------------------------------------------------------------------------

def most_vertically_weak_states(period: str = PERIOD) -> set[str]:
    """The chooser(s) with the largest vertical weakness (all of them on a tie)."""
    world = load_world(period)
    weakness = {s: vertical_weakness(world, s) for s in world.choosers}
    top = max(weakness.values())
    return {s for s, v in weakness.items() if v >= top - 1e-12}


def most_vertically_weak(answer: Any) -> None:
    """03.1: the chooser whose regime is most threatened from within."""
    expect_choice(answer, CHOOSERS, most_vertically_weak_states(), see=DATA, hint=(
        f"Compute inputs.vertical_weakness(world, state) for each of {', '.join(CHOOSERS)} in {PERIOD} "
        "and take the largest (compare the numbers: two states are close). It weighs regime-threatening "
        "events (contested elections, protests, revolutions, coups), each fading with a half-life of "
        "UNREST_HALF_LIFE years, not wars or separatism."))


# -- 03.2 -------------------------------------------------------------------------------

def patron_terms(period: str = PERIOD) -> tuple[list[str], set[str]]:
    """Omnibalancing's terms for GEO -> RUS, and the one(s) with the largest positive contribution."""
    table = explain("omnibalancing", load_world(period), "GEO", "RUS")
    parts = {k: v for k, v in zip(table["input"], table["contribution"]) if k != "score"}
    top = max(parts.values())
    return list(parts), {k for k, v in parts.items() if v >= top - 1e-12}


def patron_term(answer: Any) -> None:
    """03.2: the term that pulls Georgia's score towards Russia up the most."""
    terms, correct = patron_terms()
    expect_choice(answer, terms, correct, see=TERMS, hint=(
        "Run explain('omnibalancing', world, 'GEO', 'RUS') and look for the term with the largest "
        "POSITIVE contribution (the one that pulls the score up, towards Russia), not the largest "
        "in size."))


# -- 03.3 -------------------------------------------------------------------------------

def full_internal_weight_stance(period: str = PERIOD) -> str:
    """Azerbaijan's predicted stance towards the West with ``internal_weight=1``."""
    table = predict("omnibalancing", load_world(period), internal_weight=1.0)
    return str(table[(table["state"] == "AZE") & (table["partner"] == "WEST")]["stance"].iloc[0])


def predict_full_internal_weight(answer: Any) -> None:
    """03.3: the student's prediction of Azerbaijan's stance towards the West with internal_weight=1."""
    expect_choice(answer, STANCES, full_internal_weight_stance(), see=WEIGHT, hint=(
        "With internal_weight=1 the West's coded acts towards Azerbaijan no longer count at all: only "
        "what the West can do for the regime (its reach times regime affinity) is left. How similar is "
        "Azerbaijan's regime to the West's? Then run the cell below the question to see."))


# -- 03.4 -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def west_stances(period: str = PERIOD) -> pd.DataFrame:
    """Armenia's and Azerbaijan's stance towards the West (columns ARM, AZE) on a fine grid of
    ``internal_weight`` (the index)."""
    weights = grid("omnibalancing", "internal_weight", steps=SWEEP_STEPS + 1)
    swept = sweep("omnibalancing", load_world(period), "internal_weight", weights, **SYMMETRIC)
    west = swept[swept["partner"] == "WEST"].pivot(index="value", columns="state", values="stance")
    return west[["ARM", "AZE"]]


def first_split(period: str = PERIOD) -> float | None:
    """The smallest ``internal_weight`` at which the two stances towards the West differ (None if never)."""
    west = west_stances(period)
    split = west.index[west["ARM"] != west["AZE"]]
    return float(split.min()) if len(split) else None


def split_weight(answer: Any) -> None:
    """03.4: the smallest internal_weight at which Armenia and Azerbaijan part ways over the West."""
    value = real_number(answer)
    if value is None or not 0.0 <= value <= 1.0:
        fail(f"Expected a weight from internal_weight's range 0 to 1, got {describe(answer)}.", SWEEP)
    first = first_split()
    if first is None:  # the data changed so that they never split: nothing can be right
        fail("With the current data Armenia's and Azerbaijan's stances towards the West never differ "
             "for any internal_weight; tell your instructor.", SWEEP)
    if first - SPLIT_BELOW <= value <= first + SPLIT_ABOVE:
        return
    west = west_stances()
    nearest = west.iloc[int(abs(west.index.to_numpy(float) - value).argmin())]
    if nearest["ARM"] != nearest["AZE"] and value > first:
        fail(f"At internal_weight={value:g} the stances do differ (Armenia: {nearest['ARM']}, Azerbaijan: "
             f"{nearest['AZE']}), but they already differ at a smaller weight: the question asks for the "
             "smallest one. Sweep internal_weight from 0 upwards in steps of 0.01 with affinity='symmetric' "
             "(grid and sweep from alliances.analysis).", SWEEP)
    fail(f"At internal_weight={value:g} both stances towards the West are '{nearest['ARM']}'. Sweep "
         "internal_weight from 0 to 1 in steps of 0.01 (grid and sweep from alliances.analysis) and find "
         "the first weight where the two stances differ.", SWEEP)


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "03.1": most_vertically_weak,
    "03.2": patron_term,
    "03.3": predict_full_internal_weight,
    "03.4": split_weight,
}
