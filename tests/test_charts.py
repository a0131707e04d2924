"""Tests for alliances.charts: offline renderer bundle and the course chart style."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from alliances import charts

VEGALITE = "application/vnd.vegalite.v5+json"
SVG = "image/svg+xml"


@pytest.fixture
def frame() -> pd.DataFrame:
    rows = [
        ("Armenia", "Russia", 0.8, "align", "Armenia hosts a Russian base."),
        ("Armenia", "Turkey", -0.7, "balance", "The border with Turkey is closed."),
        ("Azerbaijan", "Russia", 0.1, "hedge", "Baku buys arms from Moscow but keeps distance."),
        ("Azerbaijan", "Turkey", 0.9, "align", "The Shusha Declaration is a mutual-aid pact."),
        ("Georgia", "Russia", -0.9, "balance", "Russia occupies 20% of Georgia's territory."),
        ("Georgia", "Turkey", 0.4, "hedge", "Turkey is Georgia's largest trade partner."),
    ]
    return pd.DataFrame(rows, columns=["state", "partner", "score", "stance", "reason"])


@pytest.fixture
def renderer():
    """Enable the course renderer for one test and restore the previous one."""
    previous = alt.renderers.active
    charts.enable_offline_rendering()
    yield
    alt.renderers.enable(previous)


def _bundle(chart: alt.TopLevelMixin) -> dict:
    out = chart._repr_mimebundle_()
    return out[0] if isinstance(out, tuple) else out


# URL loads: script tags, src/href attributes, CSS imports/url() pointing off the page.
_URL_LOAD = re.compile(
    r"<script|<iframe|<link\b|\bsrc\s*=|@import|url\(\s*['\"]?(?!#)|"
    r"(?:xlink:)?href\s*=\s*['\"](?!#)",
    re.IGNORECASE,
)


def _remote_urls_in_spec(obj, key: str = "") -> list[str]:
    """Every string value in a Vega-Lite spec that names a remote resource.

    ``$schema`` is only an identifier (Vega-Embed never fetches it).
    """
    if isinstance(obj, dict):
        return [u for k, v in obj.items() if k != "$schema" for u in _remote_urls_in_spec(v, k)]
    if isinstance(obj, list):
        return [u for v in obj for u in _remote_urls_in_spec(v, key)]
    if isinstance(obj, str) and (key == "url" or re.match(r"(?i)^(https?:)?//", obj)):
        return [obj]
    return []


def test_enable_offline_rendering_is_idempotent(renderer):
    assert charts.enable_offline_rendering() is None  # no stray output in a notebook
    charts.enable_offline_rendering()
    assert alt.renderers.active == charts.RENDERER_NAME == "course"
    assert charts.RENDERER_NAME in alt.renderers.names()


def test_renderer_bundle_has_vegalite_svg_and_no_url(renderer, frame):
    chart = charts.stance_heatmap(frame, "Who sides with whom", "test caption")
    bundle = _bundle(chart)

    assert set(bundle) == {VEGALITE, SVG, "text/plain"}
    assert "text/html" not in bundle and "application/javascript" not in bundle
    spec = bundle[VEGALITE]
    assert spec["$schema"].endswith(".json") and "/v5." in spec["$schema"]
    assert _remote_urls_in_spec(spec) == []
    # the data travel inline with the spec
    assert any(len(v) == len(frame) for v in spec["datasets"].values())

    svg = bundle[SVG]
    assert svg.lstrip().startswith("<svg")
    assert _URL_LOAD.search(svg) is None, _URL_LOAD.search(svg)
    assert "Who sides with whom" in svg and "test caption" in svg


def test_static_fallback_can_be_switched_off(renderer, frame):
    chart = charts.stance_heatmap(frame, "t")
    try:
        charts.enable_offline_rendering(static_fallback=False)
        assert set(_bundle(chart)) == {VEGALITE, "text/plain"}
    finally:
        charts.enable_offline_rendering()
    assert SVG in _bundle(chart)


def test_svg_is_stable_when_the_same_chart_is_drawn_twice(renderer, frame):
    chart = charts.stance_heatmap(frame, "t", "c")
    first, second = _bundle(chart)[SVG], _bundle(chart)[SVG]
    assert first == second
    other = charts.stance_heatmap(frame.assign(score=-frame.score), "t", "c")
    ids = set(re.findall(r'id="([^"]+)"', first))
    assert ids and ids.isdisjoint(re.findall(r'id="([^"]+)"', _bundle(other)[SVG]))


def _layers(spec: dict) -> list[dict]:
    return spec["layer"]


def test_heatmap_spec(frame):
    chart = charts.stance_heatmap(frame, "Who sides with whom", "Scores in [-1, 1]")
    spec = chart.to_dict()  # validates against the Vega-Lite 5 schema

    assert spec["title"]["text"] == "Who sides with whom"
    assert spec["title"]["subtitle"] == "Scores in [-1, 1]"
    cells, text = _layers(spec)
    assert cells["mark"]["type"] == "rect"
    assert text["mark"]["type"] == "text"
    assert text["encoding"]["text"]["field"] == "stance"

    scale = cells["encoding"]["color"]["scale"]
    assert cells["encoding"]["color"]["field"] == "score"
    assert scale["domain"] == [-1.0, 1.0]
    assert scale["domainMid"] == 0
    assert scale["scheme"] == charts.SCORE_SCHEME

    for layer in (cells, text):
        fields = [t["field"] for t in layer["encoding"]["tooltip"]]
        assert {"state", "partner", "score", "stance", "reason"} <= set(fields)

    assert spec["layer"][0]["encoding"]["x"]["sort"] == ["Russia", "Turkey"]
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["Armenia", "Azerbaijan", "Georgia"]
    values = next(iter(spec["datasets"].values()))
    assert values[0]["reason"] == "Armenia hosts a Russian base."


def test_heatmap_without_caption_has_no_subtitle(frame):
    spec = charts.stance_heatmap(frame, "Only a title").to_dict()
    assert spec["title"]["text"] == "Only a title"
    assert "subtitle" not in spec["title"]


def test_heatmap_rejects_missing_columns(frame):
    with pytest.raises(ValueError, match="reason"):
        charts.stance_heatmap(frame.drop(columns="reason"), "t")


def test_side_by_side_shares_scale_and_order(frame):
    observed = frame.iloc[::-1].assign(score=lambda f: -f.score)
    chart = charts.side_by_side(frame, observed, caption="same scale")
    spec = chart.to_dict()

    assert spec["resolve"]["scale"]["color"] == "shared"
    assert spec["title"]["subtitle"] == "same scale"
    left, right = spec["hconcat"]
    assert left["title"]["text"] == "predicted" and right["title"]["text"] == "observed"
    for panel in (left, right):
        cells = panel["layer"][0]
        assert cells["encoding"]["color"]["scale"]["domain"] == [-1.0, 1.0]
        # same row/column order in both panels although observed is reversed
        assert cells["encoding"]["y"]["sort"] == ["Armenia", "Azerbaijan", "Georgia"]
        assert cells["encoding"]["x"]["sort"] == ["Russia", "Turkey"]


def test_palettes_are_the_documented_colour_blind_safe_ones():
    assert charts.SCORE_SCHEME == "purpleorange"  # ColorBrewer PuOr
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    assert set(charts.STANCE_COLORS) == set(charts.STANCES)
    assert set(charts.STANCE_COLORS.values()) <= okabe_ito
    assert len(set(charts.STANCE_COLORS.values())) == len(charts.STANCES)
    scale = charts.stance_scale().to_dict()
    assert scale["domain"] == list(charts.STANCES)
    assert json.dumps(scale)  # serialisable


# --------------------------------------------------------------------------
# Lesson 00 charts: map, timelines, observed alignment by period
# --------------------------------------------------------------------------

def _all_tooltip_fields(spec) -> set[str]:
    """Every field named in a tooltip anywhere in a (nested) spec."""
    found: set[str] = set()
    if isinstance(spec, dict):
        tip = spec.get("encoding", {}).get("tooltip") if isinstance(spec.get("encoding"), dict) else None
        for t in (tip if isinstance(tip, list) else [tip] if tip else []):
            found.add(t.get("field", ""))
        for v in spec.values():
            found |= _all_tooltip_fields(v)
    elif isinstance(spec, list):
        for v in spec:
            found |= _all_tooltip_fields(v)
    return found


def _no_url_data(spec: dict) -> list[str]:
    """Remote URLs outside the inline data values: what a renderer would fetch.

    The event and membership tables carry their sources (some are web addresses) as text
    shown in tooltips; those are values, never loaded.
    """
    bare = {k: v for k, v in spec.items() if k != "datasets"}
    return _remote_urls_in_spec(json.loads(json.dumps(bare).replace('"values":', '"_values":')))


def _title_text(spec: dict) -> str:
    title = spec["title"]
    return title["text"] if isinstance(title, dict) else title


def test_region_map_is_offline_with_places_and_tooltips():
    from alliances import load_table

    spec = charts.region_map().to_dict()
    assert _title_text(spec) == "The South Caucasus"
    assert "Natural Earth" in spec["title"]["subtitle"]
    assert _remote_urls_in_spec(spec) == []
    assert {"properties.name", "name", "kind", "status_note"} <= _all_tooltip_fields(spec)
    text = json.dumps(spec)
    places = load_table("map_places")
    inside = places[places["lon"].between(38, 52.5) & places["lat"].between(35.3, 45.8)]
    for name in inside["name"]:
        assert json.dumps(name)[1:-1] in text
    assert "Moscow" not in text and "Ankara" not in text  # outside the frame
    assert spec["projection"]["type"] == "mercator"  # one projection, shared by every layer


def test_region_map_colours_only_the_three_choosers():
    features, places = charts.load_region_map()
    spec = charts.region_map(features, places).to_dict()
    shapes_layer = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "geoshape"
                        and "format" in layer.get("data", {}))
    assert shapes_layer["data"]["format"] == {"type": "json", "property": "features"}
    shapes = json.loads(spec["datasets"][shapes_layer["data"]["name"]])["features"]
    fills = {f["properties"]["iso3"]: f["properties"]["fill"] for f in shapes}
    assert {fills[c] for c in ("ARM", "AZE", "GEO")} == set(charts.MAP_FOCUS.values())
    assert len({fills[c] for c in fills if c not in charts.MAP_FOCUS}) == 1


def test_every_event_category_has_a_family():
    from alliances import load_table

    events = load_table("events")
    assert set(events["category"]) <= set(charts._CATEGORY_FAMILY)
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#999999"}
    assert {f["color"] for f in charts.EVENT_FAMILIES.values()} <= okabe_ito
    assert charts.event_family("not a category") == "other"


def test_timeline_spec():
    from alliances import load_table

    events = load_table("events")
    key = "2008-08-07-russia-georgia-war-over-south-ossetia-ho"
    chart = charts.timeline(events, caption="hover a point", labels={key: "2008 war"})
    spec = chart.to_dict()
    assert _title_text(spec).startswith("Events") and spec["title"]["subtitle"] == "hover a point"
    assert _no_url_data(spec) == []
    assert '"url"' not in json.dumps(spec)
    assert {"when", "event", "category", "narratives", "source"} <= _all_tooltip_fields(spec)
    rows = [r for v in spec["datasets"].values() for r in v if "event_id" in r]
    assert {r["state"] for r in rows} == {"Armenia", "Azerbaijan", "Georgia"}
    assert all(1988 <= int(r["date"][:4]) <= 2024 for r in rows)
    assert [r["label"] for r in rows if r["event_id"] == key] == ["2008 war"]
    # an event with two choosers appears in both bands
    sept_2020 = [r["state"] for r in rows if r["event_id"].startswith("2020-09-27")]
    assert sorted(sept_2020) == ["Armenia", "Azerbaijan"]
    with pytest.raises(ValueError, match="event"):
        charts.timeline(events.drop(columns="event"))
    with pytest.raises(ValueError, match="not in the table"):
        charts.timeline(events, labels={"no-such-event": "x"})


def test_membership_timeline_spec():
    from alliances import load_table

    spec = charts.membership_timeline(load_table("memberships"), caption="bars").to_dict()
    assert _title_text(spec).startswith("Formal ties")
    assert _no_url_data(spec) == []
    assert '"url"' not in json.dumps(spec)
    assert {"instrument", "kind", "partner", "joined", "left", "source"} <= _all_tooltip_fields(spec)
    panels = spec["vconcat"]
    assert [p["title"]["text"] for p in panels] == ["Armenia", "Azerbaijan", "Georgia"]
    rows = [r for v in spec["datasets"].values() for r in v]
    assert all(r["start"] <= r["stop"] <= "2024-12-31" for r in rows)
    btc = [r for r in rows if r["state"] == "Azerbaijan" and "Ceyhan" in r["instrument"]]
    assert len(btc) == 1 and btc[0]["partner"] == "GEO, TUR"  # split rows drawn once


def test_observed_by_period_shares_scale_and_order(frame):
    later = frame.iloc[::-1].assign(score=lambda f: -f.score)
    spec = charts.observed_by_period({"1992-1999": frame, "2020-2024": later},
                                     caption="coded").to_dict()
    assert _title_text(spec) == "Observed alignment by period"
    assert spec["resolve"]["scale"]["color"] == "shared"
    panels = [p for row in spec["vconcat"] for p in row["hconcat"]]
    assert [p["title"]["text"] for p in panels] == ["1992-1999", "2020-2024"]
    for panel in panels:
        cells = panel["layer"][0]
        assert cells["encoding"]["y"]["sort"] == ["Armenia", "Azerbaijan", "Georgia"]
        assert {"reason", "stance"} <= {t["field"] for t in cells["encoding"]["tooltip"]}
    with pytest.raises(ValueError):
        charts.observed_by_period({})


def test_lesson00_charts_render_offline(renderer):
    from alliances import load_table

    for chart in (charts.region_map(), charts.timeline(load_table("events")),
                  charts.membership_timeline(load_table("memberships"))):
        bundle = _bundle(chart)
        assert SVG in bundle and _URL_LOAD.search(bundle[SVG]) is None


# ---- lessons 03-04: instability, regime, weight sweeps, identity matrix ----


def _okabe_ito_only(colours) -> bool:
    return set(colours) <= set(charts._OKABE_ITO)


def test_instability_chart_has_two_lanes_sources_and_a_safe_palette():
    from alliances import load_table

    events = load_table("instability_events")
    spec = charts.instability_chart(events, caption="c", highlight=(2008, 2019)).to_dict()
    assert _title_text(spec).startswith("Threats to the regime")
    points = spec["layer"][-1]
    assert points["encoding"]["yOffset"]["field"] == "dimension"
    assert {"description", "source", "kind"} <= _all_tooltip_fields(spec)
    assert _okabe_ito_only(points["encoding"]["color"]["scale"]["range"])
    assert not _no_url_data(spec)
    rows = [r for v in spec["datasets"].values() for r in v if "kind" in r]
    assert len(rows) == len(events[events["year"].between(1991, 2024)])
    with pytest.raises(ValueError, match="missing"):
        charts.instability_chart(events.drop(columns=["dimension"]))
    with pytest.raises(ValueError, match="no instability events"):
        charts.instability_chart(events, start=1950, end=1960)


def test_regime_chart_lines_labels_and_limits():
    frame = pd.DataFrame({"actor": ["Armenia", "Armenia", "Russia", "Russia"], "year": [1992, 1993] * 2,
                          "value": [0.6, 0.62, 0.55, 0.5], "group": ["chooser"] * 2 + ["outside power"] * 2})
    spec = charts.regime_chart(frame, caption="solid: choosers; dashed: outside powers").to_dict()
    lines = spec["layer"][0]
    assert lines["mark"]["type"] == "line"
    assert lines["encoding"]["y"]["scale"]["domain"] == [0, 1]
    assert _okabe_ito_only(lines["encoding"]["color"]["scale"]["range"])
    assert {"actor", "year", "value"} <= _all_tooltip_fields(spec)
    many = pd.DataFrame({"actor": [f"a{i}" for i in range(9)], "year": 2000, "value": 0.5})
    with pytest.raises(ValueError, match="at most 8"):
        charts.regime_chart(many)
    with pytest.raises(ValueError, match="missing"):
        charts.regime_chart(frame.drop(columns=["value"]))


def test_weight_sweep_chart_marks_thresholds_default_and_pairs():
    from alliances import load_world
    from alliances.analysis import sweep

    frame = sweep("omnibalancing", load_world("2008-2019"), "internal_weight", [0.0, 0.45, 1.0])
    pairs = [("ARM", "RUS"), ("AZE", "WEST")]
    spec = charts.weight_sweep_chart(frame, "Sweep", "caption", pairs=pairs, default=0.45,
                                     align_at=0.3).to_dict()
    assert _title_text(spec) == "Sweep"
    rows = [r for v in spec["datasets"].values() for r in v if "pair" in r]
    assert {r["pair"] for r in rows} == {"Armenia → Russia", "Azerbaijan → the West"}
    thresholds = [r["score"] for v in spec["datasets"].values() for r in v if "label" in r and "score" in r
                  and "threshold" not in r and "pair" not in r]
    assert 0.3 in thresholds and -0.25 in thresholds
    assert any(r.get("value") == 0.45 for v in spec["datasets"].values() for r in v if "label" in r)
    assert {"pair", "value", "score", "stance"} <= _all_tooltip_fields(spec)
    with pytest.raises(ValueError, match="pairs not in the frame"):
        charts.weight_sweep_chart(frame, "t", pairs=[("ARM", "USA")])
    with pytest.raises(ValueError, match="sweep"):
        charts.weight_sweep_chart(frame.drop(columns=["stance"]), "t")


def test_identity_matrix_chart_shows_memory_kinship_and_gaps():
    from alliances import load_table

    dyads = load_table("identity_dyads")
    spec = charts.identity_matrix_chart(dyads, partners=["ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "USA", "EU"]).to_dict()
    rows = {(r["state"], r["partner"]): r for v in spec["datasets"].values() for r in v}
    assert rows[("AZE", "TUR")]["label"] == "+2 kin"
    assert rows[("ARM", "GEO")]["label"] == "n/c" and rows[("ARM", "GEO")]["coded"] == "not coded"
    assert rows[("GEO", "RUS")]["scaled"] == -1
    assert {"memory_why", "memory_source", "kin_why", "kin_source"} <= _all_tooltip_fields(spec)
    cells = spec["layer"][1]
    assert cells["encoding"]["color"]["scale"]["scheme"] == charts.SCORE_SCHEME
    with pytest.raises(ValueError, match="missing"):
        charts.identity_matrix_chart(dyads.drop(columns=["ethnic_kinship"]))


def test_lesson03_04_charts_render_offline(renderer):
    from alliances import load_table

    for chart in (charts.instability_chart(load_table("instability_events")),
                  charts.identity_matrix_chart(load_table("identity_dyads"))):
        bundle = _bundle(chart)
        assert SVG in bundle and _URL_LOAD.search(bundle[SVG]) is None


# --------------------------------------------------------------------------
# Lesson 05: levels, theories side by side, divergence, agreement
# --------------------------------------------------------------------------

@pytest.fixture
def parts_long(frame) -> pd.DataFrame:
    rows = []
    for r in frame.itertuples():
        for part, share in (("regional", 0.5), ("weakness", 0.3), ("penetration", 0.2)):
            rows.append((r.state, r.partner, part, r.score * share, r.score, r.reason))
    return pd.DataFrame(rows, columns=["state", "partner", "part", "contribution", "score", "reason"])


def test_levels_chart_stacks_parts_per_state(parts_long):
    spec = charts.levels_chart(parts_long, caption="levels", part_labels={"regional": "regional amity"}).to_dict()
    assert _title_text(spec) == "What drove each score"
    panels = spec["hconcat"]
    assert [p["title"]["text"] for p in panels] == ["Armenia", "Azerbaijan", "Georgia"]
    bars = panels[0]["layer"][1]
    assert bars["encoding"]["x"]["stack"] == "zero"
    assert bars["encoding"]["color"]["scale"]["domain"] == ["regional amity", "weakness", "penetration"]
    assert bars["encoding"]["color"]["scale"]["range"] == [charts.PART_COLORS[p] for p in
                                                          ("regional", "weakness", "penetration")]
    assert {"reason", "contribution", "score"} <= _all_tooltip_fields(spec)
    assert _no_url_data(spec) == []
    with pytest.raises(ValueError, match="contribution"):
        charts.levels_chart(parts_long.drop(columns="contribution"))


def test_theories_side_by_side_outlines_misses(frame):
    wrong = frame.assign(stance=["hedge"] * len(frame))
    spec = charts.theories_side_by_side({"A": frame, "B": wrong}, frame, caption="five").to_dict()
    assert spec["resolve"]["scale"]["color"] == "shared"
    panels = [p for row in spec["vconcat"] for p in row["hconcat"]]
    assert [p["title"]["text"] for p in panels] == ["A", "B", "What the states did (observed)"]
    datasets = spec["datasets"]
    outlines = [p["layer"][-1] for p in panels[:2]]
    counts = [len(datasets[o["data"]["name"]]) for o in outlines]
    assert counts == [0, int((frame["stance"] != "hedge").sum())]
    assert "reason" in _all_tooltip_fields(spec)
    with pytest.raises(ValueError):
        charts.theories_side_by_side({}, frame)


def test_divergence_and_agreement_charts():
    div = pd.DataFrame([{"state": "Armenia", "partner": "Russia", "observed": "align", "matches": 4,
                         "theories": 5, "distinct": 2, "right": "A; B; C; D", "wrong": "E",
                         "stances": "A: align", "reason": "CSTO member."}])
    spec = charts.divergence_chart(div, caption="count").to_dict()
    assert _title_text(spec) == "Where the theories diverge"
    assert {"right", "wrong", "stances", "reason"} <= _all_tooltip_fields(spec)
    rows = [r for v in spec["datasets"].values() for r in v]
    assert rows[0]["label"] == "4/5"
    with pytest.raises(ValueError, match="matches"):
        charts.divergence_chart(div.drop(columns="matches"))
    table = pd.DataFrame({"title": ["A", "B"], "stance_agreement": [0.5, 0.9], "pairs": [18, 18]})
    spec = charts.agreement_chart(table).to_dict()
    assert _title_text(spec) == "Agreement with what happened"
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["A", "B"]
    with pytest.raises(ValueError):
        charts.agreement_chart(table.drop(columns="stance_agreement"))


def test_lesson05_charts_render_offline(renderer):
    from alliances import load_world
    from alliances.comparison import by_theory, divergence, parts_frame, predict_all
    from alliances.observed import observed

    world = load_world("2008-2019")
    table, obs = predict_all(world), observed(world)
    for chart in (charts.levels_chart(parts_frame("rsct", world)),
                  charts.theories_side_by_side(by_theory(table), obs),
                  charts.divergence_chart(divergence(table, obs))):
        bundle = _bundle(chart)
        assert SVG in bundle and _URL_LOAD.search(bundle[SVG]) is None


# --- Karabakh arc (lessons 06-07): stability, tipping years, secession cases ---------------

def test_stability_chart_reads_named_datasets_and_marks_wars(renderer):
    from alliances import karabakh
    from alliances.karabakh_widgets import WAR_LABELS, war_markers

    frame = karabakh.stability()
    events = war_markers()
    assert list(events["label"]) == list(WAR_LABELS.values())
    assert events["year"].between(2016, 2024).all() and events["year"].is_monotonic_increasing
    chart = charts.stability_chart(frame, 0.5, karabakh.tipping_year(), events=events, caption="c")
    spec = chart.to_dict()
    assert set(spec["datasets"]) >= {"stability", "stability_marks"}
    index = [r for r in spec["datasets"]["stability"] if r["series"] == "index"]
    assert len(index) == len(frame) and all(r["value"] is None or 0 <= r["value"] <= 1 for r in index)
    assert {"what": "tipping", "year": karabakh.tipping_year(), "value": None,
            "label": f"tips in {karabakh.tipping_year()}"} in spec["datasets"]["stability_marks"]
    assert {"year", "value", "label"} <= _all_tooltip_fields(spec)
    json.dumps(spec)  # no NaN or numpy scalars
    bundle = _bundle(chart)
    assert SVG in bundle and _URL_LOAD.search(bundle[SVG]) is None
    assert "2020 war" in bundle[SVG]


def test_stability_datasets_checks_columns_and_never_tips():
    from alliances import karabakh

    data = charts.stability_datasets(karabakh.stability(), 0.0, None)
    assert [m["what"] for m in data["stability_marks"]] == ["threshold"]
    with pytest.raises(ValueError, match="missing"):
        charts.stability_datasets(karabakh.stability().drop(columns="inertia"), 0.5)
    with pytest.raises(ValueError, match="not in the table"):
        charts.war_markers(pd.DataFrame({"event_id": ["a"], "date": ["2020"], "event": ["x"]}), {"b": "B"})


def test_indicator_panels_and_tipping_histogram(renderer):
    from alliances import karabakh

    panels = charts.indicator_panels(karabakh.stability()).to_dict()
    assert len(panels["hconcat"]) == 3
    sens = karabakh.sensitivity(step=0.25)
    spec = charts.tipping_histogram(sens, highlight=karabakh.tipping_year()).to_dict()
    bars = [r for v in spec["datasets"].values() for r in v if "triples" in r]
    assert sum(r["triples"] for r in bars) == len(sens)
    assert any(r["kind"] == "the default weights" for r in bars)
    never = sens.assign(tipping_year=pd.array([None] * len(sens), dtype="Int64"))
    spec = charts.tipping_histogram(never).to_dict()
    assert [r["when"] for v in spec["datasets"].values() for r in v if "triples" in r] == ["never"]
    with pytest.raises(ValueError, match="tipping_year"):
        charts.tipping_histogram(sens.drop(columns="tipping_year"))


def test_secession_chart_bands_and_points(renderer):
    from alliances import secession

    result = secession.explained()
    chart = charts.secession_chart(result, 0.35, 0.65, caption="c")
    spec = chart.to_dict()
    cases = spec["datasets"]["secession_cases"]
    assert len(cases) == len(result) == len(spec["datasets"]["secession_bands"])
    assert [c["order"] for c in cases] == list(range(len(cases)))
    assert sum(c["fit"] == "explained" for c in cases) == int(result["explained"].sum())
    karabakh_row = next(c for c in cases if c["case_id"] == "nagorno-karabakh")
    band = next(b for b in spec["datasets"]["secession_bands"] if b["row"] == karabakh_row["row"])
    assert (band["lo"], band["hi"]) == (0.0, 0.35) and karabakh_row["fit"] == "explained"
    assert {"geography", "history", "ethnic", "legal", "score"} <= _all_tooltip_fields(spec)
    json.dumps(spec)
    bundle = _bundle(chart)
    assert SVG in bundle and "Nagorno-Karabakh (reintegrated)" in bundle[SVG]
    dropped = secession.explained(unknowns="drop")
    assert len(charts.secession_datasets(dropped, 0.35, 0.65)["secession_cases"]) == len(dropped)
    with pytest.raises(ValueError, match="missing"):
        charts.secession_datasets(result.drop(columns="score"), 0.35, 0.65)


# --------------------------------------------------------------------------
# Lessons 01-02 charts: capability shares, threat components
# --------------------------------------------------------------------------

def test_capability_shares_chart_uses_the_models_shares():
    from alliances import load_world
    from alliances.theories.balance_of_power import system
    from alliances.theories.inputs import capability_shares

    world = load_world("2008-2019")
    spec = charts.capability_shares_chart(world).to_dict()
    assert "Capability shares, 2008-2019" in _title_text(spec) and spec["title"]["subtitle"]
    assert [p["title"]["text"] for p in spec["hconcat"]] == ["CINC", "military spending", "GDP", "population"]
    assert _remote_urls_in_spec(spec) == []
    assert {"actor", "share", "value", "unit", "role"} <= _all_tooltip_fields(spec)
    rows = [r for v in spec["datasets"].values() for r in v]
    cinc = {r["actor"]: r for r in rows if r["measure"] == "CINC"}
    shares = capability_shares(world, "cinc", system(world, "regional"))
    assert cinc["Russia"]["share"] == pytest.approx(shares["RUS"])
    assert cinc["Russia"]["role"].startswith("hegemon")
    assert "the West" not in cinc  # outside the regional system
    assert set(charts.POWER_ROLE_COLORS.values()) <= {"#E69F00", "#56B4E9", "#009E73", "#0072B2",
                                                      "#D55E00", "#CC79A7", "#000000", "#999999"}
    wide = charts.capability_shares_chart(world, scope="global", measures=["milex"]).to_dict()
    rows = [r for v in wide["datasets"].values() for r in v]
    assert {r["actor"]: r["role"] for r in rows}["the West"].startswith("hegemon")
    with pytest.raises(ValueError):
        charts.capability_shares_chart(world, measures=["steel"])
    with pytest.raises(ValueError):
        charts.capability_shares_chart(world, scope="planetary")


def test_threat_components_table_sums_to_the_models_threat():
    from alliances import load_world

    world = load_world("2008-2019")
    table = charts.threat_components_table(world)
    assert set(table["component"]) == set(charts.THREAT_COMPONENT_COLORS)
    sums = table.groupby(["state", "partner"])["contribution"].sum()
    threat = table.groupby(["state", "partner"])["threat"].first()
    assert (sums - threat).abs().max() < 1e-12
    tops = table[table["top"]].drop_duplicates("state").set_index("state")["partner"].to_dict()
    assert tops == {"ARM": "AZE", "AZE": "ARM", "GEO": "RUS"}
    equal = charts.threat_components_table(world, w_power=1.0, w_offense=1.0)
    assert set(equal[equal["top"]]["partner"]) == {"WEST"}
    assert list(charts.threat_components_table(world, states=["GEO"])["state"].unique()) == ["GEO"]
    with pytest.raises(ValueError):
        charts.threat_components_table(world, states=["RUS"])
    with pytest.raises(ValueError):
        charts.threat_components_table(world, w_power=2.0)


def test_threat_components_chart_spec():
    from alliances import load_world

    table = charts.threat_components_table(load_world("2008-2019"))
    spec = charts.threat_components_chart(table, caption="bars").to_dict()
    assert _title_text(spec).startswith("How threatening") and spec["title"]["subtitle"] == "bars"
    assert [p["title"]["text"] for p in spec["hconcat"]] == [
        "Threats to Armenia", "Threats to Azerbaijan", "Threats to Georgia"]
    assert _remote_urls_in_spec(spec) == []
    assert {"partner_name", "component", "raw", "weight", "contribution", "threat"} <= _all_tooltip_fields(spec)
    bars = spec["hconcat"][0]["layer"][0]
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 1]
    assert bars["encoding"]["color"]["scale"]["range"] == list(charts.THREAT_COMPONENT_COLORS.values())
    labels = [r["label"] for v in spec["datasets"].values() for r in v if "label" in r]
    assert sum("top threat" in x for x in labels) == 3
    with pytest.raises(ValueError, match="missing"):
        charts.threat_components_chart(table.drop(columns="raw"))


def test_agreement_over_time_chart_spec():
    from alliances.comparison import SHORT_TITLES, agreement_over_time
    from alliances.dashboard import hedge_baseline
    from alliances.schemas import PERIODS

    table = agreement_over_time(PERIODS)
    spec = charts.agreement_over_time_chart(table, caption="lines", names=SHORT_TITLES, highlight=["2008-2019"],
                                            baseline=hedge_baseline(PERIODS)).to_dict()
    assert _title_text(spec).startswith("Agreement") and spec["title"]["subtitle"] == "lines"
    assert _remote_urls_in_spec(spec) == []
    shade, chance, lines, points, base = spec["layer"]
    assert spec["datasets"][shade["data"]["name"]] == [{"when": "2008-2019"}]
    assert len(spec["datasets"][base["data"]["name"]]) == len(PERIODS)
    rows = spec["datasets"][lines["data"]["name"]]
    assert {r["label"] for r in rows} == set(SHORT_TITLES.values()) and len(rows) == 5 * len(PERIODS)
    assert lines["encoding"]["x"]["sort"] == list(PERIODS)
    assert lines["encoding"]["color"]["scale"]["range"] == list(charts.THEORY_COLORS)
    assert lines["encoding"]["y"]["scale"]["domain"] == [0, 1]
    assert {"label", "when", "stance_agreement", "pairs"} <= _all_tooltip_fields(spec)
    with pytest.raises(ValueError, match="when"):
        charts.agreement_over_time_chart(table.drop(columns="when"))


def test_agreement_values_chart_spec():
    grid = pd.DataFrame({"stance_agreement": [0.5, 0.5, 0.75, 1.0]})
    spec = charts.agreement_values_chart(grid, default=0.75, caption="grid").to_dict()
    assert spec["title"]["subtitle"] == "grid" and _remote_urls_in_spec(spec) == []
    bars = spec["layer"][0]
    counts = {r["stance_agreement"]: r["settings"] for r in spec["datasets"][bars["data"]["name"]]}
    assert counts == {0.5: 2, 0.75: 1, 1.0: 1}
    assert spec["datasets"][spec["layer"][2]["data"]["name"]][0]["x"] == 0.75
    with pytest.raises(ValueError):
        charts.agreement_values_chart(pd.DataFrame({"x": [1]}))
