"""The course's colours, written once: the Okabe–Ito palette and the named roles it plays.

Okabe & Ito (2002), *Color Universal Design*: eight colours that stay distinct for the common
colour-vision deficiencies. The chart theme (:mod:`alliances.charts.theme`) and the theory
registry (:mod:`alliances.theories.registry`) read them from here; nothing else writes a hex
code of its own.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

ORANGE: Final = "#E69F00"
SKY_BLUE: Final = "#56B4E9"
BLUISH_GREEN: Final = "#009E73"
YELLOW: Final = "#F0E442"
BLUE: Final = "#0072B2"
VERMILLION: Final = "#D55E00"
REDDISH_PURPLE: Final = "#CC79A7"
BLACK: Final = "#000000"

#: The eight colours in Okabe & Ito's order (black last).
OKABE_ITO: Final = (ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE, BLACK)

#: Greys for context marks (land, rules, baselines); not data colours.
GREY: Final = "#999999"
DARK_GREY: Final = "#777777"
LIGHT_GREY: Final = "#e8e8e8"

#: One colour per stance.
STANCE_COLORS: Final = MappingProxyType({"align": BLUE, "hedge": ORANGE, "balance": BLUISH_GREEN})

#: One colour per chooser, wherever the three states are told apart (map, timelines).
CHOOSER_COLORS: Final = MappingProxyType({"ARM": ORANGE, "AZE": SKY_BLUE, "GEO": REDDISH_PURPLE})

__all__ = ["BLACK", "BLUE", "BLUISH_GREEN", "CHOOSER_COLORS", "DARK_GREY", "GREY", "LIGHT_GREY", "OKABE_ITO",
           "ORANGE", "REDDISH_PURPLE", "SKY_BLUE", "STANCE_COLORS", "VERMILLION", "YELLOW"]
