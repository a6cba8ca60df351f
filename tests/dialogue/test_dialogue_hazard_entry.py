"""The business's own instruction for the hazard an emergency names follows the public number
(dialogue/hazard_entry.py, docs/safety.md): a gas smell gets the gas-line passage from the
handbook, quoted with its source id; a heart attack, or a hazard the knowledge says nothing
confident about, gets nothing added; the page retrieval ranked first that is not about the
hazard (who pays the bills) is left out."""

from __future__ import annotations

from typing import Any

import pytest

from kefu.dialogue import emergency_reply, messages
from kefu.dialogue.hazard_entry import hazard_passage
from kefu.types import Entry, Passage

GAS_EN = (
    "If you smell gas in London, first call the National Gas Emergency line on 0800 111 999, "
    "open the windows and do not use switches. In Hong Kong call Towngas on 2880 6999. If "
    "there is a fire or anyone is in danger, call 999 (both the UK and Hong Kong)."
)
GAS_ZH = (
    "如闻到煤气味或怀疑燃气泄漏，请打开门窗，不要开关电器，并立即致电煤气公司紧急热线 2880 6999。"
)
ENTRIES = [
    Entry("handbook#2", "chunk", "Use the tenant portal or email us. Rent is due monthly.",
          title="Handbook > Reporting a repair", language="en"),
    Entry("handbook#3", "chunk",
          f"Priority: Emergency; Examples: smell of gas; 4 hours\n\n{GAS_EN}",
          title="Handbook > Repair priority table", language="en"),
    Entry("handbook#4", "chunk", "Hong Kong flats have gas water heaters; switch the heater on "
          "20 minutes before showering. Call 2345 6789 to book a service.",
          title="Handbook > Heating and hot water", language="en"),
    Entry("bills", "faq", "Who pays the gas and electricity bills?",
          "You pay gas, electricity and water; call 2345 6780 about a bill.",
          title="Who pays the gas and electricity bills?", language="en"),
    Entry("zh-bills", "faq", "燃气费谁来交？", "燃气费、电费由租客支付，账单问题请致电 2345 6780。",
          title="燃气费谁来交？", language="zh"),
    Entry("zh-gas", "chunk", GAS_ZH, title="住户手册 > 燃气安全", language="zh"),
]  # fmt: skip


def _compose(message: str, language: str, top: Entry | None = None) -> Any:
    generic = messages.reply("emergency", language)
    found = None if top is None else Passage(top, 0.9)
    return emergency_reply.compose(
        generic, message, language, top=found, entries=ENTRIES, number=None, abroad=False
    )


@pytest.mark.parametrize(
    "message",
    [
        "I can smell gas in my kitchen, really strong",  # the tester's words
        "think theres a gas leak upstairs",
        "there's a strong gassy smell in the hallway and my head hurts",
        "the carbon monoxide alarm won't stop and I feel dizzy",
    ],
)
def test_gas_emergency_quotes_the_gas_line_after_the_public_number(message: str) -> None:
    generic = messages.reply("emergency", "en")
    text, passages = _compose(message, "en")
    assert text.startswith(generic)  # the public number first, never replaced
    assert [p.entry.id for p in passages] == ["handbook#3"]
    assert "0800 111 999" in text and "2880 6999" in text
    # A sentence or two, not the page: the priority table and the fire sentence stay out.
    assert "Priority" not in text and "If there is a fire" not in text


@pytest.mark.parametrize(
    "message", ["我家煤气泄漏了，怎么办", "厨房里好大一股燃气味", "屋企好大煤氣味呀"]
)
def test_chinese_gas_emergency_quotes_the_chinese_passage(message: str) -> None:
    text, passages = _compose(message, "zh")
    assert text.startswith(messages.reply("emergency", "zh"))
    assert [p.entry.id for p in passages] == ["zh-gas"]
    assert GAS_ZH in text and "燃气费" not in text


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("I think I'm having a heart attack, my chest is crushing", "en"),
        ("my mum collapsed and isn't breathing", "en"),
        ("我爸胸口剧痛，满头大汗", "zh"),
        ("there's a fire in the kitchen", "en"),  # the handbook's fire line is not the gas line's
    ],
)
def test_nothing_is_added_where_no_instruction_matches(message: str, language: str) -> None:
    found = hazard_passage(message, [e for e in ENTRIES if e.id != "handbook#3"], language)
    assert found is None
    text, passages = _compose(message, language)
    if "fire" not in message:
        paragraphs = text.split("\n\n")
        assert passages == [] and paragraphs[0] == messages.reply("emergency", language)
        # a bystander's guidance may follow ("my mum collapsed"), never a hazard's instruction
        assert paragraphs[1:] in ([], [messages.reply("crisis_bystander", language)])


def test_the_handbook_fire_sentence_is_the_fire_instruction() -> None:
    text, passages = _compose("there's a fire in the kitchen", "en")
    assert [p.entry.id for p in passages] == ["handbook#3"]
    assert "call 999" in text and "0800 111 999" not in text


def test_a_retrieved_page_that_is_not_about_the_hazard_is_left_out() -> None:
    bills = next(e for e in ENTRIES if e.id == "bills")
    text, passages = _compose("I can smell gas", "en", top=bills)
    assert [p.entry.id for p in passages] == ["handbook#3"]
    assert "2345 6780" not in text


def test_no_passage_in_the_customers_language_adds_nothing() -> None:
    english_only = [e for e in ENTRIES if e.language == "en"]
    assert hazard_passage("我家煤气泄漏了", english_only, "zh") is None


def test_an_faq_whose_question_names_the_hazard_is_quoted_whole() -> None:
    power = Entry(
        "power",
        "faq",
        "What should I do in a power cut?",
        "Check your fuse box. If the whole street is off, call 105 (free, 24 hours).",
        title="What should I do in a power cut?",
        language="en",
    )
    found = hazard_passage("power's gone off and dad's oxygen machine stopped", [power], "en")
    assert found is not None and found[0].entry.id == "power"
    assert found[1] == power.answer
    assert hazard_passage("the power cut killed my phone, I need a refund", [], "en") is None
