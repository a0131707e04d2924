"""A reference answer for every question (grader side, not installed): what the answer key is made of.

An exercise whose reference answers live in ``grading/exerciseNN.py`` (a ``REFERENCES``
mapping and an ``entries()`` function for the answer key) is graded from there only. For the
others the reference functions still live in their package check module (listed in
:data:`STILL_IN_PACKAGE`): those checks compute the expected answer at check time, so a student
can import it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from alliances.checks import exercise01 as e01
from alliances.checks import exercise03 as e03
from alliances.checks import exercise04 as e04
from alliances.checks import exercise05 as e05
from alliances.checks import exercise06 as e06
from alliances.checks import exercise07 as e07
from alliances.checks import exercise08 as e08

_HERE = Path(__file__).resolve().parent

#: The grader-only reference modules ``grading/exerciseNN.py``, in exercise order.
GRADING_MODULES: tuple[ModuleType, ...] = tuple(
    importlib.import_module(f"grading.{path.stem}") for path in sorted(_HERE.glob("exercise[0-9][0-9].py")))

#: Package modules whose checks still compute (and so expose) the right answer.
STILL_IN_PACKAGE: tuple[str, ...] = tuple(
    f"exercise{n:02d}" for n in range(9) if not (_HERE / f"exercise{n:02d}.py").exists())

_IN_PACKAGE: dict[str, Callable[[], Any]] = {
    "01.1": e01.balance_roles_answer,
    "01.2": lambda: e01.turkey_stance("milex"),
    "01.3": lambda: e01.capability_shares,
    "01.4": lambda: e01.WHY_IDENTICAL_ANSWER,
    "03.1": lambda: min(e03.most_vertically_weak_states()),
    "03.2": lambda: min(e03.patron_terms()[1]),
    "03.3": e03.full_internal_weight_stance,
    "03.4": e03.first_split,
    "04.1": e04.history_only_balanced,
    "04.2": e04.recoded_stances,
    "04.3": lambda: e04.identity_with_regime_marker,
    "05.1": e05.levels_pulling,
    "05.2": e05.stances_without_backing,
    "05.3": e05.verdict,
    "05.4": lambda: e05.EXAMPLE_REGION,
    "06.1": e06.karabakh.tipping_year,
    "06.2": e06.drone_effect,
    "06.3": lambda: e06.stability_with_spending_trend,
    "06.4": e06.earliest_row,
    "07.1": e07.karabakh_score_value,
    "07.2": e07.model_and_baseline,
    "07.3": e07.unknowns_effects,
    "07.4": e07.overfitting_answer,
    "08.1": lambda: e08.best_theories()[0],
    "08.2": e08.shared_failures,
    "08.3": lambda: e08.majority_vote_reference,
    "08.4": e08.vote_result,
    "08.5": e08.fit_and_test_answer,
}

REFERENCES: dict[str, Callable[[], Any]] = {
    **{q: f for q, f in _IN_PACKAGE.items() if f"exercise{q[:2]}" in STILL_IN_PACKAGE},
    **{q: f for module in GRADING_MODULES for q, f in module.REFERENCES.items()},
}


def reference_answer(question: str) -> Any:
    """An answer to ``question`` that its check accepts."""
    return REFERENCES[question]()
