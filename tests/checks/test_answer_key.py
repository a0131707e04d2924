"""The answer key: current with the reference answers, and nothing importable returns an answer."""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from alliances.checks import CHECKS, Hint, keys
from alliances.checks.keys import Key, MissingKey, accepted_numbers, digest, key, number_candidates
from grading import build_answer_key
from grading.references import GRADING_MODULES

ROOT = Path(__file__).resolve().parents[2]


def test_the_answer_key_is_current_with_the_reference_answers():
    assert build_answer_key.TARGET.read_text(encoding="utf-8") == build_answer_key.render(build_answer_key.build()), \
        "alliances/checks/answer_key.py is stale: run python grading/build_answer_key.py"


def test_the_key_holds_digests_only():
    from alliances.checks.answer_key import ANSWER_KEY
    assert ANSWER_KEY
    for name, (decimals, digests) in ANSWER_KEY.items():
        assert re.fullmatch(r"\d\d\.\d+(/[\w.-]+)*", name) and isinstance(decimals, int)
        assert all(re.fullmatch(r"[0-9a-f]{16}", d) for d in digests), name


def test_a_number_is_accepted_at_the_precision_the_key_was_built_for():
    entry = Key("99.1", frozenset(digest("99.1", str(k)) for k in accepted_numbers(0.625, 0.005, 2)), 2)
    assert entry.accepts_number(0.62) and entry.accepts_number(0.63) and entry.accepts_number(0.625)
    assert not entry.accepts_number(0.61) and not entry.accepts_number(0.64)
    assert number_candidates(0.125, 2) == [12, 13]


def test_a_missing_entry_is_named():
    with pytest.raises(MissingKey, match="no entry '99.9/x'"):
        key("99.9/x")


def _elsewhere() -> set[int]:
    """Objects that other parts of the package define (vocabularies such as PERIODS): not answers."""
    return {id(v) for name, m in list(sys.modules.items()) if name.startswith("alliances.")
            and not name.startswith("alliances.checks") and m is not None for v in vars(m).values()}


def _public_values(module: ModuleType) -> list[object]:
    """Every module-level value defined in ``module`` and what each of its functions returns with no
    arguments (a function whose parameters all have defaults), as a student could get them."""
    out: list[object] = []
    elsewhere = _elsewhere()
    for name, value in vars(module).items():
        if name.startswith("__") or isinstance(value, ModuleType) or id(value) in elsewhere:
            continue
        if callable(value) and getattr(value, "__module__", module.__name__) != module.__name__:
            continue
        out.append(value)
        if callable(value) and not isinstance(value, type):
            try:
                params = inspect.signature(value).parameters.values()
            except (TypeError, ValueError):
                continue
            if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
                try:
                    out.append(value())
                except Exception:
                    pass
    return out


def _leaks(module: ModuleType) -> list[str]:
    """The questions whose check accepts something importable from ``module``."""
    found = []
    candidates = _public_values(module)
    for question, check in CHECKS.items():
        for value in candidates:
            try:
                check(value)
            except (Hint, Exception):
                continue
            found.append(question)
            break
    return found


def _modules() -> list[ModuleType]:
    return [m for name, m in sorted(sys.modules.items()) if name.startswith("alliances.checks") and m is not None]


@pytest.mark.parametrize("module", _modules(), ids=lambda m: m.__name__)
def test_nothing_importable_from_the_installed_checks_returns_an_answer(module):
    """Every value and every no-argument call in the module is fed to every check: none is accepted."""
    assert _leaks(module) == []


def test_every_exercise_has_its_reference_answers_outside_the_package():
    """Nine grader-only modules, grading/exercise00.py ... exercise08.py: none left in the package."""
    assert [m.__name__ for m in GRADING_MODULES] == [f"grading.exercise{n:02d}" for n in range(9)]


def test_the_leak_finder_finds_a_leak():
    fake = ModuleType("fake")
    def answer():
        return "opposition"
    answer.__module__ = "fake"
    fake.answer = answer  # type: ignore[attr-defined]
    assert "02.5" in _leaks(fake)
    assert keys  # the key module itself is walked above
