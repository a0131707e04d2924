"""The course installs as a package (a wheel, as a hub image would) and works without a checkout.

The wheel is built from a copy of the sources (never in the work tree, where ``build/`` would be
left behind), must hold every module, every data table, the base map and the codebook, and no
file of ``data/raw/``; installed into a fresh virtual environment and run from a folder outside
the repository, ``load_world`` and ``predict`` must work from the packaged tables.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from alliances import data
from alliances.data import DATA_DIR_ENV, PACKAGED_DATA, REGION_MAP, default_data_dir, table_names

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = f"alliances/{PACKAGED_DATA}"
#: What a build reads; anything else in the work tree (.venv, notebooks, site) stays out of the copy.
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "LICENSE-TEXT.md", "MANIFEST.in", "setup.py",
                "setup.cfg", "alliances", "data")
SMOKE = ("from alliances import load_world, predict; from alliances.data import default_data_dir; "
         "import alliances; print(alliances.__file__); print(default_data_dir()); "
         "print(predict('rsct', load_world('2008-2019')).shape)")


def _run(args: list[str], cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (DATA_DIR_ENV, "PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def _backend_installed() -> bool:
    """Whether this environment already has the build backend pyproject asks for (then no download)."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    for line in requires:
        req = Requirement(line)
        try:
            if not req.specifier.contains(importlib.metadata.version(req.name), prereleases=True):
                return False
        except importlib.metadata.PackageNotFoundError:
            return False
    return True


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif path.is_file():
            shutil.copy2(path, src / name)
    out = tmp_path_factory.mktemp("wheel")
    # An isolated build fetches the backend from the package index when this environment lacks it.
    isolation = ["--no-build-isolation"] if _backend_installed() else []
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *isolation, "-w", str(out), str(src)], cwd=src)
    (built,) = out.glob("alliances-*.whl")
    return built


def test_the_wheel_holds_every_module_and_table_and_no_raw_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "alliances").rglob("*.py")
               if "__pycache__" not in p.parts}
    assert modules - names == set(), "a package is missing from [tool.setuptools] packages in pyproject.toml"
    shipped = {f"{PACKAGED}/{t}.csv" for t in table_names()} | {f"{PACKAGED}/{REGION_MAP}", f"{PACKAGED}/README.md"}
    assert shipped - names == set(), "a data table is missing from the wheel"
    packaged = {n for n in names if n.startswith(f"{PACKAGED}/")}
    assert packaged == shipped, f"the wheel ships more than the tables: {sorted(packaged - shipped)}"
    assert not [n for n in names if "/raw/" in n], "data/raw/ (the builders' inputs) is in the wheel"
    for table in ("actors.csv", REGION_MAP):  # byte for byte the checkout's copy
        assert zipfile.ZipFile(wheel).read(f"{PACKAGED}/{table}") == (ROOT / "data" / table).read_bytes()
    bundle = "alliances/widgets/static/chartview.js"  # the chart widget's JavaScript: nothing from a CDN
    assert zipfile.ZipFile(wheel).read(bundle) == (ROOT / bundle).read_bytes()


def test_the_installed_wheel_works_outside_a_checkout(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)  # this pip installs into it (--python): 8 s faster
    python = env_dir / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=tmp_path).stdout.strip())
    # The dependencies come from this environment (no network): its site-packages go on the new
    # environment's path after its own, so the course itself can only come from the wheel.
    deps = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    (site / "course-test-deps.pth").write_text("".join(f"{p}\n" for p in deps))
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
          str(wheel)], cwd=tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    module, folder, shape = _run([str(python), "-c", SMOKE], cwd=work).stdout.splitlines()
    assert Path(module).is_relative_to(site), f"alliances was imported from {module}, not from the wheel"
    assert Path(folder) == site / "alliances" / PACKAGED_DATA
    assert shape.startswith("(") and not shape.startswith("(0,"), shape


def test_default_data_dir_prefers_the_variable_then_the_checkout(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    assert default_data_dir() == ROOT / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert default_data_dir() == tmp_path
    assert data.data_folder(None) == tmp_path
