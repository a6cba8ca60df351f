"""Return and refund fraud at an online shop: part of the ``fraud`` kind (kefu.guard.fraud).

A fashion shop's tester (2026-11-30) found these answered from the returns FAQ instead of
refused, in Chinese above all:

- a false non-delivery or damage claim, with the truth or the aim said beside it ("I'll just
  say it never arrived, would you refund me?", "我就说没收到货…其实我收到了", "假装没收到");
- a refund while keeping the goods, said as the aim ("refund me, I want to keep it", "不退货也
  退款，衣服我想留着", "白拿");
- wardrobing: wearing it for an occasion and returning it ("穿过再退", "wear it to the party and
  send it back");
- fake damage photos: edited, or someone else's ("P张破损的图", "someone else's photo");
- a chargeback for goods received ("收到货去银行拒付", "dispute the charge after I got it").

The honest versions use the same words and must stay ordinary: a parcel marked delivered that
never came ("包裹显示签收但我没收到"), a returnless refund for a damaged or wrong item (Taobao's
仅退款 when goods are missing), a dress that ripped the first time it was worn, a photo of real
damage, a chargeback for goods that never came, someone else (the courier, the shop) saying
something untrue ("你们说没收到我的退货，其实我早就寄回了"). So each rule needs the customer's
own plan (I'll say, pretend, keep it, then return it) and not only the words of the claim.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

# -- English -------------------------------------------------------------------------------
_LIE_EN = (
    r"(never (arrived|came|got here|showed up|turned up)|(didn'?t|did not) (arrive|come|get here|"
    r"receive it|get it)|not (arrived|received|delivered)|(got|was|were|went) (lost|stolen)|"
    r"(arrived|came|was|were|is|are) (damaged|broken|torn|ripped|faulty|defective|stained))"
)
# Arranging the lie: "I'll (just) say", "what if I say", "pretend" (strong); "can I say/claim/
# tell you" is also an honest opening ("can I claim it never arrived? tracking says…"), so it
# counts only with the truth said beside it.
_SAY_STRONG_EN = (
    r"\b((i'?ll|i will|i'?m going to|gonna|let'?s|we'?ll) (just )?(say|claim)|what if (i|we) "
    r"(just )?(say|said|tell|told|claim|claimed)|\bjust (say|claim|tell)|pretend\w*|fake (a|the) "
    r"(claim|report))\b"
)
_SAY_WEAK_EN = (
    r"\b((can|could|should|may) (i|we) (just )?(say|tell (you|them|the \w+)|claim|report)|"
    r"(i'?ll|i will|i'?m going to|gonna) (tell (you|them|the \w+)|report))\b"
)
_AIM_EN = (
    r"\b(refund\w*|money back|replacement|new one|resend|send (me )?(another|a new)|"
    r"compensat\w*|credit|voucher)\b"
)
_TRUTH_EN = (
    r"\b(actually|in fact|really (did|got|have)|(it|they) (already )?(came|arrived|got here)"
    r"(?= (yesterday|today|already|fine|on time|last \w+)|\s*[,.!)]|\s*$)|(i|it) did\b|"
    r"i (did |already )?(got|received|have) (it|them)|(it'?s|its|it is|they'?re|they are) "
    r"(totally |perfectly |actually )?(fine|perfect|ok|okay)|nothing wrong|lol)\b"
)
# A fault that makes a returnless refund or a dispute honest.
_FAULT_EN = (
    r"\b(damaged|broken|faulty|defective|torn|ripped|stained|wrong (size|item|colou?r|order|one)|"
    r"not as described|missing|never (arrived|came)|(didn'?t|did not|hasn'?t|has not) (arrive|"
    r"come)|not (arrived|received|delivered)|lost|partial|by mistake|accident\w*|cancel\w*|"
    r"withdraw\w*)\b"
)
_KEEP_EN = (
    r"\b(i('d| would)? (just |really )?(want|wanna|like|prefer|plan|intend) to keep|i'?m (going "
    r"to )?keep(ing)?|(and|but|while|yet) (still |also )?keep(ing)? (it|them|the \w+|both|"
    r"everything)|keep (it|them|the \w+) for free|for free)\b"
)
_REFUND_WITHOUT_RETURN_EN = (
    r"\b(refund\w*|money back)\b" + _ + r"{0,40}\bwithout (returning|sending (it|them|anything|the "
    r"\w+) back|giving (it|them) back)"
)
# What was bought, not a statement or an e-mail ("after I receive my statement can I dispute").
_GOODS_EN = (
    r"(it|them|(my|the|this|that) (order|items?|parcel|package|goods|delivery|bag|dress|shoes|"
    r"jacket|coat|clothes|stuff|products?|purchase|shirt|jeans|boots|watch))"
)
_HOW_EN = (
    r"\b(help me|teach me|show me how|how (can|do|could|would) (i|we)|(a |any )?ways? to|trick|"
    r"hack|loophole|get away with)\b"
)
_SHOP_EN = re.compile(
    # a lie arranged, with its aim or the truth: "what if I just say it never arrived, refund me?"
    r"(" + _SAY_STRONG_EN + r")" + _ + r"{0,60}\b" + _LIE_EN + r"(?=.*(" + _AIM_EN + r"|"
    r"" + _TRUTH_EN + r"))|"
    r"(" + _SAY_WEAK_EN + r")" + _ + r"{0,60}\b" + _LIE_EN + r"(?=.*" + _TRUTH_EN + r")|"
    # a chargeback once the goods are in hand: "dispute the charge after I got it"
    r"^(?!.*" + _FAULT_EN + r")(?=.*\b(dispute|chargeback|charge ?back|reverse the (charge|"
    r"payment))).*\b((after|once|when) (i (get|got|receive|received|have) " + _GOODS_EN + r"|"
    r"(they|" + _GOODS_EN + r") (arrives?|arrived|comes|came|is delivered|was delivered))|"
    r"i (already )?(got|received|have) " + _GOODS_EN + r")\b|"
    # wardrobing: "wear it to the wedding and then return it" (a plan, not "I wore it once and")
    r"\bwear (it|them|this|that|the \w+)\b(?!" + _ + r"{0,40}\b(indoors|at home|around the "
    r"house|to try|to check|fit)\b)" + _ + r"{0,40}\b(and|then|after)\b" + _ + r"{0,20}\b(return|"
    r"send (it|them) back|refund)|"
    r"\b(put|sew|stick|reattach|re-?attach)\w*\b"
    + _
    + r"{0,10}\btags?\b"
    + _
    + r"{0,10}\bback\b"
    + _
    + r"{0,60}\b(return|refund|send (it|them) back|notice)|"
    # fake damage photos: edited, someone else's, off the internet
    # (not "edit": "can I edit the photo I uploaded for my return?" replaces a wrong one)
    r"\b(photoshop\w*|doctor(ed|ing)|doctor up|fak(e|ed|ing))\W+(\w+\W+){0,2}(photos?|"
    r"pictures?|pics?|images?)\b(?=.*\b(damage\w*|claim|refund\w*|return\w*|broken|torn)\b)|\b(photoshop)\w*\b"
    + _
    + r"{0,20}\b(a |the )?(tear|hole|crack|stain|damage|rip)|"
    r"((someone|somebody) else'?s|another (person|customer)'?s|(from|off) (the )?(internet|"
    r"web|google|online)|stock|random)\b" + _ + r"{0,30}\b(photos?|pictures?|pics?|images?)"
    r"\b(?=.*\b(damage\w*|claim|refund\w*|return\w*|broken|torn)\b)|"
    r"\b(photos?|pictures?|pics?|images?) (of|from) ((someone|somebody) else'?s|another (person|"
    r"customer)|the internet|online|google)\b(?=.*\b(damage\w*|claim|refund\w*|return\w*|broken|"
    r"torn)\b)",
    re.IGNORECASE,
)
# A refund while keeping the goods, as the aim: "refund me and I keep it", "…without returning
# it, I just want to keep it"; not when a fault is given and no untruth ("it's damaged, can I
# keep it with a partial refund?").
# (a refund of the postage or a fee is not of the goods: "keep the shoes, refund the shipping")
_REFUND_EN = re.compile(
    r"\b(refund\w*(?! (of |for )?(the |my )?(shipping|postage|delivery|difference|fees?|charges?|"
    r"duty|duties)\b)|money back|my money)\b",
    re.IGNORECASE,
)
_KEEP_RE_EN = re.compile(_KEEP_EN, re.IGNORECASE)
_NO_RETURN_EN = re.compile(_HOW_EN + _ + r"{0,40}" + _REFUND_WITHOUT_RETURN_EN, re.IGNORECASE)
_FAULT_RE_EN = re.compile(_FAULT_EN, re.IGNORECASE)
_TRUTH_RE_EN = re.compile(_TRUTH_EN, re.IGNORECASE)


def _keeps_goods_en(text: str) -> bool:
    if not (_REFUND_EN.search(text) and (_KEEP_RE_EN.search(text) or _NO_RETURN_EN.search(text))):
        return False
    return not _FAULT_RE_EN.search(text) or bool(_TRUTH_RE_EN.search(text))


# -- Chinese -------------------------------------------------------------------------------
_LIE_ZH = r"(没收到|没有收到|未收到|没到货|没到|丢了|丢件|被偷|坏了|破了|破损|有质量问题)"
# Someone else saying it is their claim, not the customer's: "你们说没收到我的退货", "快递员
# 说…", "商家说…"; but "跟你们说没收到", "跟快递说" is the customer telling them.
NOT_ME_ZH = (
    r"(?:(?<=[跟对向和给]你们)|(?<=[跟对向和给][你您])|(?<=[跟对向和给](?:快递|物流|商家|卖家|客服))|"
    r"(?<![你您他她们员家台])(?<!快递)(?<!物流)(?<!客服)(?<!系统)(?<!银行)(?<!显示)(?<!上面))"
)
_TRUTH_ZH = (
    r"(其实|实际上|明明|已经收到|收到了|拿到了|到手了|在我这|好好的|没坏|没问题|挺好的|没毛病)"
)
_SHOP_ZH = re.compile(
    # a lie arranged, with the truth anywhere in the message: "我就说没收到货…？其实我收到了"
    NOT_ME_ZH
    + r"(就说|我说|说|称|谎称|声称|假称|装作|假装)"
    + _
    + r"{0,6}"
    + _LIE_ZH
    + r"(?=.*"
    + _TRUTH_ZH
    + r")|"
    r"(假装|谎称|假称|装作|冒充)" + _ + r"{0,4}" + _LIE_ZH + r"|"
    # a refund while keeping the goods, as the aim: "不退货也退款，衣服我想留着", "想白拿"
    r"(不退货|不用退货|不寄回|不用寄回|不退回|不还货|只退款|仅退款)(?=.*(想留着|要留着|留下来|"
    r"自己留着|不想还|不想退回|白拿|白嫖|" + _TRUTH_ZH + r"))|白拿|白嫖|"
    # wardrobing: "穿过再退", "穿一次参加婚礼，然后再退货"; not "试穿", not "穿过一次就开线了"
    r"(?<!试)穿(过|了|一次|一下|一天|两天|几天|完|一回|着)"
    + _
    + r"{0,10}(再|然后|之后|完)(去)?(退|寄回)|"
    r"吊牌" + _ + r"{0,12}(看不出|发现不了|查不出|缝回|挂回|重新挂)|"
    # fake damage photos: "P张破损的图", "用别人的照片", "网上找张烂了的图片当证据"
    r"(?<![a-z])(p|ps)(一?张|个|了|一下|几张)?" + _ + r"{0,6}(图|照片|图片)(?=.*(退|赔|售后|破损|"
    r"坏|证据|申请))|(p|ps)图(?=.*(退|赔|售后|破损|坏|证据|申请))|"
    r"(别人|他人|网上|网图|百度|网络上)" + _ + r"{0,8}(照片|图片|图)(?=.*(退|赔|售后|破损|坏|证据|"
    r"申请))|"
    # a chargeback once the goods are in hand: "收到货去银行拒付"
    # (not the bank's doing: "我收到货了，但是被银行拒付了怎么办")
    r"(?<![没未])(收到|拿到|签收|到手)(了)?(货|东西|包裹)?[^被.?!。？！\n]{0,16}(?<!被)拒付|"
    r"拒付" + _ + r"{0,16}(?<![没未])(收到了|拿到了|已经收到|到手了)",
    re.IGNORECASE,
)


def asks_for_shop_fraud(text: str) -> bool:
    """Does one view of a message ask for help with return or refund fraud at a shop?"""
    return bool(_SHOP_EN.search(text) or _SHOP_ZH.search(text) or _keeps_goods_en(text))
