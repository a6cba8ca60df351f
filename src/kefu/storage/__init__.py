"""SQL storage for kefu: the knowledge base and the conversation log.

SQLite (a file under ``KEFU_HOME``) by default, PostgreSQL by URL. Importing this package is
cheap; SQLAlchemy is imported when one of the names below is first used::

    from kefu.storage import Database, KnowledgeRepository

    db = Database(settings.resolved_database_url)
    db.migrate()
    repo = KnowledgeRepository(db)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "ConversationRecord",
    "ConversationRepository",
    "Database",
    "KnowledgeRepository",
    "MessageRecord",
    "SourceRecord",
    "entry_text_hash",
]

if TYPE_CHECKING:
    from kefu.storage.conversation_repo import (
        ConversationRecord,
        ConversationRepository,
        MessageRecord,
    )
    from kefu.storage.db import Database
    from kefu.storage.knowledge_repo import KnowledgeRepository, SourceRecord, entry_text_hash

_LAZY = {
    "Database": "kefu.storage.db",
    "KnowledgeRepository": "kefu.storage.knowledge_repo",
    "SourceRecord": "kefu.storage.knowledge_repo",
    "entry_text_hash": "kefu.storage.knowledge_repo",
    "ConversationRepository": "kefu.storage.conversation_repo",
    "ConversationRecord": "kefu.storage.conversation_repo",
    "MessageRecord": "kefu.storage.conversation_repo",
}


def __getattr__(name: str) -> Any:
    # PEP 562: the repositories import SQLAlchemy, which `import kefu.storage` must not.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kefu.storage' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
