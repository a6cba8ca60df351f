"""Conversation log: chat sessions and their messages, with how each answer was made.

Assistant turns keep their sources, confidence, mode and latency so that a person taking over
(or reviewing later) can see why the bot said what it said.

Message bodies are sealed (encrypted at rest, when the database has a cipher) for the
conversation's key owner: its customer, or the conversation itself when it has no customer.
Sealing and unsealing happen outside any open session, since a new owner's key is written to
the database in a transaction of its own.
"""

from __future__ import annotations

import builtins
import uuid
from collections import OrderedDict
from contextlib import suppress
from typing import TYPE_CHECKING, Any, Unpack

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError

from kefu.errors import NotFoundError, StorageError
from kefu.storage.models import Conversation, Message, utcnow
from kefu.storage.records import (
    ROLES,
    STATUSES,
    ConversationRecord,
    MessageFields,
    MessageRecord,
    _checked,
    _conversation_record,
    _json,
    _message_record,
    _short,
    key_owner,
    quoted_id,
)

__all__ = [
    "ROLES",
    "STATUSES",
    "ConversationRecord",
    "ConversationRepository",
    "MessageRecord",
    "key_owner",
    "quoted_id",
    "with_message_counts",
]

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kefu.storage.db import Database

_OWNER_CACHE = 10_000


