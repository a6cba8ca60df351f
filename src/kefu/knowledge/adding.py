"""Bookkeeping for `KnowledgeBase.add`, kept apart from the knowledge base's lifecycle.

`KnowledgeBase` (base.py) loads, refreshes and searches the index; what adding files needs
besides -- the report it returns, the files read but not stored yet, the choice of id stems
for generated entry ids, and the message when nothing could be added -- lives here so that
each module stays a readable size. `AddReport` is still importable from `kefu.knowledge.base`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kefu.types import Entry


@dataclass
class AddReport:
    added: list[tuple[str, int]] = field(default_factory=list)  # (file, entries)
    updated: list[str] = field(default_factory=list)  # the added files that replaced a version
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, error message)
    # Left out of folders (an unsupported type, a broken link; a folder with nothing to read).
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file or folder, why)
    embedded: int = 0
    # Lines of an added file that read as instructions to the assistant: stored, never shown
    # (`kefu.guard.documents`); only files with any.
    withheld: list[tuple[str, int]] = field(default_factory=list)  # (file, lines)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class PendingSource:
    """A file read and parsed by `KnowledgeBase.add`, not stored yet."""

    path: str
    name: str
    kind: str
    content_hash: str
    entries: list[Entry]
    replaces: bool  # an older version of the file is stored


class IdNames:
    """The id stems and path ends that sources already use, for choosing the stem of the ids
    generated for a file's entries (`stem_for`). Built once per `add` from one query, so a
    folder of a thousand files costs set lookups, not a pass over every source per file.
    """

    def __init__(self, stored: Sequence[tuple[str, str]]) -> None:
        self._stems: dict[str, set[str]] = defaultdict(set)  # id stem -> paths using it
        self._tails: dict[tuple[str, ...], set[str]] = defaultdict(set)  # path end -> paths
        by_path: dict[str, list[str]] = defaultdict(list)
        for entry_id, path in stored:
            by_path[path].append(entry_id)
        for path, ids in by_path.items():
            self.add(path, ids)

    def add(self, path: str, entry_ids: Sequence[str]) -> None:
        """Count a source (stored, or about to be) with these entry ids."""
        parts = Path(path).parts
        for n in range(1, len(parts)):
            self._tails[parts[-n:]].add(path)
        for entry_id in entry_ids:
            # Generated ids are `<stem>:<row>` or `<stem>#<n>`: every prefix before a ":" or
            # "#" is a stem this source holds.
            for i, ch in enumerate(entry_id):
                if ch in ":#":
                    self._stems[entry_id[:i]].add(path)

    def stem_for(self, path: Path, key: str) -> str:
        """The file's stem (``returns`` in ``returns#1``, ``good`` in ``good:2``) while no
        other source uses ids of that form, so a knowledge base built before keeps its ids;
        else the shortest end of its path that no other source's path ends with and whose ids
        are free (``good.json:2`` beside ``good.tsv``, ``zh/returns.md#1`` beside
        ``en/returns.md``)."""
        parts = Path(key).parts
        candidates = [(path.stem, 0)] + [("/".join(parts[-n:]), n) for n in range(1, len(parts))]
        for stem, n in candidates:
            if n and self._tails.get(parts[-n:], set()) - {key}:
                continue  # the same name (or path end) as another file: not telling
            if self._stems.get(stem, set()) - {key}:
                continue
            return stem
        return key


def nothing_to_add(skipped: list[tuple[Path, str]], shown: int = 3) -> str:
    from kefu.ingest import SUPPORTED_SUFFIXES

    if not skipped:
        kinds = " ".join(sorted(SUPPORTED_SUFFIXES))
        return f"nothing to add: no files (kefu reads {kinds})"
    listed = "; ".join(f"{path.name}: {why}" for path, why in skipped[:shown])
    more = f"; and {len(skipped) - shown} more" if len(skipped) > shown else ""
    return f"nothing to add: every file was skipped ({listed}{more})"
