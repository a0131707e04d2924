"""Widgets that let students change a model's variables and watch its output move.

Every control is built from a model's parameter specs (:mod:`alliances.params`) — the single
source of each parameter's default, range and description — so no range is written twice,
and every chart is redrawn in place by swapping its named data sets.

- :mod:`.base` -- :func:`control_for`, the redraw helpers, :class:`~.base.ModelExplorer`,
  :func:`controls_that_change`;
- :mod:`.explorer` -- :class:`Explorer` and :class:`PeriodView` (lessons 01–05);
- :mod:`.karabakh` -- :class:`StabilityExplorer` and :class:`SecessionExplorer` (lessons 06–07);
- :mod:`.dashboard` -- :class:`Dashboard` (lesson 08);
- :mod:`.reveal` -- :class:`Reveal`, a "Show me" button for the answer to a *Predict first* prompt.

Importing this package imports ipywidgets and :mod:`alliances.charts`; nothing outside it
imports it.
"""

from alliances.widgets.base import WHEN_OPTIONS, ModelExplorer, control_for, controls_that_change
from alliances.widgets.dashboard import ORDER, OVER_TIME, Dashboard
from alliances.widgets.explorer import Explorer, PeriodView
from alliances.widgets.karabakh import FIT_STEPS, SecessionExplorer, StabilityExplorer
from alliances.widgets.reveal import Reveal

__all__ = ["FIT_STEPS", "ORDER", "OVER_TIME", "WHEN_OPTIONS", "Dashboard", "Explorer", "ModelExplorer", "PeriodView",
           "Reveal", "SecessionExplorer", "StabilityExplorer", "control_for", "controls_that_change"]
