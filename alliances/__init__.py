"""Friends and Foes in the South Caucasus: alliance theories as small, tested models.

Where things live:

- :mod:`alliances.data` and :mod:`alliances.schemas` — the validated tables in ``data/``;
- :mod:`alliances.world` — :func:`load_world`, one immutable snapshot of every input;
- :mod:`alliances.similarity` — alliance-portfolio similarity (Signorino–Ritter S, tau-b);
- :mod:`alliances.charts` — Altair charts that render offline, with a static fallback.
"""

from alliances.data import load_table, table_names
from alliances.errors import DataError, ParameterError
from alliances.schemas import CHOOSERS, PERIODS, POWERS
from alliances.world import MEASURES, World, load_world

__all__ = [
    "CHOOSERS", "DataError", "MEASURES", "PERIODS", "POWERS", "ParameterError", "World",
    "load_table", "load_world", "table_names",
]
