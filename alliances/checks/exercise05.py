"""Checks for exercises/05_rsct.ipynb (lesson 05, Regional Security Complex Theory).

The right answers are not here: ``grading/exercise05.py`` (outside the installed package)
computes them and the answer key holds their digests (:mod:`alliances.checks.keys`). Question
05.4 (RSCT applied to another region) is checked for shape, consistent codes and ranges only,
by the schema :class:`Region`; its content and the written justification are graded by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator

from alliances.checks.answers import Check, describe, expect_choice, expect_codes, fail, normalise_text
from alliances.checks.keys import key
from alliances.checks.schema import Answer, choice, number, pair, parse, text, whole
from alliances.schemas import PERIODS
from alliances.theories import STANCES
from alliances.world import load_world

PERIOD = "2008-2019"
RIGHT_WRONG = "lesson 05, 'What the theory gets right and wrong here'"
MODEL = "lesson 05, 'The model' and 'Which level drove each prediction?'"
TOGGLES = "lesson 05, 'Switching penetration events off'"
REGION_SEE = "lesson 05, 'Apply RSCT to another region'"
#: 05.1: the pair whose penetration level is followed across the periods.
LEVEL_PAIR = ("AZE", "RUS")
#: 05.2: the periods in which the student predicts the toggle's effect (the lesson shows 2008-2019).
TOGGLE_PERIODS = ("1992-1999", "2023-2025")
#: A level "pulls the score down" when its contribution is below this.
PULL = -0.005
#: 05.3: the chooser whose partners are compared and the two theories compared (a dict, so that no
#: module-level value is a bare code that some question's check could accept); the verdicts allowed.
DIVERGENCE: dict[str, Any] = {"state": "GEO", "theories": ("rsct", "constructivism")}
VERDICTS = ("rsct", "constructivism", "neither")
#: 05.4: the allowed number of states.
MIN_STATES, MAX_STATES = 3, 10


# -- 05.1 -------------------------------------------------------------------------------

def penetration_periods(answer: Any) -> None:
    """05.1: the periods in which the penetration level pulls Azerbaijan's RSCT score towards Russia down."""
    state, partner = LEVEL_PAIR
    expect_codes(answer, PERIODS, key("05.1"), what="periods", see=MODEL, hint=(
        f"For each period, run explain('rsct', load_world(period), {state!r}, {partner!r}) and keep the "
        "periods whose 'penetration' row is negative (below zero); a contribution of 0, or a positive one, "
        "does not pull down."))


# -- 05.2 -------------------------------------------------------------------------------

Stance = Annotated[str, choice(STANCES)]


class WithoutBacking(Answer):
    """05.2's answer: ``{"1992-1999": stance, "2023-2025": stance}``."""

    early: Stance = Field(alias="1992-1999")
    recent: Stance = Field(alias="2023-2025")


def without_russian_backing(answer: Any) -> None:
    """05.2: Georgia's stance towards Russia without Russian backing of the separatists."""
    given = parse(WithoutBacking, answer, see=TOGGLES).model_dump(by_alias=True)
    for period in TOGGLE_PERIODS:
        expect_choice(given[period], STANCES, key(f"05.2/{period}"), see=TOGGLES, hint=(
            f"(your answer for {period!r}) The toggle removes Russia's backing of the separatists, the "
            "2008 war and the recognition from every level, but not Georgia's coded memory of Russia nor "
            f"Russia's other acts towards Georgia in {period} (load_world({period!r}).acts_between('RUS', "
            "'GEO')). Compare explain('rsct', ...) for GEO -> RUS with and without the toggle in 2008-2019, "
            "as in the lesson, then work out what is left in this period."))


# -- 05.3 -------------------------------------------------------------------------------

def divergence_verdicts(answer: Any) -> None:
    """05.3: Georgia's partners for which RSCT and identity made in interaction predict different stances,
    each with the theory whose stance is the observed one."""
    see = RIGHT_WRONG
    if not isinstance(answer, Mapping):
        fail(f"Expected a dict {{partner: verdict}} such as {{'ARM': 'rsct'}}, got {describe(answer)}.", see)
    state = DIVERGENCE["state"]
    partners = load_world(PERIOD).partners(state)
    chosen = expect_codes(list(answer), partners, key("05.3"), what="partner codes (the dict's keys)", see=see,
                          hint=(f"Merge predict('rsct', world) and predict('constructivism', world) on state and "
                                f"partner and keep {state}'s rows where the two stance columns differ; "
                                "compare stances, not scores."))
    by_norm = {normalise_text(code): code for code in chosen}
    for given_key, verdict in answer.items():
        code = by_norm[normalise_text(given_key)]
        expect_choice(verdict, VERDICTS, key(f"05.3/{code}"), see=see, hint=(
            f"(your verdict for {code!r}) Compare each theory's stance for {state} -> {code} with "
            "the stance in observed(world): the verdict names the theory whose stance is the observed one, "
            "or 'neither'."))


# -- 05.4: RSCT applied to another region (shape, codes and ranges only) ------------------

