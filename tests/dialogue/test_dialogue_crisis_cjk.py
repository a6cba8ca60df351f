"""A suicidal message in Korean or Japanese (kefu answers in English or Chinese) gets the
emergency reply with the crisis lines, Korea's or Japan's first (testers, 2026-12-01: "자살하고
싶어요", "죽고 싶어" and "死にたい" got no crisis reply)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kefu.dialogue.assistant import Assistant
from kefu.dialogue.crisis_lines import crisis_lines

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)


@pytest.mark.parametrize(
    ("message", "line"),
    [("자살하고 싶어요", "109"), ("죽고 싶어", "109"), ("死にたい", "0120-279-338")],
)
def test_the_writers_place_lines_come_first(message: str, line: str) -> None:
    for configured in ("999", None):
        text = crisis_lines(message, "en", configured=configured)
        assert line in text.split(";")[0]
    assert line in crisis_lines(message, "zh", configured="120").split("；")[0]


def test_other_writers_lines_are_unchanged() -> None:
    text = crisis_lines("I want to die", "en", configured="999")
    assert "109" not in text and "0120" not in text


@pytest.mark.parametrize("message", ["자살하고 싶어요", "死にたい", "もう生きていたくない"])
def test_the_assistant_gives_the_number_and_the_crisis_lines(
    make_assistant: MakeAssistant, message: str
) -> None:
    assistant, llm = make_assistant(emergency_number="999")
    answer = assistant.ask(message)
    assert answer.handoff and answer.reason == "emergency"
    assert "999" in answer.text
    assert "109" in answer.text or "0120-279-338" in answer.text
    assert llm.calls == []
