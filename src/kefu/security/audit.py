"""The append-only audit log of privileged actions, made tamper-evident by a hash chain.

Each row's ``hash`` is ``sha256(previous row's hash + canonical JSON of this row)``, the first
row chaining to 64 zeros. Editing, deleting or reordering any row breaks every hash after it,
which :meth:`AuditLog.verify` finds. Cutting rows off the end leaves a shorter valid chain: to
catch that too, keep the head (``kefu audit head``) somewhere the database's administrators
cannot write, and check against it (``kefu audit verify --expect-head``). There is
deliberately no update or delete method.
"""

from __future__ import annotations

import builtins
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text

from kefu.storage.models import AuditEntry, utcnow

if TYPE_CHECKING:
    from kefu.storage.db import Database

GENESIS = "0" * 64
# Serialises appends on PostgreSQL (SQLite's write sessions already queue); any constant works.
_PG_AUDIT_LOCK = 0x6B656675_61756474
_LIMITS = {"actor": 128, "role": 16, "action": 64, "target": 128, "ip": 64}


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    role: str
    action: str
    target: str | None
    detail: dict[str, Any]
    ip: str | None
    hash: str


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    count: int
    head: str  # the last row's hash (GENESIS for an empty log)
    first_bad_id: int | None = None
    # With ``check(expect_head=...)``: how many entries the chain had when that hash was its
    # head (0 for GENESIS); None when no entry carries it, i.e. the log no longer reaches it.
    expected_at: int | None = None


def canonical(
    *,
    id: int,
    at: datetime,
    actor: str,
    role: str,
    action: str,
    target: str | None,
    detail: dict[str, Any],
    ip: str | None,
) -> str:
    """The bytes a row's hash covers: sorted-key JSON, timestamps as UTC ISO with microseconds."""
    row = {
        "id": id,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "role": role,
        "action": action,
        "target": target,
        "detail": detail,
        "ip": ip,
    }
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, row: str) -> str:
    return hashlib.sha256((prev_hash + row).encode("utf-8")).hexdigest()


def _entry_hash(e: AuditEntry) -> str:
    row = canonical(
        id=e.id,
        at=e.at,
        actor=e.actor,
        role=e.role,
        action=e.action,
        target=e.target,
        detail=dict(e.detail or {}),
        ip=e.ip,
    )
    return chain_hash(e.prev_hash, row)


def _text(value: str | None, what: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value or len(value) > _LIMITS[what] or "\x00" in value:
        raise ValueError(f"audit {what} must be a string of 1-{_LIMITS[what]} characters")
    return value


class AuditLog:
    """Append and read audit entries; no way to change one."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        actor: str,
        role: str,
        action: str,
        target: str | None = None,
        detail: dict[str, Any] | None = None,
        ip: str | None = None,
    ) -> AuditRecord:
        _text(actor, "actor")
        _text(role, "role")
        _text(action, "action")
        _text(target, "target", optional=True)
        _text(ip, "ip", optional=True)
        try:
            # What is hashed must be exactly what reads back from the JSON column.
            clean = json.loads(json.dumps(detail or {}, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError) as exc:
            raise ValueError(f"audit detail must be JSON-serialisable: {exc}") from exc
        if not isinstance(clean, dict):
            raise ValueError("audit detail must be a dict")
        self._db.migrate()
        with self._db.session(write=True) as s:
            if self._db.backend == "postgresql":
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
            head = s.execute(
                select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
            ).first()
            prev, next_id = (head.hash, head.id + 1) if head is not None else (GENESIS, 1)
            entry = AuditEntry(
                id=next_id,
                at=utcnow(),
                actor=actor,
                role=role,
                action=action,
                target=target,
                detail=clean,
                ip=ip,
                prev_hash=prev,
            )
            entry.hash = _entry_hash(entry)
            s.add(entry)
            s.flush()
            return _record(entry)

    def list(
        self,
        *,
        limit: int = 100,
        actor: str | None = None,
        action: str | None = None,
        target: str | None = None,
    ) -> builtins.list[AuditRecord]:
        """Newest first, optionally only one actor's, action's or target's entries."""
        if limit < 0:
            raise ValueError("limit must be zero or more")
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if actor is not None:
            query = query.where(AuditEntry.actor == actor)
        if action is not None:
            query = query.where(AuditEntry.action == action)
        if target is not None:
            query = query.where(AuditEntry.target == target)
        self._db.migrate()
        with self._db.session() as s:
            return [_record(e) for e in s.scalars(query)]

    def check(self, expect_head: str | None = None) -> AuditCheck:
        """Walk the whole chain; the first row whose link or hash is wrong is reported.

        ``expect_head``, a head recorded earlier (``kefu audit head``), is looked for on the
        way: a chain cut short before it is intact in itself, and only this finds the cut.
        """
        self._db.migrate()
        prev, expected_id, count = GENESIS, 1, 0
        expected_at = 0 if expect_head == GENESIS else None
        with self._db.session() as s:
            rows = s.scalars(
                select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=500)
            )
            for e in rows:
                if e.id != expected_id or e.prev_hash != prev or e.hash != _entry_hash(e):
                    return AuditCheck(
                        ok=False, count=count, head=prev, first_bad_id=e.id, expected_at=expected_at
                    )
                prev, expected_id, count = e.hash, e.id + 1, count + 1
                if expected_at is None and e.hash == expect_head:
                    expected_at = count
        return AuditCheck(ok=True, count=count, head=prev, expected_at=expected_at)

    def verify(self) -> bool:
        """True when the hash chain is intact (each row's hash = sha256(prev hash + row))."""
        return self.check().ok


def _record(e: AuditEntry) -> AuditRecord:
    return AuditRecord(
        id=e.id,
        at=e.at,
        actor=e.actor,
        role=e.role,
        action=e.action,
        target=e.target,
        detail=dict(e.detail or {}),
        ip=e.ip,
        hash=e.hash,
    )
