"""The pins agree: environment.yml (conda-forge, Binder) and requirements.txt (pip) are the student set,
requirements-test.txt adds what the test suite needs, and pyproject's ranges admit every pin."""

from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"python", "pip"}


def pip_pins(name: str = "requirements.txt") -> dict[str, str]:
    """Every pin of a requirements file, following its ``-r`` includes (except requirements.txt)."""
    pins = {}
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if not line or line == "-r requirements.txt":
            continue
        if line.startswith("-r "):
            pins.update(pip_pins(str(Path(name).parent / line[3:].strip())))
            continue
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "==", f"{name}: {line!r} is not pinned with =="
        pins[req.name.lower()] = spec.version
    return pins


def conda_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            continue
        name, _, version = dep.partition("=")
        if name in SKIP:
            continue
        assert version, f"environment.yml: {dep!r} has no version"
        pins[name.lower()] = version
    return pins


def test_same_packages():
    assert set(pip_pins()) == set(conda_pins())


def test_compatible_versions():
    conda = conda_pins()
    for name, pip_version in pip_pins().items():
        # conda `pkg=1.2.3` means 1.2.3.*; pip's ==1.2.3.post1 is a build of the same release
        assert Version(pip_version).release[: len(Version(conda[name]).release)] == Version(conda[name]).release, \
            f"{name}: pip {pip_version} vs conda {conda[name]}"


def test_python_version_agrees():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda_python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python="))
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.11"' in pyproject
    assert Version(conda_python.split("=")[1]) >= Version("3.11")


def test_the_test_set_builds_on_the_student_set_and_adds_only_test_tools():
    text = (ROOT / "requirements-test.txt").read_text()
    assert "-r requirements.txt" in text.splitlines()
    test, student = pip_pins("requirements-test.txt"), pip_pins()
    assert test and not set(test) & set(student)
    assert "playwright" in test and "playwright" not in conda_pins(), "playwright is for the tests, not students"


def test_pyproject_ranges_admit_the_pins():
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = {**pip_pins(), **pip_pins("requirements-test.txt")}
    reqs = list(deps["dependencies"]) + [r for group in deps["optional-dependencies"].values() for r in group]
    for line in reqs:
        req = Requirement(line)
        assert req.name.lower() in pins, f"pyproject lists {req.name} but requirements.txt does not pin it"
        assert req.specifier.contains(pins[req.name.lower()], prereleases=True), \
            f"{req.name}: pin {pins[req.name.lower()]} is outside pyproject's range {req.specifier}"


# --- Binder / a hub image: what repo2docker (2026.4.0) reads -------------------------------------
# Its buildpacks are tried in order (repo2docker/app.py): Dockerfile, Project.toml/REQUIRE (Julia),
# default.nix, an R runtime.txt/DESCRIPTION, then environment.yml (CondaBuildPack), Pipfile and
# requirements.txt. Files are looked up in binder/ or .binder/ if one exists, instead of the top
# level. CondaBuildPack installs environment.yml alone (`mamba env update --file environment.yml`);
# a requirements.txt beside it is ignored, so the student set must be complete in environment.yml.
EARLIER_BUILDPACKS = ("Dockerfile", "Project.toml", "JuliaProject.toml", "REQUIRE", "default.nix", "DESCRIPTION")


def environment() -> dict:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert isinstance(env, dict), "environment.yml must be a mapping (repo2docker refuses anything else)"
    return env


def pip_section() -> list[str]:
    sections = [d["pip"] for d in environment()["dependencies"] if isinstance(d, dict)]
    assert len(sections) == 1 and set(environment()) <= {"name", "channels", "dependencies"}
    return [line.split("#")[0].strip() for line in sections[0]]


def test_repo2docker_picks_the_conda_buildpack_on_the_top_level_environment_yml():
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists(), \
        "a binder/ folder makes repo2docker ignore the top-level environment.yml"
    earlier = [name for name in EARLIER_BUILDPACKS if (ROOT / name).exists()]
    assert not earlier, f"repo2docker would build from {earlier} instead of environment.yml"
    runtime = ROOT / "runtime.txt"
    assert not runtime.exists() or not runtime.read_text().startswith("r-"), "runtime.txt asks for R"
    assert not (ROOT / "environment.yaml").exists(), "two conda files: repo2docker reads environment.yml only"
    env = environment()
    assert env["channels"] == ["conda-forge"]
    # repo2docker reads the version with `python\s*=+\s*([\d.]*)` and builds on its x.y lock file
    (python,) = [d for d in env["dependencies"] if isinstance(d, str) and d.split("=")[0] == "python"]
    assert len(Version(python.split("=")[1]).release) == 2, f"{python}: pin python as x.y for repo2docker"


def test_the_binder_environment_is_the_student_set_and_installs_the_course():
    # requirements.txt is never read once environment.yml exists: test_same_packages keeps them equal
    assert pip_section() == ["."], "the pip section installs the course itself (its tables are package data)"
    assert "pip" in environment()["dependencies"]
    test_only = set(pip_pins("requirements-test.txt"))
    conda = set(conda_pins())
    assert not conda & test_only, f"test-only packages in the Binder environment: {sorted(conda & test_only)}"
    # conda-forge's `playwright` is the Node.js tool; the Python library is `playwright-python`
    assert not conda & {"playwright", "playwright-python"}


def test_repo2docker_plans_the_build_from_environment_yml(tmp_path):
    """repo2docker's own detection (no docker, no network: --no-build prints the Dockerfile)."""
    import shutil
    import subprocess

    exe = shutil.which("jupyter-repo2docker")
    if exe is None:
        import pytest

        pytest.skip("jupyter-repo2docker is not installed (pip install jupyter-repo2docker==2026.4.0)")
    run = subprocess.run([exe, "--no-build", "--debug", "--no-run", "--user-id", "1000", "--user-name", "jovyan",
                          str(ROOT)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout + run.stderr
    assert "Building conda environment for python=3.11" in out
    assert '--file "environment.yml"' in out
    assert "requirements.txt -" not in out and "-r requirements.txt" not in out
    # the course is installed after the repository is copied in (the pip section names ".")
    assert out.index("COPY --chown=1000:1000 src/") < out.index('--file "environment.yml"')
