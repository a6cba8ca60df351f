"""UK patient and tax numbers (QA report F, finding 13): NHS/CHI/H&C and National Insurance
numbers."""

from __future__ import annotations

import random

import pytest

from kefu.guard import detect_pii, redact
from kefu.guard.pii import redact_repeated


def found(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in detect_pii(text)]


POSITIVES = [
    # the tester's messages: a checksum that fails (4857773456) is still their NHS number
    ("nhs no: 4857773456", "NHS", "4857773456"),
    ("my NHS no is 4857773456 and is my flu jab booked", "NHS", "4857773456"),
    ("NHS number 943 476 5919, repeat prescription", "NHS", "943 476 5919"),
    ("NI number QQ 12 34 56 C", "NI", "QQ 12 34 56 C"),
    ("AB123456C", "NI", "AB123456C"),
    # named, other spellings and languages
    ("My NHS number: 485-777-3457.", "NHS", "485-777-3457"),
    ("NHS No. 4857773457 please", "NHS", "4857773457"),
    ("我的NHS号码是4857773456，疫苗约好了吗？", "NHS", "4857773456"),
    ("NHS编号：485 777 3456", "NHS", "485 777 3456"),
    ("CHI number 0101801234", "NHS", "0101801234"),
    ("my CHI is 0101801234", "NHS", "0101801234"),
    ("H&C number 320 000 0001", "NHS", "320 000 0001"),
    # printed 3-3-4 with spaces and a right check digit needs no name
    ("it's 485 777 3457 on my letter", "NHS", "485 777 3457"),
    ("号码是 485 777 3457，谢谢", "NHS", "485 777 3457"),
    # National Insurance numbers
    ("national insurance number ab 123456", "NI", "ab 123456"),
    ("my National Insurance no. is JG 10 37 93 B", "NI", "JG 10 37 93 B"),
    ("NINO: AB 12 34 56 C", "NI", "AB 12 34 56 C"),
    ("我的国民保险号码QQ123456C，请登记", "NI", "QQ123456C"),
    ("NI号码是 ab123456c。", "NI", "ab123456c"),
    ("for HMRC: JG 10 37 93 B thanks", "NI", "JG 10 37 93 B"),
]


@pytest.mark.parametrize(("text", "kind", "value"), POSITIVES)
def test_uk_numbers_are_found(text: str, kind: str, value: str) -> None:
    assert found(text) == [(kind, value)]


NEGATIVES = [
    # a bare 10-digit run passes the check one time in eleven: an order number, not a patient
    "order 4857773457 is late",
    "订单号4857773457还没到",
    # printed 3-3-4 with a wrong check digit, a first digit no NHS number has, or more groups
    "ref 485 777 3456 and 543 476 5919 and 1234 485 777 3457",
    "tracking 485 777 3457 12",
    # NHS words without a number
    "NHS 111 is free, is the NHS number on my prescription?",
    "tai chi 0101801234 and chi 4857773457",
    # NI shapes off: a prefix never issued with no name, lower case with no name, mixed spacing
    "GB123456A, QQ123456C, ZZ 12 34 56 D, ab123456c, AB 123456 C, AB123456E",
    "ni 1234, NI number 12345, national insurance contributions",
    "我的国民保险缴了10年",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_uk_hard_negatives_are_no_nhs_or_ni_number(text: str) -> None:
    # a 3-3-4 group may still be a US phone number: that is the phone rules' business
    assert [kind for kind, _ in found(text) if kind in ("NHS", "NI")] == []


def test_a_named_or_printed_nhs_number_is_no_phone() -> None:
    # "943 476 5919" has a US phone's shape: the tester saw it stored as [PHONE]
    assert found("NHS number 943 476 5919") == [("NHS", "943 476 5919")]
    assert found("485 777 3457") == [("NHS", "485 777 3457")]
    # dashed, with no name, it stays a phone; so does a +1 number's national part
    assert found("485-777-3457") == [("PHONE", "485-777-3457")]
    assert found("call +1 485 777 3457") == [("PHONE", "+1 485 777 3457")]


def test_redact_the_testers_messages() -> None:
    assert redact(
        "Hi, I'm Margaret Holloway, DOB 14/03/1958, NHS number 943 476 5919, can you check "
        "my repeat prescription is ready? call me on 07700 900123"
    ) == (
        "Hi, I'm Margaret Holloway, DOB [DOB], NHS number [NHS], can you check my repeat "
        "prescription is ready? call me on [PHONE]"
    )
    assert (
        redact("my NHS no is 4857773456 and my date of birth is 2 July 1985, is my flu jab booked")
        == "my NHS no is [NHS] and my date of birth is [DOB], is my flu jab booked"
    )
    assert redact("NI number QQ 12 34 56 C") == "NI number [NI]"
    assert redact("我的NHS号码是4857773456，国民保险号码AB123456C") == (
        "我的NHS号码是[NHS]，国民保险号码[NI]"
    )
    assert redact("nhs no: 4857773456", style="mask") == "nhs no: [NHS]"


def test_redact_repeated_knows_a_number_however_it_is_spaced() -> None:
    reply = "Your NHS number 485 777 3456 and NI number AB 12 34 56 C are on file."
    assert redact_repeated(reply, "nhs no: 4857773456, NI number ab123456c") == (
        "Your NHS number [NHS] and NI number [NI] are on file."
    )


def test_random_order_numbers_are_not_nhs_numbers() -> None:
    # One 10-digit run in eleven passes modulus 11: none may become an NHS number unnamed.
    rng = random.Random(13)
    runs = [f"order {rng.randrange(10**10):010d} is late" for _ in range(2000)]
    assert not [t for t in runs if any(s.kind == "NHS" for s in detect_pii(t))]


def test_bank_details_are_redacted_where_they_are_named() -> None:
    """An energy customer's refund details (QA report G, finding 9): the sort code after its
    name, the account number beside it or after "bank account" / 银行账号. A bare "account
    number" is usually the business's own customer number, which its agents need."""
    assert (
        redact("please refund to sort code 20-45-77 account 12345678")
        == "please refund to sort code [BANK_ACCOUNT] account [BANK_ACCOUNT]"
    )
    assert redact("Sort code: 204577, account no. 12345678") == (
        "Sort code: [BANK_ACCOUNT], account no. [BANK_ACCOUNT]"
    )
    assert redact("account 12345678 sort code 20 45 77") == (
        "account [BANK_ACCOUNT] sort code [BANK_ACCOUNT]"
    )
    assert (
        redact("my bank account number is 31926819") == "my bank account number is [BANK_ACCOUNT]"
    )
    assert (
        redact("退款请打到我的银行账号 6222020200112233445")
        == "退款请打到我的银行账号 [BANK_ACCOUNT]"
    )
    for ordinary in (
        "my account number is 12345678, why is my bill so high",
        "order 20-45-77 arrived",
        "the sort code field is empty",
        "my account was charged twice on 12-05-24",
    ):
        assert redact(ordinary) == ordinary, ordinary
