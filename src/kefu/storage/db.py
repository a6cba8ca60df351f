"""The database handle: engine, transactional sessions, schema migrations, error translation.

``Database(url)`` is cheap; the engine (and the driver import) is made on first use. Every
failure the driver reports leaves this module as a :class:`kefu.errors.StorageError` whose
message names the database with its password masked.

SQLite notes: the file's folder is created on demand; connections enable foreign keys and WAL;
and kefu issues ``BEGIN`` itself (the pysqlite default defers it to the first write, which makes
DDL non-transactional and reads unisolated). Writing sessions use ``BEGIN IMMEDIATE`` so they
queue on the busy timeout instead of failing when another process wrote in between.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from kefu.errors import ConfigError, DatabaseError, KefuError, MissingDependency, StorageError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_BEGIN_OPTION = "kefu_sqlite_begin"
_SQLITE_BUSY_TIMEOUT_S = 15.0
# Any constant works; it only has to be the same for every kefu process sharing a server.
_PG_MIGRATION_LOCK = 0x6B656675
# Stored text that starts with SEALED_PREFIX is ciphertext (kefu.security.crypto); text a
# customer wrote that happens to start with it is escaped with PLAIN_PREFIX when stored plain.
SEALED_PREFIX = "enc:"
PLAIN_PREFIX = "enc:v0:"


class Cipher(Protocol):
    """Encryption at rest for one database (kefu.security.crypto.EnvelopeCipher)."""

    def seal(self, db: Database, owner: str, text: str) -> str: ...

    def unseal(self, db: Database, owner: str, stored: str) -> str: ...


def mask_url(url: str) -> str:
    """The URL with its password replaced by ``***``, safe for messages and logs."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration this version of kefu knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    if head is None:  # pragma: no cover - only if the package lost its migrations
        raise StorageError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


@lru_cache(maxsize=1)
def _known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(s.revision for s in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions())


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations; no alembic.ini involved."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        # ConfigParser treats % as interpolation; URL-encoded passwords contain it.
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


