"""Ingestion: turn knowledge files (FAQ spreadsheets, JSON, Markdown, text, HTML, PDF) into
:class:`~kefu.types.Entry` lists.

Importing this package is cheap: the parsers (BeautifulSoup, pypdf) and the language
detector are imported only when a file of that kind is loaded.
"""

from __future__ import annotations

from kefu.ingest.chunking import chunk_text
from kefu.ingest.loaders import (
    SUPPORTED_SUFFIXES,
    FileScan,
    content_hash,
    iter_files,
    load_file,
    scan_files,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "FileScan",
    "chunk_text",
    "content_hash",
    "iter_files",
    "load_file",
    "scan_files",
]
