"""Praise for a member of staff gets a warm reply and reaches the team through the queue at the
lowest priority; a question, a contrast or a complaint beside it keeps the usual path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue.assistant import Assistant
from kefu.dialogue.intents import triage
from kefu.dialogue.praise import praises_staff
from kefu.service.live import handoff_reason
from kefu.storage.support_repo import HANDOFF_PRIORITY

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

PRAISE = [
    "mum's carer Jenny is lovely, please pass on our thanks",
    "the driver was so kind to my dad, thank him for me",
    "Please pass on my thanks to the team at the Leeds branch",
    "our nurse has been absolutely wonderful with mum",
    "compliments to the installer, very neat job",
    "謝謝你們的居服員小芳 阿嬤很喜歡她",
    "帮我谢谢一下那位师傅，搬家很用心",
    "李教练非常专业，点赞",
    "麻烦转达我们的谢意给护工阿姨",
]
NOT_PRAISE = [
    "the carer is lovely but she's always late",
    "she was great, can she come on Fridays?",
    "the driver was rude and late",
    "how do I leave a compliment for my trainer?",
    "thanks",
    "you've been so helpful, thanks",
    "护工阿姨很好，但是今天没来",
    "怎么给师傅好评？",
    "教练很专业吗？",
    "the carer stole money, she seemed so kind",
    "a great product",
]


@pytest.mark.parametrize("message", PRAISE)
def test_praise_of_staff_is_praise(message: str) -> None:
    assert triage(message) == "praise"


@pytest.mark.parametrize("message", NOT_PRAISE)
def test_questions_contrasts_and_complaints_are_not_praise(message: str) -> None:
    assert triage(message) != "praise"
    assert not praises_staff(message)


def test_taiwanese_thanks_with_a_particle_is_a_closing() -> None:
    for message in ("謝謝你喔", "谢谢你们哦", "謝謝啦"):
        assert triage(message) == "thanks"


def test_praise_gets_a_warm_reply_and_a_place_at_the_back_of_the_queue(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    text = "mum's carer Jenny is lovely, please pass on our thanks"
    answer = assistant.ask(text)
    assert answer.mode == "smalltalk"
    assert answer.handoff and answer.reason == "praise"
    assert "passed your message on" in answer.text
    assert "not sure" not in answer.text
    assert handoff_reason(text, answer) == "praise"  # the queue names it, last
    zh = assistant.ask("謝謝你們的居服員小芳 阿嬤很喜歡她")
    assert zh.handoff and zh.reason == "praise" and "轉達" in zh.text
    assert HANDOFF_PRIORITY["praise"] < HANDOFF_PRIORITY["low_confidence"]
