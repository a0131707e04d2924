"""Reference answers to exercise 03, computed from the omnibalancing model (grader side, not installed)."""

from __future__ import annotations

import dataclasses
import math
from functools import lru_cache

from alliances.analysis import grid, sweep
from alliances.checks.exercise03 import (
    GUARANTEE_WEIGHTS,
    PERIOD,
    PERIODS_TRIED,
    RECODED,
    SPLIT_ABOVE,
    SPLIT_BELOW,
    SYMMETRIC,
    case_name,
)
from alliances.checks.keys import digest
from alliances.theories import explain, predict
from alliances.theories.base import clip
from alliances.theories.inputs import support, vertical_weakness
from alliances.theories.omnibalancing import insecurity
from alliances.world import World, load_world
from grading.entries import Entry, number_entry, text_entry

#: Resolution of the internal_weight sweep that finds 03.4's first split.
SWEEP_STEPS = 1000


def recoded_world(period: str = PERIOD) -> World:
    """03.1: the world without the vertical events of :data:`RECODED` (``World.replace`` does not
    recode instability events; ``dataclasses.replace`` makes the changed copy)."""
    world = load_world(period)
    kept = {state: tuple(e for e in world.instability[state] if not (e.year == year and e.dimension == "vertical"))
            for state, year in RECODED.items()}
    return dataclasses.replace(world, instability={**world.instability, **kept})


def changed_stances(period: str = PERIOD) -> int:
    """03.1: how many of omnibalancing's 18 stances differ between the recoded and the original world."""
    before, after = predict("omnibalancing", load_world(period)), predict("omnibalancing", recoded_world(period))
    both = before.merge(after, on=["state", "partner"], suffixes=("_before", "_after"))
    return int((both["stance_before"] != both["stance_after"]).sum())


def recoding_answer() -> dict[str, float | int]:
    """03.1's reference answer."""
    world = recoded_world()
    return {**{state: insecurity(world, state) for state in RECODED}, "changed": changed_stances()}


def omni_plus_reference(world: World, state: str, partner: str, w_guarantee: float = 0.5) -> float:
    """03.2: omnibalancing's score plus a regime-guarantee term, w_guarantee * insecurity * support."""
    table = explain("omnibalancing", world, state, partner)
    terms = sum(c for name, c in zip(table["input"], table["contribution"]) if name != "score")
    return clip(terms + w_guarantee * insecurity(world, state) * support(world, partner, state))


def full_internal_weight_stance(period: str = PERIOD) -> str:
    """03.3: Azerbaijan's predicted stance towards the West with ``internal_weight=1``."""
    table = predict("omnibalancing", load_world(period), internal_weight=1.0)
    return str(table[(table["state"] == "AZE") & (table["partner"] == "WEST")]["stance"].iloc[0])


@lru_cache(maxsize=1)
def first_split(period: str = PERIOD) -> float:
    """03.4: the smallest ``internal_weight`` at which Armenia's and Azerbaijan's stances towards the
    West differ (symmetric affinity), on a grid of :data:`SWEEP_STEPS` steps."""
    weights = grid("omnibalancing", "internal_weight", steps=SWEEP_STEPS + 1)
    swept = sweep("omnibalancing", load_world(period), "internal_weight", weights, **SYMMETRIC)
    west = swept[swept["partner"] == "WEST"].pivot(index="value", columns="state", values="stance")
    split = west.index[west["ARM"] != west["AZE"]]
    if not len(split):
        raise ValueError("Armenia and Azerbaijan never part ways over the West: rewrite question 03.4")
    return float(split.min())


def split_entry(name: str = "03.4") -> dict[str, Entry]:
    """03.4's entry: every weight, to 2 decimals, from SPLIT_BELOW under the first split to SPLIT_ABOVE over it."""
    first = first_split()
    low, high = math.ceil((first - SPLIT_BELOW) * 100 - 1e-9), math.floor((first + SPLIT_ABOVE) * 100 + 1e-9)
    return {name: (2, tuple(sorted(digest(name, str(k)) for k in range(low, high + 1))))}


REFERENCES = {
    "03.1": recoding_answer,
    "03.2": lambda: omni_plus_reference,
    "03.3": full_internal_weight_stance,
    "03.4": first_split,
}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries."""
    world = recoded_world()
    out = {**split_entry(), **number_entry("03.1/changed", changed_stances(), tol=0, decimals=0)}
    out.update(text_entry("03.3", full_internal_weight_stance()))
    for state in RECODED:
        out.update(number_entry(f"03.1/{state}", insecurity(world, state), tol=0.005, decimals=2))
        out.update(number_entry(f"03.1/{state}/vertical", vertical_weakness(world, state), tol=0.005, decimals=2))
    for when in PERIODS_TRIED:
        world = load_world(when)
        for weight in (w for w in GUARANTEE_WEIGHTS if w > 0):
            for state in world.choosers:
                for partner in world.partners(state):
                    value = omni_plus_reference(world, state, partner, weight)
                    out.update(number_entry(case_name(when, weight, state, partner), value, tol=1e-6, decimals=6))
    return out
