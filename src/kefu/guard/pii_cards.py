"""Payment card recognisers for `kefu.guard.pii` (moved out of it to keep it short): a card
number alone (a known issuer's prefix and length, Luhn-valid), and any run after a card word.

Kept apart from `kefu.guard.pii` because the issuer table and the trailing-group rules are
the card's own; the patterns are `kefu.guard.pii_patterns.CARD` and
`kefu.guard.pii_named.named_cards`, both bounded, so scanning stays linear.
"""

from __future__ import annotations

from collections.abc import Iterator

from kefu.guard import pii_patterns as patterns
from kefu.guard.checksums import ascii_digits, luhn_valid
from kefu.guard.pii_named import named_cards

Candidate = tuple[str, int, int]


def card_prefix_ok(digits: str) -> bool:
    """Issuer prefix and a length that issuer uses (Visa 13/16/19, Mastercard 16, Amex 15,
    Diners 14-19, JCB/Discover/UnionPay 16-19)."""
    n = len(digits)
    if digits[0] == "4":
        return n in (13, 16, 19)
    if digits[0] in "25":
        ok = "51" <= digits[:2] <= "55" or "2221" <= digits[:4] <= "2720"
        return ok and n == 16
    if digits[:2] in ("34", "37"):
        return n == 15
    if digits[:2] in ("30", "36", "38", "39"):
        return 14 <= n <= 19
    if digits[:2] == "35" or digits[0] == "6":
        # An 18-digit run with a birth date where a resident ID has one is an ID number with
        # a typo far more often than an 18-digit UnionPay card.
        return 16 <= n <= 19 and not (n == 18 and _looks_like_cn_id(digits))
    return False


def _looks_like_cn_id(digits: str) -> bool:
    return (
        digits[6:8] in ("19", "20")
        and "01" <= digits[10:12] <= "12"
        and ("01" <= digits[12:14] <= "31")
    )


def cards(text: str) -> Iterator[Candidate]:
    for m in patterns.CARD.finditer(text):
        chunk = ascii_digits(m.group())
        if chunk[0] not in "23456":
            continue
        # The maximal digit run may have swallowed a trailing group ("... 1111 2 times"), so
        # also try each shorter run that ends just before a separator.
        ends = [i for i in range(1, len(chunk)) if chunk[i] in " -"] + [len(chunk)]
        for end in reversed(ends):
            digits = chunk[:end].replace(" ", "").replace("-", "")
            if len(digits) < 13:
                break
            if len(digits) <= 19 and card_prefix_ok(digits) and luhn_valid(digits):
                yield "CARD", m.start(), m.start() + end
                break


def named_card_spans(text: str) -> Iterator[Candidate]:
    # The run after a card word is a card whatever its checksum; a trailing stray group is
    # left out when what comes before it is a valid card ("卡号 4111 1111 1111 1111 2 张").
    for start, end in named_cards(text):
        chunk = ascii_digits(text[start:end]).replace("－", "-")
        cuts = [i for i in range(1, len(chunk)) if chunk[i] in " -"]
        for cut in reversed(cuts):
            digits = chunk[:cut].replace(" ", "").replace("-", "")
            if len(digits) < 13:
                break
            if card_prefix_ok(digits) and luhn_valid(digits):
                end = start + cut
                break
        yield "CARD", start, end
