"""Recover a PDF's section structure from its text runs: headings, body, page furniture.

A PDF has no headings, only text drawn in fonts. pypdf reports each run of text with its
font and size (``extract_text(visitor_text=...)``), which is enough to find the lines a
person reads as headings:

* **style**: lines noticeably larger than the body text (the size most characters have), or
  wholly bold ones, short and not ending like a sentence;
* **numbering**, only when no line stands out by its style: short lines on their own such as
  "3. Deposits and payment", "3.1 Card payments", "第三条 押金", "三、押金", "Chapter 2", whose
  top-level numbers rise through the document (a list that starts again at 1 is not a set of
  sections) and which are followed by body text rather than by the next item.

Lines that repeat at the top or bottom of most pages ("Harbour Lane Hotels - page 2") are page
headers and footers: they are dropped rather than taken for headings or kept in every chunk.

Heading styles are ranked by size (bold before regular at one size) into levels 1-3, so a
title above numbered sections reads like a Markdown ``#`` above ``##`` headings, and the
sections come out as :class:`~kefu.ingest._markdown.Section` for the same chunker.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kefu.ingest._markdown import MAX_SECTION_LEVEL

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[,-]bd$", re.IGNORECASE)
# A heading does not end like a sentence or a clause; a question ("Can I bring my dog?") may.
_SENTENCE_END = tuple(".,;:!。，；：、！…")
_LARGER = 1.15  # a heading by size is at least this much larger than the body text
_MAX_HEADING_CHARS = 100
_MAX_HEADING_WORDS = 15
_MAX_HEADING_LINES = 3  # a heading wrapped over more lines is more likely large body text
_EDGE_LINES = 2  # lines at each end of a page that may be a running header or footer
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

# Numbered headings: (pattern, kind). The kind orders levels within a document (a 章 is above
# a 节 is above a 条; "3." above "3.1" above "3.1.2").
_CN_NUMBER = "一二三四五六七八九十百零〇两"
_NUMBERED = [
    (re.compile(r"^(?:chapter|part)\s+(\d{1,3}|[ivxlc]{1,6})\b", re.IGNORECASE), 0),
    (re.compile(rf"^第([{_CN_NUMBER}\d]{{1,4}})[章部篇]"), 0),
    (re.compile(rf"^第([{_CN_NUMBER}\d]{{1,4}})节"), 1),
    (re.compile(rf"^第([{_CN_NUMBER}\d]{{1,4}})条"), 2),
    (re.compile(r"^(?:section|article)\s+(\d{1,3})\b", re.IGNORECASE), 1),
    (re.compile(rf"^([{_CN_NUMBER}]{{1,3}})[、.．]\s*\S"), 3),
    (re.compile(r"^(\d{1,2})[.．、]\s*(?=[^\d\s])"), 3),
    (re.compile(r"^(\d{1,2})\.\d{1,2}\.?\s+(?=\S)"), 4),
    (re.compile(r"^(\d{1,2})\.\d{1,2}\.\d{1,2}\.?\s+(?=\S)"), 5),
    (re.compile(rf"^[（(]([{_CN_NUMBER}]{{1,3}})[）)]\s*\S"), 6),
]
_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


@dataclass
class Line:
    """One extracted line: its text, page, dominant font size and whether it is all bold."""

    text: str
    page: int
    size: float = 0.0  # 0 when unknown
    bold: bool = False
    y: float | None = None  # position on the page (higher is nearer the top), when known


@dataclass
class PdfSection:
    """A section's heading path and body, with where each page starts in the body."""

    headings: list[str]
    body: str
    pages: list[tuple[int, int]] = field(default_factory=list)  # (offset in body, page)

    def page_at(self, offset: int) -> int:
        page = self.pages[0][1] if self.pages else 1
        for start, number in self.pages:
            if start > offset:
                break
            page = number
        return page


def page_lines(page: Any, number: int) -> list[Line]:
    """The lines of one pypdf page with their font size and weight (plain lines on failure)."""
    runs: list[tuple[str, float, bool, float | None]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, font_size: Any) -> None:
        if text:
            runs.append((text, *_run_style(cm, tm, font, font_size)))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(run[0] for run in runs) != text:
        # Not expected with pypdf's plain mode, but the text itself is what must be right.
        return [Line(_clean(line), number) for line in text.split("\n") if _clean(line)]
    lines: list[Line] = []
    current: list[tuple[str, float, bool, float | None]] = []

    def flush() -> None:
        cleaned = _clean("".join(part for part, *_ in current))
        if cleaned:
            lines.append(_styled_line(cleaned, number, current))
        current.clear()

    for run_text, size, bold, y in runs:
        pieces = run_text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                flush()
            if piece:
                current.append((piece, size, bold, y))
    flush()
    return lines


def _clean(text: str) -> str:
    return _CJK_GAP.sub("", text.replace("\x00", "")).strip()


