"""Agreement of predictions with observed alignment: one count, used everywhere.

Every agreement figure in the course — :func:`compare`, a theory's agreement per period
(:func:`agreement`, :func:`agreement_over_time`), the "every pair hedges" baseline, the
grid of parameter settings in lesson 08 and the dashboard's summaries — comes from one
kernel, :func:`count_right`: over the (state, partner) pairs that have an observed stance
and a predicted score, how many predicted stances equal the observed one.

Examples
--------
>>> from alliances import load_world, predict
>>> world = load_world("2008-2019")
>>> seen = observed_stances(observed(world))
>>> right, pairs = stance_agreement(predict("rsct", world), seen)
>>> pairs
18
>>> compare(predict("rsct", world), observed(world))["state"].tolist()
['ARM', 'AZE', 'GEO', 'all']
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from alliances.analysis.comparison import predict_all
from alliances.analysis.observed import observed
from alliances.params import by_name, check_names
from alliances.theories import COLUMNS, SHORT_TITLES, THEORIES, TITLES, parameter_specs, predict
from alliances.theories.base import stances
from alliances.world import load_world

Pair = tuple[str, str]


def observed_stances(obs: pd.DataFrame) -> dict[Pair, str]:
    """``(state, partner) -> stance`` for the pairs of an :func:`observed` frame that are coded."""
    ok = obs[(obs["stance"] != "unknown") & obs["score"].notna()]
    return dict(zip(zip(ok["state"], ok["partner"]), ok["stance"]))


def count_right(pairs: Iterable[Pair], predicted: Iterable[str], scores: Iterable[float],
                seen: Mapping[Pair, str]) -> tuple[int, int]:
    """The kernel: ``(right, compared)`` over the pairs with an observed stance and a score.

    ``predicted`` and ``scores`` run along ``pairs``; a NaN score is not compared.
    """
    right = compared = 0
    for pair, stance, score in zip(pairs, predicted, scores):
        truth = seen.get(pair)
        if truth is None or score != score:
            continue
        compared += 1
        right += stance == truth
    return right, compared


def stance_agreement(prediction: pd.DataFrame, seen: Mapping[Pair, str]) -> tuple[int, int]:
    """``(right, pairs)`` of a prediction frame against :func:`observed_stances`."""
    return count_right(zip(prediction["state"], prediction["partner"]), prediction["stance"],
                       prediction["score"], seen)


def _require_frame(frame: object, label: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{label} must be a DataFrame from predict(...) or observed(...), "
                        f"got {type(frame).__name__}")
    missing = [c for c in ("state", "partner", "score", "stance") if c not in frame.columns]
    if missing:
        raise ValueError(f"{label} lacks column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}")
    return frame


def compare(prediction: pd.DataFrame, observed: pd.DataFrame) -> pd.DataFrame:
    """Agreement of a prediction with observed alignment, per state and overall.

    Metrics (pairs where both sides have a score):

    - ``stance_agreement`` = share of (state, partner) pairs with the same stance (0–1);
    - ``score_correlation`` = Pearson correlation of the two scores (NaN when either side is
      constant, e.g. balance of power's identical rows);
    - ``mean_abs_difference`` = mean |predicted − observed| score (0–2).
    """
    _require_frame(prediction, "prediction")
    _require_frame(observed, "observed")
    seen = observed_stances(observed)
    merged = prediction.merge(observed, on=["state", "partner"], suffixes=("_pred", "_obs"))
    merged = merged[merged["score_obs"].notna() & merged["score_pred"].notna()]
    rows = []
    groups = [(s, prediction[prediction["state"] == s]) for s in dict.fromkeys(merged["state"])]
    for state, pred in groups + [("all", prediction)]:
        right, pairs = stance_agreement(pred, seen)
        g = merged if state == "all" else merged[merged["state"] == state]
        corr = math.nan
        if len(g) > 2 and g["score_pred"].std() > 0 and g["score_obs"].std() > 0:
            corr = float(g["score_pred"].corr(g["score_obs"]))
        mad = float((g["score_pred"] - g["score_obs"]).abs().mean()) if len(g) else math.nan
        rows.append({"state": state, "pairs": pairs, "stance_agreement": right / pairs if pairs else math.nan,
                     "score_correlation": corr, "mean_abs_difference": mad})
    return pd.DataFrame(rows)


def agreement(table: pd.DataFrame, observed_frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`compare` for every theory of a :func:`~alliances.analysis.predict_all` frame.

    One row per theory (overall), in theory order: ``theory``, ``title``, ``pairs``,
    ``stance_agreement``, ``score_correlation``, ``mean_abs_difference``, and one column of
    stance agreement per state (``agreement <state>``).
    """
    rows = []
    for theory in [t for t in THEORIES if t in set(table["theory"])]:
        result = compare(table[table["theory"] == theory][list(COLUMNS)], observed_frame)
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
    return out[["when", "theory", "stance_agreement", "score_correlation", "mean_abs_difference", "pairs"]]


def hedge_baseline(whens: Iterable[str | int]) -> pd.DataFrame:
    """How often a prediction with no theory at all, "every pair hedges", is right.

    One row per ``when``: ``when``, ``stance_agreement``, ``pairs``. A theory should beat
    this, not just the one-in-three of a blind guess: hedging is the most common observed
    stance in some periods.
    """
    rows = []
    for when in whens:
        seen = observed_stances(observed(load_world(when)))
        right, pairs = count_right(seen, ["hedge"] * len(seen), [0.0] * len(seen), seen)
        rows.append({"when": str(when), "stance_agreement": right / pairs if pairs else math.nan, "pairs": pairs})
    return pd.DataFrame(rows)


def agreement_grid(theory: str, grid: Mapping[str, Sequence[Any]], whens: Sequence[str | int],
                   fixed: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Stance agreement of every setting of a parameter grid, in every period or year given.

    ``grid`` maps parameter names to the values to try (their product is the grid); other
    parameters keep ``fixed`` or their defaults. One row per setting × when: the parameter
    columns, ``align_at``, ``balance_at``, ``when``, ``right``, ``pairs``,
    ``stance_agreement``. The thresholds only relabel scores, so each score is computed once
    per setting of the other parameters and relabelled by the same stance rule as ``predict``.
    """
    specs = parameter_specs(theory)
    check_names(theory, specs, list(grid) + list(fixed or {}))
    known = by_name(specs)
    fixed = dict(fixed or {})
    thresholds = {k: [float(known[k].validate(v)) for v in grid.get(k, [fixed.get(k, known[k].default)])]
                  for k in ("align_at", "balance_at")}
    others = [k for k in grid if k not in thresholds]
    held = {k: v for k, v in fixed.items() if k not in thresholds}
    rows = []
    for when in whens:
        world = load_world(when)
        seen = observed_stances(observed(world))
        for values in itertools.product(*(grid[k] for k in others)):
            setting = dict(zip(others, values))
            pred = predict(theory, world, **{**held, **setting})
            pairs, scores = list(zip(pred["state"], pred["partner"])), pred["score"].tolist()
            for align_at, balance_at in itertools.product(thresholds["align_at"], thresholds["balance_at"]):
                right, n = count_right(pairs, stances(scores, align_at, balance_at), scores, seen)
                rows.append({**setting, "align_at": align_at, "balance_at": balance_at, "when": str(when),
                             "right": right, "pairs": n, "stance_agreement": right / n if n else math.nan})
    return pd.DataFrame(rows)


def divergence_records(predictions: Mapping[str, pd.DataFrame], obs: pd.DataFrame) -> list[dict[str, Any]]:
    """Where the theories disagree with each other and with what happened, as JSON-ready rows.

    ``predictions`` maps a theory to its prediction frame, in theory order. One row per
    (state, partner) with an observed stance: ``observed`` (stance), ``observed_score``,
    ``matches`` (theories whose stance equals the observed one), ``theories`` (number
    compared), ``distinct`` (number of different stances predicted: 1 = they all agree),
    ``right`` and ``wrong`` (short titles, "; "-separated), ``stances`` (each theory's
    stance), ``reason`` (the observed coding's justification) and ``label`` ("k/n").
    """
    by_pair = {t: dict(zip(zip(f["state"], f["partner"]), f["stance"])) for t, f in predictions.items()}
    rows = []
    for state, partner, stance, score, reason in zip(obs["state"], obs["partner"], obs["stance"],
                                                     obs["score"], obs["reason"]):
        got = [(t, s[(state, partner)]) for t, s in by_pair.items() if (state, partner) in s]
        if stance == "unknown" or not got:
            continue
        right = [SHORT_TITLES.get(t, t) for t, st in got if st == stance]
        wrong = [SHORT_TITLES.get(t, t) for t, st in got if st != stance]
        rows.append({
            "state": state, "partner": partner, "observed": stance, "observed_score": float(score),
            "matches": len(right), "theories": len(got), "distinct": len({st for _, st in got}),
            "right": "; ".join(right) or "none", "wrong": "; ".join(wrong) or "none",
            "stances": "; ".join(f"{SHORT_TITLES.get(t, t)}: {st}" for t, st in got),
            "reason": str(reason), "label": f"{len(right)}/{len(got)}"})
    return rows


def divergence(table: pd.DataFrame, observed_frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`divergence_records` of a :func:`~alliances.analysis.predict_all` frame, as a frame."""
    predictions = {t: table[table["theory"] == t] for t in dict.fromkeys(table["theory"])}
    return pd.DataFrame(divergence_records(predictions, observed_frame)).drop(columns="label", errors="ignore")


def mismatches(prediction: pd.DataFrame, seen: Mapping[Pair, str]) -> list[dict[str, str]]:
    """The pairs whose predicted stance differs from the observed one (``state, partner, stance, observed``)."""
    return [{"state": s, "partner": p, "stance": st, "observed": seen[(s, p)]}
            for s, p, st in zip(prediction["state"], prediction["partner"], prediction["stance"])
            if (s, p) in seen and seen[(s, p)] != st]


__all__ = ["agreement", "agreement_grid", "agreement_over_time", "compare", "count_right", "divergence",
           "divergence_records", "hedge_baseline", "mismatches", "observed_stances", "stance_agreement"]
