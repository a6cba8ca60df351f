from __future__ import annotations

import itertools
import time

import pytest

from kefu.guard import KINDS, PIISpan, detect_pii, redact


def found(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in detect_pii(text) if kind is None or s.kind == kind]


# ---- positives: (text, kind, exact value expected) ----------------------------------------

POSITIVES = [
    ("Email me at john.doe@example.com.", "EMAIL", "john.doe@example.com"),
    ("我的邮箱是zhangwei88@qq.com谢谢", "EMAIL", "zhangwei88@qq.com"),
    ("reply to a_b+orders@mail.example.co.uk, thanks", "EMAIL", "a_b+orders@mail.example.co.uk"),
    ("Call +44 20 7946 0958 today", "PHONE", "+44 20 7946 0958"),
    ("US office +1 (415) 555-0132.", "PHONE", "+1 (415) 555-0132"),
    ("or dial 415-555-0132 please", "PHONE", "415-555-0132"),
    ("or (415) 555-0132", "PHONE", "(415) 555-0132"),
    ("我的手机号13800138000，谢谢", "PHONE", "13800138000"),
    ("手机：+86 138 0013 8000", "PHONE", "+86 138 0013 8000"),
    ("电话 86 13800138000", "PHONE", "86 13800138000"),
    ("电话138 0013 8000。", "PHONE", "138 0013 8000"),
    ("电话138-0013-8000。", "PHONE", "138-0013-8000"),
    ("phone 0086 13912345678", "PHONE", "0086 13912345678"),
    ("手机0086-139-1234-5678。", "PHONE", "0086-139-1234-5678"),
    ("cvv 123", "CVV", "123"),
    ("the CVV: 123, thanks", "CVV", "123"),
    ("security code is 4321", "CVV", "4321"),
    ("安全码 123", "CVV", "123"),
    ("卡背面安全码是456。", "CVV", "456"),
    ("exp 12/27", "CARD_EXPIRY", "12/27"),
    ("Expires 01/2029.", "CARD_EXPIRY", "01/2029"),
    ("valid thru 09-30", "CARD_EXPIRY", "09-30"),
    ("有效期 12/27", "CARD_EXPIRY", "12/27"),
    # more expiry words (finding 4)
    ("it is expiring 09/28", "CARD_EXPIRY", "09/28"),
    ("expires on 12/2027.", "CARD_EXPIRY", "12/2027"),
    ("expiry date: 01/29", "CARD_EXPIRY", "01/29"),
    ("valid until 09/28", "CARD_EXPIRY", "09/28"),
    ("卡到期 09/28", "CARD_EXPIRY", "09/28"),
    ("到期日期：09/28", "CARD_EXPIRY", "09/28"),
    ("全角１３８００１３８０００也行", "PHONE", "１３８００１３８０００"),
    ("座机010-12345678", "PHONE", "010-12345678"),
    ("座机010 65529988", "PHONE", "010 65529988"),
    ("电话0755 1234 5678。", "PHONE", "0755 1234 5678"),
    ("London +44 (0)20 7946 0958", "PHONE", "+44 (0)20 7946 0958"),
    ("toll free 1-800-555-0199", "PHONE", "1-800-555-0199"),
    ("座机0755-1234567转8", "PHONE", "0755-1234567"),
    # UK mobiles in national format (QA report B, finding 5)
    ("my mobile is 07700 900123", "PHONE", "07700 900123"),
    ("my mobile is 07700900123", "PHONE", "07700900123"),
    ("text me on 07911 123456", "PHONE", "07911 123456"),
    ("my mobile: 07911123456", "PHONE", "07911123456"),
    ("call 07911 123 456.", "PHONE", "07911 123 456"),
    ("She's Priya Shah, 07700 900456.", "PHONE", "07700 900456"),
    # UK landlines in national format (QA report B: "UK landlines are not redacted")
    ("call me at home on 020 7946 0018", "PHONE", "020 7946 0018"),
    ("our number is (020) 7946 0018.", "PHONE", "(020) 7946 0018"),
    ("Manchester office 0161 496 0000", "PHONE", "0161 496 0000"),
    ("ring 0161-496-0000 after six", "PHONE", "0161-496-0000"),
    ("landline 01632 960123, evenings", "PHONE", "01632 960123"),
    ("(01632) 960123", "PHONE", "(01632) 960123"),
    ("home 02079460018", "PHONE", "02079460018"),
    # medical record numbers (QA report B, finding 5): the name stays, the value goes
    ("pet record MR-448812", "MRN", "MR-448812"),
    ("patient MRN 00448812", "MRN", "00448812"),
    ("my medical record number 448812", "MRN", "448812"),
    ("medical record no. A448812.", "MRN", "A448812"),
    ("hospital number: 1234567", "MRN", "1234567"),
    ("病历号 448812", "MRN", "448812"),
    ("我的病历号是448812，谢谢", "MRN", "448812"),
    ("住院号：20231234", "MRN", "20231234"),
    ("Card 4111 1111 1111 1111 ok?", "CARD", "4111 1111 1111 1111"),
    ("卡号4111-1111-1111-1111", "CARD", "4111-1111-1111-1111"),
    ("amex 378282246310005.", "CARD", "378282246310005"),
    ("amex 3782 822463 10005", "CARD", "3782 822463 10005"),
    ("卡号 ４１１１１１１１１１１１１１１１", "CARD", "４１１１１１１１１１１１１１１１"),
    # after a card word, a long digit run is a card whatever its checksum: a customer's typo
    # still leaks their real digits (e-invoicing and hotel testers, finding 1)
    ("银行卡6222021234567890123，谢谢", "CARD", "6222021234567890123"),
    ("银行卡6222021234567800003", "CARD", "6222021234567800003"),
    ("我的信用卡号是 6222 0212 3456 7890 123。", "CARD", "6222 0212 3456 7890 123"),
    ("卡号4111111111111112不对", "CARD", "4111111111111112"),  # was a hard negative
    ("卡号：1234-5678-9012-3456", "CARD", "1234-5678-9012-3456"),
    ("借记卡 1234567890123", "CARD", "1234567890123"),
    ("card number: 1234 5678 9012 3456", "CARD", "1234 5678 9012 3456"),
    ("Card No. 4111111111111112 please", "CARD", "4111111111111112"),
    ("my credit card is 5500-0055-5555-5550.", "CARD", "5500-0055-5555-5550"),
    ("debit card 6011 0009 9013 9425 1", "CARD", "6011 0009 9013 9425 1"),
    ("my card is 4111 1111 1111 1112", "CARD", "4111 1111 1111 1112"),
    ("卡号 4111 1111 1111 1111 2 张", "CARD", "4111 1111 1111 1111"),
    # passport numbers after their name (finding 2): the name stays, the value goes
    ("My passport number is 533380006", "PASSPORT", "533380006"),
    ("passport no. E1234567X, thanks", "PASSPORT", "E1234567X"),
    ("Passport: GB1234567", "PASSPORT", "GB1234567"),
    ("我的护照号是E12345678", "PASSPORT", "E12345678"),
    ("护照号码：G12345678，谢谢", "PASSPORT", "G12345678"),
    ("护照 P1234567", "PASSPORT", "P1234567"),
    # dates of birth after their name (finding 3); ordinary dates stay (NEGATIVES)
    ("my date of birth is 12/03/1985", "DOB", "12/03/1985"),
    ("DOB: 1985-03-12.", "DOB", "1985-03-12"),
    ("D.O.B. 19850312", "DOB", "19850312"),
    ("born on 12 March 1985", "DOB", "12 March 1985"),
    ("date of birth March 12, 1985", "DOB", "March 12, 1985"),
    ("birth date 3.12.85", "DOB", "3.12.85"),
    ("my birthday is 12/03", "DOB", "12/03"),
    ("出生日期：1990年3月12日", "DOB", "1990年3月12日"),
    ("我出生于1990年3月12日", "DOB", "1990年3月12日"),
    ("生日是1990-03-12，谢谢", "DOB", "1990-03-12"),
    ("我的生日是3月12号", "DOB", "3月12号"),
    ("出生年月：1990年3月", "DOB", "1990年3月"),
    ("card 4111 1111 1111 1111 2 times", "CARD", "4111 1111 1111 1111"),
    ("身份证号11010519491231002X。", "CN_ID", "11010519491231002X"),
    ("my id is 11010519491231002x", "CN_ID", "11010519491231002x"),
    # a wrong check character is a customer's typo: still their ID (QA report B, finding 5)
    ("身份证11010519491231002１写错了", "CN_ID", "11010519491231002１"),
    ("身份证110101199003077777", "CN_ID", "110101199003077777"),
    ("ID 11010119900307777X", "CN_ID", "11010119900307777X"),
    ("IBAN GB82 WEST 1234 5698 7654 32 please", "IBAN", "GB82 WEST 1234 5698 7654 32"),
    ("账号DE89370400440532013000谢谢", "IBAN", "DE89370400440532013000"),
    ("IBAN GB82WEST12345698765432 THANKS", "IBAN", "GB82WEST12345698765432"),
    ("SSN 123-45-6789.", "SSN", "123-45-6789"),
    ("社会安全号123-45-6789", "SSN", "123-45-6789"),
    ("server at 192.168.1.10.", "IP", "192.168.1.10"),
    ("IP地址是10.0.0.255，", "IP", "10.0.0.255"),
    ("ship to 123 Main Street, Apt 4B today", "ADDRESS", "123 Main Street, Apt 4B"),
    ("ship to 9 Lake View Road.", "ADDRESS", "9 Lake View Road"),
    (
        "寄到广东省深圳市南山区科技路100号3栋201室谢",
        "ADDRESS",
        "广东省深圳市南山区科技路100号3栋201室",
    ),
    ("送到北京市朝阳区建国路88号，谢谢", "ADDRESS", "北京市朝阳区建国路88号"),
    # UK postcodes: beside address words, or capitals with a two-letter area (finding 5)
    ("NW1 6XE is kept", "ADDRESS", "NW1 6XE"),
    ("SW1A 1AA", "ADDRESS", "SW1A 1AA"),
    ("my postcode is nw1 6xe", "ADDRESS", "nw1 6xe"),
    ("deliver it to M1 1AE please", "ADDRESS", "M1 1AE"),
    ("CR2 6XH is my postcode", "ADDRESS", "CR2 6XH"),
    ("I live in B33 8TH.", "ADDRESS", "B33 8TH"),
    # below the city: a district or the street first (QA report B, finding 5)
    ("住在朝阳区建国路88号3单元502", "ADDRESS", "朝阳区建国路88号3单元502"),
    ("我住在北京市朝阳区建国路88号3单元502", "ADDRESS", "北京市朝阳区建国路88号3单元502"),
    ("寄到建国路88号，谢谢", "ADDRESS", "建国路88号"),
    ("帮我查一下中山路100号的门店", "ADDRESS", "中山路100号"),
    ("送到和平路5号2栋301室", "ADDRESS", "和平路5号2栋301室"),
    ("浦东新区世纪大道100号", "ADDRESS", "浦东新区世纪大道100号"),
    ("搬到海淀区中关村大街1号院了", "ADDRESS", "海淀区中关村大街1号院"),
    # a postcode beside an address word, whatever its area letters (QA report F, finding 13)
    ("my postcode is rv2 4qt", "ADDRESS", "rv2 4qt"),
    ("send it to rv2 4qt please", "ADDRESS", "rv2 4qt"),
]


