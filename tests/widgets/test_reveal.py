"""The "Show me" button: the answer is ready before the press and hidden until it."""

from __future__ import annotations

import altair as alt
import pandas as pd

from alliances.widgets import Reveal


def chart() -> alt.Chart:
    return alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_point().encode(x="x:Q").properties(title="An answer")


def test_a_chart_is_drawn_ahead_and_hidden_until_the_press() -> None:
    calls = []
    reveal = Reveal(lambda: calls.append(1) or chart())
    assert calls == [1], "the answer is computed once, as the button is made"
    assert reveal.view.layout.display == "none" and reveal.view.spec, "drawn, but hidden"
    reveal.show()
    assert reveal.view.layout.display is None and reveal.button.disabled
    assert calls == [1], "a press computes nothing"
    assert reveal.view.description.startswith("An answer")


def test_anything_else_waits_for_the_press() -> None:
    reveal = Reveal(lambda: pd.DataFrame({"a": [1]}))
    assert not reveal.view.spec and reveal.view.layout.display == "none"
    reveal.show()
    assert reveal.button.disabled
