"""Reference answers to exercise 01, computed from the balance-of-power model (grader side, not installed)."""

from __future__ import annotations

from alliances.checks.exercise01 import SETTINGS, WHEN
from alliances.theories import predict
from alliances.theories.balance_of_power import system
from alliances.theories.inputs import capability_shares
from alliances.world import load_world
from grading.entries import Entry, text_entry


def hegemon_and_counterweight(when: str = WHEN, measure: str = "cinc", scope: str = "regional") -> dict[str, str]:
    """01.1: the strongest actor of the system and the strongest other actor (by capability share)."""
    world = load_world(when)
    members = system(world, scope)
    shares = capability_shares(world, measure, members)
    hegemon = max(members, key=lambda a: shares[a])
    counterweight = max((a for a in members if a != hegemon), key=lambda a: shares[a])
    return {"hegemon": hegemon, "counterweight": counterweight}


def stance(partner: str, measure: str = "cinc", scope: str = "regional", state: str = "ARM", when: str = WHEN) -> str:
    """Balance of power's stance of ``state`` towards ``partner`` with ``measure`` and ``scope``."""
    pred = predict("balance_of_power", load_world(when), measure=measure, scope=scope)
    return str(pred[(pred["state"] == state) & (pred["partner"] == partner)]["stance"].iloc[0])


def russia_across_settings() -> dict[tuple[str, str], str]:
    """01.3: the stance towards Russia under each (measure, scope) of :data:`SETTINGS` (the same for
    the three states: the model reads only the system)."""
    return {(measure, scope): stance("RUS", measure, scope) for measure, scope in SETTINGS}


WHY_IDENTICAL_ANSWER = "structure"

REFERENCES = {
    "01.1": hegemon_and_counterweight,
    "01.2": lambda: {partner: stance(partner, "milex") for partner in ("TUR", "IRN")},
    "01.3": russia_across_settings,
    "01.4": lambda: capability_shares,
    "01.5": lambda: WHY_IDENTICAL_ANSWER,
}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries."""
    roles = hegemon_and_counterweight()
    out = {**text_entry("01.1/hegemon", roles["hegemon"]), **text_entry("01.1/counterweight", roles["counterweight"]),
           **text_entry("01.2/TUR", stance("TUR", "milex")), **text_entry("01.2/IRN", stance("IRN", "milex")),
           **text_entry("01.5", WHY_IDENTICAL_ANSWER)}
    for (measure, scope), value in russia_across_settings().items():
        out.update(text_entry(f"01.3/{measure}/{scope}", value))
    return out
