"""Regex + checksum PII recognisers for English and Chinese support text.

Detection runs on the raw text, so span offsets index the caller's string exactly. Digits may
be ASCII or full-width (０-９); checksums are computed on the ASCII-folded value.

Every pattern uses bounded quantifiers whose alternatives cannot overlap, and every candidate
is validated in Python, so scanning is linear in the input length (a 1 MB adversarial string
takes under two seconds; a megabyte made of 150,000 identifiers, each a Python object, about
two to three on a busy two-core machine).

Kinds and how they are validated:

- ``EMAIL``   -- local@domain.tld, ASCII only.
- ``PHONE``   -- +country international numbers (8-15 digits), US numbers with separators,
  Chinese mobiles (1[3-9]x, optional +86/86/0086, spaced or dashed), Chinese landlines with
  an area code (010-12345678, (0755) 1234567), UK landlines (020 7946 0018, 0161 496 0000,
  (01632) 960123) and UK mobiles in national format (07700 900123,
  07911123456).
- ``CARD``    -- 13-19 digits with optional spaces/dashes, known issuer prefix, Luhn-valid;
  or any 13-19 digit run right after a card word ("银行卡", "卡号", "card number", "my card
  is"), checksum or not: a customer's typo still leaks their real digits; see
  `kefu.guard.pii_cards`.
- ``CVV``     -- a card's 3-4 digit security code, after its name ("CVV: 123", "安全码 123");
  only the digits are the span. Three digits alone are anything.
- ``CARD_EXPIRY`` -- MM/YY or MM/YYYY after "exp", "expires (on)", "expiring", "valid thru",
  "valid until", "有效期", "到期"...
- ``CN_ID``   -- 18-character resident ID: a real birth date, and a right MOD 11-2 check
  character or a known province code (a mistyped check character is still someone's ID).
- ``IBAN``    -- country code + check digits, the country's length, mod-97 valid.
- ``SSN``     -- ###-##-####, not area 000/666/9xx, group 00 or serial 0000.
- ``IP``      -- dotted IPv4 with octets 0-255.
- ``MRN``     -- a medical record number after its name ("MRN 00448812", "病历号 448812") or
  written as one token ("MR-448812"); 4-12 digits, optionally after 1-3 capital letters.
- ``PASSPORT`` -- after "passport (number)", "护照(号)": 6-9 letters and digits, at least 5
  digits; see `kefu.guard.pii_named`.
- ``DOB``     -- a date after "date of birth", "DOB", "born on", "出生日期"...; ordinary dates
  stay; see `kefu.guard.pii_named`.
- ``NHS``     -- a UK NHS number (or a CHI or H&C number) after its name, any 10 digits; or
  printed 3-3-4 with spaces and a right modulus 11 check digit; see `kefu.guard.pii_uk`.
- ``NI``      -- a UK National Insurance number; see `kefu.guard.pii_uk`.
- ``HKID``    -- a Hong Kong identity card number after its name, or alone with a right check
  digit; see `kefu.guard.pii_asia` (also for the next two, and for Hong Kong and Singapore
  8-digit phone numbers, which are ``PHONE`` near a phone word).
- ``NRIC``    -- a Singapore NRIC/FIN after its name (or a licence word), or alone with a right
  check letter.
- ``PLATE``   -- a vehicle plate right after a plate word ("plate 沪A12345", "车牌 SGX1234A").
- ``BANK_ACCOUNT`` -- a UK sort code after its name, and a bank account number after "bank
  account" / "银行账号" or after "account" near a sort code; see `kefu.guard.pii_uk`.
- ``ADDRESS`` -- best effort, see `kefu.guard.pii_address`.
- ``PIN``, ``OTP``, ``PASSWORD`` -- a value right after its name ("my PIN is 4821", "验证码
  662781", "密码：abc123"); see `kefu.guard.pii_secrets`.
- ``MEDICAL_ID`` -- a medical insurance, social security or clinic card number after its name
  ("医保卡号 0012345678"); it outranks a card (a Luhn-valid 13-digit one is still not a
  bank card) and ties with a resident ID, which wins (a 社保卡号 is often the ID number).
- ``TRAVEL_PERMIT`` -- a 港澳通行证, 回乡证 (Home Return Permit) or 台胞证 number after its name
  ("港澳通行证号码是C12345678", "台胞证 01234567"); see `kefu.guard.pii_permits`.
- ``IMEI``    -- a phone's IMEI alone (15 digits, Luhn-valid, a GSMA prefix; run together or
  2-6-6-1), or any 14-17 digits after "IMEI", "MEID", "串号", "序列号"; it outranks a card (a
  labelled IMEI may pass an issuer's checks), and a bare one never has a 15-digit card's
  prefix; see `kefu.guard.pii_device`.
- ``TW_ID`` -- a Taiwan ID or resident certificate number; Taiwan mobiles, NHI card numbers and
  addresses are ``PHONE``, ``MEDICAL_ID`` and ``ADDRESS``; see `kefu.guard.pii_tw`.
- ``MYKAD``, ``MEDICARE``, ``TFN``, ``LICENCE``, ``ABN``, ``ACN`` -- Malaysian identity card,
  Australian Medicare, tax file, business and company numbers, driver licences; a BSB is a
  ``BANK_ACCOUNT``; see `kefu.guard.pii_au_my`.
- ``MY_NUMBER``, ``RRN``, ``AADHAAR``, ``PAN``, ``SIN``, ``IRD``, ``PHILSYS``, ``SSS``, ``NIK``,
  ``TH_ID`` -- the national numbers of Japan, Korea, India (two), Canada, New Zealand, the
  Philippines (two), Indonesia and Thailand, after their names (alone only a Korean or Thai
  one whose shape and check digit make it rare); those countries' phone numbers in
  national format near a phone word are ``PHONE``; see `kefu.guard.pii_world`.

Numbers in Chinese or English digit words, spaced or dotted, full-width emails and emails read
out ("jane dot doe at gmail dot com") are found on a folded copy; see `kefu.guard.pii_obfusc`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from kefu.guard import pii_patterns as patterns
from kefu.guard.checksums import (
    IBAN_LENGTHS,
    ascii_digits,
    cn_id_mistyped,
    cn_id_valid,
    iban_valid,
    ssn_valid,
)
from kefu.guard.pii_address import find_addresses
from kefu.guard.pii_asia import hkids, local_phones, nrics, plates
from kefu.guard.pii_au_my import (
    abns,
    acns,
    au_bank_details,
    licences,
    medicare_numbers,
    mykads,
    tfns,
)
from kefu.guard.pii_cards import cards, named_card_spans
from kefu.guard.pii_device import imeis
from kefu.guard.pii_named import dates_of_birth, medical_ids, passports
from kefu.guard.pii_obfusc import folded_candidates, spaced_ssns, spoken_phones
from kefu.guard.pii_permits import travel_permits
from kefu.guard.pii_secrets import secrets
from kefu.guard.pii_tw import nhi_cards, tw_addresses, tw_ids, tw_landlines, tw_mobiles
from kefu.guard.pii_uk import bank_details, nhs_numbers, ni_numbers
from kefu.guard.pii_world import WORLD_KINDS, national_phones, world_ids

KINDS: tuple[str, ...] = (
    "EMAIL", "PHONE", "CARD", "CN_ID", "IBAN", "SSN", "IP", "ADDRESS", "CVV", "CARD_EXPIRY",
    "MRN", "PASSPORT", "DOB", "NHS", "NI", "HKID", "NRIC", "PLATE", "BANK_ACCOUNT",
    "PIN", "OTP", "PASSWORD", "MEDICAL_ID", "TRAVEL_PERMIT", "IMEI",
    "TW_ID", "MYKAD", "MEDICARE", "TFN", "LICENCE", "ABN", "ACN", *WORLD_KINDS,
)  # fmt: skip

# Overlap resolution: higher wins, then the longer span, then the earlier one.
_PRIORITY = {
    "CN_ID": 7, "IBAN": 7, "CARD": 6, "SSN": 5, "EMAIL": 5, "CVV": 5, "CARD_EXPIRY": 5, "MRN": 5,
    "PASSPORT": 5, "DOB": 5, "NHS": 5, "NI": 5, "HKID": 5, "NRIC": 5, "PLATE": 5, "IP": 4,
    "BANK_ACCOUNT": 5, "PIN": 5, "OTP": 5, "PASSWORD": 5,
    "MEDICAL_ID": 7, "TRAVEL_PERMIT": 5, "IMEI": 7, "PHONE": 3, "ADDRESS": 1,
    "TW_ID": 7, "MYKAD": 6, "MEDICARE": 5, "TFN": 5, "LICENCE": 4, "ABN": 5, "ACN": 5,
    # named or checked national IDs: above a card (a 16-digit NIK, a PSN's PCN after its name)
    **dict.fromkeys(WORLD_KINDS, 7),
}  # fmt: skip


@dataclass(frozen=True)
class PIISpan:
    kind: str
    start: int
    end: int
    text: str


def _digits(text: str) -> str:
    return "".join(ch for ch in ascii_digits(text) if ch.isascii() and ch.isdigit())


Candidate = tuple[str, int, int]


def _ibans(text: str) -> Iterator[Candidate]:
    for m in patterns.IBAN.finditer(text):
        end = _iban_end(text, m.start(), m.group())
        if end is not None and iban_valid(text[m.start() : end]):
            yield "IBAN", m.start(), end
    # After "IBAN" in any case ("IBAN: gb82west…"), still mod-97 valid.
    for m in patterns.IBAN_NAMED.finditer(text):
        start = m.start("value")
        end = _iban_end(text, start, m.group("value").upper())
        if end is not None and iban_valid(text[start:end].upper()):
            yield "IBAN", start, end


def _iban_end(text: str, start: int, chunk: str) -> int | None:
    """Where the IBAN starting at ``start`` ends: its country's length, not followed by more
    letters or digits; None for an unknown country or a wrong length."""
    want = IBAN_LENGTHS.get(chunk[:2])
    if want is None:
        return None
    count = 0
    for i, ch in enumerate(chunk):
        if ch != " ":
            count += 1
        if count == want:
            nxt = text[start + i + 1 : start + i + 2]
            return start + i + 1 if not nxt or not nxt.isalnum() or not nxt.isascii() else None
    return None


def _spelled_emails(text: str) -> Iterator[Candidate]:
    if not patterns.SPELLED_WORD.search(text):
        return
    for m in patterns.EMAIL_SPELLED.finditer(text):
        value = m.group()
        tld = re.split(r"[.\s()\[\]{}<>]+", value.rstrip(")]}> "))[-1]
        spelled = patterns.SPELLED_WORD.search(value) is not None
        if spelled and tld.isalpha() and 2 <= len(tld) <= 24 and tld.lower() not in ("dot", "at"):
            yield "EMAIL", m.start(), m.end()


def _simple(
    pattern: re.Pattern[str], kind: str, check: Callable[[str], bool] | None = None
) -> Callable[[str], Iterator[Candidate]]:
    def find(text: str) -> Iterator[Candidate]:
        for m in pattern.finditer(text):
            if check is None or check(m.group()):
                yield kind, m.start(), m.end()

    return find


def _named_value(pattern: re.Pattern[str], kind: str) -> Callable[[str], Iterator[Candidate]]:
    """The ``value`` group of each match: the name before it stays readable ("CVV: [CVV]")."""

    def find(text: str) -> Iterator[Candidate]:
        for m in pattern.finditer(text):
            yield kind, m.start("value"), m.end("value")

    return find


def _addresses(text: str) -> Iterator[Candidate]:
    for start, end in find_addresses(text):
        yield "ADDRESS", start, end


def _mrns(text: str) -> Iterator[Candidate]:
    for m in patterns.MRN.finditer(text):
        group = "value" if m.group("value") is not None else "token"
        yield "MRN", m.start(group), m.end(group)


def _pairs(
    find: Callable[[str], Iterator[tuple[int, int]]], kind: str
) -> Callable[[str], Iterator[Candidate]]:
    def candidates(text: str) -> Iterator[Candidate]:
        for start, end in find(text):
            yield kind, start, end

    return candidates


def _secrets(kind: str) -> Callable[[str], Iterator[Candidate]]:
    # One scan finds all three kinds (the name decides which); each recogniser keeps its own.
    def find(text: str) -> Iterator[Candidate]:
        for found, start, end in secrets(text):
            if found == kind:
                yield found, start, end

    return find


def _cn_id_ok(value: str) -> bool:
    # A wrong check character is most often a customer's typo: the rest is still their ID.
    return cn_id_valid(value) or cn_id_mistyped(value)


def _intl_phone_ok(value: str) -> bool:
    return 8 <= len(_digits(value)) <= 15


def _uk_mobile_ok(value: str) -> bool:
    # Three groups at most: "07 700 900 123" and "0-7-7-0-0..." are not how a number is given.
    return len(re.split("[ \\-－]", value)) <= 3


def _us_phone_ok(value: str) -> bool:
    # Mixed separators such as "415-555.0132" are accepted; at least one separator is required
    # by the pattern, so bare 10-digit order numbers are never phones.
    return len(_digits(value)) in (10, 11)


def _world(kind: str) -> Callable[[str], Iterator[tuple[int, int]]]:
    def find(text: str) -> Iterator[tuple[int, int]]:
        return world_ids(text, kind)

    return find


_RECOGNISERS: dict[str, tuple[Callable[[str], Iterator[Candidate]], ...]] = {
    "EMAIL": (_simple(patterns.EMAIL, "EMAIL"), _spelled_emails),
    "PHONE": (
        _simple(patterns.PHONE_INTL, "PHONE", _intl_phone_ok),
        _simple(patterns.PHONE_US, "PHONE", _us_phone_ok),
        _simple(patterns.PHONE_CN_MOBILE, "PHONE"),
        _simple(patterns.PHONE_CN_LANDLINE, "PHONE"),
        _simple(patterns.PHONE_UK_MOBILE, "PHONE", _uk_mobile_ok),
        _simple(patterns.PHONE_UK_LANDLINE, "PHONE"),
        _pairs(local_phones, "PHONE"),
        _pairs(tw_mobiles, "PHONE"),
        _pairs(tw_landlines, "PHONE"),
        _pairs(spoken_phones, "PHONE"),
        _pairs(national_phones, "PHONE"),
    ),
    "CARD": (cards, named_card_spans),
    "CN_ID": (_simple(patterns.CN_ID, "CN_ID", _cn_id_ok),),
    "IBAN": (_ibans,),
    "SSN": (_simple(patterns.SSN, "SSN", ssn_valid), _pairs(spaced_ssns, "SSN")),
    "IP": (_simple(patterns.IPV4, "IP"),),
    "ADDRESS": (_addresses, _pairs(tw_addresses, "ADDRESS")),
    "CVV": (_named_value(patterns.CVV, "CVV"),),
    "CARD_EXPIRY": (_named_value(patterns.CARD_EXPIRY, "CARD_EXPIRY"),),
    "MRN": (_mrns,),
    "PASSPORT": (_pairs(passports, "PASSPORT"),),
    "DOB": (_pairs(dates_of_birth, "DOB"),),
    "NHS": (_pairs(nhs_numbers, "NHS"),),
    "NI": (_pairs(ni_numbers, "NI"),),
    "HKID": (_pairs(hkids, "HKID"),),
    "NRIC": (_pairs(nrics, "NRIC"),),
    "PLATE": (_pairs(plates, "PLATE"),),
    "BANK_ACCOUNT": (
        _pairs(bank_details, "BANK_ACCOUNT"),
        _pairs(au_bank_details, "BANK_ACCOUNT"),
    ),
    "PIN": (_secrets("PIN"),),
    "OTP": (_secrets("OTP"),),
    "PASSWORD": (_secrets("PASSWORD"),),
    "MEDICAL_ID": (_pairs(medical_ids, "MEDICAL_ID"), _pairs(nhi_cards, "MEDICAL_ID")),
    "TRAVEL_PERMIT": (_pairs(travel_permits, "TRAVEL_PERMIT"),),
    "IMEI": (_pairs(imeis, "IMEI"),),
    "TW_ID": (_pairs(tw_ids, "TW_ID"),),
    "MYKAD": (_pairs(mykads, "MYKAD"),),
    "MEDICARE": (_pairs(medicare_numbers, "MEDICARE"),),
    "TFN": (_pairs(tfns, "TFN"),),
    "LICENCE": (_pairs(licences, "LICENCE"),),
    "ABN": (_pairs(abns, "ABN"),),
    "ACN": (_pairs(acns, "ACN"),),
    **{kind: (_pairs(_world(kind), kind),) for kind in WORLD_KINDS},
}


def detect_pii(text: str, *, kinds: Collection[str] | None = None) -> list[PIISpan]:
    """All PII spans in ``text``: sorted by start and non-overlapping.

    ``kinds`` restricts detection to those kinds (see ``KINDS``); unknown kinds raise
    ``ValueError``. On overlap the stronger-validated kind wins (CN_ID/IBAN/IMEI > CARD >
    SSN/EMAIL/CVV/CARD_EXPIRY/MRN/PASSPORT/DOB/NHS/NI/HKID/NRIC/PLATE > IP > PHONE > ADDRESS),
    then the longer span.
    """
    wanted = KINDS if kinds is None else tuple(kinds)
    unknown = [k for k in wanted if k not in _RECOGNISERS]
    if unknown:
        raise ValueError(f"unknown PII kinds: {unknown}; known: {list(KINDS)}")
    if not text:
        return []

    def recognise(value: str) -> Iterator[Candidate]:
        for kind in dict.fromkeys(wanted):
            for recogniser in _RECOGNISERS[kind]:
                yield from recogniser(value)

    candidates = [*recognise(text), *folded_candidates(text, recognise)]
    candidates.sort(key=lambda c: (-_PRIORITY[c[0]], -(c[2] - c[1]), c[1]))
    # The spans taken so far never overlap, so sorted by start they are sorted by end too: a
    # candidate overlaps one of them only if it overlaps a neighbour of its start (bisect),
    # which keeps a text with thousands of spans linear-ish rather than quadratic.
    starts: list[int] = []
    ends: list[int] = []
    labels: list[str] = []
    for kind, start, end in candidates:
        i = bisect.bisect_right(starts, start)
        if start >= end or (i and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        labels.insert(i, kind)
    return [PIISpan(k, s, e, text[s:e]) for k, s, e in zip(labels, starts, ends, strict=True)]


def _mask(span: PIISpan) -> str:
    if span.kind in ("CARD", "PHONE"):
        return f"[{span.kind} ****{_digits(span.text)[-4:]}]"
    return f"[{span.kind}]"


def redact(text: str, *, kinds: Collection[str] | None = None, style: str = "label") -> str:
    """``text`` with every detected span replaced by ``[KIND]``.

    ``style="mask"`` keeps the last four digits of cards and phones (``[CARD ****1111]``).
    """
    if style not in ("label", "mask"):
        raise ValueError(f"style must be 'label' or 'mask', not {style!r}")
    out: list[str] = []
    pos = 0
    for span in detect_pii(text, kinds=kinds):
        out.append(text[pos : span.start])
        out.append(_mask(span) if style == "mask" else f"[{span.kind}]")
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def redact_repeated(text: str, source: str, *, kinds: Collection[str] | None = None) -> str:
    """``text`` with ``[KIND]`` in place of each identifier it shares with ``source``.

    For storing a reply to ``source``: what the reply repeats of the customer's identifiers
    goes, while its own (the business's support number, from the knowledge base) stays.
    """
    theirs = {_identity(span) for span in detect_pii(source, kinds=kinds)}
    if not theirs:
        return text
    out: list[str] = []
    pos = 0
    for span in detect_pii(text, kinds=kinds):
        if _identity(span) in theirs:
            out.append(text[pos : span.start])
            out.append(f"[{span.kind}]")
            pos = span.end
    out.append(text[pos:])
    return "".join(out)


def _identity(span: PIISpan) -> tuple[str, str]:
    """What makes two spans the same identifier however it is written: "139 1234 5678" is
    "+86 139-1234-5678" (the last 8 digits; a prefix may be dropped), emails ignore case."""
    if span.kind == "PHONE":
        return span.kind, _digits(span.text)[-8:]
    if span.kind in ("EMAIL", "ADDRESS"):
        return span.kind, span.text.casefold()
    return span.kind, "".join(ch for ch in ascii_digits(span.text) if ch.isalnum()).upper()
