"""Feed generated wrong answers through the student exercise notebooks, as a student runs them.

    python benchmarks/exercise_fuzz.py              # 1,000 answers per notebook, every notebook
    python benchmarks/exercise_fuzz.py -n 50 00 02  # fewer answers, some notebooks

Each notebook runs in a real Jupyter kernel (nbclient): its setup cell first, then, for each
generated answer, a cell that sets the question's answer variable (as a student's answer cell
does) and the question's own locked check cell, unchanged. Every outcome is one of: "correct"
(the check accepted the answer), "hint" (a Hint whose rendering is at most MAX_LINES lines, the
first naming the question, with no traceback and no ANSI codes) or "other" (anything else: a
traceback from the course's code, a long or bare error). A sound course has no "other".

Not a test: it prints counts per notebook (the README's figure); ``tests/test_exercise_fuzz.py``
runs a few dozen answers per notebook through the same code.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
STUDENT = ROOT / "exercises"
MAX_LINES = 8
CHECK = re.compile(r'check\("(\d\d\.\d+)", (\w+)\)')
ANSI = "\x1b["

#: Helpers defined once in the kernel, for answers that misbehave.
HELPERS = '''
import numpy as _np, pandas as _pd, sys as _sys
class _Boom:
    def __getattr__(self, name): raise RuntimeError("boom")
    def __repr__(self): raise RuntimeError("boom: repr")
    def __iter__(self): raise RuntimeError("boom: iter")
    def __eq__(self, other): raise RuntimeError("boom: eq")
    __hash__ = None
def _recurse(*a, **k): return _recurse(*a, **k)
def _exit(*a, **k): raise SystemExit(1)
def _interrupt(*a, **k): raise KeyboardInterrupt
def _raise(*a, **k): raise ValueError("my bug")
def _returns(value): return lambda *a, **k: value
'''

CODES = ["ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "WEST", "USA", "arm", " geo ", "Armenia", ""]
WORDS = ["align", "hedge", "balance", "more", "fewer", "same", "earlier", "later", "never", "rsct",
         "constructivism", "both", "neither", "opposition", "proximity", "neutral", "drop", "1992-1999",
         "1992\u20131999", "2008-2019", "external acts", "regional", "True", "none", "x" * 200]
FIXED = ["None", "42", "-1", "0", "0.5", "1.5", "99.0", "1e308", "float('nan')", "float('inf')", "True", "False",
         "''", "b'ARM'", "10 ** 5000", "[]", "[None]", "[1, 2]", "{}", "set()", "()", "{'a': 1}", "[[1, 2]]",
         "_pd.DataFrame()", "_pd.DataFrame({'x': [1]})", "_pd.Series([1, 2])", "_np.array([1, 2])",
         "_np.array(['ARM'])", "_np.float64('nan')", "object()", "_Boom()", "_recurse", "_exit", "_interrupt",
         "_raise", "print", "len", "lambda: 0.5", "lambda *a, **k: None", "_returns(_Boom())",
         "_returns(float('nan'))", "_returns('0.5')", "_returns(10 ** 400)", "_returns(_pd.DataFrame())",
         "_returns({'ARM': 1})", "_returns([1] * 100000)", "['ARM'] * 100000", "{1: 2, (1, 2): 3}"]


def _leaf(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return repr(rng.choice(CODES))
    if kind == 1:
        return repr(rng.choice(WORDS))
    if kind == 2:
        return repr(round(rng.uniform(-2, 120), rng.randrange(4)))
    if kind == 3:
        return repr(rng.randrange(-5, 2030))
    if kind == 4:
        return rng.choice(["None", "True", "float('nan')", "''", "_np.int64(3)", "_np.float64(0.5)"])
    return rng.choice(FIXED)


def generate(n: int, seed: int = 0) -> list[str]:
    """``n`` answer expressions: the fixed list first, then random lists, sets, dicts, functions and tables."""
    rng = random.Random(seed)
    out = list(FIXED[:n])
    while len(out) < n:
        kind = rng.randrange(7)
        leaves = [_leaf(rng) for _ in range(rng.randrange(0, 5))]
        if kind == 0:
            out.append(_leaf(rng))
        elif kind == 1:
            out.append("[" + ", ".join(leaves) + "]")
        elif kind == 2:
            out.append("{" + ", ".join(repr(rng.choice(CODES + WORDS)) + ": " + v for v in leaves) + "}")
        elif kind == 3:
            out.append(f"_returns({_leaf(rng)})")
        elif kind == 4:
            out.append(f"_pd.Series([{', '.join(leaves)}], dtype=object)")
        elif kind == 5:
            out.append("{" + ", ".join(f"({_leaf(rng)}, {_leaf(rng)})" for _ in leaves) + "}")
        else:
            cols = rng.sample(["state", "period", "partner", "n_align", "stance", "year", "index", "x"], 3)
            out.append("_pd.DataFrame({" + ", ".join(f"{c!r}: [{_leaf(rng)}]" for c in cols) + "})")
    return out


@dataclass
class Result:
    """Outcomes of one notebook's run: counts and a few examples of anything that is not a hint."""

    notebook: str
    counts: Counter = field(default_factory=Counter)
    others: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0


