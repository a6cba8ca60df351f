"""Span-level evaluation of ``detect_pii`` against labelled examples.

A prediction counts only when kind, start and end all equal a gold span (exact match)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kefu.guard.pii import KINDS, detect_pii


def load_examples(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file of ``{"text": ..., "spans": [{"kind", "start", "end"}]}`` rows."""
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _scores(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "support": tp + fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def evaluate(examples: Iterable[Mapping[str, Any]], *, max_errors: int = 20) -> dict[str, Any]:
    """Precision/recall/F1 overall and per kind, plus up to ``max_errors`` mistakes."""
    counts = {k: [0, 0, 0] for k in KINDS}  # tp, fp, fn
    errors: list[dict[str, Any]] = []
    n = 0
    for example in examples:
        n += 1
        text = example["text"]
        gold = {(s["kind"], s["start"], s["end"]) for s in example["spans"]}
        pred = {(s.kind, s.start, s.end) for s in detect_pii(text)}
        # a gold kind this version does not know is still counted (as missed)
        for kind, *_ in gold & pred:
            counts.setdefault(kind, [0, 0, 0])[0] += 1
        for kind, *_ in pred - gold:
            counts.setdefault(kind, [0, 0, 0])[1] += 1
        for kind, *_ in gold - pred:
            counts.setdefault(kind, [0, 0, 0])[2] += 1
        if gold != pred and len(errors) < max_errors:
            errors.append(
                {"text": text, "missed": sorted(gold - pred), "spurious": sorted(pred - gold)}
            )
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "examples": n,
        "overall": _scores(*total),
        "per_kind": {k: _scores(*c) for k, c in counts.items() if any(c)},
        "errors": errors,
    }
