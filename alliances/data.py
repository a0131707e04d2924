"""Read and validate the course's data tables (``data/*.csv``).

Every table has a schema in :mod:`alliances.schemas`. :func:`load_table` checks that the
file is a regular file of at most :data:`MAX_TABLE_BYTES` *before* reading it (a named pipe,
a device such as ``/dev/zero``, a folder or a symlink loop is refused at once), reads it as
UTF-8 CSV with Python's :mod:`csv` module in strict mode, converts each column to its
declared type, validates the result against its schema (read with pandas; pandera, imported
only then, names what is wrong) and the table-level rules of the schema
(ordered column pairs, actor codes that must name an actor, complete yearly series), and
turns any failure into one :class:`~alliances.errors.DataError` whose message names the
file, the column, the CSV line (the physical line in the file, counting the header as line
1, blank lines and lines inside quoted fields included) and the problem. Loading never
writes to ``data/``.

Strict on purpose: a data row with fewer or more fields than the header (a truncated or
short row, a trailing comma), a quote left open, a value that is not finite (``inf``,
``1e400``) and a file that does not end with a line break (a file cut off mid-row) are
refused, because each of them otherwise changes results silently.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import stat
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from alliances.errors import DataError
from alliances.params import shown
from alliances.schemas import SCHEMAS, TableSchema

#: Environment variable that points the course at another data folder (tests use it).
DATA_DIR_ENV = "ALLIANCES_DATA_DIR"

#: The largest file the loader reads (20 MB; the biggest course table is well under 1 MB).
#: Larger files are refused before they are read, so a damaged file cannot eat memory.
MAX_TABLE_BYTES = 20 * 1024 * 1024

_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}
_RESTORE = "Restore it from the repository (git checkout -- data/) or rebuild it with the scripts in scripts/."


#: Where a wheel install keeps the tables: ``pyproject.toml`` maps the package
#: ``alliances.course_data`` onto the repository's ``data/`` (its tables, base map and codebook;
#: never ``data/raw/``), so ``pip install .`` works without a checkout.
PACKAGED_DATA = "course_data"


def default_data_dir() -> Path:
    """The folder the course reads.

    In order: ``$ALLIANCES_DATA_DIR`` if set; else the checkout's ``data/`` (an editable install
    or a notebook run from the repository, so edits to ``data/`` are seen); else the copy a
    wheel install ships inside the package (:data:`PACKAGED_DATA`). With none of them present
    it is the checkout's path, so the error names ``data/<table>.csv`` as before.
    """
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    package = Path(__file__).resolve().parent
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "data").is_dir():
        return checkout / "data"
    if (package / PACKAGED_DATA).is_dir():  # a wheel is installed unpacked: a plain folder
        return package / PACKAGED_DATA
    return checkout / "data"


def data_folder(data_dir: object = None) -> Path:
    """``data_dir`` as a folder path (default :func:`default_data_dir`).

    Raises
    ------
    TypeError
        If ``data_dir`` is neither None, a string nor a path.
    """
    if data_dir is None:
        return default_data_dir()
    if isinstance(data_dir, (str, os.PathLike)) and not isinstance(data_dir, bytes):
        return Path(data_dir)
    raise TypeError(f"data_dir={shown(data_dir)} is not allowed: give a folder path (a str or pathlib.Path), "
                    "or leave it out for the course's data/ folder")


def table_names() -> tuple[str, ...]:
    """Names of every table the course reads (file name without ``.csv``)."""
    return tuple(SCHEMAS)


def load_table(name: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return table ``name`` from ``data_dir`` (default :func:`default_data_dir`), validated.

    The frame is a fresh copy: changing it never changes the cache or the file. Results,
    refusals of a file's content included, are cached per file version (:func:`file_stamp`); a
    file that cannot be read at all (permissions, a folder, a pipe) is checked again on every call.

    Raises
    ------
    DataError
        If the file is missing, not a regular file, too large, unreadable, not UTF-8, not a
        well-formed CSV table, lacks a column, or holds a value of the wrong type, out of
        range or not allowed, or a duplicate key.
    ValueError
        If ``name`` is not a course table.
    TypeError
        If ``data_dir`` is not a folder path.
    """
    if not isinstance(name, str) or name not in SCHEMAS:
        raise ValueError(f"unknown table {name!r}; the course's tables are: {', '.join(SCHEMAS)}")
    folder = os.path.abspath(data_folder(data_dir))  # not Path.resolve(): see folder_stamps
    result = _load_cached(name, folder, _stamp(os.path.join(folder, f"{name}.csv")))
    if isinstance(result, DataError):
        raise DataError(str(result))
    return result.copy()


