"""Everything the course computes *about* the models: agreement, comparison, sensitivity.

- :mod:`.observed` — what the states did, in the shape of a prediction;
- :mod:`.agreement` — one count of agreement with it, and everything built on that count
  (:func:`compare`, per-theory agreement, the hedge baseline, parameter grids, divergence);
- :mod:`.comparison` — every theory side by side, what drove each score, what a change moves;
- :mod:`.sensitivity` — sweeps of one parameter and where stances tip;
- :mod:`.similarity` — alliance-portfolio similarity (Signorino–Ritter S, Kendall's tau-b);
- :mod:`.secession_fit` — lesson 07's baselines and over-fitting analysis of the secession model.

Nothing here draws or displays anything; charts and widgets call these functions.
"""

from alliances.analysis.agreement import (
    agreement,
    agreement_grid,
    agreement_over_time,
    compare,
    count_right,
    divergence,
    divergence_records,
    hedge_baseline,
    mismatches,
    observed_stances,
    stance_agreement,
)
from alliances.analysis.comparison import by_theory, parts_frame, predict_all, principal_partners, what_changes
from alliances.analysis.observed import OBSERVED_ALIGN_AT, OBSERVED_BALANCE_AT, observed
from alliances.analysis.secession_fit import baseline_agreement, fit_comparison, outcome_table, overfitting_table
from alliances.analysis.sensitivity import SWEEP_COLUMNS, agreement_along, grid, sweep, tipping_points

__all__ = [
    "OBSERVED_ALIGN_AT", "OBSERVED_BALANCE_AT", "SWEEP_COLUMNS", "agreement", "agreement_along", "agreement_grid",
    "agreement_over_time", "baseline_agreement", "by_theory", "compare", "count_right", "divergence",
    "divergence_records", "fit_comparison", "grid", "hedge_baseline", "mismatches", "observed", "observed_stances",
    "outcome_table", "overfitting_table", "parts_frame", "predict_all", "principal_partners", "stance_agreement",
    "sweep", "tipping_points", "what_changes",
]