@pytest.mark.parametrize(("text", "kind", "value"), POSITIVES)
def test_recognisers_find_positives(text: str, kind: str, value: str) -> None:
    assert found(text) == [(kind, value)]


# ---- hard negatives: nothing should be found ----------------------------------------------

NEGATIVES = [
    "Order number 1234567812345678 is delayed",  # 16 digits, fails Luhn
    "编号4111111111111112不对",  # Luhn-invalid, and no card word before it
    "订单号2023111512345678已发货",  # 16 digits, no issuer prefix
    "编号110105194913310021",  # impossible date
    "编号000105199003077777 and 990105199003077777",  # no such province, wrong check
    "order 202461416388355869 and 110101203012017777",  # no such date; born in 2030
    "tracking 1Z999AA10123456784 and SF123456789012",
    "YT1234567890123 / JD0012345678901",
    "total $1,234.56 or ¥3,299 or 1299元",
    "on 2024-11-15 or 15/11/2024 or 2024年11月15日",
    "order ORD-2023111512 and invoice INV-2024-004512",
    "SKU-4412-BLK, model XM-2023A, version v2.3.1, at 14:30",
    "3-5 business days, room 1203",
    "SSN 000-12-3456, 666-12-3456, 912-45-6789, 123-00-4567, 123-45-0000",
    "IBAN GB00WEST12345698765432 is wrong",
    "address 999.999.1.1 and 1.2.3 and v1.2.3.4",
    "ticket 13800138000123 is long",  # 14 digits: not a mobile
    "order 4155550132 has no separators",
    "order 079111234567 and ref 07911-123456-7 and 0791112345",  # 12, 11+1, 10 digits
    "07 700 900 123 is four groups",
    "order 0207946001812, ref 020 7946 0018 1234, 0161 49 60000 and 01 2026",  # UK shapes off
    "MR 448812, MRI 448812, order MR-12, my medical record from 2019",
    "my case number is 12345678",  # a support ticket, not a medical record
    "ref 6265 0787 8145 2737 (not Luhn)",
    "我住在北京，工作很忙",
    "我住在朝阳区，我们小区3号楼，坐地铁2号线或公交5路3号站",
    # postcode-shaped product codes: a one-letter area, no capitals, GB/TB, no such area
    "Mac mini M2 8GB, is the m1 8gb in stock? E14 5AB, SL1 2GB ssd, model XM1 2AB, NW16XE",
    # no address word beside an area no list has; a first letter no area can have
    "Riverside, RV2 4QT",
    "model QX1 2AB at our address, 邮编 VX1 2AB",
    "order 123 arrives 12/27, cvv 12345 is not a code, exp 12/27/2024 is a date",
    "delivery in 3 days, expires 13/27",
    "She lives on Main Street now",
    # a card word does not make an order or ticket number a card, nor a short run one
    "Order number 6222021234567890123 for my credit card is late",
    "card ending 1234, 卡号尾号1234, my card 12345678 and 就诊卡号 1234567890123",
    "card number 12345678901234567890123 is too long for a card",
    # passport words without a passport number
    "passport photo requirements, passport 2024 renewal, my passport expires in 2030",
    "护照办理要多久？护照照片要求，护照有效期6个月以上",
    "passport number 12AB, passport ABCDEFGH",
    # ordinary dates, a birthday party, a year of birth alone (not a DOB: many share it)
    "delivery date 15/11/2024, delivered on 2024-11-15, due 12/03/1985",
    "my birthday party is on 12/03, it's my birthday on 12 March",
    "born in 1985, 出生于1985年, 生日快乐 12/03, 生日蛋糕3月12日送到, 生日3月12日送到",
    "date of birth 13/13/1985, DOB 1985-13-40, 出生日期 1990年13月1日",
    "",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives_find_nothing(text: str) -> None:
    assert found(text) == []


def test_wrong_checksum_18_digit_is_an_id_never_a_card() -> None:
    # 440305 region starts with 4 (a Visa prefix); every check character, the right one or a
    # customer's typo, must come back as one CN_ID and never as a CARD.
    first17 = "44030519900101123"
    for c in "0123456789X":
        assert found(f"ID {first17}{c}") == [("CN_ID", first17 + c)]


def test_spans_are_offsets_into_the_raw_text() -> None:
    text = "联系：１３８００１３８０００，邮箱 a@b.cn，卡 4111111111111111。"
    spans = detect_pii(text)
    assert [s.kind for s in spans] == ["PHONE", "EMAIL", "CARD"]
    for s in spans:
        assert text[s.start : s.end] == s.text
    assert spans == sorted(spans, key=lambda s: s.start)


def test_several_kinds_in_one_message_are_sorted_and_disjoint() -> None:
    text = (
        "Hi, I'm at 12 Oak Ave, email mary@example.com, phone 415-555-0132, "
        "card 5500 0055 5555 5559, SSN 123-45-6789, IP 8.8.8.8, IBAN NL91ABNA0417164300."
    )
    spans = detect_pii(text)
    assert [s.kind for s in spans] == ["ADDRESS", "EMAIL", "PHONE", "CARD", "SSN", "IP", "IBAN"]
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start


def test_overlap_prefers_validated_id_over_card_and_phone() -> None:
    # A valid resident ID whose digits also pass Luhn as a 4-prefixed number would be a CARD
    # candidate too; CN_ID (checksum + date) must win and only one span may come back.
    from kefu.guard.checksums import cn_id_check_char, luhn_valid

    for seq in range(1000):
        first17 = f"44030519900101{seq:03d}"
        value = first17 + cn_id_check_char(first17)
        if value[-1] != "X" and luhn_valid(value):
            break
    spans = detect_pii(f"号码{value}")
    assert [(s.kind, s.text) for s in spans] == [("CN_ID", value)]


def test_kinds_filter_and_unknown_kind() -> None:
    text = "mail a@b.com or call 415-555-0132"
    assert [s.kind for s in detect_pii(text, kinds={"PHONE"})] == ["PHONE"]
    assert [s.kind for s in detect_pii(text, kinds=["EMAIL"])] == ["EMAIL"]
    assert detect_pii(text, kinds=[]) == []
    with pytest.raises(ValueError, match="unknown PII kinds"):
        detect_pii(text, kinds=["NAME"])
    assert set(KINDS) == {
        "EMAIL", "PHONE", "CARD", "CN_ID", "IBAN", "SSN", "IP", "ADDRESS", "CVV", "CARD_EXPIRY",
        "MRN", "PASSPORT", "DOB", "NHS", "NI", "HKID", "NRIC", "PLATE", "BANK_ACCOUNT",
        "PIN", "OTP", "PASSWORD", "MEDICAL_ID", "TRAVEL_PERMIT", "IMEI",
        "TW_ID", "MYKAD", "MEDICARE", "TFN", "LICENCE", "ABN", "ACN",
        "MY_NUMBER", "RRN", "AADHAAR", "PAN", "SIN", "IRD", "PHILSYS", "SSS", "NIK", "TH_ID",
    }  # fmt: skip


def test_pii_span_is_frozen() -> None:
    span = PIISpan("EMAIL", 0, 3, "a@b")
    with pytest.raises(AttributeError):
        span.kind = "PHONE"  # type: ignore[misc]


def test_redact_labels() -> None:
    text = "Email a@b.com, card 4111 1111 1111 1111, 身份证11010519491231002X，电话13800138000"
    assert redact(text) == "Email [EMAIL], card [CARD], 身份证[CN_ID]，电话[PHONE]"
    assert redact("IBAN DE89370400440532013000 SSN 123-45-6789 ip 1.2.3.4") == (
        "IBAN [IBAN] SSN [SSN] ip [IP]"
    )
    assert redact("寄到上海市徐汇区漕溪北路1号") == "寄到[ADDRESS]"
    assert redact("221B Baker Street, London NW1 6XE") == "[ADDRESS], London [ADDRESS]"
    # the pharmacy tester's delivery: after a street, "RV2 4QT" is a postcode, real area or not;
    # the town between them is the address's too (`kefu.guard.pii_address_au`: a suburb)
    assert redact("deliver to 27 Acacia Avenue, Riverside, RV2 4QT, email m.h@example.com") == (
        "deliver to [ADDRESS], [ADDRESS], email [EMAIL]"
    )
    assert redact("card 4111 1111 1111 1111 exp 12/27 cvv 123") == (
        "card [CARD] exp [CARD_EXPIRY] cvv [CVV]"
    )
    assert redact("pet record MR-448812, MRN 00448812") == "pet record [MRN], MRN [MRN]"
    # the e-invoicing tester's message: all three identifiers go
    assert redact(
        "我的身份证号是110101199003071234，银行卡6222021234567890123，手机13812345678"
    ) == ("我的身份证号是[CN_ID]，银行卡[CARD]，手机[PHONE]")
    assert redact("Card number 4111111111111111 expiring 09/28, security code 321") == (
        "Card number [CARD] expiring [CARD_EXPIRY], security code [CVV]"
    )
    assert redact("My passport number is 533380006, date of birth 12/03/1985") == (
        "My passport number is [PASSPORT], date of birth [DOB]"
    )
    assert redact("我的护照号是E12345678，出生日期1985年3月12日") == (
        "我的护照号是[PASSPORT]，出生日期[DOB]"
    )


def test_redact_mask_keeps_last_four_of_cards_and_phones() -> None:
    text = "card 4111-1111-1111-1111, phone +1 (415) 555-0132, mail a@b.com"
    assert (
        redact(text, style="mask") == "card [CARD ****1111], phone [PHONE ****0132], mail [EMAIL]"
    )
    assert redact("电话１３８００１３８０００", style="mask") == "电话[PHONE ****8000]"


def test_redact_kinds_and_edge_cases() -> None:
    assert redact("") == ""
    assert redact("nothing to see here, order 12345") == "nothing to see here, order 12345"
    assert redact("a@b.com 415-555-0132", kinds=["EMAIL"]) == "[EMAIL] 415-555-0132"
    with pytest.raises(ValueError, match="style"):
        redact("x", style="hash")


ADVERSARIAL = [
    "1" * 1_000_000,
    "1 " * 500_000,
    "1-" * 500_000,
    "+1 " * 333_334,
    "a." * 500_000 + "@",
    "a@" * 500_000,
    "1." * 500_000,
    "A" * 1_000_000,
    "GB82 " * 200_000,
    "北京市" * 333_334,
    "深圳市南山区科技" * 125_000,
    "12 Main " * 125_000,
    "4111 1111 1111 111" * 55_556,
    "cvv " * 250_000,
    "exp 12/" * 142_858,
    "安全码" * 333_334,
    "MRN-" * 250_000,
    "病历号" * 333_334,
    "区" * 1_000_000,
    "我住在朝阳区建国路" * 111_112,
    "AB1 " * 250_000,
    "m1 1ae " * 142_858,  # each a postcode in shape, none beside an address word
    "live at " * 125_000,
    "银行卡" * 333_334,
    "card number 1234 5678 " * 45_455,
    "卡号1" * 333_334,
    "passport " * 111_112,
    "护照号E1234" * 125_000,
    "date of birth 12/" * 58_824,
    "born on 12 March " * 58_824,
    "出生日期1990年" * 111_112,
    "生日是" * 333_334,
    "expiring " * 111_112,
    # UK health service and National Insurance numbers, postcodes beside an address word
    "nhs no: " * 125_000,
    "NHS number 485 777 " * 52_632,
    "485 777 3457 " * 76_924,
    "NI number AB 12 34 " * 52_632,
    "AB 12 34 56 " * 83_334,
    "国民保险号码" * 166_667,
    "Avenue rv2 4" * 83_334,
    # Hong Kong and Singapore: IDs after their names, 8-digit numbers near phone words,
    # plates, addresses from a district or with the flat and floor before the street
    "HKID A123456 " * 76_924,
    "身份證號碼A" * 166_667,
    "NRIC S123 " * 100_000,
    "call 9123 4567 " * 66_667,
    "order 91234567 phone " * 47_620,
    "9123 " * 200_000,
    "plate 沪A1 " * 111_112,
    "九龍旺角彌敦" * 166_667,
    "香港中環道" * 200_000,
    "Flat B, 12/F, " * 71_429,
    "14 Orchard Road #05-" * 50_000,
    # Australian business numbers and addresses, Taiwan landlines, digits read out
    "ABN 51 824 " * 90_910,
    "51 824 753 " * 90_910,
    "u3 15 king st " * 71_429,
    "15 king st newtown " * 52_632,
    "deliver to 7 ocean " * 52_632,
    "(02) 2345-" * 100_000,
    "oh seven double " * 62_500,
    "my booking ref is " * 55_556,
]


def _seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        detect_pii(text)
        best = min(best, time.perf_counter() - start)
    return best


# Ten times the text may take about ten times as long, never a hundred (a quadratic pattern).
# 200 KB against 20 KB shows that as well as a megabyte did, in a fifth of the suite's time.
LARGE = 200_000


@pytest.mark.parametrize("index", range(len(ADVERSARIAL)))
def test_adversarial_input_is_linear(index: int) -> None:
    # A ratio of two timings taken back to back holds on a loaded CI machine, where a fixed
    # bound in seconds did not; the best of three short runs damps a stray pause.
    small = _seconds(ADVERSARIAL[index][: LARGE // 10], runs=3)
    large = _seconds(ADVERSARIAL[index][:LARGE], runs=1)
    assert large < 30 * max(small, 0.002), (small, large)
    assert large < 4.0


@pytest.mark.parametrize(
    ("unit", "kind"),
    [("a@b.co ", "EMAIL"), ("建国路88号", "ADDRESS"), ("路1号", "ADDRESS")],
)
def test_many_identifiers_are_linear_too(unit: str, kind: str) -> None:
    # ~30,000 identifiers: choosing among overlapping candidates used to compare each with
    # every span already taken (quadratic: 140 KB of e-mail addresses took 15 s, so ten times
    # the text took a hundred times as long). Timed as a ratio, like the inputs above.
    text = (unit * (LARGE // len(unit) + 1))[:LARGE]
    small = _seconds(text[: LARGE // 10], runs=3)
    large = _seconds(text, runs=1)
    assert large < 30 * max(small, 0.002), (small, large)
    spans = detect_pii(text[: LARGE // 10])
    assert len(spans) > 2_000 and {s.kind for s in spans} == {kind}


def test_redact_repeated_takes_only_what_the_source_holds() -> None:
    from kefu.guard.pii import redact_repeated

    customer = "I'm on 139 1234 5678 and MARY@example.com, card 4111 1111 1111 1111"
    reply = (
        "We will call +86 139-1234-5678 and write to mary@example.com; or call us on "
        "400-820-8820 or email help@shop.example.com. Card 4111-1111-1111-1111 is noted."
    )
    assert redact_repeated(reply, customer) == (
        "We will call [PHONE] and write to [EMAIL]; or call us on "
        "400-820-8820 or email help@shop.example.com. Card [CARD] is noted."
    )
    assert redact_repeated(reply, "no identifiers here") == reply
