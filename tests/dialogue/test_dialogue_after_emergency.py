"""After an emergency reply: asking to wait gets the instruction again, and an unrelated
question gets its answer with a one-line reminder (kefu.dialogue.after_emergency)."""

from __future__ import annotations

import pytest
from tests.dialogue.conftest import MakeAssistant

from kefu.dialogue import messages


@pytest.mark.parametrize(
    ("first", "then", "language"),
    [
        # the red-team tester's (2026-12-01)
        (
            "my toddler swallowed a button battery",
            "so can he just wait for the appointment next week?",
            "en",
        ),
        (
            "her throat is swelling up after eating peanuts",
            "can she come to walk-in tomorrow instead?",
            "en",
        ),
        ("我爸胸口剧痛，满头大汗", "明天再去你们门诊可以吗？", "zh"),
        ("我爸胸口剧痛，满头大汗", "不用去医院了吧？", "zh"),
        # new phrasings
        (
            "my husband collapsed and isn't breathing properly",
            "do we really have to call an ambulance? he says he's fine now",
            "en",
        ),
        ("I took 30 of my sleeping pills", "can I just sleep it off?", "en"),
        ("my son fell off the balcony", "ok thanks, we'll drive him in ourselves later", "en"),
        ("孩子把洗衣凝珠吞下去了，一直在吐", "先在家观察一下行吗", "zh"),
        ("我妈突然说话不清楚，半边脸歪了", "等我下班再带她去可以吗", "zh"),
    ],
)
def test_waiting_after_an_emergency_gets_the_instruction_again(
    make_assistant: MakeAssistant, first: str, then: str, language: str
) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assert assistant.ask(first, session_id=session).reason in ("emergency", "emergency entry")
    answer = assistant.ask(then, session_id=session)
    assert answer.handoff
    assert answer.text.startswith(messages.reply("emergency_wait", language)[:20])


