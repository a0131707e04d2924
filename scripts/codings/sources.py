"""Sources the course does not rely on alone, and the independent source of every contested row.

Three things live here:

- :data:`DOMAINS`: web domains that may never be a row's only source — Wikipedia mirrors and
  scrapers, pirated copies, a party's state media or government outlet, and advocacy sites —
  each with its kind and a one-line reason. ``data/README.md`` lists the same domains
  (section "Sources the course does not rely on alone"); ``tests/test_sources.py`` checks that
  the two agree.
- :data:`INDEPENDENT_MARKERS`: names of independent, authoritative issuers (UN bodies, courts,
  OSCE, HRW, UCDP, SIPRI, international news agencies …). A part of a row's own ``source``
  that names one of them is carried into the row's ``independent_source``.
- :data:`INDEPENDENT`: per table, row key → the independent source the review adds (document,
  issuer, date, address). Keys: ``events`` by ``event_id``; ``dyads_observed`` by
  ``(state, partner, period)``; ``security_acts`` by ``act_id``. A key that matches no row is
  an error (:func:`add_independent_sources` raises).

A party's own outlet may be cited only for that party's own statement; in the ``source``
column of the three tables such a citation is labelled ``(party statement)``.
"""
from __future__ import annotations

import re

import pandas as pd

PARTY_LABEL = "(party statement)"
KINDS = ("mirror", "pirated", "party_state_media", "advocacy")

#: domain -> (kind, one-line reason). A domain matches itself and its subdomains.
DOMAINS: dict[str, tuple[str, str]] = {
    # ---- Wikipedia mirrors, scrapers, content farms
    "wikimili.com": ("mirror", "Wikipedia mirror with ads; no editorial control"),
    "liquisearch.com": ("mirror", "scraped copy of old Wikipedia text"),
    "everything.explained.today": ("mirror", "Wikipedia mirror"),
    "a.osmarks.net": ("mirror", "offline Wikipedia dump (2020) served as web pages"),
    "ipns.dweb.link": ("mirror", "IPFS gateway copy of a Wikipedia snapshot"),
    "ipfs.dweb.link": ("mirror", "IPFS gateway copy of a Wikipedia snapshot"),
    "wikipedia-on-ipfs.org": ("mirror", "IPFS copy of a Wikipedia snapshot"),
    "kiwix.lema.org": ("mirror", "Kiwix offline Wikipedia dump served as web pages"),
    "owiki.org": ("mirror", "Wikipedia mirror"),
    "wikiland.org": ("mirror", "Wikipedia mirror (translated copies)"),
    "wikiclassic.com": ("mirror", "Wikipedia mirror with rewritten text"),
    "howlingpixel.com": ("mirror", "Wikipedia mirror"),
    "piglix.com": ("mirror", "Wikipedia mirror"),
    "worddisk.com": ("mirror", "Wikipedia mirror"),
    "wikisum.wiki": ("mirror", "machine summaries of Wikipedia articles"),
    "amansaja.com": ("mirror", "copy of an old Wikipedia revision on an unrelated site"),
    "profilpelajar.com": ("mirror", "Wikipedia copy on an unrelated education site"),
    "calendarz.com": ("mirror", "'on this day' pages copied from Wikipedia"),
    "wn.com": ("mirror", "aggregator pages with Wikipedia text"),
    "niidae.com": ("mirror", "Wikipedia mirror"),
    "wikiwand.com": ("mirror", "Wikipedia front end: a copy, not a source"),
    "when.com": ("mirror", "search portal showing copied reference text"),
    "news2night.com": ("mirror", "aggregator of copied news without attribution"),
    "ccbsnews.info": ("mirror", "unattributed copy of an agency report (TURAN) on a junk site"),
    "familybusinessadvisory.com": ("mirror", "content farm; no editorial standard"),
    "historysnacks.io": ("mirror", "generated history snippets without sources"),
    "muslimworldexpert.com": ("mirror", "content farm; no editorial standard"),
    "worldofcultures.org": ("mirror", "content farm; no editorial standard"),
    "populationstatistics.com": ("mirror", "content farm repeating census figures without sources"),
    "workmall.com": ("mirror", "unofficial copy of US government texts (CIA Factbook, LoC studies)"),
    "skal.fun": ("mirror", "unofficial copy of UN texts on an unrelated host"),
    # ---- pirated copies
    "pdfdrive.com": ("pirated", "pirated e-book and document copies"),
    "pdfdrive.to": ("pirated", "pirated e-book and document copies"),
    "hozir.org": ("pirated", "unauthorised full-text copy of copyrighted books (e.g. de Waal, Black Garden)"),
    # ---- a party's state media or government outlet (cite only for that party's statement)
    "azertag.az": ("party_state_media", "Azerbaijan's state news agency"),
    "report.az": ("party_state_media", "Azerbaijani state-aligned news agency"),
    "trend.az": ("party_state_media", "Azerbaijani state-aligned news agency"),
    "azernews.az": ("party_state_media", "Azerbaijani state-aligned newspaper"),
    "aliyevheritage.org": ("party_state_media", "Heydar Aliyev Heritage library: Azerbaijani state-linked foundation"),
    "namazerbaijan.org": ("party_state_media", "Azerbaijani government site of its NAM chairmanship"),
    "aircenter.az": ("party_state_media", "Azerbaijani government-linked think tank (AIR Center)"),
    "armenpress.am": ("party_state_media", "Armenia's state news agency"),
    "1lurer.am": ("party_state_media", "Armenian Public Television news"),
    "armradio.am": ("party_state_media", "Public Radio of Armenia"),
    "primeminister.am": ("party_state_media", "Armenian government (Prime Minister's office)"),
    "news.am": ("party_state_media", "Armenian national outlet: one party's media on Armenian-Azerbaijani matters"),
    "panarmenian.net": ("party_state_media", "Armenian national outlet: one party's media on Armenian-Azerbaijani matters"),
    "nkr.am": ("party_state_media", "official site of the de facto Nagorno-Karabakh authorities"),
    "nkrusa.org": ("party_state_media", "office of the de facto Nagorno-Karabakh authorities in the USA"),
    "tass.com": ("party_state_media", "Russian state news agency"),
    "rt.com": ("party_state_media", "Russian state broadcaster"),
    "sputnikglobe.com": ("party_state_media", "Russian state news agency"),
    "rg.ru": ("party_state_media", "Rossiyskaya Gazeta, the Russian government's newspaper"),
    "news-pravda.com": ("party_state_media", "'Pravda' network republishing Russian state media (Portal Kombat)"),
    "bashinform.ru": ("party_state_media", "state news agency of Bashkortostan (Russia)"),
    "mfa.gov.ge": ("party_state_media", "Georgian government (Ministry of Foreign Affairs)"),
    "infocenter.gov.ge": ("party_state_media", "Georgian government information centre on NATO and the EU"),
    "mfa.gov.tr": ("party_state_media", "Turkish government (Ministry of Foreign Affairs)"),
    "tasnimnews.com": ("party_state_media", "Iranian news agency tied to the Revolutionary Guards"),
    # ---- advocacy and campaign sites
    "xocali.net": ("advocacy", "Azerbaijani Khojaly campaign site"),
    "justiceforkhojaly.org": ("advocacy", "Azerbaijani Khojaly campaign site"),
    "karabakh.center": ("advocacy", "Azerbaijani Karabakh campaign site"),
    "xankendi.az": ("advocacy", "Azerbaijani Karabakh campaign site"),
    "aze.media": ("advocacy", "Azerbaijani partisan outlet"),
    "insightkarabakh.com": ("advocacy", "Azerbaijani-aligned Karabakh campaign site"),
    "azerbaijaninternational.com": ("advocacy", "Azerbaijani diaspora magazine (Azerbaijan International)"),
    "asbarez.com": ("advocacy", "Armenian diaspora newspaper tied to the ARF party"),
    "massispost.blogspot.com": ("advocacy", "Armenian diaspora outlet"),
    "ragmamoul.net": ("advocacy", "Armenian diaspora blog"),
    "armenianclub.com": ("advocacy", "Armenian diaspora forum"),
    "hyetert.org": ("advocacy", "Armenian diaspora news blog"),
    "armeniandiaspora.com": ("advocacy", "Armenian diaspora forum"),
    "armenian-genocide.org": ("advocacy", "Armenian National Institute (Armenian advocacy)"),
    "aniarc.am": ("advocacy", "Armenian research and advocacy centre (ANI)"),
    "araratforening.dk": ("advocacy", "Danish-Armenian association"),
    "abkhazeti.com": ("advocacy", "Georgian campaign site on Abkhazia"),
    "unpo.org": ("advocacy", "NGO representing self-determination movements (Abkhazia is a member)"),
}

#: Independent, authoritative issuers: a part of a row's ``source`` naming one of them is an
#: independent source. (marker, issuer). Matched case-insensitively.
INDEPENDENT_MARKERS: tuple[tuple[str, str], ...] = (
    ("UCDP/PRIO", "Uppsala Conflict Data Program / PRIO (academic dataset)"),
    ("SIPRI", "Stockholm International Peace Research Institute"),
    ("rferl.org", "Radio Free Europe/Radio Liberty"),
    ("RFE/RL", "Radio Free Europe/Radio Liberty"),
    ("bbc.co.uk", "BBC"),
    ("pax.peaceagreements.org", "PA-X peace agreements database (University of Edinburgh)"),
    ("eumm.eu", "EU Monitoring Mission in Georgia"),
    ("latimes.com", "Los Angeles Times"),
    ("chicagotribune.com", "Chicago Tribune"),
    ("sun-sentinel.com", "Washington Post report (reprinted)"),
    ("Sydney Morning Herald", "Sydney Morning Herald"),
    ("oc-media.org", "OC Media (independent regional outlet)"),
    ("civil.ge", "Civil Georgia (independent outlet)"),
    ("eurasianet", "Eurasianet (independent regional outlet)"),
    ("iwpr.net", "Institute for War and Peace Reporting"),
    ("esiweb.org", "European Stability Initiative (think tank)"),
    ("opendemocracy.net", "openDemocracy"),
    ("jam-news.net", "JAMnews (independent regional outlet)"),
    ("mondediplo.com", "Le Monde diplomatique"),
    ("novayagazeta.eu", "Novaya Gazeta Europe (independent Russian outlet)"),
    ("jamestown.org", "Jamestown Foundation (think tank)"),
    ("usip.org", "United States Institute of Peace"),
    ("kavkaz-uzel.eu", "Caucasian Knot (Memorial-founded outlet)"),
    ("Caucasian Knot", "Caucasian Knot (Memorial-founded outlet)"),
    ("LA Times", "Los Angeles Times"),
    ("Chicago Tribune", "Chicago Tribune"),
    ("Washington Post", "Washington Post"),
    ("Novaya Gazeta", "Novaya Gazeta Europe (independent Russian outlet)"),
    ("Reuters", "Reuters"),
    ("AFP", "Agence France-Presse"),
    ("VOA", "Voice of America"),
    ("PONARS", "PONARS Eurasia (academic policy network)"),
    ("OSCE", "Organization for Security and Co-operation in Europe"),
    ("themoscowtimes.com", "The Moscow Times (independent outlet)"),
    ("OC Media", "OC Media (independent regional outlet)"),
    ("AP via", "Associated Press"),
    ("Associated Press", "Associated Press"),
    ("politico.eu", "Politico Europe"),
    ("independent.co.uk", "The Independent (UK newspaper)"),
)

