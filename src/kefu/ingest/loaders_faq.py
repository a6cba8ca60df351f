"""Loaders for structured knowledge: FAQ spreadsheets (CSV/TSV) and JSON / JSON Lines.

An FAQ row becomes one ``faq`` entry whose answer kefu repeats word for word, so rows are
validated strictly: a missing column, an empty answer or a duplicate id stops the whole file
with the row number, rather than storing a curated answer that is wrong or incomplete.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kefu._markup import strip_markup
from kefu.errors import IngestError
from kefu.ingest._common import ChunkBuilder, decode_text, encoding_metadata, language_detector
from kefu.types import Entry

MAX_QUESTION_CHARS = 2_000
MAX_ANSWER_CHARS = 20_000
CSV_FIELD_LIMIT = 10 * 1024 * 1024

# Header names are compared after lower-casing and stripping; the Chinese aliases are what
# people type in a spreadsheet made by hand in a Chinese-language Excel.
_ALIASES = {
    "question": "question",
    "问题": "question",
    "answer": "answer",
    "答案": "answer",
    "回答": "answer",
    "id": "id",
    "编号": "id",
    "category": "category",
    "分类": "category",
    "类别": "category",
}
_DOC_ALIASES = {"text": "text", "content": "text", "title": "title", "标题": "title"}
_CONTAINER_KEYS = ("faqs", "items", "documents")


class _Ids:
    """Remembers which row each explicit id came from, to report duplicates with both rows."""

    def __init__(self, path: Path, unit: str) -> None:
        self.path = path
        self.unit = unit
        self.seen: dict[str, int] = {}

    def claim(self, ident: str, where: int, row: int | None) -> None:
        if ident in self.seen:
            raise IngestError(
                str(self.path),
                f"duplicate id {ident!r} in {self.unit} {where} (already used in "
                f"{self.unit} {self.seen[ident]})",
                row=row,
            )
        self.seen[ident] = where


def load_csv(path: Path, data: bytes, *, delimiter: str, id_stem: str | None = None) -> list[Entry]:
    """FAQ pairs from a CSV or TSV file with a header row naming ``question`` and ``answer``."""
    name = str(path)
    text, encoding = decode_text(path, data)
    # The default limit (128 KiB) is smaller than some real answers with pasted HTML; the
    # limit is process-wide, so it is only ever raised.
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = _csv_rows(path, reader)

    header_row, header = next(rows, (0, []))
    columns = _header(path, header, header_row, delimiter)
    detect = language_detector()
    ids = _Ids(path, "row")
    entries: list[Entry] = []
    for row, fields in rows:
        if not any(field.strip() for field in fields):
            continue
        if len(fields) > len(columns) and any(f.strip() for f in fields[len(columns) :]):
            sep = "tab" if delimiter == "\t" else "comma"
            raise IngestError(
                name,
                f"{len(fields)} values but the header has {len(columns)} columns "
                f"(is there an unquoted {sep} in a value? put the value in double quotes)",
                row=row,
            )
        record = dict(zip(columns, [*fields, *[""] * (len(columns) - len(fields))], strict=False))
        extra = {
            key: value.strip()
            for key, value in record.items()
            if key not in ("question", "answer", "id", "category") and value.strip()
        }
        entries.append(
            _faq(
                path,
                question=record["question"],
                answer=record["answer"],
                ident=record.get("id"),
                category=record.get("category"),
                metadata={**extra, **encoding_metadata(encoding), "row": row},
                where=row,
                row=row,
                ids=ids,
                detect=detect,
                id_stem=id_stem,
            )
        )
    if not entries:
        raise IngestError(name, "no FAQ rows (the file has a header but no data)")
    return entries


def _csv_rows(path: Path, reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(row number, fields)`` where the row number is the line the row starts on."""
    start = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            message = str(exc)
            if "field larger than field limit" in message:
                message = f"a value is larger than {CSV_FIELD_LIMIT // (1024 * 1024)} MB"
            raise IngestError(str(path), f"malformed CSV: {message}", row=start) from exc
        yield start, fields
        start = reader.line_num + 1


