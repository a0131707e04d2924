"""Execute notebooks top to bottom in a fresh kernel and store their outputs.

    python scripts/run_notebooks.py                 # every lesson in notebooks/
    python scripts/run_notebooks.py notebooks/02_balance_of_threat.ipynb

Run this before committing a lesson: the stored outputs are what GitHub and nbviewer show,
and what nbval checks in the test suite (see "Notebook outputs" in the README). A lesson's plumbing
cells are hidden and its time estimate stamped into its header (scripts/lesson_plan.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from lesson_plan import mark_plumbing, stamp
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path, timeout: int = 120) -> float:
    nb = nbformat.read(path, as_version=4)
    # the installed ipykernel's own display name: JupyterLab rewrites any other on open (a dirty notebook)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    lesson = path.parent.name == "notebooks" and path.name[:2].isdigit()
    if lesson:
        mark_plumbing(nb)
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
                   store_widget_state=False).execute()
    elapsed = time.perf_counter() - start
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    if lesson:
        stamp(nb)
    nbformat.write(nb, path)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    paths = args.paths or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"{path.name}: {run(path):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
