"""Reciprocal rank fusion on small examples computed by hand."""

from __future__ import annotations

import math

import pytest

from kefu.retrieval.fusion import reciprocal_rank_fusion

RANKINGS = [["a", "b", "c"], ["b", "c", "d"]]


def as_dict(fused: list[tuple[str, float]]) -> dict[str, float]:
    return dict(fused)


def test_default_k_is_60() -> None:
    fused = reciprocal_rank_fusion(RANKINGS)
    assert [key for key, _ in fused] == ["b", "c", "a", "d"]
    scores = as_dict(fused)
    assert scores["a"] == pytest.approx(1 / 61)
    assert scores["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert scores["c"] == pytest.approx(1 / 63 + 1 / 62)
    assert scores["d"] == pytest.approx(1 / 63)


def test_small_k() -> None:
    fused = reciprocal_rank_fusion(RANKINGS, k=1)
    assert fused == [
        ("b", pytest.approx(1 / 3 + 1 / 2)),
        ("c", pytest.approx(1 / 4 + 1 / 3)),
        ("a", pytest.approx(1 / 2)),
        ("d", pytest.approx(1 / 4)),
    ]


def test_weights_scale_each_ranking() -> None:
    # With the first ranking counted twice, "a" (first there) overtakes "c".
    fused = reciprocal_rank_fusion(RANKINGS, k=1, weights=[2.0, 1.0])
    assert [key for key, _ in fused] == ["b", "a", "c", "d"]
    scores = as_dict(fused)
    assert scores["a"] == pytest.approx(2 / 2)
    assert scores["b"] == pytest.approx(2 / 3 + 1 / 2)
    assert scores["c"] == pytest.approx(2 / 4 + 1 / 3)
    assert scores["d"] == pytest.approx(1 / 4)


def test_zero_weight_silences_a_ranking() -> None:
    fused = reciprocal_rank_fusion([["x", "y"], ["y", "x"]], k=1, weights=[0.0, 1.0])
    assert fused == [("y", pytest.approx(1 / 2)), ("x", pytest.approx(1 / 3))]


def test_unit_weights_equal_no_weights() -> None:
    assert reciprocal_rank_fusion(RANKINGS, weights=[1.0, 1.0]) == reciprocal_rank_fusion(RANKINGS)


def test_duplicates_in_one_ranking_count_once() -> None:
    # Rank is the position in the list as given: "b" keeps rank 3 after the repeated "a".
    fused = as_dict(reciprocal_rank_fusion([["a", "a", "b"]], k=10))
    assert fused == {"a": pytest.approx(1 / 11), "b": pytest.approx(1 / 13)}


def test_duplicates_across_rankings_do_add_up() -> None:
    fused = as_dict(reciprocal_rank_fusion([["a"], ["a"], ["a"]], k=1))
    assert fused["a"] == pytest.approx(3 / 2)


def test_key_in_one_ranking_only_gets_that_contribution() -> None:
    fused = as_dict(reciprocal_rank_fusion([["a", "b"], []], k=2))
    assert fused == {"a": pytest.approx(1 / 3), "b": pytest.approx(1 / 4)}


def test_ties_keep_first_appearance_order() -> None:
    assert [k for k, _ in reciprocal_rank_fusion([["x"], ["y"]])] == ["x", "y"]
    assert [k for k, _ in reciprocal_rank_fusion([["y"], ["x"]])] == ["y", "x"]
    # Swapped positions give equal sums; the key seen first wins the tie.
    fused = reciprocal_rank_fusion([["p", "q"], ["q", "p"]])
    assert [k for k, _ in fused] == ["p", "q"]
    assert fused[0][1] == pytest.approx(fused[1][1])


def test_integer_keys_and_fractional_k() -> None:
    fused = reciprocal_rank_fusion([[3, 1], [1]], k=0.5)
    assert fused == [(1, pytest.approx(1 / 2.5 + 1 / 1.5)), (3, pytest.approx(1 / 1.5))]


def test_empty_inputs() -> None:
    assert reciprocal_rank_fusion([]) == []
    assert reciprocal_rank_fusion([[], []]) == []


def test_scores_are_descending_and_finite() -> None:
    rankings = [[f"d{(i * 7) % 23}" for i in range(23)], [f"d{i}" for i in range(0, 23, 2)]]
    fused = reciprocal_rank_fusion(rankings)
    scores = [s for _, s in fused]
    assert scores == sorted(scores, reverse=True)
    assert all(math.isfinite(s) and s > 0 for s in scores)
    assert len(fused) == 23


@pytest.mark.parametrize("k", [0, -1, -60.0])
def test_k_must_be_positive(k: float) -> None:
    with pytest.raises(ValueError, match="k must be positive"):
        reciprocal_rank_fusion(RANKINGS, k=k)


@pytest.mark.parametrize("weights", [[1.0], [1.0, 1.0, 1.0], []])
def test_weights_need_one_value_per_ranking(weights: list[float]) -> None:
    with pytest.raises(ValueError, match="one value per ranking"):
        reciprocal_rank_fusion(RANKINGS, weights=weights)
