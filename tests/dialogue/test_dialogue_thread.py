"""A follow-up answered from the thread: an entry just given, or the earlier question asked of
a new place (fast: hashing embedder, the stub confidence of conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kefu.dialogue.assistant import Assistant
from kefu.dialogue.last_entry import answers
from kefu.text.tokenize import MixedTokenizer
from kefu.types import Entry

ROWS = [
    "id,question,answer,category",
    "ap-zh,账号被封了怎么申诉？,在申诉页面提交材料，客服会在5个工作日内给出处理结果。,账号",
    "bk-zh,包裹寄丢了怎么办？,请在订单页点“包裹异常”登记，我们会联系快递公司追查；"
    "找回的包裹重新派送不另收费，找不回的按订单金额全额赔付。,物流",
    "ret-en,How do I send a parcel back?,"
    '"Print the label from your order page and drop the parcel at any post office. '
    'The return postage of $6 is taken from your refund.",returns',
    "bin-en,When is my bin collected?,"
    '"General waste is collected every Tuesday from 7:00; recycling on Fridays.",waste',
    "card-en,How do I order a new card?,Order a new card in the app under Cards > Replace.,cards",
]


@pytest.fixture
def knowledge_files(tmp_path: Path) -> tuple[Path, ...]:
    """This module's FAQ in place of conftest's (make_assistant reads it)."""
    folder = tmp_path / "files"
    folder.mkdir()
    faq = folder / "faq.csv"
    faq.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    return (faq,)


@pytest.fixture
def assistant(make_assistant) -> Assistant:  # type: ignore[no-untyped-def]
    return make_assistant()[0]


@pytest.mark.parametrize(
    ("turns", "entry"),
    [
        (["账号被封了怎么申诉？", "多久出结果"], "ap-zh"),
        (["包裹寄丢了怎么办？", "重新派送要钱吗"], "bk-zh"),
        (["How do I send a parcel back?", "do I pay for the postage?"], "ret-en"),
        (["When is my bin collected?", "which day for recycling"], "bin-en"),
    ],
)
def test_a_short_follow_up_is_answered_by_the_entry_just_given(
    assistant: Assistant, turns: list[str], entry: str
) -> None:
    sid = assistant.start()
    first = assistant.ask(turns[0], session_id=sid)
    assert first.mode == "curated" and first.sources[0].id == entry
    answer = assistant.ask(turns[1], session_id=sid)
    assert answer.mode == "curated" and answer.sources[0].id == entry, turns[1]
    assert not answer.handoff


@pytest.mark.parametrize(
    ("turns", "entry"),
    [
        # Adds words the entry never says.
        (["账号被封了怎么申诉？", "能换绑手机号吗"], "ap-zh"),
        # Another language than the entry's.
        (["账号被封了怎么申诉？", "how long?"], "ap-zh"),
    ],
)
def test_a_follow_up_the_entry_does_not_answer_is_still_declined(
    assistant: Assistant, turns: list[str], entry: str
) -> None:
    sid = assistant.start()
    assert assistant.ask(turns[0], session_id=sid).sources[0].id == entry
    answer = assistant.ask(turns[1], session_id=sid)
    assert answer.mode == "declined", turns[1]


def _entry(question: str, answer: str) -> Entry:
    return Entry("x", "faq", question, answer)


@pytest.mark.parametrize(
    ("message", "question", "answer", "expected"),
    [
        ("要几天", "怎么退押金？", "退房后14天内退回押金。", True),
        ("那手续费呢", "怎么提现？", "提现1至2个工作日到账，不收手续费。", True),
        ("how much does it cost?", "Can I park there?", "Parking is free for guests.", True),
        ("what time does it open?", "Is the pool open?", "The pool opens at 6:30 daily.", True),
        # The money the customer means is not what the entry speaks of.
        ("how long until the money is back", "Can I get a refund?", "Ask within 14 days.", False),
        ("要多少钱", "怎么改签？", "在订单页点改签，选择新的日期。", False),
        ("how long does it take?", "How do I order a card?", "Order it in the app.", False),
    ],
)
def test_answers(message: str, question: str, answer: str, expected: bool) -> None:
    assert answers(message, _entry(question, answer), MixedTokenizer()) is expected
