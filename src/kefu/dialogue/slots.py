"""Slot follow-ups: the same question asked of another place, currency or size.

"深圳专车起步价多少" → "那上海呢", "how much is the chest pack in the uk" → "and in euros?",
"押金怎么退？" → "那香港呢？". Such a follow-up changes one value of the earlier question and
keeps the rest. Read joined ("深圳专车起步价多少 那上海呢") the question names both cities, and
the table look-up finds the first one's row or declines; read with the value swapped in
("上海专车起步价多少") it is an ordinary question. A later follow-up ("最低消费呢") asks of the
swapped-in value too, so the thread's question carries the swap forward (`thread_question`).

A statement of where the customer is ("I'm in Hong Kong", "我在香港") after a question is the
same thing said another way: the earlier question, asked of that place.
"""

from __future__ import annotations

import re

from kefu.dialogue import gazetteer

# Currencies select a price table the way places do ("in euros" beside "in the uk"), so they
# are one family with places: a currency replaces a place and the other way round.
_CURRENCY = re.compile(
    r"\b(?:euros?|eur|pounds?(?: sterling)?|gbp|sterling|yuan|rmb|cny|renminbi|"
    r"(?:us |hk |singapore |hong kong )?dollars?|usd|hkd|sgd)\b|"
    r"欧元|歐元|英镑|英鎊|人民币|人民幣|美元|美金|港币|港幣|港元|新元|新币|新幣|日元|日圆",
    re.IGNORECASE,
)
# "the uk", "the us": the gazetteer reads UK/US only in capitals ("us" is a pronoun), but after
# "the" they can only be the countries.
_THE_COUNTRY = re.compile(r"\bthe (?:uk|us|usa|eu)\b", re.IGNORECASE)
# A size that names a plan or product: "20GB", "1 TB"; a clothing size in capitals ("XL").
_SIZE = re.compile(
    r"(?<![\w.])\d+(?:\.\d+)?\s*(?:gb|mb|tb)(?![a-z])|"
    r"(?<![A-Za-z])(?:XXS|XS|XL|XXL|[2-4]XL)(?![A-Za-z])",
    re.IGNORECASE,
)

Span = tuple[int, int, str]  # start, end, family ("where" or "size")


def spans(text: str) -> list[Span]:
    """Where ``text`` names a slot value, in reading order, without overlaps."""
    found: list[Span] = [(s, e, "where") for s, e, _ in gazetteer.place_spans(text)]
    for pattern, family in ((_THE_COUNTRY, "where"), (_CURRENCY, "where"), (_SIZE, "size")):
        found += [(m.start(), m.end(), family) for m in pattern.finditer(text)]
    out: list[Span] = []
    for span in sorted(found, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


# What a bare slot follow-up says besides the value: "and in euros?", "what about for XL?",
# "那上海呢？", "换成港币呢".
_EN_FILLER = {
    "and",
    "also",
    "so",
    "then",
    "what",
    "about",
    "how",
    "ok",
    "okay",
    "in",
    "for",
    "to",
    "from",
    "at",
    "the",
    "a",
    "size",
    "if",
    "it",
    "is",
    "s",
    "paid",
    "pay",
    "priced",
}
_ZH_FILLER = re.compile(r"那么|那|还有|如果|换成|改成|用|在|是|的|呢|吗|啊|呀|嘛|咧|噃|喎")
_CONTEXT_EN = re.compile(
    r"^\s*(?:but |and |oh |well )?(?:i'?m|i am|we'?re|we are|i live|we live|i'?m based|"
    r"i'?m staying|i'?m currently|i'?m renting|we'?re renting)\b",
    re.IGNORECASE,
)
_CONTEXT_ZH = re.compile(
    r"^(?:但是|可是|不过)?(?:我|我们|我們|我人)(?:现在|現在|目前)?(?:在|住在|住|人在|是在)"
)


def _rest(text: str, found: list[Span]) -> str:
    out = text
    for start, end, _ in reversed(found):
        out = out[:start] + " " + out[end:]
    return out


def is_context(text: str) -> bool:
    """A statement of where the customer is ("I'm in Hong Kong", "我在香港"), no question."""
    stripped = text.strip()
    if "?" in stripped or "？" in stripped or not any(f == "where" for *_, f in spans(stripped)):
        return False
    if _CONTEXT_EN.match(stripped):
        return len(stripped.split()) <= 8
    han = sum(1 for ch in stripped if "\u4e00" <= ch <= "\u9fff")
    return bool(_CONTEXT_ZH.match(stripped)) and han <= 12


def is_slot_change(text: str) -> bool:
    """A follow-up that says only a new value ("那上海呢", "and in euros?", "and XL?"), or
    where the customer is."""
    found = spans(text)
    if not found:
        return False
    if is_context(text):
        return True
    rest = _rest(text, found)
    if re.search(r"[\u4e00-\u9fff]", text):
        rest = _ZH_FILLER.sub("", rest)
        return not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", rest)
    words = re.findall(r"[a-z0-9']+", rest.casefold())
    return all(w in _EN_FILLER for w in words)


def with_value(question: str, message: str) -> str:
    """``question`` asked of the value ``message`` names: each span of the same family
    replaced by the message's value ("深圳专车起步价多少" + "那上海呢" → "上海专车起步价多少");
    where the question names none, the message is added to it, as a joined reading would."""
    new = spans(message)
    old = spans(question)
    families = {f for *_, f in new}
    if not any(f in families for *_, f in old):
        return f"{question.strip()} {message.strip()}"
    value = {f: message[s:e] for s, e, f in reversed(new)}  # the first value of each family
    out = question
    for start, end, family in reversed(old):
        if family in value:
            out = out[:start] + value[family] + out[end:]
    return out


def thread_question(topic: str, between: list[str]) -> str:
    """The topic question with the values the follow-ups ``between`` it and the current
    message swapped in: after 深圳专车起步价多少 → 那上海呢, "最低消费呢" asks of 上海."""
    question = topic
    for message in between:
        if is_slot_change(message):
            question = with_value(question, message)
    return question


def drops_value(thread: str, message: str, entry_text: str) -> bool:
    """Whether an entry found by ``message`` alone is about another place than the thread's
    question: "最低消费呢" after 深圳专车起步价多少 → 那上海呢 finds 深圳's fare table alone,
    surely, but the customer is asking of 上海."""
    if spans(message):
        return False  # the message names its own value
    asked = gazetteer.find(thread, "place", incidental=False).ids
    said = gazetteer.find(entry_text, "place")
    if not asked or not said.ids or said.everything:
        return False
    return not any(gazetteer.covers("place", said.ids, a) for a in asked)
