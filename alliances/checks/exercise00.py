"""Checks for exercises/00_the_puzzle_and_the_region.ipynb (reading the data).

Every correct answer is computed from the data at check time, so the checks follow the data.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from alliances.analysis import observed
from alliances.checks.answers import Question, expect_choice, expect_codes, expect_frame, fail, real_number
from alliances.data import load_table
from alliances.schemas import CHOOSERS, PERIODS
from alliances.world import load_world

#: The states compared in question 00.1: the three choosers and their three neighbours.
MILEX_STATES: tuple[str, ...] = CHOOSERS + ("RUS", "TUR", "IRN")
MILEX_COLUMN = "milex_constant2022_usd_m"
MILEX_LAST_YEAR = 2023
CSTO_YEAR = 2015

SEE_TABLE = "lesson 00, 'The puzzle' (the table of starting points)"
SEE_OBSERVED = "lesson 00, 'Observed alignment, period by period'"
SEE_TIES = "lesson 00, 'What the states did: formal ties'"


# -- 00.1 -------------------------------------------------------------------------------

def milex_growth() -> dict[str, float]:
    """2023 military spending over the first year with a value (from 1992), per state."""
    table = load_table("milex_sipri")
    out = {}
    for actor in MILEX_STATES:
        series = table[(table["actor"] == actor)].dropna(subset=[MILEX_COLUMN]).sort_values("year")
        series = series[series["year"] <= MILEX_LAST_YEAR]
        first, last = series.iloc[0], series.iloc[-1]
        out[actor] = float(last[MILEX_COLUMN]) / float(first[MILEX_COLUMN])
    return out


def fastest_growing() -> str:
    """The state of :data:`MILEX_STATES` whose military spending grew fastest (as a ratio)."""
    growth = milex_growth()
    return max(growth, key=lambda state: growth[state])


def fastest_growth(answer: Any) -> None:
    """00.1: the state whose military spending grew fastest from 1992 to 2023."""
    expect_choice(answer, MILEX_STATES, fastest_growing(), see=SEE_TABLE, hint=(
        "Compare each state's 2023 figure with its first one as a ratio (2023 / 1992, or the "
        "first year with data), not as a difference in US$: a large state adds more dollars "
        "without growing faster."))


# -- 00.2 -------------------------------------------------------------------------------

def georgia_balances_russia() -> list[str]:
    """The periods in which Georgia's observed stance towards Russia is 'balance'."""
    out = []
    for period in PERIODS:
        obs = observed(load_world(period))
        cell = obs[(obs["state"] == "GEO") & (obs["partner"] == "RUS")]
        if len(cell) and cell["stance"].iloc[0] == "balance":
            out.append(period)
    return out


def georgia_balancing_periods(answer: Any) -> None:
    """00.2: the periods in which Georgia is observed to balance Russia."""
    expect_codes(answer, PERIODS, georgia_balances_russia(), what="periods", see=SEE_OBSERVED, hint=(
        "Look at the GEO row, RUS column of the heat map in every period (or filter "
        "observed(load_world(period)) for state 'GEO' and partner 'RUS'); a code of -1 "
        "(tension) already counts as 'balance', not only the enmity of -2."))


# -- 00.3 -------------------------------------------------------------------------------

def csto_members(year: int = CSTO_YEAR) -> list[str]:
    """Choosers that were parties to the Collective Security Treaty / CSTO in ``year``."""
    m = load_table("memberships")
    rows = m[m["organisation"].str.startswith("Collective Security Treaty")
             & (m["kind"] == "military_alliance") & (m["joined_year"] <= year)
             & (m["left_year"].isna() | (m["left_year"] > year))]
    return sorted(set(rows["state"]) & set(CHOOSERS))


def csto_choosers(answer: Any) -> None:
    """00.3: the choosers that were CSTO members in 2015."""
    expect_codes(answer, CHOOSERS, csto_members(), what="chooser codes", see=SEE_TIES, hint=(
        f"In load_table('memberships'), keep the rows whose organisation is the Collective "
        f"Security Treaty, then the states that had joined by {CSTO_YEAR} and had not left "
        "(left_year empty or later)."))


# -- 00.4 -------------------------------------------------------------------------------

def align_counts() -> pd.DataFrame:
    """Per chooser and period: the number of partners it is observed to align with."""
    rows = []
    for period in PERIODS:
        obs = observed(load_world(period))
        for state in CHOOSERS:
            n = int(((obs["state"] == state) & (obs["stance"] == "align")).sum())
            rows.append({"state": state, "period": period, "n_align": n})
    return pd.DataFrame(rows)


def _row_keys(frame: pd.DataFrame, expected: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (state, period) of each row, checked against ``expected`` (one row each)."""
    see = SEE_OBSERVED
    if not all(isinstance(v, str) for v in list(frame["state"]) + list(frame["period"])):
        fail("The state and period columns should hold text, e.g. 'ARM' and '1992-1999'.", see)
    keys = list(zip(frame["state"].str.strip(), frame["period"].str.strip()))
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
    correct = align_counts()
    keys = _row_keys(frame, set(zip(correct["state"], correct["period"])))
    counts = [real_number(v) for v in frame["n_align"]]
    if any(c is None for c in counts):
        fail("n_align should hold whole numbers (counts), not text or NaN.", see)
    got = dict(zip(keys, counts))
    wrong = [(s, p) for s, p, n in correct.itertuples(index=False) if got[(s, p)] != n]
    if wrong:
        s, p = wrong[0]
        fail(f"{len(wrong)} count(s) are off, e.g. {s} in {p}. Count the partners whose observed "
             "stance is 'align' (6 partners per chooser: the other two choosers and RUS, TUR, "
             "IRN, WEST).", see)


#: The questions of this notebook: their checks and reference answers.
QUESTIONS: dict[str, Question] = {
    "00.1": Question(fastest_growth, fastest_growing),
    "00.2": Question(georgia_balancing_periods, georgia_balances_russia),
    "00.3": Question(csto_choosers, csto_members),
    "00.4": Question(align_count_table, align_counts),
}
