"""Helpers to drive JupyterLab 4.6 with playwright (sync API).

Selectors measured to work with JupyterLab 4.6.6 + ipywidgets 8.1 + Chromium 156:

* menu: ``.lm-MenuBar-itemLabel`` "Run" -> ``.lm-Menu-itemLabel`` "Run All Cells"
* kernel state: ``.jp-Notebook-ExecutionIndicator[data-status]`` (idle/busy/...)
  and the cell prompts ``.jp-InputPrompt`` ("[*]:" while queued/running)
* errors: ``.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]``
  (stderr) and ``.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]``
  (tracebacks)
* a drawn Vega chart: ``.jp-OutputArea-output .vega-embed`` with a ``.marks``
  canvas/svg inside (JupyterLab's renderer and the course's ChartView alike)
* ipywidgets slider: ``.widget-slider .noUi-handle`` (click, then ArrowRight)
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "ws", "wss"}

STDERR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
ERROR = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
CHART = ".jp-OutputArea-output .vega-embed"
# the chart's canvas/svg (not a Vega mark group that a chart named "marks": <g class="... marks">)
CHART_MARKS = ".jp-OutputArea-output .vega-embed .marks:not(g)"
SLIDER_HANDLE = ".widget-slider .noUi-handle"


@dataclass
class JupyterLab:
    """A running JupyterLab server."""

    base_url: str
    token: str
    root_dir: Path
    log: Path

    def notebook_url(self, path: Path | str, workspace: str | None = None) -> str:
        """URL that opens ``path`` alone in a fresh workspace (``?reset``)."""
        rel = Path(path).resolve().relative_to(self.root_dir) if Path(path).is_absolute() else Path(path)
        ws = workspace or f"t{uuid.uuid4().hex[:12]}"
        return (
            f"{self.base_url}/lab/workspaces/{ws}/tree/{quote(rel.as_posix())}"
            f"?reset&token={self.token}"
        )


@dataclass
class NetworkRecorder:
    """Records every request of a browser context; blocks those that leave the machine."""

    urls: list[str] = field(default_factory=list)
    remote_requests: list[str] = field(default_factory=list)

    @staticmethod
    def is_local(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES and parts.scheme not in {"ws", "wss"}:
            return True
        return (parts.hostname or "") in LOCAL_HOSTS

    def attach(self, context: Any) -> None:
        context.on("request", self._on_request)
        context.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/]).+"), self._block)

    def _on_request(self, request: Any) -> None:
        self.urls.append(request.url)
        if not self.is_local(request.url):
            self.remote_requests.append(request.url)

    def _block(self, route: Any) -> None:
        url = route.request.url
        if self.is_local(url):
            route.continue_()
        else:
            if url not in self.remote_requests:
                self.remote_requests.append(url)
            route.abort("internetdisconnected")


def write_notebook(path: Path, cells: list[str], kernel: str = "python3") -> Path:
    """Write a minimal nbformat-4 notebook made of code cells."""
    nb = {
        "cells": [
            {"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
             "outputs": [], "source": src}
            for i, src in enumerate(cells)
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": kernel},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb, indent=1))
    return path


def open_notebook(page: Any, lab: JupyterLab, path: Path | str, timeout: float = 60_000) -> None:
    """Open a notebook in a fresh workspace and wait for its kernel to be idle."""
    page.goto(lab.notebook_url(path))
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=timeout)
    wait_for_kernel_idle(page, timeout=timeout)


_PROMPTS_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  return panel ? [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent) : [];
}"""


def run_all_cells(page: Any, attempts: int = 3) -> None:
    """Run -> Run All Cells via the menu bar, as a student would.

    Just after a notebook opens, the command can still be disabled (the panel is
    not yet the "current" widget); then the click does nothing.  So wait for the
    item to be enabled and check that execution really started; retry if not.
    """
    for _ in range(attempts):
        before = page.evaluate(_PROMPTS_JS)
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        item = page.locator(
            ".lm-Menu-item", has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$"))
        )
        item.wait_for()
        if "lm-mod-disabled" in (item.get_attribute("class") or ""):
            page.keyboard.press("Escape")
            page.wait_for_timeout(500)
            continue
        item.click()
        try:
            page.wait_for_function(
                """(before) => {
                  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                  const ind = panel.querySelector('.jp-Notebook-ExecutionIndicator');
                  const now = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent);
                  return (ind && ind.getAttribute('data-status') === 'busy')
                      || now.some(t => t.includes('*')) || JSON.stringify(now) !== JSON.stringify(before);
                }""",
                arg=before,
                timeout=10_000,
                polling="raf",
            )
            return
        except Exception:  # playwright TimeoutError: nothing started, try again
            continue
    raise AssertionError(f"'Run All Cells' did not start execution after {attempts} attempts")


