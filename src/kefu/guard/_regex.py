"""Shared pieces of the guard's regular expressions."""

import re
from typing import Protocol

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


# Money: a currency sign or code just before a number alone, or a currency word just after it,
# makes it an amount ("Rp 12 345 678 901", "12 345 678 901 dong"): the spaced groups of a large
# sum have an identifier's shape, and one in 89 of them passes an ABN's checksum.
_MONEY_BEFORE = re.compile(
    "(?i)(?:[$¥￥€£₹₩฿₱]|(?<![a-z])(?:rp|rs|inr|idr|vnd|aud|usd|nzd|cad|sgd|hkd|myr|php|thb"
    "|jpy|krw|rmb|cny|twd|nt)\\.?)[ 	]{0,2}$"
)
_MONEY_AFTER = re.compile(
    "(?i)[ 	]{0,2}(?:(?:dollars?|bucks|rupiah|rupees?|yen|won|baht|pesos?|dong|ringgit"
    "|cents?|aud|usd|nzd|cad|idr|vnd|inr|php|thb|krw|jpy)(?![a-z])|元|块|塊|円|원|盾)"
)
_MONEY_REACH = 6


def is_amount(text: str, start: int, end: int) -> bool:
    """Whether a currency sign or word is right before or after ``text[start:end]``."""
    if _MONEY_BEFORE.search(text[max(0, start - _MONEY_REACH) : start]):
        return True
    return _MONEY_AFTER.match(text, end) is not None


# -- long alternations --------------------------------------------------------------------
# The emergency and person-danger rules are alternations of a few hundred branches. Compiled as
# one pattern, Python's matcher tries every branch at every position of the message: no branch
# can lend the whole its literal prefix to skip ahead. Compiled one by one, most branches start
# with a literal or a small set of characters and the matcher jumps from one candidate position
# to the next: the emergency rule's verdict costs about a fifth (1.14 -> 0.21 ms a message's
# views, on the dating and gym dev questions) and `kefu.guard.safety.assess` about half. The
# rules are searched on several views of every message, and again on joined turns.
# `tests/guard/test_guard_regex_alternation.py` checks the matches against the whole pattern's.

_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_NUMBERED_BACKREF = re.compile(r"(?<!\\)(?:\\\\)*\\[1-9]|\(\?\(\d")


def top_level_branches(pattern: str) -> list[str]:
    """The branches of ``pattern``'s outermost alternation: ``"a|(b|c)|[|]"`` gives ``a``,
    ``(b|c)`` and ``[|]``. Escapes, groups and character classes are kept whole."""
    branches: list[str] = []
    start = depth = 0
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            # "[]…]" and "[^]…]": a bracket first in a class is a member, not its end
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            if pattern[i : i + 1] == "]":
                i += 1
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


class Alternation:
    """A long alternation, searched branch by branch, with the same leftmost-first answer as the
    one compiled pattern: the match's span and text are the same, so ``.start()``, ``.end()``
    and ``.group()`` can be read from it; numbered groups belong to the branch and may not be.

    Global inline flags ("(?i)" at the start) and numbered backreferences would change their
    meaning once the branches are apart, so they are refused: pass ``flags`` instead.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if _GLOBAL_FLAGS.match(pattern) or _NUMBERED_BACKREF.search(pattern):
            raise ValueError("an Alternation takes flags as an argument and no numbered backrefs")
        self.pattern = pattern
        # Each branch compiled alone (a branch cut in the wrong place would not compile); the
        # whole is never compiled, which at import would cost as much again.
        self._branches = [re.compile(b, flags) for b in top_level_branches(pattern)]
        self.flags = self._branches[0].flags

    def search(self, string: str) -> re.Match[str] | None:
        """The leftmost match, the earliest branch first at the same position, as
        ``re.compile(pattern).search`` finds it; None where no branch matches."""
        best: re.Match[str] | None = None
        for branch in self._branches:
            m = branch.search(string)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
                if best.start() == 0:
                    break
        return best


class Searcher(Protocol):
    """A compiled pattern or an `Alternation`: what the rules call on a message."""

    def search(self, string: str, /) -> re.Match[str] | None: ...
