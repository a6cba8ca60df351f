"""Travel-permit numbers for `kefu.guard.pii`: the identity documents of Hong Kong, Macau and
Taiwan residents in the mainland, and of mainlanders travelling there.

An online brokerage's tester (金舟证券 GoldBoat Securities, 2026-11-30) found
"我的港澳通行证号码是C12345678" and "台胞证号码01234567" stored and shown to staff verbatim;
for a mainland or Hong Kong business these are the main IDs of many customers:

- 港澳通行证 (往来港澳通行证, the Exit-Entry Permit): C or an older W and eight digits
  ("C12345678"), the card edition a letter, a letter or digit, and seven digits;
- 回乡证 (港澳居民来往内地通行证, the Home Return Permit / Mainland Travel Permit): H or M and
  eight or ten digits ("H1234567801");
- 台胞证 (台湾居民来往大陆通行证): eight digits, older ones ten, sometimes with a bracketed
  letter ("01234567", "1234567890(B)");
- 大陆居民往来台湾通行证: L and eight digits.

A number is taken only after the document's name ("港澳通行证号码是", "回鄉證", "Home Return
Permit no.", "travel permit") or a document-number word (证件号码): alone it is any order or
product code. The value is one or two letters and 7-10 digits, or 8-10 digits, with an
optional bracketed check letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

D = "[0-9０-９]"
_NOT_AFTER = "(?![A-Za-z0-9０-９_])"
# Between a name and its value: spaces, then a colon, "is", 是, Cantonese 係... and spaces.
_SAID = "[ \t]{0,3}(?:(?:[:：=#,，]|is|是|为|為|係)[ \t]{0,3})?"
_NUMBER_WORD_ZH = "(?:的)?(?:号码?|號碼?|编号|編號|证号|證號|证件号码?|證件號碼?)?"
_NAMES_ZH = (
    "(?:(?:往来|往來|来往|來往)?港澳(?:通行[证證]|[证證])|(?:往来|往來)?台湾(?:通行[证證])|"
    "港澳居民(?:来往|來往)内地通行[证證]|台湾居民(?:来往|來往)大陆通行[证證]|"
    "台灣居民(?:來往|来往)大陸通行[證证]|回[乡鄉][证證]|台胞[证證]|通行[证證]|"
    "[证證]件(?:号码?|號碼?|编号|編號))"
)
_NAMES_EN = (
    "(?i:home[- ]return permit|mainland travel permit|exit[- ]entry permit|two[- ]way permit|"
    "travel permit|taiwan compatriot (?:permit|card|certificate)|hrp|eep|mtp)"
    "(?i:(?: (?:card|document))?(?: (?:number|no\\.?|num|#))?)"
)
_PERMIT = re.compile(
    "(?:(?<![A-Za-z])"
    + _NAMES_EN
    + "(?<=[A-Za-z.#])(?![A-Za-z])|"
    + _NAMES_ZH
    + _NUMBER_WORD_ZH
    + ")"
    + _SAID
    + "(?P<value>(?:[A-Za-z]{1,2}"
    + D
    + "{7,10}|"
    + D
    + "{8,10})(?:[(（][A-Za-z0-9][)）])?)"
    + _NOT_AFTER
)


def travel_permits(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each travel-permit number after its name."""
    for m in _PERMIT.finditer(text):
        yield m.start("value"), m.end("value")