#: The base map (Natural Earth via world-atlas, clipped to the region by scripts/build_map.py).
REGION_MAP = "region_map.geojson"


def load_region_map(data_dir: str | Path | None = None) -> tuple[list[dict[str, Any]], pd.DataFrame]:
    """The map's country shapes (GeoJSON features of ``region_map.geojson``) and its labelled places.

    Returns ``(features, places)``, ``places`` being the validated ``map_places`` table; both
    are read from ``data_dir`` (default :func:`default_data_dir`). Nothing is fetched from the
    network.

    Raises
    ------
    DataError
        If the map file is missing, not a regular file, too large, not UTF-8 JSON, or holds
        no features.
    """
    folder = data_folder(data_dir)
    path = folder / REGION_MAP
    text = _decode(_read_bytes(path, "scripts/build_map.py"), path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{_where(path)}: not a readable GeoJSON file ({exc.msg} at line {exc.lineno}, "
                        f"column {exc.colno}; is it truncated?). Rebuild it with scripts/build_map.py.") from None
    except RecursionError:
        raise DataError(f"{_where(path)}: not a readable GeoJSON file (nested too deeply).") from None
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or not features or not all(isinstance(f, dict) for f in features):
        raise DataError(f"{_where(path)}: holds no map features (expected a GeoJSON FeatureCollection).")
    return features, load_table("map_places", folder)


def file_stamp(path: Path) -> tuple[int, int] | None:
    """``(modification time in ns, size)`` of ``path``, or None if it is missing: a cache key
    that changes whenever the file does."""
    return _stamp(os.fspath(path))


def folder_stamps(data_dir: str | Path | None = None) -> tuple[str, tuple[tuple[int, int] | None, ...]]:
    """``(absolute folder, stamps of every table)``: the cache key of anything built from the
    tables (worlds, the Karabakh indicators), so an edited file is seen the way
    :func:`load_table` sees it.

    Cheap on purpose, since every cached call runs it: the paths are built once per folder
    and the folder is made absolute without ``Path.resolve()``, whose per-call symlink walk
    made resident memory creep up under many threads (about 1 KB per ``load_world``; see
    ``benchmarks/soak.py``)."""
    folder = os.path.abspath(data_folder(data_dir))
    return folder, tuple(_stamp(path) for path in _table_paths(folder))


@lru_cache(maxsize=64)
def _table_paths(folder: str) -> tuple[str, ...]:
    """Every table's file path in ``folder``, built once (the hot path of every cached call)."""
    return tuple(os.path.join(folder, f"{name}.csv") for name in SCHEMAS)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_mtime_ns, st.st_size)


def clear_cache() -> None:
    """Forget every cached table (for timing cold loads; the cache never goes stale)."""
    _load_cached.cache_clear()


@lru_cache(maxsize=256)
def _load_cached(name: str, folder: str, stamp: tuple[int, int] | None) -> pd.DataFrame | DataError:
    schema = SCHEMAS[name]
    path = Path(folder) / f"{name}.csv"
    content = _read_bytes(path)  # a file that cannot be read is not cached: chmod leaves the stamp as it was
    try:
        raw, lines = _read_csv(content, path)
        frame = _coerce(raw, schema, path, lines)
        _validate(frame, schema, path, lines)
        _check_rules(frame, schema, path, lines, folder)
    except DataError as exc:  # refusals of a file's content are cached too: a damaged file is not re-parsed
        return exc.with_traceback(None)  # (without the frames that hold the file's text)
    frame.flags.allows_duplicate_labels = True
    return frame


def _where(path: Path) -> str:
    return f"data/{path.name}" if path.parent.name == "data" else str(path)


