"""The compiled regular expressions behind `kefu.guard.pii`'s own kinds.

`kefu.guard.pii` finds candidates with these patterns, validates them (checksums, issuer
prefixes, lengths) and resolves overlaps; the patterns themselves -- a long, self-contained
block of regex construction -- live here so that the detection logic stays a readable size.
The linear-time promise of `kefu.guard.pii` holds for them: every quantifier is bounded and
no two alternatives can overlap.
"""

from __future__ import annotations

import re

D = "[0-9０-９]"
_NOT_BEFORE = r"(?<![A-Za-z0-9０-９_])"  # no letter/digit immediately before
_NOT_AFTER = r"(?![A-Za-z0-9０-９_])"
_SEP = "[ \\-－]"

EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])"
    r"[A-Za-z0-9_%+\-](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9\-]|\.[A-Za-z0-9])"
)

# An address spelled out so that robots miss it: "priya(dot)shah@brightwidget.co.uk",
# "name(dot)surname(at)domain(dot)com", "priya [at] brightwidget [dot] com". Only the
# bracketed words count ("look at example dot com" is a sentence); the whole address goes, the
# name before a "(dot)" too. `kefu.guard.pii` checks the last label is a top-level domain's.
_LOCAL_WORD = "[A-Za-z0-9_%+\\-]{1,64}"
_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
_SPELLED_DOT = "(?:\\.|\\s?[(\\[{<]\\s?(?i:dot)\\s?[)\\]}>]\\s?)"
_SPELLED_AT = "(?:@|\\s?[(\\[{<]\\s?(?i:at)\\s?[)\\]}>]\\s?)"
EMAIL_SPELLED = re.compile(
    "(?<![A-Za-z0-9._%+\\-])"
    + _LOCAL_WORD
    + "(?:"
    + _SPELLED_DOT
    + _LOCAL_WORD
    + "){0,4}"
    + _SPELLED_AT
    + _LABEL
    + "(?:"
    + _SPELLED_DOT
    + _LABEL
    + "){1,8}(?![A-Za-z0-9\\-])"
)
# Only a text with a bracketed "at" or "dot" is searched for one.
SPELLED_WORD = re.compile("[(\\[{<]\\s?(?i:at|dot)\\s?[)\\]}>]")

PHONE_INTL = re.compile(
    r"(?<![A-Za-z0-9０-９_+])[+＋]" + D + "{1,3}"
    r"(?:[ .\-]?\("
    + D
    + r"{1,4}\)|(?:[ .\-]|(?<=\)))"
    + D
    + "{1,8}){1,6}"
    + _NOT_AFTER
    + r"(?!-"
    + D
    + ")"
    "|(?<![A-Za-z0-9０-９_+])[+＋]" + D + "{8,15}" + _NOT_AFTER
)
PHONE_US = re.compile(
    r"(?<![A-Za-z0-9０-９_+\-.])(?<![0-9０-９][ \-])(?:1[ .\-])?"
    r"(?:\([2-9]\d\d\)[ .\-]?|[2-9]\d\d[ .\-])"
    r"[2-9]\d\d[ .\-]\d{4}" + _NOT_AFTER + r"(?![.\-]\d)"
)
_NB = "[A-Za-z0-9０-９_]"  # characters that may not touch a number on the left


def _lead(first: str, forbidden: str = _NB) -> str:
    """``first`` not preceded by ``forbidden``; the look-behind comes after the first character
    so the regex engine can skip ahead with a fast character-set scan."""
    return first + "(?<!" + forbidden + first + ")"