class Database:
    """A SQLAlchemy engine for one URL, with sessions and migrations."""

    def __init__(self, url: str, *, echo: bool = False, cipher: Cipher | None = None) -> None:
        if not isinstance(url, str) or not url.strip():
            raise ConfigError("the database URL is empty; set KEFU_DATABASE_URL or leave it unset")
        self.url = url.strip()
        self.echo = echo
        # None: text is stored as it is (tests, or a deployment with encryption turned off).
        self.cipher = cipher
        self._engine: Engine | None = None
        self._factories: dict[bool, sessionmaker[Session]] = {}
        self._lock = threading.RLock()
        self._at_head = False

    def __repr__(self) -> str:
        return f"Database({self.safe_url!r})"

    @property
    def safe_url(self) -> str:
        return mask_url(self.url)

    @property
    def backend(self) -> str:
        """``sqlite``, ``postgresql``, ...; from the URL alone, without connecting."""
        return self.url.split(":", 1)[0].split("+", 1)[0].lower()

    # -- engine -----------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = self._create_engine()
        return self._engine

    def _create_engine(self) -> Engine:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError

        try:
            url = make_url(self.url)
        except ArgumentError as exc:
            raise ConfigError(
                f"invalid database URL {self.safe_url!r}: {exc}; check KEFU_DATABASE_URL"
            ) from exc
        kwargs: dict[str, Any] = {"echo": self.echo}
        backend = url.get_backend_name()
        memory = False
        if backend == "sqlite":
            database = url.database or ""
            memory = database in ("", ":memory:") or url.query.get("mode") == "memory"
            if not memory and not database.startswith("file:"):
                path = Path(database).expanduser()
                try:
                    from kefu._perms import create_private_file, make_private_dir

                    make_private_dir(path.parent)
                    # Owner-only from the first byte (the -wal and -shm files inherit it).
                    create_private_file(path)
                except OSError as exc:
                    raise StorageError(
                        f"cannot create the database {path} or its folder: "
                        f"{exc.strerror or exc}; check KEFU_HOME or KEFU_DATABASE_URL"
                    ) from exc
                url = url.set(database=str(path))
            kwargs["connect_args"] = {
                "check_same_thread": False,
                "timeout": _SQLITE_BUSY_TIMEOUT_S,
            }
            if memory:
                from sqlalchemy.pool import StaticPool

                # One shared connection, or every session would see its own empty database.
                kwargs["poolclass"] = StaticPool
        elif backend == "postgresql":
            kwargs["pool_pre_ping"] = True
            if "connect_timeout" not in url.query:
                kwargs["connect_args"] = {"connect_timeout": 10}
        try:
            engine = create_engine(url, **kwargs)
        except NoSuchModuleError as exc:
            raise ConfigError(
                f"unsupported database URL {self.safe_url!r}: {exc}; "
                "use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
            ) from exc
        except ImportError as exc:
            if backend == "postgresql":
                raise MissingDependency(
                    "psycopg[binary]", extra="postgres", purpose="PostgreSQL storage"
                ) from exc
            raise ConfigError(f"the driver for {self.safe_url!r} is not installed: {exc}") from exc
        if backend == "sqlite":
            _install_sqlite_hooks(engine, wal=not memory)
        return engine

    def _factory(self, write: bool) -> sessionmaker[Session]:
        factory = self._factories.get(write)
        if factory is None:
            from sqlalchemy.orm import sessionmaker

            bind = self.engine
            if write:
                bind = bind.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})
            factory = sessionmaker(bind=bind, expire_on_commit=False)
            self._factories[write] = factory
        return factory

    # -- sessions and errors ---------------------------------------------------------------

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn driver and SQLAlchemy errors raised inside the block into StorageError."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            yield
        except KefuError:
            raise
        except SQLAlchemyError as exc:
            raise self._storage_error(exc) from exc

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session that commits when the block succeeds and rolls back when it raises.

        Pass ``write=True`` for sessions that change data; on SQLite it takes the write lock
        up front so a concurrent writer makes it wait rather than fail.
        """
        with self.errors():
            session = self._factory(write)()
            try:
                yield session
                session.commit()
            except BaseException:
                # The connection may be gone; the original error is the one to report.
                with suppress(Exception):
                    session.rollback()
                raise
            finally:
                session.close()

    def _storage_error(self, exc: Exception) -> StorageError:
        from sqlalchemy.exc import IntegrityError, OperationalError

        reason = self._reason(exc)
        where = self.safe_url
        # `public` never names the database: HTTP replies carry it (kefu.service.app).
        if isinstance(exc, OperationalError) and (
            exc.statement is None or exc.connection_invalidated
        ):
            verb = "open" if self.backend == "sqlite" else "reach"
            msg = f"cannot {verb} the database at {where}: {reason}; check KEFU_DATABASE_URL"
            return DatabaseError(msg, f"database error: cannot {verb} the database")
        if isinstance(exc, OperationalError) and "locked" in reason.lower():
            msg = (
                f"the database at {where} is locked by another process ({reason}); "
                "try again when it has finished"
            )
            return DatabaseError(msg, "database error: the database is busy; try again shortly")
        if isinstance(exc, IntegrityError):
            msg = f"the database at {where} refused a change: {reason}"
            return DatabaseError(msg, "database error: the change conflicts with stored data", 409)
        msg = f"database error at {where}: {reason}"
        if "NUL (0x00)" in reason:  # psycopg cannot send a NUL in text: the request's fault
            return DatabaseError(msg, "text with a NUL character (\\x00) cannot be stored", 400)
        return DatabaseError(msg, "database error")

    def _reason(self, exc: Exception) -> str:
        orig = getattr(exc, "orig", None)
        text = str(orig if orig is not None else exc).strip()
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        reason = "; ".join(lines[:3]) if lines else type(exc).__name__
        password = self._password()
        if password:
            reason = reason.replace(password, "***")
        return reason

    def _password(self) -> str | None:
        try:
            from sqlalchemy.engine import make_url

            return make_url(self.url).password
        except Exception:
            return None

    # -- migrations ------------------------------------------------------------------------

    def current_revision(self) -> str | None:
        """The schema revision stored in the database, or None before the first migration."""
        with self.errors(), self.engine.connect() as conn:
            return _current_revision(conn)

    def migrate(self) -> None:
        """Bring the schema to the newest revision; a no-op (one query) when it is already."""
        if self._at_head:
            return
        head = head_revision()
        with self._lock:
            if self._at_head:
                return
            if self.current_revision() != head:
                self._upgrade(head)
            self._at_head = True

    def _upgrade(self, head: str) -> None:
        from alembic import command
        from alembic.util import CommandError

        writer = self.engine.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})
        with self.errors(), writer.begin() as conn:
            if self.backend == "postgresql":
                # Two processes starting at once must not both create the tables.
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
            current = _current_revision(conn)
            if current == head:
                return
            if current is not None and current not in _known_revisions():
                raise StorageError(
                    f"the database at {self.safe_url} has schema revision {current!r}, which "
                    "this version of kefu does not know; upgrade kefu"
                )
            try:
                command.upgrade(alembic_config(connection=conn), "head")
            except CommandError as exc:
                raise StorageError(f"migrating {self.safe_url} failed: {exc}") from exc

    def seal(self, owner: str, text: str) -> str:
        """Text as it should be stored for ``owner`` (a customer or conversation id).

        The hook for encryption at rest: every column that holds what a customer wrote goes
        through it. Without a cipher configured the text is stored as it is. Call it outside
        any open session: making a new owner's key writes to the database.
        """
        if self.cipher is not None:
            return self.cipher.seal(self, owner, text)
        return PLAIN_PREFIX + text if text.startswith(SEALED_PREFIX) else text

    def unseal(self, owner: str, stored: str) -> str:
        """The inverse of :meth:`seal`; plaintext written before encryption reads back as is."""
        if self.cipher is not None:
            return self.cipher.unseal(self, owner, stored)
        if stored.startswith(PLAIN_PREFIX):
            return stored[len(PLAIN_PREFIX) :]
        if stored.startswith(SEALED_PREFIX):
            raise StorageError(
                f"a stored value of {owner!r} is encrypted, but this database handle has no "
                "master key: open it with kefu.security.open_database(settings)"
            )
        return stored

    def dispose(self) -> None:
        """Close pooled connections; the next use reconnects."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = None
            self._factories.clear()


def _install_sqlite_hooks(engine: Engine, *, wal: bool) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level; the "begin" hook below starts real transactions.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            if wal:
                cursor.execute("PRAGMA journal_mode=WAL")
                # In WAL mode NORMAL skips the fsync on every commit yet cannot corrupt the
                # database; a power cut may lose the last turns, not the file. It takes a turn's
                # two message writes from ~6 ms to ~1 ms (SQLite's documented recommendation).
                cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get(_BEGIN_OPTION, "BEGIN"))
