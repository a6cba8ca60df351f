"""Device identifiers for `kefu.guard.pii`: a phone's IMEI (and a CDMA phone's MEID or serial).

A telecom customer reporting a lost phone writes "my IMEI is 356938035643809",
"IMEI: 35-693803-564380-9", "串号 356938035643809" or "手機IMEI係 35 693803 564380 9"; the
number identifies their handset to every network (a thief's blocked phone, a tracked one), so it
goes like a card number. Two ways in:

- alone: 15 digits, run together or grouped as printed on the box (2-6-6-1, spaces or dashes),
  with a right Luhn check digit and a reporting-body prefix that GSMA allocates (35, 86, 01,
  99...). The prefix list leaves out 34/37 (American Express) and 30/36/38/39 (Diners Club), the
  only issuers with 15-digit cards, so a bare 15-digit card stays a ``CARD``; an order word just
  before ("order 352..."), or a card word ("卡号 ..."), keeps the run that number;
- after its name (``IMEI``, ``IMEI1``, ``MEID``, ``串号``/``串號``, ``序列号``/``序列號``, with an
  optional 号码/number word): any 14-17 digits, grouped as they come, checksum or not, since an
  IMEISV (16 digits) or MEID (14) has none and a mistyped IMEI is still the customer's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kefu.guard.checksums import ascii_digits, luhn_valid
from kefu.guard.pii_named import named_cards

D = "[0-9０-９]"
_NOT_BEFORE = "(?<![A-Za-z0-9０-９_+＋])"
_NOT_AFTER = "(?![A-Za-z0-9０-９_])"
# Not one group of a longer spaced/dashed digit run, on either side.
_NOT_IN_GROUP = "(?<![0-9０-９][ \\-－].)"
_NO_MORE_GROUPS = "(?![ \\-－]" + D + ")"

# GSMA reporting-body identifiers in use (the first two digits of a TAC), minus card issuers'.
_RBI = frozenset(
    ("01", "10", "33", "35", "44", "45", "49", "50", "51", "52", "53", "54", "86", "91", "98", "99")
)

_BARE = re.compile(
    _NOT_BEFORE
    + _NOT_IN_GROUP
    + "(?:"
    + D
    + "{15}|"
    + D
    + "{2}(?P<sep>[ \\-－])"
    + D
    + "{6}(?P=sep)"
    + D
    + "{6}(?P=sep)"
    + D
    + ")"
    + _NOT_AFTER
    + _NO_MORE_GROUPS
)

# Between the name and its value: spaces, then a colon, "is", 是 (Cantonese 係)... and spaces.
_SAID = "[ \t]{0,3}(?:(?:[:：=#]|is|是|为|為|係)[ \t]{0,3})?"
_NAMED = re.compile(
    "(?:(?<![A-Za-z])(?i:imei|meid)[12]?(?:[ ]?(?i:number|no\\.?|num|#))?(?![A-Za-z])"
    "|串[号號]|序列[号號])"
    "(?:码|碼|號碼|号码)?"
    + _SAID
    + "(?P<value>"
    + D
    + "{1,17}(?:[ \\-－]"
    + D
    + "{1,16}){0,4})"
    + _NOT_AFTER
)
# An identifier word shortly before a bare run makes it that identifier's number.
_OTHER_NUMBER_WORDS = re.compile(
    "(?i:order|booking|reservation|ref|reference|tracking|invoice|receipt|confirmation|case"
    "|ticket|account|acct|policy|member|parcel|sku)"
    "|订单|訂單|单号|單號|运单|運單|账号|賬號|帐号|會員|会员|快递|快遞|编号|編號"
)
_ORDER_BEFORE = 20  # characters before a bare run searched for an order word


def _digits(value: str) -> str:
    return "".join(ch for ch in ascii_digits(value) if ch.isascii() and ch.isdigit())


def imeis(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each IMEI alone and each IMEI/MEID/serial number after its name."""
    named: list[tuple[int, int]] = []
    for m in _NAMED.finditer(text):
        if 14 <= len(_digits(m.group("value"))) <= 17:
            named.append((m.start("value"), m.end("value")))
            yield named[-1]
    cards: list[tuple[int, int]] | None = None  # computed only when a bare run needs it
    for m in _BARE.finditer(text):
        start, end = m.span()
        digits = _digits(m.group())
        if digits[:2] not in _RBI or not luhn_valid(digits):
            continue
        if any(s <= start < e for s, e in named):
            continue
        if _OTHER_NUMBER_WORDS.search(text, max(0, start - _ORDER_BEFORE), start):
            continue
        if cards is None:
            cards = list(named_cards(text))
        if not any(s < end and start < e for s, e in cards):
            yield start, end
