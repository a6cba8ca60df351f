"""Slot follow-ups: the earlier question asked of another place, currency or size."""

from __future__ import annotations

import pytest

from kefu.dialogue import slots
from kefu.dialogue.followup import is_followup, topic_question


@pytest.mark.parametrize(
    "text",
    [
        "那北京呢？",
        "and in dollars?",
        "what about in the us?",
        "换成港币呢",
        "and 50GB?",
        "what about for XXL?",
        "I'm in Singapore",
        "我现在在深圳",
    ],
)
def test_slot_changes(text: str) -> None:
    assert slots.is_slot_change(text)


@pytest.mark.parametrize(
    "text",
    [
        "那周末呢",
        "and how long?",
        "what about delivery to Paris for two boxes?",
        "I'm in pain",
        "我在家",
        "I'm in Hong Kong, how do I pay?",
    ],
)
def test_not_slot_changes(text: str) -> None:
    assert not slots.is_slot_change(text)


@pytest.mark.parametrize(
    ("question", "message", "asked"),
    [
        ("How much is delivery to Paris?", "and to Berlin?", "How much is delivery to Berlin?"),
        ("北京的快车最低消费多少", "那广州呢", "广州的快车最低消费多少"),
        ("price of the 10GB plan", "what about 30GB?", "price of the 30GB plan"),
        (
            "what does the gold box cost in the uk",
            "and in euros?",
            "what does the gold box cost in euros",
        ),
        # No value of that kind in the question: the message is added, as a joined reading.
        ("How do I cancel?", "I'm in Hong Kong", "How do I cancel? I'm in Hong Kong"),
    ],
)
def test_with_value(question: str, message: str, asked: str) -> None:
    assert slots.with_value(question, message) == asked


def test_a_later_follow_up_asks_of_the_value_swapped_in() -> None:
    # 广州快车起步价多少 → 那北京呢 → 夜间加价呢: the third asks of 北京, not of 广州.
    users = ["广州快车起步价多少", "那北京呢", "夜间加价呢"]
    assert topic_question(users) == "北京快车起步价多少"
    users = ["How do I end my lease early?", "I live in London", "and how much notice?"]
    assert topic_question(users) == "How do I end my lease early? I live in London"


def test_a_statement_of_place_is_a_follow_up() -> None:
    assert is_followup("I'm in Hong Kong")
    assert is_followup("我住在上海")
    assert not is_followup("I'm in a hurry")


def test_an_entry_about_another_place_than_the_thread_is_dropped() -> None:
    thread = "北京快车起步价多少"
    assert slots.drops_value(thread, "夜间加价呢", "计价表 > 广州 快车 夜间加价 20%")
    assert not slots.drops_value(thread, "夜间加价呢", "计价表 > 北京 快车 夜间加价 20%")
    assert not slots.drops_value(thread, "夜间加价呢", "夜间加价为日间价格的20%")
    assert not slots.drops_value(thread, "那广州呢", "计价表 > 广州 快车")
