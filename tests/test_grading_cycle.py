"""The real nbgrader cycle on the course, as an instructor on a hub runs it.

A course directory with the course's grading/nbgrader_config.py; ``generate_assignment`` and
``release_assignment`` to an exchange folder; two students fetch and submit (one with the
reference solutions, one blank); ``collect``, ``autograde``, ``generate_feedback``, ``export``.
The solution scores full marks on every auto-graded point, the blank scores zero, the written
answers wait for manual grading, and the feedback shows each failed question's hint.

Two of the nine notebooks (00 and 08) keep it to a few minutes on two cores: they have every
kind of question (a choice, lists of codes, a table, a function, written answers). The steps are
those of docs/instructor/grading.md.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "exercises" / "instructor"
NOTEBOOKS = ("00_the_puzzle_and_the_region.ipynb", "08_theories_side_by_side.ipynb")
ASSIGNMENT = "week1"
STUDENTS = ("solver", "blank")
COURSE_ID = "caucasus"


def _run(args: list[str], cwd: Path, user: str, home: Path, exchange: Path) -> str:
    env = dict(os.environ, USER=user, LOGNAME=user, HOME=str(home), PYTHONPATH=str(ROOT),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               JUPYTER_CONFIG_DIR=str(home / ".jupyter"))
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--Exchange.root={exchange}",
                             f"--CourseDirectory.course_id={COURSE_ID}", "--log-level=WARN"],
                            cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def _fill_solutions(student_nb: Path) -> None:
    """Answer every question as the instructor's source does (cells matched by grade_id)."""
    source = nbformat.read(SOURCES / student_nb.name, as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    nb = nbformat.read(student_nb, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            lines = answers[grade_id].splitlines()
            cell.source = "\n".join(line for line in lines if line.strip() not in ("### BEGIN SOLUTION",
                                                                                   "### END SOLUTION"))
    nbformat.write(nb, student_nb)


@dataclass(frozen=True)
class Cycle:
    """The folders of one grading cycle: the instructor's course, the exchange, the students' homes."""

    tmp: Path

    @property
    def course(self) -> Path:
        return self.tmp / "course"

    @property
    def exchange(self) -> Path:
        return self.tmp / "exchange"

    def instructor(self, *args: str) -> str:
        return _run(list(args), cwd=self.course, user="instructor", home=self.tmp / "instructor",
                    exchange=self.exchange)

    def student(self, student: str, *args: str) -> str:
        home = self.tmp / student
        return _run(list(args), cwd=home, user=student, home=home, exchange=self.exchange)


# One stage per fixture, in the order an instructor works, so that no test waits for the whole
# cycle: each test asks for the stage it checks, and the tests below come in that order.

@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Cycle:
    cycle = Cycle(tmp_path_factory.mktemp("nbgrader"))
    cycle.exchange.mkdir()
    cycle.exchange.chmod(0o777)
    (cycle.course / "source" / ASSIGNMENT).mkdir(parents=True)
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", cycle.course / "nbgrader_config.py")
    for name in NOTEBOOKS:
        shutil.copy(SOURCES / name, cycle.course / "source" / ASSIGNMENT / name)
    cycle.instructor("generate_assignment", ASSIGNMENT, "--force")
    cycle.instructor("release_assignment", ASSIGNMENT, "--force")
    return cycle


@pytest.fixture(scope="module")
def fetched(released: Cycle) -> Cycle:
    for student in STUDENTS:
        (released.tmp / student).mkdir()
        released.student(student, "fetch_assignment", ASSIGNMENT)
    for name in NOTEBOOKS:
        _fill_solutions(released.tmp / "solver" / ASSIGNMENT / name)
    return released


@pytest.fixture(scope="module")
def collected(fetched: Cycle) -> Cycle:
    for student in STUDENTS:
        fetched.student(student, "submit", ASSIGNMENT, f"--student={student}")
    fetched.instructor("collect", ASSIGNMENT)
    return fetched


@pytest.fixture(scope="module")
def graded_solver(collected: Cycle) -> Cycle:
    collected.instructor("autograde", ASSIGNMENT, "--student=solver", "--create", "--force")
    return collected


@pytest.fixture(scope="module")
def graded(graded_solver: Cycle) -> Cycle:
    graded_solver.instructor("autograde", ASSIGNMENT, "--student=blank", "--create", "--force")
    return graded_solver


@pytest.fixture(scope="module")
def feedback(graded: Cycle) -> Cycle:
    graded.instructor("generate_feedback", ASSIGNMENT, "--force")
    return graded


@pytest.fixture(scope="module")
def exported(graded: Cycle) -> Cycle:
    graded.instructor("export", "--to=grades.csv")
    return graded


def _grades(course: Path, student: str):
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        out = []
        for name in NOTEBOOKS:
            nb = gb.find_submission_notebook(name[:-6], ASSIGNMENT, student)
            for grade in nb.grades:
                out.append((name, grade.cell.name, grade.cell.cell_type, grade.auto_score, grade.max_score,
                            grade.needs_manual_grade))
        return out


def test_the_release_holds_every_notebook_without_its_solutions(released):
    outbound = released.exchange / COURSE_ID / "outbound" / ASSIGNMENT
    assert sorted(p.name for p in outbound.glob("*.ipynb")) == sorted(NOTEBOOKS)
    for path in outbound.glob("*.ipynb"):
        assert "BEGIN SOLUTION" not in path.read_text(encoding="utf-8"), path.name


def test_the_fetched_assignment_holds_no_hidden_test_and_no_solution(fetched):
    for name in NOTEBOOKS:
        text = (fetched.tmp / "blank" / ASSIGNMENT / name).read_text(encoding="utf-8")
        assert "HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text and "from grading" not in text
        assert "../notebooks" not in text and "repository root" not in text


def test_both_submissions_are_collected(collected):
    for student in STUDENTS:
        folder = collected.course / "submitted" / student / ASSIGNMENT
        assert sorted(p.name for p in folder.glob("*.ipynb")) == sorted(NOTEBOOKS), student


def test_the_reference_solutions_score_every_auto_graded_point(graded_solver):
    grades = _grades(graded_solver.course, "solver")
    auto = [g for g in grades if g[2] == "code"]
    assert auto and all(score == top for _, _, _, score, top, _ in auto), [g for g in auto if g[3] != g[4]]


def test_the_written_answers_wait_for_the_instructor(graded_solver):
    written = [g for g in _grades(graded_solver.course, "solver") if g[2] == "markdown"]
    assert written and all(needs_manual for *_, needs_manual in written)


def test_a_blank_submission_scores_zero(graded):
    grades = _grades(graded.course, "blank")
    assert grades and all((score or 0) == 0 for _, _, _, score, _, _ in grades)


def test_the_export_has_both_students(exported):
    with open(exported.course / "grades.csv", newline="", encoding="utf-8") as f:
        rows = {row["student_id"]: row for row in csv.DictReader(f)}
    assert set(rows) == {"solver", "blank"}
    assert float(rows["blank"]["raw_score"]) == 0 and float(rows["solver"]["raw_score"]) > 0


def test_the_feedback_shows_the_hint_of_each_failed_question(feedback):
    for name in NOTEBOOKS:
        html = (feedback.course / "feedback" / "blank" / ASSIGNMENT / name.replace(".ipynb", ".html")).read_text(encoding="utf-8")
        source = nbformat.read(SOURCES / name, as_version=4)
        questions = [c.source.split('check("')[1][:4] for c in source.cells
                     if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")]
        for question in questions:
            assert f"Question {question}: not answered yet" in html or f"Question {question}: " in html, question
        assert "Traceback (most recent call last)" not in html
