"""alliances.analysis.robustness: shares of parameter space and of time where a claim holds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import PERIODS, THEORIES, load_world
from alliances.analysis.robustness import (
    CLAIMS,
    LESSON_CLAIMS,
    Reading,
    claims_table,
    holds_in,
    parameter_share,
    read_prediction,
    sample_settings,
    share_holding,
    time_shares,
    top_threat_shares,
)
from alliances.errors import ParameterError
from alliances.params import BoolParam, ChoiceParam, FloatParam
from alliances.theories import parameter_specs, predict

X = FloatParam("x", 0.5, "x", low=0.0, high=1.0)
Y = FloatParam("y", 0.0, "y", low=-1.0, high=1.0)
B = BoolParam("b", True, "b")
C = ChoiceParam("c", "p", "c", choices=("p", "q", "r", "s"))


@pytest.mark.parametrize("cut", [0.1, 0.3, 0.75])
def test_latin_hypercube_is_exact_on_one_axis(cut):
    """Each of n strata is used once, so the share of x < cut is cut to within 1/n."""
    settings = sample_settings((X, Y), 200, seed=3)
    assert share_holding(settings, lambda s: s["x"] < cut) == pytest.approx(cut, abs=1 / 200)
    assert share_holding(settings, lambda s: s["y"] < 0) == pytest.approx(0.5, abs=1 / 200)


def test_a_two_dimensional_share_is_close_to_its_area():
    """P(x + (y + 1)/2 < 1) = 1/2 for independent uniforms; sampling error at n = 4000 is about 0.008."""
    for method in ("lhs", "uniform"):
        settings = sample_settings((X, Y), 4000, seed=7, method=method)
        assert share_holding(settings, lambda s: s["x"] + (s["y"] + 1) / 2 < 1) == pytest.approx(0.5, abs=0.03)


def test_toggles_and_choices_are_drawn_uniformly():
    settings = sample_settings((B, C), 4000, seed=11)
    assert share_holding(settings, lambda s: s["b"]) == pytest.approx(0.5, abs=0.03)
    assert share_holding(settings, lambda s: s["c"] == "q") == pytest.approx(0.25, abs=0.03)


def test_sampling_is_seeded_and_reproducible():
    assert sample_settings((X, B, C), 50, seed=5) == sample_settings((X, B, C), 50, seed=5)
    assert sample_settings((X, B, C), 50, seed=5) != sample_settings((X, B, C), 50, seed=6)


def test_fixed_parameters_are_held_and_checked():
    settings = sample_settings((X, B), 20, fixed={"b": False})
    assert {s["b"] for s in settings} == {False}
    with pytest.raises(ParameterError):
        sample_settings((X,), 20, fixed={"nope": 1})
    with pytest.raises(ParameterError):
        sample_settings((X,), 20, fixed={"x": 3.0})


@pytest.mark.parametrize("bad", [0, -1, 2.5, True])
def test_bad_sample_sizes_are_refused(bad):
    with pytest.raises(ParameterError):
        sample_settings((X,), bad)


def test_unknown_method_is_refused():
    with pytest.raises(ParameterError, match="method"):
        sample_settings((X,), 5, method="sobol")


def test_parameter_share_of_a_claim_whose_share_is_known():
    """History-only constructivism scores Georgia -> Turkey at m = memory / 2 whatever the
    memory weight, so "Georgia balances Turkey" holds exactly when balance_at >= m: a share
    -m of balance_at's range [-1, 0] (one half for the coded memory -1). The Latin
    hypercube hits that to within one stratum."""
    world = load_world("2008-2019")
    fixed = {"identity": "thin", "use_religion": False, "use_language": False, "use_kinship": False, "use_memory": True}
    scores = {predict("constructivism", world, memory_weight=w, **fixed)
              .query("state == 'GEO' and partner == 'TUR'")["score"].item() for w in (0.1, 0.5, 1.0)}
    m = world.memory.get(("GEO", "TUR"), 0.0) / 2
    assert scores == {m}
    balances = lambda r: r.stance("GEO", "TUR") == "balance"  # noqa: E731
    share = parameter_share("constructivism", balances, world, samples=400, seed=2, fixed=fixed)
    assert share == pytest.approx(min(1.0, max(0.0, -m)), abs=1 / 400)


@settings(max_examples=60, deadline=None)
@given(theory=st.sampled_from(THEORIES), when=st.sampled_from([*PERIODS, 1995, 2021]), seed=st.integers(0, 10**6))
def test_a_reading_made_from_the_scores_is_the_reading_of_the_prediction_frame(theory, when, seed):
    """Claims read predictions without building a frame; they see what predict() returns, row for row."""
    world = load_world(when)
    (setting,) = sample_settings(parameter_specs(theory), 1, seed=seed)
    assert read_prediction(theory, world, **setting) == Reading.from_frame(predict(theory, world, **setting))


def test_a_reading_answers_stances_scores_and_rankings():
    reading = Reading((("ARM", "RUS"), ("ARM", "TUR"), ("ARM", "IRN"), ("GEO", "RUS")), (0.5, -0.5, float("nan"), 0.1),
                      ("align", "balance", "unknown", "hedge"))
    assert reading.stance("ARM", "RUS") == "align" and reading.stance("AZE", "RUS") == "unknown"
    assert reading.ranked("ARM") == ["RUS", "TUR", "IRN"] and reading.lowest("ARM") == "IRN"
    assert reading.lowest("AZE") == "unknown" and reading.score_of[("GEO", "RUS")] == 0.1
    twice = Reading((("ARM", "RUS"), ("ARM", "RUS")), (0.5, -0.5), ("align", "balance"))
    assert twice.stance("ARM", "RUS") == "align" and twice.score_of[("ARM", "RUS")] == 0.5  # the first row


def test_parameter_share_is_reproducible_and_bounded():
    claim = CLAIMS[2]
    a = parameter_share(claim.theory, claim.predicate, samples=40, seed=1)
    assert a == parameter_share(claim.theory, claim.predicate, samples=40, seed=1)
    assert 0.0 <= a <= 1.0


def test_time_shares_are_the_mean_of_holds_in():
    claim = CLAIMS[1]
    shares = time_shares(claim.theory, claim.predicate, years=range(2008, 2020))
    yearly = holds_in(claim.theory, claim.predicate, range(2008, 2020))
    assert shares["share_of_years"] == pytest.approx(yearly.mean())
    assert shares["share_of_years_2008-2019"] == shares["share_of_years"]


def test_every_reading_claim_holds_at_its_default():
    """COURSE.md §4: the models reproduce the readings' claims at the defaults (2008-2019)."""
    table = claims_table(claims=CLAIMS, samples=8)
    assert (table["source"] == "reading").all()
    assert table["holds_at_default"].all(), table[~table["holds_at_default"]]["claim"].tolist()
    for column in ("share_of_parameter_space", "share_of_periods", "share_of_years"):
        assert table[column].between(0, 1).all()


