from __future__ import annotations

from datetime import date

import pytest

from kefu.guard.checksums import (
    ascii_digits,
    cn_id_check_char,
    cn_id_mistyped,
    cn_id_valid,
    hkid_valid,
    iban_check_digits,
    iban_valid,
    luhn_check_digit,
    luhn_valid,
    nhs_check_digit,
    nhs_valid,
    ni_number_valid,
    nric_valid,
    ssn_valid,
)


@pytest.mark.parametrize(
    "number",
    [
        "4111111111111111",
        "4111 1111 1111 1111",
        "5500-0055-5555-5559",
        "378282246310005",
        "6011111111111117",
        "79927398713",
        "４１１１１１１１１１１１１１１１",
    ],
)
def test_luhn_accepts_known_valid_numbers(number: str) -> None:
    assert luhn_valid(number)


@pytest.mark.parametrize("number", ["4111111111111112", "1234567812345678", "79927398710", "7", ""])
def test_luhn_rejects_invalid_numbers(number: str) -> None:
    assert not luhn_valid(number)


def test_luhn_check_digit_completes_a_number() -> None:
    assert luhn_check_digit("411111111111111") == "1"
    assert luhn_check_digit("7992739871") == "3"


def test_cn_id_known_valid_and_invalid() -> None:
    assert cn_id_valid("11010519491231002X")
    assert cn_id_valid("11010519491231002x")
    assert cn_id_valid("１１０１０５１９４９１２３１００２Ｘ")
    assert not cn_id_valid("110105194912310021")  # wrong check character
    assert not cn_id_valid("11010519491231002")  # 17 characters
    assert not cn_id_valid("01010519491231002X")  # no region code starts with 0


def test_a_mistyped_cn_id_needs_a_province_and_a_real_birth_date() -> None:
    assert cn_id_mistyped("110105194912310021")  # wrong check character, Beijing, 1949-12-31
    assert cn_id_mistyped("11010519491231002X")  # a right one too
    assert not cn_id_mistyped("990105194912310021")  # no province 99
    assert not cn_id_mistyped("110105194902300021")  # 30 February
    assert not cn_id_mistyped("110105203001010021", today=date(2026, 1, 1))  # not born yet
    assert not cn_id_mistyped("11010519491231002")  # 17 characters


def test_cn_id_check_char_matches_hand_computation() -> None:
    # sum(d*w) for 11010519491231002 = 167; 167 % 11 = 2 -> "X"
    assert cn_id_check_char("11010519491231002") == "X"
    with pytest.raises(ValueError):
        cn_id_check_char("123")


def test_cn_id_rejects_impossible_or_future_birth_dates() -> None:
    def make(birth: str) -> str:
        first17 = "110105" + birth + "002"
        return first17 + cn_id_check_char(first17)

    assert cn_id_valid(make("20000229"))
    assert not cn_id_valid(make("19990229"))  # not a leap year
    assert not cn_id_valid(make("19491331"))
    assert not cn_id_valid(make("18891231"))
    assert not cn_id_valid(make("20300101"), today=date(2026, 1, 1))


@pytest.mark.parametrize(
    "value",
    [
        "GB82WEST12345698765432",
        "GB82 WEST 1234 5698 7654 32",
        "DE89370400440532013000",
        "FR1420041010050500013M02606",
        "NL91ABNA0417164300",
        "BE68539007547034",
    ],
)
def test_iban_known_valid(value: str) -> None:
    assert iban_valid(value)


@pytest.mark.parametrize(
    "value",
    [
        "GB82WEST12345698765433",
        "GB00WEST12345698765432",
        "GB82WEST1234569876543",
        "XX82WEST12345698765432",
        "DE8937040044053201300",
        "",
    ],
)
def test_iban_invalid(value: str) -> None:
    assert not iban_valid(value)


def test_iban_check_digits_round_trip() -> None:
    assert iban_check_digits("GB", "WEST12345698765432") == "82"
    assert iban_check_digits("DE", "370400440532013000") == "89"


@pytest.mark.parametrize("value", ["123-45-6789", "001-01-0001", "899-99-9999", "665-12-3456"])
def test_ssn_valid(value: str) -> None:
    assert ssn_valid(value)


@pytest.mark.parametrize(
    "value", ["000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "12-345"]
)
def test_ssn_invalid(value: str) -> None:
    assert not ssn_valid(value)


def test_ascii_digits_folds_full_width() -> None:
    assert ascii_digits("电话１３８ｘ") == "电话138X"


def test_nhs_modulus_11() -> None:
    # NHS Digital's worked example: 943 476 591 -> weights 10..2 sum 299, 299 mod 11 = 2,
    # 11 - 2 = 9
    assert nhs_check_digit("943476591") == "9"
    assert (
        nhs_valid("943 476 5919") and nhs_valid("9434765919") and nhs_valid("４８５７７７３４５７")
    )
    assert not nhs_valid("4857773456")  # the tester's number: its check digit would be 7
    assert nhs_check_digit("000000000") == "0"  # 11 - 0 = 11 -> 0
    # a remainder of 1 asks for a check digit of 10: no number has those nine digits
    assert nhs_check_digit("000000006") is None  # 6 x 2 = 12, 12 mod 11 = 1
    assert not any(nhs_valid(f"000000006{c}") for c in "0123456789")
    assert not nhs_valid("943476591") and not nhs_valid("94347659190")
    with pytest.raises(ValueError):
        nhs_check_digit("94347659")


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("AB123456C", True),
        ("ab 12 34 56 c", True),
        ("JG103793B", True),
        ("QQ123456C", False),  # HMRC's example: Q is never a first letter
        ("DA123456A", False),
        ("AO123456A", False),  # O is never a second letter
        ("GB123456A", False),
        ("NK123456A", False),
        ("ZZ123456A", False),
        ("AB123456E", False),  # suffix A-D
        ("AB12345C", False),
        ("A1123456C", False),
    ],
)
def test_ni_number_prefix_rules(value: str, ok: bool) -> None:
    assert ni_number_valid(value) is ok


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        # the Immigration Department's example, a two-letter prefix, check digit A (10)
        ("A123456(3)", True),
        ("AB123456(9)", True),
        ("G123456(A)", True),
        ("a1234563", True),
        ("A123456 (３)", True),
        # the testers' numbers: typed by people, the check digits are wrong
        ("A123456(7)", False),
        ("Z987654(3)", False),
        ("K555111(2)", False),
        ("A123456", False),
        ("ABC123456(1)", False),
        ("1123456(3)", False),
    ],
)
def test_hkid_check_digit(value: str, valid: bool) -> None:
    assert hkid_valid(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        # the commonly published examples of each series
        ("S1234567D", True),
        ("T1234567J", True),
        ("F1234567N", True),
        ("G1234567X", True),
        ("M1234567K", True),
        ("s1234567d", True),
        # the tester's number, a wrong letter, a prefix no series has, a short number
        ("S8812345D", False),
        ("S1234567A", False),
        ("A1234567D", False),
        ("S123456D", False),
    ],
)
def test_nric_check_letter(value: str, valid: bool) -> None:
    assert nric_valid(value) is valid
