"""Data-subject duties: export everything held about a customer, erase it, purge old data.

Erasure and retention delete the rows *and* the owners' data keys (crypto-shredding), so copies
of the ciphertext elsewhere (database backups, replicas, dumps) can no longer be opened with
the master key. Every call is recorded in the audit log with who asked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, text

from kefu.errors import NotFoundError
from kefu.security.audit import AuditLog
from kefu.security.customers import CustomerRepository
from kefu.storage.conversation_repo import key_owner
from kefu.storage.models import Conversation, Customer, DataKey, Feedback, Message, utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kefu.storage.db import Database

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]  # (stage, done, total)
_CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True)
class ErasureSummary:
    customer_id: str
    conversations: int
    messages: int
    feedback: int
    customer_record: bool
    data_keys: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PurgeSummary:
    cutoff: datetime
    dry_run: bool
    conversations: int
    messages: int
    feedback: int
    customers: int
    data_keys: int

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "cutoff": self.cutoff.isoformat()}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


class Privacy:
    """Export, erasure and retention over one database (with its cipher)."""

    def __init__(self, db: Database, audit: AuditLog | None = None) -> None:
        self._db = db
        self.audit = audit or AuditLog(db)

    # -- export ------------------------------------------------------------------------------
    def export_customer(
        self,
        customer_id: str,
        *,
        actor: str = "system",
        role: str = "admin",
        ip: str | None = None,
    ) -> dict[str, Any]:
        """Everything held about one customer, decrypted, as JSON-serialisable data.

        NotFoundError when kefu holds nothing about them (no conversation, no details).
        """
        db = self._db
        db.migrate()
        with db.session() as s:
            convs = list(
                s.scalars(
                    select(Conversation)
                    .where(Conversation.customer_id == customer_id)
                    .order_by(Conversation.created_at)
                )
            )
            ids = [c.id for c in convs]
            messages = self._rows(s, Message, ids, Message.id)
            feedback = self._rows(s, Feedback, ids, Feedback.id)
        details = CustomerRepository(db).find(customer_id)
        if not convs and details is None:
            raise NotFoundError(f"kefu holds no conversation or details for {customer_id!r}")
        conversations = [self._conversation(conv, messages, feedback) for conv in convs]
        self.audit.record(
            actor, role, "privacy.export", customer_id,
            {"conversations": len(convs)}, ip,
        )  # fmt: skip
        # Who read or acted on the customer's conversations is theirs to know too (GDPR
        # art. 15(1)(c): the recipients of their data): agents' reads, takes and replies are
        # recorded against the conversation, not the customer.
        audit = self._trail(customer_id, *ids)
        return {
            "customer_id": customer_id,
            "exported_at": _iso(utcnow()),
            "customer": None
            if details is None
            else {
                "details": details.details,
                "created_at": _iso(details.created_at),
                "updated_at": _iso(details.updated_at),
            },
            "conversations": conversations,
            "audit": audit,
        }

    def _conversation(self, conv: Any, messages: list[Any], feedback: list[Any]) -> dict[str, Any]:
        """One conversation with its messages and feedback, decrypted."""
        db = self._db
        owner = key_owner(conv)
        return {
            "id": conv.id,
            "created_at": _iso(conv.created_at),
            "updated_at": _iso(conv.updated_at),
            "channel": conv.channel,
            "language": conv.language,
            "status": conv.status,
            "meta": dict(conv.meta or {}),
            "assigned_agent": conv.assigned_agent,
            "handoff_reason": conv.handoff_reason,
            "rating": conv.rating,
            "messages": [
                {
                    "id": m.id,
                    "role": m.role,
                    "content": db.unseal(owner, m.content),
                    "created_at": _iso(m.created_at),
                    "language": m.language,
                    "sources": [dict(x) for x in m.sources or []],
                    "confidence": m.confidence,
                    "mode": m.mode,
                    "handoff": m.handoff,
                }
                for m in messages
                if m.conversation_id == conv.id
            ],
            "feedback": [
                {
                    "id": f.id,
                    "message_id": f.message_id,
                    "kind": f.kind,
                    "value": f.value,
                    "comment": None if f.comment is None else db.unseal(owner, f.comment),
                    "created_at": _iso(f.created_at),
                }
                for f in feedback
                if f.conversation_id == conv.id
            ],
        }

    def _trail(self, *targets: str) -> list[dict[str, Any]]:
        """The audit entries about any of ``targets``, oldest first."""
        entries = {a.id: a for t in targets for a in self.audit.list(limit=10_000, target=t)}
        return [
            {
                "id": a.id,
                "at": _iso(a.at),
                "actor": a.actor,
                "role": a.role,
                "action": a.action,
                "detail": a.detail,
            }
            for _, a in sorted(entries.items())
        ]

    def export_conversation(
        self,
        conversation_id: str,
        *,
        actor: str = "system",
        role: str = "admin",
        ip: str | None = None,
    ) -> dict[str, Any]:
        """One conversation, decrypted: a web-chat guest without a customer id is known by
        their conversation's id alone (the right of access). NotFoundError if it is unknown."""
        db = self._db
        db.migrate()
        with db.session() as s:
            conv = s.get(Conversation, conversation_id)
            if conv is None:
                raise NotFoundError(f"no conversation with id {conversation_id!r}")
            messages = self._rows(s, Message, [conversation_id], Message.id)
            feedback = self._rows(s, Feedback, [conversation_id], Feedback.id)
        record = self._conversation(conv, messages, feedback)
        self.audit.record(
            actor, role, "privacy.export_conversation", conversation_id,
            {"messages": len(messages)}, ip,
        )  # fmt: skip
        return {
            "conversation_id": conversation_id,
            "customer_id": conv.customer_id,
            "exported_at": _iso(utcnow()),
            "conversation": record,
            "audit": self._trail(conversation_id),
        }

    @staticmethod
    def _rows(s: Session, model: Any, ids: list[str], order: Any) -> list[Any]:
        rows: list[Any] = []
        for chunk in _chunks(ids):
            rows.extend(
                s.scalars(select(model).where(model.conversation_id.in_(chunk)).order_by(order))
            )
        return rows

    # -- erasure -----------------------------------------------------------------------------
    def erase_customer(
        self,
        customer_id: str,
        *,
        actor: str = "system",
        role: str = "admin",
        ip: str | None = None,
        must_exist: bool = False,
    ) -> ErasureSummary:
        """Delete the customer's conversations, messages, feedback and details, and shred keys.

        Idempotent: erasing someone kefu holds nothing about deletes nothing (and is audited).
        With ``must_exist`` that is a NotFoundError instead, and nothing is audited, as for
        an export: ``kefu privacy erase`` must not report a mistyped id as erased.
        """
        if not isinstance(customer_id, str) or not customer_id or len(customer_id) > 64:
            raise ValueError("a customer id must be a non-empty string of at most 64 characters")
        db = self._db
        db.migrate()
        with db.session(write=True) as s:
            self._secure_delete(s)
            ids = list(
                s.scalars(select(Conversation.id).where(Conversation.customer_id == customer_id))
            )
            if must_exist and not ids and not self._holds_details_or_key(s, customer_id):
                raise NotFoundError(
                    f"kefu holds no conversation, details or key for {customer_id!r}; "
                    "nothing was erased"
                )
            counts = self._delete_conversations(s, ids)
            had_record = bool(
                s.execute(delete(Customer).where(Customer.id == customer_id)).rowcount  # type: ignore[attr-defined]
            )
            owners = [customer_id, *ids]
            shredded = self._shred(s, owners)
        self._after_shred(owners)
        summary = ErasureSummary(customer_id, len(ids), counts[0], counts[1], had_record, shredded)
        detail = {k: v for k, v in summary.as_dict().items() if k != "customer_id"}
        self.audit.record(actor, role, "privacy.erase", customer_id, detail, ip)
        return summary

    @staticmethod
    def _holds_details_or_key(s: Session, customer_id: str) -> bool:
        details = s.scalar(select(Customer.id).where(Customer.id == customer_id))
        key = s.scalar(select(DataKey.owner).where(DataKey.owner == customer_id).limit(1))
        return details is not None or key is not None

    def erase_conversation(
        self,
        conversation_id: str,
        *,
        actor: str = "system",
        role: str = "admin",
        ip: str | None = None,
    ) -> dict[str, Any]:
        """Delete one conversation (e.g. an anonymous customer's, known by its id alone).

        Its own data key is shredded when it has no customer; a customer's key stays for their
        other conversations (erase the customer to shred it). NotFoundError if it is unknown.
        """
        db = self._db
        db.migrate()
        with db.session(write=True) as s:
            conv = s.get(Conversation, conversation_id)
            if conv is None:
                raise NotFoundError(f"no conversation with id {conversation_id!r}")
            customer = conv.customer_id
            self._secure_delete(s)
            messages, feedback = self._delete_conversations(s, [conversation_id])
            owners = [] if customer else [conversation_id]
            shredded = self._shred(s, owners)
        self._after_shred(owners)
        detail = {"messages": messages, "feedback": feedback, "data_keys": shredded}
        self.audit.record(actor, role, "privacy.erase_conversation", conversation_id, detail, ip)
        return {"conversation_id": conversation_id, "customer_id": customer, **detail}

    # -- retention ---------------------------------------------------------------------------
    def purge(
        self,
        older_than_days: float,
        *,
        dry_run: bool = False,
        actor: str = "system",
        role: str = "admin",
        ip: str | None = None,
        now: datetime | None = None,
        progress: Progress | None = None,
    ) -> PurgeSummary:
        """Delete conversations idle (``updated_at``) longer than the period, and their keys.

        A customer's own key and details go too once none of their conversations is left and
        their details were not updated within the period either.
        """
        if older_than_days <= 0:
            raise ValueError("older_than_days must be more than zero")
        cutoff = (now or datetime.now(UTC)) - timedelta(days=older_than_days)
        db = self._db
        db.migrate()
        with db.session(write=not dry_run) as s:
            old = s.execute(
                select(Conversation.id, Conversation.customer_id).where(
                    Conversation.updated_at < cutoff
                )
            ).all()
            ids = [row.id for row in old]
            kept_customers = set(
                s.scalars(
                    select(Conversation.customer_id)
                    .where(Conversation.updated_at >= cutoff, Conversation.customer_id.is_not(None))
                    .distinct()
                )
            )
            stale_records = set(s.scalars(select(Customer.id).where(Customer.updated_at < cutoff)))
            fresh_records = set(s.scalars(select(Customer.id).where(Customer.updated_at >= cutoff)))
            customers = {row.customer_id for row in old if row.customer_id} | stale_records
            gone_customers = sorted(customers - kept_customers - fresh_records)
            records = sorted(stale_records - kept_customers)
            owners = ids + gone_customers
            if dry_run:
                messages = self._count(s, Message, ids)
                feedback = self._count(s, Feedback, ids)
                keys = sum(
                    int(s.scalar(select(func.count()).where(DataKey.owner.in_(c))) or 0)
                    for c in _chunks(owners)
                )
                summary = PurgeSummary(
                    cutoff, True, len(ids), messages, feedback, len(records), keys
                )
                return summary
            self._secure_delete(s)
            messages, feedback = self._delete_conversations(s, ids, progress)
            for chunk in _chunks(records):
                s.execute(delete(Customer).where(Customer.id.in_(chunk)))
            keys = self._shred(s, owners)
        self._after_shred(owners)
        summary = PurgeSummary(cutoff, False, len(ids), messages, feedback, len(records), keys)
        detail = {k: v for k, v in summary.as_dict().items() if k != "dry_run"}
        self.audit.record(actor, role, "privacy.purge", None, detail, ip)
        return summary

    # -- shared steps ------------------------------------------------------------------------
    @staticmethod
    def _count(s: Session, model: Any, ids: list[str]) -> int:
        return sum(
            int(s.scalar(select(func.count()).where(model.conversation_id.in_(c))) or 0)
            for c in _chunks(ids)
        )

    def _delete_conversations(
        self, s: Session, ids: list[str], progress: Progress | None = None
    ) -> tuple[int, int]:
        """Delete conversations with their feedback and messages; (messages, feedback) counts."""
        messages = feedback = done = 0
        for chunk in _chunks(ids):
            # Explicit, children first: works where ON DELETE CASCADE is not enforced.
            feedback += s.execute(
                delete(Feedback).where(Feedback.conversation_id.in_(chunk))
            ).rowcount  # type: ignore[attr-defined]
            messages += s.execute(
                delete(Message).where(Message.conversation_id.in_(chunk))
            ).rowcount  # type: ignore[attr-defined]
            s.execute(delete(Conversation).where(Conversation.id.in_(chunk)))
            done += len(chunk)
            if progress is not None:
                progress("purging conversations", done, len(ids))
        return messages, feedback

    @staticmethod
    def _shred(s: Session, owners: Iterable[str]) -> int:
        shredded = 0
        for chunk in _chunks(sorted(set(owners))):
            shredded += s.execute(delete(DataKey).where(DataKey.owner.in_(chunk))).rowcount  # type: ignore[attr-defined]
        return shredded

    def _secure_delete(self, s: Session) -> None:
        if self._db.backend == "sqlite":
            # Overwrite deleted rows with zeros, or the wrapped keys would linger in free pages.
            s.execute(text("PRAGMA secure_delete=ON"))

    def _after_shred(self, owners: list[str]) -> None:
        forget = getattr(self._db.cipher, "forget", None)
        if forget is not None:
            forget(owners)
        if self._db.backend == "sqlite":
            # Fold the write-ahead log (which holds pre-delete page images) into the file and
            # empty it. Best effort: a reader holding an old snapshot makes it a partial one.
            with suppress(Exception):
                raw = self._db.engine.raw_connection()
                try:
                    raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    raw.close()


