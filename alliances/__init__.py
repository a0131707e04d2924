"""Friends and Foes in the South Caucasus: alliance theories as small, tested models.

Where things live (imports run down this list, never up):

- :mod:`alliances.data`, :mod:`alliances.schemas` — the validated tables in ``data/``;
- :mod:`alliances.world` — :func:`load_world`, one immutable snapshot of every input;
- :mod:`alliances.params` — parameter specs: every model's defaults, ranges and controls;
- :mod:`alliances.theories` — the five theories, one module each, and their registry
  (:mod:`alliances.theories.registry`: title, colour, marker of each);
- :mod:`alliances.karabakh`, :mod:`alliances.secession` — the Karabakh arc's models;
- :mod:`alliances.analysis` — what the course computes about the models: observed alignment,
  agreement, theories side by side, sensitivity, alliance-portfolio similarity, over-fitting;
- :mod:`alliances.charts` — Altair charts that render offline, one module per lesson arc;
- :mod:`alliances.widgets` — the explorers and the dashboard (UI only);
- :mod:`alliances.checks` — exercise checks that answer with hints, one module per exercise.
"""

# first, before anything imports jsonschema: its IRI grammar waits until used (alliances/startup.py)
from alliances.startup import defer_rfc3987_syntax

defer_rfc3987_syntax()

from alliances.analysis import compare, observed
from alliances.data import load_table, table_names
from alliances.errors import DataError, ParameterError
from alliances.schemas import CHOOSERS, PERIODS, POWERS
from alliances.theories import THEORIES, explain, parameters, predict
from alliances.world import MEASURES, World, load_world

__all__ = [
    "CHOOSERS", "DataError", "MEASURES", "PERIODS", "POWERS", "ParameterError", "THEORIES",
    "World", "compare", "explain", "load_table", "load_world", "observed", "parameters",
    "predict", "table_names",
]