# ...nor be one group of a longer spaced/dashed digit run ("6265 0787 8145 2737").
_NOT_IN_GROUP = "(?<![0-9０-９][ \\-－].)"
_NO_MORE_GROUPS = "(?![ \\-－]" + D + ")"
PHONE_CN_MOBILE = re.compile(
    "(?:"
    + _lead("[0０]", "[A-Za-z0-9０-９_+＋\\-]")
    + "[0０][8８][6６]"  # 0086, the international prefix dialled from China
    + _SEP
    + "?[1１]|"
    + _lead("8", "[A-Za-z0-9０-９_+＋\\-]")
    + "6"
    + _SEP
    + "?[1１]|"
    + _lead("[1１]", "[A-Za-z0-9０-９_+＋\\-]")
    + _NOT_IN_GROUP
    + ")"
    "[3-9３-９]" + D + "(?:" + _SEP + "?" + D + "{4}){2}" + _NOT_AFTER + _NO_MORE_GROUPS
)
# A UK mobile in national format: 07 and nine more digits, spaced as people write them
# ("07700 900123", "07911 123 456") or run together ("07911123456"). With +44 it is an
# international number (above).
PHONE_UK_MOBILE = re.compile(
    _lead("[0０]", "[A-Za-z0-9０-９_+＋\\-]")
    + _NOT_IN_GROUP
    + "[7７](?:"
    + _SEP
    + "?"
    + D
    + "){9}"
    + _NOT_AFTER
    + _NO_MORE_GROUPS
)
# A UK landline in national format, grouped as the numbering plan groups it: "020 7946 0018"
# (London and the other 02 areas), "0161 496 0000" (011x and 01x1 cities), "01632 960123"
# (the rest), with the area code bracketed or not, or run together. The fixed groups keep
# order numbers and dates out: a digit run must have a landline's exact length and start.
_UK_LANDLINE_FORMS = (
    ("[2２]" + D, D + "{4}" + _SEP + "?" + D + "{4}"),
    ("[1１]" + D + "{2}", D + "{3}" + _SEP + "?" + D + "{4}"),
    ("[1１]" + D + "{3}", D + "{5,6}"),
)
PHONE_UK_LANDLINE = re.compile(
    "(?<![A-Za-z0-9０-９_+＋\\-])"
    + _NOT_IN_GROUP
    + "(?:"
    + "|".join(
        f"(?:[(（][0０]{area}[)）]{_SEP}?|[0０]{area}{_SEP}?){rest}"
        for area, rest in _UK_LANDLINE_FORMS
    )
    + ")"
    + _NOT_AFTER
    + _NO_MORE_GROUPS
)
PHONE_CN_LANDLINE = re.compile(
    r"(?:"
    + _lead("[(（]", "[A-Za-z0-9０-９_]")
    + "0"
    + D
    + r"{2,3}[)）] ?|"
    + _lead("[0０]", "[A-Za-z0-9０-９_+＋\\-]")
    + _NOT_IN_GROUP
    + D
    + "{2,3}"
    + _SEP
    + ")"
    "[1-9１-９]" + D + "{2,3}" + _SEP + "?" + D + "{4}" + _NOT_AFTER + _NO_MORE_GROUPS
)
CARD = re.compile(_lead(D, "[A-Za-z0-9０-９_\\-.]") + "(?:[ \\-]?" + D + "){12,18}" + _NOT_AFTER)
CN_ID = re.compile(_lead(D) + D + "{16}[0-9０-９XxＸｘ]" + _NOT_AFTER)
IBAN = re.compile(_lead("[A-Z]", "[A-Za-z0-9]") + r"[A-Z]\d{2}(?: ?[A-Z0-9]){11,30}(?![a-z0-9])")
# After its name an IBAN may be in lower case ("IBAN: gb82west12345698765432"): the name, not
# the capitals, says what it is.
IBAN_NAMED = re.compile(
    "(?=[Ii])(?<![A-Za-z])(?i:iban)(?: (?i:number|no\\.?|num|#))?(?![A-Za-z])"
    "[ \t]{0,3}(?:(?:[:：=#]|is|是|为|為|係)[ \t]{0,3})?"
    r"(?P<value>[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30})(?![A-Za-z0-9])"
)
SSN = re.compile(
    _lead(D, "[A-Za-z0-9０-９_\\-.]")
    + D
    + "{2}[-－]"
    + D
    + "{2}[-－]"
    + D
    + "{4}"
    + _NOT_AFTER
    + r"(?![\-.]\d)"
)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4 = re.compile(
    r"(?=\d)(?<![0-9_.vV])" + _OCTET + r"(?:\." + _OCTET + "){3}" + r"(?![A-Za-z0-9_]|\.\d)"
)

# A card's security code and expiry date: named, then (after a colon, "is", 是...) the value.
# The name is what makes "123" or "12/27" a card detail, so only named values are found.
_SAID = "[ \t]{0,3}(?:(?:[:：=#]|is|是|为|為)[ \t]{0,3})?"
CVV = re.compile(
    "(?:(?<![A-Za-z])(?i:cvv2?|cvc2?|cvn2?|csc|card security code|security code)(?![A-Za-z])"
    "|安全码|安全碼|校验码|校驗碼|后三位|後三位)" + _SAID + "(?P<value>" + D + "{3,4})" + _NOT_AFTER
)
CARD_EXPIRY = re.compile(
    "(?:(?<![A-Za-z])(?i:exp(?:iry|iration|ires|iring|\\.)?(?: (?:date|on))?"
    "|valid (?:thru|through|until|to)|good (?:thru|through|until))(?![A-Za-z])"
    "|有效期[至到]?|有效日期|到期(?:日期|日|时间)?)"
    + _SAID
    + "(?P<value>(?:0?[1-9]|1[0-2]|０?[１-９]|１[０-２])[/／\\-－.](?:20|２０)?"
    + D
    + "{2})"
    + _NOT_AFTER
    + "(?![/／\\-－.]"
    + D
    + ")"  # 12/27/2024 is a date, not an expiry
)

# A medical record number, after its name ("MRN 00448812", "medical record number 448812",
# "病历号：448812"; the name stays readable), or written as one token ("MR-448812"). Like the
# card's security code, the digits alone are anything: only named values are found.
MRN = re.compile(
    "(?=[MmPpHhCc病住门就])"  # every name starts so: a fast scan skips to the candidates
    "(?:(?<![A-Za-z])(?i:mrn|medical record (?:number|no\\.?|#|id)|med(?:ical)? rec(?:ord)? "
    "(?:no\\.?|#)|(?:patient|hospital|chart) (?:record |file )?(?:number|no\\.?|#|id))"
    "(?![A-Za-z])|病历号码?|病历编号|病历卡号|病案号|住院号|门诊号|就诊卡号|就诊号)"
    + _SAID
    + "(?P<value>(?:[A-Z]{1,3}-?)?"
    + D
    + "{4,12})"
    + _NOT_AFTER
    + "|(?<![A-Za-z0-9_])(?P<token>MRN?[-#]?"
    + D
    + "{4,12})"
    + _NOT_AFTER
)
