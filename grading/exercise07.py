"""Reference answers to exercise 07, computed from the secession model (grader side, not installed)."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from alliances import secession
from alliances.checks.exercise07 import ALTERNATIVES, ITEMS, KARABAKH, RETEST
from grading.entries import Entry, number_entry, set_entry, text_entry

#: 07.4: the reference answer's settings (the cut-points fitted too, so it over-fits).
OVERFITTING_SETTINGS: dict[str, Any] = {"step": 0.1, "fit_thresholds": True, "unknowns": "neutral"}

#: 07.5: an example case, coded only where an independent or a legal source was found; the rest
#: stays None (unknown). Sources:
#: - outcome: the Gagauz Republic was a de facto state within Moldova from 1990 to 1995 (Kosienkowski,
#:   M. (2017), "The Gagauz Republic: An Autonomism-Driven De Facto State", The Soviet and Post-Soviet
#:   Review 44: 292-313, doi:10.1163/18763324-20171233), since 1995 an autonomous territorial unit of
#:   Moldova (Cornea, S. and Cornea, V. (2014), https://nbn-resolving.org/urn:nbn:de:0168-ssoar-67956-4);
#: - parent_structure: the Constitution of the Republic of Moldova (1994), art. 1, defines the state
#:   as unitary (the parent's own legal text).
#: Left None (not confirmed from a source of that standard here): geography, a patron and a border
#: with it (Kosienkowski argues the leaders sought autonomy, not independence, and names no state
#: patron), territory and population shares, prior statehood, a Security Council resolution.
EXAMPLE_CASE: dict[str, Any] = {
    "case_id": "gagauzia", "region": "Gagauzia (Gagauz Republic)", "parent_state": "Moldova",
    "outcome": "autonomy", "geography": None, "border_with_patron": None, "territory_share_pct": None,
    "prior_statehood": None, "share_of_parent_population_pct": None, "parent_structure": "unitary",
    "unsc_territorial_integrity": None}

#: 07.6: an example recoding. Karabakh's "land border with the patron" is 0 in the table (an enclave,
#: Babayev l. 61); from 1992/1994 to 2023 the Lachin corridor linked it to Armenia by road, and the
#: International Court of Justice ordered Azerbaijan on 22 February 2023 to ensure unimpeded movement
#: along the corridor in both directions (provisional measures, Armenia v. Azerbaijan). Azerbaijan's
#: position is that the road ran through its own territory, so the recoding is contested.
EXAMPLE_RECODING: dict[str, Any] = {"case_id": KARABAKH, "item": "patron_border", "value": 1.0}


def _karabakh_with(items: tuple[str, ...]) -> float:
    """Karabakh's default score with ``items`` switched to the favourable value 1."""
    table = secession.cases()
    table.loc[table["case_id"] == KARABAKH, list(items)] = 1.0
    result = secession.explained(table=table)
    return float(result.loc[result["case_id"] == KARABAKH, "score"].iloc[0])


def what_it_takes() -> dict[str, Any]:
    """07.1: the item whose switch to 1 raises Karabakh's score most (the first on a tie), and the
    fewest items that must switch to 1 for the score to reach each cut-point (None if none do)."""
    gains = {item: _karabakh_with((item,)) for item in ITEMS}
    top = max(gains.values())
    p = secession.resolve({})
    fewest: dict[str, int | None] = {"to_partial": None, "to_success": None}
    for name, cut in (("to_partial", p["partial_at"]), ("to_success", p["success_at"])):
        fewest[name] = next((k for k in range(1, len(ITEMS) + 1)
                             if any(_karabakh_with(c) >= cut - 1e-12 for c in combinations(ITEMS, k))), None)
    return {"largest_gain": next(i for i in ITEMS if gains[i] >= top - 1e-12), **fewest,
            "_tied": [i for i in ITEMS if gains[i] >= top - 1e-12]}


def _explained(**params: Any) -> int:
    return int(secession.explained(**params)["explained"].sum())


def model_and_baseline() -> dict[str, int]:
    """07.2: cases explained by the default weighting and by always predicting failure."""
    return {"model": _explained(), "baseline": int((secession.cases()["outcome_ordinal"] == 0).sum())}


def unknowns_effects() -> dict[str, str]:
    """07.3: whether each alternative rule for unknowns explains more, fewer or as many cases as "neutral"."""
    neutral = _explained(unknowns="neutral")
    counts = {rule: _explained(unknowns=rule) for rule in ALTERNATIVES}
    return {rule: "more" if c > neutral else "fewer" if c < neutral else "same" for rule, c in counts.items()}


def overfitting_answer() -> dict[str, Any]:
    """07.4: :data:`OVERFITTING_SETTINGS` and their two agreements."""
    result = secession.leave_one_out(**OVERFITTING_SETTINGS)
    return {**OVERFITTING_SETTINGS, "in_sample": result.in_sample, "loo": result.loo}


def _with_example() -> Any:
    return secession.add_case(secession.cases(), **EXAMPLE_CASE)


def new_case_answer() -> dict[str, Any]:
    """07.5: :data:`EXAMPLE_CASE` with its default score and predicted class."""
    row = secession.explained(table=_with_example()).iloc[-1]
    return {"case": dict(EXAMPLE_CASE), "score": float(row["score"]), "predicted": row["predicted"]}


def retest_answer() -> dict[str, Any]:
    """07.6: :data:`EXAMPLE_RECODING` on the table with the example case, and the re-run fit of RETEST."""
    table = _with_example()
    table.loc[table["case_id"] == EXAMPLE_RECODING["case_id"], EXAMPLE_RECODING["item"]] = EXAMPLE_RECODING["value"]
    result = secession.leave_one_out(table=table, **RETEST)
    return {"case": dict(EXAMPLE_CASE), **EXAMPLE_RECODING, "in_sample": result.in_sample, "loo": result.loo}


def _public(answer: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answer.items() if not k.startswith("_")}


REFERENCES = {
    "07.1": lambda: _public(what_it_takes()),
    "07.2": model_and_baseline,
    "07.3": unknowns_effects,
    "07.4": overfitting_answer,
    "07.5": new_case_answer,
    "07.6": retest_answer,
}


def entries() -> dict[str, Entry]:
    """This exercise's answer-key entries (07.4-07.6 are recomputed from the student's own choices)."""
    steps = what_it_takes()
    counts, effects = model_and_baseline(), unknowns_effects()
    out = {**set_entry("07.1/largest_gain", steps["_tied"])}
    for name in ("to_partial", "to_success"):
        out.update(text_entry(f"07.1/{name}", "none" if steps[name] is None else str(steps[name])))
    for name, n in counts.items():
        out.update(number_entry(f"07.2/{name}", n, tol=0, decimals=0))
    for rule, effect in effects.items():
        out.update(text_entry(f"07.3/{rule}", effect))
    return out
