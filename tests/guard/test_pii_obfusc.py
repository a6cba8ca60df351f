"""Numbers and emails disguised so that plain patterns miss them (a red-teamer's 12 forms
stored as typed): digit words in Chinese and English, spaced or dotted digits, full-width
characters, an email read out. Fresh values; ordinary prose must stay."""

from __future__ import annotations

import pytest

from kefu.guard import detect_pii, redact
from kefu.guard.pii_obfusc import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("card 5500.0000.0000.0004 declined", "card [CARD] declined"),
        ("电话是幺三九零零零零幺幺幺幺，快递打这个", "电话是[PHONE]，快递打这个"),
        ("手机号 壹伍玖贰贰贰叁叁肆肆伍", "手机号 [PHONE]"),
        ("我的卡号是五五零零零零零零零零零零零零零四", "我的卡号是[CARD]"),
        ("my cvv is seven seven two", "my cvv is [CVV]"),
        (
            "card five five zero zero zero zero zero zero zero zero zero zero zero zero zero four",
            "card [CARD]",
        ),
        ("the pin is 8 0 4 6", "the pin is [PIN]"),
        ("PIN: 5-0-2-8 please", "PIN: [PIN] please"),
        ("social security number 219.09.9999 on file", "social security number [SSN] on file"),
        ("SSN: 219 09 9999", "SSN: [SSN]"),
        ("email is tom_lee88 at outlook dot com", "email is [EMAIL]"),
        ("my email is sam at mailbox dot org thanks", "my email is [EMAIL] thanks"),
        ("reach me at ｍａｒｙ＠ｅｘａｍｐｌｅ．ｃｏｍ", "reach me at [EMAIL]"),
        ("write to mary.k＠example．com please", "write to [EMAIL] please"),
        ("身份证 440524 19890412 3238 要换", "身份证 [CN_ID] 要换"),
    ],
)
def test_disguised_forms_are_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "我今年三十五岁，第一次来",
        "一二三四五六 我在数着呢",
        "一百二十块钱买了三十六个",
        "price went from 1.299.00 to 1.099.00",
        "version 2024.1107.0311 crashed",
        "I bought three two one sale items",
        "we met at the park dot com event",
        "look at google dot com",
        "the class is 1 2 3 times a week",
        "pages 4 5 6 7 8 9 are missing",
        "steps 1-2-3 of the form",
        "ＯＫ，ｔｈａｎｋｓ！",
        "oh one two three, I see",
        "SSN 000 12 3456",  # never issued
    ],
)
def test_ordinary_text_stays(text: str) -> None:
    assert detect_pii(text) == [], detect_pii(text)


def test_fold_maps_spans_back() -> None:
    text = "pin 1 2 3 4 and 壹贰叁肆伍陆柒 done"
    folded = fold(text)
    assert folded is not None
    assert folded.text == "pin 1234 and 1234567 done"
    start = folded.text.index("1234567")
    assert folded.original(start, start + 7) == (text.index("壹"), text.index(" done"))
    assert folded.original(0, 3) is None  # "pin" rewrites nothing
    assert fold("nothing to fold here") is None
