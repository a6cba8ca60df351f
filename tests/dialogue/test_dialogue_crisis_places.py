"""Crisis lines for the places the business's emergency numbers imply (`kefu.dialogue.
crisis_lines`), every suicidal reply carrying them (`kefu.dialogue.emergency_reply`), and the
passive wishes to die that get them (`kefu.dialogue.crisis`). Black-box testers (2026-12): a UK
and Taiwan care business (en=999,zh=119) got "the US: 988" first and Hong Kong's lines before
Taiwan's; an Australia and Malaysia gym (000,zh=999) got mainland China's 12356, Australia's
Lifeline for "I'm in KL", and only its AED entry for "i keep thinking about killing myself"."""

from __future__ import annotations

import pytest

from kefu.dialogue import emergency_reply, messages
from kefu.dialogue.crisis import about_self_harm
from kefu.dialogue.crisis_lines import crisis_lines
from kefu.types import Entry, Passage

# (message, language, configured, the business's other numbers, first line, never)
CASES = [
    # a UK (en=999) and Taiwan (zh=119) business
    (
        "my nan says she'd rather be dead than go into a home",
        "en",
        "999",
        ("119",),
        "116 123",
        "988",
    ),
    ("I can't see the point in going on any more", "en", "999", ("119",), "116 123", "988"),
    ("dad says he wants to end his life", "en", "999", ("119",), "116 123", "988"),
    ("我媽說她活著只是拖累大家 想一了百了", "zh", "119", ("999",), "1925", "12356"),
    ("阿公說他不想活了", "zh", "119", ("999",), "1925", "2389 2222"),
    ("我真的撐不下去了 好想死", "zh", "119", ("999",), "1925", "12356"),
    ("爸爸说他想自杀", "zh", "119", ("999",), "1925", "12356"),
    # an Australian (000) and Malaysian (zh=999) gym
    ("I'm in KL and I want to end it all", "en", "000", ("999",), "03-7627 2929", "13 11 14"),
    ("我不想活了，每天都好累", "zh", "999", ("000",), "03-7627 2929", "12356"),
    ("我觉得自己是家人的负担，想死", "zh", "999", ("000",), "03-7627 2929", "12356"),
    ("活著好累，不如死了算了", "zh", "999", ("000",), "2389 2222", "12356"),
    # Cantonese in traditional script with 999: Hong Kong first
    ("我唔想再活落去，好辛苦", "zh", "999", (), "2389 2222", "12356"),
    ("我而家好想死，冇人理我", "zh", "999", (), "2389 2222", "12356"),
    # Taiwan named by a Chinese writer whatever the number
    ("我在台北 每天都想死", "zh", "999", (), "1925", "12356"),
    ("住高雄的阿嬤一直說想死", "zh", "999", (), "1925", "12356"),
    ("我人在台中，撐不下去了", "zh", "120", (), "1925", "010-82951332"),
    # abbreviations name the place
    ("I'm in SG and I want to die", "en", "999", (), "1767", "116 123"),
    ("I'm in Bangsar and I want to die", "en", "000", ("999",), "03-7627 2929", "13 11 14"),
]


@pytest.mark.parametrize(("message", "language", "configured", "others", "first", "never"), CASES)
def test_the_places_the_numbers_imply_lead(
    message: str, language: str, configured: str, others: tuple[str, ...], first: str, never: str
) -> None:
    text = crisis_lines(message, language, configured=configured, others=others)
    assert first in text and never not in text


@pytest.mark.parametrize(
    ("message", "language", "order"),
    [
        ("I don't want to be here anymore", "en", ("116 123", "2896 0000", "03-7627 2929")),
        ("我不想活了", "zh", ("03-7627 2929", "2389 2222")),  # simplified: Malaysia, Hong Kong
        ("我唔想活喇", "zh", ("2389 2222", "03-7627 2929")),  # Cantonese: Hong Kong first
    ],
)
def test_999_gives_its_places_in_the_writers_order(
    message: str, language: str, order: tuple[str, ...]
) -> None:
    text = crisis_lines(message, language, configured="999")
    assert [text.index(n) for n in order] == sorted(text.index(n) for n in order)
    assert "988" not in text and "12356" not in text


PASSIVE = [
    "my mum keeps saying she's just a burden and we'd all be better off without her",
    "grandad has been giving away his things and saying goodbye to everyone",
    "nobody would even notice if I was gone",
    "I've been saving up my sleeping tablets for weeks",
    "he said he wants to go and be with mum now, he's stopped eating",
    "she told me she wishes she was dead",
    "I'm tired of all of it and I keep thinking about killing myself",
    "我是九十歲的老人 每天都在想 我怎麼還不死",
    "奶奶说她不想再拖累我们了",
    "阿公一直說要去陪阿嬤 這幾天都不吃不喝",
    "我觉得自己就是个累赘",
    "活着好累，每天醒来都希望自己不要醒",
    "她把安眠藥都存起來了",
    "我老豆話佢活著都係浪費",
]


@pytest.mark.parametrize("message", PASSIVE)
def test_passive_wishes_to_die_get_the_crisis_lines(message: str) -> None:
    assert about_self_harm(message)


@pytest.mark.parametrize(
    "message",
    ["my dad collapsed and isn't breathing", "阿公跌倒了 頭在流血", "my friend is choking"],
)
def test_other_emergencies_are_not_about_self_harm(message: str) -> None:
    assert not about_self_harm(message)


AED = (
    "Call 000 now if you are in Australia, or 999 in Malaysia, then tell any staff member: every "
    "club has a defibrillator (AED) at reception and staff trained in first aid."
)
HOME = Entry("en-emergency", "faq", "What do I do in a medical emergency at the club?", AED,
             title="What do I do in a medical emergency at the club?", language="en")  # fmt: skip


@pytest.mark.parametrize(
    "message",
    [
        "i'm at the club and i keep thinking about killing myself",
        "got my mum's sleeping pills saved up. after tonight i won't need the gym",
        "I want to end my life",
    ],
)
@pytest.mark.parametrize("ranked", [True, False])
def test_a_medical_emergency_entry_never_stands_in_for_the_crisis_lines(
    message: str, ranked: bool
) -> None:
    generic = messages.reply("emergency", "en", emergency_number="000")
    text, passages = emergency_reply.compose(
        generic, message, "en", top=Passage(HOME, 0.9) if ranked else None, entries=[HOME],
        number="000", abroad=False, others=("999",),
    )  # fmt: skip
    assert "13 11 14" in text and "defibrillator" not in text
    assert text.startswith(generic) and passages == []
