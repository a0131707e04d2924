"""Generated wrong answers fed through the student notebooks' own check cells, in a real kernel:
each shows a short hint naming the question, never a traceback (benchmarks/exercise_fuzz.py runs
1,000 answers per notebook; this runs a few dozen)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from exercise_fuzz import FIXED, STUDENT, fuzz_notebooks, generate  # noqa: E402

ANSWERS = 16


def test_generated_answers_through_every_student_notebook_give_hints_never_tracebacks():
    paths = sorted(STUDENT.glob("[0-9][0-9]_*.ipynb"))
    answers = generate(ANSWERS, seed=1)
    assert len(answers) == ANSWERS and answers == FIXED[:ANSWERS]
    results = list(fuzz_notebooks(paths, answers))
    assert [r.notebook for r in results] == [p.name for p in paths]
    for r in results:
        assert r.counts["hint"] > 0 and not r.others, (r.notebook, r.others)


def test_the_generator_goes_beyond_the_fixed_answers():
    answers = generate(len(FIXED) + 200, seed=3)
    assert len(set(answers)) > len(FIXED) + 100
