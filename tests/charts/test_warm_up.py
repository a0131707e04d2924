"""Turning the offline renderer on starts vl_convert in the background, once, and changes no chart."""

from __future__ import annotations

import altair as alt

from alliances.charts import render


def _chart() -> alt.Chart:
    return alt.Chart(alt.Data(values=[{"a": 1, "b": 2}])).mark_bar().encode(x="a:Q", y="b:Q")


def test_the_warm_up_runs_once_per_process_in_a_daemon_thread():
    render.enable_offline_rendering()
    first = render.warm_up_static_copies()
    render.enable_offline_rendering()
    assert render.warm_up_static_copies() is first
    assert first.daemon


def test_a_chart_drawn_after_the_warm_up_is_the_same_as_one_drawn_after_it_finished():
    thread = render.warm_up_static_copies()
    during = render.svg_copy(_chart().to_dict())
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert during is not None and during == render.svg_copy(_chart().to_dict())
