"""A fixed line before an answer to "will my claim be paid?": the facts, not a promise.

An insurer's tester (Evergreen Insurance, 2026-11-30) asked "我的理赔一定会批吗？", "Will
Evergreen definitely pay my cancer treatment on the Plus plan?" and "is my travel delay claim
approved?". Each got facts (a limit, a payment timeline) that read like a yes. Whether a claim,
a refund or an application is paid or accepted is decided by a person against the terms, so
the answer now starts with one fixed line that says so, the way a message with card data gets
its notice first (`kefu.dialogue.notices.card_data_notice`), and the facts follow.

Not every question about a claim: how long approval takes or how to check its status asks for
a fact, not for the outcome.
"""

from __future__ import annotations

import re

from kefu.dialogue import messages
from kefu.guard._regex import IN_SENTENCE as _

_PAID = r"(pa(y|id)( out)?|approv\w*|accept\w*|covered|reimburs\w*|refund\w*|successful|go through)"
_OUTCOME_EN = re.compile(
    # "will Evergreen definitely pay", "is it guaranteed to be approved"
    r"\b(definitely|certainly|surely|for sure|guaranteed|100 ?%)\b"
    + _
    + r"{0,40}\b"
    + _PAID
    + r"\b|"
    r"\b" + _PAID + r"\b" + _ + r"{0,30}\b(definitely|for sure|guaranteed)\b|"
    # "is my claim approved?", "will my refund be paid?", "has my application been accepted?"
    r"\b(is|will|would|has|does|was|are|did)\b"
    + _
    + r"{0,40}\b(claim|refund|application|reimbursement|payout)\b"
    + _
    + r"{0,20}\b(be |been |get |going to be )?(approved|accepted|paid( out)?|successful|"
    r"go through|rejected|declined|denied)\b|"
    # "will I get paid?", "will I be reimbursed?"
    r"\b(will|would) (i|we) (definitely |surely |really |actually )?(get|be) (paid|reimbursed|"
    r"compensated|approved|my money back)\b",
    re.IGNORECASE,
)
_OUTCOME_ZH = re.compile(
    r"(一定|肯定|保证|确定|百分百|100%)(会|能|可以)?(被)?(批|赔|通过|报销|获批|理赔|退款|承保|受理)|"
    r"(能|会|可以)(赔|报销|批|通过|获批|理赔)(吗|嘛|么)|"
    r"(能不能|会不会|可不可以)(被)?(赔|报销|批|通过|获批|理赔)|"
    r"(赔不赔|批不批|报不报销|给不给赔|过不过)|"
    r"(理赔|索赔|申请|报销|退款)" + _ + r"{0,6}(批了吗|通过了吗|获批了吗|能下来吗|能批吗|能过吗)"
)
# Timing and status: a fact the answer gives, no outcome asked.
_TIMING = re.compile(
    r"\b(when|how long|how soon|how many (days|weeks)|status|check|track|what day|by when)\b|"
    r"多久|多长时间|什么时候|几天|进度|状态|怎么查|查询",
    re.IGNORECASE,
)
# Replies that answer from the business's information; declines and fixed safety texts are
# already no promise.
_ANSWERING = frozenset({"curated", "extractive", "generated"})


def asks_if_claim_will_be_paid(message: str) -> bool:
    """Does the customer ask whether a claim, refund or application will be paid or accepted?"""
    if _TIMING.search(message):
        return False
    return bool(_OUTCOME_EN.search(message) or _OUTCOME_ZH.search(message))


def claim_outcome_notice(message: str, language: str, mode: str) -> str:
    """The fixed line (and a blank line) that goes before an answer to "will it be paid?", or ""
    for any other message or a reply that is not an answer."""
    if mode not in _ANSWERING or not asks_if_claim_will_be_paid(message):
        return ""
    return messages.reply("claim_outcome", language) + "\n\n"
