"""Serve a lesson as a read-only Voilà dashboard with the course's template and settings.

    python voila/serve.py                                        # lesson 08 on http://127.0.0.1:8866/
    python voila/serve.py notebooks/06_karabakh_frozen_conflict.ipynb --port 8870
    python voila/serve.py --ip 0.0.0.0                           # for a class on one server

This is the same as running, from the repository root::

    JUPYTER_PATH=$PWD voila --Voila.config_file_paths=voila --Voila.ip=127.0.0.1 --no-browser \\
        notebooks/08_theories_side_by_side.ipynb

* ``JUPYTER_PATH`` makes Voilà find the course template ``voila/templates/course/`` (Voilà
  looks for ``<data dir>/voila/templates/<name>``): Voilà's lab template without the two Font
  Awesome stylesheets it loads from a CDN;
* ``voila/voila.json`` selects that template, loads only the widget manager among the
  JupyterLab extensions installed (the nbgrader/jupytext ones are built for JupyterLab 4.6 and
  fail noisily in Voilà's 4.2 shell), hides tracebacks, and culls kernels idle for 15 minutes
  whose page has been closed.

Progressive rendering is not needed: every chart carries a PNG copy (see
``alliances/charts/render.py``), so Voilà's renderer shows no "e.setData is not a function" box.
Each visitor gets a kernel that runs the whole lesson (about 290 MB).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG_DIR = REPO / "voila"
DEFAULT_NOTEBOOK = REPO / "notebooks" / "08_theories_side_by_side.ipynb"


def voila_command(notebook: Path | str = DEFAULT_NOTEBOOK, port: int = 8866, ip: str = "127.0.0.1",
                  extra: Sequence[str] = (), environ: Mapping[str, str] | None = None
                  ) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that serve ``notebook`` with the course's Voilà setup."""
    env = dict(os.environ if environ is None else environ)
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("JUPYTER_PATH")]))
    cmd = [sys.executable, "-m", "voila", "--no-browser", f"--Voila.ip={ip}", f"--port={port}",
           f"--Voila.config_file_paths={CONFIG_DIR}", *extra, str(notebook)]
    return cmd, env


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook", nargs="?", type=Path, default=DEFAULT_NOTEBOOK)
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--ip", default="127.0.0.1")
    args, extra = parser.parse_known_args(argv)
    cmd, env = voila_command(args.notebook, args.port, args.ip, extra)
    os.execve(cmd[0], cmd, env)


if __name__ == "__main__":
    main()