def test_an_unrelated_question_after_an_emergency_is_answered_with_a_reminder(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assistant.ask("took like 20 of my sleeping pills an hour ago", session_id=session)
    answer = assistant.ask("How much does shipping cost?", session_id=session)
    assert answer.text.startswith(messages.reply("emergency_reminder", "en"))
    assert "$4.99" in answer.text
    # the reminder itself does not make the next turns an emergency's for ever
    for _ in range(3):
        answer = assistant.ask("How long does delivery take?", session_id=session)
    assert not answer.text.startswith(messages.reply("emergency_reminder", "en"))


def test_waiting_words_without_an_emergency_are_ordinary(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assistant.ask("How long does a refund take?", session_id=session)
    answer = assistant.ask("can I wait until tomorrow to send the return?", session_id=session)
    assert answer.reason != "waiting after emergency"
    assert not answer.text.startswith(messages.reply("emergency_reminder", "en"))


def test_an_emergency_reply_for_a_named_place_counts_as_one() -> None:
    # "In Thailand call 1669…" leads with that place's number, not the configured one: asking
    # to wait after it must get the instruction again, as after any emergency reply.
    from kefu.dialogue import after_emergency
    from kefu.types import ChatMessage

    history = [
        ChatMessage(role="user", content="we're in Phuket and my wife collapsed"),
        ChatMessage(
            role="assistant",
            content="In Thailand call 1669 for an ambulance now (the police: 191). "
            "I'm also bringing in a person right away.",
        ),
    ]
    plan = after_emergency.waiting_plan("can we just wait until tomorrow?", "en", history, None)
    assert plan is not None and plan.handoff


@pytest.mark.parametrize(
    ("first", "then", "language"),
    [
        # a home-care tester's (2026-12): "I'm not sure about that…" after a missing-person reply
        (
            "my dad has dementia and he's gone missing, we can't find him anywhere",
            "found him! he was at the neighbours. thanks",
            "en",
        ),
        ("我爸有老人痴呆 刚才在超市走丢了", "找到了 在邻居家 谢谢", "zh"),
        ("my husband collapsed and isn't breathing properly", "he's breathing normally now", "en"),
    ],
)
def test_word_that_it_is_over_gets_relief_and_the_number_again(
    make_assistant: MakeAssistant, first: str, then: str, language: str
) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assert assistant.ask(first, session_id=session).handoff
    answer = assistant.ask(then, session_id=session)
    assert answer.text == messages.reply("emergency_resolved", language)
    assert answer.handoff  # the person already called still checks in


@pytest.mark.parametrize(
    "then",
    [
        "found him but he's bleeding from his head",
        "she's awake but still confused",
        "we still haven't found him",
    ],
)
def test_word_that_something_is_still_wrong_is_not_relief(
    make_assistant: MakeAssistant, then: str
) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assistant.ask("my dad has dementia and he's gone missing", session_id=session)
    answer = assistant.ask(then, session_id=session)
    assert answer.text != messages.reply("emergency_resolved", "en")


def test_relief_words_without_an_emergency_are_ordinary(make_assistant: MakeAssistant) -> None:
    assistant, _ = make_assistant()
    answer = assistant.ask("found it! the parcel was at the neighbours")
    assert answer.text != messages.reply("emergency_resolved", "en")


def test_the_reminder_names_the_place_the_customer_then_says_they_are_in(
    make_assistant: MakeAssistant,
) -> None:
    # a dating-app tester: "是在新加坡" after "my date won't let me leave" got the business's 120
    assistant, _ = make_assistant(emergency_number="en=999,zh=120")
    session = assistant.start(channel="web")
    assert assistant.ask("my date won't let me leave, I'm scared", session_id=session).handoff
    answer = assistant.ask("是在新加坡", session_id=session)
    assert "995" in answer.text and "999" in answer.text  # the ambulance's, and the police's
    assert "120" not in answer.text
    # the reminder itself is no new emergency: it stops after the recent replies
    for _ in range(3):
        answer = assistant.ask("退款多久到账？", session_id=session)
    assert not answer.text.startswith("提醒")


@pytest.mark.parametrize(
    ("then", "language"),
    [
        ("ok called them, thanks", "en"),  # a gym's tester: the whole emergency entry again
        ("called 999, they said to wait for the ambulance", "en"),
        ("the ambulance is on its way", "en"),
        ("已经打了120 救护车在路上", "zh"),
    ],
)
def test_word_that_help_was_called_gets_the_after_emergency_line(
    make_assistant: MakeAssistant, then: str, language: str
) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    first = (
        "my husband collapsed and isn't breathing properly"
        if language == "en"
        else "我爸胸口剧痛，满头大汗"
    )
    assert assistant.ask(first, session_id=session).handoff
    answer = assistant.ask(then, session_id=session)
    assert answer.text == messages.reply("after_emergency", language)
    assert answer.handoff


def test_help_called_but_still_wrong_gets_the_instruction_not_the_closing(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assistant.ask("my husband collapsed and isn't breathing properly", session_id=session)
    answer = assistant.ask("called 999 but now he's not breathing at all", session_id=session)
    assert answer.text != messages.reply("after_emergency", "en")
    assert answer.handoff


def test_better_now_but_waiting_for_tomorrow_is_still_waiting(
    make_assistant: MakeAssistant,
) -> None:
    assistant, _ = make_assistant()
    session = assistant.start(channel="web")
    assistant.ask("我妈突然说话不清楚，半边脸歪了", session_id=session)
    answer = assistant.ask("她现在没事了 明天再去门诊", session_id=session)
    assert answer.text.startswith(messages.reply("emergency_wait", "zh")[:20])
    session = assistant.start(channel="web")
    assistant.ask("my mum's face is drooping and her speech is slurred", session_id=session)
    answer = assistant.ask("she's fine now, we'll see the GP tomorrow", session_id=session)
    assert answer.text.startswith(messages.reply("emergency_wait", "en")[:20])
