"""Why secession attempts succeed or fail: Babayev's four structural factors, scored on real cases.

**A teaching model of a structural argument, and a lesson in over-fitting.** Babayev [1]_
names four structural factors behind the failure of Nagorno-Karabakh's secession: geography,
history, ethnic composition and the dominant legal order. Each case in
``data/secession_cases.csv`` is scored on each factor from its row; **1 = favours successful
secession, 0 = hinders it**.

Items (a factor is the mean of its items; ``P`` = 25 %, "a quarter of the parent" counts as large):

* geography: ``peripheral`` 1 / ``enclave`` 0; land ``border_with_patron`` 1 / 0;
  territory share ``min(1, territory_share_pct / P)``
* history: ``prior_statehood`` 1 / 0
* ethnic: ``min(1, share_of_parent_population_pct / P)`` (empty for most cases)
* legal: ``parent_structure`` federal 1 / unitary 0; ``unsc_territorial_integrity``
  (a UN Security Council resolution affirming the parent's territorial integrity) 0 / none 1

Unknown items (empty cells) follow ``unknowns``: ``"neutral"`` scores them 0.5;
``"drop"`` leaves them out (a factor with no known item is dropped and the weights are
renormalised over the case's known factors; a case with no weighted known factor gets no
score and no prediction); ``"pessimistic"`` scores them 0.

A new case: :func:`add_case` adds a row coded as the data file codes one (the codings of
:data:`CODINGS`, ``None`` = unknown) to a table that every function here takes as ``table=``.

Outcomes (documented mapping): independent or annexed by the patron = **success** (2; the
region left its parent state), de_facto = **partial** (1), autonomy or reintegrated =
**failure** (0). *Agreement* = the share of cases whose predicted class equals the observed
one; a case is *explained* when they are equal.

:func:`fit_weights` searches a grid over the weight simplex for the best in-sample agreement
(ties broken by pairwise rank concordance, then closeness to equal weights, then grid order,
so the search is deterministic; ``fit_thresholds=True`` also searches the two cut-points);
:func:`leave_one_out` fits on all cases but one and predicts the held-out case. The gap
between in-sample and held-out agreement is the over-fitting lesson. Baseline to beat:
always predicting "failure" (the commonest outcome) explains 6 of 16 cases.

Notes
-----
The score and the predicted class of a case::

    score = Σ_f w_f x_f / Σ_f w_f                       (over factors with a value)
    predicted = success if score ≥ success_at, partial if score ≥ partial_at, else failure

References
----------
.. [1] Babayev, A. (2021). From Struggle to Permanent Failure: Why the Karabakh Attempt at
   Secession Failed. *Baku Dialogues*, ADA University (``babayev_karabakh`` in
   ``references.bib``). The course's copy is ``readings/babayev-karabakh-secession-failure.txt``
   beside the repository; by line of that file: the four factors are ranked none above the others (55), geography (59–63), history
   (73), ethnic composition (81) and the dominant legal order (91–95).

Examples
--------
>>> from alliances import secession
>>> result = secession.explained()
>>> f"{result['explained'].sum()} of {len(result)} cases explained"
'6 of 16 cases explained'
>>> result.set_index("case_id").loc["nagorno-karabakh", ["observed", "predicted"]].tolist()
['failure', 'failure']
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from alliances.data import load_table
from alliances.errors import ParameterError
from alliances.params import BoolParam, ChoiceParam, FloatParam, Param, shown
from alliances.params import resolve as base_resolve
from alliances.weighting import known_weighted_mean

FACTORS = ("geography", "history", "ethnic", "legal")
WEIGHTS = tuple(f"w_{f}" for f in FACTORS)
SIZE_REFERENCE_PCT = 25.0
UNKNOWN_VALUE = {"neutral": 0.5, "pessimistic": 0.0, "drop": np.nan}
OUTCOME_ORDINAL = {"independent": 2, "annexed": 2, "de_facto": 1, "autonomy": 0, "reintegrated": 0}
#: The outcomes in words, most to least successful (the order of tables and charts).
OUTCOME_LABELS = {"independent": "independent", "annexed": "annexed by the patron", "de_facto": "de facto state",
                  "autonomy": "autonomy", "reintegrated": "reintegrated"}
CLASSES = ("failure", "partial", "success")

PARAMETERS: tuple[Param, ...] = (
    FloatParam("w_geography", 0.5, "weight of geography (equal by default: Babayev ranks none of the four factors above the others)", low=0.0, high=1.0, step=0.05),
    FloatParam("w_history", 0.5, "weight of history (prior statehood)", low=0.0, high=1.0, step=0.05),
    FloatParam("w_ethnic", 0.5, "weight of ethnic composition (share of the parent's population)", low=0.0, high=1.0, step=0.05),
    FloatParam("w_legal", 0.5, "weight of the dominant legal order (federal parent; no UNSC territorial-integrity resolution)", low=0.0, high=1.0, step=0.05),
    ChoiceParam("unknowns", "neutral", "how empty cells count: 'neutral' = 0.5 (neither helps nor hurts), 'drop' = leave out and renormalise, 'pessimistic' = 0", choices=("neutral", "drop", "pessimistic")),
    FloatParam("partial_at", 0.35, "scores at or above this predict at least a partial success (default: the 0–1 scale split roughly in thirds)", low=0.0, high=1.0, step=0.05),
    FloatParam("success_at", 0.65, "scores at or above this predict success", low=0.0, high=1.0, step=0.05),
)
_SPECS = {p.name: p for p in PARAMETERS}


def resolve(params: dict[str, Any]) -> dict[str, Any]:
    """Defaults overlaid with ``params``, each validated (ParameterError, a ValueError, if not)."""
    out = base_resolve("secession", PARAMETERS, params)
    if sum(out[w] for w in WEIGHTS) == 0:
        raise ParameterError("at least one of " + ", ".join(WEIGHTS) + " must be above 0")
    if out["partial_at"] > out["success_at"]:
        raise ParameterError(f"partial_at={out['partial_at']} is above success_at={out['success_at']}: "
                             "give partial_at ≤ success_at")
    return out


def cases(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The case table with the factor *items* (NaN = unknown) and the outcome ordinal."""
    return _items(load_table("secession_cases", data_dir))


