"""Coded rows for 2020–2025: the two periods after the 2020 war.

Row formats (the same tuples as the lists of the same name in ``scripts/build_coded.py``):

- ``EVENTS``: ``(date, end_date, date_precision, event, states, category, narratives, source, note)``
- ``SECURITY_ACTS``: ``(act_id, actor, target, kind, valence, intensity, start_year, end_year,
  label, description, justification, source)``
- ``INSTABILITY``: ``(state, date, kind, dimension, description, source)``
- ``OBSERVED``: ``(state, partner, period, score, justification, source, certainty, coding_basis)``
  for the periods ``2020-2022`` and ``2023-2025``; they replace the shared fact table's rows for
  the periods named in ``REPLACED_PERIODS``.
- ``SECURITY_ACTS_2025``: the acts starting in 2025, kept apart for review and appended to
  ``SECURITY_ACTS``.

Sources are defined once as ``S_*`` constants and reused; every row cites at least one address.
"""
from __future__ import annotations

#: Periods of ``facts/dyads.csv`` whose rows :data:`OBSERVED` replaces.
REPLACED_PERIODS: tuple[str, ...] = ("2020-2024",)

# ---------------------------------------------------------------------------------------------
# Sources used by several rows (one place each; addresses checked with the search tool)
# ---------------------------------------------------------------------------------------------
GARIBOV = "Garibov reading (garibov-friends-and-foes-south-caucasus.txt)"
UCDP = "UCDP/PRIO Armed Conflict Dataset v25.1 (data-sources/ucdp_prio_acd_v25_1_south_caucasus.csv)"
S_TRILATERAL = f"{GARIBOV} lines 505-511"
S_SEPT2022 = ("Novaya Gazeta Europe 13 Sep 2022 (https://novayagazeta.eu/articles/2022/09/13/armenia-calls-for-"
              "help-from-russia-un-security-council-and-csto-after-hostilities-with-azerbaijan-news); "
              "Mikroskop Media 15 Sep 2022 (https://mikroskopmedia.com/en/2022/09/15/international-reactions-"
              "to-azerbaijan-following-september-13-14-clashes/)")
S_OFFENSIVE = ("OC Media 28 Sep 2023 (https://oc-media.org/nagorno-karabakh-republic-to-dissolve-by-january-2024/); "
               "TASS 17 Apr 2024 (https://tass.com/politics/1776731)")
S_PEACE_TEXT = ("Reuters text via asian-news.net 13 Mar 2025 (https://asian-news.net/post/armenia-and-azerbaijan-"
                "agree-treaty-terms-to/34494)")
S_WASHINGTON = ("RFE/RL Armenian Service 8 Aug 2025 (CDN mirror https://d280gayb62sbv.cloudfront.net/amp/33498194.html); "
                "report.az 11 Mar 2026, Pashinyan to the European Parliament (party statement) "
                "(https://report.az/en/region/pashinyan-peace-with-azerbaijan-to-have-millennia-long-significance)")
S_907_2025 = ("Caucasus Watch, Federal Register memorandum of 8 Aug 2025 extending the Section 907 waiver "
              "(https://www.caucasuswatch.de/en/news/trump-extends-section-907-waiver-to-azerbaijan.html)")
S_CSTO_FREEZE = ("Kyiv Independent 23 Feb 2024 (https://kyivindependent.com/pashinyan-armenia-freezes-participation-in-"
                 "russian-led-security-coalition/); PanARMENIAN citing RFE/RL 12 Jun 2024 "
                 "(https://panarmenian.net/m/eng/news/314664)")
S_PK_WITHDRAWAL = ("AFP via The Standard 12 Jun 2024 (https://www.standardmedia.co.ke/sports/amp/europe/article/"
                   "2001497089/azerbaijan-says-russian-peacekeepers-have-completed-withdrawal)")
S_EUMA = "Asbarez 20 Feb 2023 (https://asbarez.com/eu-launches-two-year-mission-in-armenia/)"
S_ARM_EU_LAW = ("Politico Europe 26 Mar 2025 (https://www.politico.eu/article/armenia-adopts-law-launch-european-"
                "union-accession-process/)")
S_ARM_USA_2025 = ("Kyiv Independent 14 Jan 2025 (https://kyivindependent.com/us-armenia-sign-strategic-partnership-"
                  "agreement)")
S_ARM_TUR_2022 = ("Hurriyet Daily News 2 Jul 2022 (https://www.hurriyetdailynews.com/turkiye-armenia-agree-to-allow-"
                  "border-crossing-for-visiting-3rd-country-citizens-175026); Eurasia Review/PanARMENIAN 3 Jul 2022 "
                  "(https://www.eurasiareview.com/03072022-armenia-turkey-agree-to-open-border-for-third-country-citizens/)")
S_MARGARA_2024 = ("Massis Post Jul 2024 (https://massispost.com/2024/07/armenian-and-turkish-special-envoys-hold-"
                  "margara-border-special-representatives-for-the-normalization-process-between-armenia-and-"
                  "turkey-deputy-speaker-of-the-national-assembly-of-armenia-r/)")
S_ISTANBUL_2025 = "RFE/RL Armenian Service 20 Jun 2025 (CDN mirror https://d3av24re7l4wwl.cloudfront.net/a/33450245.html)"
S_YEREVAN_ENVOYS_2025 = ("Mirror-Spectator/OC Media 16 Sep 2025 (https://mirrorspectator.com/2025/09/16/armenian-and-"
                         "turkish-special-envoys-hold-talks-in-yerevan/)")
S_ARM_TUR_2024_25 = f"{S_MARGARA_2024}; {S_ISTANBUL_2025}; {S_YEREVAN_ENVOYS_2025}"
S_ARM_GEO_2024 = ("Azatutyun (RFE/RL) 26 Jan 2024 (https://azatutyun.am/a/32793470.html); Mediamax 26 Jan 2024 "
                  "(https://mediamax.am/en/news/foreignpolicy/53744/)")
S_IRN_KAPAN = ("EconoTimes Oct 2022 (http://www.econotimes.com/Iran-opens-consulate-in-Kapan-as-Tehran-looks-to-"
               "expand-ties-with-Armenia-1643777); Asbarez 2 May 2022 (https://asbarez.com/iran-reasserts-opposition-"
               "to-baku-proposed-corridors/)")
S_IRN_REDLINE = ("Mirror-Spectator/Azatutyun 10 Sep 2024 (https://mirrorspectator.com/2024/09/10/armenian-leaders-"
                 "thank-iran-for-opposing-azeri-corridor/); Turan 6 Sep 2024 (https://turan.az/en/politics/iran-"
                 "continues-to-oppose-the-zangezur-corridor-project-784364)")
S_IRN_DRILLS = ("Eurasianet via ecoi.net (https://www.ecoi.net/en/document/2061313.html); Republic World 2 Oct 2021 "
                "(https://www.republicworld.com/world-news/rest-of-the-world-news/conquerors-of-kheibar-iran-begins-"
                "military-drills-on-border-with-azerbaijan.html)")
S_EMBASSY_REOPEN = ("AP via Hurriyet Daily News 15 Jul 2024 (https://www.hurriyetdailynews.com/azerbaijan-reopens-its-"
                    "embassy-in-iran-198502)")
