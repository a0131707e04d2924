"""Constructivism (identity): the reading's claims, parameters, a worked example, monotonicity."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import PERIODS, load_world
from alliances.analysis import observed
from alliances.errors import ParameterError
from alliances.theories import constructivism as co
from alliances.theories import explain, predict
from alliances.theories.inputs import hostility, support
from tests.helpers import assert_dropping_hostile_acts_never_lowers

THEORY = "constructivism"
THIN = {"identity": "thin"}
HISTORY_ONLY = {**THIN, "use_religion": False, "use_language": False, "use_kinship": False, "use_memory": True}


def table(world, **params):
    """The thin-identity variant (the reading's argument) unless ``identity`` is given."""
    return predict(THEORY, world, **{**THIN, **params}).set_index(["state", "partner"])


def interaction(world, **params):
    return predict(THEORY, world, identity="interaction", **params).set_index(["state", "partner"])


@pytest.fixture(scope="module")
def w0819():
    return load_world("2008-2019")


@pytest.fixture(scope="module")
def obs0819(w0819):
    return observed(w0819).set_index(["state", "partner"])


# -- the reading's claims ------------------------------------------------------------------

def test_identity_correctly_predicts_azerbaijan_aligning_with_turkey(w0819, obs0819):
    assert table(w0819).loc[("AZE", "TUR"), "stance"] == "align"
    assert obs0819.loc[("AZE", "TUR"), "stance"] == "align"


def test_identity_wrongly_predicts_orthodox_georgia_aligning_with_russia(w0819, obs0819):
    assert w0819.identity["GEO"].religion_branch == w0819.identity["RUS"].religion_branch
    assert table(w0819).loc[("GEO", "RUS"), "stance"] == "align"
    assert obs0819.loc[("GEO", "RUS"), "stance"] != "align"  # observed: balance
    parts = explain(THEORY, w0819, "GEO", "RUS", **THIN).set_index("input")["contribution"]
    assert parts["religion"] > 0 and parts["religion"] == parts.drop("score").max()


def test_history_only_wrongly_predicts_georgian_hostility_towards_turkey(w0819, obs0819):
    assert table(w0819, **HISTORY_ONLY).loc[("GEO", "TUR"), "stance"] == "balance"
    assert obs0819.loc[("GEO", "TUR"), "stance"] != "balance"  # observed: align


def test_history_only_score_is_the_memory_alone(w0819):
    """With memory the only marker its weight cancels out: the score is memory / 2."""
    for weight in (0.1, 0.25, 1.0):
        t = table(w0819, memory_weight=weight, **HISTORY_ONLY)
        for (s, j), row in t.iterrows():
            assert row["score"] == pytest.approx(w0819.memory[(s, j)] / 2)


# -- every parameter changes a prediction ----------------------------------------------

def test_religion_toggle_and_weight_change_georgia_russia(w0819):
    assert table(w0819, use_religion=False).loc[("GEO", "RUS"), "stance"] == "hedge"
    assert table(w0819, religion_weight=0.0).loc[("GEO", "RUS"), "stance"] == "hedge"


def test_memory_toggle_and_weight_change_predictions(w0819):
    base = table(w0819)
    assert table(w0819, memory_weight=1.0).loc[("GEO", "RUS"), "stance"] == "hedge"
    assert table(w0819, use_memory=False).loc[("GEO", "TUR"), "score"] == 0.0
    assert base.loc[("GEO", "TUR"), "score"] < 0


def test_language_toggle_and_weight_change_scores(w0819):
    base = table(w0819).loc[("ARM", "IRN"), "score"]  # both Indo-European
    assert base > 0
    assert table(w0819, use_language=False).loc[("ARM", "IRN"), "score"] == 0.0
    assert table(w0819, language_weight=1.0).loc[("ARM", "IRN"), "score"] > base


def test_kinship_toggle_and_weight_change_scores(w0819):
    base = table(w0819).loc[("AZE", "GEO"), "score"]  # coded kinship AZE -> GEO = 1
    assert base > 0
    assert table(w0819, use_kinship=False).loc[("AZE", "GEO"), "score"] < base
    assert table(w0819, kinship_weight=1.0).loc[("AZE", "GEO"), "score"] > base


# -- worked example ------------------------------------------------------------------------

def test_worked_example_georgia_russia(w0819):
    """S = sum_m w_m x_m / sum_m w_m, Georgia -> Russia, 2008-2019, defaults."""
    weights = {"religion": 1.0, "language": 0.5, "kinship": 0.5, "memory": 0.25}
    geo, rus = w0819.identity["GEO"], w0819.identity["RUS"]
    x = {
        "religion": 1.0 if geo.religion_branch == rus.religion_branch else 0.0,  # both eastern_orthodox
        "language": 0.0 if geo.language_family != rus.language_family else 0.5,  # kartvelian vs indo_european
        "kinship": float(w0819.kinship[("GEO", "RUS")]),                         # 0
        "memory": w0819.memory[("GEO", "RUS")] / 2,                              # -2 / 2 = -1
    }
    assert x == {"religion": 1.0, "language": 0.0, "kinship": 0.0, "memory": -1.0}
    expected = sum(weights[m] * x[m] for m in weights) / sum(weights.values())  # 0.75 / 2.25
    assert expected == pytest.approx(1 / 3)
    assert table(w0819).loc[("GEO", "RUS"), "score"] == pytest.approx(expected)


def test_none_markers_do_not_match(w0819):
    """WEST's religion branch is None (USA and EU differ): only the family (Christian) matches."""
    assert w0819.identity["WEST"].religion_branch is None
    assert co.markers(w0819, "GEO", "WEST")["religion"] == 0.5
    assert co.markers(w0819, "AZE", "WEST")["religion"] == 0.0
    assert co.shared(None, None, None, None) == 0.0


def test_all_weights_zero_gives_no_basis(w0819):
    t = predict(THEORY, w0819, religion_weight=0.0, language_weight=0.0, kinship_weight=0.0,
                memory_weight=0.0, **THIN)
    assert (t["score"] == 0).all() and (t["stance"] == "hedge").all()
    assert t["reason"].str.contains("no basis for a prediction").all()
    t2 = predict(THEORY, w0819, use_religion=False, use_language=False, use_kinship=False,
                 use_memory=False, **THIN)
    assert (t2["score"] == 0).all()


# -- monotonicity --------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(when=st.sampled_from(PERIODS), s=st.sampled_from(("ARM", "AZE", "GEO")),
       j=st.sampled_from(("ARM", "AZE", "GEO", "RUS", "TUR", "IRN")),
       a=st.floats(-2, 2), b=st.floats(-2, 2))
