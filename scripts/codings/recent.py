"""Coded rows for 2020–2025: the two periods after the 2020 war.

Row formats (the same tuples as the lists of the same name in ``scripts/build_coded.py``):

- ``EVENTS``: ``(date, end_date, date_precision, event, states, category, narratives, source, note)``
- ``SECURITY_ACTS``: ``(act_id, actor, target, kind, valence, intensity, start_year, end_year,
  label, description, justification, source)``
- ``INSTABILITY``: ``(state, date, kind, dimension, description, source)``
- ``OBSERVED``: ``(state, partner, period, score, justification, source, certainty, coding_basis)``
  for the periods ``2020-2022`` and ``2023-2025``; they replace the shared fact table's rows for
  the periods named in ``REPLACED_PERIODS``.
"""
from __future__ import annotations

#: Periods of ``facts/dyads.csv`` whose rows :data:`OBSERVED` replaces.
REPLACED_PERIODS: tuple[str, ...] = ()

EVENTS: list[tuple] = []
SECURITY_ACTS: list[tuple] = []
INSTABILITY: list[tuple] = []
OBSERVED: list[tuple] = []
