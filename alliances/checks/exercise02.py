"""Checks for exercises/02_balance_of_threat.ipynb.

The right answers are not here: ``grading/exercise02.py`` (outside the installed package)
computes them and the answer key holds their digests (:mod:`alliances.checks.keys`). The
student's five-factor threat function is validated against the model's own four components
(:func:`alliances.theories.balance_of_threat.threat_parts`, the numbers behind
``explain("balance_of_threat", ...)``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from alliances.checks.answers import (
    Check,
    call_student,
    describe,
    expect_choice,
    expect_codes,
    expect_function,
    fail,
    is_real_type,
    real_number,
)
from alliances.checks.keys import key
from alliances.checks.schema import Answer, parse, text
from alliances.schemas import CHOOSERS
from alliances.theories import resolve_params
from alliances.theories.balance_of_threat import threat_parts
from alliances.world import World, load_world

WHEN = "2008-2019"
SEE_TOP = "lesson 02, 'Top threat and counterweight'"
SEE_ACTS = "lesson 02, 'Change one thing at a time' ('Hostile acts, one kind at a time')"
SEE_DATA = "lesson 02, 'The model' and 'The four sources of threat, in the data'"
SEE_RIGHT_WRONG = "lesson 02, 'What the theory gets right and wrong here'"

FOUR = ("w_power", "w_proximity", "w_offense", "w_intentions")


#: 02.3 extends the model's additive combination of the four sources (the formula the question gives).
COMBINATION = "additive"


def four_factor_threat(world: World, state: str, combination: str | None = None, **weights: float) -> dict[str, float]:
    """The model's threat t_ij of every partner j to ``state`` (the sum of its four shares), with the
    model's own ``combination`` of the sources unless one is given."""
    params: dict[str, object] = dict(weights) if combination is None else {**weights, "combination": combination}
    _, share = threat_parts(world, resolve_params("balance_of_threat", params), state)
    return {j: sum(parts.values()) for j, parts in share.items()}


# -- 02.1 -------------------------------------------------------------------------------

class TopThreats(Answer):
    """02.1's answer: ``{"ARM": code, "GEO": code}``."""

    ARM: Annotated[str, text("Armenia's top threat as an actor code in quotes, e.g. 'IRN'")]
    GEO: Annotated[str, text("Georgia's top threat as an actor code in quotes, e.g. 'TUR'")]


def top_threats(answer: Any) -> None:
    """02.1: the top threat of Armenia and of Georgia."""
    given = parse(TopThreats, answer, see=SEE_TOP)
    codes = list(load_world(WHEN).actors)
    for state in ("ARM", "GEO"):
        expect_choice(getattr(given, state), codes, key(f"02.1/{state}"), see=SEE_TOP, hint=(
            f"For {state}: the top threat is the partner with the highest threat t (the sum of "
            "the four weighted components), the one whose reason says \"top threat\"; "
            "explain('balance_of_threat', world, state, partner) shows the components."))


# -- 02.2 -------------------------------------------------------------------------------

def blockade_partners(answer: Any) -> None:
    """02.2: the partners whose stance from Armenia changes when blockades are not counted."""
    expect_codes(answer, load_world(WHEN).partners("ARM"), key("02.2"), what="partner codes",
                 see=SEE_ACTS, hint=(
                     "Run predict('balance_of_threat', world, count_blockades=False) and compare "
                     "each of Armenia's stances with the default. Two things move: the hostility "
                     "of the blockading states falls, and so does the top threat t_iT, which also "
                     "sets how strongly Armenia aligns with the counterweights."))


# -- 02.3 -------------------------------------------------------------------------------

#: Weight sets the check tries: (label, weights, compare with the four-factor model?).
WEIGHT_SETS = (
    ("the default four weights and w_claim=0", dict(w_power=0.5, w_proximity=1.0, w_offense=1.0,
                                                    w_intentions=1.0, w_claim=0.0), True),
    ("w_power=1, w_proximity=0.5, w_offense=0.25, w_intentions=0.75, w_claim=0",
     dict(w_power=1.0, w_proximity=0.5, w_offense=0.25, w_intentions=0.75, w_claim=0.0), True),
    ("the default weights (w_claim=0.5)", dict(w_power=0.5, w_proximity=1.0, w_offense=1.0,
                                               w_intentions=1.0, w_claim=0.5), False),
    ("w_claim=1 and the four other weights 0", dict(w_power=0.0, w_proximity=0.0, w_offense=0.0,
                                                   w_intentions=0.0, w_claim=1.0), False),
    ("every weight 1", dict(w_power=1.0, w_proximity=1.0, w_offense=1.0, w_intentions=1.0,
                            w_claim=1.0), False),
    ("every weight 0", dict(w_power=0.0, w_proximity=0.0, w_offense=0.0, w_intentions=0.0,
                            w_claim=0.0), False),
)
PERIODS_TRIED = ("1992-1999", "2008-2019", "2023-2025")
Case = tuple[str, str, str, str]  # (period, weight-set label, state, partner)