Code = Annotated[str, text("a code in quotes, e.g. 'ETH'")]


class Act(Answer):
    """One act of an outside power towards a state of the region."""

    power: Annotated[str, text("the outside power's code in quotes, e.g. 'USA'")]
    target: Code
    valence: Annotated[int, whole("+1 (supports the target) or -1 (hostile to it)", allowed=(-1, 1))]
    intensity: Annotated[int, whole("1 or 2 (2: war, occupation, alliance, base)", allowed=(1, 2))]
    what: Annotated[str, text("what the act is, in words, with years")]


class Region(Answer):
    """05.4's answer: a regional security complex outside the South Caucasus, coded for RSCT."""

    region: Annotated[str, text("the region's name as text")]
    states: list[Code] = Field(min_length=MIN_STATES, max_length=MAX_STATES, description=(
        f"a list of {MIN_STATES} to {MAX_STATES} state codes such as ['ETH', 'ERI', 'SOM']"))
    amity: dict[
        Annotated[tuple[str, str], pair("a pair (state, other) such as ('ETH', 'ERI')")],
        Annotated[float, number("a number from -2 (enmity) to +2 (amity)", low=-2, high=2)],
    ] = Field(description="a dict {(state, other): value from -2 to +2}")
    weakness: dict[
        Code, Annotated[float, number("a number from 0 (strong state) to 1 (very weak: secessionism, "
                                      "contested regime)", low=0, high=1)],
    ] = Field(description="a dict {state: value from 0 to 1}")
    penetration: list[Act] = Field(min_length=1, description=(
        f"a list of at least one act of an outside power, each a dict with keys {list(Act.model_fields)}"))
    principal: dict[
        Code, Annotated[tuple[str, str], pair("a pair (partner, adversary) such as ('USA', 'ERI')")],
    ] = Field(description="a dict {state: (principal partner, principal adversary)}")

    @field_validator("states")
    @classmethod
    def _each_state_once(cls, states: list[str]) -> list[str]:
        if len(set(states)) != len(states):
            raise ValueError("it lists a code twice; give each state once.")
        return states

    @field_validator("amity")
    @classmethod
    def _every_pair_coded(cls, amity: dict[tuple[str, str], float], info: ValidationInfo) -> dict:
        states = info.data.get("states", [])
        for a, b in amity:
            if a not in states or b not in states:
                raise ValueError(f"the key {(a, b)} uses a code that is not in 'states' {states}.")
            if a == b:
                raise ValueError(f"the key {(a, b)} pairs a state with itself; leave the diagonal out.")
        covered = {frozenset(key) for key in amity}
        missing = [(a, b) for i, a in enumerate(states) for b in states[i + 1:] if frozenset((a, b)) not in covered]
        if missing:
            raise ValueError(f"there is no value for {len(missing)} pair(s) of states, e.g. {missing[0]}; code "
                             "every pair (at least one direction; a missing reverse direction is read as the "
                             "same value).")
        return amity

    @field_validator("weakness", "principal")
    @classmethod
    def _one_per_state(cls, values: dict[str, Any], info: ValidationInfo) -> dict:
        states = info.data.get("states")
        extra = [k for k in values if states is not None and k not in states]
        if extra:
            raise ValueError(f"the key {extra[0]!r} is not in 'states'.")
        lacking = [s for s in states or () if s not in values]
        if lacking:
            raise ValueError(f"it lacks {len(lacking)} state(s), e.g. {lacking[0]!r}; give every state a value.")
        return values

    @field_validator("penetration")
    @classmethod
    def _outside_powers(cls, acts: list[Act], info: ValidationInfo) -> list[Act]:
        states = info.data.get("states", [])
        for n, act in enumerate(acts):
            if act.power in states:
                raise ValueError(f"in act [{n}], {act.power!r} is one of the region's states; penetration is by "
                                 "OUTSIDE powers (a regional state's acts belong in 'amity').")
            if act.target not in states:
                raise ValueError(f"in act [{n}], the target {act.target!r} is not one of 'states' {states}.")
        return acts

    @field_validator("principal")
    @classmethod
    def _known_partners(cls, principal: dict[str, tuple[str, str]], info: ValidationInfo) -> dict:
        known = set(info.data.get("states", [])) | {act.power for act in info.data.get("penetration", [])}
        for state, roles in principal.items():
            for role, code in zip(("partner", "adversary"), roles):
                if code not in known or code == state:
                    raise ValueError(f"for {state!r}, the {role} {code!r} must be another state of the region "
                                     "or an outside power named in 'penetration'.")
            if roles[0] == roles[1]:
                raise ValueError(f"for {state!r}, {roles[0]!r} is both partner and adversary.")
        return principal


def region(answer: Any) -> None:
    """05.4: a region coded for RSCT (shape, codes and ranges; the content is graded by hand)."""
    parse(Region, answer, see=REGION_SEE)


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "05.1": penetration_periods,
    "05.2": without_russian_backing,
    "05.3": divergence_verdicts,
    "05.4": region,
}
