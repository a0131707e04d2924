"""check_prediction: a broken prediction frame is refused naming the column and row; a sound one passes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import alliances as A
from alliances.analysis import frames
from alliances.analysis.frames import ALLOWED_STANCES, check_prediction
from tests.robustness.outcomes import run_case

WORLD = A.load_world("2008-2019")
PREDICTION = A.predict("rsct", WORLD)
OBSERVED = A.observed(WORLD)


def _mutations():
    p = PREDICTION
    return {
        "empty": (p.iloc[:0], "no rows"),
        "lower-case codes": (p.assign(state=p["state"].str.lower()), "column 'state', row 0: 'arm' is not a chooser"),
        "duplicated rows": (pd.concat([p, p]), "row 18: the pair (ARM, AZE) appears more than once"),
        "unknown stance": (p.assign(stance="friend"), "column 'stance', row 0: 'friend' is not a stance"),
        "score 5": (p.assign(score=5.0), "column 'score', row 0: 5.0 is outside -1"),
        "score inf": (p.assign(score=np.inf), "column 'score', row 0: inf is not finite"),
        "NaN score, known stance": (p.assign(score=np.nan), "missing (NaN) but the stance is"),
        "integer codes": (p.assign(state=range(len(p))), "column 'state', row 0: 0 is not a text code"),
        "scores as text": (p.assign(score="0.5"), "column 'score', row 0: '0.5' is not a number"),
        "bool scores": (p.assign(score=True), "column 'score', row 0: True is not a number"),
        "missing column": (p.drop(columns="stance"), "lacks column(s) stance"),
        "unknown partner": (p.assign(partner="USA"), "column 'partner', row 0: 'USA' is not a partner"),
        "missing state": (p.assign(state=None), "column 'state', row 0: None is missing"),
    }


MUTATIONS = _mutations()


@pytest.mark.parametrize("kind", MUTATIONS)
def test_a_broken_frame_is_refused_naming_what_is_wrong(kind):
    frame, words = MUTATIONS[kind]
    with pytest.raises(ValueError) as refused:
        check_prediction(frame, "prediction")
    assert str(refused.value).startswith("prediction") and words in str(refused.value), str(refused.value)


@pytest.mark.parametrize("frame", [None, [], "prediction", PREDICTION.to_dict()])
def test_what_is_not_a_data_frame_is_a_type_error(frame):
    with pytest.raises(TypeError, match="prediction must be a DataFrame"):
        check_prediction(frame)


def test_predictions_and_observed_frames_pass_unchanged():
    for theory in A.THEORIES:
        frame = A.predict(theory, WORLD)
        pd.testing.assert_frame_equal(check_prediction(frame), frame)
    pd.testing.assert_frame_equal(check_prediction(OBSERVED, "observed"), OBSERVED, check_dtype=False)


def test_stances_are_normalised_not_refused():
    checked = check_prediction(PREDICTION.assign(stance=[" Align", "HEDGE ", "balance"] * 6))
    assert checked["stance"].tolist() == ["align", "hedge", "balance"] * 6


CELLS = st.one_of(st.none(), st.floats(allow_nan=True), st.integers(-3, 3), st.text(max_size=6),
                  st.sampled_from([*ALLOWED_STANCES, "Align", " hedge ", "ARM", "arm", "RUS", "WEST", True, np.nan]))


@settings(max_examples=300, deadline=None)
@given(column=st.sampled_from(["state", "partner", "score", "stance"]), row=st.integers(0, 17), value=CELLS)
def test_any_one_cell_changed_is_refused_naming_its_column_or_accepted_soundly(column, row, value):
    frame = PREDICTION.copy().astype({column: object})
    frame.loc[row, column] = value

    def sound(checked: pd.DataFrame) -> None:
        assert checked["stance"].isin(ALLOWED_STANCES).all()
        scored = checked["score"].dropna()
        assert scored.between(-1, 1).all() and len(checked) == len(PREDICTION)
        assert not checked.duplicated(["state", "partner"]).any()
    run_case("compare: check_prediction", lambda: check_prediction(frame, "prediction"),
             [f"column {column!r}", "appears more than once"], sound)


@settings(max_examples=300, deadline=None)
@given(column=st.sampled_from(["state", "partner", "score", "stance"]), row=st.integers(0, 17), value=CELLS)
def test_the_quick_reading_never_passes_a_frame_the_schema_refuses(column, row, value):
    """check_prediction skips the pandera schema when a plain-Python reading finds every cell sound;
    that reading is stricter than the schema, so skipping it changes no verdict."""
    frame = PREDICTION.copy().astype({column: object})
    frame.loc[row, column] = value
    if frames.plainly_sound(frame):
        frames.prediction_schema().validate(frame, lazy=True)  # raises SchemaErrors if the reading was wrong


def test_every_frame_the_course_makes_takes_the_quick_reading():
    """The quick reading is what makes a comparison cheap: predictions and observed frames all pass it."""
    for when in A.PERIODS:
        world = A.load_world(when)
        assert frames.plainly_sound(A.observed(world)), when
        for theory in A.THEORIES:
            assert frames.plainly_sound(A.predict(theory, world)), (theory, when)
    assert not frames.plainly_sound(PREDICTION.assign(score=None))  # stricter than the schema, which takes None
