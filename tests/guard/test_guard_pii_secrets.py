"""PINs, one-time passwords and passwords are redacted before storage (a Hong Kong bank card
centre's black-box test: "my PIN is 4821 and the OTP you sent is 552901" was stored verbatim
and shown to agents and in exports). Only a value right after its name counts."""

from __future__ import annotations

import pytest

from kefu.guard.pii import detect_pii, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "my PIN is 4821 and the OTP you sent is 552901, please unlock my card",
            "my PIN is [PIN] and the OTP you sent is [OTP], please unlock my card",
        ),
        (
            "我的密码是 739104，验证码 662781，帮我解锁",
            "我的密码是 [PASSWORD]，验证码 [OTP]，帮我解锁",
        ),
        ("my pin: 4821", "my pin: [PIN]"),
        ("pin 4821 please", "pin [PIN] please"),
        ("OTP is 552901", "OTP is [OTP]"),
        ("密码：abc123", "密码：[PASSWORD]"),
        ("取款密码123456，卡被锁了", "取款密码[PIN]，卡被锁了"),
        ("交易密码是 246810", "交易密码是 [PIN]"),
        ("my password is hunter2.", "my password is [PASSWORD]."),
        ("one-time password: 552 901", "one-time password: [OTP]"),
        ("the verification code I got is 889900", "the verification code I got is [OTP]"),
        ("動態碼 123456", "動態碼 [OTP]"),
        ("密碼係123456", "密碼係[PASSWORD]"),
        ("security code 552901", "security code [OTP]"),
        ("passcode: 908172", "passcode: [PASSWORD]"),
    ],
)
def test_secret_values_after_their_name_are_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PIN reset takes 3 days",
        "the OTP never arrived",
        "验证码没收到",
        "密码忘了怎么办",
        "I need a new 6-digit PIN",
        "the PIN is 6 digits long",
        "my password is wrong",
        "password reset link expired",
        "order 552901 has not arrived",
        "验证码5分钟内有效",
        "密码是什么",
        "我的交易密码忘了",
        "密码输错3次被锁了",
        "the OTP expires after 300 seconds",
        "my PIN changed on 2024-05-01",
    ],
)
def test_secret_look_alikes_stay(text: str) -> None:
    assert detect_pii(text) == []


def test_a_three_digit_security_code_stays_a_cvv() -> None:
    assert redact("security code 123") == "security code [CVV]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Guangzhou hospital's tester: 10 digits were kept in clear, 13 became a bank card.
        ("医保卡号 0012345678", "医保卡号 [MEDICAL_ID]"),
        ("我的医保卡号是0012345678901", "我的医保卡号是[MEDICAL_ID]"),
        ("社保卡号：A12345678", "社保卡号：[MEDICAL_ID]"),
        ("就诊卡 12345678 挂号", "就诊卡 [MEDICAL_ID] 挂号"),
        ("health insurance number 123456789", "health insurance number [MEDICAL_ID]"),
        # A social security number that is the resident ID stays a CN_ID.
        ("社保卡号 110101199003074514", "社保卡号 [CN_ID]"),
        ("就诊卡号 448812", "就诊卡号 [MRN]"),
    ],
)
def test_medical_insurance_numbers_are_an_id_not_a_card(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text", ["我的医保卡丢了怎么补办", "社保卡可以在你们这里用吗", "就诊卡多少钱"]
)
def test_medical_card_questions_stay(text: str) -> None:
    assert detect_pii(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("住在广州市天河区体育西路123号501房", "住在[ADDRESS]"),
        ("住在广州市天河区体育西路123号5栋501房间，谢谢", "住在[ADDRESS]，谢谢"),
    ],
)
def test_a_chinese_address_keeps_its_room(text: str, expected: str) -> None:
    assert redact(text) == expected
