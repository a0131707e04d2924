"""Checks for exercises/05_rsct.ipynb (lesson 05, Regional Security Complex Theory).

Every correct answer is computed here from the package at check time (same world, same
parameters as the question), so the checks follow the data when it changes. Question 05.4
(RSCT applied to another region) is checked for shape, consistent codes and ranges only;
its content and the written justification are graded by hand.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from alliances.checks import _describe, expect_choice, expect_codes, expect_mapping, fail, register
from alliances.observed import observed
from alliances.theories import STANCES, explain, predict
from alliances.theories.rsct import LEVELS
from alliances.world import load_world

PERIOD = "2008-2019"
RIGHT_WRONG = "lesson 05, 'What the theory gets right and wrong here'"
LEVELS_SEE = "lesson 05, 'Which level drove each prediction?'"
TOGGLES = "lesson 05, 'Switching penetration events off'"
#: 05.2: the periods in which the student predicts the toggle's effect (the lesson shows 2008-2019).
TOGGLE_PERIODS = ("1992-1999", "2020-2024")
#: A level "pulls the score down" when its contribution is below this.
PULL = -0.005
#: 05.3's options.
VERDICTS = ("rsct", "constructivism", "both", "neither")
#: 05.4: the dict's keys, the allowed number of states, and the ranges.
REGION_KEYS = ("region", "states", "amity", "weakness", "penetration", "principal")
ACT_KEYS = ("power", "target", "valence", "intensity", "what")
MIN_STATES, MAX_STATES = 3, 10
REGION_SEE = "lesson 05, 'Apply RSCT to another region'"


def _world():
    return load_world(PERIOD)


@register("05.1")
def levels_pulling_down(answer):
    table = explain("rsct", _world(), "GEO", "RUS")
    parts = {r.input: r.contribution for r in table.itertuples() if r.input in LEVELS}
    correct = {lvl for lvl, v in parts.items() if v < PULL}
    expect_codes(answer, LEVELS, correct, what="level names", see=LEVELS_SEE, hint=(
        "Run explain('rsct', world, 'GEO', 'RUS') and collect every level whose contribution "
        "is negative (below zero); a level that contributes 0 does not pull."))


@register("05.2")
def without_russian_backing(answer):
    expect_mapping(answer, TOGGLE_PERIODS, see=TOGGLES)
    for period in TOGGLE_PERIODS:
        if not isinstance(answer[period], str):
            fail(f"Your dict's value for {period!r} should be one of {list(STANCES)} as a string, got "
                 f"{_describe(answer[period])}.", TOGGLES)
        table = predict("rsct", load_world(period), russia_backs_separatists=False)
        row = table[(table["state"] == "GEO") & (table["partner"] == "RUS")].iloc[0]
        expect_choice(answer[period], STANCES, row["stance"],
                      hint=f"(your answer for {period!r}) The toggle removes Russia's backing of the "
                           "separatists, the 2008 war and the recognition from every level, but not "
                           "Georgia's coded memory of Russia nor Russia's other acts towards Georgia in "
                           f"{period} (load_world({period!r}).acts_between('RUS', 'GEO')). Compare "
                           "explain('rsct', ...) for GEO -> RUS with and without the toggle in 2008-2019, "
                           "as in the lesson, then work out what is left in this period.",
                      see=TOGGLES)


@register("05.3")
def divergence_verdict(answer):
    world = _world()
    obs = observed(world)
    seen = obs[(obs["state"] == "GEO") & (obs["partner"] == "RUS")].iloc[0]["stance"]
    match = {}
    for theory in ("rsct", "constructivism"):
        t = predict(theory, world)
        match[theory] = t[(t["state"] == "GEO") & (t["partner"] == "RUS")].iloc[0]["stance"] == seen
    correct = ("both" if all(match.values()) else "neither" if not any(match.values())
               else next(k for k, v in match.items() if v))
    expect_choice(answer, VERDICTS, correct,
                  hint="Compare the stance column of predict('rsct', world) and "
                       "predict('constructivism', world) for GEO -> RUS with observed(world).",
                  see=RIGHT_WRONG)


# ---------------------------------------------------------------------------------------
# 05.4: RSCT applied to another region (shape, codes and ranges only)
# ---------------------------------------------------------------------------------------

def _real(value) -> float | None:
    """``value`` as a float if it is a finite real number (not a bool), else None."""
    import numpy as np

    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        return None
    try:
        value = float(value)
    except OverflowError:  # an int too large for a float
        return None
    return value if math.isfinite(value) else None


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


@register("05.4")
def region(answer):
    see = REGION_SEE
    expect_mapping(answer, REGION_KEYS, see=see)
    if not _text(answer["region"]):
        fail(f"'region' must be the region's name as text, got {_describe(answer['region'])}.", see)

    states = answer["states"]
    if isinstance(states, str) or not isinstance(states, (list, tuple)):
        fail("'states' must be a list of state codes such as ['ETH', 'ERI', 'SOM'], "
             f"got {_describe(states)}.", see)
    if not all(_text(s) for s in states):
        fail("Every entry of 'states' must be a non-empty code in quotes, e.g. 'ETH'.", see)
    if len(set(states)) != len(states):
        fail("'states' lists a code twice; give each state once.", see)
    if not MIN_STATES <= len(states) <= MAX_STATES:
        fail(f"'states' has {len(states)} state(s); a security complex here needs {MIN_STATES} to "
             f"{MAX_STATES} states.", see)
    codes = set(states)

    amity = answer["amity"]
    if not isinstance(amity, Mapping):
        fail("'amity' must be a dict {(state, other): value from -2 to +2}, got "
             f"{_describe(amity)}.", see)
    covered = set()
    for key, value in amity.items():
        if not (isinstance(key, tuple) and len(key) == 2):
            fail(f"'amity' key {_describe(key)} is not a pair (state, other) such as ('ETH', 'ERI').", see)
        a, b = key
        if a not in codes or b not in codes:
            fail(f"'amity' key {_describe(key)} uses a code that is not in 'states' {list(states)}.", see)
        if a == b:
            fail(f"'amity' key {_describe(key)} pairs a state with itself; leave the diagonal out.", see)
        number = _real(value)
        if number is None:
            fail(f"'amity'[{key!r}] is {_describe(value)}; give a number from -2 (enmity) "
                 "to +2 (amity).", see)
        if not -2 <= number <= 2:
            fail(f"'amity'[{key!r}] = {number:g} is out of range; use -2 (enmity) … +2 (amity).", see)
        covered.add(frozenset(key))
    missing = [(a, b) for i, a in enumerate(states) for b in states[i + 1:]
               if frozenset((a, b)) not in covered]
    if missing:
        fail(f"'amity' has no value for {len(missing)} pair(s) of states, e.g. {missing[0]}; code every "
             "pair (at least one direction; a missing reverse direction is read as the same value).", see)

    weakness = answer["weakness"]
    if not isinstance(weakness, Mapping):
        fail(f"'weakness' must be a dict {{state: value from 0 to 1}}, got {_describe(weakness)}.", see)
    extra = [k for k in weakness if k not in codes]
    if extra:
        fail(f"'weakness' has key {_describe(extra[0])}, which is not in 'states'.", see)
    lacking = [s for s in states if s not in weakness]
    if lacking:
        fail(f"'weakness' lacks {len(lacking)} state(s), e.g. {lacking[0]!r}; give every state a value.", see)
    for state in states:
        number = _real(weakness[state])
        if number is None or not 0 <= number <= 1:
            fail(f"'weakness'[{state!r}] is {_describe(weakness[state])}; give a number from 0 (strong "
                 "state) to 1 (very weak: secessionism, contested regime).", see)

    acts = answer["penetration"]
    if isinstance(acts, (str, Mapping)) or not isinstance(acts, (list, tuple)):
        fail("'penetration' must be a list of acts, each a dict with keys "
             f"{list(ACT_KEYS)}, got {_describe(acts)}.", see)
    if not acts:
        fail("'penetration' is empty; give at least one act of an outside power.", see)
    for n, act in enumerate(acts, 1):
        if not isinstance(act, Mapping):
            fail(f"Act {n} in 'penetration' must be a dict with keys {list(ACT_KEYS)}, "
                 f"got {_describe(act)}.", see)
        lacks = [k for k in ACT_KEYS if k not in act]
        if lacks:
            fail(f"Act {n} in 'penetration' lacks key(s) {lacks}.", see)
        if not _text(act["power"]):
            fail(f"Act {n}: 'power' must be a code in quotes, e.g. 'USA', "
                 f"got {_describe(act['power'])}.", see)
        if act["power"] in codes:
            fail(f"Act {n}: {act['power']!r} is one of the region's states; penetration is by OUTSIDE "
                 "powers (a regional state's acts belong in 'amity').", see)
        if not (isinstance(act["target"], str) and act["target"] in codes):
            fail(f"Act {n}: 'target' {_describe(act['target'])} must be one of 'states' {list(states)}.", see)
        if _real(act["valence"]) not in (-1.0, 1.0):
            fail(f"Act {n}: 'valence' must be +1 (supports the target) or -1 (hostile to it), got "
                 f"{_describe(act['valence'])}.", see)
        if _real(act["intensity"]) not in (1.0, 2.0):
            fail(f"Act {n}: 'intensity' must be 1 or 2 (2: war, occupation, alliance, base), got "
                 f"{_describe(act['intensity'])}.", see)
        if not _text(act["what"]):
            fail(f"Act {n}: 'what' must say in words what the act is, with years.", see)

    principal = answer["principal"]
    if not isinstance(principal, Mapping):
        fail("'principal' must be a dict {state: (principal partner, principal adversary)}, got "
             f"{_describe(principal)}.", see)
    extra = [k for k in principal if k not in codes]
    if extra:
        fail(f"'principal' has key {_describe(extra[0])}, which is not in 'states'.", see)
    lacking = [s for s in states if s not in principal]
    if lacking:
        fail(f"'principal' lacks {len(lacking)} state(s), e.g. {lacking[0]!r}; predict for every state.", see)
    powers = {act["power"] for act in acts}
    for state in states:
        pair = principal[state]
        if isinstance(pair, str) or not isinstance(pair, (tuple, list)) or len(pair) != 2:
            fail(f"'principal'[{state!r}] must be a pair (partner, adversary) such as ('USA', 'ERI'), "
                 f"got {_describe(pair)}.", see)
        for role, code in zip(("partner", "adversary"), pair):
            if not (isinstance(code, str) and (code in codes or code in powers)) or code == state:
                fail(f"'principal'[{state!r}]: the {role} {_describe(code)} must be another state of the "
                     "region or an outside power named in 'penetration'.", see)
        if pair[0] == pair[1]:
            fail(f"'principal'[{state!r}] names {pair[0]!r} as both partner and adversary.", see)