def _items(raw: pd.DataFrame) -> pd.DataFrame:
    """The factor items of rows coded as in ``data/secession_cases.csv`` (empty or None = unknown)."""
    size = lambda col: (raw[col].astype(float) / SIZE_REFERENCE_PCT).clip(upper=1.0)  # noqa: E731
    boolean = lambda col, yes: raw[col].map(lambda v: np.nan if pd.isna(v) else float(bool(v) == yes)).astype(float)  # noqa: E731
    out = raw[["case_id", "region", "parent_state", "outcome"]].copy()
    out["location"] = raw["geography"].map({"peripheral": 1.0, "enclave": 0.0}).astype(float)
    out["patron_border"] = boolean("border_with_patron", True)
    out["territory"] = size("territory_share_pct")
    out["statehood"] = boolean("prior_statehood", True)
    out["population"] = size("share_of_parent_population_pct")
    out["federal"] = raw["parent_structure"].map({"federal": 1.0, "unitary": 0.0}).astype(float)
    out["no_unsc"] = boolean("unsc_territorial_integrity", False)
    out["outcome_ordinal"] = out["outcome"].map(OUTCOME_ORDINAL).astype(int)
    return out


#: The codings of a case that :func:`add_case` takes, as in ``data/secession_cases.csv``, and what
#: each allows (``None`` = unknown, scored by the ``unknowns`` rule).
CODINGS: dict[str, str] = {
    "geography": "'peripheral' (a border region or an island) or 'enclave'",
    "border_with_patron": "True or False: a land border with the patron state",
    "territory_share_pct": "the region's share of the parent's territory, in % (0-100)",
    "prior_statehood": "True or False: an earlier era of political independence",
    "share_of_parent_population_pct": "the region's share of the parent's population, in % (0-100)",
    "parent_structure": "'federal' or 'unitary'",
    "unsc_territorial_integrity": "True or False: a UN Security Council resolution affirming the parent's "
                                  "territorial integrity",
}
_CHOICES = {"geography": ("peripheral", "enclave"), "parent_structure": ("federal", "unitary")}


