"""The five theories, one module each, behind one interface.

Modules: :mod:`~alliances.theories.balance_of_power`, :mod:`~alliances.theories.balance_of_threat`,
:mod:`~alliances.theories.omnibalancing`, :mod:`~alliances.theories.constructivism`,
:mod:`~alliances.theories.rsct`; :mod:`~alliances.theories.registry` names and draws them.

Examples
--------
>>> from alliances import load_world
>>> world = load_world("2008-2019")
>>> table = predict("rsct", world)        # one row per (state, partner)
>>> list(table.columns)
['state', 'partner', 'score', 'stance', 'reason']
>>> len(table)
18
>>> parameters("balance_of_power")["name"].tolist()
['measure', 'scope', 'disposition', 'align_at', 'balance_at']
>>> explain("rsct", world, "GEO", "RUS")["input"].tolist()
['regional', 'weakness', 'penetration', 'score']
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from alliances.params import Param, resolve, shown
from alliances.theories.base import COLUMNS, STANCES, THRESHOLDS, Explanation, stance
from alliances.theories.registry import REGISTRY, SHORT_TITLES, THEORIES, TITLES, TheorySpec, spec
from alliances.world import World


def parameter_specs(theory: str) -> tuple[Param, ...]:
    """Every parameter spec of ``theory``: its own, then the two stance thresholds."""
    return tuple(spec(theory).module.PARAMETERS) + THRESHOLDS


def parameters(theory: str) -> pd.DataFrame:
    """A table of ``theory``'s parameters: name, default, allowed values, description."""
    return pd.DataFrame([{"name": p.name, "default": p.default, "allowed": p.allowed(),
                          "description": p.description} for p in parameter_specs(theory)])


def resolve_params(theory: str, params: dict[str, Any]) -> dict[str, Any]:
    """Defaults overlaid with ``params``, each validated; unknown names are refused."""
    return resolve(theory, parameter_specs(theory), params)


def _check_world(world: Any) -> None:
    if not isinstance(world, World):
        raise TypeError(f"expected a World from load_world(...), got {type(world).__name__}")


def score(theory: str, world: World, **params: Any) -> tuple[dict[str, Any], dict[tuple[str, str], Explanation]]:
    """The resolved parameters and ``theory``'s :class:`Explanation` for every (state, partner)."""
    _check_world(world)
    p = resolve_params(theory, params)
    return p, spec(theory).module.score(world, p)


def predict(theory: str, world: World, **params: Any) -> pd.DataFrame:
    """``theory``'s prediction for every chooser × partner: state, partner, score, stance, reason.

    ``score`` lies in [-1, 1] (-1 balance against … +1 align with); ``stance`` applies the
    thresholds ``align_at`` / ``balance_at``. Raises ParameterError (a ValueError) for an
    unknown theory or parameter, or a value outside its allowed range.
    """
    p, scored = score(theory, world, **params)
    rows = []
    for state in world.choosers:
        for partner in world.partners(state):
            e = scored[(state, partner)]
            rows.append((state, partner, e.score, stance(e.score, p["align_at"], p["balance_at"]), e.reason))
    return pd.DataFrame(rows, columns=_COLUMN_INDEX)


# built once: pandas turns a list of names into an Index on every call (a quarter of a frame's
# build time), and an Index is immutable, so every prediction frame can share this one
_COLUMN_INDEX = pd.Index(COLUMNS)


def explain(theory: str, world: World, state: str, partner: str, **params: Any) -> pd.DataFrame:
    """The contribution of each input to ``theory``'s score for ``state`` → ``partner``.

    Returns a frame with columns ``input, contribution`` plus a final ``score`` row.
    """
    _check_world(world)
    if not isinstance(state, str) or not isinstance(partner, str):
        raise TypeError(f"no prediction for {shown(state)} -> {shown(partner)}: state and partner must be "
                        "actor codes as text, e.g. 'GEO' and 'RUS'")
    if state not in world.choosers or partner not in world.partners(state):
        raise ValueError(f"no prediction for {state!r} -> {partner!r}: state must be one of "
                         f"{', '.join(world.choosers)} and partner one of the actors it faces")
    _, scored = score(theory, world, **params)
    e = scored[(state, partner)]
    rows = [{"input": k, "contribution": v} for k, v in e.parts.items()]
    rows.append({"input": "score", "contribution": e.score})
    return pd.DataFrame(rows)


__all__ = ["COLUMNS", "Explanation", "REGISTRY", "SHORT_TITLES", "STANCES", "THEORIES", "TITLES", "TheorySpec",
           "explain", "parameter_specs", "parameters", "predict", "resolve_params", "score", "spec"]
