"""Each lesson executed headless, cell by cell: where a lesson's time goes.

    python benchmarks/lesson_times.py                 # every lesson, the 5 slowest cells of each
    python benchmarks/lesson_times.py 08 01 --top 10  # lessons whose names start with 08 or 01
    python benchmarks/lesson_times.py --json out.json # also write every cell's time
    python benchmarks/lesson_times.py --out /tmp/new  # also save each executed lesson there
    python benchmarks/lesson_times.py --package /tmp/old --out /tmp/old/nb   # an older copy of
                                                      # alliances/ first on the path: before/after

A lesson runs in a fresh kernel (nbclient, as nbval and benchmarks/run.py do) into memory; the
notebook on disk is not touched. A cell's time is the kernel's own (from ``execute_input`` to
``execute_reply`` as nbclient records them); "kernel" is start-up and shut-down. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PYTHONPATH = os.environ.get("PYTHONPATH")  # as given, before a run adds to it


def _seconds(start: str, end: str) -> float:
    return (datetime.fromisoformat(end.replace("Z", "+00:00"))
            - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()


def cell_times(path: Path, package: Path | None = None, out: Path | None = None
               ) -> tuple[float, list[tuple[float, int, str]]]:
    """(wall seconds for the whole lesson, [(seconds, cell index, first line)] for each code cell).

    ``package``: a folder holding an ``alliances/`` to import instead of the checkout's (the data
    stay the checkout's); ``out``: a folder to save the executed notebook in.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    ahead = [str(package)] if package else []
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [*ahead, str(ROOT), _PYTHONPATH]))
    if package:
        os.environ.setdefault("ALLIANCES_DATA_DIR", str(ROOT / "data"))
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    wall = time.perf_counter() - start
    if out:
        out.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, out / path.name)
    cells = []
    for index, cell in enumerate(nb.cells):
        timing = cell.get("metadata", {}).get("execution", {})
        if cell.cell_type == "code" and "iopub.execute_input" in timing:
            first = next((line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")), "")
            cells.append((_seconds(timing["iopub.execute_input"], timing["shell.execute_reply"]), index, first[:90]))
    return wall, cells


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("prefixes", nargs="*", help="lesson name prefixes (default: every lesson)")
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--package", type=Path, help="a folder with another alliances/ to time instead")
    parser.add_argument("--out", type=Path, help="a folder to save the executed lessons in")
    args = parser.parse_args()
    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if args.prefixes:
        lessons = [p for p in lessons if p.name.startswith(tuple(args.prefixes))]
    report = {}
    for path in lessons:
        wall, cells = cell_times(path, args.package, args.out)
        in_cells = sum(c[0] for c in cells)
        report[path.stem] = {"wall": wall, "cells": cells}
        print(f"{path.stem}: {wall:.2f} s wall, {in_cells:.2f} s in {len(cells)} cells, "
              f"{wall - in_cells:.2f} s kernel")
        for seconds, index, first in sorted(cells, reverse=True)[:args.top]:
            print(f"  {seconds:6.2f} s  cell {index:>3}  {first}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