def _styled_line(
    text: str, number: int, parts: list[tuple[str, float, bool, float | None]]
) -> Line:
    sizes: Counter[float] = Counter()
    bold_chars = total = 0
    y = None
    for part, size, bold, part_y in parts:
        visible = sum(1 for ch in part if not ch.isspace())
        if not visible:
            continue
        if y is None:
            y = part_y
        sizes[size] += visible
        total += visible
        bold_chars += visible if bold else 0
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    return Line(text, number, size, total > 0 and bold_chars >= 0.9 * total, y)


def _run_style(cm: Any, tm: Any, font: Any, font_size: Any) -> tuple[float, bool, float | None]:
    """Effective font size (rounded to half a point), boldness and baseline of a text run."""
    try:
        a, b, c, d, e, f = (float(x) for x in tm)
        ca, cb, cc, cd, _, cf = (float(x) for x in cm)
        # The text matrix times the current transformation matrix.
        m0, m1 = a * ca + b * cc, a * cb + b * cd
        m2, m3 = c * ca + d * cc, c * cb + d * cd
        y = e * cb + f * cd + cf
        scale = math.sqrt(abs(m0 * m3 - m1 * m2))
        size = round(float(font_size) * scale * 2) / 2
    except (TypeError, ValueError):
        size, y = 0.0, None
    return (size if math.isfinite(size) else 0.0), _is_bold(font), y


def _is_bold(font: Any) -> bool:
    try:
        if not font:
            return False
        if _BOLD_NAME.search(str(font.get("/BaseFont", "")).split("+")[-1]):
            return True
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant.get("/FontDescriptor")
        if descriptor is None:
            return False
        descriptor = descriptor.get_object()
        weight = float(descriptor.get("/FontWeight", 0) or 0)
        flags = int(descriptor.get("/Flags", 0) or 0)
        return weight >= 600 or bool(flags & (1 << 18))  # bit 19: ForceBold
    except Exception:
        # A damaged font dictionary says nothing about weight; the text is still read.
        return False


def drop_page_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove lines repeated at the top or bottom of most pages.

    A repeated line may differ only in its numbers when one of them runs with the page
    number ("page 2 of 3", "- 2 -"). Lines larger than the body text are left alone: those are
    headings ("Chapter 2" atop page 2), not furniture.
    """
    with_text = [lines for lines in pages if lines]
    if len(with_text) < 2:
        return pages
    needed = max(2, math.ceil(len(with_text) / 2))
    body_size = _body_size([line for lines in pages for line in lines])
    edges: list[set[int]] = []
    seen: dict[str, list[Line]] = {}
    for lines in pages:
        edge = {
            i for i in _edge_indexes(lines) if not body_size or lines[i].size < body_size * _LARGER
        }
        edges.append(edge)
        for key, line in {_furniture_key(lines[i].text): lines[i] for i in edge}.items():
            seen.setdefault(key, []).append(line)
    repeated = {
        key for key, found in seen.items() if len(found) >= needed and _runs_with_pages(found)
    }
    if not repeated:
        return pages
    return [
        [
            line
            for i, line in enumerate(lines)
            if i not in edge or _furniture_key(line.text) not in repeated
        ]
        for lines, edge in zip(pages, edges, strict=True)
    ]


def _runs_with_pages(lines: list[Line]) -> bool:
    """Whether the lines are the same text, or differ in a number that follows the page."""
    if len({line.text for line in lines}) == 1:
        return True
    offsets: set[int] | None = None
    for line in lines:
        found = {int(n) - line.page for n in _DIGITS.findall(line.text)[:4] if len(n) < 6}
        offsets = found if offsets is None else offsets & found
    return bool(offsets)


def _body_size(lines: list[Line]) -> float:
    """The font size most characters have (0 when sizes are unknown)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size > 0:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _edge_indexes(lines: list[Line]) -> set[int]:
    # The first and last lines in reading order and, where positions are known, the top and
    # bottom lines on the page (a footer is often drawn before the body).
    indexes = set(range(min(_EDGE_LINES, len(lines))))
    indexes |= set(range(max(0, len(lines) - _EDGE_LINES), len(lines)))
    placed = [i for i, line in enumerate(lines) if line.y is not None]
    if placed:
        by_height = sorted(placed, key=lambda i: lines[i].y or 0.0)
        indexes |= set(by_height[:_EDGE_LINES]) | set(by_height[-_EDGE_LINES:])
    return indexes


def _furniture_key(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text.casefold())).strip()


def split_pdf(pages: list[list[Line]]) -> tuple[str | None, list[PdfSection]] | None:
    """The title heading and the sections, or None when no headings were found.

    The title heading is the only level-1 heading, when there is one: a document whose
    headings are all alike ("1. Arrival", "2. Deposits") has none, and its first heading
    would misname the text before it.
    """
    lines = [line for page in pages for line in page]
    headings = _styled_headings(lines) or _numbered_headings(lines)
    if not headings:
        return None
    sections: list[PdfSection] = []
    path: list[tuple[int, str]] = []
    body: list[Line] = []

    def flush() -> None:
        section = _section([h for _, h in path], body)
        if section is not None:
            sections.append(section)
        body.clear()

    index = 0
    while index < len(lines):
        found = headings.get(index)
        if found is None:
            body.append(lines[index])
            index += 1
            continue
        level, text, used = found
        flush()
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, text))
        index += used
    flush()
    top = [text for level, text, _ in headings.values() if level == 1]
    return (top[0] if len(top) == 1 else None), sections


