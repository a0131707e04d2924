"""The one interface every lesson, widget and exercise uses: `from alliances import ...`."""

import pandas as pd
import pytest

import alliances


def test_theories_tuple():
    assert alliances.THEORIES == ("balance_of_power", "balance_of_threat", "omnibalancing",
                                  "constructivism", "rsct")


@pytest.mark.parametrize("theory", alliances.THEORIES)
def test_predict_observed_compare_explain_parameters(theory):
    world = alliances.load_world("2008-2019")
    table = alliances.predict(theory, world)
    assert list(table.columns) == ["state", "partner", "score", "stance", "reason"]
    assert len(table) == 3 * 6
    obs = alliances.observed(world)
    assert list(obs.columns) == list(table.columns)
    agreement = alliances.compare(table, obs)
    assert set(agreement["state"]) == {"ARM", "AZE", "GEO", "all"}
    assert agreement["stance_agreement"].between(0, 1).all()
    parts = alliances.explain(theory, world, "GEO", "RUS")
    assert parts.iloc[-1]["input"] == "score"
    assert parts.iloc[-1]["contribution"] == pytest.approx(table.set_index(["state", "partner"]).loc[("GEO", "RUS"), "score"])
    params = alliances.parameters(theory)
    assert isinstance(params, pd.DataFrame) and {"name", "default", "allowed", "description"} <= set(params.columns)


def test_compare_refuses_wrong_frames():
    world = alliances.load_world("2008-2019")
    with pytest.raises(TypeError, match="must be a DataFrame"):
        alliances.compare([1, 2], alliances.observed(world))
    with pytest.raises(ValueError, match="lacks column"):
        alliances.compare(pd.DataFrame({"state": ["ARM"]}), alliances.observed(world))


def test_explain_refuses_unknown_pairs():
    world = alliances.load_world("2008-2019")
    with pytest.raises(ValueError, match="no prediction for 'GEO' -> 'GEO'"):
        alliances.explain("rsct", world, "GEO", "GEO")


def test_predict_refuses_non_world():
    with pytest.raises(TypeError, match="expected a World"):
        alliances.predict("rsct", "2008-2019")
