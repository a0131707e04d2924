"""Checks for exercises/04_constructivism.ipynb (lesson 04, constructivism / identity).

Every correct answer is computed here from the package at check time (same world, same
settings as the question), so the checks follow the data when it changes.
"""

from __future__ import annotations

import math

from alliances.checks import _describe, call_student, expect_choice, expect_codes, expect_mapping, fail, register
from alliances.theories import STANCES, predict
from alliances.world import load_world

PERIOD = "2008-2019"
MODEL = "lesson 04, 'The model'"
HISTORY = "lesson 04, 'History: `use_memory` and `memory_weight`'"
RECODE = "lesson 04, 'Change a coded judgement yourself'"

#: The "history only" reading: every identity marker but historical memory switched off.
HISTORY_ONLY = {"use_religion": False, "use_language": False, "use_kinship": False}
#: Question 04.2 recodes Georgia's memory of Turkey to this value.
RECODED_MEMORY = 1
#: Worlds on which 04.3's function is validated, and the new marker's weights tried.
FUNCTION_PERIODS = ("2008-2019", "2020-2024")
NEW_WEIGHTS = (0.0, 0.5, 1.0)


def _world():
    return load_world(PERIOD)


def _stance(table, state: str, partner: str) -> str:
    return table[(table["state"] == state) & (table["partner"] == partner)].iloc[0]["stance"]


@register("04.1")
def history_only_balance(answer):
    world = _world()
    table = predict("constructivism", world, **HISTORY_ONLY)
    correct = set(table[(table["state"] == "GEO") & (table["stance"] == "balance")]["partner"])
    expect_codes(answer, world.partners("GEO"), correct, what="partner codes", see=HISTORY,
                 hint="Look at the stance column of the history-only prediction, not only the "
                      "sign of the score.")


@register("04.2")
def recoded_memory(answer):
    expect_mapping(answer, ["history_only", "default"], see=RECODE)
    world = _world().replace(memory={("GEO", "TUR"): RECODED_MEMORY})
    settings = {"history_only": HISTORY_ONLY, "default": {}}
    for key in ("history_only", "default"):
        if not isinstance(answer[key], str):
            fail(f"Your dict's value for {key!r} should be one of {list(STANCES)} as a string, got "
                 f"{_describe(answer[key])}.", RECODE)
        correct = _stance(predict("constructivism", world, **settings[key]), "GEO", "TUR")
        expect_choice(answer[key], STANCES, correct,
                      hint=f"(your answer for {key!r}) Historical memory enters the score as memory / 2, "
                           "weighted by memory_weight against the other markers that are switched on. "
                           "How large is memory's share of the weights in this setting?",
                      see=RECODE)


def _reference_scores(world) -> dict[tuple[str, str], float]:
    table = predict("constructivism", world)
    return {(r.state, r.partner): float(r.score) for r in table.itertuples()}


def _number(value) -> float | None:
    """``value`` as a float if it is a finite real number (not a bool), else None."""
    try:
        import numpy as np

        numeric = (isinstance(value, (int, float, np.integer, np.floating))
                   and not isinstance(value, (bool, np.bool_)))
    except ImportError:  # pragma: no cover
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not numeric:
        return None
    try:
        value = float(value)
    except OverflowError:  # an int too large for a float
        return None
    return value if math.isfinite(value) else None


@register("04.3")
def identity_with_new_marker(fn):
    name = "my_identity"
    changed = False
    for period in FUNCTION_PERIODS:
        world = load_world(period)
        reference = _reference_scores(world)
        for weight in NEW_WEIGHTS:
            for (state, partner), ref in reference.items():
                got = call_student(fn, world, state, partner, weight, name=name, see=MODEL)
                value = _number(got)
                if value is None:
                    fail(f"{name}(world, {state!r}, {partner!r}, {weight}) returned {_describe(got)} "
                         f"(for {period}); it must return one finite number.", MODEL)
                if not -1.0 - 1e-9 <= value <= 1.0 + 1e-9:
                    fail(f"{name}(world, {state!r}, {partner!r}, {weight}) returned {value:.4g} (for "
                         f"{period}); an identity score lies from -1 to 1. Divide by the sum of the "
                         "weights (including the new marker's) and keep the new marker in -1 … 1.", MODEL)
                if weight == 0 and abs(value - ref) > 1e-6:
                    fail(f"With the new marker's weight 0, {name}(world, {state!r}, {partner!r}, 0) should "
                         f"equal the model's score {ref:+.4f} from predict('constructivism', world) (for "
                         f"{period}); it returned {value:+.4f}. Use the model's four markers and default "
                         "weights, and add the new marker to the numerator AND the denominator.", MODEL)
                if weight > 0 and abs(value - ref) > 1e-6:
                    changed = True
    if not changed:
        fail(f"With the new marker's weight at 0.5 or 1, {name} returns exactly the model's scores for "
             "every pair: the new marker never changes anything. Does it differ between pairs, and is "
             "it in the numerator?", MODEL)
