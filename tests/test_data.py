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


def test_missing_file(broken):
    (broken / "milex_sipri.csv").unlink()
    with pytest.raises(DataError, match=r"milex_sipri\.csv: file is missing"):
        load_table("milex_sipri", broken)


def test_empty_file(broken):
    (broken / "actors.csv").write_text("")
    with pytest.raises(DataError, match=r"actors\.csv: file is empty"):
        load_table("actors", broken)


def test_not_utf8(broken):
    (broken / "actors.csv").write_bytes(b"actor,name\n\xff\xfe,\x81\n")
    with pytest.raises(DataError, match=r"actors\.csv: file is not valid UTF-8"):
        load_table("actors", broken)


def test_garbled_csv(broken):
    path = broken / "capabilities_nmc.csv"
    lines = path.read_text().splitlines()
    lines[3] = lines[3] + ',"unterminated'
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataError, match=r"capabilities_nmc\.csv"):
        load_table("capabilities_nmc", broken)


def _rewrite(path: Path, edit) -> None:
    """Apply ``edit`` to the CSV's text frame; ``edit`` changes it in place or returns a new one."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    result = edit(frame)
    (frame if result is None else result).to_csv(path, index=False)


def test_missing_column(broken):
    _rewrite(broken / "capabilities_nmc.csv", lambda f: f.drop(columns="cinc"))
    with pytest.raises(DataError, match=r"capabilities_nmc\.csv: missing column\(s\) 'cinc'"):
        load_table("capabilities_nmc", broken)


def test_renamed_column(broken):
    _rewrite(broken / "milex_sipri.csv",
             lambda f: f.rename(columns={"milex_constant2022_usd_m": "milex"}))
    with pytest.raises(DataError, match=r"milex_sipri\.csv: missing column\(s\) 'milex_constant2022_usd_m'"):
        load_table("milex_sipri", broken)


def test_text_in_numeric_column(broken):
    def edit(f):
        f.loc[4, "cinc"] = "about 0.5"
    _rewrite(broken / "capabilities_nmc.csv", edit)
    with pytest.raises(DataError, match=r"capabilities_nmc\.csv: column 'cinc', line 6: 'about 0\.5' is not a number"):
        load_table("capabilities_nmc", broken)


def test_fraction_in_integer_column(broken):
    def edit(f):
        f.loc[0, "year"] = "1999.5"
    _rewrite(broken / "capabilities_nmc.csv", edit)
    with pytest.raises(DataError, match=r"column 'year', line 2: '1999\.5' is not a whole number"):
        load_table("capabilities_nmc", broken)


def test_duplicate_key(broken):
    def edit(f):
        f.loc[len(f)] = f.loc[0]
    _rewrite(broken / "capabilities_nmc.csv", edit)
    with pytest.raises(DataError, match=r"capabilities_nmc\.csv: duplicate key \(actor, year\)"):
        load_table("capabilities_nmc", broken)


def test_out_of_range_value(broken):
    def edit(f):
        f.loc[2, "cinc"] = "1.7"
    _rewrite(broken / "capabilities_nmc.csv", edit)
    with pytest.raises(DataError, match=r"column 'cinc', line 4: 1\.7 fails the allowed range 0\.\.1"):
        load_table("capabilities_nmc", broken)


def test_unknown_actor_code(broken):
    def edit(f):
        f.loc[0, "actor"] = "XXX"
    _rewrite(broken / "capabilities_nmc.csv", edit)
    with pytest.raises(DataError, match=r"column 'actor', line 2: 'XXX' fails the allowed values"):
        load_table("capabilities_nmc", broken)


def test_missing_required_value(broken):
    def edit(f):
        f.loc[0, "source"] = ""
    _rewrite(broken / "security_acts.csv", edit)
    with pytest.raises(DataError, match=r"security_acts\.csv: column 'source', line 2: empty, but a value is required"):
        load_table("security_acts", broken)


def test_coded_score_out_of_range(broken):
    def edit(f):
        f.loc[0, "score"] = "3"
    _rewrite(broken / "dyads_observed.csv", edit)
    with pytest.raises(DataError, match=r"dyads_observed\.csv: column 'score', line 2: 3 fails the allowed range -2\.\.2"):
        load_table("dyads_observed", broken)


def test_loading_never_writes(tmp_path):
    before = {p.name: p.stat().st_mtime_ns for p in DATA.iterdir()}
    for name in table_names():
        load_table(name)
    after = {p.name: p.stat().st_mtime_ns for p in DATA.iterdir()}
    assert before == after
