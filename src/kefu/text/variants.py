"""Traditional characters and written Cantonese folded to simplified Mandarin, for matching.

A Hong Kong customer asks "退貨運費邊個俾？" of an FAQ written "退货运费谁付？": without this
step the keyword terms share nothing (jieba cuts "退貨" and "退货" into different words) and
e5 reads the Cantonese words as noise, so most such questions were declined. `to_mandarin`
runs after `normalize` wherever Chinese text is matched: the BM25 terms of queries and of
stored entries (MixedTokenizer), and a search query before it is embedded
(`kefu.retrieval.base.search_vectors`). Like `normalize` it is lossy and never for display.

Steps, in this order:
1. Cantonese 係 ("is") -> 是, except in 關係/关係 and 係數, where it is the traditional form of
   系 and step 2 makes it so. It must come first: after step 2 it would be 系, which mainland
   text uses for "department, system".
2. Traditional -> simplified, one character at a time (data/t2s_chars.txt, built from OpenCC's
   Apache-2.0 dictionaries by scripts/build_t2s_table.py). Characters that simplified text
   also uses (麽, 衹, 著, 抬, ...) are not in the table, so simplified text passes unchanged.
3. Cantonese words -> Mandarin (`CANTONESE`), longest first, on the simplified forms. Only
   words that do not occur in ordinary Mandarin are listed: 呢 and 仲 alone are Mandarin
   (疑问语气词, 仲裁), so only 呢个 / 仲有 and the like are; 未有 (前所未有), 点算 (点算库存)
   and 听日 (听日语) are left out for the same reason.
4. Colloquial Mandarin question words -> standard (咋 -> 怎么, 啥 -> 什么, 俺 -> 我:
   `kefu.text.colloquial`).

The result is idempotent (no output contains a key), so converting twice is harmless.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kefu.text.cantonese import fold as fold_cantonese
from kefu.text.colloquial import to_standard
from kefu.text.language import HAN_CHARS

__all__ = ["CANTONESE", "to_mandarin"]

# Written Cantonese -> Mandarin, keyed in simplified characters (step 3 runs after step 2).
# Reviewed by hand; a word is here when customers write it in questions and Mandarin does
# not use it in another sense.
CANTONESE: dict[str, str] = {
    # question words
    "几多": "多少",
    "几钱": "多少钱",
    "几耐": "多久",
    "几时": "什么时候",
    "点样": "怎么",
    "点解": "为什么",
    "边度": "哪里",
    "边处": "哪里",
    "边个": "谁",
    "边间": "哪家",
    "边啲": "哪些",
    "边只": "哪只",
    "边种": "哪种",
    "边款": "哪款",
    "乜嘢": "什么",
    "咩嘢": "什么",
    "做咩": "为什么",
    "咩": "什么",
    "乜": "什么",
    "是咪": "是不是",
    # negation and existence ("有冇" -> "有没有", "收唔收" -> "收不收")
    "冇": "没有",
    "唔该": "谢谢",
    "唔使": "不用",
    "唔好": "不要",
    "唔": "不",
    # pronouns and demonstratives
    "佢哋": "他们",
    "哋": "们",
    "佢": "他",
    "呢个": "这个",
    "呢度": "这里",
    "呢啲": "这些",
    "呢间": "这家",
    "嗰个": "那个",
    "嗰度": "那里",
    "嗰啲": "那些",
    "嗰": "那",
    "啲": "些",
    "咁样": "这样",
    "咁": "这么",
    "噉": "这样",
    # verbs and particles
    "嘅": "的",
    "咗": "了",
    "喺": "在",
    "畀": "给",
    "俾": "给",
    "睇": "看",
    "揾": "找",
    "攞": "拿",
    "拣": "选",  # 揀 "to choose" ("我應該揀邊隻基金？")
    "嚟": "来",
    "仲有": "还有",
    "仲未": "还没",
    "仲是": "还是",
    "而家": "现在",
    "琴日": "昨天",
    "嘢": "东西",
}

# Cantonese 係 is "is"; as the traditional 系 it is in 關係 (关係 in mixed writing) and 係數.
_CANTONESE_SHI = re.compile(r"(?<![關关])係(?![數数])")
_HAN = re.compile(f"[{HAN_CHARS}]")


@cache
def _t2s() -> dict[int, str]:
    table: dict[int, str] = {}
    text = resources.files("kefu.text").joinpath("data", "t2s_chars.txt").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            src, dst = line.split(" ")
            table[ord(src)] = dst
    return table


@cache
def _cantonese() -> re.Pattern[str]:
    # Longest first: at one position the regex takes the first alternative that matches.
    keys = sorted(CANTONESE, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys)))


def to_mandarin(text: str) -> str:
    """``text`` with traditional characters simplified and Cantonese words in Mandarin.

    >>> to_mandarin("你哋收唔收PayPal？")
    '你们收不收PayPal？'
    >>> to_mandarin("冇關係，係咪寄香港要幾多運費")
    '没有关系，是不是寄香港要多少运费'
    """
    if not _HAN.search(text):  # English, digits, emoji: nothing to do
        return text
    text = _CANTONESE_SHI.sub("是", text)
    text = fold_cantonese(text.translate(_t2s()))  # phrases and HK code mix (text/cantonese.py)
    return to_standard(_cantonese().sub(lambda m: CANTONESE[m.group(0)], text))
