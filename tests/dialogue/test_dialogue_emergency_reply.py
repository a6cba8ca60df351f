"""How an emergency reply is composed (dialogue/emergency_reply.py, docs/safety.md): beside
suicide or self-harm the crisis entry (or kefu's own crisis lines) follows, never a how-to; the
business's own number-first emergency entry leads every emergency in its language; violence
at home leads with the police; "ok" after an emergency is not a goodbye; and the emergency
number may be set per reply language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.config.settings import load_settings
from kefu.dialogue import emergency_reply, messages
from kefu.dialogue.abroad import localise
from kefu.dialogue.crisis import about_self_harm
from kefu.errors import ConfigError
from kefu.types import Entry, Passage

MakeAssistant = Callable[..., tuple[Any, Any]]

EN_EMERGENCY = (
    "Call 999 now if you are in the UK (or 112), or 120 if you are in mainland China. We are "
    "not an emergency service. For urgent but non-life-threatening problems call NHS 111."
)
ZH_EMERGENCY = "请立即拨打120（中国大陆）；在英国请拨打999或112。我们不是急救服务。"
EN_CRISIS = "If you are in danger call 999 now. Samaritans are free on 116 123, day or night."
ZH_CRISIS = "如您有即时危险，请立即拨打120或110。全国心理援助热线12356（24小时）。"
ZH_CANCEL = "进入“设置 > 会员 > 取消自动续费”。未使用的心理咨询次数在本期结束时失效。"

ENTRIES = [
    Entry("en-emergency", "faq", "What should I do in a medical emergency?", EN_EMERGENCY,
          title="What should I do in a medical emergency?", language="en"),
    Entry("zh-emergency", "faq", "遇到医疗紧急情况怎么办？", ZH_EMERGENCY,
          title="遇到医疗紧急情况怎么办？", language="zh"),
    Entry("en-urgent", "faq", "Can I get an urgent appointment?", "Yes, same-day slots open at 8.",
          title="Can I get an urgent appointment?", language="en"),
]  # fmt: skip
CRISIS = [
    Entry("en-crisis", "faq", "I have thoughts of suicide or self-harm", EN_CRISIS,
          title="I have thoughts of suicide or self-harm", language="en"),
    Entry("zh-crisis", "faq", "我有自杀或自伤的想法", ZH_CRISIS, title="我有自杀或自伤的想法",
          language="zh"),
]  # fmt: skip
ZH_CANCEL_ENTRY = Entry(
    "zh-cancelsub",
    "faq",
    "怎么取消自动续费？",
    ZH_CANCEL,
    title="怎么取消自动续费？",
    language="zh",
)


def _compose(message: str, language: str, entries: list[Entry], top: Entry | None = None) -> Any:
    generic = messages.reply("emergency", language)
    found = None if top is None else Passage(top, 0.9)
    return emergency_reply.compose(
        generic, message, language, top=found, entries=entries, number=None, abroad=False
    )


SELF_HARM_FAMILY = [
    ("我又开始割手腕了 这次割得很深", "zh"),
    ("我每晚都用烟头烫自己", "zh"),
    ("反正以后也用不上了，我准备今晚结束自己", "zh"),
    ("i just want to go to sleep and never wake up", "en"),
    ("i hate myself so much i burn my arms with a lighter every night", "en"),
    ("my 14 yr old texted me saying goodbye forever and now her phone is off", "en"),
    ("ok thanks. honestly nothing helps, i've decided to end it tonight", "en"),
]


@pytest.mark.parametrize(("message", "language"), SELF_HARM_FAMILY)
def test_every_flagged_self_harm_message_gets_the_crisis_entry(message: str, language: str) -> None:
    text, passages = _compose(message, language, ENTRIES + CRISIS)
    crisis = EN_CRISIS if language == "en" else ZH_CRISIS
    # The crisis entry leads with its own number, so it stands in for the generic sentence; the
    # medical emergency entry (chest pain, strokes) does not ride along beside it.
    assert text == crisis and [p.entry.id for p in passages] == [f"{language}-crisis"]


@pytest.mark.parametrize(("message", "language"), SELF_HARM_FAMILY)
def test_without_a_crisis_entry_kefus_own_crisis_lines_follow(message: str, language: str) -> None:
    text, _ = _compose(message, language, ENTRIES)
    assert text.endswith(messages.reply("crisis_lines", language))
    assert "116 123" in text or "12356" in text


def test_a_request_beside_suicide_gets_the_crisis_entry_not_the_how_to() -> None:
    # The how-to names therapy sessions (心理咨询): that does not make it a crisis entry.
    message = "我不想活了，帮我取消会员吧，以后用不上了"
    text, passages = _compose(message, "zh", ENTRIES + CRISIS + [ZH_CANCEL_ENTRY], ZH_CANCEL_ENTRY)
    assert text == ZH_CRISIS and "取消自动续费" not in text
    assert [p.entry.id for p in passages] == ["zh-crisis"]


@pytest.mark.parametrize(
    "message",
    ["i burned my hand on the stove and it's blistering badly", "my dad has crushing chest pain"],
)
def test_an_accidental_burn_or_chest_pain_is_not_self_harm(message: str) -> None:
    assert not about_self_harm(message)


def test_the_businesss_number_first_emergency_entry_leads_every_emergency() -> None:
    # Not ranked by search (top=None): found by what it says, its three-digit number included.
    text, passages = _compose("my dad has crushing chest pain", "en", ENTRIES)
    assert text == EN_EMERGENCY and [p.entry.id for p in passages] == ["en-emergency"]
    text, _ = _compose("我爸胸口很痛，一直出冷汗", "zh", ENTRIES)
    assert text == ZH_EMERGENCY
    # A customer who named where they are keeps that place's sentence; the entry follows.
    generic = "In Thailand call 1669 now."
    text, _ = emergency_reply.compose(
        generic, "I'm in Bangkok, my dad collapsed", "en", top=None, entries=ENTRIES,
        number=None, abroad=True,
    )  # fmt: skip
    assert text == f"{generic}\n\n{EN_EMERGENCY}"


VIOLENCE = [
    ("我老公喝醉了在打我，现在还在砸门", "zh", "110"),
    ("家暴 他掐我脖子 我现在跑出来了但是他在追", "zh", "110"),
    ("my ex is threatening to come round and kill me, he has a knife", "en", "999"),
    ("help my husband wont stop hitting me and the kids are crying", "en", "999"),
]


def _leads_with(text: str, lead: str) -> bool:
    first = text.split("\n")[0]
    named = [first.index(n) for n in ("110", "120", "999") if n in first]
    return lead in first and first.index(lead) == min(named)


@pytest.mark.parametrize(("message", "language", "lead"), VIOLENCE)
def test_violence_in_progress_leads_with_the_police_not_a_suicide_line(
    message: str, language: str, lead: str
) -> None:
    number = load_settings(emergency_number="en=999,zh=120").emergency_number_for(language)
    text, abroad = localise(
        messages.reply("emergency", language, emergency_number=number),
        message,
        language,
        configured=number,
    )
    assert _leads_with(text, lead) and not abroad
    # Unconfigured, a Chinese message still leads with mainland China's police, 110.
    if language == "zh":
        text, _ = localise(messages.reply("emergency", "zh"), message, "zh", configured=None)
        assert _leads_with(text, "110")
    # "he'll kill me" is a threat, not a reason for a suicide line; the medical entry stays
    # behind the police sentence.
    assert not about_self_harm(message)
    text, _ = _compose(message, language, ENTRIES + CRISIS)
    assert "116 123" not in text and "12356" not in text
    assert text.startswith(messages.reply("emergency", language)[:20])


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("充电宝冒烟了", "zh"),
        ("the plane I'm on is filling with smoke", "en"),
        ("there is smoke coming out of a passenger's power bank at gate 5", "en"),
        ("someone at the gate is threatening me with a knife", "en"),
    ],
)
def test_the_businesss_medical_entry_never_replaces_the_fire_or_police_sentence(
    message: str, language: str
) -> None:
    # An airline's tester (2026-12-01) got its "Call 120 now" entry alone for a smoking power
    # bank: the sentence for the service the message needs stays first, the entry after it.
    generic = messages.reply("emergency", language)
    text, passages = _compose(message, language, ENTRIES)
    assert text.startswith(generic) and [p.entry.id for p in passages] == [f"{language}-emergency"]


def test_a_person_holding_the_conversation_is_said_to_be_alerted() -> None:
    # The business's own entry replaced the fixed text, and with it the promise of a person
    # (an airline's tester, 2026-12-01): the word that the person was alerted is still said.
    text = messages.with_a_person(EN_EMERGENCY, "en")
    assert text.startswith(EN_EMERGENCY) and text.endswith("I've alerted the person helping you.")
    assert messages.with_a_person(ZH_EMERGENCY, "zh").endswith(
        "我已同时提醒正在为您服务的人工客服。"
    )
    generic = messages.reply("emergency", "en")
    assert messages.with_a_person(generic, "en").count("I've alerted the person helping you.") == 1


def test_a_threat_to_kill_gets_the_police_in_the_live_reply(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant(emergency_number="en=999,zh=120")
    answer = assistant.ask(VIOLENCE[2][0])
    assert answer.handoff and answer.reason == "emergency" and _leads_with(answer.text, "999")


def test_a_heart_attack_is_the_ambulances_not_the_polices(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("我觉得我心脏病发作了 heart attack")
    assert answer.text.startswith(messages.reply("emergency", "zh")[:12])


@pytest.mark.parametrize(
    ("first", "then", "language"),
    [("I want to kill myself", "ok", "en"), ("我爸胸口剧痛，喘不上气", "好的", "zh")],
)
def test_ok_after_an_emergency_is_not_a_goodbye(
    make_assistant: MakeAssistant, first: str, then: str, language: str
) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assert assistant.ask(first, session_id=session).reason == "emergency"
    answer = assistant.ask(then, session_id=session)
    assert answer.text != messages.reply("thanks", language)
    assert answer.text == messages.reply("after_emergency", language)
    # A plain "thanks" after an ordinary answer still gets the closing line.
    session = assistant.start(channel="web")
    assistant.ask("How long does a refund take?", session_id=session)
    assert assistant.ask("thanks", session_id=session).text == messages.reply("thanks", "en")


def test_the_emergency_number_may_be_set_per_language(make_assistant: MakeAssistant) -> None:
    assert load_settings(emergency_number="999").emergency_number_for("zh") == "999"
    both = load_settings(emergency_number=" en=999, zh=120 ")
    assert both.emergency_number == "en=999,zh=120"
    assert (both.emergency_number_for("en"), both.emergency_number_for("zh")) == ("999", "120")
    default = load_settings(emergency_number="999,zh=120")
    assert (default.emergency_number_for("en"), default.emergency_number_for("zh")) == (
        "999",
        "120",
    )
    assert load_settings(emergency_number="zh=120").emergency_number_for("en") is None
    assistant, _ = make_assistant(emergency_number="en=999,zh=120")
    assert "999" in assistant.ask("my dad has crushing chest pain").text.split(".")[0]
    zh = assistant.ask("我爸胸口很痛，一直出冷汗").text
    assert "120" in zh and "999" not in zh


@pytest.mark.parametrize(
    ("value", "says"),
    [("fr=15", "use en or zh"), ("en=999,en=112", "twice"), ("call us", "en=999,zh=120")],
)
def test_a_wrong_emergency_number_setting_says_how_to_write_it(value: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        load_settings(emergency_number=value)


def test_the_settings_file_is_untouched(tmp_path: Path) -> None:
    # The old single-number form reads as before.
    assert load_settings(emergency_number="120").emergency_number == "120"


WRONG_ITEM = Entry(
    "en-wrong-item", "faq", "I got someone else's order", "Please don't eat food that isn't "
    "yours: report it under Orders > Help and we'll send yours again.",
    title="I got someone else's order", language="en",
)  # fmt: skip
FOOD_SAFETY = Entry(
    "zh-food-safety", "faq", "吃了外卖不舒服怎么办？", "如出现呕吐、腹泻等食物中毒症状请及时就医，"
    "保留餐品和小票，联系客服登记食品安全问题。", title="吃了外卖不舒服怎么办？", language="zh",
)  # fmt: skip


def test_only_an_entry_about_the_emergency_follows_the_number() -> None:
    """A food-delivery tester, 2026-12-01: "someone collapsed … isn't breathing" got 120 and
    then the wrong-item answer retrieval ranked first; an entry about the emergency still
    follows."""
    message = "someone collapsed in the restaurant and isn't breathing"
    text, passages = _compose(message, "en", [*ENTRIES, WRONG_ITEM], WRONG_ITEM)
    assert "isn't yours" not in text and "en-wrong-item" not in [p.entry.id for p in passages]
    text, passages = _compose("吃完外卖呕吐不止，人快晕过去了", "zh", ENTRIES, FOOD_SAFETY)
    assert "及时就医" in text and "zh-food-safety" in [p.entry.id for p in passages]
