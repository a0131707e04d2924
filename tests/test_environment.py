"""The pins agree: environment.yml (conda-forge, Binder) and requirements.txt (pip) are the student set,
requirements-test.txt adds what the test suite needs, and pyproject's ranges admit every pin."""

from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"python", "pip"}


def pip_pins(name: str = "requirements.txt") -> dict[str, str]:
    pins = {}
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#")[0].strip()
        if not line or line == "-r requirements.txt":
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
