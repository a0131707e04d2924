"""Reference answers to exercise 04, computed from the models (grader side, not installed)."""

from __future__ import annotations

from alliances.analysis import observed
from alliances.checks.exercise04 import (
    HISTORY_ONLY,
    KIN_PAIR,
    PERIOD,
    RECODED_KIN_MEMORY,
    RECODED_KINSHIP,
    RECODED_MEMORY,
    THIN,
    WEIGHT_TOLERANCE,
)
from alliances.schemas import CHOOSERS
from alliances.theories import predict, resolve_params, score
from alliances.theories.constructivism import MARKERS, markers
from alliances.world import World, load_world
from grading.entries import Entry, number_entry, set_entry, text_entry


def _stance(world: World, state: str, partner: str, **params: object) -> str:
    table = predict("constructivism", world, **params)
    return str(table[(table["state"] == state) & (table["partner"] == partner)]["stance"].iloc[0])


def history_only_misses(period: str = PERIOD) -> dict[str, list[str]]:
    """04.1: per chooser, the partners whose observed stance the history-only reading gets wrong."""
    world = load_world(period)
    both = predict("constructivism", world, **HISTORY_ONLY).merge(observed(world), on=["state", "partner"],
                                                                  suffixes=("_model", "_observed"))
    wrong = both[both["stance_model"] != both["stance_observed"]]
    return {state: list(wrong[wrong["state"] == state]["partner"]) for state in CHOOSERS}


def recoded_stances(period: str = PERIOD) -> dict[str, str]:
    """04.2: Georgia's stance towards Turkey after recoding its memory, per setting."""
    world = load_world(period).replace(memory={("GEO", "TUR"): RECODED_MEMORY})
    return {"history_only": _stance(world, "GEO", "TUR", **HISTORY_ONLY), "default": _stance(world, "GEO", "TUR")}


def kin_recoded(period: str = PERIOD, *, memory_too: bool) -> World:
    """04.3's recoded world: kinship of Azerbaijan and Iran recoded, and its memory of Iran if ``memory_too``."""
    changes: dict[str, object] = {"kinship": {KIN_PAIR: RECODED_KINSHIP}}
    if memory_too:
        changes["memory"] = {KIN_PAIR: RECODED_KIN_MEMORY}
    return load_world(period).replace(**changes)


def religion_weight_at_align(world: World, state: str, partner: str) -> float:
    """The religion weight at which the thin score of ``state`` towards ``partner`` equals ``align_at``
    (the other weights at their defaults): solve (w x_r + N) / (w + W) = align_at for w."""
    p = resolve_params("constructivism", THIN)
    x = markers(world, state, partner)
    others = [m for m in MARKERS if m != "religion" and p[f"use_{m}"]]
    numerator = sum(p[f"{m}_weight"] * x[m] for m in others)
    weights = sum(p[f"{m}_weight"] for m in others)
    return (p["align_at"] * weights - numerator) / (x["religion"] - p["align_at"])


def kinship_and_memory() -> dict[str, object]:
    """04.3: Azerbaijan's thin stance towards Iran after each recoding, and the religion weight at align_at."""
    kin, both = kin_recoded(memory_too=False), kin_recoded(memory_too=True)
    return {"kinship": _stance(kin, *KIN_PAIR, **THIN), "both": _stance(both, *KIN_PAIR, **THIN),
            "religion_weight": round(religion_weight_at_align(both, *KIN_PAIR), 4)}


def regime_similarity(world: World, state: str, partner: str) -> float:
    """An example fifth marker: 1 - 2 |polyarchy difference| (-1 … 1; 0 when either is unknown)."""
    a = world.regime.get(state, {}).get("polyarchy")
    b = world.regime.get(partner, {}).get("polyarchy")
    return 0.0 if a is None or b is None else 1 - 2 * abs(a - b)


def identity_with_regime_marker(world: World, state: str, partner: str, new_weight: float) -> float:
    """04.4: the model's thin identity score with :func:`regime_similarity` added as a fifth marker of
    weight ``new_weight`` (a weighted mean over the five markers)."""
    params, scored = score("constructivism", world, **THIN)
    total = sum(params[f"{m}_weight"] for m in MARKERS if params[f"use_{m}"])
    marker = regime_similarity(world, state, partner)
    return (scored[(state, partner)].score * total + new_weight * marker) / (total + new_weight)


REFERENCES = {
    "04.1": history_only_misses,
    "04.2": recoded_stances,
    "04.3": kinship_and_memory,
    "04.4": lambda: identity_with_regime_marker,
}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries."""
    out: dict[str, Entry] = {}
    for state, partners in history_only_misses().items():
        out.update(set_entry(f"04.1/{state}", partners))
    for name, stance in recoded_stances().items():
        out.update(text_entry(f"04.2/{name}", stance))
    answer = kinship_and_memory()
    out.update(text_entry("04.3/kinship", str(answer["kinship"])))
    out.update(text_entry("04.3/both", str(answer["both"])))
    out.update(number_entry("04.3/religion_weight", float(answer["religion_weight"]), tol=WEIGHT_TOLERANCE,
                            decimals=2))
    return out
