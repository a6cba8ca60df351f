"""Raw HTML inside knowledge text (documents, FAQ answers), reduced to what a reader sees.

An HTML file is read as a page (``kefu.ingest._html``): its scripts, styles and frames are
dropped and its tags give way to their text. A Markdown or text file, or an FAQ answer, may
carry raw HTML too ("<script>alert(1)</script>", "<img src=x onerror=...>", an "<iframe>",
a ``javascript:`` link). It used to be kept verbatim, so answers and opened sources repeated
it to customers, and any integration that renders an answer as HTML would run it (report Q,
finding 4). `strip_markup` gives such text the same treatment as a page:

* the elements whose content is code or another document (script, style, iframe, object,
  embed, svg, ...) go with everything inside them; one left open goes to the end of its line,
  not of the document, so one stray "<script>" in prose cannot take the text after it away;
* any other tag goes and its text stays: "<b>Free</b> returns" reads "Free returns"; "<br>"
  becomes a line break;
* a link whose target is a script (``javascript:``, ``vbscript:``, ``data:``), as a Markdown
  link or an autolink, keeps only its text.

A tag is "<" right before a letter (or "</"), as in HTML: "under <5 kg", "a < b > c" and
"<name@example.com>" are text and stay.
"""

from __future__ import annotations

import re

# Elements whose content is not text a reader sees.
_OPAQUE = (
    "script|style|iframe|object|embed|applet|frameset|frame|noscript|template|svg|math|"
    "noembed|noframes|xmp|textarea|select"
)
_OPAQUE_ELEMENT = re.compile(
    rf"<\s*({_OPAQUE})\b[^>]*>.*?<\s*/\s*\1\s*>|<\s*({_OPAQUE})\b[^>\n]*>?[^\n]*",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>]{0,2000})?/?>")
_LINE_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_SCRIPT_URL = r"\s*(?:javascript|vbscript|data|livescript):"
# A target may hold one level of brackets: "(javascript:alert(1))".
_SCRIPT_LINK = re.compile(
    rf"\[([^\[\]\n]{{0,500}})\]\({_SCRIPT_URL}(?:[^()\n]|\([^()\n]{{0,200}}\)){{0,2000}}\)", re.I
)
_SCRIPT_AUTOLINK = re.compile(rf"<{_SCRIPT_URL}[^<>\n]{{0,2000}}>", re.IGNORECASE)
_HOLE = "\x00"
_AROUND_HOLE = re.compile(rf"[ \t]*{_HOLE}[{_HOLE} \t]*")
_SIGNS = re.compile(r"<\s*/?\s*[A-Za-z]|\]\(\s*[a-zA-Z]+script:|\]\(\s*data:", re.IGNORECASE)


def has_markup(text: str) -> bool:
    """Whether ``text`` may hold a tag or a script link (a cheap test before the work)."""
    return bool(_SIGNS.search(text))


def strip_markup(text: str) -> str:
    """``text`` without active HTML: opaque elements with their content, other tags (their
    text kept), script links (their text kept). Text without markup comes back unchanged."""
    if not has_markup(text):
        return text
    out = _OPAQUE_ELEMENT.sub(_HOLE, text)
    out = _SCRIPT_LINK.sub(r"\1", out)
    out = _SCRIPT_AUTOLINK.sub(_HOLE, out)
    out = _LINE_BREAK.sub("\n", out)
    out = _TAG.sub(_HOLE, out)

    # A removed tag between two words leaves one space ("per day. <img> Cleaning"), none
    # inside a word ("<b>Free</b>ship" stays "Freeship", as a browser shows it) or at the
    # start or end of a line.
    def fill(m: re.Match[str]) -> str:
        edge = m.start() == 0 or m.end() == len(out) or "\n" in (out[m.start() - 1], out[m.end()])
        return "" if edge or not m.group().strip(_HOLE) else " "

    return _AROUND_HOLE.sub(fill, out)
