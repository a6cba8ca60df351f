"""Which script a Chinese message is written in (traditional 繁體 or simplified 简体), and
kefu's own Chinese texts in traditional characters.

Why: kefu's fixed replies (declines, the handoff, emergency and safety replies, "根据《…》")
are written in simplified characters. A customer in Hong Kong, Macau or Taiwan who writes
traditional and is answered in simplified reads it as a mainland product (a black-box tester
for a Hong Kong mobile operator found every one of 88 declines in simplified). So kefu tells
the scripts apart by the characters only one of them uses and writes its own texts in the
customer's (`to_traditional`, phrase by phrase: OpenCC's s2tw, Taiwan's standard forms 這裡,
說明, 著, by default; its s2hk, Hong Kong forms 這裏, 説明, 着, for a customer who writes Cantonese:
a home-care tester's Taiwan customers read the Hong Kong forms as a foreign product). The
business's knowledge is never converted here: curated answers and quotes stay as written.
A reply the model writes is the model's words, not the business's: `traditional_stream`
converts it as it streams.

Matching does not use this module: `kefu.text.variants.to_mandarin` folds both sides to
simplified for search, whatever the script of the question or of the knowledge.

`opencc-python-reimplemented` (Apache-2.0, pure Python) is imported on first use: loading its
dictionaries takes ~0.1 s, and most processes never write traditional text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from kefu.text.language import HAN_CHARS

__all__ = ["Script", "customer_script", "script_of", "to_traditional", "traditional_stream"]

Script = Literal["simplified", "traditional"]

_HAN = re.compile(f"[{HAN_CHARS}]")

# Written Cantonese characters, the same in both scripts: where a message has no character of
# either script's own ("有冇 1TB plan", "佢喺邊"), they tell of Hong Kong or Macau, which write
# traditional. 晒 ("all", 唔該晒) is one too, though OpenCC makes it 曬: never simplified here.
_CANTONESE = frozenset("冇嘅咗哋喺嘢啲嚟佢睇咁嗰噉晒")


@cache
def _traditional_only() -> frozenset[str]:
    """Characters only traditional text uses: the keys of the table `to_mandarin` folds with
    (it leaves out those simplified text uses too, 著, 麽, 乾…)."""
    data = resources.files("kefu.text").joinpath("data", "t2s_chars.txt").read_text("utf-8")
    return frozenset(line[0] for line in data.splitlines() if line and not line.startswith("#"))


@cache
def _simplified_only() -> frozenset[str]:
    """Characters only simplified text uses: those OpenCC converts to traditional and that are
    not among their own traditional forms (发 → 發/髮 is; 台 → 臺/檯/颱/台 and 里 → 裏/里 are
    not, traditional text writes them too)."""
    path = resources.files("opencc").joinpath("dictionary", "STCharacters.txt")
    out: set[str] = set()
    for line in path.read_text("utf-8").splitlines():
        char, _, forms = line.partition("\t")
        if len(char) == 1 and char not in forms.split():
            out.add(char)
    return frozenset(out)


def script_of(text: str) -> Script | None:
    """ "traditional" or "simplified" by which script's own characters ``text`` has more of;
    None where it has none of either (English, "你好", "ok", emoji) or as many of each.
    Written Cantonese with neither ("有冇 1TB plan") is traditional.

    >>> script_of("攜號轉台要幾耐？"), script_of("携号转台要几耐"), script_of("你好")
    ('traditional', 'simplified', None)
    >>> script_of("有冇 1TB plan")
    'traditional'
    """
    chars = _HAN.findall(text)
    if not chars:
        return None
    traditional = sum(c in _traditional_only() for c in chars)
    simplified = sum(c in _simplified_only() and c not in _CANTONESE for c in chars)
    if traditional == simplified == 0 and any(c in _CANTONESE for c in chars):
        return "traditional"
    if traditional == simplified:
        return None
    return "traditional" if traditional > simplified else "simplified"


def customer_script(
    message: str, earlier: Iterable[str] = (), default: Script = "simplified"
) -> Script:
    """The script to write to a customer in: their message's, or where it shows none ("你好",
    "ok", "👍") their latest earlier message's that does (``earlier``: oldest first), else
    ``default`` (the script of the business's knowledge: a Hong Kong business's customer
    writing "我心口好痛" is most likely in Hong Kong)."""
    found = script_of(message)
    if found is None:
        for text in reversed(list(earlier)):
            found = script_of(text)
            if found is not None:
                break
    return found or default


@cache
def _opencc(config: str) -> Any:
    from opencc import OpenCC

    return OpenCC(config)


@lru_cache(maxsize=2048)
def to_traditional(text: str, *, hong_kong: bool = False) -> str:
    """``text`` (simplified Chinese written by kefu) in traditional characters as Taiwan writes
    them, or as Hong Kong does (``hong_kong``). Never for the business's knowledge: conversion
    is by phrase and may choose another character than the author did.

    >>> to_traditional("这个问题我不太确定，已为您转接人工客服。")
    '這個問題我不太確定，已為您轉接人工客服。'
    """
    if not _HAN.search(text):
        return text
    return str(_opencc("s2hk" if hong_kong else "s2tw").convert(text))


# Where a streamed reply may be converted without splitting a phrase OpenCC would convert as
# one ("发现" -> "發現", not "髮現"): a clause ends at this punctuation or a newline.
_CLAUSE_END = re.compile("[。！？，；：!?;\n]")
_STREAM_HOLD = 24  # characters held at most while no clause ends (about a clause of Chinese)


def traditional_stream(pieces: Iterable[str], *, hold: int = _STREAM_HOLD) -> Iterator[str]:
    """``pieces`` of a streamed reply in traditional characters, released at each clause end
    (or when ``hold`` characters wait without one) and the rest at the end: OpenCC converts by
    phrase, so a piece cut mid-word could convert differently from the whole. Joined, what is
    yielded is the joined input's clauses converted; empty chunks are never yielded.

    >>> list(traditional_stream(["这个", "问题，我", "来回答。"]))
    ['這個問題，', '我來回答。']
    """
    buffer = ""
    try:
        for piece in pieces:
            buffer += piece
            ends = [m.end() for m in _CLAUSE_END.finditer(buffer)]
            cut = ends[-1] if ends else 0
            if len(buffer) - cut >= hold:  # no clause end for a while: release it all
                cut = len(buffer)
            if cut:
                yield _convert(buffer[:cut])
                buffer = buffer[cut:]
        if buffer:
            yield _convert(buffer)
    finally:
        close = getattr(pieces, "close", None)  # a model stops when the reader does
        if callable(close):
            close()


def _convert(text: str) -> str:
    # Not `to_traditional`: a model's clauses rarely repeat, and would only crowd its cache.
    return str(_opencc("s2tw").convert(text)) if _HAN.search(text) else text