S_RAISI_DAMS = ("India TV/Reuters 19 May 2024 (https://www.indiatvnews.com/news/world/iran-ebrahim-raisi-foreign-"
                "minister-hossein-amirabdollahian-lives-at-risk-after-helicopter-crash-live-updates-2024-05-19-932278)")
S_PEZESHKIAN = ("JAMnews 28 Apr 2025 (https://jam-news.net/iranian-presidents-visit-to-azerbaijan-strengthening-ties-"
                "and-addressing-issues/)")
S_AZE_IRN_THAW = f"{S_EMBASSY_REOPEN}; {S_RAISI_DAMS}; {S_PEZESHKIAN}"
S_EMBASSY_2023 = ("regionalpost.org (https://regionalpost.org/en/articles/what-is-happening-in-and-around-iran.html)")
S_AZE_RUS_2022 = "AZERTAC text of the Declaration on Allied Interaction, 22 Feb 2022 (facts/memberships.csv)"
S_AZE_RUS_PUTIN_BAKU = ("Mirror-Spectator/Azatutyun 10 Sep 2024 on Putin's 18-19 Aug 2024 visit to Baku "
                        "(https://mirrorspectator.com/2024/09/10/armenian-leaders-thank-iran-for-opposing-azeri-corridor/)")
S_AZAL = ("uslive.com (Aliyev's three demands, 29 Dec 2024) (https://uslive.com/370006); MENAFN/Rio Times "
          "(https://menafn.com/1109038049/Putin-Apologizes-For-Azerbaijan-Airlines-Crash-Stops-Short-Of-Admitting-Fault)")
S_YEKATERINBURG = ("Kyiv Independent 29 Jun 2025 (https://kyivindependent.com/nobot/azerbaijan-cancels-russian-events-"
                   "over-extrajudicial-killings-of-2-citizens-in-russias-yekaterinburg/); Politico Europe 30 Jun 2025 "
                   "(https://www.politico.eu/article/azerbaijan-inhuman-treatment-azeris-russia-diplomatic-spat-moscow-"
                   "arrests-detainment-kremlin-investigation/)")
S_DUSHANBE = ("The Independent 9 Oct 2025 (https://www.independent.co.uk/bulletin/news/russia-putin-azerbaijan-"
              "airlines-plane-crash-b2842674.html)")
S_AZE_EU_2022 = ("European Commission DG NEAR, statement by President von der Leyen with President Aliyev, 18 Jul 2022 "
                 "(https://neighbourhood-enlargement.ec.europa.eu/news/statement-president-von-der-leyen-azerbaijani-"
                 "president-aliyev-2022-07-18_en)")
S_AZE_EU_EP2024 = ("RFE/RL 24 Oct 2024 (https://rferl.org/amp/eu-denounce-azerbaijan-rights-violations-climate/33172014.html); "
                   "Mediamax/TASS 31 Oct 2024 (Gafarova's reply) (https://mediamax.am/en/news/foreignpolicy/56100/)")
S_AZE_USA_TENSION = ("Turan, O'Brien hearing of 16 Nov 2023 (https://turan.az/en/social/how-will-the-deterioration-of-"
                     "relations-with-the-united-states-affect-azerbaijan-774484); Mirror-Spectator/Eurasianet 30 Jan 2025, "
                     "USAID barred from 1 Jun 2024 (https://mirrorspectator.com/2025/01/30/baku-reveals-ban-on-usaid-activity-in-country)")
S_AZE_USA_2020 = "ccbsnews.info (TURAN), waiver extended by Deputy Secretary Biegun (http://ccbsnews.info/en/news/detail/607)"
S_GEO_EU_2022 = ("OC Media 14 Dec 2023 (https://oc-media.org/eu-grants-georgia-candidate-status/); LaPresse 23 Jun 2022 "
                 "(European perspective) (https://lapresse.it/ultima-ora/2022/06/23/ue-vertice-leader-riconosce-prospettiva-europea-per-georgia)")
S_GEO_LAW = ("Censor.net citing RFE/RL 14 May 2024 (https://censor.net/en/news/3489380/law_on_foreign_agents_approved_"
             "by_georgian_parliament_on_14_may); JAMnews (veto override 28 May 2024) (https://jam-news.net/?p=206142)")
S_EUCO_JUNE2024 = "Civil.ge 28 Jun 2024 (European Council conclusions of 27 Jun 2024) (https://civil.ge/archives/614394)"
S_GD_DEFERRAL = "OC Media 28 Nov 2024 (https://oc-media.org/georgian-dream-to-halt-eu-membership-bid/)"
S_ODIHR = ("tiflisnews.ge, ODIHR final report of 20 Dec 2024 (https://tiflisnews.ge/en/osce-odihr-releases-final-report-"
           "on-parliamentary-elections-in-georgia); Civil.ge 27 Oct 2024, preliminary IEOM statement (https://civil.ge/archives/631442)")
S_EU_VISA_2025 = ("JAMnews 27 Jan 2025 (https://jam-news.net/eu-suspends-visa-free-travel-for-georgian-diplomatic-"
                  "passport-holders/)")
S_US_GEO_SUSPEND = ("Reuters via Newsmax 30 Nov 2024 (https://www.newsmax.com/world/globaltalk/state-department-georgia-"
                    "strategic-partnership/2024/11/30/id/1189890/); KUNA via MENAFN 30 Nov 2024 "
                    "(https://menafn.com/1108942135/US-Suspends-Strategic-Partnership-With-Georgia)")
S_US_IVANISHVILI = ("Civil.ge 27 Dec 2024 (https://civil.ge/archives/648597); AP via KYMA 27 Dec 2024 "
                    "(https://kyma.com/news/2024/12/27/us-sanctions-the-founder-of-georgias-ruling-political-party/)")
S_RUS_GEO_2023 = ("Anadolu Agency 10 May 2023 (https://aa.com.tr/en/asia-pacific/russia-restores-visa-free-regime-with-"
                  "georgia-from-may-15/2893889); AP via Tribune India 11 May 2023 (Zourabichvili: 'provocation') "
                  "(https://www.tribuneindia.com/news/world/russia-ends-visa-regime-for-georgia-lifts-flight-ban-506726)")
S_GEO_AZE_2025 = ("Mirror-Spectator/Eurasianet 30 Jan 2025 (Bayramov-Bochorishvili press conference in Baku, 16 Jan 2025) "
                  "(https://mirrorspectator.com/2025/01/30/baku-reveals-ban-on-usaid-activity-in-country)")

BASIS = "coder judgement from cited facts; split of the former 2020-2024 period (issue 11)"


def _basis(note: str = "") -> str:
    return f"{BASIS}; {note}" if note else BASIS


