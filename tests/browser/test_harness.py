"""The browser harness end to end: offline Altair charts and an ipywidgets slider in JupyterLab."""

from __future__ import annotations

import textwrap

from .jupyterlab_helpers import (
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
    import pandas as pd
    import ipywidgets as widgets
    from IPython.display import display
    from alliances import charts
    charts.enable_offline_rendering()
    """,
    """\
    frame = pd.DataFrame({
        "state": ["Armenia", "Armenia", "Georgia", "Georgia"],
        "partner": ["Russia", "Turkey", "Russia", "Turkey"],
        "score": [0.8, -0.7, -0.9, 0.4],
        "stance": ["align", "balance", "balance", "hedge"],
        "reason": ["Base at Gyumri.", "Closed border.", "Occupation.", "Trade."],
    })
    charts.stance_heatmap(frame, "Harness heat map", "static chart, drawn offline")
    """,
    """\
    def bar_chart(n: int) -> alt.Chart:
        data = pd.DataFrame({"x": list(range(n)), "y": [i * i for i in range(n)]})
        return alt.Chart(data, title=f"n = {n}").mark_bar().encode(x="x:O", y="y:Q")

    slider = widgets.IntSlider(value=3, min=1, max=10, description="n")
    out = widgets.Output()

    def redraw(change=None):
        # clear_output(wait=True): the old chart stays until the new one arrives,
        # so there is no flicker and outputs never stack up.
        with out:
            out.clear_output(wait=True)
            display(bar_chart(slider.value))

    slider.observe(redraw, names="value")
    redraw()
    widgets.VBox([slider, out])
    """,
]


def test_charts_and_slider_render_offline(page, jupyterlab, scratch_dir, tmp_path):
    nb = write_notebook(scratch_dir / "harness.ipynb", [textwrap.dedent(c) for c in CELLS])

    open_notebook(page, jupyterlab, nb)
    run_all_and_wait(page)
    # the chart inside the widget's Output arrives over the comm after the cell is done
    page.wait_for_function(
        "(n) => document.querySelectorAll('.jp-OutputArea-output .vega-embed .marks').length >= n",
        arg=2,
    )
    screenshot(page, tmp_path, "1-after-run-all")

    assert error_outputs(page) == []
    assert count_charts(page) == 2
    assert slider_value(page) == "3"
    before = chart_fingerprints(page)

    redraws = []
    for expected in ("4", "5", "6"):
        redraws.append(slider_redraw(page))
        assert slider_value(page) == expected
        page.wait_for_timeout(300)  # let a late second redraw (if any) show up before the next move
        assert count_charts(page) == 2, "outputs stacked up instead of being replaced"
    print("\nslider keydown -> redrawn chart:", ", ".join(f"{r.ms:.0f} ms" for r in redraws))
    print("  fewest charts in a frame meanwhile:", [r.min_charts for r in redraws],
          "| output height before/min:", [(round(r.height_before), round(r.min_height)) for r in redraws])
    assert all(r.min_charts == 2 for r in redraws), "the chart vanished for a frame (flicker)"
    screenshot(page, tmp_path, "2-after-slider")

    after = chart_fingerprints(page)
    assert after[0] == before[0], "the static heat map must not change"
    assert after[1] != before[1], "the slider's chart did not redraw"
    assert count_charts(page) == 2, "outputs stacked up instead of being replaced"
    assert error_outputs(page) == []
    assert page.network.remote_requests == [], page.network.remote_requests
    # JupyterLab 4.6 bundles Vega-Lite 5.6.1 and Altair 5.5 writes 5.20.1 specs: Vega
    # warns, but draws; anything else on the console is a real problem.
    problems = [m for m in page.console_messages
                if not ("Vega-Lite v5.20" in m and "current version of Vega-Lite" in m)]
    assert problems == [], problems
