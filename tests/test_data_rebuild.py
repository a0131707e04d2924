"""The committed ``data/`` is exactly what the build scripts make: every file, byte for byte.

- ``scripts/build_numeric.py`` and ``scripts/build_coded.py`` read ``../shared/`` (the
  filtered extracts, fact tables and readings beside the repository) and write the 26 CSV
  tables;
- ``scripts/build_map.py`` reads the npm package world-atlas 2.0.2 (which ``../shared/`` does
  not hold) and writes ``region_map.geojson``; its test runs when ``WORLD_ATLAS_DIR`` names
  the extracted package (``npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz``,
  then ``WORLD_ATLAS_DIR=package``);
- ``data/map_places.csv`` has **no builder**: it is written by hand (its sources are in the
  codebook), so it is excluded from the comparison, explicitly, below.

A public clone has no ``../shared/``: these tests skip there, with that reason; CI has it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
#: Files in data/ that no script builds.
HAND_WRITTEN = frozenset({"map_places.csv"})
#: Files in data/ that document rather than hold data.
DOCUMENTATION = frozenset({"README.md"})
MAP = "region_map.geojson"
TABLE_SCRIPTS = ("build_numeric.py", "build_coded.py")

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"{SHARED} is absent (a public clone has no ../shared/), so data/ cannot be rebuilt")


def _run(script: str, *args: str | Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / script), *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def built_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each table script's output folder, built once from ../shared/."""
    out = {}
    for script in TABLE_SCRIPTS:
        folder = tmp_path_factory.mktemp(Path(script).stem)
        _run(script, "--shared", SHARED, "--out", folder)
        out[script] = folder
    return out


def _differing(folder: Path) -> list[str]:
    """Files of ``folder`` whose bytes differ from (or are missing in) data/."""
    return sorted(p.name for p in folder.iterdir() if not (DATA / p.name).is_file()
                  or p.read_bytes() != (DATA / p.name).read_bytes())


@needs_shared
@pytest.mark.parametrize("script", TABLE_SCRIPTS)
def test_the_script_rebuilds_its_tables_byte_for_byte(built_tables, script):
    written = sorted(p.name for p in built_tables[script].iterdir())
    assert written, f"{script} wrote nothing"
    assert _differing(built_tables[script]) == [], f"{script} builds these differently from data/"


@needs_shared
def test_every_data_file_has_a_builder_except_the_hand_written_ones(built_tables):
    built = {p.name for folder in built_tables.values() for p in folder.iterdir()} | {MAP}
    committed = {p.name for p in DATA.iterdir() if p.is_file()} - DOCUMENTATION
    assert committed - HAND_WRITTEN == built, "data/ and the builders' outputs name different files"
    assert HAND_WRITTEN <= committed and not HAND_WRITTEN & built


@pytest.mark.skipif(not os.environ.get("WORLD_ATLAS_DIR"),
                    reason="data/region_map.geojson is built from the npm package world-atlas 2.0.2, which "
                           "../shared/ does not hold: extract it and set WORLD_ATLAS_DIR to its package/ folder")
def test_the_base_map_rebuilds_byte_for_byte(tmp_path):
    target = tmp_path / MAP
    _run("build_map.py", os.environ["WORLD_ATLAS_DIR"], "--out", target)
    assert target.read_bytes() == (DATA / MAP).read_bytes()
