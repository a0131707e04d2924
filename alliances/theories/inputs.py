"""Input measures several theories share, each a small pure function of a :class:`World`.

Every function returns a number in a fixed range, so theories can weight them freely:

- :func:`capability_shares` — each actor's share of the system's capability (0–1);
- :func:`proximity` — how close a partner is to a state (0–1);
- :func:`hostility` / :func:`support` — coded acts of a partner towards a state (0–1, never 1),
  from their summed intensity :func:`acts_sum`;
- :func:`vertical_weakness` / :func:`horizontal_weakness` — a chooser's internal threats (0–1).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from alliances.world import World

#: Capital distance (km) at which proximity falls to one half.
HALF_PROXIMITY_KM = 1000.0
#: Years after which a regime-threatening event weighs half as much (:func:`vertical_weakness`):
#: two years, so an upheaval has faded to about a fifth by the next regular election (four to
#: five years later). The course's choice, stated in lesson 03; not fitted to the outcome.
UNREST_HALF_LIFE = 2.0


def capability_shares(world: World, measure: str, actors: Iterable[str]) -> dict[str, float]:
    r"""Each actor's share of the summed capability of ``actors``.

    .. math:: s_j = c_j / \sum_k c_k

    Missing values count as 0 (and the world's notes say which are missing). If every value
    is missing or zero, every share is 0.
    """
    values = {a: (world.capability[measure].get(a) or 0.0) for a in actors}
    total = sum(values.values())
    return {a: (v / total if total > 0 else 0.0) for a, v in values.items()}


def proximity(world: World, state: str, partner: str) -> float:
    r"""Closeness of ``partner`` to ``state``: 1 with a shared land border, otherwise

    .. math:: x_{ij} = \frac{h}{h + d_{ij}}

    where :math:`d_{ij}` is the capital-to-capital distance and :math:`h` =
    ``HALF_PROXIMITY_KM``. An unknown distance counts as far (0).
    """
    if world.land_border.get((state, partner), False):
        return 1.0
    d = world.distance_km.get((state, partner))
    return 0.0 if d is None else HALF_PROXIMITY_KM / (HALF_PROXIMITY_KM + d)


def acts_sum(world: World, actor: str, target: str, valence: int,
             exclude: Iterable[str] = ()) -> int:
    """Summed intensity of ``actor``'s acts of ``valence`` (-1 hostile, +1 supportive) towards
    ``target`` active in the world's years, leaving out the act ids in ``exclude``."""
    acts = world.acts_between(actor, target)
    if not acts:  # most pairs: no acts at all
        return 0
    skip = exclude if isinstance(exclude, (set, frozenset)) else set(exclude)
    return sum(a.intensity for a in acts if a.valence == valence and a.act_id not in skip)


def hostility(world: World, actor: str, target: str, exclude: Iterable[str] = ()) -> float:
    r"""Hostile acts of ``actor`` towards ``target`` active in the world's years (0–1).

    .. math:: h_{jt} = 1 - \exp\left(-\tfrac{1}{2}\sum_{a \in A^-_{jt}} \text{intensity}_a\right)

    so a summed intensity of 1 gives 0.39, 2 (one war, or two lesser acts) 0.63, 4 0.86 and
    7 0.97: monotone, below 1, never saturated. Acts in ``exclude`` (ids) are switched off.
    """
    return 1.0 - math.exp(-acts_sum(world, actor, target, -1, exclude) / 2)


def support(world: World, actor: str, target: str, exclude: Iterable[str] = ()) -> float:
    r"""Supportive acts of ``actor`` towards ``target`` (0–1), the mirror of :func:`hostility`."""
    return 1.0 - math.exp(-acts_sum(world, actor, target, +1, exclude) / 2)


def vertical_weakness(world: World, state: str, half_life: float | None = None) -> float:
    r"""Threats to the regime from within (coups, revolutions, contested elections …), 0–1.

    .. math:: v_i = \frac{1}{|Y|}\sum_{t \in Y} \min\Bigl(1,\ \sum_{e:\ y_e \le t} 2^{-(t - y_e)/h}\Bigr)

    Each regime-threatening event :math:`e` of the state (``instability_events``, dimension
    "vertical", in year :math:`y_e`) weighs 1 in its own year and halves every :math:`h` =
    ``half_life`` years (default :data:`UNREST_HALF_LIFE`); a year's weakness is the summed
    weight, capped at 1, and a period's is the mean over its years :math:`Y`. So a single
    year is not a 0/1 switch on one event: a coup two years earlier still weighs 0.5, and
    the 1993 Huseynov mutiny in Azerbaijan still weighs 0.71 in 1994. The decay is the
    course's operationalisation: David (1991) says leaders fear internal challengers, not
    for how long an upheaval is remembered.

    Raises
    ------
    ValueError
        If ``half_life`` is not a positive number of years.
    """
    h = UNREST_HALF_LIFE if half_life is None else half_life
    if not (isinstance(h, int | float) and not isinstance(h, bool) and 0 < h < math.inf):
        raise ValueError(f"half_life must be a positive number of years, got {h!r}")
    events = [e.year for e in world.instability.get(state, ()) if e.dimension == "vertical"]
    yearly = [min(1.0, sum(2.0 ** (-(t - y) / h) for y in events if y <= t)) for t in world.years]
    return sum(yearly) / len(yearly) if yearly else 0.0


def horizontal_weakness(world: World, state: str) -> float:
    r"""Territorial fragmentation: active separatist regions on the state's soil, 0–1.

    .. math:: z_i = \min(1, r_i / 2)

    :math:`r_i` = separatist regions active in the covered years (``separatist_regions``).
    """
    return min(1.0, len(world.separatism.get(state, ())) / 2)
