r"""Regional Security Complex Theory (Buzan & Wæver 2003; weakness after Oskanian 2013).

A small state's alignments follow three levels at once — durable regional patterns of amity
and enmity, the state's own weakness, and the penetration of outside powers that back one side
of a regional rivalry — so a state balances its regional rival and the rival's backers and
aligns with the outside power that supports it against that rival. Garibov applies RSCT to the
South Caucasus [3]_: the three variables are "long-standing enmities and amities, inherent
state weaknesses, and penetration of big powers"; amity/enmity patterns are path-dependent;
weak states seek outside protectors, and local rivals "call in outside help".

Model parameters (:data:`PARAMETERS`): the level weights ``w_regional``, ``w_weakness``,
``w_penetration`` and one toggle per penetration event group (:data:`EVENT_GROUPS`). A reason
names the stance that the thresholds in force (``align_at``, ``balance_at``) give its score.

Notes
-----
For chooser :math:`i` and partner :math:`j` (each level lies in [-1, 1]):

.. math::

    \rho_{ij} &= \tfrac12\big(m_{ij}/2 + \mathrm{clip}([j \in C]\,s_{ji} - h_{ji})\big)
        &&\text{regional amity/enmity}\\
    \omega_{ij} &= -z_i P_{ij}\,\frac{1 + h_{ji}}{2}
        + [j \notin C]\,W_i\,s_{ji}\,(1 - P_{ij}),\quad W_i = \max(z_i, v_i)
        &&\text{domestic weakness}\\
    \pi_{ij} &= [j \notin C]\,\mathrm{clip}\big(s_{ji} - \overline{s}_{j,R_i}
        + \overline{h}_{j,R_i}\big)
        &&\text{great-power penetration}\\
    \text{score}_{ij} &= \frac{\sum_{\ell \in L_j} w_\ell\,\ell_{ij}}{\sum_{\ell \in L_j} w_\ell}

where :math:`L_j` is all three levels for an outside power and regional + weakness for a
state of the region (penetration is by outside powers only; a neighbour's weakness level is
non-zero only when it is the patron of i's separatists, since protectors are sought outside
the region). Keeping :math:`L_j` fixed per kind of partner makes the score monotone: a
neighbour that backs i's separatists always scores lower than the same neighbour without
them. A region's patron counts only while its coded backing (acts of kind
``backs_separatists``) is active and not switched off by a toggle. ``parts`` holds the three
terms :math:`w_\ell\,\ell_{ij} / \sum w` (0 for a level that does not apply); they add up
to the score. If the weights of the applicable levels are all 0 the score is 0.

The symbols:

:math:`m_{ij}`
    ``world.memory[(i, j)]``: i's historical memory of j (-2 … +2).
:math:`s_{ji}, h_{ji}`
    :func:`~alliances.theories.inputs.support` / :func:`~alliances.theories.inputs.hostility`:
    j's supportive / hostile acts towards i, :math:`1 - e^{-\frac12\sum \text{intensity}}`
    (0–1: one intensity-2 act 0.63, seven acts 0.97; hostile acts are the conflicts — war,
    occupation, blockade, border closure, backing separatists, pressure). Acts of a
    penetration event switched off (:data:`EVENT_GROUPS`) are left out everywhere.
:math:`C`
    The region's states (``world.choosers``). Their cooperation acts with each other are
    regional amity; supportive acts of outside powers are penetration.
:math:`z_i, v_i`
    :func:`~alliances.theories.inputs.horizontal_weakness` (separatist regions) and
    :func:`~alliances.theories.inputs.vertical_weakness` (regime-threatening events), 0–1.
:math:`P_{ij}`
    Share of i's separatist regions whose patron is j (``world.separatism``): the patron
    of a weak state's separatists is an existential threat (half for being the patron,
    half scaled by its hostile acts) and is never sought as a protector.
:math:`R_i`
    i's rival(s): the partner(s) with the most negative regional relation
    :math:`\min_k \rho_{ik} < 0` (ties: all of them), leaving out j itself.
    :math:`\overline{s}_{j,R_i}` / :math:`\overline{h}_{j,R_i}`: j's mean support for /
    hostility to them — backing the rival makes j a threat, opposing it a natural ally.
:math:`w_r, w_w, w_p`
    Level weights ``w_regional``, ``w_weakness``, ``w_penetration`` (0–1, default 1).

References
----------
.. [1] Buzan, B. & Wæver, O. (2003). *Regions and Powers: The Structure of International
   Security*. Cambridge University Press.
.. [2] Oskanian, K. (2013). *Fear, Weakness and Power in the Post-Soviet South Caucasus*.
   Palgrave Macmillan.
.. [3] Garibov, A. (2019). *Friends and Foes in the South Caucasus: Sources of Divergent
   Security Policies and Alliances in the Region*. EUCACIS Online Paper 9, IEP Berlin
   (``garibov_friends_foes`` in ``references.bib``). The course's copy is ``readings/garibov-friends-and-foes-south-caucasus.txt`` beside the
   repository; the passages the model follows, by line of that file: the three variables
   (56–60), weak states seeking extra-regional allies (67–71), path-dependent amity and
   enmity (349–353), Turkey's 1993 border closure pushing Armenia towards Russia (581–588),
   Russian support of the separatists turning Georgia's conflicts into enmity with Russia
   (625–629), Oskanian's horizontal and vertical weakness (749–754) and the search for outside
   protection (786–789), local rivals calling in outside help (840–849), amities as a
   pre-defined "best option" (899–902), weaknesses as "fertile ground for penetration"
   (904–913).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from alliances.params import BoolParam, FloatParam, Param
from alliances.theories import inputs
from alliances.theories.base import Explanation, clip, stance_phrase
from alliances.world import World

#: Penetration events a student can switch off: toggle name -> act ids (``security_acts``).
EVENT_GROUPS: Mapping[str, tuple[str, ...]] = {
    "russia_backs_separatists": ("rus-backs-abkhazia-south-ossetia",
                                 "rus-recognises-abkhazia-south-ossetia", "rus-georgia-war-2008"),
    "russia_armenia_alliance": ("rus-base-gyumri", "rus-armenia-mutual-assistance-1997",
                                "rus-cst-csto-armenia", "arms-rus-to-arm"),
    "turkey_closes_armenian_border": ("tur-closes-armenian-border-1993",),
    "west_supports_georgia": ("nato-partnership-georgia", "nato-bucharest-georgia-2008",
                              "eu-monitoring-mission-georgia-2008", "eu-eastern-partnership-georgia",
                              "eu-association-georgia-2014", "eu-candidate-georgia-2023",
                              "usa-georgia-train-equip-2002", "usa-georgia-charter-2009", "arms-usa-to-geo",
                              "arms-fra-to-geo", "arms-deu-to-geo"),
    "turkey_azerbaijan_alliance": ("tur-aze-friendship-treaty-1994", "tur-aze-mutual-assistance-2010",
                                   "tur-aze-shusha-declaration-2021", "tur-military-support-aze-2020",
                                   "arms-tur-to-aze"),
}

_TOGGLE_TEXT = {
    "russia_backs_separatists": "Russian backing of Abkhazia and South Ossetia (1992-2007 "
                                "backing, 2008 war, recognition from 2008)",
    "russia_armenia_alliance": "Russia's alliance with Armenia (CST/CSTO, 1997 treaty, Gyumri "
                               "base, arms supplies)",
    "turkey_closes_armenian_border": "Turkey closing its border with Armenia (1993-)",
    "west_supports_georgia": "Western (NATO, EU, US, French, German) support to Georgia",
    "turkey_azerbaijan_alliance": "Turkey's alliance with Azerbaijan (1994, 2010, 2021 treaties, "
                                  "arms, 2020 war support)",
}

PARAMETERS: tuple[Param, ...] = (
    FloatParam("w_regional", 1.0, "weight of regional amity/enmity (historical memory and conflicts)",
          low=0.0, high=1.0, step=0.05),
    FloatParam("w_weakness", 1.0, "weight of domestic weakness (separatists' patron, need for a protector)",
          low=0.0, high=1.0, step=0.05),
    FloatParam("w_penetration", 1.0, "weight of great-power penetration (support, backing of the rival)",
          low=0.0, high=1.0, step=0.05),
) + tuple(BoolParam(name, True, f"count {text}") for name, text in _TOGGLE_TEXT.items())

LEVELS = ("regional", "weakness", "penetration")
_LEVEL_WORDS = {"regional": "regional amity and enmity", "weakness": "domestic weakness",
                "penetration": "great-power penetration"}


def _regional(world: World, i: str, j: str, off: set) -> float:
    amity = inputs.support(world, j, i, off) if j in world.choosers else 0.0
    return (world.memory.get((i, j), 0.0) / 2 + clip(amity - inputs.hostility(world, j, i, off))) / 2


def _rivals(rho: Mapping[str, float]) -> tuple[str, ...]:
    low = min(rho.values())
    return tuple(k for k, r in rho.items() if r < 0 and r <= low + 1e-9)


def _acts_words(world: World, i: str, j: str, off: set) -> str:
    kinds = sorted({a.kind.replace("_", " ") for a in world.acts_between(j, i)
                    if a.act_id not in off and (a.valence < 0 or j in world.choosers)})
    return (f"{world.names[j]}'s acts ({', '.join(kinds)})" if kinds
            else "no conflict acts between them")


def _names(world: World, codes) -> str:
    return " and ".join(world.names[c] for c in codes) or "none"


def score(world: World, p: Mapping[str, Any]) -> dict[tuple[str, str], Explanation]:
    """RSCT score for every chooser × partner.

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
    off = {a for name, ids in EVENT_GROUPS.items() if not p[name] for a in ids}
    w = {lvl: p[f"w_{lvl}"] for lvl in LEVELS}
    out: dict[tuple[str, str], Explanation] = {}
    for i in world.choosers:
        partners = world.partners(i)
        rho = {k: _regional(world, i, k, off) for k in partners}
        rivals = _rivals(rho)
        z, v = inputs.horizontal_weakness(world, i), inputs.vertical_weakness(world, i)
        regions = world.separatism.get(i, ())
        for j in partners:
            outside = j not in world.choosers
            s = inputs.support(world, j, i, off)
            backs = any(a.kind == "backs_separatists" and a.act_id not in off
                        for a in world.acts_between(j, i))
            patron = [r.region for r in regions if r.patron == j and backs]
            share = len(patron) / max(len(regions), 1)
            threat = z * share * (1 + inputs.hostility(world, j, i, off)) / 2
            omega = -threat + (max(z, v) * s * (1 - share) if outside else 0.0)
            rv = tuple(k for k in rivals if k != j)
            back = sum(inputs.support(world, j, k, off) for k in rv) / max(len(rv), 1)
            opp = sum(inputs.hostility(world, j, k, off) for k in rv) / max(len(rv), 1)
            pi = clip(s - back + opp) if outside else 0.0
            level = {"regional": rho[j], "weakness": omega, "penetration": pi}
            applies = LEVELS if outside else LEVELS[:2]
            total = sum(w[lvl] for lvl in applies)
            if total <= 0:
                out[(i, j)] = Explanation(0.0, f"All weights are zero for the levels that apply to "
                                          f"{world.names[j]}, so this theory has no basis for a "
                                          f"prediction.", {lvl: 0.0 for lvl in LEVELS})
                continue
            parts = {lvl: (w[lvl] * level[lvl] / total if lvl in applies else 0.0) for lvl in LEVELS}
            raw = sum(parts.values())
            top = max(applies, key=lambda lvl: abs(parts[lvl]))
            if top == "regional":
                detail = (f"{world.names[i]}'s historical memory of {world.names[j]} "
                          f"({world.memory.get((i, j), 0.0):+.0f}) and {_acts_words(world, i, j, off)}")
            elif top == "weakness":
                detail = (f"{world.names[j]} being the patron of {' and '.join(patron)}, separatists on "
                          f"{world.names[i]}'s soil (horizontal weakness {z:.2f})" if patron else
                          f"{world.names[i]}'s weakness (horizontal {z:.2f}, vertical {v:.2f}) making "
                          f"{world.names[j]}'s support a protector's")
            else:
                detail = (f"{world.names[j]}'s support for {world.names[i]} ({s:.2f}), its backing ({back:.2f}) "
                          f"and opposing ({opp:.2f}) of {world.names[i]}'s rival{'s' if len(rv) > 1 else ''} "
                          f"{_names(world, rv)}")
            reason = (f"RSCT gives {world.names[i]} a score of {raw:+.2f} towards {world.names[j]}, "
                      f"driven mainly by {_LEVEL_WORDS[top]}: {detail}; so {world.names[i]} "
                      f"{stance_phrase(clip(raw), p)}.")
            out[(i, j)] = Explanation(clip(raw), reason, parts)
    return out
