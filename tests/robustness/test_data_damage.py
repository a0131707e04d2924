"""Damaged data folders: every damage is refused with a DataError naming the file, or loads harmlessly.

Two parts, on a private copy of ``data/`` (the real folder is never touched):

- the review's damage categories as directed cases (the eight that used to load silently,
  the bare OS/JSON errors, the FIFO and ``/dev/zero`` hangs, wrong error locations), each
  with the words its message must contain;
- a hypothesis property that damages a random table at a random place in one of many ways
  and then runs the whole pipeline on the folder (``load_table``, ``load_world``,
  ``karabakh.stability``, ``secession.explained``): each step either answers or raises a
  DataError naming a file, within the time bound, never an internal exception. Accepted
  damages are counted as leaving the table identical (a blank line, a harmless byte) or
  changing it: edits that look valid (a row dropped, a value swapped for another allowed
  one), which no schema can tell from a real revision of the data.

Between cases the damaged file is restored and given a fresh, unique modification time, so
the caches (keyed on file stamps) can never serve a stale result.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import alliances as A
from alliances import DataError, karabakh, secession
from alliances.data import MAX_TABLE_BYTES, REGION_MAP, default_data_dir, load_region_map
from tests.robustness.outcomes import COUNTS, run_case, time_bound

DATA = default_data_dir()
_TICK = itertools.count(1_700_000_000_000_000_000, 1_000_003)


@pytest.fixture(scope="module")
def folder():
    """A private copy of data/ (``.../data``), removed after the module."""
    root = Path(tempfile.mkdtemp(prefix="alliances-damage-"))
    shutil.copytree(DATA, root / "data")
    yield root / "data"
    shutil.rmtree(root, ignore_errors=True)


def _touch(path: Path) -> None:
    """A unique modification time, so a rewritten file always has a new stamp."""
    tick = next(_TICK)
    os.utime(path, ns=(tick, tick))


def restore(folder: Path, name: str) -> None:
    """Put ``name`` back as the repository has it (whatever the damage left in its place)."""
    path = folder / name
    for extra in folder.glob("loop-*"):
        extra.unlink()
    if path.is_symlink() or path.is_file() or path.exists() and not path.is_dir():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    shutil.copyfile(DATA / name, path)
    _touch(path)


def text_edit(edit: Callable[[list[str]], None]) -> Callable[[Path], None]:
    """A damage that edits the file's lines (no line break lost at the end)."""
    def damage(path: Path) -> None:
        lines = path.read_text(encoding="utf-8").split("\n")
        edit(lines)
        path.write_text("\n".join(lines), encoding="utf-8")
    return damage


def set_field(line: int, column: int, value: str) -> Callable[[Path], None]:
    def edit(lines: list[str]) -> None:
        fields = lines[line - 1].split(",")
        fields[column] = value
        lines[line - 1] = ",".join(fields)
    return text_edit(edit)


