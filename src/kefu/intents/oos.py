"""Out-of-scope detection: choose the confidence threshold below which a message is "none of
the intents I know", on validation data, never on the test split.

Every distinct confidence on the validation rows is a candidate threshold (a rejected in-scope
message counts as an error). Two rules pick one (``IntentConfig.oos_rule``, docs/intents.md):

- ``"recall"``: the lowest candidate whose out-of-scope recall reaches ``target_recall``.
  Recall only grows with the threshold and in-scope accuracy only falls, so this is the
  threshold that rejects fewest in-scope messages while catching the share of out-of-scope
  ones the business asked for. Where no candidate reaches the target (an out-of-scope row the
  model is sure about and calls in-scope), the lowest one of the highest recall.
- ``"balanced"``: the candidate that maximises in-scope accuracy + out-of-scope recall. This
  weighs the two kinds of mistake equally, whatever the share of out-of-scope rows (CLINC150's
  validation split has 100 among 3,100), and so buys recall with many rejected in-scope
  messages when the out-of-scope rows are few. Ties go to the lowest threshold.

Either way the threshold is then moved half way down to the next lower confidence: the same
choice on these rows, with a margin for new ones.

Without out-of-scope examples there is nothing to balance against: the threshold is then the
``reject_rate`` quantile of the held-out in-scope confidences, so that about that share of
in-scope messages would be sent to a person rather than answered with a wrong intent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np

OosRule = Literal["balanced", "recall"]
OosScore = Literal["distance", "probability"]
OOS_SCORES: tuple[OosScore, ...] = ("distance", "probability")
OOS_RULES: tuple[OosRule, ...] = ("balanced", "recall")


@dataclass(frozen=True)
class ThresholdChoice:
    threshold: float
    method: str  # "balanced", "recall" or "quantile"
    inscope_accuracy: float  # on the validation rows, at the threshold
    oos_recall: float | None  # None without out-of-scope rows


@dataclass(frozen=True)
class Curves:
    """In-scope accuracy and out-of-scope recall at each candidate threshold (ascending)."""

    candidates: np.ndarray
    inscope_accuracy: np.ndarray
    oos_recall: np.ndarray


def threshold_curves(
    confidence: np.ndarray, predicted: Sequence[str], gold: Sequence[str], *, oos_label: str
) -> Curves:
    """Both measures for every candidate threshold in O(n log n); rows at or above a
    threshold are kept, and an out-of-scope row that is kept still counts as caught when the
    model's own top class is the out-of-scope one."""
    import numpy as np

    conf = np.asarray(confidence, dtype=np.float64)
    pred = np.asarray(predicted, dtype=object)
    true = np.asarray(gold, dtype=object)
    is_oos = true == oos_label
    correct = (pred == true) & ~is_oos
    n_in, n_oos = max(int((~is_oos).sum()), 1), max(int(is_oos.sum()), 1)
    order = np.argsort(conf, kind="stable")
    sorted_conf = conf[order]
    candidates = np.unique(np.concatenate([[0.0], sorted_conf]))
    first_kept = np.searchsorted(sorted_conf, candidates, side="left")  # (n_candidates,)
    # Suffix sums over rows sorted by confidence, with a trailing 0 for "nothing kept".
    kept_correct = np.concatenate([np.cumsum(correct[order][::-1])[::-1], [0]])
    said_high = np.concatenate([np.cumsum((is_oos & (pred == oos_label))[order][::-1])[::-1], [0]])
    rejected_oos = np.concatenate([[0], np.cumsum(is_oos[order])])  # oos rows below row i
    accuracy = kept_correct[first_kept] / n_in
    recall = (rejected_oos[first_kept] + said_high[first_kept]) / n_oos
    return Curves(candidates, accuracy.astype(np.float64), recall.astype(np.float64))


def choose_threshold(
    confidence: np.ndarray,
    predicted: Sequence[str],
    gold: Sequence[str],
    *,
    oos_label: str,
    reject_rate: float = 0.01,
    rule: OosRule = "balanced",
    target_recall: float = 0.88,
) -> ThresholdChoice:
    """``confidence``: the model's in-scope confidence per validation row; ``predicted``: its
    best in-scope (or out-of-scope) label; ``gold``: the true labels."""
    import numpy as np

    conf = np.asarray(confidence, dtype=np.float64)
    true = np.asarray(gold, dtype=object)
    is_oos = true == oos_label
    inscope = ~is_oos
    if not is_oos.any():
        if not inscope.any():
            return ThresholdChoice(0.0, "quantile", 0.0, None)
        correct = (np.asarray(predicted, dtype=object) == true) & inscope
        t = float(np.quantile(conf[inscope], reject_rate)) if reject_rate > 0 else 0.0
        acc = float((correct & (conf >= t)).sum() / inscope.sum())
        return ThresholdChoice(t, "quantile", acc, None)
    if rule not in OOS_RULES:
        from kefu.errors import ConfigError

        raise ConfigError(f"unknown out-of-scope rule {rule!r}; choose {' or '.join(OOS_RULES)}")
    curves = threshold_curves(conf, predicted, gold, oos_label=oos_label)
    accs, rec = curves.inscope_accuracy, curves.oos_recall
    if rule == "recall":
        # The 1e-9 absorbs float rounding of k / n_oos against a target such as 0.88.
        reached = np.flatnonzero(rec >= target_recall - 1e-9)
        k = int(reached[0]) if len(reached) else int(np.flatnonzero(rec == rec.max())[0])
    else:
        score = accs + rec
        k = int(np.flatnonzero(score >= score.max() - 1e-12)[0])  # ties: the lowest threshold
    # Any value between the chosen candidate and the next lower one scores the same on these
    # rows; the midpoint leaves a margin on both sides for messages not seen yet.
    cand = curves.candidates
    t = (cand[k - 1] + cand[k]) / 2 if k > 0 else cand[k]
    return ThresholdChoice(float(t), rule, float(accs[k]), float(rec[k]))
