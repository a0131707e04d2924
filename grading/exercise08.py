"""Reference answers to exercise 08, computed from the theories and the observed record (grader side, not installed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from alliances.analysis import agreement, count_right, divergence, observed_stances
from alliances.checks.exercise08 import (
    BEST_PERIOD,
    MAX_MATCHES,
    RECENT,
    grid_agreement,
    pair_text,
    vote_cases,
    vote_name,
    world_tables,
)
from alliances.schemas import PERIODS
from grading.entries import Entry, number_entry, set_entry, text_entry

#: 08.3: the stance a tie for the most common stance resolves to (the question's tie rule).
TIE_STANCE = "hedge"
#: 08.5: the reference answer's choice of theory, parameter, values and periods.
REFERENCE_FIT: dict[str, Any] = {"theory": "constructivism", "parameter": "practice_weight",
                                 "values": [round(0.1 * i, 1) for i in range(11)], "fit_period": "2023-2025",
                                 "test_period": "2008-2019"}


def best_theories(period: str = BEST_PERIOD) -> list[str]:
    """08.1: the theories with the highest overall stance agreement in ``period`` (in theory order)."""
    scores = agreement(*world_tables(period))
    top = scores["stance_agreement"].max()
    return list(scores.loc[(scores["stance_agreement"] - top).abs() < 1e-9, "theory"])


def shared_failures(period: str = RECENT, max_matches: int = MAX_MATCHES) -> set[tuple[str, str]]:
    """08.2: the (state, partner) relations whose observed stance at most ``max_matches`` theories predict."""
    div = divergence(*world_tables(period))
    return {(r.state, r.partner) for r in div.itertuples() if r.matches <= max_matches}


def vote_stance(stances: Sequence[str]) -> str:
    """08.3: the most common stance; a tie for the most common gives :data:`TIE_STANCE`."""
    counts = pd.Series(list(stances)).value_counts()
    top = counts[counts == counts.max()]
    return str(top.index[0]) if len(top) == 1 else TIE_STANCE


def majority_vote_reference(table: pd.DataFrame) -> pd.DataFrame:
    """08.3: the majority vote, one row per (state, partner) of a predict_all frame."""
    rows = [(state, partner, vote_stance(list(g["stance"])))
            for (state, partner), g in table.groupby(["state", "partner"], sort=False)]
    return pd.DataFrame(rows, columns=["state", "partner", "stance"])


def vote_agreement(period: str) -> float:
    """08.4: the share of observed stances in ``period`` that the majority vote gets right."""
    table, obs = world_tables(period)
    vote = majority_vote_reference(table)
    right, pairs = count_right(zip(vote["state"], vote["partner"]), vote["stance"], [0.0] * len(vote),
                               observed_stances(obs))
    return right / pairs


def best_single(period: str) -> float:
    """08.4: the highest overall stance agreement of one theory in ``period``."""
    return float(agreement(*world_tables(period))["stance_agreement"].max())


def vote_result() -> dict[str, Any]:
    """08.4's reference answer."""
    return {"vote": vote_agreement(RECENT), "best": best_single(RECENT),
            "wins": sum(vote_agreement(p) > best_single(p) + 1e-9 for p in PERIODS)}


def fit_and_test_answer() -> dict[str, Any]:
    """08.5: :data:`REFERENCE_FIT` with its best value and agreements."""
    fit, test = REFERENCE_FIT["fit_period"], REFERENCE_FIT["test_period"]
    table = grid_agreement(REFERENCE_FIT["theory"], REFERENCE_FIT["parameter"], tuple(REFERENCE_FIT["values"]),
                           fit, test)
    best = max(table[fit], key=lambda v: table[fit][v])
    return {**REFERENCE_FIT, "best_value": best, "fit_agreement": table[fit][best],
            "test_agreement": table[test][best]}


REFERENCES = {
    "08.1": lambda: best_theories()[0],
    "08.2": shared_failures,
    "08.3": lambda: majority_vote_reference,
    "08.4": vote_result,
    "08.5": fit_and_test_answer,
}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries (08.5 is recomputed from the student's own grid)."""
    votes = vote_result()
    out = {**set_entry("08.1", best_theories()), **set_entry("08.2", [pair_text(*p) for p in shared_failures()]),
           **number_entry("08.4/vote", votes["vote"], tol=0.005, decimals=2),
           **number_entry("08.4/best", votes["best"], tol=0.005, decimals=2),
           **number_entry("08.4/wins", votes["wins"], tol=0, decimals=0)}
    for case, (_, table) in enumerate(vote_cases()):
        for state, partner, stance in majority_vote_reference(table).itertuples(index=False):
            out.update(text_entry(vote_name(case, state, partner), stance))
    return out
