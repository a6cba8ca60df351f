"""The Database.seal/unseal hooks: plaintext without a cipher, ciphertext with one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kefu.errors import NotFoundError
from kefu.security.crypto import EnvelopeCipher
from kefu.security.keyfile import MasterKeySource
from kefu.storage.conversation_repo import ConversationRepository, key_owner
from kefu.storage.db import Database
from kefu.storage.models import DataKey, Message


def test_without_a_cipher_text_is_stored_as_is(db: Database) -> None:
    assert db.cipher is None
    convs = ConversationRepository(db)
    cid = convs.create().id
    convs.add_message(cid, role="user", content="plain words")
    convs.add_message(cid, role="user", content="enc:v1:looks sealed")
    with db.session() as s:
        stored = list(s.scalars(select(Message.content).order_by(Message.id)))
    assert stored[0] == "plain words" and stored[1] != "enc:v1:looks sealed"
    assert [m.content for m in convs.history(cid)] == ["plain words", "enc:v1:looks sealed"]


def test_with_a_cipher_messages_are_sealed_for_the_owner(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url, cipher=EnvelopeCipher(MasterKeySource(tmp_path / "master.key")))
    convs = ConversationRepository(db)
    mine = convs.create(customer_id="cust-1")
    anon = convs.create()
    assert key_owner(mine) == "cust-1" and key_owner(anon) == anon.id
    added = convs.add_message(mine.id, role="user", content="hello")
    assert added.content == "hello"  # the record carries the text, not the ciphertext
    convs.add_message(anon.id, role="user", content="hi")
    with db.session() as s:
        stored = list(s.scalars(select(Message.content)))
        owners = set(s.scalars(select(DataKey.owner)))
    assert all(x.startswith("enc:v1:") for x in stored)
    assert owners == {"cust-1", anon.id}
    assert [m.content for m in convs.history(mine.id, limit=1)] == ["hello"]
    with pytest.raises(NotFoundError):
        convs.add_message("missing", role="user", content="x")
    db.dispose()


def test_sealing_inside_a_write_session_needs_no_new_key(tmp_path: Path) -> None:
    # The service seals feedback comments inside its own write session: the owner's key must
    # already exist by then (made when the conversation was), or SQLite would wait on itself.
    db = Database(
        f"sqlite:///{tmp_path / 'k.db'}",
        cipher=EnvelopeCipher(MasterKeySource(tmp_path / "master.key"), cache_ttl_s=0),
    )
    conv = ConversationRepository(db).create(customer_id="cust-w")
    with db.session(write=True) as s:
        assert s.get(DataKey, "cust-w") is not None
        sealed = db.seal(key_owner(conv), "a comment")
    assert db.unseal("cust-w", sealed) == "a comment"
    db.dispose()
