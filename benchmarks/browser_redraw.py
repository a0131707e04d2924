"""Every control of every lesson, in JupyterLab in headless Chromium: one step to the final redraw.

    python benchmarks/browser_redraw.py                    # every lesson and the naive peer
    python benchmarks/browser_redraw.py 02 08 --steps 6    # some lessons, more steps per control
    python benchmarks/browser_redraw.py none                # only the naive peer and its course twin
    python benchmarks/browser_redraw.py --json out.json --shots shots/
    python benchmarks/browser_redraw.py --report --json out.json   # the tables of that run again

Not a test (no timing is ever asserted); it prints a Markdown table for the README and can
write the raw figures as JSON. It reuses the browser tests' fixtures (``tests/browser/conftest.py``:
a private JupyterLab on 127.0.0.1, Debian's ``/usr/bin/chromium`` driven by playwright, every
request that would leave the machine blocked) by running itself under pytest.

Method
------
Each lesson is copied to a scratch folder, opened and run top to bottom. Then, for every widget
control in page order (sliders, checkboxes, dropdowns, buttons; a disabled one is skipped, as a
student cannot use it), a few single steps are made: one arrow-key press on a slider, one click on
a checkbox, the next option of a dropdown, one click on a button. The time of a step runs from the
input event (a capturing listener stamps ``performance.now()``) to the **last** change to a chart
that follows it: a ``MutationObserver`` on the cell's output area records every mutation inside a
``.vega-embed`` element (marks re-drawn through a changeset) or that adds/removes one (a re-embed),
and the step ends when nothing has changed for :data:`QUIET_MS`. A step that changes no chart
within :data:`NO_CHANGE_MS` is counted as "no redraw" (a control whose effect is in the text).

Dragging: every enabled slider is also dragged once, the way a student drags it: the mouse
presses its handle, moves across the track in :data:`DRAG_MOVES` moves one display frame
(:data:`DRAG_FRAME_MS`) apart, and lets go. Every chart change is stamped (changes closer than
:data:`BURST_MS` make one redraw), and so is every change of the slider's value (its handle's
``aria-valuenow``). Per drag: the values passed and the redraws drawn while the mouse moved; the
longest wait from a value change to the next redraw -- whether intermediate frames keep up (a
redraw may show a later value than the one that started the wait: the widget draws the latest);
and the time from letting go to the last change (the final frame's lag).

The naive peer is what a teacher would write without the course's widgets: ``ipywidgets.interact``
calling a function that predicts, builds the whole Altair chart and returns it, so every step
re-embeds a new Vega view. It gets the same two controls as lesson 02's and lesson 01's first
widgets (a weight slider and the measure dropdown), measured the same way in the same run, and on
the Python side (the callback alone, in this process).

Threshold sliders (align at, balance at) are dragged but left out of the drag summary
(:data:`THRESHOLD_LABELS`).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUIET_MS = 400
NO_CHANGE_MS = 3000
DRAG_MOVES = 24
DRAG_FRAME_MS = 16
BURST_MS = 12

_ARM_JS = """([cell, quiet]) => {
  const area = document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')[cell];
  const b = window.__bench = {t0: null, last: null, mutations: 0, stamps: []};
  const charty = n => n.nodeType === 1 && (n.matches('.vega-embed') || n.querySelector('.vega-embed'));
  if (b.observer) b.observer.disconnect();
  b.observer = new MutationObserver(list => {
    if (b.t0 === null) return;
    for (const m of list) {
      const t = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if ((t && t.closest('.vega-embed')) || [...m.addedNodes, ...m.removedNodes].some(charty)) {
        b.last = performance.now(); b.mutations += 1; b.stamps.push(b.last);
      }
    }
  });
  b.observer.observe(area, {subtree: true, childList: true, attributes: true, characterData: true});
  const start = () => { if (b.t0 === null) b.t0 = performance.now(); };
  for (const kind of ['keydown', 'mousedown', 'change', 'input']) area.addEventListener(kind, start, {capture: true, once: true});
}"""

_DONE_JS = """([quiet, none]) => {
  const b = window.__bench; if (!b || b.t0 === null) return false;
  const now = performance.now();
  return b.last === null ? now - b.t0 > none : now - b.last > quiet;
}"""

_CONTROLS_JS = """() => {
  const cells = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')];
  const out = [];
  cells.forEach((cell, i) => {
    if (!cell.querySelector('.jupyter-widgets')) return;
    cell.querySelectorAll('.widget-slider, .widget-checkbox, .widget-dropdown, .widget-button').forEach((el, j) => {
      const kind = el.classList.contains('widget-slider') ? 'slider'
        : el.classList.contains('widget-checkbox') ? 'checkbox'
        : el.classList.contains('widget-dropdown') ? 'dropdown' : 'button';
      const label = (el.querySelector('.widget-label') || el).textContent.trim().slice(0, 40);
      out.push({cell: i, kind, index: j, label});
    });
  });
  return out;
}"""

_VIEWS_JS = """(cell) => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')[cell]
  .querySelectorAll('.course-chartview')].map(el => ({updates: Number(el.dataset.chartviewUpdates || 0),
  arrived: Number(el.dataset.chartviewArrived || 0), prepare: Number(el.dataset.chartviewPrepareMs || 0),
  draw: Number(el.dataset.chartviewDrawMs || 0)}))"""

CONTROL_SELECTOR = ".widget-slider, .widget-checkbox, .widget-dropdown, .widget-button"

NAIVE_CELLS = [
    "import altair as alt\nimport ipywidgets as widgets\nfrom alliances import charts, load_world\n"
    "from alliances.analysis import observed\nfrom alliances.theories import predict\n"
    "alt.renderers.enable('mimetype')  # JupyterLab's own Vega renderer, offline\n"
    "world = load_world('2008-2019')\nseen = observed(world)",
    "def threat(w_intentions=1.0):\n"
    "    return charts.side_by_side(predict('balance_of_threat', world, w_intentions=w_intentions), seen,\n"
    "                               title='Balance of threat (Walt), 2008-2019')\n"
    "widgets.interact(threat, w_intentions=widgets.FloatSlider(value=1.0, min=0.0, max=1.0, step=0.05));",
    "def power(measure='cinc'):\n"
    "    return charts.side_by_side(predict('balance_of_power', world, measure=measure), seen,\n"
    "                               title='Balance of power (Waltz), 2008-2019')\n"
    "widgets.interact(power, measure=['cinc', 'milex', 'gdp', 'military_personnel']);",
]
COURSE_CELLS = [
    "from alliances import charts\ncharts.enable_offline_rendering()\nfrom alliances.widgets import Explorer",
    "Explorer('balance_of_threat', show=['w_intentions'], period_control=False)",
    "Explorer('balance_of_power', show=['measure'], period_control=False)",
]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


_OPEN_JS = """el => {
  if (el.checkVisibility()) return true;
  // a control in a closed accordion section (the dashboard's theories): open it, as a student does
  const section = el.closest('.jupyter-widget-Collapse, .lm-Collapse, .widget-collapse');
  const header = section && section.querySelector('.jupyter-widget-Collapse-header, .lm-Collapse-header');
  if (header) header.click();
  return false;
}"""


def _shown(page: Any, el: Any) -> bool:
    """Bring control ``el`` into view (opening its closed accordion section first); False if it stays hidden."""
    if not el.evaluate(_OPEN_JS):
        page.wait_for_timeout(QUIET_MS)
        if not el.evaluate("e => e.checkVisibility()"):
            return False
    el.scroll_into_view_if_needed()
    return True


def _step(page: Any, control: dict[str, Any], step: int) -> float | None:
    """One step of one control; the ms to the last chart change, or None if no chart changed."""
    cell = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").nth(control["cell"])
    el = cell.locator(CONTROL_SELECTOR).nth(control["index"])
    if not _shown(page, el):
        return None
    updates_before = page.evaluate(_VIEWS_JS, control["cell"])
    page.evaluate(_ARM_JS, [control["cell"], QUIET_MS])
    if control["kind"] == "slider":
        handle = el.locator(".noUi-handle")
        now, low, high = (float(handle.get_attribute(a) or 0) for a in ("aria-valuenow", "aria-valuemin", "aria-valuemax"))
        key = "ArrowLeft" if (step % 2 == 0 and now > low) or now >= high else "ArrowRight"
        handle.focus()
        page.keyboard.press(key)
    elif control["kind"] == "checkbox":
        el.locator("input").click()
    elif control["kind"] == "dropdown":
        select = el.locator("select")
        options = select.locator("option").all_text_contents()
        current = select.evaluate("s => s.selectedIndex")
        select.select_option(index=(current + 1) % len(options) if step % 2 == 0 else (current - 1) % len(options))
    else:
        el.locator("button").click() if el.locator("button").count() else el.click()
    page.wait_for_function(_DONE_JS, arg=[QUIET_MS, NO_CHANGE_MS], polling=50, timeout=60_000)
    b = page.evaluate("() => [window.__bench.t0, window.__bench.last]")
    if b[1] is None:
        return None
    # where the step went, from the chart widgets that redrew (ChartView stamps each redraw)
    views = page.evaluate(_VIEWS_JS, control["cell"])
    redrawn = [v for v, u in zip(views, updates_before) if v["updates"] > u["updates"]]
    if redrawn:
        split = {"to_page_ms": min(v["arrived"] for v in redrawn) - b[0],
                 "prepare_ms": sum(v["prepare"] for v in redrawn), "draw_ms": sum(v["draw"] for v in redrawn)}
        control.setdefault("split", []).append({k: round(v, 1) for k, v in split.items()})
    return b[1] - b[0]


def _drag(page: Any, control: dict[str, Any]) -> dict[str, Any] | None:
    """Drag one slider's handle across its track; its redraws while moving and after letting go."""
    cell = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").nth(control["cell"])
    el = cell.locator(CONTROL_SELECTOR).nth(control["index"])
    if not _shown(page, el):
        return None
    handle, track = el.locator(".noUi-handle"), el.locator(".noUi-base, .noUi-target").first
    box, lane = handle.bounding_box(), track.bounding_box()
    if not box or not lane:
        return None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    # towards the far end of the track, most of its width
    end = lane["x"] + (0.1 if x > lane["x"] + lane["width"] / 2 else 0.9) * lane["width"]
    page.evaluate(_ARM_JS, [control["cell"], QUIET_MS])
    handle.evaluate("""h => {
      const values = window.__bench.values = [];
      new MutationObserver(() => values.push(performance.now()))
        .observe(h, {attributes: true, attributeFilter: ['aria-valuenow']});
    }""")
    page.mouse.move(x, y)
    page.mouse.down()
    start = page.evaluate("() => performance.now()")
    for k in range(1, DRAG_MOVES + 1):
        page.mouse.move(x + (end - x) * k / DRAG_MOVES, y)
        page.wait_for_timeout(DRAG_FRAME_MS)
    released = page.evaluate("() => performance.now()")
    page.mouse.up()
    page.wait_for_function(_DONE_JS, arg=[QUIET_MS, NO_CHANGE_MS], polling=50, timeout=60_000)
    stamps, values = page.evaluate("() => [window.__bench.stamps, window.__bench.values]")
    bursts: list[float] = []
    for t in stamps:
        if not bursts or t - bursts[-1] > BURST_MS:
            bursts.append(t)
        else:
            bursts[-1] = t  # a burst ends at its last change
    moving = [t for t in bursts if t <= released]
    # a value after which nothing was redrawn changed no chart (a threshold inside a gap between scores)
    waits = [w for w in (next((r for r in bursts if r > v), math.inf) - v for v in values) if w < math.inf]
    return {"cell": control["cell"], "label": control["label"], "drag_ms": round(released - start, 1),
            "values_while_moving": sum(v <= released for v in values), "redraws_while_moving": len(moving),
            "longest_wait_ms": round(max(waits), 1) if waits else None,
            "after_release_ms": round(max(0.0, stamps[-1] - released), 1) if stamps else None}


