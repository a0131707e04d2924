"""What :meth:`alliances.world.World.replace` accepts: the shape and the allowed values of each coding.

The ranges and vocabularies are those of the table schemas (:mod:`alliances.schemas`), which the
loader enforces on the data files, written here as pydantic types; so a changed coding is held
to the same rules as the data. :func:`validated` checks one field's change and turns pydantic's
errors into one message that says where the problem lies and what shape is expected.

Examples
--------
>>> validated("memory", {("GEO", "TUR"): 1})
{('GEO', 'TUR'): 1.0}
>>> validated("kinship", {("AZE", "TUR"): 2})
Traceback (most recent call last):
...
ValueError: kinship[('AZE', 'TUR')]: 2 is not allowed (input should be 0 or 1); expected a mapping {(state, partner): 0 (no kinship) or 1 (kin)}, e.g. {('AZE', 'TUR'): 0}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    TypeAdapter,
    ValidationError,
    with_config,
)
from typing_extensions import TypedDict

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

Pair = tuple[str, str]


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


def _where(keys: list[Any]) -> str:
    """``[('GEO', 'TUR')]`` or ``['cinc']['RUS']``: where in a change a problem lies."""
    return "".join(f"[{k}]" if str(k).startswith("(") else f"[{k!r}]" for k in keys)


def refusal(field: str, error: ValidationError, expected: str) -> ValueError:
    """One readable message for a pydantic error: where, what was given, what is expected."""
    problems = []
    for e in error.errors()[:3]:
        keys = [k for k in e["loc"] if k != "[key]"]
        if e["type"] == "extra_forbidden":
            problems.append(f"{field}{_where(keys[:-1])}: unknown key {keys[-1]!r}")
            continue
        why = e["msg"].removeprefix("Value error, ")
        shown = repr(e["input"]) if len(repr(e["input"])) <= 40 else repr(e["input"])[:37] + "..."
        problems.append(f"{field}{_where(keys)}: {shown} is not allowed ({why[0].lower() + why[1:]})")
    return ValueError("; ".join(problems) + f"; expected {expected}")


def validated(field: str, change: Any, shape: Shape | None = None) -> Any:
    """``change`` as ``shape`` (default :data:`SHAPES`' ``field``) accepts it: numbers as
    floats, pairs as tuples, records as their class.

    Raises
    ------
    ValueError
        Naming where the change breaks its shape or range, and the shape expected.
    """
    shape = SHAPES[field] if shape is None else shape
    try:
        return shape.adapter.validate_python(change)
    except ValidationError as exc:
        raise refusal(field, exc, shape.expected) from None


def check_keys(field: str, keys: Iterable[Any], allowed: Iterable[Any], what: str) -> None:
    """Refuse any of ``keys`` not in ``allowed``, listing what is allowed."""
    known = list(allowed)
    unknown = [k for k in keys if k not in known]
    if unknown:
        listed = ", ".join(str(k) for k in known)
        raise ValueError(f"{field}: unknown {what} {', '.join(map(repr, unknown))}; allowed: {listed}")


__all__ = ["SHAPES", "CapabilityChange", "Cinc", "Kinship", "Label", "LanguageBranch", "LanguageFamily",
           "MemoryScore", "NonNegative", "Pair", "Polity2", "Polyarchy", "RegimeChange", "ReligionBranch",
           "ReligionFamily", "Shape", "check_keys", "refusal", "validated"]
