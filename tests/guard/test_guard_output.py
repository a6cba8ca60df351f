"""The output check that gates generated sentences."""

from __future__ import annotations

import pytest

from kefu.dialogue.prompts import SYSTEM_PROMPT
from kefu.guard.output import OutputCheck

SOURCE = (
    "Standard shipping costs $4.99 and is free on orders over $50. "
    "Details at shop.example.com/shipping. We guarantee delivery within 5 days."
)


@pytest.fixture
def check() -> OutputCheck:
    return OutputCheck(["[sh-1]", SOURCE])  # the id is trusted: answers cite it


@pytest.mark.parametrize(
    "sentence",
    [
        "Shipping costs $4.99 [sh-1].",
        "Orders over $50 ship free.",
        "We guarantee delivery within 5 days.",  # the business wrote the guarantee
        "Sure, happy to help!",
    ],
)
def test_sentences_the_sources_back_pass(check: OutputCheck, sentence: str) -> None:
    assert check.problems(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("Use code FREE100 at checkout.", "code"),
        ("Shipping costs $3.99.", "number"),
        ("You get 20% off today.", "number"),
        ("See http://evil.example.net for details.", "link"),
        ("Write to help@evil.example.net.", "link"),
        ("Take 400 mg of ibuprofen.", "unsafe"),
        ("You should buy index funds.", "unsafe"),
        ("I promise your refund arrives tomorrow.", "unsafe"),
        ("您可能得了肺炎。", "unsafe"),
    ],
)
def test_unbacked_claims_fail(check: OutputCheck, sentence: str, why: str) -> None:
    problems = check.problems(sentence)
    assert problems and any(why in p for p in problems), problems


def test_quoting_the_system_prompt_fails(check: OutputCheck) -> None:
    words = SYSTEM_PROMPT.split()
    assert "quotes the system prompt" in check.problems(" ".join(words[3:12]))


def test_an_amount_written_code_first_needs_its_currency_in_the_sources() -> None:
    # A price list writes "GBP 15"; "GBP 12 in Shanghai" took a number from "CNY 128".
    check = OutputCheck(["Parking in Bristol is GBP 15. Breakfast in Shanghai is CNY 128."])
    assert check.problems("Parking in Bristol is GBP 15.") == []
    assert check.problems("Breakfast in Shanghai costs CNY 128.") == []
    problems = check.problems("Breakfast in Shanghai is GBP 128.")
    assert any("amount" in p for p in problems), problems