def _enabled(page: Any, control: dict[str, Any]) -> bool:
    cell = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").nth(control["cell"])
    el = cell.locator(CONTROL_SELECTOR).nth(control["index"])
    return bool(el.evaluate("e => !e.querySelector('[disabled]') && !e.classList.contains('mod-disabled')"
                            " && !e.matches('[disabled]')"))


def measure_notebook(page: Any, lab: Any, path: Path, steps: int, drag: bool = True) -> dict[str, Any]:
    """Run ``path`` in JupyterLab, then step every enabled control ``steps`` times (and drag each
    slider that redraws a chart once, unless ``drag`` is False)."""
    from tests.browser.jupyterlab_helpers import error_outputs, open_notebook, run_all_and_wait

    open_notebook(page, lab, path)
    run_all_and_wait(page, timeout=180_000)
    assert not error_outputs(page), error_outputs(page)
    rows = []
    for control in page.evaluate(_CONTROLS_JS):
        if not _enabled(page, control):
            continue
        n = 1 if control["kind"] == "button" else steps
        times = [_step(page, control, k) for k in range(n)]
        rows.append({**control, "ms": [t for t in times if t is not None],
                     "no_redraw": sum(t is None for t in times), "split": control.get("split", [])})
    # then, once every step is measured, drag each slider whose steps redrew a chart
    drags = [_drag(page, row) for row in rows if drag and row["kind"] == "slider" and row["ms"]]
    shots = os.environ.get("COURSE_BENCH_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(shots) / f"{path.stem}.png"), full_page=False)
    return {"notebook": path.name, "controls": rows, "drags": [d for d in drags if d]}


def summary(result: dict[str, Any]) -> dict[str, Any]:
    times = [t for row in result["controls"] for t in row["ms"]]
    return {"notebook": result["notebook"], "controls": len(result["controls"]), "steps": len(times),
            "no_redraw": sum(r["no_redraw"] for r in result["controls"]),
            "p50": statistics.median(times) if times else None, "p95": p95(times) if times else None,
            "max": max(times) if times else None, **split_summary(result)}


def split_summary(result: dict[str, Any]) -> dict[str, float | None]:
    """Medians over a notebook's steps: input to the new rows reaching the page (widget, kernel, update,
    back), the changesets, and Vega's redraw (summed over the charts a step redraws)."""
    splits = [x for row in result["controls"] for x in row.get("split", [])]
    return {key: statistics.median([x[key] for x in splits]) if splits else None
            for key in ("to_page_ms", "prepare_ms", "draw_ms")}


#: Sliders that move a stance threshold: their values relabel stances only where they cross a score,
#: so most values change no chart and the wait for a redraw cannot be timed (their drags are kept in
#: the JSON, not in the summary).
THRESHOLD_LABELS = ("align at", "balance at")


def drag_summary(result: dict[str, Any]) -> dict[str, Any]:
    """A notebook's drags of sliders other than thresholds: how many; median values passed and redraws
    drawn while moving; the longest wait from a value change to a redraw (p95 and worst); the lag after
    letting go (p95 and worst)."""
    drags = [d for d in result.get("drags", []) if d["label"] not in THRESHOLD_LABELS]
    waits = [d["longest_wait_ms"] for d in drags if d["longest_wait_ms"] is not None]
    lags = [d["after_release_ms"] for d in drags if d["after_release_ms"] is not None]

    def median(key: str) -> float | None:
        return statistics.median([d[key] for d in drags]) if drags else None

    return {"notebook": result["notebook"], "drags": len(drags), "values_median": median("values_while_moving"),
            "redraws_median": median("redraws_while_moving"),
            "longest_wait_p95": p95(waits) if waits else None, "longest_wait_max": max(waits) if waits else None,
            "after_release_p95": p95(lags) if lags else None, "after_release_max": max(lags) if lags else None}


def python_side(repeat: int = 20) -> dict[str, float]:
    """The update on the Python side: the naive callback (predict, build the chart, make the MIME
    bundle a front end receives) against the course's Explorer (predict, swap the data sets)."""
    import altair as alt

    from alliances import charts, load_world
    from alliances.analysis import observed
    from alliances.theories import predict
    from alliances.widgets import Explorer

    alt.renderers.enable("mimetype")
    world = load_world("2008-2019")
    seen = observed(world)
    values = [0.05 * (k % 20) for k in range(repeat)]

    def naive(v: float) -> None:
        chart = charts.side_by_side(predict("balance_of_threat", world, w_intentions=v), seen,
                                    title="Balance of threat (Walt), 2008-2019")
        chart._repr_mimebundle_()

    explorer = Explorer("balance_of_threat", show=["w_intentions"], period_control=False)
    out = {}
    for name, fn in (("naive", naive), ("course", lambda v: explorer.set_values(w_intentions=v))):
        fn(values[0])
        runs = []
        for v in values:
            t = time.perf_counter()
            fn(v)
            runs.append((time.perf_counter() - t) * 1000)
        out[name] = statistics.median(runs)
    return out


def test_benchmark(page, jupyterlab, scratch_dir):  # run by main() under pytest, never by the suite
    from tests.browser.jupyterlab_helpers import write_notebook

    config = json.loads(os.environ["COURSE_BENCH"])
    results = []
    for stem in [s for s in config["lessons"] if s != "none"]:
        source = next((ROOT / "notebooks").glob(f"{stem}*.ipynb"))
        copy = scratch_dir / source.name
        shutil.copy(source, copy)
        results.append(measure_notebook(page, jupyterlab, copy, config["steps"]))
        print(json.dumps(summary(results[-1])), flush=True)
    peers = {}
    for label, cells in (("naive interact", NAIVE_CELLS), ("course Explorer", COURSE_CELLS)):
        path = write_notebook(scratch_dir / f"peer_{label.split()[0]}.ipynb", cells)
        peers[label] = measure_notebook(page, jupyterlab, path, config["steps"] * 2)
        print(json.dumps(summary(peers[label])), flush=True)
    Path(config["out"]).write_text(json.dumps({"lessons": results, "peers": peers}, indent=1))


def main() -> int:
    import argparse

    import pytest

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lessons", nargs="*", default=[f"{k:02d}" for k in range(9)])
    parser.add_argument("--steps", type=int, default=4, help="steps per control (a button: one)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "browser_redraw.json")
    parser.add_argument("--shots", type=Path, help="save a screenshot of each notebook after its controls ran")
    parser.add_argument("--report", action="store_true",
                        help="no browser run: print the tables of an earlier run's --json (and measure the Python side)")
    args = parser.parse_args()
    os.environ["COURSE_BENCH"] = json.dumps({"lessons": args.lessons, "steps": args.steps, "out": str(args.json)})
    if args.shots:
        os.environ["COURSE_BENCH_SHOTS"] = str(args.shots)
    sys.path.insert(0, str(ROOT))
    code = 0 if args.report else pytest.main([__file__, "-p", "tests.browser.conftest", "-q", "-s", "-p", "no:cacheprovider",
                        "-o", "addopts=", "--rootdir", str(ROOT)])
    if code != 0 or not args.json.exists():
        return int(code) or 1
    data = json.loads(args.json.read_text())

    def fmt(v: float | None) -> str:
        return "—" if v is None else f"{v:.0f}"

    print("\n| notebook | controls | steps | no redraw | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|")
    for result in data["lessons"] + list(data["peers"].values()):
        s = summary(result)
        print(f"| {s['notebook']} | {s['controls']} | {s['steps']} | {s['no_redraw']} | {fmt(s['p50'])} "
              f"| {fmt(s['p95'])} | {fmt(s['max'])} |")
    print("\n| notebook | input to rows in the page (median ms) | changesets | Vega redraw |\n|---|---:|---:|---:|")
    for result in data["lessons"] + list(data["peers"].values()):
        s = summary(result)
        if s["to_page_ms"] is not None:
            print(f"| {s['notebook']} | {fmt(s['to_page_ms'])} | {s['prepare_ms']:.1f} | {fmt(s['draw_ms'])} |")
    print("\n| notebook | sliders dragged | values passed (median) | redraws while moving (median) "
          "| longest wait for a redraw p95 / max ms | after letting go p95 / max ms |\n|---|---:|---:|---:|---:|---:|")
    for result in data["lessons"] + list(data["peers"].values()):
        d = drag_summary(result)
        if d["drags"]:
            print(f"| {d['notebook']} | {d['drags']} | {fmt(d['values_median'])} | {fmt(d['redraws_median'])} "
                  f"| {fmt(d['longest_wait_p95'])} / {fmt(d['longest_wait_max'])} "
                  f"| {fmt(d['after_release_p95'])} / {fmt(d['after_release_max'])} |")
    side = python_side()
    print(f"\nPython side, median of 20 updates: naive callback {side['naive']:.1f} ms, "
          f"course Explorer {side['course']:.1f} ms ({side['naive'] / side['course']:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
