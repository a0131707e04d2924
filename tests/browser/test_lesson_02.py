"""Lesson 02 in a real JupyterLab: every cell runs, every chart draws, a weight slider redraws.

The lesson is copied into a scratch folder inside the repository and opened from there, so
the committed notebook (with its stored outputs) is never touched by the browser.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from alliances import load_world
from alliances.theories import predict

from .jupyterlab_helpers import (
    CHART_MARKS,
    chart_fingerprints,
    count_charts,
    error_outputs,
    open_notebook,
    run_all_and_wait,
    screenshot,
    slider_redraw,
)

LESSON = Path(__file__).resolve().parents[2] / "notebooks" / "02_balance_of_threat.ipynb"
VEGALITE = "application/vnd.vegalite.v5+json"
# The first slider on the page is `w intentions` (default 1.0, step 0.05) in the lesson's
# first Explorer. Three presses of ArrowLeft take it to 0.85, where Armenia's predicted
# stance towards Russia turns from hedge to align (checked in Python below).
SLIDER, KEY, PRESSES, TARGET = 0, "ArrowLeft", 3, 0.85


# Each ChartView (alliances/widgets/chartview.py) counts its embeds and its changeset redraws.
_VIEWS_JS = """() => [...document.querySelectorAll('.course-chartview')].map(el => ({
  embeds: Number(el.dataset.chartviewEmbeds || 0), updates: Number(el.dataset.chartviewUpdates || 0),
  marks: el.querySelector('svg.marks') ? el.querySelector('svg.marks').innerHTML : ''}))"""


def _readout(page) -> str:
    """The slider's readout. ``text_content``, not ``inner_text``: JupyterLab skips rendering
    off-screen cells (CSS content-visibility), and ``inner_text`` of an unrendered node is ''."""
    return page.locator(".widget-slider .widget-readout").nth(SLIDER).text_content().strip()


def _expected_charts(nb) -> int:
    """Static charts (cells with a stored Vega-Lite output) plus one per widget cell."""
    static = sum(1 for c in nb.cells if c.cell_type == "code"
                 and any(VEGALITE in o.get("data", {}) for o in c.outputs))
    widgets = sum(1 for c in nb.cells if c.cell_type == "code"
                  and c.source.startswith("# NBVAL_IGNORE_OUTPUT"))
    return static + widgets


def test_the_chosen_slider_move_changes_a_prediction():
    world = load_world("2008-2019")
    before = predict("balance_of_threat", world).set_index(["state", "partner"])["stance"]
    after = predict("balance_of_threat", world, w_intentions=TARGET).set_index(["state", "partner"])["stance"]
    assert (before["ARM", "RUS"], after["ARM", "RUS"]) == ("hedge", "align")


def test_lesson_02_runs_and_a_weight_slider_redraws(page, jupyterlab, scratch_dir, tmp_path):
    original = LESSON.read_bytes()
    nb = nbformat.reads(original.decode("utf-8"), as_version=4)
    copy = scratch_dir / LESSON.name
    shutil.copyfile(LESSON, copy)
    expected = _expected_charts(nb)

    open_notebook(page, jupyterlab, copy)
    run_all_and_wait(page, timeout=120_000)
    # the widgets' charts arrive over the comm after their cells have finished
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length >= n",
                           arg=[CHART_MARKS, expected], timeout=60_000)
    screenshot(page, tmp_path, "1-after-run-all")

    assert error_outputs(page) == []
    assert count_charts(page) == expected
    assert _readout(page) == "1.00"
    before = chart_fingerprints(page)
    views_before = page.evaluate(_VIEWS_JS)
    assert views_before and all(v["embeds"] == 1 for v in views_before), views_before
    summary = page.locator(".widget-html").first
    summary_before = summary.inner_text()

    redraws = [slider_redraw(page, SLIDER, key=KEY) for _ in range(PRESSES)]
    page.wait_for_timeout(500)  # let a late redraw show up
    assert _readout(page) == f"{TARGET:.2f}"
    print("\nslider keydown -> redrawn chart:", ", ".join(f"{r.ms:.0f} ms" for r in redraws))
    assert all(r.min_charts == expected for r in redraws), "a chart vanished for a frame (flicker)"
    page.locator(".widget-slider").nth(SLIDER).scroll_into_view_if_needed()
    screenshot(page, tmp_path, "2-after-slider")
    page.locator(".jp-OutputArea-output .widget-vbox", has=page.locator(".widget-slider")).first.screenshot(
        path=str(tmp_path / "3-explorer.png"))

    after = chart_fingerprints(page)
    assert count_charts(page) == expected, "outputs stacked up instead of being replaced"
    changed = [i for i, (b, a) in enumerate(zip(before, after)) if b != a]
    assert len(changed) == 1, f"exactly the slider's chart should redraw, changed: {changed}"
    views = page.evaluate(_VIEWS_JS)
    assert [v["embeds"] for v in views] == [1] * len(views), "a redraw must not embed the chart anew"
    moved = [i for i, (b, a) in enumerate(zip(views_before, views)) if a["updates"] > b["updates"]]
    assert len(moved) == 1 and views[moved[0]]["marks"] != views_before[moved[0]]["marks"], \
        "the slider's chart is redrawn through a changeset and its marks changed"
    # Azerbaijan now balances Russia, which it did not do: agreement with the record drops
    assert summary.inner_text() != summary_before
    assert error_outputs(page) == []
    assert page.network.remote_requests == [], page.network.remote_requests
    problems = [m for m in page.console_messages
                if not ("Vega-Lite v5.20" in m and "current version of Vega-Lite" in m)]
    assert problems == [], problems
    assert LESSON.read_bytes() == original, "the lesson notebook was modified"
