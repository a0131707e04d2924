"""What the states actually did, in the shape of a prediction.

``observed(world)`` reads the coded dyad table (``data/dyads_observed.csv``: -2 enmity …
+2 alliance, one coder's judgement per period, each with a source) and returns it as a
frame with the columns of a prediction. No theory model reads it; :mod:`.agreement`
compares predictions with it.
"""

from __future__ import annotations

import math

import pandas as pd

from alliances.theories.base import COLUMNS, stance
from alliances.world import World

#: Observed stances follow the coding scale: +2 (alliance, strategic partnership) is
#: "align"; +1 (cooperation) and 0 (neutral) are "hedge"; -1 (tension) and -2 (enmity) are
#: "balance". On the [-1, 1] score scale that is align ≥ 0.75 and balance ≤ -0.5, so WEST
#: (the mean of the USA and EU codes) is "align" only when both are close to alliance.
OBSERVED_ALIGN_AT, OBSERVED_BALANCE_AT = 0.75, -0.5


def observed(world: World, align_at: float = OBSERVED_ALIGN_AT,
             balance_at: float = OBSERVED_BALANCE_AT) -> pd.DataFrame:
    """Observed alignment in the prediction's shape: state, partner, score, stance, reason.

    ``score`` = coded dyad score / 2, so -2 … +2 becomes -1 … +1; WEST is the mean of the
    USA and EU cells. For a single year the year's period is used (the coding is per period).
    Stances follow the coding scale (see ``OBSERVED_ALIGN_AT``); a pair with no coding has
    stance ``"unknown"``.
    """
    if not isinstance(world, World):
        raise TypeError(f"expected a World from load_world(...), got {type(world).__name__}")
    rows = []
    for state in world.choosers:
        for partner in world.partners(state):
            cell = world.observed.get((state, partner))
            if cell is None:
                rows.append((state, partner, math.nan, "unknown", "No coded observation."))
                continue
            score = cell.score / 2
            flag = "" if cell.certainty == "sourced" else f" (coding {cell.certainty})"
            rows.append((state, partner, score, stance(score, align_at, balance_at),
                         f"{cell.justification}{flag}"))
    return pd.DataFrame(rows, columns=list(COLUMNS))


__all__ = ["OBSERVED_ALIGN_AT", "OBSERVED_BALANCE_AT", "observed"]
