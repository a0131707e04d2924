"""A "Show me" button: the answer to a "Predict first" prompt appears only after the student acts.

Examples
--------
::

    Reveal(lambda: charts.stance_heatmap(observed(load_world("1992-1999")), "Observed, 1992-1999"))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import ipywidgets as w
from IPython.display import display

from alliances.widgets.chartview import ChartView


class Reveal:
    """A button that shows ``make()`` (a chart, a table, any displayable) when pressed.

    Parameters
    ----------
    make
        Called once, as the button is made (so a press costs no computing); what it returns
        is shown under the button when pressed.
    label
        The button's text.

    The button is disabled once pressed, so the answer is shown once and stays. A chart is
    drawn ahead, hidden, in a :class:`~alliances.widgets.chartview.ChartView`, and a press
    only unhides it; anything else is displayed in ``output`` on the press. Attributes:
    ``answer``, ``button``, ``view``, ``output``, ``widget``.
    """

    def __init__(self, make: Callable[[], Any], label: str = "Show me"):
        self.make = make
        self.button = w.Button(description=label, icon="eye", button_style="info",
                               tooltip="Commit to your prediction first")
        self.view = ChartView(layout=w.Layout(display="none"))
        self.output = w.Output()
        self.answer = make()
        if isinstance(self.answer, alt.TopLevelMixin):
            self.view.show(self.answer.to_dict())
        self.button.on_click(self.show)
        self.widget = w.VBox([self.button, self.view, self.output])

    def show(self, _: Any = None) -> None:
        """Show the answer under the button (what a press does)."""
        self.button.disabled = True
        if isinstance(self.answer, alt.TopLevelMixin):
            self.view.layout.display = None
        else:
            with self.output:
                display(self.answer)

    def _ipython_display_(self) -> None:
        display(self.widget)


__all__ = ["Reveal"]
