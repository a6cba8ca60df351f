"""A content-addressed cache of sentence embeddings on disk, so repeated training and
evaluation runs embed each utterance once.

Layout: ``<folder>/<shard>.npz``, each shard holding ``keys`` (sha256 digests of the texts,
``(n, 32)`` uint8) and ``vectors`` (``(n, dim)`` float32). A new shard is written after every
batch, so an interrupted run keeps what it has embedded. Shards are never rewritten, only added;
``compact()`` merges them when there are many.
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

Progress = Callable[[str, int, int], None]


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class EmbeddingCache:
    """Vectors of one embedding model and view, keyed by the sha256 of the text embedded."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._index: dict[bytes, tuple[int, int]] | None = None  # key -> (shard, row)
        self._shards: list[np.ndarray] = []

    def _load(self) -> dict[bytes, tuple[int, int]]:
        if self._index is not None:
            return self._index
        import numpy as np

        self._index = {}
        self._shards = []
        for path in sorted(self.folder.glob("*.npz")):
            try:
                with np.load(path) as data:
                    keys, vectors = data["keys"], data["vectors"]
            except (OSError, ValueError, KeyError, zipfile.BadZipFile):
                continue  # a shard cut short by a crash: its texts are embedded again
            shard = len(self._shards)
            self._shards.append(np.asarray(vectors, dtype=np.float32))
            for row, key in enumerate(keys):
                self._index[bytes(key)] = (shard, row)
        return self._index

    def __len__(self) -> int:
        return len(self._load())

    def get_many(
        self,
        texts: Sequence[str],
        embed: Callable[[list[str]], np.ndarray],
        *,
        batch_size: int = 256,
        progress: Progress | None = None,
        label: str = "embedding",
    ) -> np.ndarray:
        """Vectors for ``texts`` (one row each, in order), embedding only the unseen ones."""
        import numpy as np

        index = self._load()
        keys = [text_key(t) for t in texts]
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in index and key not in missing:
                missing[key] = text
        todo = list(missing.items())
        total = len(todo)
        if progress is not None:
            progress(label, 0, total)
        for start in range(0, total, batch_size):
            chunk = todo[start : start + batch_size]
            vectors = np.asarray(embed([t for _, t in chunk]), dtype=np.float32)
            self._add([k for k, _ in chunk], vectors)
            if progress is not None:
                progress(label, min(start + batch_size, total), total)
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._shards[s][r] for s, r in (index[k] for k in keys)])

    def _add(self, keys: list[bytes], vectors: np.ndarray) -> None:
        import numpy as np

        index = self._load()
        self.folder.mkdir(parents=True, exist_ok=True)
        raw = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), 32)
        name = f"{uuid.uuid4().hex}.npz"
        tmp = self.folder / f".{name}.tmp"
        with tmp.open("wb") as fh:
            np.savez(fh, keys=raw, vectors=vectors)
        tmp.replace(self.folder / name)  # atomic: readers never see half a shard
        shard = len(self._shards)
        self._shards.append(vectors)
        for row, key in enumerate(keys):
            index[key] = (shard, row)

    def compact(self) -> None:
        """Merge every shard into one file (fewer files to open on the next run)."""
        import numpy as np

        index = self._load()
        old = sorted(self.folder.glob("*.npz"))
        if len(old) <= 1:
            return
        keys = list(index)
        vectors = np.stack([self._shards[s][r] for s, r in index.values()])
        self._index, self._shards = {}, []
        self._add(keys, vectors)
        for path in old:
            path.unlink(missing_ok=True)