def _read_bytes(path: Path, rebuild: str = "the scripts in scripts/") -> bytes:
    """The bytes of ``path`` once it is known to be a readable regular file of sane size."""
    where = _where(path)
    restore = _RESTORE.replace("the scripts in scripts/", rebuild)
    try:
        real = path.resolve(strict=True)
        info = os.stat(real)
    except FileNotFoundError:
        broken = " (a broken symbolic link)" if path.is_symlink() else ""
        raise DataError(f"{where}: file is missing{broken} (expected at {path}). {restore}") from None
    except PermissionError:
        raise DataError(f"{where}: cannot be reached (permission denied on its folder); check the "
                        f"permissions of {path.parent}.") from None
    except (RuntimeError, OSError) as exc:  # a symlink loop: RuntimeError or ELOOP
        raise DataError(f"{where}: cannot be opened ({getattr(exc, 'strerror', None) or exc}; "
                        f"a symbolic link loop?). {restore}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError(f"{where}: is a folder, not a file. {restore}")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(f"{where}: is not a regular file (a device, named pipe or socket); refusing to "
                        f"read it. {restore}")
    if info.st_size > MAX_TABLE_BYTES:
        raise DataError(f"{where}: file is {info.st_size / 2**20:.0f} MB, above the loader's limit of "
                        f"{MAX_TABLE_BYTES // 2**20} MB for a course data file. {restore}")
    try:
        with open(real, "rb") as handle:
            content = handle.read(MAX_TABLE_BYTES + 1)
    except PermissionError:
        raise DataError(f"{where}: cannot be read (permission denied); check the file's permissions "
                        f"(ls -l {path}).") from None
    except OSError as exc:
        raise DataError(f"{where}: cannot be read ({exc.strerror or exc}).") from None
    if len(content) > MAX_TABLE_BYTES:
        raise DataError(f"{where}: file is above the loader's limit of {MAX_TABLE_BYTES // 2**20} MB.")
    return content


