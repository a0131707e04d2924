"""Checks for exercises/04_constructivism.ipynb (lesson 04, constructivism / identity).

Every correct answer is computed here from the package at check time (same world, same
settings as the question), so the checks follow the data when it changes.
"""

from __future__ import annotations

from typing import Annotated, Any

from alliances.checks.answers import Check, call_student, describe, expect_choice, expect_codes, fail, real_number
from alliances.checks.schema import Answer, choice, parse
from alliances.theories import STANCES, predict, score
from alliances.theories.constructivism import MARKERS
from alliances.world import World, load_world

PERIOD = "2008-2019"
MODEL = "lesson 04, 'The model'"
HISTORY = "lesson 04, 'History: `use_memory` and `memory_weight`'"
RECODE = "lesson 04, 'Change a coded judgement yourself'"

#: The "history only" reading: the thin variant with every marker but historical memory switched off.
HISTORY_ONLY = {"identity": "thin", "use_religion": False, "use_language": False, "use_kinship": False}
#: Question 04.3 extends the thin-identity variant (static shared attributes).
THIN = {"identity": "thin"}
#: Question 04.2 recodes Georgia's memory of Turkey to this value.
RECODED_MEMORY = 1
#: Worlds on which 04.3's function is validated, and the new marker's weights tried.
FUNCTION_PERIODS = ("2008-2019", "2023-2025")
NEW_WEIGHTS = (0.0, 0.5, 1.0)


def _stance(world: World, state: str, partner: str, **params: Any) -> str:
    table = predict("constructivism", world, **params)
    return str(table[(table["state"] == state) & (table["partner"] == partner)]["stance"].iloc[0])


# -- 04.1 -------------------------------------------------------------------------------

def history_only_balanced(period: str = PERIOD) -> set[str]:
    """Georgia's partners with a 'balance' stance in the history-only reading."""
    table = predict("constructivism", load_world(period), **HISTORY_ONLY)
    return set(table[(table["state"] == "GEO") & (table["stance"] == "balance")]["partner"])


def history_only_balance(answer: Any) -> None:
    """04.1: the partners Georgia balances when only historical memory counts."""
    expect_codes(answer, load_world(PERIOD).partners("GEO"), history_only_balanced(), what="partner codes",
                 see=HISTORY, hint="Look at the stance column of the history-only prediction, not only the "
                                   "sign of the score.")


# -- 04.2 -------------------------------------------------------------------------------

Stance = Annotated[str, choice(STANCES)]


class RecodedMemory(Answer):
    """04.2's answer: ``{"history_only": stance, "default": stance}``."""

    history_only: Stance
    default: Stance


def recoded_stances(period: str = PERIOD) -> dict[str, str]:
    """Georgia's stance towards Turkey after recoding its memory, per setting of 04.2."""
    world = load_world(period).replace(memory={("GEO", "TUR"): RECODED_MEMORY})
    return {"history_only": _stance(world, "GEO", "TUR", **HISTORY_ONLY), "default": _stance(world, "GEO", "TUR")}


def recoded_memory(answer: Any) -> None:
    """04.2: Georgia's stance towards Turkey once its memory of Turkey is recoded, in both settings."""
    given = parse(RecodedMemory, answer, see=RECODE).model_dump()
    for key, correct in recoded_stances().items():
        expect_choice(given[key], STANCES, correct, see=RECODE, hint=(
            f"(your answer for {key!r}) Historical memory enters the score as memory / 2, weighted by "
            "memory_weight against the other markers that are switched on. How large is memory's share "
            "of the weights in this setting?"))


# -- 04.3 -------------------------------------------------------------------------------

def regime_similarity(world: World, state: str, partner: str) -> float:
    """An example fifth marker: 1 - 2 |polyarchy difference| (-1 … 1; 0 when either is unknown)."""
    a = world.regime.get(state, {}).get("polyarchy")
    b = world.regime.get(partner, {}).get("polyarchy")
    return 0.0 if a is None or b is None else 1 - 2 * abs(a - b)


def identity_with_regime_marker(world: World, state: str, partner: str, new_weight: float) -> float:
    """A reference answer to 04.3: the model's identity score with :func:`regime_similarity` added
    as a fifth marker of weight ``new_weight`` (a weighted mean over the five markers)."""
    params, scored = score("constructivism", world, **THIN)
    total = sum(params[f"{m}_weight"] for m in MARKERS if params[f"use_{m}"])
    marker = regime_similarity(world, state, partner)
    return (scored[(state, partner)].score * total + new_weight * marker) / (total + new_weight)


def _identity(fn: Any, world: World, state: str, partner: str, weight: float, period: str) -> float:
    """The student's score for one pair: a finite number from -1 to 1, or a hint."""
    call = f"my_identity(world, {state!r}, {partner!r}, {weight}) (for {period})"
    got = call_student(fn, world, state, partner, weight, name=call, see=MODEL)
    value = real_number(got)
    if value is None:
        fail(f"{call} returned {describe(got)}; it must return one finite number.", MODEL)
    if not -1.0 - 1e-9 <= value <= 1.0 + 1e-9:
        fail(f"{call} returned {value:.4g}; an identity score lies from -1 to 1. Divide by the sum of the "
             "weights (including the new marker's) and keep the new marker in -1 … 1.", MODEL)
    return value


def identity_with_new_marker(answer: Any) -> None:
    """04.3: the student's ``my_identity(world, state, partner, new_weight)`` with a fifth marker."""
    changed = False
    for period in FUNCTION_PERIODS:
        world = load_world(period)
        reference = predict("constructivism", world, **THIN)
        for weight in NEW_WEIGHTS:
            for state, partner, ref in zip(reference["state"], reference["partner"], reference["score"]):
                value = _identity(answer, world, state, partner, weight, period)
                if weight == 0 and abs(value - ref) > 1e-6:
                    fail(f"With the new marker's weight 0, my_identity(world, {state!r}, {partner!r}, 0) should "
                         f"equal the model's score {ref:+.4f} from predict('constructivism', world, identity='thin') (for "
                         f"{period}); it returned {value:+.4f}. Use the model's four markers and default "
                         "weights, and add the new marker to the numerator AND the denominator.", MODEL)
                changed = changed or abs(value - ref) > 1e-6
    if not changed:
        fail("With the new marker's weight at 0.5 or 1, my_identity returns exactly the model's scores for "
             "every pair: the new marker never changes anything. Does it differ between pairs, and is it in "
             "the numerator?", MODEL)


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "04.1": history_only_balance,
    "04.2": recoded_memory,
    "04.3": identity_with_new_marker,
}
