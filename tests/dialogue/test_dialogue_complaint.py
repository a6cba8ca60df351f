"""Complaints and emoji-only messages (QA report G, findings F9, F11, F12): triage, the reply,
and the language of a message without words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant, clean_message
from kefu.dialogue.intents import triage
from kefu.types import ChatMessage

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)


@pytest.mark.parametrize(
    "text",
    [
        # F9: each was declined as a knowledge gap
        "我要投诉",
        "找你们经理",
        "再不退款我就去12315投诉你们",
        "扣了我两次钱！！！",
        "把你们主管叫来",
        "I want to file a complaint",
        "let me speak to your manager",
        "I'm going to report you to the ombudsman",
        "You charged me twice and nobody answers. This is unacceptable",
        "😡😡😡",
    ],
)
def test_complaints_are_complaints(text: str) -> None:
    assert triage(text) == "complaint"


@pytest.mark.parametrize(
    "text",
    [
        # About complaining, or a charge said calmly: the knowledge base answers these.
        "投诉电话是多少",
        "怎么投诉老师",
        "投诉一般多久处理",
        "12315是什么电话",
        "重复扣款了怎么办",
        "how do I file a complaint?",
        "What is your complaints procedure?",
        "I was charged twice, how do I get the second payment back?",
        "How can I contact a course manager?",
        "who do you call your boss",
    ],
)
def test_questions_about_complaints_are_not_complaints(text: str) -> None:
    assert triage(text) != "complaint"


@pytest.mark.parametrize("text", ["👍", "👌", "👍🏻👍🏻", "谢谢👍", "ok 👍", "🙏"])
def test_a_thumbs_up_is_thanks(text: str) -> None:
    assert triage(text) == "thanks"


def test_a_complaint_is_heard_and_handed_to_a_person(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("我要投诉你们")
    assert answer.handoff is True and answer.reason == "complaint"
    assert answer.text.startswith(messages.reply("complaint", "zh"))
    assert answer.text != messages.reply("decline", "zh")


def test_a_message_without_words_answers_in_the_earlier_language(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    history = [ChatMessage("user", "退款多久到账"), ChatMessage("assistant", "3到5个工作日。")]
    plan = assistant.plan("👍", history)
    assert (plan.language, plan.handoff, plan.text) == ("zh", False, messages.reply("thanks", "zh"))
    assert assistant.plan("👍", [ChatMessage("user", "How long is a refund?")]).language == "en"


@pytest.mark.parametrize(
    "raw",
    [
        "\x1b[31m退款",  # F12
        "\x1b[1;31m退款\x1b[0m",
        "\x9b31m退款",
        "\x1b]0;a title\x07退款",
        "\x1b]8;;https://example.com\x1b\\退款\x1b]8;;\x1b\\",
        "\x1b(B退款",
    ],
)
def test_terminal_escape_sequences_go_whole(raw: str) -> None:
    assert clean_message(raw) == "退款"
