"""Fixtures that drive a real JupyterLab in headless Chromium.

* ``jupyterlab`` (session): a private JupyterLab server on 127.0.0.1 with a random
  token, its own config/runtime/workspace/IPython folders, the announcements
  ("get notified about Jupyter news?") plugin disabled and its root at the repo.
* ``browser`` (session): Chromium from ``/usr/bin/chromium`` driven by Python
  playwright (never a downloaded browser; never ``playwright install``).
* ``page`` (function): a fresh browser context + page whose requests are recorded;
  any request that leaves 127.0.0.1 is blocked (a classroom with no internet)
  and reported by ``page.network.remote_requests``.
* ``scratch_dir`` (function): a folder ``tests/browser/_tmp_<random>/`` inside the
  repo (so JupyterLab can open notebooks written there), removed afterwards.

Without Chromium or playwright the tests are skipped, unless
``COURSE_REQUIRE_BROWSER=1`` is set (CI), in which case they fail.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .jupyterlab_helpers import JupyterLab, NetworkRecorder

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Plugins switched off in the test's private config (labconfig/page_config.json,
# what `jupyter labextension disable` writes).
DISABLED_PLUGINS = ["@jupyterlab/apputils-extension:announcements"]
STARTUP_TIMEOUT = 60.0


def _unavailable(reason: str) -> None:
    """Skip, or fail when the browser tests are required (COURSE_REQUIRE_BROWSER=1)."""
    if os.environ.get("COURSE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"COURSE_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)  # lets `page` see whether the test failed
    return report


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_ready(proc: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"JupyterLab exited with {proc.returncode}:\n{log.read_text()[-3000:]}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(
        f"JupyterLab did not answer within {STARTUP_TIMEOUT:.0f}s:\n{log.read_text()[-3000:]}",
        pytrace=False,
    )


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server's process group: SIGTERM (lets it shut kernels down), then SIGKILL."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JupyterLab]:
    """A private JupyterLab server rooted at the repository; yields its URL and token."""
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        _unavailable("jupyterlab is not installed")

    home = tmp_path_factory.mktemp("jupyter")
    dirs = {
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTERLAB_WORKSPACES_DIR": home / "workspaces",
        "IPYTHONDIR": home / "ipython",
    }
    for d in dirs.values():
        d.mkdir()
    labconfig = dirs["JUPYTER_CONFIG_DIR"] / "labconfig"
    labconfig.mkdir()
    (labconfig / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {name: True for name in DISABLED_PLUGINS}})
    )

    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    env.update({k: str(v) for k, v in dirs.items()})
    # The kernel must import the course package even before it is pip-installed.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"

    port, token = _free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ip", "127.0.0.1",
        "--port", str(port),
        "--port-retries", "0",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={REPO}",
        # no calls home from the server either
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        # window.jupyterapp, as JupyterLab's own galata tests use: lets the helpers
        # ask the session whether its kernel is really connected and idle
        "--LabApp.expose_app_in_browser=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = home / "jupyterlab.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(proc, f"{base}/api/status?token={token}", log)
        yield JupyterLab(base_url=base, token=token, root_dir=REPO, log=log)
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless system Chromium driven by playwright."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright; no browser download needed)")

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, jupyterlab: JupyterLab, request, tmp_path: Path) -> Iterator[object]:
    """A fresh context and page; ``page.network`` records every request's host
    and ``page.console_messages`` the browser console's errors and warnings.

    When the test fails, a full-page screenshot ``failure.png`` is left in its tmp_path.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    recorder = NetworkRecorder()
    recorder.attach(context)
    pg = context.new_page()
    pg.network = recorder  # type: ignore[attr-defined]
    # console errors/warnings of the page, e.g. Vega's version notice or a failed render
    pg.console_messages = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.console_messages.append(f"{m.type}: {m.text}")
          if m.type in ("error", "warning") else None)
    try:
        yield pg
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            try:
                pg.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
                print(f"screenshot of the failure: {tmp_path / 'failure.png'}")
            except Exception as exc:  # the page may be gone
                print(f"no failure screenshot: {exc!r}")
        context.close()


@pytest.fixture
def scratch_dir() -> Iterator[Path]:
    """A throw-away folder inside the repo, visible to JupyterLab; removed afterwards."""
    path = Path(__file__).parent / f"_tmp_{secrets.token_hex(4)}"
    path.mkdir()
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def artefacts(request, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for this test module's screenshots and timings (printed, so a run says where)."""
    path = tmp_path_factory.mktemp(f"{request.module.__name__.rsplit('.', 1)[-1]}_artefacts")
    print(f"screenshots and timings: {path}")
    return path