# The toolbar's execution indicator says "idle" before any kernel exists, so it
# cannot tell "ready" from "not started".  With --LabApp.expose_app_in_browser
# the session itself is asked; without it, the status bar text is the fallback.
_IDLE_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
  if (prompts.some(p => p.textContent.includes('*'))) return false;
  const app = window.jupyterapp;
  if (app) {
    const w = app.shell.currentWidget;
    const sc = w && w.sessionContext;
    const k = sc && sc.session && sc.session.kernel;
    return !!(sc && sc.isReady && !sc.pendingInput && k
              && k.connectionStatus === 'connected' && k.status === 'idle');
  }
  const bar = document.querySelector('.jp-StatusBar-Widget');
  return !!bar && /\\|\\s*Idle\\b/.test(bar.textContent);
}"""


def wait_for_kernel_idle(page: Any, timeout: float = 60_000) -> None:
    """Wait until the kernel is idle and no cell shows ``[*]``."""
    page.wait_for_function(_IDLE_JS, timeout=timeout, polling=100)


def run_all_and_wait(page: Any, timeout: float = 60_000) -> None:
    """Run all cells and wait until every code cell has run and the kernel is idle."""
    run_all_cells(page)
    # The cells' models, not their prompts: a cell whose input is hidden (a lesson's plumbing)
    # shows a placeholder instead of its prompt, so its prompt never says "[n]".
    page.wait_for_function(
        """() => {
          const app = window.jupyterapp;
          const w = app && app.shell.currentWidget;
          if (w && w.content && w.content.model) {
            const cells = [...w.content.model.cells].filter(c => c.type === 'code');
            return cells.length > 0 && cells.every(c => c.executionCount !== null);
          }
          const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
          const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
          return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=timeout,
        polling=100,
    )
    wait_for_kernel_idle(page, timeout=timeout)


def error_outputs(page: Any) -> list[str]:
    """Texts of every stderr stream and every error (traceback) output on the page."""
    return [el.inner_text() for el in page.query_selector_all(f"{STDERR}, {ERROR}")]


def count_charts(page: Any) -> int:
    """Number of Vega charts that have actually drawn (a ``.marks`` canvas/svg)."""
    return page.locator(CHART_MARKS).count()


def chart_fingerprints(page: Any) -> list[str]:
    """One string per drawn chart that changes when its picture changes.

    Canvas charts give their pixels (``toDataURL``), SVG charts their markup.
    """
    return page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map(el =>
             el.tagName.toLowerCase() === 'canvas' ? el.toDataURL() : el.outerHTML)""",
        CHART_MARKS,
    )


def move_slider(page: Any, index: int = 0, steps: int = 1, key: str = "ArrowRight") -> None:
    """Focus the ``index``-th ipywidgets slider handle and press ``key`` ``steps`` times."""
    handle = page.locator(SLIDER_HANDLE).nth(index)
    handle.scroll_into_view_if_needed()
    handle.click()
    for _ in range(steps):
        page.keyboard.press(key)


def slider_value(page: Any, index: int = 0) -> str:
    """The readout text next to the ``index``-th slider."""
    return page.locator(".widget-slider .widget-readout").nth(index).inner_text()


def screenshot(page: Any, directory: Path, name: str) -> Path:
    """Full-page PNG into ``directory`` (a test's tmp_path); returns the path."""
    path = Path(directory) / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


_CHANGED_JS = """([sel, old]) => {
  const now = [...document.querySelectorAll(sel)].map(el =>
    el.tagName.toLowerCase() === 'canvas' ? el.toDataURL() : el.outerHTML);
  const changed = now.length === old.length && now.some((f, i) => f !== old[i]);
  if (changed && window.__courseT1 === undefined) window.__courseT1 = performance.now();
  return changed;
}"""


@dataclass
class Redraw:
    """What happened between a slider key press and the redrawn chart."""

    ms: float  # keydown -> first animation frame showing the changed chart
    min_charts: int  # fewest drawn charts seen in any frame meanwhile (< before: a blank flash)
    min_height: float  # smallest total height of the output areas meanwhile (a jump/flicker)
    height_before: float


def slider_redraw(page: Any, index: int = 0, key: str = "ArrowRight", timeout: float = 30_000) -> Redraw:
    """Press ``key`` on a slider, wait for a chart to change and time it.

    The start is stamped by a capturing ``keydown`` listener in the page and the
    end by a ``requestAnimationFrame`` poll of the charts' pixels/markup, so the
    time covers: widget -> kernel -> callback -> new output -> Vega draw.  Every
    frame meanwhile also records how many charts were drawn and how tall the
    output areas were, to detect flicker (a frame with the chart missing).
    """
    handle = page.locator(SLIDER_HANDLE).nth(index)
    handle.scroll_into_view_if_needed()
    handle.click()
    before = chart_fingerprints(page)
    page.evaluate(
        """([marks]) => {
          const height = () => [...document.querySelectorAll('.jp-Cell-outputArea')]
            .reduce((h, el) => h + el.getBoundingClientRect().height, 0);
          window.__courseT0 = undefined; window.__courseT1 = undefined;
          window.__courseMinCharts = document.querySelectorAll(marks).length;
          window.__courseHeight0 = height();
          window.__courseMinHeight = window.__courseHeight0;
          const sample = () => {
            window.__courseMinCharts = Math.min(window.__courseMinCharts, document.querySelectorAll(marks).length);
            window.__courseMinHeight = Math.min(window.__courseMinHeight, height());
            if (window.__courseT1 === undefined) requestAnimationFrame(sample);
          };
          requestAnimationFrame(sample);
          document.addEventListener('keydown', () => {
            if (window.__courseT0 === undefined) window.__courseT0 = performance.now();
          }, {capture: true, once: true});
        }""",
        [CHART_MARKS],
    )
    page.keyboard.press(key)
    page.wait_for_function(_CHANGED_JS, arg=[CHART_MARKS, before], polling="raf", timeout=timeout)
    r = page.evaluate(
        "() => [window.__courseT1 - window.__courseT0, window.__courseMinCharts,"
        " window.__courseMinHeight, window.__courseHeight0]"
    )
    return Redraw(ms=r[0], min_charts=r[1], min_height=r[2], height_before=r[3])