def _header(path: Path, header: list[str], row: int, delimiter: str) -> list[str]:
    name = str(path)
    if not any(cell.strip() for cell in header):
        raise IngestError(name, "no header row (expected columns question, answer)", row=row or 1)
    columns: list[str] = []
    for index, cell in enumerate(header, start=1):
        key = cell.strip().lstrip("\ufeff").strip().lower()
        key = _ALIASES.get(key, key) or f"column_{index}"
        if key in columns:
            raise IngestError(name, f"column {key!r} appears twice in the header", row=row)
        columns.append(key)
    for required in ("question", "answer"):
        if required not in columns:
            hint = ""
            if len(header) == 1 and any(sep in header[0] for sep in ",;\t" if sep != delimiter):
                hint = " — is the file separated by a different character?"
            raise IngestError(
                name,
                f"missing required column {required!r} in the header "
                f"(found: {', '.join(header) or 'nothing'}){hint}",
                row=row,
            )
    return columns


def _faq(
    path: Path,
    *,
    question: Any,
    answer: Any,
    ident: Any,
    category: Any,
    metadata: dict[str, Any],
    where: int,
    row: int | None,
    ids: _Ids,
    detect: Callable[[str], str],
    prefix: str = "",
    id_stem: str | None = None,
) -> Entry:
    """Validate one FAQ record; ``where`` is its row/line/item number, ``row`` what errors cite."""
    name = str(path)
    # Pasted HTML is reduced to its text (`kefu._markup`): an answer is repeated word for
    # word, and a script or event handler in it would reach every integration that renders it.
    question = strip_markup(_string(path, question, "question", row, prefix)).strip()
    answer = strip_markup(_string(path, answer, "answer", row, prefix)).strip()
    for column, value in (("question", question), ("answer", answer)):
        if not value:
            raise IngestError(name, f"{prefix}missing value in column {column!r}", row=row)
    if len(question) > MAX_QUESTION_CHARS:
        raise IngestError(
            name,
            f"{prefix}question is {len(question)} characters (the limit is "
            f"{MAX_QUESTION_CHARS}; put long text in a document instead)",
            row=row,
        )
    if len(answer) > MAX_ANSWER_CHARS:
        raise IngestError(
            name,
            f"{prefix}answer is {len(answer)} characters (the limit is {MAX_ANSWER_CHARS}; "
            "put long text in a document instead)",
            row=row,
        )
    if ident is None:
        entry_id = f"{id_stem or path.stem}:{where}"
    else:
        entry_id = _string(path, ident, "id", row, prefix).strip()
        if not entry_id:
            raise IngestError(
                name, f"{prefix}missing value in column 'id' (every row needs one)", row=row
            )
        ids.claim(entry_id, where, row)
    category_text = _string(path, category, "category", row, prefix).strip() or None
    return Entry(
        id=entry_id,
        kind="faq",
        text=question,
        answer=answer,
        title=question,
        category=category_text,
        language=detect(question),
        source=name,
        metadata=metadata,
    )


