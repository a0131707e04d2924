"""Provenance: every file in data/ and every column is documented in the codebook with a source."""

import re

import pytest

from alliances.data import default_data_dir
from alliances.schemas import SCHEMAS

DATA = default_data_dir()
CODEBOOK = (DATA / "README.md").read_text()


def sections() -> dict[str, str]:
    parts = re.split(r"^## `([^`]+)`", CODEBOOK, flags=re.M)
    return {name: body for name, body in zip(parts[1::2], parts[2::2])}


@pytest.mark.parametrize("path", sorted(p.name for p in DATA.iterdir() if p.suffix in {".csv", ".geojson"}))
def test_every_data_file_has_a_section_with_a_source(path):
    body = sections().get(path)
    assert body is not None, f"data/README.md has no '## `{path}`' section"
    assert re.search(r"\*\*Sources?\b|\bSources?:|\*\*Source", body), f"{path}: the section names no source"
    assert re.search(r"[Ll]icen[cs]e|[Tt]erms", body), f"{path}: the section gives no licence or terms"


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_every_column_is_documented(table):
    body = sections()[f"{table}.csv"]
    documented = set(re.findall(r"^\|\s*`?([a-z0-9_]+)`?\s*\|", body, flags=re.M))
    missing = [c for c in SCHEMAS[table].columns if c not in documented]
    assert not missing, f"data/README.md, {table}.csv: columns not in the column table: {missing}"


def test_every_csv_column_is_in_the_schema():
    import csv

    for name, schema in SCHEMAS.items():
        with open(DATA / f"{name}.csv", newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == list(schema.columns), f"{name}.csv header differs from its schema"
