"""The Karabakh "no war, no peace" equilibrium, 1994–2024: Babayev's three stabilisers as a yearly index.

**A teaching model, not a forecast.** It turns the argument of Babayev [1]_ into numbers so
that students can weight it, switch events off and see when — and how robustly — the "frozen
conflict" would have tipped. The data are real; the scaling, the weights and the threshold are
choices, and the index knows nothing the argument does not put in. It was never fitted to the
wars.

Indicators (every one scaled to 0–1, **1 = stabilising** (keeps the status quo), **0 =
destabilising**; all data in :func:`indicators`, sources in :func:`sources`):

1. Offence–defence balance (fortified defence vs Azerbaijan's build-up, drones)

   * ``spending``: r = AZE / ARM military spending (SIPRI, constant 2022 US$);
     ``clip(1 - ln r / ln R, 0, 1)`` with R = ``attack_ratio`` — 1 at parity, 0 at R:1 or more.
   * ``drones``: D = Azerbaijan's cumulative drone and loitering-munition TIV delivered by the
     end of the year (SIPRI trade register); ``1 - D / max D`` over 1994–2024.

2. Regional balance of power, Russia as stabiliser and veto

   * ``turkey_rise``: Turkey's military spending T (SIPRI); ``(max T - T) / (max T - min T)``.
   * ``turkey_alliance``: A = summed intensity of Turkey–Azerbaijan alliance steps taken by the
     year (security_acts: 1994 treaty 1, 2010 mutual assistance 2, 2020 war support 2, 2021
     Shusha Declaration 2); ``1 - A / A_all``.
   * ``russia_commitment``: C = net signed intensity of Russia's acts towards Armenia in force
     (CST/CSTO, Gyumri base, 1997 treaty, 2020 peacekeepers, 2022–23 non-assistance −1);
     ``C / max C``.

3. Socio-psychological inertia

   * ``habituation``: y = years since the last Armenia–Azerbaijan war year *before* this year
     (events.csv, category ``war``); ``min(1, y / H)``, H = ``habituation_years``.
   * ``domestic_shocks``: ``1 - ½·[year ≥ 2018 and change_of_power_2018]
     - ½·[year ≥ 2019 and rhetoric_2019]``.

Notes
-----
The index and the tipping year::

    S_k(t)   = mean of stabiliser k's indicators with data in year t
    index(t) = Σ_k w_k S_k(t) / Σ_k w_k        (over stabilisers with data in t)
    tipped(t) = index(t) < threshold;  tipping_year = first t > 1994 with tipped(t)

Timing: the inertia indicator only sees wars *before* year t, so the index never "predicts"
a war from the war itself; the other indicators are same-year values.

References
----------
.. [1] Babayev, A. (2021). From Struggle to Permanent Failure: Why the Karabakh Attempt at
   Secession Failed. *Baku Dialogues*, ADA University (``babayev_karabakh`` in
   ``references.bib``). The course's copy is ``readings/babayev-karabakh-secession-failure.txt``
   beside the repository; by line of that file: the three stabilisers (27–47) — the offence–defence balance (27–33), the regional
   balance with Russia as stabiliser (35–37) and socio-psychological inertia (39–47), with
   habituation by "the second half of the 1990s" (39) and the domestic shocks of 2018–19
   (45–47); none of the three is ranked above the others (27), hence equal default weights.

Examples
--------
>>> from alliances import karabakh
>>> karabakh.tipping_year()
2017
>>> karabakh.tipping_year(drone_imports=False)      # without Azerbaijan's drones
2018
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from alliances.data import folder_stamps, load_table
from alliances.errors import DataError, ParameterError
from alliances.params import BoolParam, FloatParam, Param, shown
from alliances.params import resolve as base_resolve
from alliances.weighting import known_weighted_mean

FIRST, LAST = 1994, 2024
YEARS = np.arange(FIRST, LAST + 1)
STABILISERS: dict[str, tuple[str, ...]] = {
    "offence_defence": ("spending", "drones"),
    "regional_balance": ("turkey_rise", "turkey_alliance", "russia_commitment"),
    "inertia": ("habituation", "domestic_shocks"),
}
APRIL_WAR_ID = "2016-04-01-four-day-april-war-in-nagorno-karabakh-c"
CHANGE_OF_POWER_ID = "2018-05-08-nikol-pashinyan-elected-prime-minister-o"
RHETORIC_ID = "2019-08-05-pashinyan-speech-in-stepanakert-artsakh"

PARAMETERS: tuple[Param, ...] = (
    FloatParam("w_offence_defence", 0.5, "weight of the offence–defence balance (equal by default: Babayev ranks none of his three stabilisers above the others)", low=0.0, high=1.0, step=0.05),
    FloatParam("w_regional", 0.5, "weight of the regional balance of power with Russia as stabiliser", low=0.0, high=1.0, step=0.05),
    FloatParam("w_inertia", 0.5, "weight of socio-psychological inertia ('no war, no peace')", low=0.0, high=1.0, step=0.05),
    FloatParam("threshold", 0.5, "the equilibrium has tipped when the index falls below this (default: the midpoint, where destabilising readings outweigh stabilising ones)", low=0.0, high=1.0, step=0.05),
    FloatParam("attack_ratio", 3.0, "spending ratio AZE/ARM at which the defence no longer holds (default: the attacker's 3:1 rule of thumb)", low=1.5, high=6.0, step=0.5),
    FloatParam("habituation_years", 5.0, "years without war for inertia to be complete (default: Babayev dates habituation to 'the second half of the 1990s')", low=1.0, high=20.0, step=1.0),
    BoolParam("drone_imports", True, "count Azerbaijan's drone and loitering-munition imports (False = counterfactual: none)"),
    BoolParam("turkey_alliance_steps", True, "count the Turkey–Azerbaijan alliance steps 1994, 2010, 2020, 2021 (False = none)"),
    BoolParam("april_war_2016", True, "the April 2016 war resets inertia (False = counterfactual: no 2016 war)"),
    BoolParam("change_of_power_2018", True, "the 2018 change of power in Armenia upsets inertia from 2018"),
    BoolParam("rhetoric_2019", True, "the 2019 'Artsakh is Armenia' rhetoric upsets inertia from 2019"),
)
WEIGHTS = ("w_offence_defence", "w_regional", "w_inertia")

_SOURCES = [
    ("spending", "offence_defence", "spending_ratio", "SIPRI Military Expenditure Database (milex_sipri, constant 2022 US$)",
     "ARM 1994 and all 2024 values missing in SIPRI, so no spending reading then; Armenia's figure excludes Nagorno-Karabakh's own forces, so the ratio overstates Azerbaijan's edge (judgement: spending ≠ fighting power)"),
    ("drones", "offence_defence", "drone_tiv_cum", "SIPRI Arms Transfers Database trade register (arms_transfers, is_drone_or_loitering, AZE)",
     "the register does not split TIV by year: each deal's delivered TIV is split equally over its listed delivery_years (our assumption); deliveries after 2024 ignored; scaled to the 2024 stock (hindsight scaling)"),
    ("turkey_rise", "regional_balance", "turkey_milex", "SIPRI Military Expenditure Database (milex_sipri, TUR)",
     "Turkey's own trend, scaled between its 1994–2023 minimum and maximum; 2024 missing"),
    ("turkey_alliance", "regional_balance", "turkey_steps", "security_acts (TUR→AZE alliance_treaty and security_assistance rows; memberships)",
     "intensities are the course's coding; a step once taken counts from its year on (the 2020 support stays counted)"),
    ("russia_commitment", "regional_balance", "russia_commitment", "security_acts (RUS→ARM rows except arms_supply; memberships)",
     "coded judgement; Russia's arms sales to Azerbaijan are not subtracted (Babayev l.15: the CSTO 'neutralized' their effect)"),
    ("habituation", "inertia", "years_since_war", "events.csv (category war, states ARM and AZE; 1992–94, 2016, 2020, 2022, 2023)",
     "counts only wars before the year; the 2022 border fighting is coded 'war' in events.csv"),
    ("domestic_shocks", "inertia", "change_of_power; rhetoric", "events.csv (2018 Velvet Revolution; Pashinyan's 5 Aug 2019 speech); Babayev l.45–47",
     "coded judgement: each shock halves this indicator from its year on; later de-escalating statements are not coded"),
    ("cinc_ratio (reference only)", "offence_defence", "cinc_ratio", "Correlates of War NMC v6.0 (capabilities_nmc)",
     "not in the index: NMC ends in 2016 and CINC weighs population and industry, not usable offensive power"),
]


def sources() -> pd.DataFrame:
    """One row per indicator: its stabiliser, the raw column in :func:`indicators`, source, note."""
    return pd.DataFrame(_SOURCES, columns=["indicator", "stabiliser", "raw_column", "source", "note"])


@lru_cache(maxsize=8)
def _raw(folder: str, stamps: tuple) -> tuple[pd.DataFrame, tuple[tuple[str, int], ...]]:
    """The indicators' raw inputs; cached per folder *and* file version (``stamps``), like the tables."""
    milex = load_table("milex_sipri", folder).pivot(index="year", columns="actor", values="milex_constant2022_usd_m")
    milex = milex.reindex(YEARS).astype(float)
    cinc = load_table("capabilities_nmc", folder).pivot(index="year", columns="actor", values="cinc").reindex(YEARS).astype(float)

    arms = load_table("arms_transfers", folder)
    drones = arms[(arms["recipient"] == "AZE") & arms["is_drone_or_loitering"].fillna(False).astype(bool)]
    per_year = pd.Series(0.0, index=YEARS)
    for _, deal in drones.iterrows():
        if pd.isna(deal["delivery_years"]) or pd.isna(deal["tiv_delivered_m"]):
            continue
        years = [int(y) for y in str(deal["delivery_years"]).split(";") if y.strip()]
        for y in years:
            if FIRST <= y <= LAST:
                per_year[y] += float(deal["tiv_delivered_m"]) / len(years)

    acts = load_table("security_acts", folder)
    tur = acts[(acts["actor"] == "TUR") & (acts["target"] == "AZE") & acts["kind"].isin(["alliance_treaty", "security_assistance"])]
    steps = pd.Series([int(tur.loc[tur["start_year"] <= y, "intensity"].sum()) for y in YEARS], index=YEARS)
    rus = acts[(acts["actor"] == "RUS") & (acts["target"] == "ARM") & (acts["kind"] != "arms_supply")]
    end = rus["end_year"].fillna(9999)
    commit = pd.Series([int((rus["valence"] * rus["intensity"])[(rus["start_year"] <= y) & (end >= y)].sum())
                        for y in YEARS], index=YEARS)

    events = load_table("events", folder).set_index("event_id")
    lost = [e for e in (CHANGE_OF_POWER_ID, RHETORIC_ID) if e not in events.index]
    if lost:
        raise DataError(f"events.csv: the Karabakh model needs the event(s) {', '.join(lost)}, which are missing.")
    both = events["states"].str.contains("ARM") & events["states"].str.contains("AZE")
    wars = []
    for eid, ev in events[(events["category"] == "war") & both].iterrows():
        last = int(str(ev["end_date"])[:4]) if pd.notna(ev["end_date"]) else int(ev["year"])
        wars += [(eid, y) for y in range(int(ev["year"]), last + 1)]

    frame = pd.DataFrame({
        "year": YEARS,
        "milex_aze": milex["AZE"].values, "milex_arm": milex["ARM"].values,
        "spending_ratio": (milex["AZE"] / milex["ARM"]).values,
        "cinc_ratio": (cinc["AZE"] / cinc["ARM"]).values,
        "drone_tiv_cum": per_year.cumsum().values,
        "turkey_milex": milex["TUR"].values,
        "turkey_steps": steps.values, "russia_commitment": commit.values,
        "change_of_power_year": int(events.loc[CHANGE_OF_POWER_ID, "year"]),
        "rhetoric_year": int(events.loc[RHETORIC_ID, "year"]),
    })
    frame["years_since_war"] = [_years_since(int(y), wars, True) for y in YEARS]
    return frame, tuple(wars)


