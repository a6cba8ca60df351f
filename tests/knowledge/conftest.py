"""Fixtures of the knowledge-base tests: each database-backed test runs on SQLite and on
PostgreSQL (an isolated schema per test, as in tests/storage), with the hashing embedder
wrapped in a call counter and one shared jieba tokenizer.

The counter lives in tests/retrieval/embedder_contract.py; neither folder is a package, so it
is registered under the same unique module name that tests/retrieval/conftest.py uses.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kefu.config import Settings, load_settings
from kefu.storage.db import Database
from kefu.text.tokenize import MixedTokenizer

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _register_contract() -> None:
    name = "kefu_tests_retrieval_embedder_contract"
    if name in sys.modules:
        return
    path = Path(__file__).parent.parent / "retrieval" / "embedder_contract.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


_register_contract()


@contextmanager
def _postgres_schema_url() -> Iterator[str]:
    """A fresh schema on the test server and a URL whose search_path selects it."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'kefu[postgres]')")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    base = os.environ.get("KEFU_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    admin = create_engine(base, connect_args={"connect_timeout": 5}, isolation_level="AUTOCOMMIT")
    schema = f"kefu_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL at {base} is not reachable: {exc.orig}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL for an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'kefu.db'}"
        return
    with _postgres_schema_url() as url:
        yield url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    database.migrate()
    try:
        yield database
    finally:
        database.dispose()


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
