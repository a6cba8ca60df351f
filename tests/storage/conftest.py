"""Fixtures that run every storage test against SQLite and against PostgreSQL.

The PostgreSQL variant uses ``KEFU_TEST_POSTGRES_URL`` and gives each test its own schema
(selected through ``search_path`` in the URL), dropped afterwards, so tests never see each
other's tables and migrations are exercised from scratch every time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kefu.storage.db import Database


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated Database for ``db_url``."""
    database = Database(db_url)
    database.migrate()
    try:
        yield database
    finally:
        database.dispose()
