"""Coding uncertainty: how far each theory's agreement moves when the coded judgements move.

Every coded judgement could have been coded a notch differently. :func:`perturbation_study`
redraws them a few hundred times, seeded so that every run gives the same draws:

- each coded memory cell moves by ±1 (within −2 … +2) with probability ``p_cell``;
- each kinship cell flips (0 ↔ 1) with probability ``p_cell``;
- each security act active in the world is dropped with probability ``p_drop``;
- each coded observed cell moves by ±1 on the −2 … +2 scale (±0.5 on the score scale, within
  −1 … +1) with probability ``p_cell``, and its stance is read again by the observed cut-offs.

Each draw gives every theory's agreement with the (perturbed) observed alignment;
:func:`perturbation_summary` reduces the draws to a spread per theory, so the ranking of
theories can be stated with its uncertainty.

Examples
--------
>>> study = perturbation_study("2008-2019", draws=3, seed=1, theories=["rsct"])
>>> study.equals(perturbation_study("2008-2019", draws=3, seed=1, theories=["rsct"]))
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from alliances.analysis.agreement import agreement_of, observed_stances
from alliances.analysis.observed import OBSERVED_ALIGN_AT, OBSERVED_BALANCE_AT, observed
from alliances.analysis.robustness import read_prediction
from alliances.codings import DERIVED
from alliances.errors import ParameterError
from alliances.theories import THEORIES
from alliances.theories.base import stances
from alliances.theories.registry import check_theories
from alliances.world import World, load_world


def _probability(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ParameterError(f"{name} must be a probability from 0 to 1, not {value!r}")
    return float(value)


def _editable(key: tuple[str, str]) -> bool:
    return not any(code in DERIVED for code in key)


def perturbed_world(world: World, rng: np.random.Generator, p_cell: float = 0.1, p_drop: float = 0.1) -> World:
    """One random redraw of ``world``'s coded memory and kinship cells and its acts (see the module)."""
    p_cell, p_drop = _probability("p_cell", p_cell), _probability("p_drop", p_drop)
    memory = {}
    for key, value in world.memory.items():
        if _editable(key) and rng.random() < p_cell:
            memory[key] = float(min(2.0, max(-2.0, value + rng.choice((-1.0, 1.0)))))
    kinship = {key: 1 - int(value) for key, value in world.kinship.items()
               if _editable(key) and rng.random() < p_cell}
    dropped = [a.act_id for a in world.acts if rng.random() < p_drop]
    return world.replace(memory=memory, kinship=kinship, drop_acts=dropped)


def perturbed_observed(obs: pd.DataFrame, rng: np.random.Generator, p_cell: float = 0.1,
                       align_at: float = OBSERVED_ALIGN_AT, balance_at: float = OBSERVED_BALANCE_AT) -> pd.DataFrame:
    """One random redraw of an :func:`~alliances.analysis.observed` frame: coded cells ±0.5 with probability ``p_cell``."""
    p_cell = _probability("p_cell", p_cell)
    # plain numpy and lists, not Series.where: the same values in a tenth of the time (hundreds of draws)
    before = obs["score"].to_numpy(dtype=float)
    old_stances = obs["stance"].tolist()
    coded = ~np.isnan(before) & np.array([st != "unknown" for st in old_stances], dtype=bool)
    move = rng.random(len(obs)) < p_cell
    step = rng.choice((-0.5, 0.5), len(obs))
    after = np.where(coded & move, np.clip(before + step, -1.0, 1.0), before)
    read = stances(np.where(np.isnan(after), 0.0, after).tolist(), align_at, balance_at)
    stance = [new if c else old for c, new, old in zip(coded.tolist(), read, old_stances)]
    return obs.assign(score=pd.Series(after, index=obs.index, dtype=obs["score"].dtype, name="score"),
                      stance=pd.Series(stance, index=obs.index, dtype=obs["stance"].dtype, name="stance"))


def perturbation_study(when: str | int = "2008-2019", draws: int = 300, seed: int = 0, p_cell: float = 0.1,
                       p_drop: float = 0.1, theories: Sequence[str] = THEORIES,
                       perturb_observed: bool = True) -> pd.DataFrame:
    """Every theory's agreement with observed alignment over ``draws`` seeded redraws of the codings.

    Returns
    -------
    pandas.DataFrame
        One row per draw × theory: ``draw``, ``theory``, ``stance_agreement``,
        ``rank_correlation``, ``mean_abs_difference`` and ``rank`` (1 = highest stance
        agreement in that draw; ties share the best rank).
    """
    if not isinstance(draws, int) or isinstance(draws, bool) or draws < 1:
        raise ParameterError(f"draws must be a whole number of at least 1, not {draws!r}")
    names = check_theories(theories)
    rng = np.random.default_rng(seed)
    world = load_world(when)
    obs = observed(world)
    rows = []
    for draw in range(draws):
        redrawn = perturbed_world(world, rng, p_cell, p_drop)
        seen = perturbed_observed(obs, rng, p_cell) if perturb_observed else obs
        # the observed frame read once per draw, each prediction as plain tuples (no frame per theory)
        stances_seen = observed_stances(seen)
        score_seen = dict(zip(zip(seen["state"].tolist(), seen["partner"].tolist()), seen["score"].tolist()))
        for theory in names:
            r = read_prediction(theory, redrawn)
            rows.append({"draw": draw, "theory": theory,
                         **agreement_of(r.pairs, r.stances, r.scores, stances_seen, score_seen)})
    out = pd.DataFrame(rows)
    out["rank"] = out.groupby("draw")["stance_agreement"].rank(ascending=False, method="min").astype(int)
    return out


def perturbation_summary(study: pd.DataFrame) -> pd.DataFrame:
    """Per theory: mean and 5th/95th percentiles of stance agreement, and the share of draws ranked first.

    Columns: ``theory``, ``mean``, ``low`` (5th percentile), ``high`` (95th), ``sd``,
    ``share_first`` (share of draws in which the theory has the highest agreement, ties included).
    """
    missing = {"draw", "theory", "stance_agreement", "rank"} - set(study.columns)
    if missing:
        raise ValueError(f"study lacks column(s) {', '.join(sorted(missing))}; pass perturbation_study(...)'s result")
    grouped = study.groupby("theory", sort=False)
    return pd.DataFrame({
        "mean": grouped["stance_agreement"].mean(),
        "low": grouped["stance_agreement"].quantile(0.05),
        "high": grouped["stance_agreement"].quantile(0.95),
        "sd": grouped["stance_agreement"].std(ddof=0),
        "share_first": grouped["rank"].apply(lambda r: float((r == 1).mean())),
    }).reset_index()


__all__ = ["perturbation_study", "perturbation_summary", "perturbed_observed", "perturbed_world"]
