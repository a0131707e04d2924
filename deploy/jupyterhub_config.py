"""JupyterHub for a class on one server: the course's tested configuration.

    jupyterhub -f deploy/jupyterhub_config.py            # as root, from the hub's environment

What it sets up (every item is exercised by benchmarks/hub_load.py and tests/test_hub_smoke.py,
which start this file in test mode, ``COURSE_HUB_TEST=1``):

* JupyterHub from PyPI (deploy/requirements-hub.txt) with configurable-http-proxy from the npm
  registry (``npm ci --prefix deploy``: deploy/package.json pins it);
* a local-process spawner: ``LocalProcessSpawner`` (one Unix user per student, PAM logins) for a
  real class; the test uses ``SimpleLocalProcessSpawner`` (no Unix users, homes in a temporary
  folder, no isolation at all: TEST ONLY) and a shared-password login (TEST ONLY);
* the idle culler (jupyterhub-idle-culler) as a hub service;
* the nbgrader exchange (``NBGRADER_EXCHANGE``, /srv/nbgrader/exchange by default) and course id
  for everybody, from deploy/jupyter/common/nbgrader_config.py;
* students do not see nbgrader's formgrader, course list or "Create Assignment"
  (deploy/jupyter/student/ disables the server extensions and the JupyterLab plugins); the
  users in ``COURSE_HUB_INSTRUCTORS`` (admins) keep them;
* nbgitpuller (installed by requirements-hub.txt in the single-user environment), with git's
  ``safe.directory`` for course repositories owned by another user (``COURSE_HUB_SAFE_DIRECTORY``).

Settings come from environment variables so that the tested file is the deployed file:

======================== ================================== =========================================
variable                 default                            meaning
======================== ================================== =========================================
COURSE_HUB_URL           http://127.0.0.1:8000              where the proxy listens (put TLS in front)
COURSE_HUB_STATE         /srv/jupyterhub                    database, cookie secret, pid files
COURSE_HUB_SINGLEUSER    the hub's own environment's bin/   bin/ of the course environment
COURSE_HUB_INSTRUCTORS   instructor                         comma-separated admins with formgrader
COURSE_HUB_CULL_TIMEOUT  3600                               seconds idle before a server is stopped
COURSE_HUB_SPAWN_LIMIT   10                                 servers starting at once (others wait)
COURSE_HUB_SAFE_DIRECTORY (none)                            local course repositories git may read
COURSE_HUB_GRADING_PATH  (none)                             course checkout on instructors' PYTHONPATH
NBGRADER_EXCHANGE        /srv/nbgrader/exchange             the exchange folder (mode 1777)
======================== ================================== =========================================
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub defines get_config)

DEPLOY = Path(__file__).resolve().parent
env = os.environ.get

TEST = env("COURSE_HUB_TEST") == "1"
STATE = Path(env("COURSE_HUB_STATE", "/srv/jupyterhub"))
STATE.mkdir(parents=True, exist_ok=True)
SINGLEUSER_BIN = Path(env("COURSE_HUB_SINGLEUSER", str(Path(sys.executable).parent)))
INSTRUCTORS = {name.strip() for name in env("COURSE_HUB_INSTRUCTORS", "instructor").split(",") if name.strip()}
EXCHANGE = env("NBGRADER_EXCHANGE", "/srv/nbgrader/exchange")

# --- the hub and its proxy ------------------------------------------------------------------------
c.JupyterHub.bind_url = env("COURSE_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = env("COURSE_HUB_HUB_URL", "http://127.0.0.1:8081")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.api_url = env("COURSE_HUB_PROXY_API", "http://127.0.0.1:8001")
_chp = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [env("COURSE_HUB_PROXY") or (str(_chp) if _chp.exists() else
                                                                "configurable-http-proxy")]
# A class clicks "start" at the same minute. On 2 cores one server + lesson 00 costs about 9 CPU-s:
# beyond the limit the hub answers "too many users starting, try again" instead of slowing everyone.
c.JupyterHub.concurrent_spawn_limit = int(env("COURSE_HUB_SPAWN_LIMIT", "10"))
c.JupyterHub.shutdown_on_logout = False

# --- logins ---------------------------------------------------------------------------------------
c.Authenticator.admin_users = INSTRUCTORS
if TEST:
    # TEST ONLY: one shared password for every student and one for the instructors; anybody who
    # knows it may log in as any student. Never on a hub reachable from outside the machine.
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = env("COURSE_HUB_TEST_PASSWORD") or secrets.token_hex(8)
    c.SharedPasswordAuthenticator.admin_password = env("COURSE_HUB_TEST_ADMIN_PASSWORD") or secrets.token_hex(16)
    c.Authenticator.allow_all = True
else:
    # Unix accounts: a student logs in with their system password (add them to the group).
    c.JupyterHub.authenticator_class = "pam"
    c.Authenticator.allowed_users = set()
    c.PAMAuthenticator.allowed_groups = {"students"}
    c.PAMAuthenticator.admin_groups = {"instructors"}

# --- the single-user servers ----------------------------------------------------------------------
c.Spawner.cmd = [str(SINGLEUSER_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
# Measured here: 20 servers starting at once on 2 cores take up to ~90 s to answer; the defaults
# (60 s start, 30 s http) fail them.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 240
# LocalProcessSpawner cannot enforce these; they are shown to users (jupyter-resource-usage) and
# enforced by SystemdSpawner or KubeSpawner (see deploy/README.md: about 435 MiB per student).
c.Spawner.mem_guarantee = "512M"
c.Spawner.mem_limit = "1G"
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "JUPYTERHUB_SINGLEUSER_APP", "ALLIANCES_DATA_DIR"]

if TEST:
    # TEST ONLY: every "user" runs as the hub's own Unix user, with HOME under COURSE_HUB_HOMES.
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(Path(env("COURSE_HUB_HOMES", str(STATE / "homes")))
                                                        / "{username}")
    if os.geteuid() == 0:
        c.Spawner.args = ["--allow-root"]
else:
    c.JupyterHub.spawner_class = "localprocess"


def _git_config() -> str | None:
    """A system git config that adds ``safe.directory`` for the course's local repositories.

    git (>= 2.35.2) refuses a repository owned by another Unix user ("detected dubious
    ownership"), and nbgitpuller then says "Remote content unavailable". ``safe.directory`` is only
    read from system or global config (not from GIT_CONFIG_COUNT, checked with git 2.39), so the
    servers get GIT_CONFIG_SYSTEM pointing at this file, which includes /etc/gitconfig first.
    """
    dirs = [d.strip() for d in env("COURSE_HUB_SAFE_DIRECTORY", "").split(os.pathsep) if d.strip()]
    if not dirs:
        return None
    path = STATE / "gitconfig"
    lines = ["[include]", "\tpath = /etc/gitconfig", "[safe]"] + [f"\tdirectory = {d}" for d in dirs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


GIT_CONFIG = _git_config()
PASS_THROUGH = ("COURSE_HUB_RUN",)  # the load test marks its processes with this, to stop them all


def _pre_spawn(spawner) -> None:  # noqa: ANN001 (a jupyterhub Spawner)
    """Per-user environment: nbgrader's exchange for all, formgrader for instructors only."""
    name = spawner.user.name
    instructor = name in INSTRUCTORS
    config_path = [str(DEPLOY / "jupyter" / "common")]
    if not instructor:
        config_path.insert(0, str(DEPLOY / "jupyter" / "student"))
    extra = {
        "JUPYTER_CONFIG_PATH": os.pathsep.join(config_path),
        "NBGRADER_EXCHANGE": EXCHANGE,
        "NBGRADER_COURSE_ID": env("NBGRADER_COURSE_ID", "caucasus"),
    }
    if instructor:
        home = str(getattr(spawner, "home_dir", "") or os.path.expanduser(f"~{name}"))
        extra["NBGRADER_COURSE_ROOT"] = env("NBGRADER_COURSE_ROOT", "~/course").replace("~", home, 1)
        if env("COURSE_HUB_GRADING_PATH"):
            # the course checkout, for the hidden tests' `from grading import grade`: instructors only,
            # since grading/ holds the reference answers
            extra["PYTHONPATH"] = env("COURSE_HUB_GRADING_PATH", "")
    elif TEST:
        # TEST ONLY: every server runs as one Unix user, so nbgrader cannot tell students apart by
        # their account (on a real hub it does; on Kubernetes, where all are jovyan, it reads JUPYTERHUB_USER)
        extra["NBGRADER_STUDENT_ID"] = name
    if GIT_CONFIG:
        extra["GIT_CONFIG_SYSTEM"] = GIT_CONFIG
    extra.update({k: os.environ[k] for k in PASS_THROUGH if k in os.environ})
    spawner.environment = {**spawner.environment, **extra}  # a new dict: never shared between users


c.Spawner.pre_spawn_hook = _pre_spawn

# The exchange must exist and be writable by every student (sticky, like /tmp).
if os.geteuid() == 0 or os.access(Path(EXCHANGE).parent, os.W_OK):
    Path(EXCHANGE).mkdir(parents=True, exist_ok=True)
    os.chmod(EXCHANGE, 0o1777)

# --- the idle culler ------------------------------------------------------------------------------
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={int(env('COURSE_HUB_CULL_TIMEOUT', '3600'))}", "--cull-every=300"],
    "environment": {k: os.environ[k] for k in PASS_THROUGH if k in os.environ},
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]

if TEST and env("COURSE_HUB_TEST_TOKEN"):
    # TEST ONLY: the load test's admin token (starts servers, talks to them through the proxy).
    c.JupyterHub.services.append({"name": "course-hub-test", "api_token": env("COURSE_HUB_TEST_TOKEN")})
    c.JupyterHub.load_roles.append({
        "name": "course-hub-test",
        "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"],
        "services": ["course-hub-test"],
    })

if not shutil.which(c.ConfigurableHTTPProxy.command[0]):
    print(f"deploy/jupyterhub_config.py: {c.ConfigurableHTTPProxy.command[0]} not found; run "
          "`npm ci --prefix deploy` (configurable-http-proxy from the npm registry)", file=sys.stderr)
