"""Read and validate the course's data tables (``data/*.csv``).

Every table has a schema in :mod:`alliances.schemas`. :func:`load_table` reads a CSV as
text, converts each column to its declared type, validates the result with pandera, and
turns any failure into one :class:`~alliances.errors.DataError` whose message names the
file, the column, the CSV line and the problem. Loading never writes to ``data/``.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from alliances.errors import DataError
from alliances.schemas import SCHEMAS, TableSchema

#: Environment variable that points the course at another data folder (tests use it).
DATA_DIR_ENV = "ALLIANCES_DATA_DIR"

_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


def default_data_dir() -> Path:
    """The folder the course reads: ``$ALLIANCES_DATA_DIR`` or the repository's ``data/``."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "data"


def table_names() -> tuple[str, ...]:
    """Names of every table the course reads (file name without ``.csv``)."""
    return tuple(SCHEMAS)


def load_table(name: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return table ``name`` from ``data_dir`` (default :func:`default_data_dir`), validated.

    The frame is a fresh copy: changing it never changes the cache or the file.

    Raises
    ------
    DataError
        If the file is missing, unreadable, lacks a column, holds a value of the wrong
        type, a value out of range or not allowed, or a duplicate key.
    ValueError
        If ``name`` is not a course table.
    """
    if name not in SCHEMAS:
        raise ValueError(f"unknown table {name!r}; the course's tables are: {', '.join(SCHEMAS)}")
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    return _load_cached(name, str(folder.resolve()), file_stamp(folder / f"{name}.csv")).copy()


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
        If the map file is missing, not UTF-8 JSON, or holds no features.
    """
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    path = folder / REGION_MAP
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{_where(path)}: file is missing (expected at {path}). Restore it from the "
                        "repository (git checkout -- data/) or rebuild it with scripts/build_map.py.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{_where(path)}: not a readable GeoJSON file ({exc}).") from None
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError(f"{_where(path)}: holds no map features (expected a GeoJSON FeatureCollection).")
    return features, load_table("map_places", folder)


def file_stamp(path: Path) -> tuple[int, int] | None:
    """``(modification time in ns, size)`` of ``path``, or None if it is missing: a cache key
    that changes whenever the file does."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def clear_cache() -> None:
    """Forget every cached table (for timing cold loads; the cache never goes stale)."""
    _load_cached.cache_clear()


@lru_cache(maxsize=256)
def _load_cached(name: str, folder: str, stamp: tuple[int, int] | None) -> pd.DataFrame:
    schema = SCHEMAS[name]
    path = Path(folder) / f"{name}.csv"
    raw = _read_text_csv(path)
    frame = _coerce(raw, schema, path)
    _validate(frame, schema, path)
    frame.flags.allows_duplicate_labels = True
    return frame


def _where(path: Path) -> str:
    return f"data/{path.name}" if path.parent.name == "data" else str(path)


def _read_text_csv(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise DataError(f"{_where(path)}: file is missing (expected at {path}). "
                        "Restore it from the repository (git checkout -- data/) or rebuild it with the scripts in scripts/.")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                            encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{_where(path)}: file is not valid UTF-8 text ({exc.reason} at byte {exc.start}).") from None
    except pd.errors.EmptyDataError:
        raise DataError(f"{_where(path)}: file is empty; it should start with a header row.") from None
    except (pd.errors.ParserError, ValueError) as exc:
        raise DataError(f"{_where(path)}: file is not a well-formed CSV table ({exc}).") from None
    if frame.empty:
        raise DataError(f"{_where(path)}: file has a header but no rows.")
    return frame


def _line(index: Any) -> str:
    try:
        return f"line {int(index) + 2}"  # header is line 1, first data row is line 2
    except (TypeError, ValueError):
        return "a row"


def _coerce(raw: pd.DataFrame, schema: TableSchema, path: Path) -> pd.DataFrame:
    missing = [c for c in schema.columns if c not in raw.columns]
    if missing:
        raise DataError(
            f"{_where(path)}: missing column(s) {', '.join(repr(c) for c in missing)}; "
            f"the file has {', '.join(repr(c) for c in raw.columns)}.")
    frame = raw.copy()
    for col, kind in schema.columns.items():
        values = frame[col]
        present = values.notna()
        if kind in ("int", "float"):
            converted = pd.to_numeric(values.str.strip(), errors="coerce")
            bad = present & converted.isna()
            if kind == "int":
                bad |= present & converted.notna() & (converted % 1 != 0)
            if bad.any():
                i = bad.idxmax()
                raise DataError(
                    f"{_where(path)}: column {col!r}, {_line(i)}: {values[i]!r} is not "
                    f"{'a whole number' if kind == 'int' else 'a number'}.")
            frame[col] = converted.astype("Int64" if kind == "int" else "float64")
        elif kind == "bool":
            lowered = values.str.strip().str.lower()
            bad = present & ~lowered.isin(_TRUE | _FALSE)
            if bad.any():
                i = bad.idxmax()
                raise DataError(f"{_where(path)}: column {col!r}, {_line(i)}: {values[i]!r} "
                                "is not true/false.")
            frame[col] = lowered.map(lambda v: True if v in _TRUE else (False if v in _FALSE else pd.NA)).astype("boolean")
        else:
            frame[col] = values.astype("string")
    return frame


def _validate(frame: pd.DataFrame, schema: TableSchema, path: Path) -> None:
    import pandera.errors as pae

    try:
        schema.pandera.validate(frame, lazy=True)
    except pae.SchemaErrors as exc:
        raise DataError(_describe_failures(exc.failure_cases, schema, path)) from None
    except pae.SchemaError as exc:  # pragma: no cover - lazy=True reports SchemaErrors
        raise DataError(f"{_where(path)}: {exc}") from None


def _describe_failures(cases: pd.DataFrame, schema: TableSchema, path: Path) -> str:
    lines = []
    for _, case in cases.head(5).iterrows():
        col, check, value, index = case["column"], str(case["check"]), case["failure_case"], case["index"]
        if "uniqueness" in check or check == "multiple_fields_uniqueness":
            key = ", ".join(schema.key)
            lines.append(f"duplicate key ({key}) at {_line(index)}")
        elif "not_nullable" in check:
            lines.append(f"column {col!r}, {_line(index)}: empty, but a value is required")
        elif "column_in_dataframe" in check:
            lines.append(f"missing column {value!r}")
        else:
            lines.append(f"column {col!r}, {_line(index)}: {value!r} fails {_plain(check)}")
    more = len(cases) - len(lines)
    suffix = f" (and {more} more problem(s))" if more > 0 else ""
    return f"{_where(path)}: " + "; ".join(dict.fromkeys(lines)) + suffix + "."


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
    return f"the check {check}"
