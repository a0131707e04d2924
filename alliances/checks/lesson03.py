"""Checks for exercises/03_omnibalancing.ipynb (lesson 03, omnibalancing).

Every correct answer is computed here from the package at check time (same world, same
parameters as the question), so the checks follow the data when it changes.
"""

from __future__ import annotations

from alliances.checks import expect_choice, expect_number, fail, register
from alliances.schemas import CHOOSERS
from alliances.theories import STANCES, explain, predict
from alliances.theories.inputs import vertical_weakness
from alliances.world import load_world

PERIOD = "2008-2019"
DATA = "lesson 03, 'Real data: threats to the regime'"
TERMS = "lesson 03, 'What each partner can do: the three terms, side by side'"
WEIGHT = "lesson 03, 'Regime security against external threats: `internal_weight`'"
SWEEP = "lesson 03, 'How sensitive is the key result? A sweep'"
#: Resolution of the internal_weight sweep in question 03.4, and how far below / above the
#: first split an answer may lie (above: a sweep in steps of 0.05 lands up to 0.05 late).
SWEEP_STEPS = 1000
SPLIT_BELOW, SPLIT_ABOVE = 0.01, 0.05


def _world():
    return load_world(PERIOD)


@register("03.1")
def most_vertically_weak(answer):
    world = _world()
    weakness = {s: vertical_weakness(world, s) for s in world.choosers}
    top = max(weakness.values())
    correct = {s for s, v in weakness.items() if v >= top - 1e-12}
    expect_choice(answer, CHOOSERS, correct,
                  hint=f"Compute inputs.vertical_weakness(world, state) for each of {', '.join(CHOOSERS)} "
                       f"in {PERIOD} and take the largest: it counts regime-threatening events "
                       "(contested elections, protests, revolutions, coups), not wars or separatism.",
                  see=DATA)


@register("03.2")
def patron_term(answer):
    table = explain("omnibalancing", _world(), "GEO", "RUS")
    parts = dict(zip(table["input"], table["contribution"]))
    parts.pop("score", None)
    top = max(parts.values())
    correct = {k for k, v in parts.items() if v >= top - 1e-12}
    expect_choice(answer, list(parts), correct,
                  hint="Run explain('omnibalancing', world, 'GEO', 'RUS') and look for the term with the "
                       "largest POSITIVE contribution (the one that pulls the score up, towards Russia), "
                       "not the largest in size.",
                  see=TERMS)


@register("03.3")
def predict_full_internal_weight(answer):
    table = predict("omnibalancing", _world(), internal_weight=1.0)
    row = table[(table["state"] == "AZE") & (table["partner"] == "WEST")].iloc[0]
    expect_choice(answer, STANCES, row["stance"],
                  hint="With internal_weight=1 the West's coded acts towards Azerbaijan no longer count "
                       "at all: only what the West can do for the regime (its reach times regime "
                       "affinity) is left. How similar is Azerbaijan's regime to the West's? Then run "
                       "the cell below the question to see.",
                  see=WEIGHT)


def _west_stances() -> tuple[tuple[float, str, str], ...]:
    """(internal_weight, ARM stance, AZE stance) towards WEST on a fine grid of weights.

    Computed once per world: ``load_world`` returns the same object until a data file changes.
    """
    world = _world()
    cached = _SWEEPS.get(id(world))
    if cached is not None and cached[0] is world:
        return cached[1]
    _SWEEPS.clear()
    _SWEEPS[id(world)] = (world, _sweep(world))
    return _SWEEPS[id(world)][1]


_SWEEPS: dict[int, tuple] = {}


def _sweep(world) -> tuple[tuple[float, str, str], ...]:
    out = []
    for k in range(SWEEP_STEPS + 1):
        w = k / SWEEP_STEPS
        t = predict("omnibalancing", world, internal_weight=w)
        west = t[t["partner"] == "WEST"].set_index("state")["stance"]
        out.append((w, west["ARM"], west["AZE"]))
    return tuple(out)


@register("03.4")
def split_weight(answer):
    sweep = _west_stances()
    split = [w for w, arm, aze in sweep if arm != aze]
    if not split:  # the data changed so that they never split: nothing can be right
        fail("With the current data Armenia's and Azerbaijan's stances towards the West never differ "
             "for any internal_weight; tell your instructor.", SWEEP)
    first = split[0]
    if isinstance(answer, int) and not isinstance(answer, bool) and abs(answer) > 10**6:
        # float() would overflow on such an int
        fail("Your number is far outside internal_weight's range 0 to 1.", SWEEP)
    expect_number(answer, 0.0, tol=float("inf"), hint="", see=SWEEP)  # a finite number first
    value = float(answer)
    if not 0.0 <= value <= 1.0:
        fail(f"{value:g} is outside internal_weight's range 0 to 1.", SWEEP)
    if first - SPLIT_BELOW <= value <= first + SPLIT_ABOVE:
        return
    w, arm, aze = min(sweep, key=lambda row: abs(row[0] - value))
    if arm != aze and value > first:
        fail(f"At internal_weight={value:g} the stances do differ (Armenia: {arm}, Azerbaijan: {aze}), "
             "but they already differ at a smaller weight: the question asks for the smallest one. "
             "Sweep internal_weight from 0 upwards in steps of 0.01 (grid and sweep from "
             "alliances.analysis).", SWEEP)
    fail(f"At internal_weight={value:g} both stances towards the West are '{arm}'. Sweep "
         "internal_weight from 0 to 1 in steps of 0.01 (grid and sweep from alliances.analysis) "
         "and find the first weight where the two stances differ.", SWEEP)