def _section(headings: list[str], lines: list[Line]) -> PdfSection | None:
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    offset = 0
    for line in lines:
        if not pages or pages[-1][1] != line.page:
            pages.append((offset, line.page))
        parts.append(line.text)
        offset += len(line.text) + 1
    body = "\n".join(parts)
    return PdfSection(headings, body, pages) if body.strip() else None


def _heading_text(text: str) -> bool:
    """Whether a line reads like a heading: short, with letters, not ending like a sentence."""
    if len(text) > _MAX_HEADING_CHARS or len(text.split()) > _MAX_HEADING_WORDS:
        return False
    if sum(1 for ch in text if ch.isalpha()) < 2:
        return False
    return not text.endswith(_SENTENCE_END)


def _styled_headings(lines: list[Line]) -> dict[int, tuple[int, str, int]]:
    """Headings by font: ``{line index: (level, text, lines used)}``."""
    body_size = _body_size(lines)
    if not body_size:
        return {}
    total = sum(len(line.text) for line in lines)
    bold_chars = sum(len(line.text) for line in lines if line.bold)
    bold_means_heading = bold_chars < 0.5 * total

    def style(line: Line) -> tuple[float, bool] | None:
        if line.size <= 0:
            return None
        if line.size >= body_size * _LARGER:
            return (line.size, line.bold)
        if bold_means_heading and line.bold and line.size >= body_size * 0.95:
            return (line.size, True)
        return None

    # Consecutive lines in one heading style on one page are one wrapped heading.
    groups: list[tuple[int, int, tuple[float, bool], str]] = []
    index = 0
    while index < len(lines):
        current = style(lines[index])
        if current is None:
            index += 1
            continue
        end = index + 1
        while (
            end < len(lines)
            and style(lines[end]) == current
            and lines[end].page == lines[index].page
        ):
            end += 1
        if end - index <= _MAX_HEADING_LINES:
            text = _join_wrapped([line.text for line in lines[index:end]])
            if _heading_text(text):
                groups.append((index, end - index, current, text))
        index = end
    if not groups:
        return {}
    ranked = sorted({group[2] for group in groups}, key=lambda s: (-s[0], not s[1]))
    levels = {s: min(rank + 1, MAX_SECTION_LEVEL) for rank, s in enumerate(ranked)}
    return {start: (levels[s], text, used) for start, used, s, text in groups}


def _join_wrapped(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        cjk_seam = _CJK_CHAR.match(part[:1]) and _CJK_CHAR.match(text[-1:])
        text += part if cjk_seam else " " + part
    return text


def _numbered_headings(lines: list[Line]) -> dict[int, tuple[int, str, int]]:
    """Headings by numbering alone, for PDFs whose headings look like their body text."""
    found: dict[int, tuple[int, str]] = {}  # index: (kind, top-level number)
    for index, line in enumerate(lines):
        if len(line.text) > 60 or not _heading_text(line.text):
            continue
        match = next(((m, k) for p, k in _NUMBERED if (m := p.match(line.text))), None)
        if match is None:
            continue
        number, kind = match[0][1], match[1]
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if following[:1].islower():
            continue  # the first line of a wrapped list item or sentence
        found[index] = (kind, number)
    # A heading is followed by body text, not directly by the next numbered line.
    found = {i: v for i, v in found.items() if i + 1 < len(lines) and i + 1 not in found}
    if len(found) < 2:
        return {}
    kinds = sorted({kind for kind, _ in found.values()})
    top = kinds[0]
    numbers = [_number(n) for kind, n in found.values() if kind == top]
    known = [n for n in numbers if n is not None]
    if len(known) < len(numbers) or any(b <= a for a, b in itertools.pairwise(known)):
        return {}
    levels = {kind: min(rank + 1, MAX_SECTION_LEVEL) for rank, kind in enumerate(kinds)}
    return {i: (levels[kind], lines[i].text, 1) for i, (kind, _) in found.items()}


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text and all(ch in _CN_DIGITS or ch in "十百" for ch in text):
        return _chinese_number(text)
    roman = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    values = [roman.get(ch) for ch in text.lower()]
    if not values or None in values:
        return None
    digits = [v for v in values if v is not None]
    return sum(-v if i + 1 < len(digits) and v < digits[i + 1] else v for i, v in enumerate(digits))


def _chinese_number(text: str) -> int:
    total, digit = 0, 0
    for ch in text:
        if ch == "百":
            total += (digit or 1) * 100
            digit = 0
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = _CN_DIGITS[ch]
    return total + digit
