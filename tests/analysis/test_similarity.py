"""Tests for alliances.similarity: S (Signorino & Ritter 1999) and tau-b.

Reference values come from published sources; each test names its source.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliances.analysis.similarity import (
    COMMITMENT_LEVELS,
    alliance_portfolio,
    s_matrix,
    s_score,
    tau_b,
)

# ---------------------------------------------------------------------------
# Signorino & Ritter (1999), Table 6 (p. 134): Germany and Russia, 1914.
# Portfolio codes 0 none, 1 entente, 2 neutrality, 3 defence; each state is
# coded 3 towards itself.  Vectors as transcribed in
#   svmiller/svmiller.github.io, _posts/2021-11-11-calculate-tau-b-alliances-in-r.md
# and shipped as `gmyrus14` in the R package fpsim (svmiller/fpsim,
# data/gmyrus14.rda, documented in R/data.R as "Signorino and Ritter (1999,
# Table 6)").  `syscap` (share of European capabilities) as printed from
# `gmyrus14` in https://svmiller.com/blog/2026/06/alliances-weighting-foreign-policy-similarity/
# ---------------------------------------------------------------------------
STATES_1914 = ["GMY", "RUS", "UKG", "FRN", "AUH", "ITA", "BEL", "SPN", "TUR", "NTH",
               "SWD", "RUM", "POR", "SWZ", "GRC", "DEN", "YUG", "BUL", "NOR", "ALB"]
GMY_1914 = [3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]
RUS_1914 = [0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
SYSCAP_1914 = [0.25, 0.21, 0.20, 0.08, 0.08, 0.05, 0.03, 0.03, 0.02, 0.01,
               0.01, 0.01, 0.01, 0.01, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]


def test_table6_unweighted_s_absolute():
    """Unweighted S (absolute distance) for Germany-Russia 1914 = 0.40.

    Sources: Signorino & Ritter (1999, Table 6); fpsim docs/reference/srs.md
    example ``srs(gmyrus14$gmy, gmyrus14$rus, distances = 'absolute')`` ->
    0.4 (svmiller/fpsim); jrnold/r-strat inst/unitTests/runit.SScore.R,
    ``test.SScore.table6`` -> 0.4.
    """
    assert s_score(GMY_1914, RUS_1914, distance="absolute", max_distance=3) == pytest.approx(0.4)
    # observed range 0..3 is the default normalisation (as in fpsim / strat)
    assert s_score(GMY_1914, RUS_1914, distance="absolute") == pytest.approx(0.4)


def test_table6_unweighted_s_squared():
    """Squared-distance S for Germany-Russia 1914 = 0.4444444.

    Source: svmiller/fpsim docs/reference/srs.md example
    ``srs(gmyrus14$gmy, gmyrus14$rus, distances = 'squared', levels = 0:3)``
    -> 0.4444444.  By hand: 1 - 2 * 50 / (20 * 3**2) = 4/9.
    """
    assert s_score(GMY_1914, RUS_1914, distance="squared", max_distance=3) == pytest.approx(
        0.4444444, abs=1e-7
    )
    assert s_score(GMY_1914, RUS_1914) == pytest.approx(4 / 9)  # default: squared


def test_table6_weighted_s():
    """Capability-weighted S for Germany-Russia 1914 = -0.46.

    Sources: svmiller/fpsim docs/reference/srs.md example with
    ``weights = gmyrus14$syscap`` -> -0.46; jrnold/r-strat
    inst/unitTests/runit.SScore.R (``test.SScore.table6``) -> -0.46.  The
    article's Table 6 prints -0.45; the r-strat test notes the gap is
    rounding of the capability shares printed in the table.
    """
    s = s_score(GMY_1914, RUS_1914, weights=SYSCAP_1914, distance="absolute", max_distance=3)
    assert s == pytest.approx(-0.46)
    assert round(s, 2) in (-0.46, -0.45)


def test_table6_tau_b():
    """Kendall's tau-b for Germany-Russia 1914 = 0.03031695.

    Sources: Signorino & Ritter (1999, Table 6) report tau-b ~ .03;
    svmiller/fpsim docs/reference/taub.md: ``taub(gmyrus14$gmy,
    gmyrus14$rus)`` and ``cor(..., method = 'kendall')`` -> 0.03031695.
    """
    assert tau_b(GMY_1914, RUS_1914) == pytest.approx(0.03031695, abs=1e-8)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(0, 3), (1, 2), (2, 1), (3, 0)], -1 / 3),                  # (a)
        ([(1, 3), (2, 2), (2, 2), (3, 1)], 1 / 3),                   # (b)
        ([(2, 3), (2, 3), (3, 2), (3, 2)], 1 / 3),                   # (c)
        ([(3, 3)] * 4, 1.0),                                         # (d)
        ([(0, 0)] * 10 + [(0, 3), (3, 0)], 2 / 3),                   # (e)
        ([(0, 3)] + [(1, 1)] * 10 + [(3, 0)], 2 / 3),                # (f)
        ([(0, 3)] + [(2, 2)] * 10 + [(3, 0)], 2 / 3),                # (g)
        ([(0, 3), (3, 0)] + [(3, 3)] * 10, 2 / 3),                   # (h)
    ],
    ids=list("abcdefgh"),
)
def test_table5_examples(pairs, expected):
    """S&R (1999) Table 5, panels (a)-(h), absolute distance, max distance 3.

    Source: jrnold/r-strat inst/unitTests/runit.SScore.R,
    ``test.SScore.table5`` (Signorino's own package; maintainer C.
    Signorino), which checks ``SScore(x, y, m = 3)`` against these values.
    """
    a, b = zip(*pairs)
    assert s_score(a, b, distance="absolute", max_distance=3) == pytest.approx(expected)


def test_multidimensional_weighted_example():
    """Weighted S over two issue dimensions with different scales = 0.475.

    Source: jrnold/r-strat inst/unitTests/runit.SScore.R, ``test.SScore.ex1``:
    four alliance dimensions (max distance 3) and four further dimensions
    (max distance 2), weights (.5, .4, .05, .05, .25, .25, .25, .25).
    """
    a = [3, 2, 3, 0, 3, 3, 1, 2]
    b = [2, 3, 0, 3, 3, 3, 1, 3]
    w = [0.5, 0.4, 0.05, 0.05, 0.25, 0.25, 0.25, 0.25]
    m = [3, 3, 3, 3, 2, 2, 2, 2]
    assert s_score(a, b, weights=w, distance="absolute", max_distance=m) == pytest.approx(0.475)


def test_tau_b_hand_computation():
    """Tau-b worked by hand from Kendall's formula (small example with ties).

    a = (1, 2, 2, 3), b = (1, 3, 2, 2).  Of the 6 pairs: concordant
    (1,2),(1,3),(1,4) = 3; discordant (2,3)... a ties, so not counted;
    (2,4): a 2<3, b 3>2 -> discordant; (3,4): a 2<3, b 2=2 -> tie on b.
    n_c = 3, n_d = 1, n1 = 1 (pair 2-3 tied on a), n2 = 1 (pair 3-4 tied on b).
    tau_b = (3 - 1) / sqrt((6 - 1)(6 - 1)) = 2/5.
    """
    assert tau_b([1, 2, 2, 3], [1, 3, 2, 2]) == pytest.approx(0.4)
    assert tau_b([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert tau_b([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert math.isnan(tau_b([1, 1, 1], [1, 2, 3]))


def _tau_b_loop(a, b):
    """Independent reference: explicit pair loop, ties from tie-group sizes."""
    n = len(a)
    nc = nd = 0
    for i in range(n - 1):
        for j in range(i + 1, n):
            s = (a[i] - a[j]) * (b[i] - b[j])
            nc += s > 0
            nd += s < 0
    n0 = n * (n - 1) / 2
    n1 = sum(t * (t - 1) / 2 for t in pd.Series(a).value_counts())
    n2 = sum(u * (u - 1) / 2 for u in pd.Series(b).value_counts())
    return (nc - nd) / math.sqrt((n0 - n1) * (n0 - n2))


def test_tau_b_matches_tie_group_formula():
    """Vectorised tau_b equals the textbook formula with tie-group corrections."""
    rng = np.random.default_rng(1)
    for _ in range(25):
        a = rng.integers(0, 4, 30).tolist()
        b = rng.integers(0, 4, 30).tolist()
        assert tau_b(a, b) == pytest.approx(_tau_b_loop(a, b))
    assert _tau_b_loop(GMY_1914, RUS_1914) == pytest.approx(0.03031695, abs=1e-8)


def test_tau_b_is_not_similarity():
    """S&R's core point: tau-b = 1 for portfolios at different levels; S < 1."""
    a = [0, 1, 2, 3]
    b = [0, 0, 0, 3]
    assert tau_b([1, 1, 1, 3], [0, 0, 0, 3]) == pytest.approx(1.0)
    assert s_score([1, 1, 1, 3], [0, 0, 0, 3], max_distance=3) < 1
    assert s_score(a, b, max_distance=3) < 1


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("func", [s_score, tau_b])
def test_bad_input_raises(func):
    with pytest.raises(ValueError, match="same length"):
        func([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="NaN"):
        func([1, float("nan"), 3], [1, 2, 3])
    with pytest.raises(ValueError, match="empty"):
        func([], [])


def test_s_score_bad_options():
    with pytest.raises(ValueError, match="distance"):
        s_score([1, 2], [1, 2], distance="euclid")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="weights"):
        s_score([1, 2], [1, 2], weights=[1.0])
    with pytest.raises(ValueError, match="non-negative"):
        s_score([1, 2], [1, 2], weights=[1.0, -1.0])
    with pytest.raises(ValueError, match="sum to zero"):
        s_score([1, 2], [1, 2], weights=[0.0, 0.0])
    with pytest.raises(ValueError, match="max_distance"):
        s_score([0, 3], [3, 0], max_distance=1)
    with pytest.raises(ValueError, match="max_distance"):
        s_score([0, 3], [3, 0], max_distance=0)
    with pytest.raises(ValueError, match="at least two"):
        tau_b([1], [1])


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------
codes = st.integers(min_value=0, max_value=3)


