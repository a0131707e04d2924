"""Every theory at once: predictions, their parts, and where they diverge.

Lessons 05 and 08 put the five theories side by side. The computation lives here so both
use the same code:

>>> world = load_world("2008-2019")
>>> table = predict_all(world)               # one row per theory × state × partner
>>> agreement(table, observed(world))        # stance agreement of each theory
>>> divergence(table, observed(world))       # per pair: how many theories match what happened
>>> parts_frame("rsct", world)               # what drove each score (RSCT: the three levels)
>>> principal_partners(predict("rsct", world))  # each state's top and bottom partner

Nothing here reads the observed alignment except the functions that compare with it
(:func:`agreement`, :func:`agreement_over_time`, :func:`divergence`), and they take it as an
argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from alliances.observed import compare, observed
from alliances.theories import COLUMNS, THEORIES, TITLES, module, predict, resolve_params
from alliances.world import World, load_world

#: Short labels for chart panels and table columns.
SHORT_TITLES: dict[str, str] = {
    "balance_of_power": "Balance of power",
    "balance_of_threat": "Balance of threat",
    "omnibalancing": "Omnibalancing",
    "constructivism": "Constructivism",
    "rsct": "RSCT",
}


def _params_for(theory: str, params: Mapping[str, Mapping[str, Any]] | None) -> dict[str, Any]:
    return dict((params or {}).get(theory, {}))


def _check_theories(theories: Iterable[str]) -> list[str]:
    theories = list(theories)
    unknown = [t for t in theories if t not in THEORIES]
    if unknown or not theories:
        raise ValueError(f"unknown or no theories {unknown}; choose from {', '.join(THEORIES)}")
    return theories


def predict_all(world: World, params: Mapping[str, Mapping[str, Any]] | None = None,
                theories: Sequence[str] = THEORIES) -> pd.DataFrame:
    """Every theory's prediction for ``world`` in one long frame.

    Columns: ``theory`` then :data:`alliances.theories.COLUMNS` (state, partner, score,
    stance, reason). ``params`` maps a theory to its parameter values (defaults otherwise),
    e.g. ``{"rsct": {"w_penetration": 0.5}}``; a theory missing from ``theories`` may not
    be given parameters.
    """
    theories = _check_theories(theories)
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
    return {names.get(t, t): table[table["theory"] == t][COLUMNS].reset_index(drop=True)
            for t in order}


def agreement(table: pd.DataFrame, observed_frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`~alliances.observed.compare` for every theory of a :func:`predict_all` frame.

    One row per theory (overall), in theory order: ``theory``, ``title``, ``pairs``,
    ``stance_agreement``, ``score_correlation``, ``mean_abs_difference``, and one column of
    stance agreement per state (``agreement <state>``).
    """
    rows = []
    for theory in [t for t in THEORIES if t in set(table["theory"])]:
        result = compare(table[table["theory"] == theory][COLUMNS], observed_frame)
        overall = result[result["state"] == "all"].iloc[0].to_dict()
        per_state = {f"agreement {r.state}": r.stance_agreement
                     for r in result.itertuples() if r.state != "all"}
        rows.append({"theory": theory, "title": TITLES[theory], "pairs": overall["pairs"],
                     "stance_agreement": overall["stance_agreement"],
                     "score_correlation": overall["score_correlation"],
                     "mean_abs_difference": overall["mean_abs_difference"], **per_state})
    return pd.DataFrame(rows)


def agreement_over_time(whens: Iterable[str | int], theories: Sequence[str] = THEORIES,
                        params: Mapping[str, Mapping[str, Any]] | None = None) -> pd.DataFrame:
    """Stance agreement with observed alignment for each theory in each period or year.

    Columns: ``when``, ``theory``, ``stance_agreement``, ``score_correlation``,
    ``mean_abs_difference``, ``pairs`` (one row per theory × when).
    """
    rows = []
    for when in whens:
        world = load_world(when)
        table = agreement(predict_all(world, params, theories), observed(world))
        rows.append(table.assign(when=str(when)))
    out = pd.concat(rows, ignore_index=True)
    return out[["when", "theory", "stance_agreement", "score_correlation", "mean_abs_difference",
                "pairs"]]


def divergence(table: pd.DataFrame, observed_frame: pd.DataFrame) -> pd.DataFrame:
    """Where the theories disagree with each other and with what happened, pair by pair.

    One row per (state, partner) with an observed stance: ``observed`` (stance),
    ``observed_score``, ``matches`` (number of theories whose stance equals the observed
    one), ``theories`` (number compared), ``distinct`` (number of different stances the
    theories predict: 1 = they all agree), ``right`` and ``wrong`` (short names of the
    theories that match / miss, "; "-separated), ``stances`` (each theory's stance, for a
    tooltip) and ``reason`` (the observed coding's justification).
    """
    obs = observed_frame[observed_frame["stance"] != "unknown"]
    merged = table.merge(obs[["state", "partner", "stance", "score", "reason"]],
                         on=["state", "partner"], suffixes=("", "_obs"))
    rows = []
    for (state, partner), g in merged.groupby(["state", "partner"], sort=False):
        hit = g["stance"] == g["stance_obs"]
        rows.append({
            "state": state, "partner": partner, "observed": g["stance_obs"].iloc[0],
            "observed_score": float(g["score_obs"].iloc[0]),
            "matches": int(hit.sum()), "theories": len(g), "distinct": g["stance"].nunique(),
            "right": "; ".join(SHORT_TITLES.get(t, t) for t in g.loc[hit, "theory"]) or "none",
            "wrong": "; ".join(SHORT_TITLES.get(t, t) for t in g.loc[~hit, "theory"]) or "none",
            "stances": "; ".join(f"{SHORT_TITLES.get(t, t)}: {s}" for t, s in zip(g["theory"], g["stance"])),
            "reason": str(g["reason_obs"].iloc[0]),
        })
    return pd.DataFrame(rows)


def parts_frame(theory: str, world: World, **params: Any) -> pd.DataFrame:
    """What drove each of ``theory``'s scores: one row per state × partner × part.

    Columns: ``state``, ``partner``, ``part`` (the theory's input, e.g. RSCT's
    ``regional``, ``weakness``, ``penetration``), ``contribution`` (signed), ``score`` (the
    pair's clipped score) and ``reason`` (the pair's sentence). For every theory whose parts
    add up to its score (RSCT, constructivism, omnibalancing before clipping), the
    contributions of a pair sum to the unclipped score.
    """
    p = resolve_params(theory, params)
    scored = module(theory).score(world, p)
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


__all__ = ["SHORT_TITLES", "agreement", "agreement_over_time", "by_theory", "divergence",
           "parts_frame", "predict_all", "principal_partners", "what_changes"]
