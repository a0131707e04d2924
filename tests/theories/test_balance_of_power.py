"""Balance of power (Waltz 1979): the reading's claim, parameters, a worked example, monotonicity."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import PERIODS, load_world
from alliances.analysis import observed
from alliances.codings import DERIVED
from alliances.errors import ParameterError
from alliances.theories import balance_of_power as bop
from alliances.theories import explain, predict, resolve_params

THEORY = "balance_of_power"


def table(world, **params):
    return predict(THEORY, world, **params).set_index(["state", "partner"])


@pytest.fixture(scope="module")
def w0819():
    return load_world("2008-2019")


# -- the reading's claim -----------------------------------------------------------------

def test_all_three_states_take_the_same_stance_towards_russia(w0819):
    """The readings: balance of power gives all three states the same stance towards Russia,
    the strongest neighbour — although in reality their stances diverge."""
    pred, obs = table(w0819), observed(w0819).set_index(["state", "partner"])
    rows = [pred.loc[(s, "RUS")] for s in w0819.choosers]
    assert {r["stance"] for r in rows} == {"balance"}
    assert max(r["score"] for r in rows) == pytest.approx(min(r["score"] for r in rows))
    # Observed: Armenia allied with Russia, Azerbaijan hedged, Georgia opposed it.
    observed_stances = {obs.loc[(s, "RUS"), "stance"] for s in w0819.choosers}
    assert len(observed_stances) == 3


def test_structure_is_the_same_for_every_chooser(w0819):
    """Predictions towards the same partner are identical, whoever the chooser is."""
    pred = table(w0819, measure="gdp", scope="global")
    for partner in w0819.actors:
        scores = [pred.loc[(s, partner), "score"] for s in w0819.choosers if s != partner]
        assert max(scores) == pytest.approx(min(scores)), partner


def test_russia_is_the_regional_hegemon_in_every_period():
    for when in PERIODS:
        shares = bop.capability_shares(load_world(when), "cinc", bop.system(load_world(when), "regional"))
        assert max(shares, key=shares.get) == "RUS", when


def test_turkey_and_iran_are_almost_equal_counterweights_by_cinc():
    """Teaching point: by CINC, Turkey (0.0149) barely outweighs Iran (0.0147) in 2008-2019 and
    Iran overtakes it from 2016 (the value carried into 2023-2025), so which neighbour is 'the'
    counterweight to Russia depends on the measure and the years; by military spending Turkey
    is clearly stronger."""
    w, later = load_world("2008-2019"), load_world("2023-2025")
    cinc = table(w)
    assert cinc.loc[("ARM", "TUR"), "score"] > cinc.loc[("ARM", "IRN"), "score"]
    assert cinc.loc[("ARM", "TUR"), "score"] - cinc.loc[("ARM", "IRN"), "score"] < 0.01
    assert table(later).loc[("ARM", "IRN"), "score"] > table(later).loc[("ARM", "TUR"), "score"]
    milex = table(w, measure="milex")
    assert milex.loc[("ARM", "TUR"), "score"] > 1.5 * milex.loc[("ARM", "IRN"), "score"]


# -- every parameter changes a prediction ----------------------------------------------

def test_measure_changes_turkey(w0819):
    """By CINC Turkey has 38% of Russia's capability (align); by military spending only 15%."""
    assert table(w0819).loc[("GEO", "TUR"), "stance"] == "align"
    assert table(w0819, measure="milex").loc[("GEO", "TUR"), "stance"] == "hedge"


def test_measure_population_changes_iran():
    """1992-1999: Iran has 20% of Russia's CINC (hedge) but 42% of its population (align)."""
    w = load_world("1992-1999")
    assert table(w).loc[("AZE", "IRN"), "stance"] == "hedge"
    assert table(w, measure="population").loc[("AZE", "IRN"), "stance"] == "align"


def test_scope_global_makes_the_west_the_hegemon(w0819):
    regional, world_wide = table(w0819), table(w0819, scope="global")
    assert regional.loc[("ARM", "WEST"), "score"] == 0
    assert "outside the regional system" in regional.loc[("ARM", "WEST"), "reason"]
    assert world_wide.loc[("ARM", "WEST"), "stance"] == "balance"
    assert world_wide.loc[("ARM", "RUS"), "score"] > 0  # now a counterweight to the West


