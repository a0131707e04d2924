"""Reference answers to exercise 02, computed from the models (grader side, not installed)."""

from __future__ import annotations

from alliances.analysis import what_changes
from alliances.checks.exercise02 import COMBINATION, PERIODS_TRIED, WEIGHT_SETS, WHEN, case_name, four_factor_threat
from alliances.schemas import CHOOSERS
from alliances.theories import predict
from alliances.world import World, load_world
from grading.entries import Entry, number_entry, set_entry, text_entry


def top_threat(state: str, when: str = WHEN) -> str:
    """The partner posing the highest threat to ``state`` (first in partner order on a tie, as in the model)."""
    threat = four_factor_threat(load_world(when), state)
    return max(threat, key=lambda j: threat[j])


def blockade_changes(state: str = "ARM", when: str = WHEN) -> list[str]:
    """02.2: partners whose predicted stance for ``state`` changes with ``count_blockades=False``."""
    moved = what_changes("balance_of_threat", load_world(when), count_blockades=False)
    moved = moved[(moved["state"] == state) & (moved["stance before"] != moved["stance after"])]
    return list(moved["partner"])


def claim(world: World, state: str, partner: str) -> float:
    """1 if ``partner`` is the patron of a separatist region on ``state``'s soil active in the
    world's years (``world.separatism``), else 0."""
    return 1.0 if any(r.patron == partner for r in world.separatism.get(state, ())) else 0.0


def threat5_reference(world: World, state: str, partner: str, w_power: float = 0.5,
                      w_proximity: float = 1.0, w_offense: float = 1.0, w_intentions: float = 1.0,
                      w_claim: float = 0.5) -> float:
    """02.3: the five-factor threat the question asks for (the four-factor model plus a claim)."""
    four = dict(w_power=w_power, w_proximity=w_proximity, w_offense=w_offense, w_intentions=w_intentions)
    w4 = sum(four.values())
    t4 = four_factor_threat(world, state, COMBINATION, **four)[partner] if w4 > 0 else 0.0
    total = w4 + w_claim
    return (t4 * w4 + w_claim * claim(world, state, partner)) / total if total > 0 else 0.0


def divergent_partners(state: str = "GEO", when: str = WHEN) -> list[str]:
    """02.4: partners for which balance of power and balance of threat predict different stances."""
    world = load_world(when)
    merged = predict("balance_of_power", world).merge(predict("balance_of_threat", world), on=["state", "partner"],
                                                      suffixes=("_bop", "_bot"))
    merged = merged[(merged["state"] == state) & (merged["stance_bop"] != merged["stance_bot"])]
    return list(merged["partner"])


WHY_IRAN_ANSWER = "opposition"

REFERENCES = {
    "02.1": lambda: {state: top_threat(state) for state in ("ARM", "GEO")},
    "02.2": blockade_changes,
    "02.3": lambda: threat5_reference,
    "02.4": divergent_partners,
    "02.5": lambda: WHY_IRAN_ANSWER,
}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries."""
    out = {**text_entry("02.1/ARM", top_threat("ARM")), **text_entry("02.1/GEO", top_threat("GEO")),
           **set_entry("02.2", blockade_changes()), **set_entry("02.4", divergent_partners()),
           **text_entry("02.5", WHY_IRAN_ANSWER)}
    for when in PERIODS_TRIED:
        world = load_world(when)
        for label, weights, reduces in WEIGHT_SETS:
            for state in () if reduces else CHOOSERS:
                for partner in world.partners(state):
                    value = threat5_reference(world, state, partner, **weights)
                    out.update(number_entry(case_name(when, label, state, partner), value, tol=1e-6, decimals=6))
    return out
