"""A cell of a table whose columns are amount bands (term × amount), a row a lower table names
over the prose on top, and the cheapest row of a lower table over prose."""

from __future__ import annotations

import pytest

from kefu.dialogue import coverage
from kefu.dialogue.policy import Plan
from kefu.types import Entry, Passage

# A consumer-lending tester's rate table (2026-12-01), as the HTML loader stores it.
RATES = "\n\n".join(
    [
        "借款期限 Term: 3期 (3 months); 1,000–9,999元: 18.0%; 10,000–49,999元: 16.2%; "
        "50,000–200,000元: 14.4%",
        "借款期限 Term: 6期 (6 months); 1,000–9,999元: 17.2%; 10,000–49,999元: 15.6%; "
        "50,000–200,000元: 13.8%",
        "借款期限 Term: 12期 (12 months); 1,000–9,999元: 16.4%; 10,000–49,999元: 14.8%; "
        "50,000–200,000元: 12.6%",
        "借款期限 Term: 36期 (36 months); 1,000–9,999元: 不提供 not offered; "
        "10,000–49,999元: 13.2%; 50,000–200,000元: 10.8%",
    ]
)
EXAMPLE = (
    "借款10,000元、12期、年化利率14.8%，等额本息每月还款约902.5元，总利息约830元。A 10,000 "
    "yuan loan over 12 months at 14.8% APR costs about 902.5 yuan a month."
)
# My own: a car lease by months and yearly mileage bands.
LEASE = "\n\n".join(
    [
        "Lease: 24 months; 5000-9999 miles: £289; 10000-14999 miles: £315",
        "Lease: 36 months; 5000-9999 miles: £259; 10000-14999 miles: £281",
    ]
)


def _p(pid: str, text: str, title: str) -> Passage:
    return Passage(Entry(pid, "chunk", text, title=title), score=1.0)


def _rates() -> Passage:
    return _p(
        "rates#2", RATES, "FlashLend Rate Table > 按期限和金额的年化利率 APR by term and amount"
    )


def _example() -> Passage:
    return _p("rates#5", EXAMPLE, "FlashLend Rate Table > 计算示例 Worked example")


def _plan(question: str, *passages: Passage, mode: str = "generated") -> Plan:
    if mode == "declined":
        plan = Plan(mode, "en", list(passages[:3]), 0.3, True, reason="low")
    else:
        plan = Plan(mode, "en", list(passages[:3]), 0.9, reason="grounded generation")
    return coverage.check(plan, question, list(passages))


def _quoted(plan: Plan) -> str:
    assert plan.mode == "extractive", plan.reason
    return plan.passages[0].entry.display_text


@pytest.mark.parametrize(
    ("question", "cell"),
    [
        # The tester's words.
        ("what's the APR for 3 months on 5000 yuan", "3期 (3 months); 1,000–9,999元: 18.0%"),
        ("借1万分12期年化多少", "12期 (12 months); 10,000–49,999元: 14.8%"),
        ("借5万 36期 利率多少", "36期 (36 months); 50,000–200,000元: 10.8%"),
        ("借3000块3期 年化是多少", "3期 (3 months); 1,000–9,999元: 18.0%"),
        ("36期能借1万以下吗", "1,000–9,999元: 不提供"),
        ("这利率真要命 36期最低多少", "50,000–200,000元: 10.8%"),
        # Mine.
        ("rate for 6 months if i borrow 20k", "6期 (6 months); 10,000–49,999元: 15.6%"),
        ("借两万分六期 年化多少", "6期 (6 months); 10,000–49,999元: 15.6%"),
        ("十二个月 借8000 利率", "12期 (12 months); 1,000–9,999元: 16.4%"),
        ("highest APR for 12 months", "1,000–9,999元: 16.4%"),
    ],
)
def test_a_row_and_an_amount_in_a_band_pick_one_cell(question: str, cell: str) -> None:
    for mode in ("generated", "declined"):
        quoted = _quoted(_plan(question, _example(), _rates(), mode=mode))
        assert cell in quoted
        assert quoted.count("%") <= 1  # that one cell, not the row


def test_a_cell_of_another_banded_table() -> None:
    lease = _p("lease#1", LEASE, "Car lease prices")
    assert "£281" in _quoted(_plan("36 month lease doing 12000 miles a year", lease))


@pytest.mark.parametrize(
    "question",
    [
        "借一万十二期每个月还多少",  # the example's monthly payment, which the table lacks
        "what is the APR for 48 months on 5000 yuan",  # no 48-month row
        "APR for 3 months on 500000 yuan",  # in no band
        "APR for 3 months",  # no amount: no one cell
    ],
)
def test_no_single_cell_is_no_pick(question: str) -> None:
    plan = _plan(question, _example(), _rates(), mode="declined")
    assert plan.mode == "declined"


# A clinic's tester (2026-12-01): prose about an emergency caesarean came first.
PACKAGES = "\n\n".join(
    [
        "Package: Lotus Natural; Room: 2-bed room; Stay: 2 nights; Price (S$): 6,800",
        "Package: Lotus Natural Plus; Room: Single room; Stay: 2 nights; Price (S$): 8,200",
        "Package: Lotus Caesarean; Room: Single room; Stay: 4 nights; Price (S$): 12,500",
        "Package: Lotus Suite; Room: Suite; Stay: 4 nights; Price (S$): 16,900",
    ]
)
EXTRAS = (
    "For twins, add S$2,400 to any package for the second baby's care. An emergency caesarean "
    "during a Natural package is charged the difference to the Lotus Caesarean price."
)
SHANGHAI = "Our Shanghai clinic offers a natural delivery package at ¥38,000 and a caesarean one."


def _clinic(question: str, top: str) -> Plan:
    table = _p("delivery#2", PACKAGES, "Little Lotus Delivery Packages > Package prices")
    prose = _p("delivery#3", top, "Little Lotus Delivery Packages > Twins and extras")
    return _plan(question, prose, table)


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("how much is the Lotus Caesarean", "Lotus Caesarean"),
        ("how much is the caesarean package", "Lotus Caesarean"),
        ("what does the suite package cost", "Lotus Suite"),
    ],
)
def test_a_row_named_by_its_label_wins_over_prose(question: str, row: str) -> None:
    assert _quoted(_clinic(question, EXTRAS)).startswith(f"Package: {row};")


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("cheapest delivery package", "Lotus Natural;"),
        ("which delivery package is the most expensive", "Lotus Suite;"),
        ("最便宜的 delivery package", "Lotus Natural;"),
    ],
)
def test_the_cheapest_row_of_a_lower_table_wins_over_prose(question: str, row: str) -> None:
    assert _quoted(_clinic(question, SHANGHAI)).startswith(f"Package: {row}")


@pytest.mark.parametrize(
    "question",
    [
        "how much is an emergency caesarean",  # the prose's own subject
        "lotus suite price for twins",  # twins: said by the prose, not the row
        "cheapest delivery package in shanghai",
    ],
)
def test_prose_saying_what_the_row_lacks_keeps_its_answer(question: str) -> None:
    top = SHANGHAI if "shanghai" in question else EXTRAS
    plan = _clinic(question, top)
    assert plan.mode == "generated" and plan.passages[0].entry.id == "delivery#3"
