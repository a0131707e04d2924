"""Lesson 02's table of top threats: each state's top threat under balance of threat, with its margin.

:func:`top_threats` reads :func:`alliances.theories.balance_of_threat.threat_components`
(any weights and toggles) and returns, per state, the top threat, its threat, the runner-up
and its threat, so a lesson can print "X is Georgia's top threat" from the numbers, and say
how close the runner-up is.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from alliances.theories.balance_of_threat import threat_components
from alliances.world import World

COLUMNS: tuple[str, ...] = ("state", "state_name", "top", "top_name", "threat", "runner_up", "runner_up_name",
                            "runner_up_threat")


def top_threats(world: World, **params: Any) -> pd.DataFrame:
    """Each state's top threat and runner-up in ``world`` (balance of threat, ``params`` as in ``predict``).

    Returns
    -------
    pandas.DataFrame
        One row per state, indexed by ``state``: ``state_name``, ``top`` / ``top_name`` (code and
        name of the actor with the largest threat :math:`t_{ij}`), ``threat``, and the same for
        the ``runner_up`` (the largest threat among the other partners). A state with no threat
        at all has no top threat (``None``).
    """
    parts = threat_components(world, **params)
    per_partner = parts.drop_duplicates(["state", "partner"])
    rows = []
    for state, group in per_partner.groupby("state", sort=False):
        top = group[group["top"]]
        rest = group[~group["top"]].sort_values("threat", ascending=False, kind="stable")
        first = top.iloc[0] if len(top) else None
        second = rest.iloc[0] if len(rest) else None
        rows.append({"state": state, "state_name": group["state_name"].iloc[0],
                     "top": None if first is None else first["partner"],
                     "top_name": None if first is None else first["partner_name"],
                     "threat": float("nan") if first is None else float(first["threat"]),
                     "runner_up": None if second is None else second["partner"],
                     "runner_up_name": None if second is None else second["partner_name"],
                     "runner_up_threat": float("nan") if second is None else float(second["threat"])})
    return pd.DataFrame(rows, columns=list(COLUMNS)).set_index("state")


__all__ = ["COLUMNS", "top_threats"]
