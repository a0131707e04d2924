"""Everything the course computes *about* the models: agreement, comparison, robustness.

- :mod:`.observed` — what the states did, in the shape of a prediction;
- :mod:`.frames` — the prediction frame's contract, checked wherever a frame comes in;
- :mod:`.agreement` — one count of agreement with observed alignment, and everything built
  on that count (:func:`compare`, the confusion table, per-theory agreement, the hedge
  baseline, parameter grids, divergence, the ranking without alliance-type acts);
- :mod:`.comparison` — every theory side by side, what drove each score, what a change moves;
- :mod:`.sensitivity` — sweeps of one parameter and where stances tip;
- :mod:`.robustness` — the share of a theory's parameter space and of the years in which a
  claim about its prediction holds;
- :mod:`.perturbation` — coding uncertainty: agreement when coded judgements are redrawn;
- :mod:`.validation` — the theories against measures no course author coded (UNGA votes, ATOP);
- :mod:`.similarity` — alliance-portfolio similarity (Signorino–Ritter S, Kendall's tau-b);
- :mod:`.secession_fit` — lesson 07's baselines and over-fitting analysis of the secession model.

Nothing here draws or displays anything; charts and widgets call these functions.
"""

from alliances.analysis.agreement import (
    ALLIANCE_KINDS,
    METRICS,
    agreement,
    agreement_grid,
    agreement_over_time,
    agreement_without_alliance_acts,
    compare,
    confusion,
    count_right,
    divergence,
    divergence_records,
    hedge_baseline,
    mismatches,
    observed_stances,
    stance_agreement,
    stance_counts,
    without_alliance_acts,
)
from alliances.analysis.comparison import by_theory, parts_frame, predict_all, principal_partners, what_changes
from alliances.analysis.frames import check_prediction
from alliances.analysis.observed import (
    OBSERVED_ALIGN_AT,
    OBSERVED_BALANCE_AT,
    SHARED_ALIGN_AT,
    SHARED_BALANCE_AT,
    observed,
)
from alliances.analysis.perturbation import perturbation_study, perturbation_summary
from alliances.analysis.robustness import claim_sentences, claims_table, parameter_share, time_shares, top_threat_shares
from alliances.analysis.secession_fit import baseline_agreement, fit_comparison, outcome_table, overfitting_table
from alliances.analysis.sensitivity import SWEEP_COLUMNS, agreement_along, grid, sweep, tipping_points
from alliances.analysis.validation import atop_validation, unga_validation

__all__ = [
    "ALLIANCE_KINDS", "METRICS", "OBSERVED_ALIGN_AT", "OBSERVED_BALANCE_AT", "SHARED_ALIGN_AT", "SHARED_BALANCE_AT",
    "SWEEP_COLUMNS", "agreement", "agreement_along", "agreement_grid", "agreement_over_time",
    "agreement_without_alliance_acts", "atop_validation", "baseline_agreement", "by_theory", "check_prediction",
    "claim_sentences", "claims_table", "compare", "confusion", "count_right", "divergence", "divergence_records",
    "fit_comparison", "grid", "hedge_baseline", "mismatches", "observed", "observed_stances", "outcome_table",
    "overfitting_table", "parameter_share", "parts_frame", "perturbation_study", "perturbation_summary",
    "predict_all", "principal_partners", "stance_agreement", "stance_counts", "sweep", "time_shares", "tipping_points",
    "top_threat_shares", "unga_validation", "what_changes", "without_alliance_acts",
]
