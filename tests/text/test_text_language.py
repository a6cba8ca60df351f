"""detect_language(): Han vs Latin share on labelled support sentences."""

from __future__ import annotations

import time

import pytest

from kefu.text import detect_language

LABELLED = [
    ("我想申请退货，运费谁出？", "zh"),
    ("ＡＰＰ里怎么修改收货地址", "zh"),
    ("我的iPhone坏了", "zh"),
    ("请问 WiFi 密码是多少", "zh"),
    ("订单号 ABC123 查不到", "zh"),
    ("Where is my refund? I returned the shoes last week.", "en"),
    ("How do I change my delivery address?", "en"),
    ("How do I reset my password? 谢谢", "en"),
    ("My order from 淘宝 hasn't arrived", "en"),
    ("Ｗｈｅｒｅ ｉｓ ｍｙ ｏｒｄｅｒ", "en"),
    ("ＷＩＦＩ\u3000ｐａｓｓｗｏｒｄ\u3000ｃｈａｎｇｅ", "en"),  # with ideographic spaces
    ("ｗｉｆｉ密码怎么改", "zh"),
    ("我的iPhone订单 not arrived yet 怎么办", "mixed"),
    ("我想退货 but the seller refuses", "mixed"),
    ("I want to return this, 但是卖家不同意退款", "mixed"),
    ("", "unknown"),
    ("   \n", "unknown"),
    ("😀🎉👍", "unknown"),
    ("1234567890", "unknown"),
    ("？！。，", "unknown"),
]


@pytest.mark.parametrize(("text", "expected"), LABELLED)
def test_detect_language_labelled(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_detect_language_counts_extension_a_as_han() -> None:
    # U+3400 (extension A) is outside the basic CJK block.
    assert detect_language("\u3400\u3401\u3402") == "zh"


def test_detect_language_is_fast() -> None:
    sentence = "我的iPhone订单 not arrived yet 怎么办"
    n = 2000
    start = time.perf_counter()
    for _ in range(n):
        detect_language(sentence)
    per_call = (time.perf_counter() - start) / n
    assert per_call < 1e-4


def test_detect_language_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        detect_language(None)  # type: ignore[arg-type]