@st.composite
def portfolio_pairs(draw, with_weights: bool = False):
    n = draw(st.integers(min_value=1, max_value=40))
    a = draw(st.lists(codes, min_size=n, max_size=n))
    b = draw(st.lists(codes, min_size=n, max_size=n))
    if not with_weights:
        return a, b, None
    w = draw(st.lists(st.floats(0, 1, allow_nan=False), min_size=n, max_size=n)
             .filter(lambda ws: sum(ws) > 1e-6))
    return a, b, w


@settings(max_examples=200, deadline=None)
@given(portfolio_pairs(with_weights=True), st.sampled_from(["squared", "absolute"]),
       st.sampled_from([None, 3]))
def test_s_properties(pair, distance, max_distance):
    a, b, w = pair
    s = s_score(a, b, weights=w, distance=distance, max_distance=max_distance)
    assert -1.0 <= s <= 1.0
    assert s_score(a, a, weights=w, distance=distance, max_distance=max_distance) == 1.0
    assert s == pytest.approx(
        s_score(b, a, weights=w, distance=distance, max_distance=max_distance)
    )


@settings(max_examples=200, deadline=None)
@given(portfolio_pairs(with_weights=True), st.randoms(use_true_random=False))
def test_s_and_tau_invariant_to_permuting_states(pair, rnd):
    """Relabelling/reordering the system's states leaves S and tau-b unchanged."""
    a, b, w = pair
    order = list(range(len(a)))
    rnd.shuffle(order)
    pa = [a[i] for i in order]
    pb = [b[i] for i in order]
    pw = [w[i] for i in order]
    assert s_score(pa, pb, weights=pw, max_distance=3) == pytest.approx(
        s_score(a, b, weights=w, max_distance=3)
    )
    if len(a) >= 2:
        t0, t1 = tau_b(a, b), tau_b(pa, pb)
        assert (math.isnan(t0) and math.isnan(t1)) or t0 == pytest.approx(t1)


