"""The lessons' stored-output policy (see "Notebook outputs" in the README).

Lessons are committed executed top to bottom in a fresh kernel (scripts/run_notebooks.py),
with their outputs, so GitHub and nbviewer show the static charts; nbval re-runs them and
compares the outputs strictly (tests/nbval_sanitize.cfg masks volatile ids). Widget cells,
whose charts live in widget state, are marked ``# NBVAL_IGNORE_OUTPUT``.
"""

import json
import re
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
WIDGET_CALLS = re.compile(r"\b(Explorer|PeriodView|Dashboard|StabilityExplorer|SecessionExplorer|interact|interactive)\(")


def test_there_are_lessons():
    assert LESSONS and LESSONS[0].name == "00_the_puzzle_and_the_region.ipynb"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_executed_top_to_bottom_with_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    # the installed kernel's own display name, or JupyterLab rewrites it on open (a dirty notebook)
    assert nb.metadata["kernelspec"]["display_name"] == KernelSpecManager().get_kernel_spec("python3").display_name
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: run it with scripts/run_notebooks.py"
    for cell in code:
        for out in cell.outputs:
            assert out.output_type != "error", f"{path.name}: stored error output"
            assert not (out.output_type == "stream" and out.name == "stderr"), f"{path.name}: stderr output {out.text[:200]!r}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_widget_cells_are_marked_for_nbval(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and WIDGET_CALLS.search(cell.source) and "import" not in cell.source.split("\n")[-1]:
            assert cell.source.startswith("# NBVAL_IGNORE_OUTPUT"), f"{path.name}: widget cell not marked:\n{cell.source[:200]}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_charts_are_offline_with_a_static_copy(path):
    nb = nbformat.read(path, as_version=4)
    text = json.dumps(nb)
    assert "cdn.jsdelivr" not in text and "<script" not in text, f"{path.name}: loads code from the network"
    charts = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "application/vnd.vegalite.v5+json" in o.get("data", {})]
    for out in charts:
        assert "image/svg+xml" in out["data"], f"{path.name}: a chart has no static SVG copy"
    assert path.stat().st_size < 2_000_000, f"{path.name} is {path.stat().st_size/1e6:.1f} MB"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_structure(path):
    """Every lesson has goals, a Reading critically box, discussion questions and a link to
    its exercise notebook; and a "Predict first" prompt before every widget (COURSE.md §10)."""
    nb = nbformat.read(path, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for needed in ("## Learning goals", "**Reading critically", "## Discussion questions",
                   f"../exercises/{path.name}"):
        assert needed in markdown, f"{path.name} lacks {needed!r}"
    assert (ROOT / "exercises" / path.name).is_file(), f"exercises/{path.name} is missing"
    prompt_seen = False
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "predict first" in cell.source.lower():
            prompt_seen = True
        elif cell.cell_type == "code" and cell.source.startswith("# NBVAL_IGNORE_OUTPUT") and WIDGET_CALLS.search(cell.source):
            assert prompt_seen, f"{path.name}: a widget without a 'Predict first' prompt before it:\n{cell.source[:120]}"
            prompt_seen = False
