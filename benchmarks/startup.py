"""Kernel ready to first chart: how long a fresh interpreter takes to import the course and
the chart stack, load a world and draw lesson 01's first chart (with its SVG and PNG copies).

    python benchmarks/startup.py            # 5 fresh interpreters, median and max per phase
    python benchmarks/startup.py --runs 9 --importtime   # and the slowest imports of one run
    python benchmarks/startup.py --eager    # as without alliances.startup (rfc3987_syntax at import)

Not a test (figures depend on the machine; the README's "Measured figures" says which).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# the phases of lesson 01's first two cells, each timed on its own
PROGRAM = """
import json, time
t0 = time.perf_counter()
import alliances, altair
from alliances import charts
charts.enable_offline_rendering()
t1 = time.perf_counter()
from alliances import load_world
from alliances.theories.balance_of_power import capability_roles
world = load_world("2008-2019")
t2 = time.perf_counter()
bundle = charts.capability_shares_chart(capability_roles(world), when=world.when)._repr_mimebundle_()
t3 = time.perf_counter()
import sys
print(json.dumps({"import": t1 - t0, "load_world": t2 - t1, "first_chart": t3 - t2, "total": t3 - t0,
                  "rfc3987_syntax_loaded": type(sys.modules.get("rfc3987_syntax")).__name__ == "module"}))
"""


# what start-up costs without alliances.startup's deferral: the grammar built before anything else
EAGER = "import rfc3987_syntax\n"


def one_run(eager: bool = False) -> dict[str, float]:
    program = PROGRAM.replace("t0 = time.perf_counter()\n", "t0 = time.perf_counter()\n" + EAGER) if eager else PROGRAM
    out = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def slowest_imports(top: int = 15) -> list[tuple[float, str]]:
    """(cumulative seconds, module) of the slowest imports of one run, from ``-X importtime``."""
    code = "import alliances, altair; from alliances import charts; charts.enable_offline_rendering()"
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], cwd=ROOT,
                         capture_output=True, text=True, check=True).stderr
    rows = []
    for line in err.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]) / 1e6, parts[2].rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    parser.add_argument("--eager", action="store_true",
                        help="import rfc3987_syntax first, as without alliances.startup (the 'before')")
    args = parser.parse_args()
    runs = [one_run(args.eager) for _ in range(args.runs)]
    print(f"{args.runs} fresh interpreters (seconds): phase, median, max")
    for phase in ("import", "load_world", "first_chart", "total"):
        values = [r[phase] for r in runs]
        print(f"  {phase:<12} {statistics.median(values):6.2f} {max(values):6.2f}")
    print("  rfc3987_syntax imported at start-up:", any(r["rfc3987_syntax_loaded"] for r in runs))
    if args.importtime:
        print("slowest imports (cumulative s):")
        for seconds, name in slowest_imports():
            print(f"  {seconds:6.3f} {name}")


if __name__ == "__main__":
    main()