def _one_threat(fn: Callable[..., Any], world: World, state: str, partner: str, where: str,
                weights: dict[str, float]) -> float:
    """The student's threat for one pair: a finite number in [0, 1], or a hint."""
    call = f"threat5(world, {state!r}, {partner!r}) {where}"
    got = call_student(fn, world, state, partner, name=call, see=SEE_DATA, **weights)
    value = real_number(got)
    if value is None and not is_real_type(got):
        fail(f"{call} returned {describe(got)}; it should return one number.", SEE_DATA)
    if value is None:
        fail(f"{call} returned {describe(got)}. " + (
            "When every weight is 0, return 0.0 (the model does) instead of dividing by 0."
            if all(v == 0 for v in weights.values()) else
            "Look for a division by 0 (a relative measure whose largest value is 0) or a missing "
            "capability (None counts as 0)."), SEE_DATA)
    if not -1e-9 <= value <= 1 + 1e-9:
        fail(f"{call} returned {value:.4g}, outside 0-1. Divide the weighted sum by the sum of all five "
             "weights.", SEE_DATA)
    return value


def _student_threats(fn: Callable[..., Any]) -> dict[Case, float]:
    """The student's threat for every period, weight set, state and partner tried."""
    out = {}
    for when in PERIODS_TRIED:
        world = load_world(when)
        for label, weights, _ in WEIGHT_SETS:
            for state in CHOOSERS:
                for partner in world.partners(state):
                    out[(when, label, state, partner)] = _one_threat(fn, world, state, partner,
                                                                     f"in {when} with {label}", weights)
    return out


def _matches_four_factors(results: dict[Case, float]) -> None:
    """With w_claim = 0 the student's threat is the model's four-factor threat."""
    for when in PERIODS_TRIED:
        world = load_world(when)
        for label, weights, reduces in WEIGHT_SETS:
            for state in CHOOSERS if reduces else ():
                for partner, model in four_factor_threat(world, state, COMBINATION,
                                                         **{k: weights[k] for k in FOUR}).items():
                    got = results[(when, label, state, partner)]
                    if abs(got - model) > 1e-6:
                        fail(f"With {label}, your threat of {partner} to {state} in {when} is {got:.4f}, but "
                             f"the model's four-factor threat is {model:.4f}. With w_claim=0 your function must "
                             "reduce to Walt's four factors: power = CINC relative to the largest among the "
                             "partners the state faces, proximity(world, state, partner), offense = milex "
                             "relative to the largest, intentions = hostility(world, partner, state), weighted "
                             "and divided by the sum of the weights.", SEE_DATA)


def case_name(when: str, label: str, state: str, partner: str) -> str:
    """The answer-key entry of one case of 02.3."""
    number = next(i for i, (name, _, _) in enumerate(WEIGHT_SETS) if name == label)
    return f"02.3/{when}/{number}/{state}/{partner}"


def _matches_fifth_factor(results: dict[Case, float]) -> None:
    """With a claim weight the student's threat is the five-factor threat of the question."""
    claimed = {label for label, _, reduces in WEIGHT_SETS if not reduces}
    for (when, label, state, partner), got in results.items():
        if label in claimed and not key(case_name(when, label, state, partner)).accepts_number(got):
            fail(f"With {label}, your threat of {partner} to {state} in {when} is {got:.4f}, which is not "
                 f"right. The claim indicator is 1 when {partner} is the patron of a separatist region "
                 f"on {state}'s soil (world.separatism[state], attribute .patron), else 0; add w_claim * claim "
                 "to the weighted sum and w_claim to the divisor.", SEE_DATA)


def five_factor_threat(answer: Any) -> None:
    """02.3: the student's ``threat5(world, state, partner, w_power=…, …, w_claim=…)``."""
    expect_function(answer, name="threat5", see=SEE_DATA)
    results = _student_threats(answer)
    _matches_four_factors(results)
    _matches_fifth_factor(results)


# -- 02.4 -------------------------------------------------------------------------------

def power_threat_divergence(answer: Any) -> None:
    """02.4: Georgia's partners for which the two balance theories predict different stances."""
    expect_codes(answer, load_world(WHEN).partners("GEO"), key("02.4"), what="partner codes",
                 see=SEE_RIGHT_WRONG, hint=(
                     "Put the two predictions side by side (merge them on state and partner) "
                     "and keep Georgia's rows where the stance columns differ; compare stances, "
                     "not scores."))


# -- 02.5 -------------------------------------------------------------------------------

#: Options for question 02.5 (a fact about the two models, not about the data).
WHY_IRAN = {
    "opposition": "Balance of power counts Iran as a counterweight because of its capability "
                  "alone; balance of threat aligns only with actors opposed to Georgia's top "
                  "threat, and Iran is not opposed to Russia.",
    "proximity": "Iran is closer to Georgia than Russia is, so it threatens Georgia more.",
    "intentions": "Iran committed hostile acts against Georgia in 2008-2019.",
    "capability": "Iran's capability is larger under balance of threat than under balance of power.",
}
def why_iran(answer: Any) -> None:
    """02.5: why the two balance theories disagree about Georgia and Iran."""
    expect_choice(answer, WHY_IRAN, key("02.5"), see=SEE_RIGHT_WRONG, hint=(
        "Compare explain('balance_of_power', world, 'GEO', 'IRN') with "
        "explain('balance_of_threat', world, 'GEO', 'IRN'): which input makes the first "
        "positive, and what is the 'counterweight to Russia' part of the second?"))


#: The questions of this notebook and their checks.
QUESTIONS: dict[str, Check] = {
    "02.1": top_threats,
    "02.2": blockade_partners,
    "02.3": five_factor_threat,
    "02.4": power_threat_divergence,
    "02.5": why_iran,
}
