"""The repository keeps its promises: two README commands, CI runs the test one, licences."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- commands -->(.*?)<!-- /commands -->", text, re.S)
    assert block, "README.md must mark its two commands between <!-- commands --> markers"
    return [line.strip() for line in block.group(1).splitlines()
            if line.strip().startswith("python3 -m venv")]


def test_readme_has_exactly_two_commands():
    commands = readme_commands()
    assert len(commands) == 2
    assert commands[0].endswith("jupyter lab notebooks/00_the_puzzle_and_the_region.ipynb")
    assert commands[1].endswith("python -m pytest -n 2 --dist loadfile")  # two workers: tests/conftest.py


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert readme_commands()[1] in [line.strip() for line in ci]


def test_the_first_lesson_exists():
    assert (ROOT / "notebooks" / "00_the_puzzle_and_the_region.ipynb").is_file()


def test_licences_and_citation():
    assert "BSD 3-Clause" in (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in (ROOT / "LICENSE-TEXT.md").read_text()
    assert "cff-version" in (ROOT / "CITATION.cff").read_text()
    bib = (ROOT / "references.bib").read_text()
    for key in ("garibov_friends_foes", "babayev_karabakh"):
        assert f"{{{key}," in bib
