"""Checks for exercises/01_balance_of_power.ipynb.

The right answers are not here: ``grading/exercise01.py`` (outside the installed package)
computes them and the answer key holds their digests (:mod:`alliances.checks.keys`). The
student's capability-share function (01.4) is compared with the model's own
:func:`alliances.theories.inputs.capability_shares`, the public function the lesson uses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

from alliances.checks.answers import (
    Check,
    call_student,
    code_pair,
    describe,
    expect_choice,
    expect_function,
    fail,
    real_number,
)
from alliances.checks.keys import key
from alliances.checks.schema import Answer, choice, parse, text
from alliances.codings import DERIVED
from alliances.schemas import PERIODS
from alliances.theories import STANCES
from alliances.theories.balance_of_power import system
from alliances.theories.inputs import capability_shares
from alliances.world import MEASURES, World, load_world

WHEN = "2008-2019"
SEE_MODEL = "lesson 01, 'The model'"
SEE_POWER = "lesson 01, 'Measuring power'"
SEE_MEASURE = "lesson 01, 'Change one thing at a time' ('The measure of power')"
SEE_SCOPE = "lesson 01, 'Change one thing at a time' ('The scope of the system')"
SEE_RIGHT_WRONG = "lesson 01, 'What the theory gets right and wrong here'"

#: 01.3's four settings of the model: (measure, scope).
SETTINGS: tuple[tuple[str, str], ...] = (("cinc", "regional"), ("cinc", "global"),
                                         ("milex", "regional"), ("milex", "global"))

Code = Annotated[str, text("an actor code in quotes, e.g. 'RUS'")]


# -- 01.1 -------------------------------------------------------------------------------

class Roles(Answer):
    """01.1's answer: ``{"hegemon": code, "counterweight": code}``."""

    hegemon: Code
    counterweight: Code


def balance_roles(answer: Any) -> None:
    """01.1: the hegemon and the strongest counterweight of the regional system."""
    roles = parse(Roles, answer, see=SEE_POWER)
    codes = list(load_world(WHEN).actors)
    expect_choice(roles.hegemon, codes, key("01.1/hegemon"), see=SEE_POWER, hint=(
        "The hegemon is the actor with the largest capability share (CINC) in the regional "
        "system, system(world, 'regional'); sort capability_shares(...) by value."))
    expect_choice(roles.counterweight, codes, key("01.1/counterweight"), see=SEE_POWER, hint=(
        "The strongest counterweight is the actor with the largest share after the hegemon. "
        "Compare the shares themselves, to four decimals: two of them are close."))


# -- 01.2 -------------------------------------------------------------------------------

Stance = Annotated[str, choice(STANCES)]


class MilexStances(Answer):
    """01.2's answer: ``{"TUR": stance, "IRN": stance}``."""

    TUR: Stance
    IRN: Stance


def milex_stances(answer: Any) -> None:
    """01.2: the stances towards Turkey and Iran when power is measured by military spending."""
    given = parse(MilexStances, answer, see=SEE_MEASURE)
    for partner in ("TUR", "IRN"):
        expect_choice(getattr(given, partner), STANCES, key(f"01.2/{partner}"), see=SEE_MEASURE, hint=(
            f"For {partner}: give the stance the model predicts with measure='milex' (the cell below your "
            "prediction runs it). The score towards a counterweight is its share divided by the hegemon's "
            f"share, read as 'align' from 0.25: compare {partner}'s and Russia's shares of military spending."))


# -- 01.3 -------------------------------------------------------------------------------

def _setting(value: Any) -> tuple[str, str] | None:
    """A key of 01.3's answer as ``(measure, scope)``: a pair ``("cinc", "global")`` or a text
    such as ``"cinc/global"``; ``None`` if it names no setting."""
    pair = code_pair(value)
    if pair is None and isinstance(value, str):
        words = [w for w in re.split(r"[^a-z]+", value.casefold()) if w]
        pair = (words[0], words[1]) if len(words) == 2 else None
    if pair is None:
        return None
    found = (pair[0].strip().casefold(), pair[1].strip().casefold())
    return found if found in SETTINGS else None


def russia_across_settings(answer: Any) -> None:
    """01.3: the stance towards Russia under each combination of measure and scope."""
    see, example = SEE_SCOPE, "{('cinc', 'regional'): 'hedge', ('cinc', 'global'): ..., ...}"
    if not isinstance(answer, Mapping):
        fail(f"Expected a dict {example} with the four settings as keys, got {describe(answer)}.", see)
    given: dict[tuple[str, str], Any] = {}
    for name, stance in answer.items():
        setting = _setting(name)
        if setting is None:
            fail(f"The key {describe(name)} is not one of the settings {list(SETTINGS)}: use pairs "
                 "(measure, scope).", see)
        if setting in given:
            fail(f"The setting {setting} appears twice in your dict.", see)
        given[setting] = stance
    missing = [s for s in SETTINGS if s not in given]
    if missing:
        fail(f"Your dict lacks the setting {missing[0]}: give a stance for each of {list(SETTINGS)}.", see)
    for measure, scope in SETTINGS:
        expect_choice(given[(measure, scope)], STANCES, key(f"01.3/{measure}/{scope}"), see=see, hint=(
            f"For measure={measure!r}, scope={scope!r}: run predict('balance_of_power', world, "
            f"measure={measure!r}, scope={scope!r}) and read the stance towards RUS. With the "
            "global scope the West joins the system: who is the hegemon then, and what is Russia's "
            "share divided by the hegemon's, against the 0.25 cut-off?"))


# -- 01.4 -------------------------------------------------------------------------------

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
    """01.4: the student's ``my_capability_shares(world, measure, actors)``."""
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


# -- 01.5 -------------------------------------------------------------------------------

#: Options for question 01.5 (a fixed fact about the model, not about the data).
WHY_IDENTICAL = {
    "structure": "The rule reads only the distribution of capabilities in the system, "
                 "not who the choosing state is.",
    "similar_size": "The three states have almost the same capabilities.",
    "same_threats": "The three states face the same threats from the same neighbours.",
    "observed": "The three states in fact chose the same partners.",
}


def why_identical(answer: Any) -> None:
    """01.5: why balance of power predicts the same row for all three choosers."""
    expect_choice(answer, WHY_IDENTICAL, key("01.5"), see=SEE_RIGHT_WRONG, hint=(
        "Look at the formula: which quantities in it depend on the state i doing the choosing? "
        "Then check against the observed heat map whether the three states in fact behaved "
        "alike."))


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "01.1": balance_roles,
    "01.2": milex_stances,
    "01.3": russia_across_settings,
    "01.4": capability_share_function,
    "01.5": why_identical,
}
