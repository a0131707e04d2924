r"""Balance of power (Waltz 1979): states watch the distribution of capabilities and balance
against the strongest power by aligning with the strongest counterweight (or, with a
bandwagon disposition, join the strongest power).

The rule reads only the structure of the system, not who the state is, so every chooser gets
the same score towards the same partner (each state simply faces the other two choosers). If
the state is itself the hegemon it has nothing to balance, and every score is 0.

Model parameters (:data:`PARAMETERS`): ``measure`` (cinc, milex, gdp, population), ``scope``
(regional, global), ``disposition`` (balance, bandwagon). Inputs: ``world.capability[measure]``
(:data:`alliances.world.MEASURES`), shares from
:func:`alliances.theories.inputs.capability_shares`. A reason names the stance that the
thresholds in force (``align_at``, ``balance_at``) give its score.

Notes
-----
The system :math:`N` is the three choosers plus the powers bordering them — Russia, Turkey and
Iran (``scope="regional"``) — or every actor, the West as well (``scope="global"``). With
:math:`c_j` the chosen capability measure (CINC, military spending, GDP or population), each
actor's share of the system is

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

The strongest counterweight gets the highest positive score.

References
----------
.. [1] Waltz, K. N. (1979). *Theory of International Politics*. Reading, MA: Addison-Wesley.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from alliances.params import ChoiceParam, Param, resolve
from alliances.theories.base import Explanation, clip, sentence, stance_phrase
from alliances.theories.inputs import capability_shares
from alliances.world import MEASURES, World

PARAMETERS: tuple[Param, ...] = (
    ChoiceParam("measure", "cinc", "which capability counts: CINC, military spending, GDP or population", choices=tuple(MEASURES)),
    ChoiceParam("scope", "regional", "the system: 'regional' (the three states, Russia, Turkey, Iran) "
          "or 'global' (also the West)", choices=("regional", "global")),
    ChoiceParam("disposition", "balance", "'balance' against the strongest power, or 'bandwagon' with it", choices=("balance", "bandwagon")),
)

#: Each capability measure in words, as reasons and charts name it.
MEASURE_WORDS: Mapping[str, str] = {"cinc": "CINC", "milex": "military spending", "gdp": "GDP",
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
    """Balance-of-power score for every chooser × partner.

    Parameters
    ----------
    world : World
        The inputs (:func:`alliances.world.load_world`).
    p : mapping
        Resolved parameters (:func:`alliances.theories.resolve_params`): this module's
        :data:`PARAMETERS` and the thresholds ``align_at`` and ``balance_at``, whose stance
        each reason names.

    Returns
    -------
    dict
        ``{(state, partner): Explanation}`` with the score in [-1, 1] (the formula is in the
        module's Notes), its parts and a one-sentence reason.
    """
    measure, scope = p["measure"], p["scope"]
    d = 1.0 if p["disposition"] == "balance" else -1.0
    members = system(world, scope)
    shares = capability_shares(world, measure, members)
    hegemon = strongest(members, shares)
    s_h = shares[hegemon]
    n, m = world.names, MEASURE_WORDS[measure]
    out: dict[tuple[str, str], Explanation] = {}
    for state in world.choosers:
        counterweight = strongest_counterweight(members, shares, state)
        for partner in world.partners(state):
            value, parts = 0.0, dict[str, float]()
            if partner not in members:
                why = (f"{n[partner]} is outside the {scope} system considered, so balance of power "
                       f"has no basis for a stance of {n[state]} towards it.")
            elif s_h <= 0:
                why = (f"no {m} data for the {scope} system, so balance of power has no basis for "
                       f"{n[state]}'s stance towards {n[partner]}.")
            elif state == hegemon:
                why = (f"{n[state]} is itself the strongest power by {m}, so it has no one to balance "
                       f"and balance of power has no basis for a stance towards {n[partner]}.")
            elif partner == hegemon:
                value = -d * s_h
                parts = {f"hegemon's share of {m}": value}
                why = (f"{n[partner]} is the strongest power in the {scope} system ({s_h:.0%} of "
                       f"its {m}), so {_predicts(d)} {n[state]} {stance_phrase(clip(value), p)}.")
            else:
                ratio = shares[partner] / s_h
                value = d * ratio
                parts = {f"{m} relative to {n[hegemon]}": value}
                rank = "the strongest" if partner == counterweight else "a weaker"
                role = "counterweight to" if d > 0 else "rival of"
                pct = f"{ratio:.0%}" if ratio >= 0.095 else f"{ratio:.1%}"
                why = (f"{n[partner]} has {pct} of the {m} of {n[hegemon]}, the strongest "
                       f"power, making it {rank} {role} {n[hegemon]}, so {_predicts(d)} {n[state]} "
                       f"{stance_phrase(clip(value), p)}.")
            out[(state, partner)] = Explanation(clip(value), sentence(why), parts)
    return out


def _predicts(d: float) -> str:
    """How a reason names the theory and, for bandwagoning, the disposition."""
    return "balance of power predicts" if d > 0 else "balance of power, bandwagoning, predicts"


def strongest(actors: Iterable[str], shares: Mapping[str, float]) -> str:
    """The actor with the largest share: the hegemon :math:`H` of ``actors`` (the first in order on a tie)."""
    return max(actors, key=lambda a: shares[a])


def strongest_counterweight(members: Sequence[str], shares: Mapping[str, float], state: str) -> str | None:
    """The strongest member other than ``state`` and the hegemon: the counterweight ``state`` leans
    towards most (None if there is no other member)."""
    hegemon = strongest(members, shares)
    rivals = [a for a in members if a not in (state, hegemon)]
    return strongest(rivals, shares) if rivals else None


#: The roles :func:`capability_roles` gives the members of the system.
ROLES: tuple[str, ...] = ("hegemon", "strongest counterweight", "other power", "chooser")


def capability_roles(world: World, scope: str = "regional", measures: Sequence[str] | None = None) -> pd.DataFrame:
    r"""Each member's share of the system's capability and the role the model gives it, per measure.

    Parameters
    ----------
    world
        The world to read capabilities from.
    scope
        The system, as the model's ``scope`` parameter: ``"regional"`` or ``"global"``.
    measures
        Some of :data:`alliances.world.MEASURES` (default: all four).

    Returns
    -------
    pandas.DataFrame
        One row per measure × member of :func:`system`, in system order: ``measure``,
        ``actor``, ``name`` (the world's name), ``share`` (:math:`s_j`), ``value`` (the raw
        capability; NaN where missing) and ``role`` (one of :data:`ROLES`).

    Notes
    -----
    The roles come from the rule :func:`score` uses, so the two cannot disagree: the
    ``hegemon`` is :math:`H = \arg\max_{j \in N} s_j` over *every* member, choosers included
    (:func:`strongest`); an actor is the ``strongest counterweight`` if it is
    :func:`strongest_counterweight` for some chooser other than :math:`H`; the remaining
    choosers are ``chooser`` and the remaining powers ``other power``. With no data for the
    measure (every share 0) the model predicts nothing, and no one is hegemon or counterweight.
    """
    p = resolve("balance_of_power", PARAMETERS, {"scope": scope})
    chosen = list(MEASURES) if measures is None else list(measures)
    if not chosen:
        raise ValueError(f"give at least one measure of {', '.join(MEASURES)}")
    members = system(world, p["scope"])
    rows = []
    for measure in (resolve("balance_of_power", PARAMETERS, {"measure": m})["measure"] for m in chosen):
        shares = capability_shares(world, measure, members)
        hegemon, counterweights = None, set()
        if max(shares.values()) > 0:
            hegemon = strongest(members, shares)
            counterweights = {strongest_counterweight(members, shares, s) for s in world.choosers if s != hegemon}
        for actor in members:
            role = ("hegemon" if actor == hegemon else "strongest counterweight" if actor in counterweights else
                    "chooser" if actor in world.choosers else "other power")
            value = world.capability[measure].get(actor)
            rows.append({"measure": measure, "actor": actor, "name": world.names.get(actor, actor),
                         "share": shares[actor], "value": float("nan") if value is None else float(value),
                         "role": role})
    return pd.DataFrame(rows, columns=["measure", "actor", "name", "share", "value", "role"])