def test_disposition_bandwagon_flips_the_signs(w0819):
    bal, band = table(w0819), table(w0819, disposition="bandwagon")
    assert band.loc[("AZE", "RUS"), "stance"] == "align"
    assert (band["score"] == -bal["score"]).all()
    assert "bandwagoning" in band.loc[("AZE", "RUS"), "reason"]


# -- worked example ------------------------------------------------------------------------

def test_worked_example_by_hand(w0819):
    """Regional CINC, 2008-2019: Russia's share of the six actors' summed CINC, and Turkey's
    CINC relative to Russia's."""
    c = w0819.capability["cinc"]
    regional = ["ARM", "AZE", "GEO", "RUS", "TUR", "IRN"]
    s_rus = c["RUS"] / sum(c[a] for a in regional)
    pred = table(w0819)
    assert 0.5 < s_rus < 0.6
    assert pred.loc[("GEO", "RUS"), "score"] == pytest.approx(-s_rus)
    assert pred.loc[("GEO", "TUR"), "score"] == pytest.approx(c["TUR"] / c["RUS"])
    # Armenia, facing Azerbaijan: a (tiny) counterweight too.
    assert pred.loc[("ARM", "AZE"), "score"] == pytest.approx(c["AZE"] / c["RUS"])


def test_parts_add_up_to_the_score(w0819):
    params = resolve_params(THEORY, {"measure": "milex", "scope": "global"})
    for (state, partner), e in bop.score(w0819, params).items():
        assert sum(e.parts.values()) == pytest.approx(e.score), (state, partner)
    frame = explain(THEORY, w0819, "AZE", "RUS")
    assert frame.iloc[-1]["contribution"] == pytest.approx(frame.iloc[:-1]["contribution"].sum())


# -- monotonicity ----------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(factor=st.floats(1.0, 5.0), when=st.sampled_from(PERIODS),
       measure=st.sampled_from(["cinc", "milex", "gdp", "population"]))
def test_a_stronger_hegemon_is_balanced_more(factor, when, measure):
    """Raising the hegemon's capability never softens the balancing against it."""
    w = load_world(when)
    before = table(w, measure=measure).loc[("ARM", "RUS"), "score"]
    stronger = w.replace(capability={measure: {"RUS": w.capability[measure]["RUS"] * factor}})
    assert table(stronger, measure=measure).loc[("ARM", "RUS"), "score"] <= before + 1e-12


@settings(max_examples=40, deadline=None)
@given(factor=st.floats(1.0, 2.0), when=st.sampled_from(PERIODS))
def test_a_stronger_counterweight_is_aligned_with_more(factor, when):
    """Raising a counterweight's capability (while it stays below the hegemon) never lowers
    the score towards it."""
    w = load_world(when)
    before = table(w).loc[("GEO", "TUR"), "score"]
    stronger = w.replace(capability={"cinc": {"TUR": w.capability["cinc"]["TUR"] * factor}})
    assert table(stronger).loc[("GEO", "TUR"), "score"] >= before - 1e-12


# -- bad parameters, reasons ------------------------------------------------------------------

def test_bad_parameters_are_refused(w0819):
    with pytest.raises(ParameterError, match="has no parameter"):
        predict(THEORY, w0819, weight=1)
    with pytest.raises(ValueError, match="one of 'cinc', 'milex', 'gdp', 'population'"):
        predict(THEORY, w0819, measure="gnp")
    with pytest.raises(ValueError, match="one of 'regional', 'global'"):
        predict(THEORY, w0819, scope="europe")
    with pytest.raises(ValueError, match="a number from -1.0 to 0.0"):
        predict(THEORY, w0819, balance_at=0.5)


@pytest.mark.parametrize("params", [{}, {"scope": "global", "disposition": "bandwagon"},
                                    {"measure": "population"}])
@pytest.mark.parametrize("when", PERIODS)
def test_reasons_are_single_sentences_naming_the_partner(when, params):
    w = load_world(when)
    for row in predict(THEORY, w, **params).itertuples():
        assert row.reason and row.reason[0].isupper() and row.reason.endswith(".")
        assert len(re.findall(r"[.!?](\s|$)", row.reason)) == 1, row.reason
        assert w.names[row.partner].lower() in row.reason.lower()


