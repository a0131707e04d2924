"""load_world: periods and years, immutability, WEST, notes, replace()."""

import dataclasses
import math
import shutil

import numpy as np
import pandas as pd
import pytest

from alliances import DataError, load_world
from alliances.coding_shapes import CapabilityChange
from alliances.codings import DERIVED
from alliances.data import default_data_dir
from alliances.schemas import (
    FIRST_YEAR,
    LANGUAGE_BRANCHES,
    LANGUAGE_FAMILIES,
    LAST_YEAR,
    PERIODS,
    RELIGION_BRANCHES,
    RELIGION_FAMILIES,
    SCHEMAS,
)
from alliances.world import MEASURES, resolve_when
from tests.helpers import fresh_python

ALL = list(PERIODS) + list(range(FIRST_YEAR, LAST_YEAR + 1))


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


@pytest.mark.parametrize("bad", ["1990", 1991, 2026, "2008-2020", "", None, 2016.5, True, "recent"])
def test_unknown_when_lists_what_is_allowed(bad):
    with pytest.raises(ValueError, match=r"allowed: one of the periods 1992-1999, 2000-2007, 2008-2019, 2020-2022, 2023-2025 or a year 1992-2025"):
        load_world(bad)


def test_year_belongs_to_its_period():
    assert resolve_when(2016) == ("2016", "2008-2019", (2016,))
    assert resolve_when("2020") == ("2020", "2020-2022", (2020,))
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


