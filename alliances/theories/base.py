"""What every theory model shares: stances, thresholds, explanations, prose helpers.

A theory module defines ``PARAMETERS`` (a tuple of :mod:`alliances.params` specs) and
``score(world, params) -> dict[(state, partner), Explanation]``. Everything else — the
prediction frame, validation of parameters, explanations — is done once, here and in
:mod:`alliances.theories`.

A reason sentence that names a stance names the one the thresholds in force give its score,
in the words of :data:`STANCE_PHRASES` (:func:`stance_phrase`); it never compares the score
with a threshold of its own.

Examples
--------
>>> stance(0.3, align_at=0.25, balance_at=-0.25)
'align'
>>> stance_phrase(-0.1, {"align_at": 0.25, "balance_at": -0.05})
'balances against it'
>>> sentence(listing(["memory", "kinship", "religion"]) + " count")
'Memory, kinship and religion count'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from alliances.params import FloatParam, Param

STANCES: tuple[str, ...] = ("align", "hedge", "balance")

#: The columns of every prediction frame (and of :func:`alliances.analysis.observed`).
COLUMNS: tuple[str, ...] = ("state", "partner", "score", "stance", "reason")


#: Thresholds shared by every theory: a score at or above ``align_at`` is "align", at or
#: below ``balance_at`` is "balance", anything between is "hedge".
THRESHOLDS: tuple[Param, ...] = (
    FloatParam("align_at", 0.25, "scores at or above this are read as 'align'", low=0.0, high=1.0, step=0.05),
    FloatParam("balance_at", -0.25, "scores at or below this are read as 'balance'", low=-1.0, high=0.0, step=0.05),
)


@dataclass(frozen=True)
class Explanation:
    """A theory's verdict on one (state, partner) pair.

    ``parts`` maps each input to its signed contribution; ``score`` is the clipped result in
    [-1, 1]; ``reason`` is one plain-English sentence naming the inputs that drove it.
    """

    score: float
    reason: str
    parts: Mapping[str, float] = field(default_factory=dict)


def clip(x: float, lo: float = -1.0, hi: float = 1.0) -> float:
    """``x`` limited to [lo, hi]; NaN becomes 0 (no evidence either way)."""
    if x != x:  # NaN
        return 0.0
    return max(lo, min(hi, x))


def stance(score: float, align_at: float, balance_at: float) -> str:
    """The stance rule: 'align' if score ≥ align_at, 'balance' if score ≤ balance_at, else 'hedge'.

    Predictions and observed alignment both go through this rule (:func:`stances` is the
    same rule over an array).
    """
    if score >= align_at:
        return "align"
    if score <= balance_at:
        return "balance"
    return "hedge"


def stances(scores: Iterable[float], align_at: float, balance_at: float) -> list[str]:
    """:func:`stance` of every score."""
    return [stance(s, align_at, balance_at) for s in scores]


#: How a reason sentence states each stance: the only stance wording reasons use.
STANCE_PHRASES: Mapping[str, str] = MappingProxyType({
    "align": "aligns with it", "hedge": "hedges towards it", "balance": "balances against it"})


def stance_phrase(score: float, params: Mapping[str, Any]) -> str:
    """:data:`STANCE_PHRASES` of the stance that ``params``' ``align_at`` / ``balance_at`` give ``score``."""
    return STANCE_PHRASES[stance(score, params["align_at"], params["balance_at"])]


def listing(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def sentence(text: str) -> str:
    """``text`` with its first letter capitalised (names such as 'the West' start reasons)."""
    return text[:1].upper() + text[1:]
