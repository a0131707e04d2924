"""Answer-key entries made from reference answers (grader side; see ``alliances.checks.keys``)."""

from __future__ import annotations

from collections.abc import Iterable

from alliances.checks.answers import normalise_text
from alliances.checks.keys import accepted_numbers, digest

#: One answer-key entry: (decimals, digests of the accepted canonical forms).
Entry = tuple[int, tuple[str, ...]]


def text_entry(name: str, value: str) -> dict[str, Entry]:
    """The entry for a text answer (one option, or a code)."""
    return {name: (0, (digest(name, normalise_text(value)),))}


def set_entry(name: str, values: Iterable[str]) -> dict[str, Entry]:
    """The entry for a set of codes: one digest per member."""
    return {name: (0, tuple(sorted(digest(name, normalise_text(v)) for v in set(values))))}


def number_entry(name: str, value: float, *, tol: float, decimals: int) -> dict[str, Entry]:
    """The entry for a number: every value at ``decimals`` within ``tol`` of ``value``."""
    return {name: (decimals, tuple(sorted(digest(name, str(k)) for k in accepted_numbers(value, tol, decimals))))}