@settings(max_examples=100, deadline=None)
@given(portfolio_pairs())
def test_tau_b_bounds_and_symmetry(pair):
    a, b, _ = pair
    if len(a) < 2:
        return
    t = tau_b(a, b)
    if math.isnan(t):
        return
    assert -1.0 - 1e-12 <= t <= 1.0 + 1e-12
    assert t == pytest.approx(tau_b(b, a))


def test_s_extremes():
    assert s_score([0, 0, 3], [3, 3, 0], max_distance=3) == -1.0
    assert s_score([2, 2], [2, 2]) == 1.0  # constant and equal: identical


# ---------------------------------------------------------------------------
# alliance_portfolio
# ---------------------------------------------------------------------------
def _dyads() -> pd.DataFrame:
    rows = [
        # state, partner, year, defense, offense, neutral, nonaggression, consultation
        ("ARM", "RUS", 2000, 1, 0, 0, 0, 1),
        ("RUS", "ARM", 2000, 1, 0, 0, 0, 1),
        ("AZE", "TUR", 2000, 0, 0, 0, 0, 1),
        ("TUR", "AZE", 2000, 0, 0, 0, 0, 1),
        ("GEO", "AZE", 2000, 0, 0, 0, 1, 0),
        ("AZE", "GEO", 2000, 0, 0, 0, 1, 0),
        ("GEO", "TUR", 2000, 0, 0, 1, 0, 0),   # listed one way only
        ("AZE", "TUR", 2010, 1, 1, 0, 0, 1),   # other year: ignored
        ("TUR", "AZE", 2010, 1, 1, 0, 0, 1),
    ]
    return pd.DataFrame(rows, columns=["state", "partner", "year", "defense", "offense",
                                       "neutral", "nonaggression", "consultation"])