# -- functions for callers that hold a Database (the HTTP service) -----------------------------


def export_customer(
    db: Database,
    customer_id: str,
    *,
    actor: str = "system",
    role: str = "admin",
    ip: str | None = None,
) -> dict[str, Any]:
    """:meth:`Privacy.export_customer` (audited as ``privacy.export`` by ``actor``)."""
    return Privacy(db).export_customer(customer_id, actor=actor, role=role, ip=ip)


def export_conversation(
    db: Database,
    conversation_id: str,
    *,
    actor: str = "system",
    role: str = "admin",
    ip: str | None = None,
) -> dict[str, Any]:
    """:meth:`Privacy.export_conversation` (audited as ``privacy.export_conversation``)."""
    return Privacy(db).export_conversation(conversation_id, actor=actor, role=role, ip=ip)


def erase_customer(
    db: Database,
    customer_id: str,
    *,
    actor: str = "system",
    role: str = "admin",
    ip: str | None = None,
) -> dict[str, Any]:
    """:meth:`Privacy.erase_customer`, its summary as a JSON-ready dict (audited)."""
    return Privacy(db).erase_customer(customer_id, actor=actor, role=role, ip=ip).as_dict()


def purge(
    db: Database,
    older_than_days: float,
    *,
    dry_run: bool = False,
    actor: str = "system",
    role: str = "admin",
    ip: str | None = None,
) -> dict[str, Any]:
    """:meth:`Privacy.purge`, its summary as a JSON-ready dict (audited unless a dry run)."""
    summary = Privacy(db).purge(older_than_days, dry_run=dry_run, actor=actor, role=role, ip=ip)
    return summary.as_dict()


def erase_conversation(
    db: Database,
    conversation_id: str,
    *,
    actor: str = "system",
    role: str = "admin",
    ip: str | None = None,
) -> dict[str, Any]:
    """:meth:`Privacy.erase_conversation` (audited)."""
    return Privacy(db).erase_conversation(conversation_id, actor=actor, role=role, ip=ip)
