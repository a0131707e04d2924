"""Altair charts that render offline, with a static SVG copy, in the course's style.

Call :func:`enable_offline_rendering` once at the top of every notebook; importing this
package registers and enables the course theme (:mod:`.theme`). Every chart function draws
frames it is given and computes no model and no analysis; the frames come from
:mod:`alliances.theories`, :mod:`alliances.analysis` and the Karabakh models.

- :mod:`.render` -- the offline renderer, JSON-ready rows, named data sets;
- :mod:`.theme` -- the registered theme, shared scales, actor names;
- :mod:`.heatmaps` -- the state x partner heat map, side by side, by period;
- :mod:`.region` -- the map, the event timeline and the membership timeline (lesson 00);
- :mod:`.theories` -- capability, threat, instability, regime, sweep, identity, levels (lessons 01–05);
- :mod:`.karabakh` -- stability index, indicators, tipping years, secession cases (lessons 06–07);
- :mod:`.comparison` -- the theories side by side, divergence, agreement (lessons 05 and 08).

Charts that a widget redraws read named data sets; each has a companion
``<chart>_datasets(...)`` that gives their rows by name.
"""

from alliances.charts.comparison import (
    BASELINE_LABEL,
    CHANCE,
    CHANCE_LABEL,
    DIVERGENCE_COLUMNS,
    agreement_chart,
    agreement_over_time_chart,
    agreement_over_time_datasets,
    agreement_values_chart,
    divergence_chart,
    divergence_datasets,
    robustness_chart,
    theories_side_by_side,
    theories_side_by_side_datasets,
)
from alliances.charts.heatmaps import (
    SCORE_CAPTION,
    heatmap_records,
    observed_by_period,
    side_by_side,
    side_by_side_datasets,
    stance_heatmap,
)
from alliances.charts.karabakh import (
    EXPLAINED_COLORS,
    INDICATOR_LABELS,
    STABILISER_COLORS,
    STABILISER_LABELS,
    indicator_panels,
    secession_chart,
    secession_datasets,
    stability_chart,
    stability_datasets,
    tipping_histogram,
)
from alliances.charts.region import (
    EVENT_FAMILIES,
    MAP_FOCUS,
    MAP_SEA_BOX,
    MAP_VIEW,
    MEMBERSHIP_COLORS,
    event_family,
    membership_timeline,
    region_map,
    timeline,
)
from alliances.charts.render import (
    RENDERER_NAME,
    SVG_MIME,
    TEXT_MIME,
    VEGALITE_MIME,
    enable_offline_rendering,
    records,
    render_bundle,
)
from alliances.charts.theme import (
    ACTOR_NAMES,
    CATEGORY_COLORS,
    SCORE_DOMAIN,
    SCORE_SCHEME,
    STANCE_COLORS,
    STANCES,
    THEME_NAME,
    actor_name,
    score_scale,
    stance_scale,
)
from alliances.charts.theories import (
    INSTABILITY_COLORS,
    PART_COLORS,
    POWER_ROLE_COLORS,
    POWER_ROLE_LABELS,
    THREAT_COMPONENT_COLORS,
    capability_shares_chart,
    identity_matrix_chart,
    instability_chart,
    levels_chart,
    regime_chart,
    threat_components_chart,
    weight_sweep_chart,
)

__all__ = [
    "ACTOR_NAMES", "BASELINE_LABEL", "CATEGORY_COLORS", "CHANCE", "CHANCE_LABEL", "DIVERGENCE_COLUMNS",
    "EVENT_FAMILIES", "EXPLAINED_COLORS", "INDICATOR_LABELS", "INSTABILITY_COLORS", "MAP_FOCUS", "MAP_SEA_BOX",
    "MAP_VIEW", "MEMBERSHIP_COLORS", "PART_COLORS", "POWER_ROLE_COLORS", "POWER_ROLE_LABELS", "RENDERER_NAME",
    "SCORE_CAPTION", "SCORE_DOMAIN", "SCORE_SCHEME", "STABILISER_COLORS", "STABILISER_LABELS", "STANCES",
    "STANCE_COLORS", "SVG_MIME", "TEXT_MIME", "THEME_NAME", "THREAT_COMPONENT_COLORS", "VEGALITE_MIME", "actor_name",
    "agreement_chart", "agreement_over_time_chart", "agreement_over_time_datasets", "agreement_values_chart",
    "capability_shares_chart", "divergence_chart", "divergence_datasets", "enable_offline_rendering", "event_family",
    "heatmap_records", "identity_matrix_chart", "indicator_panels", "instability_chart", "levels_chart",
    "membership_timeline", "observed_by_period", "records", "regime_chart", "region_map",
    "render_bundle", "robustness_chart", "score_scale", "secession_chart", "secession_datasets", "side_by_side", "side_by_side_datasets",
    "stability_chart", "stability_datasets", "stance_heatmap", "stance_scale", "theories_side_by_side",
    "theories_side_by_side_datasets", "threat_components_chart", "timeline", "tipping_histogram",
    "weight_sweep_chart",
]
