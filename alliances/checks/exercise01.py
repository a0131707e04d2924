"""Checks for exercises/01_balance_of_power.ipynb.

Correct answers are computed from the balance-of-power model at check time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from alliances.checks.answers import Check, call_student, describe, expect_choice, expect_function, fail, real_number
from alliances.checks.schema import Answer, parse, text
from alliances.codings import DERIVED
from alliances.schemas import PERIODS
from alliances.theories import STANCES, predict
from alliances.theories.balance_of_power import system
from alliances.theories.inputs import capability_shares
from alliances.world import MEASURES, World, load_world

WHEN = "2008-2019"
SEE_MODEL = "lesson 01, 'The model'"
SEE_POWER = "lesson 01, 'Measuring power'"
SEE_MEASURE = "lesson 01, 'Change one thing at a time' ('The measure of power')"
SEE_RIGHT_WRONG = "lesson 01, 'What the theory gets right and wrong here'"

Code = Annotated[str, text("an actor code in quotes, e.g. 'RUS'")]


# -- 01.1 -------------------------------------------------------------------------------

def hegemon_and_counterweight(when: str = WHEN, measure: str = "cinc", scope: str = "regional") -> tuple[str, str]:
    """The strongest actor of the system and the strongest other actor (by capability share)."""
    world = load_world(when)
    members = system(world, scope)
    shares = capability_shares(world, measure, members)
    hegemon = max(members, key=lambda a: shares[a])
    counterweight = max((a for a in members if a != hegemon), key=lambda a: shares[a])
    return hegemon, counterweight


class Roles(Answer):
    """01.1's answer: ``{"hegemon": code, "counterweight": code}``."""

    hegemon: Code
    counterweight: Code


def balance_roles_answer() -> dict[str, str]:
    """01.1's reference answer."""
    hegemon, counterweight = hegemon_and_counterweight()
    return {"hegemon": hegemon, "counterweight": counterweight}


def balance_roles(answer: Any) -> None:
    """01.1: the hegemon and the strongest counterweight of the regional system."""
    roles = parse(Roles, answer, see=SEE_POWER)
    hegemon, counterweight = hegemon_and_counterweight()
    codes = list(load_world(WHEN).actors)
    expect_choice(roles.hegemon, codes, hegemon, see=SEE_POWER, hint=(
        "The hegemon is the actor with the largest capability share (CINC) in the regional "
        "system: the top row of the table."))
    expect_choice(roles.counterweight, codes, counterweight, see=SEE_POWER, hint=(
        "The strongest counterweight is the actor with the largest share after the hegemon. "
        "Read the shares themselves, not the order of the columns; two of them are close."))


# -- 01.2 -------------------------------------------------------------------------------

def turkey_stance(measure: str, when: str = WHEN, state: str = "ARM") -> str:
    """Balance of power's stance of ``state`` towards Turkey with capability ``measure``."""
    pred = predict("balance_of_power", load_world(when), measure=measure)
    return str(pred[(pred["state"] == state) & (pred["partner"] == "TUR")]["stance"].iloc[0])


def turkey_with_milex(answer: Any) -> None:
    """01.2: Armenia's stance towards Turkey when power is measured by military spending."""
    before, after = turkey_stance("cinc"), turkey_stance("milex")
    change = "stays" if before == after else "changes"
    expect_choice(answer, STANCES, after, see=SEE_MEASURE, hint=(
        f"With CINC Turkey's stance is {before!r}; with military spending it {change}. Compare "
        "Turkey's share of military spending with Russia's: the score towards a counterweight "
        "is its share divided by the hegemon's share, and a stance needs a score of at least "
        "0.25 to be 'align'. Run the cell below your prediction to see it."))


# -- 01.3 -------------------------------------------------------------------------------

def share_cases() -> list[tuple[str, World, str, tuple[str, ...]]]:
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
    zero = base.replace(capability={"gdp": {a: 0 for a in base.capability["gdp"] if a not in DERIVED}})
    cases.append(("gdp with every value set to 0", zero, "gdp", system(zero, "regional")))
    return cases


def _shares_given(got: Any, label: str, actors: tuple[str, ...]) -> dict[str, float]:
    """The student's ``{actor: share}`` for one case, as floats, or a hint on its shape."""
    see, name = SEE_MODEL, "my_capability_shares"
    if not isinstance(got, Mapping):
        fail(f"For {label}, {name}(world, measure, actors) should return a dict {{actor: share}}, got "
             f"{describe(got)}.", see)
    missing = [a for a in actors if a not in got]
    if missing:
        fail(f"For {label} your dict lacks actor(s) {missing}: give a share for every actor in `actors`.", see)
    extra = [k for k in got if k not in actors]
    if extra:
        fail(f"For {label} your dict has key(s) {[str(k) for k in extra][:3]} that are not in `actors`: "
             "give a share for those actors only.", see)
    shares = {a: real_number(got[a]) for a in actors}
    bad = next((a for a, v in shares.items() if v is None), None)
    if bad is not None:
        fail(f"For {label} the share of {bad} should be a finite number, got {describe(got[bad])}: a "
             "missing capability (None) counts as 0, and if every value is 0 every share is 0 (do not "
             "divide by 0).", see)
    return {a: float(v) for a, v in shares.items() if v is not None}


def capability_share_function(answer: Any) -> None:
    """01.3: the student's ``my_capability_shares(world, measure, actors)``."""
    see, name = SEE_MODEL, "my_capability_shares"
    expect_function(answer, name=name, see=see)
    for label, world, measure, actors in share_cases():
        expected = capability_shares(world, measure, actors)
        returned = call_student(answer, world, measure, actors, name=f"{name} (for {label})", see=see)
        got = _shares_given(returned, label, actors)
        wrong = next((a for a in actors if abs(got[a] - expected[a]) > 1e-9), None)
        if wrong is not None:
            fail(f"For {label} your share of {wrong} is {got[wrong]:.4g}; it should be {expected[wrong]:.4g}. "
                 "A share is the actor's capability divided by the sum over `actors` (missing values count "
                 "as 0; if the sum is 0 every share is 0).", see)


# -- 01.4 -------------------------------------------------------------------------------

#: Options for question 01.4 (a fixed fact about the model, not about the data).
WHY_IDENTICAL = {
    "structure": "The rule reads only the distribution of capabilities in the system, "
                 "not who the choosing state is.",
    "similar_size": "The three states have almost the same capabilities.",
    "same_threats": "The three states face the same threats from the same neighbours.",
    "observed": "The three states in fact chose the same partners.",
}
#: The right option of 01.4.
WHY_IDENTICAL_ANSWER = "structure"


def why_identical(answer: Any) -> None:
    """01.4: why balance of power predicts the same row for all three choosers."""
    expect_choice(answer, WHY_IDENTICAL, WHY_IDENTICAL_ANSWER, see=SEE_RIGHT_WRONG, hint=(
        "Look at the formula: which quantities in it depend on the state i doing the choosing? "
        "Then check against the observed heat map whether the three states in fact behaved "
        "alike."))


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "01.1": balance_roles,
    "01.2": turkey_with_milex,
    "01.3": capability_share_function,
    "01.4": why_identical,
}
