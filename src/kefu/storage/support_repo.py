"""Live support: who holds a conversation, the agents' queue, feedback (analytics:
`kefu.storage.analytics_repo`).

A conversation moves ``bot -> waiting -> agent -> closed`` (an agent may also hand it back to
``bot``). Each move is one conditional UPDATE, so two agents clicking "take" at the same
moment cannot both get it: the second sees a conflict. Messages themselves stay in
:class:`~kefu.storage.conversation_repo.ConversationRepository`.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select, update

from kefu.errors import KefuError, NotFoundError
from kefu.storage.conversation_repo import ConversationRepository, with_message_counts
from kefu.storage.models import MAX_ROW_ID, Conversation, Feedback, Message, utcnow
from kefu.storage.records import ConversationRecord, _conversation_record

if TYPE_CHECKING:
    from kefu.storage.db import Database

# Why a conversation was handed to a person, and how urgent that makes it (queue order).
HANDOFF_PRIORITY = {
    "emergency": 3,
    # the customer threatens to hurt someone; an adult soliciting a child (docs/safety.md)
    "threat": 3,
    "safeguarding": 3,
    # a report that staff stole from, abused or touched a customer or their family: the staff
    # member may be with them again today (docs/safety.md)
    "misconduct": 3,
    # a romance scam or sextortion: money may leave, or images be shared, within hours
    "romance_scam": 3,
    "request": 2,
    "safety": 2,
    "repeated_failure": 1,
    "low_confidence": 1,
    # praise for a member of staff, to be passed on: nobody is waiting for an answer
    "praise": 0,
}
# Declined or thumbed-down answers in a row before the bot gives up and calls a person.
MAX_FAILED_ANSWERS = 2
FEEDBACK_KINDS = frozenset({"thumb", "rating"})


class SupportError(KefuError):
    """A support request that cannot be carried out as asked (the service answers 400)."""


class ConflictError(SupportError):
    """The conversation is not in a state that allows this, e.g. another agent holds it
    (the service answers 409)."""


@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    conversation_id: str
    message_id: int | None
    kind: str
    value: int
    comment: str | None
    created_at: datetime


def _where(conv: Conversation) -> str:
    """Where a conversation is, in words, for a refused move."""
    if conv.status == "agent":
        return f"it is already held by {conv.assigned_agent or 'a person'}"
    return {
        "bot": "it is with the bot, not in the queue or held by a person",
        "waiting": "it is waiting in the queue, not held by anyone",
        "closed": "it is closed",
    }.get(conv.status, f"it is {conv.status}")


class SupportRepository:
    """State changes of live support, feedback, and the numbers for the admin dashboard."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- handoff state ------------------------------------------------------------------
    def request_handoff(self, conversation_id: str, reason: str) -> ConversationRecord:
        """Put the conversation in the queue (no-op if a person already has it or it waits;
        a more urgent reason still raises its priority)."""
        if reason not in HANDOFF_PRIORITY:
            raise ValueError(f"reason must be one of {sorted(HANDOFF_PRIORITY)}, not {reason!r}")
        priority = HANDOFF_PRIORITY[reason]
        now = utcnow()
        self._db.migrate()
        with self._db.session(write=True) as s:
            conv = self._get(s, conversation_id)
            if reason == "request" and not ConversationRepository._message_count(s, conv.id):
                # A person asked for before a word is said: it waits last until the customer
                # writes (`wrote`), or a script could fill the agents' queue ahead of real
                # customers with conversations it just made.
                priority = 0
            if conv.status in ("bot", "closed"):
                conv.status = "waiting"
                conv.waiting_since = now
                conv.handoff_reason = reason
                conv.priority = priority
                conv.assigned_agent = None
                conv.taken_at = None
            elif priority > (conv.priority or 0):
                conv.priority = priority
                conv.handoff_reason = reason
            conv.updated_at = now
            s.flush()
            return self._record(s, conv)

    def wrote(self, conversation_id: str) -> None:
        """The customer wrote: a request for a person made before any message (priority 0,
        `request_handoff`) now ranks as a request."""
        self._db.migrate()
        with self._db.session(write=True) as s:
            s.execute(
                update(Conversation)
                .where(
                    Conversation.id == conversation_id,
                    Conversation.status == "waiting",
                    Conversation.handoff_reason == "request",
                    Conversation.priority == 0,
                )
                .values(priority=HANDOFF_PRIORITY["request"])
            )

    def take(
        self, conversation_id: str, agent: str, *, take_over: bool = False
    ) -> ConversationRecord:
        """An agent takes a waiting conversation; the bot falls silent.

        ``take_over`` (an admin's) also takes one the bot has, or one another person holds,
        e.g. the conversations of an agent who is away.
        """
        return self._move(
            conversation_id,
            allowed=("waiting", "bot", "agent") if take_over else ("waiting",),
            values={"status": "agent", "assigned_agent": agent, "taken_at": utcnow()},
            agent=None,
            what="take",
        )

    def hand_back(self, conversation_id: str, agent: str | None) -> ConversationRecord:
        """The agent returns the conversation to the bot, which keeps the agent's messages
        as context (they are in the history like any other turn). ``agent`` None (an
        admin): whoever holds it."""
        return self._move(
            conversation_id,
            allowed=("agent",),
            values={
                "status": "bot",
                "assigned_agent": None,
                "taken_at": None,
                "waiting_since": None,
                "priority": 0,
                "failed_answers": 0,
            },
            agent=agent,
            what="hand back",
        )

    def close(self, conversation_id: str, agent: str | None = None) -> ConversationRecord:
        """Close a conversation: an agent one waiting or one they hold; ``agent`` None (an
        admin) any open one."""
        return self._move(
            conversation_id,
            allowed=("bot", "waiting", "agent") if agent is None else ("waiting", "agent"),
            values={"status": "closed", "waiting_since": None, "priority": 0},
            agent=agent,
            what="close",
        )

    def reopen(self, conversation_id: str) -> ConversationRecord:
        """A customer writing into a closed conversation brings the bot back."""
        return self._move(
            conversation_id,
            allowed=("closed",),
            values={
                "status": "bot",
                "assigned_agent": None,
                "taken_at": None,
                "failed_answers": 0,
            },
            agent=None,
            what="reopen",
        )

    def _move(
        self,
        conversation_id: str,
        *,
        allowed: tuple[str, ...],
        values: dict[str, Any],
        agent: str | None,
        what: str,
    ) -> ConversationRecord:
        self._db.migrate()
        with self._db.session(write=True) as s:
            conditions = [Conversation.id == conversation_id, Conversation.status.in_(allowed)]
            if agent is not None:
                # Only the holder may hand back or close a conversation an agent holds.
                conditions.append(
                    (Conversation.status != "agent") | (Conversation.assigned_agent == agent)
                )
            done = s.execute(
                update(Conversation)
                .where(and_(*conditions))
                .values(**values, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            conv = self._get(s, conversation_id)
            s.refresh(conv)
            if done.rowcount == 0:  # type: ignore[attr-defined]
                raise ConflictError(f"cannot {what} conversation {conversation_id}: {_where(conv)}")
            return self._record(s, conv)

    def note_answer(self, conversation_id: str, *, failed: bool) -> int:
        """Count declined answers in a row; returns the new count (reset by a good answer)."""
        self._db.migrate()
        with self._db.session(write=True) as s:
            conv = self._get(s, conversation_id)
            conv.failed_answers = (conv.failed_answers or 0) + 1 if failed else 0
            return conv.failed_answers

    def queue(self, *, limit: int = 100, offset: int = 0) -> builtins.list[ConversationRecord]:
        """Waiting conversations, most urgent first, then the longest waiting: ``limit`` of
        them from the ``offset``-th on (a page; `waiting_count` says how many there are)."""
        return self._list(Conversation.status == "waiting", limit, offset)

    def waiting_count(self) -> int:
        """How many conversations wait for a person (the whole queue, not one page of it)."""
        self._db.migrate()
        with self._db.session() as s:
            query = select(func.count()).select_from(Conversation)
            return int(s.scalar(query.where(Conversation.status == "waiting")) or 0)

    def held_by(self, agent: str, *, limit: int = 100) -> builtins.list[ConversationRecord]:
        return self._list(
            and_(Conversation.status == "agent", Conversation.assigned_agent == agent), limit
        )

    def _list(
        self, condition: Any, limit: int, offset: int = 0
    ) -> builtins.list[ConversationRecord]:
        self._db.migrate()
        query = (
            with_message_counts()
            .where(condition)
            .order_by(
                Conversation.priority.desc(),
                Conversation.waiting_since.asc(),
                Conversation.updated_at.asc(),
                Conversation.id,  # a total order: pages neither repeat nor skip a tie
            )
            .offset(offset)
            .limit(limit)
        )
        with self._db.session() as s:
            return [_conversation_record(c, int(n)) for c, n in s.execute(query)]

    # -- feedback -----------------------------------------------------------------------
    def add_feedback(
        self,
        conversation_id: str,
        *,
        kind: str,
        value: int,
        message_id: int | None = None,
        comment: str | None = None,
    ) -> FeedbackRecord:
        """A thumb (+1/-1) on one assistant answer, or a 1-5 rating of the conversation.

        A second thumb on the same answer replaces the first (customers change their mind), and
        so does a second rating of the conversation: one of each, or the averages would count a
        customer who rated twice twice.
        """
        if kind not in FEEDBACK_KINDS:
            raise ValueError(f"kind must be one of {sorted(FEEDBACK_KINDS)}, not {kind!r}")
        if kind == "thumb" and (value not in (-1, 1) or message_id is None):
            raise SupportError("a thumb is +1 or -1 on one answer (message_id)")
        if kind == "rating" and not 1 <= value <= 5:
            raise SupportError("a rating is a whole number from 1 to 5")
        if comment is not None and len(comment) > 2000:
            raise SupportError(f"a comment is at most 2000 characters, not {len(comment)}")
        control = next((c for c in comment or "" if c < " " and c not in "\n\r\t"), None)
        if control is not None:  # a NUL cannot even be stored on PostgreSQL
            raise SupportError(
                f"a comment cannot hold control characters (it holds \\x{ord(control):02x})"
            )
        self._db.migrate()
        with self._db.session(write=True) as s:
            conv = self._get(s, conversation_id)
            if message_id is not None:
                in_range = 1 <= message_id <= MAX_ROW_ID
                msg = s.get(Message, message_id) if in_range else None
                if msg is None or msg.conversation_id != conversation_id:
                    raise NotFoundError(f"no message {message_id} in this conversation")
                if msg.role != "assistant":
                    raise SupportError("only the assistant's answers can be rated")
            if kind == "rating":
                conv.rating = value
            owner = conv.customer_id or conv.id
            sealed = None if comment is None else self._db.seal(owner, comment)
            same = [Feedback.conversation_id == conversation_id, Feedback.kind == kind]
            if kind == "thumb":
                same.append(Feedback.message_id == message_id)
            existing = s.scalar(select(Feedback).where(*same).order_by(Feedback.id).limit(1))
            row = existing or Feedback(conversation_id=conversation_id, kind=kind)
            row.message_id = message_id
            row.value = value
            row.comment = sealed
            row.created_at = utcnow()
            s.add(row)
            s.flush()
            return FeedbackRecord(
                id=row.id,
                conversation_id=conversation_id,
                message_id=message_id,
                kind=kind,
                value=value,
                comment=comment,
                created_at=row.created_at,
            )

    def feedback(self, conversation_id: str) -> builtins.list[FeedbackRecord]:
        self._db.migrate()
        with self._db.session() as s:
            conv = self._get(s, conversation_id)
            owner = conv.customer_id or conv.id
            rows = s.scalars(
                select(Feedback)
                .where(Feedback.conversation_id == conversation_id)
                .order_by(Feedback.id)
            )
            return [
                FeedbackRecord(
                    id=f.id,
                    conversation_id=f.conversation_id,
                    message_id=f.message_id,
                    kind=f.kind,
                    value=f.value,
                    comment=None if f.comment is None else self._db.unseal(owner, f.comment),
                    created_at=f.created_at,
                )
                for f in rows
            ]

    # -- helpers ------------------------------------------------------------------------
    @staticmethod
    def _get(s: Any, conversation_id: str) -> Conversation:
        conv = s.get(Conversation, conversation_id)
        if conv is None:
            raise NotFoundError(f"no conversation with id {conversation_id!r}")
        return conv

    @staticmethod
    def _record(s: Any, conv: Conversation) -> ConversationRecord:
        return _conversation_record(conv, ConversationRepository._message_count(s, conv.id))
