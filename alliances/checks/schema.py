"""Dict answers read with a declared pydantic schema; its errors become one hint.

A question whose answer is a dict declares the dict's shape as a subclass of :class:`Answer`
(one field per key, extra keys refused) and reads the answer with :func:`parse`. When the
answer does not fit, :func:`hint` turns the first of pydantic's ``ValidationError.errors()``
into one line that names the key and says what was expected:

- a leaf value (a code, a choice, a number…) is checked by the validators made here
  (:func:`text`, :func:`choice`, :func:`number`, :func:`whole`, :func:`share`, :func:`flag`,
  :func:`pair`); each raises :class:`Expected` saying what the value should be;
- a container of the wrong kind (a list where a dict belongs) is described by its field's
  ``description``;
- a missing or an extra key (or one that is not a string) is named, with the keys the dict
  should have;
- a rule across keys (a field or model validator raising ``ValueError``) is said in full.

A schema is a class with one annotated field per key, e.g. 07.2's answer::

    Count = Annotated[int, whole("a whole number of cases such as 4")]

    class Counts(Answer):
        model: Count
        baseline: Count

Examples
--------
>>> from alliances.checks.exercise07 import Counts
>>> parse(Counts, {"model": 4, "baseline": 3.0})
Counts(model=4, baseline=3)
>>> parse(Counts, {"model": "four", "baseline": 3})
Traceback (most recent call last):
...
alliances.checks.answers.Hint: 'model' must be a whole number of cases such as 4, got 'four'.
>>> parse(Counts, {"model": 4})
Traceback (most recent call last):
...
alliances.checks.answers.Hint: Your dict lacks the key 'baseline' (its keys: ['model', 'baseline']).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar, get_args

import numpy as np
from pydantic import BaseModel, ConfigDict, PlainValidator, ValidationError
from pydantic.fields import FieldInfo

from alliances.checks.answers import code_pair, describe, fail, real_number, whole_number

A = TypeVar("A", bound="Answer")


class Expected(ValueError):
    """Raised by a leaf validator; the message says what the value should be ("a number from 0 to 1")."""


class Answer(BaseModel):
    """Base of every answer schema: keys are the fields (or their aliases); other keys are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------------------
# Leaf validators: use as ``Annotated[str, text("…")]``
# ---------------------------------------------------------------------------------------

def _leaf(convert: Callable[[Any], Any], expected: str) -> PlainValidator:
    def validate(value: Any) -> Any:
        result = convert(value)
        if result is None:
            raise Expected(expected)
        return result

    return PlainValidator(validate)


def text(expected: str) -> PlainValidator:
    """A non-empty string (spaces around it removed)."""
    return _leaf(lambda v: v.strip() if isinstance(v, str) and v.strip() else None, expected)


def choice(options: Iterable[str]) -> PlainValidator:
    """One of ``options`` as a string; case and spaces ignored, the option returned as written."""
    by_norm = {o.casefold(): o for o in options}
    return _leaf(lambda v: by_norm.get(v.strip().casefold()) if isinstance(v, str) else None,
                 f"one of {list(by_norm.values())} as a string")


def number(expected: str, *, low: float | None = None, high: float | None = None) -> PlainValidator:
    """A finite real number (not a bool) from ``low`` to ``high``, as a float."""
    def convert(value: Any) -> float | None:
        x = real_number(value)
        ok = x is not None and (low is None or x >= low) and (high is None or x <= high)
        return x if ok else None

    return _leaf(convert, expected)


def whole(expected: str, *, allowed: Collection[int] | None = None, optional: bool = False) -> PlainValidator:
    """A whole number (2012 or 2012.0), as an int; one of ``allowed`` if given; ``None`` too if ``optional``."""
    def validate(value: Any) -> int | None:
        if value is None and optional:
            return None
        x = whole_number(value)
        if x is None or (allowed is not None and x not in allowed):
            raise Expected(expected)
        return x

    return PlainValidator(validate)


def share() -> PlainValidator:
    """An agreement as a share from 0 to 1 (a percentage is refused with its own message)."""
    def validate(value: Any) -> float:
        x = real_number(value)
        if x is not None and 0 <= x <= 1:
            return x
        if x is not None and 1 < x <= 100:
            raise Expected("a share from 0 to 1, not a percentage")
        raise Expected("a share from 0 to 1, such as 0.61")

    return PlainValidator(validate)


