"""A customer who is the target of a romance scam or of sextortion: the ``romance_scam`` kind of
the safety triage (English and Chinese).

A dating-app tester (Kindred 缘分, 2026-12-01) found "对方说他妈妈住院了 找我借两万" (the
杀猪盘 "pig-butchering" script) and "他有我的裸照 说不给钱就发给我爸妈" answered with the
ambulance number 120 by the learned emergency check, and "he has my nudes and says he'll send
them to my family unless i pay $2000 by tonight" or "he showed me his profits on a crypto app
and wants me to invest 5k" declined although the business's own scam entries answer them.
Such a customer needs "do not pay, stop replying, keep the evidence, report the profile, the
police" first (`kefu.dialogue.romance_lines`), then the business's scam entry and a person.

Two shapes, each needing all of its parts in one message:

- money asked by someone the customer knows from a chat (he, she, my match, a guy I met, 对方,
  网友…) together with the scripts' reasons: an emergency story (a relative in hospital, a
  customs fee, a plane ticket, a blocked card), an investment (a platform or app, crypto,
  USDT, "a sure thing", 稳赚), a deposit or fee to meet or withdraw (保证金, 解冻费), gift
  cards; or the scripts' own names (杀猪盘, pig butchering, romance scam);
- intimate images held by someone and a threat to share them or a demand for money
  ("unless i pay", "不给钱就发给我爸妈"), or blackmail and extortion named beside photos.

Look-alikes stay ordinary: asking how to report a scam profile, "my mum is in hospital, can I
pause my subscription" (nobody asks for money), "is crypto allowed in my bio", "I sent photos
to verify my profile" (no threat). A business's own staff asking for money is
`kefu.guard.misconduct`'s; a caller posing as staff `kefu.guard.scam_staff`'s.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

# -- money asked by someone met in a chat -----------------------------------------------------
# The other person: a pronoun or someone from the chat, not staff or a company.
_ASKER_EN = (
    r"\b(he|she|they|him|her|them|my (online |new )?(match|date|boyfriend|girlfriend|bf|gf|"
    r"partner|lover|fiance|fiancee|friend)|(a|the|this|that|my) (match|guy|man|woman|girl|lady|"
    r"person|dude|someone)|someone|somebody)\b"
)
_REQUEST_EN = (
    r"\b(wants?|wanted|asks?|asked|asking|told|tells|keeps? (asking|begging|pushing)|needs?|"
    r"needed|begg(ed|ing)|beg|pressur\w+|push\w*|convinc\w+|persuad\w+|talk(ed|ing) me into|"
    r"says? i (should|need to|must|have to)|invit\w+)\b"
)
_MONEY_EN = (
    r"(\b(wire|wiring|lend|loan|pay|paying|invest\w*|deposit\w*|top up|money|cash|funds|"
    r"crypto\w*|bitcoin|btc|usdt|tether|gift ?cards?|bank details|western union|moneygram)\b|"
    r"[$£€¥]\s?\d|\b\d+\s?(k|grand|dollars|usd|sgd|bucks|rmb|yuan)\b)"
)
_ASKS_MONEY_EN = re.compile(
    _ASKER_EN + _ + r"{0,70}?" + _REQUEST_EN + _ + r"{0,50}?" + _MONEY_EN, re.IGNORECASE
)
# The scripts' reasons, anywhere in the message.
_STORY_EN = re.compile(
    r"\b(hospital\w*|surgery|operation|sick|ill|cancer|accident|medical bills?|customs|"
    r"clearance|parcel|package|shipping|plane tickets?|flights?|tickets? to (see|visit|come)|"
    r"visa|stuck|stranded|airport|(card|account)s? (is |was |got )?(blocked|frozen|locked)|"
    r"inheritance|gold (trading|investment|bars?|platform)|oil rig|military|deployed|soldiers?|"
    r"army|peacekeep\w*|(fee|fees|tax|taxes) (to|for) (release|unlock|withdraw|clear|get)|"
    r"to (see|visit|meet) me|profits?|returns?|platform|(trading|crypto|investment|forex) "
    r"(app|site|platform|account)|trader|trading|forex|crypto\w*|bitcoin|usdt|sure thing|"
    r"guarantee\w*|risk[- ]free|can'?t lose|withdraw\w*|(customs|release|clearance|"
    r"withdrawal|unlock\w*|processing|transfer) (fee|fees|tax|taxes)|deposit|gift ?cards?|"
    r"itunes|steam cards?|bank details)\b",
    re.IGNORECASE,
)
# The scripts' own names: the customer has recognised one.
_NAMED_EN = re.compile(
    r"\b(pig[- ]butcher\w*|romance scam\w*|catfish\w* (me|scam)|(i'?m|i am|i was|i got|"
    r"being|been|getting) (scammed|catfished)\b" + _ + r"{0,40}\b(by|from) (him|her|my match|"
    r"a match|someone (i|from))\b)",
    re.IGNORECASE,
)

# 对方, 他/她, 网友, 网上认识的人, a match: the one who asks.
_ASKER_ZH = (
    r"(对方|他|她|网友|男的|女的|男人|女人|那人|这人|那个人|这个人|男朋友|女朋友|男友|女友|"
    r"约会对象|匹配的|认识的|网恋对象|网恋|交友)"
)
_REQUEST_ZH = (
    r"(找我|向我|跟我|问我|和我|让我|叫我|要我|要求我|催我|劝我|带我|教我|拉我|骗我|说服我|想让我)"
)
_MONEY_ZH = (
    r"(借|转|汇|打款|打钱|付|交|充|充值|投资|投|入金|买|下载|注册|钱|万|块|元|美金|刀|"
    r"usdt|比特币|币|礼品卡|购物卡|充值卡|银行卡|账户)"
)
_ASKS_MONEY_ZH = re.compile(_ASKER_ZH + _ + r"{0,14}?" + _REQUEST_ZH + _ + r"{0,12}?" + _MONEY_ZH)
# "对方说他妈妈住院了 找我借两万": the asker and the ask may be a clause apart.
_STORY_ZH = re.compile(
    r"住院|生病|病了|重病|手术|车祸|出事|急用|救急|医药费|医疗费|海关|关税|清关|包裹|机票|签证|"
    r"被扣|冻结|解冻|遗产|黄金|平台|投资|理财|炒币|炒股|外汇|期货|usdt|比特币|数字货币|虚拟币|"
    r"稳赚|包赚|保本|稳赚不赔|只赚不赔|内部消息|内幕|带我赚|收益|回报|刷单|返利|提现|取不出|"
    r"保证金|押金|定金|手续费|解冻费|服务费|见面费|礼品卡|购物卡|充值卡|app",
    re.IGNORECASE,
)
_NAMED_ZH = re.compile(r"杀猪盘|网恋诈骗|婚恋诈骗|交友诈骗|情感诈骗|网恋被骗|裸聊敲诈|裸聊诈骗")

# -- sextortion -----------------------------------------------------------------------------
_IMAGES_EN = (
    r"(nudes?|naked|intimate|explicit|private|sexy|sexual|nude|dirty|spicy|personal)\s+"
    r"(photos?|pics?|pictures?|images?|videos?|vids?|selfies?|content)|\bnudes\b|"
    r"\b(my|our|those|the|these) (photos?|pics?|pictures?|images?|videos?|vids?|selfies?)"
)
_SHARE_EN = (
    r"\b(send|sending|share|sharing|post|posting|leak|leaking|spread|spreading|publish|"
    r"expose|exposing|show|showing|upload|uploading|release|forward|go public)\w*\b"
)
_TO_WHOM_EN = (
    r"\b(to|with) (my|all my|everyone|everybody|the) ?(family|parents?|mum|mom|dad|boss|work|"
    r"job|friends|followers|contacts|school|husband|wife|partner|church|colleagues)|"
    r"\b(online|on (the internet|facebook|instagram|social media|twitter|tiktok)|everyone|"
    r"everybody|publicly|public)\b"
)
_DEMAND_EN = (
    r"\b(unless|if i (don'?t|do not|won'?t|refuse)|or else|otherwise)\b|"
    r"\b(pay|paid|money|cash|gift ?cards?|bitcoin|crypto)\b|[$£€]\s?\d"
)
_SEXTORT_EN = re.compile(
    r"\b(sextort\w*|blackmail\w*|extort\w*)\b",
    re.IGNORECASE,
)
_IMAGES_RE_EN = re.compile(_IMAGES_EN, re.IGNORECASE)
_THREAT_EN = re.compile(
    r"\b(threat\w*|says?|said|saying|will|going to|gonna|'ll|wants? to)\b"
    + _
    + r"{0,30}?"
    + _SHARE_EN
    + _
    + r"{0,40}("
    + _TO_WHOM_EN
    + r"|"
    + _DEMAND_EN
    + r")",
    re.IGNORECASE,
)
_DEMAND_RE_EN = re.compile(
    r"\b(unless|or else|if i (don'?t|do not|won'?t)) (i )?(pay|send|transfer|give)\b|"
    r"\b(wants?|demand\w*|ask\w*|asking for|pay (him|her|them)|make me pay)\b"
    + _
    + r"{0,30}(\b(money|cash|pay|paid|\d+\s?(dollars|usd|sgd|k)|gift ?cards?|bitcoin|"
    r"crypto)\b|[$£€]\s?\d)",
    re.IGNORECASE,
)
_IMAGES_ZH = r"(裸照|私密照|私照|艳照|不雅照|不雅视频|裸聊|裸体|私密视频|视频|照片|录屏|录像)"
_SHARE_ZH = (
    r"(发给|发到|发出去|传到|传出去|曝光|公开|散布|传播|挂到|挂出去|发朋友圈|群发|放到网上|"
    r"发网上|发群里|给.{0,6}看)"
)
_SEXTORT_ZH = re.compile(
    r"性勒索|裸聊敲诈|裸照(勒索|敲诈|威胁)|(勒索|敲诈)"
    + _
    + r"{0,12}"
    + _IMAGES_ZH
    + "|"
    + _IMAGES_ZH
    + _
    + r"{0,16}(勒索|敲诈|威胁)|"
    # "说不给钱就发给我爸妈", "要是不转账就曝光"
    r"(不给钱|不转账|不打钱|不付钱|不给|不转|不打|不付|不交)"
    + _
    + r"{0,4}(就|的话|便)?"
    + _
    + r"{0,4}"
    + _SHARE_ZH
)
_PRIVATE_IMAGES_ZH = re.compile(r"裸照|私密照|艳照|不雅照|不雅视频|裸聊|裸体|私密视频|私照")
# "他说要把我的照片发出去": the other person's threat to share the customer's images.
_THREAT_ZH = re.compile(
    r"(他|她|对方|网友|那人|那个人)" + _ + r"{0,4}(说|威胁|扬言|要挟)" + _ + r"{0,6}"
    r"(要|会|就)?把" + _ + r"{0,6}" + _IMAGES_ZH + _ + r"{0,4}" + _SHARE_ZH
)
_DEMAND_ZH = re.compile(r"要钱|给钱|要我(转|给|付|打)|让我(转|给|付|打)|勒索|敲诈|要挟")


def _money_scam(text: str) -> bool:
    if _NAMED_EN.search(text) or _NAMED_ZH.search(text):
        return True
    if _ASKS_MONEY_EN.search(text) and _STORY_EN.search(text):
        return True
    return bool(_ASKS_MONEY_ZH.search(text) and _STORY_ZH.search(text))


def _sextortion(text: str) -> bool:
    images = _IMAGES_RE_EN.search(text)
    if _SEXTORT_EN.search(text) and (images or re.search(r"\b(photos?|pics?|video)", text, re.I)):
        return True
    if images and (_THREAT_EN.search(text) or _DEMAND_RE_EN.search(text)):
        # "I sent photos to verify my profile" says neither; "has my nudes and wants money" does
        return True
    if _SEXTORT_ZH.search(text) or _THREAT_ZH.search(text):
        return True
    return bool(_PRIVATE_IMAGES_ZH.search(text) and _DEMAND_ZH.search(text))


def is_romance_scam_target(texts: list[str]) -> bool:
    """Does a message (any of its views, `kefu.guard.views`) tell of money asked by someone met
    in a chat with a scam's reason, or of intimate images held over the customer?"""
    return any(_money_scam(t) or _sextortion(t) for t in texts)


def is_sextortion(texts: list[str]) -> bool:
    """Intimate images held over the customer (the reply names them: "do not pay")."""
    return any(_sextortion(t) for t in texts)
