"""Knowledge-base storage: sources (files, packs) and the entries ingested from them.

A source is always replaced as a whole, in one transaction, so a failed ingest never leaves
half a file behind. Entry ids are unique across the whole knowledge base because answers cite
them; a clash with another source is refused before anything is written. Every change also
raises the knowledge base's revision in the same transaction (`KnowledgeRepository.revision`),
which tells a running server that another process changed the knowledge.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Select, Table, delete, func, insert, select, update
from sqlalchemy.engine import CursorResult, Row
from sqlalchemy.orm import Session

from kefu.errors import NotFoundError, StorageError
from kefu.storage.models import KbEntry, KbRevision, KbSource, utcnow
from kefu.types import Entry, EntryKind

if TYPE_CHECKING:
    from kefu.storage.db import Database

# Stays below SQLite's oldest bound-parameter limit (999).
_CHUNK = 900
_SHOWN_CLASHES = 5
_ENTRIES = cast(Table, KbEntry.__table__)


@dataclass(frozen=True)
class SourceRecord:
    id: int
    path: str
    name: str
    kind: str
    content_hash: str
    entry_count: int
    added_at: datetime
    updated_at: datetime


def entry_text_hash(entry: Entry) -> str:
    """sha256 of what an embedding depends on; the index reuses vectors whose hash is unchanged."""
    # Length-prefixed parts cannot run into each other, and a missing answer differs from "".
    answer = "-" if entry.answer is None else f"{len(entry.answer)}:{entry.answer}"
    payload = f"{len(entry.kind)}:{entry.kind}{len(entry.text)}:{entry.text}{answer}"
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _check_text(value: object, what: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise StorageError(f"{what} must be text, not {type(value).__name__}")
    if not allow_empty and not value.strip():
        raise StorageError(f"{what} is empty")
    if "\x00" in value:
        # PostgreSQL cannot store NUL in text; refuse it everywhere so both backends agree.
        raise StorageError(f"{what} contains a NUL character (binary data?)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise StorageError(f"{what} is not valid Unicode text: {exc.reason}") from exc
    return value


def _entry_row(entry: Entry, position: int) -> dict[str, Any]:
    if not isinstance(entry, Entry):
        raise StorageError(f"entry {position} is a {type(entry).__name__}, not a kefu Entry")
    entry_id = _check_text(entry.id, f"entry {position}: the id")
    where = f"entry {entry_id!r}"
    _check_text(entry.text, f"{where}: the text")
    if entry.answer is not None:
        _check_text(entry.answer, f"{where}: the answer", allow_empty=True)
    _check_text(entry.title, f"{where}: the title", allow_empty=True)
    if entry.category is not None:
        _check_text(entry.category, f"{where}: the category", allow_empty=True)
    _check_text(entry.kind, f"{where}: the kind")
    _check_text(entry.language, f"{where}: the language")
    if len(entry.kind) > 16 or len(entry.language) > 16:
        raise StorageError(f"{where}: kind and language must be short codes such as 'faq', 'en'")
    metadata = entry.metadata or {}
    if metadata:
        try:
            json.dumps(metadata, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise StorageError(f"{where}: metadata cannot be stored as JSON: {exc}") from exc
    return {
        "entry_id": entry_id,
        "position": position,
        "kind": entry.kind,
        "text": entry.text,
        "answer": entry.answer,
        "title": entry.title,
        "category": entry.category,
        "language": entry.language,
        "text_hash": entry_text_hash(entry),
        "meta": metadata,
    }


def _chunks(items: Sequence[str]) -> list[Sequence[str]]:
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


class KnowledgeRepository:
    """Reads and replaces knowledge sources and their entries."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- sources ---------------------------------------------------------------------------

    def get_source(self, path: str) -> SourceRecord | None:
        self._db.migrate()
        with self._db.session() as s:
            src = s.scalars(select(KbSource).where(KbSource.path == path)).one_or_none()
            return _source_record(src) if src is not None else None

    def find_source(self, key: str) -> SourceRecord | None:
        """A source by path, then by numeric id, then by name (which must be unambiguous)."""
        self._db.migrate()
        with self._db.session() as s:
            src = self._find(s, key)
            return _source_record(src) if src is not None else None

    def list_sources(self) -> list[SourceRecord]:
        self._db.migrate()
        with self._db.session() as s:
            return [_source_record(x) for x in s.scalars(select(KbSource).order_by(KbSource.path))]

    def replace_source(
        self, *, path: str, name: str, kind: str, content_hash: str, entries: Sequence[Entry]
    ) -> SourceRecord:
        """Store ``entries`` as the whole content of source ``path``, replacing what it had."""
        _check_text(path, "the source path")
        _check_text(name, f"source {path!r}: the name")
        _check_text(kind, f"source {path!r}: the kind")
        _check_text(content_hash, f"source {path!r}: the content hash", allow_empty=True)
        if len(kind) > 16 or len(content_hash) > 64:
            raise StorageError(f"source {path!r}: kind or content hash is too long")
        if not entries:
            raise StorageError(f"source {path!r} has no entries; remove the source instead")
        rows = [_entry_row(entry, i) for i, entry in enumerate(entries)]
        seen: set[str] = set()
        for row in rows:
            if row["entry_id"] in seen:
                raise StorageError(f"source {path!r} has the entry id {row['entry_id']!r} twice")
            seen.add(row["entry_id"])

        now = utcnow()
        self._db.migrate()
        with self._db.session(write=True) as s:
            _raise_revision(s)
            src = s.scalars(select(KbSource).where(KbSource.path == path)).one_or_none()
            if src is None:
                src = KbSource(
                    path=path,
                    name=name,
                    kind=kind,
                    content_hash=content_hash,
                    entry_count=0,
                    added_at=now,
                    updated_at=now,
                )
                s.add(src)
                s.flush()
            else:
                s.execute(delete(KbEntry).where(KbEntry.source_pk == src.id))
            self._refuse_clashes(s, [row["entry_id"] for row in rows], path)
            for row in rows:
                row["source_pk"] = src.id
            # Core executemany: ORM objects would cost seconds per ten thousand rows.
            s.execute(insert(_ENTRIES), rows)
            src.name = name
            src.kind = kind
            src.content_hash = content_hash
            src.entry_count = len(rows)
            src.updated_at = now
            s.flush()
            return _source_record(src)

    def remove_source(self, path_or_id: str | int) -> list[str]:
        """Delete a source and its entries; returns the removed entry ids in source order."""
        self._db.migrate()
        with self._db.session(write=True) as s:
            _raise_revision(s)
            if isinstance(path_or_id, int):
                src = s.get(KbSource, path_or_id) if 0 <= path_or_id < 2**31 else None
            else:
                src = self._find(s, path_or_id)
            if src is None:
                raise NotFoundError(f"no knowledge source {path_or_id!r}")
            ids = list(
                s.scalars(
                    select(KbEntry.entry_id)
                    .where(KbEntry.source_pk == src.id)
                    .order_by(KbEntry.position)
                )
            )
            # Explicit deletes work whether or not the database enforces ON DELETE CASCADE.
            s.execute(delete(KbEntry).where(KbEntry.source_pk == src.id))
            s.execute(delete(KbSource).where(KbSource.id == src.id))
            return ids

    def remove_entry(self, entry_id: str) -> str:
        """Delete one entry; returns its source path. A source left empty is removed too.

        The source's content hash is cleared, so ingesting the unchanged file again restores
        the entry instead of being skipped as up to date.
        """
        self._db.migrate()
        with self._db.session(write=True) as s:
            _raise_revision(s)
            found = s.execute(
                select(KbEntry.id, KbEntry.source_pk, KbSource.path)
                .join(KbSource, KbEntry.source_pk == KbSource.id)
                .where(KbEntry.entry_id == entry_id)
            ).one_or_none()
            if found is None:
                raise NotFoundError(f"no knowledge entry with id {entry_id!r}")
            s.execute(delete(KbEntry).where(KbEntry.id == found.id))
            left = s.scalar(
                select(func.count())
                .select_from(KbEntry)
                .where(KbEntry.source_pk == found.source_pk)
            )
            if not left:
                s.execute(delete(KbSource).where(KbSource.id == found.source_pk))
            else:
                s.execute(
                    update(KbSource)
                    .where(KbSource.id == found.source_pk)
                    .values(entry_count=left, content_hash="", updated_at=utcnow())
                )
            return str(found.path)

    # -- entries ---------------------------------------------------------------------------

    def entries(self, source: str | None = None) -> list[Entry]:
        """All entries, or one source's (found as by :meth:`find_source`).

        Ordered by source path, then by position within the source.
        """
        return [entry for entry, _ in self._entries(source)]

    def entries_with_hashes(self) -> list[tuple[Entry, str]]:
        """Every entry with its text hash, for deciding which embeddings can be reused."""
        return self._entries(None)

    def get_entries(self, ids: Sequence[str]) -> dict[str, Entry]:
        """The entries with these ids; unknown ids are simply absent from the result."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        self._db.migrate()
        found: dict[str, Entry] = {}
        with self._db.session() as s:
            for chunk in _chunks(wanted):
                for row in s.execute(_entry_select().where(KbEntry.entry_id.in_(chunk))):
                    found[row.entry_id] = _to_entry(row)
        return found

    def entry_id_sources(self) -> list[tuple[str, str]]:
        """(entry id, source path) of every stored entry: what ids and paths are taken."""
        self._db.migrate()
        query = select(KbEntry.entry_id, KbSource.path).join(
            KbSource, KbEntry.source_pk == KbSource.id
        )
        with self._db.session() as s:
            return [(entry_id, path) for entry_id, path in s.execute(query)]

    def count(self) -> int:
        self._db.migrate()
        with self._db.session() as s:
            return int(s.scalar(select(func.count()).select_from(KbEntry)) or 0)

    def revision(self) -> int:
        """A number that every change to the stored knowledge raises (in the same transaction
        as the change, whichever process makes it): one small query that tells whether the
        knowledge changed since it was last read."""
        self._db.migrate()
        with self._db.session() as s:
            return int(s.scalar(select(KbRevision.revision).where(KbRevision.id == 1)) or 0)

    # -- helpers ---------------------------------------------------------------------------

    def _entries(self, source: str | None) -> list[tuple[Entry, str]]:
        self._db.migrate()
        with self._db.session() as s:
            query = _entry_select()
            if source is not None:
                src = self._find(s, source)
                if src is None:
                    raise NotFoundError(f"no knowledge source {source!r}")
                query = query.where(KbEntry.source_pk == src.id)
            query = query.order_by(KbSource.path, KbEntry.position)
            return [(_to_entry(row), row.text_hash) for row in s.execute(query)]

    @staticmethod
    def _find(s: Session, key: str | int) -> KbSource | None:
        key = str(key)
        src = s.scalars(select(KbSource).where(KbSource.path == key)).one_or_none()
        # Ids are 32-bit on PostgreSQL; a longer number can only be a name.
        if src is None and key.isascii() and key.isdigit() and int(key) < 2**31:
            src = s.get(KbSource, int(key))
        if src is None:
            named = list(s.scalars(select(KbSource).where(KbSource.name == key).limit(2)))
            if len(named) > 1:
                raise StorageError(
                    f"more than one knowledge source is named {key!r}; give its path or id"
                )
            src = named[0] if named else None
        return src

    @staticmethod
    def _refuse_clashes(s: Session, ids: list[str], path: str) -> None:
        # Runs after this source's own old entries were deleted, so any hit is another source's.
        clashes: list[tuple[str, str]] = []
        for chunk in _chunks(ids):
            query = (
                select(KbEntry.entry_id, KbSource.path)
                .join(KbSource, KbEntry.source_pk == KbSource.id)
                .where(KbEntry.entry_id.in_(chunk))
            )
            clashes.extend((row.entry_id, row.path) for row in s.execute(query))
            if len(clashes) >= _SHOWN_CLASHES:
                break
        if clashes:
            raise StorageError(clash_message(path, clashes))


def clash_message(path: str, clashes: list[tuple[str, str]]) -> str:
    """Why ``path`` cannot be stored: its (entry id, other source) pairs already taken."""
    shown = ", ".join(f"{eid!r} (in {other!r})" for eid, other in clashes[:_SHOWN_CLASHES])
    first_id, first_src = clashes[0]
    if len(clashes) == 1:
        detail = f"the entry id {first_id!r} is already used by the source {first_src!r}"
    else:
        detail = f"entry ids already used by other sources: {shown}"
    return (
        f"cannot store {path!r}: {detail}; entry ids must be unique across the knowledge "
        "base, so rename them or remove the other source first"
    )


def _raise_revision(s: Session) -> None:
    """Count a change to the knowledge. Done first in each writing transaction: on PostgreSQL
    the row lock it takes makes concurrent writers of knowledge wait for each other, always
    in the same order, and the change is counted if and only if it commits."""
    raised = s.execute(
        update(KbRevision).where(KbRevision.id == 1).values(revision=KbRevision.revision + 1)
    )
    if not cast(CursorResult[Any], raised).rowcount:  # the row is gone (a hand-edited database)
        s.add(KbRevision(id=1, revision=1))
        s.flush()


def _entry_select() -> Select[Any]:
    return select(
        KbEntry.entry_id,
        KbEntry.kind,
        KbEntry.text,
        KbEntry.answer,
        KbEntry.title,
        KbEntry.category,
        KbEntry.language,
        KbEntry.meta,
        KbEntry.text_hash,
        KbSource.path,
    ).join(KbSource, KbEntry.source_pk == KbSource.id)


def _to_entry(row: Row[Any]) -> Entry:
    return Entry(
        id=row.entry_id,
        kind=cast(EntryKind, row.kind),
        text=row.text,
        answer=row.answer,
        title=row.title or "",
        category=row.category,
        language=row.language,
        source=row.path,
        metadata=dict(row.meta or {}),
    )


def _source_record(src: KbSource) -> SourceRecord:
    return SourceRecord(
        id=src.id,
        path=src.path,
        name=src.name,
        kind=src.kind,
        content_hash=src.content_hash,
        entry_count=src.entry_count,
        added_at=src.added_at,
        updated_at=src.updated_at,
    )