def test_claims_table_for_one_theory_and_unknown_theory():
    assert set(claims_table("constructivism", samples=4)["theory"]) == {"constructivism"}
    with pytest.raises(ParameterError):
        claims_table("realism")


def test_claims_table_lists_reading_and_lesson_claims():
    table = claims_table(samples=4)
    assert len(table) == len(CLAIMS) + len(LESSON_CLAIMS)
    assert set(table["source"]) == {"reading", "lesson"}
    assert list(table.columns[:3]) == ["theory", "source", "claim"]


@pytest.mark.parametrize("combination", ["gradient", "additive"])
def test_top_threat_shares_sum_to_one_per_state_and_mark_the_default(combination):
    world = load_world("2008-2019")
    shares = top_threat_shares(world, samples=64, seed=4, combination=combination)
    assert shares.groupby("state")["share"].sum().round(9).eq(1.0).all()
    assert shares.groupby("state")["at_default"].sum().eq(1).all()
    assert shares.equals(top_threat_shares(world, samples=64, seed=4, combination=combination))


def test_top_threat_at_default_matches_the_model():
    from alliances.theories.balance_of_threat import threat_components

    world = load_world("2008-2019")
    table = threat_components(world)
    tops = table[table["top"]].drop_duplicates("state").set_index("state")["partner"].to_dict()
    shares = top_threat_shares(world, samples=8)
    assert shares[shares["at_default"]].set_index("state")["partner"].to_dict() == tops


def test_deciding_memory_cells_names_the_cells_a_history_only_claim_rests_on():
    from alliances.analysis.robustness import deciding_memory_cells

    claim = next(c for c in LESSON_CLAIMS if "Turkey and Iran" in c.text)
    cells = deciding_memory_cells(claim)
    deciding = set(zip(cells.loc[~cells["holds_if_zero"], "state"], cells.loc[~cells["holds_if_zero"], "partner"]))
    assert deciding == {("GEO", "TUR"), ("GEO", "IRN")}
    assert (cells["memory"] != 0).all()
