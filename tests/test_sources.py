"""Sources an examiner accepts: no contested row rests on a mirror, a pirated copy or one party's outlet.

- every row of ``events.csv``, ``dyads_observed.csv`` and ``security_acts.csv`` has a non-empty
  ``independent_source`` that names no listed domain;
- no source column anywhere in ``data/*.csv`` cites a listed domain unless the same row also has
  an independent source;
- a party's state media or government site appears only with the label ``(party statement)``;
- the domain list in the codebook equals ``DOMAINS`` in ``scripts/codings/sources.py``;
- every key of ``INDEPENDENT`` matches a row (no stale keys).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT / "scripts"))

from codings import sources as S  # noqa: E402

TABLES = tuple(S.KEY_COLUMNS)


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def _source_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if "source" in c and c != "independent_source"]


def _where(df: pd.DataFrame, i: int, table: str) -> str:
    if table in S.KEY_COLUMNS:
        return str(S.row_key(table, df.iloc[i]))
    return f"row {i + 2}"


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_an_independent_source(table):
    df = _read(f"{table}.csv")
    assert "independent_source" in df.columns, f"{table}.csv has no independent_source column"
    empty = [_where(df, i, table) for i, v in enumerate(df["independent_source"]) if not v.strip()]
    assert not empty, f"{table}.csv: {len(empty)} rows without an independent source: {empty}"
    undocumented = [_where(df, i, table) for i, v in enumerate(df["independent_source"])
                    if v.startswith(S.NO_INDEPENDENT) and S.row_key(table, df.iloc[i]) not in S.UNSOURCED[table]]
    assert not undocumented, f"{table}.csv: 'no independent source' rows not listed in UNSOURCED: {undocumented}"
    listed = [(_where(df, i, table), S.listed_domains(v)) for i, v in enumerate(df["independent_source"])
              if S.listed_domains(v)]
    assert not listed, f"{table}.csv: independent_source cites a listed domain: {listed}"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.csv")))
def test_listed_domains_only_beside_an_independent_source(name):
    """A listed domain needs an independent source in the same row, or the row must be a documented
    exception: ``independent_source`` starts with ``NO_INDEPENDENT`` and the key is in ``UNSOURCED``."""
    df = _read(name)
    table = name.removesuffix(".csv")
    has_independent = None
    if "independent_source" in df:
        documented = S.UNSOURCED.get(table, {})
        has_independent = pd.Series([bool(v.strip()) and (not v.startswith(S.NO_INDEPENDENT)
                                                          or S.row_key(table, df.iloc[i]) in documented)
                                     for i, v in enumerate(df["independent_source"])])
    bad = []
    for col in _source_columns(df):
        for i, text in enumerate(df[col]):
            found = S.listed_domains(text)
            if found and (has_independent is None or not has_independent.iloc[i]):
                bad.append((_where(df, i, name.removesuffix(".csv")), col, found))
    assert not bad, f"{name}: {len(bad)} cells cite a listed domain with no independent source: {bad[:20]}"


@pytest.mark.parametrize("table", TABLES)
def test_party_outlets_are_labelled(table):
    df = _read(f"{table}.csv")
    bad = []
    for col in _source_columns(df) + ["independent_source"]:
        for i, text in enumerate(df[col]):
            for part in S.split_citations(text):
                kinds = {S.DOMAINS[d][0] for d in S.listed_domains(part)}
                if "party_state_media" in kinds and S.PARTY_LABEL not in part:
                    bad.append((_where(df, i, table), col, part[:80]))
    assert not bad, f"{table}.csv: party outlets without '{S.PARTY_LABEL}': {bad}"


def test_codebook_lists_the_same_domains():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    section = text.split("## Sources the course does not rely on alone", 1)
    assert len(section) == 2, "data/README.md has no section 'Sources the course does not rely on alone'"
    body = section[1].split("\n## ", 1)[0]
    rows = dict((d, (k, r.strip())) for d, k, r in re.findall(r"^\| `([^`]+)` \| (\w+) \| (.+?) \|$", body, re.M))
    assert rows == S.DOMAINS


def test_domain_kinds_and_reasons():
    assert {k for k, _ in S.DOMAINS.values()} <= set(S.KINDS)
    assert all(r.strip() for _, r in S.DOMAINS.values())


@pytest.mark.parametrize("table", TABLES)
def test_no_stale_keys(table):
    df = _read(f"{table}.csv")
    keys = {S.row_key(table, r) for _, r in df.iterrows()}
    stale = sorted(map(str, set(S.INDEPENDENT[table]) - keys))
    assert not stale, f"{table}: INDEPENDENT keys that match no row: {stale}"


def test_entries_name_no_listed_domain():
    bad = [(t, k, S.listed_domains(v)) for t, d in S.INDEPENDENT.items() for k, v in d.items()
           if S.listed_domains(v)]
    assert not bad, bad


def test_no_source_default_dyads():
    """A dyad row may lack an independent source only as a documented 0 default with certainty no_source."""
    df = _read("dyads_observed.csv")
    for i, v in enumerate(df["independent_source"]):
        if v.startswith(S.NO_INDEPENDENT):
            r = df.iloc[i]
            assert r["certainty"] == "no_source" and r["score"] == "0", _where(df, i, "dyads_observed")
            assert r["source"].startswith("NO SOURCE"), _where(df, i, "dyads_observed")


def test_unsourced_rows_are_in_the_codebook():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    body = text.split("## Sources the course does not rely on alone", 1)[1].split("\n## ", 1)[0]
    missing = [(t, k) for t, d in S.UNSOURCED.items() for k in d
               if ("`" + (k if isinstance(k, str) else "–".join(k[:2]) + " " + k[2]) + "`") not in body]
    assert not missing, f"UNSOURCED rows not listed in data/README.md: {missing}"
