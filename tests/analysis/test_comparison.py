"""alliances.analysis.comparison: every theory at once, what drove each score, what a change moves."""

import pandas as pd
import pytest

from alliances import load_world
from alliances.analysis import by_theory, observed, parts_frame, predict_all, principal_partners, what_changes
from alliances.theories import COLUMNS, SHORT_TITLES, THEORIES, predict


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
        part = table[table["theory"] == theory][list(COLUMNS)].reset_index(drop=True)
        pd.testing.assert_frame_equal(part, predict(theory, world))


def test_predict_all_passes_parameters(world):
    tweaked = predict_all(world, {"rsct": {"w_penetration": 0.0}}, theories=["rsct"])
    pd.testing.assert_frame_equal(tweaked[list(COLUMNS)], predict("rsct", world, w_penetration=0.0))
    with pytest.raises(ValueError, match="not predicted"):
        predict_all(world, {"rsct": {}}, theories=["constructivism"])
    with pytest.raises(ValueError, match="unknown theory 'astrology'"):
        predict_all(world, theories=["astrology"])


def test_by_theory_labels_and_order(table):
    frames = by_theory(table)
    assert list(frames) == [SHORT_TITLES[t] for t in THEORIES]
    assert all(list(f.columns) == list(COLUMNS) for f in frames.values())


def test_parts_frame_adds_up_to_the_score(world):
    parts = parts_frame("rsct", world)
    assert set(parts["part"]) == {"regional", "weakness", "penetration"}
    sums = parts.groupby(["state", "partner"])[["contribution", "score"]].agg({"contribution": "sum", "score": "first"})
    assert ((sums["contribution"].clip(-1, 1) - sums["score"]).abs() < 1e-9).all()
    off = parts_frame("rsct", world, w_penetration=0.0)
    assert (off.loc[off["part"] == "penetration", "contribution"] == 0).all()


def test_rsct_principal_partners_match_the_reading(world):
    """The reading's RSCT claim: principal partner and adversary of each state, 2008-2019."""
    top = principal_partners(predict("rsct", world)).set_index("state")
    # "Armenia — Russia / Azerbaijan and Turkey": the bottom partner is one of the two
    assert top.loc["ARM", "top_partner"] == "RUS" and top.loc["ARM", "bottom_partner"] in {"AZE", "TUR"}
    assert top.loc["AZE", "top_partner"] == "TUR" and top.loc["AZE", "bottom_partner"] == "ARM"
    assert top.loc["GEO", "top_partner"] == "WEST" and top.loc["GEO", "bottom_partner"] == "RUS"
    assert (top["top_score"] > 0).all() and (top["bottom_score"] < 0).all()


def test_what_changes_lists_only_moved_pairs(world):
    moved = what_changes("rsct", world, west_supports_georgia=False)
    assert list(moved[["state", "partner"]].itertuples(index=False, name=None)) == [("GEO", "WEST")]
    assert moved.loc[0, "stance before"] == "align" and moved.loc[0, "score after"] < moved.loc[0, "score before"]
    assert what_changes("rsct", world).empty


def test_principal_partners_can_list_ties(world):
    obs = principal_partners(observed(world), ties=True).set_index("state")
    assert set(obs.loc["AZE", "top_partner"].split(", ")) >= {"TUR"}
    assert obs.loc["GEO", "bottom_partner"] == "RUS"
    assert "," not in "".join(principal_partners(observed(world))["top_partner"])
