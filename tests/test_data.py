"""Every table validates; every kind of damaged file gets a clear DataError."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

from alliances import DataError, load_table, table_names
from alliances.data import default_data_dir
from alliances.schemas import SCHEMAS

DATA = default_data_dir()


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A writable copy of data/ to damage."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_every_csv_in_data_has_a_schema():
    assert {p.stem for p in DATA.glob("*.csv")} == set(SCHEMAS)


@pytest.mark.parametrize("name", table_names())
def test_table_validates(name):
    frame = load_table(name)
    assert len(frame) > 0
    assert list(SCHEMAS[name].columns) == [c for c in frame.columns if c in SCHEMAS[name].columns]
    if SCHEMAS[name].key:
        assert not frame.duplicated(list(SCHEMAS[name].key)).any()


def test_load_table_returns_a_copy():
    a = load_table("actors")
    a.loc[0, "name"] = "changed"
    assert load_table("actors").loc[0, "name"] != "changed"


def test_unknown_table():
    with pytest.raises(ValueError, match="unknown table 'nope'"):
        load_table("nope")


def _rewrite(path: Path, edit) -> None:
    """Apply ``edit`` to the CSV's text frame; ``edit`` changes it in place or returns a new one."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    result = edit(frame)
    (frame if result is None else result).to_csv(path, index=False)


def _edited(edit):
    """Damage that applies ``edit`` to the file's text frame (see :func:`_rewrite`)."""
    return lambda path: _rewrite(path, edit)


def _set(row: int, column: str, value: str):
    """Damage that writes ``value`` into one cell."""
    def edit(frame: pd.DataFrame) -> None:
        frame.loc[row, column] = value
    return _edited(edit)


def _garble(path: Path) -> None:
    lines = path.read_text().splitlines()
    lines[3] = lines[3] + ',"unterminated'
    path.write_text("\n".join(lines) + "\n")


def _duplicate_first_row(frame: pd.DataFrame) -> None:
    frame.loc[len(frame)] = frame.loc[0]


#: table, how to damage its file (a function of the path), the message expected.
DAMAGE = {
    "missing file": ("milex_sipri", lambda path: path.unlink(), r"milex_sipri\.csv: file is missing"),
    "empty file": ("actors", lambda path: path.write_text(""), r"actors\.csv: file is empty"),
    "not UTF-8": ("actors", lambda path: path.write_bytes(b"actor,name\n\xff\xfe,\x81\n"),
                  r"actors\.csv: file is not valid UTF-8"),
    "garbled CSV": ("capabilities_nmc", _garble, r"capabilities_nmc\.csv"),
    "missing column": ("capabilities_nmc", _edited(lambda f: f.drop(columns="cinc")),
                       r"capabilities_nmc\.csv: missing column\(s\) 'cinc'"),
    "renamed column": ("milex_sipri", _edited(lambda f: f.rename(columns={"milex_constant2022_usd_m": "milex"})),
                       r"milex_sipri\.csv: missing column\(s\) 'milex_constant2022_usd_m'"),
    "text in a numeric column": ("capabilities_nmc", _set(4, "cinc", "about 0.5"),
                                 r"capabilities_nmc\.csv: column 'cinc', line 6: 'about 0\.5' is not a number"),
    "fraction in an integer column": ("capabilities_nmc", _set(0, "year", "1999.5"),
                                      r"column 'year', line 2: '1999\.5' is not a whole number"),
    "duplicate key": ("capabilities_nmc", _edited(_duplicate_first_row), r"capabilities_nmc\.csv: duplicate key \(actor, year\)"),
    "value out of range": ("capabilities_nmc", _set(2, "cinc", "1.7"),
                           r"column 'cinc', line 4: 1\.7 fails the allowed range 0\.\.1"),
    "unknown actor code": ("capabilities_nmc", _set(0, "actor", "XXX"),
                           r"column 'actor', line 2: 'XXX' fails the allowed values"),
    "missing required value": ("security_acts", _set(0, "source", ""),
                               r"security_acts\.csv: column 'source', line 2: empty, but a value is required"),
    "coded score out of range": ("dyads_observed", _set(0, "score", "3"),
                                 r"dyads_observed\.csv: column 'score', line 2: 3 fails the allowed range -2\.\.2"),
    "identity marker not in the vocabulary": ("identity", _set(0, "language_branch", "hellenic"),
                                              r"identity\.csv: column 'language_branch', line 2: 'hellenic' fails the allowed values"),
}


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_file_gets_a_data_error_naming_the_problem(broken, kind):
    table, damage, message = DAMAGE[kind]
    path = broken / f"{table}.csv"
    damage(path)
    with pytest.raises(DataError, match=message):
        load_table(table, broken)


def test_loading_never_writes(tmp_path):
    before = {p.name: p.stat().st_mtime_ns for p in DATA.iterdir()}
    for name in table_names():
        load_table(name)
    after = {p.name: p.stat().st_mtime_ns for p in DATA.iterdir()}
    assert before == after


def test_the_region_map_loads_its_features_and_places():
    from alliances.data import load_region_map

    features, places = load_region_map()
    assert features and all(f.get("type") == "Feature" for f in features)
    assert len(places) == len(load_table("map_places"))


@pytest.mark.parametrize("content, words", [(None, "file is missing"), ("{not json", "not a readable GeoJSON"),
                                            ('{"type": "FeatureCollection", "features": []}', "no map features")])
def test_a_damaged_region_map_gets_a_data_error(tmp_path, content, words):
    from alliances.data import REGION_MAP, load_region_map

    shutil.copytree(default_data_dir(), tmp_path / "data")
    target = tmp_path / "data" / REGION_MAP
    if content is None:
        target.unlink()
    else:
        target.write_text(content)
    with pytest.raises(DataError, match=words):
        load_region_map(tmp_path / "data")


@pytest.mark.parametrize("name", table_names())
def test_every_table_rule_names_columns_of_its_table(name):
    schema = SCHEMAS[name]
    for pair in schema.ordered:
        assert set(pair) <= set(schema.columns), pair
    assert set(schema.references) <= set(schema.columns)
    if schema.complete:
        assert {"actor", "year"} <= set(schema.columns)


def test_the_folder_stamps_change_when_a_table_is_edited(broken):
    from alliances.data import folder_stamps

    before = folder_stamps(broken)
    path = broken / "regime.csv"
    path.write_text(path.read_text() + "\n")
    assert folder_stamps(broken) != before
    assert folder_stamps(broken)[0] == before[0]


def test_a_refused_file_is_refused_again_with_the_same_message(broken):
    (broken / "milex_sipri.csv").write_text("actor,year\n")
    first = pytest.raises(DataError, load_table, "milex_sipri", broken)
    second = pytest.raises(DataError, load_table, "milex_sipri", broken)
    assert str(first.value) == str(second.value)


@pytest.mark.parametrize("data_dir", [5, 1.5, b"data", object()])
def test_a_data_dir_that_is_not_a_path_is_a_type_error(data_dir):
    with pytest.raises(TypeError, match="data_dir=.* is not allowed: give a folder path"):
        load_table("actors", data_dir)
