"""The records the conversation log returns (`kefu.storage.conversation_repo`), and the checks
a message passes before it is written: plain values, no open session behind them.
"""

from __future__ import annotations

import builtins
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypedDict, Unpack

from kefu.errors import StorageError
from kefu.storage.models import Conversation, Message

ROLES = frozenset({"user", "assistant", "agent", "system"})
STATUSES = frozenset({"bot", "waiting", "agent", "closed"})


def quoted_id(value: str, limit: int = 40) -> str:
    """An id as messages quote it: in full when short, else cut (a pasted 5,000-character
    "id" would otherwise fill the terminal)."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"


@dataclass(frozen=True)
class MessageRecord:
    id: int
    conversation_id: str
    role: str
    content: str
    created_at: datetime
    sources: list[dict[str, Any]] = field(default_factory=list)
    confidence: float | None = None
    handoff: bool | None = None
    mode: str | None = None
    latency_ms: float | None = None
    language: str | None = None
    client_id: str | None = None


@dataclass(frozen=True)
class ConversationRecord:
    id: str
    created_at: datetime
    updated_at: datetime
    channel: str
    language: str | None
    status: str
    meta: dict[str, Any]
    message_count: int
    customer_id: str | None = None
    assigned_agent: str | None = None
    handoff_reason: str | None = None
    priority: int = 0
    waiting_since: datetime | None = None
    taken_at: datetime | None = None
    failed_answers: int = 0
    rating: int | None = None
    token_sha256: str | None = field(default=None, repr=False)


def _short(value: str | None, what: str, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or len(value) > limit or "\x00" in value:
        raise ValueError(f"{what} must be a non-empty string of at most {limit} characters")
    return value


def key_owner(conversation: ConversationRecord | Conversation) -> str:
    """Whose data key seals a conversation's text: its customer, else the conversation itself.

    The customer id is set when the conversation is created and must not change afterwards,
    or text sealed before the change would no longer open.
    """
    return conversation.customer_id or conversation.id


def _json(value: Any, what: str) -> Any:
    try:
        json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise StorageError(f"{what} cannot be stored as JSON: {exc}") from exc
    return value


class MessageFields(TypedDict, total=False):
    """What a message may carry besides its role and text (an answer's evidence)."""

    sources: builtins.list[dict[str, Any]] | None
    confidence: float | None
    handoff: bool | None
    mode: str | None
    latency_ms: float | None
    language: str | None
    client_id: str | None


def _checked(role: str, content: str, **fields: Unpack[MessageFields]) -> dict[str, Any]:
    """One message's columns, checked before anything is written."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {sorted(ROLES)}, not {role!r}")
    if not isinstance(content, str):
        raise ValueError(f"message content must be text, not {type(content).__name__}")
    if "\x00" in content:
        raise StorageError("message content contains a NUL character (binary data?)")
    sources, confidence = fields.get("sources"), fields.get("confidence")
    handoff, latency_ms = fields.get("handoff"), fields.get("latency_ms")
    return {
        "role": role,
        "content": content,
        "sources": _json(list(sources), "message sources") if sources is not None else None,
        "confidence": None if confidence is None else float(confidence),
        "handoff": None if handoff is None else bool(handoff),
        "mode": _short(fields.get("mode"), "mode", 32),
        "latency_ms": None if latency_ms is None else float(latency_ms),
        "language": _short(fields.get("language"), "language", 16),
        "client_id": _short(fields.get("client_id"), "client id", 64),
    }


def _conversation_record(conv: Conversation, message_count: int) -> ConversationRecord:
    return ConversationRecord(
        id=conv.id,
        created_at=conv.created_at,
        updated_at=conv.updated_at,
        channel=conv.channel,
        language=conv.language,
        status=conv.status,
        meta=dict(conv.meta or {}),
        message_count=message_count,
        customer_id=conv.customer_id,
        assigned_agent=conv.assigned_agent,
        handoff_reason=conv.handoff_reason,
        priority=conv.priority or 0,
        waiting_since=conv.waiting_since,
        taken_at=conv.taken_at,
        failed_answers=conv.failed_answers or 0,
        rating=conv.rating,
        token_sha256=conv.token_sha256,
    )


def _message_record(msg: Message, content: str) -> MessageRecord:
    """``content`` is the message as written (``msg.content`` holds it sealed)."""
    return MessageRecord(
        id=msg.id,
        conversation_id=msg.conversation_id,
        role=msg.role,
        content=content,
        created_at=msg.created_at,
        sources=[dict(x) for x in msg.sources or []],
        confidence=msg.confidence,
        handoff=msg.handoff,
        mode=msg.mode,
        latency_ms=msg.latency_ms,
        language=msg.language,
        client_id=msg.client_id,
    )
