"""How robust a claim about a theory is: over its parameter space, over periods and single years.

A *claim* is a predicate on a prediction (a :class:`Reading` of ``predict(theory, world,
**params)`` → ``True`` / ``False``), e.g. "Georgia's stance towards Russia is 'align'". Its robustness is
measured three ways, so a claim that holds on a knife edge shows as one:

- :func:`parameter_share` — the share of the theory's parameter space where it holds: a
  seeded Latin-hypercube (or plain uniform) sample over every float parameter's range, the
  stance thresholds included, with every toggle and choice drawn uniformly;
- :func:`time_shares` — the share of the five periods and of the single years where it
  holds at the given (default) parameters;
- :func:`claims_table` — both, for the readings' claims (:data:`CLAIMS`, COURSE.md §4) and the
  lessons' headline statements (:data:`LESSON_CLAIMS`);
- :func:`top_threat_shares` — how often each actor is each state's top threat over balance of
  threat's weightings.

Examples
--------
>>> from alliances.params import FloatParam
>>> settings = sample_settings((FloatParam("x", 0.5, "x", low=0.0, high=1.0),), 100, seed=1)
>>> share_holding(settings, lambda s: s["x"] < 0.3)   # Latin hypercube: exact on one axis
0.3
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from alliances.codings import DERIVED
from alliances.errors import ParameterError
from alliances.params import BoolParam, FloatParam, Param, check_names
from alliances.schemas import FIRST_YEAR, LAST_YEAR, PERIODS
from alliances.theories import parameter_specs, resolve_params, score, spec
from alliances.theories.balance_of_threat import top_threat
from alliances.theories.base import stance
from alliances.world import World, load_world


@dataclass(frozen=True)
class Reading:
    """One prediction read into plain Python: what a claim's predicate looks at.

    A robustness study judges thousands of predictions, so a predicate reads tuples and dicts
    instead of a DataFrame (building the frame and reading its columns cost more than the
    model's scores). :func:`read_prediction` makes a reading from the theory's scores;
    :meth:`from_frame` from a prediction frame; the two agree (``tests/analysis/test_robustness.py``).

    Attributes
    ----------
    pairs, scores, stances : tuple
        One entry per row of the prediction, in its row order.
    """

    pairs: tuple[tuple[str, str], ...]
    scores: tuple[float, ...]
    stances: tuple[str, ...]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Reading:
        """The reading of a prediction frame (columns ``state``, ``partner``, ``score``, ``stance``)."""
        return cls(tuple(zip(frame["state"].tolist(), frame["partner"].tolist())),
                   tuple(float(x) for x in frame["score"].tolist()), tuple(str(x) for x in frame["stance"].tolist()))

    @cached_property
    def stance_of(self) -> dict[tuple[str, str], str]:
        """``{(state, partner): stance}`` (the first row of a pair, as a mask's ``iloc[0]``)."""
        return dict(reversed(list(zip(self.pairs, self.stances))))

    @cached_property
    def score_of(self) -> dict[tuple[str, str], float]:
        """``{(state, partner): score}`` (the first row of a pair)."""
        return dict(reversed(list(zip(self.pairs, self.scores))))

    def stance(self, state: str, partner: str) -> str:
        """``state``'s stance towards ``partner``; ``"unknown"`` if the prediction has no such pair."""
        return self.stance_of.get((state, partner), "unknown")

    def ranked(self, state: str) -> list[str]:
        """``state``'s partners by score, highest first; ties keep row order, NaN last (as a stable sort_values)."""
        rows = [(p, sc) for (s, p), sc in zip(self.pairs, self.scores) if s == state]
        return [p for p, sc in sorted(rows, key=lambda r: (r[1] != r[1], -r[1] if r[1] == r[1] else 0.0))]

    def lowest(self, state: str) -> str:
        """``state``'s lowest-scored partner (``"unknown"`` if it has none)."""
        ranked = self.ranked(state)
        return ranked[-1] if ranked else "unknown"


def read_prediction(theory: str, world: World, **params: Any) -> Reading:
    """The :class:`Reading` of ``predict(theory, world, **params)``, made from the scores without a DataFrame.

    The same rows in the same order, and the same stance rule (:func:`~alliances.theories.base.stance`
    with the resolved ``align_at`` / ``balance_at``), as :func:`~alliances.theories.predict`.
    """
    p, scored = score(theory, world, **params)
    pairs = tuple((s, j) for s in world.choosers for j in world.partners(s))
    scores = tuple(float(scored[pair].score) for pair in pairs)
    return Reading(pairs, scores, tuple(stance(x, p["align_at"], p["balance_at"]) for x in scores))


#: A claim about a prediction: True where it holds.
Predicate = Callable[[Reading], bool]

#: Every single year a world can be built for.
YEARS: tuple[int, ...] = tuple(range(FIRST_YEAR, LAST_YEAR + 1))

METHODS: tuple[str, ...] = ("lhs", "uniform")


def sample_settings(specs: Sequence[Param], samples: int, seed: int = 0, method: str = "lhs",
                    fixed: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """``samples`` parameter settings drawn over the specs' ranges, reproducibly.

    Parameters
    ----------
    specs : sequence of Param
        The parameters to vary.
    samples : int
        How many settings (≥ 1).
    seed : int
        Seed of the random generator: the same seed gives the same settings.
    method : {"lhs", "uniform"}
        ``"lhs"``: Latin hypercube — each float's range is cut into ``samples`` equal strata
        and each stratum used exactly once, at a uniform point inside it; ``"uniform"``:
        independent uniform draws. Toggles and choices are drawn uniformly either way.
    fixed : mapping, optional
        Parameters held at a given value (not sampled).

    Returns
    -------
    list of dict
        One ``{name: value}`` per setting, every spec named.
    """
    if not isinstance(samples, int) or isinstance(samples, bool) or samples < 1:
        raise ParameterError(f"samples must be a whole number of at least 1, not {samples!r}")
    if method not in METHODS:
        raise ParameterError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    fixed = dict(fixed or {})
    check_names("the sample", specs, list(fixed))
    rng = np.random.default_rng(seed)
    columns: dict[str, list[Any]] = {}
    for p in specs:
        if p.name in fixed:
            columns[p.name] = [p.validate(fixed[p.name])] * samples
        elif isinstance(p, FloatParam):
            u = rng.random(samples)
            if method == "lhs":
                u = (rng.permutation(samples) + u) / samples
            columns[p.name] = [float(p.low + x * (p.high - p.low)) for x in u]
        else:
            options: tuple[Any, ...] = (False, True) if isinstance(p, BoolParam) else p.choices
            columns[p.name] = [options[k] for k in rng.integers(0, len(options), samples)]
    return [{name: columns[name][i] for name in columns} for i in range(samples)]


def share_holding(settings: Iterable[Mapping[str, Any]], holds: Callable[[Mapping[str, Any]], bool]) -> float:
    """The share of ``settings`` for which ``holds(setting)`` is true (NaN for no settings)."""
    results = [bool(holds(s)) for s in settings]
    return sum(results) / len(results) if results else float("nan")


def _world(when: str | int | World) -> World:
    return when if isinstance(when, World) else load_world(when)


#: ``read_prediction(theory, world, **params)``, or a memo of it (:class:`Predictions`).
Predictor = Callable[..., Reading]


class Predictions:
    """A memo of :func:`read_prediction` for one robustness study.

    Claims of one theory are judged on the same parameter samples, periods and years, so
    :func:`claims_table` reads each (theory, world, setting) once and lets every claim look
    at it. Call it like ``read_prediction``.
    """

    def __init__(self) -> None:
        self._readings: dict[tuple, Reading] = {}
        self._worlds: dict[int, World] = {}  # keeps each world alive, so its id stays its own

    def __call__(self, theory: str, world: World, **params: Any) -> Reading:
        self._worlds.setdefault(id(world), world)
        key = (theory, id(world), tuple(sorted(params.items())))
        if key not in self._readings:
            self._readings[key] = read_prediction(theory, world, **params)
        return self._readings[key]


def parameter_share(theory: str, claim: Predicate, when: str | int | World = "2008-2019", samples: int = 256,
                    seed: int = 0, method: str = "lhs", fixed: Mapping[str, Any] | None = None,
                    predictor: Predictor = read_prediction) -> float:
    """The share of ``theory``'s parameter space (thresholds included) where ``claim`` holds.

    ``fixed`` holds some parameters (e.g. a named variant such as history-only); the others
    are drawn by :func:`sample_settings`. ``predictor`` is :func:`read_prediction` or a :class:`Predictions` memo.
    """
    spec(theory)
    world = _world(when)
    settings = sample_settings(parameter_specs(theory), samples, seed, method, fixed)
    return share_holding(settings, lambda s: claim(predictor(theory, world, **s)))


def holds_in(theory: str, claim: Predicate, whens: Iterable[str | int],
             params: Mapping[str, Any] | None = None, predictor: Predictor = read_prediction) -> pd.Series:
    """Whether ``claim`` holds in each period or year, at ``params`` (default: the defaults)."""
    whens = list(whens)
    return pd.Series([bool(claim(predictor(theory, load_world(w), **dict(params or {})))) for w in whens],
                     index=[str(w) for w in whens], dtype=bool)


def time_shares(theory: str, claim: Predicate, params: Mapping[str, Any] | None = None,
                years: Sequence[int] = YEARS, within: str = "2008-2019",
                predictor: Predictor = read_prediction) -> dict[str, float]:
    """The share of periods, of single years, and of the single years of ``within`` where ``claim`` holds."""
    periods = holds_in(theory, claim, PERIODS, params, predictor)
    by_year = holds_in(theory, claim, years, params, predictor)
    first, last = (int(x) for x in within.split("-"))
    inside = by_year[[first <= int(y) <= last for y in by_year.index]]
    return {"share_of_periods": float(periods.mean()), "share_of_years": float(by_year.mean()),
            f"share_of_years_{within}": float(inside.mean()) if len(inside) else float("nan")}


# -- the readings' claims (COURSE.md §4; default parameters, 2008-2019) -------------------------------


def _same_stance_to(partner: str, states: Sequence[str]) -> Predicate:
    def holds(reading: Reading) -> bool:
        return len({reading.stance(s, partner) for s in states}) == 1
    return holds


def _same_stances(first: str, second: str, partners: Sequence[str]) -> Predicate:
    def holds(reading: Reading) -> bool:
        return all(reading.stance(first, p) == reading.stance(second, p) for p in partners)
    return holds


def _pairs_are(wanted: Mapping[tuple[str, str], str]) -> Predicate:
    def holds(reading: Reading) -> bool:
        return all(reading.stance(*pair) == st for pair, st in wanted.items())
    return holds


def _rsct_claim(reading: Reading) -> bool:
    arm, aze, geo = (reading.ranked(s) for s in ("ARM", "AZE", "GEO"))
    return bool(arm[:1] == ["RUS"] and set(arm[-2:]) == {"AZE", "TUR"}
                and aze[:1] == ["TUR"] and aze[-1:] == ["ARM"]
                and _pairs_are({("AZE", "RUS"): "hedge", ("AZE", "WEST"): "hedge"})(reading)
                and geo[:1] == ["WEST"] and geo[-1:] == ["RUS"]
                and reading.score_of[("GEO", "AZE")] > 0 and reading.score_of[("GEO", "TUR")] > 0)


@dataclass(frozen=True)
class Claim:
    """A reading's claim about a theory: its words, the predicate, and any variant it needs."""

    theory: str
    text: str
    predicate: Predicate
    fixed: Mapping[str, Any] = field(default_factory=dict)


_THIN = {"identity": "thin"}
_INTERACTION = {"identity": "interaction"}
_HISTORY_ONLY = {**_THIN, "use_religion": False, "use_language": False, "use_kinship": False, "use_memory": True}

#: The readings' claims, as COURSE.md §4 states them (default parameters, 2008–2019).
CLAIMS: tuple[Claim, ...] = (
    Claim("balance_of_power", "All three states take the same stance towards Russia.",
          _same_stance_to("RUS", ("ARM", "AZE", "GEO"))),
    Claim("omnibalancing", "Armenia and Azerbaijan take the same stances towards Russia and the West.",
          _same_stances("ARM", "AZE", ("RUS", "WEST"))),
    Claim("constructivism", "Identity predicts Azerbaijan aligning with Turkey and Orthodox Georgia with "
          "Orthodox Russia (thin identity).", _pairs_are({("AZE", "TUR"): "align", ("GEO", "RUS"): "align"}), _THIN),
    Claim("constructivism", "A history-only reading predicts Georgia balancing Turkey.",
          _pairs_are({("GEO", "TUR"): "balance"}), _HISTORY_ONLY),
    Claim("rsct", "RSCT names each state's principal partner and adversary (Armenia: Russia / Azerbaijan "
          "and Turkey; Azerbaijan: Turkey / Armenia, hedging with Russia and the West; Georgia: the West / "
          "Russia, friendly to Azerbaijan and Turkey).", _rsct_claim),
)

#: The lessons' own headline statements about a theory (2008–2019). Unlike :data:`CLAIMS`,
#: a faithful model need not reproduce them: where one fails, that is the lesson's finding.
LESSON_CLAIMS: tuple[Claim, ...] = (
    Claim("balance_of_power", "Every state balances Russia, the strongest regional power (lesson 01).",
          _pairs_are({(s, "RUS"): "balance" for s in ("ARM", "AZE", "GEO")})),
    Claim("balance_of_threat", "Georgia balances Russia and aligns with the West (lesson 02).",
          _pairs_are({("GEO", "RUS"): "balance", ("GEO", "WEST"): "align"})),
    Claim("balance_of_threat", "Armenia balances Azerbaijan and Turkey and aligns with Russia (lesson 02).",
          _pairs_are({("ARM", "AZE"): "balance", ("ARM", "TUR"): "balance", ("ARM", "RUS"): "align"})),
    Claim("balance_of_threat", "Each state's top threat is its adversary: Azerbaijan or Turkey for Armenia, "
          "Armenia for Azerbaijan, Russia for Georgia (the lowest-scored partner of each; lesson 02).",
          lambda r: r.lowest("ARM") in ("AZE", "TUR") and [r.lowest(s) for s in ("AZE", "GEO")] == ["ARM", "RUS"]),
    Claim("omnibalancing", "Georgia's leader aligns with Russia, the patron of its separatists (lesson 03).",
          _pairs_are({("GEO", "RUS"): "align"})),
    Claim("constructivism", "Identity made in interaction makes Russia Georgia's enemy and Turkey Azerbaijan's "
          "friend (lesson 04).", _pairs_are({("GEO", "RUS"): "balance", ("AZE", "TUR"): "align"}), _INTERACTION),
    Claim("constructivism", "Identity made in interaction predicts Orthodox Georgia aligning with Orthodox "
          "Russia (the reading's claim, in Wendt's variant).", _pairs_are({("GEO", "RUS"): "align"}), _INTERACTION),
    Claim("constructivism", "A history-only reading has Georgia balance Turkey and Iran, where it aligned with "
          "Turkey and hedged with Iran (lesson 04).",
          _pairs_are({("GEO", "TUR"): "balance", ("GEO", "IRN"): "balance"}), _HISTORY_ONLY),
    Claim("rsct", "Georgia balances Russia and aligns with the West (lesson 05).",
          _pairs_are({("GEO", "RUS"): "balance", ("GEO", "WEST"): "align"})),
)


def robustness(claim: Claim, when: str | int = "2008-2019", samples: int = 256, seed: int = 0,
               method: str = "lhs", predictor: Predictor = read_prediction) -> dict[str, Any]:
    """One claim's robustness: whether it holds at the defaults, its share of parameter space and of time."""
    world = load_world(when)
    at_default = bool(claim.predicate(predictor(claim.theory, world, **dict(claim.fixed))))
    return {"theory": claim.theory, "claim": claim.text, "holds_at_default": at_default,
            "share_of_parameter_space": parameter_share(claim.theory, claim.predicate, world, samples, seed,
                                                        method, claim.fixed, predictor),
            **time_shares(claim.theory, claim.predicate, claim.fixed, predictor=predictor)}


def deciding_memory_cells(claim: Claim, when: str | int = "2008-2019") -> pd.DataFrame:
    """The coded memory cells a claim rests on: those whose recoding to 0 alone breaks it.

    Each coded cell of ``world.memory`` (the WEST's, derived from its members, left out) is
    set to 0 in turn at the claim's settings. Returns ``state``, ``partner``, ``memory`` (as
    coded) and ``holds_if_zero``, one row per cell that currently carries a memory other than 0.
    """
    world = load_world(when)
    cells = [(key, value) for key, value in sorted(world.memory.items())
             if value != 0 and not any(code in DERIVED for code in key)]
    rows = [{"state": s, "partner": j, "memory": value,
             "holds_if_zero": bool(claim.predicate(read_prediction(claim.theory, world.replace(memory={(s, j): 0}),
                                                                   **dict(claim.fixed))))}
            for (s, j), value in cells]
    return pd.DataFrame(rows, columns=["state", "partner", "memory", "holds_if_zero"])


def claims_table(theory: str | None = None, claims: Sequence[Claim] = CLAIMS + LESSON_CLAIMS, samples: int = 256,
                 seed: int = 0, method: str = "lhs") -> pd.DataFrame:
    """The robustness of every claim (of ``theory``, or of all), one row per claim.

    By default the readings' claims (:data:`CLAIMS`) and the lessons' (:data:`LESSON_CLAIMS`),
    with ``source`` saying which. Columns: ``theory``, ``source``, ``claim``, ``holds_at_default``, ``share_of_parameter_space``,
    ``share_of_periods``, ``share_of_years`` (1992–2025) and ``share_of_years_2008-2019``.
    """
    if theory is not None:
        spec(theory)
    chosen = [c for c in claims if theory is None or c.theory == theory]
    memo = Predictions()
    rows = [{"source": "reading" if c in CLAIMS else "lesson",
             **robustness(c, samples=samples, seed=seed, method=method, predictor=memo)} for c in chosen]
    frame = pd.DataFrame(rows)
    return frame[["theory", "source", *[c for c in frame.columns if c not in ("theory", "source")]]] if rows else frame


def claim_sentences(table: pd.DataFrame) -> list[str]:
    """One plain sentence per row of a :func:`claims_table`, for a lesson to print.

    Examples
    --------
    >>> row = {"theory": "rsct", "source": "reading", "claim": "A claim.", "holds_at_default": True,
    ...        "share_of_parameter_space": 0.25, "share_of_periods": 0.8, "share_of_years": 0.5,
    ...        "share_of_years_2008-2019": 1.0}
    >>> claim_sentences(pd.DataFrame([row]))[0]
    "A claim. (reading) Holds at the defaults; in 25% of the theory's parameter space, 4 of 5 periods, 50% of single years (100% of 2008-2019)."
    """
    out = []
    for row in table.to_dict("records"):
        default = "Holds at the defaults" if row["holds_at_default"] else "Fails at the defaults"
        periods = round(row["share_of_periods"] * len(PERIODS))
        within = [k for k in row if k.startswith("share_of_years_")]
        tail = f" ({row[within[0]]:.0%} of {within[0].removeprefix('share_of_years_')})" if within else ""
        out.append(f"{row['claim']} ({row['source']}) {default}; in {row['share_of_parameter_space']:.0%} of the "
                   f"theory's parameter space, {periods} of {len(PERIODS)} periods, "
                   f"{row['share_of_years']:.0%} of single years{tail}.")
    return out


def top_threat_shares(when: str | int | World = "2008-2019", samples: int = 256, seed: int = 0,
                      combination: str = "gradient") -> pd.DataFrame:
    """How often each actor is each state's top threat over balance of threat's weightings.

    The four weights (``w_power`` … ``w_intentions``) are drawn by :func:`sample_settings`
    (Latin hypercube over 0–1, seeded); the act toggles stay on and ``combination`` is held.
    Walt gives no weights, so this is the measure of how far a named top threat depends on
    the default ones.

    Returns
    -------
    pandas.DataFrame
        ``state``, ``partner``, ``share`` (of weightings in which ``partner`` is ``state``'s
        top threat; 0–1, summing to 1 per state over weightings with any threat) and
        ``at_default`` (whether it is the top threat at the default weights).
    """
    world = _world(when)
    specs = [p for p in parameter_specs("balance_of_threat") if p.name in _WEIGHTS]
    settings = sample_settings(specs, samples, seed)
    counts: dict[tuple[str, str], int] = {}
    for setting in settings:
        for state, partner in _top_threats(world, {**setting, "combination": combination}).items():
            counts[(state, partner)] = counts.get((state, partner), 0) + 1
    default = _top_threats(world, {"combination": combination})
    rows = [{"state": s, "partner": j, "share": counts.get((s, j), 0) / samples, "at_default": default.get(s) == j}
            for s in world.choosers for j in world.partners(s)]
    return pd.DataFrame(rows)


_WEIGHTS = ("w_power", "w_proximity", "w_offense", "w_intentions")


def _top_threats(world: World, params: Mapping[str, Any]) -> dict[str, str]:
    """Each state's top threat (states with none left out), without building the components frame."""
    p = resolve_params("balance_of_threat", dict(params))
    tops = {s: top_threat(world, p, s) for s in world.choosers}
    return {s: t for s, t in tops.items() if t is not None}


__all__ = ["CLAIMS", "LESSON_CLAIMS", "METHODS", "YEARS", "Claim", "Predicate", "Predictions", "Predictor",
           "Reading", "claim_sentences", "claims_table", "deciding_memory_cells", "holds_in", "parameter_share",
           "read_prediction", "robustness", "sample_settings", "share_holding", "time_shares", "top_threat_shares"]
