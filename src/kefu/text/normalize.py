"""Text normalisation applied before tokenising, so that a question typed on a phone with a
full-width keyboard (“ＡＰＰ里怎么改地址”) meets the same tokens as the FAQ written on a desktop.

normalize() is deliberately lossy: it is for matching, never for display.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_width", "normalize"]

# C0/C1 control characters (this includes \t, \n and \r) become spaces: a line break between two
# words still separates them, while NUL and friends from broken exports cannot glue words together.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Invisible format characters (zero-width space/joiners, bidi marks, soft hyphen, BOM) and lone
# surrogates (from bad decoding with errors="surrogateescape") are dropped outright: they sit
# inside words, and NFKC keeps them, so "退\u200b货" would otherwise never match "退货".
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ud800-\udfff]")

_WHITESPACE = re.compile(r"\s+")

# Full-width digits and Latin letters (U+FF10-FF19, U+FF21-FF3A, U+FF41-FF5A) -> ASCII, and the
# ideographic space -> a space. Full-width punctuation ("？", "，") is left alone: it is how
# Chinese is written, and models with a vocabulary of their own know it.
_FULL_WIDTH = {
    **{cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
       for cp in range(r[0], r[1] + 1)},
    0x3000: 0x20,
}  # fmt: skip


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


def fold_width(text: str) -> str:
    """``text`` with full-width letters and digits as ASCII, and nothing else changed: for
    models whose tokenizer does not fold widths itself (MiniLM's WordPiece reads "ＷＩＦＩ" as
    an unknown word; e5's SentencePiece already folds it). Unlike `normalize`, it keeps case,
    punctuation and spacing, so what a model reads is otherwise what the customer wrote.

    >>> fold_width("ＷｉＦｉ　密码？１２")
    'WiFi 密码？12'
    """
    return text.translate(_FULL_WIDTH)
