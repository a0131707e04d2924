"""The tables' schemas: the quick pandas reading agrees with pandera, which is imported only to explain a failure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances import load_table, table_names
from alliances.schemas import DTYPES, SCHEMAS, Rule
from tests.helpers import fresh_python

TABLES = {name: load_table(name) for name in table_names()}

#: Values of each column kind, in and out of every range and vocabulary the schemas hold.
VALUES = {
    "int": st.one_of(st.just(pd.NA), st.integers(-10, 10), st.integers(1300, 2100), st.integers(-10**6, 10**6)),
    "float": st.one_of(st.just(np.nan), st.floats(-25_000, 25_000, allow_nan=False), st.sampled_from([0.0, 1.0, -0.0])),
    "str": st.one_of(st.just(pd.NA), st.text(max_size=8),
                     st.sampled_from(["", "ARM", "arm", "RUS", "WEST", "2020-02-30", "2020-11", "2016; 2017",
                                      "align", "sourced", "a-1", "christian", "TD", "1999/2000"])),
    "bool": st.sampled_from([True, False, pd.NA]),
}


@st.composite
def one_cell_changed(draw):
    name = draw(st.sampled_from(sorted(TABLES)))
    frame = TABLES[name].copy()
    column = draw(st.sampled_from(list(SCHEMAS[name].columns)))
    row = draw(st.integers(0, len(frame) - 1))
    frame.loc[frame.index[row], column] = draw(VALUES[SCHEMAS[name].columns[column]])
    if draw(st.booleans()) and SCHEMAS[name].key:  # sometimes also repeat a row's key on another row
        other = draw(st.integers(0, len(frame) - 1))
        for part in SCHEMAS[name].key:
            frame.loc[frame.index[other], part] = frame.loc[frame.index[row], part]
    return name, frame


@settings(max_examples=400, deadline=None)
@given(case=one_cell_changed())
def test_the_quick_reading_never_passes_a_table_pandera_refuses(case):
    """load_table skips pandera when the pandas reading finds the table sound: that reading is at least as
    strict, so skipping it changes no verdict (pandera raises here if the reading let something through)."""
    name, frame = case
    if SCHEMAS[name].plainly_sound(frame):
        SCHEMAS[name].pandera.validate(frame, lazy=True)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_course_table_takes_the_quick_reading(name):
    """Every table in data/ is sound by the quick reading, so loading the course never needs pandera."""
    assert SCHEMAS[name].plainly_sound(TABLES[name])
    SCHEMAS[name].pandera.validate(TABLES[name], lazy=True)


@pytest.mark.parametrize(("name", "column", "value"), [
    ("capabilities_nmc", "cinc", 1.7), ("capabilities_nmc", "actor", "XXX"), ("dyads_observed", "score", 3),
    ("security_acts", "source", pd.NA), ("identity", "language_branch", "hellenic"),
    ("events", "date", "2021-02-29"), ("arms_transfers", "delivery_years", "2016, 2017"),
    ("security_acts", "act_id", "Act 1"), ("capabilities_nmc", "milper_thousand", -1.0),
])
def test_the_quick_reading_finds_what_pandera_refuses(name, column, value):
    """A value out of range, out of the vocabulary, in the wrong format or missing is caught by both readings."""
    frame = TABLES[name].copy()
    frame.loc[frame.index[0], column] = value
    assert not SCHEMAS[name].plainly_sound(frame)
    import pandera.errors

    with pytest.raises(pandera.errors.SchemaErrors):
        SCHEMAS[name].pandera.validate(frame, lazy=True)


def test_a_repeated_key_or_a_wrong_dtype_is_not_sound():
    frame = TABLES["actors"]
    assert not SCHEMAS["actors"].plainly_sound(pd.concat([frame, frame.iloc[:1]], ignore_index=True))
    assert not SCHEMAS["actors"].plainly_sound(frame.astype({"cow_ccode": "float64"}))
    assert not SCHEMAS["actors"].plainly_sound(frame.drop(columns="name"))


def test_rules_name_their_pandera_check_as_the_loader_translates_it():
    assert Rule("in_range", (0, 1)).to_pandera().name == "in_range"
    assert Rule("isin", ("a", "b")).to_pandera().name == "isin"
    assert Rule("format", (lambda s: s.str.len() > 0,), name="format: some text").to_pandera().name == "format: some text"
    assert set(DTYPES) == {"int", "float", "str", "bool"}
    with pytest.raises(ValueError, match="unknown rule kind"):
        Rule("between", (0, 1)).holds(pd.Series([0.5]))


def test_the_course_runs_without_importing_pandera():
    """Loading every period, predicting and comparing leave pandera unimported (its import and first use
    cost about a second of a kernel's start-up on this machine type; see benchmarks/startup.py)."""
    program = ("import sys, alliances as A\n"
               "for when in A.PERIODS:\n"
               "    world = A.load_world(when)\n"
               "    A.compare(A.predict('rsct', world), A.observed(world))\n"
               "print('pandera' in sys.modules)")
    assert fresh_python(program) == "False"
