"""A "Show me" button: the answer to a "Predict first" prompt appears only after the student acts.

Examples
--------
::

    Reveal(lambda: charts.stance_heatmap(observed(load_world("1992-1999")), "Observed, 1992-1999"))
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
from IPython.display import display


class Reveal:
    """A button that shows ``make()`` (a chart, a table, any displayable) when pressed.

    Parameters
    ----------
    make
        Called on the first press; what it returns is displayed under the button.
    label
        The button's text.

    The button is disabled once pressed, so the answer is shown once and stays.
    Attributes: ``button``, ``output``, ``widget``.
    """

    def __init__(self, make: Callable[[], Any], label: str = "Show me"):
        self.make = make
        self.button = w.Button(description=label, icon="eye", button_style="info",
                               tooltip="Commit to your prediction first")
        self.output = w.Output()
        self.button.on_click(self.show)
        self.widget = w.VBox([self.button, self.output])

    def show(self, _: Any = None) -> None:
        """Display the answer under the button (what a press does)."""
        self.button.disabled = True
        with self.output:
            display(self.make())

    def _ipython_display_(self) -> None:
        display(self.widget)


__all__ = ["Reveal"]
