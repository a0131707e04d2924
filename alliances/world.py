"""``load_world``: one immutable snapshot of every input the theories read, for a period or a year.

A :class:`World` is built from the validated tables in ``data/``. It holds plain, read-only
mappings keyed by actor codes (``"ARM"``) or ``(state, partner)`` pairs, so a theory model is
a short pure function of it. :meth:`World.replace` returns a copy with changed codings,
validated against the same ranges and vocabularies as the data files
(:mod:`alliances.codings`); the original world and the files are never modified.

Codes: choosers ``ARM AZE GEO``; powers ``RUS TUR IRN WEST`` (WEST = the United States and
the EU as one bloc; ``USA`` and ``EU`` stay available on their own where data allow).

Examples
--------
>>> from alliances.world import load_world
>>> world = load_world("2008-2019")
>>> world.partners("GEO")
('ARM', 'AZE', 'RUS', 'TUR', 'IRN', 'WEST')
>>> warmer = world.replace(memory={("GEO", "TUR"): 1})
>>> warmer.memory[("GEO", "TUR")], world.memory[("GEO", "TUR")]
(1.0, -1.0)
"""

from __future__ import annotations

import dataclasses
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd

from alliances import data
from alliances.codings import Identity, Pair, replace_codings
from alliances.data import load_table
from alliances.params import shown
from alliances.schemas import (
    CHOOSERS,
    FIRST_YEAR,
    LAST_YEAR,
    PERIODS,
    POWERS,
    WEST_ACTORS,
    WEST_CAPABILITY_STATES,
    WEST_MEMBERS,
)

#: Capability measures a balance-of-power student can choose, with their units.
MEASURES: Mapping[str, str] = MappingProxyType({
    "cinc": "CoW Composite Index of National Capability (share of the world, 0-1)",
    "milex": "military expenditure, US$ million at constant 2022 prices (SIPRI)",
    "gdp": "GDP, current US$ million (World Bank: GDP per capita x population)",
    "population": "population, persons (World Bank)",
})


# ---------------------------------------------------------------------------------------
# The world and its records
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Act:
    """A coded security act of ``actor`` towards ``target`` (row of ``security_acts.csv``).

    ``valence`` is -1 (hostile to the target) or +1 (supportive of the target);
    ``intensity`` is 1 or 2. Active in a world when its years overlap the world's years.
    """

    act_id: str
    actor: str
    target: str
    kind: str
    valence: int
    intensity: int
    start_year: int
    end_year: int | None
    label: str
    justification: str
    source: str

    @property
    def weight(self) -> int:
        """Signed strength: ``valence * intensity`` (-2 … +2)."""
        return self.valence * self.intensity


@dataclass(frozen=True)
class SeparatistRegion:
    """A separatist conflict on a chooser's soil (row of ``separatist_regions.csv``)."""

    region: str
    state: str
    patron: str | None
    active_from: int
    active_to: int | None


@dataclass(frozen=True)
class InstabilityEvent:
    """A regime-threatening event in a chooser (row of ``instability_events.csv``)."""

    state: str
    year: int
    kind: str
    dimension: str
    description: str


@dataclass(frozen=True)
class ObservedCell:
    """The observed relationship of ``state`` with ``partner`` (coded -2 … +2)."""

    score: float
    justification: str
    source: str
    certainty: str


