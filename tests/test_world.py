"""load_world: periods and years, immutability, WEST, notes, replace()."""

import dataclasses
import math
import shutil

import pytest

from alliances import DataError, load_world
from alliances.data import default_data_dir
from alliances.schemas import PERIODS
from alliances.world import MEASURES, resolve_when

ALL = list(PERIODS) + list(range(1992, 2025))


@pytest.mark.parametrize("when", ALL)
def test_every_period_and_year_loads(when):
    w = load_world(when)
    assert w.choosers == ("ARM", "AZE", "GEO")
    assert w.powers == ("RUS", "TUR", "IRN", "WEST")
    for measure in MEASURES:
        for actor in w.actors:
            value = w.capability[measure][actor]
            if value is None:  # a real gap in the source (e.g. SIPRI has no Georgia 1992-95)
                assert any(n.startswith(f"{measure}: no data for {actor}") for n in w.notes)
            else:
                assert value > 0 and math.isfinite(value), (when, measure, actor)
    for s in w.choosers:
        assert len(w.partners(s)) == 6 and s not in w.partners(s)
        for p in w.partners(s):
            assert (s, p) in w.land_border and w.distance_km[(s, p)] > 0
            assert (s, p) in w.observed


@pytest.mark.parametrize("bad", ["1990", 1991, 2025, "2008-2020", "", None, 2016.5, True, "recent"])
def test_unknown_when_lists_what_is_allowed(bad):
    with pytest.raises(ValueError, match=r"allowed: one of the periods 1992-1999, 2000-2007, 2008-2019, 2020-2024 or a year 1992-2024"):
        load_world(bad)


def test_year_belongs_to_its_period():
    assert resolve_when(2016) == ("2016", "2008-2019", (2016,))
    assert resolve_when("2020") == ("2020", "2020-2024", (2020,))
    assert resolve_when("2000-2007")[2] == tuple(range(2000, 2008))


def test_period_means_are_means_of_years():
    period = load_world("2000-2007").capability["cinc"]["RUS"]
    years = [load_world(y).capability["cinc"]["RUS"] for y in range(2000, 2008)]
    assert period == pytest.approx(sum(years) / len(years))


def test_cinc_after_2016_is_carried_forward_with_a_note():
    w = load_world(2020)
    assert w.capability["cinc"]["RUS"] == load_world(2016).capability["cinc"]["RUS"]
    assert any("cinc" in n and "2016" in n for n in w.notes)


def test_west_capability_is_the_sum_of_its_members():
    from alliances import load_table

    nmc = load_table("capabilities_nmc")
    row = nmc[nmc["year"] == 2010].set_index("actor")["cinc"]
    assert load_world(2010).capability["cinc"]["WEST"] == pytest.approx(row[["USA", "GBR", "FRA", "DEU"]].sum())


def test_acts_are_those_active_in_the_years():
    w = load_world(2008)
    ids = {a.act_id for a in w.acts}
    assert "rus-georgia-war-2008" in ids
    assert "aze-war-2020" not in ids
    assert all(a.start_year <= 2008 and (a.end_year is None or a.end_year >= 2008) for a in w.acts)


def test_world_is_immutable():
    w = load_world("2008-2019")
    with pytest.raises(dataclasses.FrozenInstanceError):
        w.when = "1992-1999"
    with pytest.raises(TypeError):
        w.memory[("GEO", "TUR")] = 2
    with pytest.raises(TypeError):
        w.capability["cinc"]["RUS"] = 0


def test_cached_world_is_the_same_object():
    assert load_world("2008-2019") is load_world("2008-2019")


def test_replace_changes_a_copy_only():
    w = load_world("2008-2019")
    before = w.memory[("GEO", "TUR")]
    w2 = w.replace(memory={("GEO", "TUR"): 2}, capability={"cinc": {"RUS": 0.01}},
                   kinship={("GEO", "RUS"): 1}, regime={"ARM": {"polyarchy": 0.9}},
                   identity={"GEO": {"religion_branch": "sunni"}})
    assert w2.memory[("GEO", "TUR")] == 2 and w.memory[("GEO", "TUR")] == before
    assert w2.capability["cinc"]["RUS"] == 0.01 and w.capability["cinc"]["RUS"] > 0.01
    assert w2.kinship[("GEO", "RUS")] == 1 and w.kinship[("GEO", "RUS")] == 0
    assert w2.regime["ARM"]["polyarchy"] == 0.9
    assert w2.identity["GEO"].religion_branch == "sunni" and w.identity["GEO"].religion_branch == "eastern_orthodox"
    assert load_world("2008-2019").memory[("GEO", "TUR")] == before


def test_drop_acts():
    w = load_world("2008-2019")
    w2 = w.replace(drop_acts=["rus-georgia-war-2008"])
    assert "rus-georgia-war-2008" not in {a.act_id for a in w2.acts}
    assert "rus-georgia-war-2008" in {a.act_id for a in w.acts}


@pytest.mark.parametrize("changes, message", [
    ({"memory": {("GEO", "XXX"): 0}}, r"memory: key \('GEO', 'XXX'\) is not a \(state, partner\) pair"),
    ({"memory": {("GEO", "TUR"): 5}}, r"out of range; allowed range -2 to 2"),
    ({"memory": {("GEO", "TUR"): "high"}}, r"not a number; allowed range -2 to 2"),
    ({"kinship": {("AZE", "TUR"): 0.5}}, r"give 0 \(no kinship\) or 1 \(kin\)"),
    ({"capability": {"cinc": {"RUS": -1}}}, r"out of range; allowed range 0 to inf"),
    ({"capability": {"power": {"RUS": 1}}}, r"unknown measure 'power'"),
    ({"capability": {"cinc": {"XYZ": 1}}}, r"unknown actor 'XYZ'"),
    ({"regime": {"ARM": {"polyarchy": 2}}}, r"allowed range 0 to 1"),
    ({"identity": {"GEO": {"favourite_food": "khinkali"}}}, r"unknown marker"),
    ({"drop_acts": ["no-such-act"]}, r"unknown or inactive act id"),
    ({"hostility": {("GEO", "RUS"): 0}}, r"cannot replace 'hostility'"),
    ({"memory": [("GEO", "TUR", 0)]}, r"give a mapping"),
])
def test_replace_refuses_bad_codings(changes, message):
    w = load_world("2008-2019")
    with pytest.raises(ValueError, match=message):
        w.replace(**changes)


def test_broken_data_reaches_load_world_as_data_error(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    (target / "security_acts.csv").unlink()
    with pytest.raises(DataError, match=r"security_acts\.csv: file is missing"):
        load_world("2008-2019", data_dir=target)
