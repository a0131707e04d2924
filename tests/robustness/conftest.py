"""Write the robustness suite's outcome counts (benchmarks/results/robustness_counts.json) and print them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.robustness.outcomes import COUNTS

RESULTS = Path(__file__).resolve().parents[2] / "benchmarks" / "results" / "robustness_counts.json"


def write_counts(counts: Mapping[tuple[str, str], int]) -> None:
    """Save ``{(suite, outcome): cases}`` to :data:`RESULTS` and print the table (see with -s)."""
    table: dict[str, dict[str, int]] = {}
    for (suite, outcome), n in sorted(counts.items()):
        table.setdefault(suite, {"accepted": 0, "refused": 0, "unclear": 0, "hang": 0})[outcome] = n
    total = {k: sum(row[k] for row in table.values()) for k in ("accepted", "refused", "unclear", "hang")}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"suites": table, "total": total}, indent=1) + "\n")
    print("\nrobustness outcomes (cases: accepted / refused clearly / unclear / hang)")
    for suite, row in table.items():
        print(f"  {suite:32s} {sum(row.values()):5d}: {row['accepted']} / {row['refused']} / {row['unclear']} / {row['hang']}")
    print(f"  {'total':32s} {sum(total.values()):5d}: {total['accepted']} / {total['refused']} / "
          f"{total['unclear']} / {total['hang']}")


@pytest.fixture(scope="session", autouse=True)
def robustness_counts(request: pytest.FixtureRequest):
    """After the suite: the number of cases per suite and outcome, printed and saved.

    On a pytest-xdist worker each worker has counted only the files it ran: it hands its counts
    to the controlling process, which adds them up and writes them once (tests/conftest.py).
    """
    yield
    if not COUNTS:
        return
    workeroutput = getattr(request.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["robustness_counts"] = [[suite, outcome, n] for (suite, outcome), n in COUNTS.items()]
        return
    write_counts(COUNTS)