def _outcome(cell: nbformat.NotebookNode, question: str) -> tuple[str, str]:
    errors = [o for o in cell.outputs if o.output_type == "error"]
    if not errors:
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        return ("correct", "") if f"Question {question}: correct." in text else ("other", "no output")
    error = errors[0]
    lines = list(error.traceback)
    ok = (error.ename == "Hint" and 1 <= len(lines) <= MAX_LINES and lines[0].startswith(f"Question {question}: ")
          and not any(ANSI in line or "Traceback" in line for line in lines))
    return ("hint", "") if ok else ("other", f"{error.ename}: {len(lines)} lines: {' | '.join(lines)[:300]}")


def _fuzz_in(client: NotebookClient, path: Path, answers: list[str]) -> Result:
    """Run ``answers`` through every check cell of the student notebook at ``path``, in ``client``'s kernel."""
    nb = nbformat.read(path, as_version=4)
    setup = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id", "").endswith("-setup"))
    checks = [(m[1], m[2], c.source) for c in nb.cells if c.cell_type == "code"
              and c.metadata.get("nbgrader", {}).get("grade") and (m := CHECK.search(c.source))]
    result = Result(path.name)
    start = time.perf_counter()
    for source in (setup.source, HELPERS):
        client.execute_cell(nbformat.v4.new_code_cell(source), 0)
    for answer in answers:
        for question, name, source in checks:
            client.execute_cell(nbformat.v4.new_code_cell(f"{name} = {answer}"), 0)
            cell = nbformat.v4.new_code_cell(source)
            client.execute_cell(cell, 0)
            kind, detail = _outcome(cell, question)
            result.counts[kind] += 1
            if kind == "other" and len(result.others) < 5:
                result.others.append((question, answer, detail))
    result.seconds = time.perf_counter() - start
    return result


def fuzz_notebooks(paths: list[Path], answers: list[str], timeout: int = 120) -> Iterator[Result]:
    """Run ``answers`` through every check cell of each student notebook, one kernel for all of them."""
    client = NotebookClient(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")]), timeout=timeout, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(STUDENT)}})
    with client.setup_kernel():
        for path in paths:
            yield _fuzz_in(client, path, answers)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000, help="answers per notebook (each goes to every question)")
    parser.add_argument("notebooks", nargs="*", help="notebook numbers, e.g. 00 02 (default: all)")
    args = parser.parse_args()
    paths = sorted(p for p in STUDENT.glob("[0-9][0-9]_*.ipynb") if not args.notebooks or p.name[:2] in args.notebooks)
    answers = generate(args.n)
    print("| notebook | answers | check runs | hint | correct | other | seconds |\n|---|---|---|---|---|---|---|")
    bad = 0
    for r in fuzz_notebooks(paths, answers):
        bad += r.counts["other"]
        print(f"| {r.notebook} | {len(answers)} | {sum(r.counts.values())} | {r.counts['hint']} | {r.counts['correct']} "
              f"| {r.counts['other']} | {r.seconds:.0f} |", flush=True)
        for question, answer, detail in r.others:
            print(f"  other: {question} <- {answer}: {detail}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