REFUSALS = {
    # unknown keys
    "unknown partner": ({"memory": {("GEO", "XXX"): 0}}, r"memory: key \('GEO', 'XXX'\) is not a \(state, partner\) pair"),
    "pair of a state with itself": ({"memory": {("GEO", "GEO"): 1}}, r"pairs a state with itself"),
    "kinship of a state with itself": ({"kinship": {("ARM", "ARM"): 1}}, r"pairs a state with itself"),
    "a power as the state": ({"memory": {("RUS", "GEO"): 1}}, r"is not a \(state, partner\) pair of the world"),
    "unknown measure": ({"capability": {"power": {"RUS": 1}}}, r"capability: unknown key 'power'"),
    "unknown capability actor": ({"capability": {"cinc": {"XYZ": 1}}}, r"unknown actor\(s\) 'XYZ'"),
    "unknown regime actor": ({"regime": {"XYZ": {"polyarchy": 0.5}}}, r"regime: unknown actor\(s\) 'XYZ'"),
    "unknown regime indicator": ({"regime": {"ARM": {"freedom": 0.5}}}, r"regime\['ARM'\]: unknown key 'freedom'"),
    "unknown identity actor": ({"identity": {"XYZ": {"religion_branch": "sunni"}}}, r"identity: unknown actor"),
    "unknown identity marker": ({"identity": {"GEO": {"favourite_food": "khinkali"}}}, r"unknown marker\(s\) 'favourite_food'"),
    "unknown act": ({"drop_acts": ["no-such-act"]}, r"unknown or inactive act id"),
    "unknown field": ({"hostility": {("GEO", "RUS"): 0}}, r"cannot replace 'hostility'"),
    # values out of range or vocabulary
    "memory above 2": ({"memory": {("GEO", "TUR"): 5}}, r"5 is not allowed .*number from -2 to 2"),
    "memory as text": ({"memory": {("GEO", "TUR"): "high"}}, r"'high' is not allowed .*number from -2 to 2"),
    "memory NaN": ({"memory": {("GEO", "TUR"): math.nan}}, r"nan is not allowed \(input should be a finite number\)"),
    "memory as a bool": ({"memory": {("GEO", "TUR"): True}}, r"True is not allowed"),
    "kinship of one half": ({"kinship": {("AZE", "TUR"): 0.5}}, r"0\.5 is not allowed .*0 \(no kinship\) or 1 \(kin\)"),
    "kinship as a bool": ({"kinship": {("AZE", "TUR"): True}}, r"True is not allowed"),
    "negative capability": ({"capability": {"cinc": {"RUS": -1}}}, r"-1 is not allowed .*number ≥ 0"),
    "infinite capability": ({"capability": {"milex": {"RUS": math.inf}}}, r"inf is not allowed \(input should be a finite number\)"),
    "CINC above 1": ({"capability": {"cinc": {"RUS": 1.5}}}, r"capability\['cinc'\]\['RUS'\]: 1\.5 is not allowed .*cinc at most 1"),
    "capability as text": ({"capability": {"gdp": {"RUS": "big"}}}, r"'big' is not allowed"),
    "polyarchy above 1": ({"regime": {"ARM": {"polyarchy": 2}}}, r"regime\['ARM'\]\['polyarchy'\]: 2 is not allowed .*number from 0 to 1"),
    "polity2 below -10": ({"regime": {"ARM": {"polity2": -11}}}, r"-11 is not allowed .*number from -10 to 10"),
    "religion branch not in the vocabulary": ({"identity": {"GEO": {"religion_branch": "klingon"}}},
                                              r"'klingon' is not allowed \(not one of eastern_orthodox, oriental_orthodox"),
    "religion family as a number": ({"identity": {"GEO": {"religion_family": 42}}},
                                    r"identity\['GEO'\]\['religion_family'\]: 42 is not allowed"),
    "language family not in the vocabulary": ({"identity": {"ARM": {"language_family": "semitic"}}},
                                              r"not one of indo_european, turkic, kartvelian"),
    "language branch not in the vocabulary": ({"identity": {"ARM": {"language_branch": "hellenic"}}},
                                              r"not one of armenian, slavic, iranian, germanic, oghuz"),
    "empty label": ({"identity": {"ARM": {"ethnic_majority": ""}}}, r"'' is not allowed"),
    # mis-shaped changes: the message gives the expected shape
    "memory as a list": ({"memory": [("GEO", "TUR", 0)]}, r"expected a mapping \{\(state, partner\): number"),
    "a pair of three codes": ({"memory": {("GEO", "TUR", "RUS"): 0}}, r"expected a mapping \{\(state, partner\)"),
    "capability without a measure": ({"capability": {"cinc": 0.5}}, r"capability\['cinc'\]: 0\.5 is not allowed .*expected a mapping \{measure: \{actor"),
    "regime without an indicator": ({"regime": {"ARM": 0.5}}, r"expected a mapping \{actor: \{'polyarchy'"),
    "identity without a marker": ({"identity": {"GEO": "sunni"}}, r"expected a mapping \{actor: \{marker: value\}\}"),
    "drop_acts None": ({"drop_acts": None}, r"drop_acts: None is not allowed .*expected a list of active act ids"),
    "drop_acts a single string": ({"drop_acts": "rus-georgia-war-2008"}, r"drop_acts: give a list of act ids, not a single string"),
}


@pytest.mark.parametrize("changes, message", REFUSALS.values(), ids=REFUSALS.keys())
def test_replace_refuses_bad_codings(changes, message):
    w = load_world("2008-2019")
    with pytest.raises(ValueError, match=message):
        w.replace(**changes)


@pytest.mark.parametrize("when", PERIODS)
def test_a_worlds_own_codings_pass_its_validation(when):
    """Every value the data files hold is accepted by replace (same ranges, same vocabularies)."""
    w = load_world(when)
    own = lambda k: not set(k if isinstance(k, tuple) else (k,)) & set(DERIVED)  # noqa: E731 - WEST's members are derived
    known = lambda m: {k: v for k, v in m.items() if v is not None and own(k)}  # noqa: E731 - gaps stay gaps
    same = w.replace(memory=known(w.memory), kinship=known(w.kinship),
                     capability={m: known(v) for m, v in w.capability.items()},
                     regime=known(w.regime),
                     identity={a: dataclasses.asdict(i) for a, i in w.identity.items() if own(a)}, drop_acts=[])
    assert same == w