def test_a_warmer_memory_never_lowers_the_score(when, s, j, a, b):
    if s == j:
        return
    lo, hi = sorted((a, b))
    world = load_world(when)
    low = table(world.replace(memory={(s, j): lo})).loc[(s, j), "score"]
    high = table(world.replace(memory={(s, j): hi})).loc[(s, j), "score"]
    assert high >= low - 1e-12


@pytest.mark.parametrize("when", PERIODS)
def test_kinship_never_lowers_the_score(when):
    world = load_world(when)
    for s in world.choosers:
        for j in world.partners(s):
            if j == "WEST":
                continue
            without = table(world.replace(kinship={(s, j): 0})).loc[(s, j), "score"]
            with_kin = table(world.replace(kinship={(s, j): 1})).loc[(s, j), "score"]
            assert with_kin >= without - 1e-12, (s, j)


@settings(max_examples=40, deadline=None)
@given(marker=st.sampled_from(co.MARKERS), lo=st.floats(0.01, 1), hi=st.floats(0.01, 1))
def test_raising_a_weight_moves_every_score_towards_that_marker(marker, lo, hi, w0819):
    lo, hi = sorted((lo, hi))
    a = table(w0819, **{f"{marker}_weight": lo})
    b = table(w0819, **{f"{marker}_weight": hi})
    for (s, j), row in a.iterrows():
        x = co.markers(w0819, s, j)[marker]
        assert (b.loc[(s, j), "score"] - row["score"]) * (x - row["score"]) >= -1e-12


# -- parameters and reasons ----------------------------------------------------------------

def test_bad_parameters_are_refused(w0819):
    with pytest.raises(ParameterError, match="has no parameter"):
        predict(THEORY, w0819, use_ethnicity=True)
    with pytest.raises(ValueError, match=r"memory_weight=2 is not allowed: give a number from 0\.0 to 1\.0"):
        predict(THEORY, w0819, memory_weight=2)
    with pytest.raises(ValueError, match="use_religion=1 is not allowed: give True or False"):
        predict(THEORY, w0819, use_religion=1)


@pytest.mark.parametrize("params", [{}, THIN, HISTORY_ONLY, {"religion_weight": 0.0, "language_weight": 0.0,
                                                             "kinship_weight": 0.0, "memory_weight": 0.0, **THIN},
                                    {"use_memory": False, "practice_weight": 0.0}])
