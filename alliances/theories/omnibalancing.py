r"""Omnibalancing (David 1991): a leader aligns with whoever best keeps the *regime* safe, at home and abroad.

Third World leaders weigh internal threats (coups, revolutions, contested elections,
secessionism) alongside external ones, and align with the power best placed to keep them in
power — even appeasing a secondary external threat, such as the patron of their separatists,
who can switch the rebellion off.

Model parameters (:data:`PARAMETERS`): ``internal_weight``, ``regime_insecurity``,
``appease_patrons``, ``affinity``. Inputs: coded acts (:func:`~alliances.theories.inputs.support`,
:func:`~alliances.theories.inputs.hostility`), vertical and horizontal weakness, CINC,
proximity, V-Dem polyarchy and the patrons of separatist regions. The ``parts`` of each
explanation are the three terms — external acts, regime affinity and separatist patron — and
add up to the unclipped score.

Notes
-----
For state :math:`i` and partner :math:`j`

.. math::

    S_{ij} = (1-\omega)\,E_{ij} + \omega\,\iota_i\,k_{ij}\,(f_{ij} + p_{ij})

clipped to [-1, 1], where

- :math:`\omega` = ``internal_weight``: weight of the regime's (internal) security against
  external acts. Default 0.65, so that the two terms carry equal weight on average: over
  every pair and period :math:`(1-\omega)\,\overline{|E|} = \omega\,\overline{|I|}`
  (:func:`balancing_weight` computes it, 0.63, rounded to 0.05) — derived, not fitted;
- :math:`E_{ij} = \text{support}_{ji} - \text{hostility}_{ji}`: the partner's coded acts
  towards the state, each :math:`1 - e^{-\frac12\sum \text{intensity}}` (0–1: one
  intensity-1 act 0.39, two 0.63, seven 0.97; :mod:`~alliances.theories.inputs`), the
  external side;
- :math:`\iota_i = \operatorname{clip}_{[0,1]}\bigl(1-(1-v_i)(1-z_i) + \delta\bigr)`: regime
  insecurity — the chance that at least one of vertical weakness :math:`v_i` (coups,
  revolutions, contested elections) and horizontal weakness :math:`z_i` (active separatist
  regions) bites — shifted by :math:`\delta` = ``regime_insecurity`` (0 = from the data);
- :math:`k_{ij} = c_j x_{ij} / \max_l c_l x_{il}`: the partner's reach — CINC capability
  share times proximity to the state, relative to the best-placed partner (0–1);
- :math:`f_{ij} = 1 - 2\max(0,\ q_i - q_j)`: regime affinity (V-Dem polyarchy :math:`q`),
  -1 … 1, **the course's extension, not David's**: David's leader fears a partner that would
  empower its domestic opponents; the model reads that, by default (``affinity="below"``), as
  distrust of a partner *less* democratic than the leader's regime, never of a more democratic
  one. ``"above"`` (only a democracy promoter is feared) and ``"symmetric"`` (any gap, the
  earlier course version) are the variants for discussion; 0 if unknown;
- :math:`p_{ij}`: share of the state's active separatist regions whose patron is the
  partner (0–1) — appeasing that patron is the omnibalancing move (``appease_patrons``).

References
----------
.. [1] David, S. R. (1991). Explaining Third World Alignment. *World Politics* 43(2), 233–256.
.. [2] Coppedge, M. et al. (2020). V-Dem Dataset v10 (electoral democracy index, polyarchy).
.. [3] Singer, J. D., Bremer, S. & Stuckey, J. (1972). Capability distribution, uncertainty,
   and major power war (CoW CINC).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from alliances.params import BoolParam, ChoiceParam, FloatParam, Param
from alliances.schemas import PERIODS, STATES, WEST_ACTORS
from alliances.theories.base import Explanation, clip, listing
from alliances.theories.inputs import (
    capability_shares,
    horizontal_weakness,
    hostility,
    proximity,
    support,
    vertical_weakness,
)
from alliances.world import World, load_world

#: Which regime gap counts against a partner (:func:`affinity`).
AFFINITIES: tuple[str, ...] = ("below", "above", "symmetric")

PARAMETERS: tuple[Param, ...] = (
    FloatParam("internal_weight", 0.65, "weight of regime (internal) security against external acts: "
          "0 = only the partner's acts count, 1 = only what it can do for the regime",
          low=0.0, high=1.0, step=0.05),
    FloatParam("regime_insecurity", 0.0, "shift added to every leader's regime insecurity from the "
          "data (0 = as measured, -1 = every regime secure, +1 = every regime gravely threatened)",
          low=-1.0, high=1.0, step=0.05),
    BoolParam("appease_patrons", True, "a leader appeases the patron of its separatists (it can "
          "switch the rebellion off)"),
    ChoiceParam("affinity", "below", "the course's regime-affinity extension: 'below' = a leader distrusts "
                "partners less democratic than its regime, 'above' = partners more democratic (democracy "
                "promoters), 'symmetric' = any regime gap", AFFINITIES),
)

MEASURE = "cinc"  # capability measure for a partner's reach


def _members(partner: str) -> tuple[str, ...]:
    """Codes that stand for ``partner``: a bloc (not a state) stands for its member actors."""
    return (partner,) if partner in STATES else (partner,) + WEST_ACTORS


def insecurity(world: World, state: str, shift: float = 0.0) -> float:
    """Regime insecurity :math:`\\iota_i` (0–1): noisy-or of vertical and horizontal weakness."""
    v, z = vertical_weakness(world, state), horizontal_weakness(world, state)
    return clip(1 - (1 - v) * (1 - z) + shift, 0.0, 1.0)


def affinity(world: World, state: str, partner: str, direction: str = "below") -> float:
    r"""Regime affinity :math:`f_{ij}` (-1 … 1) of ``state``'s leader for ``partner``; 0 when unknown.

    ``"below"`` (default): :math:`1 - 2\max(0, q_i - q_j)` — only a partner *less* democratic
    than the leader's regime counts against it; ``"above"``: :math:`1 - 2\max(0, q_j - q_i)` —
    only a *more* democratic partner (a democracy promoter) does; ``"symmetric"``:
    :math:`1 - 2|q_i - q_j|` (:math:`q` = V-Dem polyarchy).
    """
    if direction not in AFFINITIES:
        raise ValueError(f"direction must be one of {', '.join(AFFINITIES)}, not {direction!r}")
    a = world.regime.get(state, {}).get("polyarchy")
    b = world.regime.get(partner, {}).get("polyarchy")
    if a is None or b is None:
        return 0.0
    gap = {"below": max(0.0, a - b), "above": max(0.0, b - a), "symmetric": abs(a - b)}[direction]
    return 1 - 2 * gap


def reach(world: World, state: str) -> dict[str, float]:
    """Each partner's capability share times proximity, relative to the best placed (0–1)."""
    partners = world.partners(state)
    shares = capability_shares(world, MEASURE, partners)
    raw = {j: shares[j] * proximity(world, state, j) for j in partners}
    top = max(raw.values())
    return {j: (r / top if top > 0 else 0.0) for j, r in raw.items()}


