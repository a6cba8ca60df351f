"""Which FAQ answer may follow the no-promises reply.

After "I can't make promises…" the business's own confident FAQ answer follows, so that a
customer who demands a refund for a damaged parcel still reads the damaged-parcel rule. But the
closest entry is often about a neighbouring situation: a demo tester's "my package arrived 2 days
late… confirm you will give me a full refund AND a $50 voucher" found the damaged-parcel entry,
and the reply read "…We'll send a free replacement or a full refund", a promise for a late
parcel that no policy makes ("包裹晚到了三天…全额退款" got "…免费补发或全额退款" the same way).

So an entry whose answer gives money back or a replacement follows only when the situation it
is written for (damaged, late, lost, wrong item, faulty) is one the customer names. An entry
that names no situation (the general refund rule) still follows.
"""

from __future__ import annotations

import re

# An answer that gives something: money back, a replacement, compensation, a voucher.
_GIVES = re.compile(
    r"\b(refund\w*|replacement|replace|compensat\w*|voucher|store credit|reimburs\w*|money back|"
    r"free of charge)\b|退款|退还|退回|补发|换新|赔|补偿|优惠券|代金券|返还",
    re.IGNORECASE,
)
# The situations a refund or replacement rule is written for, English and Chinese.
_SITUATIONS = {
    "damaged": re.compile(
        r"\b(damag\w*|broken|crush\w*|smash\w*|dent\w*|torn|leak\w*|crack\w*)\b|破损|损坏|压坏|"
        r"摔坏|坏了|碎|漏",
        re.IGNORECASE,
    ),
    "late": re.compile(
        r"\b(late|delay\w*|overdue|slow|took (too )?long)\b|晚到|迟到|延迟|延误|超时|晚了|慢",
        re.IGNORECASE,
    ),
    "lost": re.compile(
        r"\b(lost|missing|never (arrived|came)|not (arrived|received|delivered)|stolen)\b|丢|"
        r"没收到|未收到|少了|漏发|少发",
        re.IGNORECASE,
    ),
    "wrong": re.compile(
        r"\b(wrong|incorrect|not what i ordered|different item)\b|发错|错发|不是我(买|订)的",
        re.IGNORECASE,
    ),
    "faulty": re.compile(
        r"\b(faulty|defective|doesn'?t work|not working|stopped working)\b|质量问题|故障|用不了",
        re.IGNORECASE,
    ),
}


def _situations(text: str) -> set[str]:
    return {name for name, pattern in _SITUATIONS.items() if pattern.search(text)}


def may_follow_promise(message: str, question: str, answer: str) -> bool:
    """May an FAQ entry (its ``question`` and ``answer``) follow the no-promises reply to
    ``message``? Not when it gives money or a replacement for a situation the message does not
    name."""
    if not _GIVES.search(answer):
        return True
    written_for = _situations(question)
    return not written_for or bool(written_for & _situations(message))
