"""Secrets a customer must never send, for `kefu.guard.pii`: PINs, one-time passwords and
passwords (a Hong Kong card centre's black-box report: "my PIN is 4821 and the OTP you sent is
552901" was stored verbatim and shown to agents and in exports).

Only a value right after its name is found, as for a card's security code: four digits alone
are anything (a year, an order, a price).

- ``PIN``: after "PIN (code|number)", 取款密码, 交易密码, 支付密码, 查询密码, 银行卡密码,
  卡密码: 4-8 digits.
- ``OTP``: after "OTP", "one-time password/passcode/code/PIN", "verification code", "security
  code", 验证码, 动态码, 动态密码, 校验码, 一次性密码 (and traditional forms): 4-8 digits, or
  3+3 spaced ("552 901"). A 3-4 digit "security code"/校验码 is also a card's ``CVV``; the
  CVV is found first and wins the tie.
- ``PASSWORD``: after "password", "passcode", "passwd", "pwd", 密码, 口令: 4-32 characters
  with at least one digit ("hunter2", "abc123", "739104"). A value of letters only is left:
  "my password is wrong", "password is incorrect" and "密码是什么" must stay readable.

A value said in words ("PIN is double four triple one", "OTP four nine two seven one
eight") is found on `kefu.guard.pii_obfusc`'s folded copy; 4-8 Chinese digits after a Chinese
name ("取款密码是一三五七") here. Anything quoted after a name is a value whatever its letters
('my password is "sunshine"'): a customer quotes what they typed.

Between the name and the value: "is", "was", a colon, 是/为/係, and in English a short "that
you sent (me)" / "I got" ("the OTP you sent is 552901"). A name followed by anything else stays:
"PIN reset takes 3 days", "the OTP never arrived", "验证码没收到", "密码忘了怎么办"; a number
before the name ("6-digit PIN") is a format, not a value; a number followed by a unit ("PIN
is 6 digits", "验证码 5 分钟内有效") is one too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

D = "[0-9０-９]"
# "code"/"number" after the English name, then "(that) you sent (me)", "I got", and then
# "is", "was", a colon...: bounded, so a scan stays linear.
_EN_MIDDLE = (
    "(?:[ \\t](?i:code|number|no\\.?))?"
    "(?:[ \\t](?i:(?:that|which)[ \\t])?(?i:you|u|the bank|your bank|they|i|I)"
    "(?:[ \\t](?i:just|have|had))?[ \\t](?i:sent|texted|gave|got|received|set)"
    "(?:[ \\t](?i:me|to me|us))?)?"
)
_SAID = (
    "[ \\t]{0,3}(?:(?:[:：=,，]|(?i:is|was|are)|是|为|為|係|改成|改为|改為|设为|設為)[ \\t]{0,3})?"
)
# Kind by name; the longer names come first so "one-time password" is an OTP and 取款密码 a PIN.
_OTP_EN = (
    "otp|one[- ]?time (?:password|passcode|pass code|code|pin)|verification code"
    "|security code|sms code|auth(?:entication)? code"
)
_OTP_ZH = (
    "短信验证码|短信驗證碼|验证码|驗證碼|动态码|動態碼|动态密码|動態密碼|校验码|校驗碼"
    "|一次性密码|一次性密碼"
)
_PIN_EN = "pin(?: code| number)?"
_PIN_ZH = (
    "取款密码|取款密碼|交易密码|交易密碼|支付密码|支付密碼|查询密码|查詢密碼|银行卡密码|銀行卡密碼"
    "|卡密码|卡密碼"
)
_PASSWORD_EN = "password|passcode|pass code|passwd|pwd"
_PASSWORD_ZH = "密码|密碼|口令"

_NAME = (
    "(?:(?<![A-Za-z])(?:(?P<otp_en>(?i:" + _OTP_EN + "))|(?P<pin_en>(?i:" + _PIN_EN + "))"
    "|(?P<password_en>(?i:"
    + _PASSWORD_EN
    + ")))(?![A-Za-z])"
    + _EN_MIDDLE
    + "|(?P<otp_zh>"
    + _OTP_ZH
    + ")|(?P<pin_zh>"
    + _PIN_ZH
    + ")|(?P<password_zh>"
    + _PASSWORD_ZH
    + "))"
)
_ZH_DIGIT = "[零〇一二三四五六七八九幺两兩]"
# A number followed by one of these is a format or a time, not a secret.
_UNIT = (
    "(?![ \\t]?(?:[-‐]?(?i:digits?|characters?|chars?|letters?|numbers?|minutes?|mins?|hours?"
    "|days?|seconds?|secs?|times?|years?|attempts?|tries)(?![A-Za-z])"
    "|位|个|個|次|天|日|分钟|分鐘|秒|小时|小時|年|元|块|塊|%))"
)
_SECRET = re.compile(
    "(?=[OoPpVvSsAa短验驗动動校一取交支查银銀卡密口])"
    + _NAME
    + _SAID
    + "(?P<value>"
    + D
    + "{3}[ ]"
    + D
    + "{3}(?!"
    + D
    + ")|"
    + D
    + "{4,8}(?![A-Za-z0-9０-９_])|[A-Za-z0-9!@#$%^&*_.+=~\\-]{4,32}(?![A-Za-z0-9!@#$%^&*_.+=~\\-])"
    # Chinese digits ("密码是一三五七"): 4-8 of them, as a PIN is said
    + "|"
    + _ZH_DIGIT
    + "{4,8}(?!"
    + _ZH_DIGIT
    + "|[十百千万萬])"
    # anything quoted: 'password is "sunshine"' gives the value however ordinary its letters
    + "|(?P<quote>[\"“'‘「『])[^\\s\"”'’」』]{4,32}(?=[\"”'’」』]))"
    + _UNIT
)
_DIGITS_ONLY = re.compile("(?:[0-9０-９ ]|" + _ZH_DIGIT + ")+")


def secrets(text: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each PIN, one-time password or password value after its name."""
    for m in _SECRET.finditer(text):
        value = m.group("value")
        start = m.start("value")
        if m.group("quote"):  # the quote mark is not the secret
            value, start = value[1:], start + 1
        # A sentence's full stop or dash is not part of the password ("password is abc123.").
        trimmed = value.rstrip(".-")
        end = start + len(trimmed)
        numeric = bool(_DIGITS_ONLY.fullmatch(trimmed))
        if m.group("otp_en") or m.group("otp_zh"):
            kind = "OTP"
        elif m.group("pin_en") or m.group("pin_zh"):
            kind = "PIN"
        else:
            kind = "PASSWORD"
        if kind != "PASSWORD":
            # A PIN or code is digits ("PIN abcd" is not one); only a code is ever spaced 3+3.
            if numeric and (kind == "OTP" or " " not in trimmed):
                yield kind, start, end
            continue
        # A password has a digit in it: letters alone are too often words ("is wrong").
        quoted = m.group("quote") is not None
        if len(trimmed) >= 4 and (quoted or numeric or any(ch.isdigit() for ch in trimmed)):
            yield kind, start, end
