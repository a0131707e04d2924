"""Independent validation: each theory's scores against measures no course author coded.

Two outside measures, per chooser-year (each theory at its default parameters in the
single-year world):

- **UNGA ideal points** (Bailey–Strezhnev–Voeten; ``unga_distance``): a state whose score
  towards Russia is higher should vote closer to Russia, and one whose score towards the West
  is higher closer to the United States. :func:`unga_validation` reports the correlations
  r(score→RUS, −distance to RUS), r(score→WEST, −distance to USA) and the relative test
  r(score→WEST − score→RUS, distance to RUS − distance to USA), pooled and *within* chooser
  (each chooser's years demeaned, so only change over time counts).
- **ATOP defence pacts** (``atop_dyad_years``, v5.1, to 2018): :func:`atop_validation` reports
  the AUC — the chance that a dyad-year with a defence obligation gets a higher score than
  one without. **Caveat:** ATOP codes the 1993 CIS Charter as a defence pact among all members,
  so Armenia–Azerbaijan at war count as "allied". The ``"bilateral pacts"`` reading keeps a
  defence obligation only where the course's coded acts hold an alliance treaty between the
  pair in that year (Russia–Armenia, Turkey–Azerbaijan), which relies on the course's own act
  coding — and is no independent test of the theories that read those same treaties as
  inputs (balance of threat, omnibalancing, RSCT and the interaction variant of
  constructivism): there the AUC is high partly by construction.

The observed coding is validated the same way (row ``observed``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import pandas as pd

from alliances.analysis.agreement import pearson
from alliances.analysis.observed import observed
from alliances.data import load_table
from alliances.schemas import FIRST_YEAR, LAST_YEAR, WEST_ACTORS
from alliances.theories import THEORIES, score
from alliances.theories.registry import check_theories
from alliances.world import load_world

#: Single years with UNGA votes and a world.
UNGA_YEARS: tuple[int, ...] = tuple(range(FIRST_YEAR, LAST_YEAR + 1))
#: Single years ATOP v5.1 covers.
ATOP_YEARS: tuple[int, ...] = tuple(range(1992, 2019))


def yearly_scores(years: Iterable[int], theories: Sequence[str] = THEORIES) -> pd.DataFrame:
    """Every theory's default score, and the observed score, per chooser-year and partner.

    Columns: ``source`` (a theory or ``"observed"``), ``year``, ``state``, ``partner``, ``score``.
    """
    names = check_theories(theories)
    rows: list[tuple[str, int, str, str, float]] = []
    for year in years:  # plain tuples, one frame at the end: 200 small frames cost ten times as much
        world = load_world(year)
        for source in names:
            _, scored = score(source, world)
            rows.extend((source, year, s, j, scored[(s, j)].score) for s in world.choosers for j in world.partners(s))
        obs = observed(world)
        rows.extend(zip(itertools.repeat("observed"), itertools.repeat(year), obs["state"].tolist(),
                        obs["partner"].tolist(), obs["score"].tolist()))
    return pd.DataFrame(rows, columns=["source", "year", "state", "partner", "score"]).astype({"year": "int64", "score": "float64"})


def _corr(a: pd.Series, b: pd.Series) -> float:
    """:func:`~alliances.analysis.agreement.pearson` over the rows where both sides have a value."""
    ok = (a.notna() & b.notna()).tolist()
    xs = [x for x, keep in zip(a.tolist(), ok) if keep]
    return pearson(xs, [y for y, keep in zip(b.tolist(), ok) if keep])


def unga_table(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per source × chooser-year: scores towards RUS and WEST, UNGA distances to RUS and USA."""
    dist = load_table("unga_distance")
    dist = dist[dist["partner"].isin(["RUS", "USA"])].pivot_table(
        index=["state", "year"], columns="partner", values="ideal_point_distance").reset_index()
    dist.columns = ["state", "year", "d_rus", "d_usa"]
    wide = scores[scores["partner"].isin(["RUS", "WEST"])].pivot_table(
        index=["source", "state", "year"], columns="partner", values="score").reset_index()
    wide.columns = ["source", "state", "year", "s_rus", "s_west"]
    return wide.merge(dist, on=["state", "year"], how="inner")


