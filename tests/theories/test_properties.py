"""Properties every theory model must have, checked on generated parameters (hypothesis)."""

from __future__ import annotations

import ast
import inspect
import math
from itertools import permutations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliances import PERIODS, load_world
from alliances.errors import ParameterError
from alliances.theories import COLUMNS, STANCES, THEORIES, module, parameter_specs, predict
from tests.helpers import relabel

WHENS = list(PERIODS) + list(range(1992, 2025))
CODES = {"ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "USA", "EU", "WEST", "NATO", "GBR", "FRA", "DEU"}


def param_strategy(theory: str):
    fields = {}
    for p in parameter_specs(theory):
        if p.kind == "float":
            fields[p.name] = st.floats(p.low, p.high, allow_nan=False)
        elif p.kind == "bool":
            fields[p.name] = st.booleans()
        else:
            fields[p.name] = st.sampled_from(p.choices)
    return st.fixed_dictionaries(fields)


@pytest.mark.parametrize("theory", THEORIES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_scores_in_range_for_any_parameters(theory, data):
    params = data.draw(param_strategy(theory))
    when = data.draw(st.sampled_from(WHENS))
    table = predict(theory, load_world(when), **params)
    assert list(table.columns) == COLUMNS
    assert len(table) == 18
    assert table["score"].between(-1, 1).all()
    assert not table["score"].isna().any()
    assert table["stance"].isin(STANCES).all()
    assert table["reason"].map(lambda r: isinstance(r, str) and len(r) > 10).all()


@pytest.mark.parametrize("theory", THEORIES)
@pytest.mark.parametrize("when", PERIODS)
def test_all_weights_at_their_minimum_give_a_defined_result(theory, when):
    lows = {p.name: p.low for p in parameter_specs(theory) if p.kind == "float" and p.name not in ("align_at", "balance_at")}
    table = predict(theory, load_world(when), **lows)
    assert table["score"].map(math.isfinite).all()


@pytest.mark.parametrize("theory", THEORIES)
@pytest.mark.parametrize("perm", [dict(zip(("ARM", "AZE", "GEO"), p)) for p in permutations(("ARM", "AZE", "GEO"))][1:])
@pytest.mark.parametrize("when", ["1992-1999", "2008-2019", "2020-2024"])
def test_relabelling_countries_relabels_predictions(theory, perm, when):
    world = load_world(when)
    before = predict(theory, world).set_index(["state", "partner"])
    after = predict(theory, relabel(world, perm)).set_index(["state", "partner"])
    for (state, partner), row in before.iterrows():
        moved = after.loc[(perm.get(state, state), perm.get(partner, partner))]
        assert moved["score"] == pytest.approx(row["score"], abs=1e-9), (state, partner)
        assert moved["stance"] == row["stance"]


@pytest.mark.parametrize("theory, name", [(t, p.name) for t in THEORIES for p in parameter_specs(t)])
def test_every_parameter_changes_some_prediction(theory, name):
    spec = next(p for p in parameter_specs(theory) if p.name == name)
    for when in WHENS:
        world = load_world(when)
        base = predict(theory, world)
        for value in spec.alternatives():
            changed = predict(theory, world, **{name: value})
            if not (changed["score"].round(9).equals(base["score"].round(9))
                    and changed["stance"].equals(base["stance"])):
                return
    pytest.fail(f"{theory}: parameter {name!r} never changes any prediction; drop it or make it matter")


@pytest.mark.parametrize("theory", THEORIES)
def test_unknown_and_out_of_range_parameters_are_refused(theory):
    world = load_world("2008-2019")
    with pytest.raises(ParameterError, match="has no parameter"):
        predict(theory, world, no_such_parameter=1)
    for p in parameter_specs(theory):
        bad = {"float": (p.high or 0) + 1, "bool": "yes", "choice": "no-such-choice"}[p.kind]
        with pytest.raises(ValueError, match=rf"{p.name}=.* is not allowed: give"):
            predict(theory, world, **{p.name: bad})


@pytest.mark.parametrize("theory", THEORIES)
def test_parameters_are_documented(theory):
    for p in parameter_specs(theory):
        assert p.description and len(p.description) > 10
        assert p.validate(p.default) == p.default


def _code_literals(tree: ast.AST) -> list[str]:
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
            and n.value in CODES]


@pytest.mark.parametrize("theory", THEORIES)
def test_no_country_special_case_and_no_peeking_at_observed(theory):
    source = inspect.getsource(module(theory))
    tree = ast.parse(source)
    assert _code_literals(tree) == [], f"{theory} names a country code in its logic"
    attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert "observed" not in attributes | names, f"{theory} reads the observed alignment"


@pytest.mark.parametrize("theory", THEORIES)
def test_module_docstring_gives_formula_and_references(theory):
    doc = module(theory).__doc__ or ""
    assert len(doc) > 300
    assert "References" in doc
    assert "score" in doc.lower()
