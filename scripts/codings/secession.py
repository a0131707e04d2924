"""Secession cases: corrections to the shared fact table and one justification per coded cell.

``scripts/build_coded.py::build_secession_cases`` parses ``facts/secession_cases.csv``; the
cells below replace a parsed value where the fact text is wrong for the moment of secession
or for Babayev's criterion (:data:`OVERRIDES`). Every coded cell of the table then gets one
line of justification and a source (:data:`JUSTIFICATIONS` for cells judged here; cells taken
as parsed from the fact text get a generated line that quotes that text), written to
``data/secession_justifications.csv``.

Babayev's criterion for *prior statehood* (reading l. 73): "an earlier era of political
independence under [the secessionists'] authority" (Abkhazia qualifies through its own
principality and the Abkhaz SSR of 1921–31). A polity of another group does not count.
"""
from __future__ import annotations

FACTS = "facts/secession_cases.csv"
BABAYEV_73 = "Babayev reading (readings/babayev-karabakh-secession-failure.txt) line 73"
UNSC_169 = ("UN Security Council resolution 169 (1961) of 24 Nov 1961 (S/5002), text in Resolutions and "
            "Decisions of the Security Council 1961 (Wikisource copy: "
            "https://en.wikisource.org/wiki/United_Nations_Security_Council_Resolution_169)")
CENSUS_1989 = ("1989 All-Union census (Itogi Vsesoyuznoy perepisi naseleniya 1989 goda): NKAO 189,085, "
               "Azerbaijan SSR about 7.02 million; figures as checked in the data-model audit (reviews, §2.3 item 15)")

#: The columns of ``secession_cases.csv`` that are coded (and so need a justification).
#: (the same tuple as ``alliances.schemas.SECESSION_CODED_COLUMNS``; the builder imports no course code.)
CODED_COLUMNS: tuple[str, ...] = (
    "outcome", "geography", "border_with_patron", "patron", "territory_share_pct",
    "share_of_parent_population_pct", "prior_statehood", "parent_structure", "unsc_territorial_integrity")

#: (case_id, column) -> value that replaces the one parsed from the fact text.
OVERRIDES: dict[tuple[str, str], object] = {
    ("somaliland", "parent_structure"): "unitary",
    ("crimea", "prior_statehood"): "false",
    ("katanga", "unsc_territorial_integrity"): "true",
    ("nagorno-karabakh", "population"): 189085,
    ("nagorno-karabakh", "population_year"): 1989,
    ("nagorno-karabakh", "share_of_parent_population_pct"): 2.7,
}