@pytest.mark.parametrize("when", PERIODS)
def test_every_reason_is_one_sentence_naming_the_partner(when, params):
    world = load_world(when)
    for row in predict(THEORY, world, **params).itertuples():
        assert row.reason and row.reason.endswith(".")
        assert not re.search(r"[.!?]\s", row.reason[:-1]), row.reason
        assert world.names[row.partner] in row.reason


# -- identity made in interaction (Wendt's three cultures; the default variant) ---------------

def test_the_default_is_the_interaction_variant():
    assert co.PARAMETERS[0].name == "identity" and co.PARAMETERS[0].default == "interaction"


def test_interaction_makes_russia_georgias_enemy_and_the_orthodox_claim_fails(w0819, obs0819):
    """Identity made in interaction: the 2008 war and recognition of the separatists (current
    practice) on top of a remembered enemy make Russia Hobbesian for Georgia. The reading's
    claim (Orthodox Georgia aligning with Orthodox Russia) holds only in the thin variant."""
    assert interaction(w0819).loc[("GEO", "RUS"), "stance"] == "balance" == obs0819.loc[("GEO", "RUS"), "stance"]
    assert "Hobbesian" in interaction(w0819).loc[("GEO", "RUS"), "reason"]
    assert table(w0819).loc[("GEO", "RUS"), "stance"] == "align"


def test_interaction_score_by_hand(w0819):
    """S = ((1 - lambda) M + lambda P) / 1 at lambda = 0.5, Georgia -> Russia, 2008-2019."""
    m = w0819.memory[("GEO", "RUS")] / 2
    p = ((support(w0819, "RUS", "GEO") - hostility(w0819, "RUS", "GEO"))
         + (support(w0819, "GEO", "RUS") - hostility(w0819, "GEO", "RUS"))) / 2
    assert co.practice(w0819, "GEO", "RUS") == pytest.approx(p)
    assert interaction(w0819).loc[("GEO", "RUS"), "score"] == pytest.approx(0.5 * m + 0.5 * p)
    parts = explain(THEORY, w0819, "GEO", "RUS").set_index("input")["contribution"]
    assert parts["memory"] + parts["practice"] == pytest.approx(parts["score"])


def test_interaction_moves_over_time():
    """Unlike thin identity, the interaction variant changes with what states do."""
    thin = {when: tuple(table(load_world(when))["score"].round(9)) for when in PERIODS}
    moving = {when: tuple(interaction(load_world(when))["score"].round(9)) for when in PERIODS}
    assert len(set(thin.values())) == 1
    assert len(set(moving.values())) == len(PERIODS)


def test_the_culture_named_is_the_stance_given(w0819):
    for thresholds in ({}, {"align_at": 0.05}, {"balance_at": -0.9}):
        for row in predict(THEORY, w0819, **thresholds).itertuples():
            assert co.CULTURES[row.stance] in row.reason


@pytest.mark.parametrize("when", PERIODS)
def test_dropping_a_hostile_act_never_makes_a_partner_more_of_an_enemy(when):
    assert_dropping_hostile_acts_never_lowers(lambda w: interaction(w)["score"], load_world(when))


@settings(max_examples=30, deadline=None)
@given(when=st.sampled_from(PERIODS), s=st.sampled_from(("ARM", "AZE", "GEO")),
       j=st.sampled_from(("ARM", "AZE", "GEO", "RUS", "TUR", "IRN")), a=st.floats(-2, 2), b=st.floats(-2, 2),
       lam=st.floats(0, 1))
def test_a_warmer_memory_never_lowers_the_interaction_score(when, s, j, a, b, lam):
    if s == j:
        return
    lo, hi = sorted((a, b))
    world = load_world(when)
    low = interaction(world.replace(memory={(s, j): lo}), practice_weight=lam).loc[(s, j), "score"]
    high = interaction(world.replace(memory={(s, j): hi}), practice_weight=lam).loc[(s, j), "score"]
    assert high >= low - 1e-12


def test_practice_weight_zero_is_memory_alone_and_one_is_practice_alone(w0819):
    for (s, j), row in interaction(w0819, practice_weight=0.0).iterrows():
        assert row["score"] == pytest.approx(w0819.memory.get((s, j), 0.0) / 2)
    for (s, j), row in interaction(w0819, practice_weight=1.0).iterrows():
        assert row["score"] == pytest.approx(co.practice(w0819, s, j))
    none = interaction(w0819, practice_weight=0.0, use_memory=False)
    assert (none["score"] == 0).all() and none["reason"].str.contains("no basis").all()
