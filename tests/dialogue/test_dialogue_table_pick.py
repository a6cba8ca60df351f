"""A table row named by a value in one of its cells, by the cheapest or dearest price, or (on a
low confidence) by a word of its label; a value no row holds is declined."""

from __future__ import annotations

import pytest

from kefu.dialogue import coverage
from kefu.dialogue.policy import Plan
from kefu.types import Entry, Passage

# My own tables, after a game publisher's tester (2026-12-01): "3280 crystals" → the Vault.
STORAGE = "\n\n".join(
    [
        "Plan: Starter; Storage: 50 GB; Price: 1.99 EUR",
        "Plan: Family; Storage: 200 GB; Price: 3.99 EUR",
        "Plan: Pro; Storage: 2000 GB; Price: 9.99 EUR",
        "Plan: Student pass (12 months, 50 GB shared); Storage: -; Price: 0.99 EUR",
    ]
)
BAGS = "\n\n".join(
    [
        "套餐 Bundle: 轻享 Light; 行李 Baggage: 15 kg; 价格 Price: 120 元",
        "套餐 Bundle: 标准 Standard; 行李 Baggage: 23 kg; 价格 Price: 200 元",
        "套餐 Bundle: 尊享 Plus; 行李 Baggage: 32 kg; 价格 Price: 350 元",
    ]
)
RULES = "\n\n".join(
    [
        "Violation: Parking in a disabled bay; First time: Warning; Second time: 50 fine",
        "Violation: Smoking in a company vehicle; First time: 100 fine; Second time: Dismissal",
        "Violation: Speeding or reckless driving; First time: 200 fine; Second time: Dismissal",
    ]
)


def _p(pid: str, text: str, title: str = "Prices") -> Passage:
    return Passage(Entry(pid, "chunk", text, title=title), score=1.0)


def _plan(question: str, *passages: Passage, mode: str = "generated") -> Plan:
    plan = Plan(mode, "en", list(passages[:3]), 0.9, reason="grounded generation")
    return coverage.check(plan, question, list(passages))


def _quoted(plan: Plan) -> str:
    assert plan.mode == "extractive", plan.reason
    return plan.passages[0].entry.display_text


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("how much for 200 GB of storage", "Plan: Family"),
        ("price of 2000gb", "Plan: Pro"),
        ("50 GB storage price?", "Plan: Starter"),
    ],
)
def test_a_value_in_one_row_picks_that_row(question: str, row: str) -> None:
    assert _quoted(_plan(question, _p("cloud#1", STORAGE))).startswith(row)


def test_a_value_in_a_bilingual_table_picks_its_row() -> None:
    assert "尊享" in _quoted(_plan("32kg行李多少钱", _p("bags#1", BAGS), mode="extractive"))
    assert "轻享" in _quoted(_plan("15公斤 行李 Baggage 15 kg 价格", _p("bags#1", BAGS)))
    assert "尊享" in _quoted(_plan("32 kg baggage price", _p("bags#1", BAGS)))
    cars = "\n\n".join(["车型: 经济型; 座位: 5; 日租: 180元", "车型: 商务型; 座位: 7; 日租: 320元"])
    assert "商务型" in _quoted(_plan("7座的车一天多少钱", _p("cars#1", cars), mode="extractive"))


def test_a_value_no_row_holds_is_declined() -> None:
    plan = _plan("how much for 500 GB of storage", _p("cloud#1", STORAGE))
    assert plan.mode == "declined" and plan.handoff


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("what's your cheapest plan", "Student pass"),
        ("most expensive storage plan price", "Plan: Pro"),
        ("最便宜的套餐多少钱", "轻享"),
        ("哪个最贵", "尊享"),
    ],
)
def test_the_cheapest_or_dearest_row_is_computed(question: str, row: str) -> None:
    table = _p("bags#1", BAGS) if "套餐" in question or "最贵" in question else _p("c#1", STORAGE)
    assert row in _quoted(_plan(question, table))


def test_the_cheapest_of_the_price_column_the_question_names() -> None:
    rates = "\n\n".join(
        [
            "Van: Small; Day rate: £60; Week rate: £300",
            "Van: Large; Day rate: £90; Week rate: £280",
        ]
    )
    assert "Small" in _quoted(_plan("cheapest van per day", _p("vans#1", rates)))
    assert "Large" in _quoted(_plan("cheapest van for a week", _p("vans#1", rates)))
    assert _plan("cheapest van", _p("vans#1", rates)).mode == "declined"


