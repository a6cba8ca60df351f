"""Hong Kong and Singapore identifiers (black-box reports I F1, H 8 and 8b): HKID, NRIC/FIN,
8-digit local phone numbers near a phone word, plates after a plate word, and Hong Kong and
Singapore addresses."""

from __future__ import annotations

import random

import pytest

from kefu.guard import detect_pii, redact
from kefu.guard.pii import redact_repeated


def found(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in detect_pii(text)]


POSITIVES = [
    # named: a wrong or missing check digit is still the customer's number
    ("香港身份证号码 A123456(7)，想预约洗牙", "HKID", "A123456(7)"),
    ("HKID Z987654(3)", "HKID", "Z987654(3)"),
    ("My HKID is K555111(2).", "HKID", "K555111(2)"),
    ("我的身份證號碼係 A123456(7)", "HKID", "A123456(7)"),
    ("hk id card no. AB123456 (9) pls", "HKID", "AB123456 (9)"),
    ("Hong Kong identity card: c6686681", "HKID", "c6686681"),
    ("身份证：Y654321（4）", "HKID", "Y654321（4）"),
    ("HKID A123456", "HKID", "A123456"),
    # alone: capitals and a right check digit, bracketed or run on
    ("it's A123456(3) on the card", "HKID", "A123456(3)"),
    ("登记 AB123456(9) 谢谢", "HKID", "AB123456(9)"),
    ("G123456(A)", "HKID", "G123456(A)"),
    ("A1234563", "HKID", "A1234563"),
    # Singapore NRIC/FIN: named, checksum or not; a licence number is the NRIC
    ("my NRIC is S8812345D", "NRIC", "S8812345D"),
    ("driver licence no. S8812345D", "NRIC", "S8812345D"),
    ("FIN: g7654321q", "NRIC", "g7654321q"),
    ("IC number T0312345Z", "NRIC", "T0312345Z"),
    ("我的驾照号是S8812345D", "NRIC", "S8812345D"),
    ("身份證號碼 S8812345D", "NRIC", "S8812345D"),
    # alone with a right check letter
    ("S1234567D", "NRIC", "S1234567D"),
    ("please use T1234567J for the booking", "NRIC", "T1234567J"),
    ("F1234567N and", "NRIC", "F1234567N"),
    ("M1234567K", "NRIC", "M1234567K"),
    # 8-digit Hong Kong and Singapore numbers near a phone word
    ("my singapore mobile 9123 4567, pls call", "PHONE", "9123 4567"),
    ("My Hong Kong mobile is 6123 4567", "PHONE", "6123 4567"),
    ("whatsapp me on 91234567", "PHONE", "91234567"),
    ("tel: 6123-4567", "PHONE", "6123-4567"),
    ("call me tomorrow morning on 5123 4567", "PHONE", "5123 4567"),
    ("9876 5432 is my mobile", "PHONE", "9876 5432"),
    ("我的电话是 9123 4567", "PHONE", "9123 4567"),
    ("手機：98765432", "PHONE", "98765432"),
    ("請聯絡我 6123 4567", "PHONE", "6123 4567"),
    # plates, only after a plate word
    ("plate 沪A12345", "PLATE", "沪A12345"),
    ("车牌 沪B88K21", "PLATE", "沪B88K21"),
    ("plate SGX1234A", "PLATE", "SGX1234A"),
    ("car plate number: AB 1234", "PLATE", "AB 1234"),
    ("車牌號碼係粵B·12345", "PLATE", "粵B·12345"),
    ("registration number sgx1234a", "PLATE", "sgx1234a"),
]


@pytest.mark.parametrize(("text", "kind", "value"), POSITIVES)
def test_hong_kong_and_singapore_identifiers_are_found(text: str, kind: str, value: str) -> None:
    assert found(text) == [(kind, value)]


