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
    """The vectors to search with: `embed_search` where the embedder has it, else queries."""
    if isinstance(embedder, SearchEmbedder):
        return embedder.embed_search(texts)
    return embedder.embed_queries(texts)