def replace_file(kind: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        elif kind == "devzero":
            path.symlink_to("/dev/zero")
        elif kind == "dir-link":
            path.symlink_to(tempfile.gettempdir())
        elif kind == "broken-link":
            path.symlink_to(path.parent / "loop-nowhere.csv")
        elif kind == "loop":
            other = path.parent / f"loop-{path.name}"
            other.symlink_to(path)
            path.symlink_to(other)
        elif kind == "huge":  # a sparse file just above the limit: nothing is written to disk
            with open(path, "wb") as handle:
                handle.truncate(MAX_TABLE_BYTES + 1)
    return damage


def sub(old: str, new: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return damage


def truncate(fraction: float, at_line_end: bool) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        content = path.read_bytes()
        cut = int(len(content) * fraction)
        if at_line_end:
            cut = content.index(b"\n", cut) + 1
        path.write_bytes(content[:cut])
    return damage


def bytes_edit(edit: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(edit(path.read_bytes()))


def trailing_commas(lines: list[str]) -> None:
    for i in range(1, len(lines) - 1):
        lines[i] += ","


def blank_lines_then_bad(lines: list[str]) -> None:
    lines[10] += "\n\n\n"  # three blank lines after file line 11
    fields = lines[17].split(",")  # file line 18, which becomes line 21
    fields[2] = "abc"
    lines[17] = ",".join(fields)


def quoted_newline_then_bad(path: Path) -> None:
    """dyads_observed: a justification split over two lines (quoted), then a bad score on file line 13."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[4][4] = "first half\nsecond half"  # data row on file line 5
    rows[11][3] = "7"  # file line 12, which becomes line 13
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def open_quote(lines: list[str]) -> None:
    fields = lines[9].split(",")
    fields[4] = '"' + fields[4]  # a quote opened, never closed
    lines[9] = ",".join(fields)


#: (case id, table file, damage, words the DataError must contain).
DIRECTED = [
    ("fifo", "events.csv", replace_file("fifo"), "not a regular file"),
    ("devzero", "milex_sipri.csv", replace_file("devzero"), "not a regular file"),
    ("folder", "identity.csv", replace_file("folder"), "is a folder"),
    ("link to a folder", "identity.csv", replace_file("dir-link"), "is a folder"),
    ("broken link", "distances.csv", replace_file("broken-link"), "broken symbolic link"),
    ("link loop", "security_acts.csv", replace_file("loop"), "loop"),
    ("above the size limit", "regime.csv", replace_file("huge"), "above the loader's limit of 20 MB"),
    ("truncated at a row boundary", "regime.csv", truncate(0.5, True), "no rows for"),
    ("truncated mid-row", "economy_wdi.csv", truncate(0.6, False), "ends in the middle of line"),
    ("short row", "economy_wdi.csv", text_edit(lambda ls: ls.__setitem__(49, ls[49].rsplit(",", 2)[0])),
     "line 50 has only 4 of the header's 6 fields"),
    ("trailing comma on each row", "regime.csv", text_edit(trailing_commas), "line 2 ends with a trailing comma"),
    ("open quote", "dyads_observed.csv", text_edit(open_quote), "dyads_observed.csv"),
    ("inf", "milex_sipri.csv", set_field(6, 2, "inf"), "line 6: 'inf' is not a finite number"),
    ("1e400", "economy_wdi.csv", set_field(6, 2, "1e400"), "line 6: '1e400' is not a finite number"),
    ("end year before start year", "security_acts.csv", sub(",2008,2008,", ",2008,1995,"), "is before start_year"),
    ("unknown patron", "separatist_regions.csv", sub(",RUS,", ",XYZ,"), "'XYZ' is not an actor of actors.csv"),
    ("Excel date", "events.csv", sub("2020-11-10", "10/11/2020"), "calendar date written YYYY"),
    ("impossible date", "events.csv", sub("2020-11-10", "2020-02-30"), "calendar date written YYYY"),
    ("delivery years as a range", "arms_transfers.csv", sub(",2016; 2017,", ",2016-2017,"), "delivery_years"),
    ("blank lines, then a bad value", "milex_sipri.csv", text_edit(blank_lines_then_bad), "line 21: 'abc'"),
    ("quoted line break, then a bad value", "dyads_observed.csv", quoted_newline_then_bad,
     "column 'score', line 13"),
    ("Latin-1 byte", "security_acts.csv", bytes_edit(lambda b: b.replace(b"Russia", b"Russ\xe9a", 1)), "at byte "),
    ("UTF-16 without BOM", "regime.csv", bytes_edit(lambda b: b.decode().encode("utf-16-be")), "UTF-16"),
    ("empty", "events.csv", bytes_edit(lambda b: b""), "file is empty"),
]



def _refused_with(folder: Path, name: str, damage: Callable[[Path], None], load: Callable[[Path], object]) -> str:
    """The DataError message of ``load`` on the damaged folder, within the time bound (undone after)."""
    try:
        damage(folder / name)
        if (folder / name).is_file() and not (folder / name).is_symlink():
            _touch(folder / name)
        with time_bound(), pytest.raises(DataError) as refused:
            load(folder)
        return str(refused.value)
    finally:
        restore(folder, name)


@pytest.mark.parametrize("name, damage, words", [c[1:] for c in DIRECTED], ids=[c[0] for c in DIRECTED])
def test_a_review_damage_is_refused_naming_the_file_and_the_problem(folder, name, damage, words):
    message = _refused_with(folder, name, damage, lambda d: A.load_table(name.removesuffix(".csv"), d))
    COUNTS[("data: directed damage", "refused")] += 1
    assert name in message and words in message, message


def test_the_byte_offset_of_an_encoding_error_is_the_files(folder):
    original = (DATA / "security_acts.csv").read_bytes()
    at = original.index(b"Russia", 2000) + 4
    line = original[:at].count(b"\n") + 1
    message = _refused_with(folder, "security_acts.csv", bytes_edit(lambda b: b[:at] + b"\xe9" + b[at + 1:]),
                            lambda d: A.load_table("security_acts", d))
    assert f"at byte {at}, line {line}" in message, message


def test_an_unreadable_file_is_a_data_error(folder, monkeypatch):
    """chmod 000 cannot be tested as root (root reads anything): simulate the refused open()."""
    real_open = open

    def refusing(file, *args, **kwargs):
        if str(file).endswith("secession_cases.csv"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)
    _touch(folder / "secession_cases.csv")
    monkeypatch.setattr("builtins.open", refusing)
    with pytest.raises(DataError, match=r"secession_cases\.csv: cannot be read \(permission denied\)"):
        A.load_table("secession_cases", folder)
    monkeypatch.undo()
    assert len(A.load_table("secession_cases", folder)) > 0, "a read failure must not be cached"


@pytest.mark.parametrize("damage, words", [
    (truncate(0.5, False), "not a readable GeoJSON file"),
    (bytes_edit(lambda b: b'{"type": "FeatureCollection"}'), "holds no map features"),
    (lambda path: path.unlink(), "file is missing"),
    (bytes_edit(lambda b: b[:100] + b"\xe9" + b[101:]), "not valid UTF-8 text (invalid continuation byte at byte 100"),
    (replace_file("folder"), "is a folder"),
    (replace_file("fifo"), "not a regular file"),
], ids=["truncated", "no features", "missing", "Latin-1 byte", "folder", "fifo"])
def test_a_damaged_region_map_is_a_data_error(folder, damage, words):
    message = _refused_with(folder, REGION_MAP, damage, load_region_map)
    COUNTS[("data: region map", "refused")] += 1
    assert REGION_MAP in message and words in message, message


def test_a_model_cache_sees_an_edited_file(folder):
    """karabakh's indicators are re-read when a table changes, as load_table's are."""
    before = karabakh.indicators(folder)
    try:
        text_edit(lambda ls: None)(folder / "milex_sipri.csv")
        set_field(2, 2, "1.0")(folder / "milex_sipri.csv")  # ARM 1992: no effect (before 1994) …
        sub("AZE,2010,", "AZE,2010,1")(folder / "milex_sipri.csv")  # … AZE 2010 grows tenfold or more
        _touch(folder / "milex_sipri.csv")
        after = karabakh.indicators(folder)
        changed = after.loc[after["year"] == 2010, "milex_aze"].iloc[0]
        assert changed != before.loc[before["year"] == 2010, "milex_aze"].iloc[0]
    finally:
        restore(folder, "milex_sipri.csv")


# ---------------------------------------------------------------------------------------
# Random damage, then the whole pipeline
# ---------------------------------------------------------------------------------------

TABLES = sorted(p.name for p in DATA.glob("*.csv"))
TOKENS = ["", "inf", "-inf", "1e400", "NaN", "abc", '"', '"x', "x\"", "1,5", "-1", "99999", "2020-13-01",
          "10/11/2020", "XYZ", "arm", " ARM", "\x00", "é", "TRUE", "1992.5", "2016-2018"]


@st.composite
def damages(draw):
    """(file name, damage, description) drawn from many kinds of damage at random places."""
    name = draw(st.sampled_from(TABLES))
    size = (DATA / name).stat().st_size
    lines = (DATA / name).read_text(encoding="utf-8").count("\n")
    kind = draw(st.sampled_from(["cut", "cut-line", "drop-line", "double-line", "blank", "bytes", "field",
                                 "comma", "swap", "replace"]))
    line = draw(st.integers(1, max(lines - 1, 1)))
    if kind in ("cut", "cut-line"):
        fraction = draw(st.floats(0.0, 0.999))
        return name, truncate(fraction, kind == "cut-line"), f"{kind} at {fraction:.3f}"
    if kind == "drop-line":
        return name, text_edit(lambda ls: ls.pop(line)), f"line {line + 1} removed"
    if kind == "double-line":
        return name, text_edit(lambda ls: ls.insert(line, ls[line])), f"line {line + 1} doubled"
    if kind == "blank":
        return name, text_edit(lambda ls: ls.insert(line, "  ")), f"blank line at {line + 1}"
    if kind == "bytes":
        at = draw(st.integers(0, size - 1))
        junk = draw(st.binary(min_size=1, max_size=4))
        return name, bytes_edit(lambda b: b[:at] + junk + b[at + 1:]), f"bytes {junk!r} at {at}"
    if kind == "field":
        token = draw(st.sampled_from(TOKENS))
        column = draw(st.integers(0, 12))

        def edit(ls: list[str]) -> None:
            fields = ls[line].split(",")
            fields[column % len(fields)] = token
            ls[line] = ",".join(fields)
        return name, text_edit(edit), f"field {column} of line {line + 1} = {token!r}"
    if kind == "comma":
        return name, text_edit(lambda ls: ls.__setitem__(line, ls[line] + ",")), f"trailing comma on {line + 1}"
    if kind == "swap":
        def swap(ls: list[str]) -> None:
            fields = ls[line].split(",")
            if len(fields) > 1:
                fields[0], fields[1] = fields[1], fields[0]
            ls[line] = ",".join(fields)
        return name, text_edit(swap), f"first two fields of line {line + 1} swapped"
    how = draw(st.sampled_from(["fifo", "folder", "devzero", "dir-link", "broken-link", "loop", "huge"]))
    return name, replace_file(how), f"file replaced: {how}"


PIPELINE = [
    ("load_world", lambda d: A.load_world(2016, d)),
    ("karabakh.stability", lambda d: karabakh.stability(d)),
    ("secession.explained", lambda d: secession.explained(d)),
]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=damages())
def test_random_damage_is_refused_naming_a_file_or_runs_through_the_pipeline(folder, damage):
    name, apply, description = damage
    table = name.removesuffix(".csv")
    try:
        apply(folder / name)
        if (folder / name).is_file() and not (folder / name).is_symlink():
            _touch(folder / name)
        outcome = run_case("data: random damage (load_table)", lambda: A.load_table(table, folder), [name, ".csv"])
        if outcome == "accepted":  # a harmless variant, or an edit that looks valid (a row dropped …)
            same = A.load_table(table, folder).equals(A.load_table(table))
            COUNTS[(f"data: accepted damage, table {'identical' if same else 'changed'}", "accepted")] += 1
        for step, call in PIPELINE:
            run_case(f"data: random damage ({step})", lambda call=call: call(folder), [".csv", "events"])
    except AssertionError as exc:
        raise AssertionError(f"{name}, {description}: {exc}") from exc
    finally:
        restore(folder, name)
