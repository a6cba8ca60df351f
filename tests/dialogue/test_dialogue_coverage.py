"""The coverage check: a curated answer about other places or payment methods is no answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.dialogue import coverage, gazetteer
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.policy import Plan
from kefu.types import Entry, Passage

MakeAssistant = Callable[..., tuple[Assistant, Any]]  # the `make_assistant` fixture (conftest)

FEES = Entry(
    "en-fee",
    "faq",
    "How much is shipping?",
    "Standard shipping: mainland China CNY 15, Hong Kong HKD 30, United Kingdom GBP 6, "
    "United States USD 8.",
    language="en",
)
WHERE = Entry(
    "en-where",
    "faq",
    "Which countries do you ship to?",
    "We ship to mainland China, Hong Kong, the United Kingdom and the United States only.",
    language="en",
)
RETURNS_ZH = Entry(
    "zh-return",
    "faq",
    "可以退货吗？",
    "中国大陆和香港订单支持签收后7天无理由退货，英国和美国订单支持签收后30天内退货。",
    language="zh",
)
LICENCE_SG = Entry(
    "lic-sg",
    "faq",
    "Can I use my foreign licence in Singapore?",
    "Yes. Visitors can drive in Singapore for up to 12 months with a valid foreign licence.",
    language="en",
)
LICENCE_CN = Entry(
    "lic-cn",
    "faq",
    "Can I drive in China with a foreign licence?",
    "No. Mainland China does not recognise International Driving Permits or foreign licences.",
    language="en",
)
DEBIT = Entry(
    "dep-debit",
    "faq",
    "Can I pay the deposit with a debit card or Alipay?",
    "Debit cards are not accepted for the deposit. In Singapore only a credit card is accepted.",
    language="en",
)
ADDRESS_ZH = Entry(
    "zh-address",
    "faq",
    "下单后可以改地址吗？",
    "付款后1小时内可在“我的订单”里修改收货地址。",
    language="zh",
)
PASSWORD = Entry(
    "en-password", "faq", "How do I reset my password?", "Tap Forgot password.", language="en"
)
INTERNATIONAL = Entry(
    "en-ret",
    "faq",
    "What is the return window?",
    "UK orders: 30 days. International orders: 14 days from delivery.",
    language="en",
)


def _curated(top: Entry, *others: Entry) -> tuple[Plan, list[Passage]]:
    passages = [Passage(e, 1.0 - n / 10, rank=n + 1) for n, e in enumerate((top, *others))]
    text = top.answer or top.text
    return Plan("curated", top.language, passages[:1], 0.9, text=text), passages


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("How much is shipping to France?", {"fr"}),
        ("What is the return window for Australian orders?", {"au"}),
        ("寄日本运费多少", {"jp"}),
        ("澳門訂單可以退貨嗎", {"mo"}),
        ("寄到澳大利亚要多久", {"au"}),
        ("can I drive in shanghai with my singapore licence", {"shanghai"}),  # origin: no place
        ("香港驾照在上海能开车吗", {"shanghai"}),
        ("I'm American, is my US licence + IDP ok for driving in Shanghai?", {"shanghai"}),
        ("tell us about your US prices", {"us"}),  # "us" the pronoun is no country
        ("Do you have the answer in French?", set()),  # a language
    ],
)
def test_places_named_in_a_question(text: str, ids: set[str]) -> None:
    assert gazetteer.find(text, "place", incidental=False).ids == ids


def test_payment_methods_and_cards_inside_org_names() -> None:
    found = gazetteer.find("支持Visa、美国运通、PayPal和微信支付，不支持货到付款。", "method")
    assert found.ids == {"visa", "amex", "paypal", "wechatpay", "cod"}
    assert gazetteer.find("We accept American Express", "place").ids == set()


def test_a_fee_list_for_other_countries_hands_over_to_the_coverage_entry() -> None:
    plan, passages = _curated(FEES, PASSWORD, WHERE)
    out = coverage.check(plan, "How much is shipping to France?", passages)
    assert out.mode == "curated"
    assert out.passages[0].entry.id == "en-where"
    # A served country keeps the fee list.
    same = coverage.check(plan, "How much is shipping to the UK?", passages)
    assert same is plan
    # A city inside a listed country is covered by it.
    assert coverage.check(plan, "how much is shipping to london", passages) is plan


def test_a_return_rule_for_other_regions_is_declined_without_a_coverage_entry() -> None:
    plan, passages = _curated(RETURNS_ZH)
    out = coverage.check(plan, "澳门订单可以退货吗", passages)
    assert (out.mode, out.handoff) == ("declined", True)
    assert "mo" in out.reason
    assert coverage.check(plan, "香港订单可以退货吗", passages) is plan


def test_the_licence_entry_of_the_other_city_is_no_answer() -> None:
    plan, passages = _curated(LICENCE_SG, LICENCE_CN)
    question = "can I drive in shanghai with my singapore licence"
    assert coverage.check(plan, question, passages).mode == "declined"
    # The China entry covers Shanghai; the Singapore licence is where the licence is from.
    plan_cn, passages_cn = _curated(LICENCE_CN, LICENCE_SG)
    assert coverage.check(plan_cn, question, passages_cn) is plan_cn


def test_payment_methods_not_mentioned_are_declined() -> None:
    plan, passages = _curated(DEBIT)
    assert coverage.check(plan, "Can I pay in cash", passages).mode == "declined"
    assert coverage.check(plan, "Can I pay the deposit with Alipay?", passages) is plan
    plan_zh, passages_zh = _curated(ADDRESS_ZH)
    assert coverage.check(plan_zh, "可以货到付款吗", passages_zh).mode == "declined"
    # A method mentioned in passing does not make the address question about paying.
    assert coverage.check(plan_zh, "我用支付宝付的，下单后能改地址吗", passages_zh) is plan_zh


def test_incidental_places_and_group_words_keep_the_answer() -> None:
    plan, passages = _curated(PASSWORD)
    assert coverage.check(plan, "I'm in London, how do I reset my password?", passages) is plan
    plan_int, passages_int = _curated(INTERNATIONAL)
    question = "What is the return window for Australian orders?"
    assert coverage.check(plan_int, question, passages_int) is plan_int
    # The entry that says which countries are served answers for any country.
    plan_where, passages_where = _curated(WHERE)
    assert coverage.check(plan_where, "Do you ship to Canada?", passages_where) is plan_where


SHOP_CSV = "\n".join(
    [
        "id,question,answer",
        'en-fee,How much is shipping?,"Standard shipping: mainland China CNY 15, '
        'Hong Kong HKD 30, United Kingdom GBP 6, United States USD 8."',
        'en-where,Which countries do you ship to?,"We ship to mainland China, Hong Kong, '
        'the United Kingdom and the United States only."',
        "en-password,How do I reset my password?,Tap Forgot password on the sign-in page.",
    ]
)


@pytest.fixture
def knowledge_files(tmp_path: Path) -> tuple[Path, ...]:
    """The shop's FAQ instead of the dialogue tests' default knowledge (conftest)."""
    faq = tmp_path / "shop.csv"
    faq.write_text(SHOP_CSV, encoding="utf-8")
    return (faq,)


def test_the_assistant_answers_an_unserved_country_from_the_coverage_entry(
    make_assistant: MakeAssistant,
) -> None:
    # The hashing embedder scores a question with a country lower than the stub expects.
    assistant, llm = make_assistant(curated_threshold=0.3)
    served = assistant.ask("How much is shipping to the United Kingdom?")
    assert (served.mode, served.sources[0].id) == ("curated", "en-fee")
    unserved = assistant.ask("How much is shipping to France?")
    assert (unserved.mode, unserved.sources[0].id) == ("curated", "en-where"), unserved.reason
    assert "only" in unserved.text
    incidental = assistant.ask("I'm in London, how do I reset my password?")
    assert (incidental.mode, incidental.sources[0].id) == ("curated", "en-password")
    assert llm.calls == []


PRICE_ZH = Entry(
    "zh-price-dom",
    "faq",
    "内地寄快递多少钱？",
    "中国内地同城首重 1 公斤 10 元，省内 12 元，跨省 15 元。",
    language="zh",
)
MEDICINE_ZH = Entry(
    "zh-medicine",
    "faq",
    "能寄药品吗？",
    "内地可寄非处方药品，需提供购买凭证。处方药和国际药品邮寄请联系客服人工审核。",
    language="zh",
)
UK_TIME_ZH = Entry(
    "zh-uk-time",
    "faq",
    "寄到英国要多久？",
    "国际标准快递从中国内地或香港寄往英国一般 5-8 个工作日，国际特快 3-5 个工作日。",
    language="zh",
)


def test_an_entry_about_what_may_be_sent_is_not_a_list_of_destinations() -> None:
    """ "能寄药品吗" asks what may be sent, not where: a courier's price question about
    Singapore got the medicine entry as its "coverage entry" (tester P)."""
    assert not coverage.states_coverage(MEDICINE_ZH, "place")
    plan, passages = _curated(PRICE_ZH, MEDICINE_ZH)
    out = coverage.check(plan, "寄3公斤去新加坡多少钱", passages)
    assert (out.mode, out.handoff) == ("declined", True)
    where = Entry(
        "zh-where", "faq", "可以寄到国外吗？", "目前只寄中国内地、香港和英国。", language="zh"
    )
    assert coverage.states_coverage(where, "place")


def test_a_service_named_international_does_not_cover_every_country() -> None:
    """ "国际标准快递 … 寄往英国" is a product to the UK, not a promise about every country."""
    assert not gazetteer.find(UK_TIME_ZH.answer or "", "place").everything
    assert gazetteer.find("我们支持国际配送", "place").everything
    assert gazetteer.find("We ship internationally.", "place").everything
    plan, passages = _curated(UK_TIME_ZH)
    assert coverage.check(plan, "寄到日本要多久", passages).mode == "declined"
    assert coverage.check(plan, "寄到伦敦要多久", passages) is plan
