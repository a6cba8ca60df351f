"""A server whose master key cannot open its database's data is refused, never "ready".

Tester T's second server (its own KEFU_HOME, the same database) reported ready and answered
every customer with 400 and a message naming its key file. Here two KEFU_HOMEs share one
database (SQLite, and PostgreSQL where one answers).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kefu.config import Settings
from kefu.security.crypto import EnvelopeCipher, MasterKeyError, master_key_source
from kefu.security.keycheck import check_master_key
from kefu.security.keyfile import MasterKeySource, key_id, new_key, write_key_file
from kefu.service.app import create_app
from kefu.storage.db import Database


def _encrypted_by_home_a(db_url: str, home_a: Path) -> str:
    """Seal a value with home A's key file (made on first use); return its key id."""
    source = MasterKeySource(path=home_a / "keys" / "master.key")
    db = Database(db_url, cipher=EnvelopeCipher(source))
    try:
        db.migrate()
        db.seal("cust-1", "hello")
    finally:
        db.dispose()
    ring = source.load(create=False)
    assert ring is not None
    return ring.primary_id


def _settings(home: Path, db_url: str, **extra: object) -> Settings:
    fields: dict[str, object] = {
        "home": home,
        "database_url": db_url,
        "embedder": "hashing",
        "llm_backend": "fake",
    }
    fields.update(extra)
    return Settings(**fields)  # type: ignore[arg-type]


def test_check_refuses_a_missing_or_foreign_key_and_accepts_the_shared_one(
    db_url: str, tmp_path: Path
) -> None:
    kid = _encrypted_by_home_a(db_url, tmp_path / "a")
    db = Database(db_url)
    try:
        missing = MasterKeySource(path=tmp_path / "b" / "keys" / "master.key")
        with pytest.raises(MasterKeyError) as info:
            check_master_key(db, missing)
        assert kid in str(info.value) and "KEFU_MASTER_KEY_FILE" in str(info.value)
        assert not missing.path.exists()  # no key was made on the way

        other = tmp_path / "c" / "keys" / "master.key"
        write_key_file(other, new_key())
        with pytest.raises(MasterKeyError, match="not the key this database was encrypted"):
            check_master_key(db, MasterKeySource(path=other))

        # Shared through KEFU_MASTER_KEY_FILE: accepted.
        shared = master_key_source(
            _settings(tmp_path / "b", db_url, master_key_file=tmp_path / "a/keys/master.key")
        )
        check_master_key(db, shared)
    finally:
        db.dispose()


def test_an_empty_database_passes(db_url: str, tmp_path: Path) -> None:
    db = Database(db_url)
    try:
        check_master_key(db, MasterKeySource(path=tmp_path / "none" / "master.key"))
    finally:
        db.dispose()


def test_a_server_without_the_key_is_not_ready_and_names_no_path(
    db_url: str, tmp_path: Path
) -> None:
    _encrypted_by_home_a(db_url, tmp_path / "a")
    home_b = tmp_path / "b"
    app = create_app(_settings(home_b, db_url), warm_up=False)
    with TestClient(app) as client:
        health = client.get("/health")
        assert health.status_code == 503
        body = health.json()
        assert body["ready"] is False and "master key" in body["reason"]
        reply = client.post("/api/conversations")
        assert reply.status_code == 503
        for text in (health.text, reply.text):
            assert str(tmp_path) not in text and "master.key" not in text


def test_a_key_lost_while_serving_is_a_503_without_a_path(db_url: str, tmp_path: Path) -> None:
    # The check passed at start (the key was there); then the data keys move to a key this
    # server does not have (another server rotated with its own KEFU_HOME).
    home = tmp_path / "a"
    _encrypted_by_home_a(db_url, home)
    app = create_app(_settings(home, db_url), warm_up=False)
    with TestClient(app) as client:
        assert client.get("/health").json()["reason"] is None
        made = client.post("/api/conversations").json()
        auth = {"Authorization": f"Bearer {made['token']}"}
        sent = client.post(
            f"/api/conversations/{made['id']}/messages", json={"text": "hello"}, headers=auth
        )
        assert sent.status_code == 200, sent.text
        db = Database(db_url)
        try:
            from sqlalchemy import update

            from kefu.storage.models import DataKey

            with db.session(write=True) as s:
                s.execute(update(DataKey).values(kek_id=key_id(new_key())))
        finally:
            db.dispose()
        app.state.kefu.assistant.kb.db.cipher.forget()
        read = client.get(f"/api/conversations/{made['id']}/messages", headers=auth)
        assert read.status_code == 503, read.text
        assert str(tmp_path) not in read.text and "master.key" not in read.text
        assert client.get("/health").json()["ready"] is False
