"""Test helpers shared by several test modules."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from types import MappingProxyType

import pandas as pd

from alliances.world import World


def fresh_python(program: str) -> str:
    """What ``program`` prints, run in a fresh interpreter (what a module imports at start-up is seen only there)."""
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout.strip()


def relabel(world: World, perm: dict[str, str]) -> World:
    """The same world with actor codes permuted (e.g. ARM and GEO swapped) everywhere.

    Every input keyed by a code — capabilities, borders, distances, acts, identity, memory,
    kinship, regime, instability, separatism, names — moves with the code. A model with no
    hidden country special case must give the relabelled world the relabelled prediction.
    """
    f = lambda code: perm.get(code, code)  # noqa: E731
    pair = lambda m: MappingProxyType({(f(a), f(b)): v for (a, b), v in m.items()})  # noqa: E731
    single = lambda m: MappingProxyType({f(a): v for a, v in m.items()})  # noqa: E731
    return dataclasses.replace(
        world,
        names=single(world.names),
        capability=MappingProxyType({m: single(v) for m, v in world.capability.items()}),
        land_border=pair(world.land_border), distance_km=pair(world.distance_km),
        acts=tuple(dataclasses.replace(a, actor=f(a.actor), target=f(a.target)) for a in world.acts),
        identity=single(world.identity), memory=pair(world.memory), kinship=pair(world.kinship),
        regime=single(world.regime),
        instability=MappingProxyType({f(s): tuple(dataclasses.replace(e, state=f(e.state)) for e in v)
                                      for s, v in world.instability.items()}),
        separatism=MappingProxyType({f(s): tuple(dataclasses.replace(r, state=f(r.state),
                                                                     patron=f(r.patron) if r.patron else None)
                                                 for r in v) for s, v in world.separatism.items()}),
        observed=pair(world.observed),
    )


def assert_dropping_hostile_acts_never_lowers(scores: Callable[[World], pd.Series], world: World) -> None:
    """Drop each hostile act of ``world`` in turn: no score of ``scores(world)`` may fall."""
    before = scores(world)
    for act in world.acts:
        if act.valence < 0:
            after = scores(world.replace(drop_acts=[act.act_id]))
            assert (after >= before - 1e-12).all(), act.act_id
