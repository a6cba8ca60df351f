"""Follow-up detection and the query a follow-up is retrieved with."""

from __future__ import annotations

import pytest

from kefu.dialogue.followup import contextual_query, is_followup


@pytest.mark.parametrize(
    "text",
    [
        "and how long does that take?",
        "what about express shipping?",
        "Is it free?",
        "how do I return it",
        "那运费呢？",
        "那个能退吗",
        "还有别的颜色吗",
    ],
)
def test_followups(text: str) -> None:
    assert is_followup(text)


@pytest.mark.parametrize(
    "text",
    [
        "How do I reset my password for the app on my phone today?",
        "How long does delivery take?",
        "Where is my order?",
        "退款多久到账？",
        "请问你们的退货政策是什么，需要自己付运费吗",  # long and self-contained
        "",
        "   ",
    ],
)
def test_not_followups(text: str) -> None:
    assert not is_followup(text)


def test_contextual_query_joins_previous_question() -> None:
    joined = contextual_query("  How do I return a sofa? ", " and how long does that take? ")
    assert joined == "How do I return a sofa? and how long does that take?"
    assert contextual_query("我想退货", "那运费呢？") == "我想退货 那运费呢？"


def test_contextual_query_needs_history_and_a_followup() -> None:
    assert contextual_query(None, "and how long does that take?") is None
    assert contextual_query("", "and how long does that take?") is None
    assert contextual_query("How do I return a sofa?", "How long does delivery take?") is None
