"""pytest plugin: a failed exercise check is reported as its hint, "Question 02.3: <hint>".

``pytest --nbval-lax exercises/02_balance_of_threat.ipynb`` runs a notebook cell by cell; when a
check cell fails, nbval reports "Cell 11 - Notebook cell execution failed" followed by the cell's
source and the kernel's traceback. For a :class:`~alliances.checks.answers.Hint` the kernel's
"traceback" is already only the hint (``Hint._render_traceback_``), so this plugin replaces the
report with those lines, and the short summary (``-ra``) names the question and its hint.
Any other failure is left as nbval reports it.

Registered through the ``pytest11`` entry point of the course's package, so it is active
wherever the course is installed.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from typing import Any

import pytest
from _pytest._code.code import ReprFileLocation, TerminalRepr
from _pytest._io import TerminalWriter

#: The first line of a rendered hint.
HINT_LINE = re.compile(r"^Question \d\d\.\d+: ")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def hint_lines(traceback: Any) -> list[str] | None:
    """The hint's lines if ``traceback`` (nbval's text of a cell's error) is a rendered hint, else ``None``.

    >>> hint_lines("\\nQuestion 00.1: 'TUR' is not right.\\nRe-read: lesson 00.")
    ["Question 00.1: 'TUR' is not right.", 'Re-read: lesson 00.']
    >>> hint_lines("Traceback (most recent call last): ...") is None
    True
    """
    if not isinstance(traceback, str):
        return None
    lines = [line for line in ANSI.sub("", traceback).strip("\n").splitlines() if line.strip()]
    return lines if lines and HINT_LINE.match(lines[0]) and len(lines) <= 12 else None


class HintRepr(TerminalRepr):
    """A failure report that is the hint and nothing else."""

    def __init__(self, path: str, lines: list[str]) -> None:
        self.lines = lines
        self.reprcrash = ReprFileLocation(path, 0, " ".join(lines))

    def toterminal(self, tw: TerminalWriter) -> None:
        for line in self.lines:
            tw.line(line)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """Turn an nbval cell failure whose error is a course hint into the hint itself."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or call.excinfo is None:
        return
    lines = hint_lines(getattr(call.excinfo.value, "inner_traceback", None))
    if lines is not None:
        report.longrepr = HintRepr(str(item.path), lines)
