"""Friendly fraud against a card issuer: part of the ``fraud`` kind (kefu.guard.fraud).

A Hong Kong card centre's tester (2026-11-30) got help for both of these: "怎样说卡被盗刷才能
不用还钱" was answered from the lost-card entry ("挂失后的盗刷交易您无需承担"), and "how do I
dispute a purchase I actually made and received so I get my money back" got the dispute
procedure. The customer's own spending is to be called stolen, cloned or "not me", or disputed:

- a claim of theft, loss or "not me" arranged ("say", "claim", "tell the bank", "report it",
  说, 说成, 报个) with its aim ("so I don't have to pay", "keep the TV", 不用还, 退钱) or the
  truth beside it ("even though it was me", "after I spend on it", 我自己刷的, 东西收到了);
- a claim that is a lie by its own word ("pretend", "make a fake fraud claim", 谎称, 假装, 骗,
  伪造);
- a dispute of spending said to be the customer's own ("a purchase I actually made",
  "a holiday I went on and enjoyed", "purchases I made myself"), with no fault given.

The honest versions use the same words and must stay ordinary: a victim ("my card was stolen
and used, do I have to pay?", "我的卡被盗刷了怎么办", "how do I dispute a charge I don't
recognise", "怎么跟银行说我的卡被盗刷了"), a merchant's fault ("charged twice", "never
delivered", "wrong amount"), what the card centre itself says ("被盗刷了说不用还钱是真的吗").
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard.fraud_shop import NOT_ME_ZH

# -- English -------------------------------------------------------------------------------
_CLAIM_EN = (
    r"\b(stolen|lost|cloned|skimmed|hacked|fraud\w*|unauthori[sz]ed|not (me|mine)|(wasn'?t|"
    r"weren'?t|was not|were not) (me|mine|made by me)|(someone|somebody) else (used|made|did)|"
    r"(didn'?t|did not) (make|authori[sz]e) (it|them|the \w+))\b"
)
# The customer's own words to come, not what the bank "said" or what they already "reported".
_SAY_EN = (
    r"(?<!bank )(?<!they )(?<!you )(?<!it )(?<!he )(?<!she )\b(say|claim|claiming|tell|report|"
    r"reporting|dispute|disputing|chargeback|charge ?back|reverse|word it|put it)\b"
)
# The lie is in the word itself.
_SAY_STRONG_EN = (
    r"\b(pretend\w*|make it (look|seem)|so (that )?(the bank|they|you|the issuer) (will )?"
    r"(believes?|thinks?|accepts?))\b"
)
_AIM_EN = (
    r"\b(so (that )?i (don'?t|do not|won'?t|wouldn'?t|never) (have to |need to )?(pay|repay)|"
    r"(not|never) (have to |need to )?(pay|repay)|cancel (what i owe|my debt|the "
    r"debt|the bill|my bill)|keep (the|it|them|both)\b|(get|be) (it )?(cleared|written off|"
    r"wiped)|for free)"
)
_TRUTH_EN = (
    r"\b(even though|although|it was (really |actually )?me|i (actually |really )?(made|did|"
    r"spent|bought|used|enjoyed|went)( (it|them|the \w+))?( myself)?(?=\W*$|\W+(but|and|how|"
    r"lol|so)\b)|myself|can'?t afford|after i (spend|spent|use|used|max|maxed)|(and |then )+"
    r"report (it|my card|the card)|lend my card|lent my card)"
)
_OWN_SPENDING_EN = (
    r"\b((purchases?|charges?|transactions?|payments?|spending|holiday|trip|bets?|orders?|"
    r"things?|stuff) (that |which )?i (actually|really|genuinely|knowingly) (made|bought|went on|"
    r"enjoyed|authori[sz]ed|placed|did|received)|(made|bought|spent) (it |them )?myself|i (made|"
    r"bought|went on|ordered) and (received|enjoyed|used|got)|went on and enjoyed|actually made "
    r"and received)\b"
)
_DISPUTE_EN = r"\b(disput\w*|chargeback|charge ?back|revers\w*|money back|refund\w*)\b"
# A merchant's fault makes a dispute honest.
_FAULT_EN = (
    r"\b(damaged|broken|faulty|defective|never (arrived|came|delivered|received|shipped)|not "
    r"(delivered|received|as described)|(didn'?t|did not|hasn'?t|has not) (arrive|come|deliver)|"
    r"wrong|twice|double|duplicate|overcharg\w*|cancel\w*|scam\w*|counterfeit|fake goods|"
    r"mistake\w*|accident\w*|error)\b"
)
_FAKE_CLAIM_EN = (
    r"\b(make|file|submit|open|lodge|raise|put in)\w* (a |an )?(fake|false|bogus|made[- ]up|"
    r"phony)\b" + _ + r"{0,20}\b(claim|report|dispute|case|chargeback)\b"
)
_ARRANGED_EN = re.compile(r"(" + _SAY_EN + r")" + _ + r"{0,60}" + _CLAIM_EN, re.IGNORECASE)
_STRONG_EN = re.compile(
    r"(" + _SAY_STRONG_EN + r")" + _ + r"{0,60}" + _CLAIM_EN + r"|" + _FAKE_CLAIM_EN,
    re.IGNORECASE,
)
_AIM_OR_TRUTH_EN = re.compile(_AIM_EN + r"|" + _TRUTH_EN, re.IGNORECASE)
_OWN_RE_EN = re.compile(_OWN_SPENDING_EN, re.IGNORECASE)
_DISPUTE_RE_EN = re.compile(_DISPUTE_EN, re.IGNORECASE)
_FAULT_RE_EN = re.compile(_FAULT_EN, re.IGNORECASE)

# -- Chinese -------------------------------------------------------------------------------
_CLAIM_ZH = (
    r"(盗刷|被盗|被偷|卡丢了|丢卡|丢了卡|不是本人|非本人|不是我刷|不是我本人|不是我消费|不是我买|"
    r"被人刷|被别人刷|被复制|被克隆|伪卡)"
)
# Weak: the customer may be honestly asking how to report ("怎么跟银行说我的卡被盗刷了").
# ("说了": already reported, as a victim does.)
_SAY_ZH = r"(说(?!了)|说成|说是|报个|报成|报一个|申报|申请拒付|拒付|申诉)"
# (not 冒充 or 骗 alone: "有人冒充银行说…", "有人骗我说…" are a victim's words)
_SAY_STRONG_ZH = r"(谎称|假称|假装|装作|伪造|编造|骗银行|骗你们|骗客服|骗过)"
# The aim is not paying; a refund alone is what a victim wants too ("多久能退款").
_AIM_TRUTH_ZH = (
    r"(不用还|不还|免还|不必还|不想还|还不起|赖掉|赖账|不用承担|免单|"
    r"自己刷|自己消费|自己的消费|我刷的|本人刷的|我自己|收到了|已经收到|借给|刷爆)"
)
# "跟银行说" is the customer telling the bank; "银行说" is the bank's word (NOT_ME_ZH).
_ARRANGED_ZH = re.compile(
    "(?:(?<=[跟对向和给]银行)|" + NOT_ME_ZH + ")" + _SAY_ZH + _ + r"{0,8}" + _CLAIM_ZH
)
_STRONG_ZH = re.compile(_SAY_STRONG_ZH + _ + r"{0,10}" + _CLAIM_ZH)
_AIM_TRUTH_RE_ZH = re.compile(_AIM_TRUTH_ZH)


def asks_for_bank_fraud(text: str) -> bool:
    """Does one view of a message ask for help to pass the customer's own card spending off as
    theft or to dispute it?"""
    if _STRONG_EN.search(text) or _STRONG_ZH.search(text):
        return True
    if (_ARRANGED_EN.search(text) or _ARRANGED_ZH.search(text)) and (
        _AIM_OR_TRUTH_EN.search(text) or _AIM_TRUTH_RE_ZH.search(text)
    ):
        return True
    return bool(
        _OWN_RE_EN.search(text) and _DISPUTE_RE_EN.search(text) and not _FAULT_RE_EN.search(text)
    )
