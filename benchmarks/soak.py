"""Soak test: resident memory (RSS) over many threaded calls, to see whether it levels off.

    python benchmarks/soak.py                         # 8 threads, load_world + predict, 60 s
    python benchmarks/soak.py --threads 8 --seconds 150 --calls load_world
    python benchmarks/soak.py --json benchmarks/results/soak.json

Each thread calls the chosen functions in a loop (``load_world`` for every period and year,
``predict`` for every theory on pre-built worlds, or both). RSS is sampled every
``--every`` seconds from ``/proc/self/statm`` (Linux); the report gives RSS at the start,
after the first fifth (warm-up) and at the end, the growth per 1,000 calls after warm-up,
and whether RSS levelled off (growth over the last half at most ``--flat-mb``). Not a test:
the figures depend on the machine and the allocator, and go in the README, not in an
assertion.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import alliances
from alliances.schemas import FIRST_YEAR, LAST_YEAR, PERIODS


def rss_mb() -> float:
    """Resident set size of this process in MB (Linux ``/proc/self/statm``)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _workload(kind: str) -> Callable[[int], None]:
    whens: list[str | int] = [*PERIODS, *range(FIRST_YEAR, LAST_YEAR + 1)]
    worlds = [alliances.load_world(w) for w in whens]

    def load(i: int) -> None:
        alliances.load_world(whens[i % len(whens)])

    def predict(i: int) -> None:
        alliances.predict(alliances.THEORIES[i % len(alliances.THEORIES)], worlds[i % len(worlds)])

    def both(i: int) -> None:
        load(i)
        predict(i)

    return {"load_world": load, "predict": predict, "both": both}[kind]


def soak(threads: int, seconds: float, kind: str, every: float) -> dict:
    """Run the workload and return the RSS samples and the summary."""
    call = _workload(kind)
    stop = threading.Event()
    counts = [0] * threads
    errors: list[str] = []

    def worker(n: int) -> None:
        i = n
        while not stop.is_set():
            try:
                call(i)
            except Exception as exc:  # noqa: BLE001 - a soak reports failures, it does not stop on them
                errors.append(f"{type(exc).__name__}: {exc}")
            i += threads
            counts[n] += 1

    pool = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(threads)]
    start = time.perf_counter()
    samples = [(0.0, 0, rss_mb())]
    for t in pool:
        t.start()
    while (elapsed := time.perf_counter() - start) < seconds:
        time.sleep(every)
        samples.append((round(elapsed, 1), sum(counts), round(rss_mb(), 1)))
    stop.set()
    for t in pool:
        t.join()
    return {"threads": threads, "seconds": seconds, "calls": kind, "total_calls": sum(counts),
            "errors": len(errors), "first_errors": errors[:3], "samples": samples}


def summarise(result: dict, flat_mb: float) -> dict:
    """RSS at start / after warm-up / end, growth per 1,000 calls after warm-up, levelled off or not."""
    samples = result["samples"]
    warm = samples[max(1, len(samples) // 5)]
    half = samples[len(samples) // 2]
    end = samples[-1]
    calls = max(end[1] - warm[1], 1)
    return {"rss_start_mb": samples[0][2], "rss_warm_mb": warm[2], "rss_end_mb": end[2],
            "kb_per_1000_calls_after_warmup": round((end[2] - warm[2]) * 1024 / calls * 1000, 1),
            "growth_last_half_mb": round(end[2] - half[2], 1),
            "levelled_off": end[2] - half[2] <= flat_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--calls", choices=("load_world", "predict", "both"), default="both")
    parser.add_argument("--every", type=float, default=2.0, help="seconds between RSS samples")
    parser.add_argument("--flat-mb", type=float, default=2.0, help="largest growth over the last half that counts as flat")
    parser.add_argument("--json", type=Path, help="also write the samples and summary here")
    args = parser.parse_args()
    result = soak(args.threads, args.seconds, args.calls, args.every)
    result["summary"] = summarise(result, args.flat_mb)
    s = result["summary"]
    print(f"{args.threads} threads x {args.seconds:.0f} s of {args.calls}: {result['total_calls']:,} calls, "
          f"{result['errors']} errors")
    print(f"RSS {s['rss_start_mb']} MB at start, {s['rss_warm_mb']} MB after warm-up, {s['rss_end_mb']} MB at end; "
          f"{s['kb_per_1000_calls_after_warmup']} KB per 1,000 calls after warm-up; last half "
          f"+{s['growth_last_half_mb']} MB: {'levelled off' if s['levelled_off'] else 'still growing'}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
