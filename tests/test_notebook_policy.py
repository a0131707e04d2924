"""The lessons' stored-output policy (see "Notebook outputs" in the README).

Lessons are committed executed top to bottom in a fresh kernel (scripts/run_notebooks.py),
with their outputs, so GitHub and nbviewer show the static charts; nbval re-runs them and
compares the outputs strictly (tests/nbval_sanitize.cfg masks volatile ids). Widget cells,
whose charts live in widget state, are marked ``# NBVAL_IGNORE_OUTPUT``.
"""

import ast
import json
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
sys.path.insert(0, str(ROOT / "scripts"))
import lesson_plan  # noqa: E402

WIDGET_CALLS = lesson_plan.WIDGET_CALLS


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


# --------------------------------------------------------------------------
# A class period, one control at a time (scripts/lesson_plan.py holds the rules)
# --------------------------------------------------------------------------


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_fits_a_class_period(path):
    """The header states the estimate computed from the lesson itself, and the lesson fits
    60–90 minutes with at most 2,500 words of prose and 8 tables."""
    nb = nbformat.read(path, as_version=4)
    est = lesson_plan.estimate(nb)
    assert est.header() in nb.cells[0].source, (
        f"{path.name}: the time line is not the computed one; run scripts/run_notebooks.py {path.name}")
    assert lesson_plan.SHORTEST <= est.minutes <= lesson_plan.LONGEST, f"{path.name}: {est}"
    assert est.words <= lesson_plan.MAX_WORDS, f"{path.name}: {est.words} words of prose"
    assert est.tables <= lesson_plan.MAX_TABLES, f"{path.name}: {est.tables} tables"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_plumbing_is_hidden_and_the_rest_shown(path):
    """Every code cell longer than two lines is hidden in JupyterLab and on the site; every
    shorter one (the line that runs the model, the widget) is shown."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert lesson_plan.is_hidden(cell) == lesson_plan.is_plumbing(cell), (
                f"{path.name}: run scripts/run_notebooks.py; cell:\n{cell.source[:120]}")


def widget_calls(nb):
    for cell in nb.cells:
        if lesson_plan.is_widget_cell(cell):
            tree = ast.parse(cell.source)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                        and lesson_plan.WIDGET_CALLS.search(node.func.id + "("):
                    yield cell, node


@pytest.mark.parametrize("path", [p for p in LESSONS if "01" <= p.name[:2] <= "07"], ids=lambda p: p.name)
def test_one_new_control_per_widget(path):
    """Lessons 01–07 introduce one control per widget (COURSE.md §10): every explorer names
    exactly one control in ``show`` (a fit button counts as the control), and there is no
    all-controls sandbox (that is lesson 08)."""
    nb = nbformat.read(path, as_version=4)
    for cell, call in widget_calls(nb):
        if call.func.id in ("PeriodView", "Reveal"):  # the period control, the "Show me" button
            continue
        kw = {k.arg: k.value for k in call.keywords}
        assert "show" in kw, f"{path.name}: a widget with every control:\n{cell.source}"
        shown = ast.literal_eval(kw["show"])
        button = "fit_button" in kw and ast.literal_eval(kw["fit_button"])
        assert len(shown) + bool(button) == 1, f"{path.name}: more than one new control:\n{cell.source}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_predict_first_is_not_answered_by_a_static_chart(path):
    """The first code cell after a "Predict first" prompt is a widget: the answer appears only
    after the student acts."""
    nb = nbformat.read(path, as_version=4)
    waiting = None
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "predict first" in cell.source.lower():
            waiting = cell.source
        elif cell.cell_type == "code" and waiting is not None:
            assert lesson_plan.is_widget_cell(cell), (
                f"{path.name}: the prompt {waiting[:80]!r} is followed by a static output:\n{cell.source[:120]}")
            waiting = None


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_chart_has_a_description(path):
    """Every stored chart carries a Vega-Lite ``description`` (its aria-label for screen readers)."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            spec = out.get("data", {}).get(lesson_plan.VEGALITE)
            if spec is not None:
                assert len(spec.get("description", "")) > 20, f"{path.name}: a chart without a description"
