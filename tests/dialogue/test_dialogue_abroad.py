"""The emergency reply names the number of the place the customer says they are in, over the
business's configured home number; a place mentioned any other way changes nothing. The
business's own emergency / assistance-line entry follows every emergency, after the number,
found by what it says (docs/safety.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.dialogue import messages
from kefu.dialogue.abroad import localise, where_customer_is
from kefu.dialogue.assistant import Assistant

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

EN_ABROAD = (
    "Call 1669 in Thailand, 119 in Japan, 112 in Europe, 911 in the US or 999 in Hong Kong now "
    "for an ambulance. Then call Evergreen Travel Assist on +852 2888 6699 (24 hours) so we can "
    "guarantee hospital payment."
)
ZH_ABROAD = (
    "请立即拨打当地急救电话：泰国1669、日本119、欧洲112、美国911、香港999、内地120。"
    "然后致电常青旅游援助热线 +852 2888 6699（24小时），我们会安排医院担保。"
)
ROWS = [
    "hotline-1,客服热线是多少？,客服热线020-88886120，工作日9点到18点。,联系",
    "zh-hours,客服时间是什么时候？,客服热线2888 6600服务时间：星期一至五9:00-18:00。"
    "旅游援助热线+852 2888 6699为24小时服务。,联系",
    f'en-emergency-abroad,What do I do in a medical emergency abroad?,"{EN_ABROAD}",emergency',
    f"zh-emergency-abroad,在国外遇到紧急医疗情况怎么办？,{ZH_ABROAD},紧急",
]


@pytest.fixture
def with_assistance(knowledge_files: tuple[Path, Path]) -> None:
    csv_path, _ = knowledge_files
    text = csv_path.read_text(encoding="utf-8") + "\n".join(ROWS) + "\n"
    csv_path.write_text(text, encoding="utf-8")


# The place the customer is in, and the number the reply must lead with.
HERE = [
    # airports are places (an airline's tester, 2026-12-01, got mainland China's 120 first)
    ("I'm at Heathrow and my son can't breathe, he has a nut allergy", "999"),
    ("I'm at Changi and my baby is choking", "995"),
    ("passenger having a seizure at gate 12 singapore", "995"),
    ("we're at Chek Lap Kok, my dad collapsed", "999"),
    ("I'm at CDG terminal 2 and my wife fainted", "112"),
    ("我在成田机场，我爸晕倒了", "119"),
    ("I'm in Bangkok and my wife collapsed, she's not breathing", "1669"),
    ("we're in Tokyo and my daughter can't breathe after eating peanuts", "119"),
    ("I can smell gas in my flat in Kowloon", "999"),
    ("my husband collapsed here in Sydney", "000"),
    ("我在香港，老公中风了说不出话", "999"),
    ("我们在泰国普吉岛，朋友潜水后昏迷了", "1669"),
    ("我在日本，我爸突然胸口痛晕倒了", "119"),
    ("我們在東京，女兒呼吸困難", "119"),
    ("我在新加坡，朋友被车撞了", "995"),
]
# Places named but not where the customer is: today's text stays.
NOT_HERE = [
    "I'm flying to Japan next week and my chest hurts so much I can't breathe",
    "my Japanese friend collapsed and isn't breathing",
    "I'll be in Bangkok tomorrow, my wife collapsed",
    "I was born in Korea, my dad is having a heart attack",
    "我下周在日本，我爸突然胸口痛晕倒了",
    "我的日本朋友突然晕倒了",
    "我在日本的朋友突然晕倒了",
    "my dad collapsed and isn't breathing",
    "I bought my policy in Hong Kong and my wife collapsed, she's not breathing",
]


@pytest.mark.parametrize(("message", "number"), HERE)
def test_the_place_the_customer_is_in_gives_its_number(message: str, number: str) -> None:
    found = where_customer_is(message)
    assert found is not None
    language = "zh" if any("\u4e00" <= c <= "\u9fff" for c in message) else "en"
    text, local = localise(
        messages.reply("emergency", language), message, language, configured=None
    )
    assert local and number in text.split("。")[0].split(". ")[0]
    assert "911" not in text and "120" not in text


@pytest.mark.parametrize("message", NOT_HERE)
def test_a_place_the_customer_is_not_in_changes_nothing(message: str) -> None:
    assert where_customer_is(message) is None
    language = "zh" if any("\u4e00" <= c <= "\u9fff" for c in message) else "en"
    generic = messages.reply("emergency", language)
    assert localise(generic, message, language, configured=None) == (generic, False)


def test_the_reply_reads_naturally_and_puts_what_is_needed_first() -> None:
    en = messages.reply("emergency", "en")
    zh = messages.reply("emergency", "zh")
    text, _ = localise(en, "I'm in Bangkok and my wife collapsed", "en", configured=None)
    assert text.startswith("In Thailand call 1669 for an ambulance now (the police: 191")
    assert text.endswith("I'm also bringing in a person right away.")
    text, _ = localise(zh, "我们在泰国，朋友潜水后昏迷了", "zh", configured=None)
    assert text.startswith("在泰国请立即拨打1669（救护车），报警请拨191，火警请拨199。")
    text, _ = localise(en, "We were robbed and stabbed in Bangkok", "en", configured=None)
    assert text.startswith("In Thailand call 191 for the police now")
    text, _ = localise(zh, "我在上海，家里着火了！", "zh", configured=None)
    assert text.startswith("在中国内地请立即拨打119（消防），急救请拨120，报警请拨110。")


def test_a_fire_in_chinese_names_the_fire_service_unless_the_business_set_its_number() -> None:
    zh = messages.reply("emergency", "zh")
    text, local = localise(zh, "家里着火了！", "zh", configured=None)
    assert text.startswith("如遇紧急情况，请立即拨打119（消防）") and not local
    configured = messages.reply("emergency", "zh", emergency_number="999")
    assert localise(configured, "家里着火了！", "zh", configured="999") == (configured, False)


def test_the_place_wins_over_the_configured_number() -> None:
    text = messages.reply("emergency", "en", emergency_number="999")
    text, local = localise(text, "I'm in Bangkok and she's not breathing", "en", configured="999")
    assert local and "1669" in text and "999" not in text


@pytest.mark.parametrize(
    ("message", "number", "entry"),
    [
        ("I'm in Bangkok and my wife collapsed, she's not breathing", "1669", EN_ABROAD),
        ("we're in Tokyo and my daughter can't breathe after eating peanuts", "119", EN_ABROAD),
        ("我们在泰国普吉岛，朋友潜水后昏迷了", "1669", ZH_ABROAD),
        ("我在香港，老公中风了说不出话", "999", ZH_ABROAD),
    ],
)
def test_an_emergency_abroad_gets_the_local_number_then_the_assistance_line(
    make_assistant: MakeAssistant, with_assistance: None, message: str, number: str, entry: str
) -> None:
    assistant, llm = make_assistant(emergency_number="999")
    answer = assistant.ask(message)
    assert answer.handoff and answer.reason == "emergency"
    first, *rest = answer.text.split("\n\n")
    assert number in first and ("bringing in a person" in first or "人工客服" in first)
    assert rest == [entry]
    language = "zh" if entry == ZH_ABROAD else "en"
    assert [s.id for s in answer.sources] == [f"{language}-emergency-abroad"]
    assert llm.calls == []


def test_the_assistance_line_follows_an_emergency_at_home_too(
    make_assistant: MakeAssistant, with_assistance: None
) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("my dad collapsed and isn't breathing")
    assert answer.text == f"{messages.reply('emergency', 'en')}\n\n{EN_ABROAD}"
    answer = assistant.ask("我爸胸口剧痛，喘不上气")
    assert answer.text == f"{messages.reply('emergency', 'zh')}\n\n{ZH_ABROAD}"


def test_no_unrelated_entry_stands_in_for_the_assistance_line(
    make_assistant: MakeAssistant, knowledge_files: tuple[Path, Path]
) -> None:
    csv_path, _ = knowledge_files
    text = csv_path.read_text(encoding="utf-8") + "\n".join(ROWS[:2]) + "\n"
    csv_path.write_text(text, encoding="utf-8")
    assistant, _ = make_assistant()
    answer = assistant.ask("我爸胸口剧痛，喘不上气")
    assert answer.text == messages.reply("emergency", "zh") and answer.sources == []


def test_a_mainland_airport_is_mainland_china() -> None:
    for message in ("我在天府机场，我妈晕倒了", "I'm at Pudong and a man collapsed"):
        found = where_customer_is(message)
        assert found is not None and found.ambulance == "120"
    assert where_customer_is("I'm flying to Heathrow tomorrow, my dad collapsed") is None


@pytest.mark.parametrize(
    ("message", "language", "configured", "lead"),
    [
        ("充电宝冒烟了", "zh", None, "119"),
        ("the plane I'm on is filling with smoke", "en", "120", "119"),
        ("there's a fire in the terminal near gate 20", "en", "120", "119"),
        ("I'm at Heathrow and there's smoke coming out of a power bank", "en", None, "999"),
        ("a man at the gate has a knife and is threatening passengers", "en", "120", "110"),
    ],
)
def test_fire_and_smoke_lead_with_the_fire_service_and_weapons_with_the_police(
    message: str, language: str, configured: str | None, lead: str
) -> None:
    generic = messages.reply("emergency", language, emergency_number=configured)
    text, _ = localise(generic, message, language, configured=configured)
    first = text.split("。")[0].split(". ")[0]
    assert lead in first and "120" not in first.split(lead)[0]
