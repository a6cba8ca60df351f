"""Malaysian and Australian identifiers for `kefu.guard.pii` (the black-box report of a gym
chain in Sydney, Melbourne, Kuala Lumpur and Penang, whose members' numbers were stored as
typed).

- ``MYKAD``: the Malaysian identity card number YYMMDD-PB-###G. Dashed or spaced 6-2-4 alone
  when the day and month exist and PB is an issued place-of-birth code
  (`kefu.guard.checksums.mykad_valid`); run together (12 digits) only after its name (IC, I/C,
  MyKad, NRIC, 身份证, kad pengenalan...), where the date need not be right either.
- ``MEDICARE``: an Australian Medicare card number, 10 digits (an 11th is the person's
  position on the card). Printed 4-5-1 alone with a right check digit
  (`kefu.guard.checksums.medicare_valid`); after "Medicare" any 10 or 11 digits, grouped or not.
- ``TFN``: an Australian tax file number, printed 3-3-3 alone with a right check digit
  (`kefu.guard.checksums.tfn_valid`), or 8-9 digits after "TFN" / "tax file number".
- ``ABN``: an Australian Business Number, 11 digits. After "ABN" (or "Australian business
  number") any 11 digits, grouped or not, the checksum right or wrong (a typo still leaks the
  rest); alone only printed 2-3-3-3 with spaces and a right checksum
  (`kefu.guard.checksums.abn_valid`): about one random number in 89 passes, and the shape
  is rare in ordinary text (none in the 2,149 messages, 1,226 FAQ rows and the shared training
  sets of `scripts/pii_ordinary.py`; the few spaced 2-3-3-3 runs in the dev sets are the tails
  of "+61 412 345 678" and "110 119 120 122", which the boundary keeps out). So a lone one needs
  no business word; after an order word, or next to a currency ("Rp 12 345 678 901"), it stays.
- ``ACN``: an Australian Company Number, 9 digits, only after "ACN" (or "Australian company
  number"): alone it is a TFN's shape, and its check digit passes one number in ten.
- ``BANK_ACCOUNT``: a BSB after its name ("BSB 062-000"), and an account number (6-10 digits,
  grouped or not) after "account" within reach of a BSB.
- ``LICENCE``: a driver licence number after its name ("driver licence", "licence no.",
  驾照号码), with an optional state ("NSW 12345678"): 5-10 letters and digits, at least 5
  digits.

An order, booking or invoice word just before a value alone makes it that thing's number
("order 240315-10-0042"). Each pattern has bounded quantifiers only, so scanning stays linear
in the input length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from kefu.guard._regex import after_order_word, is_amount
from kefu.guard.checksums import abn_valid, medicare_valid, mykad_valid, tfn_valid

D = "[0-9０-９]"
_NOT_AFTER = "(?![A-Za-z0-9０-９_])"
# a digit first (a cheap test at each position), not inside a longer run of digits or groups
_NOT_BEFORE = "(?=[0-9０-９])(?<![A-Za-z0-9０-９_+＋\\-/.])(?<![0-9０-９][ \\-－])"
_NO_MORE = "(?![ \\-－]?" + D + ")"
_SAID = "[ \t]{0,3}(?:(?:[:：=#,，]|is|are|是|为|為|係)[ \t]{0,3})?"
_NUMBER_WORD = "(?: (?:number|no\\.?|num|#))?"
_G = "[ \\-－]?"  # between groups

_MYKAD_NAMED = re.compile(
    "(?=[IiMmNnKk身大])"
    "(?:(?<![A-Za-z])(?i:ic|i/c|mykad|my kad|nric|kad pengenalan|identity card)"
    + "(?i:" + _NUMBER_WORD + ")(?<=[A-Za-z.#])(?![A-Za-z])"
    "|(?<![A-Za-z])IC ?(?:号码?|號碼?)|(?:大马|大馬)?身[份分][证證](?:号码?|號碼?)?)"
    + _SAID + "(?P<value>" + D + "{6}" + _G + D + "{2}" + _G + D + "{4})" + _NOT_AFTER + _NO_MORE
)  # fmt: skip
_MYKAD_PLAIN = re.compile(
    _NOT_BEFORE + D + "{6}([ \\-－])" + D + "{2}\\1" + D + "{4}" + _NOT_AFTER + _NO_MORE
)

_MEDICARE_NAMED = re.compile(
    "(?=[Mm])(?<![A-Za-z])(?i:medicare)(?i: card)?(?i:" + _NUMBER_WORD + ")(?![A-Za-z])"
    + _SAID
    + "(?P<value>[2-6２-６]" + D + "{3}" + _G + D + "{5}" + _G + D + "(?:" + _G + "[1-9１-９])?)"
    + _NOT_AFTER + _NO_MORE
)  # fmt: skip
_MEDICARE_PLAIN = re.compile(
    _NOT_BEFORE + "[2-6][0-9]{3} [0-9]{5} [0-9](?: [1-9])?" + _NOT_AFTER + _NO_MORE
)

_TFN_NAMED = re.compile(
    "(?=[TtAa])(?<![A-Za-z])(?i:tfn|tax file(?: number| no\\.?)?)(?![A-Za-z])"
    + _SAID
    + "(?P<value>" + D + "{2,3}" + _G + D + "{3}" + _G + D + "{3})" + _NOT_AFTER + _NO_MORE
)  # fmt: skip
_TFN_PLAIN = re.compile(_NOT_BEFORE + "[0-9]{3} [0-9]{3} [0-9]{3}" + _NOT_AFTER + _NO_MORE)

_ABN_NAMED = re.compile(
    "(?=[AaBb])(?<![A-Za-z])(?i:abn|(?:australian )?business number)(?i:" + _NUMBER_WORD + ")"
    "(?![A-Za-z])"
    + _SAID
    + "(?P<value>" + D + "{2}" + _G + D + "{3}" + _G + D + "{3}" + _G + D + "{3})"
    + _NOT_AFTER + _NO_MORE
)  # fmt: skip
_ABN_PLAIN = re.compile(
    _NOT_BEFORE + "[1-9][0-9] [0-9]{3} [0-9]{3} [0-9]{3}" + _NOT_AFTER + _NO_MORE
)
_ACN_NAMED = re.compile(
    "(?=[AaCc])(?<![A-Za-z])(?i:acn|(?:australian )?company number)(?i:" + _NUMBER_WORD + ")"
    "(?![A-Za-z])"
    + _SAID
    + "(?P<value>" + D + "{3}" + _G + D + "{3}" + _G + D + "{3})" + _NOT_AFTER + _NO_MORE
)  # fmt: skip

_BSB = re.compile(
    "(?=[Bb])(?<![A-Za-z])(?i:bsb)(?i:" + _NUMBER_WORD + ")(?![A-Za-z])"
    + _SAID + "(?P<value>" + D + "{3}" + _G + D + "{3})" + _NOT_AFTER + _NO_MORE
)  # fmt: skip
_ACCOUNT = re.compile(
    "(?=[AaBb])(?<![A-Za-z])(?i:(?:bank )?(?:account|acct|a/c)(?: (?:number|no\\.?|num|#))?)"
    "(?![A-Za-z])"
    + _SAID
    + "(?P<value>" + D + "{2,5}(?:[ \\-－]?" + D + "{2,5}){1,3})" + _NOT_AFTER + _NO_MORE
)  # fmt: skip
_NEAR_BSB = 60  # characters between a BSB and its account number

_STATES = "(?:NSW|VIC|Vic|QLD|Qld|WA|SA|TAS|Tas|ACT|NT)"
_LICENCE = re.compile(
    "(?=[DdLl驾駕])"
    "(?:(?<![A-Za-z])(?i:(?:driv(?:ing|er'?s?) )licen[cs]e(?: (?:number|no\\.?|num|#))?"
    "|licen[cs]e (?:number|no\\.?|num|#))(?![A-Za-z])"
    "|(?:驾照|駕照|驾驶证|駕駛證|驾驶执照|駕駛執照)(?:号码?|號碼?)?)"
    + _SAID
    + "(?:" + _STATES + "[ \t]{0,2}[:：\\-]?[ \t]{0,2})?"
    + "(?P<value>[A-Za-z0-9０-９]{5,10})" + _NOT_AFTER
)  # fmt: skip


def mykads(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each MyKad number; named and plain ones may overlap."""
    for m in _MYKAD_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _MYKAD_PLAIN.finditer(text):
        if mykad_valid(m.group()) and not after_order_word(text, m.start()):
            yield m.start(), m.end()


