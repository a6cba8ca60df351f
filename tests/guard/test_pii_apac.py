"""Taiwan, Malaysian, Australian and Singapore personal data that black-box testers found
stored as typed (a Taipei home-care agency, a gym chain in Sydney and Kuala Lumpur, a dating
app in Singapore): national IDs, MyKad, Medicare, tax file numbers, BSBs, licences, local
mobiles and addresses. Each value here is new (not the testers' own), and each look-alike
must stay."""

from __future__ import annotations

import random

import pytest

from kefu.guard import detect_pii, redact
from kefu.guard.checksums import medicare_valid, mykad_valid, tfn_valid, tw_id_valid


def test_checksums() -> None:
    assert tw_id_valid("B204817363") and tw_id_valid("A800123450")
    assert not tw_id_valid("B204817361") and not tw_id_valid("A300123456")
    assert mykad_valid("781224-08-5131") and mykad_valid("950607145522")
    assert not mykad_valid("781324-08-5131")  # month 13
    assert not mykad_valid("780231-08-5131")  # 31 February
    assert not mykad_valid("781224-70-5131")  # place code 70 is never issued
    assert medicare_valid("3071 82643 2") and medicare_valid("41568823911")
    assert not medicare_valid("3071 82644 2") and not medicare_valid("1071826432")
    assert tfn_valid("876 543 210") and not tfn_valid("876 543 211")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # Taiwan
        ("我的身分證字號是 B204817363，幫我改地址", "TW_ID", "B204817363"),
        ("外公 K112349870 想申請長照", "TW_ID", "K112349870"),
        ("身份證號碼：Y287654301 打錯一碼也請處理", "TW_ID", "Y287654301"),
        ("居留證號碼 A800123450 的看護", "TW_ID", "A800123450"),
        ("手機 0933 221 457，晚上再打", "PHONE", "0933 221 457"),
        ("回電 0987-654-321 謝謝", "PHONE", "0987-654-321"),
        ("請打我手機0921456789", "PHONE", "0921456789"),
        ("text me on 0423 987 654 tonight", "PHONE", "0423 987 654"),  # Australian mobile
        ("健保卡號碼 0000 1234 5678 要帶嗎", "MEDICAL_ID", "0000 1234 5678"),
        (
            "家在新北市板橋區文化路二段 35 巷 6 號 5 樓",
            "ADDRESS",
            "新北市板橋區文化路二段 35 巷 6 號 5 樓",
        ),
        ("請寄到高雄市苓雅區四維三路2號", "ADDRESS", "高雄市苓雅區四維三路2號"),
        ("住在信義區松仁路 100 號", "ADDRESS", "信義區松仁路 100 號"),
        # Malaysia
        ("IC no: 781224-08-5131, can I get the student rate?", "MYKAD", "781224-08-5131"),
        ("my i/c 950607145522 for the form", "MYKAD", "950607145522"),
        ("身份证号码 020815-10-0987 请帮我登记", "MYKAD", "020815-10-0987"),
        ("member is 881130 14 6021 and she wants to pause", "MYKAD", "881130 14 6021"),
        ("NRIC: 930702-14-5011 pls update", "MYKAD", "930702-14-5011"),
        ("lives at 8 Jalan Tun Razak, KL", "ADDRESS", "8 Jalan Tun Razak"),
        # Australia
        ("Medicare no. 3071 82643 2, for the rebate", "MEDICARE", "3071 82643 2"),
        ("here is my medicare card 4156882391", "MEDICARE", "4156882391"),
        ("my card says 5921 34073 1 - the green one", "MEDICARE", "5921 34073 1"),
        ("tax file number: 876 543 210", "TFN", "876 543 210"),
        ("TFN 459012345 for payroll", "TFN", "459012345"),
        ("for super: 321 476 587", "TFN", "321 476 587"),
        ("BSB: 012-345, acct no 9876 5432", "BANK_ACCOUNT", "9876 5432"),
        ("BSB: 012-345, acct no 9876 5432", "BANK_ACCOUNT", "012-345"),
        ("driver's licence number VIC 045123987", "LICENCE", "045123987"),
        ("licence no. 19283746 attached", "LICENCE", "19283746"),
        # Singapore and US
        ("hp 9734 2210 for updates", "PHONE", "9734 2210"),
        ("my number is 87651234 ok", "PHONE", "87651234"),
        ("ship to 11 E 14th St apt 3C", "ADDRESS", "11 E 14th St apt 3C"),
        ("12A Lorong Chuan #02-15 is mine", "ADDRESS", "12A Lorong Chuan #02-15"),
        # a card after a card word, whatever its checksum
        ("charge my new card 4000 1234 5678 9011 please", "CARD", "4000 1234 5678 9011"),
        ("the visa 5105 1051 0510 5109 was declined", "CARD", "5105 1051 0510 5109"),
    ],
)
def test_found(text: str, kind: str, value: str) -> None:
    start = text.index(value)
    spans = {(s.kind, s.start, s.end) for s in detect_pii(text)}
    assert (kind, start, start + len(value)) in spans, detect_pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "order 0912-345-678 has not arrived",
        "訂單編號 A123456789 查詢",  # an order's number, and a plain ID needs capitals and a check
        "product code B204817361 out of stock",
        "booking ref 920315-08-6621 for the studio",
        "invoice 123 456 782 is overdue",
        "ref 3071 82643 2 is the claim",
        "我今年七十八歲，第一次申請",
        "在台北市大安區有分店嗎",
        "account 12345678 is mine",  # an account number with no BSB is the business's own
        "licence key ABCDE-12345",
        "the flight is 0912345678 minutes late",  # ten digits with no phone word
        "my number of visits is 12",
        "year 2019 and 2020 were busy",
        "81234567 is my member number",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    assert detect_pii(text) == [], detect_pii(text)


def test_the_testers_messages_are_redacted() -> None:
    assert redact("我爸爸 A123456789 住在台北市大安區復興南路一段 200 號 想請居服員每天來") == (
        "我爸爸 [TW_ID] 住在[ADDRESS] 想請居服員每天來"
    )
    assert redact("阿嬤的健保卡號 000012345678 要提供嗎") == "阿嬤的健保卡號 [MEDICAL_ID] 要提供嗎"
    assert redact("BSB 062-000 account 1234 5678, can you switch") == (
        "BSB [BANK_ACCOUNT] account [BANK_ACCOUNT], can you switch"
    )
    assert (
        redact("my driver licence is NSW 12345678, can I")
        == "my driver licence is NSW [LICENCE], can I"
    )
    assert redact("Pls unban, my IC S1234567D, my number is 91234567, hp 8123 4567") == (
        "Pls unban, my IC [NRIC], my number is [PHONE], hp [PHONE]"
    )


def test_random_digit_groups_are_rarely_ids() -> None:
    # 3-3-3 groups alone: one in eleven passes the TFN check, and none may without it.
    rng = random.Random(7)
    taken = 0
    for _ in range(500):
        value = " ".join(f"{rng.randrange(1000):03d}" for _ in range(3))
        found = [s.kind for s in detect_pii(f"code {value} done")]
        assert found in ([], ["TFN"])
        taken += bool(found)
        assert bool(found) == tfn_valid(value)
    assert taken < 80
