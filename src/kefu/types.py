"""Plain data passed between the parts of the pipeline.

These are frozen dataclasses rather than ORM rows so that retrieval, the answer policy and
the CLI never hold a database session, and so that tests can build them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

EntryKind = Literal["faq", "chunk"]
Language = Literal["en", "zh", "mixed", "unknown"]


@dataclass(frozen=True)
class Entry:
    """One retrievable unit of knowledge.

    An FAQ pair (``kind="faq"``) carries a curated ``answer`` that kefu repeats word for word;
    a document chunk (``kind="chunk"``) carries only ``text`` that the LLM may phrase from.
    ``id`` is the source id that answers report (the CSV ``id`` column, or ``<file>:<row>`` and
    ``<file>#<n>``, with ``<file>`` a longer part of the path where the stem is taken).
    """

    id: str
    kind: EntryKind
    text: str  # what is indexed: the question of an FAQ pair, the body of a chunk
    answer: str | None = None
    title: str = ""
    category: str | None = None
    language: str = "unknown"
    source: str = ""  # the file (or pack) this entry came from
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def display_text(self) -> str:
        """The text a user reads: the curated answer for FAQ pairs, the chunk otherwise."""
        return self.answer if self.answer is not None else self.text


@dataclass(frozen=True)
class Passage:
    """An entry as retrieval returns it, with its scores for one query."""

    entry: Entry
    score: float  # fused score used for ranking (higher is better)
    dense: float = 0.0  # cosine similarity of query and entry embeddings, in [-1, 1]
    keyword: float = 0.0  # raw BM25 score
    rank: int = 0  # 1-based


@dataclass(frozen=True)
class Source:
    """A cited source as answers report it."""

    id: str
    title: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "score": round(self.score, 4)}


AnswerMode = Literal["curated", "generated", "extractive", "declined", "smalltalk"]


@dataclass
class Answer:
    """What the assistant says for one turn, and why."""

    text: str
    sources: list[Source]
    confidence: float  # in [0, 1]; the policy's belief that the sources answer the question
    handoff: bool  # True when a person should take over
    language: str
    mode: AnswerMode
    latency_ms: float = 0.0
    session_id: str | None = None
    # The intent classifier's verdict, {"label", "route", "confidence"}, where one is
    # configured (settings.intent_model); left out of as_dict() otherwise.
    intent: dict[str, Any] | None = None
    # Why the policy chose this plan ("emergency", "customer asked for a person"...): for the
    # live queue, which puts emergencies first; not part of the public JSON.
    reason: str = ""
    # Beside a decline for low confidence: FAQ questions near the customer's, as the business
    # wrote them (`kefu.dialogue.related`); ``title`` is the question. Empty otherwise.
    related: list[Source] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "answer": self.text,
            "sources": [s.as_dict() for s in self.sources],
            "related": [{"id": s.id, "question": s.title} for s in self.related],
            "confidence": round(self.confidence, 4),
            "handoff": self.handoff,
            "language": self.language,
            "mode": self.mode,
            "latency_ms": round(self.latency_ms, 2),
            "session_id": self.session_id,
        }
        if self.intent is not None:
            out["intent"] = self.intent
        return out


Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str
