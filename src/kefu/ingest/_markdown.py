"""Split Markdown into heading sections and strip its syntax down to readable text.

This is deliberately not a full CommonMark parser: the aim is text that reads well to an
embedding model and to a person (links become their text, emphasis markers go, code stays
as text), and sections that follow the ``#``/``##``/``###`` headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kefu._markup import strip_markup

MAX_SECTION_LEVEL = 3

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_LIST_OR_QUOTE = re.compile(r"^ {0,3}([-*+>]|\d+[.)])(\s|$)")
_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]]{1,500}\]:\s*\S+.*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
# Every repetition below is bounded, link parts cannot contain brackets, and emphasis starts
# only at the first marker of a run, so a line of thousands of unmatched "[" or "*" costs
# linear time instead of quadratic.
_TARGET = r"\([^()\[\]\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,200}\")?\)"
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]" + _TARGET)
_REF_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\[[^\[\]\n]{0,500}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_STRONG = re.compile(
    r"\*\*(?=\S)([^*\n]{1,500})(?<=\S)\*\*|(?<!\w)__(?=\S)([^_\n]{1,500})(?<=\S)__"
)
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,500})(?<=\S)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)([^_\n]{1,500})(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)([^~\n]{1,500})(?<=\S)~~")
_CODE = re.compile(r"(?<!`)`{1,3}([^`\n]{1,1000}?)`{1,3}")
_MARKUP = re.compile(r"[\[*_`~<]")


@dataclass
class Section:
    """A run of body text under one heading path (empty path: before the first heading)."""

    headings: list[str]
    body: str


def split_markdown(text: str) -> tuple[str | None, list[Section]]:
    """Return the front-matter or first-H1 title (if any) and the sections, syntax stripped."""
    # Raw HTML is read as a page would show it (`kefu._markup`), as an HTML file is: no
    # script, frame or event handler reaches an answer or a source. Comments go first: a
    # "<script>" inside one must not leave the comment open.
    lines = strip_markup(_drop_comments(text)).split("\n")
    title, lines = _front_matter(lines)
    lines = _tables(lines)
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    body: list[str] = []
    fence: str | None = None
    after_text = False  # whether the previous line was paragraph text (a setext candidate)

    def flush() -> None:
        content = "\n".join(body).strip()
        if content:
            sections.append(Section([h for _, h in path], content))
        body.clear()

    def heading(level: int, raw: str) -> None:
        nonlocal title
        flush()
        name = strip_inline(raw).strip()
        if not name:
            return
        if level == 1 and title is None:
            title = name
        while path and path[-1][0] >= level:
            path.pop()
        path.append((level, name))

    for line in lines:
        was_text, after_text = after_text, False
        fence_match = _FENCE.match(line)
        if fence is not None:
            closer = fence_match.group(1) if fence_match else ""
            if closer[:1] == fence[0] and len(closer) >= len(fence):
                fence = None
            else:
                body.append(line)  # code is kept verbatim: it is often the answer
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        atx = _ATX.match(line)
        if atx:
            level = len(atx.group(1))
            if level <= MAX_SECTION_LEVEL:
                heading(level, atx.group(2) or "")
            else:
                body.append(strip_inline(atx.group(2) or ""))
            continue
        if _SETEXT.match(line) and was_text and body and body[-1].strip():
            # "Title\n=====" is an H1 and "Title\n-----" an H2; the title line was already
            # taken as body text, so take it back.
            heading(1 if line.strip()[0] == "=" else 2, body.pop())
            continue
        if _RULE.match(line) or _REF_DEFINITION.match(line):
            body.append("")
            continue
        after_text = bool(line.strip()) and not _LIST_OR_QUOTE.match(line)
        body.append(strip_inline(_QUOTE.sub("", line)))
    flush()
    return title, sections


def label_row(names: list[str], values: list[str]) -> str:
    """A table row with each value named by its column: "Hotel: Bristol; Low season: GBP 80".

    A flattened row ("Bristol Classic Double 2 GBP 80 GBP 110") leaves the customer to work
    out which number is which, and a row quoted as an answer must say it itself. Empty cells
    say nothing and are left out."""
    return "; ".join(f"{n}: {v}" if n else v for n, v in zip(names, values, strict=True) if v)


_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [strip_inline(c.replace("\\|", "|")).strip() for c in re.split(r"(?<!\\)\|", inner)]


def _tables(lines: list[str]) -> list[str]:
    """Pipe tables (a header row, a |---| rule, rows) as one labelled row per paragraph
    (`label_row`); code fences and anything else are left as they are."""
    out: list[str] = []
    fence: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        fence_match = _FENCE.match(line)
        if fence_match and (fence is None or fence_match.group(1)[:1] == fence[:1]):
            fence = fence_match.group(1) if fence is None else None
        head_ok = fence is None and "|" in line and i + 1 < len(lines)
        if not (head_ok and _TABLE_RULE.match(lines[i + 1]) and "-" in lines[i + 1]):
            out.append(line)
            i += 1
            continue
        names = _cells(line)
        j = i + 2
        rows: list[str] = []
        while j < len(lines) and "|" in lines[j] and lines[j].strip():
            values = _cells(lines[j])
            values = (values + [""] * len(names))[: len(names)]  # short rows: empty cells
            rows.append(label_row(names, values))
            j += 1
        out.append("")
        for row in rows:
            out.extend([row, ""])
        i = j
    return out


def strip_inline(line: str) -> str:
    """Remove inline Markdown syntax from one line, keeping the words."""
    if not _MARKUP.search(line):
        return line.rstrip()
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(lambda m: m.group(1) or m.group(2), line)
    line = _STRIKE.sub(r"\1", line)
    line = _EM_STAR.sub(r"\1", line)
    line = _EM_UNDERSCORE.sub(r"\1", line)
    return line.rstrip()


def _drop_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` comments; an unclosed one runs to the end, as in HTML."""
    # str.find in a loop rather than a lazy regex, which is quadratic when many comments are
    # left open.
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        parts.append(text[position:start])
        end = text.find("-->", start + 4)
        if end == -1:
            position = len(text)
            break
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def _front_matter(lines: list[str]) -> tuple[str | None, list[str]]:
    """Drop a leading YAML front-matter block, returning its ``title:`` if it has one."""
    if not lines or lines[0].strip() != "---":
        return None, lines
    for index in range(1, min(len(lines), 200)):
        if lines[index].strip() in ("---", "..."):
            title = None
            for entry in lines[1:index]:
                key, _, value = entry.partition(":")
                if key.strip().lower() == "title" and value.strip():
                    title = value.strip().strip("\"'")
            return title, lines[index + 1 :]
    return None, lines
