"""The building blocks of the checks: each wrong input gives its own one-line hint."""

import math
import re

import numpy as np
import pandas as pd
import pytest

from alliances.checks.answers import (
    Hint,
    call_student,
    code_pair,
    describe,
    expect_choice,
    expect_codes,
    expect_frame,
    expect_function,
    expect_number,
    expect_share,
    expect_whole_number,
    fail,
    real_number,
    whole_number,
)


def _raiser(exc):
    def fn(*args, **kwargs):
        raise exc
    return fn


def test_a_hint_is_one_line_and_names_the_section():
    with pytest.raises(Hint) as caught:
        fail("Two\nlines   and  spaces.", "lesson 01, 'The model'")
    assert str(caught.value) == "Two lines and spaces. Re-read: lesson 01, 'The model'."
    assert isinstance(caught.value, AssertionError)


@pytest.mark.parametrize("value, text", [
    (None, "placeholder"), (float("nan"), "NaN"), (pd.DataFrame({"a": [1, 2]}), "2 row(s)"),
    (pd.Series([1, 2, 3]), "3 value(s)"), ("x" * 100, "..."), ("ARM", "'ARM'"),
])
def test_describe_says_what_a_value_is(value, text):
    assert text in describe(value)
    assert len(describe(value)) <= 90 and "\n" not in describe(value)


@pytest.mark.parametrize("value, number", [
    (2, 2.0), (0.5, 0.5), (np.int64(3), 3.0), (np.float64(0.25), 0.25),
    (True, None), (np.bool_(False), None), (float("nan"), None), (math.inf, None), (10 ** 400, None),
    ("3", None), (None, None), ([1], None), (1j, None),
])
def test_real_number_accepts_finite_reals_only(value, number):
    assert real_number(value) == number


@pytest.mark.parametrize("value, number", [(2012, 2012), (2012.0, 2012), (np.int32(7), 7), (2012.5, None),
                                           (True, None), ("2012", None)])
def test_whole_number(value, number):
    assert whole_number(value) == number


@pytest.mark.parametrize("answer, message", [
    (None, "None"), (3, "as a string"), ("Narnia", "not one of the options"), ("TUR", "not right"),
])
def test_expect_choice(answer, message):
    with pytest.raises(Hint, match=message):
        expect_choice(answer, ["RUS", "TUR"], "RUS", hint="Look at the top row.")
    expect_choice(" rus ", ["RUS", "TUR"], "RUS", hint="")
    expect_choice("tur", ["RUS", "TUR"], {"RUS", "TUR"}, hint="")  # several right answers


@pytest.mark.parametrize("answer, message", [
    ("3", "Expected a number"), (True, "Expected a number"), (float("nan"), "finite"), (2.0, "not right"),
])
def test_expect_number(answer, message):
    with pytest.raises(Hint, match=message):
        expect_number(answer, 1.0, tol=0.1, hint="")
    expect_number(np.float64(1.05), 1.0, tol=0.1, hint="")


def test_expect_share_refuses_a_percentage_with_its_own_hint():
    with pytest.raises(Hint, match="not a percentage"):
        expect_share(61, 0.61, name="'vote'", hint="")
    with pytest.raises(Hint, match=r"\(your 'vote'\) Count"):
        expect_share(0.5, 0.61, name="'vote'", hint="Count again.")
    expect_share(0.612, 0.61, name="'vote'", hint="")


def test_expect_whole_number():
    with pytest.raises(Hint, match="the tipping year as a whole number such as 2012, got 2012.5"):
        expect_whole_number(2012.5, what="the tipping year", example="2012")
    assert expect_whole_number(np.float64(2012.0), what="a year", example="2012") == 2012


@pytest.mark.parametrize("answer, message", [
    (None, "Expected a list of codes"), (3, "Expected a list"), ([3], "as a string"), (["XX"], "not one of the codes"),
    ([], "Your list is empty"), (["ARM", "GEO"], "1 item.s. should not be there"), ("GEO", "1 item.s. are missing"),
])
def test_expect_codes(answer, message):
    with pytest.raises(Hint, match=message):
        expect_codes(answer, ["ARM", "AZE", "GEO"], ["ARM"], what="codes", hint="")
    expect_codes(" arm", ["ARM", "AZE", "GEO"], ["ARM"], what="codes", hint="")  # a string is a list of one
    expect_codes({"ARM", "arm"}, ["ARM", "AZE", "GEO"], ["ARM"], what="codes", hint="")
    expect_codes([], ["ARM"], [], what="codes", hint="")  # an empty list is right when nothing is


