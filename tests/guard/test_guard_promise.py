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
