"""IMEI, MEID and device serial numbers: alone when they look like an IMEI, or after their name."""

from __future__ import annotations

import pytest

from kefu.guard import detect_pii, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my IMEI is 356938035643809", "my IMEI is [IMEI]"),
        ("IMEI: 35-693803-564380-9", "IMEI: [IMEI]"),
        ("串号 356938035643809", "串号 [IMEI]"),
        ("手機IMEI係 35 693803 564380 9", "手機IMEI係 [IMEI]"),
        ("我部機IMEI 356938035643809 唔見咗", "我部機IMEI [IMEI] 唔見咗"),
        ("IMEI号码是 86 123456 789012 3", "IMEI号码是 [IMEI]"),
        # Alone: a Luhn-valid 15-digit IMEI, run together or grouped 2-6-6-1.
        ("356938035643809 was stolen", "[IMEI] was stolen"),
        ("phone 35-693803-564380-9 lost", "phone [IMEI] lost"),
        # After a name: 14-17 digits, no checksum (IMEISV, MEID, a typo).
        ("MEID 99000012345678", "MEID [IMEI]"),
        ("序列號：3569380356438091", "序列號：[IMEI]"),
        ("IMEI2 356938035643808", "IMEI2 [IMEI]"),
    ],
)
def test_imei_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_labelled_imei_outranks_a_card() -> None:
    # 378282246310005 is a valid American Express number: after "IMEI" it is the phone's.
    assert redact("imei 378282246310005") == "imei [IMEI]"
    assert [s.kind for s in detect_pii("IMEI 378282246310005")] == ["IMEI"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("card 378282246310005", "card [CARD]"),  # a bare 15-digit Amex stays a card
        ("卡号 356938035643809", "卡号 [CARD]"),  # after a card word, a card
        ("card 4111 1111 1111 1111", "card [CARD]"),
        ("Email a@b.com, card 4111 1111 1111 1111", "Email [EMAIL], card [CARD]"),
    ],
)
def test_cards_stay_cards(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "order 356938035643809 has not arrived",  # an order word before it
        "订单号 202411150012345",  # no IMEI prefix, no label
        "tracking 356938035643808",  # Luhn-invalid anyway
        "356938035643808 is my number",  # Luhn-invalid, no label
        "IMEI 1234",  # too short for any device number
        "IMEI 123456789012345678",  # 18 digits: too long
        "3569380356438091 2",  # 16 digits alone: not an IMEI
        "check the IMEI in settings",
    ],
)
def test_not_an_imei(text: str) -> None:
    assert all(s.kind != "IMEI" for s in detect_pii(text))


def test_phone_numbers_stay_phones() -> None:
    text = "IMEI 356938035643809, call me on 13800138000"
    assert redact(text) == "IMEI [IMEI], call me on [PHONE]"


def test_imei_kind_filter() -> None:
    assert redact("IMEI 356938035643809", kinds=["CARD"]) == "IMEI 356938035643809"
    assert redact("IMEI 356938035643809", kinds=["IMEI"]) == "IMEI [IMEI]"