def test_alliance_portfolio_levels():
    p = alliance_portfolio(_dyads(), 2000)
    assert list(p.index) == ["ARM", "AZE", "GEO", "RUS", "TUR"]
    assert list(p.columns) == list(p.index)
    assert (np.diag(p.to_numpy()) == 3).all()
    assert p.loc["ARM", "RUS"] == 3          # defence (+ consultation) -> 3
    assert p.loc["AZE", "TUR"] == 1          # consultation only -> 1 (entente)
    assert p.loc["GEO", "AZE"] == 2          # non-aggression -> 2
    assert p.loc["GEO", "TUR"] == 2 and p.loc["TUR", "GEO"] == 2  # symmetrised
    assert p.loc["ARM", "AZE"] == 0
    assert (p.to_numpy() == p.to_numpy().T).all()
    directed = alliance_portfolio(_dyads(), 2000, symmetric=False)
    assert directed.loc["GEO", "TUR"] == 2 and directed.loc["TUR", "GEO"] == 0


def test_alliance_portfolio_year_system_and_aliases():
    p = alliance_portfolio(_dyads(), 2010, system=["AZE", "TUR", "ARM"])
    assert p.loc["AZE", "TUR"] == 3
    assert p.loc["ARM"].tolist() == [3, 0, 0]  # ARM has no alliance in 2010
    ps = _dyads().rename(columns={"state": "ccode1", "partner": "ccode2",
                                  "defense": "atop_defense", "offense": "atop_offense",
                                  "neutral": "atop_neutral",
                                  "nonaggression": "atop_nonagg",
                                  "consultation": "atop_consul"})
    pd.testing.assert_frame_equal(alliance_portfolio(ps, 2000), alliance_portfolio(_dyads(), 2000))
    assert set(COMMITMENT_LEVELS) == {"defense", "offense", "neutral", "nonaggression",
                                      "consultation"}


def test_alliance_portfolio_feeds_s():
    p = alliance_portfolio(_dyads(), 2000)
    s = s_score(p.loc["ARM"], p.loc["RUS"], distance="absolute", max_distance=3)
    # ARM = (3,0,0,3,0), RUS = (3,0,0,3,0): identical portfolios
    assert s == 1.0
    m = s_matrix(p, distance="absolute")
    assert m.loc["ARM", "RUS"] == 1.0
    assert m.loc["AZE", "GEO"] == pytest.approx(
        s_score(p.loc["AZE"], p.loc["GEO"], distance="absolute", max_distance=3)
    )
    assert (np.diag(m.to_numpy()) == 1).all()


def test_alliance_portfolio_bad_input():
    with pytest.raises(ValueError, match="required column"):
        alliance_portfolio(_dyads().drop(columns="partner"), 2000)
    with pytest.raises(ValueError, match="obligation"):
        alliance_portfolio(_dyads()[["state", "partner", "year"]], 2000)
    bad = _dyads()
    bad.loc[0, "defense"] = 2
    with pytest.raises(ValueError, match="0/1"):
        alliance_portfolio(bad, 2000)
    with pytest.raises(ValueError, match="no dyads"):
        alliance_portfolio(_dyads(), 1999)
    with pytest.raises(ValueError, match="not in `system`"):
        alliance_portfolio(_dyads(), 2000, system=["ARM"])


def test_chooser_similarity_from_the_course_data():
    """S and tau-b from data/atop_dyad_years.csv: in range, and after Georgia left the CIS
    (2009) its portfolio is further from Russia's than Armenia's is."""
    from alliances.analysis.similarity import chooser_similarity

    frame = chooser_similarity(2010).set_index(["state", "partner"])
    assert frame["s_score"].between(-1, 1).all() and frame["tau_b"].between(-1, 1).all()
    assert frame.loc[("ARM", "RUS"), "s_score"] > frame.loc[("GEO", "RUS"), "s_score"]
    before = chooser_similarity(2005).set_index(["state", "partner"])
    # ATOP codes the CIS Charter as a defence pact: in 2005 Georgia looks as close to Russia as Armenia
    assert before.loc[("GEO", "RUS"), "s_score"] == pytest.approx(before.loc[("ARM", "RUS"), "s_score"])


@pytest.mark.parametrize("year", [1991, 2019, "2010", 2010.0])
def test_chooser_similarity_refuses_years_outside_the_extract(year):
    from alliances.analysis.similarity import chooser_similarity

    with pytest.raises(ValueError, match="year must be a whole number|no ATOP dyad-years"):
        chooser_similarity(year)
