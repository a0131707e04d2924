"""Checks for exercises/07_why_the_secession_failed.ipynb (lesson 07, the secession cases).

The right answers to 07.1–07.3 are not here: ``grading/exercise07.py`` (outside the installed
package) computes them and the answer key holds their digests (:mod:`alliances.checks.keys`).
07.4–07.6 depend on the student's own settings, case and recoding, so their checks recompute
the model for what the student gives (with :mod:`alliances.secession`, the functions the
student uses too).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Annotated, Any

import pandas as pd
from pydantic import Field, PlainValidator, field_validator

from alliances import secession
from alliances.checks.answers import Check, expect_choice, expect_number, fail, normalise_text
from alliances.checks.keys import key
from alliances.checks.schema import Answer, Expected, choice, flag, number, parse, share, text, whole
from alliances.errors import ParameterError

MODEL = "lesson 07, 'The model'"
DEFAULT = "lesson 07, 'The default result'"
UNKNOWNS = "lesson 07, 'The cases and what we do not know'"
FITTING = "lesson 07, 'Fitting the weights, and why that is dangerous'"
RIGHT_WRONG = "lesson 07, 'What the structural account gets right and wrong'"

KARABAKH = "nagorno-karabakh"
#: The items of a case (the columns of secession.cases() that the factors average), in factor order.
ITEMS: tuple[str, ...] = tuple(item for items in secession.ITEMS.values() for item in items)
UNKNOWN_CHOICES = ("neutral", "drop", "pessimistic")
#: Question 07.3 compares these handlings of unknowns with "neutral".
ALTERNATIVES = ("drop", "pessimistic")
EFFECTS = ("more", "fewer", "same")
#: Question 07.6: the fit re-tested after the recoding (the lesson's over-fitting setting).
RETEST: dict[str, Any] = {"step": 0.1, "fit_thresholds": True, "unknowns": "neutral"}


def _or_none(inner: PlainValidator) -> PlainValidator:
    """``inner``, letting ``None`` (or NaN) through as ``None``: an unknown coding."""
    def validate(value: Any) -> Any:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return inner.func(value)  # type: ignore[call-arg]

    return PlainValidator(validate)


# -- 07.1 What would it take? ------------------------------------------------------------------

Steps = Annotated[int | None, whole("a whole number of items from 1 to 7 (or None if no set of items is enough)",
                                    allowed=range(1, len(ITEMS) + 1), optional=True)]


class WhatItTakes(Answer):
    """07.1's answer: the item whose switch raises Karabakh's score most, and how many switches each class needs."""

    largest_gain: Annotated[str, choice(ITEMS)]
    to_partial: Steps
    to_success: Steps


def _steps(value: int | None) -> str:
    return "none" if value is None else str(value)


def what_it_takes(answer: Any) -> None:
    """07.1: which of Karabakh's items matters most, and how many must switch for 'partial' and 'success'."""
    given = parse(WhatItTakes, answer, see=MODEL)
    expect_choice(given.largest_gain, ITEMS, key("07.1/largest_gain"), see=MODEL, hint=(
        "(your 'largest_gain') Switching an item to 1 raises its factor by (1 - its value) divided by the number "
        "of the factor's items, and the score by a quarter of that (four equal weights): the fewer items its "
        "factor has and the lower its value, the larger the gain."))
    for name, cut in (("to_partial", "partial_at = 0.35"), ("to_success", "success_at = 0.65")):
        if not key(f"07.1/{name}").accepts(_steps(getattr(given, name))):
            fail(f"(your {name!r}) {getattr(given, name)} is not the smallest number of items. Start from Karabakh's "
                 f"score, add the largest gains first, and count how many it takes to reach {cut}; or try it with "
                 "secession.explained(table=...) on a copy of secession.cases() with those items set to 1.", MODEL)


# -- 07.2 Model vs baseline -------------------------------------------------------------------

Count = Annotated[int, whole("a whole number of cases such as 4")]


class Counts(Answer):
    """07.2's answer: ``{"model": cases explained, "baseline": cases 'always failure' explains}``."""

    model: Count
    baseline: Count


