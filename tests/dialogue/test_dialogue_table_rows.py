"""Table look-ups for a row the table lacks are declined; a row the question names is quoted."""

from __future__ import annotations

import pytest

from kefu.dialogue import coverage
from kefu.dialogue.policy import Plan
from kefu.types import Entry, Passage

PLANS = "\n\n".join(
    [
        "Plan: Basic 10GB; Data: 10GB; Price per month: HK$90",
        "Plan: Plus 40GB; Data: 40GB; Price per month: HK$150",
        "Plan: Max 200GB; Data: 200GB; Price per month: HK$260",
    ]
)
NOTES = "The Plus plan is for customers over 18. Every plan includes unlimited calls."
ROAMING = "\n\n".join(
    [
        "Country: Japan; Day pass: HK$58",
        "Country: Thailand; Day pass: HK$48",
        "Country: Canada; Day pass: HK$88",
    ]
)
NO_PASS = "Russia and Africa have no day pass: data there costs HK$60 per MB."
FARES = "\n\n".join(
    [
        "Fare class: Basic; Asia: 1 piece, 20 kg; Europe: 1 piece, 23 kg",
        "Fare class: Comfort; Asia: 2 pieces, 23 kg; Europe: 2 pieces, 23 kg",
    ]
)


def _p(pid: str, text: str, title: str = "Prices") -> Passage:
    return Passage(Entry(pid, "chunk", text, title=title), score=1.0)


def _plan(question: str, *passages: Passage) -> Plan:
    plan = Plan("generated", "en", list(passages[:3]), 0.9, reason="grounded generation")
    return coverage.check(plan, question, list(passages))


@pytest.mark.parametrize(
    "question",
    [
        "How much is the Lite 20GB plan?",
        "What's the price of the Business 500GB plan?",
    ],
)
def test_a_plan_size_no_row_has_is_declined(question: str) -> None:
    plan = _plan(question, _p("plans#1", PLANS))
    assert plan.mode == "declined" and plan.handoff


def test_a_fare_class_no_row_has_is_declined() -> None:
    plan = _plan("how much checked baggage on Premium Economy to Europe", _p("bags#1", FARES))
    assert plan.mode == "declined" and plan.handoff
    plan = _plan("how much checked baggage on Comfort to Europe", _p("bags#1", FARES))
    assert plan.mode == "generated"  # the row is there; the question names it


def test_the_row_named_is_quoted_even_below_other_text() -> None:
    plan = _plan(
        "How much is the Plus 40GB plan per month?", _p("notes", NOTES), _p("plans#1", PLANS)
    )
    assert plan.mode == "extractive" and plan.passages[0].entry.id == "plans#1"
    plan = _plan("roaming price canada per day", _p("nopass", NO_PASS), _p("roam#1", ROAMING))
    assert plan.mode == "extractive" and plan.passages[0].entry.id == "roam#1"


def test_a_country_no_row_has_is_declined() -> None:
    plan = _plan("roaming day pass price in Vietnam", _p("nopass", NO_PASS), _p("roam#1", ROAMING))
    assert plan.mode == "declined"


def test_text_that_speaks_of_the_item_keeps_its_answer() -> None:
    plan = _plan("is there a day pass in Russia", _p("nopass", NO_PASS), _p("roam#1", ROAMING))
    assert plan.mode == "generated" and plan.passages[0].entry.id == "nopass"
    plan = _plan("who can get the Plus plan?", _p("notes", NOTES), _p("plans#1", PLANS))
    assert plan.mode == "generated"
