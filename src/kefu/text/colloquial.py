"""Colloquial and regional Mandarin question words folded to the standard ones, for matching.

Customers write "开户咋弄啊", "要准备啥", "多会儿到账"; FAQs are written "怎么开户", "需要什么材料",
"什么时候到账". jieba cuts 咋 and 啥 as words of their own that no entry holds, and e5 reads
them as noise: a brokerage's tester (2026-11-30) had "开户咋弄啊" answered with the real-name
rule ("不可以…") while "怎么在金舟证券开户？" was not in the top 5. `to_standard` runs as the last
step of `kefu.text.variants.to_mandarin`, so wherever that fold runs (the BM25 terms of queries
and stored entries, a query before it is embedded) this one does too. Lossy, never for display.

Only forms that mean nothing else in ordinary written Chinese are listed:

- 咋 is always "how/why" except in 咋舌 ("to be left speechless"), which is kept;
- 啥 is always "what";
- 多会儿 is "when" (多会 alone is also 多 + 会, "more able"), 木有 is "not have" except after
  a word ending in 木 (积木有几块, 树木有…), 没得 is "not have" except in 没得到 ("did not get");
- 俺 is "I" and 干嘛 "what for";
- 整 alone is "whole, tidy" and so only 咋整 ("what to do") is folded.

The result is idempotent (no output contains a key).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["COLLOQUIAL", "to_standard"]

# Reviewed by hand; longest first where keys overlap (the pattern is built longest first).
COLLOQUIAL: dict[str, str] = {
    # how / why
    "咋整": "怎么办",
    "咋办": "怎么办",
    "咋样": "怎么样",
    "咋个": "怎么",
    "咋": "怎么",
    # what / when
    "啥时候": "什么时候",
    "啥时": "什么时候",
    "为啥": "为什么",
    "干啥": "干什么",
    "啥子": "什么",
    "啥": "什么",
    "干嘛": "干什么",
    "多会儿": "什么时候",
    # not have
    "木有": "没有",
    "没得": "没有",
    # I, we
    "俺们": "我们",
    "俺": "我",
}

# Where a key is part of another word: 咋舌, 积木有 / 树木有, 没得到.
_EXCEPT = {
    "咋": r"(?!舌)",
    "没得": r"(?!到)",
}
_BEFORE = {"木有": r"(?<![积树草林苗原枕松柏灌乔])"}


@cache
def _pattern() -> re.Pattern[str]:
    keys = sorted(COLLOQUIAL, key=len, reverse=True)
    return re.compile(
        "|".join(f"{_BEFORE.get(k, '')}{re.escape(k)}{_EXCEPT.get(k, '')}" for k in keys)
    )


def to_standard(text: str) -> str:
    """``text`` with colloquial question words in standard Mandarin.

    >>> to_standard("开户咋弄啊，要准备啥")
    '开户怎么弄啊，要准备什么'
    >>> to_standard("积木有几块？我没得到验证码")
    '积木有几块？我没得到验证码'
    """
    return _pattern().sub(lambda m: COLLOQUIAL[m.group(0)], text)