def test_a_refund_question_gets_no_price_row() -> None:
    plan = _plan("i want my money back for the family plan", _p("cloud#1", STORAGE))
    assert plan.mode == "declined"
    plan = _plan("我买的套餐能退款吗", _p("bags#1", BAGS), mode="extractive")
    assert plan.mode == "declined"


def _low(question: str, *passages: Passage) -> Plan:
    plan = Plan("declined", "en", list(passages[:3]), 0.45, handoff=True, reason="low")
    return coverage.check(plan, question, list(passages))


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("what happens if I get caught smoking in the van", "Smoking"),
        ("penalty for reckless driving first time", "Speeding"),
        ("parked in the disabled bay, what's the punishment", "Parking"),
    ],
)
def test_a_low_confidence_question_naming_one_row_label_is_quoted(question: str, row: str) -> None:
    plan = _low(question, _p("rules#2", RULES, "Driver rules > Violations"))
    assert plan.mode == "extractive" and row in plan.passages[0].entry.display_text
    assert not plan.handoff


@pytest.mark.parametrize(
    "question",
    [
        "what happens if I get caught drinking in the van",  # no row names it
        "can the smoking dismissal ever be lifted by an appeal to the board",  # mostly not the row
        "first time fine",  # a column, no row
    ],
)
def test_a_low_confidence_question_naming_no_row_stays_declined(question: str) -> None:
    assert _low(question, _p("rules#2", RULES, "Driver rules > Violations")).mode == "declined"


# My own rent-a-bike fare tables, after a ride-hailing tester (2026-12-01): "上海专车每分钟多少钱",
# "新加坡XL起步价" declined; "上海豪华专车起步价" got the 专车 row.
BIKES_BJ = "\n\n".join(
    ["车型: 单车; 起步价: 1.5元; 每分钟: 0.1元", "车型: 电单车; 起步价: 3元; 每分钟: 0.3元"]
)
BIKES_GZ = "\n\n".join(
    ["车型: 单车; 起步价: 1元; 每分钟: 0.08元", "车型: 电单车; 起步价: 2.5元; 每分钟: 0.2元"]
)
SIZES = "\n\n".join(
    [
        "Size: S; Deposit: HK$100; Per hour: HK$20",
        "Size: M; Deposit: HK$150; Per hour: HK$30",
        "Size: XXL; Deposit: HK$300; Per hour: HK$55",
    ]
)


def test_a_chinese_label_in_the_table_whose_place_is_named_is_quoted() -> None:
    bj = _p("bikes#1", BIKES_BJ, "租车价格 > 北京")
    gz = _p("bikes#2", BIKES_GZ, "租车价格 > 广州")
    plan = _low("广州电单车每分钟多少钱", bj, gz)
    assert plan.mode == "extractive" and plan.passages[0].entry.id == "bikes#2"
    assert "电单车" in plan.passages[0].entry.display_text


def test_a_code_label_is_quoted_next_to_chinese() -> None:
    plan = _low("XXL押金多少", _p("lockers#1", SIZES, "Lockers"))
    assert plan.mode == "extractive" and "XXL" in plan.passages[0].entry.display_text
    plan = _low("deposit for XXL locker", _p("lockers#1", SIZES, "Lockers"))
    assert plan.mode == "extractive" and "XXL" in plan.passages[0].entry.display_text


@pytest.mark.parametrize(
    ("question", "passage"),
    [
        ("北京豪华单车起步价", _p("bikes#1", BIKES_BJ, "租车价格 > 北京")),
        ("北京双人单车每分钟多少钱", _p("bikes#1", BIKES_BJ, "租车价格 > 北京")),
        ("how much is the refrigerated XXL locker per hour", _p("lockers#1", SIZES, "Lockers")),
    ],
)
def test_a_label_with_a_qualifier_the_table_lacks_is_declined(
    question: str, passage: Passage
) -> None:
    plan = _plan(question, passage, mode="extractive")
    assert plan.mode == "declined" and plan.handoff


def test_the_named_label_without_a_qualifier_keeps_its_answer() -> None:
    plan = _plan("北京单车起步价", _p("bikes#1", BIKES_BJ, "租车价格 > 北京"), mode="extractive")
    assert plan.mode == "extractive"
    plan = _plan("hourly price on XXL", _p("lockers#1", SIZES, "Lockers"))
    assert plan.mode == "generated"