def flag(expected: str = "True or False (without quotes)") -> PlainValidator:
    """``True`` or ``False`` (a Python or NumPy bool, not the text "True")."""
    return _leaf(lambda v: bool(v) if isinstance(v, (bool, np.bool_)) else None, expected)


def pair(expected: str) -> PlainValidator:
    """A pair of codes, as a tuple of two non-empty strings."""
    return _leaf(code_pair, expected)


# ---------------------------------------------------------------------------------------
# Reading an answer, and the translator
# ---------------------------------------------------------------------------------------

def parse(model: type[A], answer: Any, *, see: str | None = None) -> A:
    """``answer`` validated against ``model``; a :class:`~alliances.checks.answers.Hint` if it does not fit."""
    try:
        return model.model_validate(dict(answer) if isinstance(answer, Mapping) else answer)
    except ValidationError as error:
        fail(hint(error, model, answer), see)


def hint(error: ValidationError, model: type[BaseModel], answer: Any) -> str:
    """One line on the first problem in ``error`` (from validating ``answer`` against ``model``)."""
    first = error.errors(include_url=False)[0]
    loc, kind = tuple(first["loc"]), first["type"]
    if kind in ("missing", "extra_forbidden", "invalid_key"):  # invalid_key: not a string
        return _key_hint(kind, model, answer, loc)
    cause = first.get("ctx", {}).get("error")
    where = _where(answer, loc)
    if isinstance(cause, Expected):
        return f"{where} must be {cause}, got {describe(first['input'])}."
    if isinstance(cause, Exception):  # a rule across keys, said in full by its validator
        return f"{where}: {cause}" if loc else str(cause)
    field, inner = _walk(model, loc)
    if kind == "model_type" or field is None:
        expected = f"a dict with keys {_keys(inner or model)}"
    else:
        expected = field.description or f"of another kind ({first['msg']})"
    return f"{where} must be {expected}, got {describe(first['input'])}."


def _key_hint(kind: str, model: type[BaseModel], answer: Any, loc: tuple) -> str:
    keys = _answer_keys(answer, loc)
    _, owner = _walk(model, loc[:-1])
    whose = _path(keys[:-1]) if len(keys) > 1 else "Your dict"
    known = _keys(owner) if owner is not None else []
    if kind == "missing":
        return f"{whose} lacks the key {keys[-1]!r} (its keys: {known})."
    return (f"{whose} has the key {describe(keys[-1])}, which is not one of its keys {known}: "
            "remove it or correct its spelling.")


def _where(answer: Any, loc: tuple) -> str:
    """Where in the answer a problem is: ``'amity'[('ETH', 'ERI')]``, or the key itself (``[key]``)."""
    if not loc:
        return "Your answer"
    if loc[-1] == "[key]":
        keys = _answer_keys(answer, loc[:-1])
        return f"The key {describe(keys[-1])} in {_path(keys[:-1])}"
    return _path(_answer_keys(answer, loc))


def _path(keys: list[Any]) -> str:
    return repr(keys[0]) + "".join(f"[{k!r}]" for k in keys[1:]) if keys else "your dict"


def _answer_keys(answer: Any, loc: tuple) -> list[Any]:
    """The answer's own keys along ``loc`` (pydantic turns dict keys into strings)."""
    keys, node = [], answer
    for part in loc:
        key = part
        if isinstance(node, Mapping) and part not in node:
            key = next((k for k in node if str(k) == str(part)), part)
        keys.append(key)
        if isinstance(node, Mapping):
            node = node.get(key)
        elif isinstance(node, (list, tuple)) and isinstance(key, int) and -len(node) <= key < len(node):
            node = node[key]
        else:
            node = None
    return keys


def _fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _keys(model: type[BaseModel]) -> list[str]:
    return list(_fields(model))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The schema a field's values are read with (``list[Act]`` -> ``Act``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for m in map(_model_in, get_args(annotation)) if m is not None), None)


def _walk(model: type[BaseModel], loc: tuple) -> tuple[FieldInfo | None, type[BaseModel] | None]:
    """The last field named along ``loc`` and the schema in force at its end."""
    field: FieldInfo | None = None
    current: type[BaseModel] | None = model
    for part in loc:
        fields = _fields(current) if current is not None else {}
        if isinstance(part, str) and part in fields:
            field = fields[part]
            current = _model_in(field.annotation)
    return field, current


__all__ = ["Answer", "Expected", "choice", "flag", "hint", "number", "pair", "parse", "share", "text", "whole"]
