"""What :meth:`alliances.world.World.replace` accepts: the shape and the allowed values of each coding.

The ranges and vocabularies are those of the table schemas (:mod:`alliances.schemas`), which the
loader enforces on the data files, written as pydantic types in :mod:`alliances.coding_shapes`
(imported on the first change); so a changed coding is held to the same rules as the data.
:func:`validated` checks one field's change and turns pydantic's errors into one message that
says where the problem lies and what shape is expected, and :func:`replace_codings` applies a
checked change to a world (``World.replace`` calls it).

Codes the world *derives* are refused as keys: the world folds the USA, the EU, NATO and the
Western states into WEST when it is loaded, and the theories read only WEST, so a change to
``('GEO', 'USA')`` or to the USA's capability would change nothing; the message says to change
the WEST entry instead. A pair of a state with itself is refused as well.

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

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from alliances.params import shown
from alliances.schemas import WEST_CAPABILITY_STATES, WEST_MEMBERS

if TYPE_CHECKING:  # pragma: no cover - for annotations only; world imports this module, pydantic comes on first use
    from pydantic import ValidationError

    from alliances.coding_shapes import Shape
    from alliances.world import World

Pair = tuple[str, str]


@dataclass(frozen=True)
class Identity:
    """Identity markers of one actor (row of ``identity.csv``); None = unknown (an empty cell).

    The families and branches take the values of ``identity.csv``'s schema
    (:data:`~alliances.schemas.RELIGION_FAMILIES` …); ``religion`` and ``ethnic_majority``
    are labels for people to read (no theory reads them), so any non-empty text will do
    (:class:`alliances.coding_shapes.IdentityMarkers` holds the rules).
    """

    religion: str | None
    religion_family: str | None
    religion_branch: str | None
    language_family: str | None
    language_branch: str | None
    ethnic_majority: str | None


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
        problems.append(f"{field}{_where(keys)}: {shown(e['input'])} is not allowed ({why[0].lower() + why[1:]})")
    return ValueError("; ".join(problems) + f"; expected {expected}")


def validated(field: str, change: Any, shape: Shape | None = None) -> Any:
    """``change`` as ``shape`` (default :data:`SHAPES`' ``field``) accepts it: numbers as
    floats, pairs as tuples, records as their class.

    Raises
    ------
    ValueError
        Naming where the change breaks its shape or range, and the shape expected.
    """
    from pydantic import ValidationError

    from alliances.coding_shapes import SHAPES

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


# ---------------------------------------------------------------------------------------
# Applying a change to a world: the shape each field accepts (above), then its keys
# ---------------------------------------------------------------------------------------

#: Codes the world folds into WEST when it is loaded: as keys of a change they would do nothing.
DERIVED: tuple[str, ...] = tuple(dict.fromkeys(WEST_MEMBERS + WEST_CAPABILITY_STATES))

_MARKERS = tuple(f.name for f in dataclasses.fields(Identity))


def _ro(mapping: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(dict(mapping))


def _refuse_derived(field: str, keys: Iterable[Any], example: str) -> None:
    for key in keys:
        codes = key if isinstance(key, tuple) else (key,)
        derived = [c for c in codes if c in DERIVED]
        if derived:
            raise ValueError(f"{field}: {key!r} names {derived[0]}, which the world folds into WEST when it "
                             f"is loaded (the theories read only WEST), so changing it would change nothing; "
                             f"change the WEST entry instead, e.g. {example}")


def _check_pairs(field: str, pairs: list[Pair], world: World) -> None:
    for state, partner in pairs:
        if state == partner:
            raise ValueError(f"{field}: {(state, partner)!r} pairs a state with itself; give a "
                             "(state, partner) pair of two different codes")
    _refuse_derived(field, pairs, "{('GEO', 'WEST'): ...}")
    allowed = getattr(world, field)
    unknown = [p for p in pairs if p not in allowed]
    if unknown:
        raise ValueError(f"{field}: key {unknown[0]!r} is not a (state, partner) pair of the world: "
                         f"state one of {', '.join(world.choosers)}, partner one it faces "
                         f"({', '.join(world.powers)} or another of {', '.join(world.choosers)})")


def _replace_pairs(field: str) -> Callable[[World, Any], dict[str, Any]]:
    def replace(world: World, change: Any) -> dict[str, Any]:
        new = validated(field, change)
        _check_pairs(field, list(new), world)
        return {field: _ro({**getattr(world, field), **new})}
    return replace


def _replace_capability(world: World, change: Any) -> dict[str, Any]:
    new: dict[str, dict[str, float]] = validated("capability", change)
    for measure, values in new.items():
        _refuse_derived(f"capability[{measure!r}]", values, f"{{{measure!r}: {{'WEST': ...}}}}")
        check_keys(f"capability[{measure!r}]", values, world.capability[measure], "actor(s)")
    merged = {m: _ro({**v, **new.get(m, {})}) for m, v in world.capability.items()}
    return {"capability": _ro(merged)}


def _replace_regime(world: World, change: Any) -> dict[str, Any]:
    new: dict[str, dict[str, float]] = validated("regime", change)
    _refuse_derived("regime", new, "{'WEST': {'polyarchy': ...}}")
    check_keys("regime", new, world.regime, "actor(s)")
    return {"regime": _ro({a: _ro({**v, **new.get(a, {})}) for a, v in world.regime.items()})}


def _replace_identity(world: World, change: Any) -> dict[str, Any]:
    new: dict[str, dict[str, Any]] = validated("identity", change)
    _refuse_derived("identity", new, "{'WEST': {'religion_family': ...}}")
    check_keys("identity", new, world.identity, "actor(s)")
    identity = dict(world.identity)
    for actor, markers in new.items():
        check_keys(f"identity[{actor!r}]", markers, _MARKERS, "marker(s)")
        merged = {**dataclasses.asdict(identity[actor]), **markers}
        from alliances.coding_shapes import IDENTITY_RECORD

        identity[actor] = Identity(**validated(f"identity[{actor!r}]", merged, IDENTITY_RECORD))
    return {"identity": _ro(identity)}


def _replace_acts(world: World, change: Any) -> dict[str, Any]:
    if isinstance(change, str):
        raise ValueError(f"drop_acts: give a list of act ids, not a single string; e.g. drop_acts=[{change[:60]!r}]")
    drop = set(validated("drop_acts", change))
    active = sorted(a.act_id for a in world.acts)
    unknown = sorted(drop - set(active))
    if unknown:
        raise ValueError(f"drop_acts: unknown or inactive act id(s) {unknown[:5]}; active acts "
                         f"in {world.when}: {', '.join(active)}")
    return {"acts": tuple(a for a in world.acts if a.act_id not in drop)}


_REPLACERS: Mapping[str, Callable[[World, Any], dict[str, Any]]] = MappingProxyType({
    "memory": _replace_pairs("memory"),
    "kinship": _replace_pairs("kinship"),
    "capability": _replace_capability,
    "regime": _replace_regime,
    "identity": _replace_identity,
    "drop_acts": _replace_acts,
})


def replace_codings(world: World, changes: Mapping[str, Any]) -> World:
    """A copy of ``world`` with ``changes`` (``World.replace``'s keywords) applied, each checked.

    Raises
    ------
    ValueError
        For an unknown field, actor, pair or act; a derived code (USA, EU …: change WEST); a
        pair of a state with itself; a value out of range; or a change of the wrong shape.
    """
    unknown = [f for f in changes if f not in _REPLACERS]
    if unknown:
        hint = " (to leave acts out, give drop_acts=[act ids])" if unknown[0] == "acts" else ""
        raise ValueError(f"cannot replace {unknown[0]!r}{hint}; codings you can change: {', '.join(_REPLACERS)}")
    updates: dict[str, Any] = {}
    for field, change in changes.items():
        updates.update(_REPLACERS[field](world, change))
    return dataclasses.replace(world, **updates)


__all__ = ["DERIVED", "Identity", "Pair", "check_keys", "refusal", "replace_codings", "validated"]