def _ro(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class World:
    """Every input a theory reads, for one period or year. Immutable; see :meth:`replace`.

    Attributes
    ----------
    when, period, years
        What was asked for, the period it lies in, and the years the snapshot covers.
    choosers, powers
        ``("ARM", "AZE", "GEO")`` and ``("RUS", "TUR", "IRN", "WEST")``. Each chooser faces
        the other two choosers and the powers (:meth:`partners`); :attr:`actors` is both.
    names
        ``names[code]``: the actor's name in prose (``"Georgia"``, ``"the West (…)"``).
    capability
        ``capability[measure][actor]``: mean over the covered years (``MEASURES``); actors
        are the choosers, RUS, TUR, IRN, USA and WEST (the sum of USA, GBR, FRA, DEU).
    land_border, distance_km
        ``(a, b)`` → shared land border (bool) and capital-to-capital distance (km).
        WEST: the nearest of its member states.
    acts
        Security acts (hostility, support, penetration) active in the covered years.
    identity, memory, kinship
        Identity markers per actor; ``(state, partner)`` → coded historical memory (-2 … +2)
        and ethnic kinship (0/1), from the state's point of view.
    regime
        ``regime[actor]`` → ``{"polyarchy": 0-1, "polity2": -10…10}`` (means; None if no data).
    instability, separatism
        Per chooser: regime-threatening events up to the last covered year (earlier years
        included, so that a theory can let them fade) and separatist regions active in the years.
    observed
        ``(state, partner)`` → :class:`ObservedCell` — what the states actually did.
        **Theory models never read this**; only :func:`alliances.analysis.observed` does.
    notes
        Plain-English notes on values carried over from other years or missing.
    """

    when: str
    period: str
    years: tuple[int, ...]
    choosers: tuple[str, ...]
    powers: tuple[str, ...]
    names: Mapping[str, str]
    capability: Mapping[str, Mapping[str, float | None]]
    land_border: Mapping[tuple[str, str], bool]
    distance_km: Mapping[tuple[str, str], float | None]
    acts: tuple[Act, ...]
    identity: Mapping[str, Identity]
    memory: Mapping[tuple[str, str], float]
    kinship: Mapping[tuple[str, str], int]
    regime: Mapping[str, Mapping[str, float | None]]
    instability: Mapping[str, tuple[InstabilityEvent, ...]]
    separatism: Mapping[str, tuple[SeparatistRegion, ...]]
    observed: Mapping[tuple[str, str], ObservedCell]
    notes: tuple[str, ...] = ()

    # -- convenience -------------------------------------------------------------------
    def partners(self, state: str) -> tuple[str, ...]:
        """The actors ``state`` faces: the other choosers, then RUS, TUR, IRN, WEST."""
        found = self._partners.get(state)
        if found is None:
            found = self._partners[state] = tuple(c for c in self.choosers if c != state) + self.powers
        return found

    @cached_property
    def _partners(self) -> dict[str, tuple[str, ...]]:
        """:meth:`partners`' answers so far (every prediction asks for each state's)."""
        return {}

    @property
    def actors(self) -> tuple[str, ...]:
        """The choosers, then the powers."""
        return self.choosers + self.powers

    def acts_between(self, actor: str, target: str) -> tuple[Act, ...]:
        """Active acts of ``actor`` towards ``target``.

        WEST stands for every Western actor in the acts table: USA, EU, NATO, GBR, FRA, DEU.
        """
        found = self._acts_index.get((actor, target))
        if found is None:
            actors = (actor,) + (WEST_ACTORS if actor == "WEST" else ())
            targets = (target,) + (WEST_ACTORS if target == "WEST" else ())
            found = self._acts_index[(actor, target)] = tuple(
                a for a in self.acts if a.actor in actors and a.target in targets)
        return found

    @cached_property
    def _acts_index(self) -> dict[tuple[str, str], tuple[Act, ...]]:
        """:meth:`acts_between`'s answers so far (the models ask each pair thousands of times)."""
        return {}

    # -- changing a coding ---------------------------------------------------------------
    def replace(self, **changes: Any) -> World:
        """A copy of the world with some coded inputs changed; the original is untouched.

        Every value is held to the range or vocabulary its data file allows
        (:mod:`alliances.schemas`). Values the world derives (WEST's capability, memory,
        kinship, regime and identity, from its members) are not recomputed, so a key that
        names a member (USA, EU, GBR …) is refused: change the WEST entry itself.

        Parameters
        ----------
        memory : mapping
            ``{(state, partner): number from -2 to 2}``, e.g. ``{("GEO", "TUR"): 0}``.
        kinship : mapping
            ``{(state, partner): 0 or 1}``, e.g. ``{("AZE", "TUR"): 0}``.
        capability : mapping
            ``{measure: {actor: number ≥ 0}}`` (CINC at most 1), e.g.
            ``{"cinc": {"RUS": 0.01}}``; measures as in :data:`MEASURES`.
        regime : mapping
            ``{actor: {"polyarchy": 0 to 1, "polity2": -10 to 10}}``, either or both, e.g.
            ``{"ARM": {"polyarchy": 0.2}}``.
        identity : mapping
            ``{actor: {marker: value}}`` with the markers of :class:`Identity`, e.g.
            ``{"GEO": {"religion_branch": "sunni"}}``; None marks a marker unknown.
        drop_acts : list of str
            Ids of active acts to leave out, e.g. ``["tur-closes-armenian-border-1993"]``.

        Returns
        -------
        World
            The changed copy.

        Raises
        ------
        ValueError
            For an unknown field, actor, pair or act; a member of WEST as a key; a pair of a
            state with itself; a value out of its range or vocabulary; or a change of the wrong shape (the message
            gives the expected shape).
        """
        return replace_codings(self, changes)


# ---------------------------------------------------------------------------------------
# Building a world from the tables
# ---------------------------------------------------------------------------------------

def resolve_when(when: str | int) -> tuple[str, str, tuple[int, ...]]:
    """Normalise ``when`` to ``(label, period, years)``.

    Raises
    ------
    ValueError
        If ``when`` is neither one of the periods nor a year 1992–2025.
    """
    allowed = f"one of the periods {', '.join(PERIODS)} or a year {FIRST_YEAR}-{LAST_YEAR}"
    text = when.strip() if isinstance(when, str) and len(when) <= 40 else None
    if text in PERIODS:
        lo, hi = (int(x) for x in text.split("-"))
        return text, text, tuple(range(lo, hi + 1))
    year: int | None = None
    if isinstance(when, numbers.Integral) and not isinstance(when, bool) and type(when).__name__ != "bool_":
        year = int(when)  # a Python int or a numpy integer (a year read from a table)
    elif text is not None and text.isascii() and text.isdigit() and len(text) <= 4:
        year = int(text)
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"unknown period or year {shown(when)}; allowed: {allowed}")
    period = next(p for p in PERIODS if int(p[:4]) <= year <= int(p[5:]))
    return str(year), period, (year,)


