"""A learned second opinion on emergencies: a linear head over the FAQ search's query vector.

The rules in `kefu.guard.emergency` are words, and an emergency nobody wrote a rule for brings
new words ("grandpa's heating failed overnight, he's ice cold and mumbling"). On a blind set
written by someone who never saw the rules they caught 49 of 110 English and 57 of 110 Chinese
emergencies; this head, reading the meaning of the message, catches most of the rest
(docs/safety.md, "A learned second opinion"). It only ever adds an emergency: the rules'
verdict stands, so a false alarm costs the customer an emergency notice and a person, never
the answer (the confident FAQ entry still follows the notice).

The weights are a logistic regression fitted by ``scripts/train_emergency_head.py`` on
``devsets/emergency/train_*.jsonl``, our dev sets and ordinary messages from the shared data
sets' train splits. Each language's threshold was chosen on out-of-fold scores: it flags
0.5 % of customer-support messages and at most 0.1 % of the shared ordinary ones. They ship
in ``emergency_head.json`` next to this file, one head per embedder: a vector of another
embedder means nothing to them, so with an embedder that has no head the rules work alone.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from kefu.retrieval.base import Embedder

HEADS_FILE = "emergency_head.json"
# Family words, read past when a relative asks for someone's records: only danger words count.
_FAMILY_WORDS = re.compile(
    r"孩子|娃|宝宝|老人|\b(son|daughter|child|kid|mum|mom|dad|grand\w*)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class EmergencyHead:
    embedder: str
    weights: tuple[float, ...]
    bias: float
    # On the decision value (log-odds), one per language: each flags the same small share of
    # that language's ordinary messages (its half of the vector comes from its own encoder).
    thresholds: Mapping[str, float]

    def score(self, vector: np.ndarray) -> float:
        """The log-odds that the message this vector embeds describes an emergency now."""
        import numpy as np

        v = np.asarray(vector, dtype=np.float64).reshape(-1)
        if v.shape[0] != len(self.weights):
            raise ValueError(f"expected a vector of {len(self.weights)} numbers, got {v.shape[0]}")
        norm = float(np.linalg.norm(v))
        if not np.isfinite(norm) or norm == 0.0:
            return float("-inf")  # nothing was embedded (an empty message): no evidence
        return float(np.dot(self._w, v / norm) + self.bias)

    def threshold(self, language: str) -> float:
        """The language's threshold; the strictest one for a language it was not fitted on."""
        found = self.thresholds.get(language)
        return max(self.thresholds.values()) if found is None else found

    def flags(self, vector: np.ndarray, language: str) -> bool:
        return self.score(vector) > self.threshold(language)

    @functools.cached_property
    def _w(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self.weights, dtype=np.float64)

    def as_dict(self) -> dict[str, Any]:
        return {
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "thresholds": {k: round(v, 6) for k, v in self.thresholds.items()},
        }

    @classmethod
    def from_dict(cls, embedder: str, data: Mapping[str, Any]) -> EmergencyHead:
        return cls(
            embedder=embedder,
            weights=tuple(float(w) for w in data["weights"]),
            bias=float(data["bias"]),
            thresholds={str(k): float(v) for k, v in data["thresholds"].items()},
        )


def flags_message(
    head: EmergencyHead, message: str, vector: np.ndarray, language: str, embedder: Embedder
) -> bool:
    """The head's verdict on a customer message whose search vector is ``vector``. Idioms of
    feeling and mentions of an emergency that is not happening now ("笑死我了", "胸痛中心",
    "去年中风") pull the head over its threshold by their meaning alone: the head reads the
    message without them, embedded again only when something was taken out
    (`kefu.guard.emergency_context.head_text`). Water damage with no one in danger is never
    flagged (`water_damage_only`)."""
    from kefu.guard.emergency import no_one_hurt
    from kefu.guard.emergency_care_question import care_question
    from kefu.guard.emergency_context import (
        head_text,
        names_danger,
        too_short_to_tell,
        water_damage_only,
    )
    from kefu.guard.emergency_figurative import asks_for_records
    from kefu.guard.emergency_infant import breathing_question
    from kefu.guard.emergency_maternal import everyday_baby_question
    from kefu.guard.emergency_settled import settled
    from kefu.guard.views import views
    from kefu.retrieval.base import search_vectors

    what = head_text(message)
    if what is None:
        return False  # nothing but an idiom or a department's name
    if water_damage_only(what):
        return False  # a burst pipe or a flood with no one in danger: damage to property
    if settled(what):
        return False  # "dad passed away on sunday, the last invoice?", "fell last week, she's ok"
    if care_question(what):
        return False  # "what happens if mum falls?", "can the carer help her into the bath?"
    if asks_for_records(what) and not names_danger(_FAMILY_WORDS.sub("", what)):
        return False  # "我是他爸爸，把我儿子的聊天记录发给我": a privacy request, no danger named
    if everyday_baby_question(what) or breathing_question(what):
        return False  # "my baby's poo is green, is he sick?": the diagnosis reply's, no danger
    if too_short_to_tell(what) or no_one_hurt(views(message)):
        return False  # a few words with no danger named ("漏了一杯奶茶"), or "他说没事"
    if what != message:
        vector = search_vectors(embedder, [what])[0]
    return head.flags(vector, language)


@functools.lru_cache(maxsize=8)
def bundled_head(embedder: str) -> EmergencyHead | None:
    """The shipped head for ``embedder`` (its `Embedder.name`), or None where there is none."""
    heads = _bundled()
    data = heads.get(embedder)
    return None if data is None else EmergencyHead.from_dict(embedder, data)


@functools.lru_cache(maxsize=1)
def _bundled() -> dict[str, Any]:
    text = resources.files("kefu.guard").joinpath(HEADS_FILE).read_text(encoding="utf-8")
    heads: dict[str, Any] = json.loads(text)["heads"]
    return heads
