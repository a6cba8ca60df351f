"""Users: roles, scrypt passwords, hashed API keys, disabling; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from kefu.errors import NotFoundError, StorageError
from kefu.security.users import UserRepository, hash_password, verify_password
from kefu.storage.db import Database

PASSWORD = "correct horse battery"


@pytest.fixture
def users(db: Database) -> UserRepository:
    return UserRepository(db)


def test_password_hash_format_and_check() -> None:
    stored = hash_password(PASSWORD, n=2**10)
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "1024", "8", "1") and salt and digest
    assert verify_password(PASSWORD, stored)
    assert not verify_password(PASSWORD + "!", stored)
    assert hash_password(PASSWORD, n=2**10) != stored  # per-user salt
    assert not verify_password(PASSWORD, "md5$abc")


def test_create_get_list_and_roles(users: UserRepository) -> None:
    alice = users.create("alice", "admin", PASSWORD)
    bob = users.create("bob", "agent")
    assert alice.role == "admin" and not alice.disabled and alice.created_at.tzinfo is not None
    assert users.get("bob") == bob
    assert [u.name for u in users.list()] == ["alice", "bob"]
    with pytest.raises(StorageError, match="already exists"):
        users.create("alice", "agent", PASSWORD)
    with pytest.raises(ValueError, match="role"):
        users.create("carol", "customer", PASSWORD)
    with pytest.raises(ValueError):
        users.create("bad name!", "agent", PASSWORD)
    with pytest.raises(ValueError, match="at least"):
        users.create("dave", "agent", "short")
    with pytest.raises(NotFoundError):
        users.get("nobody")


def test_password_authentication(users: UserRepository, db: Database) -> None:
    users.create("alice", "admin", PASSWORD)
    assert users.authenticate_password("alice", PASSWORD) is not None
    assert users.authenticate_password("alice", "wrong password") is None
    assert users.authenticate_password("nobody", PASSWORD) is None
    users.set_password("alice", "another long password")
    assert users.authenticate_password("alice", PASSWORD) is None
    assert users.authenticate_password("alice", "another long password") is not None
    users.create("keyonly", "agent")
    assert users.authenticate_password("keyonly", "") is None
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users WHERE name='alice'")).scalar()
    assert stored.startswith("scrypt$") and "another" not in stored


def test_api_keys_are_hashed_and_revocable(users: UserRepository, db: Database) -> None:
    users.create("bob", "agent")
    key = users.create_api_key("bob", label="helpdesk")
    assert key.startswith("kefu_") and len(key) > 40
    user = users.authenticate_key(key)
    assert user is not None and user.name == "bob" and user.role == "agent"
    assert users.authenticate_key(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert users.authenticate_key("not a key") is None
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT prefix, key_sha256 FROM api_keys")).all()
    assert len(rows) == 1 and key not in str(rows) and rows[0][0] == key[:13]

    second = users.create_api_key("bob")
    users.revoke_api_key(key[:13])
    assert users.authenticate_key(key) is None
    assert users.authenticate_key(second) is not None
    [_, live] = users.api_keys("bob")
    users.revoke_api_key(str(live.id))
    assert users.authenticate_key(second) is None
    with pytest.raises(NotFoundError):
        users.revoke_api_key("kefu_zzzzzzzz")
    with pytest.raises(ValueError):
        users.revoke_api_key("abc")


def test_remove_disables_and_revokes(users: UserRepository) -> None:
    users.create("carol", "agent", PASSWORD)
    key = users.create_api_key("carol")
    users.remove("carol")
    assert users.get("carol").disabled
    assert users.authenticate_password("carol", PASSWORD) is None
    assert users.authenticate_key(key) is None
    with pytest.raises(StorageError, match="disabled"):
        users.create_api_key("carol")
    with pytest.raises(StorageError, match="already exists"):
        users.create("carol", "admin", PASSWORD)  # the name stays reserved
    with pytest.raises(NotFoundError):
        users.remove("nobody")


def test_removing_an_agent_puts_their_conversations_back_in_the_queue(
    users: UserRepository, db: Database
) -> None:
    from kefu.storage.conversation_repo import ConversationRepository
    from kefu.storage.support_repo import SupportRepository

    convs = ConversationRepository(db)
    support = SupportRepository(db)
    users.create("carol", "agent")
    users.create("dave", "agent")
    urgent, asked, direct, other = (convs.create(channel="api").id for _ in range(4))
    support.request_handoff(asked, "request")
    support.request_handoff(urgent, "emergency")
    support.request_handoff(other, "request")
    before = {c.id: c for c in support.queue()}
    support.take(asked, "carol")
    support.take(urgent, "carol")
    support.take(direct, "carol", take_over=True)  # an admin may take one from the bot
    support.take(other, "dave")

    assert users.remove("carol") == 3
    queue = support.queue()
    # Emergency first, then the oldest request, then the one that never waited before.
    assert [c.id for c in queue] == [urgent, asked, direct]
    for c in queue:
        assert c.status == "waiting" and c.assigned_agent is None
        if c.id in before:
            assert c.priority == before[c.id].priority
            assert c.waiting_since == before[c.id].waiting_since
    assert convs.get(other).assigned_agent == "dave"  # someone else's stay theirs
    assert users.remove("carol") == 0


def test_a_removed_name_says_it_is_reserved_and_how_to_enable_it(users: UserRepository) -> None:
    users.create("alice", "admin", PASSWORD)
    users.create("mei", "agent", PASSWORD)
    users.remove("mei")
    with pytest.raises(StorageError, match=r"but was removed.*kefu users enable mei"):
        users.create("mei", "agent", PASSWORD)
    users.enable("mei")
    mei = users.get("mei")
    assert not mei.disabled and mei.sessions_after is not None
    # Removal dropped the password: it comes back with none until passwd sets one.
    assert users.authenticate_password("mei", PASSWORD) is None
    users.set_password("mei", PASSWORD + "2")
    assert users.authenticate_password("mei", PASSWORD + "2") is not None
    with pytest.raises(StorageError, match="not disabled"):
        users.enable("mei")


def test_set_password_moves_sessions_after_and_may_revoke_keys(users: UserRepository) -> None:
    users.create("bob", "agent", PASSWORD)
    key = users.create_api_key("bob")
    assert users.get("bob").sessions_after is None
    assert users.set_password("bob", PASSWORD + "x") == 0
    assert users.get("bob").sessions_after is not None
    assert users.authenticate_key(key) is not None  # keys are separate credentials
    assert users.set_password("bob", PASSWORD + "y", revoke_keys=True) == 1
    assert users.authenticate_key(key) is None
    with pytest.raises(NotFoundError):
        users.set_password("nobody", PASSWORD)


def test_the_last_enabled_admin_cannot_be_demoted_or_removed(users: UserRepository) -> None:
    users.create("alice", "admin", PASSWORD)
    users.create("bob", "agent", PASSWORD)
    with pytest.raises(StorageError, match="last enabled admin"):
        users.set_role("alice", "agent")
    with pytest.raises(StorageError, match="last enabled admin"):
        users.remove("alice")
    assert users.set_role("bob", "admin") == "agent"
    assert users.set_role("alice", "agent") == "admin"  # bob is admin now
    with pytest.raises(StorageError, match="last enabled admin"):
        users.remove("bob")
    with pytest.raises(ValueError, match="role"):
        users.set_role("bob", "root")
