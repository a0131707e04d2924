"""The offline renderer starts vl_convert once, after a kernel's cell has finished, and changes no chart."""

from __future__ import annotations

import altair as alt

from alliances.charts import render
from tests.helpers import fresh_python


def _chart() -> alt.Chart:
    return alt.Chart(alt.Data(values=[{"a": 1, "b": 2}])).mark_bar().encode(x="a:Q", y="b:Q")


def test_outside_a_kernel_no_warm_up_is_started():
    """A script gains nothing from a warm-up thread (vl_convert holds the GIL while it starts)."""
    assert fresh_python("from alliances.charts import render\n"
                "render.enable_offline_rendering()\n"
                "print(render.warm_up_when_idle(), render.warm_up_thread())") == "False None"


def test_in_a_shell_the_warm_up_starts_once_after_the_cell_has_finished():
    program = ("from IPython.core.interactiveshell import InteractiveShell\n"
               "shell = InteractiveShell.instance()\n"
               "shell.run_cell('from alliances.charts import render\\n"
               "render.enable_offline_rendering()\\n"
               "during = render.warm_up_thread()')\n"
               "from alliances.charts import render\n"
               "thread = render.warm_up_thread()\n"
               "shell.run_cell('render.enable_offline_rendering()')\n"
               "print(shell.user_ns['during'], thread.daemon, render.warm_up_thread() is thread,"
               " render.warm_up_when_idle())")
    assert fresh_python(program) == "None True True False"


def test_the_warm_up_thread_runs_once_per_process():
    first = render.warm_up_static_copies()
    assert render.warm_up_static_copies() is first
    assert first.daemon


def test_a_chart_drawn_during_the_warm_up_is_the_same_as_one_drawn_after_it_finished():
    render.enable_offline_rendering()
    thread = render.warm_up_static_copies()
    during = render.svg_copy(_chart().to_dict())
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert during is not None and during == render.svg_copy(_chart().to_dict())
