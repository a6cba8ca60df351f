"""Envelope encryption: sealing, owners as associated data, wrong keys, legacy text, the cache."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import select, update

from kefu.errors import ConfigError, StorageError
from kefu.security.crypto import EncryptionError, EnvelopeCipher, ShreddedError
from kefu.security.keyfile import MasterKeySource, encode_key, new_key
from kefu.storage.conversation_repo import ConversationRepository
from kefu.storage.db import Database
from kefu.storage.models import DataKey, Message


def test_seal_round_trip_and_format(sealed_db: Database) -> None:
    sealed = sealed_db.seal("cust-1", "我的银行卡丢了 card lost")
    assert sealed.startswith("enc:v1:") and "card" not in sealed
    assert sealed_db.unseal("cust-1", sealed) == "我的银行卡丢了 card lost"
    # Random nonces: the same text seals differently each time.
    assert sealed_db.seal("cust-1", "same") != sealed_db.seal("cust-1", "same")
    assert sealed_db.unseal("cust-1", sealed_db.seal("cust-1", "")) == ""


def test_ciphertext_is_bound_to_its_owner(sealed_db: Database) -> None:
    sealed = sealed_db.seal("alice", "alice's secret")
    sealed_db.seal("bob", "make bob a key")
    with pytest.raises(EncryptionError, match="altered or copied"):
        sealed_db.unseal("bob", sealed)
    tampered = sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB")
    with pytest.raises(EncryptionError):
        sealed_db.unseal("alice", tampered)


def test_legacy_plaintext_and_escaped_text_read_back(sealed_db: Database) -> None:
    assert sealed_db.unseal("x", "written before encryption") == "written before encryption"
    plain = Database(sealed_db.url)  # no cipher: stores as is, escaping look-alikes
    assert plain.seal("x", "hello") == "hello"
    escaped = plain.seal("x", "enc:v1:not really")
    assert escaped != "enc:v1:not really"
    assert plain.unseal("x", escaped) == "enc:v1:not really"
    assert sealed_db.unseal("x", escaped) == "enc:v1:not really"
    with pytest.raises(StorageError, match="no master key"):
        plain.unseal("x", sealed_db.seal("x", "secret"))
    with pytest.raises(EncryptionError, match="unknown format"):
        sealed_db.unseal("x", "enc:v9:abc")


def test_key_file_is_created_private(sealed_db: Database, key_source: MasterKeySource) -> None:
    assert not key_source.path.exists()
    sealed_db.seal("c", "text")
    mode = stat.S_IMODE(key_source.path.stat().st_mode)
    assert mode == 0o600
    assert len(key_source.path.read_text().strip()) == 44  # base64 of 32 bytes


def test_wrong_master_key_is_a_clear_error_and_loses_nothing(
    db_url: str, key_source: MasterKeySource, tmp_path: Path
) -> None:
    db = Database(db_url, cipher=EnvelopeCipher(key_source))
    convs = ConversationRepository(db)
    cid = convs.create(customer_id="cust-9").id
    convs.add_message(cid, role="user", content="my IBAN is secret")
    db.dispose()

    wrong = Database(
        db_url, cipher=EnvelopeCipher(MasterKeySource(tmp_path / "k", encode_key(new_key())))
    )
    with pytest.raises(EncryptionError, match="not the key this database was encrypted with"):
        ConversationRepository(wrong).history(cid)
    with pytest.raises(EncryptionError):
        ConversationRepository(wrong).add_message(cid, role="user", content="more")
    wrong.dispose()

    right = Database(db_url, cipher=EnvelopeCipher(key_source))
    assert [m.content for m in ConversationRepository(right).history(cid)] == ["my IBAN is secret"]
    right.dispose()


def test_missing_key_file_with_data_keys_is_refused(
    sealed_db: Database, key_source: MasterKeySource
) -> None:
    sealed = sealed_db.seal("c", "text")
    key_source.path.unlink()
    fresh = Database(sealed_db.url, cipher=EnvelopeCipher(key_source))
    with pytest.raises(EncryptionError, match="no master key"):
        fresh.unseal("c", sealed)
    with pytest.raises(EncryptionError, match="is missing"):
        fresh.seal("d", "new owner")
    assert not key_source.path.exists()  # no replacement key was made over the lost one
    fresh.dispose()


def test_bad_env_key_is_a_config_error(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url, cipher=EnvelopeCipher(MasterKeySource(tmp_path / "k", "c2hvcnQ=")))
    with pytest.raises(ConfigError, match="32"):
        db.seal("c", "x")


def test_data_keys_are_cached_one_unwrap_per_owner(
    db_url: str, key_source: MasterKeySource
) -> None:
    cipher = EnvelopeCipher(key_source)
    db = Database(db_url, cipher=cipher)
    convs = ConversationRepository(db)
    cid = convs.create(customer_id="cust-1").id
    for i in range(20):
        convs.add_message(cid, role="user", content=f"message {i}")
    assert len(convs.history(cid)) == 20
    assert cipher.unwraps == 1
    with db.session() as s:
        assert s.scalar(select(DataKey.owner)) == "cust-1"
    db.dispose()


def test_shredded_key_makes_old_ciphertext_unreadable(sealed_db: Database) -> None:
    copy = sealed_db.seal("gone", "remember me")  # e.g. a row in a backup
    with sealed_db.session(write=True) as s:
        s.delete(s.get(DataKey, "gone"))
    assert isinstance(sealed_db.cipher, EnvelopeCipher)
    sealed_db.cipher.forget(["gone"])
    with pytest.raises(ShreddedError):
        sealed_db.unseal("gone", copy)


def test_encryption_off_stores_plain_but_reads_old_ciphertext(
    db_url: str, key_source: MasterKeySource
) -> None:
    on = Database(db_url, cipher=EnvelopeCipher(key_source))
    convs = ConversationRepository(on)
    cid = convs.create().id
    convs.add_message(cid, role="user", content="sealed one")
    on.dispose()
    off = Database(db_url, cipher=EnvelopeCipher(key_source, encrypt=False))
    convs = ConversationRepository(off)
    convs.add_message(cid, role="user", content="plain one")
    assert [m.content for m in convs.history(cid)] == ["sealed one", "plain one"]
    with off.session() as s:
        stored = list(s.scalars(select(Message.content).order_by(Message.id)))
    assert stored[0].startswith("enc:v1:") and stored[1] == "plain one"
    off.dispose()


def test_messages_moved_between_conversations_fail(sealed_db: Database) -> None:
    convs = ConversationRepository(sealed_db)
    a = convs.create().id
    b = convs.create().id
    convs.add_message(a, role="user", content="in a")
    convs.add_message(b, role="user", content="in b")
    with sealed_db.session(write=True) as s:
        s.execute(update(Message).where(Message.conversation_id == a).values(conversation_id=b))
    with pytest.raises(EncryptionError):
        convs.history(b)
