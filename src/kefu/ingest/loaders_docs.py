"""Loaders for prose documents: Markdown, plain text, HTML and PDF, cut into ``chunk`` entries.

Markdown and HTML are split at their h1-h3 headings first, so a chunk never mixes two
sections and its title is the heading path ("Returns > Refund timing") that tells a reader
where the passage comes from. PDFs are chunked page by page so every chunk can cite a page.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kefu.errors import IngestError, MissingDependency
from kefu.ingest._common import ChunkBuilder, decode_text, encoding_metadata
from kefu.ingest._markdown import Section, split_markdown
from kefu.types import Entry

# Titles that PDF writers fill in when the author set none.
_PLACEHOLDER_TITLES = frozenset({"untitled", "untitled document", "(anonymous)", "anonymous"})
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")


def load_markdown(
    path: Path, data: bytes, *, chunk_size: int, overlap: int, id_stem: str | None = None
) -> list[Entry]:
    text, encoding = decode_text(path, data)
    title, sections = split_markdown(text)
    return _sections_to_entries(
        path,
        title or path.stem,
        sections,
        encoding,
        chunk_size=chunk_size,
        overlap=overlap,
        id_stem=id_stem,
    )


def load_text(
    path: Path, data: bytes, *, chunk_size: int, overlap: int, id_stem: str | None = None
) -> list[Entry]:
    text, encoding = decode_text(path, data)
    builder = ChunkBuilder(
        path,
        chunk_size=chunk_size,
        overlap=overlap,
        metadata=encoding_metadata(encoding),
        id_stem=id_stem,
    )
    builder.add(text, title=path.stem)
    return _require_text(path, builder.entries)


def load_html(
    path: Path, data: bytes, *, chunk_size: int, overlap: int, id_stem: str | None = None
) -> list[Entry]:
    text, encoding = decode_text(path, data)
    try:
        import bs4  # noqa: F401
    except ImportError as exc:  # pragma: no cover - bs4 is a core dependency
        raise MissingDependency("beautifulsoup4", purpose="reading HTML files") from exc
    from kefu.ingest._html import split_html

    try:
        title, sections = split_html(text)
    except Exception as exc:
        # bs4 rejects some malformed markup (ParserRejectedMarkup, or an AssertionError from
        # html.parser on broken declarations).
        raise IngestError(str(path), f"unreadable HTML ({type(exc).__name__}: {exc})") from exc
    return _sections_to_entries(
        path,
        title or path.stem,
        sections,
        encoding,
        chunk_size=chunk_size,
        overlap=overlap,
        id_stem=id_stem,
    )


def load_pdf(
    path: Path, data: bytes, *, chunk_size: int, overlap: int, id_stem: str | None = None
) -> list[Entry]:
    name = str(path)
    if b"%PDF-" not in data[:1024]:
        raise IngestError(name, "not a PDF file (no %PDF header)")
    try:
        from pypdf import PdfReader
    except ImportError as exc:  # pragma: no cover - pypdf is a core dependency
        raise MissingDependency("pypdf", purpose="reading PDF files") from exc

    try:
        with _quiet_logger("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not _decrypt_without_password(reader):
                raise IngestError(
                    name, "encrypted PDF (it needs a password; save an unprotected copy)"
                )
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
            title = str(info.title or "").strip() if info is not None else ""
            if title.lower() in _PLACEHOLDER_TITLES:
                title = ""
    except IngestError:
        raise
    except Exception as exc:
        # pypdf raises many exception types on damaged files (its own, KeyError, ValueError,
        # zlib errors...); for a caller they all mean the same thing.
        raise IngestError(name, f"unreadable PDF ({type(exc).__name__}: {exc})") from exc

    builder = ChunkBuilder(path, chunk_size=chunk_size, overlap=overlap, id_stem=id_stem)
    for number, page_text in enumerate(pages, start=1):
        cleaned = _CJK_GAP.sub("", page_text.replace("\x00", "")).strip()
        if cleaned:
            builder.add(cleaned, title=title or path.stem, metadata={"page": number})
    if not builder.entries:
        raise IngestError(name, "no text (scanned PDF? kefu does not run OCR)")
    return builder.entries


@contextmanager
def _quiet_logger(name: str) -> Iterator[None]:
    # pypdf logs a warning for every repair it makes to a damaged file; the outcome (text or
    # an IngestError) is what the user needs, so the chatter is held back while it reads.
    logger = logging.getLogger(name)
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _decrypt_without_password(reader: Any) -> bool:
    # Many PDFs are "encrypted" only to restrict printing or editing, with an empty user
    # password; those open in every viewer and are read the same way here.
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


def _sections_to_entries(
    path: Path,
    document_title: str,
    sections: list[Section],
    encoding: str,
    *,
    chunk_size: int,
    overlap: int,
    id_stem: str | None,
) -> list[Entry]:
    builder = ChunkBuilder(
        path,
        chunk_size=chunk_size,
        overlap=overlap,
        metadata=encoding_metadata(encoding),
        id_stem=id_stem,
    )
    for section in sections:
        # Text before the first heading belongs to the document as a whole.
        builder.add(section.body, title=" > ".join(section.headings) or document_title)
    return _require_text(path, builder.entries)


def _require_text(path: Path, entries: list[Entry]) -> list[Entry]:
    if not entries:
        raise IngestError(str(path), "no text found")
    return entries