#: (state, partner, period, score, justification, source, certainty, coding_basis)
OBSERVED: list[tuple] = [
    # ---- Armenia - Azerbaijan
    ("ARM", "AZE", "2020-2022", -2,
     "Second Karabakh War (27 Sep-10 Nov 2020); Azerbaijani strikes inside Armenia 13-14 Sep 2022; "
     "Lachin corridor blocked from 12 Dec 2022",
     f"events.csv 2020-09-27, 2022-09-13, 2022-12-12; {UCDP} conflict 388 (2020); {S_SEPT2022}",
     "sourced", _basis()),
    ("ARM", "AZE", "2023-2025", -1,
     "Period average hides a turn: Sept 2023 offensive and exodus (-2 in 2023), then Tavush delimitation "
     "(Apr-May 2024), agreed peace text (13 Mar 2025) and Washington Joint Declaration with the initialled "
     "(not signed) agreement (8 Aug 2025) - 2025 alone about 0",
     f"events.csv 2023-09-19, 2023-09-24; {S_OFFENSIVE}; {S_PEACE_TEXT}; {S_WASHINGTON}",
     "uncertain", _basis("2023 alone -2, 2025 alone about 0")),
    # ---- Armenia - EU
    ("ARM", "EU", "2020-2022", 1,
     "EaP partner; at Armenia's invitation the EU deployed a monitoring capacity (EUMCAP) on the border "
     "with Azerbaijan from Oct 2022; no membership prospect",
     f"{S_EUMA} (EUMCAP Oct-Dec 2022 preceded EUMA); security_acts eu-eastern-partnership-armenia",
     "sourced", _basis()),
    ("ARM", "EU", "2023-2025", 1,
     "Pivot toward the EU: EU civilian mission (EUMA) from 20 Feb 2023; parliament passes the law launching "
     "the EU accession process (26 Mar 2025) - an aspiration, not an application; still an EEU member. "
     "Rising within +1",
     f"{S_EUMA}; {S_ARM_EU_LAW}",
     "sourced", _basis("carries the 2020-2024 review note: EUMA 2023 supports +1")),
    # ---- Armenia - Georgia
    ("ARM", "GEO", "2020-2022", 1,
     "Generally cooperative relations; Georgia is Armenia's transit route; Javakheti minority tension "
     "(no specific rupture found in sources)",
     f"{GARIBOV} lines 24-26", "sourced", _basis()),
    ("ARM", "GEO", "2023-2025", 1,
     "Declaration on strategic partnership signed 26 Jan 2024 (defence and security not among its areas); "
     "cooperative, not an alliance",
     f"{S_ARM_GEO_2024}; {GARIBOV} lines 24-26", "sourced", _basis()),
    # ---- Armenia - Iran
    ("ARM", "IRN", "2020-2022", 1,
     "'Well-developed cooperation with Iran'; Iran rejects any 'corridor' through Syunik and opens a "
     "consulate general in Kapan (Oct 2022)",
     f"{GARIBOV} lines 19-20; {S_IRN_KAPAN}", "sourced", _basis()),
    ("ARM", "IRN", "2023-2025", 1,
     "Iran keeps calling any change of Armenia's borders or a 'Zangezur corridor' a red line (Sept 2024); "
     "Armenian leaders thank Tehran",
     f"{GARIBOV} lines 19-20; {S_IRN_REDLINE}", "sourced", _basis()),
    # ---- Armenia - Russia
    ("ARM", "RUS", "2020-2022", 2,
     "Alliance intact but strained: Russian-brokered ceasefire and 1,960 peacekeepers (Nov 2020); Armenia "
     "invokes the 1997 treaty and CSTO Art. 4 in Sept 2022 and gets only a CSTO monitoring team",
     f"events.csv 2020-09-27 (primeminister.am text of the 10 Nov 2020 statement); {S_SEPT2022}; "
     "1lurer.am 17 Apr 2023 (Armenian government report) (UNCERTAIN for late 2022)",
     "uncertain", _basis("carries the 2020-2024 review note on CSTO non-assistance (Sept 2022); the turn "
                         "begins at the end of the period")),
    ("ARM", "RUS", "2023-2025", 0,
     "Hedge: CSTO participation frozen (22 Feb 2024), CSTO budget not paid, PM says Armenia 'will leave' "
     "(12 Jun 2024); Russian peacekeepers leave Karabakh (Apr-Jun 2024); the Gyumri base, the 1997 treaty "
     "and EEU membership remain",
     f"{S_CSTO_FREEZE}; {S_PK_WITHDRAWAL}; RT 2024-02-22; arminfo (Zakharova 'our countries remain allies')",
     "uncertain", _basis("between 0 and -1; 2023 alone about +1 (formal membership, no freeze yet)")),
    # ---- Armenia - Turkey
    ("ARM", "TUR", "2020-2022", -1,
     "Period average hides a turn: Turkey backed Azerbaijan in the 2020 war (UCDP secondary party; -2 in "
     "2020), then normalisation envoys from Dec 2021, charter flights Feb 2022 and the 1 Jul 2022 deal to "
     "open the border to third-country nationals (not implemented); border closed, no relations",
     f"{UCDP} conflict 388 (2020); {S_ARM_TUR_2022}", "uncertain", _basis("2020 alone -2, 2022 alone about 0")),
    ("ARM", "TUR", "2023-2025", 0,
     "Normalisation talks without relations: envoys meet at the Margara crossing (Jul 2024) and in Yerevan "
     "(Sep 2025); Pashinyan meets Erdogan in Istanbul (20 Jun 2025); border still closed; Ankara ties "
     "normalisation to an Armenia-Azerbaijan settlement",
     S_ARM_TUR_2024_25, "sourced", _basis()),
    # ---- Armenia - USA
    ("ARM", "USA", "2020-2022", 1,
     "Cooperative: NATO partnership; the US urged Azerbaijan to cease hostilities and pull back after the "
     "Sept 2022 fighting; no defence commitment",
     f"{S_SEPT2022}; security_acts nato-partnership-armenia", "sourced", _basis()),
    ("ARM", "USA", "2023-2025", 1,
     "Closer partnership without a guarantee: Strategic Partnership Commission charter (14 Jan 2025); US-"
     "hosted Washington summit (8 Aug 2025) and the US-developed TRIPP route through Syunik",
     f"{S_ARM_USA_2025}; {S_WASHINGTON}; Al Mayadeen 2024", "sourced", _basis("rising within +1")),
    # ---- Azerbaijan - EU
    ("AZE", "EU", "2020-2022", 1,
     "Energy partnership: Memorandum of Understanding on a strategic partnership in energy (18 Jul 2022), "
     "pledge to double gas supplies via the Southern Gas Corridor; new framework agreement under negotiation",
     f"{S_AZE_EU_2022}; aircenter.az (EDM 2022)", "sourced", _basis()),
    ("AZE", "EU", "2023-2025", 1,
     "Energy partnership continues, but the European Parliament (24 Oct 2024) calls for suspending the 2022 "
     "energy MoU and Baku calls the Parliament a tool of a 'hostile and slanderous campaign'; Baku objected "
     "to the EU mission in Armenia",
     f"{S_AZE_EU_EP2024}; {S_EUMA}", "uncertain",
     _basis("executive-level partnership kept; parliamentary relations hostile")),
    # ---- Azerbaijan - Georgia
    ("AZE", "GEO", "2020-2022", 2, "Trilateral Azerbaijan-Georgia-Turkey strategic format continues",
     S_TRILATERAL, "sourced", _basis()),
    ("AZE", "GEO", "2023-2025", 2,
     "Trilateral format continues; regular foreign-minister meetings (Baku, 16 Jan 2025)",
     f"{S_TRILATERAL}; {S_GEO_AZE_2025}", "sourced", _basis()),
    # ---- Azerbaijan - Iran
    ("AZE", "IRN", "2020-2022", -1,
     "'Difficult relationship with Iran'; Iranian 'Conquerors of Kheibar' drills on the border (Oct 2021)",
     f"{GARIBOV} lines 32-33; {S_IRN_DRILLS}", "sourced",
     _basis("carries the 2020-2024 review note: 2021 drills support -1")),
    ("AZE", "IRN", "2023-2025", 0,
     "Period average hides a turn: attack on the Azerbaijani embassy in Tehran (27 Jan 2023) and its closure "
     "(-1 or worse in 2023), then a thaw: joint dams opened by Raisi and Aliyev (19 May 2024), embassy "
     "reopened (15 Jul 2024), Pezeshkian's visit to Baku (28 Apr 2025)",
     f"events.csv 2023-01-27; {S_EMBASSY_2023}; {S_AZE_IRN_THAW}", "uncertain",
     _basis("2023 alone -1, 2024-25 about 0")),
    # ---- Azerbaijan - Russia
    ("AZE", "RUS", "2020-2022", 1,
     "Declaration on Allied Interaction (22 Feb 2022): called 'allied' but a declaration, not a ratified "
     "mutual-defence treaty - coded +1 (cooperation) consistent with security_acts "
     "rus-aze-allied-interaction-2022 (intensity 1); Russian peacekeepers deployed in Karabakh under the "
     "Nov 2020 statement",
     f"{S_AZE_RUS_2022}; events.csv 2020-09-27",
     "sourced", _basis("recoded from +2 (2020-2024) to match the security_acts intensity of the declaration")),
    ("AZE", "RUS", "2023-2025", 0,
     "Period average hides a turn: cooperative to 2024 (Putin in Baku 18-19 Aug 2024), then crisis after "
     "the AZAL crash (25 Dec 2024; Aliyev: the plane was shot down by Russia), the Yekaterinburg raids "
     "(27 Jun 2025; two Azerbaijanis killed) and the Sputnik Azerbaijan arrests; partial reset in Dushanbe "
     "(9 Oct 2025)",
     f"{S_AZE_RUS_PUTIN_BAKU}; {S_AZAL}; {S_YEKATERINBURG}; {S_DUSHANBE}", "uncertain",
     _basis("2023-24 about +1, 2025 about -1")),
    # ---- Azerbaijan - Turkey
    ("AZE", "TUR", "2020-2022", 2,
     "Military support in the 2020 war (UCDP secondary party); Shusha Declaration on Allied Relations "
     "(15 Jun 2021, with a mutual-assistance clause)",
     f"{UCDP} conflict 388 (2020); Babayev reading (babayev-karabakh-secession-failure.txt) line(s) 33; report.az",
     "sourced", _basis()),
    ("AZE", "TUR", "2023-2025", 2,
     "Alliance under the Shusha Declaration continues; Aliyev and Erdogan meet before Erdogan receives "
     "Pashinyan (19-20 Jun 2025)",
     f"security_acts tur-aze-shusha-declaration-2021 (Report.az; Trend); {S_ISTANBUL_2025}", "sourced", _basis()),
    # ---- Azerbaijan - USA
    ("AZE", "USA", "2020-2022", 1,
     "Section 907 waiver still extended (signed by Deputy Secretary Biegun in March, hence 2020 - date "
     "inferred); the US urged Azerbaijan to cease hostilities after Sept 2022",
     f"{S_AZE_USA_2020}; {S_SEPT2022}", "uncertain",
     _basis("no 2021-22 waiver record collected; 1 carries the 2008-2019 reading")),
    ("AZE", "USA", "2023-2025", 0,
     "Period average hides a turn: after the Sept 2023 offensive the US says relations cannot be 'business as "
     "usual' (16 Nov 2023), the Senate passes a bill to end the 907 waiver and Baku bars USAID (from 1 Jun "
     "2024); then President Trump extends the 907 waiver at the Washington summit (8 Aug 2025)",
     f"{S_AZE_USA_TENSION}; {S_907_2025}; events.csv 2023-11-15", "uncertain",
     _basis("2023-24 about -1, 2025 about +1")),
    # ---- Georgia - EU
    ("GEO", "EU", "2020-2022", 2,
     "EU membership application (3 Mar 2022); the European Council recognises Georgia's European "
     "perspective (23 Jun 2022); Association Agreement in force",
     S_GEO_EU_2022, "sourced", _basis()),
    ("GEO", "EU", "2023-2025", 0,
     "Period average hides a turn: candidate status (14 Dec 2023), then the foreign-influence law (14/28 May "
     "2024), the European Council's 'de facto halt' of accession (27 Jun 2024), an election ODIHR found marred "
     "by pressure on voters (26 Oct 2024), the government's deferral of accession talks to 2028 (28 Nov 2024) "
     "and EU suspension of visa-free travel for diplomatic passports (27 Jan 2025)",
     f"{S_GEO_EU_2022}; {S_GEO_LAW}; {S_EUCO_JUNE2024}; {S_ODIHR}; {S_GD_DEFERRAL}; {S_EU_VISA_2025}",
     "uncertain", _basis("2023 alone +2, 2025 alone about -1; the Georgian Dream government says it still "
                         "seeks membership (not coded as its own source)")),
    # ---- Georgia - Iran
    ("GEO", "IRN", "2020-2022", 0, "No salient cooperation or conflict found in sources",
     "NO SOURCE - default coding (UNCERTAIN)", "no_source",
     _basis("reviewed: no source found; 0 is a default, not a finding")),
    ("GEO", "IRN", "2023-2025", 0, "No salient cooperation or conflict found in sources",
     "NO SOURCE - default coding (UNCERTAIN)", "no_source",
     _basis("reviewed: no source found; 0 is a default, not a finding")),
    # ---- Georgia - Russia
    ("GEO", "RUS", "2020-2022", -2,
     "Relations remain severed since 2008; Russia garrisons Abkhazia and South Ossetia (no restoration found "
     "in sources)",
     "profilpelajar (Abkhazia-Russia relations) (UNCERTAIN); security_acts rus-recognises-abkhazia-south-ossetia",
     "uncertain", _basis()),
    ("GEO", "RUS", "2023-2025", -1,
     "No diplomatic relations and occupation continue, but Moscow restores visa-free entry and direct flights "
     "(15 May 2023); the Georgian Dream government's rupture with Washington and Brussels (the US sanctions "
     "its founder for acting 'for the benefit of the Russian Federation', Dec 2024) is read by its critics as a "
     "turn toward Moscow; President Zourabichvili called the Russian step a "
     "'provocation'",
     f"{S_RUS_GEO_2023}; {S_US_IVANISHVILI}", "uncertain",
     _basis("government-level thaw without relations; between -1 and 0")),
    # ---- Georgia - Turkey
    ("GEO", "TUR", "2020-2022", 2, "Trilateral Azerbaijan-Georgia-Turkey strategic format continues",
     S_TRILATERAL, "sourced", _basis()),
    ("GEO", "TUR", "2023-2025", 2, "Trilateral Azerbaijan-Georgia-Turkey strategic format continues "
     "(no rupture found in sources)", S_TRILATERAL, "sourced", _basis()),
    # ---- Georgia - USA
    ("GEO", "USA", "2020-2022", 1,
     "Continued partnership: NATO Bucharest promise and partnership programmes in force; no 2020-22 "
     "specific event collected",
     "security_acts nato-bucharest-georgia-2008, nato-partnership-georgia (UNCERTAIN: no 2020-22 source)",
     "uncertain", _basis()),
    ("GEO", "USA", "2023-2025", -1,
     "The US suspends the US-Georgia Strategic Partnership (30 Nov 2024) after the accession U-turn and "
     "police violence, and sanctions Georgian Dream founder Ivanishvili (27 Dec 2024)",
     f"{S_US_GEO_SUSPEND}; {S_US_IVANISHVILI}", "uncertain",
     _basis("2023 alone about +1; 2024-25 -1")),
]

