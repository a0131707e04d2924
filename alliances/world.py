"""``load_world``: one immutable snapshot of every input the theories read, for a period or a year.

A :class:`World` is built from the validated tables in ``data/``. It holds plain, read-only
mappings keyed by actor codes (``"ARM"``) or ``(state, partner)`` pairs, so a theory model is
a short pure function of it. :meth:`World.replace` returns a copy with changed codings
(validated like the data); the original world and the files are never modified.

Codes: choosers ``ARM AZE GEO``; powers ``RUS TUR IRN WEST`` (WEST = the United States and
the EU as one bloc; ``USA`` and ``EU`` stay available on their own where data allow).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from alliances.data import default_data_dir, load_table
from alliances.schemas import (CHOOSERS, FIRST_YEAR, LAST_YEAR, PERIODS, POWERS,
                               WEST_ACTORS, WEST_CAPABILITY_STATES, WEST_MEMBERS)

#: Capability measures a balance-of-power student can choose, with their units.
MEASURES: Mapping[str, str] = MappingProxyType({
    "cinc": "CoW Composite Index of National Capability (share of the world, 0-1)",
    "milex": "military expenditure, US$ million at constant 2022 prices (SIPRI)",
    "gdp": "GDP, current US$ million (World Bank: GDP per capita x population)",
    "population": "population, persons (World Bank)",
})

ACT_KINDS_HOSTILE_DEFAULT = None  # acts carry their own valence; see Act


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
class Identity:
    """Identity markers of one actor (row of ``identity.csv``)."""

    religion: str
    religion_family: str | None
    religion_branch: str | None
    language_family: str | None
    language_branch: str | None
    ethnic_majority: str | None


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
    choosers, partners
        ``("ARM", "AZE", "GEO")`` and, for each chooser, the actors it faces: the other two
        choosers and ``RUS TUR IRN WEST``.
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
        Per chooser: regime-threatening events and separatist regions active in the years.
    observed
        ``(state, partner)`` → :class:`ObservedCell` — what the states actually did.
        **Theory models never read this**; only :func:`alliances.observed` does.
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
        return tuple(c for c in self.choosers if c != state) + self.powers

    @property
    def actors(self) -> tuple[str, ...]:
        return self.choosers + self.powers

    def acts_between(self, actor: str, target: str) -> tuple[Act, ...]:
        """Active acts of ``actor`` towards ``target``.

        WEST stands for every Western actor in the acts table: USA, EU, NATO, GBR, FRA, DEU.
        """
        actors = (actor,) + (WEST_ACTORS if actor == "WEST" else ())
        targets = (target,) + (WEST_ACTORS if target == "WEST" else ())
        return tuple(a for a in self.acts if a.actor in actors and a.target in targets)

    # -- changing a coding ---------------------------------------------------------------
    def replace(self, **changes) -> "World":
        """A copy of the world with some coded inputs changed; the original is untouched.

        Each keyword names a mapping field and gives the entries to change, e.g.
        ``world.replace(memory={("GEO", "TUR"): 0})``,
        ``world.replace(capability={"cinc": {"RUS": 0.01}})``,
        ``world.replace(kinship={("AZE", "TUR"): 0})``,
        ``world.replace(regime={"ARM": {"polyarchy": 0.2}})``, or ``acts=`` a list of
        act ids to drop (``drop_acts=["tur-closes-armenia-border"]``).

        Raises
        ------
        ValueError
            For an unknown field, an unknown actor or key, or a value out of its range.
        """
        return _replace(self, changes)


def _pair_check(field: str, key, actors: Iterable[str]) -> tuple[str, str]:
    allowed = tuple(actors)
    if not (isinstance(key, tuple) and len(key) == 2 and all(k in allowed for k in key)):
        raise ValueError(f"{field}: key {key!r} is not a (state, partner) pair of codes from "
                         f"{', '.join(allowed)}")
    return key


def _number(field: str, key, value, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise ValueError(f"{field}[{key!r}]: {value!r} is not a number; allowed range {lo} to {hi}")
    if not lo <= value <= hi:
        raise ValueError(f"{field}[{key!r}]: {value!r} is out of range; allowed range {lo} to {hi}")
    return float(value)


def _replace(world: World, changes: dict) -> World:
    updates: dict = {}
    all_codes = world.actors + ("USA", "EU")
    for field, change in changes.items():
        if field == "drop_acts":
            ids = {a.act_id for a in world.acts}
            unknown = [i for i in change if i not in ids]
            if unknown:
                raise ValueError(f"drop_acts: unknown or inactive act id(s) {unknown}; active acts "
                                 f"in {world.when}: {', '.join(sorted(ids))}")
            updates["acts"] = tuple(a for a in world.acts if a.act_id not in set(change))
            continue
        if not isinstance(change, Mapping):
            raise ValueError(f"{field}: give a mapping of the entries to change, e.g. "
                             "{('GEO', 'TUR'): 0}")
        if field in ("memory", "kinship"):
            lo, hi = (-2, 2) if field == "memory" else (0, 1)
            new = dict(getattr(world, field))
            for key, value in change.items():
                _pair_check(field, key, all_codes)
                new[key] = _number(field, key, value, lo, hi)
                if field == "kinship":
                    if new[key] not in (0.0, 1.0):
                        raise ValueError(f"kinship[{key!r}]: {value!r} is not allowed; give 0 (no kinship) or 1 (kin)")
                    new[key] = int(new[key])
            updates[field] = _ro(new)
        elif field == "capability":
            new = {m: dict(v) for m, v in world.capability.items()}
            for measure, per_actor in change.items():
                if measure not in new:
                    raise ValueError(f"capability: unknown measure {measure!r}; allowed: {', '.join(new)}")
                for actor, value in per_actor.items():
                    if actor not in new[measure]:
                        raise ValueError(f"capability[{measure!r}]: unknown actor {actor!r}; allowed: "
                                         f"{', '.join(new[measure])}")
                    new[measure][actor] = _number("capability", (measure, actor), value, 0, math.inf)
            updates[field] = _ro({m: _ro(v) for m, v in new.items()})
        elif field == "regime":
            ranges = {"polyarchy": (0, 1), "polity2": (-10, 10)}
            new = {a: dict(v) for a, v in world.regime.items()}
            for actor, values in change.items():
                if actor not in new:
                    raise ValueError(f"regime: unknown actor {actor!r}; allowed: {', '.join(new)}")
                for name, value in values.items():
                    if name not in ranges:
                        raise ValueError(f"regime: unknown indicator {name!r}; allowed: polyarchy, polity2")
                    new[actor][name] = _number("regime", (actor, name), value, *ranges[name])
            updates[field] = _ro({a: _ro(v) for a, v in new.items()})
        elif field == "identity":
            new = dict(world.identity)
            names = [f.name for f in dataclasses.fields(Identity)]
            for actor, values in change.items():
                if actor not in new:
                    raise ValueError(f"identity: unknown actor {actor!r}; allowed: {', '.join(new)}")
                bad = [k for k in values if k not in names]
                if bad:
                    raise ValueError(f"identity: unknown marker(s) {bad}; allowed: {', '.join(names)}")
                new[actor] = dataclasses.replace(new[actor], **values)
            updates[field] = _ro(new)
        else:
            raise ValueError(f"cannot replace {field!r}; codings you can change: memory, kinship, "
                             "capability, regime, identity, drop_acts")
    return dataclasses.replace(world, **updates)


# ---------------------------------------------------------------------------------------
# Building a world from the tables
# ---------------------------------------------------------------------------------------

def resolve_when(when: str | int) -> tuple[str, str, tuple[int, ...]]:
    """Normalise ``when`` to ``(label, period, years)``.

    Raises
    ------
    ValueError
        If ``when`` is neither one of the periods nor a year 1992–2024.
    """
    allowed = f"one of the periods {', '.join(PERIODS)} or a year {FIRST_YEAR}-{LAST_YEAR}"
    if isinstance(when, str) and when.strip() in PERIODS:
        label = when.strip()
        lo, hi = (int(x) for x in label.split("-"))
        return label, label, tuple(range(lo, hi + 1))
    year: int | None = None
    if isinstance(when, bool):
        year = None
    elif isinstance(when, int):
        year = when
    elif isinstance(when, str) and when.strip().isdigit():
        year = int(when.strip())
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"unknown period or year {when!r}; allowed: {allowed}")
    period = next(p for p in PERIODS if int(p[:4]) <= year <= int(p[5:]))
    return str(year), period, (year,)


def load_world(when: str | int, data_dir: str | Path | None = None) -> World:
    """Return the :class:`World` for a period (``"2008-2019"``) or a year (``2016``).

    Yearly values (capabilities, regime scores) are averaged over the covered years; where a
    series ends before them (CINC ends in 2016, V-Dem in 2019) the latest earlier value is
    used and ``world.notes`` says so. Coded values (observed alignment) are the period's.
    Results are cached per folder and file version; a world is immutable.
    """
    label, period, years = resolve_when(when)
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    stamps = tuple(_stamp_all(folder))
    return _build_world(label, period, years, str(folder.resolve()), stamps)


def _stamp_all(folder: Path):
    from alliances.data import _stamp
    from alliances.schemas import SCHEMAS

    for name in SCHEMAS:
        yield _stamp(folder / f"{name}.csv")


@lru_cache(maxsize=128)
def _build_world(label: str, period: str, years: tuple[int, ...], folder: str,
                 stamps: tuple) -> World:
    t = lambda name: load_table(name, folder)  # noqa: E731 - tiny local alias
    notes: list[str] = []
    lo, hi = years[0], years[-1]

    names = {r.actor: r.name for r in t("actors").itertuples()}
    names["WEST"] = "the West (United States and EU)"

    cap_actors = CHOOSERS + ("RUS", "TUR", "IRN", "USA")
    nmc, sipri, wdi = t("capabilities_nmc"), t("milex_sipri"), t("economy_wdi")
    capability = {}
    for measure, frame, col in (("cinc", nmc, "cinc"), ("milex", sipri, "milex_constant2022_usd_m"),
                                ("gdp", wdi, "gdp_current_usd_m"), ("population", wdi, "population")):
        values = {a: _window_mean(frame, col, a, years, notes, measure)
                  for a in cap_actors + WEST_CAPABILITY_STATES}
        members = [values[a] for a in WEST_CAPABILITY_STATES]
        west = None if any(v is None for v in members) else float(sum(members))
        per_actor = {a: values[a] for a in cap_actors}
        per_actor["WEST"] = west
        capability[measure] = _ro(per_actor)

    borders = {}
    for r in t("land_borders").itertuples():
        borders[(r.state, r.partner)] = borders[(r.partner, r.state)] = bool(r.land_border)
    land_border = {}
    distance = {}
    dist_table = {}
    for r in t("distances").itertuples():
        d = None if pd.isna(r.capital_distance_km) else float(r.capital_distance_km)
        dist_table[(r.state, r.partner)] = dist_table[(r.partner, r.state)] = d
    for s in CHOOSERS:
        for p in tuple(c for c in CHOOSERS if c != s) + POWERS:
            members = (WEST_CAPABILITY_STATES if p == "WEST" else (p,))
            land_border[(s, p)] = any(borders.get((s, m), False) for m in members + (("EU",) if p == "WEST" else ()))
            ds = [dist_table.get((s, m)) for m in members if dist_table.get((s, m)) is not None]
            distance[(s, p)] = min(ds) if ds else None

    acts = tuple(
        Act(r.act_id, r.actor, r.target, r.kind, int(r.valence), int(r.intensity),
            int(r.start_year), None if pd.isna(r.end_year) else int(r.end_year),
            r.label, r.justification, r.source)
        for r in t("security_acts").itertuples()
        if int(r.start_year) <= hi and (pd.isna(r.end_year) or int(r.end_year) >= lo))

    def _opt(v):
        return None if pd.isna(v) else str(v)

    identity = {r.actor: Identity(str(r.religion), _opt(r.religion_family), _opt(r.religion_branch),
                                  _opt(r.language_family), _opt(r.language_branch), _opt(r.ethnic_majority))
                for r in t("identity").itertuples()}
    if "USA" in identity and "EU" in identity:
        us, eu = identity["USA"], identity["EU"]
        identity["WEST"] = Identity(
            "Christianity (Western)" if us.religion_family == eu.religion_family else "mixed",
            *(a if a == b else None for a, b in (
                (us.religion_family, eu.religion_family), (us.religion_branch, eu.religion_branch),
                (us.language_family, eu.language_family), (us.language_branch, eu.language_branch),
                (us.ethnic_majority, eu.ethnic_majority))))

    memory, kinship = {}, {}
    for r in t("identity_dyads").itertuples():
        if pd.isna(r.historical_memory):
            notes.append(f"historical memory {r.state}->{r.partner} is not coded (no source); "
                         "treated as neutral (0).")
            memory[(r.state, r.partner)] = 0.0
        else:
            memory[(r.state, r.partner)] = float(r.historical_memory)
        kinship[(r.state, r.partner)] = int(r.ethnic_kinship)
    for s in CHOOSERS:
        ws = [memory[(s, m)] for m in WEST_MEMBERS if (s, m) in memory]  # NATO: not coded
        if ws:
            memory[(s, "WEST")] = sum(ws) / len(ws)
        kinship[(s, "WEST")] = max((kinship.get((s, m), 0) for m in WEST_MEMBERS), default=0)

    reg = t("regime")
    regime = {}
    for a in cap_actors + WEST_CAPABILITY_STATES:
        regime[a] = {"polyarchy": _window_mean(reg, "vdem_polyarchy", a, years, notes, "V-Dem polyarchy"),
                     "polity2": _window_mean(reg, "polity2", a, years, notes, "polity2")}
    west = {k: [regime[m][k] for m in WEST_CAPABILITY_STATES if regime[m][k] is not None]
            for k in ("polyarchy", "polity2")}
    regime["WEST"] = {k: (sum(v) / len(v) if v else None) for k, v in west.items()}
    regime = {a: _ro(v) for a, v in regime.items() if a in cap_actors + ("WEST",)}

    inst = t("instability_events")
    instability = {s: tuple(InstabilityEvent(r.state, int(r.year), r.kind, r.dimension, r.description)
                            for r in inst.itertuples() if r.state == s and lo <= int(r.year) <= hi)
                   for s in CHOOSERS}
    sep = t("separatist_regions")
    separatism = {s: tuple(SeparatistRegion(r.region, r.state, _opt(r.patron), int(r.active_from),
                                            None if pd.isna(r.active_to) else int(r.active_to))
                           for r in sep.itertuples()
                           if r.state == s and not pd.isna(r.active_from) and int(r.active_from) <= hi
                           and (pd.isna(r.active_to) or int(r.active_to) >= lo))
                  for s in CHOOSERS}

    latent = sep[sep["active_from"].isna()]["region"].tolist()
    if latent:
        notes.append(f"separatism: {', '.join(latent)} coded as latent (no armed conflict, no start "
                     "year), so not counted as an active separatist region.")
    observed = _observed_cells(t("dyads_observed"), period)

    return World(
        when=label, period=period, years=years, choosers=CHOOSERS, powers=POWERS,
        names=_ro(names), capability=_ro(capability), land_border=_ro(land_border),
        distance_km=_ro(distance), acts=acts, identity=_ro(identity), memory=_ro(memory),
        kinship=_ro(kinship), regime=_ro(regime), instability=_ro(instability),
        separatism=_ro(separatism), observed=_ro(observed), notes=tuple(dict.fromkeys(notes)))


def _window_mean(frame: pd.DataFrame, col: str, actor: str, years: tuple[int, ...],
                 notes: list[str], label: str) -> float | None:
    rows = frame[(frame["actor"] == actor) & frame[col].notna()]
    inside = rows[rows["year"].between(years[0], years[-1])]
    if len(inside):
        return float(inside[col].astype(float).mean())
    before = rows[rows["year"] < years[0]]
    if len(before):
        last = int(before["year"].max())
        notes.append(f"{label}: no data for {years[0]}-{years[-1]}; the latest value "
                     f"({last}) is used.")
        return float(before.loc[before["year"] == last, col].astype(float).iloc[0])
    notes.append(f"{label}: no data for {actor} in {years[0]}-{years[-1]}.")
    return None


def _observed_cells(dyads: pd.DataFrame, period: str) -> dict:
    rows = dyads[dyads["period"] == period]
    cells: dict[tuple[str, str], ObservedCell] = {}
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