def medicare_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Australian Medicare card number."""
    for m in _MEDICARE_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _MEDICARE_PLAIN.finditer(text):
        if medicare_valid(m.group()) and not after_order_word(text, m.start()):
            yield m.start(), m.end()


def tfns(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Australian tax file number."""
    for m in _TFN_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _TFN_PLAIN.finditer(text):
        if tfn_valid(m.group()) and not after_order_word(text, m.start()):
            yield m.start(), m.end()


def abns(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Australian Business Number."""
    for m in _ABN_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _ABN_PLAIN.finditer(text):
        if abn_valid(m.group()) and not _other_number(text, m.start(), m.end()):
            yield m.start(), m.end()


def _other_number(text: str, start: int, end: int) -> bool:
    """An order's, booking's... number, or an amount of money."""
    return after_order_word(text, start) or is_amount(text, start, end)


def acns(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Australian Company Number after its name."""
    for m in _ACN_NAMED.finditer(text):
        yield m.start("value"), m.end("value")


def au_bank_details(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each BSB after its name and each account number near a BSB."""
    codes = list(_BSB.finditer(text))
    if not codes:
        return
    starts = [m.start() for m in codes]
    for m in codes:
        yield m.start("value"), m.end("value")
    for m in _ACCOUNT.finditer(text):
        # the BSBs starting before the account's end, the last of them the nearest
        i = bisect.bisect_right(starts, m.start() + _NEAR_BSB) - 1
        if i >= 0 and codes[i].end() + _NEAR_BSB >= m.start():
            yield m.start("value"), m.end("value")


def licences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each driver licence number after its name."""
    for m in _LICENCE.finditer(text):
        value = m.group("value")
        if sum(ch.isdigit() for ch in value) >= 5:
            yield m.start("value"), m.end("value")
