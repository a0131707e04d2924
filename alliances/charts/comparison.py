"""The theories side by side (lessons 05 and 08): heat maps, divergence, agreement, over time, over a grid.

* :func:`theories_side_by_side` -- one heat map per theory plus the observed one; a black
  outline marks each cell whose stance differs from the observed stance;
* :func:`divergence_chart` -- :func:`alliances.analysis.divergence`;
* :func:`agreement_chart` -- :func:`alliances.analysis.agreement`;
* :func:`agreement_over_time_chart` -- :func:`alliances.analysis.agreement_over_time`, one
  colour, dash and point shape per theory from :data:`alliances.theories.registry.REGISTRY`;
* :func:`agreement_values_chart` -- :func:`alliances.analysis.agreement_grid`;
* :func:`robustness_chart` -- :func:`alliances.analysis.robustness.claims_table`: how much of a
  theory's parameter space, and how many periods and single years, each claim holds in.

The first three of these that lesson 08's dashboard redraws read named data sets, given by
:func:`theories_side_by_side_datasets`, :func:`divergence_datasets` and
:func:`agreement_over_time_datasets`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from alliances.charts.heatmaps import axis_orders, check_frame, heatmap_panel, heatmap_records, panel_grid
from alliances.charts.render import Rows, named_data, records, require_columns, with_datasets
from alliances.charts.theme import CELL, MUTED, category_order, panel_title, title_params
from alliances.palette import BLACK, BLUE, GREY, LIGHT_GREY, SKY_BLUE, VERMILLION
from alliances.theories.registry import SHORT_TITLES, spec

#: What a blind guess among three stances gets right.
CHANCE = 1 / 3
CHANCE_LABEL = "a blind guess among three stances"
BASELINE_LABEL = "no theory: every pair 'hedge'"


# --------------------------------------------------------------------------
# Every theory's heat map
# --------------------------------------------------------------------------

def _prediction_name(k: int) -> str:
    return f"prediction-{k}"


def theories_side_by_side_datasets(predictions: Mapping[str, pd.DataFrame], observed: pd.DataFrame) -> dict[str, Rows]:
    """The rows :func:`theories_side_by_side` draws, by data-set name.

    ``prediction-<k>`` for the k-th entry of ``predictions`` (in its order) and ``observed``.
    Each row carries a ``pair`` key, by which a theory's panel looks up the observed stance.
    """
    if not predictions:
        raise ValueError("theories_side_by_side needs at least one prediction")
    for label, frame in predictions.items():
        check_frame(frame, f"prediction {label!r}")
    check_frame(observed, "observed")
    data = {_prediction_name(k): heatmap_records(frame, keyed=True) for k, frame in enumerate(predictions.values())}
    return {**data, "observed": heatmap_records(observed, keyed=True)}


def _mismatch_outline(k: int, states: Sequence[str], partners: Sequence[str]) -> alt.Chart:
    """Black outlines on the cells of prediction ``k`` whose stance differs from the observed one.

    Vega looks each cell's observed stance up in the ``observed`` data set, so the outline
    needs no data of its own; uncoded pairs ("unknown") are never outlined.
    """
    observed = alt.LookupData(data=named_data("observed"), key="pair", fields=["stance"])
    return (alt.Chart(named_data(_prediction_name(k)))
            .transform_lookup(lookup="pair", from_=observed, as_=["observed"])
            .transform_filter("isValid(datum.observed) && datum.observed != 'unknown' "
                              "&& datum.stance != datum.observed")
            .mark_rect(filled=False, stroke="black", strokeWidth=2.5)
            .encode(x=alt.X("partner:N", sort=list(partners)), y=alt.Y("state:N", sort=list(states)),
                    tooltip=[alt.Tooltip("state:N", title="state"), alt.Tooltip("partner:N", title="partner"),
                             alt.Tooltip("stance:N", title="predicted stance"),
                             alt.Tooltip("observed:N", title="observed stance")])
            .properties(name=f"mismatch_{k}"))


def theories_side_by_side(
    predictions: Mapping[str, pd.DataFrame],
    observed: pd.DataFrame,
    title: str = "The theories side by side",
    caption: str = "",
    *,
    columns: int = 3,
    observed_label: str = "What the states did (observed)",
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
) -> alt.ConcatChart:
    """One heat-map panel per theory, plus the observed alignment, on one colour scale.

    ``predictions`` maps a panel label to a prediction frame (:func:`stance_heatmap` shape),
    e.g. :func:`alliances.analysis.by_theory`; ``observed`` is ``observed(world)``. In every
    theory panel a black outline marks each cell whose stance differs from the observed
    stance, so the misses are visible without hovering. The observed panel comes last; panels
    are laid out ``columns`` to a row, with one row and column order throughout. Tooltips give
    each cell's reason. Reads the named data sets of :func:`theories_side_by_side_datasets`.
    """
    data = theories_side_by_side_datasets(predictions, observed)
    states, partners = axis_orders([*predictions.values(), observed], states, partners)
    panels = [heatmap_panel(named_data(_prediction_name(k)), states, partners, title=panel_title(label),
                            extra=[_mismatch_outline(k, states, partners)])
              for k, label in enumerate(predictions)]
    panels.append(heatmap_panel(named_data("observed"), states, partners,
                                title=panel_title(observed_label, fontWeight="bold")))
    return panel_grid(panels, columns, title, caption, data)


# --------------------------------------------------------------------------
# Divergence and agreement
# --------------------------------------------------------------------------

#: Columns of :func:`alliances.analysis.divergence` that :func:`divergence_chart` draws.
DIVERGENCE_COLUMNS: tuple[str, ...] = ("state", "partner", "observed", "matches", "theories", "distinct", "right",
                                       "wrong", "stances", "reason")


def divergence_datasets(divergence: pd.DataFrame) -> dict[str, Rows]:
    """The rows :func:`divergence_chart` draws, under the name ``divergence`` (``label`` = "k/n" added)."""
    require_columns(divergence, DIVERGENCE_COLUMNS, "divergence")
    rows = records(divergence, DIVERGENCE_COLUMNS)
    for row in rows:
        row["matches"], row["theories"], row["distinct"] = int(row["matches"]), int(row["theories"]), int(row["distinct"])
        row["label"] = f"{row['matches']}/{row['theories']}"
    return {"divergence": rows}


def divergence_chart(
    divergence: pd.DataFrame,
    title: str = "Where the theories diverge",
    caption: str = "",
    *,
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
) -> alt.HConcatChart:
    """Two heat maps of an :func:`alliances.analysis.divergence` frame.

    Left: how many theories predict the observed stance of each (state, partner) pair
    (sequential *viridis*, colour-blind safe; text "k/n"). Right: how many different stances
    the theories predict (1 = they all agree; sequential *greys*). Tooltips: the observed
    stance and its reason, which theories are right and which wrong, and every theory's
    stance. Reads the named data set of :func:`divergence_datasets`.
    """
    data = divergence_datasets(divergence)
    n = int(divergence["theories"].max()) if len(divergence) else 0
    states = list(states) if states is not None else category_order(divergence["state"])
    partners = list(partners) if partners is not None else category_order(divergence["partner"])
    tooltip = [alt.Tooltip("state:N", title="state"), alt.Tooltip("partner:N", title="partner"),
               alt.Tooltip("observed:N", title="observed stance"),
               alt.Tooltip("matches:Q", title="theories that match"),
               alt.Tooltip("right:N", title="right"), alt.Tooltip("wrong:N", title="wrong"),
               alt.Tooltip("stances:N", title="predicted stances"), alt.Tooltip("reason:N", title="observed coding")]
    base = alt.Chart(named_data("divergence")).encode(
        x=alt.X("partner:N", sort=partners, title="partner", axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("state:N", sort=states, title="state"), tooltip=tooltip)
    size = {"width": CELL * max(len(partners), 1), "height": CELL * max(len(states), 1)}
    match = alt.layer(
        base.mark_rect(stroke="white", strokeWidth=1).encode(color=alt.Color(
            "matches:Q", title="theories that match", scale=alt.Scale(scheme="viridis", domain=[0, max(n, 1)]),
            legend=alt.Legend(values=list(range(n + 1)), format="d", gradientLength=CELL * 3))),
        base.mark_text(fontSize=11).encode(
            text="label:N", color=alt.condition(f"datum.matches < {n / 2}", alt.value("white"), alt.value("black"))),
    ).properties(**size, title=panel_title("How many theories match what happened"))
    spread = alt.layer(
        base.mark_rect(stroke="white", strokeWidth=1).encode(color=alt.Color(
            "distinct:Q", title="different stances predicted", scale=alt.Scale(scheme="greys", domain=[1, 3]),
            legend=alt.Legend(values=[1, 2, 3], format="d", gradientLength=CELL * 3))),
        base.mark_text(fontSize=11).encode(
            text="observed:N", color=alt.condition("datum.distinct >= 3", alt.value("white"), alt.value("black"))),
    ).properties(**size, title=panel_title("How much the theories disagree (text: observed stance)"))
    chart = alt.hconcat(match, spread, spacing=40).resolve_scale(color="independent").properties(
        title=title_params(title, caption))
    return with_datasets(chart, data)


def _chance_rule(orient: str, dash: list[int], colour: str, what: str) -> alt.Chart:
    rule = pd.DataFrame({"at": [CHANCE], "what": [CHANCE_LABEL]})
    return alt.Chart(rule).mark_rule(strokeDash=dash, color=colour).encode(
        **{orient: "at:Q"}, tooltip=[alt.Tooltip("what:N", title=what)])


def agreement_chart(
    table: pd.DataFrame,
    title: str = "Agreement with what happened",
    caption: str = "",
    *,
    label: str = "title",
) -> alt.LayerChart:
    """Horizontal bars of each theory's stance agreement (share of pairs right, 0-1).

    ``table`` is :func:`alliances.analysis.agreement` (or any frame with ``label`` and
    ``stance_agreement`` columns; ``pairs`` and ``score_correlation`` appear in the tooltip if
    present). Bars in the table's order; a dashed rule marks one third, the agreement of a
    blind guess among three stances.
    """
    require_columns(table, (label, "stance_agreement"), "table")
    data = table.copy()
    data[label] = data[label].astype(str)
    extra = [alt.Tooltip(f"{c}:Q", title=c.replace("_", " "), format=f)
             for c, f in (("pairs", "d"), ("score_correlation", "+.2f")) if c in data.columns]
    bars = alt.Chart(data).mark_bar(color=BLUE).encode(
        x=alt.X("stance_agreement:Q", title="share of (state, partner) stances right",
                scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")),
        y=alt.Y(f"{label}:N", sort=list(data[label]), title=None, axis=alt.Axis(labelLimit=320)),
        tooltip=[alt.Tooltip(f"{label}:N", title="theory"),
                 alt.Tooltip("stance_agreement:Q", title="stance agreement", format=".0%"), *extra])
    text = bars.mark_text(align="left", dx=4, color="black").encode(text=alt.Text("stance_agreement:Q", format=".0%"))
    return alt.layer(bars, text, _chance_rule("x", [4, 3], MUTED, "dashed line")).properties(
        width=360, height=24 * max(len(data), 1), title=title_params(title, caption))


# --------------------------------------------------------------------------
# Agreement over time
# --------------------------------------------------------------------------

def agreement_over_time_datasets(
    table: pd.DataFrame,
    names: Mapping[str, str] | None = None,
    highlight: Sequence[str] = (),
    baseline: pd.DataFrame | None = None,
) -> dict[str, Rows]:
    """The rows :func:`agreement_over_time_chart` draws, by data-set name.

    ``agreement`` (one row per theory × when, with the legend ``label``),
    ``agreement_highlight`` (the shaded ``when`` values) and ``agreement_baseline``.
    """
    require_columns(table, ("when", "theory", "stance_agreement"), "table")
    labels = {**SHORT_TITLES, **(names or {})}
    cols = [c for c in ("when", "theory", "stance_agreement", "pairs") if c in table.columns]
    rows = records(table, cols)
    for row in rows:
        row["when"], row["theory"] = str(row["when"]), str(row["theory"])
        row["label"] = labels.get(row["theory"], row["theory"])
        if row.get("pairs") is not None:
            row["pairs"] = int(row["pairs"])
    base = [] if baseline is None else [
        {"when": str(r["when"]), "stance_agreement": r["stance_agreement"], "label": BASELINE_LABEL}
        for r in records(baseline, ["when", "stance_agreement"])]
    return {"agreement": rows, "agreement_highlight": [{"when": str(h)} for h in highlight],
            "agreement_baseline": base}


def _theory_encodings(theories: Sequence[str], labels: Sequence[str],
                      extra: Sequence[tuple[str, str, list[int], str]] = ()) -> tuple[alt.Color, alt.StrokeDash, alt.Shape]:
    """Colour, dash and point shape of each theory, from its registry entry; ``extra`` adds
    (label, colour, dash, shape) entries after them (the no-theory baseline)."""
    entries = [(e.color, list(e.dash), e.marker) for e in map(spec, theories)] + [x[1:] for x in extra]
    labels = [*labels, *(x[0] for x in extra)]
    colours, dashes, markers = (list(col) for col in zip(*entries))
    return (alt.Color("label:N", title="theory", sort=labels, legend=alt.Legend(labelLimit=260),
                      scale=alt.Scale(domain=labels, range=colours)),
            alt.StrokeDash("label:N", sort=labels, legend=None, scale=alt.Scale(domain=labels, range=dashes)),
            alt.Shape("label:N", sort=labels, legend=None, scale=alt.Scale(domain=labels, range=markers)))


def agreement_over_time_chart(
    table: pd.DataFrame,
    title: str = "Agreement with what happened, over time",
    caption: str = "",
    *,
    names: Mapping[str, str] | None = None,
    order: Sequence[str] | None = None,
    highlight: Sequence[str] = (),
    baseline: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Each theory's stance agreement with the observed alignment, period by period or year by year.

    ``table`` is :func:`alliances.analysis.agreement_over_time` (columns ``when``, ``theory``,
    ``stance_agreement``; ``pairs`` in the tooltip if present). ``names`` maps a theory to its
    legend label (default: the registry's short titles); ``order`` is the x-axis order
    (default: first appearance). ``highlight`` shades some ``when`` values (the dashboard's
    current period). ``baseline`` (columns ``when``, ``stance_agreement``) is drawn as a black
    dashed line with hollow circles, on top of the theories and with its own legend entry: a
    prediction with no theory at all. Where a theory scores exactly the baseline, the theory's
    colour shows in the gaps of the dashes and its point inside the ring. A dotted rule marks one third, a blind guess among three stances. Each theory has
    the colour, dash and point shape of its registry entry, so lines stay apart in greyscale.
    Reads the named data sets of :func:`agreement_over_time_datasets`.
    """
    data = agreement_over_time_datasets(table, names, highlight, baseline)
    rows = data["agreement"]
    order = [str(o) for o in order] if order is not None else list(dict.fromkeys(r["when"] for r in rows))
    theories = list(dict.fromkeys(r["theory"] for r in rows))
    labels = list(dict.fromkeys(r["label"] for r in rows))
    many = len(order) > 8
    x = alt.X("when:O", sort=order, title="year" if many else "period", axis=alt.Axis(labelAngle=-90 if many else 0))
    y = alt.Y("stance_agreement:Q", title="share of (state, partner) stances right",
              scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"))
    tooltip = [alt.Tooltip("label:N", title="theory"), alt.Tooltip("when:N", title="when"),
               alt.Tooltip("stance_agreement:Q", title="stance agreement", format=".0%")]
    if "pairs" in table.columns:
        tooltip.append(alt.Tooltip("pairs:Q", title="pairs compared", format="d"))
    extra = [] if baseline is None else [(BASELINE_LABEL, BLACK, [5, 4], "circle")]
    color, dash, shape = _theory_encodings(theories, labels, extra)
    shade = alt.Chart(named_data("agreement_highlight")).mark_rect(color=LIGHT_GREY).encode(
        x=alt.X("when:O", sort=order))
    theory_rows = alt.Chart(named_data("agreement"))
    lines = theory_rows.mark_line(strokeWidth=2).encode(x=x, y=y, color=color, strokeDash=dash, tooltip=tooltip)
    points = theory_rows.mark_point(filled=True, size=50).encode(x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    base_tooltip = [alt.Tooltip("label:N", title="baseline"), alt.Tooltip("when:N", title="when"),
                    alt.Tooltip("stance_agreement:Q", title="stance agreement", format=".0%")]
    base_rows = alt.Chart(named_data("agreement_baseline"))
    base_line = base_rows.mark_line(strokeWidth=2).encode(x=x, y=y, color=color, strokeDash=dash, tooltip=base_tooltip)
    base_points = base_rows.mark_point(filled=False, size=110, strokeWidth=1.5, opacity=1).encode(
        x=x, y=y, color=color, shape=shape, tooltip=base_tooltip)
    chance = _chance_rule("y", [2, 2], GREY, "dotted line")
    width = max(360, 18 * len(order)) if many else 420
    chart = alt.layer(shade, chance, lines, points, base_line, base_points).properties(
        width=width, height=260, title=title_params(title, caption))
    return with_datasets(chart, data)


# --------------------------------------------------------------------------
# Agreement over a parameter grid
# --------------------------------------------------------------------------

def agreement_values_chart(
    grid: pd.DataFrame,
    title: str = "How many parameter settings give each agreement",
    caption: str = "",
    *,
    default: float | None = None,
) -> alt.LayerChart:
    """Bars: how many settings of a parameter grid reach each stance-agreement value.

    ``grid`` has one row per setting and a ``stance_agreement`` column (e.g.
    :func:`alliances.analysis.agreement_grid`). ``default`` marks the agreement of the
    default parameters with a vertical rule. The text above each bar is its count.
    """
    require_columns(grid, ("stance_agreement",), "grid")
    counts = (grid["stance_agreement"].round(6).value_counts().rename_axis("stance_agreement")
              .reset_index(name="settings").sort_values("stance_agreement"))
    counts["share"] = counts["settings"] / max(len(grid), 1)
    x = alt.X("stance_agreement:Q", title="share of (state, partner) stances right",
              scale=alt.Scale(domain=[0, 1], nice=False, padding=0), axis=alt.Axis(format="%"))
    bars = alt.Chart(counts).mark_bar(color=SKY_BLUE, width=8).encode(
        x=x, y=alt.Y("settings:Q", title="parameter settings"),
        tooltip=[alt.Tooltip("stance_agreement:Q", title="stance agreement", format=".1%"),
                 alt.Tooltip("settings:Q", title="settings", format="d"),
                 alt.Tooltip("share:Q", title="share of the grid", format=".1%")])
    text = bars.mark_text(dy=-6, fontSize=10, color="black").encode(text=alt.Text("settings:Q", format="d"))
    layers = [bars, text]
    if default is not None:
        layers.append(alt.Chart(pd.DataFrame({"x": [float(default)], "what": ["default parameters"]}))
                      .mark_rule(color=VERMILLION, strokeWidth=2, strokeDash=[5, 3])
                      .encode(x="x:Q", tooltip=[alt.Tooltip("what:N", title="dashed line"),
                                                alt.Tooltip("x:Q", title="agreement", format=".1%")]))
    return alt.layer(*layers).properties(width=420, height=220, title=title_params(title, caption))


# --------------------------------------------------------------------------
# How robust each claim is
# --------------------------------------------------------------------------

#: The three shares :func:`robustness_chart` draws: column of a claims table -> legend label.
ROBUSTNESS_SHARES: Mapping[str, str] = {
    "share_of_parameter_space": "of the parameter space",
    "share_of_periods": "of the periods",
    "share_of_years": "of single years",
}


def robustness_records(table: pd.DataFrame, width: int = 58) -> pd.DataFrame:
    """Long rows for :func:`robustness_chart`: one per claim and share, the claim wrapped.

    ``claim_label`` starts with "holds at the defaults" or "fails at the defaults" and wraps
    the claim's text into lines of at most ``width`` characters, joined by ``|`` (the chart
    splits them into lines).
    """
    require_columns(table, ("claim", "holds_at_default", *ROBUSTNESS_SHARES), "table")
    labels = [("holds" if held else "FAILS") + " at the defaults: " + text
              for text, held in zip(table["claim"], table["holds_at_default"])]
    wrapped = ["|".join(textwrap.wrap(label, width)) for label in labels]
    long = table.assign(claim_label=wrapped).melt(
        id_vars=["claim_label"], value_vars=list(ROBUSTNESS_SHARES), var_name="measure", value_name="share")
    long["measure"] = long["measure"].map(ROBUSTNESS_SHARES)
    return long


def robustness_chart(
    table: pd.DataFrame,
    title: str = "How robust is each claim?",
    caption: str = "",
) -> alt.LayerChart:
    """Dot plot: for each claim, the share of the theory's parameter space, of the periods and
    of single years in which it holds (0-100 %).

    ``table`` is :func:`alliances.analysis.robustness.claims_table` (one row per claim). Each
    claim's label says whether it holds at the default parameters. A claim whose dots sit far
    left holds on a knife edge, whatever it does at the defaults.
    """
    data = robustness_records(table)
    order = list(dict.fromkeys(data["claim_label"]))
    lines = max((label.count("|") + 1 for label in order), default=1)
    measures = list(ROBUSTNESS_SHARES.values())
    y = alt.Y("claim_label:N", sort=order, title=None,
              axis=alt.Axis(labelExpr="split(datum.label, '|')", labelLimit=420, labelPadding=8))
    guide = alt.Chart(data).mark_rule(color=LIGHT_GREY).encode(
        y=y, x=alt.value(0), x2=alt.value(360))
    dots = alt.Chart(data).mark_point(filled=True, size=110, opacity=0.9).encode(
        x=alt.X("share:Q", title="share in which the claim holds", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1])),
        y=y,
        color=alt.Color("measure:N", sort=measures, title=None,
                        scale=alt.Scale(domain=measures, range=[BLUE, VERMILLION, SKY_BLUE]),
                        legend=alt.Legend(orient="top")),
        shape=alt.Shape("measure:N", sort=measures, title=None,
                        scale=alt.Scale(domain=measures, range=["circle", "diamond", "square"])),
        tooltip=[alt.Tooltip("claim_label:N", title="claim"), alt.Tooltip("measure:N", title="share"),
                 alt.Tooltip("share:Q", title="holds in", format=".0%")])
    return alt.layer(guide, dots).properties(
        width=360, height=max(1, len(order)) * 16 * (lines + 1), title=title_params(title, caption))


__all__ = ["BASELINE_LABEL", "CHANCE", "CHANCE_LABEL", "DIVERGENCE_COLUMNS", "ROBUSTNESS_SHARES", "agreement_chart",
           "agreement_over_time_chart", "agreement_over_time_datasets", "agreement_values_chart", "divergence_chart",
           "divergence_datasets", "robustness_chart", "robustness_records", "theories_side_by_side",
           "theories_side_by_side_datasets"]