# --------------------------------------------------------------------------------------
# Independent sources (document, issuer, date, address: what it finds). Books are cited
# without pages where no page was checked; "copy" marks a text hosted by a third party.
# --------------------------------------------------------------------------------------
HRW_1992_NK = ("Helsinki Watch, 'Bloodshed in the Caucasus: Escalation of the Armed Conflict in "
               "Nagorno Karabakh' (1 Sep 1992), https://www.hrw.org/report/1992/09/01/bloodshed-caucasus/"
               "escalation-armed-conflict-nagorno-karabakh: both parties systematically violated "
               "humanitarian law in 1992 (hostage-taking, attacks on civilians, forced expulsions), "
               "including at Khojaly")
HRW_1993_NK = ("Human Rights Watch/Helsinki, 'Bloodshed in the Caucasus: Indiscriminate Bombing and "
               "Shelling by Azerbaijani Forces in Nagorno Karabakh' (vol. 5 no. 10, Jul 1993; copy "
               "https://docslib.org/doc/9909519/indiscriminate-bombing-and-shelling-by-azerbaijani-"
               "forces-in-nagorno-karabakh): by spring 1992 all Azerbaijani civilians of Nagorno-"
               "Karabakh had fled or been forced out; about 400,000 refugees from Armenia and Azerbaijan")
HRW_WR1994 = ("Human Rights Watch World Report 1994, Helsinki: Nagorno Karabakh (events of 1993), "
              "http://www.hrw.org/reports/1994/WR94/Helsinki-03.htm: Armenian forces captured Kelbajar, "
              "Agdam, Fizuli, Goradiz and Jebrail outside Nagorno-Karabakh, creating 250,000 new "
              "Azerbaijani refugees")
HRW_1994 = ("Human Rights Watch/Helsinki, 'Azerbaijan: Seven Years of Conflict in Nagorno-Karabakh' "
            "(Dec 1994, ISBN 1-56432-142-8), https://www.hrw.org/report/1994/12/01/seven-years-conflict-"
            "nagorno-karabakh: about 25,000 dead and one million displaced by end-1994; all three "
            "forces committed serious violations; for 1993-94 Karabakh Armenian forces supported by "
            "the Republic of Armenia were responsible for most abuses")
HRW_1991_BAKU = ("Human Rights Watch/Helsinki and Memorial, 'Conflict in the Soviet Union: Black January "
                 "in Azerbaidzhan' (May 1991, ISBN 1-56432-027-8; copy https://docslib.org/doc/1243078/"
                 "soviet-crackdown): over a hundred mostly Azerbaijani civilians killed by unjustified "
                 "and excessive force; the authorities did little to stop the anti-Armenian pogrom that "
                 "began on 13 Jan 1990 (findings as quoted from HRW's later summary; body text not seen)")
HRW_1992_SO = ("Helsinki Watch, 'Bloodshed in the Caucasus: Violations of Humanitarian Law and Human "
               "Rights in the Georgia-South Ossetia Conflict' (Mar 1992, ISBN 1-56432-058-8), "
               "http://www.hrw.org/reports/1992/04/01/bloodshed-caucasus: armed conflict after the "
               "Georgian militia entered Tskhinvali in Jan 1991; at least 250 killed; shelling, "
               "blockades and hostage-taking by both sides; its fact-finding mission was in Tbilisi "
               "days before the violent coup that toppled Gamsakhurdia (Dec 1991)")
HRW_1995_ABK = ("Human Rights Watch/Helsinki, 'Georgia/Abkhazia: Violations of the Laws of War and "
                "Russia's Role in the Conflict' (Mar 1995), https://www.hrw.org/legacy/reports/1995/"
                "Georgia2.htm: war from 14 Aug 1992; both sides grossly violated the laws of war; Abkhaz "
                "forces aided by fighters from neighbouring areas of the Russian Federation; roughly "
                "200,000 displaced, mostly at the end of 1993, denied return (refworld summary)")
HRW_WR1992 = ("Human Rights Watch World Report 1992, Soviet Union (events of 1991), "
              "https://www.hrw.org/reports/1992/WR92/HSW-05.htm: the USSR dissolved in 1991 and the "
              "Commonwealth of Independent States was formed in December")
HRW_WR1993 = ("Human Rights Watch World Report 1993, the former Soviet Union (events of 1992), "
              "http://www.refworld.org//country,,HRW,,MDA,,467fca70c,0.html: ten former Soviet "
              "republics united in the CIS; the three Baltic states, Georgia and Azerbaijan rejected it")
HRW_2009 = ("Human Rights Watch, 'Up in Flames: Humanitarian Law Violations and Civilian Victims in the "
            "Conflict over South Ossetia' (23 Jan 2009; summary https://casebook.icrc.org/print/20782; "
            "report coverage https://old.civil.ge/eng/_print.php?id=20310): the war started on 7 Aug "
            "with Georgia's assault and Russia's response the next day; indiscriminate attacks by "
            "Georgian and Russian forces; South Ossetian forces destroyed ethnic Georgian villages")
IIFFMCG = ("Independent International Fact-Finding Mission on the Conflict in Georgia (IIFFMCG, head "
           "Heidi Tagliavini, mandated by the Council of the EU), Report, 30 Sep 2009, "
           "http://www.ceiig.ch/Index.html (Vol. I text: http://rrc.ge/law/DaskvnTaliavin_20_09_2009_E.htm"
           "?lawid=2049&lng_3=en): the Georgian shelling of Tskhinvali on the night of 7-8 Aug 2008 "
           "began the war, was not justified under international law and followed long tensions; "
           "Russia's initial response was legal but went beyond reasonable limits of defence")
EU_COUNCIL_2008 = ("Extraordinary European Council, Presidency conclusions, 1 Sep 2008 (text: "
                   "http://rrc.ge/law/ConclEUSabcho_01_09_2008_E_gadaetseros.htm?lawid=1715&lng_3=en; "
                   "report https://old.civil.ge/eng/article.php?id=19366): 'strongly condemns Russia's "
                   "unilateral decision to recognise the independence of Abkhazia and South Ossetia'")
UN_DENG_1999 = ("UN Commission on Human Rights, 'Profiles in displacement: Azerbaijan', report of the "
                "Representative of the Secretary-General on IDPs, Francis M. Deng (E/CN.4/1999/79/Add.1, "
                "25 Jan 1999; copy https://docslib.org/doc/1929065/economic-and-social-council): about "
                "650,000 IDPs in Azerbaijan, about 185,000 ethnic Azerbaijani refugees from Armenia "
                "(1988-1990), and over 300,000 refugees in Armenia, mostly ethnic Armenians from Azerbaijan")
PACE_1995 = ("Parliamentary Assembly of the Council of Europe, report on the humanitarian situation of "
             "refugees and displaced persons in Armenia and Azerbaijan (Doc. 7250, rapporteur Atkinson, "
             "14 Feb 1995), https://assembly.coe.int/nw/xml/XRef/X2H-Xref-ViewHTML.asp?FileID=6823&lang=en: "
             "over a million refugees and displaced persons, including hundreds of thousands who left "
             "before 1991 under threats, reported atrocities or Soviet orders")
PACE_1416 = ("PACE Resolution 1416 (25 Jan 2005) on the report 'The conflict over the Nagorno-Karabakh "
             "region dealt with by the OSCE Minsk Conference' (Doc. 10364, 29 Nov 2004), "
             "https://assembly.coe.int/nw/xml/XRef/X2H-Xref-ViewHTML.asp?FileID=10733&lang=en: "
             "considerable parts of Azerbaijan occupied by Armenian forces; the hostilities caused "
             "ethnic expulsions resembling ethnic cleansing")
ECHR_CHIRAGOV = ("European Court of Human Rights, Grand Chamber, Chiragov and Others v. Armenia, no. "
                 "13216/05, judgment of 16 Jun 2015 (HUDOC 001-155353; summary https://swarb.co.uk/"
                 "chiragov-and-others-v-armenia-echr-16-jun-2015/): Armenia had jurisdiction (effective "
                 "control) over Nagorno-Karabakh and the surrounding districts; continuing violations of "
                 "Art. 1 Prot. 1, Art. 8 and Art. 13 towards Azerbaijanis displaced from Lachin in 1992")
ECHR_SARGSYAN = ("European Court of Human Rights, Grand Chamber, Sargsyan v. Azerbaijan, no. 40167/06, "
                 "judgment of 16 Jun 2015 (HUDOC 001-155662; copy https://docslib.org/download/13353974/"
                 "grand-chamber-case-of-sargsyan-v-azerbaijan): an Armenian displaced from Gulistan in "
                 "1992 denied return, access to his property or compensation; continuing violations by "
                 "Azerbaijan of Art. 1 Prot. 1, Art. 8 and Art. 13")
ICG_2007 = ("International Crisis Group, 'Nagorno-Karabakh: Risking War', Europe Report N°187, 14 Nov 2007 "
            "(copy https://docslib.org/doc/8676546/europe-report-no-187-nagorno-karabakh): the war of the "
            "early 1990s caused 22,000-25,000 deaths and over a million refugees and IDPs; most of "
            "Nagorno-Karabakh and considerable adjacent Azerbaijani territory occupied by ethnic "
            "Armenian forces; an arms race and war rhetoric on both sides")
ICG_2017 = ("International Crisis Group, 'Nagorno-Karabakh's Gathering War Clouds', Europe Report N°244, "
            "1 Jun 2017 (copy https://www.scribd.com/document/460921091/244-nagorno-karabakhs-gathering-"
            "war-clouds-pdf): the April 2016 escalation claimed at least 200 lives; both sides closer to "
            "war than at any point since 1994")
