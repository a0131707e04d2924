r"""Balance of threat (Walt 1987): states balance against the actor that threatens them most —
judged by its aggregate power, proximity, offensive capability and aggressive intentions — by
aligning with the strongest actor opposed to it.

Walt's four sources of threat are not independent: "because the ability to project power
declines with distance", power far away threatens less (Walt 1987, ch. 2), and offensive
power is the ability to threaten another state "at an acceptable cost". The default
combination, ``combination="gradient"``, therefore discounts aggregate power and offensive
capability by a loss-of-strength gradient (Boulding 1962): what an actor's power amounts to
*at the chooser's distance*. ``combination="additive"`` is the earlier, cruder variant that
adds the four sources undiscounted, so the distant West's sheer budget makes it every state's
top threat at equal weights — kept for an exercise.

Model parameters (:data:`PARAMETERS`): the weights ``w_power``, ``w_proximity``,
``w_offense``, ``w_intentions`` (0–1; defaults 0.5, 1, 1, 1, read from Walt's text, not fitted:
aggregate power "can also be prized" — it can reward friends as well as punish enemies, so on
its own it cuts both ways — while proximity, offensive power and aggressive intentions each
provoke balancing; Walt gives no numbers, so :func:`alliances.analysis.robustness.top_threat_shares`
shows how often each top threat survives other weightings), ``combination``, and
``count_wars``, ``count_separatism_occupation``, ``count_blockades``, ``count_pressure``,
which switch whole kinds of hostile act off (:data:`ACT_GROUPS`), both in the intentions term
and in "opposed". Ties go to the first actor in ``world.partners(i)`` order.

Inputs: ``world.capability["cinc"]`` and ``["milex"]`` (SIPRI),
:func:`~alliances.theories.inputs.proximity`, :func:`~alliances.theories.inputs.hostility`
(coded hostile acts of the partner towards the state) and supportive acts between third
parties. A reason names the stance that the thresholds in force (``align_at``,
``balance_at``) give its score.

Notes
-----
For chooser :math:`i` and each actor :math:`j` it faces (the set :math:`J_i`), with weights
:math:`w_P, w_X, w_O, w_I \in [0, 1]` and :math:`W = w_P + w_X + w_O + w_I`:

.. math::

    X_{ij} = \text{proximity}(i, j), \quad
    P_{ij} = \frac{g_{ij}\,\text{cinc}_j}{\max_{k \in J_i} g_{ik}\,\text{cinc}_k}, \quad
    O_{ij} = \frac{g_{ij}\,\text{milex}_j}{\max_{k \in J_i} g_{ik}\,\text{milex}_k}, \quad
    I_{ji} = \text{hostility}(j \to i) = 1 - e^{-\frac{1}{2}\sum_{a \in A^-_{ji}} \text{intensity}_a}

with the loss-of-strength gradient :math:`g_{ij} = X_{ij}` for ``combination="gradient"``
(no loss across a shared land border; otherwise strength halves at ``HALF_PROXIMITY_KM``
between capitals, :func:`~alliances.theories.inputs.proximity`) and :math:`g_{ij} = 1` for
``"additive"``. Discounting before normalising means an actor's power is measured against the
strongest power *as projected onto* :math:`i`: Russia's offensive capability towards Georgia is
its budget at a shared border against the West's budget thousands of kilometres away, not
against the West's budget at home.

.. math::

    u_{ij} = \frac{w_P P_j + w_X X_{ij} + w_O O_j}{W}, \qquad
    t_{ij} = u_{ij} + \frac{w_I I_{ji}}{W}

:math:`t_{ij}` is the threat of :math:`j` to :math:`i` and :math:`u_{ij}` the part of it that
measures what :math:`j` *can* do in :math:`i`'s neighbourhood (for harm or for help). The top
threat is :math:`T = \arg\max_j t_{ij}`. An actor :math:`k` is *opposed* to :math:`T` (from
:math:`i`'s point of view) to the degree

.. math::

    o_k = \min\Big(1, \max\big(I_{Tk}, I_{kT}, \tfrac{1}{2}(S_{ki} - S_{kT})\big)\Big)

— hostile acts between :math:`k` and :math:`T` in either direction, or coded support of
:math:`k` for :math:`i` exceeding its support for :math:`T` (:math:`S` = summed intensity of
supportive acts, :func:`~alliances.theories.inputs.acts_sum`). The net sum stays local: a
difference of the curved :func:`~alliances.theories.inputs.support` values does not cancel
arming both sides (Russia's 0.97 for Armenia less 0.78 for Azerbaijan leaves 0.19 of its four
extra intensity points). It is capped at two points because opposition only says whose side
:math:`k` is on; how much it counts comes from its capability :math:`u`. Then

.. math::

    \text{score}_{ij} = -\,t_{ij}\,\frac{t_{ij}}{t_{iT}}
        \;+\; t_{iT}\,\frac{o_j\,u_{ij}}{\max_k o_k\,u_{ik}}

The top threat is balanced with the full threat level; lesser threats fade with their ratio
to it; the strongest opposed actor is aligned with as strongly as the top threat is
balanced, other opposed actors in proportion to their (opposition × capability).

References
----------
.. [1] Walt, S. M. (1987). *The Origins of Alliances*. Ithaca, NY: Cornell University Press.
.. [2] Walt, S. M. (1985). Alliance formation and the balance of world power. *International
   Security*, 9(4), 3–43.
.. [3] Boulding, K. E. (1962). *Conflict and Defense: A General Theory*. New York: Harper &
   Row (ch. 12, the loss-of-strength gradient).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from alliances.params import BoolParam, ChoiceParam, FloatParam, Param, resolve
from alliances.theories.base import STANCE_PHRASES, THRESHOLDS, Explanation, clip, sentence, stance_phrase
from alliances.theories.inputs import acts_sum, hostility, proximity
from alliances.world import World

#: Kinds of hostile act each toggle switches; hostile kinds not listed always count.
ACT_GROUPS: Mapping[str, tuple[str, ...]] = {
    "count_wars": ("war", "military_pressure"),
    "count_separatism_occupation": ("backs_separatists", "occupation"),
    "count_blockades": ("border_closure", "blockade"),
    "count_pressure": ("economic_pressure", "sanctions", "alliance_non_assistance"),
}


#: How power and offensive capability enter the threat: discounted by distance (Walt's
#: argument, Boulding's loss-of-strength gradient) or added undiscounted (the variant).
COMBINATIONS: tuple[str, ...] = ("gradient", "additive")

PARAMETERS: tuple[Param, ...] = (
    FloatParam("w_power", 0.5, "weight of aggregate power (CINC relative to the strongest actor "
          "faced)", low=0.0, high=1.0, step=0.05),
    FloatParam("w_proximity", 1.0, "weight of proximity (shared border, or closeness of capitals)", low=0.0, high=1.0, step=0.05),
    FloatParam("w_offense", 1.0, "weight of offensive capability (military spending relative to the "
          "largest)", low=0.0, high=1.0, step=0.05),
    FloatParam("w_intentions", 1.0, "weight of aggressive intentions (coded hostile acts towards the "
          "state)", low=0.0, high=1.0, step=0.05),
    BoolParam("count_wars", True, "count wars and military pressure as hostile acts"),
    BoolParam("count_separatism_occupation", True, "count backing separatists and occupying territory"),
    BoolParam("count_blockades", True, "count border closures and blockades"),
    BoolParam("count_pressure", True, "count economic pressure, sanctions and an ally's refusal to "
          "help"),
    ChoiceParam("combination", "gradient", "'gradient': power and offensive capability lose strength with "
                "distance (Walt, Boulding); 'additive': the four sources added undiscounted", COMBINATIONS),
)

#: Walt's four sources of threat, in order, and the weight parameter of each.
COMPONENTS: tuple[str, ...] = ("aggregate power", "proximity", "offensive capability", "aggressive intentions")
COMPONENT_WEIGHTS: Mapping[str, str] = dict(zip(COMPONENTS, ("w_power", "w_proximity", "w_offense", "w_intentions")))


def _relative(world: World, measure: str, actors: tuple[str, ...],
              discount: Mapping[str, float] | None = None) -> dict[str, float]:
    """Each actor's ``measure`` (times ``discount``, if given) relative to the largest (0–1)."""
    values = {a: (world.capability[measure].get(a) or 0.0) * (1.0 if discount is None else discount[a])
              for a in actors}
    top = max(values.values(), default=0.0)
    return {a: (v / top if top > 0 else 0.0) for a, v in values.items()}


