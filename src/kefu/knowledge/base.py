"""KnowledgeBase ties ingestion, storage and the index together.

Two scopes share one code path: the user's knowledge base (entries in the database, added with
``kefu kb add``) and a demo pack (entries read from the pack's CSV files, kept in memory). Both
give ``(entry, content hash)`` pairs to the same `KnowledgeIndex`, persisted under
``<home>/index/<scope>``.

A pack chosen on purpose (``--pack``) is read-only. A pack that only stands in for an empty
knowledge base (``pack_is_fallback``, as `kefu serve` does on a fresh install) gives way to
the user's own knowledge as soon as the first file is added, here or in another process.

A long-running process (the server) learns that another process changed the stored knowledge
from `changed` (the repository's revision against the one its index was built from, one small
query) and brings its index in step with `refresh`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kefu.errors import IngestError, KefuError, StorageError
from kefu.knowledge.adding import AddReport, IdNames, PendingSource, nothing_to_add

if TYPE_CHECKING:
    from kefu.config import Settings
    from kefu.dialogue.confidence import ConfidenceModel
    from kefu.retrieval.base import Embedder
    from kefu.retrieval.index import KnowledgeIndex, SearchResult
    from kefu.storage.db import Database
    from kefu.storage.knowledge_repo import KnowledgeRepository, SourceRecord
    from kefu.text.tokenize import Tokenizer
    from kefu.types import Entry

Progress = Callable[[str, int, int], None]  # (stage, done, total)
RemoveKind = Literal["source", "entry"]


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
        # The pack (and its index) that stood in before the first file came, kept for when
        # the knowledge base is empty again.
        self._stand_in: tuple[str, KnowledgeIndex | None] | None = None
        self._db = db
        self._embedder = embedder
        self._tokenizer = tokenizer
        self._index: KnowledgeIndex | None = None
        self._repo: KnowledgeRepository | None = None
        # The stored knowledge's revision when the index was last built from it (None: never,
        # or a pack chosen on purpose, which no stored change concerns).
        self._revision: int | None = None
        self._confidence_model: ConfidenceModel | None = None
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
        # Read before the entries: a change committed in between is read with them and
        # counted again by `changed` (one reload too many, never one too few).
        self._revision = None if self._deliberate_pack else self.repo.revision()
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
    def add(
        self,
        paths: Sequence[Path],
        *,
        progress: Progress | None = None,
        stored_as: Mapping[Path, str] | None = None,
    ) -> AddReport:
        """Ingest files; each file is stored whole or not at all (see `_add`).

        ``stored_as`` stores a file's content under another source's path (the admin page's
        upload of a new version of a file first added from elsewhere), so it replaces that
        source in one transaction and its entry ids stay what answers already cite.
        A demo pack standing in for an empty knowledge base gives way to the first file; if
        nothing gets stored, the pack keeps answering.
        """
        stand_in = self._leave_fallback_pack()
        try:
            return self._add(
                paths, progress, {p.resolve(): k for p, k in (stored_as or {}).items()}
            )
        finally:
            if stand_in is not None and self.repo.count() == 0:
                self._return_to_fallback_pack(*stand_in)

    def _add(
        self, paths: Sequence[Path], progress: Progress | None, stored_as: dict[Path, str]
    ) -> AddReport:
        """Ingest files; each file is stored whole or not at all.

        Every new entry is embedded *before* anything is stored: embedding is the slow part,
        where a Ctrl-C lands, and an interrupt there leaves the knowledge base as it was (no
        stored entries without vectors for the next search to re-embed unannounced). Once
        storing has begun, the index is rebuilt and saved from what was stored even if the
        rest is interrupted; the vectors are all in memory by then, so that takes no embedding.
        """
        from kefu.ingest import content_hash, load_file, scan_files
        from kefu.storage.knowledge_repo import clash_message, entry_text_hash

        self._require_user_scope("add")
        report = AddReport()
        scan = scan_files(list(paths))
        files = scan.files
        report.skipped = [(str(p), why) for p, why in scan.skipped] + [
            (str(folder), "nothing kefu can read in this folder") for folder in scan.empty_folders
        ]
        if not files:
            raise IngestError(", ".join(map(str, paths)), nothing_to_add(scan.skipped))
        with self._lock:
            # 1. An index in step with what is stored (this embeds what an older run left out).
            if self._index is None:
                report.embedded += self.warm_up(progress)
            index = self.index
            # 2. Read and parse every new or changed file.
            pending: list[PendingSource] = []
            stored = self.repo.entry_id_sources()
            names = IdNames(stored)
            owners = dict(stored)
            for n, path in enumerate(files, start=1):
                if progress and n == 1:
                    progress("reading", 0, len(files))  # shown before a large file is parsed
                key = stored_as.get(path.resolve()) or str(path.resolve())
                try:
                    digest = content_hash(path)
                    existing = self.repo.get_source(key)
                    if existing is not None and existing.content_hash == digest:
                        report.unchanged.append(key)
                    else:
                        entries = load_file(path, id_stem=names.stem_for(path, key))
                        # Ids another source holds: refused now, before the slow embedding
                        # (storing checks again, in its transaction).
                        taken = [
                            (e.id, owners[e.id]) for e in entries if owners.get(e.id, key) != key
                        ]
                        if taken:
                            raise StorageError(clash_message(key, taken))
                        names.add(key, [e.id for e in entries])
                        pending.append(
                            PendingSource(
                                path=key,
                                name=path.name,
                                kind=path.suffix.lower().lstrip("."),
                                content_hash=digest,
                                entries=entries,
                                replaces=existing is not None,
                            )
                        )
                except (IngestError, StorageError) as exc:
                    report.failed.append((key, str(exc)))
                if progress:
                    progress("reading", n, len(files))
            if not pending:
                return report
            # 3. Embed them, still without storing anything.
            items = [(e, entry_text_hash(e)) for p in pending for e in p.entries]
            cb = (lambda d, t: progress("embedding", d, t)) if progress else None
            report.embedded += index.embed(items, progress=cb)
            # 4. Store each file (one transaction each), then index what was stored.
            try:
                for p in pending:
                    try:
                        self.repo.replace_source(
                            path=p.path,
                            name=p.name,
                            kind=p.kind,
                            content_hash=p.content_hash,
                            entries=p.entries,
                        )
                    except StorageError as exc:
                        report.failed.append((p.path, str(exc)))
                        continue
                    report.added.append((p.path, len(p.entries)))
                    withheld = _withheld_lines(p.entries)
                    if withheld:
                        report.withheld.append((p.path, withheld))
                    if p.replaces:
                        report.updated.append(p.path)
            finally:
                self._refresh(None)
        return report

    def remove(self, key: str, *, kind: RemoveKind | None = None) -> list[str]:
        """Remove a source (by path, file name or numeric id) or one entry (by entry id).

        A key that names both a source and an entry (source 3 and an entry with the id "3")
        is refused unless ``kind`` says which: guessing would delete another file's knowledge.
        A relative path is resolved against the current folder, as ``add`` stored it, so a file
        deleted from disk since can still be removed by the path it was added with.
        """
        from kefu.errors import NotFoundError

        if self.pack_is_fallback:
            raise NotFoundError(
                f"nothing called {key!r} in the knowledge base: it is empty (a demo pack "
                "answers until the first file is added)"
            )
        self._require_user_scope("remove")
        source = None if kind == "entry" else self._find_source(key)
        entry = None if kind == "source" else self.repo.get_entries([key]).get(key)
        if source is not None and entry is not None:
            raise KefuError(
                f"{key!r} is both the source {source.id} ({source.path}, "
                f"{_entries(source.entry_count)}) and the entry {key!r} (in {entry.source}); "
                f"say which: --source {key} removes the file, --entry {key} the one entry"
            )
        if source is not None:
            removed = self.repo.remove_source(source.id)
        elif entry is not None:
            self.repo.remove_entry(key)
            removed = [key]
        else:
            what = {
                "source": "a file path or a source id from 'kefu kb list'",
                "entry": "an entry id from 'kefu kb list --entries'",
            }.get(kind or "", "a file path, a source id from 'kefu kb list', or an entry id")
            raise NotFoundError(f"nothing called {key!r} in the knowledge base: give {what}")
        self._reindex(None)
        self._back_to_stand_in()
        return removed

    def _find_source(self, key: str) -> SourceRecord | None:
        try:
            # Sources are stored by absolute path (`add`); the file itself may be gone.
            absolute = str(Path(key).expanduser().resolve())
        except (OSError, RuntimeError, ValueError):  # a loop of links, a NUL in the key
            absolute = None
        found = self.repo.get_source(absolute) if absolute else None
        return found or self.repo.find_source(key)

    @property
    def _deliberate_pack(self) -> bool:
        return self.pack is not None and not self.pack_is_fallback

    def changed(self) -> bool:
        """Whether the stored knowledge changed since the index was built from it (another
        process added or removed something: `kefu kb add`, another server); one small query.
        False before the index is loaded (it will be read fresh) and for a pack chosen on
        purpose."""
        revision = self._revision
        if self._index is None or revision is None:  # not built yet, or a deliberate pack
            return False
        return self.repo.revision() != revision

    def refresh(self) -> int:
        """Bring a loaded index in step with the stored entries after another process changed
        them (the CLI, several servers on one database); returns how many texts had to be
        embedded."""
        if self.pack_is_fallback:
            with self._lock:
                revision = self.repo.revision()
                if self.repo.count() == 0:  # still empty: the pack goes on answering
                    self._revision = revision
                    return 0
                left = self._leave_fallback_pack()  # another process added the first file
            if left is not None and left[1] is not None:
                return self.warm_up()  # the pack was in use: its successor is loaded now
            return 0
        if self.pack or self._index is None:
            return 0
        embedded = self._reindex(None)
        self._back_to_stand_in()  # another process removed the last file
        return embedded

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
            self._stand_in = left
            return left

    def _return_to_fallback_pack(self, pack: str, index: KnowledgeIndex | None) -> None:
        with self._lock:
            self.pack, self.pack_is_fallback, self._index = pack, True, index
            self._stand_in = None
            self._revision = self.repo.revision()

    def _back_to_stand_in(self) -> None:
        """The last file is gone again: the pack that stood in for an empty knowledge base
        answers again, as it does when a server starts on an empty one (not an assistant
        that declines everything until a restart)."""
        stand_in = self._stand_in
        if stand_in is not None and self.repo.count() == 0:
            self._return_to_fallback_pack(*stand_in)

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

    def search(
        self,
        query: str,
        *,
        top_k: int | None = None,
        only: Callable[[Entry], bool] | None = None,
        confidence: ConfidenceModel | None = None,
    ) -> SearchResult:
        """The index's search (among the entries ``only`` keeps, where given), or where it finds
        nothing confident and the knowledge holds entries in the other language, a confident
        match among those (`kefu.retrieval.across`; off by default, `cross_language`).
        ``confidence`` judges both (the shipped model for the embedder when None)."""
        from kefu.retrieval.across import with_other_language

        k = top_k or self.settings.top_k
        result = self.index.search(query, top_k_=k, only=only)
        if not self.settings.cross_language or only is not None:
            return result
        model = confidence if confidence is not None else self._confidence()
        # The configured thresholds, as the answer policy reads them (`is None`: 0.0 is one).
        faq_t, chunk_t = self.settings.curated_threshold, self.settings.answer_threshold
        return with_other_language(
            self.index,
            query,
            result,
            model.predict,
            faq_threshold=model.curated_threshold if faq_t is None else faq_t,
            chunk_threshold=model.answer_threshold if chunk_t is None else chunk_t,
            top_k_=k,
        )

    def _confidence(self) -> ConfidenceModel:
        if self._confidence_model is None:
            from kefu.dialogue.confidence import ConfidenceModel

            self._confidence_model = ConfidenceModel.load(embedder=self.settings.embedder)
        return self._confidence_model

    def is_empty(self) -> bool:
        if self.pack:
            return False
        return self.repo.count() == 0


def _entries(n: int) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"


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


def _withheld_lines(entries: Sequence[Entry]) -> int:
    """How many lines of these entries the document guard holds back as planted instructions."""
    from kefu.guard.documents import held_back_reason, instruction_line_count

    total = 0
    for e in entries:
        if held_back_reason(e) is not None:  # never shown at all: every line of its answer
            body = e.answer if e.answer is not None else e.text
            total += max(1, sum(1 for line in body.splitlines() if line.strip()))
        else:
            total += sum(instruction_line_count(t) for t in (e.text, e.answer) if t)
    return total
