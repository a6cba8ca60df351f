"""National identifiers and phone numbers of Japan, Korea, India, Canada, New Zealand, the
Philippines, Indonesia and Thailand, for `kefu.guard.pii` (customers from these places write
to support desks in English or Chinese and type their numbers as their own documents print
them).

After its name, each identifier in any of its usual shapes, the check digit right or wrong (a
typo still leaks the rest); alone, only where the shape and a check digit together make a
false positive rare:

- ``MY_NUMBER``: Japan's My Number (マイナンバー, 個人番号), 12 digits, 4-4-4 or run together.
  Only after its name ("My Number", "my number card", マイナンバー, 個人番号, 个人编号): alone
  it is a 12-digit run that one in eleven passes (`kefu.guard.checksums.my_number_valid`).
- ``RRN``: Korea's resident registration number YYMMDD-NNNNNNN (주민등록번호). Alone only
  dashed, with a real month and day, a sex digit 1-8 and a right check digit
  (`kefu.guard.checksums.rrn_valid`); numbers issued since October 2020 have no check digit,
  so those are found after their name only.
- ``AADHAAR``: India's Aadhaar, 12 digits (4-4-4), only after its name: Verhoeff passes one in
  ten. ``PAN``: India's Permanent Account Number AAAAA9999A, after its name only: it has no
  public check, and alone it is a part number's shape.
- ``SIN``: Canada's Social Insurance Number, 9 digits (3-3-3), after "SIN" (in capitals),
  "social insurance number" or "NAS"; alone it is a Luhn number (one in ten) or a TFN's shape.
- ``IRD``: New Zealand's IRD number, 8-9 digits, after its name.
- ``PHILSYS``: the Philippine national ID number (PSN, 12 digits; the card's PCN, 16), and
  ``SSS`` the Social Security System number (10 digits, 2-7-1), after their names.
- ``NIK``: Indonesia's 16-digit population number (on the KTP), after its name.
- ``TH_ID``: Thailand's 13-digit identity number; alone only printed 1-4-5-2-1 with dashes or
  spaces and a right check digit (`kefu.guard.checksums.thai_id_valid`).
- An ID word ("ID number", "national ID", "身份证号") followed by a 12- or 13-digit number that
  passes one of these checks is that identifier.

Phone numbers (``PHONE``) in national format ("090 1234 5678", "0917 123 4567", "98765 43210",
"0812 3456 789", "09171234567"): near a phone word with no order word between (as
`kefu.guard.pii_asia.local_phones`), since an order number has every such shape. Those with the
international prefix ("+81 90...") are `kefu.guard.pii`'s international numbers already.

An order, booking or invoice word just before a value alone, or a currency next to it, makes it
that thing's number. Each pattern has bounded quantifiers only, so scanning stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kefu.guard._regex import after_order_word, is_amount
from kefu.guard.checksums import aadhaar_valid, my_number_valid, rrn_valid, thai_id_valid
from kefu.guard.pii_asia import PHONE_WORDS

D = "[0-9０-９]"
_NOT_AFTER = "(?![A-Za-z0-9０-９_])"
_NO_MORE = "(?![ \\-－]?" + D + ")"
# a digit first, not inside a longer run of digits or groups
_NOT_BEFORE = "(?<![A-Za-z0-9０-９_+＋\\-/.])(?<![0-9０-９][ \\-－])"
# "saya" is Indonesian and Malay "my" after the noun ("NIK saya"), "adalah" their "is"
_SAID = (
    "[ \t]{0,3}(?:(?i:saya|ku)[ \t]{1,3})?"
    "(?:(?:[:：=#,，]|is|was|are|adalah|是|为|為|係|は)[ \t]{0,3})?"
)
_NUM = "(?: (?:number|no\\.?|num|#))?"
_G = "[ \\-－]?"  # between groups


def _named(first: str, names: str, value: str) -> re.Pattern[str]:
    """``names`` (an alternation that checks its own word boundaries), then ``value``;
    ``first`` is the characters a name starts with (a cheap test at each position)."""
    return re.compile(
        "(?=[" + first + "])(?:" + names + ")" + _SAID + "(?P<value>" + value + ")"
        + _NOT_AFTER + _NO_MORE
    )  # fmt: skip


def _en(words: str) -> str:
    """English names, any case, with an optional "number"/"no." after them."""
    return "(?<![A-Za-z])(?i:(?:" + words + ")" + _NUM + ")(?<=[A-Za-z.#])(?![A-Za-z])"


def _caps(words: str) -> str:
    """Abbreviations in capitals only ("SIN", "PAN"): in lower case they are words."""
    return "(?<![A-Za-z])(?:" + words + ")(?i:" + _NUM + ")(?<=[A-Za-z.#])(?![A-Za-z])"


_D12 = D + "{4}" + _G + D + "{4}" + _G + D + "{4}"
_D13_TH = D + _G + D + "{4}" + _G + D + "{5}" + _G + D + "{2}" + _G + D
_D16 = D + "{4}" + _G + D + "{4}" + _G + D + "{4}" + _G + D + "{4}"
_D9 = D + "{3}" + _G + D + "{3}" + _G + D + "{3}"

_NAMED: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "MY_NUMBER",
        _named(
            "MmIiマ個个",
            "(?<![A-Za-z])(?:My ?Number|MY ?NUMBER|(?i:my ?number card|individual number))"
            "(?i:(?: card)?" + _NUM + ")(?![A-Za-z])"
            "|マイナンバー(?:カード)?(?:番号)?|個人番号|个人番号|个人编号|個人編號",
            _D12,
        ),
    ),
    (
        "RRN",
        _named(
            "RrKk주韩韓",
            _en("resident registration|korean (?:resident |national )?id|rrn")
            + "|주민(?:등록)?번호|韩国身份证(?:号码?)?|韓國身分證(?:號碼?)?",
            D + "{6}" + _G + D + "{7}",
        ),
    ),
    ("AADHAAR", _named("AaUuआ", _en("aadhaa?r(?: card)?|adhaar(?: card)?|uidai?") + "|आधार", _D12)),
    (
        "PAN",
        _named(
            "PpCc",
            _caps("PAN(?: [Cc]ard)?")
            + "|"
            + _en("pan card|permanent account"),
            "[A-Za-z]{5}" + D + "{4}[A-Za-z]",
        ),
    ),
    (
        "SIN",
        _named("SsNn", _caps("SIN|NAS") + "|" + _en("social insurance"), _D9),
    ),
    (
        "IRD",
        _named(
            "Ii",
            _caps("IRD") + "|" + _en("ird|inland revenue"),
            D + "{2,3}" + _G + D + "{3}" + _G + D + "{3}",
        ),
    ),
    (
        "PHILSYS",
        _named(
            "Pp",
            _caps("PSN|PCN")
            + "|"
            + _en("philsys(?: card)?|phil ?id|philippine (?:national )?id(?: card)?"),
            _D16 + "|" + _D12,
        ),
    ),
    (
        "SSS",
        _named(
            "Ss",
            _caps("SSS(?: ID)?") + "|" + _en("social security system"),
            D + "{2}" + _G + D + "{7}" + _G + D,
        ),
    ),
    (
        "NIK",
        _named(
            "NnKkEe",
            _caps("NIK|KTP|E-KTP|e-KTP")
            + "|"
            + _en("nomor induk kependudukan|(?:nomor|no\\.?) ktp|nik ktp"),
            _D16,
        ),
    ),
    (
        "TH_ID",
        _named(
            "TtCcเบ泰",
            _en("thai (?:national )?id(?: card)?|thai citizen id|citizen id")
            + "|เลขประจำตัวประชาชน|เลขบัตรประชาชน|บัตรประชาชน|泰国身份证(?:号码?)?",
            _D13_TH,
        ),
    ),
)  # fmt: skip

# A generic ID word: the value's own check digit says which identifier it is.
_ID_WORD = _named(
    "NnMmPpIi身",
    _en("(?:national |my |personal )?id(?:entity)?(?: card)?(?: number| no\\.?)?"
        "|identity number|identification number")
    + "|身[份分][证證](?:号码?|號碼?)?",
    D + "{6}[\\-－]" + D + "{7}|" + _D13_TH + "|" + _D12,
)  # fmt: skip
_ID_CHECKS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("TH_ID", thai_id_valid),
    ("RRN", rrn_valid),
    ("AADHAAR", aadhaar_valid),
    ("MY_NUMBER", my_number_valid),
)

_RRN_PLAIN = re.compile(
    "(?=[0-9])" + _NOT_BEFORE + "[0-9]{2}(?:0[1-9]|1[0-2])[0-3][0-9][\\-－][1-8][0-9]{6}"
    + _NOT_AFTER + _NO_MORE
)  # fmt: skip
_TH_PLAIN = re.compile(
    "(?=[1-8])" + _NOT_BEFORE + "[1-8]([ \\-－])[0-9]{4}\\1[0-9]{5}\\1[0-9]{2}\\1[0-9]"
    + _NOT_AFTER + _NO_MORE
)  # fmt: skip


_PLAIN: dict[str, tuple[re.Pattern[str], Callable[[str], bool]]] = {
    "RRN": (_RRN_PLAIN, rrn_valid),
    "TH_ID": (_TH_PLAIN, thai_id_valid),
}
WORLD_KINDS: tuple[str, ...] = tuple(kind for kind, _ in _NAMED)


def world_ids(text: str, kind: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each identifier of ``kind`` (one of ``WORLD_KINDS``); named and plain
    ones may overlap."""
    for named_kind, pattern in _NAMED:
        if named_kind == kind:
            for m in pattern.finditer(text):
                yield m.start("value"), m.end("value")
    if any(kind == k for k, _ in _ID_CHECKS):
        for m in _ID_WORD.finditer(text):
            if after_order_word(text, m.start()):  # "order ID 587322169040"
                continue
            value = m.group("value")
            # the first check that passes names it: a number is one identifier
            found = next((k for k, valid in _ID_CHECKS if valid(value)), None)
            if found == kind:
                yield m.start("value"), m.end("value")
    if kind in _PLAIN:
        pattern, valid = _PLAIN[kind]
        for m in pattern.finditer(text):
            if not valid(m.group()) or after_order_word(text, m.start()):
                continue
            if not is_amount(text, m.start(), m.end()):
                yield m.start(), m.end()