ICG_2020 = ("International Crisis Group, 'Improving Prospects for Peace after the Nagorno-Karabakh War', "
            "Europe Briefing N°91, 22 Dec 2020 (copy https://docslib.org/doc/4877060/improving-prospects-"
            "for-peace-after-the-nagorno-karabakh-war-crisis-group-europe-briefing-n%C2%B091-22-december-"
            "2020-page-2): a Russian-brokered ceasefire ended a six-week war; Azerbaijan regained most of "
            "the territory lost in the first war; Russian peacekeepers deployed")
ICG_2006_GEO = ("International Crisis Group, 'Georgia's Armenian and Azeri Minorities', Europe Report "
                "N°178, 22 Nov 2006 (copy https://docslib.org/doc/10549884/georgias-armenian-and-azeri-"
                "minorities): tensions in Armenian-populated Samtskhe-Javakheti but no risk of an "
                "Abkhaz- or Ossetian-like threat to Georgia's territorial integrity")
ICG_2011_GEO = ("International Crisis Group, 'Georgia: The Javakheti Region's Integration Challenges', "
                "Europe Briefing N°63, 23 May 2011 (copy https://docslib.org/doc/8475278/georgia-the-"
                "javakheti-regions-integration-challenges): the Armenian-populated region, a potential "
                "flashpoint since 1991, had stabilised and posed no immediate threat")
CRS_2008 = ("Congressional Research Service, Jim Nichol, 'Armenia, Azerbaijan, and Georgia: Political "
            "Developments and Implications for U.S. Interests', RL33453, updated 6 Nov 2008, "
            "https://www.hsdl.org/?abstract&did=233665: the US recognised the three states in 1991 and "
            "fostered their ties with the West to end their dependence on Russia; US training and "
            "equipment for Georgia's forces from 2002; Azerbaijani troops in Afghanistan and Iraq, "
            "Armenian and Georgian personnel in Iraq")
CRS_2013 = ("Congressional Research Service, Jim Nichol, 'Armenia, Azerbaijan, and Georgia: Political "
            "Developments and Implications for U.S. Interests', RL33453, 25 Oct 2013, "
            "https://apps.dtic.mil/docs/citations/ADA588685: close US ties with Armenia and Georgia, US "
            "support for Azerbaijan's energy sector; troops of all three in Afghanistan and Iraq and "
            "transit rights for US forces; the August 2008 Russia-Georgia war and its lasting effects")
CRS_2010 = ("Congressional Research Service, Jim Nichol, 'Armenia, Azerbaijan, and Georgia: Security "
            "Issues and Implications for U.S. Interests', RL30679, 11 Mar 2010 (summary, EveryCRSReport: "
            "https://d27r7ebsgu0es2.cloudfront.net/reports/RL30679.json): Armenia pursued close ties with "
            "Russia and Iran in part to counter Azerbaijan's ties with Turkey; Georgia and Azerbaijan "
            "stressed ties with the US to bolster their independence from Russia; Turkish officials "
            "stress common ethnic ties with Azerbaijan; some Russian officials see the region as a "
            "traditional sphere of influence")
PCA_EP = ("European Parliament, delegation page 'EU texts' (EU-Armenia Partnership and Cooperation "
          "Agreement), https://www.europarl.europa.eu/delegations/da/dsca/documents/eu-texts: signed in "
          "Luxembourg on 22 Apr 1996, in force from 1 Jul 1999")
PCA_AZE = ("EUR-Lex, Partnership and Cooperation Agreement between the European Communities and their "
           "Member States and the Republic of Azerbaijan (OJ L 246, 17.9.1999, p. 3), "
           "https://eur-lex.europa.eu/legal-content/EN/AUTO/?uri=CELEX%3A01999A0917%2801%29-20091101")
OEIL_GEO = ("European Parliament Legislative Observatory, summary of Council Decision (EU) 2016/838 "
            "concluding the EU-Georgia Association Agreement, https://oeil.secure.europarl.europa.eu/"
            "oeil/en/document-summary?id=1440680: relations rested on the PCA in force since July 1999; "
            "the Association Agreement was initialled on 29 Nov 2013 and signed on 27 Jun 2014")
AA_GEO = ("EUR-Lex summary 'Association Agreement with Georgia' (OJ L 261, 30.8.2014; Decisions "
          "2014/494/EU and 2014/495/Euratom), https://eur-lex.europa.eu/legal-content/EN/LSU/"
          "?uri=LEGISSUM%3A4314919")
EAP_2009 = ("Declaration by the European Council on the Eastern Partnership (Mar 2009, launched at the "
            "Prague summit of 7 May 2009), text printed by the UK House of Commons European Scrutiny "
            "Committee, https://publications.parliament.uk/pa/cm200809/cmselect/cmeuleg/19-xiii/1904.htm: "
            "political association and economic integration offered to Armenia, Azerbaijan, Belarus, "
            "Georgia, Moldova and Ukraine")
NATO_PFP = ("commonspace.eu (LINKS Europe), 'NATO marks 20th anniversary of Partnership for Peace' "
            "(2014), https://www.commonspace.eu/commentary/nato-marks-20th-anniversary-partnership-peace-"
            "armenia-azerbaijan-and-georgia-are-active: Armenia, Azerbaijan and Georgia all active PfP "
            "members; Georgia seeks membership, Armenia is in the CSTO, Azerbaijan seeks neither")
NATO_2008 = ("NATO, Bucharest Summit Declaration, 3 Apr 2008, para. 23, https://www.nato.int/cps/fr/"
             "natohq/official_texts_8443.htm?selectedLocale=hr ('We agreed today that these countries "
             "will become members of NATO'); NATO news https://www.nato.int/docu/update/2008/04-april/"
             "e0403h.html")
GUAM_1997 = ("RFE/RL, 1 Dec 1997, https://staging.rferl.org/a/1087496.html (Georgia, Ukraine, Azerbaijan "
             "and Moldova declared their cooperation at Strasbourg in Oct 1997, on a shared pro-Western "
             "orientation and mistrust of Russia); Jamestown Monitor 3/222 (1997), "
             "https://jamestown.org/program/quadripartite-grouping-will-promote-national-interests/")
BTC_2006 = ("BBC, 13 Jul 2006, http://news.bbc.co.uk/2/hi/europe/5175676.stm; RFE/RL, 13 Jul 2006, "
            "https://rferl.org/amp/1069835.html (Baku-Tbilisi-Ceyhan pipeline inaugurated)")
SECTION_907 = ("FREEDOM Support Act, Public Law 102-511, sec. 907 (24 Oct 1992): no US assistance to the "
               "Government of Azerbaijan until it takes 'demonstrable steps to cease all blockades and "
               "other offensive uses of force against Armenia and Nagorno-Karabakh' (statute text; "
               "waiver authority added in 2001)")
MOSCOW_TIMES_2010 = ("The Moscow Times, 18 Aug 2010, https://www.themoscowtimes.com/2010/08/18/medvedev-"
                     "to-sign-extended-lease-on-base-in-armenia-a729: the 1995 Gyumri base agreement (25 "
                     "years) extended to 49 years, with Russian help to arm Armenia; Turkey closed its "
                     "border with Armenia in 1993")
RFERL_2013 = ("RFE/RL, 'Armenia To Join Russian-Led Customs Union', 3 Sep 2013, "
              "https://www.rferl.org/a/armenia-customs-union/25094560.html: Sarkisian cites Armenia's "
              "CSTO membership ('when you are part of one system of military security ...') and says "
              "dialogue with European structures continues")
AP_2018 = ("Associated Press, 'Armenia Annuls Normalization Protocols With Turkey', 1 Mar 2018 "
           "(https://web.archive.org/web/20180303052051/https://www.nytimes.com/aponline/2018/03/01/"
           "world/europe/ap-eu-armenia-turkey.html): the 2009 Zurich protocols to open the border and "
           "normalise ties were never ratified; Turkey closed the border in 1993")
DEWAAL_2003 = ("Thomas de Waal, Black Garden: Armenia and Azerbaijan through Peace and War (New York "
               "University Press, 2003; 2nd ed. 2013), ISBN 0-8147-1944-9 (page not checked)")
DEWAAL_2010 = "Thomas de Waal, The Caucasus: An Introduction (Oxford University Press, 2010) (page not checked)"
SWIETOCHOWSKI = ("Tadeusz Swietochowski, Russian Azerbaijan, 1905-1920: The Shaping of National Identity "
                 "in a Muslim Community (Cambridge University Press, 1985) (page not checked)")
SHAFFER = ("Brenda Shaffer, Borders and Brethren: Iran and the Challenge of Azerbaijani Identity (MIT "
           "Press, 2002) (page not checked)")
UCDP_388 = "UCDP/PRIO Armed Conflict Dataset v25.1, conflict 388 (Azerbaijan: Nagorno-Karabakh)"
SIPRI_REG = "SIPRI Arms Transfers Database, trade register (data/arms_transfers.csv)"


def unsc(number: int, date: str, wording: str) -> str:
    """Cite a 1993 Security Council resolution by its UN document symbol and quote its wording."""
    return (f"UN Security Council resolution {number} (1993), {date}, https://undocs.org/S/RES/"
            f"{number}(1993): {wording}")


UNSC_822 = unsc(822, "30 Apr 1993", "notes 'the recent invasion of the Kelbadjar district of Azerbaijan "
                "by local Armenian forces' and demands 'the immediate withdrawal of all occupying forces "
                "from the Kelbadjar district and other recently occupied areas of Azerbaijan'; names no "
                "state as occupier")
UNSC_853 = unsc(853, "29 Jul 1993", "condemns the seizure of Agdam and demands 'the immediate, complete "
                "and unconditional withdrawal of the occupying forces involved'")
UNSC_874 = unsc(874, "14 Oct 1993", "on 'the conflict in and around the Nagorny Karabakh region of the "
                "Azerbaijani Republic'; backs the CSCE Minsk Group timetable")
UNSC_884 = unsc(884, "12 Nov 1993", "condemns the occupation of the Zangelan district and Goradiz and "
                "calls on the Government of Armenia to use its influence on the Armenians of Nagorno-"
                "Karabakh (seen in translation: 'Uppmanar Armeniens regering att använda sitt inflytande')")
UNSC_ALL = ("UNSC resolutions 822, 853, 874 and 884 (1993), https://undocs.org/S/RES/822(1993) etc.: they "
            "demand the withdrawal of 'occupying forces' and refer to 'local Armenian forces'; 853 and 884 "
            "call on the Government of Armenia to use its influence; none names Armenia as the occupying "
            "state")
UNHCR_2023 = ("UNHCR statement, 27 Sep 2023 (copy https://www.devdiscourse.com/article/law-order/2609295-"
              "unhcr-concerned-about-increasing-number-ofrefugees-fleeing-into-armenia); Reuters, 29 Sep "
              "2023 (https://www.tbsnews.net/world/un-refugee-agency-readying-120000-refugees-armenia-709114): "
              "UNHCR counted over 88,000 arrivals and prepared for up to 120,000")
