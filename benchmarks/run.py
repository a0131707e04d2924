"""Measure the course's performance budgets (COURSE.md §9) and print a Markdown table.

    python benchmarks/run.py            # data, theories, widgets
    python benchmarks/run.py --notebooks  # also execute every lesson headless

Not a test: budgets are reported in the README, not asserted. Figures depend on the machine;
the README says which one they come from.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(round(0.95 * len(values))) - 1)]


def bench_import() -> dict:
    code = ("import time; t=time.perf_counter(); import alliances; t1=time.perf_counter(); "
            "alliances.load_world('2008-2019'); t2=time.perf_counter(); "
            "print((t1-t)*1000, (t2-t1)*1000)")
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(tuple(float(x) for x in out.stdout.split()))
    imp = statistics.median(r[0] for r in runs)
    first = statistics.median(r[1] for r in runs)
    return {"import alliances (ms, median of 5 fresh processes)": imp,
            "first load_world('2008-2019') after import (ms)": first,
            "import + first load (ms)": imp + first}


def bench_load_world() -> dict:
    import alliances
    from alliances import data, world
    from alliances.schemas import PERIODS

    whens = list(PERIODS) + list(range(1992, 2025))
    world._build_world.cache_clear()
    data._load_cached.cache_clear()
    first = timed(lambda: alliances.load_world(whens[0]))
    rest_first = [timed(lambda w=w: alliances.load_world(w))[0] for w in whens[1:]]
    cached = [timed(lambda w=w: alliances.load_world(w))[0] for w in whens for _ in range(20)]
    return {"load_world, very first call (tables read and validated) (ms)": first[0],
            f"load_world, first call per other period/year, median of {len(rest_first)} (ms)": statistics.median(rest_first),
            "load_world, cached, median (ms)": statistics.median(cached),
            "load_world, cached, 95th percentile (ms)": p95(cached)}


def bench_theories() -> dict:
    import alliances
    from alliances.schemas import PERIODS
    from alliances.theories import THEORIES, predict

    out = {}
    world = alliances.load_world("2008-2019")
    for theory in THEORIES:
        predict(theory, world)
        runs = timed(lambda t=theory: predict(t, world), repeat=200)
        out[f"predict('{theory}', 2008-2019), median (ms)"] = statistics.median(runs)
    worlds = [alliances.load_world(w) for w in list(PERIODS) + list(range(1992, 2025))]
    total = timed(lambda: [predict(t, w) for t in THEORIES for w in worlds])[0]
    out["all five theories x every period and year 1992-2024 (ms)"] = total
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    figures = {}
    figures.update(bench_import())
    figures.update(bench_load_world())
    try:
        figures.update(bench_theories())
    except ImportError as exc:  # theories not written yet
        print(f"(theories skipped: {exc})", file=sys.stderr)
    print(f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{__import__('os').cpu_count()} cores\n")
    print("| measure | figure |\n|---|---|")
    for name, value in figures.items():
        print(f"| {name} | {value:.2f} |")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
