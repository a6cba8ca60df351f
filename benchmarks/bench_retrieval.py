"""Rows 1, 2 (curated turn) and 5: retrieval latency, curated-turn latency, ingest throughput."""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING

from _common import Context, Row, alternate, dev_queries, log, median, pct, write_faq_csv

if TYPE_CHECKING:
    from kefu.retrieval.index import KnowledgeIndex

_INDEX_CACHE: dict[int, KnowledgeIndex] = {}


def index_of(ctx: Context, n: int) -> KnowledgeIndex:
    if n not in _INDEX_CACHE:
        log(f"building a {n:,}-entry index (real vectors tiled + perturbed, synthetic BM25 texts)")
        start = time.perf_counter()
        _INDEX_CACHE[n] = ctx.synthetic_index(n)
        log(f"  built in {time.perf_counter() - start:.1f} s")
    return _INDEX_CACHE[n]


def _queries(ctx: Context, n: int) -> list[str]:
    qs = [q["query"] for q in dev_queries()]
    random.Random(ctx.seed).shuffle(qs)
    return qs[:n]


def bench_retrieval(ctx: Context) -> list[Row]:
    import numpy as np

    sizes = [1_000, 10_000] if ctx.quick else [1_000, 10_000, 100_000]
    n_queries = 20 if ctx.quick else 80
    queries = _queries(ctx, n_queries)
    rows: list[Row] = []
    embed_times: list[float] = []
    product_times: list[float] = []
    for size in sizes:
        index = index_of(ctx, size)
        assert index._dense is not None
        matrix = index._dense.vectors  # the same matrix kefu searches
        kefu_t: list[float] = []
        ref_t: list[float] = []

        def kefu(q: str, index: KnowledgeIndex = index, kefu_t: list[float] = kefu_t) -> None:
            start = time.perf_counter()
            index.search(q, top_k_=5)
            kefu_t.append(time.perf_counter() - start)

        def ref(
            q: str, matrix: np.ndarray = matrix, record: bool = False, ref_t: list[float] = ref_t
        ) -> None:
            start = time.perf_counter()
            v = ctx.raw_query_vector(q)
            mid = time.perf_counter()
            scores = matrix @ v
            np.argsort(-scores)[:5]
            end = time.perf_counter()
            ref_t.append(end - start)
            if record:
                embed_times.append(mid - start)
                product_times.append(end - mid)

        for q in queries[:3]:  # warm both paths
            kefu(q)
            ref(q)
        kefu_t.clear()
        ref_t.clear()
        last = size == sizes[-1]
        for i, q in enumerate(queries):
            alternate(i, lambda q=q: kefu(q), lambda q=q, r=last: ref(q, record=r))
        ms = 1000.0
        target = "<= 15 ms" if size == 100_000 else ""
        p50 = pct(kefu_t, 50) * ms
        rows.append(
            Row(
                "retrieval",
                f"retrieval p50 @ {size:,} entries (incl. query embedding)",
                p50,
                "ms",
                pct(ref_t, 50) * ms,
                "numpy matrix@q + argsort, + bare model query embedding",
                target,
                (p50 <= 15.0) if target else None,
                extra={"n_queries": len(queries), "kefu_s": kefu_t, "ref_s": ref_t},
            )
        )
        rows.append(
            Row(
                "retrieval",
                f"retrieval p95 @ {size:,} entries",
                pct(kefu_t, 95) * ms,
                "ms",
                pct(ref_t, 95) * ms,
                "numpy matrix@q + argsort, + bare model query embedding",
            )
        )
        log(f"  {size:,}: kefu p50 {p50:.1f} ms, reference p50 {pct(ref_t, 50) * ms:.1f} ms")
    rows.append(
        Row(
            "retrieval",
            "query embedding alone (bare model) p50",
            median(embed_times) * 1000.0,
            "ms",
            median(product_times) * 1000.0,
            f"numpy matrix@q + argsort alone @ {sizes[-1]:,}",
            note="where a search's time goes",
        )
    )
    return rows


