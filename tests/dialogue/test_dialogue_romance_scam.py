"""A romance scam, sextortion or a young person asked for pictures in the dialogue (a dating-app
tester, 2026-12-01): "do not pay, stop, keep the evidence, report, the police" with the police
number (never the ambulance), then the business's own entry on it quoted whole, and a person;
look-alikes stay ordinary (docs/safety.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.romance_lines import police_line, romance_passage
from kefu.service.live import handoff_reason
from kefu.storage.support_repo import HANDOFF_PRIORITY
from kefu.types import ChatMessage, Entry

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

FAQ_CSV = (
    "id,question,answer,category\n"
    'money,Someone I met here wants money. What should I do?,"Never send money, gift cards or '
    "crypto to someone you met on Lovebird. Stop replying and report the profile with the reason "
    "'Money'.\",safety\n"
    "zh-money,对方找我借钱怎么办？,不要给在网上认识的人转账。请停止回复并举报对方。,safety\n"
    "report,How do I report a scam profile?,Tap the three dots on their profile and choose "
    "Report.,safety\n"
    "pause,Can I pause my subscription?,Yes: Settings > Subscription > Pause for up to 3 "
    "months.,plans\n"
    "zh-pause,会员能暂停吗？,可以：设置 > 会员 > 暂停，最长3个月。,plans\n"
)

GUIDE_MD = """# Lovebird Safety Guide

## Meeting in person

Meet in a busy public place and tell a friend where you are going.

## If someone threatens to share your photos

This is sextortion, and it is a crime. Do not pay: paying leads to more demands. Take screenshots and report the profile with the reason "Threatening to share images".

## 被威胁传播私密照片

这是性勒索，属于违法犯罪。不要付钱，截图保存证据，在App内举报并报警。
"""  # noqa: E501


@pytest.fixture
def knowledge_files(tmp_path: Path) -> tuple[Path, ...]:
    folder = tmp_path / "files"
    folder.mkdir()
    files = {"faq.csv": FAQ_CSV, "safety_guide.md": GUIDE_MD}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tuple(folder / name for name in files)


@pytest.mark.parametrize(
    "text",
    [
        "the woman I've been chatting with says her son needs surgery and asked me to wire $1500",
        "he showed me his profits on a trading app and wants me to put 5k in, says it's a sure "
        "thing",
    ],
)
def test_money_asked_online_gets_the_warning_and_the_money_entry(
    make_assistant: MakeAssistant, text: str
) -> None:
    assistant, llm = make_assistant(emergency_number="en=999,zh=120")
    answer = assistant.ask(text)
    assert answer.text.startswith(messages.reply("safety_romance_scam", "en"))
    assert "Never send money" in answer.text  # the business's own entry, whole
    assert "police, call 999" in answer.text  # the police where 999 is configured
    assert (answer.handoff, answer.reason) == (True, "romance_scam")
    assert llm.calls == []
    assert handoff_reason(text, answer) == "romance_scam"
    assert HANDOFF_PRIORITY["romance_scam"] == HANDOFF_PRIORITY["emergency"]


@pytest.mark.parametrize(
    "text", ["网友说他爸住院了 急需手术费 让我先转三万", "他手上有我的裸照 说不转钱就发给我同事"]
)
def test_chinese_scams_get_the_police_not_the_ambulance(
    make_assistant: MakeAssistant, text: str
) -> None:
    assistant, _ = make_assistant(emergency_number="en=999,zh=120")
    answer = assistant.ask(text)
    assert answer.reason == "romance_scam" and answer.handoff
    assert "110" in answer.text and "120" not in answer.text  # mainland China's police
    assert "不要" in answer.text  # 不要转账 / 不要付钱


def test_sextortion_gets_do_not_pay_and_the_whole_section(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask(
        "a guy I matched with has my nudes and says he'll send them to my family unless I pay"
    )
    assert answer.text.startswith(messages.reply("safety_sextortion", "en"))
    assert "Do not pay: paying leads to more demands" in answer.text  # not cut before it
    assert answer.reason == "romance_scam"


def test_a_follow_up_about_paying_stays_with_the_scam(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    history = [
        ChatMessage("user", "she has my private photos and wants money"),
        ChatMessage("assistant", "…"),
    ]
    answer = assistant.plan("should I just pay her, it's only $300", history)
    assert answer.reason == "romance_scam"
    assert answer.text.startswith(messages.reply("safety_sextortion", "en"))


def test_a_young_person_gets_a_reply_written_to_them(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("im 14 and some man on this app keeps asking me for pics")
    assert answer.reason == "safeguarding" and answer.handoff
    assert answer.text.startswith(messages.reply("safety_safeguarding_young", "en"))
    assert "the child" not in answer.text
    zh = assistant.ask("我15岁 有个男的一直让我发照片给他")
    assert zh.text.startswith(messages.reply("safety_safeguarding_young", "zh"))


@pytest.mark.parametrize(
    "text",
    [
        "how do I report a scam profile",
        "my mum is in hospital, can I pause my subscription",
        "is crypto allowed in my bio",
        "I sent photos to verify my profile",
        "我妈住院了 这个月会员能暂停吗",
    ],
)
def test_look_alikes_stay_ordinary(make_assistant: MakeAssistant, text: str) -> None:
    assistant, _ = make_assistant(emergency_number="en=999,zh=120")
    answer = assistant.ask(text)
    assert answer.reason not in ("romance_scam", "emergency", "safeguarding")


def test_a_rule_about_bans_is_not_the_advice() -> None:
    ban = Entry(
        id="ban", kind="faq", text="Why was I banned?", language="en",
        answer="Sharing someone's intimate images (sextortion) is a ban; we help the victim "
        "report it to the police.",
    )  # fmt: skip
    assert romance_passage([ban], "en", sextortion=True) is None


def test_the_police_number_follows_the_place() -> None:
    assert "110" in police_line("对方找我借钱", "zh", ["120"])
    assert "police in Singapore, call 999" in police_line(
        "he wants money, I'm in Singapore", "en", ["911"]
    )
    assert "911" in police_line("he wants money", "en", ["911"])
    # the scammer's story names a place; the customer is not there
    assert "Hong Kong" not in police_line("he says he's a trader from Hong Kong", "en", ["120"])
    assert police_line("he wants money", "en", []) == ""
