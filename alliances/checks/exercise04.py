"""Checks for exercises/04_constructivism.ipynb (lesson 04, constructivism / identity).

The right answers are not here: ``grading/exercise04.py`` (outside the installed package)
computes them and the answer key holds their digests (:mod:`alliances.checks.keys`). The
student's identity score with a fifth marker (04.4) is validated against the model's own
thin-identity score (``predict("constructivism", world, identity="thin")``), which it must
reproduce when the new marker weighs 0.
"""

from __future__ import annotations

from typing import Annotated, Any

from alliances.checks.answers import (
    Check,
    call_student,
    describe,
    expect_choice,
    expect_codes,
    expect_number,
    fail,
    real_number,
)
from alliances.checks.keys import key
from alliances.checks.schema import Answer, choice, parse
from alliances.schemas import CHOOSERS
from alliances.theories import STANCES, predict
from alliances.world import load_world

PERIOD = "2008-2019"
MODEL = "lesson 04, 'The model'"
HISTORY = "lesson 04, 'History: `use_memory` and `memory_weight`'"
RECODE = "lesson 04, 'Change a coded judgement yourself'"
MARKER_SEE = "lesson 04, 'Language and kinship: `use_language` and `use_kinship`' and 'The model'"

#: The "history only" reading: the thin variant with every marker but historical memory switched off.
HISTORY_ONLY = {"identity": "thin", "use_religion": False, "use_language": False, "use_kinship": False}
#: Questions 04.3 and 04.4 use the thin-identity variant (static shared attributes).
THIN = {"identity": "thin"}
#: Question 04.2 recodes Georgia's memory of Turkey to this value.
RECODED_MEMORY = 1
#: Question 04.3 recodes Azerbaijan's kinship with Iran, then also its memory of Iran, to these values.
KIN_PAIR = ("AZE", "IRN")
RECODED_KINSHIP = 0
RECODED_KIN_MEMORY = -2
#: 04.3: the religion weight is asked to two decimals; a sweep in the slider's steps of 0.05 is close enough.
WEIGHT_TOLERANCE = 0.05
#: Worlds on which 04.4's function is validated, and the new marker's weights tried.
FUNCTION_PERIODS = ("2008-2019", "2023-2025")
NEW_WEIGHTS = (0.0, 0.5, 1.0)

Stance = Annotated[str, choice(STANCES)]


# -- 04.1 -------------------------------------------------------------------------------

class HistoryMisses(Answer):
    """04.1's answer: ``{"ARM": partners, "AZE": partners, "GEO": partners}``, each a list of codes."""

    ARM: Any
    AZE: Any
    GEO: Any


def history_only_misses(answer: Any) -> None:
    """04.1: for each chooser, the partners whose observed stance the history-only reading gets wrong."""
    given = parse(HistoryMisses, answer, see=HISTORY)
    world = load_world(PERIOD)
    for state in CHOOSERS:
        expect_codes(getattr(given, state), world.partners(state), key(f"04.1/{state}"), what="partner codes",
                     see=HISTORY, hint=(
                         f"(your list for {state!r}; [] if it gets every partner right) Merge "
                         "predict('constructivism', world, **HISTORY_ONLY) with observed(world) on state and "
                         "partner, and keep the rows whose two stance columns differ; compare stances, not "
                         "scores."))


# -- 04.2 -------------------------------------------------------------------------------

class RecodedMemory(Answer):
    """04.2's answer: ``{"history_only": stance, "default": stance}``."""

    history_only: Stance
    default: Stance


def recoded_memory(answer: Any) -> None:
    """04.2: Georgia's stance towards Turkey once its memory of Turkey is recoded, in both settings."""
    given = parse(RecodedMemory, answer, see=RECODE).model_dump()
    for name in ("history_only", "default"):
        expect_choice(given[name], STANCES, key(f"04.2/{name}"), see=RECODE, hint=(
            f"(your answer for {name!r}) Run predict('constructivism', recoded, ...) in this setting and read "
            "Georgia's row for Turkey. In the history-only setting memory decides alone (the score is "
            "memory / 2); in the default it is averaged with current practice, weighted by practice_weight."))


# -- 04.3 -------------------------------------------------------------------------------

class KinAndMemory(Answer):
    """04.3's answer: ``{"kinship": stance, "both": stance, "religion_weight": number}``."""

    kinship: Stance
    both: Stance
    religion_weight: Any


def kinship_and_memory(answer: Any) -> None:
    """04.3: Azerbaijan's thin-identity stance towards Iran after recoding kinship, then memory too, and
    the religion weight at which it stops aligning."""
    given = parse(KinAndMemory, answer, see=MARKER_SEE)
    for name in ("kinship", "both"):
        expect_choice(getattr(given, name), STANCES, key(f"04.3/{name}"), see=MARKER_SEE, hint=(
            f"(your answer for {name!r}) Run predict('constructivism', recoded, identity='thin') on the "
            "recoded world and read Azerbaijan's row for Iran. Which marker is still shared, and how large "
            "is its weight against the sum of the weights?"))
    value = real_number(given.religion_weight)
    if value is not None and not 0 <= value <= 10:
        fail(f"religion_weight is {value:g}: a weight from 0 upwards is expected (the slider runs from 0 to 1).",
             MARKER_SEE)
    expect_number(given.religion_weight, key("04.3/religion_weight"), tol=WEIGHT_TOLERANCE, see=MARKER_SEE,
                  hint=("(your religion_weight) With both recodings, write the thin score as (w_r x_r + the other "
                        "weighted markers) / (w_r + the other weights) and solve for the w_r at which it equals "
                        "align_at (0.25), or sweep religion_weight from 0 to 1 in steps of 0.05 with the recoded "
                        "world."))


# -- 04.4 -------------------------------------------------------------------------------

def _identity(fn: Any, world: Any, state: str, partner: str, weight: float, period: str) -> float:
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
    """04.4: the student's ``my_identity(world, state, partner, new_weight)`` with a fifth marker."""
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
    "04.1": history_only_misses,
    "04.2": recoded_memory,
    "04.3": kinship_and_memory,
    "04.4": identity_with_new_marker,
}
