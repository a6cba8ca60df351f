"""KnowledgeBase ties ingestion, storage and the index together.

Two scopes share one code path: the user's knowledge base (entries in the database, added with
``kefu kb add``) and a demo pack (entries read from the pack's CSV files, kept in memory). Both
give ``(entry, content hash)`` pairs to the same `KnowledgeIndex`, persisted under
``<home>/index/<scope>``.

A pack chosen on purpose (``--pack``) is read-only. A pack that only stands in for an empty
knowledge base (``pack_is_fallback``, as `kefu serve` does on a fresh install) gives way to
the user's own knowledge as soon as the first file is added, here or in another process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kefu.errors import IngestError, KefuError, StorageError

if TYPE_CHECKING:
    from kefu.config import Settings
    from kefu.retrieval.base import Embedder
    from kefu.retrieval.index import KnowledgeIndex, SearchResult
    from kefu.storage.db import Database
    from kefu.storage.knowledge_repo import KnowledgeRepository, SourceRecord
    from kefu.text.tokenize import Tokenizer
    from kefu.types import Entry

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class AddReport:
    added: list[tuple[str, int]] = field(default_factory=list)  # (file, entries)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, error message)
    embedded: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


class KnowledgeBase:
    def __init__(
        self,
        settings: Settings,
        *,
        pack: str | None = None,
        pack_is_fallback: bool = False,
        db: Database | None = None,
        embedder: Embedder | None = None,
        tokenizer: Tokenizer | None = None,
    ) -> None:
        self.settings = settings
        self.pack = pack
        self.pack_is_fallback = pack_is_fallback and pack is not None
        self._db = db
        self._embedder = embedder
        self._tokenizer = tokenizer
        self._index: KnowledgeIndex | None = None
        self._repo: KnowledgeRepository | None = None
        self._lock = threading.RLock()

    # -- parts, created on first use ------------------------------------------------------
    @property
    def scope(self) -> str:
        return f"pack-{self.pack}" if self.pack else "kb"

    @property
    def db(self) -> Database:
        if self._db is None:
            from kefu.security.crypto import open_database

            self._db = open_database(self.settings)  # with its cipher: encryption at rest
        return self._db

    @property
    def repo(self) -> KnowledgeRepository:
        if self._repo is None:
            from kefu.storage.knowledge_repo import KnowledgeRepository

            self._repo = KnowledgeRepository(self.db)
        return self._repo

    @property
    def tokenizer(self) -> Tokenizer:
        if self._tokenizer is None:
            from kefu.text.tokenize import MixedTokenizer

            s = self.settings
            self._tokenizer = MixedTokenizer(user_dict=s.user_dict)
        return self._tokenizer

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from kefu.retrieval.embedders import create_embedder

            self._embedder = create_embedder(self.settings.embedder)
        return self._embedder

    @property
    def index(self) -> KnowledgeIndex:
        if self._index is None:
            self.warm_up()
        assert self._index is not None
        return self._index

    @property
    def index_dir(self) -> Path:
        return self.settings.index_dir / f"{self.scope}-{self.embedder.name}"

    # -- lifecycle ------------------------------------------------------------------------
    def warm_up(self, progress: Progress | None = None) -> int:
        """Load models and bring the index in step with the stored entries.

        Returns how many entries had to be embedded (0 when the saved index was current).
        """
        with self._lock:
            if self._index is not None:
                return 0
            from kefu.retrieval.index import KnowledgeIndex

            warm = getattr(self.tokenizer, "warm_up", None)
            if warm:
                warm()
            self.embedder.warm_up()
            index = KnowledgeIndex(self.embedder, self.tokenizer)
            index.load_cache(self.index_dir)
            self._index = index
            return self._refresh(progress)

    def _items(self) -> list[tuple[Entry, str]]:
        if self.pack:
            return _pack_items(self.pack)
        return self.repo.entries_with_hashes()

    def _refresh(self, progress: Progress | None = None) -> int:
        assert self._index is not None
        items = self._items()
        cb = (lambda d, t: progress("embedding", d, t)) if progress else None
        embedded = self._index.build(items, progress=cb)
        # Save when what is indexed differs from what is on disk (entries added, changed or
        # removed), so the next process neither re-embeds nor loads vectors of removed entries.
        if self._index.hashes != self._index.saved_hashes:
            try:
                self._index.save(self.index_dir)
            except OSError as exc:
                raise StorageError(f"cannot write the index to {self.index_dir}: {exc}") from exc
        return embedded

    # -- changing the knowledge base ------------------------------------------------------
    def add(self, paths: Sequence[Path], *, progress: Progress | None = None) -> AddReport:
        """Ingest files; each file is stored whole or not at all."""
        from kefu.ingest import content_hash, iter_files, load_file

        stand_in = self._leave_fallback_pack()
        self._require_user_scope("add")
        report = AddReport()
        files = iter_files(list(paths))
        for n, path in enumerate(files, start=1):
            key = str(path.resolve())
            try:
                digest = content_hash(path)
                existing = self.repo.get_source(key)
                if existing is not None and existing.content_hash == digest:
                    report.unchanged.append(key)
                else:
                    entries = load_file(path)
                    kind = path.suffix.lower().lstrip(".")
                    self.repo.replace_source(
                        path=key, name=path.name, kind=kind, content_hash=digest, entries=entries
                    )
                    report.added.append((key, len(entries)))
            except (IngestError, StorageError) as exc:
                report.failed.append((key, str(exc)))
            if progress:
                progress("reading", n, len(files))
        if stand_in is not None and self.repo.count() == 0:
            self._return_to_fallback_pack(*stand_in)  # nothing stored: keep the pack answering
        elif report.added or self._index is None:
            report.embedded = self._reindex(progress)
        return report

    def remove(self, key: str) -> list[str]:
        """Remove a source (by path, file name or numeric id) or one entry (by entry id)."""
        from kefu.errors import NotFoundError

        if self.pack_is_fallback:
            raise NotFoundError(
                f"nothing called {key!r} in the knowledge base: it is empty (a demo pack "
                "answers until the first file is added)"
            )
        self._require_user_scope("remove")
        candidates = [key]
        if Path(key).exists():
            candidates.insert(0, str(Path(key).resolve()))
        removed: list[str] | None = None
        for cand in candidates:
            source = self.repo.find_source(cand)
            if source is not None:
                removed = self.repo.remove_source(source.id)
                break
        if removed is None:
            try:
                self.repo.remove_entry(key)
                removed = [key]
            except NotFoundError:
                raise NotFoundError(
                    f"nothing called {key!r} in the knowledge base: give a file path, a source "
                    "id from 'kefu kb list', or an entry id"
                ) from None
        self._reindex(None)
        return removed

    def refresh(self) -> int:
        """Bring a loaded index in step with the stored entries after another process changed
        them (several servers, one database); returns how many texts had to be embedded."""
        if self.pack_is_fallback and self.repo.count() > 0:
            self._leave_fallback_pack()  # another process added the first file
        if self.pack or self._index is None:
            return 0
        return self._reindex(None)

    def _reindex(self, progress: Progress | None) -> int:
        with self._lock:
            if self._index is None:
                return self.warm_up(progress)
            return self._refresh(progress)

    def _leave_fallback_pack(self) -> tuple[str, KnowledgeIndex | None] | None:
        """Stop answering from a stand-in pack; returns (pack, its index) to go back to."""
        with self._lock:
            if not self.pack_is_fallback or self.pack is None:
                return None
            left = (self.pack, self._index)
            self.pack, self.pack_is_fallback, self._index = None, False, None
            return left

    def _return_to_fallback_pack(self, pack: str, index: KnowledgeIndex | None) -> None:
        with self._lock:
            self.pack, self.pack_is_fallback, self._index = pack, True, index

    def _require_user_scope(self, action: str) -> None:
        if self.pack:
            raise KefuError(f"cannot {action} files in the read-only demo pack {self.pack!r}")

    # -- reading --------------------------------------------------------------------------
    def sources(self) -> list[SourceRecord]:
        return self.repo.list_sources()

    def entries(self) -> list[Entry]:
        return [e for e, _ in self._items()]

    def entry(self, entry_id: str) -> Entry:
        """One indexed entry by its id (what answers cite), for showing a source in full."""
        for entry in self.index.entries:
            if entry.id == entry_id:
                return entry
        from kefu.errors import NotFoundError

        raise NotFoundError(f"no knowledge entry with id {entry_id!r}")

    def search(self, query: str, *, top_k: int | None = None) -> SearchResult:
        return self.index.search(query, top_k_=top_k or self.settings.top_k)

    def is_empty(self) -> bool:
        if self.pack:
            return False
        return self.repo.count() == 0


_PACK_CACHE: dict[str, list[tuple[Entry, str]]] = {}


def _pack_items(pack: str) -> list[tuple[Entry, str]]:
    from kefu.ingest import load_file
    from kefu.packs import pack_files
    from kefu.storage.knowledge_repo import entry_text_hash

    if pack not in _PACK_CACHE:
        items: list[tuple[Entry, str]] = []
        for path in pack_files(pack):
            items.extend((e, entry_text_hash(e)) for e in load_file(path))
        _PACK_CACHE[pack] = items
    return _PACK_CACHE[pack]