def _string(path: Path, value: Any, field: str, row: int | None, prefix: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise IngestError(
        str(path), f"{prefix}{field!r} must be text, not {_json_kind(value)}", row=row
    )


def _json_kind(value: Any) -> str:
    """A JSON value's kind as the file spells it ("null", "a list"), not Python's "NoneType"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def load_json(
    path: Path, data: bytes, *, chunk_size: int, overlap: int, id_stem: str | None = None
) -> list[Entry]:
    """FAQ pairs and/or documents from a JSON list (optionally under faqs/items/documents)."""
    name = str(path)
    text, encoding = decode_text(path, data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            name, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    except (ValueError, RecursionError) as exc:
        # Integers with thousands of digits and very deep nesting fail outside the decoder.
        raise IngestError(name, _json_limit(exc)) from exc
    if isinstance(document, dict):
        key = next((k for k in _CONTAINER_KEYS if isinstance(document.get(k), list)), None)
        if key is None:
            raise IngestError(
                name,
                "expected a JSON list of objects, or an object with a list under "
                + " / ".join(repr(k) for k in _CONTAINER_KEYS),
            )
        document = document[key]
    if not isinstance(document, list):
        raise IngestError(name, f"expected a JSON list of objects, found {_json_kind(document)}")
    loader = _RecordLoader(
        path, encoding, "item", chunk_size=chunk_size, overlap=overlap, id_stem=id_stem
    )
    for number, item in enumerate(document, start=1):
        loader.add(item, number, row=None, prefix=f"item {number}: ")
    return loader.finish()


def load_jsonl(
    path: Path, data: bytes, *, chunk_size: int, overlap: int, id_stem: str | None = None
) -> list[Entry]:
    """FAQ pairs and/or documents from JSON Lines: one object per line, blank lines ignored."""
    name = str(path)
    text, encoding = decode_text(path, data)
    loader = _RecordLoader(
        path, encoding, "line", chunk_size=chunk_size, overlap=overlap, id_stem=id_stem
    )
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(
                name, f"malformed JSON (column {exc.colno}): {exc.msg}", row=line_number
            ) from exc
        except (ValueError, RecursionError) as exc:
            raise IngestError(name, _json_limit(exc), row=line_number) from exc
        loader.add(item, line_number, row=line_number, prefix="")
    return loader.finish()


class _RecordLoader:
    """Turns JSON objects into FAQ entries (question/answer) or document chunks (text/content)."""

    def __init__(
        self,
        path: Path,
        encoding: str,
        unit: str,
        *,
        chunk_size: int,
        overlap: int,
        id_stem: str | None = None,
    ) -> None:
        self.path = path
        self.encoding = encoding
        self.id_stem = id_stem
        self.entries: list[Entry] = []
        self.ids = _Ids(path, unit)
        self.detect = language_detector()
        self.chunks = ChunkBuilder(
            path,
            chunk_size=chunk_size,
            overlap=overlap,
            metadata=encoding_metadata(encoding),
            id_stem=id_stem,
        )

    def add(self, item: Any, where: int, *, row: int | None, prefix: str) -> None:
        name = str(self.path)
        if not isinstance(item, dict):
            raise IngestError(
                name, f"{prefix}expected a JSON object, found {_json_kind(item)}", row=row
            )
        record: dict[str, Any] = {}
        for raw_key, value in item.items():
            key = raw_key.strip().lower()
            record[_ALIASES.get(key) or _DOC_ALIASES.get(key) or raw_key] = value
        if "question" in record or "answer" in record:
            extra = {
                k: v for k, v in record.items() if k not in ("question", "answer", "id", "category")
            }
            self.entries.append(
                _faq(
                    self.path,
                    question=record.get("question"),
                    answer=record.get("answer"),
                    ident=record.get("id"),
                    category=record.get("category"),
                    metadata={**extra, **encoding_metadata(self.encoding), self.ids.unit: where},
                    where=where,
                    row=row,
                    ids=self.ids,
                    detect=self.detect,
                    prefix=prefix,
                    id_stem=self.id_stem,
                )
            )
        elif "text" in record:
            self._document(record, where, row=row, prefix=prefix)
        else:
            raise IngestError(
                name,
                f"{prefix}an object needs 'question' and 'answer' (an FAQ pair) or 'text' / "
                f"'content' (a document); found keys: {', '.join(map(str, item)) or 'none'}",
                row=row,
            )

    def _document(
        self, record: dict[str, Any], where: int, *, row: int | None, prefix: str
    ) -> None:
        body = strip_markup(_string(self.path, record["text"], "text", row, prefix))
        if not body.strip():
            raise IngestError(str(self.path), f"{prefix}missing value in 'text'", row=row)
        title = _string(self.path, record.get("title"), "title", row, prefix).strip()
        ident = None
        if record.get("id") is not None:
            ident = _string(self.path, record["id"], "id", row, prefix).strip() or None
            if ident is not None:
                self.ids.claim(ident, where, row)
        category = _string(self.path, record.get("category"), "category", row, prefix).strip()
        extra = {k: v for k, v in record.items() if k not in ("text", "title", "id", "category")}
        self.chunks.add(
            body,
            title=title or self.path.stem,
            metadata={**extra, self.ids.unit: where},
            entry_id=ident,
            category=category or None,
        )
        self.entries.extend(self.chunks.entries)
        self.chunks.entries.clear()

    def finish(self) -> list[Entry]:
        if not self.entries:
            raise IngestError(str(self.path), "no entries (the JSON list is empty)")
        return self.entries


def _json_limit(exc: ValueError | RecursionError) -> str:
    """Valid JSON that Python's reader will not take, in words (no exception names): lists or
    objects nested thousands deep, or a number with thousands of digits."""
    if isinstance(exc, RecursionError):
        return (
            "the JSON is nested too deeply (lists or objects inside each other thousands of "
            "levels deep); a knowledge file needs a list of objects, a few levels at most"
        )
    return f"a JSON value cannot be read: {exc}"
