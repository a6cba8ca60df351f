"""Check-digit algorithms used to validate PII candidates (pure functions, no imports)."""

from __future__ import annotations

from datetime import date

_FULLWIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789XX")

#: ISO 13616 IBAN length per country (the common ones; unknown countries are rejected).
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22,
    "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21,
    "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27,
    "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
    "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}  # fmt: skip

_CN_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CN_ID_CHECK = "10X98765432"


def ascii_digits(value: str) -> str:
    """Map full-width digits (and Ｘ) to ASCII; other characters are kept."""
    return value.translate(_FULLWIDTH)


def only_alnum(value: str) -> str:
    """ASCII-fold ``value`` and drop separators, keeping letters and digits (upper-cased)."""
    return "".join(ch for ch in ascii_digits(value).upper() if ch.isascii() and ch.isalnum())


def luhn_valid(number: str) -> bool:
    """Luhn (mod 10) check over the digits of ``number``; separators are ignored."""
    digits = [int(ch) for ch in ascii_digits(number) if ch.isdigit() and ch.isascii()]
    if len(digits) < 2:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_check_digit(partial: str) -> str:
    """The digit that makes ``partial + digit`` pass the Luhn check."""
    for d in "0123456789":
        if luhn_valid(partial + d):
            return d
    raise AssertionError("unreachable")  # pragma: no cover


