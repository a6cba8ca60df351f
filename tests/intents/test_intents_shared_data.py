"""The classifier on subsets of the shared BANKING77 and CLINC150 data (n-grams only, so each
test runs in seconds on CI; the full figures with embeddings are in docs/intents.md)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kefu.intents.classifier import IntentClassifier, IntentConfig
from kefu.intents.datasets import LabelledSet, load_labelled

ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
pytestmark = [
    pytest.mark.datasets,
    pytest.mark.skipif(not ROOT.is_dir(), reason=f"shared data sets not found at {ROOT}"),
]


def _subset(data: LabelledSet, keep: set[str]) -> tuple[list[str], list[str]]:
    rows = [(t, lab) for t, lab in zip(data.texts, data.labels, strict=True) if lab in keep]
    return [t for t, _ in rows], [lab for _, lab in rows]


def test_banking77_subset_accuracy() -> None:
    train = load_labelled("banking77:train", root=ROOT)
    test = load_labelled("banking77:test", root=ROOT)
    keep = set(train.classes[:20])  # 20 of 77 intents, ~2,600 training rows
    model = IntentClassifier(IntentConfig(embedder=None, reject_rate=0.0))
    model.fit(*_subset(train, keep))
    texts, gold = _subset(test, keep)
    predicted = [p.intent for p in model.predict(texts)]
    accuracy = float(np.mean([p == g for p, g in zip(predicted, gold, strict=True)]))
    assert accuracy >= 0.88, accuracy


def test_clinc150_subset_out_of_scope() -> None:
    train = load_labelled("clinc150:train", root=ROOT)
    val = load_labelled("clinc150:val", root=ROOT)
    test = load_labelled("clinc150:test", root=ROOT)
    intents = [c for c in train.classes if c != "oos"]
    keep = set(intents[:30]) | {"oos"}
    model = IntentClassifier(IntentConfig(embedder=None))
    vt, vl = _subset(val, keep)
    report = model.fit(*_subset(train, keep), val_texts=vt, val_labels=vl)
    assert report.threshold_method == "recall"  # the default rule
    texts, gold = _subset(test, keep)
    labels = [p.label for p in model.predict(texts)]
    inscope = [i for i, g in enumerate(gold) if g != "oos"]
    oos = [i for i, g in enumerate(gold) if g == "oos"]
    inscope_accuracy = np.mean([labels[i] == gold[i] for i in inscope])
    oos_recall = np.mean([labels[i] == "oos" for i in oos])
    assert inscope_accuracy >= 0.85, inscope_accuracy
    assert oos_recall >= 0.5, oos_recall