UN_MISSION_2023 = ("UN mission to Karabakh led by the UN Resident Coordinator in Azerbaijan, 1 Oct 2023 "
                   "(RFE/RL report https://www.azatutyun.am/a/32621492.html): 'struck' by the sudden "
                   "departure; no reports of violence against civilians after the ceasefire; no access "
                   "to rural areas")
ICJ_2023 = ("International Court of Justice, Order of 17 Nov 2023, CERD (Armenia v. Azerbaijan), "
            "https://icj-cij.org/node/203314 (RFE/RL report https://www.azatutyun.am/a/32689334.html): "
            "Azerbaijan must ensure that persons who left after 19 Sep 2023 can return 'in a safe, "
            "unimpeded and expeditious manner'")
ICJ_FEB_2023 = ("International Court of Justice, Order of 22 Feb 2023, CERD (Armenia v. Azerbaijan) "
                "(RFE/RL report, 24 Feb 2023, https://www.azatutyun.am/a/32286784.html): Azerbaijan must "
                "'take all measures at its disposal to ensure unimpeded movement of persons, vehicles "
                "and cargo along the Lachin Corridor in both directions'")
HRW_2023 = ("Human Rights Watch, 'Guarantee Right to Return to Nagorno Karabakh', 5 Oct 2023, "
            "http://hrw.org:80/news/2023/10/05/guarantee-right-return-nagorno-karabakh")
PACE_2023 = ("PACE, 'Humanitarian situation in Nagorno-Karabakh' (Doc. 15840, 10 Oct 2023), "
             "http://www.assembly.coe.int/nw/xml/XRef/X2H-Xref-ViewHTML.asp?FileID=33069&Lang=EN")
EP_2023 = ("European Parliament resolution of 5 Oct 2023, 2023/2879(RSP) (summary "
           "https://oeil.secure.europarl.europa.eu/oeil/popups/summary.do?id=1760852&t=d&l=en)")
HRW_2021 = ("Human Rights Watch, 'Technical Briefing Note: Cluster Munition Use in the Karabakh "
            "Conflict', 15 Jul 2021, http://hrw.org:80/news/2021/07/15/technical-briefing-note-cluster-"
            "munition-use-karabakh-conflict: both Armenian and Azerbaijani forces used cluster munitions")

LOC_1995 = ("Library of Congress, Federal Research Division, Armenia, Azerbaijan, and Georgia: Country "
            "Studies, ed. Glenn E. Curtis (1995; research completed March 1994), ISBN 0-8444-0848-4 "
            "(copy https://pdfhost.io/v/7IZtpspVj_Armenia_Azerbaijan_and_Georgia_Study_1; page not checked)")
HELSINKI_1991_GEO = ("Helsinki Watch, 'Conflict in Georgia: Human Rights Violations by the Government of "
                     "Georgia' (vol. 3 no. 16, 27 Dec 1991; copy https://docslib.org/doc/9343238/conflict-"
                     "in-georgia-conflict-in-georgia): the battle for control of the Georgian government "
                     "and President Gamsakhurdia's repression of opponents")
UNHCR_1999_GEO = ("UNHCR Centre for Documentation and Research, 'Background paper on refugees and asylum "
                  "seekers from Georgia' (Oct 1999; copy https://is.muni.cz./el/law/podzim2004/MP906Z/za/"
                  "UNHCR_Paper_on_Georgia_1999.txt): overview of Georgia's political developments in the 1990s")
TRABZON_2012 = ("Civil Georgia report of 8 Jun 2012, reprinted by Eurasia Review, "
                "https://www.eurasiareview.com/10062012-azerbaijan-georgia-turkey-sign-cooperation-"
                "declaration/?replytocom=367480: the foreign ministers of Azerbaijan, Georgia and Turkey "
                "signed the Trabzon Declaration on trade, energy and transport cooperation and agreed to "
                "meet regularly")
CST_TEXT = ("Treaty on Collective Security, Tashkent, 15 May 1992 (text on the CSTO's site, "
            "http://www.odkb.gov.ru/b/azbengl.htm: the organisation's own publication)")
EURASIANET_2011_TUR = ("Eurasianet (Shahin Abbasov), 'Azerbaijan-Turkey Military Pact Signals Impatience "
                       "with Minsk Talks', reprinted by Eurasia Review, 21 Jan 2011, https://www.eurasiareview."
                       "com/21012011-azerbaijan-turkey-military-pact-signals-impatience-with-minsk-talks-"
                       "analysts/: the Agreement on Strategic Partnership and Mutual Support pledges support "
                       "'using all possibilities' against attack; Turkey has been Baku's main military ally "
                       "since 1991")
EURASIANET_2012_IRN = ("Eurasianet, Jan 2012, republished by The Atlantic, https://www.theatlantic.com/"
                       "international/archive/2012/01/azerbaijan-says-it-thwarted-an-iranian-plot-to-kill-an-"
                       "israeli-ambassador/252111/ (Azerbaijan and Iran 'have a long history of mutual "
                       "distrust and recriminations'); Irish Times, 2012, https://irishtimes.com/news/spate-"
                       "of-arrests-spurs-azeris-to-closely-monitor-iran-talks-1.501165 (arrests of alleged "
                       "Iran-recruited plotters in Baku)")
CSM_1992 = ("Christian Science Monitor, 9 Jun 1992, https://www.csmonitor.com/1992/0609/09083.html "
            "(Elchibey declares victory in the presidential election of 7 Jun 1992)")

