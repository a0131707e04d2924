"""Grader-only code: reference answers, the answer-key builder and the hidden tests' entry point.

This folder is not part of the installed package (``pip install`` ships ``alliances*`` only),
so a student's install holds no reference answer. Put the course repository on the grading
kernel's path (``PYTHONPATH=/path/to/course nbgrader autograde ...``) so that the hidden test
cells can ``from grading import grade``.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any


def _fresh_checks() -> Any:
    """The course's checks re-executed from their files, undoing anything an answer cell changed in them
    (``alliances.checks.check = print``, a replaced entry of ``CHECKS``, a patched building block)."""
    names = sorted((n for n in sys.modules if n == "alliances.checks" or n.startswith("alliances.checks.")),
                   key=lambda n: (n == "alliances.checks", n))
    order = ["alliances.checks.answer_key", "alliances.checks.keys", "alliances.checks.answers",
             "alliances.checks.schema"]
    for name in order + [n for n in names if n not in order]:
        if name in sys.modules:
            importlib.reload(sys.modules[name])
    return importlib.import_module("alliances.checks")


def grade(question: str, answer: Any) -> None:
    """The hidden test of ``question``: the course's own check, freshly loaded, on ``answer``.

    Raises the check's :class:`~alliances.checks.answers.Hint` when the answer is wrong, so the
    nbgrader test cell fails (0 points) and its feedback shows the hint.
    """
    _fresh_checks().check(question, answer)


__all__ = ["grade"]