def _coding(name: str, value: object) -> object:
    """One coding of :func:`add_case` as the data file holds it, or ParameterError (a ValueError)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if name in _CHOICES:
        if isinstance(value, str) and value.strip().lower() in _CHOICES[name]:
            return value.strip().lower()
    elif name.endswith("_pct"):
        if (isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))
                and 0 <= float(value) <= 100):
            return float(value)
    elif isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise ParameterError(f"{name}={shown(value)} is not allowed: give {CODINGS[name]}, or None if unknown")


def add_case(table: pd.DataFrame | None = None, *, case_id: str, region: str, outcome: str,
             parent_state: str = "", data_dir: str | Path | None = None, **codings: object) -> pd.DataFrame:
    """``table`` (default: :func:`cases`) with one more case, coded as a row of the data file.

    ``outcome`` is one of :data:`OUTCOME_ORDINAL`'s keys; the ``codings`` are those of
    :data:`CODINGS` (a coding left out, or ``None``, is unknown). The items are computed as
    :func:`cases` computes them, so the result can go to :func:`explained`,
    :func:`fit_weights` and :func:`leave_one_out` as ``table=``.

    Raises
    ------
    ParameterError
        (a ValueError) for an unknown coding, a value it does not allow, an outcome not in
        :data:`OUTCOME_ORDINAL`, or a ``case_id`` the table already has.

    Examples
    --------
    >>> t = add_case(case_id="example", region="Example", outcome="autonomy", parent_structure="unitary")
    >>> row = t.iloc[-1]
    >>> row["case_id"], float(row["federal"]), float(row["statehood"]), int(row["outcome_ordinal"])
    ('example', 0.0, nan, 0)
    """
    t = checked_table(table, data_dir)
    unknown = sorted(set(codings) - set(CODINGS))
    if unknown:
        raise ParameterError(f"{unknown[0]!r} is not a coding: give some of {', '.join(CODINGS)}")
    for name, value in (("case_id", case_id), ("region", region), ("parent_state", parent_state)):
        if not isinstance(value, str) or (name != "parent_state" and not value.strip()):
            raise ParameterError(f"{name}={shown(value)} is not allowed: give a name as a string")
    if not isinstance(outcome, str) or outcome.strip().lower() not in OUTCOME_ORDINAL:
        raise ParameterError(f"outcome={shown(outcome)} is not allowed: give one of {', '.join(OUTCOME_ORDINAL)}")
    if case_id.strip() in set(t["case_id"]):
        raise ParameterError(f"case_id={case_id!r} is already in the table: give a new case a new case_id")
    raw = pd.DataFrame([{"case_id": case_id.strip(), "region": region.strip(), "parent_state": parent_state.strip(),
                         "outcome": outcome.strip().lower(), **{n: _coding(n, codings.get(n)) for n in CODINGS}}])
    return pd.concat([t, _items(raw)], ignore_index=True)


ITEMS = {"geography": ("location", "patron_border", "territory"), "history": ("statehood",),
         "ethnic": ("population",), "legal": ("federal", "no_unsc")}
#: The columns a ``table=`` must have (those of :func:`cases`).
TABLE_COLUMNS = ("case_id", "region", "outcome", "outcome_ordinal") + tuple(c for cols in ITEMS.values() for c in cols)
_FIT_THRESHOLDS = BoolParam("fit_thresholds", False, "also search the two cut-points")


def checked_table(table: object, data_dir: str | Path | None = None, minimum: int = 1) -> pd.DataFrame:
    """``table`` (default: :func:`cases` of ``data_dir``) once it has the shape of :func:`cases`.

    It needs :data:`TABLE_COLUMNS`, at least ``minimum`` rows, an ``outcome_ordinal`` of 0, 1
    or 2 and items that are numbers from 0 to 1 or NaN (unknown). The index is reset.

    Raises
    ------
    TypeError
        If ``table`` is not a DataFrame.
    ValueError
        Naming the column and the row that break the shape.
    """
    if table is None:
        table = cases(data_dir)
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table={shown(table)} is not allowed: give a DataFrame like secession.cases() "
                        "(possibly edited), or leave it out")
    missing = [c for c in TABLE_COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks column(s) {', '.join(missing)}; start from secession.cases() and edit it")
    if len(table) < minimum:
        raise ValueError(f"table has {len(table)} case(s); this needs at least {minimum}")
    t = table.reset_index(drop=True)
    for col in TABLE_COLUMNS[3:]:
        allowed = [0, 1, 2] if col == "outcome_ordinal" else None
        if t[col].dtype.kind in "fiu":  # numbers already (the usual case): checked in numpy
            v = t[col].to_numpy(float)
            if (np.isin(v, allowed) if allowed else np.isnan(v) | ((v >= 0) & (v <= 1))).all():
                t[col] = v.astype(int if allowed else float)
                continue
        values = pd.to_numeric(t[col], errors="coerce") if t[col].dtype != bool else t[col].astype(float)
        out_of_range = ~values.isin(allowed) if allowed else (values.notna() & ~values.between(0, 1))
        bad = (t[col].notna() & values.isna()) | out_of_range
        if bad.any():
            i = int(bad.to_numpy().argmax())
            want = "0 (failure), 1 (partial) or 2 (success)" if allowed else "a number from 0 to 1, or NaN (unknown)"
            value = t[col].iloc[i]
            value = value.item() if hasattr(value, "item") else value
            raise ValueError(f"table column {col!r}, row {i}: {shown(value)} is not allowed; give {want}")
        t[col] = values.astype(int if allowed else float)
    return t


def factor_scores(table: pd.DataFrame, unknowns: str = "neutral") -> pd.DataFrame:
    """One column per factor (0–1; NaN only under ``unknowns='drop'`` when no item is known)."""
    _SPECS["unknowns"].validate(unknowns)
    fill = UNKNOWN_VALUE[unknowns]
    items = {f: table[list(cols)].astype(float) for f, cols in ITEMS.items()}
    return pd.DataFrame({f: (x if np.isnan(fill) else x.fillna(fill)).mean(axis=1, skipna=True)
                         for f, x in items.items()}, index=table.index)


def _classify(score: np.ndarray, partial_at: float, success_at: float) -> np.ndarray:
    """0 failure, 1 partial, 2 success; -1 where there is no score."""
    return np.where(np.isnan(score), -1, np.where(score >= success_at, 2, np.where(score >= partial_at, 1, 0)))


def explained(data_dir: str | Path | None = None, table: pd.DataFrame | None = None, **params: Any) -> pd.DataFrame:
    """Every case: factors, ``score``, observed and ``predicted`` class, ``explained`` (equal).

    ``table`` (from :func:`cases`, possibly edited; checked by :func:`checked_table`) replaces
    the data file; ``agreement(result)`` gives the share explained.
    """
    p = resolve(params)
    t = checked_table(table, data_dir)
    f = factor_scores(t, p["unknowns"])
    w = np.array([[p[k] for k in WEIGHTS]])
    score = known_weighted_mean(f.to_numpy(float), w)[0]
    pred = _classify(score, p["partial_at"], p["success_at"])
    out = pd.concat([t[["case_id", "region", "outcome", "outcome_ordinal"]], f], axis=1)
    out["score"] = score
    out["observed"] = [CLASSES[o] for o in t["outcome_ordinal"]]
    out["predicted"] = [CLASSES[c] if c >= 0 else None for c in pred]
    out["explained"] = pred == t["outcome_ordinal"].to_numpy()
    return out


def agreement(result: pd.DataFrame) -> float:
    """Share of cases explained (predicted class = observed class)."""
    return float(result["explained"].mean())


def _grid(step: float) -> np.ndarray:
    if (isinstance(step, bool) or not isinstance(step, (int, float)) or not 0.05 <= step <= 0.5
            or abs(round(1 / step) - 1 / step) > 1e-9):
        raise ParameterError(f"step={shown(step)} is not allowed: give a number from 0.05 to 0.5 that divides 1 (e.g. 0.1, 0.25)")
    n = round(1 / step)
    return np.array([(a, b, c, n - a - b - c) for a, b, c in product(range(n + 1), repeat=3)
                     if a + b + c <= n], float) / n


THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.05), 2)


def _fit(factors: np.ndarray, ordinal: np.ndarray, grid: np.ndarray, p: dict[str, Any],
         fit_thresholds: bool) -> tuple[np.ndarray, float, float, float]:
    """Best (weights, partial_at, success_at, agreement) on these cases only."""
    scores = known_weighted_mean(factors, grid)                                   # (weights, cases)
    cuts = ([(a, b) for a in THRESHOLD_GRID for b in THRESHOLD_GRID if a <= b] if fit_thresholds
            else [(p["partial_at"], p["success_at"])])
    higher = ordinal[:, None] > ordinal[None, :]                        # pairs with different outcomes
    s = np.nan_to_num(scores, nan=-1.0)
    concord = ((s[:, :, None] > s[:, None, :]) & higher).sum(axis=(1, 2)) / max(higher.sum(), 1)
    spread = -np.abs(grid - 0.25).sum(axis=1)
    best_key: tuple[float, ...] | None = None
    best = (grid[0], float(p["partial_at"]), float(p["success_at"]), 0.0)
    # every cut pair at once: with a <= b a known score's class is [s >= a] + [s >= b] (_classify)
    levels = sorted({float(c) for pair in cuts for c in pair})
    at = {c: k for k, c in enumerate(levels)}
    above = np.stack([scores >= c for c in levels]).astype(np.int8)               # (levels, weights, cases)
    known = ~np.isnan(scores)
    classes = above[[at[float(a)] for a, _ in cuts]] + above[[at[float(b)] for _, b in cuts]]
    all_hits = ((classes == ordinal) & known).mean(axis=2)                      # (cuts, weights)
    for (a, b), hits in zip(cuts, all_hits):
        i = np.lexsort((-np.arange(len(grid)), spread, concord, hits))[-1]
        key = (hits[i], concord[i], spread[i], -abs(a - p["partial_at"]) - abs(b - p["success_at"]))
        if best_key is None or key > best_key:
            best_key, best = key, (grid[i], float(a), float(b), float(hits[i]))
    return best


def fit_weights(data_dir: str | Path | None = None, table: pd.DataFrame | None = None,
                step: float = 0.1, fit_thresholds: bool = False, **params: Any) -> dict[str, Any]:
    """The grid weights (summing to 1) with the best in-sample agreement, and that agreement.

    With ``fit_thresholds=True`` the cut-points ``partial_at`` ≤ ``success_at`` are searched
    too (0.05 … 0.95): more free knobs, a better in-sample fit, usually a worse held-out one.
    """
    p = resolve(params)
    fit_cuts = _FIT_THRESHOLDS.validate(fit_thresholds)
    t = checked_table(table, data_dir)
    w, a, b, hit = _fit(factor_scores(t, p["unknowns"]).to_numpy(float), t["outcome_ordinal"].to_numpy(),
                        _grid(step), p, fit_cuts)
    return {**dict(zip(WEIGHTS, map(float, w))), "partial_at": a, "success_at": b, "agreement": hit}


@dataclass(frozen=True)
class LeaveOneOut:
    """Per-case held-out predictions and the two agreements (``in_sample`` ≥ ``loo`` usually)."""

    table: pd.DataFrame
    in_sample: float
    loo: float
    weights: dict[str, float]


def leave_one_out(data_dir: str | Path | None = None, table: pd.DataFrame | None = None,
                  step: float = 0.1, fit_thresholds: bool = False, **params: Any) -> LeaveOneOut:
    """For each case, fit weights on the *other* cases and predict the held-out case.

    The held-out row is removed before fitting, so its outcome never influences its own
    weights (or cut-points). ``in_sample`` is :func:`fit_weights` on all cases; ``loo`` is the
    share of held-out cases predicted correctly.
    """
    p = resolve(params)
    fit_thresholds = _FIT_THRESHOLDS.validate(fit_thresholds)
    t = checked_table(table, data_dir, minimum=2)
    f = factor_scores(t, p["unknowns"]).to_numpy(float)
    y = t["outcome_ordinal"].to_numpy()
    grid = _grid(step)
    full_w, _, _, in_sample = _fit(f, y, grid, p, fit_thresholds)
    rows = []
    for i in range(len(t)):
        keep = np.arange(len(t)) != i
        w, a, b, _ = _fit(f[keep], y[keep], grid, p, fit_thresholds)
        score = known_weighted_mean(f[i:i + 1], w[None, :])[0, 0]
        pred = int(_classify(np.array([score]), a, b)[0])
        rows.append({"case_id": t["case_id"].iloc[i], **dict(zip(WEIGHTS, map(float, w))),
                     "partial_at": a, "success_at": b, "score": score, "observed": CLASSES[y[i]],
                     "predicted": CLASSES[pred] if pred >= 0 else None, "correct": pred == y[i]})
    out = pd.DataFrame(rows)
    return LeaveOneOut(out, in_sample, float(out["correct"].mean()), dict(zip(WEIGHTS, map(float, full_w))))
