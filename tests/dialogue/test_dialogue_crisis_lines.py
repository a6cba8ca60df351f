"""kefu's own crisis lines for where the customer is (`kefu.dialogue.crisis_lines`): a Singapore
clinic's tester (995 configured) got the US's 988 and the UK's Samaritans beside "everyone would
be better off without me"; Singapore's lines are SOS 1767 and the IMH helpline 6389 2222."""

from __future__ import annotations

import pytest

from kefu.dialogue import messages
from kefu.dialogue.abroad import place_of
from kefu.dialogue.crisis_lines import crisis_lines

SELF_HARM_EN = "since the baby came I keep thinking everyone would be better off without me"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_singapore_configured_gives_singapores_lines(language: str) -> None:
    message = SELF_HARM_EN if language == "en" else "生完孩子以后我每天都不想活了"
    text = crisis_lines(message, language, configured="995")
    assert "1767" in text and "6389 2222" in text
    assert "988" not in text and "116 123" not in text


def test_singapore_named_by_the_customer_wins_over_the_configured_number() -> None:
    text = crisis_lines("I'm in Singapore and I want to die", "en", configured="120")
    assert "1767" in text and "12356" not in text


@pytest.mark.parametrize(
    ("message", "language", "configured", "expected"),
    [
        ("我在香港 不想活了", "zh", "120", "2389 2222"),
        ("I'm in Hong Kong and I want to end it all", "en", None, "2896 0000"),
        ("I'm in Kuala Lumpur and I can't go on", "en", "995", "03-7627 2929"),
        ("我不想活了", "zh", "120", "12356"),
        ("I can't go on", "en", "120", "12356"),
    ],
)
def test_hong_kong_malaysia_and_mainland(
    message: str, language: str, configured: str | None, expected: str
) -> None:
    assert expected in crisis_lines(message, language, configured=configured)


def test_no_number_keeps_the_general_lines() -> None:
    text = crisis_lines("i want to die", "en", configured=None)
    assert text == messages.reply("crisis_lines", "en")


@pytest.mark.parametrize(
    ("configured", "first", "absent"),
    [
        # 999 is the UK's, Hong Kong's and Malaysia's: each of their lines, the UK's first in
        # English, and never the US's 988 (a UK care business's tester, 2026-12)
        ("999", "116 123", "988"),
        ("112", "116 123", "988"),
        ("911", "988", "12356"),
    ],
)
def test_a_number_several_countries_share_gives_their_lines(
    configured: str, first: str, absent: str
) -> None:
    text = crisis_lines("i want to die", "en", configured=configured)
    assert first in text and absent not in text
    assert text != messages.reply("crisis_lines", "en")


def test_a_place_with_no_listed_lines_names_its_number_not_the_uss() -> None:
    # Thailand has no line listed here (Japan had none before fix-crisis2 added its hotline)
    text = crisis_lines("I'm in Bangkok and I want to die", "en", configured=None)
    assert "1669" in text and "988" not in text
    text = crisis_lines("I'm in Tokyo and I want to die", "en", configured=None)
    assert "0120-279-338" in text and "988" not in text


def test_place_of() -> None:
    assert place_of("hello", "en", configured="995") == ("sg", "995")
    assert place_of("hello", "en", configured="999") is None  # the reply's number stays 999
    assert place_of("hello", "zh", configured=None) == ("cn", "120")
    assert place_of("hello", "en", configured=None) is None
