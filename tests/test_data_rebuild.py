"""The committed ``data/`` is exactly what the build scripts make from the repository alone.

- ``scripts/build_numeric.py``, ``scripts/build_coded.py`` and ``scripts/build_places.py`` read
  ``data/raw/`` (copies of the filtered extracts and fact tables, with their provenance in
  ``data/raw/README.md``) and write the 27 CSV tables, byte for byte;
- ``scripts/build_map.py`` reads the npm package world-atlas 2.0.2 (not copied into the
  repository) and writes ``region_map.geojson``; its test runs when ``WORLD_ATLAS_DIR`` names
  the extracted package (``npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz``,
  then ``WORLD_ATLAS_DIR=package``); its Karabakh layer comes from ``data/raw/geo/`` (a Natural
  Earth admin-1 extract), so no other package is needed;
- no builder reads a path outside the repository, and ``data/raw/`` holds no file that no
  builder reads.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
#: Files in data/ that document rather than hold data.
DOCUMENTATION = frozenset({"README.md"})
MAP = "region_map.geojson"
TABLE_SCRIPTS = ("build_numeric.py", "build_coded.py", "build_places.py")
BUILDERS = sorted((ROOT / "scripts").glob("build_*.py"))
#: What a reference to a file outside the repository looks like in a builder's code: a parent
#: of the repository (``parents[2]``, ``../``), the old ``../shared/`` folders, an absolute path.
OUTSIDE = re.compile(r"parents\[[2-9]\]|\.\.[/\\]|shared[/\\](?:facts|data-sources|readings)\b"
                     r"|--shared\b|Path\(\s*[rf]?[\"'](?:/|~|[A-Za-z]:)")


def _run(script: str, *args: str | Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / script), *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def built_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each table script's output folder, built once from data/raw/."""
    out = {}
    for script in TABLE_SCRIPTS:
        folder = tmp_path_factory.mktemp(Path(script).stem)
        _run(script, "--raw", RAW, "--out", folder)
        out[script] = folder
    return out


def _differing(folder: Path) -> list[str]:
    """Files of ``folder`` whose bytes differ from (or are missing in) data/."""
    return sorted(p.name for p in folder.iterdir() if not (DATA / p.name).is_file()
                  or p.read_bytes() != (DATA / p.name).read_bytes())


@pytest.mark.parametrize("script", TABLE_SCRIPTS)
def test_the_script_rebuilds_its_tables_byte_for_byte(built_tables, script):
    written = sorted(p.name for p in built_tables[script].iterdir())
    assert written, f"{script} wrote nothing"
    assert _differing(built_tables[script]) == [], f"{script} builds these differently from data/"


def test_every_data_file_has_a_builder(built_tables):
    built = [p.name for folder in built_tables.values() for p in folder.iterdir()] + [MAP]
    committed = {p.name for p in DATA.iterdir() if p.is_file()} - DOCUMENTATION
    assert len(built) == len(set(built)), "two builders write the same file"
    assert committed == set(built), "data/ and the builders' outputs name different files"


@pytest.mark.parametrize("path", BUILDERS, ids=lambda p: p.name)
def test_no_builder_refers_to_a_path_outside_the_repository(path):
    hits = [(n, line.strip()) for n, line in enumerate(path.read_text().splitlines(), 1)
            if OUTSIDE.search(line)]
    assert hits == [], f"{path.name} refers to files outside the repository: {hits}"


def test_every_raw_file_is_read_by_a_builder():
    code = "\n".join(p.read_text() for p in BUILDERS)
    data_files = [p for ext in ("csv", "txt", "geojson") for p in RAW.rglob(f"*.{ext}")]
    unread = sorted(p.relative_to(RAW).as_posix() for p in data_files if p.name not in code)
    assert unread == [], f"data/raw/ holds files no builder reads: {unread}"
    for folder in ("extracts", "facts", "geo"):
        assert any((RAW / folder).glob("*.md")), f"data/raw/{folder}/ has no provenance notes"
    assert (RAW / "README.md").is_file()


@pytest.mark.skipif(not os.environ.get("WORLD_ATLAS_DIR"),
                    reason="data/region_map.geojson is built from the npm package world-atlas 2.0.2, which "
                           "the repository does not hold: extract it and set WORLD_ATLAS_DIR to its package/ folder")
def test_the_base_map_rebuilds_byte_for_byte(tmp_path):
    target = tmp_path / MAP
    _run("build_map.py", os.environ["WORLD_ATLAS_DIR"], "--out", target)
    assert target.read_bytes() == (DATA / MAP).read_bytes()
