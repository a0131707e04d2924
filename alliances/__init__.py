"""Friends and Foes in the South Caucasus: alliance theories as small, tested models.

Where things live:

- :mod:`alliances.data` and :mod:`alliances.schemas` — the validated tables in ``data/``;
- :mod:`alliances.world` — :func:`load_world`, one immutable snapshot of every input;
- :mod:`alliances.theories` — the five theories, one module each: :func:`predict`,
  :func:`parameters`, :func:`explain`;
- :mod:`alliances.observed` — what the states did (:func:`observed`) and :func:`compare`;
- :mod:`alliances.checks` — exercise checks that answer with hints;
- :mod:`alliances.widgets` — controls built from each theory's parameters;
- :mod:`alliances.karabakh`, :mod:`alliances.secession` — the Karabakh arc's models;
- :mod:`alliances.similarity` — alliance-portfolio similarity (Signorino–Ritter S, tau-b);
- :mod:`alliances.charts` — Altair charts that render offline, with a static fallback.
"""

from alliances.data import load_table, table_names
from alliances.errors import DataError, ParameterError
from alliances.observed import compare, observed
from alliances.schemas import CHOOSERS, PERIODS, POWERS
from alliances.theories import THEORIES, explain, parameters, predict
from alliances.world import MEASURES, World, load_world

__all__ = [
    "CHOOSERS", "DataError", "MEASURES", "PERIODS", "POWERS", "ParameterError", "THEORIES",
    "World", "compare", "explain", "load_table", "load_world", "observed", "parameters",
    "predict", "table_names",
]
