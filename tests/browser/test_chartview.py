"""The chart widget (alliances/widgets/chartview.py) in a real JupyterLab: it embeds once, then a slider
redraws it through Vega changesets (rows and title) without re-embedding, offline."""

from __future__ import annotations

import textwrap

from .jupyterlab_helpers import (
    CHART_MARKS,
    chart_fingerprints,
    count_charts,
    error_outputs,
    open_notebook,
    run_all_and_wait,
    screenshot,
    slider_redraw,
    slider_value,
    write_notebook,
)

CELLS = [
    """\
    import altair as alt
    import ipywidgets as widgets
    from alliances.charts.render import named_data, with_datasets
    from alliances.widgets.chartview import ChartView
    """,
    """\
    def rows(n):
        return [{"x": i, "y": i * i} for i in range(n)]

    bars = alt.Chart(named_data("bars")).mark_bar().encode(x="x:O", y="y:Q")
    template = with_datasets(bars.properties(title={"text": "n = 3", "subtitle": "bars"}), {"bars": rows(3)}).to_dict()
    slider = widgets.IntSlider(value=3, min=1, max=10, description="n")
    view = ChartView()
    slider.observe(lambda change: view.draw(template, {"bars": rows(change["new"])}, title=f"n = {change['new']}"),
                   names="value")
    view.draw(template, {"bars": rows(3)}, title="n = 3")
    widgets.VBox([slider, view])
    """,
]

STATE_JS = """() => [...document.querySelectorAll('.course-chartview')].map(el => ({
  embeds: Number(el.dataset.chartviewEmbeds || 0), updates: Number(el.dataset.chartviewUpdates || 0),
  title: [...el.querySelectorAll('.role-title-text, .role-title-subtitle')].map(t => t.textContent).join('|'),
  bars: el.querySelectorAll('.mark-rect path').length,
  label: (el.matches('[role=graphics-document]') ? el : el.querySelector('[role=graphics-document]'))
    .getAttribute('aria-label')}))"""


def test_chartview_redraws_through_changesets_offline(page, jupyterlab, scratch_dir, tmp_path):
    nb = write_notebook(scratch_dir / "chartview.ipynb", [textwrap.dedent(c) for c in CELLS])
    open_notebook(page, jupyterlab, nb)
    run_all_and_wait(page)
    page.wait_for_function("(sel) => document.querySelectorAll(sel).length >= 1", arg=CHART_MARKS)
    screenshot(page, tmp_path, "1-after-run-all")
    assert error_outputs(page) == []
    (first,) = page.evaluate(STATE_JS)
    assert (first["embeds"], first["title"], first["bars"]) == (1, "n = 3|bars", 3), first
    assert first["label"].startswith("n = 3. bars"), "the description (aria-label) is set"
    before = chart_fingerprints(page)

    redraws = []
    for n in (4, 5, 6):
        redraws.append(slider_redraw(page))
        assert slider_value(page) == str(n)
        page.wait_for_function(f"() => document.querySelector('.course-chartview .role-title-text')"
                               f".textContent === 'n = {n}'")
    print("\nslider keydown -> redrawn chart:", ", ".join(f"{r.ms:.0f} ms" for r in redraws))
    screenshot(page, tmp_path, "2-after-slider")
    (last,) = page.evaluate(STATE_JS)
    assert last["embeds"] == 1, "a redraw must not embed the view anew"
    assert last["updates"] >= 3 and last["bars"] == 6, last
    assert last["title"] == "n = 6|bars" and last["label"].startswith("n = 6. bars"), last
    assert chart_fingerprints(page) != before
    assert count_charts(page) == 1, "the chart is replaced, not stacked"
    assert all(r.min_charts == 1 for r in redraws), "the chart vanished for a frame (flicker)"
    assert error_outputs(page) == []
    assert page.network.remote_requests == [], page.network.remote_requests
    assert [u for u in page.network.urls if "cdn" in u or "jsdelivr" in u or "unpkg" in u] == []
    assert page.console_messages == [], page.console_messages


SAME_CELLS = [
    CELLS[0],
    """\
    def rows(n):
        kept = [{"x": i, "y": i, "k": "kept"} for i in range(3)]          # the same at every step
        moved = [{"x": i, "y": (i + n) % 7, "k": "moved"} for i in range(3, 6)]
        twins = [{"x": 6, "y": 1, "k": "twin"}] * (2 if n % 2 else 1)     # a repeated row, then one fewer
        return kept + moved + twins

    base = alt.Chart(named_data("cells")).encode(x="x:O", y="y:O")
    chart = alt.layer(base.mark_rect().encode(color="k:N"), base.mark_text().encode(text="k:N"))
    template = with_datasets(chart.properties(title="n = 3"), {"cells": rows(3)}).to_dict()
    view, fresh = ChartView(), ChartView()

    def redraw(n):
        view.draw(template, {"cells": rows(n)}, title=f"n = {n}")
        # another structure every time (usermeta is not drawn): embedded anew, the reference
        fresh.draw({**template, "usermeta": {"n": n}}, {"cells": rows(n)}, title=f"n = {n}")

    slider = widgets.IntSlider(value=3, min=1, max=10, description="n")
    slider.observe(lambda change: redraw(change["new"]), names="value")
    redraw(3)
    widgets.VBox([slider, view, fresh])
    """,
]

#: Per chart widget: how often it embedded, and every mark item's markup, sorted.
MARKS_JS = """() => [...document.querySelectorAll('.course-chartview')].map(el => ({
  embeds: Number(el.dataset.chartviewEmbeds || 0), updates: Number(el.dataset.chartviewUpdates || 0),
  title: el.querySelector('.role-title-text')?.textContent,
  items: [...el.querySelectorAll('.role-mark > *')].map(item => item.outerHTML).sort()}))"""


def test_a_redraw_draws_what_a_fresh_embed_draws(page, jupyterlab, scratch_dir, tmp_path):
    """Rows that stay keep their marks, rows that go or come are removed or inserted (a repeated row
    counted as often as it appears): after each step the chart has exactly the marks that embedding
    the same rows anew gives."""
    nb = write_notebook(scratch_dir / "chartview_same.ipynb", [textwrap.dedent(c) for c in SAME_CELLS])
    open_notebook(page, jupyterlab, nb)
    run_all_and_wait(page)
    page.wait_for_function("(sel) => document.querySelectorAll(sel).length >= 2", arg=CHART_MARKS)
    for key, n in (("ArrowRight", 4), ("ArrowRight", 5), ("ArrowRight", 6), ("ArrowLeft", 5)):
        slider_redraw(page, key=key)
        page.wait_for_function(f"""() => [...document.querySelectorAll('.course-chartview .role-title-text')]
                                   .every(t => t.textContent === 'n = {n}')""")
        view, fresh = page.evaluate(MARKS_JS)
        assert view["items"] == fresh["items"], f"n = {n}: the redrawn marks differ from a fresh embed"
        assert len(view["items"]) == 2 * (6 + (2 if n % 2 else 1)), view["items"]
    screenshot(page, tmp_path, "redrawn-and-fresh")
    assert view["embeds"] == 1 and view["updates"] >= 4, view
    assert fresh["embeds"] >= 5, fresh
    assert error_outputs(page) == [] and page.console_messages == [], page.console_messages
