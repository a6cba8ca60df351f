"""Split plain text into sections at the headings a person sees in it.

A .txt file has no markup, but its headings are plain to a reader: a short line with no final
punctuation over a paragraph ("Blood pressure checks"), a numbered line ("1. Returns",
"2.1 Refund timing", "一、退货政策", "第二条"), a line in capitals, a short line ending in a
colon, a line underlined with ``===`` or ``---``. Sections follow them, as for Markdown and
PDF (``_markdown``, ``_pdf``), so a chunk never mixes two sections and its title says where it
comes from. A line is only taken for a heading when prose follows it: an address or a list of
short lines stays text.
"""

from __future__ import annotations

import re

from kefu.ingest._markdown import Section
from kefu.ingest._pdf import _NUMBERED

_MAX_HEADING_CHARS = 60
_MAX_HEADING_WORDS = 10
_MAX_TITLE_CHARS = 120
_MAX_COLON_WORDS = 5
# A heading does not end like a sentence or a clause.
_SENTENCE_END = tuple(".,;!?。，；！？、…")
_ENDS_SENTENCE = re.compile(r"[.!?。！？…][\"'”’」』）)]*$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)、]|[a-zA-Z][.)])\s+\S")
# Levels: the document's title line is 0, so every section sits under it ("Doc > Section").
_TITLE, _DOUBLE, _SINGLE, _PLAIN = 0, 1, 2, 4
_NUMBERED_BASE = 1  # a 章 (kind 0) is at level 1, "1." (kind 3) at 4, "1.1" (kind 4) at 5


def split_text(text: str) -> tuple[str | None, list[Section]]:
    """The title line (if the text has one) and the sections under the recognised headings."""
    lines = [line.rstrip() for line in text.split("\n")]
    headings = _headings(lines)
    title: str | None = None
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    body: list[str] = []

    def flush() -> None:
        content = "\n".join(body).strip()
        if content:
            sections.append(Section([name for _, name in path], content))
        body.clear()

    skip = -1
    for index, line in enumerate(lines):
        if index == skip:
            continue  # an underline
        found = headings.get(index)
        if found is None:
            body.append(line)
            continue
        level, name, underlined = found
        flush()
        if level == _TITLE:
            title = name
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, name))
        if underlined:
            skip = index + 1
    flush()
    return title, sections


def _headings(lines: list[str]) -> dict[int, tuple[int, str, bool]]:
    """Line index: (level, heading text, whether the next line underlines it)."""
    found: dict[int, tuple[int, str, bool]] = {}
    for index, line in enumerate(lines):
        text = line.strip()
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if text and _UNDERLINE.match(after) and len(text) <= _MAX_HEADING_CHARS:
            # "Returns\n=======": a setext heading, whatever follows it.
            found[index] = (_DOUBLE if after.strip()[0] == "=" else _SINGLE, text, True)
            continue
        level = _level(text)
        if level is None or not _starts_block(lines, index) or not _prose_follows(lines, index):
            continue
        if _ITEM.match(text) and (_is_item(lines, index - 1) or _is_item(lines, index + 1)):
            continue  # an item of a numbered or bulleted list
        found[index] = (level, text.rstrip(":：").strip(), False)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if found and first is not None and first not in found and _is_title(lines, first):
        # The first line, set apart above the headings, names the whole document.
        found[first] = (_TITLE, lines[first].strip(), False)
    return found


def _is_title(lines: list[str], index: int) -> bool:
    text = lines[index].strip()
    return (
        _blank(lines, index + 1)
        and len(text) <= _MAX_TITLE_CHARS
        and not text.endswith(_SENTENCE_END)
        and not _ITEM.match(text)
    )


def _level(text: str) -> int | None:
    """The level ``text`` would have as a heading, or None when it cannot be one."""
    if not text or len(text) > _MAX_HEADING_CHARS or _UNDERLINE.match(text):
        return None
    words = len(text.split())
    if text.endswith((":", "：")):
        # "Opening hours:" over its paragraph; a longer line with a colon leads into a list.
        return _PLAIN if words <= _MAX_COLON_WORDS and len(text) <= 30 else None
    if text.endswith(_SENTENCE_END) or words > _MAX_HEADING_WORDS:
        return None
    for pattern, kind in _NUMBERED:
        if pattern.match(text):
            return _NUMBERED_BASE + kind
    if not (text[0].isupper() or text[0].isdigit() or not text[0].isascii()):
        return None  # a line starting in lower case continues a sentence
    return _PLAIN


def _starts_block(lines: list[str], index: int) -> bool:
    # A heading starts the text, follows a blank line or follows a finished sentence; a line
    # after an unfinished one is that sentence's wrapped end.
    return index == 0 or _blank(lines, index - 1) or bool(_ENDS_SENTENCE.search(lines[index - 1]))


def _prose_follows(lines: list[str], index: int) -> bool:
    """Whether a paragraph (not another short line) comes next, after at most one blank line."""
    following = index + 1
    if _blank(lines, following):
        following += 1
    if following >= len(lines) or _blank(lines, following):
        return False
    text = lines[following].strip()
    if _ITEM.match(text):
        return True  # a list under its heading
    return len(text) > _MAX_HEADING_CHARS or bool(_ENDS_SENTENCE.search(text))


def _is_item(lines: list[str], index: int) -> bool:
    return 0 <= index < len(lines) and bool(_ITEM.match(lines[index]))


def _blank(lines: list[str], index: int) -> bool:
    return index >= len(lines) or not lines[index].strip()
