"""Reference answers to exercise 05, computed from the models (grader side, not installed)."""

from __future__ import annotations

from typing import Any

from alliances.analysis import observed
from alliances.checks.exercise05 import DIVERGENCE, LEVEL_PAIR, PERIOD, PULL, TOGGLE_PERIODS
from alliances.schemas import PERIODS
from alliances.theories import explain, predict
from alliances.world import load_world
from grading.entries import Entry, set_entry, text_entry


def _stance(theory: str, period: str, state: str, partner: str, **params: Any) -> str:
    table = predict(theory, load_world(period), **params)
    return str(table[(table["state"] == state) & (table["partner"] == partner)]["stance"].iloc[0])


def penetration_pulls_down() -> list[str]:
    """05.1: the periods in which the penetration level pulls Azerbaijan's RSCT score towards Russia down."""
    out = []
    for period in PERIODS:
        levels = explain("rsct", load_world(period), *LEVEL_PAIR).set_index("input")["contribution"]
        if levels["penetration"] < PULL:
            out.append(period)
    return out


def stances_without_backing() -> dict[str, str]:
    """05.2: Georgia's RSCT stance towards Russia with ``russia_backs_separatists=False``, per period."""
    return {period: _stance("rsct", period, "GEO", "RUS", russia_backs_separatists=False) for period in TOGGLE_PERIODS}


def divergence_verdicts(period: str = PERIOD, state: str = DIVERGENCE["state"]) -> dict[str, str]:
    """05.3: the partners for which RSCT and identity made in interaction predict different stances for
    ``state``, each with the theory whose stance is the observed one ('neither' if none)."""
    compared = DIVERGENCE["theories"]
    world = load_world(period)
    seen = observed(world).set_index(["state", "partner"])["stance"]
    stances = {theory: predict(theory, world).set_index(["state", "partner"])["stance"] for theory in compared}
    out = {}
    for partner in world.partners(state):
        got = {theory: stances[theory][(state, partner)] for theory in compared}
        if len(set(got.values())) > 1:
            right = [theory for theory in compared if got[theory] == seen[(state, partner)]]
            out[partner] = right[0] if right else "neither"
    return out


#: A reference answer to 05.4 (the instructor's solution): the Horn of Africa around 2010-2017.
EXAMPLE_REGION: dict[str, Any] = {
    "region": "Horn of Africa (around 2010-2017)",
    "states": ["ETH", "ERI", "SOM", "DJI"],
    "amity": {("ETH", "ERI"): -2, ("ETH", "SOM"): -1, ("SOM", "ETH"): -2, ("ETH", "DJI"): 1,
              ("ERI", "SOM"): -1, ("ERI", "DJI"): -2, ("SOM", "DJI"): 1},
    "weakness": {"ETH": 0.6, "ERI": 0.4, "SOM": 1.0, "DJI": 0.3},
    "penetration": [
        {"power": "USA", "target": "DJI", "valence": 1, "intensity": 2, "what": "Camp Lemonnier base (2002-)"},
        {"power": "USA", "target": "ETH", "valence": 1, "intensity": 1, "what": "counter-terrorism partnership (2002-)"},
        {"power": "CHN", "target": "DJI", "valence": 1, "intensity": 2, "what": "PLA support base (2017-)"},
        {"power": "ARE", "target": "ERI", "valence": 1, "intensity": 2, "what": "Assab air and naval base (2015-2021)"},
        {"power": "TUR", "target": "SOM", "valence": 1, "intensity": 2, "what": "TURKSOM training base (2017-)"},
    ],
    "principal": {"ETH": ("USA", "ERI"), "ERI": ("ARE", "ETH"), "SOM": ("TUR", "ETH"), "DJI": ("USA", "ERI")},
}

REFERENCES = {
    "05.1": penetration_pulls_down,
    "05.2": stances_without_backing,
    "05.3": divergence_verdicts,
    "05.4": lambda: EXAMPLE_REGION,
}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries."""
    out = {**set_entry("05.1", penetration_pulls_down())}
    for period, stance in stances_without_backing().items():
        out.update(text_entry(f"05.2/{period}", stance))
    verdicts = divergence_verdicts()
    out.update(set_entry("05.3", verdicts))
    for partner, verdict in verdicts.items():
        out.update(text_entry(f"05.3/{partner}", verdict))
    return out
