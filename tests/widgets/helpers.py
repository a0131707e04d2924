"""Helpers of the widget tests."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from alliances.charts import VEGALITE_MIME


def shown_spec(output: w.Output) -> dict[str, Any]:
    """The one Vega-Lite spec an ``Output`` shows (it must be replaced, never stacked)."""
    assert len(output.outputs) == 1, "the chart must be replaced, not stacked"
    return output.outputs[0]["data"][VEGALITE_MIME]
