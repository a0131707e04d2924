"""Checks for exercises/03_omnibalancing.ipynb (lesson 03, omnibalancing).

The right answers are not here: ``grading/exercise03.py`` (outside the installed package)
computes them and the answer key holds their digests (:mod:`alliances.checks.keys`). The
student's extended score (03.2) is compared with the model's own score where the added term
is switched off (``w_guarantee=0``), and with the answer key where it is on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from alliances.checks.answers import Check, call_student, describe, expect_choice, expect_function, fail, real_number
from alliances.checks.keys import key
from alliances.checks.schema import Answer, number, parse, whole
from alliances.theories import STANCES, predict
from alliances.world import World, load_world

PERIOD = "2008-2019"
DATA = "lesson 03, 'Real data: threats to the regime'"
TERMS = "lesson 03, 'What each partner can do: the three terms, side by side'"
WEIGHT = "lesson 03, 'Regime security against external threats: `internal_weight`'"
SWEEP = "lesson 03, 'How sensitive is the key result? A sweep'"
#: Question 03.4 sweeps the symmetric regime-affinity variant (any regime gap counts).
SYMMETRIC = {"affinity": "symmetric"}
#: How far below / above the first split an answer to 03.4 may lie (above: a sweep in steps
#: of 0.05 lands up to 0.05 late).
SPLIT_BELOW, SPLIT_ABOVE = 0.01, 0.05

#: 03.1's recoding: the vertical (regime-threatening) event of each state, by year, that is left out.
RECODED: dict[str, int] = {"AZE": 2013, "GEO": 2011}


# -- 03.1 -------------------------------------------------------------------------------

Insecurity = Annotated[float, number("a regime insecurity from 0 to 1, such as 0.42", low=0.0, high=1.0)]


class Recoding(Answer):
    """03.1's answer: the two states' regime insecurity in the recoded world and how many stances change."""

    AZE: Insecurity
    GEO: Insecurity
    changed: Annotated[int, whole("a whole number of stances from 0 to 18, such as 3", allowed=range(19))]


def recoded_insecurity(answer: Any) -> None:
    """03.1: regime insecurity without the two recoded events, and the stances that change."""
    given = parse(Recoding, answer, see=DATA)
    for state in RECODED:
        value = getattr(given, state)
        if key(f"03.1/{state}").accepts_number(value):
            continue
        if key(f"03.1/{state}/vertical").accepts_number(value):
            fail(f"{state}: {value:g} is the vertical weakness of the recoded world; the question asks for "
                 "the regime insecurity, which combines it with horizontal weakness (separatism): "
                 "1 - (1 - v)(1 - z), or insecurity(recoded, state) from alliances.theories.omnibalancing.", DATA)
        fail(f"{state}: {value:g} is not its regime insecurity in the recoded world (to 2 decimals). Drop the "
             f"state's {RECODED[state]} vertical event from world.instability, then compute "
             "insecurity(recoded, state) (from alliances.theories.omnibalancing) on the recoded world, not on "
             "the original one.", DATA)
    if not key("03.1/changed").accepts_number(given.changed):
        fail(f"{given.changed} stances is not right. Run predict('omnibalancing', recoded) and "
             "predict('omnibalancing', world), merge them on state and partner, and count the rows whose "
             "stance differs (all 18 pairs, not only Azerbaijan's and Georgia's).", DATA)


# -- 03.2 -------------------------------------------------------------------------------

#: Periods and weights of the added term that 03.2's check tries.
PERIODS_TRIED = ("1992-1999", "2008-2019", "2023-2025")
GUARANTEE_WEIGHTS = (0.0, 0.5, 1.0)


def case_name(when: str, weight: float, state: str, partner: str) -> str:
    """The answer-key entry of one case of 03.2."""
    return f"03.2/{when}/{weight:g}/{state}/{partner}"


def _one_score(fn: Callable[..., Any], world: World, state: str, partner: str, weight: float) -> float:
    """The student's extended score for one pair: a finite number in [-1, 1], or a hint."""
    call = f"omni_plus(world, {state!r}, {partner!r}, w_guarantee={weight:g}) in {world.when}"
    got = call_student(fn, world, state, partner, name=call, see=TERMS, w_guarantee=weight)
    value = real_number(got)
    if value is None:
        fail(f"{call} returned {describe(got)}; it should return one finite number.", TERMS)
    if not -1 - 1e-9 <= value <= 1 + 1e-9:
        fail(f"{call} returned {value:.4g}, outside -1 to 1: clip the sum to [-1, 1], as the model does.", TERMS)
    return value


