"""Export, erasure with crypto-shredding, and retention; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from kefu.errors import NotFoundError
from kefu.security.audit import AuditLog
from kefu.security.crypto import ShreddedError
from kefu.security.customers import CustomerRepository
from kefu.security.privacy import Privacy
from kefu.storage.conversation_repo import ConversationRepository, key_owner
from kefu.storage.db import Database
from kefu.storage.models import Conversation, Customer, DataKey, Feedback, Message, utcnow


def _conversation(db: Database, customer: str | None, *texts: str, comment: str = "") -> str:
    convs = ConversationRepository(db)
    conv = convs.create(customer_id=customer)
    ids = [convs.add_message(conv.id, role="user", content=t).id for t in texts]
    if comment:
        sealed = db.seal(key_owner(conv), comment)
        with db.session(write=True) as s:
            s.add(
                Feedback(
                    conversation_id=conv.id,
                    message_id=ids[-1] if ids else None,
                    kind="thumb",
                    value=-1,
                    comment=sealed,
                    created_at=utcnow(),
                )
            )
    return conv.id


def _count(db: Database, model: type, **where: str) -> int:
    with db.session() as s:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return int(s.scalar(query) or 0)


def test_export_is_complete_and_decrypted(sealed_db: Database) -> None:
    a = _conversation(sealed_db, "cust-1", "where is my order?", "订单号 12345", comment="slow")
    b = _conversation(sealed_db, "cust-1", "second chat")
    _conversation(sealed_db, "cust-2", "someone else")
    CustomerRepository(sealed_db).put("cust-1", {"name": "李雷", "email": "li@example.com"})
    AuditLog(sealed_db).record("bob", "agent", "conversation.read", "cust-1")
    # An agent's read is recorded against the conversation: the customer sees it too.
    AuditLog(sealed_db).record("carol", "agent", "conversation.take", b)
    AuditLog(sealed_db).record("dave", "agent", "conversation.read", "someone-elses")

    data = Privacy(sealed_db).export_customer("cust-1", actor="alice", role="admin")
    json.dumps(data)  # serialisable
    assert data["customer_id"] == "cust-1"
    assert data["customer"]["details"] == {"name": "李雷", "email": "li@example.com"}
    by_id = {c["id"]: c for c in data["conversations"]}
    assert set(by_id) == {a, b}
    assert [m["content"] for m in by_id[a]["messages"]] == ["where is my order?", "订单号 12345"]
    assert by_id[a]["feedback"][0]["comment"] == "slow"
    assert [m["content"] for m in by_id[b]["messages"]] == ["second chat"]
    assert "someone else" not in json.dumps(data, ensure_ascii=False)
    assert [(e["actor"], e["action"]) for e in data["audit"]] == [
        ("bob", "conversation.read"),
        ("carol", "conversation.take"),
        ("alice", "privacy.export"),
    ]
    with pytest.raises(NotFoundError):
        Privacy(sealed_db).export_customer("nobody")


def test_erase_deletes_rows_and_shreds_keys(sealed_db: Database) -> None:
    a = _conversation(sealed_db, "cust-1", "erase me", comment="bad bot")
    keep = _conversation(sealed_db, "cust-2", "keep me")
    CustomerRepository(sealed_db).put("cust-1", {"phone": "+86 138 0013 8000"})
    with sealed_db.session() as s:
        backup = list(s.scalars(select(Message.content).where(Message.conversation_id == a)))

    summary = Privacy(sealed_db).erase_customer("cust-1", actor="alice", ip="10.1.1.1")
    assert (summary.conversations, summary.messages, summary.feedback) == (1, 1, 1)
    assert summary.customer_record and summary.data_keys == 1
    assert _count(sealed_db, Conversation, customer_id="cust-1") == 0
    assert _count(sealed_db, Message, conversation_id=a) == 0
    assert _count(sealed_db, Feedback, conversation_id=a) == 0
    assert _count(sealed_db, Customer, id="cust-1") == 0
    assert _count(sealed_db, DataKey, owner="cust-1") == 0
    # A copy of the ciphertext made before (a dump, a replica) no longer opens.
    with pytest.raises(ShreddedError):
        sealed_db.unseal("cust-1", backup[0])
    # Others are untouched; the erasure is audited, and a second erasure is harmless.
    assert [m.content for m in ConversationRepository(sealed_db).history(keep)] == ["keep me"]
    [entry] = AuditLog(sealed_db).list(action="privacy.erase")
    assert entry.actor == "alice" and entry.target == "cust-1" and entry.ip == "10.1.1.1"
    assert entry.detail["messages"] == 1
    again = Privacy(sealed_db).erase_customer("cust-1")
    assert again.conversations == 0 and again.data_keys == 0
    assert AuditLog(sealed_db).verify()


def test_erasing_someone_unknown_can_be_refused(sealed_db: Database) -> None:
    _conversation(sealed_db, "cust-1", "keep me")
    with pytest.raises(NotFoundError, match="'nobody'; nothing was erased"):
        Privacy(sealed_db).erase_customer("nobody", must_exist=True)
    assert AuditLog(sealed_db).list(action="privacy.erase") == []  # no claim of an erasure
    # Details alone, or a key alone, are something to erase.
    CustomerRepository(sealed_db).put("cust-2", {"email": "a@example.com"})
    assert Privacy(sealed_db).erase_customer("cust-2", must_exist=True).customer_record
    assert Privacy(sealed_db).erase_customer("cust-1", must_exist=True).conversations == 1


def test_erased_sqlite_file_holds_no_trace(sealed_db: Database) -> None:
    if sealed_db.backend != "sqlite":
        pytest.skip("file bytes are a SQLite notion")
    _conversation(sealed_db, "cust-1", "erase me please")
    with sealed_db.session() as s:
        wrapped = s.scalar(select(DataKey.wrapped).where(DataKey.owner == "cust-1"))
        sealed = s.scalar(select(Message.content))
    assert wrapped and sealed
    Privacy(sealed_db).erase_customer("cust-1")
    sealed_db.dispose()
    path = Path(sealed_db.engine.url.database or "")
    raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert wrapped.encode() not in raw
    assert sealed[7:60].encode() not in raw


def _age(db: Database, cid: str, days: float) -> None:
    with db.session(write=True) as s:
        s.execute(
            update(Conversation)
            .where(Conversation.id == cid)
            .values(updated_at=datetime.now(UTC) - timedelta(days=days))
        )


def test_purge_by_retention(sealed_db: Database) -> None:
    old_anon = _conversation(sealed_db, None, "old anonymous", comment="meh")
    old_mixed = _conversation(sealed_db, "cust-mixed", "old chat of a returning customer")
    new_mixed = _conversation(sealed_db, "cust-mixed", "recent chat")
    old_gone = _conversation(sealed_db, "cust-gone", "old chat")
    fresh = _conversation(sealed_db, None, "fresh")
    for cid in (old_anon, old_mixed, old_gone):
        _age(sealed_db, cid, 100)
    privacy = Privacy(sealed_db)

    dry = privacy.purge(30, dry_run=True)
    assert (dry.conversations, dry.messages, dry.feedback, dry.data_keys) == (3, 3, 1, 2)
    assert _count(sealed_db, Conversation) == 5

    done = privacy.purge(30)
    assert (done.conversations, done.messages, done.feedback, done.data_keys) == (3, 3, 1, 2)
    convs = ConversationRepository(sealed_db)
    assert {c.id for c in convs.list()} == {new_mixed, fresh}
    with sealed_db.session() as s:
        owners = set(s.scalars(select(DataKey.owner)))
    assert owners == {"cust-mixed", fresh}  # the returning customer keeps their key
    assert [m.content for m in convs.history(new_mixed)] == ["recent chat"]
    [entry] = AuditLog(sealed_db).list(action="privacy.purge")
    assert entry.detail["conversations"] == 3
    assert privacy.purge(30).conversations == 0
    with pytest.raises(ValueError):
        privacy.purge(0)


def test_purge_removes_stale_customer_details(sealed_db: Database) -> None:
    customers = CustomerRepository(sealed_db)
    customers.put("stale", {"name": "old"})
    customers.put("current", {"name": "new"})
    with sealed_db.session(write=True) as s:
        s.execute(
            update(Customer)
            .where(Customer.id == "stale")
            .values(updated_at=datetime.now(UTC) - timedelta(days=400))
        )
    summary = Privacy(sealed_db).purge(365)
    assert summary.customers == 1 and summary.data_keys == 1
    assert customers.ids() == ["current"]


def test_function_api_for_the_service(sealed_db: Database) -> None:
    from kefu.security import privacy

    _conversation(sealed_db, "cust-f", "hello")
    exported = privacy.export_customer(sealed_db, "cust-f", actor="admin1", ip="1.2.3.4")
    assert exported["conversations"][0]["messages"][0]["content"] == "hello"
    erased = privacy.erase_customer(sealed_db, "cust-f", actor="admin1")
    assert erased["conversations"] == 1 and erased["data_keys"] == 1
    json.dumps(erased)
    assert privacy.purge(sealed_db, 1, dry_run=True)["conversations"] == 0
    assert [e.actor for e in AuditLog(sealed_db).list(target="cust-f")] == ["admin1", "admin1"]


def test_erase_one_conversation(sealed_db: Database) -> None:
    anon = _conversation(sealed_db, None, "anonymous words", comment="ok")
    mine = _conversation(sealed_db, "cust-c", "first")
    other = _conversation(sealed_db, "cust-c", "second")
    privacy = Privacy(sealed_db)
    done = privacy.erase_conversation(anon, actor="bob", role="agent")
    assert (done["messages"], done["feedback"], done["data_keys"]) == (1, 1, 1)
    assert _count(sealed_db, DataKey, owner=anon) == 0
    kept = privacy.erase_conversation(mine)
    assert kept["data_keys"] == 0 and kept["customer_id"] == "cust-c"
    assert [m.content for m in ConversationRepository(sealed_db).history(other)] == ["second"]
    with pytest.raises(NotFoundError):
        privacy.erase_conversation(anon)
    assert AuditLog(sealed_db).list(action="privacy.erase_conversation")[-1].actor == "bob"