@pytest.mark.parametrize("changes", [{"memory": {("GEO", "USA"): -2}}, {"kinship": {("ARM", "EU"): 1}},
                                     {"capability": {"gdp": {"USA": 4.0}}}, {"regime": {"USA": {"polity2": 10}}},
                                     {"identity": {"EU": {"religion_family": "muslim"}}}])
def test_a_member_of_west_is_refused_with_a_pointer_to_west(changes):
    """WEST is derived when the world is loaded; changing a member would change nothing."""
    with pytest.raises(ValueError, match=r"folds into WEST .* change the WEST entry instead"):
        load_world("2008-2019").replace(**changes)


@pytest.mark.parametrize("marker, values", [("religion_family", RELIGION_FAMILIES), ("religion_branch", RELIGION_BRANCHES),
                                            ("language_family", LANGUAGE_FAMILIES), ("language_branch", LANGUAGE_BRANCHES)])
def test_every_value_of_the_schema_vocabulary_and_none_is_accepted(marker, values):
    w = load_world("2008-2019")
    for value in (*values, None):
        assert getattr(w.replace(identity={"GEO": {marker: value}}).identity["GEO"], marker) == value


def test_the_vocabularies_are_the_identity_schemas():
    """replace and the loader read one list of allowed values per identity column."""
    for column, values in [("religion_family", RELIGION_FAMILIES), ("religion_branch", RELIGION_BRANCHES),
                           ("language_family", LANGUAGE_FAMILIES), ("language_branch", LANGUAGE_BRANCHES)]:
        (check,) = SCHEMAS["identity"].pandera.columns[column].checks
        assert sorted(check.statistics["allowed_values"]) == sorted(values), column


def test_capability_changes_name_every_measure():
    assert set(CapabilityChange.__annotations__) == set(MEASURES)


def test_broken_data_reaches_load_world_as_data_error(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(default_data_dir(), target)
    (target / "security_acts.csv").unlink()
    with pytest.raises(DataError, match=r"security_acts\.csv: file is missing"):
        load_world("2008-2019", data_dir=target)


@pytest.mark.parametrize("when, label", [(np.int64(2016), "2016"),
                                         (np.int32(1999), "1999"), (" 2008-2019 ", "2008-2019")])
def test_numpy_years_are_accepted(when, label):
    assert resolve_when(when)[0] == label


@pytest.mark.parametrize("when", ["²", "٢٠١٦", "2016" * 2000, 10**400, np.bool_(True), 2016.0])
def test_odd_years_get_the_course_message(when):
    with pytest.raises(ValueError, match=r"^unknown period or year .{1,45}; allowed: one of the periods"):
        resolve_when(when)


def test_a_data_dir_that_is_not_a_path_is_refused():
    with pytest.raises(TypeError, match="data_dir=5 is not allowed"):
        load_world(2016, data_dir=5)


@pytest.mark.parametrize("changes, message", [
    ({"acts": ["rus-georgia-war-2008"]}, r"cannot replace 'acts' \(to leave acts out, give drop_acts"),
    ({"memory": pd.Series([0.5])}, r"^memory: 0 0\.5 dtype: float64 is not allowed"),
])
def test_replace_says_what_to_give_instead(changes, message):
    with pytest.raises(ValueError, match=message):
        load_world("2008-2019").replace(**changes)


def test_pydantic_comes_with_the_first_change_not_with_the_course():
    """Importing the course and loading a world leave pydantic unimported (about 70 ms of start-up); the
    first World.replace imports it and checks the change as before."""
    program = ("import sys, alliances as A\n"
               "world = A.load_world('2008-2019')\n"
               "before = 'pydantic' in sys.modules\n"
               "changed = world.replace(memory={('GEO', 'TUR'): 1})\n"
               "print(before, 'pydantic' in sys.modules, changed.memory[('GEO', 'TUR')])")
    assert fresh_python(program).split() == ["False", "True", "1.0"]
