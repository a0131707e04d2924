"""Checks for exercises/07_why_the_secession_failed.ipynb (lesson 07, the secession cases).

Every correct answer is computed here from :mod:`alliances.secession` at check time (same
settings as the question), so the checks follow the data when it changes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from pydantic import field_validator

from alliances import secession
from alliances.checks.answers import Check, expect_choice, expect_number, fail
from alliances.checks.schema import Answer, choice, flag, number, parse, share, whole
from alliances.errors import ParameterError

MODEL = "lesson 07, 'The model'"
DEFAULT = "lesson 07, 'The default result'"
UNKNOWNS = "lesson 07, 'The cases and what we do not know'"
FITTING = "lesson 07, 'Fitting the weights, and why that is dangerous'"

KARABAKH = "nagorno-karabakh"
UNKNOWN_CHOICES = ("neutral", "drop", "pessimistic")
#: Question 07.3 compares these handlings of unknowns with "neutral".
ALTERNATIVES = ("drop", "pessimistic")
EFFECTS = ("more", "fewer", "same")
#: Question 07.4: the reference answer's settings (the cut-points fitted too, so it over-fits).
OVERFITTING_SETTINGS: dict[str, Any] = {"step": 0.1, "fit_thresholds": True, "unknowns": "neutral"}


def explained_count(**params: Any) -> int:
    """How many cases :func:`alliances.secession.explained` explains with ``params``."""
    return int(secession.explained(**params)["explained"].sum())


# -- 07.1 Karabakh's score ------------------------------------------------------------------

def karabakh_score_value() -> float:
    """Karabakh's score under the default settings."""
    result = secession.explained()
    return float(result.loc[result["case_id"] == KARABAKH, "score"].iloc[0])


def karabakh_score(answer: Any) -> None:
    """07.1: Karabakh's score under the default weighting."""
    expect_number(answer, karabakh_score_value(), tol=0.005, see=MODEL, hint=(
        "The score is the weighted mean of the four factor scores (equal weights, unknowns neutral): find "
        "Karabakh's row in secession.explained() and read its 'score' column (a number from 0 to 1, not a "
        "class and not a percentage)."))


# -- 07.2 Model vs baseline -------------------------------------------------------------------

Count = Annotated[int, whole("a whole number of cases such as 4")]


class Counts(Answer):
    """07.2's answer: ``{"model": cases explained, "baseline": cases 'always failure' explains}``."""

    model: Count
    baseline: Count


def model_and_baseline() -> dict[str, int]:
    """Cases explained by the default weighting and by always predicting failure."""
    return {"model": explained_count(), "baseline": int((secession.cases()["outcome_ordinal"] == 0).sum())}


def model_vs_baseline(answer: Any) -> None:
    """07.2: how many cases the default model and the 'always failure' baseline explain."""
    given = parse(Counts, answer, see=DEFAULT).model_dump()
    n = len(secession.cases())
    for key, got in given.items():
        if not 0 <= got <= n:
            fail(f"Your {key!r} is {got}, but there are only {n} cases: give a count, not a percentage.", DEFAULT)
    correct = model_and_baseline()
    if given["model"] != correct["model"]:
        fail(f"(your 'model') {given['model']} is not the number of cases the default weighting explains. Count "
             "the True values in secession.explained()['explained'].", DEFAULT)
    if given["baseline"] != correct["baseline"]:
        fail(f"(your 'baseline') {given['baseline']} is not the number of cases 'always predict failure' explains: "
             "count the cases whose observed class is 'failure' (autonomy or reintegrated).", DEFAULT)


# -- 07.3 Predict the effect of the unknowns rule --------------------------------------------

Effect = Annotated[str, choice(EFFECTS)]


class UnknownsEffect(Answer):
    """07.3's answer: ``{"drop": effect, "pessimistic": effect}``, each "more", "fewer" or "same"."""

    drop: Effect
    pessimistic: Effect


