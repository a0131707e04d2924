"""The theory registry: one entry per theory, read by everything that names or draws one.

Each :class:`TheorySpec` holds a theory's model module, its title and short title, and the
colour, line dash and point shape that tell it apart in every chart (Okabe–Ito colours, so
lines stay apart for colour-blind readers and in greyscale). The comparison, the charts,
the dashboard and the exercise checks all read :data:`REGISTRY`; a new theory is one new
module and one new entry here.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType, ModuleType

from alliances import palette
from alliances.errors import ParameterError
from alliances.params import shown
from alliances.theories import balance_of_power, balance_of_threat, constructivism, omnibalancing, rsct


@dataclass(frozen=True)
class TheorySpec:
    """A theory's entry: its model and how it is named and drawn."""

    name: str
    module: ModuleType
    title: str
    short_title: str
    color: str
    dash: tuple[int, ...]
    marker: str


#: Every theory, in the order the lessons introduce them.
REGISTRY: MappingProxyType[str, TheorySpec] = MappingProxyType({spec.name: spec for spec in (
    TheorySpec("balance_of_power", balance_of_power, "Balance of power (Waltz)", "Balance of power",
               palette.BLUE, (1, 0), "circle"),
    TheorySpec("balance_of_threat", balance_of_threat, "Balance of threat (Walt)", "Balance of threat",
               palette.ORANGE, (6, 3), "square"),
    TheorySpec("omnibalancing", omnibalancing, "Omnibalancing (David)", "Omnibalancing",
               palette.BLUISH_GREEN, (2, 2), "triangle-up"),
    TheorySpec("constructivism", constructivism, "Constructivism: identity (Wendt)", "Constructivism",
               palette.REDDISH_PURPLE, (8, 3, 2, 3), "diamond"),
    TheorySpec("rsct", rsct, "Regional Security Complex Theory (Buzan & Wæver)", "RSCT",
               palette.VERMILLION, (1, 0), "cross"),
)})

#: The theory names, in registry order.
THEORIES: tuple[str, ...] = tuple(REGISTRY)

#: ``{theory: title}`` and ``{theory: short title}``, read from the registry.
TITLES: MappingProxyType[str, str] = MappingProxyType({n: s.title for n, s in REGISTRY.items()})
SHORT_TITLES: MappingProxyType[str, str] = MappingProxyType({n: s.short_title for n, s in REGISTRY.items()})


def spec(theory: object) -> TheorySpec:
    """The registry entry of ``theory``, or a :class:`ParameterError` listing the theories."""
    if not isinstance(theory, str) or theory not in REGISTRY:
        hint = " (give the name as a str, not an array)" if hasattr(theory, "shape") else ""
        raise ParameterError(f"unknown theory {shown(theory)}{hint}; choose one of {', '.join(THEORIES)}")
    return REGISTRY[theory]


def check_theories(theories: object) -> list[str]:
    """``theories`` as a list of known names; refuses an empty list, a single string or unknown names."""
    if isinstance(theories, str):
        theories = [theories]
    if isinstance(theories, bytes) or (hasattr(theories, "shape") and getattr(theories, "ndim", 1) != 1):
        raise ParameterError(f"theories must be a list of theory names from {', '.join(THEORIES)}")
    try:
        names = list(theories)  # type: ignore[call-overload]
    except TypeError:
        raise ParameterError(f"theories must be a list of theory names from {', '.join(THEORIES)}") from None
    if not names:
        raise ParameterError(f"give at least one theory; choose from {', '.join(THEORIES)}")
    for name in names:
        spec(name)
    return names


__all__ = ["REGISTRY", "SHORT_TITLES", "THEORIES", "TITLES", "TheorySpec", "check_theories", "spec"]
