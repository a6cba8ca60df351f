"""to_mandarin(): traditional characters and written Cantonese folded to simplified Mandarin, on
real Hong Kong customers' questions; and the tokenizer giving both forms the same terms."""

from __future__ import annotations

import time

import pytest

from kefu.text import MixedTokenizer, detect_language, to_mandarin

# (what a Hong Kong customer wrote, its simplified Mandarin reading)
HONG_KONG = [
    ("能退貨嗎？", "能退货吗？"),
    ("退貨運費誰付", "退货运费谁付"),
    ("快遞一直冇收到", "快递一直没有收到"),
    ("運費幾錢", "运费多少钱"),
    ("送貨去英國要幾耐", "送货去英国要多久"),
    ("你哋收唔收PayPal", "你们收不收PayPal"),
    ("人工客服電話幾多", "人工客服电话多少"),
    ("寄香港要幾多運費", "寄香港要多少运费"),
    ("我哋嘅訂單喺邊度？", "我们的订单在哪里？"),
    ("點樣改收貨地址", "怎么改收货地址"),
    ("退款畀咗我未", "退款给了我未"),
    ("係咪要自己俾運費", "是不是要自己给运费"),
    ("佢哋話呢個冇貨", "他们话这个没有货"),
    ("有咩付款方式", "有什么付款方式"),
    # Hong Kong variant forms (OpenCC's HK variants): 啓, 衞
    ("點樣開啓兩步驗證", "怎么开启两步验证"),
]

SIMPLIFIED = [
    "我想申请退货，运费谁出？",
    "显著的质量问题怎么办",
    "抬头写公司名称可以吗",
    "这个订单为什么还没有发货呢",
    "前所未有的优惠，需要仲裁怎么处理",
    "干燥剂可以一起寄吗",
    "How do I return my order?",
]


@pytest.mark.parametrize(("written", "mandarin"), HONG_KONG)
def test_hong_kong_questions_read_as_mandarin(written: str, mandarin: str) -> None:
    assert to_mandarin(written) == mandarin


def test_cantonese_is_only_becomes_shi_outside_guanxi() -> None:
    # 係 is Cantonese "is", but in 關係 / 係數 the traditional form of 系.
    assert to_mandarin("冇關係，我係會員") == "没有关系，我是会员"
    assert to_mandarin("折扣係數係幾多") == "折扣系数是多少"


@pytest.mark.parametrize("text", SIMPLIFIED)
def test_simplified_text_passes_unchanged(text: str) -> None:
    # Characters that simplified text uses too (著 in 显著, 抬, 干) are not in the table,
    # and Mandarin words that look Cantonese (呢 at the end, 仲裁, 未有) are left alone.
    assert to_mandarin(text) == text


@pytest.mark.parametrize("written", [w for w, _ in HONG_KONG])
def test_folding_twice_changes_nothing(written: str) -> None:
    once = to_mandarin(written)
    assert to_mandarin(once) == once


@pytest.mark.parametrize("written", [w for w, _ in HONG_KONG])
def test_hong_kong_questions_are_still_chinese(written: str) -> None:
    assert detect_language(written) == "zh"


def test_a_short_message_takes_microseconds() -> None:
    to_mandarin("預熱")  # the table is read on first use
    n = 2000
    start = time.perf_counter()
    for _ in range(n):
        to_mandarin("你哋收唔收PayPal？送貨去英國要幾耐")
    per_call = (time.perf_counter() - start) / n
    assert per_call < 2e-4  # ~5 µs measured; the budget is well under a millisecond


@pytest.fixture(scope="module")
def tok() -> MixedTokenizer:
    t = MixedTokenizer()
    t.warm_up()
    return t


@pytest.mark.parametrize(("written", "mandarin"), HONG_KONG)
def test_both_forms_give_the_same_terms(tok: MixedTokenizer, written: str, mandarin: str) -> None:
    assert tok.tokenize(written) == tok.tokenize(mandarin)


def test_traditional_product_words_stay_whole(tok: MixedTokenizer) -> None:
    t = MixedTokenizer(extra_words=["小米手環"])
    assert "小米手环" in t.tokenize("小米手环怎么充电")
    assert "小米手环" in t.tokenize("小米手環點樣充電")
