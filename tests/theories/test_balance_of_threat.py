"""Balance of threat (Walt 1987): default predictions, parameters, a worked example, monotonicity."""

from __future__ import annotations

import dataclasses
import math
import re
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import PERIODS, load_world
from alliances.analysis import observed
from alliances.errors import ParameterError
from alliances.theories import balance_of_threat as bot
from alliances.theories import explain, predict, resolve_params
from alliances.theories.inputs import hostility, proximity

THEORY = "balance_of_threat"
DEFAULTS = resolve_params(THEORY, {})


def table(world, **params):
    return predict(THEORY, world, **params).set_index(["state", "partner"])


def threats(world, state, **params):
    _, share = bot.threat_parts(world, {**DEFAULTS, **params}, state)
    return {j: sum(parts.values()) for j, parts in share.items()}


@pytest.fixture(scope="module")
def w0819():
    return load_world("2008-2019")


# -- default predictions, 2008-2019 -------------------------------------------------------

def test_georgia_balances_russia_with_the_west_turkey_and_azerbaijan(w0819):
    """Russia (war, recognised separatists, shared border) is Georgia's top threat; the West,
    Turkey and Azerbaijan support Georgia and not Russia — as observed."""
    pred, obs = table(w0819), observed(w0819).set_index(["state", "partner"])
    assert max(threats(w0819, "GEO").items(), key=lambda kv: kv[1])[0] == "RUS"
    for partner, expected in (("RUS", "balance"), ("WEST", "align"), ("TUR", "align"),
                              ("AZE", "align")):
        assert pred.loc[("GEO", partner), "stance"] == expected == obs.loc[("GEO", partner), "stance"]


def test_azerbaijan_balances_armenia_with_turkey(w0819):
    pred = table(w0819)
    assert max(threats(w0819, "AZE").items(), key=lambda kv: kv[1])[0] == "ARM"
    assert pred.loc[("AZE", "ARM"), "stance"] == "balance"
    assert pred.loc[("AZE", "TUR"), "stance"] == "align"
    assert "strongest such counterweight" in pred.loc[("AZE", "TUR"), "reason"]


def test_armenia_balances_azerbaijan_and_turkey_and_leans_on_russia(w0819):
    """Turkey's closed border and Azerbaijan's blockade and 2016 war leave the two neighbours
    Armenia's top threats within a few per cent of each other (Turkey's greater power, projected
    across a shared border, edges it ahead); Armenia balances both, as observed. Russia, opposed
    to Turkey and Azerbaijan through its support of Armenia, is Armenia's highest-scored
    partner, but its own projected power keeps it a hedge (observed: align) — a finding of the
    gradient model, not hidden by a chosen weight."""
    t = threats(w0819, "ARM")
    assert {max(t, key=t.get)} <= {"AZE", "TUR"}
    assert abs(t["AZE"] - t["TUR"]) < 0.05 * max(t["AZE"], t["TUR"])
    pred, obs = table(w0819), observed(w0819).set_index(["state", "partner"])
    for partner in ("AZE", "TUR"):
        assert pred.loc[("ARM", partner), "stance"] == "balance" == obs.loc[("ARM", partner), "stance"]
    assert pred.loc["ARM"]["score"].idxmax() == "RUS"
    assert pred.loc[("ARM", "RUS"), "score"] > 0


def test_the_gradient_keeps_russias_offensive_capability_towards_georgia(w0819):
    """Walt: the ability to project power declines with distance. Undiscounted (the additive
    variant), Russia's military spending is a small fraction of the West's and its offensive
    capability towards Georgia, which it invaded in 2008, comes out near zero; projected across
    the shared border against the West's budget thousands of kilometres away, it does not."""
    comp_g, _ = bot.threat_parts(w0819, DEFAULTS, "GEO")
    comp_a, _ = bot.threat_parts(w0819, {**DEFAULTS, "combination": "additive"}, "GEO")
    assert comp_a["RUS"]["offensive capability"] < 0.1
    assert comp_g["RUS"]["offensive capability"] > 2.5 * comp_a["RUS"]["offensive capability"]
    assert comp_g["RUS"]["offensive capability"] > 0.2
    assert comp_g["WEST"]["offensive capability"] == 1.0 == comp_a["WEST"]["offensive capability"]


