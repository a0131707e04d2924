"""The answer key: whether an answer is right, never what the right answer is.

The checks shipped in the package do not compute the expected answers: those are computed by
the grader-only code in ``grading/`` (outside the installed package), which writes each
question's answer key into :mod:`alliances.checks.answer_key` as salted SHA-256 digests of the
accepted answers in a canonical form. A check canonicalises the student's answer the same way
and compares digests, so a right answer is confirmed and a wrong one gets a hint, but no
function in the package returns a question's answer.

What this does not hide: a right/wrong oracle over a small answer space can be searched by
trying every option (as a student could by re-running the check cell). Practice feedback is
that oracle by design; graded points come from nbgrader's hidden tests, and the written
answers from the instructor.

Canonical forms (each digested with the entry's name, e.g. ``"02.1/ARM"``):

- text: :func:`~alliances.checks.answers.normalise_text` of the option as written;
- a set of codes: one digest per member, in any order (so a hint can say how many are missing);
- a number: the integers ``k`` with ``k / 10**decimals`` close enough to the answer (the
  builder decides which; see :func:`number_candidates`).

Examples
--------
>>> d = digest("99.1", "arm")
>>> len(d), d == digest("99.1", "arm"), d == digest("99.2", "arm")
(16, True, False)
>>> number_candidates(0.625, 2), number_candidates(0.61999999, 2)
([62, 63], [62])
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from alliances.checks.answer_key import ANSWER_KEY


def digest(name: str, canonical: str) -> str:
    """The salted digest of one canonical answer form for the key entry ``name``."""
    return hashlib.sha256(f"{name}\x00{canonical}".encode()).hexdigest()[:16]


def number_candidates(value: float, decimals: int) -> list[int]:
    """The integers ``k`` whose ``k / 10**decimals`` a person may mean by ``value``: its rounding,
    and both roundings when ``value`` is (within floating-point error) half-way between two."""
    scaled = value * 10 ** decimals
    below = math.floor(scaled)
    if abs(scaled - below - 0.5) < 1e-6:
        return [below, below + 1]
    return [round(scaled)]


def accepted_numbers(value: float, tol: float, decimals: int) -> list[int]:
    """The integers ``k`` (at ``decimals``) within ``tol`` of ``value``: what the builder digests.

    >>> accepted_numbers(0.625, 0.005, 2)
    [62, 63]
    """
    scale = 10 ** decimals
    return [k for k in range(math.floor((value - tol) * scale) - 1, math.ceil((value + tol) * scale) + 2)
            if abs(k / scale - value) <= tol + 1e-9]


@dataclass(frozen=True)
class Key:
    """One entry of the answer key: a name (``"02.1/ARM"``), the digests of its accepted forms and,
    for a number, the decimals it is compared at."""

    name: str
    digests: frozenset[str]
    decimals: int = 0

    def accepts(self, canonical: str) -> bool:
        """Whether ``canonical`` (already in the entry's canonical form) is one of the accepted forms."""
        return digest(self.name, canonical) in self.digests

    def accepts_number(self, value: float) -> bool:
        """Whether the number ``value`` is close enough to the answer (see :func:`number_candidates`)."""
        return any(self.accepts(str(k)) for k in number_candidates(value, self.decimals))

    def __len__(self) -> int:
        """How many forms are accepted: for a set of codes, how many codes belong in it."""
        return len(self.digests)


class MissingKey(LookupError):
    """The answer key has no entry of that name: the key is out of date (run ``grading/build_answer_key.py``)."""


def key(name: str) -> Key:
    """The answer-key entry ``name``; :class:`MissingKey` if the key has no such entry."""
    try:
        decimals, digests = ANSWER_KEY[name]
    except KeyError:
        raise MissingKey(f"the answer key has no entry {name!r}; ask your instructor") from None
    return Key(name, frozenset(digests), decimals)


__all__ = ["Key", "MissingKey", "accepted_numbers", "digest", "key", "number_candidates"]
