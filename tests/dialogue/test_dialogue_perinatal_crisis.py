"""A parent's thoughts of harming the baby get a crisis reply (`kefu.dialogue.emergency_reply`,
docs/safety.md): after the emergency number, the crisis line for the place and the baby kept
safe with a person beside the parent now; never the ambulance number alone. A Singapore and
Shanghai maternity clinic (995 and 120) got "Call 995 now…" alone for "I'm scared I'll shake
him" and "总想把孩子从楼上扔下去"."""

from __future__ import annotations

import pytest

from kefu.dialogue import emergency_reply, messages
from kefu.dialogue.crisis import about_self_harm, harms_baby
from kefu.types import Entry

HARM_TO_BABY = [
    ("I keep having thoughts of hurting my baby", "en"),
    ("I'm scared I'll shake him", "en"),
    ("I keep getting these images of drowning her in the bath and it scares me", "en"),
    ("生完孩子后我总想把孩子从楼上扔下去 好害怕", "zh"),
    ("我怕自己会忍不住摇晃宝宝", "zh"),
    ("產後我成日想傷害個BB 好驚", "zh"),
]


def _compose(message: str, language: str, number: str, entries: list[Entry]) -> str:
    generic = messages.reply("emergency", language, emergency_number=number)
    text, _ = emergency_reply.compose(
        generic, message, language, top=None, entries=entries, number=number, abroad=False
    )
    return text


@pytest.mark.parametrize(("message", "language"), HARM_TO_BABY)
def test_harm_to_baby_gets_the_crisis_lines_and_the_baby_kept_safe(
    message: str, language: str
) -> None:
    number = "995" if language == "en" else "120"
    assert about_self_harm(message) and harms_baby(message)
    text = _compose(message, language, number, [])
    assert number in text  # the emergency number leads
    if language == "en":
        assert "1767" in text  # Samaritans of Singapore, for 995
        assert "put the baby down somewhere safe" in text and "don't stay alone" in text
    else:
        assert "12356" in text
        assert "把宝宝放在安全的地方" in text and "不要单独和宝宝待在一起" in text


def test_the_business_crisis_entry_is_followed_by_the_baby_kept_safe() -> None:
    crisis = Entry(
        "en-crisis", "faq", "I have thoughts of suicide or self-harm",
        "Samaritans of Singapore answer on 1767, day or night.",
        title="I have thoughts of suicide or self-harm", language="en",
    )  # fmt: skip
    text = _compose("I'm scared I'll shake him", "en", "995", [crisis])
    assert "1767" in text and "put the baby down somewhere safe" in text


@pytest.mark.parametrize(
    "message",
    [
        "sometimes I think the baby would be better off without me",
        "I could strangle my husband for letting her nap so late",
        "my baby won't wake up and is very floppy",
    ],
)
def test_no_baby_safety_sentence_where_no_harm_to_the_baby_is_feared(message: str) -> None:
    assert not harms_baby(message)
    assert "put the baby down" not in _compose(message, "en", "995", [])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_baby_safety_text_has_both_languages(language: str) -> None:
    assert messages.reply("crisis_baby", language)
