"""Checks for exercises/01_balance_of_power.ipynb.

Correct answers are computed from the balance-of-power model at check time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from alliances.checks import _describe, call_student, expect_choice, expect_mapping, fail, register
from alliances.schemas import PERIODS
from alliances.theories import predict
from alliances.theories.balance_of_power import system
from alliances.theories.base import STANCES
from alliances.theories.inputs import capability_shares
from alliances.world import MEASURES, load_world

WHEN = "2008-2019"
SEE_MODEL = "lesson 01, 'The model'"
SEE_POWER = "lesson 01, 'Measuring power'"
SEE_MEASURE = "lesson 01, 'Change one thing at a time' ('The measure of power')"
SEE_RIGHT_WRONG = "lesson 01, 'What the theory gets right and wrong here'"


def _codes(world) -> list[str]:
    return list(world.actors)


# -- 01.1 -------------------------------------------------------------------------------

def hegemon_and_counterweight(when: str = WHEN, measure: str = "cinc", scope: str = "regional"):
    """The strongest actor of the system and the strongest other actor (by capability share)."""
    world = load_world(when)
    members = system(world, scope)
    shares = capability_shares(world, measure, members)
    hegemon = max(members, key=lambda a: shares[a])
    counterweight = max((a for a in members if a != hegemon), key=lambda a: shares[a])
    return hegemon, counterweight


@register("01.1")
def _q1(answer: Any) -> None:
    hegemon, counterweight = hegemon_and_counterweight()
    codes = _codes(load_world(WHEN))
    answer = expect_mapping(answer, ["hegemon", "counterweight"], see=SEE_POWER)
    expect_choice(answer["hegemon"], codes, hegemon, see=SEE_POWER, hint=(
        "The hegemon is the actor with the largest capability share (CINC) in the regional "
        "system: the top row of the table."))
    expect_choice(answer["counterweight"], codes, counterweight, see=SEE_POWER, hint=(
        "The strongest counterweight is the actor with the largest share after the hegemon. "
        "Read the shares themselves, not the order of the columns; two of them are close."))


# -- 01.2 -------------------------------------------------------------------------------

def turkey_stance(measure: str, when: str = WHEN, state: str = "ARM") -> str:
    pred = predict("balance_of_power", load_world(when), measure=measure)
    return str(pred[(pred["state"] == state) & (pred["partner"] == "TUR")]["stance"].iloc[0])


@register("01.2")
def _q2(answer: Any) -> None:
    before, after = turkey_stance("cinc"), turkey_stance("milex")
    change = "stays" if before == after else "changes"
    expect_choice(answer, STANCES, after, see=SEE_MEASURE, hint=(
        f"With CINC Turkey's stance is {before!r}; with military spending it {change}. Compare "
        "Turkey's share of military spending with Russia's: the score towards a counterweight "
        "is its share divided by the hegemon's share, and a stance needs a score of at least "
        "0.25 to be 'align'. Run the cell below your prediction to see it."))


# -- 01.3 -------------------------------------------------------------------------------

def _share_cases():
    """(label, world, measure, actors) cases the student's function must reproduce."""
    cases = []
    for when in PERIODS:
        world = load_world(when)
        for measure in MEASURES:
            for scope in ("regional", "global"):
                cases.append((f"{measure}, {scope} system, {when}", world, measure, system(world, scope)))
    early = load_world(1992)  # SIPRI has no Georgian figure in 1992: a missing value
    cases.append(("milex, regional system, 1992 (Georgia's value is missing: None)", early, "milex",
                  system(early, "regional")))
    cases.append(("cinc for Russia and Turkey only, 2008-2019", load_world(WHEN), "cinc", ("RUS", "TUR")))
    base = load_world(WHEN)
    zero = base.replace(capability={"gdp": {a: 0 for a in base.capability["gdp"]}})
    cases.append(("gdp with every value set to 0", zero, "gdp", system(zero, "regional")))
    return cases


@register("01.3")
def _q3(answer: Any) -> None:
    see = SEE_MODEL
    name = "my_capability_shares"
    if not callable(answer):
        fail(f"Expected {name} to be a function (def ...), got {_describe(answer)}.", see)
    for label, world, measure, actors in _share_cases():
        expected = capability_shares(world, measure, actors)
        try:
            got = call_student(answer, world, measure, actors, name=name, see=see)
        except AssertionError as exc:
            fail(f"For {label}: {exc}")
        if not isinstance(got, Mapping):
            fail(f"{name}(world, {measure!r}, actors) should return a dict {{actor: share}}, got "
                 f"{_describe(got)}.", see)
        missing = [a for a in actors if a not in got]
        if missing:
            fail(f"For {label} your dict lacks actor(s) {missing}: give a share for every actor in "
                 "`actors`.", see)
        extra = [k for k in got if k not in actors]
        if extra:
            fail(f"For {label} your dict has key(s) {[str(k) for k in extra][:3]} that are not in "
                 "`actors`: give a share for those actors only.", see)
        for actor in actors:
            value = got[actor]
            if isinstance(value, bool) or not isinstance(value, (int, float)) and not _numeric(value):
                fail(f"For {label} the share of {actor} should be a number, got {_describe(value)}.", see)
            value = float(value)
            if not math.isfinite(value):
                fail(f"For {label} the share of {actor} is {value}: a missing capability (None) "
                     "counts as 0, and if every value is 0 every share is 0 (do not divide by 0).", see)
            if abs(value - expected[actor]) > 1e-9:
                fail(f"For {label} your share of {actor} is {value:.4g}; it should be "
                     f"{expected[actor]:.4g}. A share is the actor's capability divided by the sum "
                     "over `actors` (missing values count as 0; if the sum is 0 every share is 0).",
                     see)


def _numeric(value: Any) -> bool:
    try:
        import numpy as np

        return isinstance(value, (np.integer, np.floating)) and not isinstance(value, np.bool_)
    except ImportError:  # pragma: no cover
        return False


# -- 01.4 -------------------------------------------------------------------------------

#: Options for question 01.4 (a fixed fact about the model, not about the data).
WHY_IDENTICAL = {
    "structure": "The rule reads only the distribution of capabilities in the system, "
                 "not who the choosing state is.",
    "similar_size": "The three states have almost the same capabilities.",
    "same_threats": "The three states face the same threats from the same neighbours.",
    "observed": "The three states in fact chose the same partners.",
}


@register("01.4")
def _q4(answer: Any) -> None:
    expect_choice(answer, WHY_IDENTICAL, "structure", see=SEE_RIGHT_WRONG, hint=(
        "Look at the formula: which quantities in it depend on the state i doing the choosing? "
        "Then check against the observed heat map whether the three states in fact behaved "
        "alike."))

