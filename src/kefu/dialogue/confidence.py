"""A calibrated confidence: P(the top passage answers the question), from retrieval evidence.

A logistic regression over a handful of features (`kefu.retrieval.index.FEATURE_NAMES`),
fitted by ``scripts/calibrate.py`` on development data only (our own dev sets and public
validation splits, never a test split). The coefficients ship in ``calibration.json`` next to
this file; the thresholds that turn the probability into a decision are chosen in the same run
(see docs/thresholds.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kefu.retrieval.index import FEATURE_NAMES


@dataclass(frozen=True)
class ConfidenceModel:
    weights: tuple[float, ...]
    bias: float
    curated_threshold: float = 0.5
    answer_threshold: float = 0.5
    meta: Mapping[str, Any] | None = None

    def predict(self, features: Mapping[str, float]) -> float:
        if not features or (features.get("dense_top", 0.0) == 0.0 and not any(features.values())):
            return 0.0
        z = self.bias + sum(
            w * float(features.get(name, 0.0))
            for w, name in zip(self.weights, FEATURE_NAMES, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path: Path | None = None) -> ConfidenceModel:
        if path is None:
            text = resources.files("kefu.dialogue").joinpath("calibration.json").read_text("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        if list(data["features"]) != list(FEATURE_NAMES):
            raise ValueError("calibration file was fitted on other features; re-run calibrate")
        return cls(
            weights=tuple(float(w) for w in data["weights"]),
            bias=float(data["bias"]),
            curated_threshold=float(data["curated_threshold"]),
            answer_threshold=float(data["answer_threshold"]),
            meta=data.get("meta"),
        )


def fit_logistic(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    *,
    l2: float = 1e-2,
    steps: int = 3000,
    lr: float = 0.5,
) -> tuple[list[float], float]:
    """Plain batch gradient descent on the L2-regularised log loss (numpy, deterministic)."""
    import numpy as np

    x = np.asarray(rows, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] != y.shape[0] or x.shape[0] == 0:
        raise ValueError("need a non-empty (n, d) matrix and n labels")
    w = np.zeros(x.shape[1])
    b = 0.0
    n = x.shape[0]
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / n + l2 * w
        grad_b = float(np.mean(p - y))
        w -= lr * grad_w
        b -= lr * grad_b
    return [float(v) for v in w], b
