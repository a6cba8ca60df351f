"""Tests for chunk_text: size bounds, overlap, boundary preferences, Chinese text."""

from __future__ import annotations

import itertools
import random

import pytest

from kefu.ingest.chunking import chunk_text

REFUND_EN = (
    "Refunds are issued to the original payment method. "
    "Card refunds take 5 to 10 business days to appear on your statement. "
    "PayPal refunds usually arrive within 24 hours. "
    "If you paid with a gift card, the amount is returned as store credit. "
    "Shipping fees are refunded only when the item arrived damaged or was wrong. "
    "We email you as soon as the refund has been processed."
)
REFUND_ZH = (
    "退款会原路返回到您的支付账户。银行卡退款一般需要5到10个工作日到账。"
    "支付宝和微信支付的退款通常在24小时内到账！如果您使用礼品卡支付，退款将以店铺余额的形式返还；"
    "运费仅在商品损坏或发错货时退还。退款处理完成后，我们会通过短信通知您？"
)


def _varied(template: str, count: int) -> str:
    """Distinct sentences, so the measured overlap cannot come from repetition."""
    return "".join(template.format(n=n, d=n % 9 + 1) for n in range(count))


EN_LONG = _varied("Order {n} is refunded within {d} business days after we receive it. ", 40)
ZH_LONG = _varied("第{n}号订单在我们收到退货后{d}个工作日内退款。", 60)


def _overlap(a: str, b: str) -> int:
    """Length of the longest suffix of ``a`` that is a prefix of ``b``."""
    for size in range(min(len(a), len(b)), 0, -1):
        if a.endswith(b[:size]):
            return size
    return 0


def test_short_text_is_one_chunk() -> None:
    assert chunk_text("How do I reset my password?") == ["How do I reset my password?"]


def test_empty_and_whitespace_give_no_chunks() -> None:
    assert chunk_text("") == []
    assert chunk_text(" \n\n \t ") == []


@pytest.mark.parametrize(("size", "overlap"), [(0, 0), (100, 100), (100, 150), (100, -1)])
def test_invalid_sizes_raise(size: int, overlap: int) -> None:
    with pytest.raises(ValueError):
        chunk_text("some text", chunk_size=size, overlap=overlap)


@pytest.mark.parametrize("text", [EN_LONG, ZH_LONG], ids=["en", "zh"])
def test_chunks_respect_size_and_overlap(text: str) -> None:
    chunks = chunk_text(text, chunk_size=300, overlap=100)
    assert len(chunks) >= 3
    assert all(0 < len(c) <= 300 for c in chunks)
    assert all(c == c.strip() for c in chunks)
    for previous, following in itertools.pairwise(chunks):
        shared = _overlap(previous, following)
        # "Up to overlap characters": at least a real sentence's worth, never more than asked.
        assert 15 <= shared <= 100, (shared, previous[-80:], following[:80])


def test_overlap_uses_whole_sentences_when_they_fit() -> None:
    chunks = chunk_text(EN_LONG, chunk_size=400, overlap=120)
    for following in chunks[1:]:
        # Every chunk after the first starts at a sentence start (a capital letter), not
        # in the middle of a word.
        assert following[0].isupper(), following[:40]


def test_a_sentence_longer_than_the_overlap_is_not_repeated_in_part() -> None:
    # A black-box tester's policy file gave a chunk starting "supplies cost £12 per item.",
    # the end of "Emergency supplies cost £12 per item." carried over from the chunk before.
    paragraphs = [
        " ".join(f"Paragraph {p} sentence {n} says something about the service." for n in range(6))
        for p in range(6)
    ]
    chunks = chunk_text("\n\n".join(paragraphs), chunk_size=800, overlap=40)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.startswith("Paragraph "), chunk[:40]


def test_chinese_without_spaces_stays_within_size() -> None:
    text = REFUND_ZH * 20
    chunks = chunk_text(text, chunk_size=120, overlap=20)
    assert all(len(c) <= 120 for c in chunks)
    # Chinese sentences end in 。！？；, so chunks are cut after one of them.
    assert all(c[-1] in "。！？；" for c in chunks[:-1])
    # Nothing is lost: every sentence of the source appears in some chunk.
    for sentence in ["银行卡退款一般需要5到10个工作日到账。", "运费仅在商品损坏或发错货时退还。"]:
        assert any(sentence in c for c in chunks)


def test_unpunctuated_text_is_hard_cut() -> None:
    rng = random.Random(7)
    # 1,000 random Han characters: no punctuation, no spaces, and no repeats that would make
    # the overlap measurement ambiguous.
    text = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(1000))
    chunks = chunk_text(text, chunk_size=200, overlap=50)
    assert all(len(c) <= 200 for c in chunks)
    assert _overlap(chunks[0], chunks[1]) > 0
    # Removing each chunk's overlap reassembles the original.
    rebuilt = chunks[0]
    for previous, following in itertools.pairwise(chunks):
        rebuilt += following[_overlap(previous, following) :]
    assert rebuilt == text


def test_prefers_paragraph_boundaries() -> None:
    paragraphs = [
        "Orders ship from our Shenzhen warehouse within 48 hours.",
        "Express delivery takes 1 to 3 days; standard delivery takes 3 to 7 days.",
        "You can track your parcel from the Orders page once it has shipped.",
    ]
    text = "\n\n".join(paragraphs)
    chunks = chunk_text(text, chunk_size=150, overlap=0)
    # Each paragraph fits, so no paragraph is split across chunks.
    for paragraph in paragraphs:
        assert any(paragraph in c for c in chunks)


def test_decimal_points_do_not_end_sentences() -> None:
    text = "Version 2.5 of the app fixes login. " * 30
    chunks = chunk_text(text, chunk_size=100, overlap=0)
    assert all("2.5" in c for c in chunks)


def test_random_texts_never_give_empty_or_oversized_chunks() -> None:
    rng = random.Random(1234)
    alphabet = "abc 退款。！？.!?\n\n，、"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 600)))
        size = rng.randint(1, 120)
        overlap = rng.randint(0, size - 1)
        chunks = chunk_text(text, chunk_size=size, overlap=overlap)
        assert all(c.strip() and c == c.strip() and len(c) <= size for c in chunks)
        if text.strip():
            assert chunks