# ---------------------------------------------------------------------------------------------
# EVENTS 2020-2025 (dates not already in facts/events.csv or ADDED_EVENTS; no displacement rows)
# ---------------------------------------------------------------------------------------------
S_TAVUSH = ("Armenian Public Radio 19 Apr 2024, joint commission communique "
            "(https://en.armradio.am/2024/04/19/armenia-azerbaijan-agree-that-the-process-of-delimitation-will-be-"
            "based-on-1991-alma-ata-declaration/); Massis Post Jul 2024 (https://massispost.com/2024/07/armenia-"
            "azerbaijan-report-progress-in-border-delimitation-talks/); news.az 24 May 2024 (Azerbaijani Deputy PM's "
            "office, party statement) (https://news.az/news/-azerbaijani-border-guards-take-control-of-4-liberated-"
            "villages-in-gazakh-)")
S_GEO_2024_PROTESTS = ("JAMnews 1 May 2024 (https://jam-news.net/dispersal-of-protests-in-tbilisi-on-april-30/); "
                       "Politico Europe 30 Apr 2024 (https://www.politico.eu/article/georgia-crack-down-pro-eu-"
                       "protests-russia-law-outcry-ramp-up-foreign-agent-bill-tbilisi/)")
S_GEO_2023_BILL = ("RFE/RL 9 Mar 2023 (https://www.rferl.org/a/georgia-foreign-agent-law-protests/32310152.html); "
                   "Reuters via Devdiscourse 9 Mar 2023 (https://www.devdiscourse.com/article/law-order/2372682-"
                   "georgian-lawmakers-withdraw-foreign-agents-bill---ruling-party)")
