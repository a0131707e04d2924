"""Long-running use: a widget survives hundreds of control changes, its rows never stack and its
chart is embedded once.

(The soak benchmark, ``benchmarks/soak.py``, measures memory over many more calls; timing and
memory belong there, not in a test.)
"""

from __future__ import annotations

import itertools

from alliances.widgets import Dashboard, Explorer, StabilityExplorer

CHANGES = 400


def test_an_explorer_survives_many_control_changes():
    explorer = Explorer("balance_of_threat", show=["w_intentions", "count_wars"])
    slider, toggle = explorer.controls["w_intentions"], explorer.controls["count_wars"]
    values = [i / 20 for i in range(21)]
    rows = len(explorer.output.datasets["predicted"])
    for i, period in zip(range(CHANGES), itertools.cycle(["2008-2019", "1995", "2023-2025"])):
        slider.value = values[(7 * i) % len(values)]
        if i % 50 == 0:
            toggle.value = not toggle.value
            explorer.period.value = period
        assert len(explorer.output.datasets["predicted"]) == rows, "redraws must replace the rows, not stack"
    assert "Not a valid setting" not in explorer.summary.value
    assert explorer.output.embeds == 1, "the template is sent once; every redraw is a changeset"
    assert not explorer.prediction.empty


def test_the_dashboard_and_a_karabakh_explorer_survive_many_control_changes():
    dashboard = Dashboard()
    weight = dashboard.controls["rsct"]["w_penetration"]
    stability = StabilityExplorer()
    threshold = stability.controls["threshold"]
    rows = len(stability.output.datasets["stability"])
    for i in range(CHANGES // 2):
        weight.value = ((3 * i) % 21) / 20
        threshold.value = ((5 * i) % 21) / 20
        assert all(view.embeds == 1 for view in dashboard.outputs.values()), "each chart is embedded once"
        assert stability.output.embeds == 1
        assert len(stability.output.datasets["stability"]) == rows, "the rows are replaced, not stacked"
    assert len(dashboard.predictions) == len(dashboard.theories)
