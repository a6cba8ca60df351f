"""Loaders for prose documents: Markdown, plain text, HTML and PDF, cut into ``chunk`` entries.

Markdown and HTML are split at their h1-h3 headings first, so a chunk never mixes two
sections and its title is the heading path ("Returns > Refund timing") that tells a reader
where the passage comes from. Plain text is split the same way at the headings a reader sees
in it: short lines over a paragraph, numbered or underlined lines (see ``_text``). PDFs are
split at the headings recognised by font size, weight or numbering (see ``_pdf``), each chunk
citing the page it starts on; a PDF without recognisable headings is chunked page by page.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from kefu._markup import strip_markup
from kefu.errors import IngestError, MissingDependency
from kefu.ingest._common import ChunkBuilder, decode_text, encoding_metadata
from kefu.ingest._markdown import Section, split_markdown
from kefu.ingest._pdf import PdfSection, drop_page_furniture, page_lines, split_pdf
from kefu.ingest._text import split_text
from kefu.types import Entry

# Titles that PDF writers fill in when the author set none.
_PLACEHOLDER_TITLES = frozenset(
    {"untitled", "untitled document", "(anonymous)", "anonymous", "(unspecified)", "title"}
)
# "Microsoft Word - policies.docx" and the like name the file, not the document.
_PROGRAM_TITLES = ("microsoft word - ", "microsoft powerpoint - ", "microsoft excel - ")
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|odt|rtf|txt|pptx?|xlsx?|indd|pages|html?)$", re.I)


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
    # Raw HTML in the text is read as a page would show it (`kefu._markup`), as an HTML
    # file is: no script, frame or event handler reaches an answer or a source.
    title, sections = split_text(strip_markup(text))
    return _sections_to_entries(
        path,
        title or path.stem,
        sections,
        encoding,
        chunk_size=chunk_size,
        overlap=overlap,
        id_stem=id_stem,
    )


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
            pages = [page_lines(page, number) for number, page in enumerate(reader.pages, 1)]
            info = reader.metadata
            title = _sensible_title(str(info.title or "") if info is not None else "")
    except IngestError:
        raise
    except Exception as exc:
        # pypdf raises many exception types on damaged files (its own, KeyError, ValueError,
        # zlib errors...); for a caller they all mean the same thing.
        raise IngestError(name, f"unreadable PDF ({type(exc).__name__}: {exc})") from exc

    pages = drop_page_furniture(pages)
    builder = ChunkBuilder(path, chunk_size=chunk_size, overlap=overlap, id_stem=id_stem)
    structure = split_pdf(pages)
    if structure is None:
        # No headings found: one run of text per page, as before, so every chunk cites a page.
        for number, lines in enumerate(pages, start=1):
            text = "\n".join(line.text for line in lines)
            if text:
                builder.add(text, title=title or path.stem, metadata={"page": number})
    else:
        title_heading, sections = structure
        document_title = title or title_heading or path.stem
        for section in sections:
            heading = " > ".join(section.headings)
            if title and section.headings and not _same(section.headings[0], title):
                # The metadata title names the document when no heading above the sections
                # does, as a Markdown file's H1 would.
                heading = f"{title} > {heading}"
            start = len(builder.entries)
            builder.add(section.body, title=heading or document_title)
            _set_pages(builder, start, section)
    if not builder.entries:
        raise IngestError(name, "no text (scanned PDF? kefu does not run OCR)")
    return builder.entries


def _sensible_title(title: str) -> str:
    """The metadata title, or "" for a placeholder, a file name or an office program's label."""
    title = " ".join(title.split())
    lowered = title.casefold()
    if (
        lowered in _PLACEHOLDER_TITLES
        or lowered.startswith(_PROGRAM_TITLES)
        or _FILE_NAME.search(title)
        or len(title) > 200
        or sum(1 for ch in title if ch.isalpha()) < 2
    ):
        return ""
    return title


def _same(heading: str, title: str) -> bool:
    return heading.casefold().strip() == title.casefold().strip()


def _set_pages(builder: ChunkBuilder, start: int, section: PdfSection) -> None:
    # Each chunk cites the page its text starts on: found by looking its opening words up in
    # the section body, from where the previous chunk started.
    cursor = 0
    for index in range(start, len(builder.entries)):
        entry = builder.entries[index]
        opening = entry.text.split("\n", 1)[0][:40]
        found = section.body.find(opening, cursor)
        if found >= 0:
            cursor = found
        page = section.page_at(cursor)
        builder.entries[index] = replace(entry, metadata={**entry.metadata, "page": page})


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