S_GEO_ELECTION = ("Civil.ge 27 Oct 2024 (https://civil.ge/archives/631386); Civil.ge 27 Oct 2024, IEOM statement "
                  "(https://civil.ge/archives/631442); OC Media 19 Dec 2024 (https://oc-media.org/kobakhidze-praises-"
                  "osce-odihr-final-report/)")
S_GEO_PROTESTS_NOV = ("Amnesty International briefing of 13 Dec 2024 via Media Coalition "
                      "(https://mediacoalition.ge/en/amnesty-international-demonstraciis-darbevisas-adamianis-"
                      "uflebata-darghvevebi-shemzaravia)")
S_EPF_ARMENIA = ("Babel.ua citing the Council of the EU, 22 Jul 2024 (https://babel.ua/en/news/109232-the-eu-council-"
                 "approved-military-aid-to-armenia-for-the-first-time); news.az citing the Council website "
                 "(https://news.az/news/eu-announces-10-million-defense-aid-to-armenia)")
S_EAGLE = ("Mediamax 7 Sep 2023 (Armenian MoD and US DoD releases) (https://mediamax.am/en/news/armypolice/52384/); "
           "Babel.ua citing RFE/RL 11 Sep 2023 (https://babel.ua/en/news/98364-joint-military-exercises-with-the-usa-"
           "have-begun-in-armenia-the-kremlin-is-wary)")
S_MINSK = ("Armenian Public Radio 28 Aug 2025, OSCE Secretariat (https://en.armradio.am/2025/08/28/osce-minsk-group-"
           "closure-expected-on-september-1/); Trend 1 Sep 2025, OSCE Chair's statement "
           "(https://www.trend.az/azerbaijan/politics/4085982.html); Mediamax 1 Dec 2025 quoting the OSCE release "
           "(https://mediamax.am/en/news/foreignpolicy/59419/)")
S_GEO_FARA = ("Civil.ge (analysis of the draft, Mar 2025) (https://civil.ge/archives/667118); Izvestia citing Tabula, "
              "2 Apr 2025 (https://en.iz.ru/en/1864274/2025-04-02/president-georgia-signed-similar-american-law-"
              "foreign-agents); JAMnews Apr 2025 (https://jam-news.net/georgia-approves-bill-outlawing-foreign-grants-"
              "without-government-approval/)")
S_AMAGHLOBELI = ("The Messenger 7 Aug 2025 (http://www.messenger.com.ge/issues/5955_august_7_2025/5955_liza.html); "
                 "Batumelebi 18 Nov 2025 (appeal upheld) (https://batumelebi.netgazeti.ge/articles-in-english/595399/)")
S_VISA_DEC2025 = ("OC Media Dec 2025 (https://oc-media.org/eu-says-georgias-entire-population-at-risk-of-losing-visa-"
                  "free-travel); The Messenger 22 Dec 2025 (http://www.messenger.com.ge/issues/6049_december_22_2025/"
                  "6049_liza.html)")
S_ARM_2021_ELECTION = ("Armenpress 22 Jun 2021 (https://armenpress.am/eng/news/1056166/); Wikipedia '2021 Armenian "
                       "parliamentary election' (https://en.wikipedia.org/wiki/2021%20Armenian%20parliamentary%20election)")
S_ARM_FEB2021 = ("RFE/RL 25 Feb 2021 (https://www.rferl.org/a/armenian-prime-minister-says-military-demands-for-his-"
                 "resignation-attempt-at-coup/31121109.html); AP via Los Angeles Times 25 Feb 2021 "
                 "(https://www.latimes.com/world-nation/story/2021-02-25/armenian-prime-minister-military-demand-"
                 "resign-warns-coup); OC Media 25 Feb 2021 (https://oc-media.org/pashinyan-this-is-a-military-coup/)")

