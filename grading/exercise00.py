"""Reference answers to exercise 00, computed from the data (grader side, not installed)."""

from __future__ import annotations

import pandas as pd

from alliances.analysis import observed
from alliances.checks.exercise00 import CSTO_YEAR, MILEX_COLUMN, MILEX_LAST_YEAR, MILEX_STATES
from alliances.data import load_table
from alliances.schemas import CHOOSERS, PERIODS
from alliances.world import load_world
from grading.entries import Entry, number_entry, set_entry, text_entry


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
    """00.1: the state whose military spending grew fastest (as a ratio)."""
    growth = milex_growth()
    return max(growth, key=lambda state: growth[state])


def georgia_balances_russia() -> list[str]:
    """00.2: the periods in which Georgia's observed stance towards Russia is 'balance'."""
    out = []
    for period in PERIODS:
        obs = observed(load_world(period))
        cell = obs[(obs["state"] == "GEO") & (obs["partner"] == "RUS")]
        if len(cell) and cell["stance"].iloc[0] == "balance":
            out.append(period)
    return out


def csto_members(year: int = CSTO_YEAR) -> list[str]:
    """00.3: choosers that were parties to the Collective Security Treaty / CSTO in ``year``."""
    m = load_table("memberships")
    rows = m[m["organisation"].str.startswith("Collective Security Treaty")
             & (m["kind"] == "military_alliance") & (m["joined_year"] <= year)
             & (m["left_year"].isna() | (m["left_year"] > year))]
    return sorted(set(rows["state"]) & set(CHOOSERS))


def align_counts() -> pd.DataFrame:
    """00.4: per chooser and period, the number of partners it is observed to align with."""
    rows = []
    for period in PERIODS:
        obs = observed(load_world(period))
        for state in CHOOSERS:
            n = int(((obs["state"] == state) & (obs["stance"] == "align")).sum())
            rows.append({"state": state, "period": period, "n_align": n})
    return pd.DataFrame(rows)


REFERENCES = {"00.1": fastest_growing, "00.2": georgia_balances_russia, "00.3": csto_members, "00.4": align_counts}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries."""
    out = {**text_entry("00.1", fastest_growing()), **set_entry("00.2", georgia_balances_russia()),
           **set_entry("00.3", csto_members())}
    for state, period, n in align_counts().itertuples(index=False):
        out.update(number_entry(f"00.4/{state}/{period}", n, tol=0, decimals=0))
    return out
