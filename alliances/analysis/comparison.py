"""Every theory at once: predictions side by side, what drove them, what a change moves.

Lessons 05 and 08 put the five theories side by side; the computation lives here so both
use the same code. Nothing here reads the observed alignment (:mod:`.agreement` does).

Examples
--------
>>> from alliances import load_world
>>> world = load_world("2008-2019")
>>> table = predict_all(world)               # one row per theory × state × partner
>>> len(table)
90
>>> sorted(set(parts_frame("rsct", world)["part"]))
['penetration', 'regional', 'weakness']
>>> principal_partners(predict("rsct", world))["state"].tolist()
['ARM', 'AZE', 'GEO']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from alliances.theories import COLUMNS, SHORT_TITLES, THEORIES, predict, score
from alliances.theories.registry import check_theories
from alliances.world import World


def _params_for(theory: str, params: Mapping[str, Mapping[str, Any]] | None) -> dict[str, Any]:
    return dict((params or {}).get(theory, {}))


def predict_all(world: World, params: Mapping[str, Mapping[str, Any]] | None = None,
                theories: Sequence[str] = THEORIES) -> pd.DataFrame:
    """Every theory's prediction for ``world`` in one long frame.

    Columns: ``theory`` then :data:`alliances.theories.COLUMNS` (state, partner, score,
    stance, reason). ``params`` maps a theory to its parameter values (defaults otherwise),
    e.g. ``{"rsct": {"w_penetration": 0.5}}``; a theory missing from ``theories`` may not
    be given parameters.
    """
    theories = check_theories(theories)
    extra = [t for t in (params or {}) if t not in theories]
    if extra:
        raise ValueError(f"parameters given for theories not predicted: {extra}")
    frames = [predict(t, world, **_params_for(t, params)).assign(theory=t) for t in theories]
    return pd.concat(frames, ignore_index=True)[["theory", *COLUMNS]]


def by_theory(table: pd.DataFrame, labels: Mapping[str, str] | None = None) -> dict[str, pd.DataFrame]:
    """Split a :func:`predict_all` frame into ``{label: prediction}``, in theory order.

    ``labels`` renames the keys (default :data:`SHORT_TITLES`), handy for chart panels.
    """
    names = {**SHORT_TITLES, **(labels or {})}
    order = [t for t in THEORIES if t in set(table["theory"])]
    return {names.get(t, t): table[table["theory"] == t][list(COLUMNS)].reset_index(drop=True)
            for t in order}


def parts_frame(theory: str, world: World, **params: Any) -> pd.DataFrame:
    """What drove each of ``theory``'s scores: one row per state × partner × part.

    Columns: ``state``, ``partner``, ``part`` (the theory's input, e.g. RSCT's
    ``regional``, ``weakness``, ``penetration``), ``contribution`` (signed), ``score`` (the
    pair's clipped score) and ``reason`` (the pair's sentence). For every theory whose parts
    add up to its score (RSCT, constructivism, omnibalancing before clipping), the
    contributions of a pair sum to the unclipped score.
    """
    _, scored = score(theory, world, **params)
    rows = []
    for state in world.choosers:
        for partner in world.partners(state):
            e = scored[(state, partner)]
            for part, value in e.parts.items():
                rows.append((state, partner, part, float(value), float(e.score), e.reason))
    return pd.DataFrame(rows, columns=["state", "partner", "part", "contribution", "score", "reason"])


def principal_partners(prediction: pd.DataFrame, ties: bool = False) -> pd.DataFrame:
    """Each state's highest- and lowest-scored partner in a prediction (or observed) frame.

    Columns: ``state``, ``top_partner``, ``top_score``, ``bottom_partner``,
    ``bottom_score``. Ties go to the first partner in the frame's order, unless ``ties``:
    then every partner with the top (bottom) score is listed, ", "-separated — useful for
    the observed coding, where several partners share +2 or -2.
    """
    rows = []
    for state, g in prediction.dropna(subset=["score"]).groupby("state", sort=False):
        hi, lo = float(g["score"].max()), float(g["score"].min())
        if ties:
            top = ", ".join(g.loc[(g["score"] - hi).abs() < 1e-9, "partner"])
            bottom = ", ".join(g.loc[(g["score"] - lo).abs() < 1e-9, "partner"])
        else:
            top, bottom = g.loc[g["score"].idxmax(), "partner"], g.loc[g["score"].idxmin(), "partner"]
        rows.append({"state": state, "top_partner": top, "top_score": hi,
                     "bottom_partner": bottom, "bottom_score": lo})
    return pd.DataFrame(rows)


def what_changes(theory: str, world: World, tolerance: float = 0.02, **params: Any) -> pd.DataFrame:
    """The pairs whose prediction moves when ``params`` replace the defaults.

    One row per (state, partner) whose score moves by more than ``tolerance`` or whose
    stance changes: ``state``, ``partner``, ``score before``, ``score after``, ``stance
    before``, ``stance after`` and ``reason after``. An empty frame means the change does
    nothing in this period (try another).
    """
    before, after = predict(theory, world), predict(theory, world, **params)
    merged = before.merge(after, on=["state", "partner"], suffixes=(" before", " after"))
    moved = ((merged["score after"] - merged["score before"]).abs() > tolerance) | (
        merged["stance after"] != merged["stance before"])
    return merged.loc[moved, ["state", "partner", "score before", "score after", "stance before",
                              "stance after", "reason after"]].reset_index(drop=True)


__all__ = ["by_theory", "parts_frame", "predict_all", "principal_partners", "what_changes"]
