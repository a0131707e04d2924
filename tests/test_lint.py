"""The package passes its linters: ruff (pyflakes, bugbear, complexity ≤ 12, import order), mypy, and no BLAS product.

Both read their settings from ``pyproject.toml``; the failure message is the tools' own report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing_in_the_package():
    result = run("ruff", "check", "--no-cache", "alliances", "benchmarks", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_the_package():
    result = run("mypy", "--cache-dir", str(ROOT / ".mypy_cache"))
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr


BLAS_CALLS = {"dot", "matmul", "inner", "vdot", "tensordot", "einsum"}


def test_the_package_sums_without_blas_so_stored_numbers_do_not_depend_on_the_cpu():
    """No ``a @ b`` and no numpy dot/matmul/einsum in ``alliances/``: a BLAS product's summation
    order depends on the processor, so the last digit of a stored output could change between
    machines (README, "Notebook outputs")."""
    import ast

    found = []
    for path in sorted((ROOT / "alliances").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult) or (
                    isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in BLAS_CALLS):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, "BLAS products: " + ", ".join(found)
