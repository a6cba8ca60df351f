"""Master-key rotation: data keys re-wrapped, files swapped safely, interruptions recoverable."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kefu.security import keys as keys_module
from kefu.security.crypto import EncryptionError, EnvelopeCipher
from kefu.security.keyfile import MasterKeySource, encode_key, key_id, new_key, read_key_file
from kefu.security.keys import key_status, rotate_master_key
from kefu.storage.conversation_repo import ConversationRepository
from kefu.storage.db import Database
from kefu.storage.models import DataKey


def _conversations(db: Database, n: int = 3) -> dict[str, str]:
    convs = ConversationRepository(db)
    made = {}
    for i in range(n):
        cid = convs.create(customer_id=f"cust-{i}").id
        convs.add_message(cid, role="user", content=f"secret {i}")
        made[cid] = f"secret {i}"
    return made


def _read_all(url: str, source: MasterKeySource, made: dict[str, str]) -> None:
    db = Database(url, cipher=EnvelopeCipher(source))
    convs = ConversationRepository(db)
    for cid, content in made.items():
        assert [m.content for m in convs.history(cid)] == [content]
    db.dispose()


def _kek_ids(db: Database) -> set[str]:
    with db.session() as s:
        return set(s.scalars(select(DataKey.kek_id)))


def test_rotation_rewraps_every_key_and_swaps_the_file(
    sealed_db: Database, key_source: MasterKeySource
) -> None:
    made = _conversations(sealed_db)
    old = read_key_file(key_source.path)
    with sealed_db.session() as s:
        before = {k.owner: k.wrapped for k in s.scalars(select(DataKey))}
    assert isinstance(sealed_db.cipher, EnvelopeCipher)
    report = rotate_master_key(sealed_db, sealed_db.cipher)
    new = read_key_file(key_source.path)
    assert new != old and report.new_id == key_id(new) and report.old_id == key_id(old)
    assert report.rewrapped == 3
    assert _kek_ids(sealed_db) == {key_id(new)}
    with sealed_db.session() as s:
        after = {k.owner: k.wrapped for k in s.scalars(select(DataKey))}
    assert after.keys() == before.keys() and all(after[o] != before[o] for o in before)
    assert not key_source.old_path.exists() and not key_source.new_path.exists()
    _read_all(sealed_db.url, key_source, made)
    # The old key alone opens nothing any more.
    with pytest.raises(EncryptionError):
        _read_all(
            sealed_db.url, MasterKeySource(key_source.path.parent / "x", encode_key(old)), made
        )
    # The same cipher keeps working, and new owners are wrapped by the new key.
    ConversationRepository(sealed_db).create(customer_id="late")
    sealed_db.seal("late", "after rotation")
    assert _kek_ids(sealed_db) == {key_id(new)}
    st = key_status(sealed_db, sealed_db.cipher)
    assert st.primary_id == key_id(new) and st.data_keys == {key_id(new): 4}


def test_keep_old_retires_the_key_file(sealed_db: Database, key_source: MasterKeySource) -> None:
    _conversations(sealed_db, 1)
    old = read_key_file(key_source.path)
    assert isinstance(sealed_db.cipher, EnvelopeCipher)
    report = rotate_master_key(sealed_db, sealed_db.cipher, keep_old=True)
    assert report.retired_key is not None and read_key_file(report.retired_key) == old


def test_failure_inside_the_transaction_changes_nothing(
    sealed_db: Database, key_source: MasterKeySource, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _conversations(sealed_db)
    old = read_key_file(key_source.path)
    calls = {"n": 0}
    real = keys_module.wrap_key

    def flaky(kek: bytes, owner: str, dek: bytes) -> str:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real(kek, owner, dek)

    monkeypatch.setattr(keys_module, "wrap_key", flaky)
    assert isinstance(sealed_db.cipher, EnvelopeCipher)
    with pytest.raises(RuntimeError):
        rotate_master_key(sealed_db, sealed_db.cipher)
    assert read_key_file(key_source.path) == old
    assert _kek_ids(sealed_db) == {key_id(old)}
    _read_all(sealed_db.url, key_source, made)
    monkeypatch.setattr(keys_module, "wrap_key", real)
    # The rerun adopts the pending new key and finishes.
    pending = read_key_file(key_source.new_path)
    rotate_master_key(sealed_db, sealed_db.cipher)
    assert read_key_file(key_source.path) == pending
    _read_all(sealed_db.url, key_source, made)


def test_crash_after_commit_before_the_swap_is_recovered(
    sealed_db: Database, key_source: MasterKeySource, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _conversations(sealed_db)
    old = read_key_file(key_source.path)

    real_replace = keys_module.os.replace

    def crash(src: Path, dst: Path) -> None:
        if Path(src) == key_source.new_path:
            raise OSError("crash during the swap")
        real_replace(src, dst)

    monkeypatch.setattr(keys_module.os, "replace", crash)
    assert isinstance(sealed_db.cipher, EnvelopeCipher)
    with pytest.raises(OSError):
        rotate_master_key(sealed_db, sealed_db.cipher)
    monkeypatch.undo()
    # Data keys are under the new key, the key file still holds the old: both read, via .new.
    assert read_key_file(key_source.path) == old
    assert _kek_ids(sealed_db) == {key_id(read_key_file(key_source.new_path))}
    _read_all(sealed_db.url, key_source, made)
    rotate_master_key(sealed_db, sealed_db.cipher)
    assert not key_source.new_path.exists() and not key_source.old_path.exists()
    _read_all(sealed_db.url, key_source, made)


def test_environment_rotation_with_the_previous_key(db_url: str, tmp_path: Path) -> None:
    old, new = encode_key(new_key()), encode_key(new_key())
    first = MasterKeySource(tmp_path / "unused", env_key=old)
    db = Database(db_url, cipher=EnvelopeCipher(first))
    made = _conversations(db, 2)
    db.dispose()
    with pytest.raises(EncryptionError):
        _read_all(db_url, MasterKeySource(tmp_path / "unused", env_key=new), made)
    both = MasterKeySource(tmp_path / "unused", env_key=new, previous_env_key=old)
    db = Database(db_url, cipher=EnvelopeCipher(both))
    _read_all(db_url, both, made)  # readable during the change-over
    assert isinstance(db.cipher, EnvelopeCipher)
    assert rotate_master_key(db, db.cipher).rewrapped == 2
    db.dispose()
    _read_all(db_url, MasterKeySource(tmp_path / "unused", env_key=new), made)
    assert not (tmp_path / "unused").exists()


def test_nothing_to_rotate_before_the_first_key(sealed_db: Database) -> None:
    assert isinstance(sealed_db.cipher, EnvelopeCipher)
    with pytest.raises(EncryptionError, match="nothing to rotate"):
        rotate_master_key(sealed_db, sealed_db.cipher)