#: (date, end_date, date_precision, event, states, category, narratives, source, note)
EVENTS: list[tuple] = [
    ("2021-06-20", "", "day",
     "Armenian snap parliamentary election after the post-war crisis: Civil Contract 53.9%",
     "ARM", "election",
     "The runner-up Armenia Alliance alleged fraud and appealed; the Constitutional Court upheld the result; "
     "OSCE observers assessed the vote positively overall.",
     S_ARM_2021_ELECTION, ""),
    ("2022-07-01", "", "day",
     "Armenia-Turkey normalisation envoys (4th round, Vienna) agree to open the land border to third-country "
     "nationals and to start direct air cargo; talks since 14 Jan 2022",
     "ARM;TUR", "diplomacy", "", S_ARM_TUR_2022,
     "the border opening had not been implemented by Jul 2024 (Massis Post)"),
    ("2022-07-18", "", "day",
     "EU-Azerbaijan Memorandum of Understanding on a strategic partnership in energy: pledge to double gas "
     "supplies via the Southern Gas Corridor to 20 bcm a year",
     "EU;AZE", "energy",
     "The Commission called Azerbaijan a 'reliable' partner replacing Russian gas; in Oct 2024 the European "
     "Parliament called for suspending the MoU over human-rights abuses.",
     f"{S_AZE_EU_2022}; {S_AZE_EU_EP2024}", ""),
    ("2023-03-07", "2023-03-09", "day",
     "Georgian parliament passes a 'foreign agents' bill in first reading; two nights of mass protests; the "
     "ruling party withdraws the bill on 9 Mar",
     "GEO", "other",
     "Critics and protesters called it a copy of Russian legislation; Georgian Dream withdrew it citing the "
     "need to reduce 'confrontation' in society.",
     S_GEO_2023_BILL, "original category: legislation / protest (no matching category)"),
    ("2023-05-10", "", "day",
     "Russia lifts the visa requirement for Georgians and its 2019 ban on direct flights to Georgia (from 15 "
     "May 2023)",
     "RUS;GEO", "diplomacy",
     "Moscow presented it as facilitating contacts despite the absence of diplomatic relations; President "
     "Zourabichvili called it 'another Russian provocation'.",
     S_RUS_GEO_2023, ""),
    ("2024-01-26", "", "day",
     "Armenia and Georgia sign a declaration establishing a strategic partnership (Tbilisi)",
     "ARM;GEO", "diplomacy", "", S_ARM_GEO_2024, "defence and security not among the listed areas (Azatutyun)"),
    ("2024-04-19", "2024-05-24", "day",
     "Armenia-Azerbaijan border commissions provisionally agree the first delimited sections by four Gazakh "
     "villages facing Armenia's Tavush region, on the basis of the 1991 Alma-Ata Declaration; protocol signed "
     "15 May; Azerbaijani border guards take over the area 24 May (12.7 km line)",
     "ARM;AZE", "diplomacy",
     "Baku calls the villages 'liberated'; the Armenian government says no Armenian land was ceded and the line "
     "follows the Soviet-era border; Tavush residents and the 'Tavush for the Homeland' movement protested.",
     S_TAVUSH, "see instability_events ARM 2024-05-09"),
    ("2024-05-14", "2024-05-28", "day",
     "Georgian parliament passes the Law on Transparency of Foreign Influence (third reading, 84-30) amid mass "
     "protests; parliament overrides the president's veto on 28 May",
     "GEO", "other",
     "Georgian Dream presents it as transparency of foreign funding; the Venice Commission urged its repeal "
     "and the EU calls it backsliding; opponents call it the 'Russian law'.",
     f"{S_GEO_LAW}; EU Neighbours East 22 May 2024 (https://www.einpresswire.com/article/714272431/eu-calls-"
     "georgia-to-follow-venice-commission-recommendation-to-repeal-law-on-foreign-influence)",
     "original category: legislation (no matching category); NGOs and media with over 20% foreign funding must register"),
    ("2024-05-19", "", "day",
     "Presidents Raisi and Aliyev open the jointly built Qiz Qalasi/Khudafarin dams on the Aras; Raisi dies in "
     "a helicopter crash on the way back",
     "IRN;AZE", "diplomacy", "",
     S_RAISI_DAMS, ""),
    ("2024-06-12", "", "day",
     "Pashinyan tells parliament Armenia 'will leave' the CSTO and will decide when; the MFA had said Armenia "
     "would not fund the CSTO's 2024 budget",
     "ARM;RUS", "diplomacy",
     "Pashinyan accuses CSTO members of helping Azerbaijan prepare the 2020 war; Moscow says the countries "
     "remain allies. No formal withdrawal by Dec 2025 found.",
     "PanARMENIAN citing RFE/RL 12 Jun 2024 (https://panarmenian.net/m/eng/news/314664); arminfo (Zakharova)", ""),
    ("2024-06-27", "", "day",
     "European Council conclusions: Georgia's course, incl. the foreign-influence law, jeopardises its EU path, "
     "'de facto leading to a halt of the accession process'",
     "EU;GEO", "diplomacy", "", S_EUCO_JUNE2024, ""),
    ("2024-07-15", "", "day",
     "Azerbaijan's embassy in Tehran resumes work at a new address, closed since the Jan 2023 attack",
     "AZE;IRN", "diplomacy", "",
     S_EMBASSY_REOPEN, ""),
    ("2024-07-22", "", "day",
     "Council of the EU adopts the first European Peace Facility measure for Armenia (EUR 10 million, a "
     "battalion tent camp) and opens a visa-liberalisation dialogue",
     "EU;ARM", "diplomacy", "Hungary had blocked the measure in spring 2024, asking for Azerbaijan to be included.",
     f"{S_EPF_ARMENIA}; eu-east.com citing RFE/RL (http://eu-east.com/world-news/armenia-to-receive-10-million-"
     "from-eu-european-peace-facility)", "non-lethal assistance"),
    ("2024-07-30", "", "day",
     "5th meeting of the Armenia-Turkey normalisation envoys (Rubinyan, Kilic) at the Margara/Alican border "
     "crossing: study of reopening the Akhurik/Akyaka rail crossing, simpler visas for official passports",
     "ARM;TUR", "diplomacy", "", S_MARGARA_2024,
     "first meeting in two years; the Turkish MFA statement is reported as dated 30 July"),
    ("2024-10-24", "", "day",
     "European Parliament resolution condemns repression in Azerbaijan ahead of COP29 and calls for ending EU "
     "dependence on Azerbaijani gas",
     "EU;AZE", "diplomacy",
     "The speaker of Azerbaijan's parliament called the European Parliament a tool of a 'hostile and slanderous "
     "campaign' (party statement).", S_AZE_EU_EP2024, "a Parliament resolution, not an EU executive decision"),
    ("2024-10-26", "2024-11-16", "day",
     "Georgian parliamentary election: Georgian Dream 53.93% and 89 of 150 seats (final CEC protocol 16 Nov); "
     "most of the opposition rejects the result",
     "GEO", "election",
     "International observers (ODIHR-led) reported pressure on voters and an uneven playing field; PM "
     "Kobakhidze said ODIHR found the vote 'free and competitive', terms the report did not use; the opposition "
     "and President Zourabichvili called it rigged.",
     f"{S_GEO_ELECTION}; {S_ODIHR}", "see instability_events GEO 2024-10-28"),
    ("2024-11-28", "", "day",
     "Georgian PM Kobakhidze says EU accession talks will not be on the agenda until the end of 2028 and Georgia "
     "will refuse EU budget grants; nightly pro-EU protests begin 29 Nov",
     "GEO;EU", "diplomacy",
     "The government presents it as rejecting EU 'blackmail' while keeping the membership goal; Amnesty "
     "documented over 460 detained and about 300 reporting beatings by mid-Dec 2024.",
     f"{S_GD_DEFERRAL}; {S_GEO_PROTESTS_NOV}", "see instability_events GEO 2024-11-28"),
    ("2024-11-30", "", "day",
     "The US suspends its Strategic Partnership with Georgia over the accession U-turn and police violence",
     "USA;GEO", "diplomacy", "", S_US_GEO_SUSPEND, ""),
    ("2024-12-25", "", "day",
     "An Azerbaijan Airlines Embraer 190 (Baku-Grozny) crashes near Aktau (Kazakhstan) after being hit over "
     "Russia; 38 of 67 on board die",
     "AZE;RUS", "other",
     "Aliyev said the plane was shot down by Russia, unintentionally, and demanded an apology, admission of "
     "guilt and compensation; Putin apologised that the 'tragic incident' happened in Russian airspace without "
     "admitting fault, and on 9 Oct 2025 said two Russian air-defence missiles exploded metres from the plane.",
     f"{S_AZAL}; {S_DUSHANBE}", "Kazakhstan (crash site) has no actor code in this course"),
    ("2024-12-27", "", "day",
     "The US sanctions Georgian Dream founder Bidzina Ivanishvili (OFAC, E.O. 14024) for undermining Georgia's "
     "democratic and Euro-Atlantic future 'for the benefit of the Russian Federation'",
     "USA;GEO", "sanctions", "", S_US_IVANISHVILI, ""),
    ("2025-01-14", "", "day",
     "The US and Armenia sign a Charter establishing a Strategic Partnership Commission (economy, security and "
     "defence, democracy, exchanges)",
     "USA;ARM", "diplomacy", "", S_ARM_USA_2025, ""),
    ("2025-01-27", "", "day",
     "The Council of the EU suspends visa-free travel benefits for Georgian diplomatic-passport holders and "
     "officials (ordinary passports unaffected)",
     "EU;GEO", "sanctions", "", S_EU_VISA_2025, ""),
    ("2025-03-13", "", "day",
     "Armenia and Azerbaijan announce agreement on the text of the 'Agreement on Peace and Establishment of "
     "Interstate Relations'",
     "ARM;AZE", "diplomacy",
     "Baku conditions signature on amending Armenia's constitution and dissolving the OSCE Minsk Group; "
     "Yerevan calls the text ready for signing.",
     S_PEACE_TEXT, ""),
    ("2025-03-26", "", "day",
     "Armenia's parliament passes (64-7) the law launching the country's EU accession process, a citizens' "
     "initiative; signed by the president on 4 Apr 2025",
     "ARM;EU", "diplomacy",
     "Officials say it is not a membership application and the PM says a referendum would be needed; Russia "
     "warned it conflicts with EAEU membership.",
     S_ARM_EU_LAW, ""),
    ("2025-04-01", "2025-04-16", "day",
     "Georgian parliament passes a Foreign Agents Registration Act modelled on the US FARA (criminal "
     "liability) and, on 16 Apr, a grants law requiring government approval of foreign grants",
     "GEO", "other",
     "Georgian Dream says the law is a translation of the US FARA; critics say it hardens the 2024 law against "
     "civil society and media.",
     S_GEO_FARA, "original category: legislation (no matching category)"),
    ("2025-04-28", "", "day",
     "Iranian President Pezeshkian pays an official visit to Baku; cooperation documents signed",
     "IRN;AZE", "summit", "",
     S_PEZESHKIAN, ""),
    ("2025-06-20", "", "day",
     "Pashinyan meets Erdogan in Istanbul, the first such bilateral visit; no concrete agreements announced",
     "ARM;TUR", "summit", "Erdogan ties normalisation to an Armenia-Azerbaijan settlement.",
     S_ISTANBUL_2025, ""),
    ("2025-06-27", "2025-07-01", "day",
     "Russian police raid ethnic Azerbaijanis' homes in Yekaterinburg; brothers Ziyaddin and Huseyn Safarov "
     "die; Baku cancels Russian cultural events and an official visit, then raids Sputnik Azerbaijan and "
     "arrests Russian citizens",
     "AZE;RUS", "other",
     "Baku calls the deaths ethnically motivated extrajudicial killings; Russian investigators say the raids "
     "concerned murders from 2001-2011 and one suspect died of heart failure; Baku calls the arrested Sputnik "
     "staff FSB officers, Moscow calls them journalists.",
     S_YEKATERINBURG, ""),
    ("2025-08-06", "", "day",
     "Batumi court sentences journalist Mzia Amaghlobeli (Batumelebi/Netgazeti) to two years in prison; upheld "
     "on appeal 18 Nov 2025",
     "GEO", "other",
     "Her lawyers and President Zourabichvili call the case political; the court reclassified the charge of "
     "slapping the Batumi police chief to a lesser offence.",
     S_AMAGHLOBELI, "original category: press-freedom case (no matching category)"),
    ("2025-08-08", "", "day",
     "Washington summit: the Armenian and Azerbaijani foreign ministers initial the peace agreement; Aliyev and "
     "Pashinyan sign a Joint Declaration witnessed by Trump, incl. the US-developed 'Trump Route for "
     "International Peace and Prosperity' (TRIPP) through Syunik; joint appeal to close the OSCE Minsk process",
     "ARM;AZE;USA", "summit",
     "Armenia stresses its sovereignty, jurisdiction and border/customs control over the route; Azerbaijani "
     "media had called it the 'Zangezur corridor'; the treaty was initialled, not signed.",
     f"{S_WASHINGTON}; Obyektiv Media 11 Aug 2025 (https://www.obyektiv.media/post/washington-summit-heralds-"
     "new-era-for-armenia-azerbaijan-relations-igniting-regional-debate)", ""),
    ("2025-08-08", "", "day",
     "President Trump extends the waiver of Section 907 of the FREEDOM Support Act for Azerbaijan (memorandum "
     "published in the Federal Register on 15 Aug)",
     "USA;AZE", "sanctions", "", S_907_2025, "sanctions relief"),
    ("2025-09-01", "2025-11-30", "day",
     "The OSCE Ministerial Council decides by consensus (silent procedure) to close the Minsk process and its "
     "structures; closure completed 30 Nov 2025",
     "ARM;AZE;USA;RUS;FRA", "diplomacy", "", S_MINSK, "USA, RUS, FRA: former Minsk Group co-chairs"),
    ("2025-09-12", "", "day",
     "Turkey's envoy Kilic crosses the closed land border for the first envoy talks in Yerevan; they agree to "
     "expedite opening the crossings for third-country nationals and diplomats",
     "ARM;TUR", "diplomacy", "",
     S_YEREVAN_ENVOYS_2025, ""),
    ("2025-10-09", "", "day",
     "In Dushanbe Putin tells Aliyev two Russian air-defence missiles exploded metres from the AZAL plane and "
     "promises compensation and a legal assessment of officials' actions",
     "AZE;RUS", "summit",
     "Putin also cited Ukrainian drones and 'technical failures'; Aliyev spoke of successful relations in 2025.",
     f"{S_DUSHANBE}; Anadolu via A News 9 Oct 2025 (https://www.anews.com.tr/world/2025/10/09/putin-vows-full-"
     "compensation-for-azal-plane-crash-victims)", ""),
    ("2025-12-19", "", "day",
     "European Commission's 8th visa-suspension report: Georgia's backsliding is 'systemic and deliberate'; "
     "suspension of visa-free travel first for official passports, possibly later for all citizens",
     "EU;GEO", "diplomacy", "", S_VISA_DEC2025, "revised mechanism in force 30 Dec 2025"),
]

