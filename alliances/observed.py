"""What the states actually did, and how well a theory's prediction agrees with it.

``observed(world)`` reads the coded dyad table (``data/dyads_observed.csv``: -2 enmity …
+2 alliance, one coder's judgement per period, each with a source) and returns it in the
shape of a prediction. No theory model reads it.
"""

from __future__ import annotations

import math

import pandas as pd

from alliances.theories import COLUMNS
from alliances.theories.base import stance
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
    Stances follow the coding scale (see ``OBSERVED_ALIGN_AT``).
    """
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
    return pd.DataFrame(rows, columns=COLUMNS)


def _require_frame(frame: object, label: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{label} must be a DataFrame from predict(...) or observed(...), "
                        f"got {type(frame).__name__}")
    missing = [c for c in ("state", "partner", "score", "stance") if c not in frame.columns]
    if missing:
        raise ValueError(f"{label} lacks column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}")
    return frame


def compare(prediction: pd.DataFrame, observed: pd.DataFrame) -> pd.DataFrame:
    """Agreement of a prediction with observed alignment, per state and overall.

    Metrics (rows where both sides have a score):

    - ``stance_agreement`` = share of (state, partner) pairs with the same stance (0–1);
    - ``score_correlation`` = Pearson correlation of the two scores (NaN when either side is
      constant, e.g. balance of power's identical rows);
    - ``mean_abs_difference`` = mean |predicted − observed| score (0–2).
    """
    _require_frame(prediction, "prediction")
    _require_frame(observed, "observed")
    merged = prediction.merge(observed, on=["state", "partner"], suffixes=("_pred", "_obs"))
    merged = merged[merged["score_obs"].notna() & merged["score_pred"].notna()]
    rows = []
    groups = [(s, g) for s, g in merged.groupby("state", sort=False)] + [("all", merged)]
    for state, g in groups:
        agree = float((g["stance_pred"] == g["stance_obs"]).mean()) if len(g) else math.nan
        corr = math.nan
        if len(g) > 2 and g["score_pred"].std() > 0 and g["score_obs"].std() > 0:
            corr = float(g["score_pred"].corr(g["score_obs"]))
        mad = float((g["score_pred"] - g["score_obs"]).abs().mean()) if len(g) else math.nan
        rows.append({"state": state, "pairs": len(g), "stance_agreement": agree,
                     "score_correlation": corr, "mean_abs_difference": mad})
    return pd.DataFrame(rows)
