"""The shape and the allowed values of each coding :meth:`alliances.world.World.replace` accepts, as pydantic types.

The ranges and vocabularies are those of the table schemas (:mod:`alliances.schemas`), which the
loader enforces on the data files; so a changed coding is held to the same rules as the data.
:func:`alliances.codings.validated` reads them; this module (and pydantic) is imported on a
world's first change, not when the course is imported (about 70 ms of start-up).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, Strict, TypeAdapter, with_config
from typing_extensions import TypedDict

from alliances.codings import Pair
from alliances.schemas import (
    CINC_RANGE,
    LANGUAGE_BRANCHES,
    LANGUAGE_FAMILIES,
    MEMORY_RANGE,
    POLITY2_RANGE,
    POLYARCHY_RANGE,
    RELIGION_BRANCHES,
    RELIGION_FAMILIES,
)


def _one_of(values: tuple[str, ...]) -> AfterValidator:
    """A pydantic check that a string is one of ``values``."""
    def check(value: str) -> str:
        if value not in values:
            raise ValueError(f"not one of {', '.join(values)}")
        return value
    return AfterValidator(check)


def _no_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("give a number, not True or False")
    return value


#: Finite real numbers (not text, not bools) in the ranges the data files allow.
MemoryScore = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=MEMORY_RANGE[0], le=MEMORY_RANGE[1])]
Kinship = Annotated[Literal[0, 1], BeforeValidator(_no_bool)]
Cinc = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=CINC_RANGE[0], le=CINC_RANGE[1])]
NonNegative = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0)]
Polyarchy = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=POLYARCHY_RANGE[0], le=POLYARCHY_RANGE[1])]
Polity2 = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=POLITY2_RANGE[0], le=POLITY2_RANGE[1])]
#: A descriptive label no theory reads (``religion``, ``ethnic_majority``): any non-empty text.
Label = Annotated[str, Strict(), Field(min_length=1)]
#: The identity vocabularies of ``identity.csv``'s schema.
ReligionFamily = Annotated[str, Strict(), _one_of(RELIGION_FAMILIES)]
ReligionBranch = Annotated[str, Strict(), _one_of(RELIGION_BRANCHES)]
LanguageFamily = Annotated[str, Strict(), _one_of(LANGUAGE_FAMILIES)]
LanguageBranch = Annotated[str, Strict(), _one_of(LANGUAGE_BRANCHES)]


@with_config(ConfigDict(extra="forbid"))
class IdentityMarkers(TypedDict):
    """Every identity marker of one actor (a row of ``identity.csv``); None = unknown (an empty cell).

    The families and branches take the values of ``identity.csv``'s schema; ``religion`` and
    ``ethnic_majority`` are labels for people to read (no theory reads them), so any non-empty
    text will do. The fields of :class:`alliances.codings.Identity`.
    """

    religion: Label | None
    religion_family: ReligionFamily | None
    religion_branch: ReligionBranch | None
    language_family: LanguageFamily | None
    language_branch: LanguageBranch | None
    ethnic_majority: Label | None


@with_config(ConfigDict(extra="forbid"))
class CapabilityChange(TypedDict, total=False):
    """``World.replace(capability=…)``: new values per measure (the keys of ``world.MEASURES``)."""

    cinc: dict[str, Cinc]
    milex: dict[str, NonNegative]
    gdp: dict[str, NonNegative]
    population: dict[str, NonNegative]


@with_config(ConfigDict(extra="forbid"))
class RegimeChange(TypedDict, total=False):
    """``World.replace(regime=…)``: new regime scores of one actor."""

    polyarchy: Polyarchy
    polity2: Polity2


@dataclass(frozen=True)
class Shape:
    """What one field of ``World.replace`` accepts, and the words that describe it."""

    adapter: TypeAdapter[Any]
    expected: str


#: Every field ``World.replace`` accepts, in the order its errors list them.
SHAPES: Mapping[str, Shape] = MappingProxyType({
    "memory": Shape(TypeAdapter(dict[Pair, MemoryScore]),
                    "a mapping {(state, partner): number from -2 to 2}, e.g. {('GEO', 'TUR'): 0}"),
    "kinship": Shape(TypeAdapter(dict[Pair, Kinship]),
                     "a mapping {(state, partner): 0 (no kinship) or 1 (kin)}, e.g. {('AZE', 'TUR'): 0}"),
    "capability": Shape(TypeAdapter(CapabilityChange),
                        f"a mapping {{measure: {{actor: number ≥ 0}}}} with measure one of "
                        f"{', '.join(CapabilityChange.__annotations__)} (cinc at most 1), e.g. {{'cinc': {{'RUS': 0.05}}}}"),
    "regime": Shape(TypeAdapter(dict[str, RegimeChange]),
                    "a mapping {actor: {'polyarchy': number from 0 to 1, 'polity2': number from -10 to 10}}, "
                    "either or both, e.g. {'ARM': {'polyarchy': 0.2}}"),
    "identity": Shape(TypeAdapter(dict[str, dict[str, Any]]),
                      "a mapping {actor: {marker: value}} (None marks a marker unknown), "
                      "e.g. {'GEO': {'religion_branch': 'sunni'}}"),
    "drop_acts": Shape(TypeAdapter(list[str]),
                       "a list of active act ids, e.g. ['tur-closes-armenian-border-1993']"),
})


#: One actor's whole identity record, every marker named (what a change to ``identity`` is merged into).
IDENTITY_RECORD = Shape(TypeAdapter(IdentityMarkers), SHAPES["identity"].expected)

__all__ = ["IDENTITY_RECORD", "SHAPES", "CapabilityChange", "Cinc", "IdentityMarkers", "Kinship", "Label",
           "LanguageBranch", "LanguageFamily", "MemoryScore", "NonNegative", "Polity2", "Polyarchy", "RegimeChange",
           "ReligionBranch", "ReligionFamily", "Shape"]
