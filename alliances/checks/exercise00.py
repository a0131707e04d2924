"""Checks for exercises/00_the_puzzle_and_the_region.ipynb (reading the data).

The right answers are not here: they are computed by ``grading/exercise00.py`` (outside the
installed package) and kept in the answer key as digests (:mod:`alliances.checks.keys`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from alliances.checks.answers import Check, expect_choice, expect_codes, expect_frame, fail, normalise_text, real_number
from alliances.checks.keys import key
from alliances.schemas import CHOOSERS, PERIODS

#: The states compared in question 00.1: the three choosers and their three neighbours.
MILEX_STATES: tuple[str, ...] = CHOOSERS + ("RUS", "TUR", "IRN")
MILEX_COLUMN = "milex_constant2022_usd_m"
MILEX_LAST_YEAR = 2023
CSTO_YEAR = 2015

SEE_TABLE = "lesson 00, 'The puzzle' (the table of starting points)"
SEE_OBSERVED = "lesson 00, 'Observed alignment, period by period'"
SEE_TIES = "lesson 00, 'What the states did: formal ties'"


# -- 00.1 -------------------------------------------------------------------------------

def fastest_growth(answer: Any) -> None:
    """00.1: the state whose military spending grew fastest from 1992 to 2023."""
    expect_choice(answer, MILEX_STATES, key("00.1"), see=SEE_TABLE, hint=(
        "Compare each state's 2023 figure with its first one as a ratio (2023 / 1992, or the "
        "first year with data), not as a difference in US$: a large state adds more dollars "
        "without growing faster."))


# -- 00.2 -------------------------------------------------------------------------------

def georgia_balancing_periods(answer: Any) -> None:
    """00.2: the periods in which Georgia is observed to balance Russia."""
    expect_codes(answer, PERIODS, key("00.2"), what="periods", see=SEE_OBSERVED, hint=(
        "Look at the GEO row, RUS column of the heat map in every period (or filter "
        "observed(load_world(period)) for state 'GEO' and partner 'RUS'); a code of -1 "
        "(tension) already counts as 'balance', not only the enmity of -2."))


# -- 00.3 -------------------------------------------------------------------------------

def csto_choosers(answer: Any) -> None:
    """00.3: the choosers that were CSTO members in 2015."""
    expect_codes(answer, CHOOSERS, key("00.3"), what="chooser codes", see=SEE_TIES, hint=(
        f"In load_table('memberships'), keep the rows whose organisation is the Collective "
        f"Security Treaty, then the states that had joined by {CSTO_YEAR} and had not left "
        "(left_year empty or later)."))


# -- 00.4 -------------------------------------------------------------------------------

def _row_keys(frame: pd.DataFrame, expected: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (state, period) of each row, checked against ``expected`` (one row each)."""
    see = SEE_OBSERVED
    if not all(isinstance(v, str) for v in list(frame["state"]) + list(frame["period"])):
        fail("The state and period columns should hold text, e.g. 'ARM' and '1992-1999'.", see)
    by_norm = {normalise_text(c): c for c in CHOOSERS + PERIODS}
    keys = [(by_norm.get(normalise_text(s), s.strip()), by_norm.get(normalise_text(p), p.strip()))
            for s, p in zip(frame["state"], frame["period"])]
    if len(keys) != len(set(keys)):
        fail("Some (state, period) pairs appear more than once: give one row per chooser and "
             "period (group by both columns).", see)
    unknown = [k for k in keys if k not in expected]
    if unknown:
        fail(f"Unexpected row {unknown[0]!r}: state must be one of {list(CHOOSERS)} and period one "
             f"of {list(PERIODS)}.", see)
    missing = sorted(expected - set(keys))
    if missing:
        fail(f"Your table has {len(keys)} rows but should have {len(expected)}, one per chooser "
             f"and period; {missing[0]!r} is missing. If you filtered on 'align' before "
             "grouping, a state with no such partner drops out: count with a sum of True/False "
             "instead, or add the zeros.", see)
    return keys


def align_count_table(answer: Any) -> None:
    """00.4: a table of how many partners each chooser aligns with, per period."""
    see = SEE_OBSERVED
    frame = expect_frame(answer, ["state", "period", "n_align"], see=see)
    keys = _row_keys(frame, {(state, period) for state in CHOOSERS for period in PERIODS})
    counts = [real_number(v) for v in frame["n_align"]]
    if any(c is None for c in counts):
        fail("n_align should hold whole numbers (counts), not text or NaN.", see)
    wrong = [(s, p) for (s, p), n in zip(keys, counts) if not key(f"00.4/{s}/{p}").accepts_number(float(n or 0))]
    if wrong:
        s, p = wrong[0]
        fail(f"{len(wrong)} count(s) are off, e.g. {s} in {p}. Count the partners whose observed "
             "stance is 'align' (6 partners per chooser: the other two choosers and RUS, TUR, "
             "IRN, WEST).", see)


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "00.1": fastest_growth,
    "00.2": georgia_balancing_periods,
    "00.3": csto_choosers,
    "00.4": align_count_table,
}
