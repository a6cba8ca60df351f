"""Shared pieces of the guard's regular expressions."""

import re

# Any character inside one sentence: a pattern spanning words stays within the sentence.
IN_SENTENCE = r"[^.?!。？！\n]"

# An order, booking or invoice word just before a number alone makes it that thing's number
# ("order 0912-345-678", "訂單編號 A123456789"), whatever shape it has.
_ORDER_BEFORE = re.compile(
    "(?i:order|booking|ref|reference|invoice|receipt|tracking|ticket|case|member|sku|item|claim)"
    "(?: ?(?:number|no\\.?|#|id))?[ \t]{0,3}[:：#]?[ \t]{0,3}$"
    "|(?:订单|訂單|单号|單號|编号|編號|会员|會員|货号|貨號)(?:号|號|編號|编号)?"
    "[ \t]{0,3}[:：]?[ \t]{0,3}$"
)
_ORDER_REACH = 24  # characters: "reference number: " and some spaces


def after_order_word(text: str, start: int) -> bool:
    """Whether an order, booking, invoice... word ends just before ``text[start]``."""
    return _ORDER_BEFORE.search(text[max(0, start - _ORDER_REACH) : start]) is not None
