"""The Karabakh arc's charts (lessons 06–07): stability index, indicators, tipping years, secession cases.

:func:`stability_chart` and :func:`secession_chart` read *named* data sets, so a widget builds
each once and swaps in new rows: :func:`stability_datasets` and :func:`secession_datasets`
give the rows under the names the charts use.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from alliances.charts.render import Rows, json_value, named_data, records, require_columns, with_datasets
from alliances.charts.theme import INK, MUTED, panel_title, title_params
from alliances.karabakh import STABILISERS
from alliances.palette import BLACK, BLUE, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, VERMILLION
from alliances.secession import FACTORS, OUTCOME_LABELS

#: Okabe–Ito colours for Babayev's three stabilisers; the index itself is black.
STABILISER_COLORS: dict[str, str] = {"offence_defence": ORANGE, "regional_balance": SKY_BLUE,
                                     "inertia": BLUISH_GREEN, "index": BLACK}
STABILISER_LABELS: dict[str, str] = {
    "offence_defence": "1 offence-defence balance",
    "regional_balance": "2 regional balance, Russia as stabiliser",
    "inertia": "3 inertia ('no war, no peace')",
    "index": "stability index (weighted mean)",
}
#: The seven yearly indicators (grouped by stabiliser in :data:`alliances.karabakh.STABILISERS`).
INDICATOR_LABELS: dict[str, str] = {
    "spending": "spending ratio AZE/ARM (SIPRI)", "drones": "Azerbaijan's drone imports (SIPRI)",
    "turkey_rise": "Turkey's military spending (SIPRI)", "turkey_alliance": "Turkey-Azerbaijan alliance steps",
    "russia_commitment": "Russia's commitment to Armenia", "habituation": "years since the last war",
    "domestic_shocks": "2018 change of power, 2019 rhetoric",
}
_INDICATOR_COLORS = (ORANGE, VERMILLION, SKY_BLUE, BLUE, REDDISH_PURPLE,
                     BLUISH_GREEN, BLACK)
EXPLAINED_COLORS: dict[str, str] = {"explained": BLUE, "not explained": VERMILLION}
_PALE_BLUE = "#9ecae1"


# --------------------------------------------------------------------------
# Lesson 06: the stability index
# --------------------------------------------------------------------------

def stability_datasets(frame: pd.DataFrame, threshold: float, tipping_year: int | None = None) -> dict[str, Rows]:
    """The rows :func:`stability_chart` draws, by data-set name (``stability``, ``stability_marks``).

    ``frame`` is :func:`alliances.karabakh.stability` (columns ``year``, the three stabilisers,
    ``index``, ``tipped``).
    """
    require_columns(frame, ["year", *STABILISER_LABELS, "tipped"])
    long = frame.melt(id_vars=["year", "tipped"], value_vars=list(STABILISER_LABELS), var_name="series",
                      value_name="value")
    long["label"] = long["series"].map(STABILISER_LABELS)
    long["year"] = long["year"].astype(int)
    long["tipped"] = long["tipped"].astype(bool) & (long["series"] == "index")
    marks: Rows = [{"what": "threshold", "year": None, "value": float(threshold), "label": f"threshold {threshold:.2f}"}]
    if tipping_year is not None:
        marks.append({"what": "tipping", "year": int(tipping_year), "value": None,
                      "label": f"tips in {int(tipping_year)}"})
    return {"stability": records(long, ["year", "series", "label", "value", "tipped"]), "stability_marks": marks}


def _event_layers(events: pd.DataFrame, x: alt.X) -> tuple[alt.Chart, alt.Chart]:
    """Grey rules at the wars and staggered labels (so labels never overlap)."""
    ev = events[["year", "label", "date", "event"]].reset_index(drop=True)
    ev["dy"] = [2 + 13 * (i % 3) for i in range(len(ev))]
    base = alt.Chart(ev).encode(x=x, tooltip=[alt.Tooltip("date:N", title="date"), alt.Tooltip("event:N", title="event")])
    return (base.mark_rule(color=MUTED, strokeDash=[2, 2], strokeWidth=1.5),
            base.mark_text(align="right", dx=-3, baseline="top", fontSize=10, color=INK).encode(
                y=alt.Y("dy:Q", scale=None), text="label:N"))


def stability_chart(
    frame: pd.DataFrame,
    threshold: float,
    tipping_year: int | None = None,
    title: str = "The 'no war, no peace' equilibrium, 1994-2024",
    caption: str = "",
    *,
    events: pd.DataFrame | None = None,
    width: int = 620,
    height: int = 300,
) -> alt.LayerChart:
    """Babayev's three stabilisers and the weighted stability index by year.

    Thin coloured lines: the stabilisers (0 destabilising ... 1 stabilising, Okabe–Ito); thick
    black line: the index; dashed horizontal rule: ``threshold``; shaded years: the index is
    below it; a vermillion rule: ``tipping_year`` (e.g. :func:`alliances.karabakh.tipping_of`).
    ``events`` (:func:`alliances.karabakh.war_markers`: ``year``, ``label``, ``date``,
    ``event``) adds grey rules with labels. Tooltips give every value. Reads the named data
    sets of :func:`stability_datasets`.
    """
    data = stability_datasets(frame, threshold, tipping_year)
    first, last = int(frame["year"].min()), int(frame["year"].max())
    x_scale = alt.Scale(domain=[first - 0.5, last + 0.5], nice=False)
    x = alt.X("year:Q", scale=x_scale, title="year", axis=alt.Axis(format="d", tickMinStep=2))
    y_scale = alt.Scale(domain=[0, 1.12], nice=False)
    y_axis = alt.Axis(values=[0, 0.25, 0.5, 0.75, 1], format=".2f", title="0 destabilising ... 1 stabilising")
    labels = list(STABILISER_LABELS.values())
    colour = alt.Color("label:N", title=None, sort=labels,
                       scale=alt.Scale(domain=labels, range=[STABILISER_COLORS[k] for k in STABILISER_LABELS]),
                       legend=alt.Legend(orient="bottom", columns=2, labelLimit=320))
    tooltip = [alt.Tooltip("year:Q", title="year", format="d"), alt.Tooltip("label:N", title="series"),
               alt.Tooltip("value:Q", title="value", format=".2f")]
    rows = alt.Chart(named_data("stability"))
    shade = rows.transform_filter("datum.tipped").transform_calculate(
        lo="datum.year - 0.5", hi="datum.year + 0.5").mark_rect(color=VERMILLION, opacity=0.10).encode(
        x=alt.X("lo:Q", scale=x_scale), x2="hi:Q", y=alt.value(0), y2=alt.value(height),
        tooltip=[alt.Tooltip("year:Q", title="index below threshold in", format="d")])
    parts = rows.transform_filter("datum.series != 'index'").mark_line(
        strokeWidth=2, point=alt.OverlayMarkDef(size=18)).encode(
        x=x, y=alt.Y("value:Q", scale=y_scale, axis=y_axis), color=colour, tooltip=tooltip)
    index = rows.transform_filter("datum.series == 'index'").mark_line(
        strokeWidth=4, point=alt.OverlayMarkDef(size=40)).encode(
        x=x, y=alt.Y("value:Q", scale=y_scale), color=colour, tooltip=tooltip)
    marks = alt.Chart(named_data("stability_marks"))
    thresh = marks.transform_filter("datum.what == 'threshold'").mark_rule(
        color=MUTED, strokeDash=[6, 4], strokeWidth=1.5).encode(
        y=alt.Y("value:Q", scale=y_scale), tooltip=[alt.Tooltip("label:N", title="rule")])
    tip = marks.transform_filter("datum.what == 'tipping'")
    tip_rule = tip.mark_rule(color=VERMILLION, strokeWidth=3).encode(
        x=x, tooltip=[alt.Tooltip("label:N", title="the model")])
    tip_text = tip.mark_text(align="left", dx=4, dy=8, baseline="top", color=VERMILLION, fontWeight="bold",
                             fontSize=11).encode(x=x, y=alt.value(height - 38), text="label:N")
    layers: list[alt.Chart] = [shade, thresh, parts, index, tip_rule, tip_text]
    if events is not None and len(events):
        rules, texts = _event_layers(events, x)
        layers = [rules, *layers, texts]
    chart = alt.layer(*layers).properties(width=width, height=height, title=title_params(title, caption))
    return with_datasets(chart, data)


def indicator_panels(
    frame: pd.DataFrame,
    title: str = "Seven yearly indicators behind the three stabilisers",
    caption: str = "",
    *,
    width: int = 220,
    height: int = 170,
) -> alt.HConcatChart:
    """One panel per stabiliser with its indicators (0-1, 1 = stabilising) by year.

    ``frame`` is :func:`alliances.karabakh.stability`; the indicators of each stabiliser are
    :data:`alliances.karabakh.STABILISERS`. Colours: Okabe–Ito, one per indicator; missing
    years (no data) are gaps. Tooltips: year, indicator, value.
    """
    missing = [c for cols in STABILISERS.values() for c in cols if c not in frame.columns]
    if missing:
        raise ValueError(f"frame lacks indicator columns {missing}")
    names = list(INDICATOR_LABELS.values())
    colour = alt.Color("indicator:N", title=None, sort=names, scale=alt.Scale(domain=names, range=list(_INDICATOR_COLORS)),
                       legend=alt.Legend(orient="bottom", columns=3, labelLimit=320))
    panels = []
    for n, (stabiliser, cols) in enumerate(STABILISERS.items()):
        long = frame.melt(id_vars=["year"], value_vars=list(cols), var_name="key", value_name="value")
        long["indicator"] = long["key"].map(INDICATOR_LABELS)
        long["year"] = long["year"].astype(int)
        panels.append(alt.Chart(long).mark_line(strokeWidth=2, point=alt.OverlayMarkDef(size=14)).encode(
            x=alt.X("year:Q", title="year", axis=alt.Axis(format="d", tickCount=4)),
            y=alt.Y("value:Q", scale=alt.Scale(domain=[0, 1]),
                    title="1 stabilising ... 0 destabilising" if n == 0 else None),
            color=colour, strokeDash=alt.StrokeDash("indicator:N", sort=names, legend=None),
            tooltip=[alt.Tooltip("year:Q", format="d"), alt.Tooltip("indicator:N"), alt.Tooltip("value:Q", format=".2f")],
        ).properties(width=width, height=height, title=panel_title(STABILISER_LABELS[stabiliser])))
    return alt.hconcat(*panels, spacing=14).resolve_scale(color="shared", strokeDash="independent").properties(
        title=title_params(title, caption))


#: Columns of :func:`alliances.karabakh.sensitivity`.
SENSITIVITY_COLUMNS: tuple[str, ...] = ("w_offence_defence", "w_regional", "w_inertia", "tipping_year")


def _tipping_counts(data: pd.DataFrame, highlight: int | None, wars: Sequence[int]) -> tuple[pd.DataFrame, list[str]]:
    """How many weight triples tip in each year (or never), in year order with "never" last."""
    counts = data.groupby("when").agg(
        triples=("when", "size"), od=("w_offence_defence", "mean"), rb=("w_regional", "mean"),
        inert=("w_inertia", "mean")).reset_index()
    counts["share"] = counts["triples"] / max(len(data), 1)
    order = sorted([w for w in counts["when"] if w != "never"], key=int) + (
        ["never"] if "never" in set(counts["when"]) else [])
    counts["kind"] = counts["when"].map(
        lambda w: "the default weights" if highlight is not None and w == str(highlight) else "other weightings")
    counts["war"] = counts["when"].isin([str(y) for y in wars])
    return counts, order


def tipping_histogram(
    sensitivity: pd.DataFrame,
    highlight: int | None = None,
    title: str = "When does the equilibrium tip? Every weighting on a grid",
    caption: str = "",
    *,
    wars: Sequence[int] = (2016, 2020),
) -> alt.HConcatChart:
    """Left: how many weight triples give each tipping year; right: the tipping year over the simplex.

    ``sensitivity`` is :func:`alliances.karabakh.sensitivity` (``w_offence_defence``,
    ``w_regional``, ``w_inertia`` summing to 1, ``tipping_year``, NA = never tips). The bar of
    ``highlight`` (e.g. the default's tipping year) is darker; bars of ``wars`` years are
    outlined. Right: x = offence-defence weight, y = inertia weight (regional = the rest),
    colour = tipping year (viridis, colour-blind safe). Tooltips give the weights.
    """
    require_columns(sensitivity, SENSITIVITY_COLUMNS, "sensitivity")
    data = sensitivity[list(SENSITIVITY_COLUMNS)].copy()
    data["when"] = data["tipping_year"].map(lambda y: "never" if pd.isna(y) else str(int(y)))
    counts, order = _tipping_counts(data, highlight, wars)
    bars = alt.Chart(counts).mark_bar().encode(
        x=alt.X("when:O", sort=order, title="tipping year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("triples:Q", title="weight triples"),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(
            domain=["the default weights", "other weightings"], range=[BLUE, _PALE_BLUE]),
            legend=alt.Legend(orient="bottom")),
        stroke=alt.condition("datum.war", alt.value(VERMILLION), alt.value(None)),
        strokeWidth=alt.value(2.5),
        tooltip=[alt.Tooltip("when:N", title="tipping year"), alt.Tooltip("triples:Q", title="weight triples"),
                 alt.Tooltip("share:Q", title="share of the grid", format=".0%"),
                 alt.Tooltip("od:Q", title="mean offence-defence weight", format=".2f"),
                 alt.Tooltip("rb:Q", title="mean regional weight", format=".2f"),
                 alt.Tooltip("inert:Q", title="mean inertia weight", format=".2f")])
    text = bars.mark_text(dy=-6, color="black").encode(text="triples:Q", color=alt.value("black"), stroke=alt.value(None))
    left = alt.layer(bars, text).properties(width=300, height=220, title=panel_title(
        "Tipping years over the grid (red outline: a war year)"))
    years = [int(y) for y in data["tipping_year"].dropna()]
    domain = [min(years), max(years)] if years else [1995, 2024]
    right = alt.Chart(data).mark_square(size=150).encode(
        x=alt.X("w_offence_defence:Q", title="weight of offence-defence", scale=alt.Scale(domain=[-0.05, 1.05])),
        y=alt.Y("w_inertia:Q", title="weight of inertia", scale=alt.Scale(domain=[-0.05, 1.05])),
        color=alt.Color("tipping_year:Q", title="tipping year", scale=alt.Scale(scheme="viridis", domain=domain),
                        legend=alt.Legend(format="d", orient="right")),
        tooltip=[alt.Tooltip("w_offence_defence:Q", title="offence-defence", format=".1f"),
                 alt.Tooltip("w_regional:Q", title="regional balance", format=".1f"),
                 alt.Tooltip("w_inertia:Q", title="inertia", format=".1f"),
                 alt.Tooltip("when:N", title="tipping year")],
    ).properties(width=220, height=220, title=panel_title("Which weights tip when (regional weight = 1 - the other two)"))
    return alt.hconcat(left, right, spacing=40).resolve_scale(color="independent").properties(
        title=title_params(title, caption))


# --------------------------------------------------------------------------
# Lesson 07: the secession cases
# --------------------------------------------------------------------------

#: Columns of :func:`alliances.secession.explained` that :func:`secession_chart` needs.
SECESSION_COLUMNS: tuple[str, ...] = ("case_id", "region", "outcome", "score", "observed", "predicted", "explained")


def secession_datasets(result: pd.DataFrame, partial_at: float, success_at: float) -> dict[str, Rows]:
    """The rows :func:`secession_chart` draws, by data-set name (``secession_cases``,
    ``secession_bands``, ``secession_cuts``). ``result`` is :func:`alliances.secession.explained`.
    """
    require_columns(result, SECESSION_COLUMNS, "result")
    rank = {o: i for i, o in enumerate(OUTCOME_LABELS)}
    factors = [f for f in FACTORS if f in result.columns]
    lo = {"failure": 0.0, "partial": partial_at, "success": success_at}
    hi = {"failure": partial_at, "partial": success_at, "success": 1.0}
    rows = sorted(result[[*SECESSION_COLUMNS, *factors]].to_dict("records"),  # plain Python: fast enough for a slider
                  key=lambda r: (rank.get(r["outcome"], len(rank)), str(r["region"])))
    cases, bands = [], []
    for order, r in enumerate(rows):
        label = OUTCOME_LABELS.get(r["outcome"], str(r["outcome"]))
        row = f"{r['region']} ({label})"
        cases.append({"case_id": r["case_id"], "region": r["region"], "row": row, "order": order,
                      "outcome_label": label, "observed": r["observed"],
                      "predicted": json_value(r["predicted"]) or "no score", "score": json_value(r["score"]),
                      "fit": "explained" if r["explained"] else "not explained",
                      **{f: json_value(r[f]) for f in factors}})
        bands.append({"row": row, "order": order, "observed": r["observed"],
                      "lo": lo.get(r["observed"]), "hi": hi.get(r["observed"])})
    cuts: Rows = [{"at": float(partial_at), "label": f"partial from {partial_at:.2f}"},
                  {"at": float(success_at), "label": f"success from {success_at:.2f}"}]
    return {"secession_cases": cases, "secession_bands": bands, "secession_cuts": cuts}


def secession_chart(
    result: pd.DataFrame,
    partial_at: float,
    success_at: float,
    title: str = "Structural score and outcome of each secession attempt",
    caption: str = "",
    *,
    highlight: str | None = "nagorno-karabakh",
    width: int = 440,
) -> alt.LayerChart:
    """One row per case, grouped by outcome; x = the case's structural score (0-1).

    The shaded band in each row is where the score must fall for the outcome to be
    *explained* (failure below ``partial_at``, partial between, success from ``success_at``).
    Points: blue circles explained, vermillion crosses not (colour and shape, colour-blind
    safe); ``highlight`` (a ``case_id``) is drawn larger. Dashed rules: the two cut-points.
    Tooltips: the four factor scores, the score, observed and predicted class. Reads the
    named data sets of :func:`secession_datasets`.
    """
    data = secession_datasets(result, partial_at, success_at)
    x_scale = alt.Scale(domain=[0, 1], nice=False)
    y = alt.Y("row:N", title=None, sort=alt.EncodingSortField("order", order="ascending"), axis=alt.Axis(labelLimit=320))
    bands = alt.Chart(named_data("secession_bands")).mark_bar(color=SKY_BLUE, opacity=0.25, height=16).encode(
        x=alt.X("lo:Q", scale=x_scale), x2="hi:Q", y=y,
        tooltip=[alt.Tooltip("row:N", title="case"), alt.Tooltip("observed:N", title="observed class"),
                 alt.Tooltip("lo:Q", title="explained from score", format=".2f"),
                 alt.Tooltip("hi:Q", title="up to", format=".2f")])
    factor_tips = [alt.Tooltip(f"{f}:Q", title=f, format=".2f") for f in FACTORS if f in result.columns]
    size = (alt.condition(f"datum.case_id == '{highlight}'", alt.value(220), alt.value(90)) if highlight
            else alt.value(90))
    fits = alt.Scale(domain=list(EXPLAINED_COLORS), range=list(EXPLAINED_COLORS.values()))
    points = alt.Chart(named_data("secession_cases")).mark_point(filled=True, opacity=0.95).encode(
        x=alt.X("score:Q", scale=x_scale, title="structural score (0 hinders ... 1 favours secession)"),
        y=y,
        color=alt.Color("fit:N", title=None, scale=fits, legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("fit:N", scale=alt.Scale(domain=list(EXPLAINED_COLORS), range=["circle", "cross"]),
                        legend=alt.Legend(orient="bottom", title=None)),
        size=size,
        tooltip=[alt.Tooltip("region:N", title="case"), alt.Tooltip("outcome_label:N", title="outcome"),
                 alt.Tooltip("observed:N", title="observed class"), alt.Tooltip("predicted:N", title="predicted"),
                 alt.Tooltip("score:Q", title="score", format=".2f"), *factor_tips])
    cuts = alt.Chart(named_data("secession_cuts"))
    rules = cuts.mark_rule(color=MUTED, strokeDash=[5, 3]).encode(
        x=alt.X("at:Q", scale=x_scale), tooltip=[alt.Tooltip("label:N", title="cut-point")])
    texts = cuts.mark_text(align="left", dx=3, baseline="bottom", fontSize=10, color=MUTED).encode(
        x=alt.X("at:Q", scale=x_scale), y=alt.value(-2), text="label:N")
    chart = alt.layer(bands, rules, texts, points).properties(
        width=width, height=20 * max(len(data["secession_cases"]), 1), title=title_params(title, caption))
    return with_datasets(chart, data)


__all__ = ["EXPLAINED_COLORS", "INDICATOR_LABELS", "SECESSION_COLUMNS", "SENSITIVITY_COLUMNS", "STABILISER_COLORS",
           "STABILISER_LABELS", "indicator_panels", "secession_chart", "secession_datasets", "stability_chart",
           "stability_datasets", "tipping_histogram"]
