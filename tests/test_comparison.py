"""alliances.comparison: every theory at once, their parts, and where they diverge."""

import math

import pandas as pd
import pytest

from alliances import load_world
from alliances.comparison import (SHORT_TITLES, agreement, agreement_over_time, by_theory,
                                  divergence, parts_frame, predict_all, principal_partners)
from alliances.observed import compare, observed
from alliances.theories import COLUMNS, THEORIES, predict


@pytest.fixture(scope="module")
def world():
    return load_world("2008-2019")


@pytest.fixture(scope="module")
def table(world):
    return predict_all(world)


def test_predict_all_stacks_every_theory(world, table):
    assert list(table.columns) == ["theory", *COLUMNS]
    assert list(pd.unique(table["theory"])) == list(THEORIES)
    for theory in THEORIES:
        part = table[table["theory"] == theory][COLUMNS].reset_index(drop=True)
        pd.testing.assert_frame_equal(part, predict(theory, world))


def test_predict_all_passes_parameters(world):
    tweaked = predict_all(world, {"rsct": {"w_penetration": 0.0}}, theories=["rsct"])
    pd.testing.assert_frame_equal(tweaked[COLUMNS], predict("rsct", world, w_penetration=0.0))
    with pytest.raises(ValueError, match="not predicted"):
        predict_all(world, {"rsct": {}}, theories=["constructivism"])
    with pytest.raises(ValueError, match="unknown"):
        predict_all(world, theories=["astrology"])


def test_by_theory_labels_and_order(table):
    frames = by_theory(table)
    assert list(frames) == [SHORT_TITLES[t] for t in THEORIES]
    assert all(list(f.columns) == COLUMNS for f in frames.values())


def test_agreement_matches_compare(world, table):
    obs = observed(world)
    result = agreement(table, obs)
    assert list(result["theory"]) == list(THEORIES)
    for row in result.itertuples():
        overall = compare(predict(row.theory, world), obs).iloc[-1]
        assert math.isclose(row.stance_agreement, overall.stance_agreement)
    assert {"agreement ARM", "agreement AZE", "agreement GEO"} <= set(result.columns)


def test_agreement_over_time_has_one_row_per_theory_and_period():
    result = agreement_over_time(["2000-2007", "2008-2019"], theories=["rsct", "constructivism"])
    assert len(result) == 4 and set(result["when"]) == {"2000-2007", "2008-2019"}
    assert result["stance_agreement"].between(0, 1).all()


def test_divergence_counts_matches(world, table):
    obs = observed(world)
    div = divergence(table, obs)
    assert len(div) == len(obs[obs["stance"] != "unknown"])
    assert div["matches"].between(0, len(THEORIES)).all() and (div["theories"] == len(THEORIES)).all()
    assert div["distinct"].between(1, 3).all()
    # the matches add up to the theories' agreement
    total = agreement(table, obs)["stance_agreement"].sum() * len(div)
    assert math.isclose(div["matches"].sum(), total)
    row = div.iloc[0]
    assert len(row["right"].split("; ")) == row["matches"] or row["right"] == "none"


def test_parts_frame_adds_up_to_the_score(world):
    parts = parts_frame("rsct", world)
    assert set(parts["part"]) == {"regional", "weakness", "penetration"}
    sums = parts.groupby(["state", "partner"])[["contribution", "score"]].agg({"contribution": "sum", "score": "first"})
    assert ((sums["contribution"].clip(-1, 1) - sums["score"]).abs() < 1e-9).all()
    off = parts_frame("rsct", world, w_penetration=0.0)
    assert (off.loc[off["part"] == "penetration", "contribution"] == 0).all()


def test_rsct_principal_partners_match_the_reading(world):
    """The course's RSCT claim (COURSE.md §4): principal partner and adversary, 2008-2019."""
    top = principal_partners(predict("rsct", world)).set_index("state")
    # "Armenia — Russia / Azerbaijan and Turkey": the bottom partner is one of the two
    assert top.loc["ARM", "top_partner"] == "RUS" and top.loc["ARM", "bottom_partner"] in {"AZE", "TUR"}
    assert top.loc["AZE", "top_partner"] == "TUR" and top.loc["AZE", "bottom_partner"] == "ARM"
    assert top.loc["GEO", "top_partner"] == "WEST" and top.loc["GEO", "bottom_partner"] == "RUS"
    assert (top["top_score"] > 0).all() and (top["bottom_score"] < 0).all()


def test_what_changes_lists_only_moved_pairs(world):
    from alliances.comparison import what_changes

    moved = what_changes("rsct", world, west_supports_georgia=False)
    assert list(moved[["state", "partner"]].itertuples(index=False, name=None)) == [("GEO", "WEST")]
    assert moved.loc[0, "stance before"] == "align" and moved.loc[0, "score after"] < moved.loc[0, "score before"]
    assert what_changes("rsct", world).empty


def test_principal_partners_can_list_ties(world):
    obs = principal_partners(observed(world), ties=True).set_index("state")
    assert set(obs.loc["AZE", "top_partner"].split(", ")) >= {"TUR"}
    assert obs.loc["GEO", "bottom_partner"] == "RUS"
    assert "," not in "".join(principal_partners(observed(world))["top_partner"])
