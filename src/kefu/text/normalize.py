"""Text normalisation applied before tokenising, so that a question typed on a phone with a
full-width keyboard (“ＡＰＰ里怎么改地址”) meets the same tokens as the FAQ written on a desktop.

normalize() is deliberately lossy: it is for matching, never for display.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize"]

# C0/C1 control characters (this includes \t, \n and \r) become spaces: a line break between two
# words still separates them, while NUL and friends from broken exports cannot glue words together.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Invisible format characters (zero-width space/joiners, bidi marks, soft hyphen, BOM) and lone
# surrogates (from bad decoding with errors="surrogateescape") are dropped outright: they sit
# inside words, and NFKC keeps them, so "退\u200b货" would otherwise never match "退货".
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]")

_WHITESPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Return ``text`` NFKC-normalised, case-folded, without control characters and with every
    run of whitespace (including U+3000 ideographic space and line breaks) collapsed to one
    ASCII space, trimmed at both ends.

    >>> normalize("ＡＰＰ\u3000里怎么改\n地址 Straße")
    'app 里怎么改 地址 strasse'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() needs a str, not {type(text).__name__}")
    if not text:
        return ""
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    # NFKC maps full-width ASCII and digits to half-width and U+3000 to a space; casefold after it
    # because casefold can expand ("ß" -> "ss") and NFKC first makes the input canonical.
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WHITESPACE.sub(" ", text).strip()