#: Per table: row key -> independent source.
INDEPENDENT: dict[str, dict] = {
    "events": {
        "1905-armenian-azerbaijani-armenian-tatar-musl": SWIETOCHOWSKI,
        "1915-deportations-and-mass-killings-of-ottoma": (
            "European Parliament resolution of 15 Apr 2015 on the centennial of the Armenian genocide "
            "(OJ C 315/23), https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:22015P0923"
            "(05)&rid=8; International Association of Genocide Scholars, open letter to PM Erdogan, 13 "
            "Jun 2005 ('the overwhelming opinion of scholars who study genocide')"),
        "1918-first-republics-of-armenia-azerbaijan-ge": f"{DEWAAL_2010}; {SWIETOCHOWSKI}",
        "1918-03-30-march-days-in-baku-bolshevik-and-dashnak": SWIETOCHOWSKI,
        "1918-09-september-days-10-000-armenians-killed-w": SWIETOCHOWSKI,
        "1920-zangezur-transferred-to-soviet-armenia-a": DEWAAL_2003,
        "1921-03-16-treaty-of-moscow-soviet-russia-kemalist": DEWAAL_2010,
        "1921-07-05-caucasian-bureau-kavbiuro-decides-nagorn": DEWAAL_2003,
        "1921-10-13-treaty-of-kars-turkey-with-soviet-armeni": DEWAAL_2010,
        "1923-07-07-nagorno-karabakh-autonomous-oblast-estab": DEWAAL_2003,
        "1988-flight-and-expulsion-of-armenians-from-a": f"{UN_DENG_1999}; {PACE_1995}; {HRW_1991_BAKU}; {ECHR_SARGSYAN}",
        "1988-flight-and-expulsion-of-azerbaijanis-fro": (
            f"{UN_DENG_1999}; {PACE_1995}; New York Times, 3 Mar 1988 (officials in Baku said hundreds of "
            f"Azerbaijanis had fled Armenia the week before; text seen in a copy on an Armenian site); "
            f"{DEWAAL_2003}"),
        "1988-02-27-sumgait-pogrom-mob-violence-against-arme": (
            f"{DEWAAL_2003}; New York Times, 3 Mar 1988 (a Soviet spokesman confirmed deaths in nationalist "
            f"rioting in Sumgait without a figure; text seen in a copy on an Armenian site). No HRW or "
            f"Memorial report on Sumgait was found"),
        "1990-01-12-baku-pogrom-against-armenians-armenians": HRW_1991_BAKU,
        "1990-01-20-soviet-troops-enter-baku-black-january-u": HRW_1991_BAKU,
        "1991-01-05-south-ossetia-war-georgian-government-fo": HRW_1992_SO,
        "1991-12-20-armed-coup-in-tbilisi-ousts-president-ga": f"{HRW_1992_SO}; {HELSINKI_1991_GEO}",
        "1990-08-23-armenian-ssr-supreme-soviet-adopts-decla": LOC_1995,
        "1991-03-17-all-union-referendum-on-preserving-ussr": LOC_1995,
        "1991-03-31-georgian-independence-referendum-99-5-ye": f"{LOC_1995}; {UNHCR_1999_GEO}",
        "1991-04-09-georgian-supreme-council-adopts-act-of-r": f"{LOC_1995}; {UNHCR_1999_GEO}",
        "1991-09-21-armenian-independence-referendum-99-5-ye": LOC_1995,
        "1991-09-23-armenia-officially-declared-independent": LOC_1995,
        "1991-10-18-azerbaijan-adopts-constitutional-act-on": LOC_1995,
        "1992-05-15-mutallibov-s-attempted-comeback-14-may-e": LOC_1995,
        "1992-06-07-abulfaz-elchibey-elected-president-of-az": f"{CSM_1992}; {LOC_1995}",
        "2019-08-05-pashinyan-speech-in-stepanakert-artsakh": (
            "RFE/RL Armenian Service, Aug 2019, https://azatutyun.am/amp/30095115.html: Pashinian said "
            "'Artsakh is Armenia' at a Stepanakert rally on 5 Aug 2019; Baku condemned it as provocative"),
        "2018-05-08-nikol-pashinyan-elected-prime-minister-o": (
            "RFE/RL, 8 May 2018, https://rferl.org/amp/armenian-protest-leader-pashinian-gets-second-"
            "chance-prime-minister-parliamentary-vote-may-8/29214380.html (elected 59-42)"),

        "1991-12-21-alma-ata-protocol-armenia-and-azerbaijan": HRW_WR1992,
        "1992-displacement-of-azerbaijanis-from-nagorn": (
            f"{HRW_1993_NK}; {HRW_WR1994}; {HRW_1994}; {UN_DENG_1999}; {PACE_1416}; {ECHR_CHIRAGOV}"),
        "1992-first-karabakh-war-conflict-from-1988-fu": f"{HRW_1994}; {ICG_2007}; {UCDP_388}; {UNSC_ALL}",
        "1992-02-26-khojaly-massacre": (
            f"{HRW_1992_NK}; Memorial Human Rights Center, report on the seizure of Khojaly, 25-26 Feb "
            f"1992 (published in Nezavisimaya Gazeta, 18 Jun 1992): Khojaly blockaded from autumn 1991, "
            f"fleeing residents ambushed, about 200 bodies brought to Aghdam within four days; "
            f"{DEWAAL_2003} on the range of tolls"),
        "1992-05-08-fall-of-shusha-to-armenian-forces": f"{HRW_1993_NK}; {HRW_1994}",
        "1992-08-14-war-in-abkhazia-ends-with-fall-of-sukhum": HRW_1995_ABK,
        "1992-10-24-us-congress-adopts-section-907-of-freedo": f"{SECTION_907}; {CRS_2008}",
        "1993-04-30-unsc-resolution-822-demands-withdrawal-o": f"{UNSC_822}; {HRW_WR1994}",
        "1993-07-29-unsc-resolution-853-condemns-seizure-of": f"{UNSC_853}; {HRW_WR1994}",
        "1993-09-displacement-of-ethnic-georgians-from-ab": HRW_1995_ABK,
        "1993-09-24-azerbaijan-joins-cis-and-collective-secu": HRW_WR1993,
        "1993-10-14-unsc-resolution-874": UNSC_874,
        "1993-10-19-unsc-resolution-876-affirms-sovereignty": (
            "UN Security Council resolution 876 (1993), 19 Oct 1993, https://undocs.org/S/RES/876(1993)"),
        "1993-11-12-unsc-resolution-884-condemns-occupation": f"{UNSC_884}; {HRW_WR1994}",
        "1994-05-12-karabakh-ceasefire-enters-into-force-mid": f"{HRW_1994}; {ICG_2007}",
        "1994-05-14-moscow-agreement-on-ceasefire-and-separa": (
            "Agreement on a Cease-fire and Separation of Forces, Moscow, 14 May 1994, UN doc. S/1994/583 "
            "annex I (copy https://docslib.org/doc/6769871/agreement-on-a-cease-fire-and-separation-of-"
            "forces-signed-in-moscow-on-14-may-1994; PA-X https://test.pax.peaceagreements.org/"
            "agreements/247): CIS peacekeeping force in a security zone; UN military observers"),
        "1997-10-10-guam-founded-azerbaijan-georgia-ukraine": GUAM_1997,
        "1992-05-15-collective-security-treaty-signed-in-tas": f"{CST_TEXT}; {LOC_1995}",
        "1994-09-contract-of-the-century-oil-deal-conclud": (
            "bp Azerbaijan, 'From vision to value: 30 years of ACG' (operator's own account), "
            "https://www.bp.com/en_az/azerbaijan/home/who-we-are/operationsprojects/acg2/From-vision-to-"
            "value-30-years-of-ACG.html: production sharing agreement signed in Sep 1994 between SOCAR "
            "and 11 foreign companies from six countries, in force 12 Dec 1994"),
        "1999-04-02-cst-renewal-protocol-signed-by-6-states": f"{CST_TEXT}; {HRW_WR1993}",
        "2010-08-16-azerbaijan-turkey-treaty-on-strategic-pa": EURASIANET_2011_TUR,
        "2012-06-08-trabzon-declaration-launches-trilateral": TRABZON_2012,
        "1999-10-27-armenian-parliament-shooting-8-killed-in": (
            "RFE/RL, 27 Oct 1999, https://rferl.org/amp/1092503.html; The Independent, 27 Oct 1999, "
            "https://independent.co.uk/news/world/europe/day-murder-came-to-the-armenian-parliament-740224.html"),
        "2001-10-24-us-senate-adopts-presidential-waiver-aut": f"{SECTION_907}; {CRS_2008}",
        "2003-11-23-rose-revolution-shevardnadze-resigns-aft": (
            "OSCE/ODIHR, PACE and EP International Election Observation Mission, statement on the "
            "presidential election of 4 Jan 2004 (text https://civil.ge/archives/109526): the 2 Nov 2003 "
            "parliamentary elections 'were characterized by systematic and widespread fraud'"),
        "2004-01-04-mikheil-saakashvili-elected-president-of": (
            "OSCE/ODIHR, Georgia extraordinary presidential election 4 January 2004, Election Observation "
            "Mission Report (28 Feb 2004; copy https://docslib.org/doc/3549893/extraordinary-presidential-"
            "election-4-january-2004): 'notable progress over previous elections'"),
        "2008-02-19-armenian-presidential-election-19-feb-an": (
            "Human Rights Watch, 'Democracy on Rocky Ground: Armenia's Disputed 2008 Presidential "
            "Election, Post-Election Violence, and the One-Sided Pursuit of Accountability' (25 Feb 2009), "
            "https://www.hrw.org/report/2009/02/25/democracy-rocky-ground/armenias-disputed-2008-"
            "presidential-election-post-election: at least ten dead (eight protesters, two police) on "
            "1 Mar 2008; excessive police force"),
        "2008-04-nato-bucharest-summit-georgia-and-ukrain": NATO_2008,
        "2008-08-07-russia-georgia-war-over-south-ossetia-ho": f"{IIFFMCG}; {HRW_2009}",
        "2008-08-26-russia-recognises-independence-of-abkhaz": EU_COUNCIL_2008,
        "2008-08-29-georgia-severs-diplomatic-relations-with": (
            "Civil Georgia, 28 Aug 2008, https://old.civil.ge/eng/article.php?id=19330 (parliament "
            "instructs the government to cut diplomatic ties with Russia); AFP via Asia-Plus, 29 Aug "
            "2008, https://old.asiaplustj.info/en/news/world/20080829/georgia-parliament-votes-sever-ties-russia"),
        "2009-05-07-eu-eastern-partnership-launched-in-pragu": EAP_2009,
        "2010-08-russia-armenia-protocol-extends-gyumri-b": MOSCOW_TIMES_2010,
        "2013-09-armenia-announces-intention-to-join-russ": RFERL_2013,
        "2014-03-27-unga-resolution-68-262-on-territorial-in": (
            "UN General Assembly resolution 68/262 'Territorial integrity of Ukraine', 27 Mar 2014, "
            "https://undocs.org/A/RES/68/262 (adopted 100-11-58)"),
        "2014-06-27-georgia-signs-eu-association-agreement": f"{AA_GEO}; {OEIL_GEO}",
        "2015-01-02-armenia-becomes-member-of-eurasian-econo": (
            f"{RFERL_2013}; Ter-Matevosyan, Drnoian, Mkrtchyan and Yepremyan, 'Armenia in the Eurasian "
            f"Economic Union: reasons for joining and its consequences', Eurasian Geography and "
            f"Economics 58:3 (2017) 340-360, https://doi.org/10.1080/15387216.2017.1360193"),
        "2016-04-01-four-day-april-war-in-nagorno-karabakh-c": f"{ICG_2017}; {UCDP_388}",
        "2016-07-01-eu-georgia-association-agreement-fully-i": OEIL_GEO,
        "2018-04-23-serzh-sargsyan-resigns-as-pm-amid-velvet": (
            "Channel 4 News, 23 Apr 2018, https://www.channel4.com/news/armenia-pm-resigns-after-protests; "
            "Interfax, 23 Apr 2018, https://interfax.com/newsroom/top-stories/24073/"),
        "2020-09-27-second-karabakh-44-day-war-trilateral-st": f"{ICG_2020}; {HRW_2021}; {UCDP_388}",
        "2020-11-08-azerbaijan-announces-capture-of-shusha": (
            "AFP, 8 Nov 2020 (Al Arabiya, https://english.alarabiya.net/en/News/world/2020/11/08/Azerbaijan-"
            "says-it-has-captured-Nagorno-Karabakh-town-of-Shusha): Aliyev announced the capture; "
            "Armenian officials reported continued fighting"),
        "2021-06-15-shusha-declaration-on-allied-relations-a": (
            "Turan news agency, 15 Jun 2021, https://turan.az/en/politics/azerbaijan-and-turkey-signed-an-"
            "agreement-on-mutual-military-assistance; RFE/RL report of 15 Jun 2021 (as carried by "
            "https://mirrorspectator.com/2021/06/15/turkish-presidents-visit-to-shushi-a-new-attempt-to-"
            "display-force-artsakh-mps-say/)"),
        "2022-02-22-azerbaijan-russia-declaration-on-allied": (
            "PAP (Polish Press Agency), 22 Feb 2022, https://pap.pl/aktualnosci/news%2C1088161%2Cwladimir-"
            "putin-i-prezydent-azerbejdzanu-podpisali-w-moskwie-deklaracje-o; commonspace.eu, 22 Feb 2022, "
            "https://karabakhspace.commonspace.eu/news/putin-and-aliyev-meet-russia-sign-declaration-"
            "allied-cooperation"),
        "2022-12-12-blockade-of-the-lachin-corridor-the-only": ICJ_FEB_2023,
        "2023-09-24-exodus-of-karabakh-armenians-to-armenia": (
            f"{UNHCR_2023}; {UN_MISSION_2023}; {HRW_2023}; {PACE_2023}; {EP_2023}; {ICJ_2023}"),
    },
    "dyads_observed": {
        ("ARM", "AZE", "1992-1999"): f"{HRW_1994}; {UCDP_388}",
        ("ARM", "AZE", "2000-2007"): ICG_2007,
        ("ARM", "AZE", "2008-2019"): f"{ICG_2017}; {UCDP_388}",
        ("ARM", "EU", "1992-1999"): PCA_EP,
        ("ARM", "EU", "2000-2007"): PCA_EP,
        ("ARM", "EU", "2008-2019"): f"{EAP_2009}; {RFERL_2013}",
        ("ARM", "GEO", "1992-1999"): LOC_1995,
        ("ARM", "GEO", "2000-2007"): ICG_2006_GEO,
        ("ARM", "GEO", "2008-2019"): ICG_2011_GEO,
        ("ARM", "IRN", "1992-1999"): CRS_2010,
        ("ARM", "IRN", "2000-2007"): CRS_2010,
        ("ARM", "IRN", "2008-2019"): CRS_2010,
        ("ARM", "RUS", "1992-1999"): f"{MOSCOW_TIMES_2010}; {RFERL_2013}",
        ("ARM", "RUS", "2000-2007"): f"{CRS_2010}; {MOSCOW_TIMES_2010}",
        ("ARM", "RUS", "2008-2019"): f"{MOSCOW_TIMES_2010}; {RFERL_2013}",
        ("ARM", "TUR", "2008-2019"): f"{AP_2018}; {MOSCOW_TIMES_2010}",
        ("ARM", "USA", "1992-1999"): CRS_2008,
        ("ARM", "USA", "2000-2007"): CRS_2008,
        ("ARM", "USA", "2008-2019"): CRS_2013,
        ("AZE", "EU", "1992-1999"): PCA_AZE,
        ("AZE", "EU", "2000-2007"): PCA_AZE,
        ("AZE", "EU", "2008-2019"): EAP_2009,
        ("AZE", "GEO", "1992-1999"): GUAM_1997,
        ("AZE", "GEO", "2000-2007"): BTC_2006,
        ("AZE", "GEO", "2008-2019"): TRABZON_2012,
        ("AZE", "IRN", "1992-1999"): SHAFFER,
        ("AZE", "IRN", "2000-2007"): SHAFFER,
        ("AZE", "IRN", "2008-2019"): EURASIANET_2012_IRN,
        ("AZE", "RUS", "1992-1999"): f"{HRW_WR1993}; {GUAM_1997}",
        ("AZE", "RUS", "2000-2007"): f"{SIPRI_REG}: Russian arms orders for Azerbaijan from 2006",
        ("AZE", "RUS", "2008-2019"): (f"{SIPRI_REG}: 20 Russian deals with Azerbaijan ordered 2006-2017, "
                                      "TIV delivered 2,209 million"),
        ("AZE", "TUR", "1992-1999"): CRS_2010,
        ("AZE", "TUR", "2008-2019"): f"{CRS_2010}; {SIPRI_REG}: Turkish arms deals with Azerbaijan from 2000",
        ("AZE", "USA", "1992-1999"): f"{SECTION_907}; {CRS_2008}",
        ("AZE", "USA", "2000-2007"): CRS_2008,
        ("AZE", "USA", "2008-2019"): CRS_2013,
        ("GEO", "EU", "1992-1999"): OEIL_GEO,
        ("GEO", "EU", "2000-2007"): OEIL_GEO,
        ("GEO", "EU", "2008-2019"): f"{AA_GEO}; {OEIL_GEO}; {EAP_2009}",
        ("GEO", "RUS", "1992-1999"): f"{HRW_1995_ABK}; {HRW_WR1993}",
        ("GEO", "RUS", "2000-2007"): (
            f"RFE/RL, 18 Apr 2006, https://www.rferl.org/a/1067715.html and 16 Dec 2006, "
            f"https://rferl.org/amp/1073492.html (Russian bans and sanctions on Georgia); {CRS_2010}"),
        ("GEO", "RUS", "2008-2019"): f"{IIFFMCG}; {HRW_2009}; {EU_COUNCIL_2008}",
        ("GEO", "TUR", "1992-1999"): f"{SIPRI_REG}: Turkish arms deals with Georgia from 1998",
        ("GEO", "TUR", "2008-2019"): f"{TRABZON_2012}; {SIPRI_REG}: Turkish arms deals with Georgia 1998-2022",
        ("GEO", "USA", "1992-1999"): f"{CRS_2008}; {SIPRI_REG}: US arms deals with Georgia from 1999",
        ("GEO", "USA", "2000-2007"): CRS_2008,
        ("GEO", "USA", "2008-2019"): CRS_2013,
    },
    "security_acts": {
        "aze-lachin-blockade-2022": ICJ_FEB_2023,
        "eu-eastern-partnership-armenia": EAP_2009,
        "eu-eastern-partnership-azerbaijan": EAP_2009,
        "eu-eastern-partnership-georgia": EAP_2009,
        "irn-armenia-cooperation": CRS_2010,
        "nato-partnership-armenia": NATO_PFP,
        "nato-partnership-azerbaijan": NATO_PFP,
        "nato-partnership-georgia": NATO_PFP,
        "rus-cst-csto-armenia": f"{RFERL_2013}; {MOSCOW_TIMES_2010}",
        "rus-base-gyumri": MOSCOW_TIMES_2010,
        "rus-peacekeepers-karabakh-2020": ICG_2020,
        "arm-occupation-nk-seven-districts": f"{UNSC_ALL}; {ECHR_CHIRAGOV}; {HRW_1994}; {ICG_2007}; {PACE_1416}",
        "arm-backs-nk-authorities": f"{HRW_1994}; {ECHR_CHIRAGOV}",
        "geo-aze-guam-1997": GUAM_1997,
        "aze-geo-guam-1997": GUAM_1997,
        "geo-transit-window-azerbaijan": BTC_2006,
        "aze-energy-corridor-georgia-2006": BTC_2006,
        "tur-energy-corridor-georgia-2006": BTC_2006,
        "rus-aze-strategic-partnership-2008": (
            "Jamestown Foundation, Eurasia Daily Monitor 5/131 (Jul 2008), https://jamestown.org/program/"
            "russian-president-in-baku-did-he-get-what-he-wanted/: Medvedev and Aliyev signed a "
            "declaration on friendship and strategic partnership in Baku on 3 Jul 2008"),
        "rus-aze-allied-interaction-2022": (
            "PAP (Polish Press Agency), 22 Feb 2022, https://pap.pl/aktualnosci/news%2C1088161%2Cwladimir-"
            "putin-i-prezydent-azerbejdzanu-podpisali-w-moskwie-deklaracje-o: the declaration provides for "
            "mutual military assistance and arms supplies"),
        "tur-aze-shusha-declaration-2021": (
            "Turan news agency, 15 Jun 2021, https://turan.az/en/politics/azerbaijan-and-turkey-signed-an-"
            "agreement-on-mutual-military-assistance (Aliyev: the declaration covers defence industry and "
            "mutual military assistance)"),
        "tur-aze-mutual-assistance-2010": EURASIANET_2011_TUR,
        "usa-section-907-azerbaijan": f"{SECTION_907}; {CRS_2008}",
        "eu-association-georgia-2014": f"{AA_GEO}; {OEIL_GEO}",
        "nato-bucharest-georgia-2008": NATO_2008,
        "rus-backs-abkhazia-south-ossetia": f"{HRW_1995_ABK}; {HRW_1992_SO}",
        "aze-war-1992-1994": HRW_1994,
        "arm-war-1992-1994": HRW_1994,
        "rus-georgia-war-2008": f"{IIFFMCG}; {HRW_2009}",
        "rus-recognises-abkhazia-south-ossetia": EU_COUNCIL_2008,
        "aze-arm-april-war-2016": ICG_2017,
        "arm-aze-april-war-2016": ICG_2017,
        "aze-war-2020": f"{ICG_2020}; {HRW_2021}",
        "arm-war-2020": f"{ICG_2020}; {HRW_2021}",
        "tur-closes-armenian-border-1993": f"{AP_2018}; {MOSCOW_TIMES_2010}",
    },
}