def guarantee_term(answer: Any) -> None:
    """03.2: the student's ``omni_plus(world, state, partner, w_guarantee=…)``."""
    expect_function(answer, name="omni_plus", see=TERMS)
    for when in PERIODS_TRIED:
        world = load_world(when)
        model = predict("omnibalancing", world).set_index(["state", "partner"])["score"]
        for weight in GUARANTEE_WEIGHTS:
            for (state, partner), score in model.items():
                got = _one_score(answer, world, state, partner, weight)
                if weight == 0 and abs(got - score) > 1e-6:
                    fail(f"With w_guarantee=0 your score for {state} towards {partner} in {when} is {got:.4f}, "
                         f"but the model's is {score:.4f}: with the new term switched off, return the model's own score "
                         "(the sum of the three terms of explain('omnibalancing', ...), clipped).", TERMS)
                if weight > 0 and not key(case_name(when, weight, state, partner)).accepts_number(got):
                    fail(f"With w_guarantee={weight:g} your score for {state} towards {partner} in {when} is {got:.4f}, "
                         "which is not right. Add w_guarantee * insecurity(world, state) * support(world, partner, "
                         "state) to the sum of the three terms before clipping to [-1, 1].", TERMS)


# -- 03.3 -------------------------------------------------------------------------------

def predict_full_internal_weight(answer: Any) -> None:
    """03.3: Azerbaijan's stance towards the West with internal_weight=1."""
    expect_choice(answer, STANCES, key("03.3"), see=WEIGHT, hint=(
        "Give what the model says with internal_weight=1 (the cell above runs it). With that weight "
        "the West's coded acts towards Azerbaijan no longer count at all: only what the West can do "
        "for the regime (its reach times regime affinity) is left."))


# -- 03.4 -------------------------------------------------------------------------------

def _west_stances(weight: float) -> tuple[str, str]:
    """Armenia's and Azerbaijan's stance towards the West at ``internal_weight=weight`` (symmetric affinity)."""
    table = predict("omnibalancing", load_world(PERIOD), internal_weight=weight, **SYMMETRIC)
    west = table[table["partner"] == "WEST"].set_index("state")["stance"]
    return str(west["ARM"]), str(west["AZE"])


def split_weight(answer: Any) -> None:
    """03.4: the smallest internal_weight at which Armenia and Azerbaijan part ways over the West."""
    value = real_number(answer)
    if value is None or not 0.0 <= value <= 1.0:
        fail(f"Expected a weight from internal_weight's range 0 to 1, got {describe(answer)}.", SWEEP)
    if key("03.4").accepts_number(value):
        return
    arm, aze = _west_stances(value)
    if arm != aze:
        fail(f"At internal_weight={value:g} the stances do differ (Armenia: {arm}, Azerbaijan: {aze}), but "
             "they already differ at a smaller weight: the question asks for the smallest one. Sweep "
             "internal_weight from 0 upwards in steps of 0.01 with affinity='symmetric' (grid and sweep from "
             "alliances.analysis).", SWEEP)
    fail(f"At internal_weight={value:g} both stances towards the West are '{arm}'. Sweep internal_weight "
         "from 0 to 1 in steps of 0.01 with affinity='symmetric' (grid and sweep from alliances.analysis) "
         "and find the first weight where the two stances differ.", SWEEP)


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "03.1": recoded_insecurity,
    "03.2": guarantee_term,
    "03.3": predict_full_internal_weight,
    "03.4": split_weight,
}
