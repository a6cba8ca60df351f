"""Fixtures for the security tests: a database with a cipher whose key file lives in tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kefu.security.crypto import EnvelopeCipher
from kefu.security.keyfile import MasterKeySource
from kefu.storage.db import Database


@pytest.fixture
def key_source(tmp_path: Path) -> MasterKeySource:
    return MasterKeySource(path=tmp_path / "keys" / "master.key")


@pytest.fixture
def sealed_db(db_url: str, key_source: MasterKeySource) -> Iterator[Database]:
    """A migrated database (SQLite and PostgreSQL) that seals text with a fresh master key."""
    database = Database(db_url, cipher=EnvelopeCipher(key_source))
    database.migrate()
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def kefu_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated KEFU_HOME for CLI tests, with fast components and no inherited KEFU_*."""
    for key in list(os.environ):
        if key.startswith("KEFU_"):
            monkeypatch.delenv(key)
    home = tmp_path / "home"
    monkeypatch.setenv("KEFU_HOME", str(home))
    monkeypatch.setenv("KEFU_EMBEDDER", "hashing")
    monkeypatch.setenv("KEFU_LLM_BACKEND", "fake")
    monkeypatch.setenv("COLUMNS", "300")
    return home