# -- phone numbers in national format -----------------------------------------------------

# Local phone words the shared list lacks: Japanese, Korean, Thai, Indonesian and Filipino.
_MORE_PHONE_WORDS = re.compile(
    "電話番号|携帯|けいたい|전화|휴대폰|핸드폰|연락처|โทร|เบอร์"
    "|(?<![A-Za-z])(?:(?i:telp?|telepon|nomor hp|no\\.? hp|landline|viber)|WA)(?![A-Za-z])"
)
_OTHER_NUMBER_WORDS = re.compile(
    "(?i:order|booking|reservation|ref|reference|tracking|invoice|receipt|confirmation|case"
    "|ticket|account|acct|policy|member|parcel|item|sku|awb|resi|pesanan|model|serial|part"
    "|product|code|imei|price|costs?|version|firmware|batch|lot)"
    "|订单|訂單|单号|單號|预约|預約|编号|編號|运单|運單|账号|賬號|帐号|會員|会员|快递|快遞|注文"
)
# A trunk 0 and an area or mobile code, then the subscriber number in one or two groups
# ("090-1234-5678", "(02) 8123 4567", "0812 3456 789", "021 123 4567", "098765 43210"); or
# India's ten digits from 6-9, run together or 5-5 ("98765 43210"); or 0 and 8-12 digits run
# together ("09171234567").
_NATIONAL_PHONE = re.compile(
    "(?=[0-9０-９(（])" + _NOT_BEFORE + "(?<![$¥￥€£#＃])"
    # after the trunk 0 an area or mobile code never starts with 0 (00 dials abroad)
    "(?:(?:[(（][0０][1-9１-９]" + D + "{0,3}[)）] ?|[0０][1-9１-９]" + D + "{0,4}[ \\-－]?)"
    + D + "{2,5}(?:[ \\-－]" + D + "{3,5})?"
    "|[6-9６-９]" + D + "{4}[ \\-－]?" + D + "{5}|[0０][1-9１-９]" + D + "{7,11})"
    + _NOT_AFTER + "(?![ \\-－.]" + D + ")"
)  # fmt: skip
# such a word right before the number names it ("model 98201 44739", "version 0914 ...")
_OTHER_JUST_BEFORE = re.compile(
    "(?:" + _OTHER_NUMBER_WORDS.pattern + ")(?i:" + _NUM + ")[ \t]{0,3}[:：#]?[ \t]{0,3}$"
)
_BEFORE = 30  # characters from a phone word to the number ("call me tomorrow on")
_AFTER = 15  # characters from the number to a phone word after it ("0917 123 4567 (mobile)")


def _phone_word_near(text: str, start: int, end: int) -> bool:
    """A phone word within reach before or after ``text[start:end]``, no order word between."""
    for words in (PHONE_WORDS, _MORE_PHONE_WORDS):
        before = [w for w in words.finditer(text, max(0, start - _BEFORE), start)]
        if before and not _OTHER_NUMBER_WORDS.search(text, before[-1].end(), start):
            return True
        after = words.search(text, end, min(len(text), end + _AFTER))
        if after and not _OTHER_NUMBER_WORDS.search(text, end, after.start()):
            return True
    return False


def national_phones(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number in national format near a phone word."""
    for m in _NATIONAL_PHONE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group())
        if not 9 <= digits <= 13 or after_order_word(text, m.start()):
            continue
        if _OTHER_JUST_BEFORE.search(text[max(0, m.start() - 24) : m.start()]):
            continue
        if is_amount(text, m.start(), m.end()):
            continue
        if _phone_word_near(text, m.start(), m.end()):
            yield m.start(), m.end()
