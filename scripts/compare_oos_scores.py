"""Out-of-scope scores compared on validation data only: the best probability against the
probability plus the distance to the nearest intent (kefu.intents.distance).

    .venv/bin/python scripts/compare_oos_scores.py      # ~2 min with a warm embedding cache

The classifier is fitted once on clinc150:train. clinc150:val is then split in two halves 20
times (seeded): one half chooses the threshold by the default rule, the other half is scored,
and the other way round. The test split stays for reporting (../shared/datasets/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu.intents.classifier import (  # noqa: E402
    IntentClassifier,
    IntentConfig,
    _threshold_options,
)
from kefu.intents.datasets import load_labelled  # noqa: E402
from kefu.intents.oos import choose_threshold  # noqa: E402

SPLITS = 20


def main() -> None:
    import numpy as np

    train, val = load_labelled("clinc150:train"), load_labelled("clinc150:val")
    model = IntentClassifier(IntentConfig())
    assert model.embeddings is not None
    emb = model.embeddings(list(train.texts) + list(val.texts))
    train_emb, val_emb = emb[: len(train.texts)], emb[len(train.texts) :]
    model._fit_model(train.texts, train.labels, train_emb, lambda _: None, {})
    distance = model.distance
    gold = np.asarray(val.labels, dtype=object)
    texts = list(val.texts)
    oos = model.config.oos_label
    print("score        in-scope accuracy  out-of-scope recall   (mean ± sd over halves)")
    for name in ("probability", "distance"):
        model.distance = distance if name == "distance" else None
        rng = np.random.default_rng(0)
        results = []
        for _ in range(SPLITS):
            order = rng.permutation(len(gold))
            halves = order[: len(order) // 2], order[len(order) // 2 :]
            for a, b in (halves, halves[::-1]):
                conf, pred = model._validation_scores(
                    [texts[i] for i in a], list(gold[a]), val_emb[a]
                )
                choice = choose_threshold(
                    conf, pred, list(gold[a]), **_threshold_options(model.config)
                )
                model.threshold = choice.threshold
                labels = np.asarray(
                    [p.label for p in model.predict([texts[i] for i in b], emb=val_emb[b])],
                    dtype=object,
                )
                inscope = gold[b] != oos
                results.append(
                    (
                        float((labels[inscope] == gold[b][inscope]).mean()),
                        float((labels[~inscope] == oos).mean()),
                    )
                )
        mean, sd = np.mean(results, axis=0), np.std(results, axis=0)
        print(f"{name:12s} {mean[0]:.4f} ± {sd[0]:.4f}     {mean[1]:.4f} ± {sd[1]:.4f}")


if __name__ == "__main__":
    main()