# --------------------------------------------------------------------------------------
# Sources added on review (issue 11 §2). Each was found and read with the search tool.
# --------------------------------------------------------------------------------------
RFERL_2021_ELECTION = ("RFE/RL, 'International Observers: Armenia's Elections Were Competitive And Generally "
                       "Well-Managed', 21 Jun 2021, https://www.rferl.org/a/armenia-elections-international-"
                       "observers-osce/31318900.html: the OSCE/ODIHR, OSCE PA and PACE mission found the 20 Jun "
                       "2021 early elections competitive and generally well managed, but marked by intense "
                       "polarisation and inflammatory rhetoric")
AP_2023_EMBASSY = ("Associated Press, 'Gunman kills security chief at Azerbaijan Embassy in Iran', 27 Jan 2023 "
                   "(as carried by the Toronto Star, https://www.thestar.com/news/world/middleeast/2023/01/27/"
                   "gunman-kills-security-chief-at-azerbaijan-embassy-in-iran.html): a gunman with a "
                   "Kalashnikov-style rifle killed the embassy's head of security and wounded two guards; no "
                   "motive was offered; Tehran police blamed 'personal and family problems' (AP via PTI, "
                   "https://www.devdiscourse.com/article/law-order/2333311-gunman-kills-security-chief-at-"
                   "azerbaijan-embassy-in-iran)")
EUMA_DECISION = ("Council Decision (CFSP) 2023/162 of 23 Jan 2023 on a European Union mission in Armenia "
                 "(EUMA), OJ L 22, 24.1.2023, https://eur-lex.europa.eu/legal-content/AUTO/?uri=CELEX:32023D0162: "
                 "establishes a civilian CSDP mission after the Armenian Foreign Minister's invitation")
EUMA_LAUNCH = ("Interfax, 'EU mission starts work in Armenia', 20 Feb 2023, https://interfax.com/newsroom/"
               "top-stories/88108/: the Council of the EU announced the launch of EUMA (about 100 staff, some "
               "50 unarmed monitors, headquarters in Yeghegnadzor)")
EUMCAP_2022 = ("Council of the EU press release of 23 Jan 2023 (as carried by EU Neighbours East on EIN "
               "Presswire, https://www.einpresswire.com/article/612893224/armenia-eu-establishes-civilian-"
               "mission-to-contribute-to-stability-in-border-areas): the EU Monitoring Capacity in Armenia "
               "(EUMCAP), observers from EUMM Georgia, was fully operational from 20 Oct 2022, conducted 176 "
               "patrols and ended on 19 Dec 2022")
CONG_REC_2023 = ("Congressional Record vol. 169 no. 190, 15 Nov 2023, pp. S5531-S5533, 'Armenian Protection "
                 "Act of 2023' (US Government Publishing Office, http://www.gpo.gov/fdsys/pkg/CREC-2023-11-15/"
                 "html/CREC-2023-11-15-pt1-PgS5531.htm): Senator Peters asks unanimous consent to pass S. 3000, "
                 "which bars the Section 907 waiver for two years (the record of the Senate itself)")
POLITICO_2024 = ("Politico Europe, 17 Apr 2024, https://www.politico.eu/article/russia-withdrawal-troops-"
                 "nagorno-karabakh-azerbaijan-armenia/: Kremlin spokesman Peskov confirmed that Russian "
                 "peacekeepers had begun leaving Karabakh")
JURIST_2024 = ("JURIST, 'Armenia agrees to return four villages to Azerbaijan', Apr 2024, https://jurist.org/"
               "news/2024/04/armenia-agrees-to-return-four-villages-to-azerbaijan: the 8th meeting of the "
               "border commissions agreed the first delimited sections; the UN Secretary-General welcomed the "
               "agreement; Tavush residents protested")
OC_MEDIA_2024_CSTO = ("OC Media, 'Armenia to leave Russia-led security pact', 12 Jun 2024, https://oc-media.org/"
                      "armenia-to-leave-russia-led-security-pact/: in parliament Pashinyan said 'we will leave', "
                      "calling the CSTO a 'bubble alliance' whose members planned a war against Armenia with "
                      "Azerbaijan; no date given")
BIANET_2024 = ("bianet (independent Turkish outlet), 'Turkey, Armenia hold fifth normalization meeting at "
               "border', 30 Jul 2024, https://bianet.org/haber/turkey-armenia-hold-fifth-normalization-meeting-"
               "at-border-298039: the envoys Kılıç and Rubinyan met at the Alican-Margara gate, agreed to assess "
               "reopening the Akyaka/Akhurik rail crossing and to ease visas for diplomatic/official passports")
