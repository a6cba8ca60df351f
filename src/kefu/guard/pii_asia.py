"""Hong Kong and Singapore identifiers for `kefu.guard.pii` (black-box reports of a Hong Kong
dental clinic and a Singapore/Shanghai car-rental firm): identity card numbers, local 8-digit
phone numbers and vehicle plates.

- HKID: one or two letters, six digits and a check digit, usually bracketed ("A123456(3)",
  "AB123456(9)"). After its name ("HKID", "HK ID", "Hong Kong identity card", "ID card",
  "身份证号码", "身份證號碼") any such value, the check digit wrong or left off: a customer's
  typo still leaks their number. Alone only capitals with a right check digit (mod 11,
  A = 10), bracketed or run together, so a product code "A123456" or "B1234567" mostly stays.
- NRIC/FIN: S, T, F, G or M, seven digits and a check letter ("S1234567D"). After its name
  ("NRIC", "FIN", "IC", "licence no.": a Singapore driving licence number is the NRIC) any
  such value; alone only capitals with a right check letter.
- Local phones: Hong Kong and Singapore numbers have eight digits and no trunk prefix
  ("9123 4567", "91234567", "6123-4567"); an order or booking number often has the same shape,
  so one is a phone only near a phone word ("mobile", "call me", "WhatsApp", "电话", "手機",
  "聯絡") and with no order word between them ("called about order 91234567").
- Plates: only right after a plate word ("plate 沪A12345", "车牌 沪B88K21", "plate
  SGX1234A"); a plate alone is any short code.

Each pattern has bounded quantifiers only; the phone words are found in one pass and looked up
by bisection, so scanning stays linear in the input length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from kefu.guard.checksums import hkid_valid, nric_valid

D = "[0-9０-９]"
_NOT_AFTER = "(?![A-Za-z0-9０-９_])"
# Between a name and its value: spaces, then a colon, "is", 是, Cantonese 係... and spaces.
_SAID = "[ \t]{0,3}(?:(?:[:：=#,，]|is|是|为|為|係)[ \t]{0,3})?"
_NUMBER_WORD = "(?: (?:number|no\\.?|num|#))?"
# The Chinese name of an identity card, simplified and traditional, with its number word.
_ID_CARD_ZH = "身[份分][证證](?:号码?|號碼?|编号|編號)?"

_HKID_NAMED = re.compile(
    "(?=[HhIi身])"
    "(?:(?<![A-Za-z])(?i:hkid(?: card)?|hk ?id(?: card)?|hong kong id(?:entity)?(?: card)?"
    "|id(?:entity)? card)"
    "(?i:"
    + _NUMBER_WORD
    + ")(?<=[A-Za-z.#])(?![A-Za-z])|"
    + _ID_CARD_ZH
    + ")"
    + _SAID
    + "(?P<value>[A-Za-z]{1,2} ?"
    + D
    + "{6}(?: ?[(（][0-9Aa][)）]| ?[0-9Aa](?![A-Za-z0-9]))?)"
    + "(?![A-Za-z0-9０-９_(（])"
)
# Alone: capitals, six digits and the check digit bracketed or run on.
_HKID_PLAIN = re.compile(
    "(?<![A-Za-z0-9０-９_])[A-Z]{1,2}[0-9]{6}(?:[(（][0-9A][)）]|[0-9A])(?![A-Za-z0-9０-９_])"
)

_NRIC_NAMED = re.compile(
    "(?=[NnFfIiLlDd身驾駕])"
    "(?:(?<![A-Za-z])(?i:nric(?:/fin)?|fin|ic|i/c|uin"
    "|(?:driv(?:ing|er'?s?) )?licen[cs]e)"
    "(?i:" + _NUMBER_WORD + ")(?<=[A-Za-z.#])(?![A-Za-z])"
    "|"
    + _ID_CARD_ZH
    + "|(?:驾照|駕照|驾驶证|駕駛證|駕駛執照)(?:号码?|號碼?)?)"
    + _SAID
    + "(?P<value>[STFGMstfgm]"
    + D
    + "{7}[A-Za-z])"
    + _NOT_AFTER
)
_NRIC_PLAIN = re.compile("(?<![A-Za-z0-9０-９_])[STFGM][0-9]{7}[A-Z](?![A-Za-z0-9０-９_])")

# Eight digits, 4-9 first (Hong Kong mobiles 4-9, Singapore mobiles 8 and 9 and landlines 6),
# run together or 4-4; not a group of a longer spaced run, nor a price ("HK$ 9123 4567").
# The country code may come first without its "+" ("852 9123 4567", "(852) 9123-4567", "65
# 9123 4567"): it is part of the number, and no more than that without a phone word either.
_LOCAL_PHONE = re.compile(
    "(?<![A-Za-z0-9０-９_+＋\\-$¥￥€£#＃])(?<![0-9０-９][ \\-－])(?<![$¥￥€£#＃] )"
    "(?:(?:852|853|65|８５２|８５３|６５)[ \\-－]?|[(（](?:852|853|65)[)）] ?)?"
    "[4-9４-９]" + D + "{3}[ \\-－]?" + D + "{4}" + _NOT_AFTER + "(?![ \\-－.]" + D + ")"
)
# 手提 is Hong Kong's everyday word for a mobile ("我嘅手提 98765432"), not before 包/袋/箱
# (a handbag, a suitcase) or 電腦 (a laptop); "打返俾我" is "call me back". 號碼 ("number") is
# a phone word where it starts the phrase ("我想轉台，號碼係 5432 1098"), not after another
# noun: "訂單號碼", "會員號碼" are an order's and a member's.
PHONE_WORDS = re.compile(
    "(?=[A-Za-z电電手联聯致打短回覆号號])(?:(?<![A-Za-z])(?i:(?:tele|mobile |cell )?phone|mobile"
    "|mob|cell|tel|call(?:ed|ing)?|ring|text|sms|whats ?app|contact|reach|dial|hotline"
    # Singapore English: "hp" is a handphone; "my number" with no other noun is the phone's.
    "|hp|h/p|(?:my|her|his) (?:number|no\\.?)(?= is| :|:| \\d| \\+))"
    "(?![A-Za-z])"
    "|电话|電話|手机|手機|手提(?![包袋箱]|電腦|电脑)|联系|聯繫|联络|聯絡|致电|致電|回电|回電|覆電"
    "|打(?:返|番|翻|回)?(?:给|給|俾|畀)"
    "|(?<![^\\s,.:;!?，。：；！？、（(嘅的個个我你佢他她])(?:号码|號碼)|短信)"
)
# An identifier word between a phone word and the number makes it that identifier's number.
_OTHER_NUMBER_WORDS = re.compile(
    "(?i:order|booking|reservation|ref|reference|tracking|invoice|receipt|confirmation|case"
    "|ticket|account|acct|policy|member|parcel|item|sku)"
    "|订单|訂單|单号|單號|预约|預約|编号|編號|运单|運單|账号|賬號|帐号|會員|会员|快递|快遞"
)
_BEFORE = 30  # characters from the end of a phone word to the number ("call me tomorrow on")
_AFTER = 15  # characters from the number to a phone word after it ("9123 4567 (mobile)")

# The one-character names of provinces on a mainland plate (沪A12345), simplified and
# traditional, and 使/领 (embassy, consulate), 港/澳 (cross-border plates).
_PROVINCE_ABBREVIATIONS = (
    "京津沪滬渝冀豫云雲辽遼黑湘皖鲁魯新苏蘇浙赣贛鄂桂"
    + "甘晋晉蒙陕陝吉闽閩贵貴粤粵青藏川宁寧琼瓊使领領港澳"
)
_PLATE = re.compile(
    "(?=[LlNnRrVvCcPp车車牌号號])"
    "(?:(?<![A-Za-z])(?i:(?:licen[cs]e |number |registration |car |vehicle )?plate"
    "(?: (?:number|no\\.?|#))?|(?:vehicle |car )?reg(?:istration)? (?:number|no\\.?|mark)"
    "|vehicle registration)(?<=[A-Za-z.#])(?![A-Za-z])"
    "|[车車]牌(?:号码?|號碼?)?|号牌|號牌|牌照(?:号|號)?)"
    + _SAID
    + "(?P<value>["
    + _PROVINCE_ABBREVIATIONS
    + "][A-Za-z][ ·•\\-]?[A-Za-z0-9]{4,6}"
    "|[A-Z0-9]{1,4}[ \\-][A-Z0-9]{1,5}|[A-Za-z0-9]{2,9})" + _NOT_AFTER
)


def hkids(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Hong Kong identity card number; named and plain may overlap."""
    for m in _HKID_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _HKID_PLAIN.finditer(text):
        if hkid_valid(m.group()):
            yield m.start(), m.end()