def projected(world: World, state: str, measure: str, combination: str = "gradient") -> dict[str, float]:
    r"""Each actor's ``measure`` as it bears on ``state``, relative to the largest (0–1).

    ``"gradient"``: discounted by the loss-of-strength gradient,
    :math:`c_j\,x_{ij} / \max_k c_k\,x_{ik}` (:math:`x` = :func:`~alliances.theories.inputs.proximity`);
    ``"additive"``: undiscounted, :math:`c_j / \max_k c_k`.
    """
    faced = world.partners(state)
    if combination not in COMBINATIONS:
        raise ValueError(f"combination must be one of {', '.join(COMBINATIONS)}, not {combination!r}")
    gradient = {j: proximity(world, state, j) for j in faced} if combination == "gradient" else None
    return _relative(world, measure, faced, gradient)


def threat_parts(world: World, p: Mapping[str, Any], state: str
                 ) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    """For each actor ``state`` faces: its raw components (0-1) and their weighted shares
    :math:`w_c x_c / W` of the threat :math:`t_{ij}` (the shares sum to the threat)."""
    w = {c: p[name] for c, name in COMPONENT_WEIGHTS.items()}
    total = sum(w.values())
    faced = world.partners(state)
    power = projected(world, state, "cinc", p["combination"])
    offense = projected(world, state, "milex", p["combination"])
    skip = _skipped(world, p)
    comp = {j: dict(zip(COMPONENTS, (power[j], proximity(world, state, j), offense[j],
                                      hostility(world, j, state, skip)))) for j in faced}
    share = {j: {c: (w[c] * comp[j][c] / total if total > 0 else 0.0) for c in COMPONENTS}
             for j in faced}
    return comp, share


