"""Out-of-scope detection: choose the confidence threshold below which a message is "none of
the intents I know", on validation data, never on the test split.

Method (docs/intents.md): every distinct confidence on the validation rows is a candidate
threshold; the chosen one maximises in-scope accuracy + out-of-scope recall, where a rejected
in-scope message counts as an error. This weighs the two kinds of mistake equally, whatever the
share of out-of-scope rows in the validation set (CLINC150's has 100 among 3,100). Ties go to
the lowest threshold, which rejects least, and the threshold is then moved half way down to
the next lower confidence (the same choice on these rows, with a margin for new ones).

Without out-of-scope examples there is nothing to balance against: the threshold is then the
``reject_rate`` quantile of the held-out in-scope confidences, so that about that share of
in-scope messages would be sent to a person rather than answered with a wrong intent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class ThresholdChoice:
    threshold: float
    method: str  # "balanced" or "quantile"
    inscope_accuracy: float  # on the validation rows, at the threshold
    oos_recall: float | None  # None without out-of-scope rows


def choose_threshold(
    confidence: np.ndarray,
    predicted: Sequence[str],
    gold: Sequence[str],
    *,
    oos_label: str,
    reject_rate: float = 0.01,
) -> ThresholdChoice:
    """``confidence``: the model's in-scope confidence per validation row; ``predicted``: its
    best in-scope (or out-of-scope) label; ``gold``: the true labels."""
    import numpy as np

    conf = np.asarray(confidence, dtype=np.float64)
    pred = np.asarray(predicted, dtype=object)
    true = np.asarray(gold, dtype=object)
    is_oos = true == oos_label
    said_oos = pred == oos_label
    inscope = ~is_oos
    correct = (pred == true) & inscope
    if not is_oos.any():
        if not inscope.any():
            return ThresholdChoice(0.0, "quantile", 0.0, None)
        t = float(np.quantile(conf[inscope], reject_rate)) if reject_rate > 0 else 0.0
        acc = float((correct & (conf >= t)).sum() / inscope.sum())
        return ThresholdChoice(t, "quantile", acc, None)
    # Sort once; for threshold t = conf[k] the rows at or above it are kept.
    order = np.argsort(conf, kind="stable")
    sorted_conf = conf[order]
    candidates = np.unique(np.concatenate([[0.0], sorted_conf]))
    n_in, n_oos = max(int(inscope.sum()), 1), int(is_oos.sum())
    best: tuple[float, float, float, float] | None = None  # (score, t, acc, rec)
    # Cumulative counts over rows sorted by confidence give every candidate in O(n log n).
    kept_correct = np.cumsum(correct[order][::-1])[::-1]  # rows with conf >= sorted_conf[i]
    caught_low = np.cumsum(is_oos[order])  # oos rows with conf <= sorted_conf[i]
    # An out-of-scope row above the threshold is still caught if the model itself says oos.
    said_high = np.cumsum((said_oos & is_oos)[order][::-1])[::-1]
    for t in candidates:
        i = int(np.searchsorted(sorted_conf, t, side="left"))  # first kept row
        acc = float(kept_correct[i]) / n_in if i < len(conf) else 0.0
        rejected_oos = int(caught_low[i - 1]) if i > 0 else 0
        kept_said = int(said_high[i]) if i < len(conf) else 0
        rec = (rejected_oos + kept_said) / n_oos
        score = acc + rec
        if best is None or score > best[0] + 1e-12:
            best = (score, float(t), acc, rec)
    assert best is not None
    # Any value between the chosen candidate and the next lower one scores the same on these
    # rows; the midpoint leaves a margin on both sides for messages not seen yet.
    k = int(np.searchsorted(candidates, best[1]))
    t = (candidates[k - 1] + candidates[k]) / 2 if k > 0 else best[1]
    return ThresholdChoice(float(t), "balanced", best[2], best[3])
