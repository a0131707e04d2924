"""Load test of the class hub (deploy/jupyterhub_config.py): N students run lesson 00 at once.

    python benchmarks/hub_load.py --students 5 10 20            # the load figures (README)
    python benchmarks/hub_load.py --students 2 --grading --gitpuller   # what tests/test_hub_smoke.py runs

For each N it starts a fresh JupyterHub (the deploy config in test mode: shared-password login and
SimpleLocalProcessSpawner, both TEST ONLY) on 127.0.0.1 at free ports, in a temporary folder, with
configurable-http-proxy from deploy/node_modules (``npm ci --prefix deploy``). Through the hub's
REST API (an admin service token) it creates N students, and all of them "click start" at the same
moment: each one's server is started by the hub (``POST /hub/api/users/NAME/server``), a kernel is
started in that server through the proxy (``POST /user/NAME/api/kernels``), and lesson 00's code
cells are executed in order over the kernel's websocket (``/user/NAME/api/kernels/ID/channels``),
exactly as JupyterLab does for "Run All". So every request crosses the proxy, the hub's auth and
the single-user server. Measured per student: time from the click to the server being ready, to
the first Vega-Lite chart output and to the last cell; peak RSS of the student's processes
(single-user server + kernel, found by the hub's JUPYTERHUB_USER in their environment) and their
CPU seconds; and every failure (spawn timeout, error output, missing chart).

``--grading`` runs nbgrader's release → fetch → submit → collect → autograde cycle through the hub
for two students (students use nbgrader's Assignments API in their server; the instructor's steps
run in the instructor's kernel; checks that students see no formgrader). ``--gitpuller`` opens the
link printed by scripts/nbgitpuller_link.py against a git repository served over loopback HTTP,
and a file:// repository owned by another Unix user (git's safe.directory).

Bounded: every wait has a deadline and a watchdog ends the run after ``--timeout`` seconds. On any
exit (error, Ctrl-C, timeout) the hub is stopped and every process it started (they carry a run id in
their environment) is killed. Results: a table on stdout and JSON (``--json``).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import nbformat
import psutil
import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
LESSON = ROOT / "notebooks" / "00_the_puzzle_and_the_region.ipynb"
EXERCISE = ROOT / "exercises" / "instructor" / "00_the_puzzle_and_the_region.ipynb"
CHART = "application/vnd.vegalite.v5+json"
INSTRUCTOR = "instructor"
COURSE_ID = "caucasus"
ASSIGNMENT = "week1"
MIB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command() -> str | None:
    local = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"
    return str(local) if local.exists() else shutil.which("configurable-http-proxy")


def missing_requirements(python_bin: Path) -> list[str]:
    """What stops a hub from starting here (empty when it can)."""
    missing = [f"{name} (pip install -r deploy/requirements-hub.txt)" for name in
               ("jupyterhub", "jupyterhub-singleuser") if not (python_bin / name).exists()]
    if proxy_command() is None:
        missing.append("configurable-http-proxy (npm ci --prefix deploy)")
    return missing


# --- processes of one run -------------------------------------------------------------------------

def _environ(proc: psutil.Process) -> dict[str, str]:
    try:
        return proc.environ()
    except (psutil.Error, OSError):
        return {}


def run_processes(run_id: str) -> list[tuple[psutil.Process, str]]:
    """Every live process of this run, with the hub user it serves ("" for the hub, proxy, culler)."""
    found = []
    for proc in psutil.process_iter():
        env = _environ(proc)
        if env.get("COURSE_HUB_RUN") == run_id:
            found.append((proc, env.get("JUPYTERHUB_USER", "")))
    return found


class Sampler(threading.Thread):
    """Samples the RSS and CPU time of the run's processes, per hub user, twice a second."""

    def __init__(self, run_id: str) -> None:
        super().__init__(daemon=True)
        self.run_id = run_id
        self.stop_event = threading.Event()
        self.peak_rss: dict[str, int] = {}
        self.cpu: dict[tuple[int, float], tuple[str, float]] = {}
        self.peak_total = 0
        self.peak_users_total = 0
        self._known: dict[tuple[int, float], str | None] = {}

    def _sample(self) -> None:
        per_user: dict[str, int] = {}
        for proc in psutil.process_iter():
            try:
                key = (proc.pid, proc.create_time())
                if key not in self._known:
                    env = _environ(proc)
                    self._known[key] = env.get("JUPYTERHUB_USER", "") if env.get("COURSE_HUB_RUN") == self.run_id \
                        else None
                user = self._known[key]
                if user is None:
                    continue
                with proc.oneshot():
                    rss = proc.memory_info().rss
                    times = proc.cpu_times()
                per_user[user] = per_user.get(user, 0) + rss
                self.cpu[key] = (user, times.user + times.system)
            except psutil.Error:
                continue
        for user, rss in per_user.items():
            self.peak_rss[user] = max(self.peak_rss.get(user, 0), rss)
        self.peak_total = max(self.peak_total, sum(per_user.values()))
        self.peak_users_total = max(self.peak_users_total, sum(v for u, v in per_user.items() if u))

    def cpu_seconds(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for user, seconds in self.cpu.values():
            out[user] = out.get(user, 0.0) + seconds
        return out

    def run(self) -> None:
        while not self.stop_event.wait(0.5):
            self._sample()


# --- the hub --------------------------------------------------------------------------------------

@dataclass
class Hub:
    url: str
    token: str
    password: str
    admin_password: str
    tmp: Path
    run_id: str
    proc: subprocess.Popen
    homes: Path
    exchange: Path
    log: Path

    def api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"token {self.token}", **kwargs.pop("headers", {})}
        return requests.request(method, f"{self.url}{path}", headers=headers, timeout=kwargs.pop("timeout", 60),
                                **kwargs)


