"""Checks for exercises/07_why_the_secession_failed.ipynb (lesson 07, the secession cases).

Every correct answer is computed here from :mod:`alliances.secession` at check time (same
settings as the question), so the checks follow the data when it changes.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from alliances import secession
from alliances.checks import _describe, expect_choice, expect_mapping, expect_number, fail, register
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


def _is_real(value) -> bool:
    return (isinstance(value, (int, float, np.integer, np.floating))
            and not isinstance(value, (bool, np.bool_)))


def _finite(value) -> float | None:
    if not _is_real(value):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _count(value, *, what: str, see: str) -> int:
    number = _finite(value)
    if number is None or number != int(number):
        fail(f"Expected {what} as a whole number of cases such as 4, got {_describe(value)}.", see)
    return int(number)


def _explained_count(**params) -> int:
    return int(secession.explained(**params)["explained"].sum())


# ---------------------------------------------------------------------------------------
# 07.1 Karabakh's score
# ---------------------------------------------------------------------------------------

@register("07.1")
def karabakh_score(answer):
    result = secession.explained()
    correct = float(result.loc[result["case_id"] == KARABAKH, "score"].iloc[0])
    expect_number(answer, correct, tol=0.005,
                  hint="The score is the weighted mean of the four factor scores (equal weights, unknowns "
                       "neutral): find Karabakh's row in secession.explained() and read its 'score' column "
                       "(a number from 0 to 1, not a class and not a percentage).",
                  see=MODEL)


# ---------------------------------------------------------------------------------------
# 07.2 Model vs baseline
# ---------------------------------------------------------------------------------------

@register("07.2")
def model_vs_baseline(answer):
    expect_mapping(answer, ["model", "baseline"], see=DEFAULT)
    model = _explained_count()
    baseline = int((secession.cases()["outcome_ordinal"] == 0).sum())
    n = len(secession.cases())
    got_model = _count(answer["model"], what="your 'model' (how many cases the default weighting explains)",
                       see=DEFAULT)
    got_baseline = _count(answer["baseline"], what="your 'baseline' (how many cases 'always failure' explains)",
                          see=DEFAULT)
    for key, got in (("model", got_model), ("baseline", got_baseline)):
        if not 0 <= got <= n:
            fail(f"Your {key!r} is {got}, but there are only {n} cases: give a count, not a percentage.", DEFAULT)
    if got_model != model:
        fail(f"(your 'model') {got_model} is not the number of cases the default weighting explains. Count the "
             "True values in secession.explained()['explained'].", DEFAULT)
    if got_baseline != baseline:
        fail(f"(your 'baseline') {got_baseline} is not the number of cases 'always predict failure' explains: "
             "count the cases whose observed class is 'failure' (autonomy or reintegrated).", DEFAULT)


# ---------------------------------------------------------------------------------------
# 07.3 Predict the effect of the unknowns rule
# ---------------------------------------------------------------------------------------

@register("07.3")
def unknowns_prediction(answer):
    expect_mapping(answer, list(ALTERNATIVES), see=UNKNOWNS)
    neutral = _explained_count(unknowns="neutral")
    for rule in ALTERNATIVES:
        other = _explained_count(unknowns=rule)
        correct = "more" if other > neutral else "fewer" if other < neutral else "same"
        expect_choice(answer[rule], EFFECTS, correct,
                      hint=f"(your {rule!r}) Under 'neutral' an unknown item counts 0.5, which sits in the "
                           "'partial' band. Where do the cases with many unknowns move when unknowns count "
                           + ("0 " if rule == "pessimistic" else "not at all (only known items are averaged) ")
                           + "— and what are their observed outcomes?",
                      see=UNKNOWNS)


# ---------------------------------------------------------------------------------------
# 07.4 In-sample vs leave-one-out agreement
# ---------------------------------------------------------------------------------------

@lru_cache(maxsize=32)
def _loo(step: float, fit_thresholds: bool, unknowns: str) -> tuple[float, float]:
    result = secession.leave_one_out(step=step, fit_thresholds=fit_thresholds, unknowns=unknowns)
    return result.in_sample, result.loo


@register("07.4")
def overfitting(answer):
    keys = ["step", "fit_thresholds", "unknowns", "in_sample", "loo"]
    expect_mapping(answer, keys, see=FITTING)
    step = _finite(answer["step"])
    if step is None:
        fail(f"Your 'step' should be the weight-grid step, a number such as 0.1 or 0.05; got "
             f"{_describe(answer['step'])}.", FITTING)
    if not 0.05 - 1e-9 <= step <= 0.5 + 1e-9 or abs(round(1 / step) - 1 / step) > 1e-6:
        fail(f"Your 'step' {step:g} is not allowed: give a number from 0.05 to 0.5 that divides 1 "
             "(e.g. 0.1, 0.05, 0.25).", FITTING)
    step = 1 / round(1 / step)
    cuts = answer["fit_thresholds"]
    if not isinstance(cuts, (bool, np.bool_)):
        fail(f"Your 'fit_thresholds' should be True or False (without quotes), got {_describe(cuts)}.", FITTING)
    unknowns = answer["unknowns"]
    if not isinstance(unknowns, str) or unknowns.strip().lower() not in UNKNOWN_CHOICES:
        fail(f"Your 'unknowns' should be one of {list(UNKNOWN_CHOICES)} as a string, got {_describe(unknowns)}.",
             FITTING)
    try:
        in_sample, loo = _loo(step, bool(cuts), unknowns.strip().lower())
    except ParameterError as exc:
        fail(f"These settings cannot be fitted: {exc}", FITTING)
    where = (f"for step={step:g}, fit_thresholds={bool(cuts)}, unknowns={unknowns.strip().lower()!r}; run "
             "secession.leave_one_out with the same settings and read .in_sample and .loo")
    for key, correct in (("in_sample", in_sample), ("loo", loo)):
        value = _finite(answer[key])
        if value is not None and 1 < value <= 100:
            fail(f"Your {key!r} is {value:g}: give the agreement as a share from 0 to 1, not a percentage.", FITTING)
        expect_number(answer[key], correct, tol=0.005,
                      hint=f"(your {key!r}) It is not the agreement {where}.", see=FITTING)
    if in_sample - loo < 1e-9:
        fail(f"Right numbers, but with these settings there is no gap to explain (in-sample {in_sample:.0%}, "
             f"leave-one-out {loo:.0%}). Choose settings with more freedom — a finer grid (step 0.05) or "
             "fit_thresholds=True — so that in-sample agreement is above leave-one-out agreement.", FITTING)
