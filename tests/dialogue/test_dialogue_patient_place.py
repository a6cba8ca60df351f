"""A relative in an emergency in another place than the customer: the reply names the number
where the relative is, asks someone with them to call it, and says the customer's own number
does not reach there (a home-care tester, 2026-12-01: "I'm in the UK but my mum in Taipei just
fell and can't get up, her helper called me" got "In the UK call 999 now")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue import messages
from kefu.dialogue.abroad import localise
from kefu.dialogue.assistant import Assistant

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)


ELSEWHERE = [
    # (message, language, the relative's number, the caller's number or None)
    (
        "I'm in the UK but my mum in Taipei just fell and can't get up, her helper called me",
        "en",
        "119",
        "999",
    ),
    (
        "I'm in London and my dad is in Kowloon, he collapsed and isn't breathing",
        "en",
        "999",
        "999",
    ),
    ("we're in Sydney, my grandma in Singapore has chest pain", "en", "995", "000"),
    ("我在英国 我妈在台北摔倒了 起不来 看护打电话给我", "zh", "119", "999"),
    ("我在上海，我爸在香港突然晕倒了", "zh", "999", "120"),
]


@pytest.mark.parametrize(("message", "language", "there", "mine"), ELSEWHERE)
def test_the_relatives_place_gives_the_number_and_someone_there_calls(
    message: str, language: str, there: str, mine: str
) -> None:
    text, local = localise(
        messages.reply("emergency", language), message, language, configured="999"
    )
    assert local
    first = text.split("：")[0] if language == "zh" else text.split(":")[0]
    assert first.startswith("Your " if language == "en" else "您")
    # the relative's number, called by someone with them; the caller's does not reach there
    assert f"call {there}" in text or f"拨打{there}" in text
    assert "anyone with" in text or "身边" in text
    assert f"Calling {mine} from" in text or f"拨打{mine}只能接通" in text


def test_the_helper_is_named() -> None:
    message = "I'm in the UK but my mum in Taipei just fell and can't get up, her helper called me"
    text, _ = localise(messages.reply("emergency", "en"), message, "en", configured="999")
    assert text.startswith(
        "Your mum is in Taiwan: ask her helper or anyone with her to call 119 for an ambulance now"
    )
    assert "In the UK call 999" not in text
    zh = "我在英国 我妈在台北摔倒了 起不来 看护打电话给我"
    text, _ = localise(messages.reply("emergency", "zh"), zh, "zh", configured="999")
    assert text.startswith(
        "您妈妈在台湾，当地急救电话是119：请马上让她的看护（或她身边任何人）拨打119。"
    )


def test_a_relative_placed_with_no_place_for_the_customer_still_gets_someone_there() -> None:
    text, local = localise(
        messages.reply("emergency", "en"),
        "my mum in Taipei just fell and cannot get up",
        "en",
        configured="999",
    )
    assert local and text.startswith("Your mum is in Taiwan: ask anyone with her to call 119")
    assert "Calling" not in text


@pytest.mark.parametrize(
    ("message", "language", "start"),
    [
        # the customer is there with the relative: the place's usual reply
        ("I'm in Taipei with my mum, she fell and can't get up", "en", "In Taiwan call 119"),
        ("我在台北，我妈在台北摔倒了 起不来", "zh", "在台湾请立即拨打119"),
        ("we're at Changi with my dad and he collapsed", "en", "In Singapore call 995"),
        # no relative placed: the customer's place, as before
        (
            "I'm in Bangkok and my wife collapsed, she's not breathing",
            "en",
            "In Thailand call 1669",
        ),
    ],
)
def test_the_customer_with_the_relative_keeps_the_places_reply(
    message: str, language: str, start: str
) -> None:
    text, local = localise(
        messages.reply("emergency", language), message, language, configured="999"
    )
    assert local and text.startswith(start)


def test_the_assistant_answers_with_the_relatives_number(make_assistant: MakeAssistant) -> None:
    assistant, llm = make_assistant(emergency_number="999")
    answer = assistant.ask(
        "I'm in the UK but my mum in Taipei just fell and can't get up, her helper called me"
    )
    assert answer.handoff and answer.reason == "emergency"
    assert answer.text.startswith("Your mum is in Taiwan: ask her helper")
    assert "In the UK call 999" not in answer.text
    assert llm.calls == []
