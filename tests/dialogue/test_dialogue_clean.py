"""Validation of the customer's message before anything runs."""

from __future__ import annotations

import pytest

from kefu.dialogue.assistant import (
    MAX_MESSAGE_CHARS,
    InvalidMessage,
    clean_message,
    plain_text,
    reply_language,
)
from kefu.errors import KefuError


@pytest.mark.parametrize("bad", ["", "   ", "\n\t  \n", "\x00\x01\x7f"[:2]])
def test_empty_messages_are_invalid(bad: str) -> None:
    with pytest.raises(InvalidMessage, match="empty"):
        clean_message(bad)


@pytest.mark.parametrize(
    "bad",
    [
        "\u200b\u200b",  # zero-width spaces
        "\u202e\u2066",  # bidi override and isolate
        " \ufeff\u2060\u00ad ",  # BOM, word joiner, soft hyphen
        "\x80\x81\x9f",  # C1 controls
        "\x7f",
        "\u3164\u2800",  # Hangul filler, blank braille pattern
    ],
)
def test_invisible_only_messages_are_empty(bad: str) -> None:
    with pytest.raises(InvalidMessage, match="empty"):
        clean_message(bad)


def test_format_characters_stay_in_real_text() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # ZWJ joins the emoji
    assert clean_message(f"refund for {family}?") == f"refund for {family}?"
    assert clean_message("\u200bwhere is my refund?\x85") == "\u200bwhere is my refund?"


def test_too_long_message_is_invalid_and_says_the_limit() -> None:
    assert MAX_MESSAGE_CHARS == 4000
    assert len(clean_message("a" * 4000)) == 4000
    with pytest.raises(InvalidMessage, match="4000"):
        clean_message("a" * 4001)


@pytest.mark.parametrize("bad", [b"where is my refund", None, 42, ["hi"]])
def test_non_text_is_invalid(bad: object) -> None:
    with pytest.raises(InvalidMessage, match="text"):
        clean_message(bad)


@pytest.mark.parametrize("bad", ["where is \udcb7\udca2 my refund", "\ud83d refund"])
def test_undecodable_bytes_and_half_surrogate_pairs_are_invalid(bad: str) -> None:
    with pytest.raises(InvalidMessage, match="not valid text"):
        clean_message(bad)


def test_control_characters_are_stripped_but_newlines_and_tabs_kept() -> None:
    assert clean_message("  where\x00 is\x1b my\x07 refund?\n") == "where is my refund?"
    assert clean_message("line one\nline\ttwo") == "line one\nline\ttwo"
    assert clean_message("退款\x08多久？") == "退款多久？"


def test_invalid_message_is_a_kefu_error() -> None:
    # The CLI turns KefuError into one red line instead of a traceback.
    assert issubclass(InvalidMessage, KefuError)


@pytest.mark.parametrize(
    "markup",
    [
        "<img src=x onerror=alert(1)>",
        "<script>alert('refund')</script>",
        "<style>body{}</style><br/><!-- where is my order -->",
        "<div><span></span></div>",
    ],
)
def test_markup_without_words_is_invalid(markup: str) -> None:
    with pytest.raises(InvalidMessage, match="plain text"):
        clean_message(markup)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("<b>refund</b> please", "refund please"),
        ("<p onclick='x()'>Where is my order?</p><script>steal()</script>", "Where is my order?"),
        ("is 3 < 5 and 7 > 2?", "is 3 < 5 and 7 > 2?"),  # comparisons are not tags
        ("I <3 this shop", "I <3 this shop"),
        ("<p>退款</p>多久", "退款 多久"),
    ],
)
def test_plain_text_keeps_the_words_only(text: str, words: str) -> None:
    assert plain_text(clean_message(text)) == words


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("How much is the 次卡?", "en"),  # English grammar, a Chinese product name
        ("ｈｏｗ ｍｕｃｈ ｉｓ ｔｈｅ 次卡?", "en"),  # the same typed on a full-width keyboard
        ("Can I 带狗 inside?", "en"),
        ("can I pay with 支付宝", "en"),
        ("我的iPhone 15 Pro Max坏了", "zh"),  # Chinese grammar, an English product name
        ("我的订单 not arrived yet 怎么办", "zh"),
        ("iPhone 15 Pro 多少钱", "zh"),
        ("退款多久到账？", "zh"),
        ("How long does a refund take?", "en"),
        ("12345", "en"),
    ],
)
def test_the_reply_language_follows_the_grammar_of_a_mixed_message(
    text: str, language: str
) -> None:
    assert reply_language(text) == language
