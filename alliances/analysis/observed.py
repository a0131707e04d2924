"""What the states actually did, in the shape of a prediction.

``observed(world)`` reads the coded dyad table (``data/dyads_observed.csv``: -2 enmity …
+2 alliance, one coder's judgement per period, each with a source) and returns it as a
frame with the columns of a prediction. No theory model reads it; :mod:`.agreement`
compares predictions with it.

One stance rule, two named sets of cut-offs. The observed score goes through the same rule
as every prediction (:func:`alliances.theories.base.stance`), but with the *coding's* cut-offs,
:data:`OBSERVED_ALIGN_AT` = 0.75 and :data:`OBSERVED_BALANCE_AT` = −0.5, not the theories'
±0.25. The reason is the coding scale's own meaning: +1 "cooperation" (Azerbaijan towards
Russia 2008–2019, Armenia towards Iran or the West) is what the readings call *hedging*, and
only +2 "alliance / strategic partnership" (or, for WEST, +2 and +1: 0.75) is alignment;
−1 "tension" and −2 "enmity" are balancing. Read at ±0.25, every coded +1 would be
"align" and almost nothing would be "hedge" (one pair of 18 in 2008–2019).

Because the cut-offs differ, a predicted 0.5 against an observed 0.5 is not the same stance.
:func:`alliances.analysis.agreement.compare` therefore reports, beside stance agreement,
the agreement with the observed scores read at the theories' own cut-offs
(:data:`SHARED_ALIGN_AT`, :data:`SHARED_BALANCE_AT`), the mean absolute score distance and the
rank correlation, which need no cut-off at all.
"""

from __future__ import annotations

import math

import pandas as pd

from alliances.params import by_name
from alliances.theories.base import COLUMNS, THRESHOLDS, stance
from alliances.world import World

_CUTS = by_name(THRESHOLDS)

#: The coding's cut-offs (on the -1 … 1 score scale): +2 alliance (1.0) and, for WEST, +2 with
#: +1 (0.75) read as "align"; +1 cooperation and 0 neutral as "hedge"; -1 tension (-0.5) and
#: -2 enmity as "balance".
OBSERVED_ALIGN_AT, OBSERVED_BALANCE_AT = 0.75, -0.5

#: The theories' default cut-offs (:data:`alliances.theories.base.THRESHOLDS`), the other
#: reading of the observed scores that :func:`~alliances.analysis.agreement.compare` reports.
SHARED_ALIGN_AT: float = float(_CUTS["align_at"].default)
SHARED_BALANCE_AT: float = float(_CUTS["balance_at"].default)


def observed(world: World, align_at: float = OBSERVED_ALIGN_AT,
             balance_at: float = OBSERVED_BALANCE_AT) -> pd.DataFrame:
    """Observed alignment in the prediction's shape: state, partner, score, stance, reason.

    Parameters
    ----------
    world : World
        The world whose coded dyads to read. For a single year the year's period is used
        (the coding is per period).
    align_at, balance_at : float
        The cut-offs of the stance rule; the defaults are the coding's
        (:data:`OBSERVED_ALIGN_AT`, :data:`OBSERVED_BALANCE_AT`); pass
        :data:`SHARED_ALIGN_AT`, :data:`SHARED_BALANCE_AT` to read them like a prediction.

    Returns
    -------
    pandas.DataFrame
        ``score`` = coded dyad score / 2, so -2 … +2 becomes -1 … +1; WEST is the mean of the
        USA and EU cells. A pair with no coding has stance ``"unknown"``.
    """
    if not isinstance(world, World):
        raise TypeError(f"expected a World from load_world(...), got {type(world).__name__}")
    align_at = float(_CUTS["align_at"].validate(align_at))
    balance_at = float(_CUTS["balance_at"].validate(balance_at))
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


__all__ = ["OBSERVED_ALIGN_AT", "OBSERVED_BALANCE_AT", "SHARED_ALIGN_AT", "SHARED_BALANCE_AT", "observed"]