# ---------------------------------------------------------------------------------------------
# SECURITY_ACTS that start by 2024 (the builder validates start_year 1988-2024)
# ---------------------------------------------------------------------------------------------
#: (act_id, actor, target, kind, valence, intensity, start_year, end_year, label, description,
#:  justification, source)
SECURITY_ACTS: list[tuple] = [
    ("rus-georgia-visa-flights-2023", "RUS", "GEO", "economic_cooperation", 1, 1, 2023, None,
     "Russia restores visa-free entry and direct flights for Georgia (2023-)",
     "Putin's decrees of 10 May 2023 lift the visa requirement for Georgians (from 15 May) and the 2019 flight ban.",
     "An inducement to the Georgian government without restoring diplomatic relations; coded +1, intensity 1. "
     "President Zourabichvili called it a provocation.",
     S_RUS_GEO_2023),
    ("usa-eagle-partner-armenia-2023", "USA", "ARM", "security_assistance", 1, 1, 2023, 2023,
     "US-Armenia 'Eagle Partner 2023' exercise",
     "Peacekeeping exercise, 11-20 Sep 2023, about 85 US and 175 Armenian troops; the Kremlin said it was "
     "watching closely.",
     "Training for peacekeeping interoperability, no defence commitment: intensity 1. Later editions not collected.",
     S_EAGLE),
    ("eu-epf-armenia-2024", "EU", "ARM", "security_assistance", 1, 1, 2024, None,
     "EU European Peace Facility support for Armenia (2024-)",
     "First EPF assistance measure for the Armenian Armed Forces, EUR 10 million for a battalion tent camp, "
     "adopted 22 Jul 2024.",
     "Non-lethal assistance, no defence commitment: intensity 1.",
     S_EPF_ARMENIA),
    ("eu-halts-georgia-accession-2024", "EU", "GEO", "sanctions", -1, 1, 2024, None,
     "EU halts Georgia's accession path and applies visa measures (2024-)",
     "European Council conclusions of 27 Jun 2024 ('de facto leading to a halt of the accession process'); "
     "visa-free travel suspended for Georgian diplomatic-passport holders (27 Jan 2025); Commission warns of wider "
     "suspension (19 Dec 2025).",
     "Conditionality measures aimed at the government, not the population (the EU reaffirms solidarity with "
     "the Georgian people and Georgia's territorial integrity): valence -1, intensity 1. eu-candidate-georgia-2023 "
     "formally stays.",
     f"{S_EUCO_JUNE2024}; {S_EU_VISA_2025}; {S_VISA_DEC2025}"),
    ("usa-suspends-partnership-georgia-2024", "USA", "GEO", "sanctions", -1, 1, 2024, None,
     "US suspends the Strategic Partnership with Georgia and sanctions Ivanishvili (2024-)",
     "State Department suspends the US-Georgia Strategic Partnership (30 Nov 2024); OFAC designates Georgian "
     "Dream founder Ivanishvili (27 Dec 2024).",
     "Measures aimed at the ruling party and government over the accession U-turn and repression: valence -1, "
     "intensity 1.",
     f"{S_US_GEO_SUSPEND}; {S_US_IVANISHVILI}"),
    ("rus-aze-crisis-2024", "RUS", "AZE", "military_pressure", -1, 1, 2024, None,
     "Russia-Azerbaijan crisis after the AZAL downing (Dec 2024-)",
     "Russian air-defence fire downs an Azerbaijan Airlines plane (25 Dec 2024, 38 dead); Russian police raids "
     "in Yekaterinburg kill two Azerbaijanis (27 Jun 2025); partial reset when Putin acknowledges the missiles "
     "and promises compensation (9 Oct 2025).",
     "Closest kind in the vocabulary: harm by Russian forces to Azerbaijani citizens, not a deliberate attack "
     "on Azerbaijan (Aliyev: shot down 'unintentionally'; Russia: 'tragic incident', technical failures, a "
     "criminal investigation) - intensity 1. Coder's judgement.",
     f"{S_AZAL}; {S_YEKATERINBURG}; {S_DUSHANBE}"),
]

