"""A customer's message as it arrives: checked (text, not empty, not too long, not markup
alone), its words without markup, and the language to reply in. Nothing here loads a model."""

from __future__ import annotations

import re
import unicodedata

from kefu.errors import KefuError
from kefu.text.controls import strip_controls

MAX_MESSAGE_CHARS = 4000
# Characters that draw nothing but are letters to Unicode (Hangul fillers, the blank braille
# pattern): a message of these alone is as empty as one of spaces.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


class InvalidMessage(KefuError):
    """The customer's message cannot be answered as given (empty, too long, not text)."""


def clean_message(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidMessage("a message must be text")
    # Terminal escapes, control characters (but newlines/tabs) that some clients paste in,
    # and bidi overrides that would show staff reversed text ("Where is my dnufer").
    cleaned = strip_controls(text).strip()
    bad = next((ch for ch in cleaned if "\ud800" <= ch <= "\udfff"), None)
    if bad is not None:
        # Bytes that were not UTF-8 (a terminal in another encoding) or half a UTF-16 pair:
        # nothing can store, search or show them.
        raise InvalidMessage(
            f"the message is not valid text (it holds \\u{ord(bad):04x}, undecodable input); "
            "send it as UTF-8"
        )
    if not any(_visible(ch) for ch in cleaned):
        raise InvalidMessage("the message is empty")
    if len(cleaned) > MAX_MESSAGE_CHARS:
        raise InvalidMessage(
            f"the message is too long ({len(cleaned)} characters; the limit is "
            f"{MAX_MESSAGE_CHARS}). Please shorten it or split it into several messages."
        )
    if not plain_text(cleaned):
        raise InvalidMessage(
            "the message holds only HTML markup and no words; please write the question as "
            "plain text"
        )
    return cleaned


def _visible(ch: str) -> bool:
    """Whether ``ch`` shows anything. Format characters (Cf: zero-width spaces, bidi marks)
    do not; they stay in a message that has words too (a ZWJ joins an emoji sequence)."""
    return not ch.isspace() and ch not in _BLANK_LETTERS and unicodedata.category(ch) != "Cf"


# A script or style element says nothing a customer meant to ask; other tags keep their text.
_MARKUP_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_MARKUP_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[a-zA-Z][^<>]*>", re.DOTALL)


def plain_text(text: str) -> str:
    """`text` without HTML tags, comments and script/style elements ("a < b" is kept)."""
    if "<" not in text:
        return text
    return " ".join(_MARKUP_TAG.sub(" ", _MARKUP_BLOCK.sub(" ", text)).split())


# The grammar of a mixed message, not its nouns, says which language the customer writes in:
# "How much is the 次卡?" is English with a Chinese product name, "我的iPhone 15 Pro坏了" is
# Chinese with an English one. These are the words that carry grammar in each language.
_EN_GRAMMAR_WORDS = (
    "i me my you your we our is are was were am be do does did can could will would should "
    "the a an this that these those it how what where when why which who much many "
    "to for of in on at with from and or but not no please there"
)
_EN_GRAMMAR = frozenset(_EN_GRAMMAR_WORDS.split())
_ZH_GRAMMAR = re.compile(r"的|了|吗|呢|吧|嘛|么|是|我|你|在|有|和|怎|什|哪|几|多少|能|可以|要|会")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def reply_language(text: str) -> str:
    """The language to answer in: "zh" or "en"."""
    from kefu.text.language import detect_language

    lang = detect_language(text)
    if lang != "mixed":
        return "zh" if lang == "zh" else "en"
    from kefu.text.normalize import fold_width

    # Full-width letters ("ｈｏｗ ｍｕｃｈ") are the same English words.
    en = sum(w.lower() in _EN_GRAMMAR for w in _LATIN_WORD.findall(fold_width(text)))
    zh = len(_ZH_GRAMMAR.findall(text))
    # A tie stays Chinese: English inside Chinese text is mostly names and codes.
    return "en" if en > zh else "zh"
