"""Entry points of ingestion: which files are supported, loading one, finding them in folders.

``load_file`` is all-or-nothing: it returns every entry of a file or raises
:class:`~kefu.errors.IngestError`, so a caller that stores what it returns never keeps half of
a broken file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from kefu.errors import IngestError
from kefu.ingest._common import MAX_FILE_BYTES, check_regular_file, read_bytes
from kefu.types import Entry

__all__ = ["SUPPORTED_SUFFIXES", "content_hash", "iter_files", "load_file"]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".csv", ".tsv", ".json", ".jsonl", ".md", ".markdown", ".txt", ".html", ".htm", ".pdf"}
)

_Loader = Callable[..., list[Entry]]


def load_file(
    path: Path, *, chunk_size: int = 800, overlap: int = 120, id_stem: str | None = None
) -> list[Entry]:
    """Parse one knowledge file into entries, or raise :class:`IngestError` naming the file.

    FAQ files (CSV/TSV, JSON with question/answer) give ``faq`` entries; documents give
    ``chunk`` entries of at most ``chunk_size`` characters overlapping by about ``overlap``.
    Entries without an id of their own are called ``<id_stem>:<row>`` (FAQ) or
    ``<id_stem>#<n>`` (chunks); ``id_stem`` defaults to the file name without its extension.
    """
    path = Path(path)
    if chunk_size < 1 or not 0 <= overlap < chunk_size:
        raise ValueError(
            f"need chunk_size >= 1 and 0 <= overlap < chunk_size, got {chunk_size} and {overlap}"
        )
    suffix = path.suffix.lower()
    loader = _loaders().get(suffix)
    if loader is None:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        what = f"'{suffix}' files are" if suffix else "files without an extension are"
        raise IngestError(str(path), f"unsupported file type: {what} not supported (use {kinds})")
    data = read_bytes(path)
    entries = loader(path, data, chunk_size=chunk_size, overlap=overlap, id_stem=id_stem)
    _check_unique(path, entries)
    return entries


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes, as hex; tells a changed file from an unchanged one.

    Refuses what `load_file` would refuse unread (not a regular file, too large), since this
    reads the file first.
    """
    path = Path(path)
    check_regular_file(path)
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            for block in iter(partial(handle.read, 1 << 20), b""):
                size += len(block)
                if size > MAX_FILE_BYTES:  # it grew after the check
                    limit = MAX_FILE_BYTES // (1024 * 1024)
                    raise IngestError(str(path), f"file too large (over {limit} MB)")
                digest.update(block)
    except OSError as exc:
        raise IngestError(str(path), f"cannot read file: {exc.strerror or exc}") from exc
    return digest.hexdigest()


def iter_files(paths: Sequence[Path]) -> list[Path]:
    """Expand folders (recursively) into their supported files; files are passed through.

    Files named explicitly are kept even with an unsupported suffix, so that ``load_file``
    reports them instead of their silently disappearing. Hidden files and folders and Office
    lock files (``~$...``) inside folders are skipped. Order: as given, each folder sorted.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(candidate: Path) -> None:
        key = candidate.resolve()
        if key not in seen:
            seen.add(key)
            found.append(candidate)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                add(file)
        elif path.exists():
            add(path)
        else:
            raise IngestError(str(path), "no such file or folder")
    return found


def _walk(folder: Path) -> list[Path]:
    files: list[Path] = []
    # os.walk does not follow symlinked folders, so a link cycle cannot loop forever.
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith((".", "~$")):
                continue
            file = Path(root) / name
            if file.suffix.lower() in SUPPORTED_SUFFIXES and file.is_file():
                files.append(file)
    return sorted(files)


def _loaders() -> dict[str, _Loader]:
    # Imported on first use so that `import kefu.ingest` stays cheap.
    from kefu.ingest import loaders_docs, loaders_faq

    def csv_loader(delimiter: str) -> _Loader:
        def load(
            path: Path, data: bytes, *, chunk_size: int, overlap: int, id_stem: str | None
        ) -> list[Entry]:
            return loaders_faq.load_csv(path, data, delimiter=delimiter, id_stem=id_stem)

        return load

    return {
        ".csv": csv_loader(","),
        ".tsv": csv_loader("\t"),
        ".json": loaders_faq.load_json,
        ".jsonl": loaders_faq.load_jsonl,
        ".md": loaders_docs.load_markdown,
        ".markdown": loaders_docs.load_markdown,
        ".txt": loaders_docs.load_text,
        ".html": loaders_docs.load_html,
        ".htm": loaders_docs.load_html,
        ".pdf": loaders_docs.load_pdf,
    }


def _check_unique(path: Path, entries: list[Entry]) -> None:
    # Explicit ids are checked per row by the loaders; this catches an explicit id that
    # collides with a generated one (an FAQ row with id "faq:3", say).
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise IngestError(str(path), f"the id {entry.id!r} is used by two entries")
        seen.add(entry.id)
