#!/usr/bin/env python3
"""Build the fifteen numeric tables of the course data layer.

Reads the filtered extracts in ``data/raw/extracts/`` of the repository (see PROVENANCE.md
there and ``data/raw/README.md``) and writes tidy CSVs into ``data/``:

    capabilities_nmc.csv      milex_sipri.csv          economy_wdi.csv
    unga_ideal_points.csv     unga_distance.csv        atop_dyad_years.csv
    arms_transfers.csv        arms_imports_tiv.csv     regime.csv
    armed_conflicts.csv       territorial_threat.csv   distances.csv
    contiguity.csv            mids.csv                 rivalries.csv

Rules followed (see the data spec and codebook):
* nothing is invented or imputed; a value that does not exist is an empty cell
  (source sentinels such as -9, "..", "..." become empty);
* actor codes are ISO3-style (ARM AZE GEO RUS TUR IRN USA FRA DEU GBR, plus ISO3
  for other states); the derived bloc WEST is never written here;
* integer ``year``; rows sorted by their keys; no duplicate keys;
* floats rounded per column; output is deterministic (same input -> same bytes).

Standard library + pandas only.

Usage:
    python scripts/build_numeric.py [--raw data/raw] [--out data]
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DEFAULT_RAW = REPO / "data" / "raw"
DEFAULT_OUT = REPO / "data"

YEAR_MIN, YEAR_MAX = 1992, 2025

CHOOSERS = ["ARM", "AZE", "GEO"]
# Actors of the state-year tables (spec: "ARM AZE GEO RUS TUR IRN USA FRA DEU GBR").
CORE = ["ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "USA", "FRA", "DEU", "GBR"]
# Extra states that are in the extracts (used where a table naturally includes them).
EXTRA = ["ISR", "UKR", "CHN"]

# Correlates of War state codes -> actor / ISO3 codes.  Besides the 13 states of the
# extracts this covers every other CoW code that occurs in a kept row (MID and rivalry
# partners); the test at the end of each builder fails loudly if one is missing.
CCODE_TO_CODE = {
    2: "USA", 200: "GBR", 220: "FRA", 255: "DEU", 365: "RUS", 369: "UKR",
    371: "ARM", 372: "GEO", 373: "AZE", 630: "IRN", 640: "TUR", 666: "ISR", 710: "CHN",
    # others
    40: "CUB", 160: "ARG", 345: "SRB", 350: "GRC", 352: "CYP", 645: "IRQ", 651: "EGY",
    652: "SYR", 663: "JOR", 670: "SAU", 679: "YEM", 696: "ARE", 700: "AFG", 701: "TKM",
    705: "KAZ", 713: "TWN", 740: "JPN", 750: "IND", 816: "VNM",
}
CODE_TO_CCODE = {v: k for k, v in CCODE_TO_CODE.items()}

# SIPRI (arms transfers / import table) country names -> ISO3.
SIPRI_NAME_TO_ISO3 = {
    "Armenia": "ARM", "Azerbaijan": "AZE", "Georgia": "GEO", "Russia": "RUS",
    "Turkiye": "TUR", "Türkiye": "TUR", "Iran": "IRN", "United States": "USA",
    "France": "FRA", "Germany": "DEU", "United Kingdom": "GBR", "Israel": "ISR",
    "Ukraine": "UKR", "China": "CHN", "Belarus": "BLR", "Czechia": "CZE",
    "Bulgaria": "BGR", "India": "IND", "South Africa": "ZAF", "Slovakia": "SVK",
    "Poland": "POL", "Jordan": "JOR", "Pakistan": "PAK", "Greece": "GRC",
    "Montenegro": "MNE", "Italy": "ITA", "Bosnia-Herzegovina": "BIH", "Serbia": "SRB",
    "Spain": "ESP", "Kazakhstan": "KAZ", "Uzbekistan": "UZB", "DR Congo": "COD",
    "Gambia": "GMB", "Ghana": "GHA", "Saudi Arabia": "SAU", "Sudan": "SDN",
    "Turkmenistan": "TKM",
}
SIPRI_UNKNOWN_SUPPLIER = "unknown supplier(s)"

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


# ----------------------------------------------------------------------------- helpers
def fmt_float(series: pd.Series, decimals: int) -> pd.Series:
    """Round to `decimals` and render as text without trailing zeros ("" if missing).

    Writing text avoids scientific notation (1e-05) and float noise in the CSVs.
    """
    def one(x):
        if x is None or (isinstance(x, float) and math.isnan(x)) or pd.isna(x):
            return ""
        s = f"{float(x):.{decimals}f}"
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        if s in ("-0", ""):
            s = "0"
        return s
    return series.map(one).astype(object)


def to_int(series: pd.Series) -> pd.Series:
    """Nullable integer (empty cell where missing); fails on non-integral values."""
    num = pd.to_numeric(series, errors="raise")
    bad = num.notna() & (num != num.round())
    if bad.any():
        raise ValueError(f"non-integral values in {series.name}: {num[bad].tolist()[:5]}")
    return num.astype("Int64")


def fmt_bool(series: pd.Series) -> pd.Series:
    return series.map(lambda b: "" if pd.isna(b) else ("true" if bool(b) else "false")).astype(object)


def ccode_to_code(series: pd.Series) -> pd.Series:
    missing = sorted(set(series.dropna().astype(int)) - set(CCODE_TO_CODE))
    if missing:
        raise KeyError(f"CoW codes without an ISO3 mapping: {missing}")
    return series.astype(int).map(CCODE_TO_CODE)


def check_keys(df: pd.DataFrame, keys: list[str], name: str) -> None:
    dup = df.duplicated(keys, keep=False)
    if dup.any():
        raise ValueError(f"{name}: duplicate keys {keys}:\n{df[dup].head()}")
    for k in keys:
        if df[k].isna().any() or (df[k].astype(str) == "").any():
            raise ValueError(f"{name}: empty key column {k}")


def write(df: pd.DataFrame, out: Path, name: str, keys: list[str]) -> pd.DataFrame:
    check_keys(df, keys, name)
    df = df.sort_values(keys, kind="mergesort").reset_index(drop=True)
    path = out / name
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    print(f"wrote {path.relative_to(out.parent) if out.parent in path.parents else path}: "
          f"{len(df)} rows, {len(df.columns)} columns")
    return df


def year_filter(df: pd.DataFrame, col: str = "year", lo: int = YEAR_MIN, hi: int = YEAR_MAX):
    return df[(df[col] >= lo) & (df[col] <= hi)]


# ----------------------------------------------------------------------------- 1 NMC
def build_nmc(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "cow_nmc_v6_0_selected_states.csv")
    raw["actor"] = ccode_to_code(raw["ccode"])
    df = year_filter(raw[raw["actor"].isin(CORE)], hi=2016).copy()
    cols = {"milex": "milex_thousand_current_usd", "milper": "milper_thousand",
            "irst": "irst_thousand_tons", "pec": "pec_thousand_coal_tons",
            "tpop": "tpop_thousand", "upop": "upop_thousand"}
    res = pd.DataFrame({"actor": df["actor"], "year": to_int(df["year"])})
    # -9 is NMC's missing-value code -> empty
    res["cinc"] = fmt_float(df["cinc"].where(df["cinc"] != -9), 6)
    for old, new in cols.items():
        res[new] = to_int(df[old].where(df[old] != -9))
    return write(res, out, "capabilities_nmc.csv", ["actor", "year"])


# ----------------------------------------------------------------------------- 2 SIPRI milex
REL_2024 = "SIPRI Milex April 2024 release"
REL_2023 = "SIPRI Milex April 2023 release"
REL_OWID = "SIPRI Milex 2025 release via Our World in Data (share of GDP only)"


def build_milex(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "sipri_milex_selected_states_1991_2023.csv")
    raw = raw.rename(columns={"iso3c": "actor"})
    raw = year_filter(raw[raw["actor"].isin(CORE)])
    # value is empty wherever SIPRI has "..." or "xxx" (kept in missing_marker)
    assert raw.loc[raw["missing_marker"].notna(), "value"].isna().all()
    wide = raw.pivot(index=["actor", "year"], columns="indicator", values="value")
    rel = raw.pivot(index=["actor", "year"], columns="indicator", values="release")

    def short(r: str) -> str:
        if r.startswith(REL_2024):
            return REL_2024
        if r.startswith(REL_2023):
            return REL_2023
        raise ValueError(r)

    res = pd.DataFrame(index=wide.index)
    res["milex_constant2022_usd_m"] = wide["milex_constant2022_usd_m"]
    res["milex_current_usd_m"] = wide["milex_current_usd_m"]
    # The April 2023 release copy gives exactly 0.0 current US$ for ARM and RUS in 1992
    # (hyperinflation / currency-changeover year) while the constant-US$ series is
    # positive (ARM 183 m, RUS 54,794 m): a spending of 0 does not exist, so the cell is
    # left empty (documented in the codebook).  No value is put in its place.
    zero = (res["milex_current_usd_m"] == 0) & (res["milex_constant2022_usd_m"] > 0)
    for actor, year in res.index[zero]:
        print(f"  milex: current US$ = 0.0 in source for {actor} {year} -> empty")
    res.loc[zero, "milex_current_usd_m"] = float("nan")
    res["milex_share_gdp_pct"] = wide["milex_share_of_gdp"] * 100.0      # fraction -> percent
    res["milex_share_govt_pct"] = wide["milex_share_of_govt_spending"] * 100.0
    cur_rel = rel["milex_current_usd_m"].map(short)
    other_rel = rel["milex_constant2022_usd_m"].map(short)
    assert (other_rel == REL_2024).all()
    res["source_release"] = [
        o if c == o else f"{o} (current US$: {c})" for o, c in zip(other_rel, cur_rel)
    ]
    res = res.reset_index()

    owid = pd.read_csv(src / "owid_sipri_milex_share_gdp_selected_states_1991_2024.csv")
    owid = owid.rename(columns={"Code": "actor", "Year": "year",
                                "Military expenditure (% of GDP)": "share"})
    o24 = owid[(owid["year"] == 2024) & owid["actor"].isin(CORE) & owid["share"].notna()]
    add = pd.DataFrame({"actor": o24["actor"], "year": o24["year"],
                        "milex_share_gdp_pct": o24["share"], "source_release": REL_OWID})
    res = pd.concat([res, add], ignore_index=True)

    # report (not stored): OWID 2025-release share vs SIPRI 2024-release share, <= 2023
    cmp = res.merge(owid[["actor", "year", "share"]], on=["actor", "year"])
    cmp = cmp[cmp["year"] <= 2023].dropna(subset=["milex_share_gdp_pct", "share"])
    diff = (cmp["share"] - cmp["milex_share_gdp_pct"]).abs()
    print(f"  milex: OWID(2025) vs SIPRI(2024) share of GDP, {len(cmp)} overlapping actor-years: "
          f"median |diff| {diff.median():.3f} pp, max {diff.max():.3f} pp "
          f"({cmp.loc[diff.idxmax(), 'actor']} {int(cmp.loc[diff.idxmax(), 'year'])}); "
          f">0.1 pp in {(diff > 0.1).sum()}")

    res["year"] = to_int(res["year"])
    for c in ["milex_constant2022_usd_m", "milex_current_usd_m"]:
        res[c] = fmt_float(res[c], 1)
    for c in ["milex_share_gdp_pct", "milex_share_govt_pct"]:
        res[c] = fmt_float(res[c], 2)
    res = res[["actor", "year", "milex_constant2022_usd_m", "milex_current_usd_m",
               "milex_share_gdp_pct", "milex_share_govt_pct", "source_release"]]
    return write(res, out, "milex_sipri.csv", ["actor", "year"])


# ----------------------------------------------------------------------------- 3 WDI
def build_wdi(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "wdi_extract_selected_states_1991_2023.csv", dtype=str,
                      keep_default_na=False)
    series = {"SP.POP.TOTL": "population", "NY.GDP.PCAP.CD": "gdp_per_capita_current_usd",
              "NY.GDP.PCAP.PP.CD": "gdp_per_capita_ppp_current_intl"}
    raw = raw[raw["Series Code"].isin(series) & raw["Country Code"].isin(CORE)]
    ycols = [c for c in raw.columns if re.fullmatch(r"\d{4} \[YR\d{4}\]", c)]
    long = raw.melt(id_vars=["Country Code", "Series Code"], value_vars=ycols,
                    var_name="ycol", value_name="value")
    long["year"] = long["ycol"].str[:4].astype(int)
    long["value"] = pd.to_numeric(long["value"].replace({"..": "", "": None}), errors="raise")
    long = year_filter(long)
    wide = long.pivot(index=["Country Code", "year"], columns="Series Code", values="value")
    wide = wide.rename(columns=series).reset_index().rename(columns={"Country Code": "actor"})
    wide = wide.dropna(subset=list(series.values()), how="all")  # only years with data
    res = pd.DataFrame({"actor": wide["actor"], "year": to_int(wide["year"])})
    res["population"] = to_int(wide["population"])
    res["gdp_per_capita_current_usd"] = fmt_float(wide["gdp_per_capita_current_usd"], 2)
    # DERIVED: the extract has no total-GDP series
    res["gdp_current_usd_m"] = fmt_float(
        wide["gdp_per_capita_current_usd"] * wide["population"] / 1e6, 1)
    res["gdp_per_capita_ppp_current_intl"] = fmt_float(wide["gdp_per_capita_ppp_current_intl"], 2)
    return write(res, out, "economy_wdi.csv", ["actor", "year"])


# ----------------------------------------------------------------------------- 4-5 UNGA
def load_unga(src: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "unga_idealpoints_jul2025_selected_states.csv")
    raw["actor"] = ccode_to_code(raw["ccode"])
    # the two 1991 rows without iso3c / estimates (ARM, AZE) fall out with the year filter
    df = year_filter(raw).copy()
    assert (df["iso3c"] == df["actor"]).all()
    return df


def build_unga(src: Path, out: Path) -> pd.DataFrame:
    df = load_unga(src)
    df = df[df["actor"].isin(CORE + EXTRA)]
    df = df.dropna(subset=["idealpointfp", "idealpointall"], how="all")
    res = pd.DataFrame({"actor": df["actor"], "year": to_int(df["year"])})
    res["ideal_point"] = fmt_float(df["idealpointfp"], 6)
    res["ideal_point_all"] = fmt_float(df["idealpointall"], 6)
    res["n_votes"] = to_int(df["nvotesfp"])
    return write(res, out, "unga_ideal_points.csv", ["actor", "year"])


def build_unga_distance(src: Path, out: Path) -> pd.DataFrame:
    df = load_unga(src)
    ip = df[df["actor"].isin(CORE)].dropna(subset=["idealpointfp"])[["actor", "year", "idealpointfp"]]
    a = ip[ip["actor"].isin(CHOOSERS)].rename(columns={"actor": "state", "idealpointfp": "ip_s"})
    b = ip.rename(columns={"actor": "partner", "idealpointfp": "ip_p"})
    d = a.merge(b, on="year")
    d = d[d["state"] != d["partner"]]
    res = pd.DataFrame({"state": d["state"], "partner": d["partner"], "year": to_int(d["year"])})
    res["ideal_point_distance"] = fmt_float((d["ip_s"] - d["ip_p"]).abs(), 6)
    return write(res, out, "unga_distance.csv", ["state", "partner", "year"])


# ----------------------------------------------------------------------------- 6 ATOP
def build_atop(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "atop_v5_1_dyad_year_selected_1991_2018.csv")
    codes = set(CODE_TO_CCODE[c] for c in CORE + EXTRA)
    df = raw[raw["ccode1"].isin([371, 372, 373]) & raw["ccode2"].isin(codes)]
    df = year_filter(df).copy()
    res = pd.DataFrame({"state": ccode_to_code(df["ccode1"]),
                        "partner": ccode_to_code(df["ccode2"]),
                        "year": to_int(df["year"])})
    for old, new in [("atop_defense", "defense"), ("atop_offense", "offense"),
                     ("atop_neutral", "neutral"), ("atop_nonagg", "nonaggression"),
                     ("atop_consul", "consultation")]:
        res[new] = to_int(df[old])
        assert res[new].isin([0, 1]).all()
    return write(res, out, "atop_dyad_years.csv", ["state", "partner", "year"])


# ----------------------------------------------------------------------------- 7 arms deals
DRONE_DESC = re.compile(r"\bdrone\b|\bUAV\b|unmanned|loitering munition", re.I)
DRONE_NAMES = re.compile(
    r"\b(?:Harop|Harpy|Bayraktar|Akinci|Orbiter|Hermes|SkyStriker|Heron|Searcher|Aerostar|"
    r"Warmate|Hero-\d+|Yiha)\b", re.I)


def build_arms_transfers(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "sipri_arms_transfers_trade_register_south_caucasus.csv",
                      dtype=str, keep_default_na=False)
    names = set(raw["Recipient"]) | set(raw["Supplier"])
    missing = sorted(names - set(SIPRI_NAME_TO_ISO3) - {SIPRI_UNKNOWN_SUPPLIER})
    if missing:
        raise KeyError(f"SIPRI names without ISO3: {missing}")

    def num(col):
        return pd.to_numeric(raw[col].replace("", None), errors="raise")

    def flag(col):
        assert set(raw[col]) <= {"", "?"}
        return raw[col] == "?"

    desc_hit = raw["Weapon description"].str.contains(DRONE_DESC)
    name_hit = raw["Weapon designation"].str.contains(DRONE_NAMES)
    if (name_hit & ~desc_hit).any():
        print("  arms: designation-only drone matches:",
              raw.loc[name_hit & ~desc_hit, "Weapon designation"].tolist())
    res = pd.DataFrame({
        "deal_id": to_int(pd.Series(range(1, len(raw) + 1), name="deal_id")),
        "recipient": raw["Recipient"].map(SIPRI_NAME_TO_ISO3),
        "recipient_name": raw["Recipient"],
        "supplier": raw["Supplier"].map(SIPRI_NAME_TO_ISO3).fillna(""),
        "supplier_name": raw["Supplier"],
        "year_of_order": to_int(num("Year of order")),
        "number_ordered": to_int(num("Number ordered")),
        "weapon_designation": raw["Weapon designation"],
        "weapon_description": raw["Weapon description"],
        "number_delivered": to_int(num("Number delivered")),
        "delivery_years": raw["Year(s) of delivery"],
        "tiv_per_unit_m": fmt_float(num("SIPRI TIV per unit"), 3),
        "tiv_total_order_m": fmt_float(num("SIPRI TIV for total order"), 3),
        "tiv_delivered_m": fmt_float(num("SIPRI TIV of delivered weapons"), 3),
        "status": raw["status"],
        "comments": raw["Comments"],
        "year_of_order_uncertain": fmt_bool(flag("uncertain_flag_year_of_order")),
        "number_ordered_uncertain": fmt_bool(flag("uncertain_flag_number_ordered")),
        "number_delivered_uncertain": fmt_bool(flag("uncertain_flag_number_delivered")),
        "is_drone_or_loitering": fmt_bool(desc_hit | name_hit),
    })
    # quick check against PROVENANCE.md (TIV delivered, millions)
    tiv = num("SIPRI TIV of delivered weapons")
    g = tiv.groupby([res["recipient"], res["supplier_name"]]).sum()
    for (r, s), v in {("AZE", "Russia"): 2209, ("AZE", "Israel"): 1022, ("ARM", "Russia"): 902,
                      ("AZE", "Ukraine"): 568, ("AZE", "Belarus"): 404,
                      ("GEO", "Ukraine"): 351, ("AZE", "Turkiye"): 191}.items():
        assert round(g[(r, s)]) == v, (r, s, g[(r, s)], v)
    return write(res, out, "arms_transfers.csv", ["deal_id"])


# ----------------------------------------------------------------------------- 8 arms imports
def build_arms_imports(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "sipri_arms_imports_tiv_by_recipient_selected_states_1991_2023.csv",
                      dtype=str, keep_default_na=False)
    raw["actor"] = raw["Recipient"].map(SIPRI_NAME_TO_ISO3)
    assert raw["actor"].notna().all()
    ycols = [c for c in raw.columns if re.fullmatch(r"\d{4}", c)]
    long = raw[raw["actor"].isin(CORE)].melt(id_vars=["actor"], value_vars=ycols,
                                            var_name="year", value_name="v")
    long["year"] = long["year"].astype(int)
    long = year_filter(long, hi=2023)
    res = pd.DataFrame({"actor": long["actor"], "year": to_int(long["year"])})
    # empty = SIPRI records no deliveries (kept empty: SIPRI's 0 means < 0.5 m)
    res["arms_imports_tiv_m"] = to_int(pd.to_numeric(long["v"].replace("", None)))
    return write(res, out, "arms_imports_tiv.csv", ["actor", "year"])


# ----------------------------------------------------------------------------- 9 regime
def build_regime(src: Path, out: Path) -> pd.DataFrame:
    p5 = pd.read_csv(src / "polity5_v2018_selected_states_1991on.csv")
    p5["actor"] = ccode_to_code(p5["ccode"])
    p5 = p5[["actor", "year", "polity2"]]
    dem = pd.read_csv(src / "democracy_vdem10_polity_quds_selected_1991_2020.csv")
    dem["actor"] = ccode_to_code(dem["ccode"])
    dem = dem[["actor", "year", "v2x_polyarchy", "xm_qudsest"]]
    df = p5.merge(dem, on=["actor", "year"], how="outer")
    df = year_filter(df[df["actor"].isin(CORE)], hi=2020)
    df = df.dropna(subset=["polity2", "v2x_polyarchy", "xm_qudsest"], how="all")
    res = pd.DataFrame({"actor": df["actor"], "year": to_int(df["year"])})
    res["polity2"] = to_int(df["polity2"])
    res["vdem_polyarchy"] = fmt_float(df["v2x_polyarchy"], 3)
    res["uds_quick"] = fmt_float(df["xm_qudsest"], 6)
    return write(res, out, "regime.csv", ["actor", "year"])


# ----------------------------------------------------------------------------- 10 UCDP
def dmy_to_iso(s: pd.Series) -> pd.Series:
    def one(x):
        if x == "":
            return ""
        d, m, y = x.split("-")
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    return s.map(one)


def build_conflicts(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "ucdp_prio_acd_v25_1_south_caucasus.csv", dtype=str,
                      keep_default_na=False)
    raw["year_i"] = raw["year"].astype(int)
    df = year_filter(raw, col="year_i").copy()
    loc_state = {"Azerbaijan": "AZE", "Georgia": "GEO", "Armenia": "ARM"}
    res = pd.DataFrame({
        "conflict_id": to_int(df["conflict_id"].astype(int)),
        "year": to_int(df["year_i"]),
        "state": df["location"].map(loc_state).fillna(""),
        "location": df["location"],
        "side_a": df["side_a"], "side_a_2nd": df["side_a_2nd"],
        "side_b": df["side_b"], "side_b_2nd": df["side_b_2nd"],
        "incompatibility": to_int(df["incompatibility"].astype(int)),
        "territory_name": df["territory_name"],
        "intensity_level": to_int(df["intensity_level"].astype(int)),
        "cumulative_intensity": to_int(df["cumulative_intensity"].astype(int)),
        "type_of_conflict": to_int(df["type_of_conflict"].astype(int)),
        "start_date": dmy_to_iso(df["start_date"]),
        "start_date2": dmy_to_iso(df["start_date2"]),
        "ep_end": to_int(df["ep_end"].astype(int)),
        "ep_end_date": dmy_to_iso(df["ep_end_date"]),
    })
    # gwno_loc must agree with the location-derived state
    gw = df["gwno_loc"].astype(int).map({371: "ARM", 372: "GEO", 373: "AZE"}).fillna("")
    assert (gw.values == res["state"].values).all()
    return write(res, out, "armed_conflicts.csv", ["conflict_id", "year"])


# ----------------------------------------------------------------------------- 11 terr. threat
def build_terrthreat(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "miller_territorial_threat_selected_1991on.csv")
    raw["actor"] = ccode_to_code(raw["ccode"])
    df = year_filter(raw[raw["actor"].isin(CORE)], hi=2010)
    res = pd.DataFrame({"actor": df["actor"], "year": to_int(df["year"])})
    res["lterrthreat"] = fmt_float(df["lterrthreat"], 6)
    res["lterrthreat_sd"] = fmt_float(df["sd"], 6)
    res["lterrthreat_lwr"] = fmt_float(df["lwr"], 6)
    res["lterrthreat_upr"] = fmt_float(df["upr"], 6)
    return write(res, out, "territorial_threat.csv", ["actor", "year"])


# ----------------------------------------------------------------------------- 12 distances
def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def build_distances(src: Path, out: Path) -> pd.DataFrame:
    cap = pd.read_csv(src / "cow_capitals_peacesciencer_selected.csv")
    cap["actor"] = ccode_to_code(cap["ccode"])
    cap = cap[cap["enddate"] == cap.groupby("actor")["enddate"].transform("max")]
    assert (cap["enddate"] == "2024-12-31").all() and not cap["actor"].duplicated().any()
    cap = cap.set_index("actor")
    md = pd.read_csv(src / "cshapes2_min_distance_selected_dyads_1991on.csv")
    md_year = int(md["year"].max())
    md = md[md["year"] == md_year]
    mind = {}
    for r in md.itertuples():
        a, b = CCODE_TO_CODE.get(r.ccode1), CCODE_TO_CODE.get(r.ccode2)
        mind[(a, b)] = mind[(b, a)] = r.mindist
    rows = []
    for s in CHOOSERS:
        for p in CORE:
            if p == s:
                continue
            d = haversine_km(cap.at[s, "lat"], cap.at[s, "lng"], cap.at[p, "lat"], cap.at[p, "lng"])
            rows.append({"state": s, "partner": p, "state_capital": cap.at[s, "capital"],
                         "partner_capital": cap.at[p, "capital"], "capital_distance_km": d,
                         "min_distance_km": mind.get((s, p), float("nan")),
                         "min_distance_year": md_year if (s, p) in mind else pd.NA})
    df = pd.DataFrame(rows)
    df["capital_distance_km"] = fmt_float(df["capital_distance_km"], 1)
    df["min_distance_km"] = fmt_float(df["min_distance_km"], 1)
    df["min_distance_year"] = df["min_distance_year"].astype("Int64")
    df = df[["state", "partner", "capital_distance_km", "min_distance_km", "min_distance_year",
             "state_capital", "partner_capital"]]
    return write(df, out, "distances.csv", ["state", "partner"])


# ----------------------------------------------------------------------------- 13 contiguity
def build_contiguity(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "cow_direct_contiguity_v3_2_selected.csv")
    codes = [CODE_TO_CCODE[c] for c in CORE]
    df = raw[raw["ccode1"].isin(codes) & raw["ccode2"].isin(codes)].copy()
    df["end_year"] = df["enddate"].str[:4].astype(int)
    df = df[df["end_year"] >= YEAR_MIN]           # spells overlapping 1992-
    res = pd.DataFrame({"state": ccode_to_code(df["ccode1"]),
                        "partner": ccode_to_code(df["ccode2"]),
                        "conttype": to_int(df["conttype"]),
                        "start": df["stdate"].str[:7],      # CoW precision is year-month
                        "end": df["enddate"].str[:7],
                        "start_year": to_int(df["stdate"].str[:4].astype(int)),
                        "end_year": to_int(df["end_year"])})
    return write(res, out, "contiguity.csv", ["state", "partner", "start"])


# ----------------------------------------------------------------------------- 14 MIDs
def build_mids(src: Path, out: Path) -> pd.DataFrame:
    raw = pd.read_csv(src / "gml_mid_v2_2_1_dyad_year_south_caucasus.csv")
    df = raw[raw["ccode1"].isin([371, 372, 373])].copy()
    df = year_filter(df)
    res = pd.DataFrame({
        "state": ccode_to_code(df["ccode1"]), "partner": ccode_to_code(df["ccode2"]),
        "partner_ccode": to_int(df["ccode2"]), "year": to_int(df["year"]),
        "dispute_id": to_int(df["dispnum"]), "onset": to_int(df["gmlmidonset"]),
        "sidea_state": to_int(df["sidea1"]), "sidea_partner": to_int(df["sidea2"]),
        "hostlev": to_int(df["hostlev"]),
        "hostlev_state": to_int(df["hostlev1"]), "hostlev_partner": to_int(df["hostlev2"]),
        "fatality": to_int(df["fatality"].where(df["fatality"] != -9)),
        "fatality_state": to_int(df["fatality1"].where(df["fatality1"] != -9)),
        "fatality_partner": to_int(df["fatality2"].where(df["fatality2"] != -9)),
        "recip": to_int(df["recip"]),
    })
    assert res["hostlev"].between(1, 5).all()
    return write(res, out, "mids.csv", ["state", "partner", "year", "dispute_id"])


# ----------------------------------------------------------------------------- 15 rivalries
TYPES = ["positional", "spatial", "ideological", "interventionary"]


def build_rivalries(src: Path, out: Path) -> pd.DataFrame:
    core_cc = [CODE_TO_CCODE[c] for c in CORE]
    td = pd.read_csv(src / "td_rivalries_selected.csv")
    tss = pd.read_csv(src / "tss_rivalries_selected.csv")
    rows = []
    for r in td.itertuples():
        if not (r.ccode1 in core_cc or r.ccode2 in core_cc) or r.endyear < YEAR_MIN:
            continue
        types = [t for t in (r.type1, r.type2, r.type3) if isinstance(t, str) and t]
        assert set(types) <= set(TYPES), types
        row = {"source_dataset": "TD", "rivalry_id": r.rivalryno, "rivalry_name": r.rivalryname,
               "a_ccode": r.ccode1, "b_ccode": r.ccode2, "start": r.styear, "end": r.endyear,
               "region": r.region, "types": "; ".join(types)}
        row.update({t: int(t in types) for t in TYPES})
        row.update({"principal": pd.NA, "aprin": pd.NA})
        rows.append(row)
    for r in tss.itertuples():
        if not (r.ccode1 in core_cc or r.ccode2 in core_cc) or r.end < YEAR_MIN:
            continue
        flags = {t: getattr(r, t) for t in TYPES + ["principal", "aprin"]}
        assert all(pd.isna(v) or v == 1 for v in flags.values())
        row = {"source_dataset": "TSS", "rivalry_id": r.tssr_id, "rivalry_name": r.rivalry,
               "a_ccode": r.ccode1, "b_ccode": r.ccode2, "start": r.start, "end": r.end,
               "region": "", "types": "; ".join(t for t in TYPES if flags[t] == 1)}
        row.update({k: int(v == 1) for k, v in flags.items()})
        rows.append(row)
    df = pd.DataFrame(rows)
    df["a"] = ccode_to_code(df["a_ccode"])
    df["b"] = ccode_to_code(df["b_ccode"])
    for c in ["rivalry_id", "a_ccode", "b_ccode", "start", "end"] + TYPES + ["principal", "aprin"]:
        df[c] = to_int(df[c])
    df = df[["source_dataset", "rivalry_id", "rivalry_name", "a", "b", "a_ccode", "b_ccode",
             "start", "end", "region", "types"] + TYPES + ["principal", "aprin"]]
    return write(df, out, "rivalries.csv", ["source_dataset", "rivalry_id"])


# ----------------------------------------------------------------------------- main
BUILDERS = [build_nmc, build_milex, build_wdi, build_unga, build_unga_distance, build_atop,
            build_arms_transfers, build_arms_imports, build_regime, build_conflicts,
            build_terrthreat, build_distances, build_contiguity, build_mids, build_rivalries]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", type=Path, default=DEFAULT_RAW,
                    help="folder holding extracts/ (default: the repository's data/raw/)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="output folder (default: the repository's data/)")
    args = ap.parse_args(argv)
    src = args.raw / "extracts"
    if not src.is_dir():
        ap.error(f"no extracts folder in {args.raw}")
    args.out.mkdir(parents=True, exist_ok=True)
    for build in BUILDERS:
        build(src, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
