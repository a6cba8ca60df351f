"""Entry points of ingestion: which files are supported, loading one, finding them in folders.

``load_file`` is all-or-nothing: it returns every entry of a file or raises
:class:`~kefu.errors.IngestError`, so a caller that stores what it returns never keeps half of
a broken file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kefu.errors import IngestError
from kefu.ingest._common import MAX_FILE_BYTES, check_regular_file, read_bytes
from kefu.types import Entry

__all__ = [
    "INGEST_VERSION",
    "SUPPORTED_SUFFIXES",
    "FileScan",
    "content_hash",
    "iter_files",
    "load_file",
    "scan_files",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".csv", ".tsv", ".json", ".jsonl", ".md", ".markdown", ".txt", ".html", ".htm", ".pdf"}
)

_Loader = Callable[..., list[Entry]]

# What the loaders make of a file's bytes, by version. It goes into `content_hash`, so that
# re-adding a file an older kefu read (`kefu kb add` of the same file) reads it again when
# the reading changed, instead of keeping the old entries as "unchanged"; only texts that
# came out different are embedded again. 2: raw HTML is stripped from Markdown, text and
# FAQ files (kefu._markup). 3: terminal escapes, control, bidi override and zero-width
# characters are removed from every entry (kefu.text.controls).
INGEST_VERSION = 3


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
    return [_clean(e) for e in entries]


def _clean(entry: Entry) -> Entry:
    """The entry without what customers must not be shown: terminal escapes, control and
    bidi override characters, zero-width spaces (`kefu.text.controls`), as messages lose them."""
    from kefu.text.controls import clean_knowledge_text

    fields = {
        "text": clean_knowledge_text(entry.text),
        "title": clean_knowledge_text(entry.title),
        "answer": clean_knowledge_text(entry.answer) if entry.answer is not None else None,
    }
    same = all(getattr(entry, k) == v for k, v in fields.items())
    return entry if same else dataclasses.replace(entry, **fields)  # type: ignore[arg-type]


def content_hash(path: Path) -> str:
    """SHA-256 of `INGEST_VERSION` and the file's bytes, as hex; tells a changed file from an
    unchanged one, and a file read by another version of the loaders from one read by this one.

    Refuses what `load_file` would refuse unread (not a regular file, too large), since this
    reads the file first.
    """
    path = Path(path)
    check_regular_file(path)
    digest = hashlib.sha256(f"kefu-ingest:{INGEST_VERSION}\n".encode())
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


@dataclass(frozen=True)
class FileScan:
    """What `scan_files` found: the files to load, and what it left out of folders, and why."""

    files: list[Path]
    skipped: list[tuple[Path, str]]  # (a file in a folder, why)
    empty_folders: list[Path]  # named folders with nothing kefu can read


def scan_files(paths: Sequence[Path]) -> FileScan:
    """Expand folders (recursively) into their supported files; files are passed through.

    Files named explicitly are kept even with an unsupported suffix, so that ``load_file``
    reports them instead of their silently disappearing. Inside folders, hidden files and
    folders and Office lock files (``~$...``) are passed over quietly; other files kefu cannot
    read (an unsupported type, a broken link, a pipe) are listed in ``skipped``, and a folder
    with nothing to read in ``empty_folders``. Order: as given, each folder sorted.
    """
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    empty: list[Path] = []
    seen: set[Path] = set()

    def add(candidate: Path) -> None:
        key = candidate.resolve()
        if key not in seen:
            seen.add(key)
            found.append(candidate)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            files, left_out = _walk(path)
            for file in files:
                add(file)
            skipped.extend(left_out)
            if not files:
                empty.append(path)
        elif path.exists():
            add(path)
        elif path.is_symlink():
            raise IngestError(str(path), f"broken link to {os.readlink(path)}")
        else:
            raise IngestError(str(path), "no such file or folder")
    return FileScan(found, skipped, empty)


def iter_files(paths: Sequence[Path]) -> list[Path]:
    """The files `scan_files` finds."""
    return scan_files(paths).files


def _walk(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    # os.walk does not follow symlinked folders, so a link cycle cannot loop forever.
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith((".", "~$")):
                continue
            file = Path(root) / name
            suffix = file.suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                what = f"'{suffix}' files" if suffix else "files without an extension"
                skipped.append((file, f"kefu does not read {what}"))
            elif file.is_file():
                files.append(file)
            elif file.is_symlink() and not file.exists():
                skipped.append((file, f"broken link to {os.readlink(file)}"))
            else:
                skipped.append((file, "not a regular file"))
    return sorted(files), sorted(skipped)


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
