"""Normalised readings ("views") of a message for the rule-based safety detectors.

Attackers hide words, so every safety pattern runs on several views of a message: normalised,
with letter-by-letter spacing closed up, with digits read as letters ("1gn0re", "t0 d13"), with
Cyrillic and Greek lookalike letters read as Latin ("kіll"), in simplified Mandarin, and, for
injection, decoded base64 and ROT13. Kept apart from `kefu.guard.safety` so that the detectors
and the dialogue can read views without importing every rule.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re

from kefu.guard._regex import Searcher
from kefu.text.normalize import normalize
from kefu.text.variants import to_mandarin

_SPACED = re.compile(r"(?<!\w)(?:\w[ .\-_*·|/]{1,2}){3,}\w(?!\w)")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_LEET_TOKEN = re.compile(r"(?=[\w@$]*[a-z])(?=[\w@$]*[0-9@])[\w@$]{3,}")
_B64_TOKEN = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")


def _close_spacing(text: str) -> str:
    # "i g n o r e" / "I.G.N.O.R.E" / "忽.略.之.前" -> one word
    return _SPACED.sub(lambda m: re.sub(r"[ .\-_*·|/]", "", m.group(0)), text)


def _unleet(text: str) -> str:
    return _LEET_TOKEN.sub(lambda m: m.group(0).translate(_LEET), text)


# A message written in leet throughout ("1 w4nt t0 d13"): once two words mix digits into
# letters, two-letter words ("t0", "1s") and a lone "1" before a word are read as letters too.
_LEET_SHORT = re.compile(r"(?=[\w@$]*[a-z])(?=[\w@$]*[0-9@])[\w@$]{2,}|(?<!\S)1(?= [a-z])")


def _unleet_all(text: str) -> str:
    if len(_LEET_TOKEN.findall(text)) < 2:
        return text
    return _LEET_SHORT.sub(lambda m: m.group(0).translate(_LEET), text)


# Cyrillic and Greek letters drawn like Latin ones ("kіll" with a Cyrillic і), after casefolding:
# read as the Latin letter, so one foreign letter does not hide a word from every rule.
_CONFUSABLES = str.maketrans(
    {
        **dict(zip("аеорсухіјѕԁɡһӏԛԝѵъ", "aeopcyxijsdghlqwvb", strict=True)),
        **dict(zip("αεοριτυνκχ", "aeopitunkx", strict=True)),
        "ı": "i",
    }
)
_NON_LATIN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0131\u0261]")


def fold_confusables(text: str) -> str:
    """``text`` with lookalike Cyrillic and Greek letters as Latin, where it has any."""
    if not _NON_LATIN_LETTER.search(text):
        return text
    return text.translate(_CONFUSABLES)


def decoded_payloads(text: str) -> list[str]:
    """Readable text hidden in base64 tokens of ``text``."""
    out = []
    for token in _B64_TOKEN.findall(text):
        try:
            raw = base64.b64decode(token + "=" * (-len(token) % 4), validate=True)
            decoded = raw.decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        readable = sum(ch.isprintable() for ch in decoded) >= 0.95 * len(decoded)
        han = sum("\u4e00" <= ch <= "\u9fff" for ch in decoded)
        if readable and (decoded.count(" ") >= 2 or han >= 4):
            out.append(decoded)
    return out


# Taiwan writes the aspect particle 着 as 著 ("活著沒意思"), which the simplifying table keeps (著
# is also 著名's): after a verb it is the particle, read as the rules spell it.
_ZHE = re.compile(r"(?<=[活睡躺坐站拿跟看等醒藏带帶接听聽想写寫])著")


def views(text: str, *, decode: bool = False) -> list[str]:
    """Normalised readings of ``text`` for the detectors (``decode``: also hidden payloads)."""
    base = fold_confusables(normalize(text))
    closed = _close_spacing(base)
    out = [base, closed, _unleet(closed), _unleet_all(closed)]
    # The rules are written in simplified Mandarin: a Hong Kong customer's "我唔想活" or
    # "轉人工" is read in that form too (identical for simplified text, so added only then).
    out.append(_ZHE.sub("着", to_mandarin(base)))
    if decode:
        out += [normalize(p) for p in decoded_payloads(text)]
        out.append(codecs.encode(base, "rot13"))
    return list(dict.fromkeys(out))


def any_view(pattern: Searcher, texts: list[str]) -> bool:
    """Does ``pattern`` match any of the views ``texts``?"""
    return any(pattern.search(t) for t in texts)
