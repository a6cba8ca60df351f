"""A message asking several questions: each part answered, or named as unanswered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue.assistant import Assistant
from kefu.dialogue.multipart import combine, split_questions
from kefu.dialogue.policy import Plan
from kefu.types import Entry, Passage

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "我们想报名日本跟团游。1.定金多少？2.可以借轮椅吗？3.可以用花呗分期吗？谢谢",
            ["定金多少？", "可以借轮椅吗？", "可以用花呗分期吗？谢谢"],
        ),
        (
            "Hi, family of four. 1) how much is a checked bag, 2) can we choose seats "
            "3) when does online check-in open?",
            ["how much is a checked bag", "can we choose seats", "when does online check-in open?"],
        ),
        (
            "How much is a checked bag? Can we choose seats?",
            ["How much is a checked bag?", "Can we choose seats?"],
        ),
    ],
)
def test_split_questions(text: str, parts: list[str]) -> None:
    assert split_questions(text) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Where is my order?",
        "I bought 2 items. 1 arrived broken, what now?",  # "1" is a count, not a list
        "Why? How?",  # nothing a search could answer on its own
        "Hi? Do you ship to Canada?",
        "My order 1. arrived late",
        "2) then 1) backwards?",
    ],
)
def test_one_question_is_not_split(text: str) -> None:
    assert split_questions(text) == []


def _plan(entry_id: str, text: str, confidence: float = 0.9) -> Plan:
    entry = Entry(entry_id, "faq", entry_id, answer=text)
    passages = [Passage(entry, confidence)]
    return Plan("curated", "en", passages=passages, confidence=confidence, text=text)


def test_combine_answers_each_part_and_names_the_rest() -> None:
    plans = {
        "bag?": _plan("bag", "A bag costs GBP 35."),
        "seats?": _plan("seat", "Seats cost GBP 8.", 0.8),
        "visa?": Plan("declined", "en", handoff=True, text="no"),
    }
    plan = combine(list(plans), plans.__getitem__, "en")
    assert plan is not None and plan.mode == "curated" and plan.handoff
    assert [p.entry.id for p in plan.passages] == ["bag", "seat"]
    assert plan.text.startswith("1. bag?\nA bag costs GBP 35.\n\n2. seats?\nSeats cost GBP 8.")
    assert "About “visa?”:" in plan.text and plan.confidence == 0.8


def test_a_shared_entry_answers_only_the_part_it_matches_best() -> None:
    # "how much is the deposit?" and "cancel 20 days before, how much?" both found the deposit
    # entry: the surer match keeps it, the other goes to a person.
    plans = {
        "deposit?": _plan("deposit", "20 % deposit.", 0.95),
        "cancel 20 days before?": _plan("deposit", "20 % deposit.", 0.7),
        "wheelchair?": _plan("assist", "Wheelchairs are free.", 0.9),
    }
    plan = combine(list(plans), plans.__getitem__, "en")
    assert plan is not None and plan.handoff
    assert [p.entry.id for p in plan.passages] == ["deposit", "assist"]
    assert "About “cancel 20 days before?”:" in plan.text


def test_fewer_than_two_answered_parts_leave_the_message_whole() -> None:
    plans = {"a?": _plan("x", "X."), "b?": Plan("declined", "en", handoff=True)}
    assert combine(list(plans), plans.__getitem__, "en") is None
    same = {"a?": _plan("x", "X."), "b?": _plan("x", "X.", 0.5)}
    assert combine(list(same), same.__getitem__, "en") is None


def test_the_assistant_answers_two_questions_in_one_message(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("How much does shipping cost? How long does a refund take?")
    assert answer.mode == "curated" and not answer.handoff
    assert [s.id for s in answer.sources] == ["sh-1", "rf-1"]
    assert "$4.99" in answer.text and "5-10 business days" in answer.text