def _decode(content: bytes, path: Path) -> str:
    """``content`` as text (UTF-8, an optional byte-order mark dropped); errors give the file byte and line."""
    where = _where(path)
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) or content[:64].count(0) >= 16:  # BOM, or every other byte NUL
        raise DataError(f"{where}: file looks like UTF-16 text; save it as UTF-8 (in Excel: 'CSV UTF-8').")
    bom = 3 if content.startswith(b"\xef\xbb\xbf") else 0
    try:
        return content[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + bom
        line = content[:at].count(b"\n") + 1
        raise DataError(f"{where}: file is not valid UTF-8 text ({exc.reason} at byte {at}, line {line}: "
                        f"byte {content[at:at + 1]!r}); save it as UTF-8.") from None


def _read_csv(content: bytes, path: Path) -> tuple[pd.DataFrame, list[int]]:
    """The table in ``content`` as text columns (empty cells missing) and the file line each row starts on."""
    where = _where(path)
    text = _decode(content, path)
    if not text.strip():
        raise DataError(f"{where}: file is empty; it should start with a header row.")
    if not text.endswith(("\n", "\r")):
        raise DataError(f"{where}: the file ends in the middle of line {len(text.splitlines())} (no line "
                        "break after the last row), so it may have been cut off. If the last row is "
                        "complete, add a line break at the end.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    end = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if not record or (len(record) == 1 and not record[0].strip()):
                continue  # a blank line
            if header is None:
                header = _check_header(record, where)
                continue
            rows.append(_fit_row(record, header, where, start))
            lines.append(start)
    except csv.Error as exc:
        raise DataError(f"{where}: line {end + 1}: not well-formed CSV ({exc}); a quote is probably "
                        "left open or followed by other text.") from None
    if header is None or not rows:
        raise DataError(f"{where}: file has a header but no rows.")
    columns = {name: [r[i] if r[i] != "" else None for r in rows] for i, name in enumerate(header) if name}
    frame = pd.DataFrame({name: pd.array(values, dtype="string") for name, values in columns.items()})
    return frame, lines


def _check_header(record: list[str], where: str) -> list[str]:
    header = list(record)
    if header and header[-1] == "":
        header = header[:-1] + [""]  # a trailing comma: an unnamed, empty last column (dropped)
    named = [h for h in header if h]
    doubled = sorted({h for h in named if named.count(h) > 1})
    if doubled:
        raise DataError(f"{where}: the header names column(s) {', '.join(map(repr, doubled))} more than once.")
    return header


def _fit_row(record: list[str], header: list[str], where: str, line: int) -> list[str]:
    """``record`` checked against the header's length (a trailing empty column is allowed)."""
    n = len(header)
    if len(record) == n:
        if header[-1] == "" and record[-1] != "":
            raise DataError(f"{where}: line {line} has a value in the header's unnamed last column.")
        return record
    if len(record) == n + 1 and record[-1] == "":
        raise DataError(f"{where}: line {line} ends with a trailing comma (an extra empty field after "
                        f"the {n} columns of the header); remove it.")
    if len(record) > n:
        raise DataError(f"{where}: line {line} has {len(record)} fields, but the header has {n}.")
    raise DataError(f"{where}: line {line} has only {len(record)} of the header's {n} fields (a short or "
                    "cut-off row); complete it.")


def _line(index: Any, lines: Sequence[int]) -> str:
    try:
        return f"line {lines[int(index)]}"
    except (TypeError, ValueError, IndexError):
        return "a row"


def _shown(value: Any) -> str:
    return shown(value, 60)


def _coerce(raw: pd.DataFrame, schema: TableSchema, path: Path, lines: Sequence[int]) -> pd.DataFrame:
    missing = [c for c in schema.columns if c not in raw.columns]
    if missing:
        raise DataError(
            f"{_where(path)}: missing column(s) {', '.join(repr(c) for c in missing)}; "
            f"the file has {', '.join(_shown(c) for c in raw.columns)}.")
    frame = raw.copy()
    for col, kind in schema.columns.items():
        if kind in ("int", "float"):
            frame[col] = _number_column(frame[col], col, kind, path, lines)
        elif kind == "bool":
            frame[col] = _bool_column(frame[col], col, path, lines)
        else:
            frame[col] = frame[col].astype("string")
    return frame


def _number_column(values: pd.Series, col: str, kind: str, path: Path, lines: Sequence[int]) -> pd.Series:
    present = values.notna()
    converted = pd.to_numeric(values.str.strip(), errors="coerce").astype("float64")
    problems = [(present & converted.isna(), "a whole number" if kind == "int" else "a number"),
                (present & converted.notna() & ~converted.map(math.isfinite).astype(bool), "a finite number")]
    if kind == "int":
        finite = converted.where(converted.map(math.isfinite).astype(bool))
        problems.append((present & finite.notna() & (finite % 1 != 0), "a whole number"))
    for bad, what in problems:
        if bad.any():
            i = bad.idxmax()
            raise DataError(f"{_where(path)}: column {col!r}, {_line(i, lines)}: {_shown(values[i])} is not {what}.")
    return converted.astype("Int64") if kind == "int" else converted


def _bool_column(values: pd.Series, col: str, path: Path, lines: Sequence[int]) -> pd.Series:
    present = values.notna()
    lowered = values.str.strip().str.lower()
    bad = present & ~lowered.isin(_TRUE | _FALSE)
    if bad.any():
        i = bad.idxmax()
        raise DataError(f"{_where(path)}: column {col!r}, {_line(i, lines)}: {_shown(values[i])} is not true/false.")
    return lowered.map(lambda v: True if v in _TRUE else (False if v in _FALSE else pd.NA)).astype("boolean")


def _validate(frame: pd.DataFrame, schema: TableSchema, path: Path, lines: Sequence[int]) -> None:
    """``frame`` held to ``schema``: read with pandas first, and by pandera, which names each problem, if that finds one."""
    if schema.plainly_sound(frame):
        return
    import pandera.errors as pae

    try:
        schema.pandera.validate(frame, lazy=True)
    except pae.SchemaErrors as exc:
        raise DataError(_describe_failures(exc.failure_cases, schema, path, lines)) from None
    except pae.SchemaError as exc:  # pragma: no cover - lazy=True reports SchemaErrors
        raise DataError(f"{_where(path)}: {exc}") from None


def _describe_failures(cases: pd.DataFrame, schema: TableSchema, path: Path, lines: Sequence[int]) -> str:
    found = []
    for _, case in cases.head(5).iterrows():
        col, check, value, index = case["column"], str(case["check"]), case["failure_case"], case["index"]
        if "uniqueness" in check or check == "multiple_fields_uniqueness":
            key = ", ".join(schema.key)
            found.append(f"duplicate key ({key}) at {_line(index, lines)}")
        elif "not_nullable" in check:
            found.append(f"column {col!r}, {_line(index, lines)}: empty, but a value is required")
        elif "column_in_dataframe" in check:
            found.append(f"missing column {value!r}")
        else:
            found.append(f"column {col!r}, {_line(index, lines)}: {_shown(value)} fails {_plain(check)}")
    more = len(cases) - len(found)
    suffix = f" (and {more} more problem(s))" if more > 0 else ""
    return f"{_where(path)}: " + "; ".join(dict.fromkeys(found)) + suffix + "."


def _plain(check: str) -> str:
    """Translate a pandera check name into words: 'in_range(0, 1)' -> 'the allowed range 0..1'."""
    if check.startswith("in_range("):
        lo, hi = check[len("in_range("):-1].split(",")
        return f"the allowed range {lo.strip()}..{hi.strip()}"
    if check.startswith("isin("):
        return f"the allowed values {check[len('isin('):-1]}"
    if check.startswith("greater_than_or_equal_to("):
        return f"the minimum {check[len('greater_than_or_equal_to('):-1]}"
    if check.startswith("str_matches("):
        return f"the expected format {check[len('str_matches('):-1]}"
    if check.startswith("format: "):
        return "the expected format: " + check[len("format: "):]
    return f"the check {check}"


def _check_rules(frame: pd.DataFrame, schema: TableSchema, path: Path, lines: Sequence[int], folder: str) -> None:
    """The table-level rules of ``schema``: ordered pairs, actor references, complete years."""
    where = _where(path)
    for lo, hi in schema.ordered:
        both = frame[lo].notna() & frame[hi].notna()
        a, b = frame.loc[both, lo], frame.loc[both, hi]
        if a.dtype == "string":  # ISO dates of different precision: compare the common prefix
            bad = [i for i in a.index if str(b[i]) < str(a[i])[:len(str(b[i]))]]
        else:
            bad = list(a.index[(b < a).to_numpy(dtype=bool)])
        if bad:
            i = bad[0]
            raise DataError(f"{where}: {_line(i, lines)}: {hi} {frame.at[i, hi]} is before {lo} "
                            f"{frame.at[i, lo]}; the end cannot come before the start.")
    if schema.references:
        actors = _load_cached("actors", folder, file_stamp(Path(folder) / "actors.csv"))
        if isinstance(actors, DataError):
            raise actors
        known = set(actors["actor"])
        for col in schema.references:
            bad_rows = frame[col].notna() & ~frame[col].isin(known)
            if bad_rows.any():
                i = bad_rows.idxmax()
                raise DataError(f"{where}: column {col!r}, {_line(i, lines)}: {_shown(frame.at[i, col])} is not "
                                "an actor of actors.csv; use one of its codes or add the actor there.")
    if schema.complete:
        _check_complete(frame, schema, where)


def _check_complete(frame: pd.DataFrame, schema: TableSchema, where: str) -> None:
    """Every actor of the vocabulary present, each with one unbroken run of years from the first."""
    missing = [a for a in schema.complete if a not in set(frame["actor"])]
    if missing:
        raise DataError(f"{where}: no rows for {', '.join(missing)}; every one of {', '.join(schema.complete)} "
                        "needs its yearly rows (is the file cut off?).")
    first = int(frame["year"].min())
    for actor, years in frame.groupby("actor")["year"]:
        got = sorted(int(y) for y in years)
        if got[0] != first or got[-1] - got[0] + 1 != len(got):
            gap = next((y for y in range(first, got[-1] + 1) if y not in set(got)), first)
            raise DataError(f"{where}: the years of {actor} are not complete ({got[0]}-{got[-1]}, "
                            f"{gap} missing); every actor needs one row per year from {first}.")
