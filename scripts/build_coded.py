#!/usr/bin/env python
"""Build the coded and fact tables of the course's data/ folder.

Usage::

    python scripts/build_coded.py [--raw PATH] [--out PATH]

Reads only the repository's data/raw/ (facts/, extracts/; see data/raw/README.md) and the coded
rows in scripts/codings/, and writes these CSVs into data/:

    actors.csv  memberships.csv  events.csv  dyads_observed.csv  identity.csv
    identity_dyads.csv  security_acts.csv  instability_events.csv
    separatist_regions.csv  land_borders.csv  secession_cases.csv  secession_justifications.csv

Two kinds of content live here:

1. TRANSFORMATIONS of files in ``data/raw/facts`` and ``data/raw/extracts`` (names ->
   actor codes, normalised vocabularies, ISO dates, parsed years). These are done in code
   below and never edited by hand.
2. CODED ROWS (new judgements): the identity rows for the powers, identity_dyads,
   security_acts, instability_events, separatist_regions and the events added to the
   timeline. They are literal Python lists in the section marked "CODED DATA". Each row
   carries its justification and its source (facts file, reading + line numbers as printed
   by ``cat -n``, a UCDP/SIPRI extract, or a public web page). They are one coder's
   judgements: review them, and change any of them.

Standard library + pandas only; deterministic (no clock, no randomness, sorted output).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd
from codings import recent, secession
from codings.sources import add_independent_sources, fix_sources

# --------------------------------------------------------------------------------------
# Citation helpers
# --------------------------------------------------------------------------------------
GARIBOV_FILE = "garibov-friends-and-foes-south-caucasus.txt"
BABAYEV_FILE = "babayev-karabakh-secession-failure.txt"


def G(lines: str) -> str:
    """Cite the Garibov reading by line numbers (cat -n)."""
    return f"Garibov reading (readings/{GARIBOV_FILE}) lines {lines}"


def B(lines: str) -> str:
    """Cite the Babayev reading by line numbers (cat -n)."""
    return f"Babayev reading (readings/{BABAYEV_FILE}) line(s) {lines}"


UCDP = "UCDP/PRIO Armed Conflict Dataset v25.1 (data-sources/ucdp_prio_acd_v25_1_south_caucasus.csv)"
SIPRI = ("SIPRI Arms Transfers Database, trade register "
         "(data-sources/sipri_arms_transfers_trade_register_south_caucasus.csv)")
FM = "facts/memberships.csv"
FE = "facts/events.csv"
JT = ("Jamestown Foundation, Eurasia Daily Monitor vol. 5 no. 79, 'Collective Security Treaty shrinks, GUAM set to grow' (1999; "
      "https://jamestown.org/program/collective-security-treaty-shrinks-guam-set-to-grow)")

# --------------------------------------------------------------------------------------
# Names -> actor codes
# --------------------------------------------------------------------------------------
NAME_TO_CODE = {
    "Armenia": "ARM", "Azerbaijan": "AZE", "Georgia": "GEO", "Russia": "RUS",
    "Turkey": "TUR", "Turkiye": "TUR", "Iran": "IRN", "USA": "USA", "United States": "USA",
    "EU": "EU", "France": "FRA", "Germany": "DEU", "UK": "GBR", "United Kingdom": "GBR",
    "Israel": "ISR", "Ukraine": "UKR", "China": "CHN", "USSR": "SUN",
    "Abkhazia": "ABK", "South Ossetia": "SOS", "Nagorno-Karabakh": "NKR",
    "NATO": "NATO", "Austria": "AUT", "India": "IND", "Belgium": "BEL",
}

# ======================================================================================
# CODED DATA  (every row: justification + source; one coder's judgements)
# ======================================================================================

# ---- 16. actors ----------------------------------------------------------------------
# (actor, name, role, cow_ccode, iso3, in_west, note)
# CoW codes from data-sources/cow_capitals_peacesciencer_selected.csv where present.
ACTORS = [
    ("ARM", "Armenia", "chooser", 371, "ARM", False, ""),
    ("AZE", "Azerbaijan", "chooser", 373, "AZE", False, ""),
    ("GEO", "Georgia", "chooser", 372, "GEO", False, ""),
    ("RUS", "Russia", "power", 365, "RUS", False, ""),
    ("TUR", "Turkey (Türkiye)", "power", 640, "TUR", False, "SIPRI spells it Turkiye"),
    ("IRN", "Iran", "power", 630, "IRN", False, ""),
    ("USA", "United States", "power", 2, "USA", True, ""),
    ("EU", "European Union", "power", None, "", True,
     "not a state: no CoW code or ISO3; used for EU instruments (EaP, association, missions)"),
    ("NATO", "North Atlantic Treaty Organization", "west_member", None, "", True,
     "alliance, not a state; used only as the partner/actor of NATO instruments "
     "(PfP, IPAP, Bucharest) in memberships.csv and security_acts.csv"),
    ("FRA", "France", "west_member", 220, "FRA", True, ""),
    ("DEU", "Germany", "west_member", 255, "DEU", True, ""),
    ("GBR", "United Kingdom", "west_member", 200, "GBR", True, ""),
    ("ISR", "Israel", "other", 666, "ISR", False, "arms supplier (SIPRI)"),
    ("UKR", "Ukraine", "other", 369, "UKR", False, "arms supplier (SIPRI)"),
    ("CHN", "China", "other", 710, "CHN", False, ""),
    ("AUT", "Austria", "other", None, "AUT", False,
     "kin state in secession_cases (South Tyrol); CoW code not in the shared extract"),
    ("IND", "India", "other", None, "IND", False,
     "patron in secession_cases (Bangladesh 1971); CoW code not in the shared extract"),
    ("BEL", "Belgium", "other", None, "BEL", False,
     "patron in secession_cases (Katanga); CoW code not in the shared extract"),
    ("SUN", "Soviet Union (USSR)", "other", None, "", False,
     "historical state (to 1991); ISO 3166-3 code SUN; used in events.csv"),
    ("ABK", "Abkhazia (de facto)", "other", None, "", False,
     "de facto entity, not a recognised state by most UN members; code is the course's own"),
    ("SOS", "South Ossetia (de facto)", "other", None, "", False,
     "de facto entity; code is the course's own"),
    ("NKR", "Nagorno-Karabakh de facto authorities ('Republic of Artsakh')", "other", None, "",
     False, "de facto entity 1991-2023, dissolved 2024-01-01; code is the course's own"),
]

# ---- 17. memberships: mapping of facts rows -> clean fields --------------------------
# key: (state, start of organisation_or_treaty) -> (slug, organisation, partners, kind)
MEMBERSHIP_MAP = [
    ("Armenia", "Commonwealth of Independent States", "arm-cis", "Commonwealth of Independent States (CIS)", ["RUS"], "regional_organisation"),
    ("Armenia", "Collective Security Treaty (Tashkent) / CSTO", "arm-cst-csto", "Collective Security Treaty / CSTO", ["RUS"], "military_alliance"),
    ("Armenia", "CSTO - participation frozen", "arm-csto-frozen", "CSTO (participation frozen)", ["RUS"], "alliance_suspension"),
    ("Armenia", "Eurasian Economic Union", "arm-eeu", "Eurasian Economic Union (EEU)", ["RUS"], "economic_union"),
    ("Armenia", "NATO North Atlantic Cooperation Council", "arm-nato-nacc-eapc", "NATO NACC / EAPC", ["NATO"], "partnership"),
    ("Armenia", "NATO Partnership for Peace", "arm-nato-pfp", "NATO Partnership for Peace (PfP)", ["NATO"], "partnership"),
    ("Armenia", "NATO Individual Partnership Action Plan", "arm-nato-ipap", "NATO Individual Partnership Action Plan (IPAP)", ["NATO"], "partnership"),
    ("Armenia", "EU Eastern Partnership", "arm-eu-eap", "EU Eastern Partnership", ["EU"], "partnership"),
    ("Armenia", "Treaty of Friendship, Cooperation and Mutual Assistance", "arm-rus-mutual-assistance-1997", "Russia-Armenia Treaty of Friendship, Cooperation and Mutual Assistance", ["RUS"], "mutual_defence_treaty"),
    ("Armenia", "Declaration of Allied Cooperation", "arm-rus-allied-cooperation-2000", "Russia-Armenia Declaration of Allied Cooperation in the 21st Century", ["RUS"], "strategic_partnership"),
    ("Armenia", "Treaty on Russian military base", "arm-rus-gyumri-base-1995", "Treaty on the Russian military base (102nd base, Gyumri)", ["RUS"], "basing"),
    ("Armenia", "Protocol No.5", "arm-rus-gyumri-base-extension-2010", "Protocol No. 5 extending the Gyumri base treaty to 2044", ["RUS"], "basing"),
    ("Armenia", "Non-Aligned Movement", "arm-nam-observer", "Non-Aligned Movement (observer)", ["multilateral"], "non_aligned"),
    ("Azerbaijan", "Commonwealth of Independent States", "aze-cis", "Commonwealth of Independent States (CIS)", ["RUS"], "regional_organisation"),
    ("Azerbaijan", "Collective Security Treaty (Tashkent)", "aze-cst", "Collective Security Treaty", ["RUS"], "military_alliance"),
    ("Azerbaijan", "Treaty on Friendship and Development", "aze-tur-friendship-1994", "Azerbaijan-Turkey Treaty on Friendship and Development of Comprehensive Cooperation", ["TUR"], "friendship_treaty"),
    ("Azerbaijan", "NATO Partnership for Peace", "aze-nato-pfp", "NATO Partnership for Peace (PfP)", ["NATO"], "partnership"),
    ("Azerbaijan", "GUAM", "aze-guam", "GUAM", ["multilateral"], "regional_organisation"),
    ("Azerbaijan", "Treaty of Friendship, Cooperation and Mutual Security", "aze-rus-friendship-1997", "Azerbaijan-Russia Treaty of Friendship, Cooperation and Mutual Security", ["RUS"], "friendship_treaty"),
    ("Azerbaijan", "NATO Individual Partnership Action Plan", "aze-nato-ipap", "NATO Individual Partnership Action Plan (IPAP)", ["NATO"], "partnership"),
    ("Azerbaijan", "Baku-Tbilisi-Ceyhan", "aze-btc", "Baku-Tbilisi-Ceyhan oil pipeline", ["GEO", "TUR"], "infrastructure"),
    ("Azerbaijan", "Declaration of Friendship and Strategic Partnership", "aze-rus-strategic-partnership-2008", "Azerbaijan-Russia Declaration of Friendship and Strategic Partnership", ["RUS"], "strategic_partnership"),
    ("Azerbaijan", "EU Eastern Partnership", "aze-eu-eap", "EU Eastern Partnership", ["EU"], "partnership"),
    ("Azerbaijan", "Treaty on Strategic Partnership and Mutual Assistance", "aze-tur-mutual-assistance-2010", "Azerbaijan-Turkey Treaty on Strategic Partnership and Mutual Assistance", ["TUR"], "mutual_defence_treaty"),
    ("Azerbaijan", "Non-Aligned Movement", "aze-nam", "Non-Aligned Movement", ["multilateral"], "non_aligned"),
    ("Azerbaijan", "Trilateral Azerbaijan-Georgia-Turkey", "aze-trilateral-trabzon-2012", "Trilateral Azerbaijan-Georgia-Turkey format (Trabzon Declaration)", ["GEO", "TUR"], "strategic_partnership"),
    ("Azerbaijan", "Shusha Declaration", "aze-tur-shusha-2021", "Shusha Declaration on Allied Relations", ["TUR"], "mutual_defence_treaty"),
    ("Azerbaijan", "Declaration on Allied Interaction", "aze-rus-allied-interaction-2022", "Azerbaijan-Russia Declaration on Allied Interaction", ["RUS"], "strategic_partnership"),
    ("Georgia", "NATO North Atlantic Cooperation Council", "geo-nato-nacc-eapc", "NATO NACC / EAPC", ["NATO"], "partnership"),
    ("Georgia", "Collective Security Treaty (Tashkent)", "geo-cst", "Collective Security Treaty", ["RUS"], "military_alliance"),
    ("Georgia", "Commonwealth of Independent States", "geo-cis", "Commonwealth of Independent States (CIS)", ["RUS"], "regional_organisation"),
    ("Georgia", "NATO Partnership for Peace", "geo-nato-pfp", "NATO Partnership for Peace (PfP)", ["NATO"], "partnership"),
    ("Georgia", "GUAM", "geo-guam", "GUAM", ["multilateral"], "regional_organisation"),
    ("Georgia", "NATO Individual Partnership Action Plan", "geo-nato-ipap", "NATO Individual Partnership Action Plan (IPAP)", ["NATO"], "partnership"),
    ("Georgia", "Baku-Tbilisi-Ceyhan", "geo-btc", "Baku-Tbilisi-Ceyhan oil pipeline", ["AZE", "TUR"], "infrastructure"),
    ("Georgia", "NATO Intensified Dialogue", "geo-nato-intensified-dialogue", "NATO Intensified Dialogue", ["NATO"], "partnership"),
    ("Georgia", "NATO Bucharest Summit", "geo-nato-bucharest-2008", "NATO Bucharest Summit declaration ('will become members')", ["NATO"], "membership_aspiration"),
    ("Georgia", "EU Eastern Partnership", "geo-eu-eap", "EU Eastern Partnership", ["EU"], "partnership"),
    ("Georgia", "Trilateral Azerbaijan-Georgia-Turkey", "geo-trilateral-trabzon-2012", "Trilateral Azerbaijan-Georgia-Turkey format (Trabzon Declaration)", ["AZE", "TUR"], "strategic_partnership"),
    ("Georgia", "EU Association Agreement", "geo-eu-association-2014", "EU Association Agreement (incl. DCFTA)", ["EU"], "association_agreement"),
    ("Georgia", "EU membership application", "geo-eu-application-2022", "EU membership application", ["EU"], "membership_application"),
    ("Georgia", "EU candidate status", "geo-eu-candidate-2023", "EU candidate status", ["EU"], "candidate_status"),
]
WEST_PARTNERS = {"USA", "EU", "NATO"}

# ---- 18. events: category normalisation and added rows -------------------------------
CATEGORY_MAP = {
    "intercommunal violence": "intercommunal_violence", "mass atrocity": "mass_atrocity",
    "war": "war", "territorial decision": "other", "treaty": "treaty",
    "independence": "independence", "referendum": "election", "secession": "secession",
    "coup / civil war": "coup", "government change": "government_change",
    "election": "election", "ceasefire": "ceasefire", "sanctions": "sanctions",
    "border_closure": "border_closure", "UN resolution": "un_resolution",
    "coup / government change": "coup", "energy agreement": "energy",
    "political violence": "other", "sanctions relief": "sanctions", "revolution": "revolution",
    "energy infrastructure": "energy", "election / protest": "election",
    "alliance decision": "summit", "recognition": "recognition",
    "diplomatic rupture": "diplomacy", "partnership": "summit", "treaty exit": "treaty",
    "alignment shift": "diplomacy", "revolution / government change": "revolution",
    "rhetoric / escalation": "other", "summit": "summit", "war / ceasefire": "war",
    "application": "diplomacy", "dissolution": "other", "candidate status": "diplomacy",
    "alliance suspension": "treaty",
}
EVENT_CATEGORIES = {
    "war", "ceasefire", "revolution", "government_change", "election", "treaty",
    "border_closure", "sanctions", "un_resolution", "independence", "mass_atrocity",
    "intercommunal_violence", "displacement", "coup", "secession", "recognition", "energy",
    "summit", "diplomacy", "other",
}

# Narratives for contested events already in facts/events.csv: (date, event substring) -> text
EVENT_NARRATIVES = {
    ("1915", "Ottoman Armenians"):
        "Recognised as the Armenian Genocide by most genocide scholars and by more than two "
        "dozen governments (azatutyun.am, cited in facts); Turkey disputes the term genocide; "
        "the Garibov reading (lines 553-562) calls the events a wartime 'relocation' that "
        "'led to thousands of civilian deaths'.",
    ("1918-03-30", "March Days"):
        "Death toll contested: the Azerbaijani account cited by the Garibov reading (lines "
        "418-423) gives 'tens of thousands'; the Wikipedia-derived figure is 3,000-12,000 "
        "Azerbaijani/Muslim deaths (facts/readings_claims.csv C007). Azerbaijani narratives call "
        "it a genocide; the reading's own source is an opinion blog (footnote 18).",
    ("1918-09", "September Days"):
        "Part of the same 1918 cycle of violence; remembered chiefly in Armenian narratives, "
        "while the Garibov reading (lines 697-702) recalls the Ottoman-Azerbaijani capture of "
        "Baku as 'liberating Baku from Bolsheviks and armed groups of the Dashnaktsutyun'.",
    ("1921-07-05", "Kavbiuro"):
        "Armenian and Azerbaijani narratives read the Kavbiuro decision differently (whether a "
        "decision of 4 July to transfer NK to Armenia was overturned); the Babayev reading "
        "(line 95) conflates it with the creation of the oblast, which dates from 1923 "
        "(facts/README.md).",
    ("1923-07-07", "Autonomous Oblast"):
        "The Babayev reading (line 95) dates the autonomous oblast to July 1921; the decree "
        "creating the NKAO dates from July 1923 (facts/README.md discrepancy list).",
    ("1992-02-26", "Khojaly"):
        "Death toll contested: at least 161-200 (Human Rights Watch), 485 (Azerbaijani "
        "parliament), 613 civilians (Azerbaijani government). Azerbaijan officially calls it "
        "the 'Khojaly genocide'; most governments and media say 'massacre'; Armenian officials "
        "have disputed responsibility and figures (the Azerbaijani figures are the parliament's and "
        "government's own statements; the independent findings of Helsinki Watch 1992 and Memorial "
        "1992 are in independent_source).",
    ("1992", "First Karabakh War"):
        "Armenia and Azerbaijan give mutually incompatible accounts of the war's origin and "
        "responsibility (Garibov reading lines 404-409). Azerbaijan and the four 1993 UNSC "
        "resolutions speak of occupation of Azerbaijani territory; Armenian governments "
        "presented the war as the Karabakh Armenians' defence of self-determination "
        "(nkr.am, 'Armenian pogroms in Azerbaijan 1988-1990').",
    ("2008-08-07", "Russia-Georgia war"):
        "Who started the war is disputed: Russia says it responded to a Georgian attack on "
        "Tskhinvali and its peacekeepers; Georgia says it responded to Russian and separatist "
        "provocations and a Russian invasion (facts note; EUMM background page, eumm.eu).",
    ("2016-04-01", "Four-Day"):
        "Each side blamed the other for starting the fighting (facts source wikimili 2016 NK "
        "conflict); the Babayev reading (line 35) stresses the Kremlin's role in imposing the "
        "ceasefire.",
    ("2019-08-05", "Artsakh is Armenia"):
        "Read in Azerbaijan as a provocation that ended the 'no war, no peace' inertia (Babayev "
        "reading lines 45-47); the quote itself is sourced only to that reading.",
    ("2020-09-27", "Second Karabakh"):
        "Each side accused the other of starting the war on 27 September 2020; Azerbaijan calls "
        "it the 'Patriotic War' of liberation of occupied territory, Armenia an aggression "
        "backed by Turkey (UCDP codes Turkey as a secondary party on Azerbaijan's side).",
    ("2023-09-19", "Azerbaijani offensive"):
        "Azerbaijan called the operation 'local anti-terrorist measures' to restore "
        "constitutional order; Armenia called it 'an act of large-scale aggression' and said no "
        "Armenian forces were in Karabakh (the two governments' own statements, party statements; "
        "independent findings are in independent_source).",
}

# Added events (each with a real source). Dates ISO (YYYY, YYYY-MM or YYYY-MM-DD).
# (date, end_date, precision, event, states, category, narratives, source, note)
ADDED_EVENTS = [
    ("1988-02-27", "1988-03-01", "day",
     "Sumgait pogrom: mob violence against Armenians in Sumgait (Azerbaijan SSR); official "
     "Soviet toll 32 dead (26 Armenians, 6 Azerbaijanis)",
     "AZE;ARM;SUN", "intercommunal_violence",
     "Toll contested: 32 per the USSR Prosecutor General; 200+ per Armenian sources. Armenian "
     "accounts describe an organised pogrom; the Azerbaijani name is 'Sumgait events'.",
     "Wikipedia 'Sumgait pogrom' (mirror https://wikimili.com/en/Sumgait_pogrom; "
     "https://a.osmarks.net/content/wikipedia_en_all_maxi_2020-08/A/Sumgait_pogrom)",
     "added by the coded build"),
    ("1988", "1990", "period",
     "Flight and expulsion of Armenians from Azerbaijan (Sumgait 1988, Kirovabad and other "
     "towns Nov-Dec 1988, Baku Jan 1990)",
     "AZE;ARM", "displacement",
     "Armenian narrative: a campaign of pogroms (Sumgait, Kirovabad, Baku) that drove out "
     "more than 500,000 Armenians (Armenian official data; nkr.am, party statement). "
     "Azerbaijani official accounts call Sumgait a provocation (Prosecutor's Office of "
     "Azerbaijan, 2010 case summary) and stress that Azerbaijanis were driven from Armenia in "
     "the same years (Garibov reading lines 441-443). Independent findings: "
     "the UN Representative on IDPs (1999) counts over 300,000 refugees in Armenia, mostly "
     "ethnic Armenians from Azerbaijan; PACE (Doc. 7250, 1995) records hundreds of thousands "
     "who left before 1991 under threats, reported atrocities or Soviet orders; HRW/Helsinki "
     "and Memorial (1991) found that the authorities did little to stop the Baku pogrom of "
     "January 1990; in Sargsyan v. Azerbaijan (2015) the ECtHR found Azerbaijan in continuing "
     "violation of the property and home rights of an Armenian displaced in 1992.",
     "nkr.am 'Armenian pogroms in Azerbaijan 1988-1990' (http://www.nkr.am/en/armenian-pogroms); "
     "1lurer.am 26 Oct 2023 (https://1lurer.am/en/2023/10/26/Who-and-why-started-journey-of-migration-from-Azerbaijan-and-Nagorno-Karabakh-Baku-s-new-false-thes/1020296); "
     "LA Times 27 Sep 1989 (Gorbachev: 'hundreds of thousands have fled their homes in both "
     "republics', https://www.latimes.com/archives/la-xpm-1989-09-27-mn-141-story.html); "
     "Prosecutor's Office of Azerbaijan, summary of the reopened Sumgait case (2010), "
     "http://sumgait88.com/en/events/witnesses/ (party statement)",
     "the Armenian totals are one party's figures; the independent sources give orders of magnitude"),
    ("1988", "1991", "period",
     "Flight and expulsion of Azerbaijanis from Armenia (about 185,000 ethnic Azerbaijani "
     "refugees from Armenia in 1988-1990 per the UN Representative on IDPs)",
     "ARM;AZE", "displacement",
     "Azerbaijani narrative: a deportation accompanied by killings; over 78,000 refugees from "
     "Armenia in Azerbaijan by 2 Dec 1988 (Azerbaijan SSR Council of Ministers, cited by "
     "karabakh.center); the Garibov reading (lines 441-443, 779-784) calls it the 'expulsion of "
     "Azerbaijanis in late 1980s'. Armenian accounts (repeated by Wikipedia-derived pages) "
     "describe departures under pressure but largely without bloodshed, partly in response to "
     "the pogroms against Armenians in Azerbaijan. "
     "Independent findings: the UN Representative on IDPs (1999) counts about 185,000 ethnic "
     "Azerbaijani refugees from Armenia (1988-1990); PACE (Doc. 7250, 1995) records hundreds "
     "of thousands on both sides who left before 1991 under threats, reported atrocities or "
     "Soviet orders; a New York Times report of 3 Mar 1988 quotes officials in Baku that "
     "hundreds of Azerbaijanis had fled Armenia in the previous week; de Waal (Black Garden, "
     "2003) places the first Azerbaijani refugees from Kafan before Sumgait.",
     "story.karabakh.center (Azerbaijani source); " + G("437-443, 779-784"),
     "the Soviet and Armenian census counts used earlier came only from a Wikipedia mirror and "
     "were dropped"),
    ("1989-08", "1989-10", "month",
     "Azerbaijani rail and road embargo of Armenia (85% of Armenia's goods came via "
     "Azerbaijani rail); eased Oct 1989 under Soviet pressure; transport links later severed "
     "by the war",
     "AZE;ARM;SUN", "border_closure",
     "Armenian sources call it a blockade; an Azerbaijani diplomat called the charge a "
     "'subterfuge', arguing that severed links are an inevitable result of the conflict "
     "(Yashar Aliyev, 1998).",
     "LA Times 28 Sep 1989 (https://www.latimes.com/archives/la-xpm-1989-09-28-mn-381-story.html); "
     "Chicago Tribune 11 Oct 1989 (http://articles.chicagotribune.com/1989-10-11/news/8901210104_1_azerbaijani-territory-azerbaijani-capital-nagorno-karabakh); "
     "Azerbaijan International 6.3 (1998) (http://azerbaijaninternational.com/aiweb/categories/topics/Quotes/quote_yasharaliyev.html)",
     ""),
    ("1990-01-12", "1990-01-19", "day",
     "Baku pogrom against Armenians; Armenians beaten, killed and expelled from Baku",
     "AZE;ARM;SUN", "intercommunal_violence",
     "Death toll contested: 48 (Human Rights Watch), 90 (Thomas de Waal), 100+ (Armenian "
     "author A. Hakobyan).",
     "Wikipedia 'Baku pogrom' (https://en.wikipedia.org/wiki/Baku_pogrom)", ""),
    ("1990-01-20", "1990-01-23", "day",
     "Soviet troops enter Baku ('Black January'); UCDP records armed conflict between the "
     "Soviet government and the Azerbaijani Popular Front",
     "AZE;SUN", "intercommunal_violence",
     "Remembered in Azerbaijan as a national tragedy; Soviet authorities justified the "
     "intervention by the pogrom and the Popular Front's challenge. Civilian death toll not "
     "collected here.",
     UCDP + " conflict 377 (start 20-1-1990, ends 27-1-1990)",
     "category is the closest in the vocabulary (state violence against civilians)"),
    ("1992", "1994", "period",
     "Displacement of Azerbaijanis from Nagorno-Karabakh and the seven surrounding districts: "
     "the entire Azerbaijani population expelled or fled; over a million refugees and IDPs in "
     "the conflict overall",
     "AZE;ARM", "displacement",
     "Azerbaijani narrative: the ethnic cleansing of Azerbaijanis from Karabakh and the "
     "occupied districts (Babayev line 85; Garibov lines 451-458). Armenian narrative: the "
     "war was the Karabakh Armenians' defence of their self-determination (see the First "
     "Karabakh War row). Independent findings: HRW/Helsinki (1993) found that by "
     "spring 1992 all Azerbaijani civilians of Nagorno-Karabakh had fled or been forced out, "
     "and that the 1993 captures of Kelbajar, Agdam, Fizuli, Jebrail and Zangelan created "
     "250,000 new Azerbaijani refugees; HRW (Dec 1994) counts about one million displaced and "
     "holds Karabakh Armenian forces, supported by the Republic of Armenia, responsible for "
     "most abuses of 1993-94, while documenting Azerbaijani abuses too; the UN Representative "
     "on IDPs (1999) counts about 650,000 IDPs in Azerbaijan; PACE Res. 1416 (2005) says the "
     "hostilities led to large-scale ethnic expulsion; in Chiragov v. Armenia (2015) the ECtHR "
     "held that Armenia exercised effective control over Nagorno-Karabakh and the surrounding "
     "districts and violated the rights of Azerbaijanis displaced from Lachin.",
     B("13, 85") + "; " + G("451-458") + "; facts/readings_claims.csv C009 (CIA World "
     "Factbook 1995: 'almost 1 million Azeri displaced persons')",
     "the Armenian narrative is summarised by the coder; no Armenian source is cited for it"),
    ("1993-09", "", "month",
     "Displacement of ethnic Georgians from Abkhazia after the fall of Sukhumi (about 300,000 "
     "displaced per the Georgian side)",
     "GEO;ABK", "displacement",
     "Georgian narrative: the ethnic cleansing of Georgians from Abkhazia (about 300,000 "
     "displaced, Georgian figure). Abkhaz narrative: a war of defence after Georgian forces "
     "entered Abkhazia in August 1992. Independent findings: HRW/Helsinki (1995) takes no "
     "position on the causes, finds that both sides grossly violated the laws of war, counts "
     "roughly 200,000 displaced (mostly in a mass exodus at the end of 1993) who were denied "
     "return, and documents fighters from Russia on the Abkhaz side.",
     "Agenda.ge (http://agenda.ge/en/news/2014/2228); Georgia Today "
     "(https://georgiatoday.ge/33-years-since-the-outbreak-of-the-abkhazia-war)",
     "the 300,000 figure is the Georgian side's; HRW's is about 200,000"),
    ("2002-05", "2004-04", "month",
     "US Georgia Train and Equip Program (GTEP): about $64 million to train some 2,000-2,400 "
     "Georgian troops; followed by the Sustainment and Stability Operations Program to 2007",
     "USA;GEO", "other",
     "Russia protested; Putin then publicly accepted the programme (1 Mar 2002).",
     "Civil.ge (https://oldwp.civil.ge/archives/106519; https://oldwp.civil.ge/archives/101614/amp); "
     "Wikipedia 'Georgia Train and Equip Program' (mirror https://nzt-eth.ipns.dweb.link/wiki/GTEP.html)",
     ""),
    ("2006-03-27", "2013", "day",
     "Russia bans Georgian wine (Mar 2006) and mineral water (May 2006); in Oct 2006 cuts "
     "postal, rail and air links and deports Georgians",
     "RUS;GEO", "sanctions",
     "Russia cited sanitary and commercial grounds; Georgia called the measures political "
     "retaliation for its NATO course.",
     "RFE/RL 18 Apr 2006 (https://www.rferl.org/a/1067715.html); RFE/RL 16 Dec 2006 "
     "(https://rferl.org/amp/1073492.html); IWPR (https://iwpr.net/global-voices/russia-cuts-georgian-water-and-wine); "
     "Sputnik 2 Oct 2006 (https://sputnikglobe.com/20061002/54454653.html)",
     "end (ban lifted 2013) from a weak source (familybusinessadvisory.com)"),
    ("2008-10-01", "", "day",
     "EU Monitoring Mission in Georgia (EUMM) starts operations (200+ unarmed monitors)",
     "EU;GEO;RUS", "diplomacy", "",
     "EUMM (https://www.eumm.eu/en/press_and_public_information/press_releases/91/?year=2008&month=12); "
     "euroalert.net (https://euroalert.net/en/news/7898/eumm-in-georgia-starts-operational-phase)", ""),
    ("2021-10-01", "", "day",
     "Iran holds large military exercises ('Conquerors of Kheibar') near the Azerbaijani border",
     "IRN;AZE", "other",
     "Iran cited its sovereign right and objected to an Israeli presence near its border; "
     "President Aliyev asked 'why now, and why on our border?'",
     "Republic World 2 Oct 2021 (https://www.republicworld.com/world-news/rest-of-the-world-news/conquerors-of-kheibar-iran-begins-military-drills-on-border-with-azerbaijan.html); "
     "Eurasianet via ecoi.net (https://www.ecoi.net/en/document/2061313.html); The New Arab "
     "(https://newarab.com/news/azerbaijan-turkey-announce-military-drills-near-iran-border)", ""),
    ("2022-09-13", "2022-09-14", "day",
     "Armenia-Azerbaijan border fighting inside Armenia (Jermuk, Goris, Vardenis areas); "
     "Armenia invokes the 1997 treaty with Russia and CSTO Article 4; the CSTO sends a "
     "monitoring team only",
     "AZE;ARM;RUS", "war",
     "Armenia calls it aggression against its sovereign territory (222 troops and 3 civilians "
     "killed per the Armenian government); Azerbaijan says it responded to 'large-scale "
     "provocations'; the US urged Azerbaijan to cease hostilities and pull back.",
     "1lurer.am 17 Apr 2023 (Armenian government report); Novaya Gazeta Europe 13 Sep 2022 "
     "(https://novayagazeta.eu/articles/2022/09/13/armenia-calls-for-help-from-russia-un-security-council-and-csto-after-hostilities-with-azerbaijan-news); "
     "Mikroskop Media 15 Sep 2022 (https://mikroskopmedia.com/en/2022/09/15/international-reactions-to-azerbaijan-following-september-13-14-clashes/)",
     ""),
    ("2022-12-12", "2023-09-30", "day",
     "Blockade of the Lachin corridor, the only road between Armenia and Nagorno-Karabakh "
     "(Azerbaijani 'eco-activists' from Dec 2022; Azerbaijani checkpoint from Apr 2023)",
     "AZE;ARM;RUS", "border_closure",
     "Azerbaijan presented it as an environmental protest and accused Armenia of using the "
     "road for smuggling and arms; Armenia and NK authorities called it a blockade causing "
     "a humanitarian crisis for about 120,000 people.",
     "Wikipedia 'Blockade of Nagorno-Karabakh' (https://en.wikipedia.org/wiki/2022–2023_blockade_of_the_Republic_of_Artsakh); "
     "openDemocracy 16 Dec 2022 (https://www.opendemocracy.net/en/odr/nagorno-karabakh-azerbaijan-armenia-roadblock/); "
     "WirtschaftsWoche (https://www.wiwo.de/politik/ausland/kaukasus-separatistische-regierung-von-berg-karabach-kuendigt-aufloesung-an/29417276.html)",
     ""),
    ("2023-01-27", "", "day",
     "Armed attack on the Azerbaijani embassy in Tehran; the head of embassy security killed",
     "AZE;IRN", "other",
     "Tehran said the gunman acted on personal motives; Baku called it a terrorist act and "
     "disputed Iran's version.",
     "regionalpost.org (https://regionalpost.org/en/articles/what-is-happening-in-and-around-iran.html); "
     "AIR Center (Azerbaijani think tank) (https://aircenter.az/en/single/opinion-tensions-between-iran-and-azerbaijan-threaten-regional-stability-1131)",
     ""),
    ("2023-02-20", "", "day",
     "EU civilian mission in Armenia (EUMA) launched on the Armenian side of the border "
     "(about 100 staff, 50 unarmed observers)",
     "EU;ARM;AZE", "diplomacy",
     "Armenia welcomed it; Azerbaijan said it 'must not be exploited for derailing the "
     "normalization process'.",
     "Asbarez 20 Feb 2023 (https://asbarez.com/eu-launches-two-year-mission-in-armenia/); "
     "hyetert.org (AA report) (https://hyetert.org/2023/02/20/eu-announces-official-launch-of-civilian-mission-in-armenia/)",
     ""),
    ("2023-09-24", "2023-09-30", "day",
     "Exodus of Karabakh Armenians to Armenia: 100,417 registered arrivals by 30 Sep 2023 out "
     "of an estimated 120,000 residents",
     "AZE;ARM", "displacement",
     "Armenian narrative: ethnic cleansing after a nine-month blockade and a military attack. "
     "Azerbaijani narrative: residents left of their own will; Azerbaijan urged them to "
     "'reintegrate' as citizens and denies ethnic cleansing. Independent findings: UNHCR "
     "counted over 88,000 arrivals by 29 Sep and prepared for up to 120,000, i.e. almost the "
     "whole population; the UN mission of 1 Oct 2023 was 'struck' by the sudden departure, "
     "saw no damage to public infrastructure in Stepanakert/Khankendi and received no reports "
     "of violence against civilians after the ceasefire, but had no access to rural areas (its "
     "findings were rejected by Armenian officials); HRW (5 Oct 2023) called for a guaranteed "
     "right of return under international monitoring; PACE (Doc. 15840, Oct 2023) found that "
     "the events raise suspicions of 'many aspects of ethnic cleansing'; the European "
     "Parliament (5 Oct 2023) said the situation amounts to ethnic cleansing; the ICJ order of "
     "17 Nov 2023 requires Azerbaijan to ensure the safe, unimpeded and expeditious return of "
     "those who left after 19 Sep 2023.",
     "DW 30 Sep 2023 (https://lfwp.net/dw/en/nagorno-karabakh-over-100000-flee-to-armenia/a-66969667); "
     "TBS News / AFP 1 Oct 2023 (https://www.tbsnews.net/world/armenia-says-over-100000-refugees-flee-nagorno-karabakh-709818)",
     ""),
    ("2024-04-17", "2024-06", "day",
     "Russia begins withdrawing its 1,960-strong peacekeeping contingent from Karabakh "
     "(completed by June 2024)",
     "RUS;AZE;ARM", "other",
     "Armenia's PM said the mission had not fulfilled its obligations; Russia said the "
     "peacekeepers had accomplished their mission.",
     "TASS 17 Apr 2024 (https://tass.com/politics/1776731); Kyiv Independent 17 Apr 2024 "
     "(https://kyivindependent.com/kremlin-confirms-russian-peacekeepers-withdrawing-from-nagorno-karabakh/); "
     "news.online.ua 13 Jun 2024 (https://news.online.ua/en/russia-withdrew-its-troops-from-nagorno-karabakh-azerbaijan-mod-reports-880139/)",
     ""),
]

# ---- 19. dyads_observed: review notes (added sources) --------------------------------
# key: (state, partner, period) -> (extra source text, new certainty or None, review note);
# the periods from 2020 on are coded in codings/recent.py.
DYAD_REVIEW = {
    ("GEO", "IRN", "1992-1999"): ("", None, "reviewed: no source found; 0 is a default (no salient tie either way), not a finding"),
    ("GEO", "IRN", "2000-2007"): ("", None, "reviewed: no source found; 0 is a default (no salient tie either way), not a finding"),
    ("GEO", "IRN", "2008-2019"): (
        "OSW 17 Nov 2010, 'Georgia is tightening its relations with Iran' (https://www.osw.waw.pl/en/publikacje/analyses/2010-11-17/georgia-tightening-its-relations-iran): "
        "relations frozen after Georgia handed an Iranian citizen to the USA in 2008, then visa-free travel, flights and a Batumi consulate (Nov 2010), Iran backing Georgia's territorial integrity; "
        "Jamestown EDM 10(126), July 2013 (https://jamestown.org/program/georgian-government-revokes-visa-free-travel-rules-with-iran): Georgia revokes visa-free travel under US sanctions concerns; "
        "Civil.ge Oct 2015 (https://civil.ge/archives/124966): the US asks Tbilisi to refrain from full-scale cooperation",
        "sourced", "reviewed: 0 now sourced - pragmatic economic ties kept within limits set by the US partnership (hedge)"),
    ("GEO", "RUS", "1992-1999"): (
        "Human Rights Watch, 'Georgia/Abkhazia: Violations of the Laws of War and Russia's Role in the Conflict' (Mar 1995; http://www.hrw.org/legacy/reports/1995/Georgia2.htm); "
        "facts/memberships.csv (Georgia in the CIS from Dec 1993 and the Collective Security Treaty 1994-99)",
        None, "reviewed: -1 kept, not -2 - Russian forces aided the Abkhaz side in 1992-93 (HRW 1995), but after Oct 1993 Georgia accommodated Russia (CIS, CST, Russian bases and CIS peacekeepers): hostility under forced accommodation, not open conflict for the period"),
    ("GEO", "USA", "2008-2019"): (
        "U.S.-Georgia Charter on Strategic Partnership, signed 9 Jan 2009: US State Department fact sheet 6 Oct 2010 (https://2009-2017.state.gov/r/pa/prs/ps/2010/10/149084.htm) (party statement); "
        "Civil.ge 2 Jan 2009 (https://old.civil.ge/eng/article.php?id=20226); PanARMENIAN/VOA 12 Jan 2009 (https://www.panarmenian.net/eng/news/28048/): 'not a mutual defense treaty'",
        None, "recoded +1 -> +2 on review: the scale's +2 covers a strategic partnership, and the 2009 Charter is one (security working group, US support for NATO integration, Georgian ISAF contingents); it is not a defence treaty"),
    ("ARM", "TUR", "2008-2019"): (
        "Zurich Protocols signed 10 Oct 2009, ratification suspended by Armenia 22 Apr 2010, declared void 1 Mar 2018: ARKA news agency 29 Jan 2018 (https://www.arka.am/en/news/politics/armenia_to_declare_zurich_protocols_null_and_void_in_due_time); "
        "The Messenger 25 Aug 2011 (https://messenger.com.ge/issues/2428_august_25_2011/2428_econ_one.html): Turkish parliament drops the protocols",
        "sourced", "recoded -2 -> -1 on review: no hostilities; 2008-09 'football diplomacy' and the signed (unratified) protocols on diplomatic relations, while the border stayed closed and relations were never established: tension short of open conflict"),
}
#: (state, partner, period) -> (new score, justification): review recodings of facts/dyads.csv scores.
DYAD_RECODE = {
    ("GEO", "USA", "2008-2019"): (2, "Strategic partnership: US-Georgia Charter on Strategic Partnership (9 Jan 2009), NATO 'aspirant' after Bucharest 2008; no defence treaty"),
    ("GEO", "IRN", "2008-2019"): (0, "Pragmatic hedge: visa-free travel, flights and a consulate from 2010 and Iranian support for Georgia's territorial integrity, kept within limits set by US sanctions policy (visa-free travel revoked 2013)"),
    ("ARM", "TUR", "2008-2019"): (-1, "Failed normalisation: football diplomacy 2008-09 and the Zurich Protocols (signed 2009, suspended 2010, void 2018); border closed, no diplomatic relations, no hostilities"),
}

# ---- 20. identity --------------------------------------------------------------------
# Choosers are transformed from facts/state_attributes.csv (below); powers are coded here.
IDENTITY_POWERS = [
    dict(actor="RUS", religion="Russian Orthodox", religion_family="christian",
         religion_branch="eastern_orthodox", religion_share_pct=71.0,
         religion_basis="Pew Research Center survey 2017 (self-identification); Levada polls give 65-80% for 2010-2025",
         language="Russian", language_family="indo_european", language_branch="slavic",
         ethnic_majority="Russians", ethnic_majority_share_pct=80.9, census_year=2010,
         source="religion: Pew 2017 via Herder Korrespondenz (https://herder.de/hk/schlagwoerter/russland); Levada via Window on Eurasia (https://windowoneurasia2.blogspot.com/2025/10/after-falling-from-80-percent-in-2010.html); ethnicity: 2010 census, Russians 80.9%, per Brockhaus Enzyklopädie, 'Russland: Bevölkerung' (https://brockhaus.de/ecs/enzy/article/russland/bev%C3%B6lkerung-und-religion/bev%C3%B6lkerung); language: Wikipedia 'Russians' (East Slavic; https://en.wikipedia.org/wiki/Russians; tertiary)",
         note="survey-based religion share, not a census; 4% did not state nationality in 2010"),
    dict(actor="TUR", religion="Sunni Islam", religion_family="muslim", religion_branch="sunni",
         religion_share_pct=99.8,
         religion_basis="CIA World Factbook estimate (2011 edition): Muslim 99.8% (mostly Sunni); share is of all Muslims incl. Alevis",
         language="Turkish", language_family="turkic", language_branch="oghuz",
         ethnic_majority="Turks", ethnic_majority_share_pct=70.0, census_year=2008,
         source="CIA World Factbook, 2011 edition, Turkey (Muslim 99.8%; Turkish 70-75%, Kurdish 18%, other 7-12%, 2008 est.; figures as reproduced by a content-farm copy, the Factbook edition itself not checked: no independent copy found); language family: Turks as 'the world's largest Turkic ethnic group' (https://turningtooneanother.net/2020/02/14/what-is-the-most-common-ethnic-group-in-turkey/); language branch: Wikipedia 'Oghuz languages' (Oghuz = south-western branch of Common Turkic; Turkish, Azerbaijani, Turkmen; https://en.wikipedia.org/wiki/Oghuz_languages) and Britannica 'Southwestern Turkic languages' (also known as Oguz Turkic; https://www.britannica.com/topic/Southwestern-Turkic-languages)",
         note="ethnic share is the lower bound of the Factbook's '70-75%' (2008 estimate, not a census); Kurds 18%; language branch Oghuz (south-western Turkic), the same branch as Azerbaijani"),
    dict(actor="IRN", religion="Shia Islam", religion_family="muslim", religion_branch="shia",
         religion_share_pct=89.0,
         religion_basis="BBC 'Islam around the world' profile (c. 2003): Shia 89%, Sunni 10%; Factbook-derived figures give Shia 90-95%",
         language="Persian", language_family="indo_european", language_branch="iranian",
         ethnic_majority="Persians", ethnic_majority_share_pct=61.0, census_year=2014,
         source="religion: BBC (http://news.bbc.co.uk/2/shared/spl/hi/middle_east/03/islam_around_the_world/html/middle_east_iran.stm); ethnicity: NO INDEPENDENT SOURCE FOUND for the 61% share (a Factbook-style estimate seen only on a content-farm site; Iran's census records no ethnicity); language branch: Wikipedia 'Ethnicities in Iran' (Persians are an Iranic people; https://en.wikipedia.org/wiki/Ethnicities_in_Iran; tertiary)",
         note="ethnic shares are estimates (Iran's census does not record ethnicity); other estimates put Persians at 44-49%; Azerbaijanis about 16% (the largest minority)"),
    dict(actor="USA", religion="Christianity (Protestant plurality)", religion_family="christian",
         religion_branch="western_christian", religion_share_pct=70.6,
         religion_basis="Pew Religious Landscape Study 2014: Christian 70.6% (Protestant 46.5%, Catholic 20.8%); unaffiliated 22.8%",
         language="English", language_family="indo_european", language_branch="germanic",
         ethnic_majority="", ethnic_majority_share_pct=None, census_year=None,
         source="religion: Pew 2014 as reproduced by Wikipedia 'Religion in the United States' (https://intuitivefred888.blogspot.com/2016/02/religion-in-united-states-wikipedia.html) and Conservapedia (https://www.conservapedia.com/United_States_Population); language: English a West Germanic language of the Indo-European family, Wikipedia 'English language' (mirror https://en.mepedia.org/wiki/English_language) and Britannica Students 'Germanic languages' (https://kids.britannica.com/students/article/Germanic-languages/274535)",
         note="share is of all Christians; language branch now sourced; English as the main language of the USA is the coder's label, not separately sourced; ethnic majority left empty: the US census records race and Hispanic origin, not an ethnic nationality comparable to the other rows"),
    dict(actor="EU", religion="", religion_family="christian", religion_branch="",
         religion_share_pct=None, religion_basis="",
         language="", language_family="indo_european", language_branch="",
         ethnic_majority="", ethnic_majority_share_pct=None, census_year=None,
         source="coder's description of the bloc (not a census figure)",
         note="the EU is a bloc of 27 states: only the dominant religion family (Christian) and language family (Indo-European) are coded; other columns are empty because no single value describes the bloc"),
]
CHOOSER_IDENTITY_EXTRA = {
    # actor -> (religion label, family, branch, language_family, language_branch, extra source, extra note)
    "ARM": ("Armenian Apostolic (Oriental Orthodox)", "christian", "oriental_orthodox",
            "indo_european", "armenian", "", ""),
    "AZE": ("Shia Islam", "muslim", "shia", "turkic", "oghuz",
            "; Shia majority: State Committee on Work with Religious Associations (about 85% of Muslims Shia) and US State Department 2011 (65% Shia, 35% Sunni), via Wikipedia 'Freedom of religion in Azerbaijan' (https://en.wikipedia.org/wiki/Freedom_of_religion_in_Azerbaijan; tertiary)",
            "religion_share_pct is the share of all Muslims (93.4%, 1995 estimate), not of Shia; Shia share of Muslims: 85% (SCWRA) or 65% (US State Dept 2011)"),
    "GEO": ("Georgian Orthodox", "christian", "eastern_orthodox", "kartvelian", "",
            "", "Kartvelian is a language family of its own; no branch coded"),
}

# ---- 21. identity_dyads (directed: the state's view) ---------------------------------
# (state, partner, historical_memory or None, memory_justification, memory_source,
#  ethnic_kinship, kinship_justification, kinship_source)
# Kinship rule: 1 if the state's titular nation belongs to the same ethnic/language group as
# the partner's majority, or if co-ethnics make up >= 5% of the partner's population (sourced).
NO_PRE1991 = ("No pre-1991 history of interstate conflict or alliance between the two (the "
              "chooser was part of the Russian Empire/USSR); 0 by construction, not a finding")
IDENTITY_DYADS = [
    ("ARM", "AZE", -2,
     "Armenian memory of 1905 and 1918-20 violence, the 1988-90 pogroms and the Karabakh war; the two national narratives are 'mutually incompatible and accusative'",
     G("404-423, 437-446") + "; events.csv (Sumgait 1988, Baku 1990); counter-reading: Broers 2019 (broers2019anatomy)",
     0, "Armenians were about 1.3-1.5% of Azerbaijan's population (mostly in NK), below the 5% rule; NK kinship is the core of the dispute, not amity",
     B("81") + "; 2009 census: Armenians 1.3% (the content-farm page formerly cited is dropped; no census-office source found)"),
    ("ARM", "GEO", None,
     "Empty: the readings do not describe an Armenian historical memory of Georgia (the 1918-20 period of 'wars and massacres' is mentioned only in general terms)",
     G("370-387") + " (general only)",
     0, "Armenians 4.5% of Georgia's population (2014 census), below the 5% rule; Armenian-majority Javakheti noted",
     "facts/state_attributes.csv (Georgia notes); " + G("636-641")),
    ("ARM", "RUS", 2,
     "Russia remembered as 'saviour and protector of Christian Armenians in the Muslim and Turkic dominated geography'",
     G("725-742"),
     0, "Armenians about 0.86% of Russia's population (2010 census)",
     "2010 census per Brockhaus Enzyklopädie, 'Russland: Bevölkerung' (Armenians 0.9%; https://brockhaus.de/ecs/enzy/article/russland/bev%C3%B6lkerung-und-religion/bev%C3%B6lkerung)"),
    ("ARM", "TUR", -2,
     "Memory of 1915 is 'the key pillar of modern Armenian national consciousness'; Turkey seen as 'an eternal threat'. 1915 is recognised as the Armenian Genocide by most genocide scholars and many states and disputed by Turkey; the Garibov reading calls it 'relocation'",
     G("553-574") + "; facts/events.csv 1915 (azatutyun.am)",
     0, "no Armenian community of 5% in Turkey; not kin to the Turkish majority",
     "CIA World Factbook, Turkey (Turkish 70-75%, Kurdish 18%, other 7-12%, 2008 est.; as reproduced by a content-farm copy, original not checked)"),
    ("ARM", "IRN", None,
     "Empty: the memories compete (Avarayr 451 against Sasanian Persia, commemorated as Vardanants; the Safavid deportations of 1604; against these, the long-settled Armenian community of Iran and New Julfa) and no scholarly source found weighs them (the readings describe only present-day cooperation)",
     G("19-20, 526-529") + " (present-day only)",
     0, "ethnic Armenians are the majority of Iran's ~300,000 Christians (<1% of the population)",
     "Patheos country profile citing UN figures (http://www.patheos.com/library/country-profiles/middle-east/iran)"),
    ("ARM", "USA", 0, NO_PRE1991, "coder's construction", 0, "no kin majority or 5% community", "coder's construction"),
    ("ARM", "EU", 0, NO_PRE1991, "coder's construction", 0, "no kin majority or 5% community", "coder's construction"),
    ("AZE", "ARM", -2,
     "Azerbaijani memory of the March 1918 killings, the late-1980s expulsions, the occupation and Zangezur's transfer to Armenia",
     G("404-458") + "; " + B("75-77, 85"),
     0, "Azerbaijanis were 2.6% of the Armenian SSR in 1989 and about 0 after 1991",
     "Library of Congress, Federal Research Division, Armenia: A Country Study (data as of March 1994), country profile: 1989 census Armenians 93.7%, Azerbaijanis 2.6% (copy https://countries1.tripod.com/cArmenia6.htm)"),
    ("AZE", "GEO", 1,
     "The one pre-Soviet interstate tie: the 1919 mutual military-assistance agreement of the Azerbaijani and Georgian republics against Denikin's White army, recalled in Azerbaijan as a precedent; +1, not +2: a short-lived pact, and the readings explain today's cooperation by interests",
     "Kuromiya & Mamoulia, The Eurasian Triangle: Russia, the Caucasus and Japan, 1904-1945 (De Gruyter 2016), p. 89; Turan news agency, 'The defense pact between Azerbaijan and Georgia' (https://turan.az/en/culture/the-defense-pact-between-of-the-azerbaijan-and-georgia-2014758); " + G("504-516, 642-648") + " (present-day interests)",
     1, "Azerbaijanis are 6.3% of Georgia's population (2014 census), above the 5% rule",
     "facts/state_attributes.csv (Georgia notes: Azerbaijanis 6.3%)"),
    ("AZE", "RUS", -1,
     "Memory of Russian/Soviet support for Armenia and of Soviet rule (Black January 1990); Ottoman help against the Bolsheviks in 1918 recalled as liberation",
     G("497-504, 686-702") + "; " + UCDP + " conflict 377 (1990); Human Rights Watch/Helsinki and Memorial, "
     "'Conflict in the Soviet Union: Black January in Azerbaidzhan' (May 1991, ISBN 1-56432-027-8): "
     "over 100 mostly Azerbaijani civilians killed by unjustified and excessive force",
     0, "Azerbaijanis are not a 5% community in Russia (not listed among its largest groups in 2010)",
     "Bashinform 19 Dec 2011 (top-5 groups 2010 census)"),
    ("AZE", "TUR", 2,
     "'Old ties of brotherhood' and the 1918-20 alliance; 'one nation, two states'",
     G("682-714") + "; " + B("37"),
     1, "Azerbaijanis and Turks share Turkic (Oghuz) language, ethnic and religious background",
     G("497-499, 702-704") + "; " + B("37")),
    ("AZE", "IRN", -1,
     "Azerbaijani national memory of the defence of Shusha against the Qajar (Iranian) army (the reading dates it 1775; usually dated 1795); difficult relations with Iran",
     B("71") + "; " + G("32-33") + "; facts/README.md (date discrepancy)",
     1, "Azerbaijanis are about 16% of Iran's population, its largest minority",
     "NO INDEPENDENT SOURCE FOUND for the 16% figure (an estimate seen only on a content-farm site; Iran's census records no ethnicity)"),
    ("AZE", "USA", 0, NO_PRE1991, "coder's construction", 0, "no kin majority or 5% community", "coder's construction"),
    ("AZE", "EU", 0, NO_PRE1991, "coder's construction", 0, "no kin majority or 5% community", "coder's construction"),
    ("GEO", "ARM", None,
     "Empty: no sourced account of a Georgian historical memory of Armenia (the Dec 1918 Georgian-Armenian border war and the long Armenian presence in Tiflis give competing memories; no source weighs them)",
     "", 0, "Georgians are not a 5% community in Armenia (Armenians 98.1% in 2011)",
     "facts/state_attributes.csv (Armenia 2011 census)"),
    ("GEO", "AZE", None,
     "Empty: the 1919 Georgian-Azerbaijani mutual-assistance agreement is on record (Kuromiya & Mamoulia 2016, p. 89), but no source shows it in Georgian memory",
     "", 0, "Georgians are not a 5% community in Azerbaijan (Azerbaijanis 91.6% in 2009)",
     "facts/state_attributes.csv (Azerbaijan 2009 census)"),
    ("GEO", "RUS", -2,
     "Memory of the Red Army invasion and annexation of Feb 1921 (Soviet Occupation Day since 2010), of 9 April 1989 (Soviet troops disperse a Tbilisi rally, 21 killed; the USSR Sobchak commission found excessive force; now the Day of National Unity) and of Russian support for separatists; Gamsakhurdia's choice was 'not Russia'. (Annexation of 1801 not sourced here.)",
     G("671-680") + "; RFE/RL (https://www.rferl.org/a/georgia-marks-1921-red-army-occupation-flags-half-staff/30454540.html); Georgia Today (https://georgiatoday.ge/?p=98506); "
     "DFWatch 9 Apr 2013 (https://dfwatch.net/?p=19235); Souleimanov, 'A brief history of Russo-Georgian relations in the pre-Soviet era', International Journal of Russian Studies 2 (2013) (http://www.ijors.net/issue2_1_2013/articles/souleimanovPDFfix.html)",
     0, "Georgians (Kartvelian speakers) are not kin to the Russian majority and are not a 5% community in Russia",
     "Bashinform 19 Dec 2011 (2010 census)"),
    ("GEO", "TUR", -1,
     "History (Ottoman wars; the loss of Meskheti and Adjara; the Ottoman occupation of Batumi in 1918 and the fight over Batumi to 1921) would 'project Georgia's negative perceptions of Turkey' - which the reading notes does not match today's cooperation",
     G("196-200") + "; independent of the reading: Forestier-Peyrat, 'The Ottoman occupation of Batumi, 1918: a view from below', Caucasus Survey 4(2) (2016), doi:10.1080/23761199.2016.1173369; "
     "Zosidze & Diasamidze (Batumi State University), 'Georgia-Turkey (Ottoman Empire) relations in the First World War and post-war period (1918-1921)' (https://iem.ge/ojs/index.php/journal/article/view/84)",
     0, "not kin to the Turkish majority; no Georgian community of 5% in Turkey sourced",
     "CIA World Factbook, Turkey (Turkish 70-75%, Kurdish 18%, 2008 est.; as reproduced by a content-farm copy, original not checked)"),
    ("GEO", "IRN", -1,
     "Memory of Agha Mohammad Khan Qajar's invasion of 1795: the defeat at Krtsanisi and the sack of Tbilisi, punishment for Erekle II's 1783 alliance with Russia; a long-studied subject of Georgian historiography. -1, not -2: a remote memory with no present-day Iranian threat (Iran backs Georgia's territorial integrity)",
     "Tbilisi State University, Spekali journal, 'Some unknown details about the contradiction between Iran and Kartl-Kakheti kingdom (1795)' (https://www.spekali.tsu.ge/index.php/en/article/viewArticle/5/41/; reviews Shaishmelashvili 1965, Tsintsadze 1969, Kakabadze 1991); "
     "Eurasianet, Lomsadze 3 Nov 2010 (https://eurasianet.org/georgia-tbilisi-and-tehran-drop-visa-requirements-resume-direct-flights)",
     0, "no kin majority or 5% community sourced", "coder's construction"),
    ("GEO", "USA", 0, NO_PRE1991, "coder's construction", 0, "no kin majority or 5% community", "coder's construction"),
    ("GEO", "EU", 0, NO_PRE1991, "coder's construction", 0, "no kin majority or 5% community", "coder's construction"),
]

# ---- 22. security_acts ---------------------------------------------------------------
# valence: -1 hostile to target, +1 supportive of target. intensity: 2 = direct use of force,
# a binding defence commitment, a foreign base, occupation, or arms transfers from one of the
# recipient's two largest suppliers (SIPRI TIV); 1 = otherwise. end_year None = in force
# through 2025. Arms-supply acts are generated from SIPRI by the rule in arms_acts() below.
# (act_id, actor, target, kind, valence, intensity, start, end, label, description,
#  justification, source)
SECURITY_ACTS = [
    # --- Russia -> Georgia
    ("rus-backs-abkhazia-south-ossetia", "RUS", "GEO", "backs_separatists", -1, 1, 1992, 2007,
     "Russia backs Abkhazia and South Ossetia (1992-2007)",
     "Russian involvement in the 1992-93 Abkhazia war and Russian-led peacekeeping in South "
     "Ossetia (1992) and Abkhazia (1994) that left the separatists in control.",
     "Garibov reads Russia's support of the separatist entities as the cause of Georgian-Russian enmity; facts record 'Abkhaz/Russian-backed forces' in 1993. Russia described its role as peacekeeping.",
     G("624-629, 858-863, 893-898") + "; " + FE + " 1992-06-24 (PA-X), 1992-08-14 (Agenda.ge), 1994-05-14 (UNSC res. 1065 text)"),
    ("rus-recognises-abkhazia-south-ossetia", "RUS", "GEO", "backs_separatists", -1, 2, 2008, None,
     "Russia recognises and garrisons Abkhazia and South Ossetia (2008-)",
     "Recognition of both entities on 26 Aug 2008 after the war; Russian forces stationed there.",
     "Recognition and military presence after a war: the strongest form of backing separatists.",
     FE + " 2008-08-26 (UNPO); " + UCDP + " conflict 393 (2008, Russia secondary party); " + G("862-863")),
    ("rus-georgia-war-2008", "RUS", "GEO", "war", -1, 2, 2008, 2008,
     "Russia-Georgia war (Aug 2008)",
     "Five-day war over South Ossetia, 7/8-12 Aug 2008; Georgian forces pushed back and Russian troops entered undisputed Georgian territory.",
     "UCDP codes Russia as a secondary warring party against the Georgian government. Who started it is disputed (see events.csv).",
     UCDP + " conflict 393 (2008); " + FE + " 2008-08-07; EUMM background (https://www.eumm.eu)"),
    ("rus-cst-georgia", "RUS", "GEO", "alliance_treaty", 1, 1, 1993, 1999,
     "Collective Security Treaty with Russia (1993-1999)",
     "Georgia signed the 1992 Tashkent treaty on 9 Dec 1993, weeks after joining the CIS and Russian help against the Zviadist rising; it did not sign the 2 Apr 1999 renewal protocol and left when the first term expired on 20 Apr 1999.",
     "Coded exactly as Armenia's membership (a multilateral treaty with Russia, intensity 1) so that the three states' CST years are treated alike; Jamestown's contemporary account says Georgia and Azerbaijan were 'press-ganged' into it.",
     FM + " (CST rows); " + JT + "; treaty text on the CSTO site (party text: https://www.odkb.gov.ru/b/azbengl.htm)"),
    ("rus-bases-georgia-1993", "RUS", "GEO", "military_base", 1, 1, 1993, 1999,
     "Russian bases in Georgia accepted (1993-1999)",
     "Four Soviet-era bases (Vaziani, Gudauta, Akhalkalaki, Batumi) kept by Russia after Georgia joined the CIS in 1993; a basing agreement was signed in Sept 1995 but never ratified by Georgia's parliament.",
     "Coded supportive for the years Tbilisi accepted them, but intensity 1, not 2 as for Gyumri: no ratified treaty and no defence commitment to Georgia.",
     "Kakachia, K., 'An End to Russian Military Bases in Georgia?', PONARS Eurasia Policy Memo No. 24 (Aug 2008); Eurasianet, 'Russia's troop withdrawal from Georgia' (https://eurasianet.org/russias-troop-withdrawal-from-georgia-the-start-of-a-new-friendship)"),
    ("rus-bases-georgia-2000", "RUS", "GEO", "military_presence", -1, 1, 2000, 2007,
     "Russian bases kept against Georgia's wish (2000-2007)",
     "At the OSCE Istanbul summit (Nov 1999) Russia undertook to close Vaziani and Gudauta by 1 Jul 2001 and to agree on Akhalkalaki and Batumi; Georgia pressed for withdrawal; Akhalkalaki was handed over on 27 Jun 2007 and Batumi on 13 Nov 2007; Gudauta (in Abkhazia) was never verified as closed.",
     "From 2000 Tbilisi treated the bases as a pressure instrument ('destabilising forces'), so they are coded as a hostile presence, not support; Russia said it was withdrawing on an agreed timetable.",
     "Reuters, 'Russia closes last military base in Georgia', 13 Nov 2007 (https://www.reuters.com/article/us-georgia-russia-bases/russia-closes-last-military-base-in-georgia-idUSL1387605220071113); "
     "Kakachia, PONARS Eurasia Policy Memo No. 24 (Aug 2008); OSCE Istanbul Document 1999, joint statement of Georgia and Russia"),
    ("rus-economic-pressure-georgia-2006", "RUS", "GEO", "economic_pressure", -1, 1, 2006, 2013,
     "Russian embargo and transport blockade of Georgia (2006-2013)",
     "Bans on Georgian wine (Mar 2006) and mineral water (May 2006); postal, rail and air links cut and Georgians deported (Oct 2006).",
     "Russia cited sanitary and commercial grounds; Georgia called the measures political. End year (2013, wine ban lifted) from a weak source.",
     "RFE/RL 18 Apr 2006 (https://www.rferl.org/a/1067715.html); RFE/RL 16 Dec 2006 (https://rferl.org/amp/1073492.html); familybusinessadvisory.com (ban lifted 2013)"),
    # --- Russia -> Armenia
    ("rus-cst-csto-armenia", "RUS", "ARM", "alliance_treaty", 1, 1, 1992, None,
     "Collective Security Treaty / CSTO with Russia (1992-)",
     "Armenia an original signatory of the 1992 Tashkent treaty and of the CSTO (2002); still a member (Armenia's 2024 freeze of its participation is Armenia's own act, coded separately as arm-freezes-csto-2024).",
     "Multilateral alliance led by Russia; 'security guarantees to Yerevan' (Babayev).",
     FM + " (CSTO rows); " + B("15") + "; " + G("10-16, 533-536")),
    ("rus-base-gyumri", "RUS", "ARM", "military_base", 1, 2, 1995, None,
     "Russian military base in Gyumri (1995-)",
     "102nd base formed 1994, treaty 1995 for 25 years, extended in 2010 to 2044; Armenian borders jointly protected.",
     "A foreign base with a defence role is the strongest form of support short of war.",
     FM + " (Caucasian Knot; PanARMENIAN); " + G("533-537")),
    ("rus-armenia-mutual-assistance-1997", "RUS", "ARM", "alliance_treaty", 1, 2, 1997, None,
     "Russia-Armenia mutual-assistance treaty (1997-)",
     "Treaty of Friendship, Cooperation and Mutual Assistance, 29 Aug 1997: mutual assistance if attacked.",
     "Bilateral defence commitment.", FM + " (RFE/RL 29 Aug 1997)"),
    ("rus-csto-non-assistance-2022", "RUS", "ARM", "alliance_non_assistance", -1, 1, 2022, 2023,
     "Russia and the CSTO do not assist Armenia (2022-2023)",
     "After the Sept 2022 fighting Armenia invoked the 1997 treaty and CSTO Article 4; the CSTO sent a monitoring team only; Russian peacekeepers did not prevent the Sept 2023 offensive.",
     "Coder's judgement that an ally's failure to act is a hostile signal (absence of support, not an attack). Russia says its peacekeepers fulfilled their mission.",
     "1lurer.am 17 Apr 2023 (Armenian government report); Novaya Gazeta Europe 13 Sep 2022; Kyiv Independent 17 Apr 2024; news.online.ua 13 Jun 2024"),
    ("rus-peacekeepers-karabakh-2020", "RUS", "ARM", "peacekeeping", 1, 1, 2020, 2024,
     "Russian peacekeepers in Karabakh (2020-2024)",
     "1,960 troops deployed under the 10 Nov 2020 trilateral statement along the line of contact and the Lachin corridor; withdrawn Apr-Jun 2024.",
     "Coded as supportive of Armenia because the force guarded the corridor linking Armenia with the Karabakh Armenians; Armenia later said it failed its obligations.",
     FE + " 2020-09-27 (primeminister.am text); TASS 17 Apr 2024 (https://tass.com/politics/1776731); news.online.ua 13 Jun 2024"),
    # --- Russia -> Azerbaijan
    ("rus-cst-azerbaijan", "RUS", "AZE", "alliance_treaty", 1, 1, 1993, 1999,
     "Collective Security Treaty with Russia (1993-1999)",
     "Azerbaijan signed the 1992 Tashkent treaty on 24 Sep 1993, after Heydar Aliyev came to power following the Huseynov mutiny and took Azerbaijan into the CIS; it did not sign the 2 Apr 1999 renewal protocol.",
     "Coded exactly as Armenia's membership (intensity 1) so that the three states' CST years are treated alike.",
     FM + " (CST rows); " + JT + "; treaty text on the CSTO site (party text: https://www.odkb.gov.ru/b/azbengl.htm)"),
    ("rus-gabala-radar-lease", "RUS", "AZE", "military_base", 1, 1, 2002, 2012,
     "Russia leases the Gabala radar (2002-2012)",
     "Agreement of 25 Jan 2002: Azerbaijan owns the radar and leases it to Russia for 10 years ($7 million a year); Russia ended its use on 10 Dec 2012 after talks on a higher rent failed.",
     "A paid lease with no defence commitment to Azerbaijan: supportive tie, intensity 1. Both governments called the end a commercial matter.",
     "Reuters via Chicago Tribune, 'Russia, Azerbaijan fail to agree on use of radar station', 10 Dec 2012 (http://articles.chicagotribune.com/2012-12-10/news/sns-rt-russia-azerbaijanradarl5e8nac3n-20121210_1_radar-station-lada-evgrashina-azerbaijan); "
     "Kremlin, agreement summary (party statement: http://en.kremlin.ru/d/26938); Azerbaijan MFA statement (party statement: http://www.mfa.gov.az/en/news/879/1221)"),
    ("rus-aze-strategic-partnership-2008", "RUS", "AZE", "strategic_partnership", 1, 1, 2008, None,
     "Russia-Azerbaijan strategic partnership declaration (2008-)",
     "Declaration of Friendship and Strategic Partnership, 3 Jul 2008.",
     "Political partnership without a defence commitment.", FM + " (AZERTAC text of the 2022 declaration, preamble)"),
    ("rus-aze-allied-interaction-2022", "RUS", "AZE", "alliance_treaty", 1, 1, 2022, None,
     "Russia-Azerbaijan Declaration on Allied Interaction (2022-)",
     "43-point declaration signed in Moscow on 22 Feb 2022.",
     "Called 'allied' but a declaration, not a ratified mutual-defence treaty: intensity 1.",
     FM + " (AZERTAC; Meydan TV)"),
    # --- Turkey
    ("tur-closes-armenian-border-1993", "TUR", "ARM", "border_closure", -1, 2, 1993, None,
     "Turkey closes its border with Armenia (1993-)",
     "Turkey closed the border in 1993 when the war spread beyond Nagorno-Karabakh (aid-transit embargo announced 3 Apr 1993 after Kelbajar); no diplomatic relations.",
     "Closure of one of Armenia's four land borders in solidarity with Azerbaijan; exact legal date unknown.",
     G("576-588") + "; " + FE + " 1993-04-03 (Sydney Morning Herald 5 Apr 1993; RFE/RL 2004)"),
    ("tur-aze-friendship-treaty-1994", "TUR", "AZE", "alliance_treaty", 1, 1, 1994, None,
     "Turkey-Azerbaijan friendship treaty (1994-)",
     "Treaty on Friendship and Development of Comprehensive Cooperation, 9 Feb 1994.",
     "Friendship treaty, no mutual-defence clause.", FM + " (Report.az; Trend)"),
    ("tur-aze-mutual-assistance-2010", "TUR", "AZE", "alliance_treaty", 1, 2, 2010, None,
     "Turkey-Azerbaijan mutual-assistance treaty (2010-)",
     "Treaty on Strategic Partnership and Mutual Assistance, 16 Aug 2010.",
     "Mutual-assistance commitment.", FM + " (Report.az; Trend)"),
    ("tur-aze-shusha-declaration-2021", "TUR", "AZE", "alliance_treaty", 1, 2, 2021, None,
     "Shusha Declaration on Allied Relations (2021-)",
     "Signed 15 Jun 2021, ratified Feb 2022; contains a mutual-assistance clause.",
     "Ratified alliance document with mutual assistance.", FM + " (Report.az; Trend)"),
    ("tur-military-support-aze-2020", "TUR", "AZE", "security_assistance", 1, 2, 2020, 2020,
     "Turkish military support in the 2020 war",
     "UCDP lists the Government of Turkey as a secondary warring party on Azerbaijan's side in 2020; Turkish drones used in the war.",
     "Direct military support in wartime.",
     UCDP + " conflict 388 (2020, side_a_2nd); " + B("33") + "; " + SIPRI + " (Bayraktar TB-2, 2020)"),
    ("tur-war-party-against-armenia-2020", "TUR", "ARM", "war", -1, 1, 2020, 2020,
     "Turkey a secondary party against Armenia in 2020",
     "UCDP codes Turkey as secondary party on side A in a conflict whose side B includes the Government of Armenia as secondary party.",
     "Coded 1 because UCDP records support to a warring party, not Turkish combat against Armenia's own territory.",
     UCDP + " conflict 388 (2020)"),
    ("tur-energy-corridor-georgia-2006", "TUR", "GEO", "energy_corridor", 1, 1, 2006, None,
     "BTC pipeline and trilateral format: Turkey-Georgia (2006-)",
     "Baku-Tbilisi-Ceyhan pipeline inaugurated 13 Jul 2006; trilateral Azerbaijan-Georgia-Turkey format from 2012.",
     "Turkey a partner of Georgia's transit role; Garibov: trilateral strategic partnership.",
     FM + " (BTC; Trabzon Declaration); " + G("504-516")),
    # --- Azerbaijan
    ("aze-blockade-armenia-1989", "AZE", "ARM", "blockade", -1, 2, 1989, None,
     "Azerbaijan's blockade of Armenia (1989-)",
     "Rail and road embargo from Aug-Sep 1989 (85% of Armenia's goods came via Azerbaijani rail), eased Oct 1989 under Soviet pressure; all transport links severed with the war and not reopened by 2024; Turkey joined in 1993.",
     "Armenian and Western sources call it a blockade; Azerbaijan argues severed links are an inevitable result of the conflict (Yashar Aliyev 1998).",
     "LA Times 28 Sep 1989; Chicago Tribune 11 Oct 1989; Wikipedia 'Turkish-Azeri blockade of Armenia' (https://en.wikipedia.org/wiki/Turkish%E2%80%93Azeri_blockade_of_Armenia); Azerbaijan International 6.3 (1998)"),
    ("aze-war-1992-1994", "AZE", "ARM", "war", -1, 2, 1992, 1994,
     "First Karabakh War: Azerbaijan vs Armenia (1992-1994)",
     "Full-scale war 1992-94 (UCDP intensity 2 in 1992-94; Armenia coded a secondary party); ceasefire 12 May 1994.",
     "War is coded in both directions; responsibility is contested (see events.csv).",
     UCDP + " conflict 388 (1992-1994); " + FE + " 1992-1994; " + B("11")),
    ("arm-war-1992-1994", "ARM", "AZE", "war", -1, 2, 1992, 1994,
     "First Karabakh War: Armenia vs Azerbaijan (1992-1994)",
     "Armenian and Karabakh Armenian forces took NK and seven surrounding districts; about 30,000 military dead.",
     "War is coded in both directions; responsibility is contested (see events.csv).",
     UCDP + " conflict 388 (1992-1994); " + G("446-458") + "; " + B("13")),
    ("arm-occupation-nk-seven-districts", "ARM", "AZE", "occupation", -1, 2, 1993, 2020,
     "Armenian forces hold NK and seven districts (1993-2020)",
     "From 1993 (Kelbajar, Agdam, Zangilan; UNSC 822, 853, 874, 884) to the 2020 war and the return of Aghdam, Kelbajar and Lachin in Nov 2020; Shusha and Lachin were taken in May 1992.",
     "UNSC 822/853/874/884 (1993) demand the withdrawal of 'occupying forces', refer to 'local Armenian "
     "forces' and name no occupying state; 853 and 884 call on the Government of Armenia to use its "
     "influence. Armenian governments attributed control to NK forces; the ECtHR (Chiragov, 2015) found "
     "that Armenia exercised effective control; UCDP codes Armenia a secondary party.",
     B("13, 59, 95") + "; " + G("451-458") + "; " + FE + " UNSC 822/853/874/884 (1993); facts/readings_claims.csv C031"),
    ("arm-backs-nk-authorities", "ARM", "AZE", "backs_separatists", -1, 2, 1991, 2023,
     "Armenia backs the Karabakh de facto authorities (1991-2023)",
     "Armenia is coded by UCDP as secondary party on the Artsakh side in 1991-93 and 1997-2023; 'Artsakh is Armenia' speech 2019.",
     "Azerbaijan sees 'the irredentist policy of Armenia, which supports this attempted secession militarily'; Armenian accounts frame it as defending the Karabakh Armenians' self-determination (nkr.am).",
     UCDP + " conflict 388 (side_b_2nd); " + B("45, 75") + "; nkr.am (http://www.nkr.am/en/armenian-pogroms)"),
    ("aze-arm-april-war-2016", "AZE", "ARM", "war", -1, 1, 2016, 2016,
     "Four-Day War: Azerbaijan vs Armenia (Apr 2016)",
     "Fighting 1-5 Apr 2016 on the line of contact; Azerbaijan gained 8-20 km2; ceasefire in Moscow.",
     "Minor conflict-year in UCDP; both sides blamed the other; coded both ways.",
     FE + " 2016-04-01; " + B("35") + "; " + UCDP + " conflict 388 (2016)"),
    ("arm-aze-april-war-2016", "ARM", "AZE", "war", -1, 1, 2016, 2016,
     "Four-Day War: Armenia vs Azerbaijan (Apr 2016)",
     "See the Azerbaijani row; Armenian and NK forces defended the line of contact.",
     "Coded both ways; responsibility contested.", FE + " 2016-04-01; " + UCDP + " conflict 388 (2016)"),
    ("aze-war-2020", "AZE", "ARM", "war", -1, 2, 2020, 2020,
     "Second Karabakh War: Azerbaijan vs Armenia (2020)",
     "44-day war, 27 Sep-10 Nov 2020; Azerbaijan retook the districts and Shusha.",
     "UCDP intensity 2 in 2020; coded both ways; responsibility contested.",
     UCDP + " conflict 388 (2020); " + FE + " 2020-09-27; " + B("9, 11")),
    ("arm-war-2020", "ARM", "AZE", "war", -1, 2, 2020, 2020,
     "Second Karabakh War: Armenia vs Azerbaijan (2020)",
     "Armenian and NK forces fought the 44-day war; Armenia 'more or less capitulated'.",
     "Coded both ways; responsibility contested.", UCDP + " conflict 388 (2020); " + B("11")),
    ("aze-border-fighting-armenia-2022", "AZE", "ARM", "war", -1, 1, 2022, 2022,
     "Azerbaijani strikes inside Armenia (Sept 2022)",
     "Fighting on 13-14 Sept 2022 hit Jermuk, Goris, Vardenis and other places in Armenia; 222 Armenian troops and 3 civilians killed per Yerevan; about 50 Azerbaijani soldiers killed per early reports.",
     "Coded as Azerbaijan's act because the fighting and territorial losses were on Armenia's internationally recognised territory and the US urged Azerbaijan to pull back; Azerbaijan says it responded to Armenian provocations.",
     "1lurer.am 17 Apr 2023; JAMnews 14 Sep 2022 (https://jam-news.net/the-situation-on-the-armenian-azerbaijani-border-on-the-morning-of-september-14/); Mikroskop Media 15 Sep 2022"),
    ("aze-lachin-blockade-2022", "AZE", "ARM", "blockade", -1, 1, 2022, 2023,
     "Blockade of the Lachin corridor (Dec 2022-Sep 2023)",
     "The only road between Armenia and Karabakh blocked from 12 Dec 2022, with an Azerbaijani checkpoint from Apr 2023.",
     "Target coded ARM as the patron and kin state of the Karabakh Armenians; Azerbaijan presented it as an environmental protest and accused Armenia of smuggling.",
     "Wikipedia 'Blockade of Nagorno-Karabakh'; openDemocracy 16 Dec 2022; WirtschaftsWoche 2023"),
    ("aze-offensive-karabakh-2023", "AZE", "ARM", "war", -1, 2, 2023, 2023,
     "Azerbaijan's offensive ends the NK authorities (Sep 2023)",
     "Offensive of 19-20 Sep 2023 against the Karabakh de facto authorities; surrender, dissolution decree, exodus of about 100,000 Armenians to Armenia.",
     "Target coded ARM as patron/kin state: the offensive ended Armenia's client entity and displaced 100,000 people into Armenia, though Armenia's own forces were not engaged (Yerevan said it had no forces there).",
     FE + " 2023-09-19, 2023-09-28; " + UCDP + " conflict 388 (2023); DW 30 Sep 2023; TASS 17 Apr 2024"),
    ("aze-energy-corridor-georgia-2006", "AZE", "GEO", "energy_corridor", 1, 1, 2006, None,
     "BTC pipeline: Azerbaijan-Georgia (2006-)",
     "Azerbaijan's oil and gas export routes run through Georgia (BTC from 2006; trilateral format from 2012).",
     "Transit revenue and strategic partnership for Georgia.",
     FM + " (BTC; Trabzon); " + G("504-516, 611-622")),
    ("aze-geo-guam-1997", "AZE", "GEO", "regional_organisation", 1, 1, 1997, None,
     "GUAM and a common stance against separatism: Azerbaijan-Georgia (1997-)",
     "Both founded GUAM on 10 Oct 1997; both 'vehemently reject separatism and secession'.",
     "Political cooperation, no defence commitment.",
     FM + " (GUAM communique 1997); " + G("642-648")),
    # --- Georgia
    ("geo-transit-window-azerbaijan", "GEO", "AZE", "energy_corridor", 1, 1, 2006, None,
     "Georgia as Azerbaijan's 'window' to Turkey and the West (2006-)",
     "Georgia hosts Azerbaijan's pipelines and transport routes to Turkey (BTC 2006).",
     "Garibov: Georgia is Azerbaijan's 'only reliable window' to Turkey and the West.",
     G("509-516") + "; " + FM + " (BTC)"),
    ("geo-aze-guam-1997", "GEO", "AZE", "regional_organisation", 1, 1, 1997, None,
     "GUAM and a common stance against separatism: Georgia-Azerbaijan (1997-)",
     "See the Azerbaijani row.", "Political cooperation, no defence commitment.",
     FM + " (GUAM communique 1997); " + G("642-648")),
    # --- Armenia -> Russia
    ("arm-freezes-csto-2024", "ARM", "RUS", "alliance_suspension", -1, 1, 2024, None,
     "Armenia freezes its CSTO participation (2024-)",
     "Announced 22 Feb 2024; funding suspended May 2024; no formal withdrawal by Dec 2024.",
     "A chooser's own act towards a power (outcome side): models predicting Armenia's stance should not use it as an input.",
     FM + " (RT; Novaya Gazeta Europe; Meduza)"),
    # --- Iran
    ("irn-armenia-cooperation", "IRN", "ARM", "economic_cooperation", 1, 1, 1992, None,
     "Iran-Armenia cooperation (1992-)",
     "'Well-developed cooperation with Iran'; Armenia's isolation led Yerevan to seek cooperation with Tehran; the 44 km Iranian border stayed open.",
     "The reading gives no start date: 1992 (independence) is the coder's choice.",
     G("18-20, 524-529") + "; facts/land_borders.csv (Armenia-Iran 44 km)"),
    ("irn-drills-azerbaijan-border-2021", "IRN", "AZE", "military_pressure", -1, 1, 2021, 2021,
     "Iranian military drills on Azerbaijan's border (Oct 2021)",
     "'Conquerors of Kheibar' exercise from 1 Oct 2021, the first such show of force near the border since 1991 according to Aliyev.",
     "Iran framed it as sovereign right and a warning about Israel; Baku saw it as pressure.",
     "Republic World 2 Oct 2021; Eurasianet via ecoi.net (https://www.ecoi.net/en/document/2061313.html)"),
    # --- United States / NATO / EU
    ("usa-section-907-azerbaijan", "USA", "AZE", "sanctions", -1, 1, 1992, 2001,
     "US Section 907 ban on aid to Azerbaijan (1992-2001)",
     "Section 907 of the FREEDOM Support Act (24 Oct 1992) banned direct US aid to Azerbaijan's government; presidential waiver authority from 24 Oct 2001.",
     "The only Western sanction on Azerbaijan (Babayev); waived from 2001.",
     FE + " 1992-10-24, 2001-10-24; " + B("87")),
    ("usa-georgia-charter-2009", "USA", "GEO", "strategic_partnership", 1, 1, 2009, None,
     "US-Georgia Charter on Strategic Partnership (2009-)",
     "Signed in Washington on 9 Jan 2009: cooperation in defence, security, trade and energy; US support for Georgia's territorial integrity and NATO aspiration; explicitly not a mutual-defence treaty.",
     "Political partnership without a defence commitment: intensity 1, like the Russia-Azerbaijan declaration of 2008.",
     "US Department of State fact sheet, 6 Oct 2010 (party statement: https://2009-2017.state.gov/r/pa/prs/ps/2010/10/149084.htm); VOA, 'US, Georgia sign partnership charter', 9 Jan 2009"),
    ("usa-georgia-train-equip-2002", "USA", "GEO", "security_assistance", 1, 1, 2002, 2007,
     "US Train and Equip programme for Georgia (2002-2007)",
     "GTEP (2002-04, about $64m, some 2,000-2,400 troops trained), then the Sustainment and Stability Operations Program to 2007.",
     "Military training and equipment, no defence commitment.",
     "Civil.ge (https://oldwp.civil.ge/archives/106519); Wikipedia 'Georgia Train and Equip Program' (https://nzt-eth.ipns.dweb.link/wiki/GTEP.html)"),
    ("nato-partnership-georgia", "NATO", "GEO", "partnership", 1, 1, 1994, None,
     "NATO partnership with Georgia (PfP 1994, IPAP 2004, Intensified Dialogue 2006)",
     "PfP 23 Mar 1994; first IPAP 29 Oct 2004; Intensified Dialogue Sep 2006.",
     "Partnership without a security guarantee.", FM + " (NATO rows, Georgia)"),
    ("nato-bucharest-georgia-2008", "NATO", "GEO", "membership_promise", 1, 1, 2008, None,
     "NATO Bucharest promise: Georgia 'will become a member' (2008-)",
     "Bucharest Summit declaration, Apr 2008, without a Membership Action Plan.",
     "A promise, not a guarantee.", FM + "; " + FE + " 2008-04"),
    ("nato-partnership-azerbaijan", "NATO", "AZE", "partnership", 1, 1, 1994, None,
     "NATO partnership with Azerbaijan (PfP 1994, IPAP 2005)",
     "PfP 4 May 1994; IPAP 27 May 2005.", "Partnership without a security guarantee.",
     FM + " (NATO rows, Azerbaijan)"),
    ("nato-partnership-armenia", "NATO", "ARM", "partnership", 1, 1, 1994, None,
     "NATO partnership with Armenia (PfP 1994, IPAP 2005)",
     "PfP 5 Oct 1994; IPAP 16 Dec 2005; troops in KFOR/ISAF.", "Partnership without a security guarantee.",
     FM + " (NATO rows, Armenia); facts/dyads.csv (Armenia-USA)"),
    ("eu-eastern-partnership-armenia", "EU", "ARM", "partnership", 1, 1, 2009, None,
     "EU Eastern Partnership: Armenia (2009-)", "Prague summit, 7 May 2009.",
     "Economic-political partnership, no security role.", FM + " (EaP)"),
    ("eu-eastern-partnership-azerbaijan", "EU", "AZE", "partnership", 1, 1, 2009, None,
     "EU Eastern Partnership: Azerbaijan (2009-)", "Prague summit, 7 May 2009.",
     "Economic-political partnership, no security role.", FM + " (EaP)"),
    ("eu-eastern-partnership-georgia", "EU", "GEO", "partnership", 1, 1, 2009, None,
     "EU Eastern Partnership: Georgia (2009-)", "Prague summit, 7 May 2009.",
     "Economic-political partnership, no security role.", FM + " (EaP)"),
    ("eu-monitoring-mission-georgia-2008", "EU", "GEO", "monitoring_mission", 1, 1, 2008, None,
     "EU Monitoring Mission in Georgia (2008-)",
     "Unarmed civilian mission from 1 Oct 2008 monitoring the EU-brokered six-point agreement; no access to the breakaway regions.",
     "Security presence supporting Georgia's stabilisation, but unarmed.",
     "EUMM (https://www.eumm.eu/en/press_and_public_information/press_releases/91/?year=2008&month=12); ReliefWeb 2 Oct 2018"),
    ("eu-association-georgia-2014", "EU", "GEO", "association_agreement", 1, 1, 2014, None,
     "EU-Georgia Association Agreement (2014-)",
     "Signed 27 Jun 2014, in force 1 Jul 2016 (incl. DCFTA).", "Economic integration, no security clause.",
     FM + " (Agenda.ge; MFA)"),
    ("eu-candidate-georgia-2023", "EU", "GEO", "candidate_status", 1, 1, 2023, None,
     "EU candidate status for Georgia (2023-)", "Granted by the European Council, 14 Dec 2023.",
     "Accession prospect; the 2024 halt of the accession process is its own act (eu-halts-georgia-accession-2024).",
     FM + " (OC Media; Civil.ge)"),
    ("eu-mission-armenia-2023", "EU", "ARM", "monitoring_mission", 1, 1, 2023, None,
     "EU civilian mission in Armenia (2023-)",
     "EUMA launched 20 Feb 2023 on the Armenian side of the border with Azerbaijan, at Armenia's invitation; preceded by EUMCAP (Oct-Dec 2022).",
     "Unarmed mission; Azerbaijan objected to its use.",
     "Asbarez 20 Feb 2023; UrduPoint/Sputnik 20 Feb 2023; hyetert.org (AA)"),
]

# Arms supply acts are generated from SIPRI for these suppliers:
ARMS_SUPPLIERS = {"Russia": "RUS", "Turkiye": "TUR", "United States": "USA", "France": "FRA",
                  "Germany": "DEU", "United Kingdom": "GBR", "Israel": "ISR", "Ukraine": "UKR",
                  "Armenia": "ARM", "Azerbaijan": "AZE", "Georgia": "GEO", "Iran": "IRN"}
DRONE_PAT = re.compile(r"drone|UAV|loitering|Harop|Bayraktar|Orbiter|Hermes|SkyStriker|Heron|"
                       r"Searcher|Aerostar|Akinci|Hero-120|Yiha", re.I)

# ---- 23. instability_events ----------------------------------------------------------
# (state, date, kind, dimension, description, source)
INSTABILITY = [
    ("GEO", "1991-01-05", "civil_war", "horizontal",
     "South Ossetia war (Jan 1991-Jun 1992), ~1,000 fatalities; UCDP conflict 393 from May 1992",
     FE + " 1991-01-05 (Wikipedia old revision); " + UCDP + " conflict 393 (1992)"),
    ("GEO", "1991-12-22", "coup", "vertical",
     "Armed coup in Tbilisi ousts President Gamsakhurdia (Dec 1991-Jan 1992)",
     FE + " 1991-12-20 (Washington Post); Helsinki Watch, 'Bloodshed in the Caucasus: Violations of Humanitarian Law and Human Rights in the Georgia-South Ossetia Conflict' (Mar 1992), http://www.hrw.org/reports/1992/04/01/bloodshed-caucasus (the violent coup that toppled Gamsakhurdia, Dec 1991); " + UCDP + " conflict 380 (1991)"),
    ("GEO", "1992", "civil_war", "vertical",
     "Civil war between the government and Zviadists (to Nov 1993)",
     UCDP + " conflict 380 (1992-1993, ends 16-11-1993)"),
    ("GEO", "1993-09", "civil_war", "vertical",
     "Zviadist offensive in western Georgia (Sep-Nov 1993), ended by the government's counter-offensive; "
     "the last active year of the civil war",
     UCDP + " conflict 380 (1993, ends 16-11-1993)"),
    ("GEO", "1992-08-14", "civil_war", "horizontal",
     "War in Abkhazia (Aug 1992-Sep 1993); Georgian forces defeated, ~300,000 displaced per the Georgian side",
     FE + " 1992-08-14 (Agenda.ge; Georgia Today); " + UCDP + " conflict 392"),
    ("GEO", "2003-11-23", "revolution", "vertical",
     "Rose Revolution: Shevardnadze resigns after protests over the 2 Nov 2003 elections",
     FE + " 2003-11-23 (Rustavi2)"),
    ("GEO", "2004-08-19", "civil_war", "horizontal",
     "Renewed armed clashes in South Ossetia (Aug-Oct 2004), minor conflict-year",
     UCDP + " conflict 393 (2004)"),
    ("GEO", "2008-08-07", "civil_war", "horizontal",
     "War over South Ossetia with Russia as secondary party (Aug 2008)",
     UCDP + " conflict 393 (2008); " + FE + " 2008-08-07"),
    ("AZE", "1991-12-29", "civil_war", "horizontal",
     "Armed conflict over Nagorno-Karabakh begins (UCDP start date); war 1992-94",
     UCDP + " conflict 388 (1991-1994)"),
    ("AZE", "1992-03-06", "government_change", "vertical",
     "President Mutallibov resigns after defeats in Karabakh",
     FE + " 1992-03-06; " + G("789-799")),
    ("AZE", "1992-05-15", "coup_attempt", "vertical",
     "Mutallibov's attempted comeback (14 May) fails; Popular Front takes power",
     FE + " 1992-05-15 (liquisearch)"),
    ("AZE", "1993-06", "coup", "vertical",
     "Surat Huseynov's military rebellion; Elchibey flees Baku; Heydar Aliyev takes power",
     FE + " 1993-06 (USIP; LoC); " + UCDP + " conflict 396 (1993)"),
    ("AZE", "1995-03-17", "coup_attempt", "vertical",
     "OPON special police forces' armed revolt crushed",
     UCDP + " conflict 396 (1995, 17-3-1995)"),
    ("AZE", "2016-04-01", "civil_war", "horizontal",
     "Four-Day War on the NK line of contact",
     FE + " 2016-04-01; " + UCDP + " conflict 388 (2016)"),
    ("AZE", "2020-09-27", "civil_war", "horizontal",
     "Second Karabakh War (UCDP intensity 2)",
     FE + " 2020-09-27; " + UCDP + " conflict 388 (2020)"),
    ("AZE", "2023-09-19", "civil_war", "horizontal",
     "Offensive ends the NK de facto authorities; UCDP conflict 388 ends 4 Dec 2023",
     FE + " 2023-09-19; " + UCDP + " conflict 388 (2023)"),
    ("ARM", "1998-02-03", "government_change", "vertical",
     "President Ter-Petrosyan resigns over opposition to his Karabakh settlement",
     FE + " 1998-02-03 (RFE/RL; BBC); " + G("789-799")),
    ("ARM", "1999-10-27", "assassination", "vertical",
     "Parliament shooting: PM Vazgen Sargsyan, Speaker Demirchyan and six others killed",
     FE + " 1999-10-27 (an Armenian advocacy site); " + G("793-795")),
    ("ARM", "2008-03-01", "contested_election", "vertical",
     "Post-election protests; 1 Mar 2008 crackdown, 10 killed, state of emergency",
     FE + " 2008-02-19 (Wikipedia; EurasiaNet); " + G("806-810") + "; Human Rights Watch, 'Democracy on Rocky Ground' "
     "(25 Feb 2009; https://www.hrw.org/report/2009/02/25/democracy-rocky-ground/armenias-disputed-2008-presidential-election-post-election)"),
    ("ARM", "2018-04-23", "revolution", "vertical",
     "Velvet Revolution: Serzh Sargsyan resigns; Pashinyan elected PM 8 May 2018",
     FE + " 2018-04-23, 2018-05-08 (PanARMENIAN; Kentron); " + B("45")),
    # ---- added on the data-model audit (§2.3 item 13): omissions before 2020 ----
    ("ARM", "2004-04-13", "mass_protest", "vertical",
     "Opposition campaign (Mar-Apr 2004) for a 'referendum of confidence' in President Kocharyan; the 12 Apr march on the presidential residence dispersed before dawn on 13 Apr with stun grenades and water cannon; party offices raided, hundreds detained",
     "Human Rights Watch briefing paper, 4 May 2004, 'The April 12-13 events' (https://www.hrw.org/legacy/backgrounder/eca/armenia/0504/4.htm)"),
    ("ARM", "2013-02-19", "contested_election", "vertical",
     "Runner-up Raffi Hovannisian rejects the 18 Feb 2013 presidential result (Sargsyan 58.6%); rallies in Freedom Square from 19 Feb, hunger strike from 10 Mar; his 9 Apr inauguration-day march blocked by police; international monitors called the vote an improvement",
     "Reuters, Lazarian, 'Thousands protest in Armenia against re-elected president', 22 Feb 2013 (as printed by the Chicago Tribune); "
     "Wikipedia '2013 Armenian protests' (https://en.wikipedia.org/wiki/2013_Armenian_protests)"),
    ("GEO", "2004-05-06", "mass_protest", "horizontal",
     "Adjara crisis: after the Rose Revolution the Adjarian leader Aslan Abashidze defies Tbilisi and blows up the bridges to the rest of Georgia (2 May); mass protests in Batumi force his resignation and flight to Moscow on 6 May; direct presidential rule. Horizontal: a regional regime defying the centre, not a threat to the national government",
     "RFE/RL 6 May 2004 (https://www.rferl.org/a/1052652.html); Civil.ge 4 May 2004 (https://oldwp.civil.ge/archives/105832); "
     "Civil.ge 6 May 2004 (https://old.civil.ge/eng/_print.php?id=6880)"),
    ("GEO", "2011-05-26", "mass_protest", "vertical",
     "People's Assembly protests (21-26 May 2011) led by Nino Burjanadze demand President Saakashvili's resignation; riot police disperse the Rustaveli Avenue rally on 26 May with tear gas, water cannon and rubber bullets; two dead (hit by a car of the leaders' convoy, per the Interior Ministry), dozens injured; HRW condemns the beatings",
     "Deutsche Welle 26 May 2011 (https://www.dw.com/en/georgian-police-crack-down-on-protesters-on-independence-day/a-15107937); "
     "OSW 1 Jun 2011 (https://www.osw.waw.pl/en/publikacje/analyses/2011-06-01/georgia-police-break-protest-aimed-preventing-independence-day); "
     "CACI Analyst 8 Jun 2011 (http://cacianalyst.org/publications/field-reports/item/12306-field-reports-caci-analyst-2011-6-8-art-12306.html)"),
    ("GEO", "2012-09-18", "mass_protest", "vertical",
     "Nationwide protests (18 Sep-1 Oct 2012) after broadcast videos of prisoner abuse in Gldani prison; the ministers of corrections and of the interior resign. The 1 Oct 2012 election then brings a peaceful, conceded transfer of power: not coded, as an accepted electoral alternation is no regime threat",
     "Global Nonviolent Action Database, Swarthmore College, 'Georgian students protest against prisoner abuse 2012' (https://nvdatabase.swarthmore.edu/content/georgian-students-protest-against-prisoner-abuse-2012); "
     "Global Voices 23 Sep 2012 (https://globalvoices.org/2012/09/23/georgia-broom-revolution-as-parliamentary-elections-approach/)"),
    ("AZE", "2013-01-23", "mass_protest", "vertical",
     "Ismayilli riots: thousands demand the district governor's resignation and set fire to a hotel, cars and the governor's residence (23 Jan); police disperse renewed protests with tear gas and water cannon (24 Jan); arrests follow",
     "RFE/RL 24 Jan 2013 (http://www.rferl.org/content/azerbaijan-unrest-ismayilli/24882059.html); "
     "Reuters, Evgrashina, 24 Jan 2013 (http://articles.chicagotribune.com/2013-01-24/news/sns-rt-azerbaijan-riot-update-2-tv-pixl6n0at6e7-20130124_1_water-cannon-baku-protest-azeri-police); "
     "Caucasus Analytical Digest 46 (11 Feb 2013), 'Protests in Azerbaijan'"),
    # ---- added in review (vertical events found by search; sources are public pages) ----
    ("GEO", "2007-11-07", "mass_protest", "vertical",
     "Opposition protests (Sep-Nov 2007, peak 2 Nov) dispersed 7 Nov; nationwide state of emergency to 16 Nov; early presidential election called",
     "Wikipedia '2007 Georgian demonstrations' (https://en.wikipedia.org/wiki/2007_Georgian_demonstrations); "
     "CRS Report RS22794, Nichol, 'Georgia's January 2008 Presidential Election' "
     "(http://congressionalresearch.com/RS22794/document.php?study=Georgias+January+2008+Presidential+Election+Outcome+and+Implications)"),
    ("GEO", "2008-01-05", "contested_election", "vertical",
     "Snap presidential election: Saakashvili declared winner (~53%); opposition alleges fraud and rallies; OSCE: democratic 'in essence' with violations",
     "The Messenger 11 Jan 2008 (https://messenger.com.ge/issues/1522_january_11_2008/1522_week_in_brief.html); "
     "Irish Times (https://irishtimes.com/news/unrest-follows-georgian-election-1.926259)"),
    ("GEO", "2019-06-20", "mass_protest", "vertical",
     "Protests after a Russian MP chairs an assembly from the parliament speaker's seat; 20-21 Jun dispersal, ~240 injured; rallies continue",
     "Civil.ge 'In Photos: One Year since Tbilisi Protests' (https://oldwp.civil.ge/archives/356879); "
     "OC Media 20 Jun 2020 (https://oc-media.org/protesters-mark-gavrilovs-night-anniversary-in-tbilisi/; gives 275 injured)"),
    ("GEO", "2024-10-28", "contested_election", "vertical",
     "Opposition and President Zourabichvili reject the 26 Oct parliamentary election result (Georgian Dream ~54%); mass rally demands a re-run",
     "Civil.ge 28 Oct 2024 (https://civil.ge/archives/632068); "
     "GlobalNews.ge (https://globalnews.ge/en/georgia/1019-opoziciuri-partiebi-saparlamento-mandatebze-uars-a)"),
    ("GEO", "2024-11-28", "mass_protest", "vertical",
     "Daily protests after the government defers EU accession talks to 2028; police use tear gas (Nov-Dec 2024)",
     "Babel.ua 28 Nov 2024 (https://babel.ua/en/news/113111-a-spontaneous-rally-began-in-tbilisi-after-the-authorities-informed-about-the-suspension-of-accession-to-the-eu); "
     "AP photo captions 30 Nov-3 Dec 2024 via Southeast Missourian (https://www.semissourian.com/world/photo-collection-georgia-politics-2cd51d0d)"),
    ("AZE", "2003-10-16", "contested_election", "vertical",
     "Presidential election of 15 Oct (Ilham Aliyev ~80%) disputed by the opposition; Baku clashes 15-16 Oct, deaths reported (1-5 by source), hundreds detained",
     "RFE/RL 16 Oct 2003 (https://www.rferl.org/a/1104685.html); IWPR (https://iwpr.net/global-voices/ilham-election-ends-violence); "
     "openDemocracy, Freizer 5 Dec 2003 (https://www.opendemocracy.net/en/article_1626jsp/)"),
    ("AZE", "2005-11-06", "contested_election", "vertical",
     "Parliamentary election disputed by the opposition Azadliq bloc; rallies in Baku, the 26 Nov rally dispersed by police",
     "The Guardian 9 Nov 2005 (https://www.theguardian.com/world/2005/nov/09/1?INTCMP=ILCNETTXT3487); "
     "RFE/RL 26 Nov 2005 (https://www.rferl.org/a/1063263.html); AP 27 Nov 2005 via Southeast Missourian "
     "(https://www.semissourian.com/news/police-clash-with-opposition-protesters-in-azerbaijani-capital-1128005)"),
    ("ARM", "2016-07-17", "mass_protest", "vertical",
     "Armed group (Sasna Tsrer) seizes a Yerevan police compound demanding the president's resignation; supporting street protests; surrender 31 Jul",
     "Wikipedia '2016 Yerevan hostage crisis' (https://en.wikipedia.org/wiki/2016_Yerevan_hostage_crisis); "
     "Armenian Weekly 31 Jul 2016 (https://armenianweekly.com/2016/07/31/armed-group-surrenders/); "
     "JAMnews (https://jam-news.net/armenia-a-phase-of-prolonged-standoff)"),
    ("ARM", "2020-11-10", "mass_protest", "vertical",
     "Protests after the 10 Nov ceasefire statement: parliament stormed, speaker beaten; rallies demand the PM's resignation into Dec 2020",
     "Wikipedia '2021 Armenian parliamentary election', Background (https://en.wikipedia.org/wiki/2021%20Armenian%20parliamentary%20election); "
     "Los Angeles Times/AP 9 Dec 2020 (https://www.latimes.com/world-nation/story/2020-12-09/protesters-in-armenia-besiege-parliament-demand-pm-resigns)"),
    ("ARM", "2021-06-20", "contested_election", "vertical",
     "Snap parliamentary election after the post-war crisis: Civil Contract 53.9%; runner-up Armenia Alliance alleges fraud and appeals; OSCE: positive overall",
     "RFE/RL 21 Jun 2021 (OSCE/ODIHR, OSCE PA and PACE observers: competitive and generally well managed; https://www.rferl.org/a/armenia-elections-international-observers-osce/31318900.html); "
     "Wikipedia '2021 Armenian parliamentary election' (https://en.wikipedia.org/wiki/2021%20Armenian%20parliamentary%20election); "
     "MakeMeAware (Constitutional Court upholds result 17 Jul 2021; http://www.makemeaware.com/event/armenia-elections-20th-june-2021/)"),
    ("ARM", "2024-05-09", "mass_protest", "vertical",
     "Tavush for the Homeland protests (from Apr 2024) against border delimitation with Azerbaijan; 9 May Yerevan rally demands the PM's resignation; mass detentions",
     "JURIST Apr 2024 (Tavush residents protest the delimitation; https://jurist.org/news/2024/04/armenia-agrees-to-return-four-villages-to-azerbaijan); Mirror-Spectator 16 May 2024 "
     "(https://mirrorspectator.com/2024/05/16/tavush-movement-continues-as-demarcation-gains-speed/)"),
]
INSTABILITY_KINDS = {"coup", "coup_attempt", "revolution", "contested_election", "mass_protest",
                     "assassination", "civil_war", "government_change"}

# ---- 24. separatist_regions ----------------------------------------------------------
# (region, state, patron, active_from, active_to, status, source)
SEPARATIST = [
    ("Nagorno-Karabakh", "AZE", "ARM", 1988, 2023,
     "secession attempt 1988-2023; reintegrated by force Sep 2023; de facto authorities dissolved 2024-01-01",
     "Wikipedia 'Baku pogrom' (NK soviet's 20 Feb 1988 request to join Armenia); " + UCDP
     + " conflict 388 (1991-2023); " + FE + " 2023-09-28; facts/secession_cases.csv"),
    ("Abkhazia", "GEO", "RUS", 1992, None,
     "de facto independent since 1993; recognised by Russia 2008-08-26",
     UCDP + " conflict 392; " + FE + " 1992-08-14, 2008-08-26; " + G("630-633")),
    ("South Ossetia", "GEO", "RUS", 1991, None,
     "de facto independent since 1992; recognised by Russia 2008-08-26",
     FE + " 1991-01-05, 2008-08-26; " + UCDP + " conflict 393; " + G("630-633")),
    ("Javakheti (Samtskhe-Javakheti)", "GEO", None, None, None,
     "latent: separatist sentiment reported, 'allegedly' supported by nationalists in Armenia; no armed conflict or de facto control; no state patron",
     G("636-641, 762-768")),
]

# ======================================================================================
# Build functions
# ======================================================================================


def slugify(text: str, n: int = 48) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:n].rstrip("-")


def year_of(date: str):
    m = re.match(r"(\d{4})", str(date or ""))
    return int(m.group(1)) if m else None


def codes(names: str) -> str:
    out = []
    for n in str(names).split(";"):
        n = n.strip()
        if n:
            out.append(NAME_TO_CODE[n])
    return ";".join(out)


def clean_reading_refs(text: str) -> str:
    """Normalise reading citations in the facts files to 'Garibov reading lines ...'."""
    t = str(text)
    t = t.replace("the Garibov reading (South Caucasus RSC paper) l.", f"Garibov reading ({GARIBOV_FILE}) lines ")
    t = t.replace("the Babayev reading (Babayev) l.", f"Babayev reading ({BABAYEV_FILE}) line(s) ")
    return t


def build_actors() -> pd.DataFrame:
    df = pd.DataFrame(ACTORS, columns=["actor", "name", "role", "cow_ccode", "iso3", "in_west", "note"])
    df["cow_ccode"] = df["cow_ccode"].astype("Int64")
    df["in_west"] = df["in_west"].map({True: "true", False: "false"})
    return df.sort_values("actor").reset_index(drop=True)


def build_memberships(facts: Path) -> pd.DataFrame:
    raw = pd.read_csv(facts / "memberships.csv", dtype=str).fillna("")
    rows = []
    for _, r in raw.iterrows():
        hit = [m for m in MEMBERSHIP_MAP if m[0] == r["state"] and r["organisation_or_treaty"].startswith(m[1])]
        if len(hit) != 1:
            raise ValueError(f"membership row not mapped exactly once: {r['state']} / {r['organisation_or_treaty']}")
        _, _, slug, org, partners, kind = hit[0]
        for p in partners:
            mid = slug if len(partners) == 1 else f"{slug}-{p.lower()}"
            rows.append(dict(
                membership_id=mid, state=NAME_TO_CODE[r["state"]], organisation=org, partner=p,
                bloc="WEST" if p in WEST_PARTNERS else "", kind=kind,
                joined=r["joined"], joined_year=year_of(r["joined"]),
                left=r["left"], left_year=year_of(r["left"]),
                status_note=r["status_note"] + ("" if not r["counterparty"] else
                                                f" [counterparty in facts: {r['counterparty']}]"),
                source=fix_sources(r["source"])))
    df = pd.DataFrame(rows)
    # The 2010 Gyumri protocol's 'left' = 2044 is the treaty's term, not an exit.
    m = df.membership_id == "arm-rus-gyumri-base-extension-2010"
    df.loc[m, "status_note"] = df.loc[m, "status_note"] + " [left=2044 is the term of the extended treaty, not an exit]"
    for c in ("joined_year", "left_year"):
        df[c] = df[c].astype("Int64")
    return add_independent_sources("memberships",
                                   df.sort_values(["state", "joined", "membership_id"]).reset_index(drop=True))


def find_narrative(date: str, event: str) -> str:
    for (d, sub), txt in EVENT_NARRATIVES.items():
        if d == date and sub.lower() in event.lower():
            return txt
    return ""


def build_events(facts: Path) -> pd.DataFrame:
    raw = pd.read_csv(facts / "events.csv", dtype=str).fillna("")
    rows = []
    used = set()
    for _, r in raw.iterrows():
        cat_raw = r["category"].strip()
        if cat_raw not in CATEGORY_MAP:
            raise ValueError(f"unmapped event category {cat_raw!r}")
        note = r["note"]
        if " / " in cat_raw or cat_raw in ("referendum", "territorial decision", "political violence",
                                             "dissolution", "rhetoric / escalation"):
            note = (note + "; " if note else "") + f"original category: {cat_raw}"
        narrative = find_narrative(r["date"], r["event"])
        if narrative:
            used.add(narrative)
        rows.append(dict(date=r["date"], end_date=r["end_date"], date_precision=r["date_precision"],
                         event=r["event"], states=codes(r["states_involved"]),
                         category=CATEGORY_MAP[cat_raw], narratives=narrative,
                         source=fix_sources(clean_reading_refs(r["source"])), note=note))
    unused = set(EVENT_NARRATIVES.values()) - used
    if unused:
        raise ValueError(f"narratives not attached to any event: {[u[:40] for u in unused]}")
    for (date, end, prec, event, states, cat, narr, src, note) in ADDED_EVENTS + recent.EVENTS:
        rows.append(dict(date=date, end_date=end, date_precision=prec, event=event, states=states,
                         category=cat, narratives=narr, source=src,
                         note=("added by the coded build" + ("; " + note if note and note != "added by the coded build" else ""))))
    df = pd.DataFrame(rows)
    df["year"] = df["date"].map(year_of).astype("Int64")
    df["event_id"] = [f"{d[:10]}-{slugify(e, 40)}" for d, e in zip(df["date"], df["event"])]
    if df["event_id"].duplicated().any():
        raise ValueError("duplicate event_id")
    bad = set(df["category"]) - EVENT_CATEGORIES
    if bad:
        raise ValueError(f"bad categories {bad}")
    cols = ["event_id", "date", "end_date", "date_precision", "year", "event", "states", "category",
            "narratives", "source", "note"]
    return add_independent_sources("events", df[cols].sort_values(["date", "event_id"]).reset_index(drop=True))


def build_dyads_observed(facts: Path) -> pd.DataFrame:
    raw = pd.read_csv(facts / "dyads.csv", dtype=str).fillna("")
    rows = []
    previous: dict[tuple[str, str], str] = {}
    for _, r in raw.iterrows():
        if r["period"] in recent.REPLACED_PERIODS:
            continue
        a, b = NAME_TO_CODE[r["state_a"]], NAME_TO_CODE[r["state_b"]]
        if a in ("ARM", "AZE", "GEO") and b in ("ARM", "AZE", "GEO") and b < a:
            a, b = b, a
        src, just = clean_reading_refs(r["source"]), clean_reading_refs(r["justification"])
        # facts/dyads.csv says "As above" for a period that repeats the previous one:
        # spell the previous justification out so each row reads on its own.
        if just.startswith("As above") and (a, b) in previous:
            rest = just[len("As above"):].strip().strip("()").strip(" ;")
            just = f"{previous[(a, b)]} (unchanged from the previous period{'; ' + rest if rest else ''})"
        else:
            previous[(a, b)] = just
        if "NO SOURCE" in src.upper():
            cert = "no_source"
        elif "UNCERTAIN" in (src + just).upper():
            cert = "uncertain"
        else:
            cert = "sourced"
        basis = r["coding_basis"]
        rev = DYAD_REVIEW.get((a, b, r["period"]))
        if rev:
            extra, newcert, note = rev
            if extra:  # a review source replaces the facts' "NO SOURCE" placeholder
                src = extra if src.upper().startswith("NO SOURCE") else f"{src}; {extra}"
            if newcert:
                cert = newcert
            basis = f"{basis}; {note}"
        score, just = DYAD_RECODE.get((a, b, r["period"]), (int(r["score"]), just))
        rows.append(dict(state=a, partner=b, period=r["period"], score=score,
                         justification=just, source=src, certainty=cert, coding_basis=basis))
    keys = ["state", "partner", "period", "score", "justification", "source", "certainty", "coding_basis"]
    rows += [dict(zip(keys, row)) for row in recent.OBSERVED]
    df = pd.DataFrame(rows)
    if df.duplicated(["state", "partner", "period"]).any():
        raise ValueError("duplicate dyad keys")
    return add_independent_sources("dyads_observed", df.sort_values(["state", "partner", "period"]).reset_index(drop=True))


def build_identity(facts: Path) -> pd.DataFrame:
    sa = pd.read_csv(facts / "state_attributes.csv", dtype=str).fillna("")
    rows = []
    for _, r in sa.iterrows():
        code = NAME_TO_CODE[r["state"]]
        rel, fam, br, lfam, lbr, extra_src, extra_note = CHOOSER_IDENTITY_EXTRA[code]
        rows.append(dict(
            actor=code, religion=rel, religion_family=fam, religion_branch=br,
            religion_share_pct=float(r["religion_share_pct"]), religion_basis=r["religion_basis"],
            language=r["official_language"], language_family=lfam, language_branch=lbr,
            ethnic_majority=r["ethnic_majority"],
            ethnic_majority_share_pct=float(r["ethnic_majority_share_pct"]),
            census_year=int(r["census_year"]),
            source="facts/state_attributes.csv: " + fix_sources(r["sources"]) + extra_src,
            note="; ".join(x for x in (r["notes"], extra_note) if x)))
    rows.extend(IDENTITY_POWERS)
    df = pd.DataFrame(rows)
    df["census_year"] = df["census_year"].astype("Int64")
    cols = ["actor", "religion", "religion_family", "religion_branch", "religion_share_pct",
            "religion_basis", "language", "language_family", "language_branch", "ethnic_majority",
            "ethnic_majority_share_pct", "census_year", "source", "note"]
    return df[cols].sort_values("actor").reset_index(drop=True)


def build_identity_dyads() -> pd.DataFrame:
    df = pd.DataFrame(IDENTITY_DYADS, columns=[
        "state", "partner", "historical_memory", "memory_justification", "memory_source",
        "ethnic_kinship", "kinship_justification", "kinship_source"])
    df["historical_memory"] = df["historical_memory"].astype("Int64")
    df["ethnic_kinship"] = df["ethnic_kinship"].astype("Int64")
    expected = {(s, p) for s in ("ARM", "AZE", "GEO")
                for p in ("ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "USA", "EU") if s != p}
    if set(zip(df.state, df.partner)) != expected or len(df) != len(expected):
        raise ValueError("identity_dyads must have exactly one row per directed dyad")
    return df.sort_values(["state", "partner"]).reset_index(drop=True)


def _delivery_years(s: str):
    return [int(y) for y in re.findall(r"\d{4}", str(s))]


def arms_acts(ds: Path) -> list[dict]:
    """Arms-supply acts generated from the SIPRI trade register.

    Rule: one act per (supplier, recipient) where the recipient is a chooser and the supplier
    is in ARMS_SUPPLIERS; start = first order year, end = max(last delivery year, last order
    year), empty if >= 2024 (ongoing); intensity 2 if the supplier is one of the recipient's
    two largest suppliers by TIV delivered over the whole register, else 1.
    """
    t = pd.read_csv(ds / "sipri_arms_transfers_trade_register_south_caucasus.csv", dtype=str).fillna("")
    t = t[t["Recipient"].isin(["Armenia", "Azerbaijan", "Georgia"])].copy()
    t["tiv"] = pd.to_numeric(t["SIPRI TIV of delivered weapons"], errors="coerce").fillna(0.0)
    t["order"] = pd.to_numeric(t["Year of order"], errors="coerce")
    totals = t.groupby(["Recipient", "Supplier"])["tiv"].sum().reset_index()
    top2 = {}
    for rec, g in totals.groupby("Recipient"):
        top2[rec] = set(g.sort_values(["tiv", "Supplier"], ascending=[False, True]).head(2)["Supplier"])
    acts = []
    for (rec, sup), g in t.groupby(["Recipient", "Supplier"]):
        if sup not in ARMS_SUPPLIERS:
            continue
        dy = [y for s in g["Year(s) of delivery"] for y in _delivery_years(s)]
        start = int(g["order"].min())
        end = max(dy + [int(g["order"].max())])
        tiv = round(float(g["tiv"].sum()), 1)
        drones = g[(g["Weapon description"] + " " + g["Weapon designation"]).str.contains(DRONE_PAT)]
        scode, rcode = ARMS_SUPPLIERS[sup], NAME_TO_CODE[rec]
        label = f"{sup if sup != 'Turkiye' else 'Turkey'} supplies arms to {rec}"
        if len(drones):
            label += " (incl. drones/loitering munitions)"
        desc = (f"{len(g)} SIPRI-registered deals ordered {start}-{int(g['order'].max())}; "
                f"TIV delivered {tiv} million")
        if len(drones):
            desc += "; drones/loitering munitions: " + ", ".join(sorted(set(drones["Weapon designation"])))
        comments = " ".join(g["Comments"])
        if "illegal" in comments.lower():
            desc += "; SIPRI flags some transfers as illegal"
        acts.append(dict(
            act_id=f"arms-{scode.lower()}-to-{rcode.lower()}", actor=scode, target=rcode,
            kind="arms_supply", valence=1, intensity=2 if sup in top2[rec] else 1,
            start_year=start, end_year=None if end >= 2024 else end, label=label,
            description=desc,
            justification=("generated by rule: intensity 2 if among the recipient's two largest "
                           "suppliers by SIPRI TIV delivered, else 1"
                           + ("; Babayev calls Russian sales to Azerbaijan 'purely commercial' (line 15)"
                              if (scode, rcode) == ("RUS", "AZE") else "")),
            source=SIPRI + (f"; {B('33')}" if rcode == "AZE" and scode in ("ISR", "TUR") else "")))
    return acts


def build_security_acts(ds: Path) -> pd.DataFrame:
    cols = ["act_id", "actor", "target", "kind", "valence", "intensity", "start_year", "end_year",
            "label", "description", "justification", "source"]
    rows = [dict(zip(cols, a)) for a in SECURITY_ACTS + recent.SECURITY_ACTS] + arms_acts(ds)
    df = pd.DataFrame(rows, columns=cols)
    df["end_year"] = df["end_year"].astype("Int64")
    df["start_year"] = df["start_year"].astype(int)
    return add_independent_sources("security_acts", df.sort_values(["target", "actor", "start_year", "act_id"])
                                   .reset_index(drop=True))


def build_instability() -> pd.DataFrame:
    df = pd.DataFrame(INSTABILITY + recent.INSTABILITY, columns=["state", "date", "kind", "dimension", "description", "source"])
    df["year"] = df["date"].map(year_of).astype("Int64")
    return df[["state", "date", "year", "kind", "dimension", "description", "source"]] \
        .sort_values(["state", "date", "kind"]).reset_index(drop=True)


def build_separatist() -> pd.DataFrame:
    df = pd.DataFrame(SEPARATIST, columns=["region", "state", "patron", "active_from", "active_to", "status", "source"])
    for c in ("active_from", "active_to"):
        df[c] = df[c].astype("Int64")
    return df.sort_values(["state", "region"]).reset_index(drop=True)


def build_land_borders(facts: Path, ds: Path) -> pd.DataFrame:
    lb = pd.read_csv(facts / "land_borders.csv", dtype=str).fillna("")
    cont = pd.read_csv(ds / "cow_direct_contiguity_v3_2_selected.csv")
    ccode = {a[0]: a[3] for a in ACTORS if a[3] is not None}
    rows = []
    for _, r in lb.iterrows():
        s, p = NAME_TO_CODE[r["state_a"]], NAME_TO_CODE[r["state_b"]]
        land = r["shared_land_border"].strip().lower() == "yes"
        note = r["note"]
        if p in ccode:
            c1, c2 = ccode[s], ccode[p]
            sub = cont[((cont.ccode1 == c1) & (cont.ccode2 == c2)) | ((cont.ccode1 == c2) & (cont.ccode2 == c1))]
            cow_land = bool((sub.conttype == 1).any())
            check = ("CoW Direct Contiguity v3.2 agrees (land)" if cow_land and land else
                     "CoW Direct Contiguity v3.2 agrees (no land contiguity)" if not cow_land and not land else
                     f"CoW Direct Contiguity v3.2 DISAGREES (CoW land contiguity={cow_land})")
            note = (note + "; " if note else "") + check
        rows.append(dict(state=s, partner=p, land_border="true" if land else "false",
                         border_length_km=float(r["border_length_km"]) if r["border_length_km"] else None,
                         note=note, source=r["source"] + ("; cross-check: data-sources/cow_direct_contiguity_v3_2_selected.csv" if p in ccode else "")))
    return pd.DataFrame(rows).sort_values(["state", "partner"]).reset_index(drop=True)


def _tf(text: str):
    """yes/no -> true/false; anything UNVERIFIED, n/a, 'not found' or ambiguous -> empty."""
    t = str(text).strip().lower()
    if t.startswith("no independent statehood"):
        return "false"  # the 'UNVERIFIED' flag in facts refers to dates/details, not to the 'no'
    if (not t or "unverified" in t or t.startswith("n/a") or t.startswith("not found") or "/partial" in t
            or " if " in t or "no patron" in t):
        return ""  # 'no patron' = n/a: a border with a patron does not apply (Chechnya)
    if t.startswith("yes"):
        return "true"
    if t.startswith("no"):
        return "false"
    return ""


def _patron(text: str) -> str:
    t = str(text)
    if "contested coding" in t or t.lower().startswith("none"):
        return ""
    for name, code in NAME_TO_CODE.items():
        if t.startswith(name):
            return code
    return ""


def build_secession_cases(facts: Path) -> pd.DataFrame:
    sc = pd.read_csv(facts / "secession_cases.csv", dtype=str).fillna("")
    rows = []
    for _, r in sc.iterrows():
        o = r["outcome"].lower()
        outcome = ("reintegrated" if o.startswith("reintegrated") else "de_facto" if o.startswith("de facto")
                   else "independent" if o.startswith("independent") else "autonomy" if o.startswith("autonomy")
                   else "annexed" if o.startswith("annexed") else "")
        geo = r["enclave_or_peripheral"].lower()
        geography = "enclave" if geo.startswith("enclave") else "peripheral"
        ps = r["parent_state_unitary_or_federal"]
        structure = "" if "UNVERIFIED" in ps else ("unitary" if ps.lower().startswith("unitary") else
                                                   "federal" if ps.lower().startswith("federal") else "")

        def num(x):
            x = str(x).replace(",", "").strip()
            return float(x) if re.fullmatch(r"[0-9.]+", x) else None
        notes = [r["uncertainty_notes"],
                 f"geography in facts: {r['enclave_or_peripheral']}",
                 f"land border with patron in facts: {r['land_border_with_patron']}",
                 f"prior statehood in facts: {r['prior_statehood_tradition']}",
                 f"patron in facts: {r['patron_state']}",
                 f"parent structure in facts: {ps}",
                 f"population year in facts: {r['region_population_year']}"]
        if geo.startswith("non-contiguous"):
            notes.append("coded 'peripheral': a non-contiguous wing is not an enclave")
        rows.append(dict(
            case_id=slugify(r["region"].split("(")[0]), region=r["region"], parent_state=r["parent_state"],
            period=r["period"], outcome=outcome, outcome_note=r["outcome"], geography=geography,
            border_with_patron=_tf(r["land_border_with_patron"]), area_km2=num(r["area_km2"]),
            parent_area_km2=num(r["parent_area_km2"]),
            territory_share_pct=num(r["region_share_of_parent_territory_pct"]),
            population=num(r["region_population"]), population_year=year_of(r["region_population_year"]),
            share_of_parent_population_pct=num(r["share_of_parent_population_pct"]),
            prior_statehood=_tf(r["prior_statehood_tradition"]), patron=_patron(r["patron_state"]),
            parent_structure=structure,
            unsc_territorial_integrity=_tf(r["un_security_council_resolutions_on_territorial_integrity"]),
            sources=fix_sources(clean_reading_refs(r["sources"])), uncertainty_notes="; ".join(n for n in notes if n)))
    df = pd.DataFrame(rows)
    for (case, col), value in secession.OVERRIDES.items():
        i = df.index[df["case_id"] == case]
        if len(i) != 1 or col not in df.columns:
            raise ValueError(f"secession override for unknown cell {case}.{col}")
        df.loc[i, "uncertainty_notes"] += f"; {col} recoded from {df.at[i[0], col]!r} (see secession_justifications.csv)"
        df.at[i[0], col] = value
    for c in ("area_km2", "parent_area_km2", "population"):
        df[c] = df[c].round(0).astype("Int64")
    df["population_year"] = df["population_year"].astype("Int64")
    return df.sort_values("case_id").reset_index(drop=True)


#: secession_cases column -> the facts/secession_cases.csv column its value is parsed from.
SECESSION_FACT_COLUMNS = {
    "outcome": "outcome", "geography": "enclave_or_peripheral", "border_with_patron": "land_border_with_patron",
    "patron": "patron_state", "territory_share_pct": "region_share_of_parent_territory_pct",
    "share_of_parent_population_pct": "share_of_parent_population_pct",
    "prior_statehood": "prior_statehood_tradition", "parent_structure": "parent_state_unitary_or_federal",
    "unsc_territorial_integrity": "un_security_council_resolutions_on_territorial_integrity"}


def _cell_text(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def build_secession_justifications(facts: Path, cases: pd.DataFrame) -> pd.DataFrame:
    """One row per coded cell of ``cases``: its value, a one-line justification and a source."""
    sc = pd.read_csv(facts / "secession_cases.csv", dtype=str).fillna("")
    sc.index = [slugify(r.split("(")[0]) for r in sc["region"]]
    unused = set(secession.JUSTIFICATIONS) - {(c, col) for c in cases["case_id"] for col in secession.CODED_COLUMNS}
    if unused:
        raise ValueError(f"secession justifications for unknown cells: {sorted(unused)}")
    rows = []
    for _, r in cases.iterrows():
        for col in secession.CODED_COLUMNS:
            value = _cell_text(r[col])
            judged = secession.JUSTIFICATIONS.get((r["case_id"], col))
            if judged:
                just, src = judged
            else:
                just = secession.default_justification(col, value, sc.at[r["case_id"], SECESSION_FACT_COLUMNS[col]])
                src = f"{secession.FACTS} ({r['region']} row; its sources: {r['sources']})"
            rows.append(dict(case_id=r["case_id"], column=col, value=value, justification=just, source=src))
    return pd.DataFrame(rows).sort_values(["case_id", "column"]).reset_index(drop=True)


# ======================================================================================
# Validation
# ======================================================================================

def _act_problems(acts: pd.DataFrame, codes_ok: set[str]) -> list[str]:
    problems = []
    if acts["act_id"].duplicated().any():
        problems.append("duplicate act_id")
    if not acts["act_id"].str.fullmatch(r"[a-z0-9-]+").all():
        problems.append("act_id not a slug")
    problems += [f"security_acts.{col} unknown codes {set(acts[col]) - codes_ok}"
                 for col in ("actor", "target") if set(acts[col]) - codes_ok]
    if not set(acts["valence"]) <= {-1, 1}:
        problems.append("valence outside {-1, 1}")
    if not set(acts["intensity"]) <= {1, 2}:
        problems.append("intensity outside {1, 2}")
    if (acts["source"].str.len() == 0).any() or (acts["justification"].str.len() == 0).any():
        problems.append("act without source or justification")
    e = acts["end_year"].dropna()
    if (e < acts.loc[e.index, "start_year"]).any():
        problems.append("end_year before start_year")
    if not acts["start_year"].between(1988, 2025).all():
        problems.append("start_year outside 1988-2025")
    return problems


def _event_problems(ev: pd.DataFrame, codes_ok: set[str]) -> list[str]:
    problems = [f"events.states unknown {set(s.split(';')) - codes_ok}"
                for s in ev["states"] if set(s.split(";")) - codes_ok]
    disp = ev[ev.category == "displacement"]["event"].str.lower()
    problems += [f"missing displacement event: {needle}"
                 for needle in ("azerbaijanis from armenia", "armenians from azerbaijan", "karabakh armenians",
                                "nagorno-karabakh and the seven")
                 if not disp.str.contains(needle).any()]
    return problems


def validate(tables: dict[str, pd.DataFrame]) -> None:
    codes_ok = set(tables["actors.csv"]["actor"])
    problems = _act_problems(tables["security_acts.csv"], codes_ok)
    problems += _event_problems(tables["events.csv"], codes_ok)
    problems += [f"{name}: empty source" for name, df in tables.items()
                 if "source" in df.columns and name != "identity_dyads.csv"
                 and (df["source"].fillna("").str.len() == 0).any()]
    idd = tables["identity_dyads.csv"]
    if (idd["historical_memory"].isna() & ~idd["memory_justification"].str.startswith("Empty")).any():
        problems.append("identity_dyads: empty memory without an 'Empty:' justification")
    if set(tables["separatist_regions.csv"]["patron"].dropna()) - codes_ok:
        problems.append("separatist patron unknown code")
    if problems:
        raise SystemExit("VALIDATION FAILED:\n  " + "\n  ".join(problems))


# ======================================================================================

def main(argv=None) -> int:
    repo = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=repo / "data" / "raw",
                    help="folder with facts/ and extracts/ (default: data/raw/)")
    ap.add_argument("--out", type=Path, default=repo / "data", help="output folder (default: data/)")
    args = ap.parse_args(argv)
    # The readings are only cited (by line, in strings): they are not inputs.
    facts, ds = args.raw / "facts", args.raw / "extracts"
    for f in (facts / "events.csv", ds / "ucdp_prio_acd_v25_1_south_caucasus.csv"):
        if not f.exists():
            raise SystemExit(f"missing input: {f}")
    tables = {
        "actors.csv": build_actors(),
        "memberships.csv": build_memberships(facts),
        "events.csv": build_events(facts),
        "dyads_observed.csv": build_dyads_observed(facts),
        "identity.csv": build_identity(facts),
        "identity_dyads.csv": build_identity_dyads(),
        "security_acts.csv": build_security_acts(ds),
        "instability_events.csv": build_instability(),
        "separatist_regions.csv": build_separatist(),
        "land_borders.csv": build_land_borders(facts, ds),
        "secession_cases.csv": build_secession_cases(facts),
    }
    tables["secession_justifications.csv"] = build_secession_justifications(facts, tables["secession_cases.csv"])
    validate(tables)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df.to_csv(args.out / name, index=False, lineterminator="\n", encoding="utf-8")
        print(f"wrote {name}: {len(df)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
