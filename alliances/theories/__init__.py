"""The five theories, one module each, behind one interface.

>>> world = load_world("2008-2019")
>>> predict("rsct", world)          # one row per (state, partner)
>>> parameters("balance_of_threat") # every parameter, default, range, description
>>> explain("rsct", world, "GEO", "RUS")  # what drove one score

Modules: :mod:`~alliances.theories.balance_of_power`, :mod:`~alliances.theories.balance_of_threat`,
:mod:`~alliances.theories.omnibalancing`, :mod:`~alliances.theories.constructivism`,
:mod:`~alliances.theories.rsct`.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import pandas as pd

from alliances.errors import ParameterError
from alliances.theories.base import STANCES, THRESHOLDS, Explanation, Param, stance
from alliances.theories.base import resolve as base_resolve
from alliances.world import World

THEORIES: tuple[str, ...] = ("balance_of_power", "balance_of_threat", "omnibalancing",
                             "constructivism", "rsct")

TITLES: dict[str, str] = {
    "balance_of_power": "Balance of power (Waltz)",
    "balance_of_threat": "Balance of threat (Walt)",
    "omnibalancing": "Omnibalancing (David)",
    "constructivism": "Constructivism: identity (Wendt)",
    "rsct": "Regional Security Complex Theory (Buzan & Wæver)",
}

COLUMNS = ["state", "partner", "score", "stance", "reason"]


def module(theory: str) -> ModuleType:
    """The module that holds ``theory``'s model."""
    if theory not in THEORIES:
        raise ParameterError(f"unknown theory {theory!r}; choose one of {', '.join(THEORIES)}")
    return importlib.import_module(f"alliances.theories.{theory}")


def parameter_specs(theory: str) -> tuple[Param, ...]:
    """Every :class:`Param` of ``theory``: its own, then the two stance thresholds."""
    return tuple(module(theory).PARAMETERS) + THRESHOLDS


def parameters(theory: str) -> pd.DataFrame:
    """A table of ``theory``'s parameters: name, default, allowed values, description."""
    return pd.DataFrame([{"name": p.name, "default": p.default, "allowed": p.allowed(),
                          "description": p.description} for p in parameter_specs(theory)])


def resolve_params(theory: str, params: dict[str, Any]) -> dict[str, Any]:
    """Defaults overlaid with ``params``, each validated; unknown names are refused."""
    return base_resolve(theory, parameter_specs(theory), params)


def _check_world(world: Any) -> None:
    if not isinstance(world, World):
        raise TypeError(f"expected a World from load_world(...), got {type(world).__name__}")


def predict(theory: str, world: World, **params: Any) -> pd.DataFrame:
    """``theory``'s prediction for every chooser × partner: state, partner, score, stance, reason.

    ``score`` lies in [-1, 1] (-1 balance against … +1 align with); ``stance`` applies the
    thresholds ``align_at`` / ``balance_at``. Raises ParameterError (a ValueError) for an
    unknown parameter or a value outside its allowed range.
    """
    _check_world(world)
    p = resolve_params(theory, params)
    scored = module(theory).score(world, p)
    rows = []
    for state in world.choosers:
        for partner in world.partners(state):
            e = scored[(state, partner)]
            rows.append((state, partner, e.score, stance(e.score, p["align_at"], p["balance_at"]),
                         e.reason))
    return pd.DataFrame(rows, columns=COLUMNS)


def explain(theory: str, world: World, state: str, partner: str, **params: Any) -> pd.DataFrame:
    """The contribution of each input to ``theory``'s score for ``state`` → ``partner``.

    Returns a frame with columns ``input, contribution`` plus a final ``score`` row.
    """
    _check_world(world)
    if state not in world.choosers or partner not in world.partners(state):
        raise ValueError(f"no prediction for {state!r} -> {partner!r}: state must be one of "
                         f"{', '.join(world.choosers)} and partner one of the actors it faces")
    p = resolve_params(theory, params)
    e = module(theory).score(world, p)[(state, partner)]
    rows = [{"input": k, "contribution": v} for k, v in e.parts.items()]
    rows.append({"input": "score", "contribution": e.score})
    return pd.DataFrame(rows)


__all__ = ["COLUMNS", "Explanation", "Param", "STANCES", "THEORIES", "TITLES", "explain",
           "module", "parameter_specs", "parameters", "predict", "resolve_params"]
