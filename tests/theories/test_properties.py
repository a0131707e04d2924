"""Properties every theory model must have, checked on generated parameters (hypothesis)."""

from __future__ import annotations

import ast
import inspect
import math
import re
from itertools import permutations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliances import PERIODS, load_world
from alliances.errors import ParameterError
from alliances.params import BoolParam, ChoiceParam, FloatParam
from alliances.theories import COLUMNS, STANCES, THEORIES, parameter_specs, predict, spec
from alliances.theories.base import STANCE_PHRASES
from tests.helpers import relabel

WHENS = list(PERIODS) + list(range(1992, 2025))
CODES = {"ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "USA", "EU", "WEST", "NATO", "GBR", "FRA", "DEU"}


def param_strategy(theory: str):
    fields = {}
    for p in parameter_specs(theory):
        if isinstance(p, FloatParam):
            fields[p.name] = st.floats(p.low, p.high, allow_nan=False)
        elif isinstance(p, BoolParam):
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
    assert tuple(table.columns) == COLUMNS
    assert len(table) == 18
    assert table["score"].between(-1, 1).all()
    assert not table["score"].isna().any()
    assert table["stance"].isin(STANCES).all()
    assert table["reason"].map(lambda r: isinstance(r, str) and len(r) > 10).all()


@pytest.mark.parametrize("theory", THEORIES)
@pytest.mark.parametrize("when", PERIODS)
def test_all_weights_at_their_minimum_give_a_defined_result(theory, when):
    lows = {p.name: p.low for p in parameter_specs(theory)
            if isinstance(p, FloatParam) and p.name not in ("align_at", "balance_at")}
    table = predict(theory, load_world(when), **lows)
    assert table["score"].map(math.isfinite).all()


@pytest.mark.parametrize("theory", THEORIES)
@pytest.mark.parametrize("perm", [dict(zip(("ARM", "AZE", "GEO"), p)) for p in permutations(("ARM", "AZE", "GEO"))][1:])
@pytest.mark.parametrize("when", ["1992-1999", "2008-2019", "2020-2022", "2023-2025"])
def test_relabelling_countries_relabels_predictions(theory, perm, when):
    world = load_world(when)
    before = predict(theory, world).set_index(["state", "partner"])
    after = predict(theory, relabel(world, perm)).set_index(["state", "partner"])
    for (state, partner), row in before.iterrows():
        moved = after.loc[(perm.get(state, state), perm.get(partner, partner))]
        assert moved["score"] == pytest.approx(row["score"], abs=1e-9), (state, partner)
        assert moved["stance"] == row["stance"]


def _variants(theory: str, name: str) -> list[dict[str, str]]:
    """The defaults, then every other value of each choice parameter (a named variant such as
    constructivism's thin identity, whose own sliders matter only in that variant)."""
    return [{}] + [{p.name: c} for p in parameter_specs(theory)
                   if isinstance(p, ChoiceParam) and p.name != name for c in p.alternatives()]


@pytest.mark.parametrize("theory, name", [(t, p.name) for t in THEORIES for p in parameter_specs(t)])
def test_every_parameter_changes_some_prediction(theory, name):
    spec = next(p for p in parameter_specs(theory) if p.name == name)
    for variant in _variants(theory, name):
        for when in WHENS:
            world = load_world(when)
            base = predict(theory, world, **variant)
            for value in spec.alternatives():
                changed = predict(theory, world, **{**variant, name: value})
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
        bad = p.high + 1 if isinstance(p, FloatParam) else "no-such-choice" if isinstance(p, ChoiceParam) else "yes"
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
    source = inspect.getsource(spec(theory).module)
    tree = ast.parse(source)
    assert _code_literals(tree) == [], f"{theory} names a country code in its logic"
    attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert "observed" not in attributes | names, f"{theory} reads the observed alignment"


def _section(doc: str, title: str) -> str | None:
    """The body of numpydoc section ``title`` (up to the next section), or None if absent."""
    match = re.search(rf"^{title}\n-{{{len(title)}}}\n(.*?)(?=^\w[\w ]*\n-{{3,}}\n|\Z)", doc, flags=re.M | re.S)
    return match.group(1) if match else None


@pytest.mark.parametrize("theory", THEORIES)
def test_module_docstring_has_notes_with_a_formula_and_references(theory):
    """numpydoc: a Notes section holding the formula (``.. math::`` or a literal block) and a
    References section with at least one dated work."""
    doc = inspect.getdoc(spec(theory).module) or ""
    notes, references = _section(doc, "Notes"), _section(doc, "References")
    assert notes is not None, f"{theory}: no Notes section"
    assert ".. math::" in notes or "::\n" in notes, f"{theory}: the Notes give no formula"
    assert references is not None, f"{theory}: no References section"
    assert re.search(r"^\.\. \[\d+\] .+\(\d{4}\)", references, flags=re.M), f"{theory}: no dated reference"


@pytest.mark.parametrize("theory", THEORIES)
def test_score_documents_its_parameters_and_return(theory):
    doc = inspect.getdoc(spec(theory).module.score) or ""
    parameters, returns = _section(doc, "Parameters"), _section(doc, "Returns")
    assert parameters is not None and re.search(r"^world\b", parameters, flags=re.M) and re.search(r"^p\b", parameters, flags=re.M)
    assert returns is not None and "Explanation" in returns


def test_the_docstring_check_rejects_a_docstring_without_a_formula():
    """The Notes check can fail: Notes in words only, or References with no work, are caught."""
    assert _section("Idea.\n\nNotes\n-----\nIn words only.\n\nReferences\n----------\n", "Notes") == "In words only.\n\n"
    assert _section("No sections at all.", "References") is None


@pytest.mark.parametrize("theory", THEORIES)
def test_the_registry_holds_the_module_of_the_same_name(theory):
    assert spec(theory).module.__name__ == f"alliances.theories.{theory}"


THRESHOLD_SETTINGS = [{}, {"balance_at": -0.05}, {"balance_at": -0.9}, {"align_at": 0.05}, {"align_at": 0.9},
                      {"align_at": 0.0, "balance_at": 0.0}]


@pytest.mark.parametrize("theory", THEORIES)
@pytest.mark.parametrize("thresholds", THRESHOLD_SETTINGS, ids=lambda t: ",".join(f"{k}={v}" for k, v in t.items()) or "defaults")
def test_every_reason_agrees_with_its_stance(theory, thresholds):
    """Regression (balance of threat hard-coded -0.25 in its reason): a reason that names a
    stance names the one the thresholds in force give the score, and never another; a reason
    naming no stance says the theory has no basis for one, or only reports the score."""
    for when in PERIODS:
        for row in predict(theory, load_world(when), **thresholds).itertuples():
            named = [s for s, phrase in STANCE_PHRASES.items() if phrase in row.reason]
            assert named in ([row.stance], []), (when, row.state, row.partner, row.stance, row.reason)
            if theory in STATES_A_STANCE:
                assert named == [row.stance] or "no basis" in row.reason, (when, row.state, row.partner, row.reason)


#: The theories whose reasons state the predicted stance (the others report the score and its drivers).
STATES_A_STANCE = ("balance_of_power", "balance_of_threat", "rsct")
