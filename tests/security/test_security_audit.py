"""Audit log: append, filter, and a hash chain that exposes edits, deletions and reordering."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from kefu.security.audit import GENESIS, AuditLog
from kefu.storage.db import Database


@pytest.fixture
def audit(db: Database) -> AuditLog:
    log = AuditLog(db)
    log.record("alice", "admin", "users.add", "bob", {"role": "agent"}, ip="10.0.0.1")
    log.record("bob", "agent", "conversation.read", "conv-1")
    log.record("alice", "admin", "privacy.export", "cust-7", {"conversations": 2, "客户": "张三"})
    return log


def test_record_and_list(audit: AuditLog) -> None:
    rows = audit.list()
    assert [r.action for r in rows] == ["privacy.export", "conversation.read", "users.add"]
    assert rows[-1].detail == {"role": "agent"} and rows[-1].ip == "10.0.0.1"
    assert rows[0].detail["客户"] == "张三"
    assert [r.action for r in audit.list(actor="alice")] == ["privacy.export", "users.add"]
    assert [r.target for r in audit.list(target="conv-1")] == ["conv-1"]
    assert len(audit.list(action="users.add")) == 1
    assert len(audit.list(limit=1)) == 1
    assert len({r.hash for r in rows}) == 3


def test_chain_verifies(audit: AuditLog) -> None:
    check = audit.check()
    assert audit.verify() and check.ok and check.count == 3
    assert check.head == audit.list(limit=1)[0].hash != GENESIS


def test_bad_input_is_refused(audit: AuditLog) -> None:
    with pytest.raises(ValueError):
        audit.record("", "admin", "x")
    with pytest.raises(ValueError):
        audit.record("a", "admin", "x", detail={"bad": object()})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit_log SET actor = 'mallory' WHERE id = 2",
        'UPDATE audit_log SET detail = \'{"role": "admin"}\' WHERE id = 1',
        "UPDATE audit_log SET target = NULL WHERE id = 3",
        "DELETE FROM audit_log WHERE id = 2",
        "UPDATE audit_log SET id = id + 10 WHERE id = 1",
    ],
    ids=["actor", "detail", "target", "delete", "renumber"],
)
def test_tampering_is_detected(audit: AuditLog, db: Database, tamper: str) -> None:
    assert audit.verify()
    with db.engine.begin() as conn:
        conn.execute(text(tamper))
    assert not audit.verify()
    assert audit.check().first_bad_id is not None


def test_appending_after_tampering_does_not_heal_the_chain(audit: AuditLog, db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'nothing' WHERE id = 1"))
    audit.record("alice", "admin", "users.remove", "bob")
    assert not audit.verify()


def test_no_update_or_delete_api() -> None:
    public = {name for name in dir(AuditLog) if not name.startswith("_")}
    assert public == {"record", "list", "check", "verify"}


def test_check_finds_a_recorded_head_and_misses_one_cut_off(audit: AuditLog, db: Database) -> None:
    audit.record("cli:root", "admin", "users.add", "alice")
    recorded = audit.check()
    last = audit.record("cli:root", "admin", "users.add", "bob")
    assert audit.check(expect_head=recorded.head).expected_at == recorded.count
    assert audit.check(expect_head=GENESIS).expected_at == 0
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": last.id})
    cut = audit.check(expect_head=last.hash)
    assert cut.ok and cut.count == recorded.count and cut.expected_at is None