def nrics(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Singapore NRIC or FIN; named and plain may overlap."""
    for m in _NRIC_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _NRIC_PLAIN.finditer(text):
        if nric_valid(m.group()):
            yield m.start(), m.end()


def local_phones(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each 8-digit Hong Kong or Singapore number near a phone word."""
    words: list[tuple[int, int]] | None = None  # found once, when the first number needs them
    for m in _LOCAL_PHONE.finditer(text):
        if words is None:
            words = [(w.start(), w.end()) for w in PHONE_WORDS.finditer(text)]
            ends = [end for _, end in words]
            starts = [start for start, _ in words]
        if not words:
            return
        # the last phone word ending before the number, and the first starting after it
        i = bisect.bisect_right(ends, m.start()) - 1
        before = i >= 0 and m.start() - ends[i] <= _BEFORE
        if before and _OTHER_NUMBER_WORDS.search(text, ends[i], m.start()):
            before = False
        j = bisect.bisect_left(starts, m.end())
        after = j < len(starts) and starts[j] - m.end() <= _AFTER
        if after and _OTHER_NUMBER_WORDS.search(text, m.end(), starts[j]):
            after = False
        if before or after:
            yield m.start(), m.end()


def plates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each vehicle plate right after a plate word."""
    for m in _PLATE.finditer(text):
        value = m.group("value")
        # a plate has letters and digits both: "plate 2 is cracked", "车牌 is fine" stay
        if any(ch.isdigit() for ch in value) and not value.isdigit():
            yield m.start("value"), m.end("value")
