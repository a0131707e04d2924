"""Reference answers to exercise 06, computed from the Karabakh stability index (grader side, not installed)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from alliances import karabakh
from alliances.checks.exercise06 import YEARS, index_with, sensitivity_grid, weights_text, year_text
from grading.entries import Entry, number_entry, set_entry, text_entry


def default_tipping_year() -> int:
    """06.1: the first year after 1994 in which the default index is below the threshold."""
    year = karabakh.tipping_year()
    if year is None:  # pragma: no cover - the data tip; the question would need rewording
        raise ValueError("the default index never tips: question 06.1 has no answer")
    return year


def drone_effect() -> dict[str, Any]:
    """06.2: what switching drone imports off does to the tipping year: ``{"effect": …, "year": …}``."""
    default, other = karabakh.tipping_year(), karabakh.tipping_year(drone_imports=False)
    if other is None:
        effect = "never"
    elif default is None or other > default:
        effect = "later"
    else:
        effect = "earlier" if other < default else "same"
    return {"effect": effect, "year": other}


def stability_with_spending_trend(new_weight: float) -> pd.DataFrame:
    """06.3: Azerbaijan's spending over Armenia's, scaled so that 1 is its lowest (most stabilising)
    year, as a fourth stabiliser of weight ``new_weight``."""
    ratio = karabakh.indicators()["spending_ratio"].ffill().bfill().to_numpy(float)
    x = (ratio.max() - ratio) / (ratio.max() - ratio.min())
    return pd.DataFrame({"year": YEARS, "new_indicator": x, "index": index_with(x, new_weight)})


def earliest_rows() -> pd.DataFrame:
    """06.4: the rows of the sensitivity table with the earliest tipping year."""
    grid = sensitivity_grid().dropna(subset=["tipping_year"])
    return grid[grid["tipping_year"] == grid["tipping_year"].min()]


def earliest_row() -> dict[str, Any]:
    """06.4: one row of the sensitivity table with the earliest tipping year (weights and year)."""
    row = earliest_rows().iloc[0]
    return {**{w: float(row[w]) for w in karabakh.WEIGHTS}, "tipping_year": int(row["tipping_year"])}


REFERENCES = {
    "06.1": default_tipping_year,
    "06.2": drone_effect,
    "06.3": lambda: stability_with_spending_trend,
    "06.4": earliest_row,
}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries (06.3 is checked against the formula, not the key)."""
    drones, rows = drone_effect(), earliest_rows()
    return {**number_entry("06.1", default_tipping_year(), tol=0, decimals=0),
            **text_entry("06.2/effect", drones["effect"]), **text_entry("06.2/year", year_text(drones["year"])),
            **set_entry("06.4/weights", [weights_text({w: float(r[w]) for w in karabakh.WEIGHTS})
                                          for _, r in rows.iterrows()]),
            **number_entry("06.4/year", int(rows["tipping_year"].iloc[0]), tol=0, decimals=0)}
