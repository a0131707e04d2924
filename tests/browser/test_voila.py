"""Lesson 08 as a Voilà dashboard, served the course's way (voila/serve.py), in headless Chromium.

The page must finish with every chart drawn and no "Javascript Error" box (Voilà 0.5's renderer
shows "e.setData is not a function" under a Vega-Lite output without ``image/png``; the
course's chart bundle carries one, see alliances/charts/render.py), must ask nothing of another
machine (the course template drops Voilà's two Font Awesome CDN stylesheets), and a dashboard
slider moved with the keyboard must redraw a chart.

The server runs on 127.0.0.1 at a free port, under ``timeout`` so that it stops by itself even
if the test run is killed; screenshots and the measured times go to a tmp folder (printed).
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from .conftest import _free_port, _stop
from .jupyterlab_helpers import CHART_MARKS, SLIDER_HANDLE, chart_fingerprints, slider_redraw

ROOT = Path(__file__).resolve().parents[2]
SERVE = ROOT / "voila" / "serve.py"
LESSON = ROOT / "notebooks" / "08_theories_side_by_side.ipynb"
VEGALITE = "application/vnd.vegalite.v5+json"
#: The dashboard's charts: the theories' panels, the divergence heat map, agreement over time
#: (alliances/widgets/dashboard.py).
DASHBOARD_CHARTS = 3
#: Bounds, not expectations: the page took 45-52 s on a 2-core machine under a load of 5-7.
PAGE_TIMEOUT_MS = 150_000
SERVER_LIFETIME_S = 600
SLIDER_GROUP, SLIDER_LABEL = "Balance of threat", "w power"
ERROR_TEXT = "Javascript Error"


def _load_serve():
    spec = importlib.util.spec_from_file_location("course_voila_serve", SERVE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def jupyterlab():
    """Voilà is its own server: the shared ``page`` fixture needs no JupyterLab here."""
    return None


@pytest.fixture(scope="module")
def voila(artefacts: Path) -> Iterator[tuple[str, Path]]:
    """Voilà serving lesson 08 on 127.0.0.1; yields its URL and its log file."""
    if importlib.util.find_spec("voila.app") is None:  # (the repo's voila/ folder is not the package)
        if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
            pytest.fail("COURSE_REQUIRE_BROWSER=1 but voila is not installed (requirements-test.txt)",
                        pytrace=False)
        pytest.skip("voila is not installed (requirements-test.txt)")
    port = _free_port()
    cmd, env = _load_serve().voila_command(LESSON, port=port)
    env["JUPYTER_RUNTIME_DIR"] = str(artefacts / "runtime")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    log = artefacts / "voila.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(["timeout", "-k", "10", str(SERVER_LIFETIME_S), *cmd], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"Voilà exited with {proc.returncode}:\n{log.read_text()[-3000:]}", pytrace=False)
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"Voilà did not listen within 60 s:\n{log.read_text()[-3000:]}", pytrace=False)
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/", log
    finally:
        _stop(proc)
        if proc.poll() is None:  # pragma: no cover - _stop escalates to SIGKILL
            os.killpg(proc.pid, signal.SIGKILL)


def _expected_charts() -> int:
    nb = nbformat.read(LESSON, as_version=4)
    static = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.outputs if VEGALITE in o.get("data", {}))
    return static + DASHBOARD_CHARTS


def _slider_index(page, label: str) -> int:
    labels = page.locator(".widget-slider .widget-label").all_text_contents()
    return labels.index(label)


def _whole_screenshot(page, element, path) -> None:
    """A screenshot of all of ``element``: one taller than the viewport is captured blank below it, so
    the viewport is made tall enough for the shot, then restored."""
    viewport = page.viewport_size
    page.set_viewport_size({"width": viewport["width"], "height": int(element.bounding_box()["height"]) + 100})
    element.screenshot(path=str(path))
    page.set_viewport_size(viewport)


def test_lesson_08_in_voila_draws_every_chart_without_an_error_and_a_slider_redraws(page, voila, artefacts):
    url, log = voila
    expected = _expected_charts()
    start = time.monotonic()
    page.goto(url, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function("() => { const c = document.querySelector('#rendered_cells');"
                           " return c && c.style.display !== 'none'; }", timeout=PAGE_TIMEOUT_MS)
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length >= n", arg=[CHART_MARKS, expected],
                           timeout=PAGE_TIMEOUT_MS)
    page_complete = time.monotonic() - start
    page.wait_for_timeout(1_000)  # the renderer's PNG write-back (if any) comes after the draw

    assert page.locator(CHART_MARKS).count() == expected
    assert page.get_by_text(ERROR_TEXT).count() == 0, "Voilà's renderer error box is back"
    assert page.locator(SLIDER_HANDLE).count() > 10, "the dashboard's controls are drawn"
    page.locator(".vega-embed").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artefacts / "voila08_first_chart.png"))

    header = page.locator(".jupyter-widget-Collapse-header", has_text=SLIDER_GROUP)
    header.scroll_into_view_if_needed()
    header.click()
    index = _slider_index(page, SLIDER_LABEL)
    readout = page.locator(".widget-slider .widget-readout").nth(index)
    value_before = readout.text_content().strip()
    dashboard = page.locator(".jp-OutputArea-output", has=page.locator(".jupyter-widget-Accordion")).first
    _whole_screenshot(page, dashboard, artefacts / "voila08_dashboard_before.png")
    before = chart_fingerprints(page)
    redraw = slider_redraw(page, index, "ArrowRight")
    assert readout.text_content().strip() != value_before, "the key moved the slider"
    page.wait_for_timeout(500)
    after = chart_fingerprints(page)
    changed = sum(1 for a, b in zip(before, after) if a != b)
    assert changed >= 1 and len(after) == expected
    _whole_screenshot(page, dashboard, artefacts / "voila08_dashboard_after.png")

    assert page.get_by_text(ERROR_TEXT).count() == 0
    assert page.network.remote_requests == [], "nothing is loaded from another machine (no CDN)"
    text = log.read_text(errors="replace")
    assert "Culling kernels with idle durations > 900 seconds" in text, "voila/voila.json's kernel culling"
    figures = {"page_complete_s": round(page_complete, 1), "slider_to_redraw_ms": round(redraw.ms),
               "charts": expected, "charts_changed": changed, "slider": f"{SLIDER_LABEL} {value_before}"
               f" -> {readout.text_content().strip()}", "requests": len(page.network.urls)}
    (artefacts / "voila08_figures.json").write_text(json.dumps(figures, indent=1))
    print(f"Voilà lesson 08: {figures}")
