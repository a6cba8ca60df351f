"""Contracts of the swappable retrieval parts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np


@runtime_checkable
class Embedder(Protocol):
    """Turns text into L2-normalised float32 vectors, shape (n, dim)."""

    name: str
    dim: int

    def warm_up(self) -> None: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class SearchEmbedder(Embedder, Protocol):
    """An embedder whose search queries differ from the texts it stores (`RoutedEmbedder`
    embeds a query with the model for its language only). Dot products of `embed_search`
    vectors with stored vectors are the scores; they need not be unit length."""

    def embed_search(self, texts: Sequence[str]) -> np.ndarray: ...

    # How much a BM25 point counts beside the first and beside the second model's cosine
    # (models spread their cosines differently, so each needs its own weight).
    keyword_weights: tuple[float, float]

    def model_mix(self, text: str) -> float:
        """The share of this query's dense score that comes from the embedder's second model
        (0 to 1): it sets the query's BM25 weight, and tells the confidence model whose
        cosines it is reading."""
        ...


def search_vectors(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """The vectors to search with: `embed_search` where the embedder has it, else queries.

    A query is embedded with traditional characters and written Cantonese folded to simplified
    Mandarin (`kefu.text.variants.to_mandarin`): e5 places "送貨去英國要幾耐" far from the
    simplified FAQ's "寄到英国要多久" and close to it once folded (docs/retrieval.md).
    Stored entries are embedded as written. Every user of a query vector (FAQ search, intents,
    the emergency check) comes through here, so all read the same vector.
    """
    from kefu.text.variants import to_mandarin

    texts = [to_mandarin(t) for t in texts]
    if isinstance(embedder, SearchEmbedder):
        return embedder.embed_search(texts)
    return embedder.embed_queries(texts)