NEGATIVES = [
    # product codes: a letter and six digits with no check digit, or a wrong one, unnamed
    "product code A123456 is out of stock",
    "型号 A123456 有货吗",
    "SKU B1234567 and part A123456(7)",
    "order AB1234567, ticket Z9876543",
    # lower case or a wrong check letter, unnamed
    "s1234567d and S1234567A and S8812345D",
    # 8-digit runs without a phone word: order, booking, tracking numbers
    "order 91234567 has not arrived",
    "订单号 91234567 还没发货",
    "訂單編號 6123 4567",
    "booking ref 81234567",
    # a phone word, but an order word between it and the number
    "I called about order 91234567 yesterday",
    "你们电话说订单 91234567 已发货",
    # prices, times, dates, a card's group
    "手机 HK$ 9123 一部，HK$9123 4567 total",
    "call me at 9:15 or 21:30",
    "phone bill 2024-05-31, 20240531",
    "call about card 4111 1111 1111 1111",
    "phone number 12345678",
    # plate words without a plate, a plate-shaped code without a plate word
    "plate 2 is cracked, the plate is fine, 车牌 办理要多久",
    "沪A12345 and SGX1234A",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives_are_not_taken(text: str) -> None:
    assert [k for k, _ in found(text) if k in ("HKID", "NRIC", "PHONE", "PLATE")] == []


ADDRESSES = [
    ("住在九龙旺角弥敦道688号12楼B室", "九龙旺角弥敦道688号12楼B室"),
    ("地址係香港中環皇后大道中99號", "香港中環皇后大道中99號"),
    ("我住喺旺角彌敦道688號12樓B室", "旺角彌敦道688號12樓B室"),
    ("寄到銅鑼灣軒尼詩道500號A座3樓", "銅鑼灣軒尼詩道500號A座3樓"),
    ("住在弥敦道688号", "弥敦道688号"),
    # the district that ends the sentence after a street is the address's own (a suburb)
    ("Flat B, 12/F, 688 Nathan Road, Mong Kok", "Flat B, 12/F, 688 Nathan Road, Mong Kok"),
    (
        "Room 1203, 12th Floor, 8 Queen's Road Central",
        "Room 1203, 12th Floor, 8 Queen's Road Central",
    ),
    ("14 Orchard Road #05-01", "14 Orchard Road #05-01"),
    ("Blk 123 Ang Mo Kio Ave 3 #05-01", "Blk 123 Ang Mo Kio Ave 3 #05-01"),
    ("ship to Singapore 560123", "Singapore 560123"),
]


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_hong_kong_and_singapore_addresses_are_whole(text: str, address: str) -> None:
    assert found(text) == [("ADDRESS", address)]


@pytest.mark.parametrize(
    "text",
    [
        "我知道3号到货",
        "频道5号在播",
        "通道2号",
        "英皇道",
        "the 2nd Floor is closed",
        "Singapore 2024",
    ],
)
def test_words_with_dao_or_floors_alone_are_no_address(text: str) -> None:
    assert found(text) == []


def test_redact_the_testers_messages() -> None:
    assert redact("我叫陈美玲，香港身份证号码 A123456(7)，出生日期1979年8月3日，想预约洗牙") == (
        "我叫陈美玲，香港身份证号码 [HKID]，出生日期[DOB]，想预约洗牙"
    )
    assert redact(
        "我的电话是 9123 4567，电邮 meiling.chan@example.hk，住在九龙旺角弥敦道688号12楼B室"
    ) == ("我的电话是 [PHONE]，电邮 [EMAIL]，住在[ADDRESS]")
    assert redact("My HKID is K555111(2) and my Hong Kong mobile is 6123 4567") == (
        "My HKID is [HKID] and my Hong Kong mobile is [PHONE]"
    )
    assert redact(
        "我的身份證號碼係 A123456(7)，電話 +852 9123 4567，地址係香港中環皇后大道中99號"
    ) == ("我的身份證號碼係 [HKID]，電話 [PHONE]，地址係[ADDRESS]")
    assert (
        redact(
            "my NRIC is S8812345D and my singapore mobile 9123 4567, pls call me about the scratch"
        )
        == "my NRIC is [NRIC] and my singapore mobile [PHONE], pls call me about the scratch"
    )
    assert redact("driver licence no. S8812345D") == "driver licence no. [NRIC]"
    assert redact("14 Orchard Road #05-01") == "[ADDRESS]"
    assert redact("plate 沪A12345, 车牌 沪B88K21, plate SGX1234A") == (
        "plate [PLATE], 车牌 [PLATE], plate [PLATE]"
    )


def test_redact_repeated_knows_an_id_however_it_is_bracketed() -> None:
    reply = "We have HKID A1234567 and NRIC s8812345d on file; call 9123-4567."
    assert redact_repeated(reply, "HKID A123456(7), NRIC S8812345D, mobile 9123 4567") == (
        "We have HKID [HKID] and NRIC [NRIC] on file; call [PHONE]."
    )


def test_random_product_codes_are_not_hkids_or_nrics() -> None:
    # Unnamed, only a right check digit makes a code an ID: a letter and six digits never, and
    # of codes with a check digit about one in eleven, never all of them.
    rng = random.Random(7)
    bare = [f"code {rng.choice('ABCKZ')}{rng.randrange(10**6):06d} ok" for _ in range(500)]
    assert not [t for t in bare if detect_pii(t)]
    checked = [f"code {rng.choice('ABCKZ')}{rng.randrange(10**7):07d} ok" for _ in range(1100)]
    hits = sum(1 for t in checked if detect_pii(t))
    assert 50 < hits < 150


def test_random_order_numbers_without_a_phone_word_stay() -> None:
    rng = random.Random(11)
    texts = [f"order {rng.randrange(4 * 10**7, 10**8)} is late" for _ in range(1000)]
    texts += [
        f"订单 {rng.randrange(4000, 10000)} {rng.randrange(10000):04d} 没到" for _ in range(500)
    ]
    assert not [t for t in texts if detect_pii(t)]
