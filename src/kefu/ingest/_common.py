"""Helpers shared by the loaders: reading bytes safely, decoding text, building entries.

Every failure here becomes an :class:`~kefu.errors.IngestError` naming the file, so the
loaders can stay linear and the caller gets one kind of error for one bad file.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kefu.errors import IngestError
from kefu.ingest.chunking import chunk_text
from kefu.text.controls import TERMINAL_ESCAPE
from kefu.types import Entry

# The largest knowledge file read (README): about 250,000 FAQ rows, far past what embeds in a
# reasonable time on a CPU, and a bound on memory for a file named by mistake.
MAX_FILE_BYTES = 50 * 1024 * 1024
_FILE_KINDS = {
    stat.S_IFDIR: "folder",
    stat.S_IFIFO: "named pipe (FIFO)",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
    stat.S_IFSOCK: "socket",
}
# Chinese spreadsheets exported from Excel are usually GB18030 (or its subset GBK); anything
# else that is not UTF-8 would be guesswork, so it is refused with a clear message instead.
_FALLBACK_ENCODING = "gb18030"
# Control characters other than tab and newline are debris from copy-paste or exports; they
# would only confuse tokenizers and terminals. A form feed (page break) becomes a newline.
_CONTROL_CHARACTERS: dict[int, str | None] = {
    code: None for code in [*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F]
}
_CONTROL_CHARACTERS[0x0C] = "\n"
# Text, but in another encoding (Latin-1 / Windows-1252 from Western Excel, Big5...): saying
# "not a text file" sent people looking for binary debris in a plain spreadsheet.
_OTHER_ENCODING = "not UTF-8 or GB18030 text (Latin-1, Windows-1252 or Big5?); re-save it as UTF-8"
# Only a table comes from Excel: a Markdown or text file gets no spreadsheet advice.
_EXCEL_ADVICE = " (in Excel: Save As, CSV UTF-8)"
_TABLES = (".csv", ".tsv")


def check_regular_file(path: Path) -> int:
    """The size of ``path``, a regular file (after symlinks) of at most MAX_FILE_BYTES.

    Checked before a file is opened: reading a named pipe waits for a writer and a device such
    as /dev/zero never ends, so either would hang ``kefu kb add`` instead of failing it.
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        target = _link_target(path)
        raise IngestError(
            name, f"broken link to {target}" if target else "file not found"
        ) from None
    except OSError as exc:
        raise IngestError(name, f"cannot read file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        target = _link_target(path)
        what = _FILE_KINDS.get(stat.S_IFMT(info.st_mode), "special file")
        via = f" (a link to {target})" if target else ""
        raise IngestError(name, f"not a regular file: it is a {what}{via}")
    if info.st_size > MAX_FILE_BYTES:
        raise IngestError(
            name, f"file too large ({_mb(info.st_size)}; the limit is {_mb(MAX_FILE_BYTES)})"
        )
    return info.st_size


def read_bytes(path: Path) -> bytes:
    """The file's bytes; refuses missing, non-regular, empty and oversized files."""
    name = str(path)
    check_regular_file(path)
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit in case the file grew after stat().
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IngestError(name, f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(name, f"file too large (over {_mb(MAX_FILE_BYTES)})")
    if not data:
        raise IngestError(name, "empty file")
    return data


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode a text file; returns ``(text, encoding)`` with newlines normalised to ``\\n``.

    UTF-16 with a byte-order mark is accepted because Excel's "Unicode text" export writes it.
    """
    name = str(path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise IngestError(name, f"not valid UTF-16 text: {exc.reason}") from exc
    elif b"\x00" in data:
        raise IngestError(name, "not a text file (it contains NUL bytes; binary data?)")
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _decode_fallback(name, data, exc), _FALLBACK_ENCODING
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise IngestError(name, "not a text file (it contains NUL characters)")
    # Terminal escapes whole, before their ESC goes with the other controls: "\x1b[31m" must
    # not leave "[31m" in the text (kefu.text.controls).
    text = TERMINAL_ESCAPE.sub("", text).translate(_CONTROL_CHARACTERS)
    if not text.strip():
        raise IngestError(name, "empty file (only whitespace)")
    return text, encoding


def _decode_fallback(name: str, data: bytes, error: UnicodeDecodeError) -> str:
    """Decode non-UTF-8 bytes as GB18030, unless that would silently garble the text."""
    line = data[: error.start].count(b"\n") + 1
    table = name.lower().endswith(_TABLES)
    unit = "row" if table else "line"
    other = _OTHER_ENCODING + (_EXCEL_ADVICE if table else "")
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    fine = sum(1 for ch in lenient if ord(ch) > 0x7F) - broken
    if fine >= 2 * broken:
        # Mostly valid multi-byte UTF-8 with a few bad bytes: a damaged UTF-8 file, which
        # GB18030 would turn into nonsense rather than fix.
        raise IngestError(
            name,
            "not valid UTF-8 text (a damaged file?); re-save it as UTF-8",
            row=line,
            unit=unit,
        )
    try:
        text = data.decode(_FALLBACK_ENCODING)
    except UnicodeDecodeError as exc:
        raise IngestError(name, other, row=line, unit=unit) from exc
    # Windows-1252 (Western Excel exports) and Big5 (Traditional Chinese) bytes also decode
    # as GB18030, into the wrong characters. Real GB2312/GBK text has both bytes of a Chinese
    # character above 0x7F; those encodings put an ASCII byte second, so too many such pairs
    # mean the guess is wrong.
    wide = [ch for ch in text if ord(ch) > 0x7F]
    odd = sum(1 for ch in wide if len(b := ch.encode(_FALLBACK_ENCODING)) != 2 or b[1] < 0x80)
    if odd > len(wide) // 4:
        raise IngestError(name, other, row=line, unit=unit)
    return text


def encoding_metadata(encoding: str) -> dict[str, Any]:
    """Metadata recording a non-UTF-8 source encoding (nothing for plain UTF-8)."""
    return {} if encoding == "utf-8" else {"encoding": encoding}


def language_detector() -> Callable[[str], str]:
    # Imported here, not at module level, so that listing or importing the ingest package
    # never pulls in the language module's dependencies.
    from kefu.text.language import detect_language

    return detect_language


class ChunkBuilder:
    """Turns document sections into ``chunk`` entries numbered ``<stem>#1``, ``#2``… per file.

    ``id_stem`` replaces the file's stem in those ids (see `load_file`).
    """

    def __init__(
        self,
        path: Path,
        *,
        chunk_size: int,
        overlap: int,
        metadata: dict[str, Any] | None = None,
        id_stem: str | None = None,
    ) -> None:
        self.path = path
        self.id_stem = id_stem or path.stem
        self.chunk_size = chunk_size
        self.overlap = overlap
        self.metadata = dict(metadata or {})
        self.entries: list[Entry] = []
        self._counter = 0
        self._detect = language_detector()

    def add(
        self,
        body: str,
        *,
        title: str,
        metadata: dict[str, Any] | None = None,
        entry_id: str | None = None,
        category: str | None = None,
    ) -> None:
        """Chunk ``body`` and append its entries.

        With ``entry_id`` the chunks are called ``entry_id`` (one chunk) or ``entry_id#n``;
        otherwise they continue the file's ``<stem>#n`` numbering.
        """
        pieces = chunk_text(body, chunk_size=self.chunk_size, overlap=self.overlap)
        for index, piece in enumerate(pieces, start=1):
            if entry_id is None:
                self._counter += 1
                ident = f"{self.id_stem}#{self._counter}"
            else:
                ident = entry_id if len(pieces) == 1 else f"{entry_id}#{index}"
            self.entries.append(
                Entry(
                    id=ident,
                    kind="chunk",
                    text=piece,
                    title=title,
                    category=category,
                    language=self._detect(piece),
                    source=str(self.path),
                    metadata={**self.metadata, **(metadata or {})},
                )
            )


def _link_target(path: Path) -> str | None:
    """Where a symlink points (for messages), or None when ``path`` is not one."""
    try:
        return os.readlink(path) if path.is_symlink() else None
    except OSError:
        return None


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