US_ARM_2025 = ("Babel.ua, 14 Jan 2025, reporting RFE/RL's Armenian Service, https://babel.ua/en/news/114479-"
               "armenia-and-the-united-states-signed-a-charter-on-strategic-partnership: Mirzoyan and Blinken "
               "signed a charter creating a strategic partnership commission (economy, defence and security, "
               "democracy); Mediamax, 16 Jan 2025, https://mediamax.am/en/news/parzabanum/56693/")
JAMNEWS_2025 = ("JAMnews, 'Georgian journalist Mzia Amaghlobeli sentenced to two years in prison', Aug 2025, "
                "https://jam-news.net/sentence-for-georgian-journalist-mzia-amaghlobeli: Batumi City Court "
                "judge Nino Sakhelashvili reclassified the charge and imposed two years")
KAVKAZ_2025_907 = ("Caucasian Knot, 'The decision on Section 907 was one of the bonuses of the Washington "
                   "meeting for Azerbaijan', Aug 2025, https://eng.kavkaz-uzel.eu/articles/67117: Aliyev "
                   "thanked Trump for lifting the restrictions on US-Azerbaijan defence cooperation under "
                   "Section 907")
TURKEY_ARMENIA_2022 = ("Armenian MFA press release, 1 Jul 2022, https://mfa.am/ru/press-releases/2022/07/01/"
                       "Armenia_Turkey_4th/11527 (party statement) and Turkish MFA statement of the same day as "
                       "reported by Duvar English (independent Turkish outlet, with Anadolu), https://duvarenglish."
                       "com/amp/turkey-and-armenia-to-open-border-for-third-country-nationals-news-60986: both "
                       "sides' texts agree on the Vienna meeting and the decision to open the border to "
                       "third-country citizens (no agency report independent of both parties was found)")
MESSENGER_2021_ARM = ("The Messenger (Tbilisi), 10 Sep 2021, https://messenger.com.ge./issues/4981_september_10"
                      "_2021/4981_natalia.html: Pashinyan's official visit to Tbilisi; the prime ministers pledged "
                      "to intensify ties; JAMnews, 9 Oct 2021, https://jam-news.net/prime-minister-of-georgia-on-a-"
                      "visit-to-armenia/: Garibashvili in Yerevan offers Georgia's mediation between Armenia and "
                      "Azerbaijan")
HETQ_2022 = ("Hetq (independent Armenian outlet), Jul 2022, https://hetq.am/en/article/146816: Iran's envoy calls "
             "'corridors' through Armenia unacceptable and Khamenei tells Erdoğan Iran would oppose any blocking of "
             "the Iran-Armenia border; Caucasus Watch, Dec 2021, http://caucasuswatch.de/news/4631.html: Iran's "
             "government decides to open a consulate in Kapan")
AZATUTYUN_2024_IRN = ("RFE/RL Armenian Service (Azatutyun), Ruzanna Stepanian, 10 Sep 2024 (republished by the "
                      "Armenian Mirror-Spectator, https://mirrorspectator.com/2024/09/10/armenian-leaders-thank-"
                      "iran-for-opposing-azeri-corridor/): Iranian officials call any change of borders a red "
                      "line; Armenian leaders thank Tehran")
MEYDAN_2022_EU = ("Meydan TV (independent Azerbaijani outlet), 18 Jul 2022, https://www.meydan.tv/en/article/"
                  "memorandum-of-understanding-signed-between-azerbaijan-and-the-european-union/: Aliyev and von "
                  "der Leyen signed the energy Memorandum of Understanding; gas supplies to rise towards 20 bcm")
MEYDAN_2022_RUS = ("Meydan TV, Feb 2022, https://www.meydan.tv/en/article/presidents-aliyev-and-putin-sign-a-"
                   "declaration-of-alliance/ (Aliyev and Putin sign the Declaration on Allied Interaction)")
PAP_2022 = ("PAP (Polish Press Agency), 22 Feb 2022, https://pap.pl/aktualnosci/news%2C1088161%2Cwladimir-"
            "putin-i-prezydent-azerbejdzanu-podpisali-w-moskwie-deklaracje-o: the declaration provides for "
            "mutual military assistance and arms supplies")
TRILATERAL_2019 = ("The Messenger (Tbilisi), 25 Dec 2019, http://messenger.com.ge/issues/4554_december_25_2019/"
                   "4554_natalia.html: at the 8th trilateral meeting the Georgian, Turkish and Azerbaijani "
                   "foreign ministers signed a 2020-2022 action plan for sectoral cooperation; Caucasus Watch, "
                   "https://caucasuswatch.de/en/news/trilateral-meeting-of-azerbaijani-georgian-and-turkish-fms-"
                   "held-in-tbilisi.html")
JAMNEWS_2021_AZE = ("JAMnews, 9 Oct 2021, https://jam-news.net/prime-minister-of-georgia-on-a-visit-to-armenia/: "
                    "Garibashvili had visited Azerbaijan and met Aliyev ten days earlier")
MEDIAMAX_2023_TRI = ("Mediamax, 2023, https://mediamax.am/en/news/region/53232/: trilateral meeting of the "
                     "Azerbaijani, Turkish and Georgian defence ministers in Baku, after one in Kars in Feb 2023")
RUSTAVI2_2021 = ("Rustavi 2 (Georgian broadcaster), 30 Nov 2021, https://rustavi2.ge/en/news/90004: Russia "
                 "continues 'borderization' of the occupied territories (fence between Koda and Chvirinisi); "
                 "GFSIS, 'Overview of the Situation at the Occupation Line' (20 Feb 2024), http://kremlin-roadmap."
                 "gfsis.org.ge/monthly-review/display/1588: the border division of Russia's FSB has guarded the "
                 "occupation line since 2009")
US_GDDEI_2021 = ("US Embassy Tbilisi, 'Fact sheet: Georgia Defense and Deterrence Enhancement Initiative', 18 Oct "
                 "2021, https://ge.usembassy.gov/fact-sheet-georgia-defense-and-deterrence-enhancement-"
                 "initiative/ (US government, party statement; the memorandum was co-signed by Georgia's "
                 "defence minister Burchuladze): a multi-year US-Georgia security cooperation programme "
                 "following the Georgia Defense Readiness Program (2018-2021); no source independent of both "
                 "parties was found")
EPF_2024 = ("Council of the EU statement of 22 Jul 2024 as reported by Anadolu via A News, https://anews.com.tr/"
            "european-union/2024/07/22/eu-approves-108m-assistance-package-to-support-armenias-military, and by "
            "Sakartvelos Ambebi, https://sakartvelosambebi.ge/en/news/eu-approves-eur10-million-in-military-aid-"
            "for-armenia: first EPF assistance measure for Armenia, EUR 10 million, a deployable battalion tent "
            "camp; eu-east.com, 5 Jul 2024, citing RFE/RL's Armenian Service, http://eu-east.com/world-news/"
            "armenia-to-receive-10-million-from-eu-european-peace-facility (Hungary lifted its veto)")
JAMESTOWN_1999_CST = ("Jamestown Foundation, Monitor 5/79 (Apr 1999), https://jamestown.org/program/collective-"
                      "security-treaty-shrinks-guam-set-to-grow: the Collective Security Treaty (signed 1992, in "
                      "force 1994) expired on 20 Apr 1999 for Georgia, Azerbaijan and Uzbekistan, which declined "
                      "to sign the prolongation; Armenia signed it")
LOC_AZE_CIS = ("Library of Congress, Federal Research Division, Azerbaijan: A Country Study (data as of March "
               "1994), 'Relations with Former Soviet Republics' (copy http://reference.allrefer.com/country-"
               "guide-study/azerbaijan/azerbaijan67.html): after the legislature declined to ratify in Oct 1992, "
               "Aliyev announced in Sept 1993 that Azerbaijan would rejoin the CIS; the legislature approved and "
               "Aliyev signed the CIS charter and the Treaty on Collective Security")
NATO_ID_2006 = ("RFE/RL, 'NATO Ministers Back Closer Ties With Georgia', 22 Sep 2006, https://www.rferl.org/a/"
                "1071542.html; Civil Georgia, 21 Sep 2006, https://old.civil.ge/eng/_print.php?id=13614: NATO "
                "foreign ministers agreed an Intensified Dialogue with Georgia on 21 Sep 2006")
RFERL_2014_EEU = (f"{RFERL_2013} (the decision to join the customs union that became the EEU; the accession "
                  "date, 2 Jan 2015, was found only in Armenian diaspora outlets)")

#: The prefix of an ``independent_source`` that records that none was found (see :data:`UNSOURCED`).
NO_INDEPENDENT = "NO INDEPENDENT SOURCE FOUND:"

#: Rows for which no independent source was found: table -> key -> reason. Written into
#: ``independent_source`` as ``NO_INDEPENDENT reason``; ``data/README.md`` lists them.
UNSOURCED: dict[str, dict] = {
    "events": {},
    "dyads_observed": {
        ("GEO", "IRN", p): ("default coding 0 ('no salient tie either way'), certainty no_source; not a finding "
                            "(codebook, dyads_observed 'Weak cells')")
        for p in ("1992-1999", "2000-2007", "2020-2022", "2023-2025")},
    "security_acts": {
        "tur-aze-friendship-treaty-1994": (
            "the treaty of 9 Feb 1994 is known here only from the parties' own records (Heydar Aliyev "
            "Heritage library text of Aliyev's speech at the signing, 9 Feb 1994, https://lib.aliyev-"
            "heritage.org/en/9064251.html; Trend, 9 Feb 2023), party statements"),
    },
    "memberships": {
        "arm-nato-nacc-eapc": "only a Russian state newspaper (rg.ru) was found",
        "geo-nato-nacc-eapc": "only the Georgian MFA and a Wikipedia mirror were found",
        "arm-rus-allied-cooperation-2000": "only a Sputnik factbox reposted on a diaspora forum was found",
        "aze-tur-friendship-1994": "only Azerbaijani state-aligned agencies (Report.az, Trend) were found",
        "aze-rus-friendship-1997": "the cited AZERTAC text is the 2022 declaration; no source for the 1997 "
                                   "treaty itself was found",
    },
}