def top_threat(world: World, p: Mapping[str, Any], state: str) -> str | None:
    r"""``state``'s top threat :math:`T = \arg\max_j t_{ij}` under resolved parameters ``p`` (the
    first in ``world.partners(state)`` order on a tie; None when every threat is 0)."""
    _, share = threat_parts(world, p, state)
    threat = {j: sum(share[j].values()) for j in share}
    top = max(share, key=lambda j: threat[j])
    return top if threat[top] > 0 else None


def _skipped(world: World, p: Mapping[str, Any]) -> list[str]:
    off_kinds = {k for g, kinds in ACT_GROUPS.items() if not p[g] for k in kinds}
    return [a.act_id for a in world.acts if a.kind in off_kinds]


def score(world: World, p: Mapping[str, Any]) -> dict[tuple[str, str], Explanation]:
    """Balance-of-threat score for every chooser × partner.

    Parameters
    ----------
    world : World
        The inputs (:func:`alliances.world.load_world`).
    p : mapping
        Resolved parameters (:func:`alliances.theories.resolve_params`): this module's
        :data:`PARAMETERS` and the thresholds ``align_at`` and ``balance_at``, whose stance
        each reason names.

    Returns
    -------
    dict
        ``{(state, partner): Explanation}`` with the score in [-1, 1] (the formula is in the
        module's Notes), its parts and a one-sentence reason.
    """
    total = p["w_power"] + p["w_proximity"] + p["w_offense"] + p["w_intentions"]
    skip = _skipped(world, p)
    n = world.names
    out: dict[tuple[str, str], Explanation] = {}
    for i in world.choosers:
        faced = world.partners(i)
        comp, share = threat_parts(world, p, i)
        threat = {j: sum(share[j].values()) for j in faced}
        top = max(faced, key=lambda j: threat[j])
        t_top = threat[top]
        if t_top <= 0:
            why = ("all weights are zero" if total <= 0 else
                   f"no actor threatens {n[i]} on these weights and acts")
            for j in faced:
                out[(i, j)] = Explanation(0.0, sentence(f"{why}, so balance of threat has no basis for "
                                                        f"a stance towards {n[j]}."), {})
            continue
        able = {j: threat[j] - share[j]["aggressive intentions"] for j in faced}
        opposed = {k: 0.0 if k == top else min(1.0, max(
            hostility(world, top, k, skip), hostility(world, k, top, skip),
            (acts_sum(world, k, i, +1) - acts_sum(world, k, top, +1)) / 2)) for k in faced}
        strength = {k: opposed[k] * able[k] for k in faced}
        best = max(strength.values())
        ally = max(faced, key=lambda k: strength[k])
        for j in faced:
            fade = threat[j] / t_top
            parts = {c: -share[j][c] * fade for c in COMPONENTS}
            counter = t_top * strength[j] / best if best > 0 else 0.0
            parts[f"counterweight to {n[top]}"] = counter
            value = clip(sum(parts.values()))
            why = _reason(n, i, j, top, components=comp[j], counter=counter, fade=fade, score=value,
                          strongest=j == ally, phrase=stance_phrase(value, p),
                          conflict=hostility(world, top, j, skip) + hostility(world, j, top, skip) > 0)
            out[(i, j)] = Explanation(value, sentence(why), parts)
    return out


