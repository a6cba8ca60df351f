"""Coverage check: a curated answer about other places (or payment methods) is no answer.

Black-box testers' shops answered "How much is shipping to France?" with the fee list for the
four countries they serve, "澳门订单可以退货吗" with the mainland and Hong Kong return rule, and
"Can I pay in cash?" with the debit-card entry: retrieval finds the entry on the same topic,
and no similarity tells "about shipping fees" from "about shipping fees *to France*".

The rule (docs/answer-policy.md): when the question names a place or a payment method that the
chosen FAQ entry (question, answer, title) does not speak of, while the entry names others of
the same kind, the entry is not the answer. The turn is then answered from a retrieved entry
that states coverage ("Which countries do you ship to?" → "… CN, HK, UK and US only"), or
declined with a person.

An entry speaks of a place when it names it, a place containing it or inside it (China for
Shanghai), or a group word ("worldwide", "all other countries", "international", "欧盟").
A place naming where a document comes from ("my Singapore licence") is no question place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kefu.dialogue import gazetteer, messages
from kefu.dialogue.policy import Plan
from kefu.types import Entry, Passage

# How far down the retrieved list a coverage entry may stand to answer instead (the top
# entry is rank 1): further down it is rarely about the same service.
COVERAGE_RANK = 5

# An entry's question that asks where the business serves, or which methods it takes.
_PLACE_QUESTION = re.compile(
    r"which (?:countries|regions|cities|areas|places|destinations)"
    r"|what (?:countries|regions|cities|areas|destinations)"
    r"|where (?:do|can) you (?:ship|deliver|send|operate)"
    r"|do you (?:ship|deliver|send|operate) (?:to|in|internationally|abroad|overseas|worldwide)"
    r"|(?:delivery|shipping|service) (?:area|areas|coverage|zones?|destinations)"
    r"|哪些国家|哪些地区|哪些城市|哪些國家|哪些地區|配送范围|配送範圍|服务范围|服務範圍"
    r"|寄到哪|送到哪|发到哪|寄哪|送哪|发哪"
    # "能寄到国外吗" asks where; "能寄药品吗" asks what (a courier's medicine entry was taken for
    # its list of destinations and answered a price question).
    r"|(?:能|可以)(?:寄|送|发)(?:到|往|去|国外|國外|海外|境外|国际|國際)",
    re.IGNORECASE,
)
_METHOD_QUESTION = re.compile(
    r"payment (?:methods?|options?)|ways? to pay|how (?:can|do) I pay|methods? of payment"
    r"|what (?:cards|payment)|付款方式|支付方式|付费方式"
    r"|怎么付款|如何付款|怎么支付|如何支付|哪些支付",
    re.IGNORECASE,
)
# An answer that says the list is exhaustive ("… and the United States only", "暂不支持其他国家").
_EXCLUSIVE = re.compile(
    r"\b(?:only|exclusively)\b[^.!?。！？]{0,40}\b(?:ship|deliver|serve|operate|available|accept)"
    r"|\b(?:ship|deliver|serve|operate|available|accept)\w*\b[^.!?。！？]{0,100}\bonly\b"
    r"|(?:do not|don't|cannot|can't|unable to) (?:ship|deliver|send|serve|operate)"
    r"|(?:只|仅|僅)(?:配送|寄|发货|發貨|送|支持|服务|服務|提供|接受|覆盖|覆蓋)"
    r"|(?:暂不|暫不|不|无法|無法)(?:支持|配送|寄|发货|發貨|送|提供)",
    re.IGNORECASE,
)


def entry_text(entry: Entry) -> str:
    """What the entry says: its title, question and answer."""
    return " ".join(t for t in (entry.title, entry.text, entry.answer or "") if t)


def missing(question: str, entry: Entry, kind: gazetteer.Kind) -> frozenset[str]:
    """The places or methods the question names that the entry does not speak of, while it
    speaks of others of the kind (empty: nothing to object to)."""
    asked = gazetteer.find(question, kind, incidental=False).ids
    if not asked:
        return frozenset()
    said = gazetteer.find(entry_text(entry), kind)
    if kind == "method" and not said.ids and not said.everything and _only_asks_method(question):
        # "可以货到付款吗" found the change-address entry: a question that is nothing but the
        # method wants an entry about paying, and this one names no way to pay at all.
        return asked
    if said.everything or not said.ids:
        return frozenset()  # the entry is for every place, or names none: the rule is silent
    return frozenset(a for a in asked if not gazetteer.covers(kind, said.ids, a))


# What is left of "Can I pay in cash?" / "可以货到付款吗" once the method is taken out.
_PAY_FILLER = re.compile(
    r"\b(?:can|could|may|do|does|is|are|it|i|we|you|your|u|possible|ok|okay|accept|accepted"
    r"|take|pay|paying|payment|use|using|with|by|in|via|through|for|a|an|the|please|still"
    r"|also|allowed)\b|可以|可不可以|能不能|能否|能|吗|嗎|么|麼|呢|用|使用|支持|支付|付款|付钱|付錢"
    r"|付|收|接受|是否|请问|請問|你们|你們|我|不",
    re.IGNORECASE,
)


def _only_asks_method(question: str) -> bool:
    rest = _PAY_FILLER.sub(" ", gazetteer.without_mentions(question, "method"))
    return not re.sub(r"[\W_]+", "", rest)


def states_coverage(entry: Entry, kind: gazetteer.Kind) -> bool:
    """Whether the entry says which places (or methods) are served: its answer is the right
    one for a place it does not list ("Do you ship to Canada?" → "… CN, HK, UK and US only")."""
    if entry.kind != "faq":
        return False
    asks = _PLACE_QUESTION if kind == "place" else _METHOD_QUESTION
    own_question = gazetteer.find(entry.text, kind)
    listed = gazetteer.find(entry.answer or "", kind).ids
    if asks.search(entry.text) and len(listed) >= 1:
        return True
    if kind == "method" and own_question.ids:
        return False  # "Can I pay the deposit with a debit card?": about those methods only
    return len(listed) >= 2 and bool(_EXCLUSIVE.search(entry.answer or ""))


_STOP_EN = frozenset(
    [
        "the",
        "and",
        "for",
        "you",
        "your",
        "our",
        "are",
        "can",
        "how",
        "what",
        "which",
        "when",
        "where",
        "who",
        "does",
        "do",
        "have",
        "has",
        "with",
        "from",
        "this",
        "that",
        "will",
        "would",
        "could",
        "should",
        "much",
        "many",
        "any",
        "there",
        "their",
        "them",
        "they",
        "about",
        "into",
        "orders",
        "order",
    ]
)
_STOP_ZH = frozenset(
    "的了吗嗎么麼呢吧是我你们們他她它在有和与與或可以能会會要不没沒多少几幾怎什哪些个個请請问問"
)


def _topic(text: str) -> set[str]:
    """Content words (4-letter stems) and Han characters, places and methods taken out."""
    text = gazetteer.without_mentions(gazetteer.without_mentions(text, "place"), "method")
    words = {w[:4] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP_EN}
    return words | {c for c in re.findall(r"[\u4e00-\u9fff]", text) if c not in _STOP_ZH}


def _shares_topic(question: str, entry: Entry) -> bool:
    """Whether a coverage entry is about what the question asks ("shipping to Germany" and
    "Which countries do you ship to?"), not only about places ("a store in Tokyo")."""
    return bool(_topic(question) & _topic(entry_text(entry)))


def check(plan: Plan, question: str, passages: Sequence[Passage]) -> Plan:
    """The plan with the coverage rule applied (module docstring); only curated answers are
    judged: a generated answer's names are checked sentence by sentence by the grounding gate.
    A document answer from a table is checked for the row the question names
    (`kefu.dialogue.table_rows`)."""
    if plan.mode in ("generated", "extractive"):
        from kefu.dialogue import table_rows

        return table_rows.check(plan, question, passages)
    if plan.mode == "declined":
        from kefu.dialogue import table_rows

        return table_rows.rescue(plan, question, passages)
    if plan.mode != "curated" or not plan.passages:
        return plan
    top = plan.passages[0].entry
    for kind in ("place", "method"):
        gaps = missing(question, top, kind)
        if not gaps or states_coverage(top, kind):
            continue
        names = ", ".join(sorted(gaps))
        for p in passages[:COVERAGE_RANK]:
            e = p.entry
            if (
                e.id != top.id
                and e.language == top.language
                and states_coverage(e, kind)
                and _shares_topic(question, e)
            ):
                return Plan(
                    "curated",
                    plan.language,
                    [p],
                    plan.confidence,
                    text=e.answer or e.text,
                    reason=f"coverage entry: {top.id} does not mention {names}",
                )
        return Plan(
            "declined",
            plan.language,
            list(passages[:3]),
            plan.confidence,
            handoff=True,
            text=messages.reply("decline", plan.language),
            reason=f"{kind} not covered: {top.id} does not mention {names}",
        )
    return plan