def bench_curated_turn(ctx: Context) -> list[Row]:
    """A whole warm turn on the curated path (10k-entry KB, temporary SQLite, new session)."""
    from kefu.dialogue.assistant import Assistant
    from kefu.knowledge.base import KnowledgeBase

    size = 10_000
    index = index_of(ctx, size)
    settings = ctx.settings("turn")  # SQLite file in a temporary KEFU_HOME
    kb = KnowledgeBase(settings, embedder=ctx.embedder, tokenizer=ctx.tokenizer)
    kb._index = index  # inject the prebuilt index (the KB then never re-embeds)
    assistant = Assistant(settings, kb=kb, llm=ctx.llm)
    assistant.warm_up(llm=False)
    # Keep only questions that the product answers with a curated FAQ answer at this size.
    candidates = [q["query"] for q in dev_queries(answerable=True)]
    candidates += [e.text for e in ctx.base[0][:200]]
    random.Random(ctx.seed).shuffle(candidates)
    want = 15 if ctx.quick else 60
    chosen: list[str] = []
    tried = 0
    for q in candidates:
        tried += 1
        if assistant.plan(q, []).mode == "curated":
            chosen.append(q)
            if len(chosen) == want:
                break
    log(f"  {len(chosen)} of {tried} candidate questions take the curated path at 10k")
    turn_t: list[float] = []
    ref_t: list[float] = []
    modes: dict[str, int] = {}

    def turn(q: str) -> None:
        sid = assistant.start(channel="bench")
        start = time.perf_counter()
        answer = assistant.ask(q, session_id=sid)
        turn_t.append(time.perf_counter() - start)
        modes[answer.mode] = modes.get(answer.mode, 0) + 1

    def ref(q: str) -> None:
        start = time.perf_counter()
        kb.search(q)
        ref_t.append(time.perf_counter() - start)

    for q in chosen[:3]:
        turn(q)
        ref(q)
    turn_t.clear()
    ref_t.clear()
    modes.clear()
    for i, q in enumerate(chosen):
        alternate(i, lambda q=q: turn(q), lambda q=q: ref(q))
    p50 = pct(turn_t, 50) * 1000.0
    note = "ask() with a session: triage, retrieval, confidence, policy, 1 SQLite transaction"
    return [
        Row(
            "turn",
            "curated turn p50 @ 10,000 entries",
            p50,
            "ms",
            pct(ref_t, 50) * 1000.0,
            "the same index search alone",
            "<= 25 ms",
            p50 <= 25.0,
            note=note,
            extra={"modes": modes, "questions": len(chosen), "turn_s": turn_t, "ref_s": ref_t},
        ),
        Row(
            "turn",
            "curated turn p95 @ 10,000 entries",
            pct(turn_t, 95) * 1000.0,
            "ms",
            pct(ref_t, 95) * 1000.0,
            "the same index search alone",
        ),
    ]


def _ingest_rows(ctx: Context, n: int) -> list[tuple[str, str, str, str]]:
    """n distinct FAQ rows made from the demo packs' questions and answer sentences."""
    questions, sentences = ctx.sentence_pool
    rng = random.Random(ctx.seed + 7)
    rows = []
    for i in range(n):
        q = questions[rng.randrange(len(questions))][0]
        extra = sentences[rng.randrange(len(sentences))][0]
        answer = " ".join(sentences[rng.randrange(len(sentences))][0] for _ in range(2))
        rows.append((f"gen-{i:05d}", f"{q} {extra}", answer, "generated"))
    return rows


def bench_ingest(ctx: Context) -> list[Row]:
    from kefu.ingest import load_file
    from kefu.knowledge.base import KnowledgeBase
    from kefu.retrieval.index import embedding_views

    n = 150 if ctx.quick else 1000
    path = ctx.tmp / "ingest" / f"faq_{n}.csv"
    write_faq_csv(path, iter(_ingest_rows(ctx, n)))
    entries = load_file(path)
    texts = [text for e in entries for _, text in embedding_views(e)]  # all "query" views
    log(f"bare model embedding of the {len(texts)} view texts of {n} rows")
    start = time.perf_counter()
    ctx.raw_embed(texts)
    ref_s = time.perf_counter() - start
    kb = KnowledgeBase(ctx.settings("ingest"), embedder=ctx.embedder, tokenizer=ctx.tokenizer)
    kb.warm_up()  # empty KB: opens SQLite, builds an empty index
    log(f"KnowledgeBase.add of the {n}-row CSV")
    start = time.perf_counter()
    report = kb.add([path])
    kefu_s = time.perf_counter() - start
    if not report.ok or report.embedded != len(entries):
        raise RuntimeError(f"ingest went wrong: {report}")
    kefu_rate, ref_rate = len(entries) / kefu_s, len(entries) / ref_s
    return [
        Row(
            "ingest",
            f"ingest throughput, {len(entries):,}-row FAQ CSV (KnowledgeBase.add)",
            kefu_rate,
            "entries/s",
            ref_rate,
            "bare model(s) on the same texts (2 views/entry)",
            higher_is_better=True,
            note="add = parse + SQLite + embed + BM25 + save index",
            extra={"kefu_s": kefu_s, "ref_s": ref_s, "texts": len(texts)},
        )
    ]
