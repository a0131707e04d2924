"""The instructor guide and the syllabus: every lesson has a timed plan, every snippet runs."""

from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "instructor" / "guide.md"
SYLLABUS = ROOT / "docs" / "syllabus.md"
LESSONS = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PRIMER = "primer_python_and_pandas"
ROW = re.compile(r"^\|\s*(?P<section>[^|]+?)\s*\|\s*(?P<minutes>\*{0,2}\d+\*{0,2})\s*\|", re.M)


def plan_after(heading: str, text: str) -> tuple[list[int], int]:
    """The minutes of each row of the first plan table after ``heading``, and its stated total."""
    start = text.index(heading)
    table = text[start:text.index("**total**", start) + 200]
    minutes, total = [], None
    for row in ROW.finditer(table):
        value = int(row["minutes"].strip("*"))
        if row["section"] == "**total**":
            total = value
            break
        minutes.append(value)
    assert total is not None, f"{heading}: no **total** row"
    return minutes, total


def lesson_heading(stem: str) -> str:
    return f"### Lesson {stem[:2]}:"


def test_every_lesson_has_a_plan_of_60_to_90_minutes() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert len(LESSONS) == 9
    for stem in LESSONS:
        minutes, total = plan_after(lesson_heading(stem), text)
        assert sum(minutes) == total, f"{stem}: rows sum to {sum(minutes)}, total says {total}"
        assert 60 <= total <= 90, f"{stem}: the plan takes {total} minutes"


def test_every_plan_is_the_lessons_measured_estimate() -> None:
    """The guide's plan rows are the lesson's sections with the minutes scripts/lesson_plan.py
    computes from the notebook, so the guide and the lesson header cannot drift apart."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import lesson_plan

    text = GUIDE.read_text(encoding="utf-8")
    for stem in LESSONS:
        est = lesson_plan.estimate(nbformat.read(ROOT / "notebooks" / f"{stem}.ipynb", as_version=4))
        start = text.index(lesson_heading(stem))
        table = text[start:text.index("**total**", start)]
        rows = [(r["section"], int(r["minutes"])) for r in ROW.finditer(table)]
        expected = [(s.title, s.minutes) for s in est.sections if s.minutes]
        assert rows == expected, f"{stem}: run python scripts/lesson_plan.py --plan notebooks/{stem}.ipynb"
        assert plan_after(lesson_heading(stem), text)[1] == est.minutes


def test_the_primer_has_a_plan_of_20_to_30_minutes() -> None:
    minutes, total = plan_after("### Primer", GUIDE.read_text(encoding="utf-8"))
    assert sum(minutes) == total and 20 <= total <= 30


def test_every_lesson_has_its_discussion_questions_in_the_guide() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for index, stem in enumerate(LESSONS):
        start = text.index(lesson_heading(stem))
        nxt = text.find("\n### ", start + 1)
        section = text[start:nxt if nxt > 0 else None]
        numbered = re.findall(r"(?m)^(\d)\. \*", section)
        assert numbered == ["1", "2", "3", "4", "5"], f"{stem}: notes for {numbered}"
        assert index == int(stem[:2])


def python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_the_guide_has_world_replace_snippets() -> None:
    blocks = python_blocks(GUIDE.read_text(encoding="utf-8"))
    assert sum("world.replace(" in block for block in blocks) >= 4


def test_every_python_block_in_the_guide_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)                       # the measuring script reads notebooks/
    namespace: dict[str, object] = {"__name__": "guide"}
    for number, block in enumerate(python_blocks(GUIDE.read_text(encoding="utf-8")), 1):
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                exec(compile(block, f"guide.md python block {number}", "exec"), namespace)  # noqa: S102
            except Exception as error:  # noqa: BLE001
                pytest.fail(f"python block {number} of the guide fails: {error!r}\n{block}")


def test_the_syllabus_lists_every_lesson() -> None:
    text = SYLLABUS.read_text(encoding="utf-8")
    for stem in [*LESSONS, PRIMER]:
        assert f"notebooks/{stem}.ipynb" in text, f"{stem} is not in the syllabus"

