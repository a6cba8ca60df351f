"""Shared pieces of the guard's regular expressions."""

import re

# Any character inside one sentence: a pattern spanning words stays within the sentence.
IN_SENTENCE = r"[^.?!。？！\n]"

# An order, booking or invoice word just before a number alone makes it that thing's number
# ("order 0912-345-678", "訂單編號 A123456789", "Invoice No. 123 456 782"), whatever shape it
# has; so does such a word said to be the number ("my booking ref is 123 456 782", "the
# tracking number was ..."). "is" needs a word that names a reference, or a number word after
# it: "member is 881130 14 6021" is a person's ID, said of a gym member.
_REF_WORDS = (
    "(?:pre|re)?order|booking|reservation|confirmation|ref|reference|invoice|receipt|tracking"
    "|consignment|parcel|shipment|quote|transaction|po"
)
_NUMBER_WORD = "(?:[ \t]?(?:number|no\\.?|num|#|id|code|note))"
_ORDER_BEFORE = re.compile(
    "(?i)(?<![a-z])(?:(?:" + _REF_WORDS + "|ticket|case|member|sku|item|claim)" + _NUMBER_WORD
    + "?[ \t]{0,3}[:：#\\-]?"
    "|(?:(?:" + _REF_WORDS + "|ticket|case|member|sku|item|claim)" + _NUMBER_WORD
    + "|" + "(?:" + _REF_WORDS + "))[ \t]{1,3}(?:is|was|are)(?:[ \t]{0,3}[:：])?)[ \t]{0,3}$"
    "|(?:订单|訂單|单号|單號|编号|編號|会员|會員|货号|貨號)(?:号|號|編號|编号)?"
    "[ \t]{0,3}(?:[:：]|是|為|为)?[ \t]{0,3}$"
)  # fmt: skip
_ORDER_REACH = 32  # characters: "reservation number is: " and some spaces


def after_order_word(text: str, start: int) -> bool:
    """Whether an order, booking, invoice... word ends just before ``text[start]``."""
    return _ORDER_BEFORE.search(text[max(0, start - _ORDER_REACH) : start]) is not None
