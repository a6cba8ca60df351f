"""National numbers of Japan, Korea, India, Canada, New Zealand, the Philippines, Indonesia and
Thailand and those countries' phones in national format (`kefu.guard.pii_world`); the last
testers' misses are in `test_pii_apac2.py`. Values are new (check digits computed here), and
each look-alike must stay."""

from __future__ import annotations

import random
import time

import pytest

from kefu.guard import detect_pii, redact
from kefu.guard.checksums import (
    aadhaar_valid,
    ird_valid,
    my_number_valid,
    rrn_valid,
    thai_id_valid,
)


def _with_check(prefix: str, valid: object) -> str:
    assert callable(valid)
    return next(prefix + d for d in "0123456789" if valid(prefix + d))


def test_checksums_on_published_examples() -> None:
    assert my_number_valid("123456789018") and not my_number_valid("123456789019")
    assert aadhaar_valid("2341 2341 2346") and not aadhaar_valid("2341 2341 2345")
    assert not aadhaar_valid("1341 2341 2346")  # never starts with 0 or 1
    assert thai_id_valid("1101700207030") and not thai_id_valid("1101700207031")
    # Inland Revenue's own examples, one needing the second weights, and a wrong one
    assert ird_valid("49091850") and ird_valid("35901981") and ird_valid("49098576")
    assert ird_valid("136410132") and not ird_valid("136410133")
    assert not ird_valid("9125568")  # below the range
    rrn = _with_check("880214" + "2" + "10457", rrn_valid)
    assert rrn_valid(rrn) and not rrn_valid(
        rrn[:6] + "-" + rrn[6:12] + str((int(rrn[12]) + 1) % 10)
    )
    assert not rrn_valid("881314" + "2104570")  # month 13


RRN = _with_check("880214" + "2" + "10457", rrn_valid)
THAI = _with_check("3" + "4012" + "00456" + "17", thai_id_valid)
MY_NUMBER = _with_check("30956621487", my_number_valid)
AADHAAR = _with_check("68041173259", aadhaar_valid)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # Japan
        (f"My Number: {MY_NUMBER[:4]} {MY_NUMBER[4:8]} {MY_NUMBER[8:]}", "MY_NUMBER", None),
        (f"マイナンバーは{MY_NUMBER}です", "MY_NUMBER", MY_NUMBER),
        ("个人编号 1234-5678-9013 (typo)", "MY_NUMBER", "1234-5678-9013"),
        # Korea: named any, alone with its check digit
        (f"주민등록번호 {RRN[:6]}-{RRN[6:]}", "RRN", None),
        ("resident registration number 201105-3000012", "RRN", "201105-3000012"),
        (f"it's {RRN[:6]}-{RRN[6:]} for the form", "RRN", None),
        (f"身份证号 {RRN[:6]}-{RRN[6:]}", "RRN", None),
        # India
        (f"Aadhaar no. {AADHAAR[:4]} {AADHAAR[4:8]} {AADHAAR[8:]}", "AADHAAR", None),
        ("my aadhar is 587322169041", "AADHAAR", "587322169041"),
        ("PAN: BQZPM5581K", "PAN", "BQZPM5581K"),
        ("my pan card number is bqzpm5581k", "PAN", "bqzpm5581k"),
        # Canada, New Zealand
        ("SIN 046 723 912", "SIN", "046 723 912"),
        ("my social insurance number is 046-723-912", "SIN", "046-723-912"),
        ("IRD number 49-091-850", "IRD", "49-091-850"),
        # Philippines, Indonesia, Thailand
        ("PhilSys 4409-1127-3365", "PHILSYS", "4409-1127-3365"),
        ("SSS no. 02-3381174-6", "SSS", "02-3381174-6"),
        ("NIK saya 3174025508910004", "NIK", "3174025508910004"),
        ("no. KTP 3174 0255 0891 0004", "NIK", "3174 0255 0891 0004"),
        (f"Thai ID {THAI[0]}-{THAI[1:5]}-{THAI[5:10]}-{THAI[10:12]}-{THAI[12]}", "TH_ID", None),
        (f"{THAI[0]} {THAI[1:5]} {THAI[5:10]} {THAI[10:12]} {THAI[12]}", "TH_ID", None),
        (f"my ID card number is {THAI}", "TH_ID", THAI),
        (f"national ID: {AADHAAR}", "AADHAAR", AADHAAR),
        # phones in national format near a phone word
        ("call me on 09012345678", "PHONE", "09012345678"),
        ("WhatsApp me on 98201 44739", "PHONE", "98201 44739"),
        ("mobile: 7718834092", "PHONE", "7718834092"),
        ("hp 0813 9920 447", "PHONE", "0813 9920 447"),
        ("nomor HP saya 081399204471", "PHONE", "081399204471"),
        ("call me on 09 377 2816", "PHONE", "09 377 2816"),
        ("โทร 0891142376", "PHONE", "0891142376"),
    ],
)
def test_found(text: str, kind: str, value: str | None) -> None:
    spans = detect_pii(text)
    assert [s.kind for s in spans] == [kind], (text, spans)
    expected = value if value is not None else text[spans[0].start : spans[0].end]
    assert spans[0].text == expected
    assert any(ch.isdigit() for ch in expected)


@pytest.mark.parametrize(
    "text",
    [
        f"Booking ref {MY_NUMBER}",
        f"tracking number {AADHAAR[:4]} {AADHAAR[4:8]} {AADHAAR[8:]}",
        f"gift card code {AADHAAR}",
        f"order {RRN[:6]}-{RRN[6:]} was cancelled",
        f"order ID {AADHAAR}",
        f"reference {THAI[0]}-{THAI[1:5]}-{THAI[5:10]}-{THAI[10:12]}-{THAI[12]}",
        "the SIN bin is full",
        "I sin 046 723 912 times",  # "sin" in lower case is a word
        "my pan is too hot to touch",
        "part number BQZPM5581K",  # a PAN's shape alone: no check, so only after its name
        "NIK is required on the form",
        "SKU 3174 0255 0891 0004",
        "I paid 98201 44739 won for it",
        "phone model 98201 44739 is sold out",
        "firmware version 98201 44739 for the phone",
        "call about order 08044172290",
        "the shop opens 09:00-18:00",
        "delivered 2024-06-03 at 07:30",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text) == text, detect_pii(text)


def test_lone_checked_shapes_are_rare_in_random_numbers() -> None:
    # Dashed 6-7 groups alone: a real date, a sex digit and a check digit keep out all but a
    # few in a hundred random ones; 1-4-5-2-1 groups (a shape nothing else is printed in) a
    # first digit 1-8 and a check digit all but one in twelve or so.
    rng = random.Random(11)
    rrn_like = [f"{rng.randrange(10**6):06d}-{rng.randrange(10**7):07d}" for _ in range(2000)]
    thai_like = [
        f"{rng.randrange(10)}-{rng.randrange(10**4):04d}-{rng.randrange(10**5):05d}"
        f"-{rng.randrange(100):02d}-{rng.randrange(10)}"
        for _ in range(2000)
    ]
    for values, rate in ((rrn_like, 0.03), (thai_like, 0.1)):
        found = sum(bool(detect_pii(f"see {v} here")) for v in values)
        assert found < len(values) * rate, found


def test_mixed_read_out_runs_stay_linear() -> None:
    def seconds(text: str) -> float:
        start = time.perf_counter()
        detect_pii(text)
        return time.perf_counter() - start

    unit = "07 double 4 1 2 3 "
    small, large = unit * 1000, unit * 10000
    assert seconds(large) < 30 * max(seconds(small), 0.01)
