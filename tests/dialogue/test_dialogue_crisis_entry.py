"""The business's crisis entry follows every message about suicide or self-harm (docs/safety.md),
found by what it says rather than by how close it is to the customer's words; it never follows
another emergency, and no unrelated entry rides along. And idioms the learned head read as an
emergency ("笑死我了") no longer get the emergency reply."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kefu.dialogue import messages
from kefu.dialogue.assistant import Assistant
from kefu.guard import emergency_head
from kefu.guard.emergency_head import EmergencyHead
from kefu.retrieval.embedders import HashingEmbedder

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

ZH_CRISIS = (
    "如有自伤或轻生的想法，请立即拨打120或广州市心理危机干预热线020-81899120（24小时）。"
    "您不是一个人。"
)
EN_CRISIS = "If you are thinking of harming yourself, call the Samaritans free on 116 123."
ROWS = [
    "hotline-1,客服热线是多少？,客服热线020-88886120，工作日9点到18点。,联系",
    "mh-1,心理科怎么挂号？,心理科每周一至周五上午开诊，可在公众号预约。,挂号",
    f"zh-crisis,有轻生念头、心理危机怎么办？,{ZH_CRISIS},危机",
    f'en-crisis,Where can I get support in a crisis?,"{EN_CRISIS}",crisis',
]


@pytest.fixture
def with_crisis(knowledge_files: tuple[Path, Path]) -> None:
    csv_path, _ = knowledge_files
    text = csv_path.read_text(encoding="utf-8") + "\n".join(ROWS) + "\n"
    csv_path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "message", ["我想自杀", "我想伤害自己", "有自残的想法，很难受", "我不想活了", "活着没意思"]
)
def test_a_suicidal_message_in_chinese_gets_the_crisis_line(
    make_assistant: MakeAssistant, with_crisis: None, message: str
) -> None:
    assistant, llm = make_assistant()
    answer = assistant.ask(message)
    assert answer.handoff and answer.reason == "emergency"
    # The entry leads with the emergency number itself, so it replaces the generic line.
    assert answer.text == ZH_CRISIS
    assert [s.id for s in answer.sources] == ["zh-crisis"]
    assert llm.calls == []


@pytest.mark.parametrize("message", ["I want to kill myself", "I keep hurting myself"])
def test_a_suicidal_message_in_english_gets_the_english_crisis_line(
    make_assistant: MakeAssistant, with_crisis: None, message: str
) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask(message)
    assert answer.text == f"{messages.reply('emergency', 'en')}\n\n{EN_CRISIS}"
    assert [s.id for s in answer.sources] == ["en-crisis"]


def test_no_crisis_entry_follows_another_emergency_or_comes_from_an_unrelated_entry(
    make_assistant: MakeAssistant, knowledge_files: tuple[Path, Path], with_crisis: None
) -> None:
    assistant, _ = make_assistant()
    chest = assistant.ask("我爸胸口剧痛，喘不上气")
    assert chest.text == messages.reply("emergency", "zh") and chest.sources == []
    # Without a crisis entry, neither the customer hotline nor the clinic's entry stands in.
    csv_path, _ = knowledge_files
    kept = [
        line for line in csv_path.read_text(encoding="utf-8").splitlines() if "crisis" not in line
    ]
    csv_path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assistant, _ = make_assistant(home=csv_path.parent / "home2")
    answer = assistant.ask("我想自杀")
    # kefu's own crisis lines follow instead: never the number alone (docs/safety.md).
    expected = f"{messages.reply('emergency', 'zh')}\n\n{messages.reply('crisis_lines', 'zh')}"
    assert answer.text == expected and answer.sources == []


def test_an_idiom_the_head_reads_as_an_emergency_gets_no_emergency_reply(
    make_assistant: MakeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    idiom = "笑死我了"
    direction = HashingEmbedder().embed_queries([idiom])[0].astype(np.float64)
    head = EmergencyHead("hashing", tuple(direction.tolist()), 0.0, {"en": 0.8, "zh": 0.8})
    monkeypatch.setattr(emergency_head, "bundled_head", lambda name: head)
    assistant, _ = make_assistant()
    answer = assistant.ask(idiom)
    assert answer.reason != "emergency"
    assert not answer.text.startswith(messages.reply("emergency", "zh"))
