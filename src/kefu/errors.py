"""Exceptions raised by kefu.

KefuError
├── ConfigError          settings that cannot work (unknown backend, missing model file)
├── MissingDependency    an optional package is not installed; the message has the pip line
├── IngestError          a knowledge file cannot be read; names the file and, where known, the row
├── StorageError         the database refused an operation
│   └── DatabaseError    the database itself failed; the message names where, `public` not
├── NotFoundError        an id (entry, file, conversation) that does not exist
└── LLMError             a model backend failed (server down, bad reply)
"""

from __future__ import annotations


class KefuError(Exception):
    """Base class of every error kefu raises on purpose."""


class ConfigError(KefuError):
    pass


class MissingDependency(KefuError):
    def __init__(self, package: str, extra: str | None = None, purpose: str = "") -> None:
        fix = f"pip install 'kefu[{extra}]'" if extra else f"pip install {package}"
        what = f" for {purpose}" if purpose else ""
        super().__init__(f"The package '{package}' is needed{what}. Install it with: {fix}")
        self.package = package


class IngestError(KefuError):
    def __init__(
        self, path: str, message: str, row: int | None = None, *, unit: str = "row"
    ) -> None:
        # ``unit``: "row" in a table (CSV, TSV), "line" in a text file.
        where = f"{path}, {unit} {row}" if row is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.row = row


class StorageError(KefuError):
    pass


class DatabaseError(StorageError):
    """The database (its driver, server or file) failed. The message names the database
    (URL without password, or path) for the operator; ``public`` says what happened without
    it, for replies to HTTP clients, and ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, public: str, status: int = 503) -> None:
        super().__init__(message)
        self.public = public
        self.status = status


class NotFoundError(KefuError):
    pass


class LLMError(KefuError):
    pass
