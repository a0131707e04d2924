"""Lessons 01–05's charts draw the model's own frames: capability roles, threat components, and the rest."""

from __future__ import annotations

import pandas as pd
import pytest

from alliances import charts, load_table, load_world
from alliances.analysis import parts_frame, sweep
from alliances.theories import balance_of_power as bop
from alliances.theories import balance_of_threat as bot
from alliances.theories import predict
from tests.charts.helpers import (
    SAFE_COLOURS,
    SVG,
    URL_LOAD,
    bundle,
    remote_urls,
    rows_with,
    title_text,
    tooltip_fields,
    urls_outside_data,
)


@pytest.fixture(scope="module")
def w0819():
    return load_world("2008-2019")


def _chart_roles(spec: dict) -> dict[tuple[str, str], str]:
    """(measure label, actor name) -> role label, as the chart draws them."""
    return {(r["measure"], r["name"]): r["role"] for r in rows_with(spec, "role")}


def _model_roles(roles: pd.DataFrame) -> dict[tuple[str, str], str]:
    return {(bop.MEASURE_WORDS[r.measure], r.name): charts.POWER_ROLE_LABELS[r.role] for r in roles.itertuples()}


# -- lesson 01: capability shares ----------------------------------------------------------

def test_capability_chart_draws_the_models_shares_and_roles(w0819):
    roles = bop.capability_roles(w0819)
    spec = charts.capability_shares_chart(roles, when=w0819.when).to_dict()
    assert "Capability shares, 2008-2019" in title_text(spec) and spec["title"]["subtitle"]
    assert [p["title"]["text"] for p in spec["hconcat"]] == ["CINC", "military spending", "GDP", "population"]
    assert remote_urls(spec) == []
    assert {"name", "share", "value", "unit", "role"} <= tooltip_fields(spec)
    assert _chart_roles(spec) == _model_roles(roles)
    shares = {(r["measure"], r["name"]): r["share"] for r in rows_with(spec, "role")}
    assert shares == pytest.approx({(bop.MEASURE_WORDS[r.measure], r.name): r.share for r in roles.itertuples()})
    assert _chart_roles(spec)[("CINC", "Russia")].startswith("hegemon")


def test_the_chart_names_the_models_hegemon_after_a_replace():
    """Regression: the chart used to rank only the powers and called Russia the hegemon here,
    while the model (which ranks every member of the system) balances Azerbaijan."""
    world = load_world("2008-2019").replace(capability={"cinc": {"AZE": 1.0}})
    roles = bop.capability_roles(world, measures=["cinc"])
    chart_roles = _chart_roles(charts.capability_shares_chart(roles).to_dict())
    assert chart_roles == _model_roles(roles)
    assert chart_roles[("CINC", "Azerbaijan")].startswith("hegemon")
    assert chart_roles[("CINC", "Russia")] == "strongest counterweight"
    pred = predict("balance_of_power", world).set_index(["state", "partner"])
    assert pred.loc[("ARM", "AZE"), "stance"] == "balance"
    assert "the strongest counterweight" in pred.loc[("ARM", "RUS"), "reason"]


def test_the_global_system_adds_the_west(w0819):
    roles = bop.capability_roles(w0819, scope="global", measures=["milex"])
    chart_roles = _chart_roles(charts.capability_shares_chart(roles).to_dict())
    assert chart_roles[("military spending", w0819.names["WEST"])].startswith("hegemon")


def test_every_model_role_has_a_label_and_a_safe_colour():
    assert set(charts.POWER_ROLE_LABELS) == set(bop.ROLES)
    assert set(charts.POWER_ROLE_LABELS.values()) == set(charts.POWER_ROLE_COLORS)
    assert {c.upper() for c in charts.POWER_ROLE_COLORS.values()} <= SAFE_COLOURS


def test_capability_chart_refuses_frames_it_cannot_draw(w0819):
    roles = bop.capability_roles(w0819)
    with pytest.raises(ValueError, match="missing"):
        charts.capability_shares_chart(roles.drop(columns="role"))
    with pytest.raises(ValueError, match="unknown roles"):
        charts.capability_shares_chart(roles.assign(role="kingmaker"))


# -- lesson 02: threat components ----------------------------------------------------------

def test_threat_components_chart_spec(w0819):
    table = bot.threat_components(w0819)
    spec = charts.threat_components_chart(table, caption="bars").to_dict()
    assert title_text(spec).startswith("How threatening") and spec["title"]["subtitle"] == "bars"
    assert [p["title"]["text"] for p in spec["hconcat"]] == [f"Threats to {w0819.names[s]}" for s in w0819.choosers]
    assert remote_urls(spec) == []
    assert {"partner_name", "component", "raw", "weight", "contribution", "threat"} <= tooltip_fields(spec)
    bars = spec["hconcat"][0]["layer"][0]
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 1]
    assert bars["encoding"]["color"]["scale"]["domain"] == list(bot.COMPONENTS)
    assert bars["encoding"]["color"]["scale"]["range"] == [charts.THREAT_COMPONENT_COLORS[c] for c in bot.COMPONENTS]
    labels = [r["label"] for r in rows_with(spec, "label")]
    assert sum("top threat" in x for x in labels) == int(table.drop_duplicates(["state", "partner"])["top"].sum()) == 3
    with pytest.raises(ValueError, match="missing"):
        charts.threat_components_chart(table.drop(columns="raw"))


