"""Smoke test of the class hub (deploy/jupyterhub_config.py): two students run lesson 00 at once.

The short version of ``python benchmarks/hub_load.py`` (which has the figures for 5, 10 and 20
students, and the nbgrader and nbgitpuller checks), built from the same steps. It starts the hub on
127.0.0.1 in a temporary folder, and stops it and every process it started. Each stage is its own
fixture, set up by the first test that needs it: the hub answering, both servers started at once,
both students running the lesson at once, the hub stopped. Every wait has a deadline. It needs
JupyterHub and nbgitpuller in the course environment (``pip install -r deploy/requirements-hub.txt``)
and configurable-http-proxy (``npm ci --prefix deploy``); without them it is skipped. About 30 s on
two cores. ``COURSE_HUB_PYTHON=/path/to/env/bin`` points it at another environment.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import hub_load  # noqa: E402  (benchmarks/ is not a package)

PYTHON_BIN = Path(os.environ.get("COURSE_HUB_PYTHON", str(Path(sys.executable).parent)))
MISSING = hub_load.missing_requirements(PYTHON_BIN)
STUDENTS = 2
#: Seconds the whole scenario may take, from the hub's start to its stop.
LIMIT = 150

pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"hub tools missing: {', '.join(MISSING)}")


@pytest.fixture(scope="module")
def deadline():
    return time.monotonic() + LIMIT


@pytest.fixture(scope="module")
def hub(tmp_path_factory, deadline):
    started = hub_load.start_hub(tmp_path_factory.mktemp("hub"), PYTHON_BIN, 10, deadline, [])
    yield started
    hub_load.stop_hub(started)  # again, if a test failed before the hub was stopped: kills what is left


@pytest.fixture(scope="module")
def students(hub, deadline):
    """Both students click "start" at once; each one's error, or None once the server is ready."""
    users = hub_load.add_students(hub, STUDENTS)

    def start(user: str) -> str | None:
        try:
            hub_load.start_server(hub, user, deadline)
        except Exception as exc:  # noqa: BLE001 (reported by the test)
            return f"{type(exc).__name__}: {exc}"
        return None

    with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
        return dict(zip(users, pool.map(start, users)))


@pytest.fixture(scope="module")
def lessons(hub, students, deadline):
    """Both students run every cell of lesson 00 at once: per student, errors, charts and peak memory."""
    sampler = hub_load.Sampler(hub.run_id)
    sampler.start()
    charts = dict.fromkeys(students, 0)

    def run(user: str) -> list[str]:
        def chart() -> None:
            charts[user] += 1
        try:
            return hub_load.run_lesson(hub, user, deadline, chart)
        except Exception as exc:  # noqa: BLE001 (reported by the test)
            return [f"{type(exc).__name__}: {exc}"]

    with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
        errors = dict(zip(students, pool.map(run, students)))
    sampler.stop_event.set()
    sampler.join()
    return {user: {"errors": errors[user], "charts": charts[user],
                   "peak_rss_mib": sampler.peak_rss.get(user, 0) / hub_load.MIB} for user in students}


@pytest.fixture(scope="module")
def stopped(hub, lessons):
    """The hub stopped the way an admin stops it: what had to be killed after, and what is still running."""
    return hub_load.stop_hub(hub), len(hub_load.run_processes(hub.run_id))


def test_the_hub_answers_its_api(hub):
    assert hub.api("GET", "/hub/api/", timeout=10).status_code == 200


def test_both_students_servers_start_at_once(students):
    assert list(students.values()) == [None] * STUDENTS, students


def test_both_students_run_lesson_00_at_once(lessons):
    for user, run in lessons.items():
        assert run["errors"] == [], (user, run)
        assert run["charts"] >= 1, (user, run)
        assert run["peak_rss_mib"] > 100, (user, run)  # the server and the kernel were measured


def test_the_hub_leaves_no_process_behind(stopped):
    killed, still_running = stopped
    # stop_hub kills what the hub did not stop itself; none should be left after the hub's own shutdown
    assert killed == []
    assert still_running == 0