def cn_id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits of a PRC resident ID."""
    digits = ascii_digits(first17)
    if len(digits) != 17 or not digits.isdigit():
        raise ValueError("need exactly 17 digits")
    total = sum(int(d) * w for d, w in zip(digits, _CN_ID_WEIGHTS, strict=True))
    return _CN_ID_CHECK[total % 11]


def cn_id_valid(value: str, *, today: date | None = None) -> bool:
    """18-character PRC resident ID: MOD 11-2 checksum and a real birth date in 1900..today."""
    v = ascii_digits(value).upper()
    if len(v) != 18 or not v[:17].isdigit() or not (v[17].isdigit() or v[17] == "X"):
        return False
    if v[0] == "0":
        return False
    try:
        born = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return False
    if born.year < 1900 or born > (today or date.today()):
        return False
    return cn_id_check_char(v[:17]) == v[17]


# The province codes a resident ID starts with (GB/T 2260; 71 Taiwan, 81 Hong Kong, 82 Macau,
# 83 Taiwan residents' permits).
_CN_PROVINCES = frozenset(
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
        "65", "71", "81", "82", "83",
    }
)  # fmt: skip


def cn_id_mistyped(value: str, *, today: date | None = None) -> bool:
    """An 18-character PRC resident ID with a real province code and birth date (1900..today)
    whatever its check character: what a customer who mistyped one digit of their ID sends.
    Still their ID, so still personal data; the province and date keep order numbers out
    (about 1 in 6,300 random 18-digit runs has both)."""
    v = ascii_digits(value).upper()
    if len(v) != 18 or not v[:17].isdigit() or not (v[17].isdigit() or v[17] == "X"):
        return False
    if v[:2] not in _CN_PROVINCES:
        return False
    try:
        born = date(int(v[6:10]), int(v[10:12]), int(v[12:14]))
    except ValueError:
        return False
    return born.year >= 1900 and born <= (today or date.today())


def iban_valid(value: str) -> bool:
    """IBAN: known country, its exact length, and the ISO 7064 mod-97 check equals 1."""
    v = only_alnum(value)
    if len(v) < 15 or not v[:2].isalpha() or not v[2:4].isdigit():
        return False
    if IBAN_LENGTHS.get(v[:2]) != len(v):
        return False
    rearranged = v[4:] + v[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(numeric) % 97 == 1


def iban_check_digits(country: str, bban: str) -> str:
    """The two check digits for ``country`` + ``bban`` (used to generate test IBANs)."""
    rearranged = only_alnum(bban) + country.upper() + "00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return f"{98 - int(numeric) % 97:02d}"


def ssn_valid(value: str) -> bool:
    """US SSN structure: area not 000/666/9xx, group not 00, serial not 0000."""
    digits = "".join(ch for ch in ascii_digits(value) if ch.isdigit())
    if len(digits) != 9:
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


_NHS_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def nhs_check_digit(first9: str) -> str | None:
    """Modulus 11 check digit of a UK NHS number (also NI's H&C and Scotland's CHI numbers):
    weights 10..2 on the first nine digits; 11 - (sum mod 11), 11 being 0. None where that is
    10: no number is issued with those nine digits."""
    digits = ascii_digits(first9)
    if len(digits) != 9 or not digits.isdigit():
        raise ValueError("need exactly 9 digits")
    check = 11 - sum(int(d) * w for d, w in zip(digits, _NHS_WEIGHTS, strict=True)) % 11
    if check == 10:
        return None
    return str(check % 11)


def nhs_valid(value: str) -> bool:
    """10-digit NHS number with a right modulus 11 check digit; separators are ignored."""
    digits = "".join(ch for ch in ascii_digits(value) if ch.isascii() and ch.isdigit())
    return len(digits) == 10 and nhs_check_digit(digits[:9]) == digits[9]


# HMRC's rules for a National Insurance number's two prefix letters: D, F, I, Q, U and V are
# never used; nor O second; nor these pairs (BG, GB, NK, KN, TN, NT, ZZ are not allocated).
_NI_NOT_FIRST = frozenset("DFIQUV")
_NI_NOT_SECOND = frozenset("DFIOQUV")
_NI_NOT_PAIRS = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def ni_number_valid(value: str) -> bool:
    """UK National Insurance number: an allocatable two-letter prefix, six digits and a suffix
    A-D (spaces ignored, case-insensitive). There is no check digit."""
    v = only_alnum(value)
    if len(v) != 9 or not (v[:2].isalpha() and v[2:8].isdigit() and v[8] in "ABCD"):
        return False
    return v[0] not in _NI_NOT_FIRST and v[1] not in _NI_NOT_SECOND and v[:2] not in _NI_NOT_PAIRS


def hkid_valid(value: str) -> bool:
    """Hong Kong identity card number: one or two letters, six digits and a check digit (0-9
    or A), brackets and spaces ignored. Weights 9..2 on the letters (A = 10 ... Z = 35; a
    single letter is read as a space, 36, before it) and digits; the check makes the sum a
    multiple of 11, A standing for 10."""
    v = only_alnum(value)
    if len(v) == 8:
        v = " " + v
    if len(v) != 9 or not (v[1].isalpha() and v[2:8].isdigit() and (v[0] == " " or v[0].isalpha())):
        return False
    values = [36 if ch == " " else ord(ch) - ord("A") + 10 for ch in v[:2]]
    values += [int(ch) for ch in v[2:8]]
    total = sum(x * w for x, w in zip(values, range(9, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return v[8] == ("A" if check == 10 else str(check))


# Singapore NRIC/FIN check letters by remainder: S and T (citizens, PRs), F and G (foreigners),
# M (foreigners from 2022, whose table runs the other way).
_NRIC_LETTERS = {"S": "JZIHGFEDCBA", "T": "JZIHGFEDCBA", "F": "XWUTRQPNMLK", "G": "XWUTRQPNMLK"}
_NRIC_LETTERS["M"] = "XWUTRQPNJLK"
_NRIC_OFFSET = {"S": 0, "F": 0, "T": 4, "G": 4, "M": 3}


def nric_valid(value: str) -> bool:
    """Singapore NRIC or FIN: S, T, F, G or M, seven digits and a check letter (weights
    2 7 6 5 4 3 2, an offset per prefix, remainder mod 11 into the prefix's table)."""
    v = only_alnum(value)
    if len(v) != 9 or v[0] not in _NRIC_OFFSET or not v[1:8].isdigit():
        return False
    total = _NRIC_OFFSET[v[0]] + sum(
        int(d) * w for d, w in zip(v[1:8], (2, 7, 6, 5, 4, 3, 2), strict=True)
    )
    return v[8] == _NRIC_LETTERS[v[0]][total % 11]


# Taiwan national ID and resident certificate: the letter's two-digit value (the order the
# letters were given to places, so I, O, W... come late).
_TW_LETTERS = {ch: n for n, ch in enumerate("ABCDEFGHJKLMNPQRSTUVXYWZIO", start=10)}


def tw_id_valid(value: str) -> bool:
    """Taiwan 身分證字號 or new-style resident certificate (居留證): a letter, 1 or 2 (sex) or
    8 or 9 (resident), seven digits and a check digit. The letter's value counts tens x1 and
    units x9, the next eight digits x8..x1, the check digit x1; the sum ends in 0."""
    v = only_alnum(value)
    if len(v) != 10 or v[0] not in _TW_LETTERS or not v[1:].isdigit() or v[1] not in "1289":
        return False
    n = _TW_LETTERS[v[0]]
    digits = sum(int(d) * w for d, w in zip(v[1:9], range(8, 0, -1), strict=True))
    total = n // 10 + (n % 10) * 9 + digits
    return (total + int(v[9])) % 10 == 0


# Malaysian MyKad place-of-birth codes never issued: 00, 17-20, 69, 70, 73, 80, 81, 94-97.
_MYKAD_NOT_PLACE = {0, 17, 18, 19, 20, 69, 70, 73, 80, 81, 94, 95, 96, 97}
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def mykad_valid(value: str) -> bool:
    """Malaysian MyKad number YYMMDD-PB-###G: a real birth day and month (any year) and an
    issued place-of-birth code. There is no check digit."""
    v = only_alnum(value)
    if len(v) != 12 or not v.isdigit():
        return False
    month, day, place = int(v[2:4]), int(v[4:6]), int(v[6:8])
    return 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1] and place not in _MYKAD_NOT_PLACE


