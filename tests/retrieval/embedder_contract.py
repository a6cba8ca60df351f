"""The behaviour every Embedder backend must show, as a reusable pytest class.

Subclass `EmbedderContract` in a test module, name the subclass `Test...`, set
`expected_name`, `expected_dim` and the similarity triples, and override the `embedder`
fixture. tests/retrieval is not a package, so conftest.py registers this file as the module
`kefu_tests_retrieval_embedder_contract`; import it from there.

`CountingEmbedder` is a test double that wraps a real embedder and records every call, used
by the index and knowledge-base tests to prove what was (not) re-embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pytest

from kefu.retrieval.base import Embedder

if TYPE_CHECKING:
    from numpy.typing import NDArray

# (anchor, close, far): the anchor must score higher against `close` than against `far`.
Triple = tuple[str, str, str]

TEXTS = ("How do I get a refund?", "Where is my parcel?", "怎么申请退款？")


def _norms(matrix: NDArray[np.float32]) -> NDArray[np.float64]:
    return np.linalg.norm(matrix.astype(np.float64), axis=1)


class EmbedderContract:
    expected_name = ""
    expected_dim = 0
    similar_en: Triple = ("", "", "")
    similar_zh: Triple = ("", "", "")
    # Embeddings of one text must not depend on the batch it is in (the index batches texts).
    batch_atol = 1e-4

    @pytest.fixture
    def embedder(self) -> Embedder:
        raise NotImplementedError("override the `embedder` fixture")

    # -- identity ---------------------------------------------------------------------------
    def test_meets_the_protocol(self, embedder: Embedder) -> None:
        assert isinstance(embedder, Embedder)

    def test_name_and_dim(self, embedder: Embedder) -> None:
        assert embedder.name == self.expected_name
        assert isinstance(embedder.dim, int)
        assert embedder.dim == self.expected_dim > 0

    def test_warm_up_is_idempotent(self, embedder: Embedder) -> None:
        embedder.warm_up()
        first = embedder.embed_queries(list(TEXTS))
        embedder.warm_up()
        embedder.warm_up()
        np.testing.assert_array_equal(embedder.embed_queries(list(TEXTS)), first)

    # -- shapes and values ------------------------------------------------------------------
    @pytest.mark.parametrize("method", ["embed_queries", "embed_documents"])
    def test_shape_dtype_and_unit_rows(self, embedder: Embedder, method: str) -> None:
        out = getattr(embedder, method)(list(TEXTS))
        assert isinstance(out, np.ndarray)
        assert out.shape == (len(TEXTS), embedder.dim)
        assert out.dtype == np.float32
        assert np.isfinite(out).all()
        np.testing.assert_allclose(_norms(out), 1.0, atol=1e-5)

    @pytest.mark.parametrize("method", ["embed_queries", "embed_documents"])
    def test_empty_input_gives_zero_rows(self, embedder: Embedder, method: str) -> None:
        out = getattr(embedder, method)([])
        assert out.shape == (0, embedder.dim)
        assert out.dtype == np.float32

    def test_single_text_gives_one_row(self, embedder: Embedder) -> None:
        assert embedder.embed_queries(["refund"]).shape == (1, embedder.dim)
        assert embedder.embed_documents(["refund"]).shape == (1, embedder.dim)

    def test_accepts_any_sequence(self, embedder: Embedder) -> None:
        as_list = embedder.embed_documents(list(TEXTS))
        np.testing.assert_allclose(embedder.embed_documents(tuple(TEXTS)), as_list, atol=1e-6)

    @pytest.mark.parametrize("method", ["embed_queries", "embed_documents"])
    def test_deterministic(self, embedder: Embedder, method: str) -> None:
        first = getattr(embedder, method)(list(TEXTS))
        second = getattr(embedder, method)(list(TEXTS))
        np.testing.assert_allclose(first, second, atol=1e-6)

    def test_rows_follow_input_order_and_ignore_batching(self, embedder: Embedder) -> None:
        batch = embedder.embed_documents(list(TEXTS))
        alone = np.vstack([embedder.embed_documents([t]) for t in TEXTS])
        np.testing.assert_allclose(batch, alone, atol=self.batch_atol)
        reversed_batch = embedder.embed_documents(list(reversed(TEXTS)))
        np.testing.assert_allclose(reversed_batch[::-1], batch, atol=self.batch_atol)

    def test_distinct_texts_give_distinct_vectors(self, embedder: Embedder) -> None:
        out = embedder.embed_queries(list(TEXTS))
        sims = out @ out.T
        off_diagonal = sims[~np.eye(len(TEXTS), dtype=bool)]
        assert (off_diagonal < 0.999).all(), sims

    def test_chinese_text(self, embedder: Embedder) -> None:
        texts = ["如何申请退款？", "订单什么时候发货", "我的包裹在哪里"]
        out = embedder.embed_documents(texts)
        assert out.shape == (3, embedder.dim)
        assert np.isfinite(out).all()
        np.testing.assert_allclose(_norms(out), 1.0, atol=1e-5)
        assert not np.allclose(out[0], out[1], atol=1e-3)

    # -- similarity -------------------------------------------------------------------------
    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_similar_texts_score_higher(self, embedder: Embedder, lang: str) -> None:
        anchor, close, far = self.similar_en if lang == "en" else self.similar_zh
        q = embedder.embed_queries([anchor])[0]
        as_queries = embedder.embed_queries([close, far])
        assert q @ as_queries[0] > q @ as_queries[1]
        as_documents = embedder.embed_documents([close, far])
        assert q @ as_documents[0] > q @ as_documents[1]

    def test_identical_text_is_most_similar(self, embedder: Embedder) -> None:
        anchor, close, far = self.similar_en
        vectors = embedder.embed_queries([anchor, anchor, close, far])
        sims = vectors[0] @ vectors[1:].T
        assert sims[0] == pytest.approx(1.0, abs=1e-5)
        assert sims[0] > sims[1] and sims[0] > sims[2]


def background_texts() -> frozenset[str]:
    """The fixed sentences the index embeds once for its dense_z feature (if it has any).

    They are not knowledge entries, so counting tests leave them out.
    """
    from kefu.retrieval import index

    texts = getattr(index, "background_texts", None)
    return frozenset(texts()) if callable(texts) else frozenset()


class CountingEmbedder:
    """Wraps an embedder and records each call as (kind, texts).

    `texts()` leaves out the index's background sentences (see `background_texts`), so it
    lists exactly the knowledge texts that were embedded; `calls` keeps everything.
    """

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.ignored = background_texts()
        self.name: str = inner.name
        self.dim: int = inner.dim
        self.calls: list[tuple[str, list[str]]] = []
        self.warm_ups = 0

    def warm_up(self) -> None:
        self.warm_ups += 1
        self.inner.warm_up()

    def embed_queries(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.calls.append(("query", list(texts)))
        return self.inner.embed_queries(texts)

    def embed_documents(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.calls.append(("passage", list(texts)))
        return self.inner.embed_documents(texts)

    def texts(self, kind: str | None = None) -> list[str]:
        """Every text embedded so far (optionally only one prefix kind), in call order."""
        return [
            t
            for k, batch in self.calls
            if kind in (None, k)
            for t in batch
            if t not in self.ignored
        ]

    def reset(self) -> None:
        self.calls.clear()
