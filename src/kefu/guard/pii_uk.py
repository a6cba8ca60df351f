"""UK patient and tax numbers for `kefu.guard.pii`: the NHS number (and the same-shaped
numbers of Northern Ireland's H&C and Scotland's CHI) and the National Insurance number.

- NHS numbers: 10 digits, usually printed 3-3-4 ("485 777 3456"), the last a modulus 11
  check digit. After a name ("NHS number", "NHS no:", "my NHS no is", "NHS号码", "CHI number",
  "H&C number"), any 10 digits, run together, spaced or dashed, checksum or not: a customer's
  typo still leaks their record's key. Without a name only the printed form: three spaced
  groups 3-3-4, a first digit that is issued (3 for H&C, 4, 6 and 7 for NHS England and
  Wales) and a right check digit. A bare 10-digit run is never one: one order number in
  eleven passes the check by chance.
- National Insurance numbers: two letters, six digits, a suffix A-D. After a name ("NI
  number", "national insurance no.", "NINO", "国民保险号"), any two letters and an optional
  suffix, spaced or not (HMRC's own example "QQ 12 34 56 C" has a prefix never issued).
  Without a name: capitals, written "AB123456C" or "AB 12 34 56 C", with an allocatable prefix
  (`kefu.guard.checksums.ni_number_valid`).

The name stays readable ("NHS number [NHS]", "NI number [NI]"). Each pattern has bounded
quantifiers only and starts with a look-ahead on its first character, so scanning stays linear
in the input length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kefu.guard.checksums import nhs_valid, ni_number_valid

D = "[0-9０-９]"
_NOT_AFTER = "(?![A-Za-z0-9０-９_])"
# Between a name and its value: spaces, then a colon, comma, "is", 是... and spaces.
_SAID = "[ \t]{0,3}(?:(?:[:：=#,，]|is|是|为|為)[ \t]{0,3})?"
_NUMBER_WORD = " (?:number|no\\.?|num|#|id)"

_NHS_NAMED = re.compile(
    "(?=[NnCcHh])(?<![A-Za-z])"
    "(?:(?i:nhs|h ?& ?c)(?i:" + _NUMBER_WORD + ")?|(?i:(?:chi|health and care)" + _NUMBER_WORD + ")"
    "|(?i:community health index)(?i:" + _NUMBER_WORD + ")?|CHI)"
    "(?:(?<=[A-Za-z.#])(?![A-Za-z])|号码?|编号)"
    + _SAID
    + "(?P<value>"
    + D
    + "{3}[ \\-－]?"
    + D
    + "{3}[ \\-－]?"
    + D
    + "{4})"
    + _NOT_AFTER
    + "(?![ \\-－]"
    + D
    + ")"
)
# The printed form: the groups are spaced, never dashed (a dashed 3-3-4 is a US phone) and
# not part of a longer run of groups ("+1 415 555 0132", "1234 485 777 3456").
_NHS_PRINTED = re.compile(
    "(?=[3467３４６７])(?<![A-Za-z0-9０-９_+＋\\-])(?<![0-9０-９][ \\-－])"
    "[3467３４６７]" + D + "{2} " + D + "{3} " + D + "{4}" + _NOT_AFTER + "(?![ \\-－]" + D + ")"
)

# The value spaced, dashed ("AB-12-34-56-C") or run together, in either case.
_NI_GAP = "[ \\-－]?"
_NI_NAMED = re.compile(
    "(?=[NnIi国])"
    "(?:(?<![A-Za-z])(?i:national insurance(?:"
    + _NUMBER_WORD
    + ")?|ni"  # a bare "ni" is no name: "ni" needs its number word, a colon or capitals
    + _NUMBER_WORD
    + "|nino)(?<=[A-Za-z.#])(?![A-Za-z])|(?<![A-Za-z])(?:NI|(?i:ni)(?=[ \t]{0,3}[:：]))"
    "(?![A-Za-z])|NI号码?|国民保险(?:号码?|编号))"
    + _SAID
    + "(?P<value>[A-Za-z]{2}"
    + _NI_GAP
    + D
    + "{2}"
    + _NI_GAP
    + D
    + "{2}"
    + _NI_GAP
    + D
    + "{2}(?:"
    + _NI_GAP
    + "[A-Da-d])?)"
    + _NOT_AFTER
)
_NI_PLAIN = re.compile(
    "(?<![A-Za-z0-9０-９_])[A-Z]{2}(?:[0-9]{6}|(?: [0-9]{2}){3} )[A-D](?![A-Za-z0-9０-９_])"
)


def nhs_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each NHS, CHI or H&C number; named and printed ones may overlap."""
    for m in _NHS_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _NHS_PRINTED.finditer(text):
        if nhs_valid(m.group()):
            yield m.start(), m.end()


def ni_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each National Insurance number; named and plain ones may overlap."""
    for m in _NI_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _NI_PLAIN.finditer(text):
        if ni_number_valid(m.group()):
            yield m.start(), m.end()


# Bank details (a tester's energy customer: "sort code 20-45-77 account 12345678"). A sort
# code only after its name; an account number after "bank account" / 银行账号, or after
# "account" within reach of a sort code. "my account number is 12345678" alone is usually the
# business's own customer number, which its agents need to read.
_SORT_CODE = re.compile(
    "(?=[Ss])(?<![A-Za-z])(?i:sort[ \\-]?code)(?![A-Za-z])"
    + _SAID
    + "(?P<value>"
    + D
    + "{2}[ \\-－]?"
    + D
    + "{2}[ \\-－]?"
    + D
    + "{2})"
    + _NOT_AFTER
    + "(?![ \\-－]"
    + D
    + ")"
)
_ACCOUNT = re.compile(
    "(?=[BbAa银])"
    "(?:(?<![A-Za-z])(?P<bank>(?i:bank) )?(?i:account|acct|a/c)(?i: (?:number|no\\.?|num|#))?"
    "(?<=[A-Za-z.#/])(?![A-Za-z])|银行(?:账号|账户|帳號|帳戶)(?:号码?)?)"
    + _SAID
    + "(?P<value>"
    + D
    + "{6,20})"
    + _NOT_AFTER
)
_NEAR_SORT_CODE = 60  # characters between an account number and its sort code


def bank_details(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sort code after its name and each bank account number."""
    codes = [(m.start(), m.end("value")) for m in _SORT_CODE.finditer(text)]
    for m in _SORT_CODE.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _ACCOUNT.finditer(text):
        named = m.group("bank") is not None or m.group().startswith("银行")
        near = any(
            start - _NEAR_SORT_CODE <= m.start() <= end + _NEAR_SORT_CODE for start, end in codes
        )
        if named or near:
            yield m.start("value"), m.end("value")
