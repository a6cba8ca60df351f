"""The answer policy: from the evidence for one turn, decide how to answer.

triage ─ emergency ─────────────────────────────▶ emergency guidance (+ KB entry) + handoff
       ├ injection ─────────────────────────────▶ fixed reply, nothing retrieved
       ├ other's data / dose / diagnosis /
       │ investment advice / promise ───────────▶ fixed reply (+ confident FAQ) + handoff
       ├ fraud or tax evasion ──────────────────▶ fixed reply + handoff
       ├ asks for a person ─────────────────────▶ handoff
       ├ greeting / thanks ─────────────────────▶ small talk
       └ otherwise: retrieve, calibrate confidence
             top is an FAQ pair, conf >= curated ─▶ the curated answer, word for word
             top is a chunk,    conf >= answer  ──▶ grounded generation (or extraction when
                                                    the model cannot write the language)
             otherwise ───────────────────────────▶ decline, invent nothing, handoff
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kefu.dialogue import messages
from kefu.dialogue.confidence import ConfidenceModel
from kefu.dialogue.emergency_text import leads_with_emergency_number
from kefu.types import AnswerMode, ChatMessage, Passage

Decision = AnswerMode | str


@dataclass
class Plan:
    mode: AnswerMode  # curated, generated, extractive, declined, smalltalk
    language: str
    passages: list[Passage] = field(default_factory=list)  # what the answer rests on
    confidence: float = 0.0
    handoff: bool = False
    text: str = ""  # fixed text for every mode except "generated"
    reason: str = ""
    # Said before the answer, whatever its mode: the hedged emergency line where only the
    # learned check read an emergency, and the question is still answered after it.
    lead: str = ""


def person_plan(language: str, reason: str) -> Plan:
    """Hand the customer to a person, saying so (asked for by the customer or an intent)."""
    text = messages.reply("handoff_request", language)
    return Plan("declined", language, handoff=True, text=text, reason=reason)


def smalltalk_plan(
    kind: str,
    language: str,
    reason: str = "",
    *,
    history: Sequence[ChatMessage] = (),
    emergency_number: str | None = None,
) -> Plan:
    """A friendly reply to a greeting or thanks (``kind``), no retrieval needed. Right after an
    emergency or crisis reply (one that led with an emergency number), "ok" or "好的" is not a
    goodbye: a person is coming, and the numbers stay there."""
    last = next((m.content for m in reversed(history) if m.role == "assistant"), "")
    if kind == "thanks" and leads_with_emergency_number(last, emergency_number):
        text = messages.reply("after_emergency", language, emergency_number=emergency_number)
        return Plan("smalltalk", language, text=text, confidence=1.0, reason="after emergency")
    text = messages.reply(kind, language)
    if kind == "praise":  # passed on to the team through the queue (`kefu.dialogue.praise`)
        return Plan("smalltalk", language, text=text, confidence=1.0, handoff=True, reason=kind)
    return Plan("smalltalk", language, text=text, confidence=1.0, reason=reason)


def decide(
    *,
    passages: Sequence[Passage],
    confidence: float,
    language: str,
    model_languages: Sequence[str],
    thresholds: ConfidenceModel,
    curated_threshold: float | None = None,
    answer_threshold: float | None = None,
    across: bool = False,
) -> Plan:
    """Choose curated / generated / extractive / declined for a retrieved turn. ``across``:
    the passages are in the other language than the question (`kefu.retrieval.across`)."""
    curated_t = thresholds.curated_threshold if curated_threshold is None else curated_threshold
    answer_t = thresholds.answer_threshold if answer_threshold is None else answer_threshold
    if not passages:
        return Plan("declined", language, confidence=0.0, handoff=True, reason="nothing retrieved")
    top = passages[0]
    if top.entry.kind == "faq":
        if confidence >= curated_t:
            return Plan(
                "curated",
                language,
                [top],
                confidence,
                text=top.entry.answer or top.entry.text,
                reason="confident FAQ match",
            )
        return Plan("declined", language, list(passages[:3]), confidence, True, reason="low")
    if confidence < answer_t:
        return Plan("declined", language, list(passages[:3]), confidence, True, reason="low")
    grounded = [p for p in passages[:3] if p.entry.kind == "chunk"] or [top]
    if across:
        # The model would have to translate, and the grounding check cannot check a
        # translation against its source: the passage is quoted as written.
        return Plan("extractive", language, grounded[:1], confidence, reason="other language")
    if language in model_languages or (language == "mixed" and "zh" in model_languages):
        return Plan("generated", language, grounded, confidence, reason="grounded generation")
    return Plan("extractive", language, grounded[:1], confidence, reason="model lacks language")