def load_world(when: str | int, data_dir: str | Path | None = None) -> World:
    """The :class:`World` for a period (``"2008-2019"``) or a year (``2016``).

    Yearly values (capabilities, regime scores) are averaged over the covered years; where a
    series ends before them (CINC ends in 2016, V-Dem in 2019) the latest earlier value is
    used and ``world.notes`` says so. Coded values (observed alignment) are the period's.
    Results are cached per folder and file version; a world is immutable.

    Parameters
    ----------
    when : str or int
        One of :data:`~alliances.schemas.PERIODS` or a year 1992–2025 (an int, a numpy
        integer such as a year read from a table, or its digits as a string).
    data_dir : str or Path, optional
        The data folder (default :func:`~alliances.data.default_data_dir`).

    Returns
    -------
    World

    Raises
    ------
    ValueError
        For an unknown period or year.
    TypeError
        If ``data_dir`` is not a folder path.
    DataError
        If a table is missing or does not match its schema.
    """
    label, period, years = resolve_when(when)
    folder, stamps = data.folder_stamps(data_dir)
    return _build_world(label, period, years, folder, stamps)


def clear_cache() -> None:
    """Forget every cached world and table (for timing cold loads; results never go stale)."""
    for cached in (_build_world, _read_table, _names, _geography, _identity, _memory_and_kinship):
        cached.cache_clear()
    data.clear_cache()


@dataclass(frozen=True)
class _Source:
    """One version of a data folder (its path and every table's stamp, as :func:`load_world` keys it).

    A world's builders read its tables through :meth:`table`, which reads each table once per
    version (the builders only read the frames), and the parts of a world that do not depend on
    its years (geography, names, identity, memory and kinship) are built once per version too:
    a lesson that builds the 39 worlds of a robustness study reads and converts each table
    once instead of 39 times.
    """

    folder: str
    stamps: tuple

    def table(self, name: str) -> pd.DataFrame:
        return _read_table(self, name)


@lru_cache(maxsize=256)
def _read_table(src: _Source, name: str) -> pd.DataFrame:
    return load_table(name, src.folder)


@lru_cache(maxsize=128)
def _build_world(label: str, period: str, years: tuple[int, ...], folder: str,
                 stamps: tuple) -> World:
    src = _Source(folder, stamps)
    notes: list[str] = []
    capability = _capabilities(src, years, notes)
    land_border, distance = _geography(src)
    memory, kinship, memory_notes = _memory_and_kinship(src)
    notes.extend(memory_notes)
    regime = _regime(src, years, notes)
    instability, separatism = _domestic(src, years, notes)
    return World(
        when=label, period=period, years=years, choosers=CHOOSERS, powers=POWERS,
        names=_ro(_names(src)), capability=capability, land_border=_ro(land_border),
        distance_km=_ro(distance), acts=_acts(src, years), identity=_ro(_identity(src)),
        memory=_ro(memory), kinship=_ro(kinship), regime=regime, instability=_ro(instability),
        separatism=_ro(separatism), observed=_ro(_observed_cells(src.table("dyads_observed"), period)),
        notes=tuple(dict.fromkeys(notes)))


