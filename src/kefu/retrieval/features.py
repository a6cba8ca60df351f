"""The evidence retrieval gives about its top entry (`SearchResult.features`).

The confidence model (`kefu.dialogue.confidence`) reads these numbers; docs/retrieval.md
(Confidence) says what each is and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from kefu.types import Entry

BASE_FEATURES = (
    "dense_top",
    "margin",
    "kw_top_norm",
    "agree",
    "coverage",
    "dense_z",
)
# With a two-model embedder (English questions scored by MiniLM, Chinese by e5) the same
# cosine means different things: MiniLM spreads its cosines over 0-1, e5 crowds them into
# 0.7-0.95. `second_model` is the second model's share of the score (SearchEmbedder.model_mix),
# and each base feature times that share lets one logistic regression weigh each model's
# evidence on its own scale. In leave-one-pack-out runs on the dev sets this declined 74 %
# instead of 71 % of English near misses (entries taken out) at the same share answered
# correctly (docs/thresholds.md). One-model embedders leave these at 0.
MIX_FEATURES = ("second_model", *(f"{name}*second" for name in BASE_FEATURES))
FEATURE_NAMES = (*BASE_FEATURES, *MIX_FEATURES)
# Not a model input: set (1.0) on a search of the entries in the other language than the
# question's (kefu.retrieval.across), which the confidence model holds to its own bar.
CROSS_FLAG = "cross_language"


def _scripts(entries: Sequence[Entry]) -> np.ndarray:
    import numpy as np

    codes = {"en": 0, "zh": 1}
    return np.asarray([codes.get(e.language, -1) for e in entries], dtype=np.int8)


def _runner_up(order: np.ndarray, scores: np.ndarray, scripts: np.ndarray | None) -> float:
    """The score of the best entry competing with the top one: in the top entry's language.

    A bilingual FAQ holds most questions twice, once per language, and e5 scores a Chinese
    question close to the English twin of its entry (几点开门: 营业时间是什么？ 0.89, "What are
    your opening hours?" 0.83). The twin is the same answer, not a rival, but as the runner-up
    it made the margin small and the confidence low, and right answers were declined (0.09
    for that one). The calibration is fitted on one-language FAQs (scripts/calibrate.py), where
    the runner-up is always in the same language, so this reads a bilingual FAQ as it was
    fitted. Only for a Chinese top entry: an English question is scored by MiniLM, which gives
    a Chinese entry no such twin's score, and a Chinese entry ranked second there got there on
    shared Latin words ("Pixel", "eSIM"), a real rival: counting it out answered a Hong Kong
    operator's English eSIM question wrongly where it was declined.
    """
    import numpy as np

    top = int(order[0])
    plain = float(scores[order[1]]) if len(order) > 1 else 0.0
    if scripts is None or scripts.shape[0] != scores.shape[0] or scripts[top] != 1:
        return plain
    same = scripts == scripts[top]
    same[top] = False
    if not same.any():  # the only entry in its language: nothing competes with it
        return 0.0
    best = float(scores[same].max())
    return best if np.isfinite(best) else plain


def _empty_features() -> dict[str, float]:
    return dict.fromkeys(FEATURE_NAMES, 0.0)


def _features(
    q_tokens: list[str],
    order: np.ndarray,
    *,
    scores: np.ndarray,
    dense_scores: np.ndarray,
    kw_scores: np.ndarray,
    token_sets: list[frozenset[str]],
    background: np.ndarray,
    scripts: np.ndarray | None = None,
) -> dict[str, float]:
    """Evidence that the top entry answers the query; each feature is roughly in [0, 1]."""
    import numpy as np

    if len(order) == 0:
        return _empty_features()
    top = int(order[0])
    second = _runner_up(order, scores, scripts)
    kw = float(kw_scores[top])
    q_set = set(q_tokens)
    coverage = len(q_set & token_sets[top]) / len(q_set) if q_set else 0.0
    # How far the best cosine stands out from this query's cosines to generic background
    # text, in standard deviations (/10 to keep it near [0, 1]). e5 cosines crowd into
    # 0.7-0.95 for any pair of texts, so the raw value says little on its own; an off-topic
    # question is about as similar to its best match as to arbitrary sentences. Measuring
    # against a fixed background keeps the feature the same for a 5-entry or 100k-entry KB.
    spread = float(background.std()) if background.shape[0] > 1 else 0.0
    z = (float(dense_scores[top]) - float(background.mean())) / spread if spread > 0 else 0.0
    best_kw = int(np.argmax(kw_scores)) if kw_scores.shape[0] else -1
    return {
        "dense_top": float(dense_scores[top]),
        "margin": float(scores[top]) - second,
        "kw_top_norm": kw / (kw + 5.0) if kw > 0 else 0.0,
        "agree": 1.0 if best_kw == top and kw > 0 else 0.0,
        "coverage": coverage,
        "dense_z": z / 10.0,
    }
