"""Exact dense search: top_k ordering and DenseMatrix reduction of several rows per entry."""

from __future__ import annotations

import numpy as np
import pytest

from kefu.retrieval.dense import DenseMatrix, top_k


def f32(*values: float) -> np.ndarray:
    return np.asarray(values, dtype=np.float32)


# -- top_k ---------------------------------------------------------------------------------
def test_top_k_best_first() -> None:
    scores = f32(0.1, 0.9, -0.5, 0.7, 0.3)
    assert top_k(scores, 3).tolist() == [1, 3, 4]
    assert top_k(scores, 1).tolist() == [1]


def test_top_k_with_k_at_least_n_sorts_everything() -> None:
    scores = f32(0.1, 0.9, -0.5, 0.7, 0.3)
    expected = [1, 3, 4, 0, 2]
    assert top_k(scores, 5).tolist() == expected
    assert top_k(scores, 50).tolist() == expected


@pytest.mark.parametrize("k", [0, -1])
def test_top_k_non_positive_k_is_empty(k: int) -> None:
    out = top_k(f32(1.0, 2.0), k)
    assert out.shape == (0,)


def test_top_k_empty_scores() -> None:
    out = top_k(np.zeros(0, dtype=np.float32), 5)
    assert out.shape == (0,)
    assert out.dtype == np.int64


def test_top_k_ties_keep_index_order_when_all_are_returned() -> None:
    assert top_k(f32(0.5, 0.9, 0.5, 0.9, 0.1), 5).tolist() == [1, 3, 0, 2, 4]


def test_top_k_ties_at_the_cut_pick_a_tied_item() -> None:
    scores = f32(0.5, 0.9, 0.5, 0.5, 0.1)
    out = top_k(scores, 2).tolist()
    assert out[0] == 1
    assert out[1] in (0, 2, 3)


def test_top_k_matches_a_full_sort_on_random_scores() -> None:
    rng = np.random.default_rng(7)
    scores = rng.standard_normal(1000).astype(np.float32)
    for k in (1, 10, 999, 1000):
        out = top_k(scores, k)
        assert len(out) == k
        assert len(set(out.tolist())) == k
        np.testing.assert_array_equal(scores[out], np.sort(scores)[::-1][:k])