def patronage(world: World, state: str, partner: str) -> float:
    """Share of ``state``'s active separatist regions whose patron is ``partner`` (0–1)."""
    regions = world.separatism.get(state, ())
    if not regions:
        return 0.0
    return sum(r.patron in _members(partner) for r in regions) / len(regions)


def score(world: World, p: Mapping[str, Any]) -> dict[tuple[str, str], Explanation]:
    """Omnibalancing score for every chooser × partner.

    Parameters
    ----------
    world : World
        The inputs (:func:`alliances.world.load_world`).
    p : mapping
        This module's :data:`PARAMETERS`, resolved (:func:`alliances.theories.resolve_params`);
        the thresholds, if present, are not read.

    Returns
    -------
    dict
        ``{(state, partner): Explanation}`` with the score in [-1, 1] (the formula is in the
        module's Notes), its parts and a one-sentence reason.
    """
    w = p["internal_weight"]
    out: dict[tuple[str, str], Explanation] = {}
    for s in world.choosers:
        iota = insecurity(world, s, p["regime_insecurity"])
        k = reach(world, s)
        for j in world.partners(s):
            ext = support(world, j, s) - hostility(world, j, s)
            pat = patronage(world, s, j) if p["appease_patrons"] else 0.0
            parts = {"external acts": (1 - w) * ext,
                     "regime affinity": w * iota * k[j] * affinity(world, s, j, p["affinity"]),
                     "separatist patron": w * iota * k[j] * pat}
            total = clip(sum(parts.values()))
            out[(s, j)] = Explanation(total, _reason(world, s, j, iota, parts, total), parts)
    return out


def term_sizes(worlds: Iterable[World] | None = None) -> tuple[float, float]:
    r"""Mean size of the external term :math:`|E_{ij}|` and of the regime term
    :math:`|\iota_i k_{ij} (f_{ij} + p_{ij})|` over every pair of ``worlds`` (default: every period).

    Returns
    -------
    (float, float)
        The two means, from :func:`score` at ``internal_weight`` 0 and 1 (other parameters at
        their defaults).
    """
    worlds = [load_world(when) for when in PERIODS] if worlds is None else list(worlds)
    defaults = {q.name: q.default for q in PARAMETERS}
    sizes = []
    for weight in (0.0, 1.0):
        terms = [abs(sum(e.parts.values())) for w in worlds
                 for e in score(w, {**defaults, "internal_weight": weight}).values()]
        sizes.append(sum(terms) / len(terms))
    return sizes[0], sizes[1]


def balancing_weight(worlds: Iterable[World] | None = None) -> float:
    r"""The ``internal_weight`` :math:`\omega` at which both terms weigh the same on average.

    Solves :math:`(1-\omega)\,\overline{|E|} = \omega\,\overline{|I|}` with the means of
    :func:`term_sizes`: :math:`\omega = \overline{|E|} / (\overline{|E|} + \overline{|I|})`.
    The default 0.75 is this value over every period, rounded to 0.05.
    """
    external, regime = term_sizes(worlds)
    return external / (external + regime)


def _reason(world: World, s: str, j: str, iota: float, parts: Mapping[str, float], total: float) -> str:
    name, partner = world.names[s], world.names[j]
    drivers = sorted((k for k, v in parts.items() if abs(v) >= 0.005), key=lambda k: -abs(parts[k]))
    if not drivers:
        return (f"Nothing in {partner}'s acts towards {name} or in what it can do for {name}'s "
                f"regime (insecurity {iota:.2f}) gives a reason to align with it or against it.")
    listed = listing([f"{k} ({parts[k]:+.2f})" for k in drivers])
    return (f"With regime insecurity {iota:.2f}, {name}'s leader scores {partner} {total:+.2f}, "
            f"driven by {listed}.")
