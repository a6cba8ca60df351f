"""A customer's message as it arrives: checked (text, not empty, not too long, not markup
alone), its words without markup, and the language to reply in. Nothing here loads a model."""

from __future__ import annotations

import re

from kefu.errors import KefuError

MAX_MESSAGE_CHARS = 4000


class InvalidMessage(KefuError):
    """The customer's message cannot be answered as given (empty, too long, not text)."""


def clean_message(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidMessage("a message must be text")
    # Drop control characters (but keep newlines/tabs) that some clients paste in.
    cleaned = "".join(ch for ch in text if ch >= " " or ch in "\n\t").strip()
    if not cleaned:
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


# A script or style element says nothing a customer meant to ask; other tags keep their text.
_MARKUP_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_MARKUP_TAG = re.compile(r"<!--.*?(?:-->|$)|</?[a-zA-Z][^<>]*>", re.DOTALL)


def plain_text(text: str) -> str:
    """`text` without HTML tags, comments and script/style elements ("a < b" is kept)."""
    if "<" not in text:
        return text
    return " ".join(_MARKUP_TAG.sub(" ", _MARKUP_BLOCK.sub(" ", text)).split())


def reply_language(text: str) -> str:
    from kefu.text.language import detect_language

    lang = detect_language(text)
    # A mixed message is usually Chinese with English product names; answer in Chinese.
    return "zh" if lang in ("zh", "mixed") else "en"
