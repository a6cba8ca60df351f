"""Fixtures of the knowledge-base tests: each database-backed test runs on SQLite and on
PostgreSQL (an isolated schema per test, as in tests/storage), with the hashing embedder
wrapped in a call counter and one shared jieba tokenizer.

The counter lives in tests/retrieval/embedder_contract.py; neither folder is a package, so it
is registered under the same unique module name that tests/retrieval/conftest.py uses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kefu.config import Settings, load_settings
from kefu.text.tokenize import MixedTokenizer


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_url: str) -> Settings:
    """Settings with all state under a temporary home and the hashing embedder."""
    home = tmp_path / "home"
    monkeypatch.setenv("KEFU_HOME", str(home))
    monkeypatch.delenv("KEFU_CONFIG", raising=False)
    return load_settings(home=home, embedder="hashing", database_url=db_url)


@pytest.fixture(scope="session")
def tokenizer() -> MixedTokenizer:
    tk = MixedTokenizer()
    tk.warm_up()
    return tk
