"""Fixtures of the chart tests: a small prediction frame, and the course renderer enabled."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from alliances import charts


@pytest.fixture
def frame() -> pd.DataFrame:
    rows = [
        ("ARM", "RUS", 0.8, "align", "Armenia hosts a Russian base."),
        ("ARM", "TUR", -0.7, "balance", "The border with Turkey is closed."),
        ("AZE", "RUS", 0.1, "hedge", "Baku buys arms from Moscow but keeps distance."),
        ("AZE", "TUR", 0.9, "align", "The Shusha Declaration is a mutual-aid pact."),
        ("GEO", "RUS", -0.9, "balance", "Russia occupies 20% of Georgia's territory."),
        ("GEO", "TUR", 0.4, "hedge", "Turkey is Georgia's largest trade partner."),
    ]
    return pd.DataFrame(rows, columns=["state", "partner", "score", "stance", "reason"])


@pytest.fixture
def renderer():
    """Enable the course renderer for one test and restore the previous one."""
    previous = alt.renderers.active
    charts.enable_offline_rendering()
    yield
    alt.renderers.enable(previous)
