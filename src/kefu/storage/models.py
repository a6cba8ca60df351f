"""SQLAlchemy ORM tables for the knowledge base and the conversation log.

The schema itself is created by the hand-written Alembic migrations next to this module; these
classes describe the same tables for queries, and a test checks that the two agree. Only
portable column types are used so one schema serves SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Explicit constraint names make future migrations (and batch mode on SQLite) deterministic.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Integer ids are 32-bit on PostgreSQL (SQLite never gets near that): a larger id names no
# row, and handing it to the database would fail with an overflow, not a miss.
MAX_ROW_ID = 2**31 - 1


def utcnow() -> datetime:
    """Timestamps are made in Python, not by the server, so both backends store the same."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp that always comes back in UTC.

    SQLite has no timezone-aware type and returns naive values; PostgreSQL returns them in the
    session's zone. Normalising here keeps records identical across backends.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            # A naive value can only have come from kefu itself, which works in UTC.
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class KbSource(Base):
    """A knowledge file or pack, as it was last ingested."""

    __tablename__ = "kb_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    path: Mapped[str] = mapped_column(String, unique=True)
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64))
    entry_count: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    entries: Mapped[list[KbEntry]] = relationship(
        back_populates="source", cascade="all, delete-orphan", order_by="KbEntry.position"
    )


class KbEntry(Base):
    """One FAQ pair or document chunk; ``entry_id`` is the id answers cite."""

    __tablename__ = "kb_entries"
    __table_args__ = (Index("ix_kb_entries_source_pk", "source_pk"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String, unique=True)
    source_pk: Mapped[int] = mapped_column(ForeignKey("kb_sources.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    title: Mapped[str] = mapped_column(String, default="")
    category: Mapped[str | None] = mapped_column(String, nullable=True)
    language: Mapped[str] = mapped_column(String(16), default="unknown")
    # sha256 of kind, text and answer: lets the vector index reuse embeddings that did not change.
    text_hash: Mapped[str] = mapped_column(String(64))
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    source: Mapped[KbSource] = relationship(back_populates="entries")


class KbRevision(Base):
    """One row (id 1): a counter that every change to the knowledge raises in the same
    transaction, so a running server learns from one small query that another process (the
    CLI, another server) changed the knowledge (`KnowledgeRepository.revision`)."""

    __tablename__ = "kb_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Conversation(Base):
    """One chat session with a customer."""

    __tablename__ = "conversations"
    __table_args__ = (
        Index("ix_conversations_status_priority", "status", "priority"),
        Index("ix_conversations_customer_id", "customer_id"),
        Index("ix_conversations_token_sha256", "token_sha256"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    channel: Mapped[str] = mapped_column(String(32), default="cli")
    language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    status: Mapped[str] = mapped_column(String(32), default="bot", server_default="bot")
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # sha256 of the customer's bearer token; the token itself is never stored.
    token_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    customer_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    assigned_agent: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Why the bot handed over: request, safety, low_confidence, emergency, threat,
    # safeguarding, misconduct, romance_scam, repeated_failure.
    handoff_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # Higher is more urgent; the agent queue sorts by it, then by waiting_since.
    priority: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    waiting_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # When the person holding it (assigned_agent) took it; None while nobody holds it.
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    failed_answers: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)

    messages: Mapped[list[Message]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="Message.id"
    )


class Message(Base):
    """One turn; assistant turns also record how the answer was made."""

    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_conversation_id_id", "conversation_id", "id"),
        # A page that sends a message again (it reloaded before the answer came) gives the
        # same client id; unique per conversation, so the turn is found, not asked twice.
        Index("ux_messages_conversation_id_client_id", "conversation_id", "client_id", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("conversations.id", ondelete="CASCADE")
    )
    role: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sources: Mapped[list[dict[str, Any]] | None] = mapped_column(
        JSON(none_as_null=True), nullable=True
    )
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    handoff: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    mode: Mapped[str | None] = mapped_column(String(32), nullable=True)
    latency_ms: Mapped[float | None] = mapped_column(Float, nullable=True)
    language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    client_id: Mapped[str | None] = mapped_column(String(64), nullable=True)

    conversation: Mapped[Conversation] = relationship(back_populates="messages")


class Feedback(Base):
    """A thumb (+1/-1) on one answer, or a 1-5 rating of a whole conversation."""

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_conversation_id", "conversation_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("conversations.id", ondelete="CASCADE")
    )
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# -- security (migration 0003): data keys, customer details, staff users, audit log ------------


class DataKey(Base):
    """One owner's data-encryption key, wrapped (AES-GCM) by the master key.

    Deleting the row is crypto-shredding: every copy of that owner's ciphertext, backups
    included, becomes unreadable once no copy of this row remains.
    """

    __tablename__ = "data_keys"

    owner: Mapped[str] = mapped_column(String(64), primary_key=True)
    # base64(nonce | wrapped key | tag); the owner is the associated data of the wrap.
    wrapped: Mapped[str] = mapped_column(String(128))
    # Fingerprint of the master key that wrapped it: names a wrong key before any decryption.
    kek_id: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Customer(Base):
    """What a deployment knows about a customer (name, email...), sealed as one JSON text."""

    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    details: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    """An agent or admin; customers are not users (they hold a per-conversation token)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    # "scrypt$n$r$p$salt$hash"; None = API keys only.
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Session tokens issued before this are refused (set by a password reset); None = all valid.
    sessions_after: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class ApiKey(Base):
    """An API key of a user, stored as its sha256 (keys are long and random)."""

    __tablename__ = "api_keys"
    __table_args__ = (Index("ix_api_keys_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # The first characters of the key, shown in listings and accepted by revoke.
    prefix: Mapped[str] = mapped_column(String(16))
    key_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RevokedSession(Base):
    """A staff session token ended by sign-out before its expiry, stored as its sha256.

    Session tokens are signed, not stored, so a sign-out must be remembered until the token
    would have expired anyway; rows past ``expires_at`` can go.
    """

    __tablename__ = "revoked_sessions"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """One privileged action; ``hash`` chains each row to the one before it."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_actor", "actor"),
        Index("ix_audit_log_target", "target"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(128), nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
