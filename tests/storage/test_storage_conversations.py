"""ConversationRepository: conversations, message history, status and cascade deletes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kefu.errors import NotFoundError, StorageError
from kefu.storage.conversation_repo import ConversationRepository
from kefu.storage.db import Database
from kefu.storage.models import Message


@pytest.fixture
def convs(db: Database) -> ConversationRepository:
    return ConversationRepository(db)


def test_create_and_get(convs: ConversationRepository) -> None:
    created = convs.create(channel="api", meta={"customer": "张三", "tier": 2})
    assert len(created.id) == 36
    assert created.status == "bot" and created.channel == "api" and created.message_count == 0
    got = convs.get(created.id)
    assert got.meta == {"customer": "张三", "tier": 2}
    assert got.created_at == created.created_at and got.created_at.tzinfo is not None

    named = convs.create(conversation_id="fixed-id")
    assert named.id == "fixed-id" and named.channel == "cli"
    with pytest.raises(StorageError, match="already exists"):
        convs.create(conversation_id="fixed-id")
    with pytest.raises(NotFoundError):
        convs.get("nope")
    with pytest.raises(ValueError):
        convs.create(conversation_id="x" * 37)


def test_messages_keep_answer_fields(convs: ConversationRepository) -> None:
    cid = convs.create().id
    convs.add_message(cid, role="user", content="怎么退货？", language="zh")
    sources = [{"id": "退货-1", "title": "退货流程", "score": 0.91}]
    reply = convs.add_message(
        cid,
        role="assistant",
        content="登录账户后申请退货。",
        sources=sources,
        confidence=0.87,
        handoff=False,
        mode="curated",
        latency_ms=12.5,
        language="zh",
    )
    assert reply.sources == sources
    user, assistant = convs.history(cid)
    assert user.role == "user" and user.sources == [] and user.confidence is None
    assert assistant == reply
    conversation = convs.get(cid)
    assert conversation.message_count == 2
    assert conversation.language == "zh"
    assert conversation.updated_at >= conversation.created_at


def test_add_message_validates(convs: ConversationRepository) -> None:
    cid = convs.create().id
    with pytest.raises(ValueError, match="role"):
        convs.add_message(cid, role="robot", content="hi")
    with pytest.raises(NotFoundError):
        convs.add_message("missing", role="user", content="hi")
    with pytest.raises(StorageError, match="NUL"):
        convs.add_message(cid, role="user", content="bin\x00ary")
    with pytest.raises(StorageError, match="JSON"):
        convs.add_message(cid, role="assistant", content="x", sources=[{"bad": object()}])
    assert convs.history(cid) == []


def test_a_turn_is_stored_whole_or_not_at_all(convs: ConversationRepository) -> None:
    cid = convs.create().id
    asked = {"role": "user", "content": "怎么退货？", "language": "zh"}
    said = {"role": "assistant", "content": "登录账户后申请退货。", "mode": "curated"}
    # The answer is refused after the question passed its checks: neither is kept.
    with pytest.raises(StorageError, match="NUL"):
        convs.add_messages(cid, [asked, {**said, "content": "bin\x00ary"}])
    with pytest.raises(ValueError, match="role"):
        convs.add_messages(cid, [asked, {**said, "role": "robot"}])
    with pytest.raises(NotFoundError):
        convs.add_messages("missing", [asked, said])
    assert convs.history(cid) == [] and convs.get(cid).language is None
    user, assistant = convs.add_messages(cid, [asked, said])
    assert convs.history(cid) == [user, assistant]
    assert (user.role, assistant.role, assistant.mode) == ("user", "assistant", "curated")
    assert user.id < assistant.id and convs.get(cid).language == "zh"
    assert convs.add_messages(cid, []) == []


def test_history_order_and_limit(convs: ConversationRepository) -> None:
    cid = convs.create().id
    other = convs.create().id
    for i in range(7):
        convs.add_message(cid, role="user" if i % 2 == 0 else "assistant", content=f"m{i}")
        convs.add_message(other, role="user", content=f"other {i}")
    assert [m.content for m in convs.history(cid)] == [f"m{i}" for i in range(7)]
    assert [m.content for m in convs.history(cid, limit=3)] == ["m4", "m5", "m6"]
    assert [m.content for m in convs.history(cid, limit=100)] == [f"m{i}" for i in range(7)]
    assert convs.history(cid, limit=0) == []
    with pytest.raises(NotFoundError):
        convs.history("missing")


def test_list_newest_first_with_counts(convs: ConversationRepository) -> None:
    a = convs.create(conversation_id="a").id
    b = convs.create(conversation_id="b").id
    c = convs.create(conversation_id="c").id
    convs.add_message(a, role="user", content="latest activity is here")
    listed = convs.list()
    assert [x.id for x in listed] == [a, c, b]
    assert [x.message_count for x in listed] == [1, 0, 0]
    assert [x.id for x in convs.list(limit=2)] == [a, c]


def test_set_status(convs: ConversationRepository) -> None:
    cid = convs.create().id
    assert convs.set_status(cid, "waiting").status == "waiting"
    assert convs.get(cid).status == "waiting"
    with pytest.raises(ValueError):
        convs.set_status(cid, "sleeping")
    with pytest.raises(NotFoundError):
        convs.set_status("missing", "closed")


def test_delete_cascades_to_messages(db: Database, convs: ConversationRepository) -> None:
    keep = convs.create().id
    drop = convs.create().id
    for i in range(3):
        convs.add_message(keep, role="user", content=f"k{i}")
        convs.add_message(drop, role="user", content=f"d{i}")
    convs.delete(drop)
    with pytest.raises(NotFoundError):
        convs.get(drop)
    with db.session() as s:
        left = s.scalar(
            select(func.count()).select_from(Message).where(Message.conversation_id == drop)
        )
    assert left == 0
    assert len(convs.history(keep)) == 3
    with pytest.raises(NotFoundError):
        convs.delete(drop)


def test_database_cascade_also_removes_messages(
    db: Database, convs: ConversationRepository
) -> None:
    # The ON DELETE CASCADE constraint itself (SQLite needs PRAGMA foreign_keys for this).
    from sqlalchemy import delete

    from kefu.storage.models import Conversation

    cid = convs.create().id
    convs.add_message(cid, role="user", content="x")
    with db.session(write=True) as s:
        s.execute(delete(Conversation).where(Conversation.id == cid))
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 0


def test_a_turn_is_found_by_its_client_id(convs: ConversationRepository) -> None:
    """A page names each message it sends; the same name sent again finds the stored turn."""
    cid, other = convs.create().id, convs.create().id
    asked = convs.add_message(cid, role="user", content="Where is my order?", client_id="c-1")
    answer = convs.add_message(cid, role="assistant", content="On its way.", mode="curated")
    convs.add_message(cid, role="user", content="Thanks")  # no client id: any number of these
    convs.add_message(cid, role="user", content="Bye")
    assert [m.id for m in convs.turn(cid, "c-1")] == [asked.id, answer.id]
    assert convs.turn(cid, "c-1")[0].client_id == "c-1"
    assert convs.turn(cid, "c-2") == [] and convs.turn(other, "c-1") == []
    # The bot stores a turn first and the service names it after; a name is one message's.
    later = convs.add_message(cid, role="user", content="One more thing")
    assert convs.set_client_id(later.id, "c-2")
    assert [m.content for m in convs.turn(cid, "c-2")] == ["One more thing"]  # not answered yet
    assert not convs.set_client_id(later.id, "c-1")  # asked holds it
    assert convs.turn(cid, "c-1")[0].id == asked.id and convs.turn(cid, "c-2")[0].id == later.id
    with pytest.raises(StorageError):
        convs.add_message(cid, role="user", content="again", client_id="c-1")
    # Another conversation may use the same name.
    assert convs.add_message(other, role="user", content="Hi", client_id="c-1").client_id == "c-1"
    with pytest.raises(NotFoundError):
        convs.turn("nope", "c-1")
    with pytest.raises(ValueError):
        convs.add_message(cid, role="user", content="x", client_id="y" * 65)