INDEPENDENT["events"].update({
    "2021-06-20-armenian-snap-parliamentary-election-aft": RFERL_2021_ELECTION,
    "2022-07-01-armenia-turkey-normalisation-envoys-4th": TURKEY_ARMENIA_2022,
    "2023-01-27-armed-attack-on-the-azerbaijani-embassy": AP_2023_EMBASSY,
    "2023-02-20-eu-civilian-mission-in-armenia-euma-laun": f"{EUMA_DECISION}; {EUMA_LAUNCH}",
    "2023-11-15-us-senate-adopts-bill-to-repeal-section": CONG_REC_2023,
    "2024-04-17-russia-begins-withdrawing-its-1-960-stro": POLITICO_2024,
    "2024-04-19-armenia-azerbaijan-border-commissions-pr": JURIST_2024,
    "2024-06-12-pashinyan-tells-parliament-armenia-will": OC_MEDIA_2024_CSTO,
    "2024-07-30-5th-meeting-of-the-armenia-turkey-normal": BIANET_2024,
    "2025-01-14-the-us-and-armenia-sign-a-charter-establ": US_ARM_2025,
    "2025-08-06-batumi-court-sentences-journalist-mzia-a": JAMNEWS_2025,
    "2025-08-08-president-trump-extends-the-waiver-of-se": KAVKAZ_2025_907,
})
INDEPENDENT["dyads_observed"].update({
    ("ARM", "EU", "2020-2022"): f"{EUMCAP_2022}; {EUMA_DECISION}",
    ("ARM", "GEO", "2020-2022"): MESSENGER_2021_ARM,
    ("ARM", "IRN", "2020-2022"): HETQ_2022,
    ("ARM", "IRN", "2023-2025"): AZATUTYUN_2024_IRN,
    ("AZE", "EU", "2020-2022"): MEYDAN_2022_EU,
    ("AZE", "GEO", "2020-2022"): f"{TRILATERAL_2019}; {JAMNEWS_2021_AZE}",
    ("AZE", "RUS", "2020-2022"): f"{PAP_2022}; {MEYDAN_2022_RUS}",
    ("GEO", "RUS", "2020-2022"): RUSTAVI2_2021,
    ("GEO", "TUR", "2020-2022"): TRILATERAL_2019,
    ("GEO", "TUR", "2023-2025"): MEDIAMAX_2023_TRI,
    ("GEO", "USA", "2020-2022"): US_GDDEI_2021,
})
INDEPENDENT["security_acts"].update({
    "eu-mission-armenia-2023": f"{EUMA_DECISION}; {EUMA_LAUNCH}",
    "eu-epf-armenia-2024": EPF_2024,
    "usa-armenia-strategic-partnership-2025": US_ARM_2025,
    "usa-907-waiver-azerbaijan-2025": KAVKAZ_2025_907,
})
#: Memberships (``membership_id`` -> independent source); independent citations already in a
#: row's ``source`` (RFE/RL, Caucasian Knot, Civil.ge, Novaya Gazeta ...) are added automatically.
INDEPENDENT["memberships"] = {
    "arm-cis": HRW_WR1992,
    "aze-cis": LOC_AZE_CIS,
    "arm-cst-csto": JAMESTOWN_1999_CST,
    "aze-cst": JAMESTOWN_1999_CST,
    "geo-cst": JAMESTOWN_1999_CST,
    "arm-nato-pfp": NATO_PFP,
    "aze-nato-pfp": NATO_PFP,
    "geo-nato-pfp": NATO_PFP,
    "arm-rus-gyumri-base-1995": MOSCOW_TIMES_2010,
    "arm-rus-gyumri-base-extension-2010": MOSCOW_TIMES_2010,
    "arm-eu-eap": EAP_2009,
    "aze-eu-eap": EAP_2009,
    "geo-eu-eap": EAP_2009,
    "arm-eeu": RFERL_2014_EEU,
    "aze-rus-strategic-partnership-2008": (
        "Jamestown Foundation, Eurasia Daily Monitor 5/131 (Jul 2008), https://jamestown.org/program/"
        "russian-president-in-baku-did-he-get-what-he-wanted/: Medvedev and Aliyev signed a declaration on "
        "friendship and strategic partnership in Baku on 3 Jul 2008"),
    "aze-rus-allied-interaction-2022": f"{PAP_2022}; {MEYDAN_2022_RUS}",
    "aze-tur-mutual-assistance-2010": EURASIANET_2011_TUR,
    "aze-tur-shusha-2021": ("Turan news agency, 15 Jun 2021, https://turan.az/en/politics/azerbaijan-and-turkey-"
                            "signed-an-agreement-on-mutual-military-assistance"),
    "aze-trilateral-trabzon-2012-geo": TRABZON_2012,
    "aze-trilateral-trabzon-2012-tur": TRABZON_2012,
    "geo-trilateral-trabzon-2012-aze": TRABZON_2012,
    "geo-trilateral-trabzon-2012-tur": TRABZON_2012,
    "geo-nato-intensified-dialogue": NATO_ID_2006,
    "geo-nato-bucharest-2008": NATO_2008,
    "geo-eu-association-2014": AA_GEO,
}

#: Citations replaced in source columns of the other tables (identity, secession, events from
#: facts): the old text -> its replacement. Each replacement names the original document the
#: mirror copied, or says that no independent source was found.
SOURCE_FIXES: dict[str, str] = {
    # UNSC 822 row of facts/events.csv linked to the page for resolution 853
    "https://lawglobalhub.com/united-nations-security-council-resolution-853-armenia-azerbaijan":
        "https://undocs.org/S/RES/822(1993)",
    # identity (choosers, from facts/state_attributes.csv)
    "Wikipedia 'Demographics of Armenia' table (mirror https://wiki.niidae.com/index.php?action=edit&section=9"
    "&title=Demographics_of_Armenia)":
        "Wikipedia 'Demographics of Armenia' (https://en.wikipedia.org/wiki/Demographics_of_Armenia; tertiary, "
        "no census-office source found)",
    "Wikipedia-derived text (https://when.com/... 'About 8.2 million Azerbaijanis live in Azerbaijan (2009 "
    "census), making 91.6%')":
        "Wikipedia 'Azerbaijanis' ('About 8.2 million Azerbaijanis live in Azerbaijan (2009 census), making "
        "91.6%'; tertiary, text seen only in a search-portal copy, no census-office source found)",
    "via Wikipedia 'Freedom of religion in Azerbaijan' (http://piglix.com/piglix/Freedom_of_religion_in_"
    "Azerbaijan)":
        "via Wikipedia 'Freedom of religion in Azerbaijan' (https://en.wikipedia.org/wiki/Freedom_of_religion_"
        "in_Azerbaijan; tertiary)",
    # secession_cases (Abkhazia row of facts/secession_cases.csv)
    "Georgia 1989 census 5,400,841 (wikimili Demographics of Georgia)":
        "Georgia 1989 census 5,400,841 (Wikipedia 'Demographics of Georgia', tertiary; no census-office source "
        "found)",
    "UNSC 876 (wikiland.org)": "UNSC 876 (1993), https://undocs.org/S/RES/876(1993)",
}


def fix_sources(text: str) -> str:
    """Apply :data:`SOURCE_FIXES` to a source text."""
    for old, new in SOURCE_FIXES.items():
        text = str(text).replace(old, new)
    return text


KEY_COLUMNS = {"events": ("event_id",), "dyads_observed": ("state", "partner", "period"),
               "security_acts": ("act_id",)}
OTHER_KEY_COLUMNS = {"memberships": ("membership_id",)}


def _domain_pattern(domain: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9-])(?:[a-z0-9-]+\.)*" + re.escape(domain) + r"(?![a-z0-9-])", re.I)


_PATTERNS = {d: _domain_pattern(d) for d in DOMAINS}


def listed_domains(text: str) -> list[str]:
    """The listed domains that occur in ``text``.

    >>> listed_domains("RT (https://www.rt.com/x); Airport.com; wikimili.com/en/Y")
    ['wikimili.com', 'rt.com']
    """
    return [d for d, p in _PATTERNS.items() if p.search(str(text or ""))]


def split_citations(text: str) -> list[str]:
    """Split a source text at ``;`` outside parentheses.

    >>> split_citations("A (x; y); B")
    ['A (x; y)', 'B']
    """
    parts, depth, cur = [], 0, []
    for ch in str(text or ""):
        depth += (ch == "(") - (ch == ")")
        if ch == ";" and depth <= 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur).strip())
    return [p for p in parts if p]


def label_party_statements(text: str) -> str:
    """Append ``(party statement)`` to each citation of a party's own outlet that lacks it."""
    out = []
    for part in split_citations(text):
        kinds = {DOMAINS[d][0] for d in listed_domains(part)}
        if "party_state_media" in kinds and PARTY_LABEL not in part:
            part = f"{part} {PARTY_LABEL}"
        out.append(part)
    return "; ".join(out)


def independent_parts(source: str) -> list[str]:
    """The citations in ``source`` that name an independent issuer and no listed domain."""
    return [p for p in split_citations(source)
            if not listed_domains(p) and any(m.lower() in p.lower() for m, _ in INDEPENDENT_MARKERS)]


def row_key(table: str, row: pd.Series):
    cols = KEY_COLUMNS.get(table) or OTHER_KEY_COLUMNS[table]
    return row[cols[0]] if len(cols) == 1 else tuple(row[c] for c in cols)


def add_independent_sources(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Label party outlets in ``source`` and add ``independent_source`` after ``source``.

    ``independent_source`` = the review's entry in :data:`INDEPENDENT` (if any) followed by the
    independent citations already in ``source``; empty if neither exists.
    """
    entries = INDEPENDENT[table]
    missing = UNSOURCED.get(table, {})
    keys = [row_key(table, r) for _, r in df.iterrows()]
    stale = sorted(map(str, (set(entries) | set(missing)) - set(keys)))
    if stale:
        raise ValueError(f"{table}: INDEPENDENT keys that match no row: {stale}")
    out = df.copy()
    out["source"] = out["source"].map(label_party_statements)
    own = [independent_parts(s) for s in df["source"]]
    found = ["; ".join(([entries[k]] if k in entries else [])
                       + [p for p in parts if p not in entries.get(k, "")])
             for k, parts in zip(keys, own)]
    both = [k for k, f in zip(keys, found) if f and k in missing]
    if both:
        raise ValueError(f"{table}: rows both sourced and listed in UNSOURCED: {both}")
    out["independent_source"] = [f or (f"{NO_INDEPENDENT} {missing[k]}" if k in missing else "")
                                 for k, f in zip(keys, found)]
    cols = list(df.columns)
    cols.insert(cols.index("source") + 1, "independent_source")
    return out[cols]


def unsourced(table: str, df: pd.DataFrame) -> list:
    """Keys of rows with no independent source (empty or :data:`NO_INDEPENDENT`), for the review report."""
    return [row_key(table, r) for _, r in df.iterrows()
            if not str(r["independent_source"]).strip() or str(r["independent_source"]).startswith(NO_INDEPENDENT)]
