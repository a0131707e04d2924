r"""Balance of power (Waltz 1979): states watch the distribution of capabilities and balance
against the strongest power by aligning with the strongest counterweight (or, with a
bandwagon disposition, join the strongest power).

Formula
-------
The system :math:`N` is the three choosers plus the powers bordering them — Russia, Turkey and
Iran (``scope="regional"``) — or every actor, the West as well (``scope="global"``). With
:math:`c_j` the chosen capability measure
(CINC, military spending, GDP or population), each actor's share of the system is

.. math:: s_j = c_j \,/\, \sum_{k \in N} c_k ,

the hegemon is :math:`H = \arg\max_j s_j`, and with disposition sign :math:`d = +1` (balance)
or :math:`d = -1` (bandwagon) the score of state :math:`i` towards partner :math:`j` is

.. math::

    \text{score}_{ij} = \begin{cases}
        -d \, s_H & j = H \quad\text{(the hegemon: opposed in proportion to its dominance)}\\
        +d \, s_j / s_H & j \in N,\ j \ne H \quad\text{(a counterweight, scaled by its
        strength relative to the hegemon)}\\
        0 & j \notin N \quad\text{(outside the system considered)}
    \end{cases}

The strongest counterweight gets the highest positive score. The rule reads only the
structure of the system, not who the state is, so every chooser gets the same score
towards the same partner (each state simply faces the other two choosers). If the state is
itself the hegemon it has nothing to balance, and every score is 0.

Variables
---------
``capability[measure]`` (``alliances.world.MEASURES``), shares from
:func:`alliances.theories.inputs.capability_shares`.

Parameters: ``measure`` (cinc, milex, gdp, population), ``scope`` (regional, global),
``disposition`` (balance, bandwagon).

References
----------
Waltz, K. N. (1979). *Theory of International Politics*. Reading, MA: Addison-Wesley.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alliances.theories.base import Explanation, Param, clip
from alliances.theories.inputs import capability_shares
from alliances.world import MEASURES, World

PARAMETERS: tuple[Param, ...] = (
    Param("measure", "cinc", "which capability counts: CINC, military spending, GDP or population",
          kind="choice", choices=tuple(MEASURES)),
    Param("scope", "regional", "the system: 'regional' (the three states, Russia, Turkey, Iran) "
          "or 'global' (also the West)", kind="choice", choices=("regional", "global")),
    Param("disposition", "balance", "'balance' against the strongest power, or 'bandwagon' with it",
          kind="choice", choices=("balance", "bandwagon")),
)

_MEASURE_WORDS = {"cinc": "CINC", "milex": "military spending", "gdp": "GDP",
                  "population": "population"}


def system(world: World, scope: str) -> tuple[str, ...]:
    """The actors whose capabilities are compared.

    Regional: the choosers and every power sharing a land border with one of them (from
    ``world.land_border``); global: every actor.
    """
    if scope == "global":
        return world.actors
    borders = world.land_border
    return world.choosers + tuple(
        a for a in world.powers if any(borders.get((s, a), False) for s in world.choosers))


def score(world: World, p: Mapping[str, Any]) -> dict[tuple[str, str], Explanation]:
    """Balance-of-power score for every chooser × partner (see the module docstring)."""
    measure, scope = p["measure"], p["scope"]
    d = 1.0 if p["disposition"] == "balance" else -1.0
    members = system(world, scope)
    shares = capability_shares(world, measure, members)
    hegemon = max(members, key=lambda a: shares[a])  # first in order on a tie
    s_h = shares[hegemon]
    n, m = world.names, _MEASURE_WORDS[measure]
    verb = "balances against" if d > 0 else "bandwagons with"
    out: dict[tuple[str, str], Explanation] = {}
    for state in world.choosers:
        rivals = [a for a in members if a not in (state, hegemon)]
        strongest = max(rivals, key=lambda a: shares[a]) if rivals else None
        for partner in world.partners(state):
            if partner not in members:
                value, parts, why = 0.0, {}, (
                    f"{n[partner]} is outside the {scope} system considered, so balance of power "
                    f"predicts no stance of {n[state]} towards it.")
            elif s_h <= 0:
                value, parts, why = 0.0, {}, (
                    f"No {m} data for the {scope} system, so balance of power has no basis for "
                    f"{n[state]}'s stance towards {n[partner]}.")
            elif state == hegemon:
                value, parts, why = 0.0, {}, (
                    f"{n[state]} is itself the strongest power by {m}, so it has no one to balance "
                    f"and balance of power predicts no stance towards {n[partner]}.")
            elif partner == hegemon:
                value = -d * s_h
                parts = {f"hegemon's share of {m}": value}
                why = (f"{n[partner]} is the strongest power in the {scope} system ({s_h:.0%} of "
                       f"its {m}), so {n[state]} {verb} it.")
            else:
                ratio = shares[partner] / s_h
                value = d * ratio
                parts = {f"{m} relative to {n[hegemon]}": value}
                rank = "the strongest" if partner == strongest else "a weaker"
                role = "counterweight to" if d > 0 else "rival of"
                act = "leans towards" if d > 0 else "keeps away from"
                pct = f"{ratio:.0%}" if ratio >= 0.095 else f"{ratio:.1%}"
                why = (f"{n[partner]} has {pct} of the {m} of {n[hegemon]}, the strongest "
                       f"power, making it {rank} {role} {n[hegemon]}, so {n[state]} {act} it "
                       f"in proportion.")
            out[(state, partner)] = Explanation(clip(value), why[0].upper() + why[1:], parts)
    return out