_MARKERS = tuple(f.name for f in dataclasses.fields(Identity))
_CAPABILITY_ACTORS = CHOOSERS + ("RUS", "TUR", "IRN", "USA")
_CAPABILITY_SOURCES = {"cinc": ("capabilities_nmc", "cinc"), "milex": ("milex_sipri", "milex_constant2022_usd_m"),
                       "gdp": ("economy_wdi", "gdp_current_usd_m"), "population": ("economy_wdi", "population")}


def _text(value: Any) -> str | None:
    return None if pd.isna(value) else str(value)


def _year(value: Any) -> int | None:
    return None if pd.isna(value) else int(value)


@lru_cache(maxsize=8)
def _names(src: _Source) -> dict[str, str]:
    names = {r.actor: r.name for r in src.table("actors").itertuples()}
    names["WEST"] = "the West (United States and EU)"
    return names


def _capabilities(src: _Source, years: tuple[int, ...], notes: list[str]) -> Mapping[str, Mapping[str, float | None]]:
    """Each measure's window mean per actor; WEST = the sum of its states (None if one is missing)."""
    capability = {}
    for measure, (table, col) in _CAPABILITY_SOURCES.items():
        yearly = _yearly(src, table, col)
        values = {a: _window_mean(yearly, a, years, notes, measure)
                  for a in _CAPABILITY_ACTORS + WEST_CAPABILITY_STATES}
        members = [values[a] for a in WEST_CAPABILITY_STATES]
        per_actor = {a: values[a] for a in _CAPABILITY_ACTORS}
        per_actor["WEST"] = None if any(v is None for v in members) else float(sum(v for v in members if v is not None))
        capability[measure] = _ro(per_actor)
    notes.extend(_spending_disagreements(src, years))
    return _ro(capability)


#: NMC's and SIPRI's military spending (both current US$) for a year disagree when one is more
#: than this many times the other; CINC's spending component is then flagged in ``world.notes``.
SPENDING_DISAGREEMENT = 3.0


def _span(values: pd.Series, fmt: str, sep: str = "–") -> str:
    """``"a"`` or ``"a–b"``: the least and greatest of ``values``, formatted."""
    lo, hi = values.min(), values.max()
    cast = int if "d" in fmt else float
    return fmt.format(cast(lo)) if lo == hi else f"{fmt.format(cast(lo))}{sep}{fmt.format(cast(hi))}"


@lru_cache(maxsize=8)
def _spending_ratios(src: _Source) -> pd.DataFrame:
    """NMC's over SIPRI's military spending per actor-year where one is far from the other (once per version)."""
    both = src.table("capabilities_nmc").merge(src.table("milex_sipri"), on=["actor", "year"])
    both = both[both["milex_current_usd_m"].gt(0) & both["milex_thousand_current_usd"].gt(0)]
    ratio = both["milex_thousand_current_usd"] / 1000 / both["milex_current_usd_m"]
    off = (ratio > SPENDING_DISAGREEMENT) | (ratio < 1 / SPENDING_DISAGREEMENT)
    return both.loc[off, ["actor", "year"]].assign(ratio=ratio[off])


def _spending_disagreements(src: _Source, years: tuple[int, ...]) -> list[str]:
    """Notes for actors whose NMC military spending is far from SIPRI's in the covered years."""
    off = (ratios := _spending_ratios(src))[ratios["year"].between(years[0], years[-1])]  # not query(): it parses
    return [f"cinc: {actor}'s military spending in NMC is {_span(g['ratio'], '{:.1f}')} times SIPRI's in "
            f"{_span(g['year'], '{:d}', '-')}, so the spending part of its CINC is uncertain then."
            for actor, g in off.groupby("actor", sort=True)]