def test_equal_weights_make_the_distant_west_the_top_threat_only_when_added(w0819):
    """The additive variant at equal weights makes the West the top threat of all three states,
    Georgia included; the gradient keeps Russia Georgia's top threat at every such weighting."""
    equal = {"w_power": 1.0, "w_proximity": 1.0, "w_offense": 1.0, "w_intentions": 1.0}
    for state in w0819.choosers:
        t = threats(w0819, state, combination="additive", **equal)
        assert max(t, key=t.get) == "WEST", state
    t = threats(w0819, "GEO", **equal)
    assert max(t, key=t.get) == "RUS"


@pytest.mark.parametrize("state", ["ARM", "AZE", "GEO"])
@pytest.mark.parametrize("when", PERIODS)
def test_more_distance_never_raises_a_threat(w0819, when, state):
    """Monotonicity: moving an actor's capital further away (and taking away a shared border)
    never raises its threat, under either combination."""
    w = load_world(when)
    for combination in bot.COMBINATIONS:
        before = threats(w, state, combination=combination)
        for j in w.partners(state):
            far = dataclasses.replace(
                w, land_border=MappingProxyType({**w.land_border, (state, j): False, (j, state): False}),
                distance_km=MappingProxyType({**w.distance_km, (state, j): (w.distance_km.get((state, j)) or 0) + 3000,
                                              (j, state): (w.distance_km.get((j, state)) or 0) + 3000}))
            assert threats(far, state, combination=combination)[j] <= before[j] + 1e-12, (combination, j)


def test_projected_refuses_an_unknown_combination(w0819):
    with pytest.raises(ValueError, match="combination"):
        bot.projected(w0819, "GEO", "milex", "multiplied")
    with pytest.raises(ParameterError):
        predict(THEORY, w0819, combination="multiplied")


# -- every parameter changes a prediction ----------------------------------------------

@pytest.mark.parametrize("name, value, when, pair, before, after", [
    ("w_power", 0.0, "1992-1999", ("ARM", "IRN"), "hedge", "align"),
    ("w_offense", 0.0, "1992-1999", ("AZE", "TUR"), "hedge", "align"),
    ("w_proximity", 0.0, "1992-1999", ("ARM", "TUR"), "balance", "hedge"),
    ("w_intentions", 0.0, "1992-1999", ("ARM", "AZE"), "balance", "hedge"),
    ("count_wars", False, "2020-2022", ("AZE", "IRN"), "balance", "hedge"),  # Iran's 2021 drills
    ("count_separatism_occupation", False, "1992-1999", ("GEO", "RUS"), "balance", "hedge"),
    ("count_blockades", False, "1992-1999", ("ARM", "AZE"), "balance", "hedge"),
    ("count_pressure", False, "2000-2007", ("AZE", "GEO"), "hedge", "align"),
    ("combination", "additive", "1992-1999", ("GEO", "RUS"), "balance", "hedge"),
])
def test_each_parameter_changes_a_prediction(name, value, when, pair, before, after):
    w = load_world(when)
    assert table(w).loc[pair, "stance"] == before
    assert table(w, **{name: value}).loc[pair, "stance"] == after


def test_act_toggles_cover_every_hostile_kind_they_name():
    kinds = {a.kind for when in PERIODS for a in load_world(when).acts if a.valence < 0}
    grouped = {k for group in bot.ACT_GROUPS.values() for k in group}
    assert grouped <= kinds
    assert {p.name for p in bot.PARAMETERS if p.kind == "bool"} == set(bot.ACT_GROUPS)


# -- worked example ------------------------------------------------------------------------

