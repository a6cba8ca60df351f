"""Database handle: migrations, schema, SQLite settings, transactions and error messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from kefu.errors import StorageError
from kefu.storage.db import Database, alembic_config, head_revision, mask_url
from kefu.storage.models import Base, KbSource

TABLES = {"kb_sources", "kb_entries", "conversations", "messages", "feedback", "alembic_version"}


def test_fresh_database_has_no_revision_until_migrated(db_url: str) -> None:
    database = Database(db_url)
    try:
        assert database.current_revision() is None
        database.migrate()
        assert database.current_revision() == head_revision()
    finally:
        database.dispose()


def test_migrate_twice_is_a_noop(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first = Database(db_url)
    first.migrate()
    first.migrate()
    first.dispose()

    # A new process (new Database) at head must not run Alembic's upgrade again.
    import alembic.command

    def _fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("upgrade ran although the schema is at head")

    monkeypatch.setattr(alembic.command, "upgrade", _fail)
    second = Database(db_url)
    try:
        second.migrate()
        second.migrate()
        assert second.current_revision() == head_revision()
        with second.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        assert [r[0] for r in rows] == [head_revision()]
    finally:
        second.dispose()


def test_tables_exist_after_migrate(db: Database) -> None:
    inspector = inspect(db.engine)
    assert set(inspector.get_table_names()) >= TABLES
    entry_columns = {c["name"] for c in inspector.get_columns("kb_entries")}
    assert {"entry_id", "source_pk", "position", "text_hash", "meta"} <= entry_columns
    indexes = {i["name"] for i in inspector.get_indexes("kb_entries")}
    assert "ix_kb_entries_source_pk" in indexes
    fks = inspector.get_foreign_keys("messages")
    assert fks and fks[0]["referred_table"] == "conversations"
    assert fks[0]["options"].get("ondelete", "").upper() == "CASCADE"


def test_migration_matches_the_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


@pytest.mark.postgres
def test_postgres_migrations_run_inside_the_test_schema(postgres_schema: tuple[str, str]) -> None:
    url, schema = postgres_schema
    database = Database(url)
    try:
        database.migrate()
        assert set(inspect(database.engine).get_table_names(schema=schema)) >= TABLES
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT current_schema()").scalar() == schema
    finally:
        database.dispose()


def test_session_rolls_back_on_error(db: Database) -> None:
    from kefu.storage.models import utcnow

    now = utcnow()
    with pytest.raises(RuntimeError), db.session(write=True) as s:
        s.add(
            KbSource(
                path="a.csv",
                name="a.csv",
                kind="csv",
                content_hash="x",
                entry_count=0,
                added_at=now,
                updated_at=now,
            )
        )
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.scalars(select(KbSource)).all() == []


def test_integrity_error_becomes_storage_error(db: Database) -> None:
    from kefu.storage.models import utcnow

    now = utcnow()
    row = dict(name="a", kind="csv", content_hash="", entry_count=0, added_at=now, updated_at=now)
    with db.session(write=True) as s:
        s.add(KbSource(path="dup", **row))
    with pytest.raises(StorageError, match="refused a change"), db.session(write=True) as s:
        s.add(KbSource(path="dup", **row))
        s.flush()


def test_sqlite_creates_folder_and_sets_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "deep er" / "客服" / "kefu.db"
    database = Database(f"sqlite:///{path}")
    try:
        database.migrate()
        assert path.is_file()
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        database.dispose()


def test_sqlite_in_memory_is_shared_between_sessions() -> None:
    database = Database("sqlite://")
    try:
        database.migrate()
        assert database.current_revision() == head_revision()
    finally:
        database.dispose()


def test_unreachable_postgres_reports_masked_url() -> None:
    pytest.importorskip("psycopg")
    database = Database("postgresql+psycopg://kefu:s3cr3t-pw@127.0.0.1:1/x")
    with pytest.raises(StorageError) as info:
        database.migrate()
    message = str(info.value)
    assert "cannot reach the database" in message
    assert "127.0.0.1:1" in message
    assert "KEFU_DATABASE_URL" in message
    assert "s3cr3t-pw" not in message
    assert "***" in message


def test_unopenable_sqlite_reports_path(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(StorageError, match="not-a-folder"):
        Database(f"sqlite:///{blocker / 'kefu.db'}").migrate()
    # A folder in place of the database file: SQLite itself cannot open it.
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(StorageError, match="cannot open the database"):
        Database(f"sqlite:///{folder}").migrate()


def test_unreachable_database_error_for_each_backend(db_url: str, tmp_path: Path) -> None:
    # Same check as above, shaped by the backend under test: a bad location fails clearly.
    if db_url.startswith("sqlite"):
        bad = f"sqlite:///{tmp_path / 'missing-dir-is-a-file'}"
        (tmp_path / "missing-dir-is-a-file").mkdir()
        expected = "cannot open the database"
    else:
        bad = "postgresql+psycopg://postgres:hunter2-secret@127.0.0.1:1/x"
        expected = "cannot reach the database"
    with pytest.raises(StorageError) as info:
        Database(bad).current_revision()
    assert expected in str(info.value)
    assert "hunter2-secret" not in str(info.value)


def test_bad_urls_are_config_errors() -> None:
    from kefu.errors import ConfigError

    with pytest.raises(ConfigError):
        Database("   ")
    with pytest.raises(ConfigError, match="invalid database URL"):
        _ = Database("not a url").engine
    with pytest.raises(ConfigError, match="unsupported database URL"):
        _ = Database("nosuchdb://x/y").engine


def test_mask_url_hides_password() -> None:
    assert mask_url("postgresql+psycopg://u:pw@h:5/d") == "postgresql+psycopg://u:***@h:5/d"
    assert "pw" not in mask_url("garbage://u:pw@")


def test_alembic_config_needs_no_ini_file() -> None:
    from alembic.script import ScriptDirectory

    cfg = alembic_config("sqlite:///x%20y.db")
    assert cfg.config_file_name is None
    assert ScriptDirectory.from_config(cfg).get_current_head() == head_revision()
    assert cfg.get_main_option("sqlalchemy.url") == "sqlite:///x%20y.db"


def test_importing_kefu_storage_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys, kefu.storage, kefu.storage.db; "
        "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_database_newer_than_kefu_is_refused(db_url: str) -> None:
    database = Database(db_url)
    try:
        database.migrate()
        with database.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
        fresh = Database(db_url)
        with pytest.raises(StorageError, match="does not know"):
            fresh.migrate()
        fresh.dispose()
    finally:
        database.dispose()


def test_sqlite_writers_wait_for_each_other(tmp_path: Path) -> None:
    # Two handles on one file, as with `kefu serve` and `kefu add` running at once.
    import threading
    import time

    from kefu.storage.conversation_repo import ConversationRepository

    url = f"sqlite:///{tmp_path / 'shared.db'}"
    first, second = Database(url), Database(url)
    first.migrate()
    cid = ConversationRepository(first).create().id
    holding = threading.Event()

    def hold_write_lock() -> None:
        with first.session(write=True) as s:
            s.execute(text("UPDATE conversations SET channel = 'web'"))
            holding.set()
            time.sleep(0.5)

    worker = threading.Thread(target=hold_write_lock)
    worker.start()
    holding.wait(5)
    try:
        started = time.perf_counter()
        message = ConversationRepository(second).add_message(cid, role="user", content="hi")
        waited = time.perf_counter() - started
    finally:
        worker.join()
        first.dispose()
        second.dispose()
    assert message.content == "hi"
    assert waited > 0.2  # it queued behind the other writer instead of failing


def test_default_settings_url_works(tmp_path: Path) -> None:
    from kefu.config.settings import Settings

    settings = Settings(home=tmp_path / "home")
    database = Database(settings.resolved_database_url)
    try:
        database.migrate()
        assert (tmp_path / "home" / "kefu.db").is_file()
    finally:
        database.dispose()


def test_upgrade_from_0001_moves_token_hashes_out_of_meta(db_url: str) -> None:
    """A database made by kefu 0.1 (tokens in meta) keeps working after the 0002 migration."""
    from alembic import command

    database = Database(db_url)
    try:
        with database.engine.begin() as conn:
            command.upgrade(alembic_config(connection=conn), "0001")
            conn.execute(
                text(
                    "INSERT INTO conversations (id, created_at, updated_at, channel, status, meta) "
                    "VALUES ('c1', :t, :t, 'api', 'bot', :meta)"
                ),
                {"t": "2026-01-01T00:00:00+00:00", "meta": '{"token_sha256": "ab12", "x": 1}'},
            )
        database.migrate()
        with database.engine.connect() as conn:
            token, meta = conn.execute(
                text("SELECT token_sha256, meta FROM conversations WHERE id = 'c1'")
            ).one()
        assert token == "ab12"
        stored = meta if isinstance(meta, dict) else __import__("json").loads(meta)
        assert stored == {"x": 1}
    finally:
        database.dispose()