# -- DenseMatrix ---------------------------------------------------------------------------
def unit(*rows: list[float]) -> np.ndarray:
    m = np.asarray(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_one_row_per_entry_gives_cosines() -> None:
    vectors = unit([1, 0], [0, 1], [1, 1])
    dense = DenseMatrix(vectors, np.arange(3))
    scores = dense.entry_scores(f32(1, 0), 3)
    np.testing.assert_allclose(scores, [1.0, 0.0, np.sqrt(0.5)], atol=1e-6)
    assert dense.size == 3
    assert dense.vectors.dtype == np.float32


def test_several_rows_per_entry_reduce_by_max() -> None:
    vectors = unit([1, 0], [0, 1], [-1, 0], [1, 1])
    owners = np.asarray([0, 1, 1, 0])  # entry 0: rows 0 and 3; entry 1: rows 1 and 2
    scores = DenseMatrix(vectors, owners).entry_scores(f32(0, 1), 2)
    np.testing.assert_allclose(scores, [np.sqrt(0.5), 1.0], atol=1e-6)
    scores = DenseMatrix(vectors, owners).entry_scores(f32(-1, 0), 2)
    np.testing.assert_allclose(scores, [-np.sqrt(0.5), 1.0], atol=1e-6)


def test_entries_without_rows_score_minus_one() -> None:
    vectors = unit([1, 0], [0, 1])
    scores = DenseMatrix(vectors, np.asarray([0, 2])).entry_scores(f32(1, 0), 4)
    np.testing.assert_allclose(scores, [1.0, -1.0, 0.0, -1.0], atol=1e-6)


def test_as_many_rows_as_entries_but_not_one_each() -> None:
    # Entry 0 has two rows, entry 1 none: the row count equals the entry count and the last
    # owner is the last entry, yet the rows must still be reduced per entry.
    vectors = unit([1, 0], [0, 1], [1, 1])
    scores = DenseMatrix(vectors, np.asarray([0, 0, 2])).entry_scores(f32(0, 1), 3)
    np.testing.assert_allclose(scores, [1.0, -1.0, np.sqrt(0.5)], atol=1e-6)


def test_rows_out_of_entry_order() -> None:
    vectors = unit([1, 0], [0, 1], [1, 1])
    scores = DenseMatrix(vectors, np.asarray([2, 0, 1])).entry_scores(f32(1, 0), 3)
    np.testing.assert_allclose(scores, [0.0, np.sqrt(0.5), 1.0], atol=1e-6)


def test_empty_matrix() -> None:
    dense = DenseMatrix(np.zeros((0, 4), dtype=np.float32), np.zeros(0, dtype=np.int64))
    assert dense.size == 0
    assert dense.entry_scores(f32(1, 0, 0, 0), 0).shape == (0,)


def test_float64_input_is_stored_as_float32() -> None:
    dense = DenseMatrix(np.eye(3), np.arange(3))
    assert dense.vectors.dtype == np.float32
    assert dense.vectors.flags["C_CONTIGUOUS"]
    np.testing.assert_allclose(dense.entry_scores(np.asarray([0.0, 1.0, 0.0]), 3), [0, 1, 0])


@pytest.mark.parametrize(
    ("vectors", "owners"),
    [
        (np.zeros((3, 4)), np.arange(2)),
        (np.zeros(4), np.arange(4)),
        (np.zeros((2, 2, 2)), np.arange(2)),
    ],
)
def test_shape_errors(vectors: np.ndarray, owners: np.ndarray) -> None:
    with pytest.raises(ValueError, match="one owner per row"):
        DenseMatrix(vectors, owners)


# -- the bit-code pre-filter of large matrices ---------------------------------------------
def clustered(n: int, dim: int = 384, seed: int = 0) -> np.ndarray:
    """Unit vectors around a shared direction (as e5's are) in 40 topics."""
    rng = np.random.default_rng(seed)
    common = rng.standard_normal(dim).astype(np.float32) * 3
    topics = rng.standard_normal((40, dim)).astype(np.float32)
    m = common + topics[rng.integers(0, 40, n)] + rng.standard_normal((n, dim)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_large_matrix_prefilter_agrees_with_exact_search() -> None:
    both = clustered(6200)  # the queries come from the same topics as the rows
    vectors, queries = both[:6000], both[6000:]
    exact = DenseMatrix(vectors, np.arange(6000), approximate_from=0)
    approx = DenseMatrix(vectors, np.arange(6000), approximate_from=5000)
    assert approx.approximate and not exact.approximate
    recall = 0.0
    for q in queries:
        want = top_k(exact.entry_scores(q, 6000), 10)
        got = top_k(approx.entry_scores(q, 6000), 10)
        assert got[0] == want[0]
        recall += len(set(want.tolist()) & set(got.tolist())) / 10
    assert recall / len(queries) >= 0.95


def test_prefilter_scores_its_candidates_exactly_and_ranks_the_rest_last() -> None:
    vectors = clustered(5000)
    approx = DenseMatrix(vectors, np.arange(5000), approximate_from=1)
    q = vectors[17]
    scores, pool = approx.scored_entries(q, 5000)
    assert pool is not None and 17 in pool and len(pool) < 5000
    np.testing.assert_allclose(scores[pool], vectors[pool] @ q, atol=1e-6)
    rest = np.setdiff1d(np.arange(5000), pool)
    assert scores[rest].max() < scores[pool].min()


def test_entries_named_in_also_are_scored_exactly() -> None:
    vectors = clustered(5000)
    approx = DenseMatrix(vectors, np.arange(5000), approximate_from=1)
    q = vectors[0]
    far = int(np.argmin(vectors @ q))  # surely not a candidate
    _, pool = approx.scored_entries(q, 5000)
    assert pool is not None and far not in pool
    named, pool = approx.scored_entries(q, 5000, also=np.asarray([far]))
    assert pool is not None and far in pool
    assert named[far] == pytest.approx(float(vectors[far] @ q), abs=1e-6)


def test_prefilter_reduces_several_rows_per_entry() -> None:
    vectors = clustered(4000)
    owners = np.arange(4000) // 2  # two rows per entry
    exact = DenseMatrix(vectors, owners, approximate_from=0).entry_scores(vectors[10], 2000)
    scores, pool = DenseMatrix(vectors, owners, approximate_from=1).scored_entries(
        vectors[10], 2000, also=np.asarray([1999])
    )
    assert pool is not None and {5, 1999} <= set(pool.tolist())
    # An entry's score is its best candidate row: never above the exact best of its rows.
    assert np.all(scores[pool] <= exact[pool] + 1e-6)
    assert scores[1999] == pytest.approx(exact[1999], abs=1e-6)  # both rows named in `also`
    assert int(np.argmax(scores)) == int(np.argmax(exact)) == 5


def test_prefilter_ignores_the_half_a_routed_query_leaves_empty() -> None:
    # Rows hold two models' vectors side by side; a routed query fills one half only. The
    # empty half must not count: its sign bits would add 384 bits of noise to every distance.
    left, right = clustered(6200, seed=1), clustered(6200, seed=2)
    rows = np.hstack([left, right]) / np.sqrt(2)
    vectors, queries = rows[:6000], right[6000:]
    exact = DenseMatrix(vectors[:, 384:], np.arange(6000), approximate_from=0)
    approx = DenseMatrix(vectors, np.arange(6000), approximate_from=5000)
    alone = DenseMatrix(vectors[:, 384:], np.arange(6000), approximate_from=5000)
    for q in queries[:50]:
        routed = np.concatenate([np.zeros(384, dtype=np.float32), q])
        assert np.array_equal(approx.candidate_rows(routed), alone.candidate_rows(q))
        want = int(np.argmax(exact.entry_scores(q, 6000)))
        assert int(np.argmax(approx.entry_scores(routed, 6000))) == want