def unknowns_effects() -> dict[str, str]:
    """Whether each alternative rule for unknowns explains more, fewer or the same cases as "neutral"."""
    neutral = explained_count(unknowns="neutral")
    counts = {rule: explained_count(unknowns=rule) for rule in ALTERNATIVES}
    return {rule: "more" if c > neutral else "fewer" if c < neutral else "same" for rule, c in counts.items()}


def unknowns_prediction(answer: Any) -> None:
    """07.3: the student's prediction of what the two other rules for unknowns do."""
    given = parse(UnknownsEffect, answer, see=UNKNOWNS).model_dump()
    for rule, correct in unknowns_effects().items():
        counted = "0 " if rule == "pessimistic" else "not at all (only known items are averaged) "
        expect_choice(given[rule], EFFECTS, correct, see=UNKNOWNS, hint=(
            f"(your {rule!r}) Under 'neutral' an unknown item counts 0.5, which sits in the 'partial' band. "
            f"Where do the cases with many unknowns move when unknowns count {counted}— and what are their "
            "observed outcomes?"))


# -- 07.4 In-sample vs leave-one-out agreement -----------------------------------------------

class FitResult(Answer):
    """07.4's answer: the settings of a leave-one-out run and its two agreements."""

    step: Annotated[float, number("the weight-grid step, a number from 0.05 to 0.5 such as 0.1",
                                  low=0.05 - 1e-9, high=0.5 + 1e-9)]
    fit_thresholds: Annotated[bool, flag()]
    unknowns: Annotated[str, choice(UNKNOWN_CHOICES)]
    in_sample: Annotated[float, share()]
    loo: Annotated[float, share()]

    @field_validator("step")
    @classmethod
    def _divides_one(cls, step: float) -> float:
        if abs(round(1 / step) - 1 / step) > 1e-6:
            raise ValueError(f"{step:g} is not allowed: give a step that divides 1 (e.g. 0.1, 0.05, 0.25).")
        return 1 / round(1 / step)


@lru_cache(maxsize=32)
def agreements(step: float, fit_thresholds: bool, unknowns: str) -> tuple[float, float]:
    """(in-sample, leave-one-out) agreement of :func:`alliances.secession.leave_one_out`."""
    result = secession.leave_one_out(step=step, fit_thresholds=fit_thresholds, unknowns=unknowns)
    return result.in_sample, result.loo


def overfitting_answer() -> dict[str, Any]:
    """A reference answer to 07.4: :data:`OVERFITTING_SETTINGS` and their two agreements."""
    in_sample, loo = agreements(**OVERFITTING_SETTINGS)
    return {**OVERFITTING_SETTINGS, "in_sample": in_sample, "loo": loo}


def overfitting(answer: Any) -> None:
    """07.4: settings whose in-sample agreement is above their leave-one-out agreement, and both numbers."""
    given = parse(FitResult, answer, see=FITTING)
    try:
        in_sample, loo = agreements(given.step, given.fit_thresholds, given.unknowns)
    except ParameterError as exc:
        fail(f"These settings cannot be fitted: {exc}", FITTING)
    where = (f"for step={given.step:g}, fit_thresholds={given.fit_thresholds}, unknowns={given.unknowns!r}; run "
             "secession.leave_one_out with the same settings and read .in_sample and .loo")
    for key, got, correct in (("in_sample", given.in_sample, in_sample), ("loo", given.loo, loo)):
        expect_number(got, correct, tol=0.005, hint=f"(your {key!r}) It is not the agreement {where}.", see=FITTING)
    if in_sample - loo < 1e-9:
        fail(f"Right numbers, but with these settings there is no gap to explain (in-sample {in_sample:.0%}, "
             f"leave-one-out {loo:.0%}). Choose settings with more freedom — a finer grid (step 0.05) or "
             "fit_thresholds=True — so that in-sample agreement is above leave-one-out agreement.", FITTING)


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "07.1": karabakh_score,
    "07.2": model_vs_baseline,
    "07.3": unknowns_prediction,
    "07.4": overfitting,
}