# -- lessons 03-04 -------------------------------------------------------------------------

def test_instability_chart_has_two_lanes_sources_and_a_safe_palette():
    events = load_table("instability_events")
    spec = charts.instability_chart(events, caption="c", highlight=(2008, 2019)).to_dict()
    assert title_text(spec).startswith("Threats to the regime")
    points = spec["layer"][-1]
    assert points["encoding"]["yOffset"]["field"] == "dimension"
    assert {"description", "source", "kind"} <= tooltip_fields(spec)
    assert {c.upper() for c in points["encoding"]["color"]["scale"]["range"]} <= SAFE_COLOURS
    assert not urls_outside_data(spec)
    assert len(rows_with(spec, "kind")) == len(events[events["year"].between(1991, 2024)])
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
    assert lines["encoding"]["color"]["scale"]["range"] == list(charts.CATEGORY_COLORS[:2])
    assert {"actor", "year", "value"} <= tooltip_fields(spec)
    many = pd.DataFrame({"actor": [f"a{i}" for i in range(9)], "year": 2000, "value": 0.5})
    with pytest.raises(ValueError, match="at most 8"):
        charts.regime_chart(many)
    with pytest.raises(ValueError, match="missing"):
        charts.regime_chart(frame.drop(columns=["value"]))


def test_weight_sweep_chart_marks_thresholds_default_and_pairs(w0819):
    frame = sweep("omnibalancing", w0819, "internal_weight", [0.0, 0.45, 1.0])
    spec = charts.weight_sweep_chart(frame, "Sweep", "caption", pairs=[("ARM", "RUS"), ("AZE", "WEST")],
                                     default=0.45, align_at=0.3).to_dict()
    assert title_text(spec) == "Sweep"
    assert {r["pair"] for r in rows_with(spec, "pair")} == {"Armenia → Russia", "Azerbaijan → the West"}
    thresholds = [r["score"] for r in rows_with(spec, "label") if "score" in r and "pair" not in r]
    assert 0.3 in thresholds and -0.25 in thresholds, "align_at as given, balance_at the theories' default"
    assert any(r.get("value") == 0.45 for r in rows_with(spec, "label"))
    assert {"pair", "value", "score", "stance"} <= tooltip_fields(spec)
    with pytest.raises(ValueError, match="pairs not in the frame"):
        charts.weight_sweep_chart(frame, "t", pairs=[("ARM", "USA")])
    with pytest.raises(ValueError, match="sweep"):
        charts.weight_sweep_chart(frame.drop(columns=["stance"]), "t")


def test_identity_matrix_chart_shows_memory_kinship_and_gaps():
    dyads = load_table("identity_dyads")
    spec = charts.identity_matrix_chart(dyads, partners=["ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "USA", "EU"]).to_dict()
    rows = {(r["state"], r["partner"]): r for r in rows_with(spec, "memory")}
    assert rows[("AZE", "TUR")]["label"] == "+2 kin"
    assert rows[("ARM", "GEO")]["label"] == "n/c" and rows[("ARM", "GEO")]["coded"] == "not coded"
    assert rows[("GEO", "RUS")]["scaled"] == -1
    assert {"memory_why", "memory_source", "kin_why", "kin_source"} <= tooltip_fields(spec)
    assert spec["layer"][1]["encoding"]["color"]["scale"]["scheme"] == charts.SCORE_SCHEME
    with pytest.raises(ValueError, match="missing"):
        charts.identity_matrix_chart(dyads.drop(columns=["ethnic_kinship"]))


# -- lesson 05: levels ---------------------------------------------------------------------

@pytest.fixture
def parts_long(frame) -> pd.DataFrame:
    rows = [(r.state, r.partner, part, r.score * share, r.score, r.reason) for r in frame.itertuples()
            for part, share in (("regional", 0.5), ("weakness", 0.3), ("penetration", 0.2))]
    return pd.DataFrame(rows, columns=["state", "partner", "part", "contribution", "score", "reason"])


def test_levels_chart_stacks_parts_per_state(parts_long):
    spec = charts.levels_chart(parts_long, caption="levels", part_labels={"regional": "regional amity"}).to_dict()
    assert title_text(spec) == "What drove each score"
    panels = spec["hconcat"]
    assert [p["title"]["text"] for p in panels] == ["ARM", "AZE", "GEO"]
    bars = panels[0]["layer"][1]
    assert bars["encoding"]["x"]["stack"] == "zero"
    assert bars["encoding"]["color"]["scale"]["domain"] == ["regional amity", "weakness", "penetration"]
    assert bars["encoding"]["color"]["scale"]["range"] == [charts.PART_COLORS[p] for p in
                                                          ("regional", "weakness", "penetration")]
    assert {"reason", "contribution", "score"} <= tooltip_fields(spec)
    assert urls_outside_data(spec) == []
    with pytest.raises(ValueError, match="contribution"):
        charts.levels_chart(parts_long.drop(columns="contribution"))


def test_lesson01_to_05_charts_render_offline(renderer, w0819):
    for chart in (charts.capability_shares_chart(bop.capability_roles(w0819)),
                  charts.threat_components_chart(bot.threat_components(w0819)),
                  charts.instability_chart(load_table("instability_events")),
                  charts.identity_matrix_chart(load_table("identity_dyads")),
                  charts.levels_chart(parts_frame("rsct", w0819))):
        out = bundle(chart)
        assert SVG in out and URL_LOAD.search(out[SVG]) is None
