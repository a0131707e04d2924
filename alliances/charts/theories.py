"""Charts of the theories' inputs and scores (lessons 01–05); each draws a frame it is given.

* :func:`capability_shares_chart` -- :func:`alliances.theories.balance_of_power.capability_roles`;
* :func:`threat_components_chart` -- :func:`alliances.theories.balance_of_threat.threat_components`;
* :func:`instability_chart`, :func:`regime_chart` -- ``instability_events.csv`` and regime scores;
* :func:`weight_sweep_chart` -- :func:`alliances.analysis.sweep`;
* :func:`identity_matrix_chart` -- ``identity_dyads.csv``;
* :func:`levels_chart` -- :func:`alliances.analysis.parts_frame`.

Nothing here computes a model: the frames come from the model and analysis functions named above.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from alliances.analysis.sensitivity import SWEEP_COLUMNS
from alliances.charts.render import cell_text, parse_date, require_columns
from alliances.charts.theme import (
    CATEGORY_COLORS,
    CELL,
    INK,
    MUTED,
    actor_name,
    category_order,
    panel_title,
    score_scale,
    title_params,
)
from alliances.palette import (
    BLACK,
    BLUE,
    BLUISH_GREEN,
    CHOOSER_COLORS,
    GREY,
    LIGHT_GREY,
    ORANGE,
    REDDISH_PURPLE,
    SKY_BLUE,
    VERMILLION,
    YELLOW,
)
from alliances.schemas import CHOOSERS, LAST_YEAR
from alliances.theories.balance_of_power import MEASURE_WORDS
from alliances.theories.balance_of_threat import COMPONENTS
from alliances.theories.base import THRESHOLDS
from alliances.world import MEASURES

_BAND = "#cccccc"


def _listing(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------
# Lesson 01: capability shares (balance of power)
# --------------------------------------------------------------------------

#: The roles of :func:`~alliances.theories.balance_of_power.capability_roles` as the chart names them.
POWER_ROLE_LABELS: dict[str, str] = {
    "hegemon": "hegemon (balanced against)", "strongest counterweight": "strongest counterweight",
    "other power": "other power", "chooser": "regional chooser"}
#: One Okabe–Ito colour (grey for the choosers) per role label.
POWER_ROLE_COLORS: dict[str, str] = {
    "hegemon (balanced against)": VERMILLION, "strongest counterweight": BLUE,
    "other power": SKY_BLUE, "regional chooser": GREY}
#: Columns of a capability-roles frame.
ROLE_COLUMNS: tuple[str, ...] = ("measure", "actor", "name", "share", "value", "role")


def capability_shares_chart(
    roles: pd.DataFrame,
    title: str | None = None,
    caption: str = ("Each actor's share of the system's total, by measure. Vermillion: the "
                    "strongest power; blue: the strongest counterweight. Hover a bar for the raw value."),
    *,
    when: str = "",
    width: int = 150,
) -> alt.HConcatChart:
    """Each actor's share of the system's capability, one panel per measure.

    ``roles`` is :func:`alliances.theories.balance_of_power.capability_roles` (columns
    ``measure``, ``actor``, ``name``, ``share``, ``value``, ``role``), so the shares and the
    roles are the model's own. Bars are coloured by role (:data:`POWER_ROLE_COLORS`); ``when``
    (e.g. ``world.when``) goes into the default title. Tooltips: actor, measure, share, raw
    value and unit, role.
    """
    require_columns(roles, ROLE_COLUMNS, "roles", " (from balance_of_power.capability_roles)")
    unknown = sorted(set(roles["role"]) - set(POWER_ROLE_LABELS))
    if unknown:
        raise ValueError(f"unknown roles {unknown}; roles are {list(POWER_ROLE_LABELS)}")
    data = roles[list(ROLE_COLUMNS)].copy()
    data["measure"] = data["measure"].map(lambda m: MEASURE_WORDS.get(m, m))
    data["unit"] = roles["measure"].map(lambda m: MEASURES.get(m, ""))
    data["role"] = data["role"].map(POWER_ROLE_LABELS)
    data["label"] = data["share"].map(lambda s: f"{s:.0%}")
    data["value"] = data["value"].map(lambda v: "no data" if pd.isna(v) else f"{v:,.4g}")
    order = list(pd.unique(data["name"]))
    colour = alt.Color("role:N", title="role in the model",
                       scale=alt.Scale(domain=list(POWER_ROLE_COLORS), range=list(POWER_ROLE_COLORS.values())),
                       legend=alt.Legend(orient="bottom", columns=4, labelLimit=260))
    tooltip = [alt.Tooltip("name:N", title="actor"), alt.Tooltip("measure:N", title="measure"),
               alt.Tooltip("share:Q", title="share of the system", format=".1%"),
               alt.Tooltip("value:N", title="raw value"), alt.Tooltip("unit:N", title="unit"),
               alt.Tooltip("role:N", title="role in the model")]
    panels = []
    for i, label in enumerate(pd.unique(data["measure"])):
        base = alt.Chart(data[data["measure"] == label]).encode(
            y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labels=i == 0, ticks=i == 0, labelFontSize=11)),
            x=alt.X("share:Q", title="share", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%", tickCount=3)),
            tooltip=tooltip)
        text = base.mark_text(align="left", dx=3, fontSize=10, color=INK).encode(text="label:N")
        panels.append(alt.layer(base.mark_bar(height=14).encode(color=colour), text).properties(
            width=width, height=22 * len(order), title=panel_title(label)))
    period = f", {when}" if when else ""
    title = title or f"Who is strongest? Capability shares{period} (system: {_listing(order)})"
    return alt.hconcat(*panels, spacing=8).resolve_scale(color="shared").properties(title=title_params(title, caption))


# --------------------------------------------------------------------------
# Lesson 02: threat components (balance of threat)
# --------------------------------------------------------------------------

#: The four sources of threat (Walt 1987, in the model's order), each with an Okabe–Ito colour.
THREAT_COMPONENT_COLORS: dict[str, str] = dict(zip(COMPONENTS, (BLUE, ORANGE, BLUISH_GREEN,
                                                                REDDISH_PURPLE)))
#: Columns :func:`threat_components_chart` needs.
THREAT_COLUMNS: tuple[str, ...] = ("state_name", "partner_name", "component", "raw", "weight", "contribution",
                                   "threat", "top")


def threat_components_chart(
    table: pd.DataFrame,
    title: str = "How threatening is each actor? Threat components",
    caption: str = ("Bar length: the threat t from 0 to 1, split into its four weighted "
                    "components. Hover a segment for the raw value and its weight."),
    *,
    width: int = 210,
) -> alt.HConcatChart:
    """Stacked bars of each partner's threat to each state, one panel per state.

    ``table`` is :func:`alliances.theories.balance_of_threat.threat_components`. Segments are
    the four components (:data:`THREAT_COMPONENT_COLORS`); the number at the end of each bar
    is the total threat, and the state's top threat is labelled. The x scale is fixed at 0–1
    so charts made with different weights compare directly. Tooltips: state, partner,
    component, raw value, weight, contribution, total threat.
    """
    require_columns(table, THREAT_COLUMNS, "table")
    components = list(THREAT_COMPONENT_COLORS)
    data = table[list(THREAT_COLUMNS)].copy()
    data["order"] = data["component"].map({c: i for i, c in enumerate(components)})
    totals = (data.groupby(["state_name", "partner_name"], sort=False)
              .agg(threat=("threat", "first"), top=("top", "first")).reset_index())
    totals["label"] = [f"{t:.2f}" + ("  top threat" if top else "") for t, top in zip(totals["threat"], totals["top"])]
    colour = alt.Color("component:N", title="source of threat", sort=components,
                       scale=alt.Scale(domain=components, range=list(THREAT_COMPONENT_COLORS.values())),
                       legend=alt.Legend(orient="bottom", columns=4))
    tooltip = [alt.Tooltip("state_name:N", title="threat to"), alt.Tooltip("partner_name:N", title="from"),
               alt.Tooltip("component:N", title="component"),
               alt.Tooltip("raw:Q", title="raw value (0-1)", format=".2f"),
               alt.Tooltip("weight:Q", title="weight", format=".2f"),
               alt.Tooltip("contribution:Q", title="adds to the threat", format=".3f"),
               alt.Tooltip("threat:Q", title="total threat", format=".2f")]
    x_scale = alt.Scale(domain=[0, 1])
    panels = []
    for i, state in enumerate(pd.unique(data["state_name"])):
        part = data[data["state_name"] == state]
        order = list(pd.unique(part["partner_name"]))
        y = alt.Y("partner_name:N", sort=order, title=None if i else "threat from", axis=alt.Axis(labelFontSize=11))
        bars = alt.Chart(part).mark_bar(height=16).encode(
            y=y, x=alt.X("sum(contribution):Q", title="threat", scale=x_scale, axis=alt.Axis(tickCount=5)),
            color=colour, order=alt.Order("order:Q"), tooltip=tooltip)
        text = alt.Chart(totals[totals["state_name"] == state]).encode(
            y=y, x=alt.X("threat:Q", scale=x_scale), text="label:N",
            tooltip=[alt.Tooltip("partner_name:N", title="from"),
                     alt.Tooltip("threat:Q", title="total threat", format=".2f")])
        panels.append(alt.layer(
            bars,
            text.transform_filter("!datum.top").mark_text(align="left", dx=3, fontSize=10, color=INK),
            text.transform_filter("datum.top").mark_text(align="left", dx=3, fontSize=10, fontWeight="bold",
                                                         color=BLACK),
        ).properties(width=width, height=24 * len(order), title=panel_title(f"Threats to {state}")))
    return alt.hconcat(*panels, spacing=12).resolve_scale(color="shared").properties(title=title_params(title, caption))


# --------------------------------------------------------------------------
# Lessons 03-04: domestic instability, regime scores, parameter sweeps, identity
# --------------------------------------------------------------------------

#: Okabe–Ito colours for the kinds of ``instability_events.csv`` (grey for failed coups).
INSTABILITY_COLORS: dict[str, str] = {
    "coup": BLACK, "coup_attempt": GREY, "revolution": REDDISH_PURPLE,
    "government_change": BLUISH_GREEN, "assassination": ORANGE,
    "contested_election": BLUE, "mass_protest": SKY_BLUE, "civil_war": VERMILLION,
}
_DIMENSION_LABEL = {"vertical": "regime (vertical)", "horizontal": "territory (horizontal)"}
#: Columns :func:`instability_chart` needs.
INSTABILITY_COLUMNS: tuple[str, ...] = ("state", "date", "year", "kind", "dimension", "description")


def _highlight_band(start: int, end: int, temporal: bool) -> alt.Chart:
    """A light band from the start of ``start`` to the end of ``end`` (the lesson's period)."""
    band = pd.DataFrame({"from": [f"{start}-01-01" if temporal else start],
                         "to": [f"{end}-12-31" if temporal else end], "period": [f"{start}-{end}"]})
    kind = "T" if temporal else "Q"
    return alt.Chart(band).mark_rect(color=_BAND, opacity=0.35).encode(
        x=alt.X(f"from:{kind}", scale=alt.Scale(zero=False)), x2="to", tooltip=[alt.Tooltip("period:N", title="shaded")])


def _instability_rows(events: pd.DataFrame, start: int, end: int, states: Sequence[str]) -> pd.DataFrame:
    rows = []
    for ev in events.itertuples(index=False):
        date = parse_date(ev.date)
        if ev.state not in states or not (start <= int(ev.year) <= end) or date is None:
            continue
        rows.append({"state": actor_name(ev.state), "date": date.strftime("%Y-%m-%d"), "when": str(ev.date),
                     "kind": str(ev.kind).replace("_", " "),
                     "dimension": _DIMENSION_LABEL.get(str(ev.dimension), str(ev.dimension)),
                     "description": str(ev.description), "source": cell_text(getattr(ev, "source", None))})
    return pd.DataFrame(rows)


def instability_chart(
    events: pd.DataFrame,
    title: str = f"Threats to the regime and to the territory, 1991-{LAST_YEAR}",
    caption: str = "",
    *,
    start: int = 1991,
    end: int = LAST_YEAR,
    states: Sequence[str] = CHOOSERS,
    highlight: tuple[int, int] | None = None,
    width: int = 640,
) -> alt.LayerChart:
    """Strip chart of ``instability_events.csv``: one band per state, two lanes per band.

    The upper lane of each state holds *vertical* events (threats to the regime: coups,
    revolutions, contested elections, mass protests), the lower lane *horizontal* ones
    (secessionist wars), after Oskanian's two dimensions of state weakness. Colour: the kind
    of event (:data:`INSTABILITY_COLORS`); shape: the dimension. ``highlight`` = (first,
    last) year shades a period. Tooltips: date, kind, description and source.
    """
    require_columns(events, INSTABILITY_COLUMNS, "events")
    data = _instability_rows(events, start, end, states)
    if data.empty:
        raise ValueError(f"no instability events between {start} and {end} for {list(states)}")
    kinds = [k.replace("_", " ") for k in INSTABILITY_COLORS if k.replace("_", " ") in set(data["kind"])]
    dims = [d for d in _DIMENSION_LABEL.values() if d in set(data["dimension"])]
    tooltip = [alt.Tooltip("when:N", title="date"), alt.Tooltip("state:N", title="state"),
               alt.Tooltip("kind:N", title="kind"), alt.Tooltip("dimension:N", title="dimension"),
               alt.Tooltip("description:N", title="what happened"), alt.Tooltip("source:N", title="source")]
    x = alt.X("date:T", title="year", scale=alt.Scale(domain=[f"{start}-01-01", f"{end}-12-31"]),
              axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 2}, grid=False))
    points = alt.Chart(data).mark_point(size=90, filled=True, opacity=0.9).encode(
        x=x,
        y=alt.Y("state:N", sort=[actor_name(s) for s in states], title=None,
                axis=alt.Axis(labelFontSize=12, labelFontWeight="bold", ticks=False, domain=False)),
        yOffset=alt.YOffset("dimension:N", sort=dims, scale=alt.Scale(paddingInner=0.2)),
        color=alt.Color("kind:N", sort=kinds, title="kind of event",
                        scale=alt.Scale(domain=kinds, range=[INSTABILITY_COLORS[k.replace(" ", "_")] for k in kinds]),
                        legend=alt.Legend(orient="bottom", columns=4)),
        shape=alt.Shape("dimension:N", sort=dims, title="dimension",
                        scale=alt.Scale(domain=dims, range=["circle", "triangle-up"][:len(dims)]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=tooltip)
    layers = [points] if not highlight else [_highlight_band(*highlight, temporal=True), points]
    return alt.layer(*layers).properties(width=width, height=40 * len(states) * max(len(dims), 1),
                                         title=title_params(title, caption))


def regime_chart(
    frame: pd.DataFrame,
    title: str = "Electoral democracy (V-Dem polyarchy), 1992-2019",
    caption: str = "",
    *,
    y_title: str = "V-Dem electoral democracy index (0-1)",
    highlight: tuple[int, int] | None = None,
    width: int = 520,
    height: int = 260,
) -> alt.LayerChart:
    """Line chart of a regime score per actor and year.

    ``frame`` has columns ``actor`` (a display name), ``year``, ``value`` and optionally
    ``group`` (the first group drawn solid, the second dashed, e.g. "chooser" / "outside
    power"; say so in the caption). Colours: :data:`~alliances.charts.theme.CATEGORY_COLORS`,
    one per actor (at most eight); each line is labelled at its last year. ``highlight`` =
    (first, last) shades a period.
    """
    require_columns(frame, ("actor", "year", "value"))
    data = frame.copy()
    if "group" not in data.columns:
        data["group"] = ""
    actors = category_order(data["actor"])
    if len(actors) > len(CATEGORY_COLORS):
        raise ValueError(f"at most {len(CATEGORY_COLORS)} actors can be told apart by colour; got {len(actors)}")
    groups = category_order(data["group"])
    colours = alt.Scale(domain=actors, range=list(CATEGORY_COLORS[:len(actors)]))
    tooltip = [alt.Tooltip("actor:N", title="actor"), alt.Tooltip("year:O", title="year"),
               alt.Tooltip("value:Q", title="value", format=".2f")]
    base = alt.Chart(data).encode(
        x=alt.X("year:Q", title="year", axis=alt.Axis(format="d"),
                scale=alt.Scale(domain=[int(data["year"].min()), int(data["year"].max()) + 3], nice=False)),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("actor:N", sort=actors, title=None, scale=colours),
        strokeDash=alt.StrokeDash("group:N", sort=groups, title=None, legend=None,
                                  scale=alt.Scale(domain=groups, range=[[1, 0], [5, 3]][:len(groups)] or [[1, 0]])),
    )
    last = data.sort_values("year").groupby("actor").tail(1)
    labels = alt.Chart(last).mark_text(align="left", dx=5, fontSize=10).encode(
        x=alt.X("year:Q", scale=alt.Scale(zero=False)), y="value:Q", text="actor:N",
        color=alt.Color("actor:N", sort=actors, scale=colours, legend=None))
    layers = [base.mark_line(strokeWidth=2).encode(tooltip=tooltip),
              base.mark_point(size=20, filled=True).encode(tooltip=tooltip), labels]
    if highlight:
        layers.insert(0, _highlight_band(*highlight, temporal=False))
    return alt.layer(*layers).properties(width=width, height=height, title=title_params(title, caption))


_DASHES = ([1, 0], [6, 3], [2, 2], [8, 3, 2, 3])
_SHAPES = ("circle", "square", "triangle-up", "diamond")
_THRESHOLD_DEFAULTS = {p.name: float(p.default) for p in THRESHOLDS}


def _sweep_rows(frame: pd.DataFrame, pairs: Sequence[tuple[str, str]] | None, names: Mapping[str, str]) -> pd.DataFrame:
    data = frame.copy()
    if pairs is not None:
        wanted = set(map(tuple, pairs))
        unknown = wanted - set(zip(data["state"], data["partner"]))
        if unknown:
            raise ValueError(f"pairs not in the frame: {sorted(unknown)}")
        data = data[[(s, p) in wanted for s, p in zip(data["state"], data["partner"])]]
    data["value"] = data["value"].astype(float)
    data["score"] = data["score"].astype(float)
    data["state_name"] = data["state"].map(lambda s: actor_name(s, names))
    data["partner_name"] = data["partner"].map(lambda s: actor_name(s, names))
    data["pair"] = data["state_name"] + " → " + data["partner_name"]
    return data


def _threshold_layers(align_at: float, balance_at: float, x_min: float) -> list[alt.Chart]:
    rules = pd.DataFrame({"score": [align_at, balance_at],
                          "label": [f"align at or above {align_at:+.2f}", f"balance at or below {balance_at:+.2f}"]})
    return [alt.Chart(rules).mark_rule(color=MUTED, strokeDash=[4, 4]).encode(
                y="score:Q", tooltip=[alt.Tooltip("label:N", title="threshold")]),
            alt.Chart(rules.assign(x=x_min)).mark_text(align="left", dy=-6, fontSize=10, color=MUTED).encode(
                x="x:Q", y="score:Q", text="label:N")]


def _default_layers(default: float) -> list[alt.Chart]:
    marker = pd.DataFrame({"value": [float(default)], "label": [f"default {default:g}"]})
    return [alt.Chart(marker).mark_rule(color=GREY, strokeWidth=6, opacity=0.35).encode(
                x="value:Q", tooltip=[alt.Tooltip("label:N", title="default")]),
            alt.Chart(marker.assign(score=-0.95)).mark_text(align="left", dx=6, fontSize=10, color=MUTED).encode(
                x="value:Q", y="score:Q", text="label:N")]


def weight_sweep_chart(
    frame: pd.DataFrame,
    title: str,
    caption: str = "",
    *,
    pairs: Sequence[tuple[str, str]] | None = None,
    default: float | None = None,
    align_at: float = _THRESHOLD_DEFAULTS["align_at"],
    balance_at: float = _THRESHOLD_DEFAULTS["balance_at"],
    names: Mapping[str, str] | None = None,
    x_title: str | None = None,
    width: int = 520,
    height: int = 300,
) -> alt.LayerChart:
    """Score against a swept parameter, one line per (state, partner): where does a stance flip?

    ``frame`` is :func:`alliances.analysis.sweep`'s result (``parameter, value, state,
    partner, score, stance``). ``pairs`` picks the lines (default: all); ``names`` maps codes
    to display names (default :data:`~alliances.charts.theme.ACTOR_NAMES`). Colour: the state
    (the map's colours); dash and point shape: the partner. Dashed horizontal rules mark the
    stance thresholds ``align_at`` and ``balance_at`` (default: the theories' defaults); a grey
    vertical rule marks the parameter's ``default``. Each line is labelled at its right end, so
    the static picture reads without the legend. Tooltips: pair, value, score and stance.
    """
    require_columns(frame, SWEEP_COLUMNS, "frame", " (from alliances.analysis.sweep)")
    data = _sweep_rows(frame, pairs, names or {})
    states, partners = category_order(data["state_name"]), category_order(data["partner_name"])
    colours = [CHOOSER_COLORS.get(s, CATEGORY_COLORS[i % len(CATEGORY_COLORS)])
               for i, s in enumerate(category_order(data["state"]))]
    parameter = str(data["parameter"].iloc[0])
    tooltip = [alt.Tooltip("pair:N", title="state → partner"), alt.Tooltip("value:Q", title=parameter, format=".2f"),
               alt.Tooltip("score:Q", title="score", format="+.2f"), alt.Tooltip("stance:N", title="stance")]
    colour = alt.Color("state_name:N", sort=states, title="state", scale=alt.Scale(domain=states, range=colours))
    base = alt.Chart(data).encode(
        x=alt.X("value:Q", title=x_title or parameter.replace("_", " ")),
        y=alt.Y("score:Q", title="score (-1 balance against … +1 align with)", scale=alt.Scale(domain=[-1, 1])),
        color=colour, detail="pair:N")
    lines = base.mark_line(strokeWidth=2.2).encode(
        strokeDash=alt.StrokeDash("partner_name:N", sort=partners, title="partner", scale=alt.Scale(
            domain=partners, range=[_DASHES[i % len(_DASHES)] for i in range(len(partners))])),
        tooltip=tooltip)
    points = base.mark_point(size=28, filled=True).encode(
        shape=alt.Shape("partner_name:N", sort=partners, title="partner", scale=alt.Scale(
            domain=partners, range=[_SHAPES[i % len(_SHAPES)] for i in range(len(partners))])),
        tooltip=tooltip)
    ends = data.loc[data.groupby("pair")["value"].idxmax()]
    labels = alt.Chart(ends).mark_text(align="left", dx=6, fontSize=10).encode(
        x="value:Q", y="score:Q", text="pair:N", tooltip=tooltip,
        color=alt.Color("state_name:N", sort=states, scale=alt.Scale(domain=states, range=colours), legend=None))
    layers = [*_threshold_layers(align_at, balance_at, float(data["value"].min())), lines, points, labels]
    if default is not None:
        layers = [*_default_layers(default), *layers]
    return alt.layer(*layers).resolve_scale(color="shared").properties(
        width=width, height=height, title=title_params(title, caption))


#: Columns :func:`identity_matrix_chart` needs.
DYAD_COLUMNS: tuple[str, ...] = ("state", "partner", "historical_memory", "memory_justification", "ethnic_kinship")


def _dyad_rows(dyads: pd.DataFrame) -> pd.DataFrame:
    def text(column: str) -> pd.Series:
        return dyads.get(column, pd.Series("", index=dyads.index)).map(cell_text)

    data = pd.DataFrame({
        "state": dyads["state"].astype(str), "partner": dyads["partner"].astype(str),
        "memory": pd.to_numeric(dyads["historical_memory"], errors="coerce"),
        "memory_why": text("memory_justification"), "memory_source": text("memory_source"),
        "kin": pd.to_numeric(dyads["ethnic_kinship"], errors="coerce").fillna(0).astype(int),
        "kin_why": text("kinship_justification"), "kin_source": text("kinship_source"),
    })
    data["scaled"] = data["memory"] / 2
    data["coded"] = data["memory"].notna().map({True: "coded", False: "not coded"})
    data["label"] = [("n/c" if pd.isna(m) else f"{int(m):+d}".replace("+0", "0")) + (" kin" if k else "")
                     for m, k in zip(data["memory"], data["kin"])]
    data["memory_text"] = data["memory"].map(lambda m: "not coded" if pd.isna(m) else f"{int(m):+d}")
    data["kin_text"] = data["kin"].map({1: "yes", 0: "no"})
    return data


def identity_matrix_chart(
    dyads: pd.DataFrame,
    title: str = "Historical memory and ethnic kinship, as coded",
    caption: str = "",
    *,
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
) -> alt.LayerChart:
    """State × partner matrix of ``identity_dyads.csv``: memory as colour, kinship as a mark.

    Cell colour: the coded historical memory (−2 … +2) on the course's diverging score scale
    (memory / 2), grey where no value is coded; cell text: the memory value, "n/c" if not
    coded, and "kin" where the state's nation counts as kin to the partner (ethnic kinship
    1). Tooltips: both codes with their one-line justifications and sources.
    """
    require_columns(dyads, DYAD_COLUMNS, "dyads")
    data = _dyad_rows(dyads)
    states = list(states) if states is not None else category_order(data["state"])
    partners = list(partners) if partners is not None else category_order(data["partner"])
    tooltip = [alt.Tooltip("state:N", title="state (whose memory)"), alt.Tooltip("partner:N", title="partner"),
               alt.Tooltip("memory_text:N", title="historical memory"),
               alt.Tooltip("memory_why:N", title="why"), alt.Tooltip("memory_source:N", title="source"),
               alt.Tooltip("kin_text:N", title="ethnic kinship"), alt.Tooltip("kin_why:N", title="why (kinship)"),
               alt.Tooltip("kin_source:N", title="source (kinship)")]
    base = alt.Chart(data).encode(
        x=alt.X("partner:N", sort=partners, title="partner", axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("state:N", sort=states, title="state"))
    uncoded = base.transform_filter("datum.coded == 'not coded'").mark_rect(
        color=LIGHT_GREY, stroke="white", strokeWidth=1).encode(tooltip=tooltip)
    cells = base.transform_filter("datum.coded == 'coded'").mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("scaled:Q", scale=score_scale(),
                        legend=alt.Legend(title="memory", values=[-1, -0.5, 0, 0.5, 1],
                                          labelExpr="datum.value == 0 ? '0' : format(datum.value * 2, '+d')",
                                          gradientLength=CELL * 3)),
        tooltip=tooltip)
    text = base.mark_text(fontSize=11).encode(
        text="label:N", color=alt.condition("abs(datum.scaled) > 0.6", alt.value("white"), alt.value("black")),
        tooltip=tooltip)
    return alt.layer(uncoded, cells, text).properties(
        width=CELL * max(len(partners), 1), height=CELL * max(len(states), 1), title=title_params(title, caption))


# --------------------------------------------------------------------------
# Lesson 05: what drove each score
# --------------------------------------------------------------------------

#: Okabe–Ito colours for the parts of a score (RSCT's three levels by default).
PART_COLORS: dict[str, str] = {"regional": ORANGE, "weakness": SKY_BLUE,
                               "penetration": REDDISH_PURPLE}
_MORE_PART_COLORS = (BLUISH_GREEN, BLUE, VERMILLION, YELLOW, BLACK)
#: Columns of :func:`alliances.analysis.parts_frame`.
PART_COLUMNS: tuple[str, ...] = ("state", "partner", "part", "contribution", "score", "reason")


def _part_colors(parts: Sequence[str]) -> list[str]:
    extra = iter(_MORE_PART_COLORS)
    return [PART_COLORS[p] if p in PART_COLORS else next(extra, GREY) for p in parts]


def levels_chart(
    parts: pd.DataFrame,
    title: str = "What drove each score",
    caption: str = "",
    *,
    states: Sequence[str] | None = None,
    partners: Sequence[str] | None = None,
    part_order: Sequence[str] | None = None,
    part_labels: Mapping[str, str] | None = None,
    width: int = 190,
) -> alt.HConcatChart:
    """Diverging stacked bars of the parts of each score, one panel per state.

    ``parts`` is :func:`alliances.analysis.parts_frame` (one row per state × partner × part:
    ``state``, ``partner``, ``part``, ``contribution`` (signed), ``score``, ``reason``). Each
    bar stacks the contributions of one (state, partner) pair left (against) and right (for)
    of zero, coloured by part (:data:`PART_COLORS`); a black tick marks the pair's score.
    ``part_labels`` renames parts in the legend. Tooltips: state, partner, part,
    contribution, score and the reason sentence.
    """
    require_columns(parts, PART_COLUMNS, "parts")
    data = parts[list(PART_COLUMNS)].copy()
    for col in ("state", "partner", "part", "reason"):
        data[col] = data[col].astype(str)
    data["contribution"] = pd.to_numeric(data["contribution"], errors="coerce").astype(float)
    data["score"] = pd.to_numeric(data["score"], errors="coerce").astype(float)
    order = list(part_order) if part_order is not None else category_order(data["part"])
    names = {p: (part_labels or {}).get(p, p) for p in order}
    data["level"] = data["part"].map(lambda p: names.get(p, p))
    data["level_rank"] = data["part"].map({p: i for i, p in enumerate(order)})
    levels = [names[p] for p in order]
    states = list(states) if states is not None else category_order(data["state"])
    partners = list(partners) if partners is not None else category_order(data["partner"])
    x_scale = alt.Scale(domain=[-1, 1])
    colour = alt.Color("level:N", title="level", sort=levels, scale=alt.Scale(domain=levels, range=_part_colors(order)),
                       legend=alt.Legend(orient="bottom", direction="horizontal"))
    pair_tips = [alt.Tooltip("state:N", title="state"), alt.Tooltip("partner:N", title="partner")]
    score_tips = [alt.Tooltip("score:Q", title="score", format="+.2f"), alt.Tooltip("reason:N", title="reason")]
    tooltip = [*pair_tips, alt.Tooltip("level:N", title="level"),
               alt.Tooltip("contribution:Q", title="contribution", format="+.2f"), *score_tips]
    panels = []
    for n, state in enumerate(states):
        part = data[data["state"] == state]
        own = [p for p in partners if p in set(part["partner"])]
        y = alt.Y("partner:N", sort=own, title="partner" if n == 0 else None)
        bars = alt.Chart(part).mark_bar(height=14).encode(
            x=alt.X("contribution:Q", scale=x_scale, stack="zero", title="contribution to the score (- against, + for)"),
            y=y, color=colour, order=alt.Order("level_rank:Q"), tooltip=tooltip)
        ticks = alt.Chart(part.drop_duplicates("partner")).mark_tick(color="black", thickness=3, size=20).encode(
            x=alt.X("score:Q", scale=x_scale), y=y, tooltip=[*pair_tips, *score_tips])
        zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color=MUTED).encode(x="x:Q")
        panels.append(alt.layer(zero, bars, ticks).properties(
            width=width, height=24 * max(len(own), 1), title=panel_title(state)))
    if not panels:
        raise ValueError("levels_chart needs at least one state")
    return alt.hconcat(*panels, spacing=12).resolve_scale(color="shared").properties(title=title_params(title, caption))


__all__ = [
    "DYAD_COLUMNS", "INSTABILITY_COLORS", "INSTABILITY_COLUMNS", "PART_COLORS", "PART_COLUMNS", "POWER_ROLE_COLORS",
    "POWER_ROLE_LABELS", "ROLE_COLUMNS", "THREAT_COLUMNS", "THREAT_COMPONENT_COLORS",
    "capability_shares_chart", "identity_matrix_chart", "instability_chart", "levels_chart", "regime_chart",
    "threat_components_chart", "weight_sweep_chart",
]
