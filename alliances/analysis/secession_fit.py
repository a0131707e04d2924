"""Lesson 07's analysis of the secession model: baselines, per-outcome tables, and over-fitting.

The model is :mod:`alliances.secession`; this module asks how well it does and how much of a
good fit is luck: :func:`baseline_agreement` (no theory at all), :func:`outcome_table` (which
cases a weighting explains), :func:`fit_comparison` (weights fitted on all cases against
leave-one-out) and :func:`overfitting_table` (the gap for several fitting set-ups).

Examples
--------
>>> round(baseline_agreement(), 3)
0.375
>>> list(outcome_table(secession.explained())["outcome"])[:2]
['independent', 'annexed by the patron']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from alliances import secession

#: The fitting set-ups :func:`overfitting_table` compares: (weight grid step, cut-points fitted too).
SETUPS: tuple[tuple[float, bool], ...] = ((0.1, False), (0.05, False), (0.1, True), (0.05, True))


def baseline_agreement(data_dir: str | Path | None = None) -> float:
    """Share of cases explained by always predicting the commonest class (no theory at all)."""
    ordinal = secession.cases(data_dir)["outcome_ordinal"]
    return float(ordinal.value_counts(normalize=True).iloc[0])


def outcome_table(result: pd.DataFrame) -> pd.DataFrame:
    """Per outcome: how many cases, how many the weighting explains, and which are missed.

    ``result`` is :func:`alliances.secession.explained`.
    """
    groups: dict[str, list] = {o: [] for o in secession.OUTCOME_LABELS}
    for r in result[["outcome", "region", "observed", "predicted", "explained"]].itertuples(index=False):
        groups.setdefault(r.outcome, []).append(r)
    rows = []
    for outcome, cases in groups.items():
        if not cases:
            continue
        hit = [r.region for r in cases if r.explained]
        miss = [f"{r.region} ({r.predicted or 'no score'})" for r in cases if not r.explained]
        rows.append({"outcome": secession.OUTCOME_LABELS.get(outcome, outcome), "class": cases[0].observed,
                     "cases": len(cases), "explained": len(hit),
                     "explained cases": ", ".join(hit) or "none",
                     "missed (predicted)": ", ".join(miss) or "none"})
    return pd.DataFrame(rows)


def fit_comparison(step: float = 0.1, fit_thresholds: bool = False, **params: Any) -> dict[str, Any]:
    """Fit the weights on all cases and by leave-one-out, with the same settings.

    Returns ``in_sample`` and ``loo`` agreement, the fitted ``weights`` (and cut-points), the
    weights fitted in each held-out fold (``fold_weights``) and the per-case ``table``.
    ``params`` are the model's other parameters (``unknowns``; the cut-points when they are
    not fitted); weights in ``params`` are ignored, as the fit chooses them.
    """
    keep = {k: v for k, v in params.items() if k not in secession.WEIGHTS}
    fitted = secession.fit_weights(step=step, fit_thresholds=fit_thresholds, **keep)
    loo = secession.leave_one_out(step=step, fit_thresholds=fit_thresholds, **keep)
    return {"in_sample": fitted["agreement"], "loo": loo.loo, "step": step, "fit_thresholds": fit_thresholds,
            "weights": {k: fitted[k] for k in secession.WEIGHTS},
            "partial_at": fitted["partial_at"], "success_at": fitted["success_at"],
            "fold_weights": loo.table[list(secession.WEIGHTS)], "table": loo.table}


def overfitting_table(settings: Sequence[tuple[float, bool]] = SETUPS, **params: Any) -> pd.DataFrame:
    """In-sample vs leave-one-out agreement for several fitting set-ups, one row each."""
    rows = []
    for step, cuts in settings:
        r = fit_comparison(step=step, fit_thresholds=cuts, **params)
        spread = r["fold_weights"].max() - r["fold_weights"].min()
        rows.append({"weight grid step": step, "cut-points fitted too": cuts,
                     "in-sample agreement": r["in_sample"], "leave-one-out agreement": r["loo"],
                     "gap": r["in_sample"] - r["loo"],
                     "fitted weights (geo, hist, eth, legal)": ", ".join(f"{v:.2f}" for v in r["weights"].values()),
                     "cut-points": f"{r['partial_at']:.2f} / {r['success_at']:.2f}",
                     "largest swing of a weight across folds": float(spread.max())})
    return pd.DataFrame(rows)


__all__ = ["SETUPS", "baseline_agreement", "fit_comparison", "outcome_table", "overfitting_table"]
