"""Row 7: FAQ quality on the held-out set, at the calibrated threshold, with dense-only and
BM25-only rankings of the same index as references."""

from __future__ import annotations

from typing import Any

from _common import DATA, Context, Row, log


def _ranker_recall(ctx: Context, queries: list[Any], which: str) -> dict[str, dict[str, float]]:
    """recall@1 / recall@5 / MRR of one ranker alone, overall and per language."""
    import numpy as np

    from kefu.retrieval.base import search_vectors

    index = ctx.heldout_kb.index
    assert index._dense is not None and index._bm25 is not None
    ids = [e.id for e in index.entries]
    per: dict[str, list[int | None]] = {}
    answerable = [q for q in queries if q.expected is not None]
    texts = [q.query for q in answerable]
    vectors = search_vectors(ctx.embedder, texts) if which == "dense" else None
    for n, q in enumerate(answerable):
        if vectors is not None:
            scores = index._dense.entry_scores(vectors[n], len(ids))
        else:
            tokens = ctx.tokenizer.tokenize(q.query)
            scores = index._bm25.get_scores(tokens)
        order = np.argsort(-scores, kind="stable")
        if which == "bm25" and not np.any(scores > 0):
            rank = None  # BM25 found nothing: no ranking at all
        else:
            ranked = [ids[i] for i in order[:5]]
            rank = ranked.index(q.expected) + 1 if q.expected in ranked else None
        for key in ("overall", q.language):
            per.setdefault(key, []).append(rank)
    out = {}
    for key, ranks in per.items():
        n = len(ranks)
        out[key] = {
            "recall@1": round(sum(1 for r in ranks if r == 1) / n, 4),
            "recall@5": round(sum(1 for r in ranks if r is not None) / n, 4),
            "mrr": round(sum(1.0 / r for r in ranks if r) / n, 4),
        }
    return out


def bench_quality(ctx: Context) -> list[Row]:
    from kefu.dialogue.confidence import ConfidenceModel
    from kefu.evaluation.faq import load_queries, run_queries, summarize

    kb = ctx.heldout_kb
    confidence = ConfidenceModel.load()
    threshold = confidence.curated_threshold
    queries = load_queries(DATA / "heldout_queries.jsonl")
    log(f"held-out quality: {len(queries)} queries, threshold {threshold}")
    results = run_queries(lambda q: kb.search(q), confidence.predict, queries)
    summary = summarize(results, threshold)
    dense = _ranker_recall(ctx, queries, "dense")
    bm25 = _ranker_recall(ctx, queries, "bm25")
    o = summary["overall"]
    detail = {"kefu": summary, "dense_only": dense, "bm25_only": bm25, "threshold": threshold}
    n = f"{o['answerable']} answerable + {o['unanswerable']} unanswerable queries"
    rows = [
        Row(
            "quality",
            "held-out recall@1 (hybrid)",
            o["recall@1"],
            "",
            dense["overall"]["recall@1"],
            "dense-only (cosine) recall@1",
            ">= 0.90",
            o["recall@1"] >= 0.90,
            higher_is_better=True,
            note=n,
            extra=detail,
        ),
        Row(
            "quality",
            "held-out recall@1 (hybrid)",
            o["recall@1"],
            "",
            bm25["overall"]["recall@1"],
            "BM25-only recall@1",
            ">= 0.90",
            o["recall@1"] >= 0.90,
            higher_is_better=True,
        ),
        Row(
            "quality",
            "held-out recall@5",
            o["recall@5"],
            "",
            dense["overall"]["recall@5"],
            "dense-only recall@5",
            higher_is_better=True,
        ),
        Row(
            "quality",
            "held-out MRR",
            o["mrr"],
            "",
            dense["overall"]["mrr"],
            "dense-only MRR",
            higher_is_better=True,
        ),
    ]
    for key, target in (
        ("answered_correct", ""),
        ("answered_wrong", ""),
        ("decline_recall", ">= 0.90"),
        ("decline_precision", ""),
    ):
        value = float(o[key])
        rows.append(
            Row(
                "quality",
                f"held-out {key} @ t={threshold}",
                value,
                "",
                None,
                "none (ranking references only)",
                target,
                (value >= 0.90) if target else None,
                higher_is_better=key != "answered_wrong",
            )
        )
    return rows


def quality_detail_table(extra: dict[str, Any]) -> str:
    """Per-language Markdown table from the first quality row's extra."""
    kefu, dense, bm25 = extra["kefu"], extra["dense_only"], extra["bm25_only"]
    cols = [
        "recall@1",
        "recall@5",
        "mrr",
        "answered_correct",
        "answered_wrong",
        "decline_recall",
        "decline_precision",
    ]
    head = "| set | queries | " + " | ".join(cols) + " | dense-only r@1 | BM25-only r@1 |"
    lines = [head, "|" + "---|" * (len(cols) + 4)]
    for key in ["overall", *sorted(k for k in kefu if k != "overall")]:
        m = kefu[key]
        vals = " | ".join(f"{float(m[c]):.3f}" for c in cols)
        d = dense.get(key, {}).get("recall@1", float("nan"))
        b = bm25.get(key, {}).get("recall@1", float("nan"))
        lines.append(f"| {key} | {m['queries']} | {vals} | {d:.3f} | {b:.3f} |")
    return "\n".join(lines)
