"""Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009).

RRF ignores raw scores, which live on incomparable scales (BM25 is unbounded, cosine is in
[-1, 1]), and rewards items that several rankers place high. ``k`` damps the advantage of the
very first ranks; 60 is the value from the paper and works without tuning.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[K]],
    *,
    k: float = 60.0,
    weights: Sequence[float] | None = None,
) -> list[tuple[K, float]]:
    """Fuse ranked lists of keys into one list of ``(key, score)``, best first.

    score(d) = sum_i weights[i] / (k + rank_i(d)), ranks starting at 1; a key missing from a
    list contributes nothing for that list. Ties keep the order of first appearance.
    """
    if weights is not None and len(weights) != len(rankings):
        raise ValueError("weights must have one value per ranking")
    if k <= 0:
        raise ValueError("k must be positive")
    scores: dict[K, float] = {}
    for i, ranking in enumerate(rankings):
        w = 1.0 if weights is None else weights[i]
        seen: set[K] = set()
        for rank, key in enumerate(ranking, start=1):
            if key in seen:  # a ranker may list one entry twice (several vectors); count once
                continue
            seen.add(key)
            scores[key] = scores.get(key, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])
