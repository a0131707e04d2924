"""The suite on two workers: ``python -m pytest -n 2 --dist loadfile`` (pytest-xdist).

``--dist loadfile`` keeps each file on one worker, so nbval runs each notebook's cells in order in
one kernel, and a module's fixtures (the nbgrader cycle, the hub run) are made once. (Not
``--dist loadgroup``: xdist 3.8 names a test's group by rewriting an attribute that pytest 9 no
longer reads its test ids from, so groups are ignored.) Session fixtures are made once per
worker (the browser tests' JupyterLab and Chromium at most twice).

Each worker counts the robustness suite's outcomes for the files it ran; the controlling process
adds them up here and writes benchmarks/results/robustness_counts.json once. Without xdist, or
with ``-n 0``, nothing here runs.
"""

from __future__ import annotations

from collections import Counter

import pytest

_FROM_WORKERS: Counter[tuple[str, str]] = Counter()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """A worker finished: keep its robustness counts (tests/robustness/conftest.py)."""
    for suite, outcome, n in getattr(node, "workeroutput", {}).get("robustness_counts", []):
        _FROM_WORKERS[(suite, outcome)] += n


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _FROM_WORKERS and not hasattr(session.config, "workerinput"):
        from tests.robustness.conftest import write_counts

        write_counts(_FROM_WORKERS)
