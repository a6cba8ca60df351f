"""The warning for someone posing as staff or a collector (kefu.guard.scam_staff): its own
reply, not the loan scripts' (a lender's black-box tester, 2026-12-01)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Your staff member asked me to share my screen on Zoom, is that normal?", "en"),
        ("The collector wants me to pay into his personal account", "en"),
        ("客服打电话问我手机收到的验证码，我要告诉他吗", "zh"),
        ("客服给我发了个链接，让我下载一个APP办理退款", "zh"),
    ],
)
def test_someone_posing_as_staff_gets_the_warning_of_its_own(
    make_assistant: MakeAssistant, text: str, language: str
) -> None:
    assistant, llm = make_assistant(curated_threshold=0.0)
    reply = assistant.ask(text)
    assert reply.text.startswith(messages.reply("safety_scam_staff", language))
    assert reply.handoff
    assert llm.calls == []


def test_the_warning_says_stop_what_we_never_ask_and_the_official_channels() -> None:
    en = messages.reply("safety_scam_staff", "en")
    zh = messages.reply("safety_scam_staff", "zh")
    for words in ("stop", "share your screen", "own account", "verification code", "official"):
        assert words in en.lower()
    for words in ("停止", "共享屏幕", "个人账户", "验证码", "官方", "110"):
        assert words in zh
