"""Coded rows that ``scripts/build_coded.py`` adds to the shared fact tables, one module a theme.

- :mod:`codings.recent` — rows for 2020–2025 (events, security acts, instability events and the
  observed alignment of the two periods ``2020-2022`` and ``2023-2025``);
- :mod:`codings.sources` — the independent sources for contested rows and the list of domains
  (mirrors, a party's state media, advocacy sites) that may never be a row's only source.

Each row carries its justification and its source; see ``data/README.md`` for the columns.
"""
