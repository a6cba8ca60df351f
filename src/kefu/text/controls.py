"""Characters that draw nothing a reader should see, removed from text people will read:
terminal escape sequences, C0/C1 control characters, explicit bidi overrides and isolates,
and (in knowledge text) zero-width spaces.

One definition for what a customer sends (`kefu.dialogue.incoming.clean_message`) and what a
knowledge file holds (`kefu.ingest.load_file`, and `kefu.guard.documents.sanitize_entry` for
what was stored before): a heading "Cont\\u202erol" shows reversed, "\\x1b[31m" shows as
"[31m" in a chat bubble, and neither is anything the business meant to say.
"""

from __future__ import annotations

import re

__all__ = ["clean_knowledge_text", "strip_controls"]

# ANSI/VT escape sequences a terminal or a copied log puts in (ECMA-48): CSI (ESC [ or the C1
# byte 0x9b, parameters, intermediates, a final byte: colours "\x1b[31m", cursor moves), OSC
# (ESC ] or 0x9d ... ended by BEL or ST: window titles, links; unended, to the end), other
# string commands (DCS, SOS, PM, APC ... ST), character set choices ("\x1b(B") and resets or
# cursor saves ("\x1bc", "\x1b7"). Only these short ones: a stray ESC before a word ("\x1b my")
# must not take the word's first letter with it.
TERMINAL_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|"
    r"(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|$)|"
    r"\x1b[()*+\-./][0-~]|\x1b[78=>c]"
)

# Explicit bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069) only serve to
# show text reversed ("Where is my dnufer"); natural RTL text needs none of them. The marks
# U+200E/U+200F stay: they only nudge neutral characters, and RTL writers use them.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])

# Zero-width space, Mongolian vowel separator, word joiner and the invisible operators, BOM:
# debris from web pages and word processors. ZWJ (U+200D) joins emoji and Indic conjuncts and
# ZWNJ (U+200C) is Persian spelling, so both stay.
_ZERO_WIDTH = dict.fromkeys([0x200B, 0x180E, *range(0x2060, 0x2065), 0xFEFF])


def control(ch: str) -> bool:
    """C0, DEL and C1: Unicode category Cc."""
    return ch < " " or "\x7f" <= ch <= "\x9f"


def strip_controls(text: str, keep: str = "\n\t") -> str:
    """``text`` without terminal escapes, control characters (but those in ``keep``) and bidi
    overrides/isolates. Escapes go first: dropping only their ESC would leave "[31m"."""
    text = TERMINAL_ESCAPE.sub("", text)
    if any(control(ch) and ch not in keep for ch in text):
        text = "".join(ch for ch in text if ch in keep or not control(ch))
    return text.translate(BIDI_CONTROLS)


def clean_knowledge_text(text: str) -> str:
    """Knowledge text as customers may see it: `strip_controls`, zero-width spaces dropped."""
    return strip_controls(text).translate(_ZERO_WIDTH)
