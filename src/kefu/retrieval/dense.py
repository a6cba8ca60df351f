"""Dense search: one float32 matrix, scored exactly, with a bit-code pre-filter for large ones.

Up to `APPROXIMATE_FROM` rows the whole matrix is multiplied by the query: exact, and a few
milliseconds. Beyond that the product is memory-bound (100k x 384 floats is 150 MB read per
query, ~13 ms on this machine), so each row also gets a 384-bit code: the signs of the vector
minus the corpus mean (centering matters: e5 vectors share a large common direction, and the
signs of raw vectors would mostly say "e5"). The Hamming distance between codes tracks the
angle between the vectors (sign random-projection style), so the rows with the nearest codes
(`candidates`, 2 % of the rows and at least 1,000) are then scored exactly, together with
any rows the caller names (the keyword search's best, so a fused ranking never misses one).
Rows outside those get a score just below the lowest exact one, so they rank last.

Several rows may belong to one entry; `owners` maps rows to entry positions.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

APPROXIMATE_FROM = 50_000
MIN_CANDIDATES = 1_000
CANDIDATE_SHARE = 0.02


class DenseMatrix:
    def __init__(
        self,
        vectors: np.ndarray,
        owners: np.ndarray,
        *,
        approximate_from: int | None = None,
    ) -> None:
        import numpy as np

        if vectors.ndim != 2 or vectors.shape[0] != owners.shape[0]:
            raise ValueError("vectors must be (n, dim) with one owner per row")
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.owners = owners.astype(np.int64, copy=False)
        self._identity = bool(np.array_equal(self.owners, np.arange(self.size)))
        threshold = APPROXIMATE_FROM if approximate_from is None else approximate_from
        self.approximate = self.size >= threshold > 0
        self._codes: np.ndarray | None = None  # (words, n) uint64, built on first search
        self._mean: np.ndarray | None = None
        self._codes_lock = threading.Lock()

    @property
    def size(self) -> int:
        return int(self.vectors.shape[0])

    def entry_scores(
        self, query: np.ndarray, n_entries: int, *, also: np.ndarray | None = None
    ) -> np.ndarray:
        """Best cosine per entry, shape (n_entries,); entries without rows get -1.

        For a large matrix only the pre-filter's candidates and the rows of the entries in
        `also` are scored exactly (see the module docstring)."""
        return self.scored_entries(query, n_entries, also=also)[0]

    def scored_entries(
        self, query: np.ndarray, n_entries: int, *, also: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """`entry_scores`, and the entries scored exactly when that is not all of them (a
        ranking then need only look at those)."""
        import numpy as np

        q = query.astype(np.float32, copy=False)
        pool: np.ndarray | None = None
        if not self.approximate:
            row_scores = self.vectors @ q  # (n_rows,)
        else:
            rows = self.candidate_rows(q, also)
            exact = self.vectors[rows] @ q
            floor = float(exact.min()) - 1e-3 if exact.size else -1.0
            row_scores = np.full(self.size, floor, dtype=np.float32)
            row_scores[rows] = exact
            pool = rows if self._identity else np.unique(self.owners[rows])
        if self.size == n_entries and self._identity:
            # One row per entry in entry order (the common case): no reduction needed.
            return row_scores, pool
        best = np.full(n_entries, -1.0, dtype=np.float32)
        np.maximum.at(best, self.owners, row_scores)
        return best, pool

    def candidate_rows(self, query: np.ndarray, also: np.ndarray | None = None) -> np.ndarray:
        """Rows whose codes are nearest the query's, plus the rows of the entries in `also`."""
        import numpy as np

        codes, mean = self._bit_codes()
        q_code = _pack(query.reshape(1, -1) - mean)[0]
        # Words of the code whose 64 dimensions the query leaves at zero carry no signal (a
        # routed query fills one model's half only, kefu.retrieval.embedders): skip them.
        padded = np.zeros(codes.shape[0] * 64, dtype=np.float32)
        padded[: query.shape[0]] = query
        words = np.flatnonzero(np.any(padded.reshape(-1, 64) != 0, axis=1))
        if words.size == 0:
            words = np.arange(codes.shape[0])
        # One contiguous pass per 64-bit word (codes are stored word-major for this).
        distance = np.zeros(codes.shape[1], dtype=np.uint16)
        for word in words.tolist():
            distance += np.bitwise_count(codes[word] ^ q_code[word])
        k = min(max(MIN_CANDIDATES, int(self.size * CANDIDATE_SHARE)), self.size)
        # The smallest radius that holds k rows, from a histogram of the distances: cheaper
        # than a partial sort, and ties at the radius are all kept.
        counts = np.cumsum(np.bincount(distance, minlength=words.size * 64 + 1))
        radius = int(np.searchsorted(counts, k))
        rows = np.flatnonzero(distance <= radius)
        if also is not None and also.size:
            extra = also if self._identity else np.flatnonzero(np.isin(self.owners, also))
            rows = np.union1d(rows, extra[(extra >= 0) & (extra < self.size)])
        return rows

    def _bit_codes(self) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        with self._codes_lock:
            if self._codes is None or self._mean is None:
                mean = self.vectors.mean(axis=0, dtype=np.float64).astype(np.float32)
                # In blocks: centering 100k rows at once would copy the whole matrix.
                parts = [
                    _pack(self.vectors[i : i + 8192] - mean) for i in range(0, self.size, 8192)
                ]
                self._codes = np.ascontiguousarray(np.concatenate(parts).T)
                self._mean = mean
            return self._codes, self._mean


def _pack(centered: np.ndarray) -> np.ndarray:
    """Sign bits of each row as uint64 words (the row padded to a multiple of 64 bits)."""
    import numpy as np

    bits = np.packbits(centered > 0, axis=1)
    pad = (-bits.shape[1]) % 8
    if pad:
        bits = np.pad(bits, ((0, 0), (0, pad)))
    return np.ascontiguousarray(bits).view(np.uint64)


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k highest scores, best first, in O(n) plus O(k log k)."""
    import numpy as np

    n = scores.shape[0]
    if n == 0 or k <= 0:
        return np.zeros(0, dtype=np.int64)
    k = min(k, n)
    part = np.argpartition(-scores, k - 1)[:k] if k < n else np.arange(n)
    return part[np.argsort(-scores[part], kind="stable")]
