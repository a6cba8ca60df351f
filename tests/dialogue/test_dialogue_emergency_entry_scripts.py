"""The business's own emergency entry follows an emergency reply in either Chinese script and
with its own country's number (a Taiwan home-care firm's 119 and 110 entry, written in
traditional characters, never followed a Chinese emergency reply, while its English twin did).

A customer writing traditional Chinese (Hong Kong, Taiwan) keeps kefu's own emergency sentence
and crisis lines for their place when the business's crisis entry is written in simplified
characters for mainland China (a red-team tester's "我想自殺…從天台跳落去" got only the
healthcare pack's "请立即拨打120" and its mainland hotlines)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.dialogue.assistant import Assistant
from kefu.dialogue.emergency_text import leads_with_emergency_number

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

FAQ_CSV = (
    "id,question,answer,category\n"
    "en22,What should I do in a medical emergency?,Call 999 now if you are in the UK (119 for an "
    "ambulance in Taiwan). Then call our office on 0161 555 0142.,emergency\n"
    "zh21,遇到緊急狀況要怎麼辦？,請立即撥打119叫救護車（報警請撥110）。之後請通知我們的24小時專線 "
    "0800-555-018，我們會聯絡家屬和照顧團隊。,emergency\n"
    "zh05,居服員一次來多久？,每次服務至少一小時。,服務\n"
    "en05,How long is a visit?,Each visit lasts at least one hour.,care\n"
    "crisis,我有伤害自己的念头。,如遇紧急情况，请立即拨打120。您也可以拨打心理援助热线12356，"
    "24小时都有专业人员倾听和帮助您。,紧急\n"
)


@pytest.fixture
def knowledge_files(tmp_path: Path) -> tuple[Path, ...]:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "faq.csv").write_text(FAQ_CSV, encoding="utf-8")
    return (folder / "faq.csv",)


@pytest.mark.parametrize("text", ["阿嬤跌倒了 起不來 頭在流血", "阿公突然昏倒了 叫不醒"])
def test_a_chinese_emergency_gets_the_business_entry_in_traditional(
    make_assistant: MakeAssistant, text: str
) -> None:
    assistant, _ = make_assistant(emergency_number="en=999,zh=119")
    answer = assistant.ask(text)
    assert answer.handoff
    assert "119" in answer.text
    assert "0800-555-018" in answer.text  # the firm's 24-hour line, from zh21
    assert "120" not in answer.text


def test_an_english_emergency_still_gets_the_english_entry(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant(emergency_number="en=999,zh=119")
    answer = assistant.ask("my mum fell and can't get up, her head is bleeding")
    assert "0161 555 0142" in answer.text and "0800-555-018" not in answer.text


def test_more_ambulance_numbers_lead_an_entry_but_not_amounts_or_the_uks_111() -> None:
    assert leads_with_emergency_number("請立即撥打119叫救護車。")
    assert leads_with_emergency_number("Call Triple Zero (000) now.")
    assert leads_with_emergency_number("Call 995 for an ambulance.")
    assert not leads_with_emergency_number("Fees start at $1,000 a month.")
    assert not leads_with_emergency_number("Call NHS 111 for advice.")


@pytest.mark.parametrize("text", ["我想自殺，今晚就從天台跳落去", "我真係好想死，想自殺"])
def test_a_traditional_writer_keeps_kefus_numbers_and_lines(
    make_assistant: MakeAssistant, text: str
) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask(text)
    assert answer.handoff
    assert "999" in answer.text.split("\n")[0]  # kefu's sentence leads, with Hong Kong's number
    assert "2389 2222" in answer.text  # the Samaritan Befrienders Hong Kong, kefu's own lines


def test_a_simplified_writer_still_gets_the_business_entry_first(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("我想自杀，今晚就从天台跳下去")
    assert answer.text.startswith("如遇紧急情况，请立即拨打120。您也可以拨打心理援助热线12356")