def start_hub(tmp: Path, python_bin: Path, spawn_limit: int, deadline: float, safe_dirs: list[str]) -> Hub:
    run_id = uuid.uuid4().hex
    token, password, admin_password = secrets.token_hex(24), secrets.token_hex(8), secrets.token_hex(20)
    port = free_port()
    homes, exchange, state = tmp / "homes", tmp / "exchange", tmp / "state"
    homes.mkdir()
    env = dict(
        os.environ, COURSE_HUB_TEST="1", COURSE_HUB_RUN=run_id, COURSE_HUB_TEST_TOKEN=token,
        COURSE_HUB_TEST_PASSWORD=password, COURSE_HUB_TEST_ADMIN_PASSWORD=admin_password,
        COURSE_HUB_URL=f"http://127.0.0.1:{port}", COURSE_HUB_HUB_URL=f"http://127.0.0.1:{free_port()}",
        COURSE_HUB_PROXY_API=f"http://127.0.0.1:{free_port()}", COURSE_HUB_STATE=str(state),
        COURSE_HUB_HOMES=str(homes), COURSE_HUB_SINGLEUSER=str(python_bin), COURSE_HUB_INSTRUCTORS=INSTRUCTOR,
        COURSE_HUB_SPAWN_LIMIT=str(spawn_limit), COURSE_HUB_PROXY=proxy_command() or "",
        COURSE_HUB_GRADING_PATH=str(ROOT), COURSE_HUB_SAFE_DIRECTORY=os.pathsep.join(safe_dirs),
        NBGRADER_EXCHANGE=str(exchange),
        PATH=f"{python_bin}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    env.pop("PYTHONPATH", None)
    log = tmp / "jupyterhub.log"
    proc = subprocess.Popen([str(python_bin / "jupyterhub"), "-f", str(DEPLOY / "jupyterhub_config.py")],
                            cwd=tmp, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    hub = Hub(f"http://127.0.0.1:{port}", token, password, admin_password, tmp, run_id, proc, homes, exchange, log)
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the hub exited ({proc.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        try:
            if hub.api("GET", "/hub/api/", timeout=5).status_code == 200:
                return hub
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise TimeoutError("the hub did not answer in time")


def stop_hub(hub: Hub) -> list[int]:
    """Stop the hub (it stops the servers, proxy and culler), then kill whatever of the run is left."""
    if hub.proc.poll() is None:
        hub.proc.send_signal(signal.SIGTERM)
        try:
            hub.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
    leftovers = run_processes(hub.run_id)
    for proc, _ in leftovers:
        try:
            proc.kill()
        except psutil.Error:
            pass
    psutil.wait_procs([p for p, _ in leftovers], timeout=10)
    try:
        os.killpg(hub.proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    return [p.pid for p, _ in leftovers]


# --- one student's server and kernel --------------------------------------------------------------

def start_server(hub: Hub, user: str, deadline: float) -> None:
    r = hub.api("POST", f"/hub/api/users/{user}/server")
    if r.status_code not in (201, 202):
        raise RuntimeError(f"start {user}: HTTP {r.status_code} {r.text[:200]}")
    while time.monotonic() < deadline:
        model = hub.api("GET", f"/hub/api/users/{user}").json()
        server = (model.get("servers") or {}).get("")
        if server and server.get("ready"):
            return
        if not model.get("pending") and not server:
            raise RuntimeError(f"{user}'s server stopped while starting (see {hub.log})")
        time.sleep(0.5)
    raise TimeoutError(f"{user}'s server was not ready in time")


class Kernel:
    """A kernel in a user's server, driven through the proxy like JupyterLab drives it."""

    def __init__(self, hub: Hub, user: str, path: str = "") -> None:
        self.hub, self.user = hub, user
        r = hub.api("POST", f"/user/{user}/api/kernels", json={"name": "python3", "path": path})
        r.raise_for_status()
        self.id = r.json()["id"]
        ws_url = hub.url.replace("http", "ws", 1) + f"/user/{user}/api/kernels/{self.id}/channels"
        self.ws = websocket.create_connection(ws_url, header=[f"Authorization: token {hub.token}"], timeout=120)
        self.session = uuid.uuid4().hex

    def execute(self, code: str, deadline: float, on_chart: Any = None) -> tuple[str, list[str]]:
        """Run ``code``; returns (stdout text, error names). Calls ``on_chart()`` at a chart output."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.user, "session": self.session, "msg_type": "execute_request",
                       "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        text, errors, idle, replied = [], [], False, False
        while not (idle and replied):
            self.ws.settimeout(max(1.0, deadline - time.monotonic()))
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.user}: a cell ran past the deadline")
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind in ("display_data", "execute_result") and CHART in content.get("data", {}) and on_chart:
                on_chart()
            elif kind == "stream":
                text.append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}"[:300])
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
            elif kind == "execute_reply":
                replied = True
        return "".join(text), errors

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.hub.api("DELETE", f"/user/{self.user}/api/kernels/{self.id}")


@dataclass
class StudentResult:
    user: str
    server_ready_s: float | None = None
    first_chart_s: float | None = None
    lesson_done_s: float | None = None
    charts: int = 0
    errors: list[str] = field(default_factory=list)
    peak_rss_mib: float | None = None
    cpu_s: float | None = None


def run_lesson(hub: Hub, user: str, deadline: float, on_chart: Any = None) -> list[str]:
    """Run every code cell of lesson 00 in a new kernel of ``user``'s (ready) server; the errors, if any."""
    kernel = Kernel(hub, user, "notebooks")
    errors: list[str] = []
    try:
        for cell in nbformat.read(LESSON, as_version=4).cells:
            if cell.cell_type == "code":
                errors += kernel.execute(cell.source, deadline, on_chart)[1]
                if errors:
                    break
    finally:
        kernel.close()
    return errors


def run_student(hub: Hub, user: str, start_at: float, deadline: float) -> StudentResult:
    """One student clicks "start" at ``start_at``, then runs every code cell of lesson 00."""
    result = StudentResult(user)
    time.sleep(max(0.0, start_at - time.monotonic()))
    t0 = time.monotonic()

    def chart() -> None:
        result.charts += 1
        if result.first_chart_s is None:
            result.first_chart_s = round(time.monotonic() - t0, 2)

    try:
        start_server(hub, user, deadline)
        result.server_ready_s = round(time.monotonic() - t0, 2)
        result.errors += run_lesson(hub, user, deadline, chart)
        result.lesson_done_s = round(time.monotonic() - t0, 2)
        if not result.charts:
            result.errors.append("no chart output")
    except Exception as exc:  # noqa: BLE001 (a failure is a measurement, reported per student)
        result.errors.append(f"{type(exc).__name__}: {exc}"[:300])
    return result


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 2)


def add_students(hub: Hub, n: int) -> list[str]:
    """Create ``n`` students on the hub, each with lesson 00 in their home (as nbgitpuller would put it)."""
    users = [f"student{i:02d}" for i in range(1, n + 1)]
    hub.api("POST", "/hub/api/users", json={"usernames": users}).raise_for_status()
    for user in users:
        (hub.homes / user / "notebooks").mkdir(parents=True)
        shutil.copy(LESSON, hub.homes / user / "notebooks" / LESSON.name)
    return users


def load_run(hub: Hub, n: int, stagger: float, deadline: float) -> dict[str, Any]:
    users = add_students(hub, n)
    sampler = Sampler(hub.run_id)
    sampler.start()
    load_before = os.getloadavg()[0]
    begin = time.monotonic() + 0.5
    with ThreadPoolExecutor(max_workers=n) as pool:
        results = list(pool.map(lambda iu: run_student(hub, iu[1], begin + iu[0] * stagger, deadline),
                                enumerate(users)))
    wall = time.monotonic() - begin
    sampler._sample()
    sampler.stop_event.set()
    cpu = sampler.cpu_seconds()
    for r in results:
        r.peak_rss_mib = round(sampler.peak_rss.get(r.user, 0) / MIB, 1)
        r.cpu_s = round(cpu.get(r.user, 0.0), 1)
    firsts = [r.first_chart_s for r in results if r.first_chart_s is not None]
    rss = [r.peak_rss_mib for r in results if r.peak_rss_mib]
    return {
        "students": n, "stagger_s": stagger, "wall_s": round(wall, 1),
        "first_chart_p50_s": percentile(firsts, 50), "first_chart_p95_s": percentile(firsts, 95),
        "first_chart_max_s": max(firsts, default=None),
        "server_ready_p50_s": percentile([r.server_ready_s for r in results if r.server_ready_s], 50),
        "lesson_done_max_s": max((r.lesson_done_s for r in results if r.lesson_done_s), default=None),
        "peak_rss_per_student_mib": {"median": percentile(rss, 50), "max": max(rss, default=None)},
        "peak_rss_students_total_mib": round(sampler.peak_users_total / MIB, 1),
        "peak_rss_total_with_hub_mib": round(sampler.peak_total / MIB, 1),
        "hub_proxy_culler_cpu_s": round(cpu.get("", 0.0), 1),
        "cpu_s_per_student_median": percentile([r.cpu_s for r in results if r.cpu_s], 50),
        "failures": sum(1 for r in results if r.errors),
        "load_average_before": round(load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
        "per_student": [asdict(r) for r in results],
    }


# --- nbgrader through the hub ---------------------------------------------------------------------

def _kernel_run(kernel: Kernel, args: list[str], cwd: str, deadline: float) -> str:
    """Run ``nbgrader ARGS`` in the instructor's kernel (their environment, their config)."""
    code = (f"import subprocess, sys, os\nr = subprocess.run([sys.executable, '-m', 'nbgrader', *{args!r}, "
            f"'--log-level=WARN'], cwd=os.path.expanduser({cwd!r}), capture_output=True, text=True)\n"
            "print(r.returncode); print(r.stdout[-2000:]); print(r.stderr[-2000:])")
    out, errors = kernel.execute(code, deadline)
    if errors or not out.startswith("0"):
        raise RuntimeError(f"nbgrader {' '.join(args)}: {errors or out[-1500:]}")
    return out


def _put(hub: Hub, user: str, path: str, model: dict[str, Any]) -> None:
    hub.api("PUT", f"/user/{user}/api/contents/{path}", json=model).raise_for_status()


def _fill_solutions(nb: dict[str, Any]) -> dict[str, Any]:
    """The reference answers of exercise 00 in a student's copy (cells matched by grade_id)."""
    source = nbformat.read(EXERCISE, as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    for cell in nb["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = "\n".join(line for line in answers[grade_id].splitlines()
                                       if line.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION"))
    return nb


def _visibility(hub: Hub, user: str) -> dict[str, Any]:
    """What of nbgrader's instructor tools a user's JupyterLab offers."""
    formgrader = hub.api("GET", f"/user/{user}/formgrader", allow_redirects=False).status_code
    lab = hub.api("GET", f"/user/{user}/lab").text
    return {"formgrader_http": formgrader,
            "lab_disables_formgrader": '"@jupyter/nbgrader:formgrader"' in lab.split("disabledExtensions", 1)[-1][:2000],
            "lab_disables_create_assignment": '"@jupyter/nbgrader:create-assignment"'
                                              in lab.split("disabledExtensions", 1)[-1][:2000]}


def grading_cycle(hub: Hub, deadline: float) -> dict[str, Any]:
    students = ("solver", "blank")
    hub.api("POST", "/hub/api/users", json={"usernames": [INSTRUCTOR, *students]})
    out: dict[str, Any] = {"steps": {}}
    t = time.monotonic()

    def step(name: str) -> None:
        nonlocal t
        out["steps"][name] = round(time.monotonic() - t, 1)
        t = time.monotonic()

    for user in (INSTRUCTOR, *students):
        start_server(hub, user, deadline)
    step("start 3 servers")
    out["visibility"] = {user: _visibility(hub, user) for user in (INSTRUCTOR, students[0])}
    # the instructor's course directory, uploaded through the contents API
    for folder in ("course", "course/source", f"course/source/{ASSIGNMENT}"):
        _put(hub, INSTRUCTOR, folder, {"type": "directory"})
    _put(hub, INSTRUCTOR, "course/nbgrader_config.py",
         {"type": "file", "format": "text", "content": (ROOT / "grading" / "nbgrader_config.py").read_text()})
    _put(hub, INSTRUCTOR, f"course/source/{ASSIGNMENT}/{EXERCISE.name}",
         {"type": "notebook", "content": json.loads(EXERCISE.read_text(encoding="utf-8"))})
    kernel = Kernel(hub, INSTRUCTOR)
    try:
        _kernel_run(kernel, ["generate_assignment", ASSIGNMENT, "--force"], "~/course", deadline)
        _kernel_run(kernel, ["release_assignment", ASSIGNMENT, "--force"], "~/course", deadline)
        step("instructor: generate + release")
        listed = hub.api("GET", f"/user/{INSTRUCTOR}/formgrader/api/assignments")
        out["formgrader_lists"] = [a.get("name") for a in listed.json()] if listed.ok else listed.status_code
        for user in students:  # nbgrader's Assignments tab: its server extension's REST API
            r = hub.api("POST", f"/user/{user}/assignments/fetch",
                        params={"assignment_id": ASSIGNMENT, "course_id": COURSE_ID})
            if not r.ok or not r.json().get("success", False):
                raise RuntimeError(f"{user} fetch: HTTP {r.status_code} {r.text[:500]}")
        step("students: fetch (Assignments API)")
        path = f"/user/{students[0]}/api/contents/{ASSIGNMENT}/{EXERCISE.name}"
        nb = hub.api("GET", path).json()["content"]
        hub.api("PUT", path, json={"type": "notebook", "content": _fill_solutions(nb)}).raise_for_status()
        for user in students:
            r = hub.api("POST", f"/user/{user}/assignments/submit",
                        params={"assignment_id": ASSIGNMENT, "course_id": COURSE_ID})
            if not r.ok or not r.json().get("success", False):
                raise RuntimeError(f"{user} submit: HTTP {r.status_code} {r.text[:500]}")
        step("students: answer + submit")
        _kernel_run(kernel, ["collect", ASSIGNMENT], "~/course", deadline)
        step("instructor: collect")
        _kernel_run(kernel, ["autograde", ASSIGNMENT, "--create", "--force"], "~/course", deadline)
        step("instructor: autograde")
        _kernel_run(kernel, ["export", "--to=grades.csv"], "~/course", deadline)
        step("instructor: export")
    finally:
        kernel.close()
    csv_text = hub.api("GET", f"/user/{INSTRUCTOR}/api/contents/course/grades.csv").json()["content"]
    rows = [line.split(",") for line in csv_text.strip().splitlines()]
    header = rows[0]
    out["grades"] = {r[header.index("student_id")]: {"raw_score": float(r[header.index("raw_score")]),
                                                      "max_score": float(r[header.index("max_score")])}
                     for r in rows[1:]}
    return out


# --- nbgitpuller ----------------------------------------------------------------------------------

class _GitHTTP(BaseHTTPRequestHandler):
    """git's smart HTTP protocol (``git http-backend`` as CGI): nbgitpuller clones with --depth 1,
    which the "dumb" static-file protocol cannot serve."""

    root = ""

    def _backend(self) -> None:
        path, _, query = self.path.partition("?")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        env = {"GIT_PROJECT_ROOT": self.root, "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path,
               "QUERY_STRING": query, "REQUEST_METHOD": self.command, "REMOTE_ADDR": "127.0.0.1",
               "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(body)),
               "GIT_CONFIG_SYSTEM": "/dev/null", "PATH": os.environ.get("PATH", "")}
        out = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True, timeout=120).stdout
        head, _, payload = out.partition(b"\r\n\r\n")
        headers = [h.split(":", 1) for h in head.decode("latin-1").split("\r\n") if ":" in h]
        status = next((int(v.split()[0]) for k, v in headers if k.lower() == "status"), 200)
        self.send_response(status)
        for key, value in headers:
            if key.lower() != "status":
                self.send_header(key, value.strip())
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _backend

    def log_message(self, *args: Any) -> None:
        pass


def _pull(hub: Hub, user: str, link: str, deadline: float) -> dict[str, Any]:
    """A logged-in student opens ``link``; the page's own request (git-pull/api) then pulls."""
    s = requests.Session()
    s.get(f"{hub.url}/hub/login", timeout=30)
    s.post(f"{hub.url}/hub/login", data={"username": user, "password": hub.password,
                                        "_xsrf": s.cookies.get("_xsrf", "")}, timeout=60)
    page = s.get(link, timeout=120)
    out: dict[str, Any] = {"link": link, "page_http": page.status_code, "page_url": page.url.split("?")[0]}
    query = urlsplit(page.url).query
    phases, messages = [], []
    with s.get(page.url.split("?")[0] + "/api?" + query, stream=True, timeout=120) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if line and line.startswith("data:"):
                event = json.loads(line[5:])
                phases.append(event.get("phase"))
                if event.get("message") or event.get("output"):
                    messages.append(str(event.get("message") or event.get("output"))[:300])
                if event.get("phase") in ("finished", "error") or time.monotonic() > deadline:
                    break
    out["phase"] = phases[-1] if phases else None
    out["messages"] = messages[-3:]
    urlpath = parse_qs(query).get("urlpath", [])
    if urlpath:
        notebook = urlpath[0].removeprefix("lab/tree/")
        out["opened"] = notebook
        out["notebook_http"] = s.get(f"{hub.url}/user/{user}/api/contents/{notebook}?content=0", timeout=60).status_code
        out["lab_http"] = s.get(f"{hub.url}/user/{user}/{urlpath[0]}", timeout=60).status_code
    return out


def gitpuller_check(hub: Hub, served: Path, owned_by_other: Path, deadline: float) -> dict[str, Any]:
    handler = type("Handler", (_GitHTTP,), {"root": str(served)})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        repo_url = f"http://127.0.0.1:{httpd.server_port}/course/friends-and-foes"
        link = subprocess.run([sys.executable, str(ROOT / "scripts" / "nbgitpuller_link.py"), hub.url, "00",
                               "--repo", repo_url], capture_output=True, text=True, check=True).stdout.strip()
        users = ["puller-http", "puller-file"]
        hub.api("POST", "/hub/api/users", json={"usernames": users})
        for user in users:
            start_server(hub, user, deadline)
        result = {"http": _pull(hub, users[0], link, deadline)}
        # file:// to a repository owned by another Unix user: the script wants http(s), so the same
        # pattern is built by hand; git needs safe.directory (set by the hub config) for it
        file_link = link.replace(requests.utils.quote(repo_url, safe="/"),
                                 requests.utils.quote(f"file://{owned_by_other}", safe="/"))
        result["file_other_owner"] = _pull(hub, users[1], file_link, deadline)
        bare = subprocess.run(["git", "ls-remote", "--heads", f"file://{owned_by_other}"], capture_output=True,
                              text=True, env={**os.environ, "GIT_CONFIG_SYSTEM": "/dev/null"})
        result["without_safe_directory"] = (bare.stderr.strip().splitlines() or ["ok"])[0][:200]
        return result
    finally:
        httpd.shutdown()


def prepare_repositories(tmp: Path) -> tuple[Path, Path]:
    """A bare clone of this checkout served over HTTP, and one owned by another Unix user (nobody)."""
    served = tmp / "served"
    bare = served / "course" / "friends-and-foes"
    subprocess.run(["git", "clone", "-q", "--bare", str(ROOT), str(bare)], check=True)
    subprocess.run(["git", "update-server-info"], cwd=bare, check=True)
    other = tmp / "other-owner" / "friends-and-foes"
    subprocess.run(["git", "clone", "-q", "--bare", str(ROOT), str(other)], check=True)
    if os.geteuid() == 0:
        for path in [other.parent, *other.parent.rglob("*")]:
            os.chown(path, 65534, 65534)  # nobody:nogroup
    return served, other


# --- main -----------------------------------------------------------------------------------------

def print_table(runs: list[dict[str, Any]]) -> None:
    cols = ("students", "server_ready_p50_s", "first_chart_p50_s", "first_chart_p95_s", "lesson_done_max_s",
            "failures", "cpu_s_per_student_median", "load_average_after")
    print("  ".join(f"{c:>12.12}" for c in cols) + "   RSS/student median|max   students total")
    for r in runs:
        rss = r["peak_rss_per_student_mib"]
        print("  ".join(f"{str(r.get(c)):>12}" for c in cols)
              + f"   {rss['median']} | {rss['max']} MiB   {r['peak_rss_students_total_mib']} MiB")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--students", type=int, nargs="+", default=[2], help="class sizes to run, one hub each")
    p.add_argument("--stagger", type=float, default=0.0, help="seconds between two students' clicks")
    p.add_argument("--grading", action="store_true", help="also run the nbgrader cycle for two students")
    p.add_argument("--gitpuller", action="store_true", help="also check the nbgitpuller link")
    p.add_argument("--python", type=Path, default=Path(sys.executable).parent,
                   help="bin/ of the hub + course environment (default: this interpreter's)")
    p.add_argument("--timeout", type=float, default=900, help="the whole run's time limit, seconds")
    p.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "hub_load.json")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    missing = missing_requirements(args.python)
    if missing:
        print("cannot start the hub here; missing: " + ", ".join(missing), file=sys.stderr)
        return 2
    deadline = time.monotonic() + args.timeout
    hubs: list[Hub] = []

    def watchdog() -> None:
        print(f"hub_load: time limit of {args.timeout:.0f} s reached; stopping", file=sys.stderr)
        for hub in hubs:
            stop_hub(hub)
        os._exit(3)

    timer = threading.Timer(args.timeout + 60, watchdog)
    timer.daemon = True
    timer.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total
                                                                                      / 2**30, 1)},
                              "runs": []}
    try:
        sizes = list(args.students) or [0]
        for i, n in enumerate(sizes):
            extras = i == len(sizes) - 1 and (args.grading or args.gitpuller)
            with tempfile.TemporaryDirectory(prefix="course-hub-") as name:
                tmp = Path(name)
                repos = prepare_repositories(tmp) if extras and args.gitpuller else None
                hub = start_hub(tmp, args.python, max(n, 10), deadline, [str(repos[1])] if repos else [])
                hubs.append(hub)
                try:
                    if n:
                        report["runs"].append(load_run(hub, n, args.stagger, deadline))
                        print_table(report["runs"][-1:])
                    if extras and args.grading:
                        report["grading"] = grading_cycle(hub, deadline)
                        print("grading:", json.dumps(report["grading"]))
                    if repos:
                        report["gitpuller"] = gitpuller_check(hub, *repos, deadline)
                        print("gitpuller:", json.dumps(report["gitpuller"]))
                finally:
                    report.setdefault("leftover_processes_killed", []).extend(stop_hub(hub))
                    report["still_running_after_stop"] = len(run_processes(hub.run_id))
                    hubs.remove(hub)
                    report["hub_log_tail"] = hub.log.read_text(errors="replace")[-1500:] if hub.log.exists() else ""
    finally:
        timer.cancel()
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_table(report["runs"])
    print(f"written: {args.json}")
    return 0 if not any(r["failures"] for r in report["runs"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
