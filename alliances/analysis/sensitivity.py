"""Sensitivity analysis: how a theory's prediction moves when one parameter moves.

A conclusion drawn from a model is only as firm as its weakest weight. These helpers run a
theory over a range of values of one parameter, holding every other parameter fixed, so a
lesson can show which predictions hold across the range and which flip near the default
(sensitivity to coding choices and weights).

Examples
--------
>>> from alliances import load_world
>>> world = load_world("2008-2019")
>>> frame = sweep("omnibalancing", world, "internal_weight", grid("omnibalancing", "internal_weight", 5))
>>> sorted(set(frame["value"]))
[0.0, 0.25, 0.5, 0.75, 1.0]
>>> list(tipping_points(frame).columns)   # where each (state, partner) stance changes
['state', 'partner', 'before', 'after', 'from_value', 'to_value']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from alliances.analysis.agreement import compare
from alliances.errors import ParameterError
from alliances.params import FloatParam, spec_named
from alliances.theories import parameter_specs, predict
from alliances.world import World

#: Columns of :func:`sweep`'s result.
SWEEP_COLUMNS = ["parameter", "value", "state", "partner", "score", "stance"]


def grid(theory: str, name: str, steps: int = 21) -> list[float]:
    """``steps`` evenly spaced values across the allowed range of a float parameter.

    >>> grid("omnibalancing", "internal_weight", 5)
    [0.0, 0.25, 0.5, 0.75, 1.0]
    """
    p = spec_named(theory, parameter_specs(theory), name)
    if not isinstance(p, FloatParam):
        raise ParameterError(f"{name} is not a number (it is {p.kind}); give its values to sweep() yourself")
    if isinstance(steps, bool) or not isinstance(steps, int) or not 2 <= steps <= 1001:
        raise ParameterError(f"steps={steps!r} is not allowed: give a whole number from 2 to 1001")
    return [round(p.low + (p.high - p.low) * i / (steps - 1), 10) for i in range(steps)]


def sweep(theory: str, world: World, name: str, values: Iterable[Any], **params: Any) -> pd.DataFrame:
    """``theory``'s prediction for each value of parameter ``name``, the rest held fixed.

    Parameters
    ----------
    theory, world
        As for :func:`alliances.theories.predict`.
    name
        The parameter to vary, e.g. ``"internal_weight"``.
    values
        The values to try; each is validated like any parameter value.
    **params
        Every other parameter, held fixed (defaults where not given). ``name`` may not be
        among them.

    Returns
    -------
    One row per value × (state, partner): ``parameter, value, state, partner, score, stance``,
    in the order of ``values``.
    """
    if name in params:
        raise ParameterError(f"{name} is the parameter being swept; do not also fix it")
    values = list(values)
    if not values:
        raise ValueError(f"give at least one value of {name} to sweep")
    frames = []
    for value in values:
        table = predict(theory, world, **{**params, name: value})
        frames.append(table.assign(parameter=name, value=value)[SWEEP_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def tipping_points(frame: pd.DataFrame) -> pd.DataFrame:
    """Where each (state, partner) stance changes along a :func:`sweep`.

    Returns one row per change: ``state, partner, before, after, from_value, to_value`` —
    the stance changes from ``before`` to ``after`` somewhere between the two neighbouring
    values swept. An empty frame means no stance changed anywhere in the range.
    """
    missing = [c for c in SWEEP_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"expected a frame from sweep(...); missing column(s) {', '.join(missing)}")
    rows = []
    for (state, partner), g in frame.groupby(["state", "partner"], sort=False):
        values, stances = list(g["value"]), list(g["stance"])
        for i in range(1, len(g)):
            if stances[i] != stances[i - 1]:
                rows.append({"state": state, "partner": partner, "before": stances[i - 1],
                             "after": stances[i], "from_value": values[i - 1], "to_value": values[i]})
    return pd.DataFrame(rows, columns=["state", "partner", "before", "after", "from_value", "to_value"])


def agreement_along(frame: pd.DataFrame, observed: pd.DataFrame) -> pd.DataFrame:
    """Stance agreement with ``observed`` at each value of a :func:`sweep`.

    Returns one row per value × state (plus ``"all"``): ``value, state, stance_agreement``
    (0–1), as :func:`alliances.observed.compare` computes it. Choosing the value with the
    highest agreement is fitting a weight to 18 cells: read the curve, do not optimise it.
    """
    missing = [c for c in SWEEP_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"expected a frame from sweep(...); missing column(s) {', '.join(missing)}")
    rows = []
    for value, g in frame.groupby("value", sort=False):
        table = compare(g.assign(reason=""), observed)
        rows += [{"value": value, "state": r.state, "stance_agreement": r.stance_agreement}
                 for r in table.itertuples()]
    return pd.DataFrame(rows, columns=["value", "state", "stance_agreement"])


__all__ = ["SWEEP_COLUMNS", "agreement_along", "grid", "sweep", "tipping_points"]
