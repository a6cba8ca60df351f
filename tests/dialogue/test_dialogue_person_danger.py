"""A person endangering the customer now: the police first, each number named as its service,
and a follow-up that says the danger goes on keeps the emergency reply (docs/safety.md).

A ride-hailing tester (2026-12-01) with KEFU_EMERGENCY_NUMBER="en=999,zh=120" got "请立即拨打
急救电话120" for a driver who would not stop; with zh=110, "急救电话110" for a head wound; and
"这个问题我不太确定" for "我好怕" right after an emergency reply.
"""

from __future__ import annotations

import pytest
from tests.dialogue.conftest import MakeAssistant

from kefu.dialogue import messages


def _first(text: str) -> str:
    return text.split("。")[0].split(". ")[0]


@pytest.mark.parametrize(
    "message",
    [
        "司机一直摸我腿 我好害怕 现在还在车上",
        "我孩子被锁在车里了 司机开走了",
        "我现在很害怕 下车以后有个男的一直跟着我",
        "他把我锁在房间里 不让我走",
    ],
)
def test_a_person_holding_or_touching_the_customer_leads_with_the_police(
    make_assistant: MakeAssistant, message: str
) -> None:
    assistant, _ = make_assistant(emergency_number="en=999,zh=120")
    answer = assistant.ask(message)
    assert answer.handoff and answer.reason == "emergency"
    first = _first(answer.text)
    assert "110（警察）" in first and first.index("110") < first.index("120")
    assert "急救电话120" not in answer.text


def test_english_police_matters_name_the_police_with_a_known_home_number(
    make_assistant: MakeAssistant,
) -> None:
    # 995 is Singapore's ambulance: its police (999) lead for a driver following the customer.
    assistant, _ = make_assistant(emergency_number="995")
    answer = assistant.ask("the driver is following me after I got off, im scared")
    assert answer.text.startswith(
        "Call 999 for the police now (an ambulance or the fire service: 995)"
    )


@pytest.mark.parametrize("message", ["出车祸了 我朋友头在流血", "乘客在我车上晕倒了 叫不醒"])
def test_an_injury_with_the_police_number_configured_gets_the_ambulance(
    make_assistant: MakeAssistant, message: str
) -> None:
    assistant, _ = make_assistant(emergency_number="en=999,zh=110")
    answer = assistant.ask(message)
    first = _first(answer.text)
    assert "120（救护车）" in first and "报警请拨110" in first
    assert "急救电话110" not in answer.text


def test_a_configured_police_number_is_never_named_an_ambulance_in_fixed_text() -> None:
    for kind in ("after_emergency", "pet_emergency", "safety_diagnosis"):
        assert "急救电话110" not in messages.reply(kind, "zh", emergency_number="110")


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("师傅 你要开去哪 这不是我的路线 停车！", "他不停 我好怕"),
        ("司机不让我下车", "我好怕"),
        ("help the driver won't let me out of the car", "I'm scared"),
        ("someone is following me home", "he won't stop"),
        ("我爸胸口剧痛，喘不上气", "我好怕"),
    ],
)
def test_fear_after_an_emergency_reply_keeps_the_emergency_reply(
    make_assistant: MakeAssistant, first: str, then: str
) -> None:
    assistant, _ = make_assistant(emergency_number="en=999,zh=120")
    session = assistant.start(channel="web")
    earlier = assistant.ask(first, session_id=session)
    assert earlier.reason == "emergency"
    answer = assistant.ask(then, session_id=session)
    assert answer.reason == "emergency" and answer.handoff
    assert _first(answer.text) == _first(earlier.text)  # the police still lead


def test_fear_after_an_ordinary_answer_is_not_an_emergency(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assistant.ask("How long does a refund take?", session_id=session)
    assert assistant.ask("I'm scared it won't arrive", session_id=session).reason != "emergency"
