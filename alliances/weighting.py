"""Weighted means over the entries that have a value: the one formula the Karabakh arc's models share.

The stability index (:mod:`alliances.karabakh`) and the secession score
(:mod:`alliances.secession`) both average their parts with weights, leaving out parts with no
data and renormalising the weights over the rest.

Examples
--------
>>> import numpy as np
>>> known_weighted_mean(np.array([[1.0, np.nan, 0.0]]), np.array([[1.0, 1.0, 3.0]]))
array([[0.25]])
"""

from __future__ import annotations

import numpy as np


def known_weighted_mean(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    r"""Weighted mean of each row of ``values`` for each row of ``weights``, over known entries.

    Parameters
    ----------
    values : ndarray, shape (items, parts)
        The parts of each item; NaN where a part has no value.
    weights : ndarray, shape (settings, parts)
        One row of weights per setting.

    Returns
    -------
    ndarray, shape (settings, items)
        :math:`\sum_k w_k x_k / \sum_k w_k` over the parts :math:`k` with a value; NaN where an
        item has no weighted part with a value.

    Notes
    -----
    The sums run part by part in a fixed order (elementwise products and additions), not
    through a BLAS matrix product, whose summation order depends on the CPU: the same inputs
    give the same bits on every machine, so stored notebook outputs stay stable.
    """
    known = ~np.isnan(values)
    filled = np.where(known, values, 0.0)
    num = np.zeros((weights.shape[0], values.shape[0]))
    den = np.zeros_like(num)
    for k in range(values.shape[1]):
        num += weights[:, k, None] * filled[None, :, k]
        den += weights[:, k, None] * known[None, :, k]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


__all__ = ["known_weighted_mean"]