@lru_cache(maxsize=8)
def _geography(src: _Source) -> tuple[dict[Pair, bool], dict[Pair, float | None]]:
    """Land borders and capital distances of each chooser to each partner (WEST: its nearest state)."""
    borders: dict[Pair, bool] = {}
    for r in src.table("land_borders").itertuples():
        borders[(r.state, r.partner)] = borders[(r.partner, r.state)] = bool(r.land_border)
    dist: dict[Pair, float] = {}
    for r in src.table("distances").itertuples():
        if not pd.isna(r.capital_distance_km):
            dist[(r.state, r.partner)] = dist[(r.partner, r.state)] = float(r.capital_distance_km)
    land_border, distance = {}, {}
    for s in CHOOSERS:
        for p in tuple(c for c in CHOOSERS if c != s) + POWERS:
            members = WEST_CAPABILITY_STATES if p == "WEST" else (p,)
            land_border[(s, p)] = any(borders.get((s, m), False) for m in members + (("EU",) if p == "WEST" else ()))
            known = [dist[(s, m)] for m in members if (s, m) in dist]
            distance[(s, p)] = min(known) if known else None
    return land_border, distance


@lru_cache(maxsize=8)
def _all_acts(src: _Source) -> tuple[Act, ...]:
    """Every security act of the data version, once."""
    return tuple(
        Act(r.act_id, r.actor, r.target, r.kind, int(r.valence), int(r.intensity), int(r.start_year),
            _year(r.end_year), r.label, r.justification, r.source)
        for r in src.table("security_acts").itertuples())


def _acts(src: _Source, years: tuple[int, ...]) -> tuple[Act, ...]:
    """The security acts whose years overlap ``years``."""
    lo, hi = years[0], years[-1]
    return tuple(a for a in _all_acts(src) if a.start_year <= hi and (a.end_year is None or a.end_year >= lo))


@lru_cache(maxsize=8)
def _identity(src: _Source) -> dict[str, Identity]:
    """Identity markers per actor; WEST keeps what the USA and the EU share (None where they differ)."""
    identity = {r.actor: Identity(_text(r.religion), _text(r.religion_family), _text(r.religion_branch),
                                  _text(r.language_family), _text(r.language_branch), _text(r.ethnic_majority))
                for r in src.table("identity").itertuples()}
    if "USA" in identity and "EU" in identity:
        us, eu = identity["USA"], identity["EU"]
        shared = {f: (getattr(us, f) if getattr(us, f) == getattr(eu, f) else None) for f in _MARKERS[1:]}
        religion = "Christianity (Western)" if us.religion_family == eu.religion_family else "mixed"
        identity["WEST"] = Identity(religion, **shared)
    return identity


@lru_cache(maxsize=8)
def _memory_and_kinship(src: _Source) -> tuple[dict[Pair, float], dict[Pair, int], tuple[str, ...]]:
    """Coded memory and kinship per (state, partner) and the notes on them; WEST: the mean memory
    and any kinship of its members. (Cached per version: callers copy, never change, the dicts.)"""
    notes: list[str] = []
    memory: dict[Pair, float] = {}
    kinship: dict[Pair, int] = {}
    for r in src.table("identity_dyads").itertuples():
        if pd.isna(r.historical_memory):
            notes.append(f"historical memory {r.state}->{r.partner} is not coded (no source); "
                         "treated as neutral (0).")
        memory[(r.state, r.partner)] = 0.0 if pd.isna(r.historical_memory) else float(r.historical_memory)
        kinship[(r.state, r.partner)] = int(r.ethnic_kinship)
    for s in CHOOSERS:
        ws = [memory[(s, m)] for m in WEST_MEMBERS if (s, m) in memory]  # NATO: not coded
        if ws:
            memory[(s, "WEST")] = sum(ws) / len(ws)
        kinship[(s, "WEST")] = max((kinship.get((s, m), 0) for m in WEST_MEMBERS), default=0)
    return memory, kinship, tuple(notes)


def _regime(src: _Source, years: tuple[int, ...], notes: list[str]) -> Mapping[str, Mapping[str, float | None]]:
    """Polyarchy and polity2 window means per actor; WEST = the mean of its states with data."""
    poly, polity = _yearly(src, "regime", "vdem_polyarchy"), _yearly(src, "regime", "polity2")
    regime = {a: {"polyarchy": _window_mean(poly, a, years, notes, "V-Dem polyarchy"),
                  "polity2": _window_mean(polity, a, years, notes, "polity2")}
              for a in _CAPABILITY_ACTORS + WEST_CAPABILITY_STATES}
    west = {k: [v for v in (regime[m][k] for m in WEST_CAPABILITY_STATES) if v is not None]
            for k in ("polyarchy", "polity2")}
    regime["WEST"] = {k: (sum(v) / len(v) if v else None) for k, v in west.items()}
    return _ro({a: _ro(v) for a, v in regime.items() if a in _CAPABILITY_ACTORS + ("WEST",)})