def _reason(n: Mapping[str, str], i: str, j: str, top: str, *, components: Mapping[str, float],
            counter: float, fade: float, score: float, strongest: bool, phrase: str,
            conflict: bool) -> str:
    """The reason sentence for ``i`` towards ``j``, ``top`` being ``i``'s top threat.

    ``phrase`` states the stance the thresholds in force give the score
    (:func:`~alliances.theories.base.stance_phrase`); the sentence says why.
    """
    drivers = [c for c, v in (("hostile acts", components["aggressive intentions"] > 0),
                              ("a shared border" if components["proximity"] >= 1 else "proximity",
                               components["proximity"] >= 0.5),
                              ("great aggregate power", components["aggregate power"] >= 0.5)) if v]
    why = f" ({', '.join(drivers)})" if drivers else ""
    predicts = f"so balance of threat predicts {n[i]} {phrase}"
    if j == top:
        return f"{n[j]} is {n[i]}'s top threat{why}, {predicts}."
    if counter > 0:
        basis = "is in conflict with" if conflict else f"supports {n[i]} more than it supports"
        if phrase != STANCE_PHRASES["align"]:
            short = (f"its own threat to {n[i]} outweighs its weight as a counterweight" if score < 0
                     else "less its own threat, its weight as a counterweight stays below the threshold for alignment")
            return f"{n[j]} {basis} {n[top]}, {n[i]}'s top threat, but {short}, {predicts}."
        how = " as the strongest such counterweight" if strongest else " in proportion to its capability"
        return f"{n[j]} {basis} {n[top]}, {n[i]}'s top threat, {predicts}{how}."
    return (f"{n[j]} poses {fade:.0%} of the threat {n[top]} poses to {n[i]}{why} and is not "
            f"opposed to {n[top]}, {predicts}.")


def threat_components(world: World, states: Sequence[str] | None = None, **params: Any) -> pd.DataFrame:
    r"""The model's threat components, one row per (state, partner, component).

    Parameters
    ----------
    world
        The world to read.
    states
        The choosers whose threats to list (default: all three); any other actor is refused.
    **params
        The model's parameters (weights and ``count_*`` toggles), validated like
        :func:`alliances.theories.predict`'s.

    Returns
    -------
    pandas.DataFrame
        Columns ``state``, ``partner`` (codes), ``state_name``, ``partner_name`` (the world's
        names), ``component`` (:data:`COMPONENTS`), ``raw`` (the component, 0–1), ``weight``,
        ``contribution``, ``threat`` and ``top`` (whether the partner is the state's top threat).

    Notes
    -----
    Read from :func:`threat_parts`, the code :func:`score` uses: ``contribution`` is
    :math:`w_c x_c / W`, ``threat`` their sum :math:`t_{ij}`, and the top threat is
    :math:`T = \arg\max_j t_{ij}` (the first in ``world.partners(i)`` order on a tie; none when
    every threat is 0).
    """
    p = resolve("balance_of_threat", PARAMETERS + THRESHOLDS, params)
    chosen = list(world.choosers) if states is None else list(states)
    outside = [s for s in chosen if s not in world.choosers]
    if outside:
        raise ValueError(f"states must be some of {', '.join(world.choosers)}, not {outside}")
    rows: list[dict[str, Any]] = []
    for state in chosen:
        comp, share = threat_parts(world, p, state)
        threat = {j: sum(share[j].values()) for j in share}
        top = top_threat(world, p, state)
        for j in share:
            rows.extend({"state": state, "partner": j, "state_name": world.names[state],
                         "partner_name": world.names[j], "component": c, "raw": comp[j][c],
                         "weight": p[COMPONENT_WEIGHTS[c]], "contribution": share[j][c], "threat": threat[j],
                         "top": j == top} for c in COMPONENTS)
    return pd.DataFrame(rows)
