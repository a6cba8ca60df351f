"""Forms the black-box testers X (a Hong Kong mobile operator, Cantonese) and W (a UK and
Singapore accounting SaaS, a DPO's checks) found stored in the clear (report X finding 6,
report W finding 7), and the ordinary text beside them that must stay."""

from __future__ import annotations

import pytest

from kefu.guard import detect_pii, redact


def found(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in detect_pii(text)]


REDACTED = [
    # a date of birth after the Cantonese copula 係 (after 是 it was found)
    ("我嘅出生日期係1990年3月12日", "我嘅出生日期係[DOB]"),
    ("我嘅出生日期係1990年3月12日，想登記儲值卡", "我嘅出生日期係[DOB]，想登記儲值卡"),
    ("我生日係3月12日", "我生日係[DOB]"),
    # the country code without "+", after a phone word
    ("我電話係 852 9123 4567", "我電話係 [PHONE]"),
    ("電話 852-9123-4567", "電話 [PHONE]"),
    ("call me on (852) 9123 4567", "call me on [PHONE]"),
    ("my mobile is 65 9123 4567", "my mobile is [PHONE]"),
    # 手提 (a mobile), "call me back", 號碼 starting the phrase
    ("我嘅手提 98765432 唔見咗，點算", "我嘅手提 [PHONE] 唔見咗，點算"),
    ("我個手提號碼係 9876 5432，收唔到訊號", "我個手提號碼係 [PHONE]，收唔到訊號"),
    ("唔該打返俾我 92345678", "唔該打返俾我 [PHONE]"),
    ("我想轉台，號碼係 5432 1098", "我想轉台，號碼係 [PHONE]"),
    ("我的号码是 91234567", "我的号码是 [PHONE]"),
    # an estate with no street: block, floor, flat; and a building after a street
    ("我住沙田第一城52座12樓A室，可唔可以寄SIM卡", "我住[ADDRESS]，可唔可以寄SIM卡"),
    ("我住喺將軍澳唐德街9號將軍澳中心3座20樓C室", "我住喺[ADDRESS]"),
    ("寄去太古城高山閣12樓A室", "寄去[ADDRESS]"),
    ("我住麗港城3期15樓B室", "我住[ADDRESS]"),
    # UK: NI after "NI:" in lower case, dashed after its name
    ("NI: ab123456c", "NI: [NI]"),
    ("NI number is AB-12-34-56-C", "NI number is [NI]"),
    ("ni: ab 12 34 56 c", "ni: [NI]"),
    # a lower-case IBAN after its name (mod-97 valid)
    ("IBAN: gb82west12345698765432", "IBAN: [IBAN]"),
    ("my iban is gb82 west 1234 5698 7654 32 thanks", "my iban is [IBAN] thanks"),
    # an e-mail address spelled out: the whole of it, the name before "(dot)" too
    ("email me at priya(dot)shah@brightwidget.co.uk", "email me at [EMAIL]"),
    ("priya(dot)shah(at)brightwidget(dot)co(dot)uk.", "[EMAIL]."),
    ("write to priya [at] brightwidget [dot] com, thanks", "write to [EMAIL], thanks"),
    ("my email is priya.shah [at] gmail [dot] com", "my email is [EMAIL]"),
]


@pytest.mark.parametrize(("text", "stored"), REDACTED)
def test_the_testers_forms_are_redacted(text: str, stored: str) -> None:
    assert redact(text) == stored


ORDINARY = [
    # eight digits are an order, a member number or an amount unless a phone word is near
    "訂單號碼係 54321098",
    "我個會員號碼係 54321098",
    "我部手提電腦 54321098 壞咗",
    "手提袋 98765432",
    "訂單 852 9123 4567",
    "我要 2 件 852 9123 4567",
    "金額 65 9123 4567 元",
    "打包俾我 92345678",
    "我想轉台，幾錢？ 5432 1098",
    # a floor alone is any shop's
    "我喺12樓等你",
    "商場3樓有分店",
    # no IBAN: a wrong checksum, or the word alone
    "IBAN: gb00west12345698765432",
    "IBAN fees for DE payments",
    # no NI number: "ni" without its number word or a colon
    "ni ab123456c",
    # spelled-out words that are no address
    "see section (at) 3",
    "Mr (at) home (dot)",
    "priya(dot)shah",
    "look at example dot com",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_beside_them_stays(text: str) -> None:
    assert found(text) == []
