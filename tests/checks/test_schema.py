"""The translator from pydantic's errors to hints: one line that names the key and what was expected."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import pytest
from pydantic import Field, PlainValidator, ValidationInfo, field_validator

from alliances import checks
from alliances.checks.answers import Hint
from alliances.checks.schema import Answer, choice, flag, number, pair, parse, share, text, whole


class Item(Answer):
    code: Annotated[str, text("a code in quotes, e.g. 'ARM'")]
    size: Annotated[int, whole("1 or 2", allowed=(1, 2))]


class Example(Answer):
    name: Annotated[str, text("a name in quotes")]
    kind: Annotated[str, choice(("align", "hedge"))]
    weights: dict[Annotated[str, text("a code in quotes")], Annotated[float, number("a number from 0 to 1", low=0,
                                                                                     high=1)]] = Field(
        description="a dict {code: weight}")
    links: dict[Annotated[tuple[str, str], pair("a pair of codes")], Annotated[float, share()]] = Field(
        description="a dict {(code, code): share}")
    items: list[Item] = Field(min_length=1, description="a list of at least one item")
    done: Annotated[bool, flag()]
    period: str = Field(alias="1992-1999", description="a period label")

    @field_validator("weights")
    @classmethod
    def _sum_to_one(cls, weights: dict[str, float], info: ValidationInfo) -> dict[str, float]:
        if weights and abs(sum(weights.values()) - 1) > 1e-9:
            raise ValueError("the weights must add up to 1.")
        return weights


GOOD = {"name": "x", "kind": "Hedge ", "weights": {"ARM": 1.0}, "links": {("ARM", "GEO"): 0.5},
        "items": [{"code": "ARM", "size": 2.0}], "done": False, "1992-1999": "1992-1999"}


_DROP = object()  # _with(key=_DROP) leaves the key out


def _with(**changes: Any) -> dict[str, Any]:
    out = {**GOOD, **changes}
    return {k: v for k, v in out.items() if v is not _DROP}


def _hint(answer: Any) -> str:
    with pytest.raises(Hint) as caught:
        parse(Example, answer, see="lesson 00, 'Somewhere'")
    message = str(caught.value)
    assert "\n" not in message, "a hint is one line"
    assert message.endswith(" Re-read: lesson 00, 'Somewhere'.")
    return message.removesuffix(" Re-read: lesson 00, 'Somewhere'.")


def test_a_fitting_answer_is_read_with_its_values_normalised():
    got = parse(Example, GOOD)
    assert got.kind == "hedge" and got.items[0].size == 2 and got.period == "1992-1999"


@pytest.mark.parametrize("answer, message", [
    # a value of the wrong type, at the top, nested in a dict, in a list, under an alias
    (_with(name=3), "'name' must be a name in quotes, got 3."),
    (_with(kind=None), "'kind' must be one of ['align', 'hedge'] as a string, got None (is the answer still"),
    (_with(weights={"ARM": "x"}), "'weights'['ARM'] must be a number from 0 to 1, got 'x'."),
    (_with(links={("ARM", "GEO"): 61}), "'links'[('ARM', 'GEO')] must be a share from 0 to 1, not a percentage"),
    (_with(items=[{"code": "ARM", "size": 3}]), "'items'[0]['size'] must be 1 or 2, got 3."),
    (_with(done="False"), "'done' must be True or False (without quotes), got 'False'."),
    (_with(**{"1992-1999": 5}), "'1992-1999' must be a period label, got 5."),
    # a key of the wrong type
    (_with(weights={5: 1.0}), "The key 5 in 'weights' must be a code in quotes, got 5."),
    (_with(links={"ARM": 0.5}), "The key 'ARM' in 'links' must be a pair of codes, got 'ARM'."),
    # a container of the wrong kind: its field's description
    (_with(weights=[1]), "'weights' must be a dict {code: weight}, got [1]."),
    (_with(items=[]), "'items' must be a list of at least one item, got []."),
    (_with(items=["ARM"]), "'items'[0] must be a dict with keys ['code', 'size'], got 'ARM'."),
    (None, "Your answer must be a dict with keys ['name', 'kind', 'weights', 'links', 'items', 'done', '1992-1999']"),
    # a missing key, at the top and nested
    (_with(name=_DROP), "Your dict lacks the key 'name' (its keys: ['name', 'kind',"),
    (_with(items=[{"code": "ARM"}]), "'items'[0] lacks the key 'size' (its keys: ['code', 'size'])."),
    # an extra key, at the top and nested
    (_with(colour="red"), "Your dict has the key 'colour', which is not one of its keys ['name',"),
    ({**GOOD, 1.5: 2}, "Your dict has the key 1.5, which is not one of its keys ['name',"),
    (_with(items=[{"code": "ARM", "size": 1, "sise": 1}]),
     "'items'[0] has the key 'sise', which is not one of its keys ['code', 'size']: remove it or correct its"),
    # a rule across values, said by its validator
    (_with(weights={"ARM": 0.5}), "'weights': the weights must add up to 1."),
])
def test_each_problem_gives_one_line_naming_the_key(answer, message):
    assert _hint(answer).startswith(message)


def test_the_first_problem_is_reported():
    assert _hint(_with(name=3, kind=3)).startswith("'name'")


def test_a_mapping_that_is_not_a_dict_is_read_like_one():
    from types import MappingProxyType

    assert parse(Example, MappingProxyType(GOOD)).name == "x"


def _answer_schemas() -> list[type[Answer]]:
    return [obj for module in checks.EXERCISES for _, obj in inspect.getmembers(module, inspect.isclass)
            if issubclass(obj, Answer) and obj.__module__ == module.__name__]


def test_the_checks_declare_their_dict_answers_as_schemas():
    assert len(_answer_schemas()) >= 10


@pytest.mark.parametrize("schema", _answer_schemas(), ids=lambda s: s.__name__)
def test_every_field_of_a_schema_says_what_it_expects(schema):
    """A leaf field has a validator that says what it expects; any other field has a description
    (the translator's words for a container of the wrong kind)."""
    for name, field in schema.model_fields.items():
        leaf = any(isinstance(m, PlainValidator) for m in field.metadata)
        assert leaf or field.description or field.annotation is Any, f"{schema.__name__}.{name}"