@lru_cache(maxsize=8)
def _instability_by_state(src: _Source) -> dict[str, tuple[InstabilityEvent, ...]]:
    """Every instability event per chooser, in the table's order, once per data version."""
    events = [InstabilityEvent(r.state, int(r.year), r.kind, r.dimension, r.description)
              for r in src.table("instability_events").itertuples()]
    return {s: tuple(e for e in events if e.state == s) for s in CHOOSERS}


@lru_cache(maxsize=8)
def _separatist_regions(src: _Source) -> tuple[tuple[SeparatistRegion, ...], tuple[str, ...]]:
    """The separatist regions with a start year, and the names of the latent ones, once per data version."""
    sep = src.table("separatist_regions")
    started = sep[sep["active_from"].notna()]
    regions = tuple(SeparatistRegion(r.region, r.state, _text(r.patron), int(r.active_from), _year(r.active_to))
                    for r in started.itertuples())
    return regions, tuple(sep.loc[sep["active_from"].isna(), "region"])


def _domestic(src: _Source, years: tuple[int, ...], notes: list[str]
              ) -> tuple[dict[str, tuple[InstabilityEvent, ...]], dict[str, tuple[SeparatistRegion, ...]]]:
    """Per chooser: instability events up to the last covered year (earlier ones included, so
    a theory can let them fade), and separatist regions active in the years."""
    lo, hi = years[0], years[-1]
    instability = {s: tuple(e for e in events if e.year <= hi) for s, events in _instability_by_state(src).items()}
    regions, latent = _separatist_regions(src)
    separatism = {s: tuple(r for r in regions if r.state == s and r.active_from <= hi
                           and (r.active_to is None or r.active_to >= lo))
                  for s in CHOOSERS}
    if latent:
        notes.append(f"separatism: {', '.join(latent)} coded as latent (no armed conflict, no start "
                     "year), so not counted as an active separatist region.")
    return instability, separatism


@lru_cache(maxsize=32)
def _yearly(src: _Source, table: str, col: str) -> Mapping[str, Mapping[int, float]]:
    """``{actor: {year: value}}`` of one column of a yearly table (missing values left out), once per data version."""
    frame = src.table(table)
    rows = frame.loc[frame[col].notna(), ["actor", "year", col]]
    out: dict[str, dict[int, float]] = {}
    for actor, year, value in rows.itertuples(index=False):
        out.setdefault(actor, {})[int(year)] = float(value)
    return out


def _window_mean(yearly: Mapping[str, Mapping[int, float]], actor: str, years: tuple[int, ...],
                 notes: list[str], label: str) -> float | None:
    series = yearly.get(actor, {})
    inside = [y for y in years if y in series]
    if inside:
        if (inside[0], inside[-1]) != (years[0], years[-1]):
            notes.append(f"{label}: the {years[0]}-{years[-1]} mean covers {inside[0]}-{inside[-1]} only "
                         "(no data for the other years).")
        return sum(series[y] for y in inside) / len(inside)
    before = [y for y in series if y < years[0]]
    if before:
        last = max(before)
        notes.append(f"{label}: no data for {years[0]}-{years[-1]}; the latest value "
                     f"({last}) is used.")
        return series[last]
    notes.append(f"{label}: no data for {actor} in {years[0]}-{years[-1]}.")
    return None


def _observed_cells(dyads: pd.DataFrame, period: str) -> dict[Pair, ObservedCell]:
    rows = dyads[dyads["period"] == period]
    cells: dict[Pair, ObservedCell] = {}
    for r in rows.itertuples():
        cell = ObservedCell(float(r.score), str(r.justification), str(r.source), str(r.certainty))
        cells[(r.state, r.partner)] = cell
        if r.partner in CHOOSERS and r.state in CHOOSERS:
            cells[(r.partner, r.state)] = cell
    for s in CHOOSERS:
        present = [m for m in WEST_MEMBERS if (s, m) in cells]
        members = [cells[(s, m)] for m in present]
        if members:
            cells[(s, "WEST")] = ObservedCell(
                sum(c.score for c in members) / len(members),
                " / ".join(f"{m}: {c.justification}" for m, c in zip(present, members)),
                " / ".join(c.source for c in members),
                "sourced" if all(c.certainty == "sourced" for c in members) else "uncertain")
    return cells