#: Acts that start in 2025 (part of :data:`SECURITY_ACTS`, below).
SECURITY_ACTS_2025: list[tuple] = [
    ("usa-armenia-strategic-partnership-2025", "USA", "ARM", "strategic_partnership", 1, 1, 2025, None,
     "US-Armenia Strategic Partnership Commission (2025-)",
     "Charter signed 14 Jan 2025 (economy, security and defence, democracy, exchanges).",
     "Political partnership without a defence commitment: intensity 1.",
     S_ARM_USA_2025),
    ("usa-tripp-armenia-2025", "USA", "ARM", "economic_cooperation", 1, 1, 2025, None,
     "US-developed TRIPP transit route through Armenia (2025-)",
     "Washington Joint Declaration of 8 Aug 2025: the 'Trump Route for International Peace and Prosperity' "
     "through Syunik, developed with the US, under Armenian jurisdiction.",
     "Economic stake of a power on Armenian territory, no troops: intensity 1. The route also links Azerbaijan "
     "with Nakhchivan.",
     S_WASHINGTON),
    ("usa-907-waiver-azerbaijan-2025", "USA", "AZE", "partnership", 1, 1, 2025, None,
     "US extends the Section 907 waiver for Azerbaijan (2025-)",
     "Presidential memorandum of 8 Aug 2025 extending the waiver of Section 907; Trump said he was lifting "
     "restrictions on defence cooperation with Azerbaijan.",
     "Removes a sanction and opens assistance; no defence commitment: intensity 1.",
     f"{S_907_2025}; pia.ge 8 Aug 2025 (https://pia.ge/en/news/world/yerevan-and-baku-agree-to-end-hostilities)"),
]

# ---------------------------------------------------------------------------------------------
# INSTABILITY 2020-2024 (not duplicating rows in build_coded.INSTABILITY)
# ---------------------------------------------------------------------------------------------
#: (state, date, kind, dimension, description, source)
INSTABILITY: list[tuple] = [
    ("ARM", "2021-02-25", "coup_attempt", "vertical",
     "The General Staff demands the PM's resignation after the dismissal of its first deputy chief; PM Pashinyan "
     "calls it 'an attempt at a military coup', dismisses Chief of General Staff Gasparyan and rallies supporters; "
     "no troop movement reported; opposition protests continue until the June 2021 snap election",
     S_ARM_FEB2021),
    ("GEO", "2023-03-08", "mass_protest", "vertical",
     "Two nights of mass protests (7-8 Mar 2023) after the first reading of a 'foreign agents' bill; tear gas and "
     "water cannon; the ruling party withdraws the bill on 9 Mar",
     S_GEO_2023_BILL),
    ("GEO", "2024-04-30", "mass_protest", "vertical",
     "Mass protests (from 9 Apr 2024) against the reintroduced foreign-influence bill; tens of thousands at "
     "parliament; night of 30 Apr-1 May dispersed with water cannon, tear gas and rubber bullets; law passed 14 May, "
     "veto overridden 28 May",
     f"{S_GEO_2024_PROTESTS}; {S_GEO_LAW}"),
]

SECURITY_ACTS += SECURITY_ACTS_2025
