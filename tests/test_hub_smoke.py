"""Smoke test of the class hub (deploy/jupyterhub_config.py): two students run lesson 00 at once.

The short version of ``python benchmarks/hub_load.py`` (which has the figures for 5, 10 and 20
students, and the nbgrader and nbgitpuller checks). It starts the hub on 127.0.0.1 in a temporary
folder, and stops it and every process it started, within a time limit. It needs JupyterHub and
nbgitpuller in the course environment (``pip install -r deploy/requirements-hub.txt``) and
configurable-http-proxy (``npm ci --prefix deploy``); without them it is skipped. About 60 s on
two cores. ``COURSE_HUB_PYTHON=/path/to/env/bin`` points it at another environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import hub_load  # noqa: E402  (benchmarks/ is not a package)

PYTHON_BIN = Path(os.environ.get("COURSE_HUB_PYTHON", str(Path(sys.executable).parent)))
MISSING = hub_load.missing_requirements(PYTHON_BIN)

pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"hub tools missing: {', '.join(MISSING)}")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("hub") / "hub.json"
    result = subprocess.run([str(PYTHON_BIN / "python"), str(ROOT / "benchmarks" / "hub_load.py"), "--students", "2",
                             "--timeout", "150", "--python", str(PYTHON_BIN), "--json", str(out)],
                            capture_output=True, text=True, timeout=240)
    report = json.loads(out.read_text()) if out.exists() else {}
    return result, report


def test_two_students_run_lesson_00_through_the_hub(run):
    result, report = run
    assert report.get("runs"), result.stderr[-3000:]
    students = report["runs"][0]["per_student"]
    assert len(students) == 2
    for student in students:
        assert not student["errors"], student
        assert student["first_chart_s"] is not None and student["charts"] >= 1, student
        assert student["peak_rss_mib"] > 100, student  # the server and the kernel were measured
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_the_hub_leaves_no_process_behind(run):
    _, report = run
    # stop_hub kills what the hub did not stop itself; none should be left after the hub's own shutdown
    assert report.get("leftover_processes_killed") == []
    assert report.get("still_running_after_stop") == 0