#: (case_id, column) -> (justification, source) for the cells judged here.
JUSTIFICATIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("chechnya", "border_with_patron"): (
        "No patron state (the facts say so; Georgia was sympathetic in 1991 but no patron): a border with a "
        "patron does not apply, coded empty like the other no-patron cases (Eritrea, South Sudan, Somaliland, "
        "Biafra); the earlier 'true' was a parsing error",
        FACTS + " (Chechnya row: 'no patron state'); data-model audit §2.3 item 14"),
    ("chechnya", "patron"): (
        "No state patron: Gamsakhurdia's Georgia was sympathetic in 1991 but gave no military or diplomatic backing",
        FACTS + " (Chechnya row)"),
    ("somaliland", "parent_structure"): (
        "At secession (18 May 1991) Somalia was a unitary state (1960 and 1979 constitutions); federalism dates "
        "from the 2004 Transitional Federal Charter and the 2012 Provisional Constitution, after the secession",
        "Dahir & Sheikh Ali, 'Federalism in post-conflict Somalia', Regional & Federal Studies (2021), "
        "doi:10.1080/13597566.2021.1998005 ('Somalia adopted federalism in 2004'); Elmi, 'Decentralized Unitary "
        "System: A Possible Middle Ground Model for Somalia', Arab Center for Research and Policy Studies (2015)"),
    ("somaliland", "prior_statehood"): (
        "The State of Somaliland was independent for five days (26 Jun-1 Jul 1960) under the authority of the "
        "same (northern) population before the union: an era of independence under the secessionists' own "
        "authority, Babayev's criterion",
        BABAYEV_73 + "; Government of Somaliland, 'International relationship' "
        "(https://govsomaliland.org/article/international-relationship) (party statement); " + FACTS),
    ("crimea", "prior_statehood"): (
        "By Babayev's criterion (independence under the secessionists' own authority) Crimea does not qualify: "
        "the Crimean Khanate (1441-1783) was a Crimean Tatar polity, not one of the ethnic-Russian majority that "
        "carried the 2014 secession; the Crimean ASSR (1921-45) and the Autonomous Republic were autonomy, and "
        "the 5 May 1992 'Act of State Independence' was ruled unconstitutional by Kyiv (13 May) and rescinded by "
        "the Crimean parliament itself (21 May) before it took effect",
        BABAYEV_73 + "; Landeszentrale fuer politische Bildung Baden-Wuerttemberg, 'Ukraine-Krim' "
        "(https://www.lpb-bw.de/ukraine-krim); " + FACTS + " (Crimean Khanate)"),
    ("katanga", "unsc_territorial_integrity"): (
        "Resolution 169 (24 Nov 1961) reaffirms the aim 'to maintain the territorial integrity and the political "
        "independence of the Republic of the Congo' and 'completely reject[s] the claim that Katanga is a "
        "sovereign independent nation'", UNSC_169),
    ("katanga", "prior_statehood"): (
        "Empty: pre-colonial Lunda and Msiri (Garenganze) states lay partly in the region, but no source "
        "collected here assesses whether they were polities of the Conakat secessionists' constituency",
        FACTS + " (Katanga row: 'pre-colonial Msiri/Lunda states not assessed')"),
    ("nagorno-karabakh", "share_of_parent_population_pct"): (
        "Measured at the moment of secession (1988-91): 1989 census, NKAO 189,085 of the Azerbaijan SSR's "
        "~7.02 million = 2.7%. The reading's 1.5% (150,000 of 10 million) divides a post-war, post-expulsion "
        "figure by the 2020s population (a reading discrepancy)",
        CENSUS_1989 + "; Babayev reading line 81 (the 1.5% figure)"),
    ("nagorno-karabakh", "prior_statehood"): (
        "No era of political independence under Armenian authority in NK (Babayev's criterion, as the reading "
        "itself argues); competing narrative: Armenian accounts cite the medieval principality of Khachen and "
        "the melikdoms of Khamsa (semi-autonomous under the Karabakh khanate and Persian suzerainty); the "
        "Karabakh khanate (1748-1822) was not a polity of the secessionists",
        BABAYEV_73 + "; " + FACTS + " (Karabakh row: khanate 1748-1822); data-model audit §2.3 item 14"),
    ("nagorno-karabakh", "unsc_territorial_integrity"): (
        "Resolutions 822, 853, 874 and 884 (1993) reaffirm the sovereignty and territorial integrity of "
        "Azerbaijan; they refer to 'local Armenian forces' and call on Armenia to use its influence, and do not "
        "name Armenia as the occupying state (the reading says they 'condemned the Armenian occupation')",
        "UN Security Council resolutions 822, 853, 874, 884 (1993); " + FACTS),
    ("nagorno-karabakh", "geography"): (
        "An enclave within Azerbaijan, separated from Armenia by the Lesser Caucasus (the reading's own "
        "example of a centripetal location)", "Babayev reading lines 59-63; " + FACTS),
    ("nagorno-karabakh", "border_with_patron"): (
        "The NKAO had no border with Armenia; the Lachin corridor (1992-2023) was a link held by force, "
        "not a border of the region", FACTS + " (Karabakh row)"),
    ("nagorno-karabakh", "territory_share_pct"): (
        "The reading's 5% (4,400 of 86,600 km2 = 5.08%); the NKAO was 4,388 km2; the about 11,000 km2 held in "
        "1994-2020 are not the seceding unit", "Babayev reading line 59; " + FACTS + "; data-model audit §2.3 item 15"),
    ("bangladesh", "geography"): (
        "A non-contiguous wing (East Pakistan, separated from West Pakistan by India), coded 'peripheral': "
        "it is not an enclave inside the parent's territory", FACTS + " (Bangladesh row)"),
    ("kosovo", "border_with_patron"): (
        "Empty: the patron is contested (USA/NATO in 1999, or Albania as kin state); the border item "
        "depends on that choice", FACTS + " (Kosovo row)"),
    ("kosovo", "patron"): (
        "Empty: contested coding between the USA/NATO (1999 air war) and Albania (kin state)", FACTS + " (Kosovo row)"),
}

_PHRASE = {
    "outcome": "outcome",
    "geography": "location",
    "border_with_patron": "land border with the patron",
    "patron": "patron state",
    "territory_share_pct": "share of the parent's territory",
    "share_of_parent_population_pct": "share of the parent's population",
    "prior_statehood": "prior statehood",
    "parent_structure": "parent state's structure",
    "unsc_territorial_integrity": "UNSC territorial-integrity resolution",
}
_EMPTY_REASON = {
    "share_of_parent_population_pct": "no same-basis parent population for the year of secession was sourced",
    "parent_structure": "the facts mark the parent's structure UNVERIFIED",
    "unsc_territorial_integrity": "the facts found no resolution, or did not verify one",
    "prior_statehood": "the facts mark it UNVERIFIED or partial/contested",
    "border_with_patron": "there is no state patron (n/a), or the patron is contested",
    "patron": "no state patron, or a contested one",
    "territory_share_pct": "the parent's area was not sourced",
}


def default_justification(column: str, value: str, fact_text: str) -> str:
    """One line for a cell taken as parsed from the fact text (quoted, so the reader can check it)."""
    what = _PHRASE[column]
    quoted = fact_text.strip().replace("\n", " ")
    if value == "":
        return f"Empty: {_EMPTY_REASON.get(column, 'not given in the facts')} (facts: '{quoted}')"
    return f"{what[0].upper()}{what[1:]} = {value} as stated in the facts: '{quoted}'"
