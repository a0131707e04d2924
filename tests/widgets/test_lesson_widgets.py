"""Every widget as a lesson builds it: no control sits there doing nothing.

Each widget call of lessons 01–07 is rebuilt from the notebook's own source (its ``show`` and
``fixed``), and each of its controls must be enabled as the widget opens (a greyed control
waits for a toggle the student cannot see) and must change what the widget shows in some period
(:func:`alliances.widgets.controls_that_change`).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import nbformat
import pytest

from alliances import secession
from alliances.schemas import PERIODS
from alliances.widgets import Explorer, SecessionExplorer, StabilityExplorer, controls_that_change

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import lesson_plan  # noqa: E402

NAMESPACE = {"Explorer": Explorer, "StabilityExplorer": StabilityExplorer, "SecessionExplorer": SecessionExplorer,
             "secession": secession}


def widget_calls() -> list[tuple[str, str]]:
    calls = []
    for path in lesson_plan.lessons():
        if not "01" <= path.name[:2] <= "07":
            continue
        for cell in nbformat.read(path, as_version=4).cells:
            if lesson_plan.is_widget_cell(cell):
                for node in ast.walk(ast.parse(cell.source)):
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in NAMESPACE:
                        calls.append((path.name[:2], ast.unparse(node)))
    return calls


CALLS = widget_calls()


def test_the_lessons_have_widgets_to_check() -> None:
    assert len(CALLS) >= 20


@pytest.mark.parametrize("lesson, call", CALLS, ids=[f"{n}:{c[:60]}" for n, c in CALLS])
def test_every_control_is_live(lesson: str, call: str) -> None:
    widget = eval(call, dict(NAMESPACE))  # the lesson's own expression, with the course's widgets only
    for name, _, control in widget.control_items():
        assert not control.disabled, f"lesson {lesson}: {call}: {name} opens greyed out"
    whens = None if widget.period is None else list(PERIODS)
    dead = [k for k, moved in controls_that_change(widget, whens=whens).items() if not moved]
    assert not dead, f"lesson {lesson}: {call}: controls that change nothing: {dead}"