def _years_since(year: int, wars: list[tuple[str, int]] | tuple[tuple[str, int], ...], april: bool) -> float:
    before = [y for eid, y in wars if y < year and (april or eid != APRIL_WAR_ID)]
    return float(year - max(before)) if before else math.inf


def _inputs(data_dir: str | Path | None) -> tuple[pd.DataFrame, tuple[tuple[str, int], ...]]:
    """The raw inputs of ``data_dir`` (default: the course's data/), re-read when a file changes."""
    return _raw(*folder_stamps(data_dir))


def indicators(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The raw yearly inputs 1994–2024 (one row per year; sources in :func:`sources`).

    Columns: ``milex_aze``, ``milex_arm`` (US$ m, constant 2022), ``spending_ratio``,
    ``cinc_ratio`` (to 2016, reference only), ``drone_tiv_cum`` (TIV m), ``turkey_milex``,
    ``turkey_steps``, ``russia_commitment``, ``years_since_war``, ``change_of_power_year``,
    ``rhetoric_year``. Empty (NaN) = no data, never zero.
    """
    return _inputs(data_dir)[0].copy()


def resolve(params: dict[str, Any]) -> dict[str, Any]:
    """Defaults overlaid with ``params``, each validated (ParameterError, a ValueError, if not)."""
    out = base_resolve("karabakh", PARAMETERS, params)
    if sum(out[w] for w in WEIGHTS) == 0:
        raise ParameterError("at least one of w_offence_defence, w_regional, w_inertia must be above 0")
    return out


def stability(data_dir: str | Path | None = None, **params: Any) -> pd.DataFrame:
    """Year, the seven indicators, the three stabilisers, ``index`` (0–1) and ``tipped``, 1994–2024."""
    p = resolve(params)
    return _with_index(_stabilisers(data_dir, p), p)


def _stabilisers(data_dir: str | Path | None, p: dict[str, Any]) -> pd.DataFrame:
    """Year, the seven indicators and the three stabilisers under the settings ``p``."""
    raw, wars = _inputs(data_dir)
    t = raw["year"].to_numpy()
    drones = raw["drone_tiv_cum"] if p["drone_imports"] else raw["drone_tiv_cum"] * 0
    steps = raw["turkey_steps"] if p["turkey_alliance_steps"] else raw["turkey_steps"] * 0
    tur = raw["turkey_milex"]
    since = raw["years_since_war"] if p["april_war_2016"] else pd.Series([_years_since(y, wars, False) for y in t])
    out = pd.DataFrame({"year": t})
    out["spending"] = (1 - np.log(raw["spending_ratio"]) / math.log(p["attack_ratio"])).clip(0, 1)
    out["drones"] = 1 - drones / drones.max() if drones.max() > 0 else 1.0
    out["turkey_rise"] = (tur.max() - tur) / (tur.max() - tur.min())
    out["turkey_alliance"] = 1 - steps / raw["turkey_steps"].max()
    out["russia_commitment"] = raw["russia_commitment"] / raw["russia_commitment"].max()
    out["habituation"] = np.minimum(1.0, since / p["habituation_years"])
    out["domestic_shocks"] = (1 - 0.5 * (p["change_of_power_2018"] & (t >= raw["change_of_power_year"]))
                              - 0.5 * (p["rhetoric_2019"] & (t >= raw["rhetoric_year"])))
    for name, parts in STABILISERS.items():
        out[name] = out[list(parts)].mean(axis=1, skipna=True)
    return out


def _with_index(out: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    weights = np.array([[p[w] for w in WEIGHTS]])
    out["index"] = known_weighted_mean(out[list(STABILISERS)].to_numpy(float), weights)[0]
    out["tipped"] = out["index"] < p["threshold"]
    return out


def tipping_of(frame: pd.DataFrame) -> int | None:
    """The tipping year of a :func:`stability` frame: the first year after 1994 with ``tipped`` (None if never)."""
    hit = frame.loc[(frame["year"] > FIRST) & frame["tipped"], "year"]
    return int(hit.iloc[0]) if len(hit) else None


def tipping_year(data_dir: str | Path | None = None, **params: Any) -> int | None:
    """The first year after 1994 in which the index falls below ``threshold`` (None if never)."""
    return tipping_of(stability(data_dir, **params))


#: The wars and the offensive marked on the stability chart (``events.csv`` ids -> labels).
WAR_LABELS: dict[str, str] = {
    APRIL_WAR_ID: "April war 2016",
    "2020-09-27-second-karabakh-44-day-war-trilateral-st": "2020 war",
    "2023-09-19-azerbaijani-offensive-in-nagorno-karabak": "offensive 2023",
}


def war_markers(data_dir: str | Path | None = None, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The events of ``labels`` (default :data:`WAR_LABELS`) with a fractional ``year`` (the start date).

    Columns ``event_id``, ``label``, ``date``, ``event``, ``year``; for the rules on the
    stability chart.
    """
    labels = WAR_LABELS if labels is None else labels
    if not isinstance(labels, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in labels.items()):
        raise TypeError(f"labels={shown(labels)} is not allowed: give a dict {{event_id: label}} of strings")
    events = load_table("events", data_dir)
    unknown = sorted(set(labels) - set(events["event_id"]))
    if unknown:
        raise ValueError(f"labels name events that are not in the table: {unknown}")
    rows = []
    for ev in events[events["event_id"].isin(list(labels))].itertuples(index=False):
        start = pd.Timestamp(str(ev.date))
        fraction = (start.day_of_year - 1) / (366 if start.is_leap_year else 365)
        rows.append({"event_id": ev.event_id, "label": labels[ev.event_id], "date": str(ev.date),
                     "event": str(ev.event), "year": round(start.year + fraction, 3)})
    return pd.DataFrame(rows).sort_values("year").reset_index(drop=True)


def sensitivity(data_dir: str | Path | None = None, *, step: float = 0.1, **params: Any) -> pd.DataFrame:
    """The tipping year for every weight triple on a grid over the simplex (weights sum to 1).

    One row per triple (``step`` 0.1 gives 66 rows, 0.01 gives 5,151, in well under a second:
    the indicators are computed once); other parameters as given. The grid sets the three
    weights, so giving one of them is refused.
    """
    fixed = sorted(set(params) & set(WEIGHTS))
    if fixed:
        raise ParameterError(f"sensitivity varies the weights itself; leave out {', '.join(fixed)}")
    if (isinstance(step, bool) or not isinstance(step, (int, float)) or not 0.01 <= step <= 0.5
            or abs(round(1 / step) - 1 / step) > 1e-9):
        raise ParameterError(f"step={shown(step)} is not allowed: give a number from 0.01 to 0.5 that divides 1 "
                             "(e.g. 0.1, 0.25)")
    p = resolve(params)
    n = round(1 / step)
    grid = np.array([(i, j, n - i - j) for i, j in product(range(n + 1), repeat=2) if i + j <= n], float) / n
    index = known_weighted_mean(_stabilisers(data_dir, p)[list(STABILISERS)].to_numpy(float), grid)
    years = _inputs(data_dir)[0]["year"].to_numpy()
    tipped = (index < p["threshold"]) & (years > FIRST)[None, :]
    first = np.where(tipped.any(axis=1), years[np.argmax(tipped, axis=1)], -1)
    frame = pd.DataFrame(grid, columns=list(WEIGHTS))
    frame["tipping_year"] = pd.array([int(y) if y >= 0 else None for y in first], dtype="Int64")
    return frame
