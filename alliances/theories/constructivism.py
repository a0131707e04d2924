r"""Constructivism (identity): amity with those who share one's identity, enmity with the "Other".

States form amity with actors whose identity they share — faith, language, ethnic kin — and
enmity with the "Other" their collective memory defines as the enemy (Wendt 1999; Hopf 2002
on "habitual" friends).

Model parameters (:data:`PARAMETERS`): a toggle ``use_<m>`` and a weight ``<m>_weight`` per
marker :math:`m` of :data:`MARKERS`. Defaults follow the reading's "affinity of identities"
argument, which rests on shared faith ("Orthodox Christian Georgia"): religion weighs 1,
language and kinship 0.5, and historical memory — which the reading treats as a separate
"historical perspective" — 0.25; switching every marker but memory off gives that
history-only reading. Inputs: ``world.identity``, ``world.kinship``, ``world.memory``.

Notes
-----
The score is the weighted mean of the switched-on identity markers,

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
.. [1] Wendt, A. (1999). *Social Theory of International Politics*. Cambridge University Press.
.. [2] Hopf, T. (2002). *Social Construction of International Politics*. Cornell University
   Press.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alliances.params import BoolParam, FloatParam, Param
from alliances.theories.base import Explanation, clip, listing
from alliances.world import World

MARKERS: tuple[str, ...] = ("religion", "language", "kinship", "memory")
_DEFAULT_WEIGHTS = {"religion": 1.0, "language": 0.5, "kinship": 0.5, "memory": 0.25}
_WHAT = {"religion": "shared religion", "language": "shared language",
         "kinship": "ethnic kinship", "memory": "historical memory"}

PARAMETERS: tuple[Param, ...] = tuple(
    q for m in MARKERS for q in (
        BoolParam(f"use_{m}", True, f"count {_WHAT[m]} as an identity marker"),
        FloatParam(f"{m}_weight", _DEFAULT_WEIGHTS[m], f"weight of {_WHAT[m]} among the markers",
              low=0.0, high=1.0, step=0.05)))


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


def score(world: World, p: Mapping[str, Any]) -> dict[tuple[str, str], Explanation]:
    """Identity score for every chooser × partner.

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
