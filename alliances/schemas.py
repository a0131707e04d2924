"""Schemas of the course's data tables: column types, ranges, allowed codes and keys.

One entry per file in ``data/``. The codebook (``data/README.md``) documents the same
columns in words; ``tests/test_codebook.py`` checks that the two agree.

The ranges and vocabularies that :meth:`alliances.world.World.replace` also enforces are
named constants here (``MEMORY_RANGE``, ``KINSHIP_VALUES``, ``CINC_RANGE``,
``POLYARCHY_RANGE``, ``POLITY2_RANGE``, ``RELIGION_FAMILIES``, ``RELIGION_BRANCHES``,
``LANGUAGE_FAMILIES``, ``LANGUAGE_BRANCHES``), so a changed coding is held to the same
rules as the data files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # pandera is imported only when a schema is first built (see TableSchema.pandera)
    import pandera.pandas as pa

CHOOSERS: tuple[str, ...] = ("ARM", "AZE", "GEO")
POWERS: tuple[str, ...] = ("RUS", "TUR", "IRN", "WEST")
WEST_MEMBERS: tuple[str, ...] = ("USA", "EU", "NATO")
#: States whose capabilities are summed into the WEST bloc (the extracts have no EU total).
WEST_CAPABILITY_STATES: tuple[str, ...] = ("USA", "GBR", "FRA", "DEU")
#: Every code that acts as part of WEST in coded acts (security_acts.csv).
WEST_ACTORS: tuple[str, ...] = WEST_MEMBERS + WEST_CAPABILITY_STATES[1:]
STATES = CHOOSERS + ("RUS", "TUR", "IRN", "USA") + ("GBR", "FRA", "DEU")
ACTORS = STATES + ("EU",)
PERIODS: tuple[str, ...] = ("1992-1999", "2000-2007", "2008-2019", "2020-2022", "2023-2025")
FIRST_YEAR, LAST_YEAR = 1992, 2025

#: Coded historical memory (identity_dyads.historical_memory), -2 (enmity) … +2 (amity).
MEMORY_RANGE: tuple[int, int] = (-2, 2)
#: Coded ethnic kinship (identity_dyads.ethnic_kinship): 0 no kinship, 1 kin.
KINSHIP_VALUES: tuple[int, ...] = (0, 1)
#: CoW CINC, a share of the world's capability (capabilities_nmc.cinc).
CINC_RANGE: tuple[float, float] = (0, 1)
#: V-Dem electoral democracy index (regime.vdem_polyarchy) and Polity2 (regime.polity2).
POLYARCHY_RANGE: tuple[float, float] = (0, 1)
POLITY2_RANGE: tuple[int, int] = (-10, 10)
#: Identity vocabularies (identity.csv; the codebook lists the same values). Empty = unknown.
RELIGION_FAMILIES: tuple[str, ...] = ("christian", "muslim")
RELIGION_BRANCHES: tuple[str, ...] = ("eastern_orthodox", "oriental_orthodox", "western_christian", "shia", "sunni")
LANGUAGE_FAMILIES: tuple[str, ...] = ("indo_european", "turkic", "kartvelian")
LANGUAGE_BRANCHES: tuple[str, ...] = ("armenian", "slavic", "iranian", "germanic", "oghuz")
#: The coded columns of secession_cases.csv, each justified cell by cell in secession_justifications.csv.
SECESSION_CODED_COLUMNS: tuple[str, ...] = (
    "outcome", "geography", "border_with_patron", "patron", "territory_share_pct",
    "share_of_parent_population_pct", "prior_statehood", "parent_structure", "unsc_territorial_integrity")


@dataclass(frozen=True)
class Rule:
    """One check on a column's non-missing values, declared without importing pandera.

    ``kind`` is one of ``in_range`` (``args = (lo, hi)``, both ends allowed), ``isin``
    (``args`` = the allowed values), ``ge`` (``args = (minimum,)``), ``str_matches``
    (``args = (pattern,)``, matched from the start as :meth:`pandas.Series.str.match` does)
    or ``format`` (``args = (test,)``, a function of the column's non-missing values that
    returns one bool per value, named ``name``). :meth:`to_pandera` gives pandera's check of
    the same name (``Check.in_range`` …), :meth:`holds` reads the same rule with pandas.
    """

    kind: str
    args: tuple
    name: str = ""

    def holds(self, values: pd.Series) -> bool:
        """Whether every value of ``values`` (non-missing, of the column's type) passes."""
        if self.kind == "in_range":
            lo, hi = self.args
            return bool(((values >= lo) & (values <= hi)).all())
        if self.kind == "ge":
            return bool((values >= self.args[0]).all())
        if self.kind == "isin":
            return bool(values.isin(list(self.args)).all())
        if self.kind == "str_matches":
            return bool(values.str.match(self.args[0]).astype(bool).all())
        if self.kind == "format":
            return bool(np.asarray(self.args[0](values), dtype=bool).all())
        raise ValueError(f"unknown rule kind {self.kind!r}")

    def to_pandera(self) -> pa.Check:
        """pandera's check of this rule (its name is what a failure message translates)."""
        import pandera.pandas as pa

        if self.kind == "in_range":
            return pa.Check.in_range(*self.args)
        if self.kind == "ge":
            return pa.Check.greater_than_or_equal_to(self.args[0])
        if self.kind == "isin":
            return pa.Check.isin(list(self.args))
        if self.kind == "str_matches":
            return pa.Check.str_matches(self.args[0])
        if self.kind == "format":
            test = self.args[0]
            return pa.Check(lambda s: pd.Series(np.asarray(test(s), dtype=bool), index=s.index),
                            element_wise=False, name=self.name)
        raise ValueError(f"unknown rule kind {self.kind!r}")


@dataclass(frozen=True)
class Col:
    """One column: ``kind`` is int, float, str or bool; ``checks`` are its :class:`Rule` s."""

    kind: str
    required: bool = False
    checks: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class TableSchema:
    """One table's rules.

    ``columns`` maps each column to its kind (int, float, str, bool; every float must be
    finite: ``inf`` and ``1e400`` are refused); ``key`` must be unique. Table-level rules:
    ``ordered`` pairs ``(start, end)`` of columns where the end may not come before the start
    (numbers, or ISO dates compared at the end's precision); ``references`` columns whose
    codes must be actors of ``actors.csv``; ``complete`` the actors a yearly table must hold,
    each with one unbroken run of years from the table's first year (so a file cut off at a
    row boundary is noticed).
    """

    columns: dict[str, str]
    key: tuple[str, ...]
    specs: dict[str, Col] = field(repr=False)
    ordered: tuple[tuple[str, str], ...] = ()
    references: tuple[str, ...] = ()
    complete: tuple[str, ...] = ()

    def nullable(self, column: str) -> bool:
        """Whether ``column`` may hold missing values (no: required columns and the key)."""
        return not (self.specs[column].required or column in self.key)

    @cached_property
    def pandera(self) -> pa.DataFrameSchema:
        """The table's pandera schema: dtypes, missing values, rules, a unique key; extra columns allowed.

        Built, and pandera imported, the first time it is asked for: :func:`alliances.data.load_table`
        asks only when :meth:`plainly_sound` finds a problem, so that pandera can name it.
        """
        import pandera.pandas as pa

        return pa.DataFrameSchema(
            {name: pa.Column(DTYPES[c.kind], checks=[rule.to_pandera() for rule in c.checks],
                             nullable=self.nullable(name))
             for name, c in self.specs.items()},
            unique=list(self.key) if self.key else None,
            strict=False,
        )

    def plainly_sound(self, frame: pd.DataFrame) -> bool:
        """True if ``frame`` passes :attr:`pandera`, read with pandas alone (pandera is not imported).

        The same rules, read at least as strictly: every column present with exactly its
        declared dtype, no missing value where none is allowed, every rule true of every
        non-missing value, the key unique. False means "let pandera look": the schema then
        names each problem (``tests/test_schemas.py`` checks that True never passes a frame
        pandera refuses, and that every course table is read this way).
        """
        for name, col in self.specs.items():
            if name not in frame.columns or str(frame[name].dtype) != DTYPES[col.kind]:
                return False
            values = frame[name]
            missing = values.isna()
            if missing.any():
                if not self.nullable(name):
                    return False
                values = values[~missing]
            if not all(rule.holds(values) for rule in col.checks):
                return False
        return not (self.key and frame.duplicated(subset=list(self.key)).any())


#: The pandas dtype of each column kind (what the loader converts to and pandera checks).
DTYPES: dict[str, str] = {"int": "Int64", "float": "float64", "str": "string", "bool": "boolean"}


def _table(columns: dict[str, Col], key: tuple[str, ...], *, ordered: tuple[tuple[str, str], ...] = (),
           references: tuple[str, ...] = (), complete: tuple[str, ...] = ()) -> TableSchema:
    return TableSchema({n: c.kind for n, c in columns.items()}, tuple(key), dict(columns),
                       ordered=ordered, references=references, complete=complete)


def _in(values) -> tuple[Rule, ...]:
    return (Rule("isin", tuple(values)),)


def _range(lo, hi) -> tuple[Rule, ...]:
    return (Rule("in_range", (lo, hi)),)


def _nonneg() -> tuple[Rule, ...]:
    return (Rule("ge", (0,)),)


YEAR = Col("int", True, _range(FIRST_YEAR, LAST_YEAR))
ANY_YEAR = Col("int", False, _range(1700, 2050))
SHARE = Col("float", False, _range(0, 100))
TEXT = Col("str")
REQ_TEXT = Col("str", True)
NONNEG = Col("float", False, _nonneg())
FLAG = Col("int", False, _in([0, 1]))


SCHEMAS: dict[str, TableSchema] = {}

CODE = (Rule("str_matches", (r"^[A-Z]{2,4}$",)),)
STATE = Col("str", True, _in(CHOOSERS))
NUM_ACTOR = Col("str", True, _in(STATES))
PERIOD = Col("str", True, _in(PERIODS))
SOURCE = Col("str", True)
#: ``independent_source`` (events, dyads_observed, security_acts): an independent, authoritative
#: source, required on every row; a row for which none was found says so ("NO INDEPENDENT SOURCE
#: FOUND: ...", listed in ``UNSOURCED`` in ``scripts/codings/sources.py``).
INDEPENDENT_SOURCE = Col("str", True)
#: memberships: optional (rows whose own ``source`` is independent need none).
MEMBERSHIP_INDEPENDENT_SOURCE = Col("str", False)
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def is_iso_date(text: str) -> bool:
    """Whether ``text`` is a calendar date written ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    >>> is_iso_date("2020-11-10"), is_iso_date("2020-02"), is_iso_date("10/11/2020"), is_iso_date("2021-02-29")
    (True, True, False, False)
    """
    if not _ISO_DATE.fullmatch(text):
        return False
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


#: An ISO date (``events.csv``, ``memberships.csv`` …): the Karabakh model and the charts parse these.
_DATE_CHECK = Rule("format", (lambda s: [is_iso_date(v) for v in s.tolist()],),
                   name="format: a calendar date written YYYY, YYYY-MM or YYYY-MM-DD")
DATE = Col("str", False, (_DATE_CHECK,))
REQ_DATE = Col("str", True, (_DATE_CHECK,))
#: ``arms_transfers.delivery_years``: years separated by semicolons, e.g. ``2016; 2017``.
DELIVERY_YEARS = Col("str", False, (Rule("format", (lambda s: s.str.fullmatch(r"\d{4}(; ?\d{4})*").astype(bool),),
                                         name="format: years separated by semicolons, e.g. '2016; 2017'"),))


def _yearly(**columns: Col) -> dict[str, Col]:
    return {"actor": NUM_ACTOR, "year": YEAR, **columns}


SCHEMAS.update({
    # ---------------------------------------------------------------- numeric, yearly
    "capabilities_nmc": _table(_yearly(
        cinc=Col("float", False, _range(*CINC_RANGE)),
        milex_thousand_current_usd=NONNEG, milper_thousand=NONNEG, irst_thousand_tons=NONNEG,
        pec_thousand_coal_tons=NONNEG, tpop_thousand=NONNEG, upop_thousand=NONNEG,
    ), ("actor", "year"), complete=STATES),
    "milex_sipri": _table(_yearly(
        milex_constant2022_usd_m=NONNEG, milex_current_usd_m=NONNEG,
        milex_share_gdp_pct=SHARE, milex_share_govt_pct=SHARE, source_release=REQ_TEXT,
    ), ("actor", "year"), complete=STATES),
    "economy_wdi": _table(_yearly(
        population=NONNEG, gdp_per_capita_current_usd=NONNEG, gdp_current_usd_m=NONNEG,
        gdp_per_capita_ppp_current_intl=NONNEG,
    ), ("actor", "year"), complete=STATES),
    "arms_imports_tiv": _table(_yearly(arms_imports_tiv_m=NONNEG), ("actor", "year"), complete=STATES),
    "regime": _table(_yearly(
        polity2=Col("int", False, _range(*POLITY2_RANGE)), vdem_polyarchy=Col("float", False, _range(*POLYARCHY_RANGE)),
        uds_quick=Col("float", False, _range(-3, 3)),
    ), ("actor", "year"), complete=STATES),
    "territorial_threat": _table(_yearly(
        lterrthreat=Col("float", True), lterrthreat_sd=NONNEG, lterrthreat_lwr=Col("float"),
        lterrthreat_upr=Col("float"),
    ), ("actor", "year"), complete=STATES),
    "unga_ideal_points": _table({
        "actor": Col("str", True, CODE), "year": YEAR, "ideal_point": Col("float", True, _range(-5, 5)),
        "ideal_point_all": Col("float", False, _range(-5, 5)), "n_votes": Col("int", False, _nonneg()),
    }, ("actor", "year")),
    # ---------------------------------------------------------------- numeric, dyadic
    "unga_distance": _table({
        "state": STATE, "partner": NUM_ACTOR, "year": YEAR,
        "ideal_point_distance": Col("float", True, _range(0, 10)),
    }, ("state", "partner", "year")),
    "atop_dyad_years": _table({
        "state": STATE, "partner": Col("str", True, CODE), "year": YEAR,
        "defense": FLAG, "offense": FLAG, "neutral": FLAG, "nonaggression": FLAG, "consultation": FLAG,
    }, ("state", "partner", "year")),
    "arms_transfers": _table({
        "deal_id": Col("int", True), "recipient": Col("str", True, CODE), "recipient_name": REQ_TEXT,
        "supplier": Col("str", False, CODE), "supplier_name": REQ_TEXT,
        "year_of_order": Col("int", True, _range(1990, 2030)), "number_ordered": NONNEG,
        "weapon_designation": REQ_TEXT, "weapon_description": REQ_TEXT, "number_delivered": NONNEG,
        "delivery_years": DELIVERY_YEARS, "tiv_per_unit_m": NONNEG, "tiv_total_order_m": NONNEG,
        "tiv_delivered_m": NONNEG, "status": TEXT, "comments": TEXT,
        "year_of_order_uncertain": Col("bool"), "number_ordered_uncertain": Col("bool"),
        "number_delivered_uncertain": Col("bool"), "is_drone_or_loitering": Col("bool", True),
    }, ("deal_id",)),
    "armed_conflicts": _table({
        "conflict_id": Col("int", True), "year": YEAR, "state": STATE, "location": REQ_TEXT,
        "side_a": REQ_TEXT, "side_a_2nd": TEXT, "side_b": REQ_TEXT, "side_b_2nd": TEXT,
        "incompatibility": Col("int", True, _in([1, 2, 3])), "territory_name": TEXT,
        "intensity_level": Col("int", True, _in([1, 2])), "cumulative_intensity": FLAG,
        "type_of_conflict": Col("int", True, _in([1, 2, 3, 4])), "start_date": DATE,
        "start_date2": DATE, "ep_end": FLAG, "ep_end_date": DATE,
    }, ("conflict_id", "year")),
    "distances": _table({
        "state": STATE, "partner": NUM_ACTOR, "capital_distance_km": Col("float", True, _range(0, 20000)),
        "min_distance_km": Col("float", False, _range(0, 20000)), "min_distance_year": ANY_YEAR,
        "state_capital": REQ_TEXT, "partner_capital": REQ_TEXT,
    }, ("state", "partner")),
    "contiguity": _table({
        "state": NUM_ACTOR, "partner": NUM_ACTOR, "conttype": Col("int", True, _range(0, 5)),
        "start": REQ_DATE, "end": REQ_DATE, "start_year": ANY_YEAR, "end_year": ANY_YEAR,
    }, ("state", "partner", "start"), ordered=(("start", "end"), ("start_year", "end_year"))),
    "mids": _table({
        "state": STATE, "partner": Col("str", True, CODE), "partner_ccode": Col("int", True),
        "year": YEAR, "dispute_id": Col("int", True), "onset": FLAG, "sidea_state": FLAG,
        "sidea_partner": FLAG, "hostlev": Col("int", True, _range(1, 5)),
        "hostlev_state": Col("int", False, _range(1, 5)), "hostlev_partner": Col("int", False, _range(1, 5)),
        "fatality": Col("int", False, _range(0, 6)), "fatality_state": Col("int", False, _range(0, 6)),
        "fatality_partner": Col("int", False, _range(0, 6)), "recip": FLAG,
    }, ("state", "partner", "year", "dispute_id")),
    "rivalries": _table({
        "source_dataset": Col("str", True, _in(["TD", "TSS"])), "rivalry_id": Col("str", True),
        "rivalry_name": REQ_TEXT, "a": Col("str", True, CODE), "b": Col("str", True, CODE),
        "a_ccode": Col("int"), "b_ccode": Col("int"), "start": Col("int", True, _range(1400, 2030)),
        "end": Col("int", False, _range(1400, 2030)), "region": TEXT, "types": TEXT,
        "positional": FLAG, "spatial": FLAG, "ideological": FLAG, "interventionary": FLAG,
        "principal": FLAG, "aprin": FLAG,
    }, ("source_dataset", "rivalry_id"), ordered=(("start", "end"),)),
    # ---------------------------------------------------------------- coded and facts
    "actors": _table({
        "actor": Col("str", True, CODE), "name": REQ_TEXT,
        "role": Col("str", True, _in(["chooser", "power", "west_member", "other"])),
        "cow_ccode": Col("int"), "iso3": TEXT, "in_west": Col("bool", True), "note": TEXT,
    }, ("actor",)),
    "memberships": _table({
        "membership_id": Col("str", True), "state": STATE, "organisation": REQ_TEXT,
        "partner": Col("str", True), "bloc": TEXT, "kind": REQ_TEXT, "joined": DATE,
        "joined_year": ANY_YEAR, "left": DATE, "left_year": ANY_YEAR, "status_note": TEXT,
        "source": SOURCE, "independent_source": MEMBERSHIP_INDEPENDENT_SOURCE,
    }, ("membership_id",), ordered=(("joined", "left"), ("joined_year", "left_year"))),
    "events": _table({
        "event_id": Col("str", True), "date": REQ_DATE, "end_date": DATE,
        "date_precision": Col("str", True, _in(["day", "month", "year", "period"])),
        "year": Col("int", True, _range(1700, 2030)), "event": REQ_TEXT, "states": REQ_TEXT,
        "category": REQ_TEXT, "narratives": TEXT, "source": SOURCE, "independent_source": INDEPENDENT_SOURCE,
        "note": TEXT,
    }, ("event_id",), ordered=(("date", "end_date"),)),
    "dyads_observed": _table({
        "state": STATE, "partner": Col("str", True, _in(CHOOSERS + ("RUS", "TUR", "IRN", "USA", "EU"))),
        "period": PERIOD, "score": Col("int", True, _range(-2, 2)), "justification": REQ_TEXT,
        "source": SOURCE, "independent_source": INDEPENDENT_SOURCE,
        "certainty": Col("str", True, _in(["sourced", "uncertain", "no_source"])),
        "coding_basis": TEXT,
    }, ("state", "partner", "period")),
    "identity": _table({
        "actor": Col("str", True, _in(CHOOSERS + ("RUS", "TUR", "IRN", "USA", "EU"))),
        "religion": TEXT, "religion_family": Col("str", False, _in(RELIGION_FAMILIES)),
        "religion_branch": Col("str", False, _in(RELIGION_BRANCHES)),
        "religion_share_pct": SHARE, "religion_basis": TEXT, "language": TEXT,
        "language_family": Col("str", False, _in(LANGUAGE_FAMILIES)),
        "language_branch": Col("str", False, _in(LANGUAGE_BRANCHES)), "ethnic_majority": TEXT,
        "ethnic_majority_share_pct": SHARE,
        "census_year": ANY_YEAR, "source": SOURCE, "note": TEXT,
    }, ("actor",)),
    "identity_dyads": _table({
        "state": STATE, "partner": Col("str", True, _in(CHOOSERS + ("RUS", "TUR", "IRN", "USA", "EU"))),
        "historical_memory": Col("int", False, _range(*MEMORY_RANGE)), "memory_justification": REQ_TEXT,
        "memory_source": TEXT, "ethnic_kinship": Col("int", True, _in(KINSHIP_VALUES)),
        "kinship_justification": REQ_TEXT, "kinship_source": SOURCE,
    }, ("state", "partner")),
    "security_acts": _table({
        "act_id": Col("str", True, (Rule("str_matches", (r"^[a-z0-9-]+$",)),)),
        "actor": Col("str", True, CODE), "target": Col("str", True, CODE), "kind": REQ_TEXT,
        "valence": Col("int", True, _in([-1, 1])), "intensity": Col("int", True, _in([1, 2])),
        "start_year": Col("int", True, _range(1900, LAST_YEAR)), "end_year": Col("int", False, _range(1900, LAST_YEAR)),
        "label": REQ_TEXT, "description": REQ_TEXT, "justification": REQ_TEXT, "source": SOURCE,
        "independent_source": INDEPENDENT_SOURCE,
    }, ("act_id",), ordered=(("start_year", "end_year"),), references=("actor", "target")),
    "instability_events": _table({
        "state": STATE, "date": REQ_DATE, "year": Col("int", True, _range(1988, LAST_YEAR)),
        "kind": Col("str", True, _in(["coup", "coup_attempt", "revolution", "contested_election",
                                      "mass_protest", "assassination", "civil_war", "government_change"])),
        "dimension": Col("str", True, _in(["vertical", "horizontal"])), "description": REQ_TEXT,
        "source": SOURCE,
    }, ("state", "date", "kind")),
    "separatist_regions": _table({
        "region": Col("str", True), "state": STATE, "patron": Col("str", False, CODE),
        "active_from": ANY_YEAR, "active_to": ANY_YEAR, "status": REQ_TEXT, "source": SOURCE,
    }, ("region",), ordered=(("active_from", "active_to"),), references=("patron",)),
    "land_borders": _table({
        "state": STATE, "partner": Col("str", True, _in(CHOOSERS + ("RUS", "TUR", "IRN", "USA", "EU"))),
        "land_border": Col("bool", True), "border_length_km": NONNEG, "note": TEXT, "source": SOURCE,
    }, ("state", "partner")),
    "secession_cases": _table({
        "case_id": Col("str", True), "region": REQ_TEXT, "parent_state": REQ_TEXT, "period": REQ_TEXT,
        "outcome": Col("str", True, _in(["independent", "de_facto", "reintegrated", "autonomy", "annexed"])),
        "outcome_note": TEXT, "geography": Col("str", False, _in(["enclave", "peripheral"])),
        "border_with_patron": Col("bool"), "area_km2": NONNEG, "parent_area_km2": NONNEG,
        "territory_share_pct": SHARE, "population": NONNEG, "population_year": ANY_YEAR,
        "share_of_parent_population_pct": SHARE, "prior_statehood": Col("bool"), "patron": TEXT,
        "parent_structure": Col("str", False, _in(["unitary", "federal"])),
        "unsc_territorial_integrity": Col("bool"), "sources": SOURCE, "uncertainty_notes": TEXT,
    }, ("case_id",), references=("patron",)),
    "secession_justifications": _table({
        "case_id": Col("str", True), "column": Col("str", True, _in(SECESSION_CODED_COLUMNS)),
        "value": TEXT, "justification": REQ_TEXT, "source": SOURCE,
    }, ("case_id", "column")),
    "map_places": _table({
        "name": Col("str", True), "kind": Col("str", True, _in(["capital", "de_facto_entity", "region", "former_nkao",
                                        "surrounding_district", "corridor"])),
        "lat": Col("float", True, _range(-90, 90)), "lon": Col("float", True, _range(-180, 180)),
        "status_note": TEXT, "source": SOURCE,
    }, ("name",)),
})
