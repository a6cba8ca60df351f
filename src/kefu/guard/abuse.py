"""Insults, profanity and threats aimed at the assistant, the business or its staff.

Such a message is not a question the knowledge base can answer, and "I'm not sure about
that" reads as mockery to someone already angry. It gets an apology and a person instead
(`kefu.dialogue.messages`: "safety_abuse"); a confident FAQ answer still follows, because an
angry customer with a real question ("where is my f***ing parcel") wants that answer too.

The patterns need a target or an unambiguous word: "sorry if this is a stupid question",
"垃圾袋", "废物回收", "我妈的手机号" and "滚筒洗衣机" are ordinary.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_INSULT_EN = (
    r"(stupid|useless|worthless|pathetic|dumb|idiotic|incompetent|garbage|trash|rubbish|"
    r"clowns?|idiots?|morons?|losers?|a joke|liars?|thieves|crooks|scammers?)\b"
)
_THING_EN = (
    r"(bot|chatbot|app|company|service|shop|store|website|site|chat|machine|thing|gym|bank|"
    r"place|people|staff|system|ai|assistant)\b"
)
_ABUSIVE_ZH = r"(废物|垃圾|智障|脑残|白痴|蠢货|骗子)(?![桶袋箱站车分处回场堆筐篓短费])"

ABUSE = re.compile(
    # profanity that is abusive wherever it stands
    r"\b(fuck\w*|f\*+k\w*|motherfuck\w*|shit(ty|head)?|bullshit|bitch\w*|bastards?|assholes?|"
    r"dickheads?|retard(ed|s)?|screw you|go to hell|piss off)\b|"
    # an insult aimed at the assistant or the business: "you useless bot", "you're a joke",
    # "this stupid app" (but not "sorry if this is a stupid question")
    r"\byou('re| are| r)?\s+((so|such|a|an|total|complete|utter|absolutely|really|all|bunch "
    r"of|fucking)\s+)*" + _INSULT_EN + r"|"
    r"\b(this|that|your|what a|such a)\s+((so|really|absolutely|fucking)\s+)?(stupid|useless|"
    r"worthless|pathetic|dumb|idiotic|incompetent|shitty|crappy|garbage|trash|rubbish)\s+"
    + _THING_EN
    + r"|"
    # threats against people or premises
    r"\b(i'?ll|i will|i'?m going to|gonna|going to)\b" + _ + r"{0,20}\b(smash|burn|wreck|trash|"
    r"beat|punch|hurt|kill|destroy|come for)\s+(down\s+|up\s+)?(you\b|((your|the|this|that)\s+)"
    r"(\w+\s+)?(store|shop|office|desk|place|gym|staff|people|branch|counter)\b)|"
    # Chinese: profanity, an insult aimed at someone, threats against people or premises
    r"傻[逼比屄b]|煞笔|操你|草泥马|他妈的|你妈的|特么的|去你的|滚蛋|给我滚|滚开|王八蛋|混蛋|狗屎|"
    # 粤语粗口: 屌你老母, 屌你, 𨳒你, 仆街, 冚家铲, 戆鸠, 收皮, on9, dllm
    r"[屌𨳒𨶙](你|佢|那|鸠|鳩|柒|老母|你老母|你個|你个)|(你|佢)老母|(?<!\w)(diu|dllm|on9)(?!\w)|"
    r"仆街|扑街|冚家[铲鏟]|戆[鸠鳩居]|戇[鸠鳩居]|收皮|"
    r"(你|你们|你家)(这个?|这种|这帮|这群)?(是|就是|真是|真|太|都是)?(个|一群|一帮|一伙)?"
    + _ABUSIVE_ZH
    + r"|(废物|垃圾|智障|脑残|白痴)(客服|机器人|公司|平台|系统|店|玩意|东西)|"
    # "我就去你们前台砸东西", "砸了你们的店"; not "一病发就砸东西" or "发烧，什么东西都不吃"
    r"(去|来|到)(你们|你家)" + _ + r"{0,6}(砸|烧|拆)|(砸|烧|拆)(了)?(你们|你家)(的)?(店|前台|门店|"
    r"公司|柜台)|弄死你|揍你|打死你|砍(死)?你",
    re.IGNORECASE,
)


def is_abusive(texts: list[str]) -> bool:
    """Does any view of a message insult or threaten (``texts``: `kefu.guard.views`)?"""
    return any(ABUSE.search(t) for t in texts)