def test_worked_example_by_hand(w0819):
    """Georgia, 2008-2019, gradient. Each actor's CINC and military spending are multiplied by
    its proximity to Georgia (1 across a shared border, 1000 / (1000 + km) otherwise) and set
    against the largest such product. Russia: shared border, intentions = 1 - exp(-(2 + 2 + 1)
    / 2) = 0.92 (the 2008 war, recognising Abkhazia and South Ossetia, economic pressure).
    Weights 0.5, 1, 1, 1 (W = 3.5). Russia is the top threat, balanced at its full threat."""
    cinc, milex = w0819.capability["cinc"], w0819.capability["milex"]
    x = {j: proximity(w0819, "GEO", j) for j in w0819.partners("GEO")}
    assert x["RUS"] == 1.0 and x["WEST"] == pytest.approx(1000 / (1000 + w0819.distance_km[("GEO", "WEST")]))
    top_c = max((cinc[j] or 0) * x[j] for j in x)
    top_m = max((milex[j] or 0) * x[j] for j in x)
    intentions = 1 - math.exp(-(2 + 2 + 1) / 2)
    assert hostility(w0819, "RUS", "GEO") == pytest.approx(intentions)
    t_rus = (0.5 * cinc["RUS"] / top_c + 1.0 + 1.0 * milex["RUS"] / top_m + intentions) / 3.5
    pred = table(w0819)
    assert pred.loc[("GEO", "RUS"), "score"] == pytest.approx(-t_rus)
    # The West: no hostile acts; fully opposed to Russia (seven supportive acts for Georgia),
    # the strongest opposed actor, so aligned with at the top threat's level less its own
    # faded threat.
    t_west = (0.5 * cinc["WEST"] * x["WEST"] / top_c + x["WEST"] + milex["WEST"] * x["WEST"] / top_m) / 3.5
    assert pred.loc[("GEO", "WEST"), "score"] == pytest.approx(t_rus - t_west * t_west / t_rus)


def test_parts_add_up_to_the_score(w0819):
    for when in PERIODS:
        for e in bot.score(load_world(when), DEFAULTS).values():
            assert sum(e.parts.values()) == pytest.approx(e.score) or abs(e.score) == 1
    frame = explain(THEORY, w0819, "ARM", "RUS")
    assert frame.iloc[-1]["contribution"] == pytest.approx(frame.iloc[:-1]["contribution"].sum())


# -- monotonicity ----------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(low=st.floats(0, 1), high=st.floats(0, 1), when=st.sampled_from(PERIODS),
       state=st.sampled_from(["ARM", "AZE", "GEO"]))
def test_raising_the_power_weight_never_lowers_the_most_powerful_actors_threat(low, high, when, state):
    low, high = sorted((low, high))
    w = load_world(when)
    faced = w.partners(state)
    strongest = max(faced, key=lambda j: w.capability["cinc"][j] or 0)
    assert threats(w, state, w_power=high)[strongest] >= threats(w, state, w_power=low)[strongest] - 1e-12


@pytest.mark.parametrize("when", PERIODS + (2008, 2016, 2021, 2023))
def test_dropping_a_hostile_act_never_raises_that_actors_threat(when):
    w = load_world(when)
    for act in (a for a in w.acts if a.valence < 0):
        for state in w.choosers:
            for j in w.partners(state):
                if act in w.acts_between(j, state):
                    fewer = w.replace(drop_acts=[act.act_id])
                    assert threats(fewer, state)[j] <= threats(w, state)[j] + 1e-12, act.act_id


@settings(max_examples=30, deadline=None)
@given(low=st.floats(0.05, 1), high=st.floats(0.05, 1), when=st.sampled_from(PERIODS))
def test_more_weight_on_intentions_never_lowers_a_hostile_actors_threat(low, high, when):
    """Threat is a weighted mean, so an actor whose hostility is at least the (weighted) mean of
    its other components only gains from a higher intentions weight."""
    low, high = sorted((low, high))
    w = load_world(when)
    checked = 0
    for state in w.choosers:
        comp, _ = bot.threat_parts(w, DEFAULTS, state)
        for j in w.partners(state):
            c = comp[j]
            others = (0.5 * c["aggregate power"] + 1.0 * c["proximity"]
                      + 1.0 * c["offensive capability"]) / 2.5
            if c["aggressive intentions"] >= others:
                checked += 1
                assert (threats(w, state, w_intentions=high)[j]
                        >= threats(w, state, w_intentions=low)[j] - 1e-12), (state, j)
    assert checked > 0


