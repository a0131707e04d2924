"""A reference answer for every question (grader side, not installed): what the answer key is made of.

Every exercise's reference answers live in ``grading/exerciseNN.py`` (a ``REFERENCES``
mapping and an ``entries()`` function for the answer key), outside the installed package: the
package's checks compare a student's answer with salted digests (``alliances/checks/answer_key.py``)
and import nothing from here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

_HERE = Path(__file__).resolve().parent

#: The grader-only reference modules ``grading/exerciseNN.py``, in exercise order.
GRADING_MODULES: tuple[ModuleType, ...] = tuple(
    importlib.import_module(f"grading.{path.stem}") for path in sorted(_HERE.glob("exercise[0-9][0-9].py")))

REFERENCES: dict[str, Callable[[], Any]] = {
    q: f for module in GRADING_MODULES for q, f in module.REFERENCES.items()}


def reference_answer(question: str) -> Any:
    """An answer to ``question`` that its check accepts."""
    return REFERENCES[question]()
