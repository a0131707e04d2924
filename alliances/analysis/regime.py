"""Lesson 03's tables about omnibalancing: regime type over time, a claim along a sweep, worked cases.

- :func:`polyarchy_series` — V-Dem polyarchy per actor and year, the West as the mean of its
  capability states, in the long shape :func:`alliances.charts.regime_chart` draws;
- :func:`same_stance_runs` — the runs of a swept parameter over which some states take the
  same stance towards given partners (the reading's claim about Armenia and Azerbaijan);
- :func:`weakness_table` — each chooser's vertical and horizontal weakness and regime
  insecurity in a world, with the events and regions behind them;
- :func:`regime_case` — every input of omnibalancing for one state and partner in given
  periods or years, beside the prediction and the observed stance (the 1993 CIS accessions).

Examples
--------
>>> swept = pd.DataFrame({"value": [0.0, 0.0, 0.5, 0.5, 1.0, 1.0], "state": ["A", "B"] * 3,
...                       "partner": ["P"] * 6,
...                       "stance": ["align", "align", "align", "align", "align", "hedge"]})
>>> same_stance_runs(swept, ("A", "B"), ("P",)).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'from_value': 0.0, 'to_value': 0.5, 'holds': True, 'differ_towards': ''},
 {'from_value': 1.0, 'to_value': 1.0, 'holds': False, 'differ_towards': 'P'}]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from alliances.analysis.observed import observed
from alliances.schemas import WEST_CAPABILITY_STATES
from alliances.theories import explain, predict
from alliances.theories import omnibalancing as omni
from alliances.theories.inputs import horizontal_weakness, vertical_weakness
from alliances.world import World, load_world

#: The label :func:`polyarchy_series` gives the West (the mean of its capability states).
WEST_LABEL = "the West"


def polyarchy_series(regime: pd.DataFrame, actors: Mapping[str, str], choosers: Iterable[str]) -> pd.DataFrame:
    """V-Dem polyarchy of ``actors`` and of the West, per year, for a regime chart.

    Parameters
    ----------
    regime : pandas.DataFrame
        The ``regime`` table (``actor``, ``year``, ``vdem_polyarchy``).
    actors : mapping
        Actor code → the name to show. The West is added as the mean of
        :data:`alliances.schemas.WEST_CAPABILITY_STATES` in each year (how ``load_world`` builds it).
    choosers : iterable of str
        The codes whose lines are the choosers' (``group`` "chooser"); every other line is an
        "outside power".

    Returns
    -------
    pandas.DataFrame
        ``actor`` (name), ``year``, ``value`` (0–1), ``group``; years without a value are left out.
    """
    known = regime.dropna(subset=["vdem_polyarchy"])
    shown = known[known["actor"].isin(list(actors))]
    west = known[known["actor"].isin(WEST_CAPABILITY_STATES)].groupby("year", as_index=False)["vdem_polyarchy"].mean()
    inside = {actors[c] for c in choosers if c in actors}
    names = pd.concat([shown["actor"].map(dict(actors)), pd.Series([WEST_LABEL] * len(west))], ignore_index=True)
    return pd.DataFrame({"actor": names,
                         "year": pd.concat([shown["year"], west["year"]], ignore_index=True),
                         "value": pd.concat([shown["vdem_polyarchy"], west["vdem_polyarchy"]], ignore_index=True),
                         "group": ["chooser" if n in inside else "outside power" for n in names]})


def same_stance_runs(swept: pd.DataFrame, states: Sequence[str], partners: Sequence[str]) -> pd.DataFrame:
    """Where along a :func:`alliances.analysis.sweep` ``states`` take the same stance towards each of ``partners``.

    Returns
    -------
    pandas.DataFrame
        One row per run of consecutive swept values with the same verdict: ``from_value``,
        ``to_value``, ``holds`` (every partner gets one stance from all ``states``) and
        ``differ_towards`` (the partners they differ towards, at the run's first value,
        comma-separated; "" where the claim holds).
    """
    rows = swept[swept["state"].isin(states) & swept["partner"].isin(partners)]
    split = rows.groupby(["value", "partner"], sort=True)["stance"].nunique() > 1
    differ = split[split].reset_index().groupby("value")["partner"].agg(", ".join)
    values = sorted(rows["value"].unique())
    runs: list[dict[str, object]] = []
    for v in values:
        towards = differ.get(v, "")
        if runs and (towards == "") == runs[-1]["holds"]:
            runs[-1]["to_value"] = float(v)
        else:
            runs.append({"from_value": float(v), "to_value": float(v), "holds": towards == "",
                         "differ_towards": towards})
    return pd.DataFrame(runs, columns=["from_value", "to_value", "holds", "differ_towards"])


def weakness_table(world: World) -> pd.DataFrame:
    """Each chooser's internal threats in ``world``, as omnibalancing reads them.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``state``: ``vertical events in the years`` (regime-threatening events in
        the world's years), ``earlier, fading`` (earlier ones, still weighing, halved every
        half-life), ``vertical weakness v``, ``separatist regions`` (names, or
        "none"), ``horizontal weakness z`` and ``regime insecurity ι``.
    """
    first = min(world.years)
    rows = []
    for s in world.choosers:
        years = [e.year for e in world.instability.get(s, ()) if e.dimension == "vertical" and e.year <= max(world.years)]
        rows.append({"state": s, "vertical events in the years": sum(y >= first for y in years),
                     "earlier, fading": sum(y < first for y in years),
                     "vertical weakness v": vertical_weakness(world, s),
                     "separatist regions": ", ".join(r.region for r in world.separatism.get(s, ())) or "none",
                     "horizontal weakness z": horizontal_weakness(world, s),
                     "regime insecurity ι": omni.insecurity(world, s)})
    return pd.DataFrame(rows).set_index("state")


def regime_case(whens: Iterable[str | int], states: Sequence[str], partner: str = "RUS") -> pd.DataFrame:
    """Omnibalancing's inputs and prediction for ``states`` towards ``partner``, beside the observed stance.

    For each period or year and state: vertical weakness ``v``, horizontal weakness ``z``,
    regime insecurity ``ι``, the partner's ``reach`` and ``patronage`` (share of the state's
    separatist regions it backs), the three terms of :func:`alliances.theories.explain`, the
    predicted score and stance, and the observed score and stance (default parameters).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``when`` and ``state``.
    """
    rows = []
    for when in whens:
        world = load_world(when)
        predicted = predict("omnibalancing", world).set_index(["state", "partner"])
        seen = observed(world).set_index(["state", "partner"])
        for s in states:
            terms = explain("omnibalancing", world, s, partner).set_index("input")["contribution"].drop("score")
            rows.append({"when": str(when), "state": s, "vertical weakness v": vertical_weakness(world, s),
                         "horizontal weakness z": horizontal_weakness(world, s),
                         "regime insecurity ι": omni.insecurity(world, s),
                         f"{partner} reach": omni.reach(world, s)[partner],
                         f"{partner} patronage": omni.patronage(world, s, partner), **terms.to_dict(),
                         "score predicted": predicted.loc[(s, partner), "score"],
                         "stance predicted": predicted.loc[(s, partner), "stance"],
                         "score observed": seen.loc[(s, partner), "score"],
                         "stance observed": seen.loc[(s, partner), "stance"]})
    return pd.DataFrame(rows).set_index(["when", "state"])


__all__ = ["WEST_LABEL", "polyarchy_series", "regime_case", "same_stance_runs", "weakness_table"]
