"""Retrieval for a turn read with the conversation so far, a mixin of `Assistant`.

A follow-up ("and how long does that take?", "那上海呢") is searched alone and with the
question it follows; `_retrieve` keeps the better reading (docs/answer-policy.md, follow-ups).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kefu.dialogue import slots
from kefu.dialogue.followup import (
    contextual_query,
    is_bare,
    repeats_last_answer,
    top_id,
    topic_question,
)
from kefu.dialogue.incoming import reply_language

if TYPE_CHECKING:
    import numpy as np

    from kefu.dialogue.confidence import ConfidenceModel
    from kefu.knowledge.base import KnowledgeBase
    from kefu.retrieval.index import SearchResult
    from kefu.types import ChatMessage


class ThreadedRetrieval:
    """The follow-up reading of `kefu.dialogue.assistant.Assistant`, a mixin."""

    kb: KnowledgeBase  # set by `Assistant.__init__`

    if TYPE_CHECKING:

        @property
        def confidence(self) -> ConfidenceModel: ...

        def _curated_threshold(self) -> float: ...

    def _retrieve(
        self, message: str, history: list[ChatMessage]
    ) -> tuple[SearchResult, float, np.ndarray | None]:
        """The better of the message alone and the message read with its topic, its
        confidence, and the message's own search vector."""
        alone = self.kb.search(message, confidence=self.confidence)
        best = (alone, self.confidence.predict(alone.features))
        users = [m.content for m in history if m.role == "user"]
        previous = users[-1] if users else None
        if previous is not None and reply_language(previous) != reply_language(message):
            # A customer who switches language expects the answer in the new one; the earlier
            # question's words would pull retrieval to entries in the old language.
            previous = None
        query = contextual_query(previous, message)
        if query:
            joined = self.kb.search(query, confidence=self.confidence)
            conf = self.confidence.predict(joined.features)
            # A follow-up of a follow-up ("那银行卡呢" after "支付宝呢") asks the question they
            # both followed up: read with it, not with the other follow-up's subject.
            topic = topic_question(users)
            if slots.is_slot_change(message):
                # "那上海呢" after 深圳's fare: the earlier question asked of 上海, not both
                # cities at once (which finds 深圳's row again, or none).
                joined = self.kb.search(
                    slots.with_value(topic or previous or "", message), confidence=self.confidence
                )
                conf = self.confidence.predict(joined.features)
                topic = None
            if topic is not None:
                again = self.kb.search(
                    contextual_query(topic, message) or message, confidence=self.confidence
                )
                again_conf = self.confidence.predict(again.features)
                if again_conf >= conf:
                    joined, conf = again, again_conf
            if is_bare(message):
                # Question words only ("要多久处理", "how much?") name no topic: read alone they
                # find whatever shares those words (a bank card's refund time after a missing
                # dish). The previous topic's reading stands, however sure, or the turn is
                # declined on its confidence.
                return joined, conf, alone.query_vector
            # A follow-up borrows its topic; prefer that reading unless it is clearly worse, or
            # unless it only finds again the entry the customer was just given: "can I pause
            # it?" after the membership price asks something new, and the earlier question's
            # words (a near copy of that entry's question) would otherwise win every time.
            # But a message that alone finds its own entry with a curated answer's confidence,
            # more surely than the joined reading finds another, asks something new: "what if
            # I don't give back the router?" after the cancellation fee is about the router.
            own = top_id(alone) != top_id(joined) and best[1] >= self._curated_threshold()
            if topic is not None and alone.passages:
                # "最低消费呢" after 深圳 → 那上海呢: alone it finds 深圳's table, the wrong city.
                entry = alone.passages[0].entry
                if slots.drops_value(topic, message, f"{entry.title} {entry.display_text}"):
                    best = (best[0], 0.0)  # out of the running
                    own = False
            if (
                conf >= best[1] - 0.1
                and not (own and best[1] > conf)
                and not repeats_last_answer(joined, alone, history, message, self.kb.tokenizer)
            ):
                best = (joined, conf)
        return best[0], best[1], alone.query_vector