# -- zero weights, bad parameters, reasons ---------------------------------------------------

def test_all_weights_zero_give_no_basis(w0819):
    pred = table(w0819, w_power=0.0, w_proximity=0.0, w_offense=0.0, w_intentions=0.0)
    assert (pred["score"] == 0).all()
    assert pred["reason"].str.startswith("All weights are zero").all()


def test_only_intentions_and_no_hostile_acts_give_no_basis(w0819):
    pred = table(w0819, w_power=0.0, w_proximity=0.0, w_offense=0.0, count_wars=False,
                 count_separatism_occupation=False, count_blockades=False, count_pressure=False)
    assert (pred["score"] == 0).all()
    assert "No actor threatens" in pred.loc[("GEO", "RUS"), "reason"]


def test_bad_parameters_are_refused(w0819):
    with pytest.raises(ParameterError, match="has no parameter"):
        predict(THEORY, w0819, count_sanctions=False)
    with pytest.raises(ValueError, match="w_power=1.5 is not allowed: give a number from 0.0 to 1.0"):
        predict(THEORY, w0819, w_power=1.5)
    with pytest.raises(ValueError, match="True or False"):
        predict(THEORY, w0819, count_wars=1)


@pytest.mark.parametrize("params", [{}, {"w_intentions": 0.0}, {"count_blockades": False},
                                    {"w_power": 1.0, "w_offense": 1.0}])
@pytest.mark.parametrize("when", PERIODS)
def test_reasons_are_single_sentences_naming_the_partner(when, params):
    w = load_world(when)
    for row in predict(THEORY, w, **params).itertuples():
        assert row.reason and row.reason[0].isupper() and row.reason.endswith(".")
        assert len(re.findall(r"[.!?](\s|$)", row.reason)) == 1, row.reason
        assert w.names[row.partner].lower() in row.reason.lower()


# -- threat components: the frame the threat chart draws ------------------------------------------

def test_threat_components_sum_to_the_models_threat(w0819):
    table_ = bot.threat_components(w0819)
    assert set(table_["component"]) == set(bot.COMPONENTS)
    assert len(table_) == len(bot.COMPONENTS) * sum(len(w0819.partners(s)) for s in w0819.choosers)
    sums = table_.groupby(["state", "partner"])["contribution"].sum()
    threat = table_.groupby(["state", "partner"])["threat"].first()
    assert (sums - threat).abs().max() < 1e-12
    for state in w0819.choosers:
        expected = threats(w0819, state)
        got = table_[table_["state"] == state].groupby("partner")["threat"].first().to_dict()
        assert got == pytest.approx(expected)
    tops = table_[table_["top"]].drop_duplicates("state").set_index("state")["partner"].to_dict()
    assert tops == {s: max(threats(w0819, s).items(), key=lambda kv: kv[1])[0] for s in w0819.choosers}
    assert tops["AZE"] == "ARM" and tops["GEO"] == "RUS"
    row = table_.iloc[0]
    assert row["state_name"] == w0819.names[row["state"]] and row["partner_name"] == w0819.names[row["partner"]]


def test_threat_components_follow_the_parameters(w0819):
    equal = bot.threat_components(w0819, w_power=1.0, combination="additive")
    assert set(equal[equal["top"]]["partner"]) == {"WEST"}
    assert set(equal["weight"]) == {1.0}
    assert list(bot.threat_components(w0819, states=["GEO"])["state"].unique()) == ["GEO"]
    none = bot.threat_components(w0819, w_power=0.0, w_proximity=0.0, w_offense=0.0, w_intentions=0.0)
    assert not none["top"].any(), "no threat, no top threat"
    with pytest.raises(ValueError, match="states must be"):
        bot.threat_components(w0819, states=["RUS"])
    with pytest.raises(ParameterError):
        bot.threat_components(w0819, w_power=2.0)
