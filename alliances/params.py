"""Parameter specs: the one description of every model parameter and every control.

Each model (the five theories, the Karabakh stability index, the secession model) declares
its parameters as a tuple of specs; :func:`resolve` overlays a caller's values on the
defaults and validates each, and :mod:`alliances.widgets` builds one control per spec. No
default, range or description is written twice.

There are three kinds, one class each, so a type checker knows that a float always has a
range:

- :class:`FloatParam` — a number in ``[low, high]`` (a slider);
- :class:`BoolParam` — ``True`` or ``False`` (a checkbox);
- :class:`ChoiceParam` — one of a few strings (a dropdown).

Examples
--------
>>> weight = FloatParam("w_power", 0.5, "weight of aggregate power", low=0.0, high=1.0)
>>> weight.validate(1)
1.0
>>> weight.alternatives(3)
[0.0, 1.0]
>>> resolve("demo", (weight,), {"w_power": 0.2})
{'w_power': 0.2}
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from alliances.errors import ParameterError


def shown(value: Any, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters, for messages (never fails, even on 10**5000)."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a value whose repr fails, or an int too long to print
        text = f"<{type(value).__name__}>"
    text = " ".join(text.split())  # a Series' or an array's repr spans lines: keep messages to one
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _refuse(name: str, value: Any, allowed: str) -> ParameterError:
    shown_value = shown(value)
    return ParameterError(f"{name}={shown_value} is not allowed: give {allowed}")


#: ``((other parameter, value), ...)``: a parameter matters only while each named parameter has
#: that value (e.g. a marker's weight only while its toggle is on), so a control can be greyed
#: out until then. Empty: it always matters.
Requirements = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class FloatParam:
    """A number in ``[low, high]``; ``step`` is the slider's step (default: a 20th of the range)."""

    name: str
    default: float
    description: str
    low: float
    high: float
    step: float | None = None
    requires: Requirements = ()
    kind: Literal["float"] = field(default="float", init=False)

    def __post_init__(self) -> None:
        if not self.low <= self.default <= self.high:
            raise ValueError(f"{self.name}: default {self.default} lies outside {self.low}..{self.high}")

    def allowed(self) -> str:
        """The allowed values in words (for error messages and documentation)."""
        return f"a number from {self.low} to {self.high}"

    def slider_step(self) -> float:
        """The step a slider moves by."""
        return self.step or round((self.high - self.low) / 20, 6)

    def alternatives(self, points: int = 5) -> list[float]:
        """``points`` evenly spaced values over the range, the default left out."""
        step = (self.high - self.low) / (points - 1)
        return [v for v in (self.low + i * step for i in range(points)) if v != self.default]

    def validate(self, value: Any) -> float:
        """``value`` as a float if it is a real number in range, else :class:`ParameterError`."""
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise _refuse(self.name, value, self.allowed())
        try:
            number = float(value)
        except (OverflowError, ValueError, TypeError):  # 10**400, a huge Fraction
            raise _refuse(self.name, value, self.allowed()) from None
        if math.isnan(number) or not self.low <= number <= self.high:
            raise _refuse(self.name, value, self.allowed())
        return number


@dataclass(frozen=True)
class BoolParam:
    """A toggle: ``True`` or ``False``."""

    name: str
    default: bool
    description: str
    requires: Requirements = ()
    kind: Literal["bool"] = field(default="bool", init=False)

    def allowed(self) -> str:
        """The allowed values in words."""
        return "True or False"

    def alternatives(self, points: int = 5) -> list[bool]:
        """The other truth value."""
        return [not self.default]

    def validate(self, value: Any) -> bool:
        """``value`` if it is a bool (numpy's too), else :class:`ParameterError`."""
        if isinstance(value, bool) or (type(value).__module__ == "numpy" and type(value).__name__ in ("bool", "bool_")):
            return bool(value)
        raise _refuse(self.name, value, self.allowed())


@dataclass(frozen=True)
class ChoiceParam:
    """One of ``choices`` (strings)."""

    name: str
    default: str
    description: str
    choices: tuple[str, ...]
    requires: Requirements = ()
    kind: Literal["choice"] = field(default="choice", init=False)

    def __post_init__(self) -> None:
        if self.default not in self.choices:
            raise ValueError(f"{self.name}: default {self.default!r} is not among {self.choices}")

    def allowed(self) -> str:
        """The allowed values in words."""
        return "one of " + ", ".join(repr(c) for c in self.choices)

    def alternatives(self, points: int = 5) -> list[str]:
        """The choices other than the default."""
        return [c for c in self.choices if c != self.default]

    def validate(self, value: Any) -> str:
        """``value`` if it is one of the choices, else :class:`ParameterError`."""
        if isinstance(value, str) and value in self.choices:
            return value
        raise _refuse(self.name, value, self.allowed())


#: Any parameter spec.
Param = FloatParam | BoolParam | ChoiceParam


def applies(spec: Param, params: Mapping[str, Any]) -> bool:
    """Whether ``spec`` matters under ``params``: each of its :data:`Requirements` is met.

    A requirement on a parameter missing from ``params`` counts as met (nothing says otherwise).
    """
    return all(params.get(name, value) == value for name, value in spec.requires)


def by_name(specs: Sequence[Param]) -> dict[str, Param]:
    """``{name: spec}`` in declaration order."""
    return {p.name: p for p in specs}


def spec_named(model: str, specs: Sequence[Param], name: str) -> Param:
    """The spec called ``name``, or a :class:`ParameterError` listing ``model``'s parameters."""
    for p in specs:
        if p.name == name:
            return p
    raise ParameterError(f"{model} has no parameter {name!r}; its parameters are: "
                         f"{', '.join(p.name for p in specs)}")


def check_names(model: str, specs: Sequence[Param], names: Sequence[Any]) -> None:
    """Refuse any of ``names`` that is not a parameter of ``model``."""
    known = by_name(specs)
    unknown = [n for n in names if not isinstance(n, str) or n not in known]
    if unknown:
        raise ParameterError(f"{model} has no parameter(s) {', '.join(map(repr, unknown))}; "
                             f"its parameters are: {', '.join(known)}")


def defaults(specs: Sequence[Param]) -> dict[str, Any]:
    """Every parameter at its default."""
    return {p.name: p.default for p in specs}


def resolve(model: str, specs: Sequence[Param], params: Mapping[str, Any]) -> dict[str, Any]:
    """``specs``' defaults overlaid with ``params``, each validated.

    Raises
    ------
    ParameterError
        (a ValueError) for an unknown name, listing ``model``'s parameters, or for a value
        outside its allowed range or choices.
    """
    check_names(model, specs, list(params))
    known = by_name(specs)
    resolved = defaults(specs)
    resolved.update({k: known[k].validate(v) for k, v in params.items()})
    return resolved


__all__ = ["Requirements", "applies", "BoolParam", "ChoiceParam", "FloatParam", "Param", "by_name", "check_names", "defaults",
           "resolve", "shown", "spec_named"]
