r"""Constructivism (Wendt): identity is made in interaction — "anarchy is what states make of it".

Wendt (1992) argues that self-help is not given by anarchy but made by practice: states come
to see one another as enemies, rivals or friends through what they do to one another, and
these roles sediment into shared expectations. Wendt (1999, ch. 6) calls the three resulting
role structures the *cultures of anarchy*: **Hobbesian** (the Other is an *enemy*, out to
destroy the Self), **Lockean** (a *rival* that recognises one's sovereignty but competes) and
**Kantian** (a *friend*: disputes settled without war, help in need).

Two variants (``identity``):

- ``"interaction"`` (default, the Wendtian one): the role of a partner is read from the
  history of interaction — the coded historical memory (interaction long past, sedimented)
  and the security acts of the covered years in both directions (current practice) — so it
  moves from period to period. A Kantian friend is aligned with, a Lockean rival hedged
  towards, a Hobbesian enemy balanced against: the three cultures are the three stances,
  cut at the thresholds every theory shares.
- ``"thin"``: *thin identity*, a static score of shared attributes — faith, language, ethnic
  kin — plus memory (Hopf 2002 on "habitual" friends; closer to primordialism or Huntington's
  kin-country rallying than to Wendt). It is the reading's "affinity of identities"
  argument and is kept as the explicit variant: religion weighs 1, language and kinship 0.5,
  memory 0.25 by default, and with every marker but memory switched off it gives the
  history-only reading.

Model parameters (:data:`PARAMETERS`): ``identity``, ``practice_weight`` (the weight of
current practice against remembered interaction in the interaction variant; 0.5, no reason
to favour either), and a toggle ``use_<m>`` and a weight ``<m>_weight`` per marker :math:`m`
of :data:`MARKERS` (the thin variant; ``use_memory`` also switches memory off in the
interaction variant). Inputs: ``world.identity``, ``world.kinship``, ``world.memory``,
``world.acts``.

Notes
-----
**Interaction** (default). With :math:`\lambda` = ``practice_weight`` and :math:`u` the
``use_memory`` toggle,

.. math::

    S_{ij} = \frac{(1-\lambda)\,u\,M_{ij} + \lambda\,P_{ij}}{(1-\lambda)\,u + \lambda}, \qquad
    M_{ij} = \tfrac12\,\text{memory}_{ij}, \qquad
    P_{ij} = \tfrac12\bigl[(s_{ji} - h_{ji}) + (s_{ij} - h_{ij})\bigr]

(0 when the denominator is 0), where :math:`s` and :math:`h` are
:func:`~alliances.theories.inputs.support` and :func:`~alliances.theories.inputs.hostility`
(0–1) of the acts active in the covered years: practice is mutual, as a culture is shared.
The culture is Kantian if :math:`S_{ij} \ge` ``align_at``, Hobbesian if :math:`S_{ij} \le`
``balance_at``, Lockean otherwise. ``parts`` are ``memory`` and ``practice``.

**Thin identity.** The score is the weighted mean of the switched-on identity markers,

.. math::

    S_{ij} = \frac{\sum_m u_m w_m\, x^m_{ij}}{\sum_m u_m w_m}, \qquad
    m \in \{\text{religion}, \text{language}, \text{kinship}, \text{memory}\}

(0 when every switched-on weight is zero), where :math:`u_m` is the toggle ``use_<m>``,
:math:`w_m` the weight ``<m>_weight`` and

- :math:`x^\text{religion}_{ij}`, :math:`x^\text{language}_{ij}` = 1 if both actors share the
  branch (e.g. Eastern Orthodox, Oghuz Turkic), 0.5 if they share only the family (e.g.
  Christian, Turkic), 0 otherwise — an unknown (None) marker is no match;
- :math:`x^\text{kinship}_{ij}` = coded ethnic kinship (0/1);
- :math:`x^\text{memory}_{ij}` = coded historical memory / 2 (-1 … 1): the only marker that
  can be negative, so enmity comes from the remembered "Other".

``parts`` maps each marker to :math:`u_m w_m x^m_{ij} / \sum_m u_m w_m`; they add up to the
score.

References
----------
.. [1] Wendt, A. (1992). Anarchy is what states make of it: the social construction of power
   politics. *International Organization*, 46(2), 391–425.
.. [2] Wendt, A. (1999). *Social Theory of International Politics*. Cambridge University Press
   (ch. 6, three cultures of anarchy).
.. [3] Hopf, T. (2002). *Social Construction of International Politics*. Cornell University
   Press.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alliances.params import BoolParam, ChoiceParam, FloatParam, Param
from alliances.theories.base import Explanation, clip, listing, stance
from alliances.theories.inputs import hostility, support
from alliances.world import World

MARKERS: tuple[str, ...] = ("religion", "language", "kinship", "memory")
_DEFAULT_WEIGHTS = {"religion": 1.0, "language": 0.5, "kinship": 0.5, "memory": 0.25}
_WHAT = {"religion": "shared religion", "language": "shared language",
         "kinship": "ethnic kinship", "memory": "historical memory"}

#: The two variants: identity made in interaction (Wendt) and thin, attribute-based identity.
VARIANTS: tuple[str, ...] = ("interaction", "thin")

#: Wendt's three cultures of anarchy, by the stance each gives.
CULTURES: Mapping[str, str] = {"align": "a friend (Kantian)", "hedge": "a rival (Lockean)",
                               "balance": "an enemy (Hobbesian)"}

PARAMETERS: tuple[Param, ...] = (
    ChoiceParam("identity", "interaction", "'interaction': roles (enemy, rival, friend) made by remembered and "
                "current interaction (Wendt); 'thin': static shared attributes (religion, language, kin, memory)",
                VARIANTS),
    FloatParam("practice_weight", 0.5, "interaction variant: weight of current practice (acts of the covered "
               "years, both ways) against remembered interaction (historical memory)", low=0.0, high=1.0, step=0.05,
               requires=(("identity", "interaction"),)),
) + tuple(
    q for m in MARKERS for q in (
        BoolParam(f"use_{m}", True, f"thin variant: count {_WHAT[m]} as an identity marker",
                  requires=() if m == "memory" else (("identity", "thin"),)),
        FloatParam(f"{m}_weight", _DEFAULT_WEIGHTS[m], f"thin variant: weight of {_WHAT[m]} among the markers",
                   low=0.0, high=1.0, step=0.05, requires=(("identity", "thin"), (f"use_{m}", True)))))


def shared(a: str | None, b: str | None, fa: str | None, fb: str | None) -> float:
    """1 for the same branch, 0.5 for the same family only, 0 otherwise (None never matches)."""
    if a is not None and a == b:
        return 1.0
    if fa is not None and fa == fb:
        return 0.5
    return 0.0


def markers(world: World, state: str, partner: str) -> dict[str, float]:
    """The four marker values :math:`x^m_{ij}` of ``state`` towards ``partner``."""
    a, b = world.identity.get(state), world.identity.get(partner)
    religion = language = 0.0
    if a is not None and b is not None:
        religion = shared(a.religion_branch, b.religion_branch, a.religion_family, b.religion_family)
        language = shared(a.language_branch, b.language_branch, a.language_family, b.language_family)
    return {
        "religion": religion,
        "language": language,
        "kinship": float(world.kinship.get((state, partner), 0)),
        "memory": world.memory.get((state, partner), 0.0) / 2,
    }


def practice(world: World, state: str, partner: str) -> float:
    r"""Current practice :math:`P_{ij}` (-1 … 1): mutual support less mutual hostility in the covered years."""
    return ((support(world, partner, state) - hostility(world, partner, state))
            + (support(world, state, partner) - hostility(world, state, partner))) / 2


def interaction_score(world: World, p: Mapping[str, Any]) -> dict[tuple[str, str], Explanation]:
    """The interaction variant (the module's Notes): roles made by remembered and current interaction."""
    lam = p["practice_weight"]
    w_memory = (1 - lam) if p["use_memory"] else 0.0
    total_w = w_memory + lam
    out: dict[tuple[str, str], Explanation] = {}
    for s in world.choosers:
        for j in world.partners(s):
            if total_w <= 0:
                out[(s, j)] = Explanation(0.0, f"Memory is switched off and practice weighs 0, so this theory has "
                                               f"no basis for a prediction about {world.names[j]}.",
                                          {"memory": 0.0, "practice": 0.0})
                continue
            parts = {"memory": w_memory * world.memory.get((s, j), 0.0) / 2 / total_w,
                     "practice": lam * practice(world, s, j) / total_w}
            value = clip(sum(parts.values()))
            role = CULTURES[stance(value, p["align_at"], p["balance_at"])]
            why = (f"Remembered interaction ({parts['memory']:+.2f}) and current practice ({parts['practice']:+.2f}) "
                   f"make {world.names[j]} {role} for {world.names[s]}: identity score {value:+.2f}.")
            out[(s, j)] = Explanation(value, why, parts)
    return out


def score(world: World, p: Mapping[str, Any]) -> dict[tuple[str, str], Explanation]:
    """Identity score for every chooser × partner, in the variant ``p["identity"]``.

    Parameters
    ----------
    world : World
        The inputs (:func:`alliances.world.load_world`).
    p : mapping
        This module's :data:`PARAMETERS` and the thresholds, resolved
        (:func:`alliances.theories.resolve_params`); the interaction variant names the culture
        the thresholds give each score.

    Returns
    -------
    dict
        ``{(state, partner): Explanation}`` with the score in [-1, 1] (the formula is in the
        module's Notes), its parts and a one-sentence reason.
    """
    if p["identity"] == "interaction":
        return interaction_score(world, p)
    weights = {m: (p[f"{m}_weight"] if p[f"use_{m}"] else 0.0) for m in MARKERS}
    total_w = sum(weights.values())
    out: dict[tuple[str, str], Explanation] = {}
    for s in world.choosers:
        for j in world.partners(s):
            if total_w <= 0:
                reason = (f"All identity weights are zero (or their markers switched off), so "
                          f"this theory has no basis for a prediction about {world.names[j]}.")
                out[(s, j)] = Explanation(0.0, reason, {m: 0.0 for m in MARKERS})
                continue
            x = markers(world, s, j)
            parts = {m: weights[m] * x[m] / total_w for m in MARKERS if weights[m] > 0}
            total = clip(sum(parts.values()))
            out[(s, j)] = Explanation(total, _reason(world, s, j, parts, total), parts)
    return out


def _reason(world: World, s: str, j: str, parts: Mapping[str, float], total: float) -> str:
    name, partner = world.names[s], world.names[j]
    drivers = sorted((m for m, v in parts.items() if abs(v) >= 0.005), key=lambda m: -abs(parts[m]))
    if not drivers:
        counted = " or ".join(_WHAT[m] for m in parts)
        return (f"{name} and {partner} have nothing in common on the markers counted ({counted}), "
                f"so the score is {total:+.2f}.")
    listed = listing([f"{_WHAT[m]} ({parts[m]:+.2f})" for m in drivers])
    return f"{name} scores {partner} {total:+.2f} on identity, from {listed}."