def test_expect_frame():
    with pytest.raises(Hint, match="Expected a pandas DataFrame"):
        expect_frame([1, 2], ["a"])
    with pytest.raises(Hint, match="lacks column"):
        expect_frame(pd.DataFrame({"b": [1]}), ["a"])
    with pytest.raises(Hint, match="duplicated column names"):
        expect_frame(pd.DataFrame([[1, 2]], columns=["a", "a"]), ["a"])
    with pytest.raises(Hint, match="at least 2"):
        expect_frame(pd.DataFrame({"a": [1]}), ["a"], min_rows=2)


def test_call_student():
    with pytest.raises(Hint, match="not written yet"):
        call_student(_raiser(NotImplementedError()))
    with pytest.raises(Hint, match="raised KeyError"):
        call_student(_raiser(KeyError("x")))
    with pytest.raises(Hint, match="to be a function"):
        call_student(42)
    with pytest.raises(Hint, match="raised ValueError: a b"):  # the student's message on one line
        call_student(_raiser(ValueError("a\nb")))
    assert call_student(lambda x: x + 1, 1) == 2


def test_expect_function_names_the_function():
    with pytest.raises(Hint, match=r"Expected threat5 to be a function \(def threat5"):
        expect_function(None, name="threat5")


@pytest.mark.parametrize("value, pair", [(("ARM", "GEO"), ("ARM", "GEO")), ([" ARM", "GEO "], ("ARM", "GEO")),
                                         (("ARM",), None), (("ARM", 3), None), ("AG", None), (("", "GEO"), None)])
def test_code_pair(value, pair):
    assert code_pair(value) == pair


# -- what a student sees, and answers as a person means them ------------------------------

def test_a_hint_renders_as_its_text_only_wrapped_to_nbgraders_width():
    from alliances.checks.answers import HINT_WIDTH, render_hint
    hint = Hint("Question 02.3: " + "word " * 60)
    lines = hint._render_traceback_()
    assert lines == render_hint(str(hint)) and len(lines) > 1
    assert all(len(line) <= HINT_WIDTH for line in lines) and HINT_WIDTH <= 90
    assert not any("\x1b" in line or "Traceback" in line for line in lines)


@pytest.mark.parametrize("answer", [
    ["1992\u20131999", "2008\u20142019"], ("1992-1999", "2008-2019"), {"1992-1999", " 2008-2019 "},
    np.array(["1992-1999", "2008-2019"]), pd.Series(["1992-1999", "2008-2019"]),
    pd.Series(["1992-1999", "2008-2019"]).unique(), pd.Index(["1992-1999", "2008-2019"]),
    {"1992-1999": 1, "2008-2019": 2}.keys(), ["1992\u22121999", "2008-2019"],
])
def test_a_list_of_codes_may_come_in_any_form_a_person_means(answer):
    expect_codes(answer, ["1992-1999", "2000-2007", "2008-2019"], ["1992-1999", "2008-2019"], what="periods",
                 hint="")


@pytest.mark.parametrize("answer", [{"1992-1999": 1}, pd.DataFrame({"p": ["1992-1999"]}), 1992, b"1992-1999",
                                    np.array([["1992-1999"]])])
def test_what_is_not_a_list_is_refused_with_a_hint(answer):
    with pytest.raises(Hint, match="Expected a list of periods"):
        expect_codes(answer, ["1992-1999"], ["1992-1999"], what="periods", hint="")


@pytest.mark.parametrize("exc, words", [
    (SystemExit(1), "exit()"), (KeyboardInterrupt(), "interrupted"), (RecursionError(), "without end"),
])
def test_what_a_students_function_raises_beyond_exception_becomes_a_hint(exc, words):
    with pytest.raises(Hint, match=re.escape(words)):
        call_student(_raiser(exc), name="threat5")


def test_a_function_that_recurses_without_end_gets_one_line():
    def threat5(*args, **kwargs):
        return threat5(*args, **kwargs)
    with pytest.raises(Hint) as caught:
        call_student(threat5, name="threat5")
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert len(caught.value._render_traceback_()) <= 3


def test_a_function_that_returns_none_is_not_written_yet():
    with pytest.raises(Hint, match="returned None: it is not written yet"):
        call_student(lambda: None, name="threat5")


def test_describe_never_raises():
    class Hostile:
        def __repr__(self):
            raise RuntimeError("boom")
    assert "cannot be shown" in describe(Hostile())
    assert "digits" in describe(10 ** 5000)


def test_both_two_decimal_roundings_of_a_sixteenth_are_accepted():
    for answer in (0.62, 0.63, 0.625):
        expect_share(answer, 0.625, name="in_sample", hint="")
    with pytest.raises(Hint):
        expect_share(0.61, 0.625, name="in_sample", hint="")