class ConversationRepository:
    """Creates conversations, appends messages and reads them back."""

    def __init__(self, db: Database) -> None:
        self._db = db
        # conversation id -> key owner; a conversation's customer id never changes, so a turn
        # pays the lookup once per conversation instead of once per message.
        self._owners: OrderedDict[str, str] = OrderedDict()

    def create(
        self,
        *,
        conversation_id: str | None = None,
        channel: str = "cli",
        meta: dict[str, Any] | None = None,
        token_sha256: str | None = None,
        customer_id: str | None = None,
    ) -> ConversationRecord:
        """Start a conversation; ``conversation_id`` defaults to a new UUID.

        ``token_sha256`` is the hash of the customer's bearer token (the service's);
        ``customer_id`` ties the conversation to a customer for export and erasure.
        """
        cid = _short(conversation_id, "conversation_id", 36) or str(uuid.uuid4())
        token_sha256 = _short(token_sha256, "token_sha256", 64)
        customer_id = _short(customer_id, "customer_id", 64)
        channel = _short(channel, "channel", 32) or "cli"
        meta = dict(_json(meta or {}, "conversation meta"))
        self._db.migrate()
        if self._db.cipher is not None:
            # Make the owner's data key now, in its own transaction: code that later seals
            # inside an open write session (feedback comments) then never has to create one
            # there, which on SQLite would wait on its own lock.
            self._db.seal(customer_id or cid, "")
        now = utcnow()
        with self._db.session(write=True) as s:
            if s.get(Conversation, cid) is not None:
                raise StorageError(f"a conversation with id {cid!r} already exists")
            conv = Conversation(
                id=cid,
                created_at=now,
                updated_at=now,
                channel=channel,
                language=None,
                status="bot",
                meta=meta,
                token_sha256=token_sha256,
                customer_id=customer_id,
            )
            s.add(conv)
            s.flush()
            record = _conversation_record(conv, 0)
        self._remember_owner(cid, customer_id or cid)  # its first message needs no lookup
        return record

    def get(self, conversation_id: str) -> ConversationRecord:
        self._db.migrate()
        with self._db.session() as s:
            conv = s.get(Conversation, conversation_id)
            if conv is None:
                raise NotFoundError(f"no conversation with id {quoted_id(conversation_id)}")
            return _conversation_record(conv, self._message_count(s, conversation_id))

    def has_token(self, token_sha256: str) -> bool:
        """Whether some conversation's customer token has this hash (an indexed lookup)."""
        self._db.migrate()
        query = select(Conversation.id).where(Conversation.token_sha256 == token_sha256)
        with self._db.session() as s:
            return s.scalar(query.limit(1)) is not None

    def add_message(
        self, conversation_id: str, *, role: str, content: str, **fields: Unpack[MessageFields]
    ) -> MessageRecord:
        """Append a message and touch the conversation's ``updated_at``.

        The conversation's language is set from its first message that has one. ``client_id``
        is the sender's own name for the message, unique in its conversation (see `turn`).
        """
        return self.add_messages(conversation_id, [{"role": role, "content": content, **fields}])[0]

    def add_messages(
        self, conversation_id: str, messages: builtins.list[dict[str, Any]]
    ) -> builtins.list[MessageRecord]:
        """Append several messages (each with `add_message`'s keywords) in one transaction: a
        turn's question and its answer are stored together or not at all, and the turn pays
        one commit instead of two."""
        rows = [_checked(**m) for m in messages]
        if not rows:
            return []
        self._db.migrate()
        # Without a cipher the owner does not matter, and finding it would cost a query.
        owner = self._owner(conversation_id) if self._db.cipher is not None else conversation_id
        sealed = [self._db.seal(owner, r["content"]) for r in rows]
        language = next((r["language"] for r in rows if r["language"]), None)
        now = utcnow()
        with self._db.session(write=True) as s:
            # Writing first means a missing conversation costs no extra query.
            touched = s.execute(
                update(Conversation)
                .where(Conversation.id == conversation_id)
                .values(updated_at=now, language=func.coalesce(Conversation.language, language))
            )
            if touched.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(f"no conversation with id {quoted_id(conversation_id)}")
            stored = []
            for r, content in zip(rows, sealed, strict=True):
                msg = Message(
                    conversation_id=conversation_id, created_at=now, **(r | {"content": content})
                )
                s.add(msg)
                stored.append((msg, r["content"]))
            s.flush()
            return [_message_record(msg, text) for msg, text in stored]

    def history(self, conversation_id: str, *, limit: int | None = None) -> list[MessageRecord]:
        """Messages oldest first; with ``limit``, only the last ``limit`` of them."""
        if limit is not None and limit < 0:
            raise ValueError("limit must be zero or more")
        self._db.migrate()
        with self._db.session() as s:
            conv = s.get(Conversation, conversation_id)
            if conv is None:
                raise NotFoundError(f"no conversation with id {quoted_id(conversation_id)}")
            owner = key_owner(conv)
            query = select(Message).where(Message.conversation_id == conversation_id)
            if limit is None:
                rows = list(s.scalars(query.order_by(Message.id)))
            else:
                rows = list(s.scalars(query.order_by(Message.id.desc()).limit(limit)))
                rows.reverse()
        return [_message_record(m, self._db.unseal(owner, m.content)) for m in rows]

    def turn(self, conversation_id: str, client_id: str) -> builtins.list[MessageRecord]:
        """The stored turn whose customer message has this client id: that message and the
        bot's answer right after it, if any; empty when none has it (not sent, or not yet
        stored)."""
        self._db.migrate()
        with self._db.session() as s:
            conv = s.get(Conversation, conversation_id)
            if conv is None:
                raise NotFoundError(f"no conversation with id {quoted_id(conversation_id)}")
            asked = s.scalar(
                select(Message).where(
                    Message.conversation_id == conversation_id, Message.client_id == client_id
                )
            )
            if asked is None:
                return []
            rows = [asked]
            after = s.scalar(
                select(Message)
                .where(Message.conversation_id == conversation_id, Message.id > asked.id)
                .order_by(Message.id)
                .limit(1)
            )
            if after is not None and after.role == "assistant":
                rows.append(after)
            owner = key_owner(conv)
            return [_message_record(m, self._db.unseal(owner, m.content)) for m in rows]

    def set_client_id(self, message_id: int, client_id: str) -> bool:
        """Name a stored customer message by its sender's client id (the bot stores a turn
        before the service knows it is done). False when another message of the conversation
        has that id already: the same message was sent twice at once, from two servers."""
        client_id = _short(client_id, "client id", 64) or ""
        self._db.migrate()
        try:
            with self._db.session(write=True) as s:
                s.execute(
                    update(Message).where(Message.id == message_id).values(client_id=client_id)
                )
        except StorageError as exc:  # the session's wrapping of the driver's error
            if isinstance(exc.__cause__, IntegrityError):
                return False
            raise
        return True

    def mark_handoff(self, message_id: int) -> None:
        """Flag a stored answer as the one that handed the conversation to a person (the
        service decides that after the answer was stored: two failed answers in a row)."""
        self._db.migrate()
        with self._db.session(write=True) as s:
            s.execute(update(Message).where(Message.id == message_id).values(handoff=True))

    def cited_sources(self, conversation_id: str) -> set[str]:
        """The ids of the knowledge entries this conversation's bot answers cited. Reads the
        sources column only: no message text is decrypted."""
        self._db.migrate()
        query = select(Message.sources).where(
            Message.conversation_id == conversation_id,
            Message.role == "assistant",
            Message.sources.is_not(None),
        )
        with self._db.session() as s:
            return {
                str(source["id"])
                for sources in s.scalars(query)
                for source in sources or []
                if isinstance(source, dict) and "id" in source
            }

    def first_messages(
        self, conversation_ids: builtins.list[str], *, role: str = "user"
    ) -> dict[str, str]:
        """Each conversation's first message from ``role``, as stored (a customer's with its
        personal data already replaced), by conversation id; one query for them all.
        Conversations without such a message are left out."""
        if not conversation_ids:
            return {}
        self._db.migrate()
        firsts = (
            select(func.min(Message.id))
            .where(Message.conversation_id.in_(conversation_ids), Message.role == role)
            .group_by(Message.conversation_id)
        )
        query = (
            select(Message.conversation_id, Message.content, Conversation.customer_id)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .where(Message.id.in_(firsts))
        )
        with self._db.session() as s:
            rows = list(s.execute(query))
        return {cid: self._db.unseal(customer or cid, content) for cid, content, customer in rows}

    def list(self, *, limit: int = 50) -> builtins.list[ConversationRecord]:
        """The most recently active conversations first."""
        if limit < 0:
            raise ValueError("limit must be zero or more")
        self._db.migrate()
        query = (
            with_message_counts()
            .order_by(Conversation.updated_at.desc(), Conversation.created_at.desc())
            .limit(limit)
        )
        with self._db.session() as s:
            return [_conversation_record(conv, int(n)) for conv, n in s.execute(query)]

    def set_status(self, conversation_id: str, status: str) -> ConversationRecord:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {sorted(STATUSES)}, not {status!r}")
        self._db.migrate()
        with self._db.session(write=True) as s:
            conv = s.get(Conversation, conversation_id)
            if conv is None:
                raise NotFoundError(f"no conversation with id {quoted_id(conversation_id)}")
            conv.status = status
            conv.updated_at = utcnow()
            s.flush()
            return _conversation_record(conv, self._message_count(s, conversation_id))

    def delete(self, conversation_id: str) -> None:
        """Delete a conversation and all its messages."""
        self._owners.pop(conversation_id, None)
        self._db.migrate()
        with self._db.session(write=True) as s:
            # Explicit, so it also works where the database does not enforce ON DELETE CASCADE.
            s.execute(delete(Message).where(Message.conversation_id == conversation_id))
            gone = s.execute(delete(Conversation).where(Conversation.id == conversation_id))
            if gone.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(f"no conversation with id {quoted_id(conversation_id)}")

    def _owner(self, conversation_id: str) -> str:
        owner = self._owners.get(conversation_id)
        if owner is not None:
            return owner
        with self._db.session() as s:
            row = s.execute(
                select(Conversation.id, Conversation.customer_id).where(
                    Conversation.id == conversation_id
                )
            ).first()
        if row is None:
            raise NotFoundError(f"no conversation with id {quoted_id(conversation_id)}")
        owner = str(row.customer_id or row.id)
        self._remember_owner(conversation_id, owner)
        return owner

    def _remember_owner(self, conversation_id: str, owner: str) -> None:
        self._owners[conversation_id] = owner
        if len(self._owners) > _OWNER_CACHE:
            with suppress(KeyError):  # another thread may have trimmed it first
                self._owners.popitem(last=False)

    @staticmethod
    def _message_count(s: Session, conversation_id: str) -> int:
        query = select(func.count()).where(Message.conversation_id == conversation_id)
        return int(s.scalar(query) or 0)


def with_message_counts() -> Any:
    """SELECT conversations with their message counts (one grouped subquery, no N+1).

    Typed Any: Select's generic parameters differ between SQLAlchemy 2.0 and 2.1.
    """
    counts = (
        select(Message.conversation_id, func.count().label("n"))
        .group_by(Message.conversation_id)
        .subquery()
    )
    return select(Conversation, func.coalesce(counts.c.n, 0)).outerjoin(
        counts, counts.c.conversation_id == Conversation.id
    )
