"""Checks for exercises/05_rsct.ipynb (lesson 05, Regional Security Complex Theory).

Every correct answer is computed here from the package at check time (same world, same
parameters as the question), so the checks follow the data when it changes. Question 05.4
(RSCT applied to another region) is checked for shape, consistent codes and ranges only, by
the schema :class:`Region`; its content and the written justification are graded by hand.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator

from alliances.analysis import observed
from alliances.checks.answers import Check, expect_choice, expect_codes
from alliances.checks.schema import Answer, choice, number, pair, parse, text, whole
from alliances.theories import STANCES, explain, predict
from alliances.theories.rsct import LEVELS
from alliances.world import load_world

PERIOD = "2008-2019"
RIGHT_WRONG = "lesson 05, 'What the theory gets right and wrong here'"
LEVELS_SEE = "lesson 05, 'Which level drove each prediction?'"
TOGGLES = "lesson 05, 'Switching penetration events off'"
REGION_SEE = "lesson 05, 'Apply RSCT to another region'"
#: 05.2: the periods in which the student predicts the toggle's effect (the lesson shows 2008-2019).
TOGGLE_PERIODS = ("1992-1999", "2023-2025")
#: A level "pulls the score down" when its contribution is below this.
PULL = -0.005
#: 05.3's options.
VERDICTS = ("rsct", "constructivism", "both", "neither")
#: 05.4: the allowed number of states.
MIN_STATES, MAX_STATES = 3, 10


def _geo_rus(theory: str, period: str = PERIOD, **params: Any) -> str:
    table = predict(theory, load_world(period), **params)
    return str(table[(table["state"] == "GEO") & (table["partner"] == "RUS")]["stance"].iloc[0])


# -- 05.1 -------------------------------------------------------------------------------

def levels_pulling(period: str = PERIOD) -> set[str]:
    """The RSCT levels whose contribution pulls Georgia's score towards Russia down."""
    table = explain("rsct", load_world(period), "GEO", "RUS")
    return {r.input for r in table.itertuples() if r.input in LEVELS and r.contribution < PULL}


def levels_pulling_down(answer: Any) -> None:
    """05.1: the levels that pull Georgia's RSCT score towards Russia down."""
    expect_codes(answer, LEVELS, levels_pulling(), what="level names", see=LEVELS_SEE, hint=(
        "Run explain('rsct', world, 'GEO', 'RUS') and collect every level whose contribution "
        "is negative (below zero); a level that contributes 0 does not pull."))


# -- 05.2 -------------------------------------------------------------------------------

Stance = Annotated[str, choice(STANCES)]


class WithoutBacking(Answer):
    """05.2's answer: ``{"1992-1999": stance, "2023-2025": stance}``."""

    early: Stance = Field(alias="1992-1999")
    recent: Stance = Field(alias="2023-2025")


def stances_without_backing() -> dict[str, str]:
    """Georgia's RSCT stance towards Russia with ``russia_backs_separatists=False``, per period of 05.2."""
    return {period: _geo_rus("rsct", period, russia_backs_separatists=False) for period in TOGGLE_PERIODS}


def without_russian_backing(answer: Any) -> None:
    """05.2: Georgia's stance towards Russia without Russian backing of the separatists."""
    given = parse(WithoutBacking, answer, see=TOGGLES).model_dump(by_alias=True)
    for period, correct in stances_without_backing().items():
        expect_choice(given[period], STANCES, correct, see=TOGGLES, hint=(
            f"(your answer for {period!r}) The toggle removes Russia's backing of the separatists, the "
            "2008 war and the recognition from every level, but not Georgia's coded memory of Russia nor "
            f"Russia's other acts towards Georgia in {period} (load_world({period!r}).acts_between('RUS', "
            "'GEO')). Compare explain('rsct', ...) for GEO -> RUS with and without the toggle in 2008-2019, "
            "as in the lesson, then work out what is left in this period."))


# -- 05.3 -------------------------------------------------------------------------------

def verdict(period: str = PERIOD) -> str:
    """Which of RSCT and constructivism gets Georgia's observed stance towards Russia right."""
    obs = observed(load_world(period))
    seen = obs[(obs["state"] == "GEO") & (obs["partner"] == "RUS")]["stance"].iloc[0]
    right = [theory for theory in ("rsct", "constructivism") if _geo_rus(theory, period) == seen]
    return "both" if len(right) == 2 else right[0] if right else "neither"


def divergence_verdict(answer: Any) -> None:
    """05.3: which theory matches Georgia's observed stance towards Russia."""
    expect_choice(answer, VERDICTS, verdict(), see=RIGHT_WRONG, hint=(
        "Compare the stance column of predict('rsct', world) and predict('constructivism', world) "
        "for GEO -> RUS with observed(world)."))


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


#: A reference answer to 05.4 (the instructor's solution): the Horn of Africa around 2010-2017.
EXAMPLE_REGION: dict[str, Any] = {
    "region": "Horn of Africa (around 2010-2017)",
    "states": ["ETH", "ERI", "SOM", "DJI"],
    "amity": {("ETH", "ERI"): -2, ("ETH", "SOM"): -1, ("SOM", "ETH"): -2, ("ETH", "DJI"): 1,
              ("ERI", "SOM"): -1, ("ERI", "DJI"): -2, ("SOM", "DJI"): 1},
    "weakness": {"ETH": 0.6, "ERI": 0.4, "SOM": 1.0, "DJI": 0.3},
    "penetration": [
        {"power": "USA", "target": "DJI", "valence": 1, "intensity": 2, "what": "Camp Lemonnier base (2002-)"},
        {"power": "USA", "target": "ETH", "valence": 1, "intensity": 1, "what": "counter-terrorism partnership (2002-)"},
        {"power": "CHN", "target": "DJI", "valence": 1, "intensity": 2, "what": "PLA support base (2017-)"},
        {"power": "ARE", "target": "ERI", "valence": 1, "intensity": 2, "what": "Assab air and naval base (2015-2021)"},
        {"power": "TUR", "target": "SOM", "valence": 1, "intensity": 2, "what": "TURKSOM training base (2017-)"},
    ],
    "principal": {"ETH": ("USA", "ERI"), "ERI": ("ARE", "ETH"), "SOM": ("TUR", "ETH"), "DJI": ("USA", "ERI")},
}


def region(answer: Any) -> None:
    """05.4: a region coded for RSCT (shape, codes and ranges; the content is graded by hand)."""
    parse(Region, answer, see=REGION_SEE)


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "05.1": levels_pulling_down,
    "05.2": without_russian_backing,
    "05.3": divergence_verdict,
    "05.4": region,
}
