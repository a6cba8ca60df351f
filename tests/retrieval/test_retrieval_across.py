"""The search across languages (kefu.retrieval.across) with a fake multilingual embedder: a
question finds an entry written only in the other language, only when its own language has
nothing confident, and only when the match clears the bar."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import numpy as np
import pytest

from kefu.retrieval.across import search_across, with_other_language
from kefu.retrieval.embedders import HashingEmbedder
from kefu.retrieval.features import CROSS_FLAG
from kefu.retrieval.index import KnowledgeIndex
from kefu.storage.knowledge_repo import entry_text_hash
from kefu.text.tokenize import MixedTokenizer
from kefu.types import Entry

# What the fake reads as one meaning in either language (a toy stand-in for e5).
CONCEPTS = {
    "refund": "REFUND", "退款": "REFUND", "退钱": "REFUND",
    "invoice": "INVOICE", "发票": "INVOICE", "receipt": "INVOICE",
    "download": "DOWNLOAD", "下载": "DOWNLOAD",
    "pet": "PET", "cat": "PET", "dog": "PET", "猫": "PET", "狗": "PET", "宠物": "PET",
    "allowed": "ALLOW", "can": "ALLOW", "可以": "ALLOW", "允许": "ALLOW", "能": "ALLOW",
    "deposit": "DEPOSIT", "押金": "DEPOSIT", "按金": "DEPOSIT",
    "back": "RETURN", "return": "RETURN", "退还": "RETURN", "退": "RETURN",
}  # fmt: skip


class ConceptEmbedder:
    """Built like the routed embedder: a stored text is ``[concepts, words] / sqrt(2)``; a
    search reads the words only (as MiniLM reads no Chinese), a search across languages the
    concepts only, so "can I have a cat" and "可以养猫吗" meet there (PET, ALLOW)."""

    name = "concepts"
    dim = 256
    keyword_weights = (0.0025, 0.02)
    _half = 0.7071067811865476

    def __init__(self) -> None:
        self.words = HashingEmbedder(128)

    def warm_up(self) -> None:
        return None

    def model_mix(self, text: str) -> float:
        return 1.0

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_documents(texts)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        both = np.concatenate([_concepts(texts), self.words.embed_documents(texts)], axis=1)
        return (both * self._half).astype(np.float32)

    def embed_search(self, texts: Sequence[str]) -> np.ndarray:
        zeros = np.zeros((len(texts), 128), dtype=np.float32)
        both = np.concatenate([zeros, self.words.embed_documents(texts)], axis=1)
        return (both / self._half).astype(np.float32)

    def embed_across(self, texts: Sequence[str]) -> np.ndarray:
        zeros = np.zeros((len(texts), 128), dtype=np.float32)
        return (np.concatenate([_concepts(texts), zeros], axis=1) / self._half).astype(np.float32)


def _concepts(texts: Sequence[str]) -> np.ndarray:
    out = np.zeros((len(texts), 128), dtype=np.float32)
    for row, text in enumerate(texts):
        low = text.casefold()
        for word, concept in CONCEPTS.items():
            if word in low:
                h = int.from_bytes(hashlib.blake2b(concept.encode()).digest()[:4], "little")
                out[row, h % 127] = 1.0
        out[row, 127] = 0.2  # every text a little alike, as real embeddings are
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def faq(i: str, question: str, answer: str, language: str) -> Entry:
    return Entry(id=i, kind="faq", text=question, answer=answer, language=language)


ENTRIES = [
    # English only
    faq("en-pets", "Are pets allowed in the flat?", "Cats are fine; ask us before a dog.", "en"),
    faq("en-invoice", "How do I get an invoice?", "Open Billing and choose Invoices.", "en"),
    # Chinese only
    faq("zh-deposit", "押金什么时候退还？", "搬出后14天内退还押金。", "zh"),
    faq("zh-download", "发票怎么下载？", "在“我的发票”页面点击下载PDF。", "zh"),
]


@pytest.fixture
def index(tokenizer: MixedTokenizer) -> KnowledgeIndex:
    idx = KnowledgeIndex(ConceptEmbedder(), tokenizer)
    idx.build([(e, entry_text_hash(e)) for e in ENTRIES])
    return idx


def dense_top(features: Mapping[str, float]) -> float:
    """A stand-in confidence: the top cosine (the flag changes nothing here)."""
    return features.get("dense_top", 0.0)


def across(index: KnowledgeIndex, query: str, threshold: float = 0.8) -> str | None:
    result = with_other_language(
        index,
        query,
        index.search(query),
        dense_top,
        faq_threshold=threshold,
        chunk_threshold=threshold,
    )
    if dense_top(result.features) < threshold or not result.passages:
        return None
    return result.passages[0].entry.id


def test_search_across_looks_only_at_the_other_language(index: KnowledgeIndex) -> None:
    result = search_across(index, "when do I get my deposit back", "zh")
    assert result is not None
    assert [p.entry.language for p in result.passages] == ["zh", "zh"]
    assert result.passages[0].entry.id == "zh-deposit"
    assert result.features["second_model"] == 0.0  # read on the multilingual model's scale
    english = search_across(index, "可以养猫吗", "en")
    assert english is not None and english.passages[0].entry.id == "en-pets"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("when do I get my deposit back?", "zh-deposit"),  # English asks, only Chinese says
        ("how can I download my invoice", "zh-download"),
        ("可以养猫吗", "en-pets"),  # Chinese asks, only English says
        ("允许养宠物吗？", "en-pets"),
    ],
)
def test_a_question_finds_the_entry_written_only_in_the_other_language(
    index: KnowledgeIndex, query: str, expected: str
) -> None:
    assert across(index, query) == expected


def test_the_result_across_languages_is_flagged_and_keeps_the_questions_vector(
    index: KnowledgeIndex,
) -> None:
    query = "when do I get my deposit back?"
    own = index.search(query)
    result = with_other_language(
        index, query, own, dense_top, faq_threshold=0.8, chunk_threshold=0.8
    )
    assert result.features[CROSS_FLAG] == 1.0
    assert result.query_vector is own.query_vector  # the emergency check reads this one


def test_a_confident_answer_in_the_questions_language_wins(index: KnowledgeIndex) -> None:
    # "invoice" has an English entry: the Chinese download entry is never looked at.
    query = "How do I get an invoice?"
    own = index.search(query)
    assert dense_top(own.features) >= 0.8
    result = with_other_language(
        index, query, own, dense_top, faq_threshold=0.8, chunk_threshold=0.8
    )
    assert result is own
    assert CROSS_FLAG not in result.features


def test_nothing_confident_in_either_language_stays_declined(index: KnowledgeIndex) -> None:
    assert across(index, "what is the wifi password") is None
    assert across(index, "停车场在哪里") is None


def test_a_match_below_the_bar_is_not_used(index: KnowledgeIndex) -> None:
    assert across(index, "when do I get my deposit back?", threshold=1.01) is None


def test_an_embedder_that_only_reads_words_does_not_search_across(
    tokenizer: MixedTokenizer,
) -> None:
    idx = KnowledgeIndex(HashingEmbedder(), tokenizer)
    idx.build([(e, entry_text_hash(e)) for e in ENTRIES])
    assert search_across(idx, "when do I get my deposit back", "zh") is None


def test_no_entries_in_the_other_language(tokenizer: MixedTokenizer) -> None:
    idx = KnowledgeIndex(ConceptEmbedder(), tokenizer)
    idx.build([(e, entry_text_hash(e)) for e in ENTRIES if e.language == "en"])
    assert search_across(idx, "押金什么时候退还", "zh") is None
    assert search_across(idx, "押金什么时候退还", "en") is not None
