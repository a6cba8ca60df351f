"""Identifiers `kefu.guard.pii` finds only after their name: the name is what makes a digit
run a card number, a passport number or a date of birth, and the name stays readable
("银行卡[CARD]", "passport number is [PASSPORT]", "date of birth [DOB]").

- card numbers after a card word ("银行卡", "卡号", "card number", "credit card", "my card
  is"): 13-19 digits, spaced or dashed or not, even when the checksum fails (a customer's
  typo still leaks their real digits). `kefu.guard.pii` trims a trailing stray group.
- passport numbers after "passport (number|no.)", "护照(号)": 6-9 letters and digits, at
  least 5 of them digits (UK 533380006, CN E12345678).
- medical insurance, social security and clinic card numbers after their name ("医保卡号",
  "社保卡", "就诊卡", "health insurance number"): 6-20 digits, optionally after 1-3 capital
  letters. A 13-digit 医保卡号 read as a bank card (or a 10-digit one kept in clear) tells an
  agent the wrong thing or leaks it (a Guangzhou hospital's black-box test).
- dates of birth after "date of birth", "DOB", "born (on)", "出生日期", "出生于", or after
  "birthday"/"生日" when "is"/"是" or a colon follows: a day and a month (a year alone, as
  in "born in 1985", is not one; a birthday party's date is not a date of birth).

Each pattern is anchored on its name (a fast look-ahead scan skips to the candidates), with
bounded quantifiers only, so scanning stays linear in the input length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kefu.guard.checksums import ascii_digits

D = "[0-9０-９]"
_NOT_AFTER = "(?![A-Za-z0-9０-９_])"
# Between a name and its value: spaces, then a colon, "is", 是 (Cantonese 係)... and spaces.
_SAID = "[ \t]{0,3}(?:(?:[:：=#]|is|是|为|為|係)[ \t]{0,3})?"

_CARD_NAME = re.compile(
    "(?=[CcDdBbMmPpNnTtVvAa银信借储卡])"
    "(?:(?<![A-Za-z])(?i:(?:credit|debit|bank|payment) card(?: (?:number|no\\.?|num|#))?"
    "|card (?:number|no\\.?|num|#)|my card"
    # "charge my new card ...", "the visa 4532 ...": a card by its brand or its owner's words
    "|(?:my|the|this|a) (?:new |old |other |second |replacement )?(?:visa |mastercard |amex )?card"
    "|(?:my |the |this )?(?:visa|mastercard|master card|amex|american express)(?: card)?"
    "(?: (?:number|no\\.?|num|#))?)(?![A-Za-z])"
    # A health insurance, social security or clinic card's number is not a bank card's.
    "|(?:银行|信用|借记|储蓄)卡(?:卡?号码?)?|(?<!就诊|医保|社保|醫保|诊疗|診療)卡号码?)"
    + _SAID
    + "(?P<value>"
    + D
    + "(?:[ \\-－]?"
    + D
    + "){12,18})"
    + _NOT_AFTER
    + "(?![ \\-－]?"
    + D
    + ")"
)

_MEDICAL_ID = re.compile(
    "(?=[医醫社就HhMmIi])"
    "(?:(?<![A-Za-z])(?i:(?:medical|health) insurance(?: card)? (?:number|no\\.?|#|id)"
    "|medicare (?:number|no\\.?|#)|insurance card (?:number|no\\.?|#))(?![A-Za-z])"
    "|(?:医保|醫保|社保|医疗保险|醫療保險|社会保障|社會保障)(?:卡)?(?:号码?|號碼?|编号|編號)?"
    # 就诊卡号 is an MRN (`kefu.guard.pii`); a number right after 就诊卡 is this kind.
    "|就诊卡|就診卡)" + _SAID + "(?P<value>(?:[A-Z]{1,3}-?)?" + D + "{6,20})" + _NOT_AFTER
)

_PASSPORT = re.compile(
    "(?=[Pp护])"
    "(?:(?<![A-Za-z])(?i:passport(?: (?:number|no\\.?|num|#|id))?)(?![A-Za-z])"
    "|护照(?:号码?|编号)?)" + _SAID + "(?P<value>[A-Za-z0-9０-９]{6,9})" + _NOT_AFTER
)

_SEP = "[/／\\-－.．]"
_MONTH = (
    "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![A-Za-z])\\.?"
)
_DAY = D + "{1,2}(?i:st|nd|rd|th)?"
_DATE = (
    "(?P<value>"
    # numbers: 1985-03-12, 12/03/1985, 12.3.85, 12/03 (validated in Python), 19850312
    + D
    + "{1,4}"
    + _SEP
    + D
    + "{1,2}(?:"
    + _SEP
    + D
    + "{2,4})?|"
    + D
    + "{8}"
    # words: 12 March 1985, 12th of March, March 12, 1985, March 1985
    + "|"
    + _DAY
    + " (?:of )?"
    + _MONTH
    + "(?:,? "
    + D
    + "{4})?|"
    + _MONTH
    + " (?:"
    + _DAY
    + "(?:,? "
    + D
    + "{4})?|"
    + D
    + "{4})"
    # 1985年3月12日, 1985年3月, 3月12日
    + "|(?:"
    + D
    + "{4}年)?"
    + D
    + "{1,2}月(?:"
    + D
    + "{1,2}[日号]?)?"
    + ")"
    + _NOT_AFTER
    + "(?!"
    + _SEP
    + D
    + ")"
)
_DOB = re.compile(
    "(?=[DdBb出生])"
    "(?:(?<![A-Za-z])(?i:date of birth|birth ?date|d\\.?o\\.?b\\.?|born(?: on)?)(?![A-Za-z])"
    + _SAID
    + "|(?<![A-Za-z])(?i:birthday)[ \t]{0,3}(?:[:：]|is)[ \t]{0,3}"
    + "|(?:出生日期|出生年月日?|出生于|出生在|出生)"
    + _SAID
    + "|生日[ \t]{0,3}(?:[:：]|是|为|為|係)[ \t]{0,3}"
    + ")"
    + _DATE
)


def _date_ok(value: str) -> bool:
    """A day and a month that exist, and a year (when given) of a living person."""
    value = ascii_digits(value)
    if "月" in value:
        parts = [int(p) for p in re.findall("[0-9]+", value)]
        if "年" not in value:  # 3月12日: a month alone is not a date
            parts = [2000, *parts] if len(parts) == 2 else []
        if len(parts) < 2:
            return False
        year, month = parts[0], parts[1]
        return 1900 <= year <= 2099 and 1 <= month <= 12 and (len(parts) < 3 or 1 <= parts[2] <= 31)
    if re.fullmatch("[0-9]{8}", value):
        year, month, day = int(value[:4]), int(value[4:6]), int(value[6:])
        return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31
    if any(ch.isascii() and ch.isalpha() for ch in value):
        # words: the day, if any, is a real day; "March 1985" needs nothing more
        days = [int(p) for p in re.findall("[0-9]+", value) if len(p) <= 2]
        return all(1 <= d <= 31 for d in days)
    groups = re.split(_SEP, value)
    if len(groups[0]) == 4:  # 1985-03-12
        if len(groups) < 3:
            return False
        year, month, day = (int(p) for p in groups)
        return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31
    if len(groups[0]) == 3 or (len(groups) == 3 and len(groups[2]) == 3):
        return False
    a, b = int(groups[0]), int(groups[1])
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def named_cards(text: str) -> Iterator[tuple[int, int]]:
    """The digit run after each card word (13-19 digits; checksum not required)."""
    for m in _CARD_NAME.finditer(text):
        yield m.start("value"), m.end("value")


def medical_ids(text: str) -> Iterator[tuple[int, int]]:
    """The number after each medical insurance, social security or clinic card name."""
    for m in _MEDICAL_ID.finditer(text):
        yield m.start("value"), m.end("value")


def passports(text: str) -> Iterator[tuple[int, int]]:
    for m in _PASSPORT.finditer(text):
        value = ascii_digits(m.group("value"))
        if sum(ch.isdigit() for ch in value) >= 5:
            yield m.start("value"), m.end("value")


def dates_of_birth(text: str) -> Iterator[tuple[int, int]]:
    for m in _DOB.finditer(text):
        if _date_ok(m.group("value")):
            yield m.start("value"), m.end("value")
