"""The English suffix stripper: inflections meet, other words are left alone."""

from __future__ import annotations

import pytest

from kefu.text import stem


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("refunds", "refund"),
        ("refunded", "refund"),
        ("refunding", "refund"),
        ("shipping", "ship"),
        ("shipped", "ship"),
        ("shoes", "shoe"),
        ("returned", "return"),
        ("orders", "order"),
        ("addresses", "address"),
        ("boxes", "box"),
        ("watches", "watch"),
        ("stopped", "stop"),
        ("called", "call"),
        ("cancelled", "cancel"),
        ("canceled", "cancel"),
    ],
)
def test_stem_examples(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    "group",
    [
        ["refund", "refunds", "refunded", "refunding"],
        ["ship", "ships", "shipped", "shipping"],
        ["battery", "batteries"],
        ["reply", "replies", "replied", "replying"],
        ["charge", "charges", "charged", "charging"],
        ["change", "changed", "changing"],
        ["arrive", "arrived", "arriving"],
        ["issue", "issues", "issued"],
        ["use", "uses", "used", "using"],
        ["cancel", "cancelled", "canceled", "cancelling"],
        ["deliver", "delivered", "delivering", "delivers"],
        ["delay", "delays", "delayed"],
        ["address", "addresses", "addressed"],
    ],
)
def test_stem_conflates_inflections(group: list[str]) -> None:
    assert len({stem(w) for w in group}) == 1, {w: stem(w) for w in group}


@pytest.mark.parametrize(
    "word",
    [
        "status",
        "address",
        "analysis",
        "thing",
        "bring",
        "string",
        "speed",
        "need",
        "add",
        "app",
        "ios",
        "iphone15",
        "123",
        "café",
        "Refunds",
        "news",
        "free",
        "shoe",
    ],
)
def test_stem_leaves_word_alone(word: str) -> None:
    assert stem(word) == word


def test_stem_keeps_distinct_words_apart() -> None:
    assert stem("delivery") != stem("deliver")
    assert stem("order") != stem("ordinary")
