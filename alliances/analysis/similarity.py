"""Alliance-portfolio similarity: Signorino and Ritter's S and Kendall's tau-b.

Two states have similar foreign policies, so the argument goes, when they
have similar *alliance portfolios*: when they are allied (or not allied) to
the same third states at similar levels of commitment.  This module builds
those portfolios from a dyad-year alliance table and compares them with the
two classic measures of the quantitative peace-science literature:

* Kendall's tau-b, introduced to the field by Bueno de Mesquita (1975) and
  used in EUGene for two decades;
* Signorino and Ritter's (1999) S, a distance-based measure that they
  proposed because tau-b measures *association*, not *similarity* (two
  portfolios that are ranked alike but sit at different levels can get
  tau-b = 1).

Commitment coding
-----------------
The ordinal alliance-commitment scale of Signorino and Ritter (1999, 123-4),
following the Correlates of War typology, and used here:

====  ===================================================================
code  meaning
====  ===================================================================
3     defence pact (ATOP: defence *or* offence obligation)
2     neutrality or non-aggression pact
1     entente (ATOP: consultation obligation)
0     no alliance
====  ===================================================================

A state is coded as maximally committed to itself (the diagonal is 3).
When a dyad has several kinds of obligation, the highest code counts.
Mapping ATOP's offence pledges to 3 is a choice of this course (both are
promises of active military support); pass ``levels=`` to
:func:`alliance_portfolio` to change it.  Treating the four categories as an
ordered, equally spaced scale is itself contestable (Häge 2011; Miller's
``fpsim`` documentation): say so when you teach it.

References
----------
Bueno de Mesquita, Bruce. 1975. "Measuring Systemic Polarity." *Journal of
Conflict Resolution* 19(2): 187-216.

Kendall, Maurice G. 1938. "A New Measure of Rank Correlation." *Biometrika*
30(1/2): 81-93.

Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b:
Measuring the Similarity of Foreign Policy Positions." *International
Studies Quarterly* 43(1): 115-144.

Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign
Policy Similarity for Chance Agreement." *Political Analysis* 19(3): 287-305.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

__all__ = [
    "COMMITMENT_LEVELS",
    "alliance_portfolio",
    "s_matrix",
    "s_score",
    "tau_b",
]

#: Default commitment level of each ATOP obligation flag (highest one wins).
COMMITMENT_LEVELS: dict[str, int] = {
    "defense": 3,
    "offense": 3,
    "neutral": 2,
    "nonaggression": 2,
    "consultation": 1,
}

#: Self-commitment (diagonal of the portfolio matrix).
SELF_LEVEL = 3

# Column names of the peacesciencer / ATOP dyad-year files, accepted as aliases.
_COLUMN_ALIASES: dict[str, str] = {
    "ccode1": "state",
    "ccode2": "partner",
    "atop_defense": "defense",
    "atop_offense": "offense",
    "atop_neutral": "neutral",
    "atop_nonagg": "nonaggression",
    "nonagg": "nonaggression",
    "atop_consul": "consultation",
    "consul": "consultation",
}


# ---------------------------------------------------------------------------
# input checking
# ---------------------------------------------------------------------------
def _as_vector(x: Iterable[float], name: str) -> np.ndarray:
    """Return ``x`` as a 1-D float array, or raise ValueError."""
    try:
        arr = np.asarray(x if hasattr(x, "__len__") else list(x), dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"`{name}` must be a sequence of numbers: {exc}") from exc
    if arr.ndim != 1:
        raise ValueError(f"`{name}` must be one-dimensional, got shape {arr.shape}.")
    if arr.size == 0:
        raise ValueError(f"`{name}` is empty: a portfolio needs at least one state.")
    if not np.all(np.isfinite(arr)):
        raise ValueError(
            f"`{name}` contains NaN or infinite values; drop or recode them "
            "before computing similarity (no silent listwise deletion here)."
        )
    return arr


def _pair(a: Iterable[float], b: Iterable[float]) -> tuple[np.ndarray, np.ndarray]:
    x = _as_vector(a, "a")
    y = _as_vector(b, "b")
    if x.shape != y.shape:
        raise ValueError(
            f"`a` and `b` must have the same length (one entry per state in the "
            f"system); got {x.size} and {y.size}."
        )
    return x, y


# ---------------------------------------------------------------------------
# Signorino and Ritter's S
# ---------------------------------------------------------------------------
def s_score(
    a: Iterable[float],
    b: Iterable[float],
    weights: Iterable[float] | None = None,
    distance: Literal["squared", "absolute"] = "squared",
    max_distance: float | Iterable[float] | None = None,
) -> float:
    r"""Signorino and Ritter's (1999) S for two policy portfolios.

    Parameters
    ----------
    a, b : sequence of float
        Portfolios of the two states: entry *k* is each state's position
        towards state *k* of the system (e.g. the 0-3 alliance-commitment
        code, see the module docstring).  Same length, no NaN.
    weights : sequence of float, optional
        Non-negative weight :math:`w_k` of each state *k*, e.g. its share of
        system capabilities (CINC), as in Signorino and Ritter's weighted S.
        They need not sum to 1.  Default: equal weights.
    distance : {"squared", "absolute"}, default "squared"
        Distance metric.  Signorino and Ritter (1999) use the absolute
        (city-block) distance; squared distances are the other common choice
        (Häge 2011).  Pass ``"absolute"`` to reproduce their tables.
    max_distance : float or sequence of float, optional
        Largest possible difference :math:`m_k` on each dimension (a scalar
        or one value per state; per-dimension values let you combine
        alliance and UN-vote dimensions on different scales, as in their
        section 5).  For the 0-3 alliance scale this is 3.  Default: the
        observed range, :math:`\max(a, b) - \min(a, b)` over both vectors, as
        in the R packages ``fpsim`` and ``strat``.  Pass it explicitly when
        the full scale may not be observed.

    Returns
    -------
    float
        S in :math:`[-1, 1]`: 1 for identical portfolios, -1 for portfolios
        that are maximally far apart on every (weighted) dimension.

    Notes
    -----
    With weights :math:`w_k`, per-dimension maximum distance :math:`m_k`,
    and :math:`p = 1` (absolute) or :math:`p = 2` (squared):

    .. math::

        d = \sum_k w_k \left(\frac{|a_k - b_k|}{m_k}\right)^p, \qquad
        d_{\max} = \sum_k w_k, \qquad
        S = 1 - 2\,\frac{d}{d_{\max}}.

    Unweighted (:math:`w_k = 1`, :math:`m_k = m`) and absolute, this is the
    familiar :math:`S = 1 - 2 \sum_k |a_k - b_k| / (n\,m)`.  With squared
    distances it is :math:`1 - 2 \sum_k (a_k - b_k)^2 / (n\,m^2)` (fpsim's
    ``distances = "squared"``; ``fpsim`` ignores weights in that case, this
    function applies them in the same way as for absolute distances).

    If the observed range is 0 (both portfolios constant and equal) the
    portfolios are identical and S is 1.

    References
    ----------
    Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b:
    Measuring the Similarity of Foreign Policy Positions." *International
    Studies Quarterly* 43(1): 115-144, eq. (4)-(6) and Table 6.

    Examples
    --------
    Germany and Russia, 1914 (Signorino and Ritter 1999, Table 6):

    >>> gmy = [3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]
    >>> rus = [0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    >>> round(s_score(gmy, rus, distance="absolute", max_distance=3), 2)
    0.4
    """
    x, y = _pair(a, b)
    if distance not in ("squared", "absolute"):
        raise ValueError(f"`distance` must be 'squared' or 'absolute', got {distance!r}.")

    if weights is None:
        w = np.ones_like(x)
    else:
        w = _as_vector(weights, "weights")
        if w.shape != x.shape:
            raise ValueError(
                f"`weights` must have one entry per state ({x.size}); got {w.size}."
            )
        if np.any(w < 0):
            raise ValueError("`weights` must be non-negative.")
        if w.sum() <= 0:
            raise ValueError("`weights` sum to zero: no state carries any weight.")

    if max_distance is None:
        lo = min(x.min(), y.min())
        hi = max(x.max(), y.max())
        m = np.full_like(x, hi - lo)
        if hi == lo:  # both constant and equal: identical portfolios
            return 1.0
    else:
        if isinstance(max_distance, (int, float, np.number)):
            m = np.full_like(x, float(max_distance))
        else:
            m = _as_vector(max_distance, "max_distance")
        if m.shape != x.shape:
            raise ValueError(
                "`max_distance` must be a scalar or have one entry per state "
                f"({x.size}); got {m.size}."
            )
        if not np.all(np.isfinite(m)) or np.any(m <= 0):
            raise ValueError("`max_distance` must be finite and > 0.")

    diff = np.abs(x - y) / m
    if np.any(diff > 1 + 1e-12):
        raise ValueError(
            "Some |a_k - b_k| exceed `max_distance`; S would fall below -1. "
            "Check the coding scale."
        )
    p = 2 if distance == "squared" else 1
    d = float(np.sum(w * diff**p))
    s = 1.0 - 2.0 * d / float(w.sum())
    return float(min(1.0, max(-1.0, s)))


# ---------------------------------------------------------------------------
# Kendall's tau-b
# ---------------------------------------------------------------------------
def tau_b(a: Iterable[float], b: Iterable[float]) -> float:
    r"""Kendall's tau-b rank correlation between two portfolios.

    The measure of alliance-portfolio similarity used by Bueno de Mesquita
    (1975) and, through EUGene, by much of the literature until Signorino
    and Ritter (1999).

    Parameters
    ----------
    a, b : sequence of float
        The two portfolios (same length, at least 2 entries, no NaN).

    Returns
    -------
    float
        tau-b in :math:`[-1, 1]`; ``nan`` when either vector is constant
        (the statistic is then undefined, as in R's ``cor(method =
        "kendall")``).

    Notes
    -----
    Over all :math:`n_0 = n(n-1)/2` pairs of states :math:`(i, j)`:

    .. math::

        \tau_b = \frac{n_c - n_d}{\sqrt{(n_0 - n_1)(n_0 - n_2)}}, \qquad
        n_1 = \sum_g \frac{t_g(t_g - 1)}{2}, \quad
        n_2 = \sum_h \frac{u_h(u_h - 1)}{2},

    where :math:`n_c` (:math:`n_d`) counts pairs ordered the same (opposite)
    way by ``a`` and ``b``, :math:`t_g` is the size of the *g*-th group of
    tied values in ``a`` and :math:`u_h` that in ``b`` (Kendall 1938; tie
    correction of Kendall 1945).  Computed here from the pairwise sign
    matrix (O(n^2) memory; fine for the ~200 states of the system).

    References
    ----------
    Bueno de Mesquita, Bruce. 1975. "Measuring Systemic Polarity." *Journal
    of Conflict Resolution* 19(2): 187-216.

    Kendall, Maurice G. 1938. "A New Measure of Rank Correlation."
    *Biometrika* 30(1/2): 81-93.

    Examples
    --------
    >>> gmy = [3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0]
    >>> rus = [0, 3, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    >>> round(tau_b(gmy, rus), 4)
    0.0303
    """
    x, y = _pair(a, b)
    n = x.size
    if n < 2:
        raise ValueError("tau_b needs at least two states (pairs) to compare.")
    sx = np.sign(x[:, None] - x[None, :])
    sy = np.sign(y[:, None] - y[None, :])
    iu = np.triu_indices(n, k=1)
    sx, sy = sx[iu], sy[iu]
    prod = sx * sy
    n_c = int(np.sum(prod > 0))
    n_d = int(np.sum(prod < 0))
    n0 = n * (n - 1) // 2
    n1 = int(np.sum(sx == 0))  # pairs tied on a  = sum t(t-1)/2
    n2 = int(np.sum(sy == 0))  # pairs tied on b  = sum u(u-1)/2
    denom = np.sqrt(float(n0 - n1) * float(n0 - n2))
    if denom == 0:
        return float("nan")
    return float((n_c - n_d) / denom)


# ---------------------------------------------------------------------------
# Portfolios from a dyad-year table
# ---------------------------------------------------------------------------
def alliance_portfolio(
    dyad_years: pd.DataFrame,
    year: int,
    system: Sequence[object] | None = None,
    levels: Mapping[str, int] | None = None,
    symmetric: bool = True,
    self_level: int = SELF_LEVEL,
) -> pd.DataFrame:
    """Alliance-portfolio matrix of every state in the system in one year.

    Parameters
    ----------
    dyad_years : pandas.DataFrame
        Dyad-year alliance table with columns ``state``, ``partner``,
        ``year`` and the 0/1 obligation flags ``defense``, ``offense``,
        ``neutral``, ``nonaggression``, ``consultation`` (the shape of the
        course's ``data/atop_dyad_years.csv``).  The peacesciencer/ATOP
        names ``ccode1, ccode2, atop_defense, atop_offense, atop_neutral,
        atop_nonagg, atop_consul`` are accepted too.  Flags missing from the
        table count as 0.  Only dyads *with* an alliance need to be listed.
    year : int
        The year to build.
    system : sequence, optional
        All states of the system in that year.  Dyad tables list only
        allied pairs, so states without any alliance would otherwise be
        missing; pass the full membership (e.g. the CoW state list) to
        include them as rows/columns of zeros.  Default: every state that
        appears as ``state`` or ``partner`` in ``year``.
    levels : mapping, optional
        Commitment code of each flag; the highest code present wins.
        Default :data:`COMMITMENT_LEVELS` (defence/offence 3,
        neutrality/non-aggression 2, consultation 1, none 0).
    symmetric : bool, default True
        Treat alliances as undirected: the level of *i* towards *j* is the
        larger of the two directed codes (as in the CoW data used by
        Signorino and Ritter).  With ``False`` the row *i* holds only the
        obligations listed with ``state == i``.
    self_level : int, default 3
        Code on the diagonal (each state is maximally committed to itself).

    Returns
    -------
    pandas.DataFrame
        Square integer matrix; row *i* is the portfolio of state *i*, column
        *k* its commitment to state *k*.  Rows and columns share the same
        sorted order, so any two rows can be passed to :func:`s_score` or
        :func:`tau_b`.

    Raises
    ------
    ValueError
        If required columns are missing, no flag column is present, a flag
        is not 0/1, or the table has no rows for ``year`` and no ``system``
        is given.
    """
    if not isinstance(dyad_years, pd.DataFrame):
        raise ValueError("`dyad_years` must be a pandas DataFrame.")
    df = dyad_years.rename(
        columns={k: v for k, v in _COLUMN_ALIASES.items() if k in dyad_years.columns}
    )
    missing = [c for c in ("state", "partner", "year") if c not in df.columns]
    if missing:
        raise ValueError(f"`dyad_years` lacks required column(s): {missing}.")
    lv = dict(COMMITMENT_LEVELS if levels is None else levels)
    flags = [f for f in lv if f in df.columns]
    if not flags:
        raise ValueError(
            f"`dyad_years` has none of the obligation columns {sorted(lv)}."
        )
    df = df.loc[df["year"] == year, ["state", "partner", *flags]]
    if df[["state", "partner"]].isna().any().any():
        raise ValueError("`state`/`partner` contain missing values.")
    vals = df[flags]
    if vals.isna().any().any() or not vals.isin([0, 1]).all().all():
        raise ValueError(f"obligation flags {flags} must be 0/1 with no missing values.")

    if system is None:
        states = sorted(set(df["state"]) | set(df["partner"]))
    else:
        states = sorted(set(system))
        outside = (set(df["state"]) | set(df["partner"])) - set(states)
        if outside:
            raise ValueError(
                f"states {sorted(outside, key=str)[:5]} appear in the dyads of {year} "
                "but not in `system`."
            )
    if not states:
        raise ValueError(f"no dyads for year {year} and no `system` given.")

    level = np.zeros(len(df), dtype=int)
    for f in flags:
        level = np.maximum(level, vals[f].to_numpy(dtype=int) * int(lv[f]))
    mat = pd.DataFrame(0, index=pd.Index(states, name="state"),
                       columns=pd.Index(states, name="partner"), dtype=int)
    pos = {s: i for i, s in enumerate(states)}
    arr = mat.to_numpy(copy=True)
    for s, p, l in zip(df["state"], df["partner"], level):
        i, j = pos[s], pos[p]
        arr[i, j] = max(arr[i, j], l)
        if symmetric:
            arr[j, i] = max(arr[j, i], l)
    np.fill_diagonal(arr, self_level)
    return pd.DataFrame(arr, index=mat.index, columns=mat.columns)


def s_matrix(
    portfolios: pd.DataFrame,
    weights: Mapping[object, float] | pd.Series | None = None,
    distance: Literal["squared", "absolute"] = "squared",
    max_distance: float | None = 3,
) -> pd.DataFrame:
    """S for every pair of rows of a portfolio matrix.

    Parameters
    ----------
    portfolios : pandas.DataFrame
        Output of :func:`alliance_portfolio` (rows = states, columns = the
        system's states).
    weights : mapping or Series, optional
        Weight of each *column* state (e.g. CINC share); missing entries
        raise ValueError.
    distance, max_distance
        As in :func:`s_score`; ``max_distance`` defaults to 3, the range of
        the alliance-commitment scale.

    Returns
    -------
    pandas.DataFrame
        Symmetric matrix of S with 1 on the diagonal.
    """
    w = None
    if weights is not None:
        ws = pd.Series(weights, dtype=float).reindex(portfolios.columns)
        if ws.isna().any():
            raise ValueError(
                f"no weight for states {list(ws.index[ws.isna()])[:5]}."
            )
        w = ws.to_numpy()
    idx = list(portfolios.index)
    out = pd.DataFrame(np.eye(len(idx)), index=portfolios.index, columns=portfolios.index)
    rows = portfolios.to_numpy(dtype=float)
    for i in range(len(idx)):
        for j in range(i + 1, len(idx)):
            s = s_score(rows[i], rows[j], weights=w, distance=distance,
                        max_distance=max_distance)
            out.iat[i, j] = out.iat[j, i] = s
    return out


def chooser_similarity(year: int, data_dir=None) -> pd.DataFrame:
    """S (absolute distance, as Signorino & Ritter) and tau-b between each chooser's and each
    partner's alliance portfolio in ``year``, from the course's ATOP v5.1 dyad-years.

    A view of *observed* alignment (no theory reads it). Caveats, also in the codebook: the
    extract holds only dyads with Armenia, Azerbaijan or Georgia, so the "system" is the states
    that appear in it that year, not the world; ATOP codes the CIS Charter as a defence pact,
    so CIS members look allied with Russia; ATOP ends in 2018.

    Returns one row per (state, partner) with columns ``state, partner, year, s_score, tau_b``.
    """
    from alliances.data import load_table
    from alliances.schemas import CHOOSERS

    if not isinstance(year, (int, np.integer)) or isinstance(year, bool):
        raise ValueError(f"year must be a whole number, got {year!r}")
    table = load_table("atop_dyad_years", data_dir)
    years = sorted(int(y) for y in table["year"].unique())
    if int(year) not in years:
        raise ValueError(f"no ATOP dyad-years for {year}; the extract covers {years[0]}-{years[-1]}")
    frame = table[table["year"] == year].astype({"year": int})
    for flag in ("defense", "offense", "neutral", "nonaggression", "consultation"):
        frame[flag] = frame[flag].fillna(0).astype(int)
    portfolios = alliance_portfolio(frame, int(year))
    rows = []
    for state in CHOOSERS:
        if state not in portfolios.index:
            continue
        for partner in portfolios.index:
            if partner == state:
                continue
            a, b = portfolios.loc[state], portfolios.loc[partner]
            rows.append({"state": state, "partner": str(partner), "year": int(year),
                         "s_score": s_score(a, b, distance="absolute", max_distance=3),
                         "tau_b": tau_b(a, b)})
    return pd.DataFrame(rows)