def test_no_data_gives_a_defined_result(w0819):
    empty = w0819.replace(capability={"milex": {a: 0 for a in w0819.capability["milex"] if a not in DERIVED}})
    pred = table(empty, measure="milex")
    assert (pred["score"] == 0).all()
    assert "No military spending data" in pred.loc[("ARM", "RUS"), "reason"]


def test_a_chooser_that_is_itself_the_hegemon_balances_no_one(w0819):
    giant = w0819.replace(capability={"cinc": {"AZE": 1.0}})
    pred = table(giant)
    assert (pred.loc["AZE"]["score"] == 0).all()
    assert pred.loc[("ARM", "AZE"), "stance"] == "balance"


# -- capability roles: the frame the capability chart draws ------------------------------------

def _assert_roles_agree_with_the_scores(world, measure, scope):
    """The role of each member is what the scores say: the hegemon is balanced against with its
    full share by every other chooser, and the strongest counterweights are exactly the partners
    the reasons call so."""
    roles = bop.capability_roles(world, scope, [measure]).set_index("actor")
    pred = table(world, measure=measure, scope=scope)
    (hegemon,) = roles.index[roles["role"] == "hegemon"]
    assert roles["share"].max() == roles.loc[hegemon, "share"]
    others = [s for s in world.choosers if s != hegemon]
    for state in others:
        assert pred.loc[(state, hegemon), "score"] == pytest.approx(-roles.loc[hegemon, "share"])
    named = {p for s in others for p in world.partners(s)
             if "the strongest counterweight" in pred.loc[(s, p), "reason"]}
    assert set(roles.index[roles["role"] == "strongest counterweight"]) == named
    rest = roles[~roles["role"].isin(["hegemon", "strongest counterweight"])]
    assert (rest["role"] == rest.index.map(lambda a: "chooser" if a in world.choosers else "other power")).all()


@pytest.mark.parametrize("measure", ["cinc", "milex", "gdp", "population"])
@pytest.mark.parametrize("scope", ["regional", "global"])
@pytest.mark.parametrize("when", PERIODS)
def test_capability_roles_agree_with_the_scores(when, scope, measure):
    _assert_roles_agree_with_the_scores(load_world(when), measure, scope)


def test_a_chooser_can_be_the_hegemon_of_the_roles_too(w0819):
    """Regression: the model ranks every member of the system, choosers included; the roles
    (and so the chart) must name Azerbaijan here, not the strongest outside power."""
    giant = w0819.replace(capability={"cinc": {"AZE": 1.0}})
    roles = bop.capability_roles(giant, measures=["cinc"]).set_index("actor")["role"]
    assert roles["AZE"] == "hegemon" and roles["RUS"] == "strongest counterweight"
    _assert_roles_agree_with_the_scores(giant, "cinc", "regional")


def test_capability_roles_frame(w0819):
    roles = bop.capability_roles(w0819)
    assert list(roles.columns) == ["measure", "actor", "name", "share", "value", "role"]
    assert len(roles) == 4 * len(bop.system(w0819, "regional"))
    assert set(roles["role"]) <= set(bop.ROLES)
    cinc = roles[roles["measure"] == "cinc"].set_index("actor")
    shares = bop.capability_shares(w0819, "cinc", bop.system(w0819, "regional"))
    assert cinc["share"].to_dict() == pytest.approx(shares)
    assert cinc.loc["RUS", "value"] == w0819.capability["cinc"]["RUS"]
    assert cinc.loc["TUR", "name"] == w0819.names["TUR"]
    empty = w0819.replace(capability={"milex": {a: 0 for a in w0819.capability["milex"] if a not in DERIVED}})
    no_data = bop.capability_roles(empty, measures=["milex"])
    assert not no_data["role"].isin(["hegemon", "strongest counterweight"]).any(), "no data, no hegemon"
    with pytest.raises(ParameterError, match="one of 'cinc'"):
        bop.capability_roles(w0819, measures=["steel"])
    with pytest.raises(ParameterError, match="one of 'regional', 'global'"):
        bop.capability_roles(w0819, scope="planetary")
    with pytest.raises(ValueError, match="at least one measure"):
        bop.capability_roles(w0819, measures=[])
