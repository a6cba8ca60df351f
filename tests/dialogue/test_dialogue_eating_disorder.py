"""The reply to an eating-disorder disclosure (docs/safety.md): care, a doctor, the emergency
number, a helpline for the place (`kefu.dialogue.eating_lines`) and a person, never the generic
"I'm not sure about that" a gym's tester got (2026-12)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue.eating_lines import eating_lines

MakeAssistant = Callable[..., tuple[Any, Any]]


@pytest.mark.parametrize(
    ("message", "language", "expected", "never"),
    [
        ("I've only eaten 500 calories a day for weeks", "en", "1800 33 4673", "988"),
        ("i make myself throw up after every meal", "en", "1800 33 4673", "116 123"),
        ("我已经一个月每天只吃一顿 还催吐", "zh", "03-7627 2929", "12356"),
        ("我在悉尼，每天只吃一餐", "zh", "1800 33 4673", "12356"),
    ],
)
def test_a_helpline_for_the_place_else_its_crisis_lines(
    message: str, language: str, expected: str, never: str
) -> None:
    configured = "999" if language == "zh" else "000"
    others = ("000",) if language == "zh" else ("999",)
    text = eating_lines(message, language, configured=configured, others=others)
    assert expected in text and never not in text


def test_a_uk_business_names_beat() -> None:
    assert "0808 801 0677" in eating_lines("I keep starving myself", "en", configured="999")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("I've only eaten 500 calories a day for weeks and keep fainting in class, is that why?",
         "1800 33 4673"),
        ("我已經好幾個星期每天只吃一餐 還會催吐", "03-7627 2929"),
    ],
)  # fmt: skip
def test_the_assistant_cares_refers_and_hands_over(
    make_assistant: MakeAssistant, message: str, expected: str
) -> None:
    assistant, llm = make_assistant(emergency_number="000,zh=999")
    answer = assistant.ask(message)
    assert answer.handoff and answer.reason == "eating_disorder"
    assert expected in answer.text
    assert "000" in answer.text or "999" in answer.text
    assert "医生" in answer.text or "醫生" in answer.text or "doctor" in answer.text
    assert llm.calls == []