def model_vs_baseline(answer: Any) -> None:
    """07.2: how many cases the default model and the 'always failure' baseline explain."""
    given = parse(Counts, answer, see=DEFAULT).model_dump()
    n = len(secession.cases())
    for name, got in given.items():
        if not 0 <= got <= n:
            fail(f"Your {name!r} is {got}, but there are only {n} cases: give a count, not a percentage.", DEFAULT)
    if not key("07.2/model").accepts_number(float(given["model"])):
        fail(f"(your 'model') {given['model']} is not the number of cases the default weighting explains. Count "
             "the True values in secession.explained()['explained'].", DEFAULT)
    if not key("07.2/baseline").accepts_number(float(given["baseline"])):
        fail(f"(your 'baseline') {given['baseline']} is not the number of cases 'always predict failure' explains: "
             "count the cases whose observed class is 'failure' (autonomy or reintegrated).", DEFAULT)


# -- 07.3 Predict the effect of the unknowns rule --------------------------------------------

Effect = Annotated[str, choice(EFFECTS)]


class UnknownsEffect(Answer):
    """07.3's answer: ``{"drop": effect, "pessimistic": effect}``, each "more", "fewer" or "same"."""

    drop: Effect
    pessimistic: Effect


def unknowns_prediction(answer: Any) -> None:
    """07.3: what the two other rules for unknowns do to the number of cases explained."""
    given = parse(UnknownsEffect, answer, see=UNKNOWNS).model_dump()
    for rule in ALTERNATIVES:
        counted = "0 " if rule == "pessimistic" else "not at all (only known items are averaged) "
        expect_choice(given[rule], EFFECTS, key(f"07.3/{rule}"), see=UNKNOWNS, hint=(
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
    """(in-sample, leave-one-out) agreement of :func:`alliances.secession.leave_one_out` on the case table."""
    result = secession.leave_one_out(step=step, fit_thresholds=fit_thresholds, unknowns=unknowns)
    return result.in_sample, result.loo


def _agreements_match(in_sample: float, loo: float, right: tuple[float, float], where: str) -> None:
    for name, got, correct in (("in_sample", in_sample, right[0]), ("loo", loo, right[1])):
        expect_number(got, correct, tol=0.005, hint=f"(your {name!r}) It is not the agreement {where}.", see=FITTING)


def overfitting(answer: Any) -> None:
    """07.4: settings whose in-sample agreement is above their leave-one-out agreement, and both numbers."""
    given = parse(FitResult, answer, see=FITTING)
    try:
        in_sample, loo = agreements(given.step, given.fit_thresholds, given.unknowns)
    except ParameterError as exc:
        fail(f"These settings cannot be fitted: {exc}", FITTING)
    _agreements_match(given.in_sample, given.loo, (in_sample, loo), (
        f"for step={given.step:g}, fit_thresholds={given.fit_thresholds}, unknowns={given.unknowns!r}; run "
        "secession.leave_one_out with the same settings and read .in_sample and .loo"))
    if in_sample - loo < 1e-9:
        fail(f"Right numbers, but with these settings there is no gap to explain (in-sample {in_sample:.0%}, "
             f"leave-one-out {loo:.0%}). Choose settings with more freedom — a finer grid (step 0.05) or "
             "fit_thresholds=True — so that in-sample agreement is above leave-one-out agreement.", FITTING)


# -- 07.5 Score a new case -------------------------------------------------------------------

def _coded(name: str) -> PlainValidator:
    """The validator of one coding of :data:`alliances.secession.CODINGS` (None = unknown)."""
    expected = f"{secession.CODINGS[name]}, or None if unknown"
    if name in ("geography", "parent_structure"):
        inner = choice(("peripheral", "enclave") if name == "geography" else ("federal", "unitary"))
    elif name.endswith("_pct"):
        inner = number(expected, low=0, high=100)
    else:
        inner = flag()
    return _or_none(PlainValidator(lambda v: _expected(inner, v, expected)))


def _expected(inner: PlainValidator, value: Any, expected: str) -> Any:
    try:
        return inner.func(value)  # type: ignore[call-arg]
    except Expected:
        raise Expected(expected) from None


class NewCase(Answer):
    """A case coded as a row of ``data/secession_cases.csv`` (the arguments of :func:`alliances.secession.add_case`)."""

    case_id: Annotated[str, text("a short new id in quotes, e.g. 'gagauzia'")]
    region: Annotated[str, text("the region's name in quotes")]
    parent_state: Annotated[str, text("the parent state's name in quotes")]
    outcome: Annotated[str, choice(tuple(secession.OUTCOME_ORDINAL))]
    geography: Annotated[str | None, _coded("geography")]
    border_with_patron: Annotated[bool | None, _coded("border_with_patron")]
    territory_share_pct: Annotated[float | None, _coded("territory_share_pct")]
    prior_statehood: Annotated[bool | None, _coded("prior_statehood")]
    share_of_parent_population_pct: Annotated[float | None, _coded("share_of_parent_population_pct")]
    parent_structure: Annotated[str | None, _coded("parent_structure")]
    unsc_territorial_integrity: Annotated[bool | None, _coded("unsc_territorial_integrity")]


def with_case(case: NewCase, see: str) -> pd.DataFrame:
    """secession.cases() with the student's new case added (secession.add_case), or a hint."""
    codings = case.model_dump()
    if all(codings[name] is None for name in secession.CODINGS):
        fail("Every coding of your case is None: code at least one from a source you cite (the others stay None, "
             "unknown).", see)
    table = secession.cases()
    regions = {normalise_text(r) for r in table["region"]}
    if normalise_text(case.region) in regions or normalise_text(case.case_id) in set(table["case_id"]):
        fail(f"{case.region!r} is already one of the sixteen cases: choose a secession attempt that is not in "
             "data/secession_cases.csv.", see)
    try:
        return secession.add_case(table, **codings)
    except ParameterError as exc:
        fail(f"secession.add_case refuses your case: {exc}.", see)


Score = Annotated[float, number("a score from 0 to 1 such as 0.42", low=0, high=1)]
#: What a case must be (said when it is not a dict).
NEW_CASE = ("your new_case: a dict with the keys case_id, region, parent_state, outcome and the seven codings of "
            "secession.CODINGS")


class CaseScore(Answer):
    """07.5's answer: ``{"case": {...the codings...}, "score": its score, "predicted": its predicted class}``."""

    case: NewCase = Field(description=NEW_CASE)
    score: Score
    predicted: Annotated[str, choice(secession.CLASSES)]


def new_case(answer: Any) -> None:
    """07.5: the student's own case, coded from sources, with its score and predicted class (default settings)."""
    given = parse(CaseScore, answer, see=MODEL)
    row = secession.explained(table=with_case(given.case, MODEL)).iloc[-1]
    expect_number(given.score, float(row["score"]), tol=0.005, see=MODEL, hint=(
        "(your 'score') Add your case with secession.add_case(secession.cases(), **case), run "
        "secession.explained(table=...) with the default settings and read the last row's 'score'."))
    if given.predicted != row["predicted"]:
        fail(f"(your 'predicted') {given.predicted!r} is not the class the model predicts for your case: compare "
             "its score with the cut-points 0.35 and 0.65 (or read the 'predicted' column).", MODEL)


# -- 07.6 Change one coding and re-test the fit ----------------------------------------------

class Retest(Answer):
    """07.6's answer: one item of one of the sixteen cases recoded, and the fit of :data:`RETEST` re-run."""

    case: NewCase = Field(description=NEW_CASE)
    case_id: Annotated[str, text("the case_id of one of the sixteen cases in quotes, e.g. 'nagorno-karabakh'")]
    item: Annotated[str, choice(ITEMS)]
    value: Annotated[float, number("the item's new value, a number from 0 to 1", low=0, high=1)]
    in_sample: Annotated[float, share()]
    loo: Annotated[float, share()]


def recoded_table(given: Retest) -> pd.DataFrame:
    """The case table with the new case added and one item recoded, or a hint."""
    table = with_case(given.case, RIGHT_WRONG)
    original = set(secession.cases()["case_id"])
    case_id = given.case_id.strip().lower()
    if case_id not in original:
        fail(f"{given.case_id!r} is not one of the sixteen cases' case_id: recode a case of data/secession_cases.csv "
             "(its ids are in secession.cases()['case_id']).", RIGHT_WRONG)
    row = table.index[table["case_id"] == case_id][0]
    old = table.at[row, given.item]
    if not pd.isna(old) and abs(float(old) - given.value) < 1e-9:
        fail(f"{case_id}'s {given.item!r} is already {float(old):g}: a recoding changes the value.", RIGHT_WRONG)
    table.loc[row, given.item] = given.value
    return table


def retest(answer: Any) -> None:
    """07.6: the leave-one-out fit re-run with the new case and one recoded item."""
    given = parse(Retest, answer, see=RIGHT_WRONG)
    result = secession.leave_one_out(table=recoded_table(given), **RETEST)
    _agreements_match(given.in_sample, given.loo, (result.in_sample, result.loo), (
        "of secession.leave_one_out(table=..., step=0.1, fit_thresholds=True) on the table with your new case "
        "added and your one item changed"))


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "07.1": what_it_takes,
    "07.2": model_vs_baseline,
    "07.3": unknowns_prediction,
    "07.4": overfitting,
    "07.5": new_case,
    "07.6": retest,
}
