"""Someone far away down, any person word and place phrasing, and the Korean or Japanese first
sentence of the emergency reply (fix-crisis3, 2026-12-01)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue import messages
from kefu.dialogue.abroad import localise
from kefu.dialogue.assistant import Assistant
from kefu.guard.safety import assess

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

DOWN = [
    "back home in Penang my grandma fell and is on the floor",
    "my nan fell and she's on the floor, I'm in Manchester and she's in Glasgow",
    "dad's on the floor and can't get up, I'm in Dubai",
    "my grandad has fallen and I can't lift him",
    "mum isn't answering her phone since yesterday, she lives alone and she's 89",
    "外婆跌倒了 一直躺在地上",
    "我打给我妈都没人接 她一个人住 85岁了",
    "我在英國 阿嬤在台北跌倒了 倒在地上",
    "할머니가 넘어지셔서 일어나지 못하세요",
    "父が転んで起き上がれません",
    "dad fell out of bed and can't get up",
    "mum fell into the pond and is not responding",
]
NOT_DOWN = [
    "mum fell last year and is fine now",
    "what happens if mum falls when the carer is there?",
    "mum isn't answering, she's probably at bingo",
    "the carer found dad on the floor last week, he was fine, can we add a night visit?",
    "can you put a non-slip mat on the bathroom floor",
    "阿嬤上個月跌倒 躺在地上很久 現在好了 想加購緊急鈴",
    "my parents in Taipei are fine, just booking a visit",
    # "fell" and "went down" that are no fall: with "not answering" they read as one before
    "my brother fell behind on his payments and he's not answering my calls",
    "the website went down and isn't responding",
    "the sale fell through and the agent is not answering",
]


@pytest.mark.parametrize("message", DOWN)
def test_someone_down_is_an_emergency(message: str) -> None:
    assert assess(message) == "emergency"


@pytest.mark.parametrize("message", NOT_DOWN)
def test_a_fall_over_asked_about_or_planned_is_not(message: str) -> None:
    assert assess(message) != "emergency"


ELSEWHERE = [
    # (message, language, the start of the reply)
    (
        "I'm in the UK, my neighbour in Taipei fell and can't get up",
        "en",
        "Your neighbour is in Taiwan: ask anyone with them to call 119",
    ),
    (
        "I'm in Singapore, my client in Hong Kong collapsed and isn't breathing",
        "en",
        "Your client is in Hong Kong: ask anyone with them to call 999",
    ),
    (
        "I'm in London, back home in Penang my grandma fell and can't get up",
        "en",
        "Your grandma is in Malaysia: ask anyone with her to call 999",
    ),
    (
        "I'm in London and my flatmate who lives in Kowloon collapsed",
        "en",
        "Your flatmate is in Hong Kong",
    ),
    (
        "我在新加坡，我邻居在香港晕倒了",
        "zh",
        "您邻居在香港，当地急救电话是999：请马上让对方身边的人",
    ),
    ("我在英国，台北的外婆摔倒了，起不来", "zh", "您外婆在台湾，当地急救电话是119"),
    ("我在上海 我同事在台北昏倒了", "zh", "您同事在台湾"),
    ("我在英國 我婆婆住在台北 跌倒了起不來", "zh", "您婆婆在台湾"),
]


@pytest.mark.parametrize(("message", "language", "start"), ELSEWHERE)
def test_the_persons_place_gives_the_number(message: str, language: str, start: str) -> None:
    text, local = localise(
        messages.reply("emergency", language), message, language, configured="999"
    )
    assert local and text.startswith(start)


def test_the_customer_with_the_person_keeps_the_usual_reply() -> None:
    message = "I'm in Sydney with my neighbour, she collapsed"
    text, _ = localise(messages.reply("emergency", "en"), message, "en", configured="999")
    assert text.startswith("In Australia call 000")


@pytest.mark.parametrize(
    ("message", "first", "number"),
    [
        ("자살하고 싶어요", "한국", "109"),
        ("엄마가 쓰러졌어요 숨을 안 쉬어요", "한국에 계시면 지금 바로 119", "119"),
        ("死にたい", "日本では", "0120-279-338"),
        ("もう生きていたくない", "日本では", "0120-279-338"),
    ],
)
def test_korean_and_japanese_writers_read_the_first_sentence_in_their_language(
    make_assistant: MakeAssistant, message: str, first: str, number: str
) -> None:
    assistant, _llm = make_assistant(emergency_number="999")
    answer = assistant.ask(message)
    assert answer.reason == "emergency"
    lead = answer.text.split("\n\n")[0]
    assert first in lead and number in lead
    assert "999" in answer.text  # the reply as before follows


def test_other_writers_get_no_korean_or_japanese_sentence(make_assistant: MakeAssistant) -> None:
    assistant, _llm = make_assistant(emergency_number="999")
    answer = assistant.ask("I want to kill myself")
    assert "한국" not in answer.text and "日本" not in answer.text
