"""A request for a discount code or compensation is a ``promise``; a login or payment code that
never came, or a discount code that does not work, is an ordinary question (a fashion shop's
tester, 2026-11-30: "bank didnt send me the verification code for my visa" was refused)."""

from __future__ import annotations

import pytest

from kefu.guard.safety import assess


@pytest.mark.parametrize(
    "text",
    [
        "bank didnt send me the verification code for my visa",
        "can you send me the verification code again",
        "send me a new code",
        "the SMS code never arrived",
        "my discount code doesn't work",
        "验证码没收到",
        "给我发个验证码",
        "优惠码用不了",
        "你们给我发的优惠码用不了",
    ],
)
def test_codes_that_are_not_discounts_are_ordinary(text: str) -> None:
    assert assess(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "give me a discount code or I leave",
        "send me a 20% off code",
        "can you give me a voucher for the trouble",
        "给我一个优惠券补偿",
        "给我发个优惠券",
    ],
)
def test_asking_for_a_discount_or_compensation_is_a_promise(text: str) -> None:
    assert assess(text) == "promise"


@pytest.mark.parametrize(
    "text",
    [
        # A food-delivery tester, 2026-12-01: an allergic customer asking what is in the food
        # got the no-compensation reply and a queue place before the FAQ's allergen answer.
        "我花生过敏 可以保证没有花生吗",
        "I have a peanut allergy, can you guarantee there are no peanuts?",
        "can you guarantee the food is halal",
        "can you guarantee it's gluten free",
        "能保证不含牛奶吗",
    ],
)
def test_a_guarantee_about_what_is_in_the_product_is_a_question(text: str) -> None:
    assert assess(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I am allergic, guarantee me a refund if it has nuts",
        "保证没有花生，不然赔我钱",
        "can you guarantee my refund by friday",
        "你能保证明天送到吗",
    ],
)
def test_a_guarantee_of_money_or_a_date_stays_a_promise(text: str) -> None:
    assert assess(text) == "promise"
