"""Written Cantonese and Hong Kong mixed code folded to Mandarin, for matching.

Hong Kong customers write "我唔見咗部電話點算", "點樣set eSIM", "我想cut約要俾幾多",
"屋企冇signal點算"; FAQs are written "唔見咗手機點算？", "點樣設定 eSIM？", "提早解約要罰幾多錢？"
or in Mandarin. `kefu.text.variants.to_mandarin` already folds the commonest Cantonese words
(`CANTONESE` there: 幾多, 冇, 唔, 佢哋 …); it calls `fold` here just before that table, so
wherever that fold runs (BM25 terms of queries and stored entries, a query before it is
embedded) this one does too, and a phrase here ("唔見咗", "使唔使") is read before its parts
are. Lossy, never for display.

Two tables:

- `WORDS`: Cantonese words and phrases that fold to the Mandarin the other table's output and
  FAQs use (点算 → 怎么办, 唔见咗 → 丢了, 使唔使 → 要不要, 部电话 → 手机 …). Each key is listed in
  simplified characters and, where that differs, in traditional ones (`_TRADITIONAL`), so it
  matches whether or not the text was converted first.
- `CODE_MIX`: English words Hong Kong customers put in Chinese sentences ("upgrade 個 plan",
  "加data", "suspend 個 line") → the Chinese word an FAQ uses. Only folded where the message is
  Chinese (`detect_language` says "zh" or "mixed", sentence by sentence): "How do I pay my
  bill? 謝謝" keeps its English. Before, such a message was "mixed": its search vector was
  half MiniLM, which reads the Chinese part as noise, and its English words matched no
  Chinese entry's terms, so the right entry, though ranked first, got a confidence below
  the threshold.

Words with a Mandarin sense are folded only where that sense cannot be meant: 点算 only at the
end of a clause (Mandarin 点算库存 "count the stock"), 手提 not before 包/袋/箱/电脑 (handbag,
laptop), 咁 as "那" only at the start of a message ("咁澳門呢？"), 点 as "怎么" only before a
Latin word ("點set eSIM"), 会点 only at the end of a clause ("約滿之後會點").

The result is idempotent (no output contains a key).
"""

from __future__ import annotations

import re
from functools import cache

from kefu.text.language import detect_language

__all__ = ["CODE_MIX", "WORDS", "fold"]

# Simplified -> traditional for the characters of the keys below, so each key is also listed
# in traditional script. Only characters whose forms differ.
_TRADITIONAL = str.maketrans(
    "点样几钱么见丢电话机脑启动设将该谢晒经这们还讯号线网约费帮给时间门开关问题计划数据转台"
    "边处个过冇两双对听后应从",
    "點樣幾錢麼見丟電話機腦啟動設將該謝曬經這們還訊號線網約費幫給時間門開關問題計劃數據轉臺"
    "邊處個過冇兩雙對聽後應從",
)

# Cantonese -> Mandarin, simplified keys (traditional added below). Reviewed by hand; a key is
# here when customers write it and Mandarin does not use it in another sense (see above).
WORDS: dict[str, str] = {
    # what to do, how
    "点算好": "怎么办",
    "点做": "怎么做",
    "点知": "怎么知道",
    "点先": "怎么才",
    # lost, stolen
    "唔见咗": "丢了",
    "唔见左": "丢了",
    "唔见": "丢",
    "俾人偷咗": "被偷了",
    "俾人偷": "被偷",
    "畀人偷": "被偷",
    # need to / may I
    "使唔使": "要不要",
    "洗唔洗": "要不要",
    "得唔得": "可以吗",
    "啱唔啱": "对不对",
    "啱": "对",
    # the phone
    "部电话": "手机",
    "部手机": "手机",
    "部机": "手机",
    "手提电话": "手机",
    # thanks
    "唔该晒": "谢谢",
    "多谢晒": "谢谢",
    # home, tomorrow, sunday, signal, porting (HK and mainland words for the same thing)
    "屋企": "家里",
    "星期天": "星期日",
    "礼拜天": "星期日",
    "礼拜日": "星期日",
    "讯号": "信号",
    "携号转网": "携号转台",
    # sentence-final particles that carry no content
    "㗎": "",
    "喎": "",
    "嘞": "",
    "啩": "",
}

# Keys matched only in some contexts: (key, lookbehind, lookahead) -> replacement.
_CONTEXT: list[tuple[str, str, str, str]] = [
    # 点算 at the end of a clause: not Mandarin 点算库存
    ("点算", "", r"(?=\s*(?:$|[呀啊啦呢吖喇?？!！。.,，~]))", "怎么办"),
    # 会点 at the end of a clause: "约满之后会点"
    ("会点", "", r"(?=\s*(?:$|[呀啊啦呢吖喇?？!！。.,，~]))", "会怎么样"),
    # 点 before a Latin word: "点set eSIM", "点 suspend 个 line"; not "3点pm"
    ("点", r"(?<![0-9一二三四五六七八九十两几])", r"(?=\s*[A-Za-z])", "怎么"),
    # 手提 = the mobile, not 手提包 / 手提电脑
    ("手提", "", r"(?![包袋箱电脑行])", "手机"),
    # 咁 opening a message: "咁澳門呢？" ("so what about Macau?")
    ("咁", r"^\s*", "", "那"),
    # 听日 = tomorrow, not 听日语
    ("听日", "", r"(?![语文])", "明天"),
]

