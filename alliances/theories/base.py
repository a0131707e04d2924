"""What every theory model shares: parameters, stances, explanations.

A theory module defines ``PARAMETERS`` (a tuple of :class:`Param`) and
``score(world, params) -> dict[(state, partner), Explanation]``. Everything else — the
prediction frame, validation of parameters, explanations — is done once, here and in
:mod:`alliances.theories`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from alliances.errors import ParameterError

STANCES: tuple[str, ...] = ("align", "hedge", "balance")


@dataclass(frozen=True)
class Param:
    """One model parameter: its default, its allowed range or choices, and what it does.

    ``kind`` is ``"float"``, ``"bool"`` or ``"choice"``. Widgets are built from these and
    values are validated against them, so no range is ever written twice.
    """

    name: str
    default: Any
    description: str
    kind: str = "float"
    low: float | None = None
    high: float | None = None
    step: float | None = None
    choices: tuple = ()

    def allowed(self) -> str:
        """The allowed values in words (for error messages and documentation)."""
        if self.kind == "float":
            return f"a number from {self.low} to {self.high}"
        if self.kind == "bool":
            return "True or False"
        return "one of " + ", ".join(repr(c) for c in self.choices)

    def alternatives(self, points: int = 5) -> list:
        """Values other than the default to try, e.g. to check that a control matters:
        ``points`` evenly spaced values over a float's range, the other truth value of a
        toggle, the other choices of a choice."""
        if self.kind == "float":
            step = (self.high - self.low) / (points - 1)
            return [v for v in (self.low + i * step for i in range(points)) if v != self.default]
        if self.kind == "bool":
            return [not self.default]
        return [c for c in self.choices if c != self.default]

    def validate(self, value: Any) -> Any:
        """Return ``value`` if allowed (ints become floats), else raise ParameterError."""
        if self.kind == "float":
            ok = (isinstance(value, (int, float)) and not isinstance(value, bool)
                  and not math.isnan(value) and self.low <= value <= self.high)
            if not ok:
                raise ParameterError(f"{self.name}={value!r} is not allowed: give {self.allowed()}")
            return float(value)
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise ParameterError(f"{self.name}={value!r} is not allowed: give {self.allowed()}")
            return value
        if value not in self.choices:
            raise ParameterError(f"{self.name}={value!r} is not allowed: give {self.allowed()}")
        return value


def resolve(model: str, specs: "tuple[Param, ...]", params: Mapping[str, Any]) -> dict[str, Any]:
    """``specs``' defaults overlaid with ``params``, each validated.

    Raises ParameterError (a ValueError) for an unknown name, listing ``model``'s parameters,
    or for a value outside its allowed range or choices.
    """
    by_name = {p.name: p for p in specs}
    unknown = [k for k in params if k not in by_name]
    if unknown:
        raise ParameterError(f"{model} has no parameter(s) {', '.join(map(repr, unknown))}; "
                             f"its parameters are: {', '.join(by_name)}")
    resolved = {p.name: p.default for p in specs}
    resolved.update({k: by_name[k].validate(v) for k, v in params.items()})
    return resolved


#: Thresholds shared by every theory: a score at or above ``align_at`` is "align", at or
#: below ``balance_at`` is "balance", anything between is "hedge".
THRESHOLDS: tuple[Param, ...] = (
    Param("align_at", 0.25, "scores at or above this are read as 'align'", low=0.0, high=1.0, step=0.05),
    Param("balance_at", -0.25, "scores at or below this are read as 'balance'", low=-1.0, high=0.0, step=0.05),
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
    """'align' if score ≥ align_at, 'balance' if score ≤ balance_at, else 'hedge'."""
    if score >= align_at:
        return "align"
    if score <= balance_at:
        return "balance"
    return "hedge"
