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
from alliances.analysis.frames import check_prediction
from alliances.analysis.observed import SHARED_ALIGN_AT, SHARED_BALANCE_AT, observed
from alliances.params import by_name, check_names
from alliances.theories import COLUMNS, SHORT_TITLES, STANCES, THEORIES, TITLES, parameter_specs, predict
from alliances.theories.base import stances
from alliances.world import World, load_world

Pair = tuple[str, str]


def observed_stances(obs: pd.DataFrame) -> dict[Pair, str]:
    """``(state, partner) -> stance`` for the pairs of an :func:`observed` frame that are coded."""
    # plain Python over the columns: the same pairs as a boolean mask, in a tenth of the time
    return {(s, p): st for s, p, st, sc in zip(obs["state"].tolist(), obs["partner"].tolist(), obs["stance"].tolist(),
                                               obs["score"].tolist())
            if st != "unknown" and sc == sc}


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


def stance_counts(prediction: pd.DataFrame, observed: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """``{state: (right, pairs)}`` for each state with a compared pair, in the prediction's order, then ``"all"``.

    :func:`compare`'s ``stance_agreement`` counts alone (the same :func:`count_right` on the
    same pairs), without its correlations and merges: a widget's one-line summary of every
    redraw.
    """
    prediction = check_prediction(prediction, "prediction")
    seen = observed_stances(check_prediction(observed, "observed"))
    states = prediction["state"].tolist()
    rows = list(zip(zip(states, prediction["partner"].tolist()), prediction["stance"].tolist(),
                    prediction["score"].tolist()))
    out = {}
    for state in dict.fromkeys(states):
        mine = [r for r in rows if r[0][0] == state]
        right, pairs = count_right([r[0] for r in mine], [r[1] for r in mine], [r[2] for r in mine], seen)
        if pairs:
            out[state] = (right, pairs)
    out["all"] = count_right([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], seen)
    return out


def _share(right: int, pairs: int) -> float:
    return right / pairs if pairs else math.nan


def _columns(frame: pd.DataFrame) -> tuple[list[Pair], list[str], list[float]]:
    """A prediction (or observed) frame as plain lists: its pairs, stances and scores, in row order."""
    return (list(zip(frame["state"].tolist(), frame["partner"].tolist())), frame["stance"].tolist(),
            frame["score"].tolist())


def _both_scores(pairs: Sequence[Pair], scores: Sequence[float], seen: Mapping[Pair, str],
                 observed_score: Mapping[Pair, float]) -> tuple[list[float], list[float]]:
    """The predicted and the observed score of every compared pair (the pairs :func:`count_right` counts)."""
    both = [(score, observed_score[pair]) for pair, score in zip(pairs, scores) if pair in seen and score == score]
    return [a for a, _ in both], [b for _, b in both]


def _overall(pairs: Sequence[Pair], predicted: Sequence[str], scores: Sequence[float], seen: Mapping[Pair, str],
             shared: Mapping[Pair, str], observed_score: Mapping[Pair, float]) -> dict[str, Any]:
    """Every :func:`compare` metric of one group of rows (one state's, or all)."""
    right, compared = count_right(pairs, predicted, scores, seen)
    right_shared, _ = count_right(pairs, predicted, scores, shared)
    hedged, _ = count_right(pairs, ["hedge"] * len(pairs), scores, seen)
    mine, theirs = _both_scores(pairs, scores, seen, observed_score)
    return {"pairs": compared, "stance_agreement": _share(right, compared),
            "agreement_shared_cutoffs": _share(right_shared, compared), "hedge_baseline": _share(hedged, compared),
            "score_correlation": pearson(mine, theirs), "rank_correlation": spearman(mine, theirs),
            "mean_abs_difference": mean_abs_difference(mine, theirs)}


def _compare_rows(prediction: pd.DataFrame, observed: pd.DataFrame) -> list[dict[str, Any]]:
    """:func:`compare`'s rows as dicts, read from the frames' columns once."""
    prediction = check_prediction(prediction, "prediction")
    observed = check_prediction(observed, "observed")
    seen = observed_stances(observed)
    observed_score = {pair: score for pair, score in zip(*_columns(observed)[::2]) if pair in seen}
    shared = dict(zip(observed_score, stances(list(observed_score.values()), SHARED_ALIGN_AT, SHARED_BALANCE_AT)))
    pairs, predicted, scores = _columns(prediction)
    compared = [pair[0] for pair, score in zip(pairs, scores) if pair in seen and score == score]
    rows = []
    for state in [*dict.fromkeys(compared), "all"]:
        mine = [k for k, pair in enumerate(pairs) if state in ("all", pair[0])]
        rows.append({"state": state, **_overall([pairs[k] for k in mine], [predicted[k] for k in mine],
                                                [scores[k] for k in mine], seen, shared, observed_score)})
    return rows


def compare(prediction: pd.DataFrame, observed: pd.DataFrame) -> pd.DataFrame:
    """Agreement of a prediction with observed alignment, per state and overall.

    No single number carries the verdict; each row (pairs where both sides have a score)
    reports

    - ``pairs``: how many pairs are compared — those with an observed stance and a predicted score;
    - ``stance_agreement``: share of pairs with the same stance (0–1), the observed stances
      as the ``observed`` frame gives them (the coding's cut-offs by default, see
      :mod:`alliances.analysis.observed`) — counted by :func:`count_right`;
    - ``agreement_shared_cutoffs``: the same count with the observed *scores* read at the
      theories' default cut-offs (:data:`~alliances.analysis.observed.SHARED_ALIGN_AT`), so
      both sides use one rule with one set of cut-offs;
    - ``hedge_baseline``: the stance agreement of "every pair hedges" on the same pairs;
    - ``score_correlation`` (Pearson, :func:`pearson`) and ``rank_correlation`` (Spearman,
      :func:`spearman`) of the two scores, NaN when either side is constant (e.g. balance of
      power's identical rows) or there are fewer than three pairs;
    - ``mean_abs_difference``: mean |predicted − observed| score (0–2).

    Rows: each state with a compared pair, in the prediction's order, then ``"all"``. Every
    prediction row is compared once (a pair the observed frame lists twice is read at its last row).
    :func:`confusion` gives the 3 × 3 table behind ``stance_agreement``.
    """
    return pd.DataFrame(_compare_rows(prediction, observed))


def _scored_pairs(prediction: pd.DataFrame, observed: pd.DataFrame) -> pd.DataFrame:
    merged = prediction.merge(observed, on=["state", "partner"], suffixes=("_pred", "_obs"))
    return merged[merged["score_obs"].notna() & merged["score_pred"].notna()
                  & (merged["stance_obs"] != "unknown")]


def confusion(prediction: pd.DataFrame, observed: pd.DataFrame) -> pd.DataFrame:
    """The 3 × 3 table of predicted against observed stances (counts of pairs).

    Rows are the observed stance, columns the predicted one, both in the order align, hedge,
    balance; only pairs with an observed stance and a predicted score are counted, so the
    diagonal sums to the ``right`` of :func:`count_right`.

    Examples
    --------
    >>> from alliances import load_world, predict
    >>> world = load_world("2008-2019")
    >>> table = confusion(predict("rsct", world), observed(world))
    >>> int(table.to_numpy().sum())
    18
    """
    prediction = check_prediction(prediction, "prediction")
    observed = check_prediction(observed, "observed")
    merged = _scored_pairs(prediction, observed)
    table = pd.crosstab(pd.Categorical(merged["stance_obs"], categories=STANCES),
                        pd.Categorical(merged["stance_pred"], categories=STANCES), dropna=False)
    table.index.name, table.columns.name = "observed", "predicted"
    return table.reindex(index=list(STANCES), columns=list(STANCES), fill_value=0).astype(int)


def agreement_of(pairs: Sequence[Pair], predicted: Sequence[str], scores: Sequence[float],
                 seen: Mapping[Pair, str], observed_score: Mapping[Pair, float]) -> dict[str, float]:
    """:func:`compare`'s overall ``stance_agreement``, ``rank_correlation`` and ``mean_abs_difference``.

    The same count (:func:`count_right`), pairs and formulas, of a prediction given as columns,
    without validating or splitting by state: the fast path for many redraws.

    ``predicted`` and ``scores`` run along ``pairs``; ``seen`` is :func:`observed_stances`,
    ``observed_score`` each pair's observed score. For many predictions against one observed
    frame (:func:`~alliances.analysis.perturbation.perturbation_study`), which reads the
    observed frame once.
    """
    right, compared = count_right(pairs, predicted, scores, seen)
    mine, theirs = _both_scores(pairs, scores, seen, observed_score)
    return {"stance_agreement": _share(right, compared), "rank_correlation": spearman(mine, theirs),
            "mean_abs_difference": mean_abs_difference(mine, theirs)}


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    r"""Pearson's correlation of two equally long lists of scores.

    .. math:: r = \frac{\sum_k (x_k - \bar x)(y_k - \bar y)}{\sqrt{\sum_k (x_k - \bar x)^2 \sum_k (y_k - \bar y)^2}}

    NaN when there are fewer than three pairs or either list is constant (no correlation to
    speak of). Plain Python with :func:`math.fsum` (correctly rounded sums: the same bits on any
    CPU); on a few dozen scores numpy's per-call overhead is larger than the work. Equal to
    pandas' ``corr()`` up to rounding (tests/analysis/test_yardstick.py).

    >>> pearson([1.0, 2.0, 3.0], [2.0, 4.0, 7.0])
    0.9933992677987828
    """
    if len(xs) <= 2 or all(x == xs[0] for x in xs) or all(y == ys[0] for y in ys):
        return math.nan
    mx, my = math.fsum(xs) / len(xs), math.fsum(ys) / len(ys)
    dx, dy = [x - mx for x in xs], [y - my for y in ys]
    sx, sy = max(map(abs, dx)), max(map(abs, dy))  # r is scale-free: scaled, tiny deviations cannot underflow
    if sx == 0 or sy == 0:
        return math.nan
    dx, dy = [a / sx for a in dx], [b / sy for b in dy]
    return math.fsum(a * b for a, b in zip(dx, dy)) / math.sqrt(math.fsum(a * a for a in dx) * math.fsum(b * b for b in dy))


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation: :func:`pearson` of the :func:`average_ranks` (NaN as :func:`pearson`).

    >>> round(spearman([0.1, 0.5, 0.2, 0.9], [1.0, 3.0, 2.0, 2.5]), 12)
    0.8
    """
    if len(xs) <= 2 or all(x == xs[0] for x in xs) or all(y == ys[0] for y in ys):
        return math.nan
    return pearson(average_ranks(xs), average_ranks(ys))


def mean_abs_difference(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Mean of ``|x - y|`` over two equally long lists (NaN for none).

    >>> mean_abs_difference([0.5, -1.0], [0.0, 0.0])
    0.75
    """
    return math.fsum(abs(x - y) for x, y in zip(xs, ys)) / len(xs) if xs else math.nan


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks 1..n of ``values``, ties given the mean of their ranks (pandas' ``rank()`` default).

    >>> average_ranks([0.5, -1.0, 0.5, 2.0])
    [2.5, 1.0, 2.5, 4.0]
    """
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in order[start:end + 1]:
            ranks[k] = (start + end) / 2 + 1
        start = end + 1
    return ranks



#: The overall columns of :func:`compare` that :func:`agreement` and
#: :func:`agreement_over_time` carry, in order.
METRICS: tuple[str, ...] = ("pairs", "stance_agreement", "agreement_shared_cutoffs", "hedge_baseline",
                            "score_correlation", "rank_correlation", "mean_abs_difference")


def agreement(table: pd.DataFrame, observed_frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`compare` for every theory of a :func:`~alliances.analysis.predict_all` frame.

    One row per theory (overall), in theory order: ``theory``, ``title``, then every
    metric of :data:`METRICS` (``pairs``, ``stance_agreement``, ``agreement_shared_cutoffs``,
    ``hedge_baseline``, ``score_correlation``, ``rank_correlation``, ``mean_abs_difference``),
    and one column of stance agreement per state (``agreement <state>``).
    """
    rows = []
    for theory in [t for t in THEORIES if t in set(table["theory"])]:
        *states, overall = _compare_rows(table[table["theory"] == theory][list(COLUMNS)], observed_frame)
        per_state = {f"agreement {r['state']}": r["stance_agreement"] for r in states}
        rows.append({"theory": theory, "title": TITLES[theory], **{m: overall[m] for m in METRICS},
                     **per_state})
    return pd.DataFrame(rows)


def agreement_over_time(whens: Iterable[str | int], theories: Sequence[str] = THEORIES,
                        params: Mapping[str, Mapping[str, Any]] | None = None) -> pd.DataFrame:
    """Stance agreement with observed alignment for each theory in each period or year.

    Columns: ``when``, ``theory``, ``stance_agreement``, ``score_correlation``,
    ``mean_abs_difference``, ``pairs``, then ``agreement_shared_cutoffs``, ``hedge_baseline``
    and ``rank_correlation`` (one row per theory × when; see :func:`compare`).
    """
    rows = []
    for when in whens:
        world = load_world(when)
        table = agreement(predict_all(world, params, theories), observed(world))
        rows.append(table.assign(when=str(when)))
    out = pd.concat(rows, ignore_index=True)
    return out[["when", "theory", "stance_agreement", "score_correlation", "mean_abs_difference", "pairs",
                "agreement_shared_cutoffs", "hedge_baseline", "rank_correlation"]]


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


#: Act kinds that are themselves alignment — treaties, memberships and partnerships, bases,
#: arms and security assistance, and an ally's refusal or suspension — which COURSE.md §3
#: counts as *observed* alignment. :func:`agreement_without_alliance_acts` removes them from
#: every theory's inputs.
ALLIANCE_KINDS: tuple[str, ...] = (
    "alliance_treaty", "strategic_partnership", "partnership", "regional_organisation", "association_agreement",
    "membership_promise", "candidate_status", "military_base", "military_presence", "arms_supply", "security_assistance",
    "alliance_non_assistance", "alliance_suspension")


def without_alliance_acts(world: World) -> World:
    """``world`` with every act of an :data:`ALLIANCE_KINDS` kind dropped."""
    return world.replace(drop_acts=[a.act_id for a in world.acts if a.kind in ALLIANCE_KINDS])


def agreement_without_alliance_acts(whens: Iterable[str | int], theories: Sequence[str] = THEORIES,
                                    params: Mapping[str, Mapping[str, Any]] | None = None) -> pd.DataFrame:
    """Every theory's agreement twice: with all inputs, and with alliance-type acts removed.

    The observed alignment is coded partly from the same treaties, bases and arms that some
    theories read as inputs, so their fit is partly circular (audit §3.6). One row per
    ``when`` × ``theory`` × ``inputs`` (``"all acts"`` or ``"no alliance acts"``): every
    :data:`METRICS` column and ``rank`` (1 = highest stance agreement in that ``when`` and
    ``inputs``; ties share the best rank).
    """
    rows = []
    for when in whens:
        world = load_world(when)
        obs = observed(world)
        for label, inputs in (("all acts", world), ("no alliance acts", without_alliance_acts(world))):
            table = agreement(predict_all(inputs, params, theories), obs)
            table["rank"] = table["stance_agreement"].rank(ascending=False, method="min").astype(int)
            rows.append(table.assign(when=str(when), inputs=label))
    out = pd.concat(rows, ignore_index=True)
    return out[["when", "inputs", "theory", "rank", *METRICS]]


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


__all__ = ["agreement", "agreement_grid", "agreement_over_time", "ALLIANCE_KINDS", "METRICS", "agreement_without_alliance_acts", "compare", "confusion", "count_right", "divergence",
           "agreement_of", "average_ranks", "divergence_records", "hedge_baseline", "mismatches", "observed_stances", "stance_agreement", "stance_counts",
           "without_alliance_acts"]