# English words in a Chinese sentence -> the Chinese word FAQs use. Matched as whole words,
# case-insensitively; longest first.
CODE_MIX: dict[str, str] = {
    "upgrade": "升级",
    "downgrade": "降级",
    "plan": "计划",
    "plans": "计划",
    "cancel": "取消",
    "cut约": "解约",
    "cut約": "解约",
    "cut": "取消",
    "terminate": "解约",
    "contract": "合约",
    "set": "设定",
    "setup": "设定",
    "set up": "设定",
    "data": "数据",
    "signal": "信号",
    "suspend": "暂停",
    "phone": "手机",
    "mobile": "手机",
    "roaming": "漫游",
    "trade in": "回收",
    "trade-in": "回收",
    "tradein": "回收",
    "port": "转台",
    "number": "号码",
    "bill": "账单",
    "top up": "增值",
    "top-up": "增值",
    "topup": "增值",
    "refund": "退款",
    "deposit": "按金",
    "shop": "门市",
    "price": "价钱",
    "fee": "费用",
    "charge": "收费",
    "unlimited": "无限",
    "student": "学生",
    "apply": "申请",
    "register": "登记",
    "network": "网络",
    "account": "账户",
    "password": "密码",
    "reset": "重设",
    "renew": "续约",
    "activate": "启用",
    "online": "网上",
}


def _all_words() -> dict[str, str]:
    out = dict(WORDS)
    for key, value in WORDS.items():
        out.setdefault(key.translate(_TRADITIONAL), value)
    return out


@cache
def _words_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = _all_words()
    parts = [re.escape(k) for k in sorted(table, key=len, reverse=True)]
    pattern = "|".join(parts)
    return re.compile(pattern), table


@cache
def _context_pattern() -> re.Pattern[str]:
    """One alternation of the `_CONTEXT` keys, one group each (group n is `_CONTEXT[n - 1]`)."""
    groups = []
    for key, before, after, _value in _CONTEXT:
        keys = {key, key.translate(_TRADITIONAL)}
        alternatives = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        groups.append(f"({before}(?:{alternatives}){after})")
    return re.compile("|".join(groups))


@cache
def _context_chars() -> re.Pattern[str]:
    chars = {k[0] for k, *_ in _CONTEXT} | {k[0].translate(_TRADITIONAL) for k, *_ in _CONTEXT}
    return re.compile(f"[{''.join(sorted(chars))}]")


_LATIN_WORD = re.compile("[a-z]+")


@cache
def _code_mix_words() -> frozenset[str]:
    """The first Latin word of each `CODE_MIX` key ("trade" of "trade in", "cut" of "cut约")."""
    return frozenset(_LATIN_WORD.findall(k)[0] for k in CODE_MIX)


@cache
def _code_mix_pattern() -> re.Pattern[str]:
    keys = sorted(CODE_MIX, key=len, reverse=True)
    alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s*") for k in keys)
    # A whole Latin word: no letter either side (a Han character or a space may touch it).
    return re.compile(f"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])", re.IGNORECASE)


def _code_mix_value(word: str) -> str:
    key = re.sub(r"\s+", " ", word.lower())
    return CODE_MIX.get(key) or CODE_MIX[key.replace(" ", "")]


def fold(text: str) -> str:
    """``text`` with Cantonese words and, in a Chinese sentence, Hong Kong code-mixed English
    words in Mandarin.

    >>> fold("我唔見咗部電話點算")
    '我丢了手机怎么办'
    >>> fold("我想 upgrade 個 plan")
    '我想 升级 個 计划'
    >>> fold("How do I pay my bill? 谢谢")
    'How do I pay my bill? 谢谢'
    """
    pattern, table = _words_pattern()
    text = pattern.sub(lambda m: table[m.group(0)], text)
    if _context_chars().search(text):  # a cheap test first: most messages have none
        text = _context_pattern().sub(lambda m: _CONTEXT[(m.lastindex or 1) - 1][3], text)
    if _code_mix_words().isdisjoint(_LATIN_WORD.findall(text.lower())):
        return text
    code_mix = _code_mix_pattern()
    # Sentence by sentence: in a bilingual text only the Chinese sentences are folded.
    return "".join(
        code_mix.sub(lambda m: _code_mix_value(m.group(0)), part)
        if detect_language(part) in ("zh", "mixed")
        else part
        for part in _SENTENCE.split(text)
    )


# A sentence ends after its mark (kept with it).
_SENTENCE = re.compile(r"(?<=[。！？!?；;\n]|[.](?=\s))")
