"""Validation of the customer's message before anything runs."""

from __future__ import annotations

import pytest

from kefu.dialogue.assistant import MAX_MESSAGE_CHARS, InvalidMessage, clean_message
from kefu.errors import KefuError


@pytest.mark.parametrize("bad", ["", "   ", "\n\t  \n", "\x00\x01\x7f"[:2]])
def test_empty_messages_are_invalid(bad: str) -> None:
    with pytest.raises(InvalidMessage, match="empty"):
        clean_message(bad)


def test_too_long_message_is_invalid_and_says_the_limit() -> None:
    assert MAX_MESSAGE_CHARS == 4000
    assert len(clean_message("a" * 4000)) == 4000
    with pytest.raises(InvalidMessage, match="4000"):
        clean_message("a" * 4001)


@pytest.mark.parametrize("bad", [b"where is my refund", None, 42, ["hi"]])
def test_non_text_is_invalid(bad: object) -> None:
    with pytest.raises(InvalidMessage, match="text"):
        clean_message(bad)


def test_control_characters_are_stripped_but_newlines_and_tabs_kept() -> None:
    assert clean_message("  where\x00 is\x1b my\x07 refund?\n") == "where is my refund?"
    assert clean_message("line one\nline\ttwo") == "line one\nline\ttwo"
    assert clean_message("退款\x08多久？") == "退款多久？"


def test_invalid_message_is_a_kefu_error() -> None:
    # The CLI turns KefuError into one red line instead of a traceback.
    assert issubclass(InvalidMessage, KefuError)
