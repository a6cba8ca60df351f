"""Follow-up detection and the query a follow-up is retrieved with."""

from __future__ import annotations

import pytest

from kefu.dialogue.followup import asks_about_another_row, contextual_query, is_followup
from kefu.text.tokenize import MixedTokenizer


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
        # Question words alone name no topic: they can only mean the last one.
        "how much?",
        "How long?",
        "多少钱？",
        "要多久呢",
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


@pytest.fixture(scope="module")
def tokenizer() -> MixedTokenizer:
    tok = MixedTokenizer()
    tok.warm_up()
    return tok


DELIVERY = (
    "How long does delivery take? Mainland China 1-3 working days, Hong Kong 2-4, "
    "UK 6-10, US 7-12 working days."
)


@pytest.mark.parametrize(
    ("message", "previous", "entry", "expected"),
    [
        # The same question of another row of the same entry (a country it lists).
        ("and to the US?", "How long does shipping take to the UK?", DELIVERY, True),
        ("what about Hong Kong?", "How long does shipping take to the UK?", DELIVERY, True),
        (
            "那香港呢？",
            "寄到英国要多久？",
            "配送时间：中国大陆1-3天，香港2-4天，英国6-10天。",
            True,
        ),
        # Something the entry never says: a new question, not another row.
        ("and to Canada?", "How long does shipping take to the UK?", DELIVERY, False),
        ("can I pause it?", "How much is the membership?", "Membership costs 30 a month.", False),
        # Nothing added at all.
        ("and?", "How long does shipping take to the UK?", DELIVERY, False),
    ],
)
def test_asks_about_another_row(
    tokenizer: MixedTokenizer, message: str, previous: str, entry: str, expected: bool
) -> None:
    assert asks_about_another_row(tokenizer, message, previous, entry) is expected


@pytest.mark.parametrize(
    "text",
    ["要幾耐", "使唔使錢", "點做", "得唔得", "我部 Pixel 3 得唔得", "咁 Lite 呢？", "韓國呢"],
)
def test_cantonese_followups(text: str) -> None:
    from kefu.dialogue.followup import is_followup

    assert is_followup(text)


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("要多久", True),
        ("要多久处理", True),  # a verb of two characters adds no topic (tester U)
        ("how much?", True),
        ("那银行卡呢", False),
        ("退款多久到账", False),
        ("要多久审核发票", False),
    ],
)
def test_bare_questions(text: str, bare: bool) -> None:
    from kefu.dialogue.followup import is_bare

    assert is_bare(text) is bare
    if bare:
        assert is_followup(text)


def test_a_follow_up_of_a_follow_up_leans_on_the_question_both_followed() -> None:
    from kefu.dialogue.followup import topic_question

    assert topic_question(["退款多久到账", "支付宝呢"]) == "退款多久到账"
    assert topic_question(["退款多久到账"]) is None
    assert topic_question(["退款多久到账", "怎么换手机号"]) is None  # a new topic of its own
    assert topic_question(["How long is a refund?", "支付宝呢"]) is None  # another language
