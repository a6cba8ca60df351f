"""An answer to "will my claim be paid?" starts with a fixed line that the outcome is not
promised, then gives the usual facts (an insurer's tester, 2026-11-30: "我的理赔一定会批吗？"
got a payment timeline that read like a yes). kefu.dialogue.claim_notice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue import assistant as assistant_module
from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.claim_notice import asks_if_claim_will_be_paid, claim_outcome_notice

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)


@pytest.mark.parametrize(
    "text",
    [
        "我的理赔一定会批吗？",
        "Will Evergreen definitely pay my cancer treatment on the Plus plan?",
        "My flight was delayed 9 hours, is my travel delay claim approved?",
        "is my claim approved?",
        "手机丢了能赔吗",
        "这种情况会不会赔",
        "肯定能报销吗",
        "will my refund definitely be paid?",
        "has my application been accepted?",
    ],
)
def test_asking_whether_it_will_be_paid_is_detected(text: str) -> None:
    assert asks_if_claim_will_be_paid(text)


@pytest.mark.parametrize(
    "text",
    [
        "how long does approval take?",
        "how do I check my claim status",
        "理赔多久能批下来",
        "when will my claim be paid?",
        "how do I make a claim?",
        "can I claim for a delayed flight?",
        "理赔进度怎么查",
    ],
)
def test_timing_status_and_how_to_are_not(text: str) -> None:
    assert not asks_if_claim_will_be_paid(text)


def test_only_answers_get_the_line() -> None:
    text = "is my claim approved?"
    line = messages.reply("claim_outcome", "en")
    assert claim_outcome_notice(text, "en", "curated") == f"{line}\n\n"
    assert claim_outcome_notice(text, "en", "declined") == ""
    assert claim_outcome_notice("我的理赔一定会批吗？", "zh", "extractive").startswith(
        messages.reply("claim_outcome", "zh")
    )


def test_the_line_comes_first_and_the_usual_answer_after(
    make_assistant: MakeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    assistant, _ = make_assistant()
    # near enough to the tiny test FAQ's "How long does a refund take?" to be answered
    text = "Will the refund definitely reach your card? does a refund take long"
    pieces: list[str] = []
    answer = None
    for item in assistant.stream(text):
        if isinstance(item, str):
            pieces.append(item)
        else:
            answer = item
    assert answer is not None
    with monkeypatch.context() as m:
        m.setattr(assistant_module, "claim_outcome_notice", lambda message, language, mode: "")
        usual = assistant.ask(text)
    assert usual.mode in ("curated", "extractive", "generated"), usual
    line = messages.reply("claim_outcome", "en")
    assert pieces[0] == f"{line}\n\n"
    assert answer.text == f"{line}\n\n{usual.text}"
    assert (answer.mode, answer.handoff) == (usual.mode, usual.handoff)