def medicare_valid(value: str) -> bool:
    """Australian Medicare card number: 10 digits (11 with the person's position on the card),
    the first 2-6, the ninth the weighted sum (1 3 7 9 1 3 7 9) of the first eight mod 10."""
    v = only_alnum(value)
    if len(v) not in (10, 11) or not v.isdigit() or v[0] not in "23456":
        return False
    total = sum(int(d) * w for d, w in zip(v[:8], (1, 3, 7, 9, 1, 3, 7, 9), strict=True))
    return total % 10 == int(v[8])


def tfn_valid(value: str) -> bool:
    """Australian tax file number: 9 digits whose weighted sum (1 4 3 7 5 8 6 9 10) is a
    multiple of 11."""
    v = only_alnum(value)
    if len(v) != 9 or not v.isdigit():
        return False
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10)
    return sum(int(d) * w for d, w in zip(v, weights, strict=True)) % 11 == 0


def abn_valid(value: str) -> bool:
    """Australian Business Number: 11 digits; with 1 taken from the first, the weighted sum
    (10 1 3 5 7 9 11 13 15 17 19) is a multiple of 89."""
    v = only_alnum(value)
    if len(v) != 11 or not v.isdigit() or v[0] == "0":
        return False
    digits = [int(v[0]) - 1, *(int(d) for d in v[1:])]
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 89 == 0


def acn_valid(value: str) -> bool:
    """Australian Company Number: 9 digits, the last (10 - the weighted sum (8 7 6 5 4 3 2 1)
    of the first eight mod 10) mod 10."""
    v = only_alnum(value)
    if len(v) != 9 or not v.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(v[:8], (8, 7, 6, 5, 4, 3, 2, 1), strict=True))
    return (10 - total % 10) % 10 == int(v[8])


def _digits_of(value: str, lengths: tuple[int, ...]) -> str | None:
    v = only_alnum(value)
    return v if len(v) in lengths and v.isdigit() else None


def my_number_valid(value: str) -> bool:
    """Japan's My Number (個人番号): 12 digits; the first eleven weighted 6 5 4 3 2 7 6 5 4 3 2
    (read from the left), the check digit 11 - (sum mod 11), or 0 where that is 10 or 11."""
    v = _digits_of(value, (12,))
    if v is None:
        return False
    weights = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    rest = sum(int(d) * w for d, w in zip(v[:11], weights, strict=True)) % 11
    return int(v[11]) == (0 if rest <= 1 else 11 - rest)


_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 4, 0, 6, 7, 8, 9, 5), (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7), (4, 0, 1, 2, 3, 9, 5, 6, 7, 8), (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2), (7, 6, 5, 9, 8, 2, 1, 0, 4, 3), (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)  # fmt: skip
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 5, 7, 6, 2, 8, 3, 0, 9, 4), (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7), (9, 4, 5, 3, 1, 2, 6, 8, 7, 0), (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5), (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)  # fmt: skip


def aadhaar_valid(value: str) -> bool:
    """India's Aadhaar number: 12 digits, the first 2-9, Verhoeff-valid."""
    v = _digits_of(value, (12,))
    if v is None or v[0] in "01":
        return False
    check = 0
    for i, d in enumerate(reversed(v)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[i % 8][int(d)]]
    return check == 0


def rrn_valid(value: str) -> bool:
    """Korea's resident registration number YYMMDD-SNNNNNC: a real month and day, a sex and
    century digit, and the check digit (11 - the weighted sum (2..9, 2..5) mod 11) mod 10.
    Numbers issued from October 2020 have no check digit: those pass only after their name."""
    v = _digits_of(value, (13,))
    if v is None:
        return False
    month, day = int(v[2:4]), int(v[4:6])
    if not (1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]) or v[6] == "0":
        return False
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    total = sum(int(d) * w for d, w in zip(v[:12], weights, strict=True))
    return (11 - total % 11) % 10 == int(v[12])


def thai_id_valid(value: str) -> bool:
    """Thailand's 13-digit identity number: the first 1-8, the weighted sum (13..2) of the
    first twelve, and the check digit (11 - sum mod 11) mod 10."""
    v = _digits_of(value, (13,))
    if v is None or v[0] in "09":
        return False
    total = sum(int(d) * w for d, w in zip(v[:12], range(13, 1, -1), strict=True))
    return (11 - total % 11) % 10 == int(v[12])


def ird_valid(value: str) -> bool:
    """New Zealand IRD number: 8 or 9 digits (a leading 0 makes eight nine), 10,000,000 to
    150,000,000; weights 3 2 7 6 5 4 3 2 on the first eight, the check 11 - (sum mod 11), 0
    for 11; where that is 10, the weights 7 4 3 2 5 2 7 6 again, and a 10 is no number."""
    v = _digits_of(value, (8, 9))
    if v is None:
        return False
    v = v.zfill(9)
    if not 10_000_000 <= int(v[:8]) * 10 + int(v[8]) <= 150_000_000:
        return False
    for weights in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        rest = sum(int(d) * w for d, w in zip(v[:8], weights, strict=True)) % 11
        check = 0 if rest == 0 else 11 - rest
        if check != 10:
            return check == int(v[8])
    return False
