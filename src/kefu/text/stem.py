"""A small, conservative English suffix stripper for keyword search.

It only has to make the inflections a customer types meet the ones an FAQ author wrote
("refunded" / "refunds" / "refunding" -> "refund", "shipped" / "shipping" -> "ship"). Stems need
not be words ("battery" and "batteries" both become "batteri", "charge" and "charged" both
"charg"); what matters is that query and document are stemmed by the same function. Derivational
suffixes (-ment, -ation, -ness ...) are left alone: they change meaning too often for a support
knowledge base ("deliver" vs "delivery").
"""

from __future__ import annotations

import functools

__all__ = ["stem"]

_VOWELS = frozenset("aeiou")
_VOWELS_Y = frozenset("aeiouy")

# Irregular or ambiguous forms the rules below would get wrong.
_SPECIAL: dict[str, str] = {
    "used": "use",
    "uses": "use",
    "using": "use",
    "cancelled": "cancel",
    "cancelling": "cancel",
    "agreed": "agree",
    "news": "news",
    "series": "series",
    "species": "species",
}


def _has_vowel(s: str) -> bool:
    return any(c in _VOWELS_Y for c in s)


# Cached because a corpus repeats the same few thousand words; lru_cache is thread-safe.
@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip plural, -ed and -ing endings from a lower-case ASCII word; anything else (short
    words, digits, non-ASCII, upper case) comes back unchanged."""
    if len(word) < 4 or not (word.isascii() and word.isalpha() and word.islower()):
        return word
    special = _SPECIAL.get(word)
    if special is not None:
        return special
    w = word

    # 1. Plurals and third person -s.
    if w.endswith("sses"):
        w = w[:-2]  # addresses -> address
    elif w.endswith("ies"):
        w = w[:-3] + "i"  # batteries -> batteri, like battery in step 3
    elif w.endswith(("ches", "shes", "xes", "zes")):
        w = w[:-2]  # watches -> watch, boxes -> box
    elif w.endswith(("ss", "us", "is")):
        pass  # address, status, analysis are not plurals
    elif w.endswith("s"):
        w = w[:-1]

    # 2. -ed / -ing, only when a plausible stem with a vowel remains (not "bring", "thing", "shed").
    for suffix in ("ing", "ed"):
        if not w.endswith(suffix):
            continue
        base = w[: -len(suffix)]
        if suffix == "ed" and base.endswith("e"):
            break  # need, speed, freed: the "e" is part of the stem
        if len(base) >= 3 and _has_vowel(base):
            w = base
            # shipp -> ship, stopp -> stop; but not call, miss, buzz, and not add.
            if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in "lsz":
                w = w[:-1]
        break

    # 3. Final y after a consonant -> i, so reply / replies / replied meet at "repli".
    if len(w) >= 3 and w.endswith("y") and w[-2] not in _VOWELS_Y:
        w = w[:-1] + "i"
    # 4. Final silent e, so charge / charged / charging meet at "charg". Kept after e and o
    # ("free", "shoe") where the stem would otherwise be too mangled.
    elif len(w) >= 4 and w.endswith("e") and w[-2] not in "eo":
        w = w[:-1]
    return w
