"""Exercises 01 and 03: the forms a person means are accepted, common slips get their own hint,
and the reference answers live in grading/ only."""

from __future__ import annotations

import pytest

from alliances.checks import CHECKS, Hint, exercise01, exercise03
from alliances.theories import predict
from alliances.theories.base import clip
from alliances.theories.inputs import vertical_weakness
from alliances.world import load_world
from grading.exercise01 import russia_across_settings
from grading.exercise03 import first_split, omni_plus_reference, recoded_world, recoding_answer
from grading.references import GRADING_MODULES


def test_01_and_03_are_graded_from_grading_only():
    assert {"grading.exercise01", "grading.exercise03"} <= {m.__name__ for m in GRADING_MODULES}


def test_01_3_accepts_pairs_or_labels_as_keys():
    reference = russia_across_settings()
    CHECKS["01.3"](reference)
    CHECKS["01.3"]({f"{m}/{s}": v.upper() for (m, s), v in reference.items()})
    CHECKS["01.3"]({(m.upper(), f" {s}"): v for (m, s), v in reference.items()})
    with pytest.raises(Hint, match="lacks the setting"):
        CHECKS["01.3"](dict(list(reference.items())[:3]))
    wrong = {k: ("align" if v != "align" else "hedge") for k, v in reference.items()}
    with pytest.raises(Hint, match="is not right"):
        CHECKS["01.3"](wrong)


def test_01_3_settings_cover_both_measures_and_both_scopes():
    assert {m for m, _ in exercise01.SETTINGS} == {"cinc", "milex"}
    assert {s for _, s in exercise01.SETTINGS} == {"regional", "global"}


def test_03_1_the_recoding_drops_exactly_the_named_events():
    world, recoded = load_world(exercise03.PERIOD), recoded_world()
    for state, year in exercise03.RECODED.items():
        dropped = set(world.instability[state]) - set(recoded.instability[state])
        assert [(e.year, e.dimension) for e in dropped] == [(year, "vertical")]
    assert recoded.instability["ARM"] == world.instability["ARM"]
    before, after = predict("omnibalancing", world), predict("omnibalancing", recoded)
    moved = before["score"].to_numpy() != after["score"].to_numpy()
    assert set(before[moved]["state"]) == {"AZE"}, "the model reads the recoded events (and Georgia's insecurity stays 1)"


def test_03_1_vertical_weakness_instead_of_insecurity_gets_its_own_hint():
    answer = recoding_answer()
    answer["AZE"] = round(vertical_weakness(recoded_world(), "AZE"), 2)
    with pytest.raises(Hint, match="vertical weakness"):
        CHECKS["03.1"](answer)


def test_03_1_two_decimals_are_enough():
    CHECKS["03.1"]({k: (round(v, 2) if isinstance(v, float) else v) for k, v in recoding_answer().items()})


def test_03_2_a_term_added_after_clipping_or_left_out_is_rejected():
    def after_clip(world, state, partner, w_guarantee=0.5):
        return clip(omni_plus_reference(world, state, partner, 0.0) + 0.1 * w_guarantee)

    for wrong in (after_clip, lambda world, state, partner, w_guarantee=0.5: omni_plus_reference(world, state, partner, 0)):
        with pytest.raises(Hint):
            CHECKS["03.2"](wrong)
    CHECKS["03.2"](omni_plus_reference)


def test_03_4_accepts_a_coarse_sweep_and_refuses_one_step_early():
    first = first_split()
    CHECKS["03.4"](round(first, 2))
    CHECKS["03.4"](min(1.0, round(first + 0.04, 2)))
    with pytest.raises(Hint):
        CHECKS["03.4"](round(first - 0.05, 2))
