"""Flatten HTML into heading sections of readable text, with BeautifulSoup's ``html.parser``.

The tree is walked once with an explicit stack instead of being edited in place: bs4's
insert/replace operations re-link the whole subtree, which is quadratic on deeply nested
pages, and recursion would overflow on them.
"""

from __future__ import annotations

import re
from typing import Any

from kefu.ingest._markdown import Section, label_row

# Page furniture and non-text: nav bars, footers, scripts. <head> goes too (its <title> is
# read separately).
DROP = frozenset(
    {"script", "style", "nav", "footer", "noscript", "template", "head", "svg", "iframe"}
)
HEADINGS = frozenset({"h1", "h2", "h3"})
BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "aside", "blockquote", "pre",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "h4", "h5", "h6", "figure",
        "figcaption", "details", "summary", "form", "fieldset", "address", "hr",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")
_ENTER, _EMIT, _LEAVE_PRE = 0, 1, 2


def split_html(text: str) -> tuple[str, list[Section]]:
    """Return the page title (``<title>``, else the first ``<h1>``, else "") and its sections.

    Raises whatever the parser raises on markup it rejects; the caller turns that into an
    IngestError.
    """
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(text, "html.parser")
    title_tag = soup.find("title")
    title = _SPACES.sub(" ", title_tag.get_text(" ")).strip() if title_tag is not None else ""
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    parts: list[str] = []

    def flush() -> None:
        lines = (line.strip() for line in "".join(parts).split("\n"))
        content = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
        if content:
            sections.append(Section([h for _, h in path], content))
        parts.clear()

    pre_depth = 0
    stack: list[tuple[int, Any]] = [(_ENTER, soup)]
    while stack:
        action, node = stack.pop()
        if action == _EMIT:
            parts.append(node)
            continue
        if action == _LEAVE_PRE:
            pre_depth -= 1
            continue
        if isinstance(node, NavigableString):
            # Subclasses are comments, doctypes, CDATA and processing instructions: not text.
            if type(node) is NavigableString:
                parts.append(str(node) if pre_depth else _SPACES.sub(" ", node))
            continue
        if not isinstance(node, Tag) or node.name in DROP:
            continue
        name = node.name
        if name in HEADINGS:
            flush()
            heading = _SPACES.sub(" ", node.get_text(" ")).strip()
            if heading:
                level = int(name[1])
                title = title or (heading if level == 1 else "")
                while path and path[-1][0] >= level:
                    path.pop()
                path.append((level, heading))
            continue
        if name == "br":
            parts.append("\n")
            continue
        if name == "table":
            rows = _labelled_rows(node)
            if rows:
                parts.append("\n\n" + "\n\n".join(rows) + "\n\n")  # a row: a sentence
                continue
        if name in BLOCKS:
            parts.append("\n\n")
            stack.append((_EMIT, "\n\n"))
        elif name in ("td", "th"):
            stack.append((_EMIT, " "))
        if name == "pre":
            pre_depth += 1
            stack.append((_LEAVE_PRE, None))
        stack.extend((_ENTER, child) for child in reversed(node.contents))
    flush()
    return title, sections


def _labelled_rows(table: Any) -> list[str] | None:
    """A data table's rows, each cell named by its column's header (`label_row`), or None for
    a table without a header row (a layout table, read as text) or with merged cells."""
    rows = [
        tr
        for tr in table.find_all("tr")
        if tr.find_parent("table") is table  # not the rows of a table inside a cell
    ]
    if len(rows) < 2:
        return None

    def cells(tr: Any) -> list[Any]:
        return [c for c in tr.find_all(["th", "td"]) if c.find_parent("tr") is tr]

    head = cells(rows[0])
    if not head or any(c.name != "th" for c in head):
        return None
    names = [_SPACES.sub(" ", c.get_text(" ")).strip() for c in head]
    out = []
    for tr in rows[1:]:
        values = [_SPACES.sub(" ", c.get_text(" ")).strip() for c in cells(tr)]
        if len(values) != len(names):
            return None  # merged cells (colspan, rowspan): which value is whose is a guess
        row = label_row(names, values)
        if row:
            out.append(row)
    return out
