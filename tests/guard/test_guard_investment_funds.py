"""A fund chosen for the customer, asked in English or in written Cantonese, is personalised
investment advice (a red-team tester's were declined as unknown questions instead)."""

from __future__ import annotations

import pytest

from kefu.guard.safety import assess
from kefu.text.variants import to_mandarin


@pytest.mark.parametrize(
    "text",
    [
        "which of your funds would a smart person pick",
        "which fund should I pick at my age?",
        "what fund would you recommend for my pension pot",
        "我這個年紀應該揀邊隻基金？",
        "我應該買邊隻基金？",
    ],
)
def test_a_fund_chosen_for_the_customer_is_advice(text: str) -> None:
    assert assess(text) == "investment"


@pytest.mark.parametrize(
    "text",
    [
        "what funds should I have available for the transfer",
        "what funds do you offer?",
        "which funds can I transfer from?",
        "insufficient funds, which card should I use?",
        "邊種付款方式最快？",
    ],
)
def test_money_in_an_account_and_product_lists_are_not(text: str) -> None:
    assert assess(text) != "investment"


def test_cantonese_choice_words_read_as_mandarin() -> None:
    assert to_mandarin("揀邊隻") == "选哪只"
    assert to_mandarin("邊種") == "哪种"