def unga_validation(years: Iterable[int] = UNGA_YEARS, theories: Sequence[str] = THEORIES) -> pd.DataFrame:
    """Correlations of each theory's (and observed) scores with UNGA ideal-point distances.

    Columns: ``source``, ``n`` (chooser-years), ``r_russia``, ``r_west``, ``r_relative``
    (pooled), and ``within_russia``, ``within_west``, ``within_relative`` (each chooser's
    values demeaned first). NaN where a side is constant (balance of power towards WEST).
    """
    table = unga_table(yearly_scores(years, theories))
    table = table.assign(rel_s=table["s_west"] - table["s_rus"], rel_d=table["d_rus"] - table["d_usa"],
                         neg_rus=-table["d_rus"], neg_usa=-table["d_usa"])
    rows = []
    for source in [*check_theories(theories), "observed"]:
        g = table[table["source"] == source]
        cols = ["s_rus", "s_west", "rel_s", "neg_rus", "neg_usa", "rel_d"]
        within = g[cols] - g.groupby("state")[cols].transform("mean")
        rows.append({"source": source, "n": len(g),
                     "r_russia": _corr(g["s_rus"], g["neg_rus"]), "r_west": _corr(g["s_west"], g["neg_usa"]),
                     "r_relative": _corr(g["rel_s"], g["rel_d"]),
                     "within_russia": _corr(within["s_rus"], within["neg_rus"]),
                     "within_west": _corr(within["s_west"], within["neg_usa"]),
                     "within_relative": _corr(within["rel_s"], within["rel_d"])})
    return pd.DataFrame(rows)


def auc(scores: pd.Series, positive: pd.Series) -> float:
    """The probability that a positive case scores higher than a negative one (ties count ½).

    Examples
    --------
    >>> auc(pd.Series([0.1, 0.4, 0.35, 0.8]), pd.Series([False, False, True, True]))
    0.75
    """
    pos = positive.astype(bool).to_numpy()
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    ranks = scores.rank(method="average").to_numpy()
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _defence_pacts() -> pd.DataFrame:
    """ATOP defence obligations per (state, partner, year), WEST = any of its members; both readings."""
    atop = load_table("atop_dyad_years")
    atop = atop.assign(partner=atop["partner"].where(~atop["partner"].isin(WEST_ACTORS), "WEST"))
    pacts = atop.groupby(["state", "partner", "year"], as_index=False)["defense"].max()
    acts = load_table("security_acts")
    treaties = acts[acts["kind"] == "alliance_treaty"]
    bilateral = set()
    for row in treaties.itertuples():
        last = int(row.end_year) if pd.notna(row.end_year) else max(ATOP_YEARS)
        for year in range(int(row.start_year), last + 1):
            bilateral |= {(row.actor, row.target, year), (row.target, row.actor, year)}
    keys = zip(pacts["state"], pacts["partner"], pacts["year"])
    return pacts.assign(defense=pacts["defense"].astype(int),
                        bilateral=[int(d == 1 and k in bilateral) for d, k in zip(pacts["defense"], keys)])


def atop_validation(years: Iterable[int] = ATOP_YEARS, theories: Sequence[str] = THEORIES) -> pd.DataFrame:
    """AUC of each theory's (and observed) scores for ATOP defence pacts, as coded and bilateral only.

    Every predicted (chooser, partner) dyad-year counts; a dyad-year ATOP does not list has no
    obligation. Columns: ``source``, ``reading`` (``"as coded"``: every ATOP defence
    obligation, the CIS Charter included; ``"bilateral pacts"``: see the module), ``positives``,
    ``n``, ``auc``.
    """
    scores = yearly_scores([y for y in years if y in ATOP_YEARS], theories)
    merged = scores.merge(_defence_pacts(), on=["state", "partner", "year"], how="left").fillna(
        {"defense": 0, "bilateral": 0})
    merged = merged[merged["score"].notna()]
    rows = []
    for source in [*check_theories(theories), "observed"]:
        g = merged[merged["source"] == source]
        for reading, column in (("as coded", "defense"), ("bilateral pacts", "bilateral")):
            rows.append({"source": source, "reading": reading, "positives": int(g[column].sum()), "n": len(g),
                         "auc": auc(g["score"].reset_index(drop=True), (g[column] == 1).reset_index(drop=True))})
    return pd.DataFrame(rows)


__all__ = ["ATOP_YEARS", "UNGA_YEARS", "atop_validation", "auc", "unga_table", "unga_validation", "yearly_scores"]
