"""A report that an adult is soliciting a child (English and Chinese), by a parent or by the
child: urgent safeguarding, not a question the knowledge base answers.

Three things together make one: a child (an age under 18, "my daughter", "my 10 year old",
"我才13岁", "我女儿（12岁）"), someone else who asks (an adult, "a grown man", "a player she
met", "he's 30", "有个大叔"), and what groomers ask for: photos, secrecy from the parents, a
meeting, personal contact details or an address, gifts in exchange, "mature for your age".
A question about children with none of that stays ordinary: "is the game suitable for a 12
year old", "parental controls", "my son is 13 can he have an account", "how do I report a
player who insulted me". The reply (`kefu.dialogue.messages`: "safety_safeguarding") tells
them to keep the evidence, not to let the child meet the person and to call the police if a
meeting is planned or the child is in danger, followed by the business's own child-safety
entry (`kefu.dialogue.safeguarding_entry`), and a person is called at the top priority.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_CHILD_EN = re.compile(
    r"\b([4-9]|1[0-7])\s*(-\s*)?(yo|y/o|yrs?|years?|year[- ]old)\b|"
    r"\bi" + r"['’]?m\s+(only\s+|just\s+)?([4-9]|1[0-7])\b|\bfor\s+(a\s+)?([4-9]|1[0-7])\b|"
    r"\b(my|our)\s+(\w+\s+){0,2}(son|daughter|kid|kids|child|children|boy|girl|little (sister|"
    r"brother)|younger (sister|brother)|niece|nephew|grandson|granddaughter|stepson|"
    r"stepdaughter)\b|\b(minor|underage|under[- ]age|child|kid|a (12|13|14|15) year old)\b|"
    r"\bmature for\b",
    re.IGNORECASE,
)
# Someone else, usually older: "an adult", "a grown man", "a player she met", "he's 30".
_OTHER_EN = re.compile(
    r"\b(adult|grown[- ]up|grown[- ](man|men|woman|guy))\b|"
    r"\b(older|old)\s+(man|men|guy|woman|player|person|dude|user)\b|"
    r"\b(a|an|the|some|this|that|one)\s+(\w+\s+){0,2}(man|guy|dude|player|person|stranger|user|"
    r"member|streamer|gamer|someone|somebody|woman|teacher|coach|tutor)\b|"
    r"\b(he|she)\s*(['’]?s|is)\s+(like\s+|about\s+|around\s+)?([2-9]\d)\b|"
    r"\b([2-9]\d)\s*(yo|y/o|years? old|year[- ]old)\s+(man|guy|woman|dude)\b|"
    r"\b(someone|somebody|stranger|a player|a guy|a man)\b",
    re.IGNORECASE,
)
# What a groomer asks of the child, said as something someone asks, tells or wants.
_ASKS_EN = re.compile(
    r"\b(ask(s|ed|ing)?|want(s|ed)?|told|tell(s|ing)?|keep(s)? (asking|messaging|telling)|"
    r"try(ing|ies|ied)? to get|pressur\w+|beg\w*|offer\w*|promis\w*|invit\w*|messag\w+|"
    r"dm\w*|wants? (her|him|me|them))\b" + _ + r"{0,60}\b("
    r"send\w*\s+(\w+\s+){0,3}(pics?|pictures?|photos?|nudes?|selfies?|videos?|images?)|"
    r"(pics?|pictures?|photos?|nudes?|selfies?)\b|"
    r"keep\s+(\w+\s+){0,3}(secret|between (them|us|you))|secret\b|"
    r"(not|don['’]?t|never) (to )?tell\s+(\w+\s+){0,2}(parents?|mum|mom|dad|mother|father|"
    r"anyone|us|me|family)|"
    r"meet(ing)?(\s+up)?\b|(video|cam|webcam)\s*(call|chat)?|"
    r"(address|phone number|number|snapchat|snap|whatsapp|instagram|insta|discord|telegram|"
    r"location|school|where (she|he|i) lives?)\b)|"
    r"\bmature for (your|my|her|his|their|a|an)?\s*(age|\d+)\b|"
    r"\b(gifts?|skins?|gems|crystals|money|items?|gift cards?)\b" + _ + r"{0,30}\b(if|in "
    r"exchange|for)\b" + _ + r"{0,30}\b(pics?|pictures?|photos?|meet|secret|address)",
    re.IGNORECASE,
)

_CHILD_ZH = re.compile(
    r"([4-9]|1[0-7]|十[一二三四五六七]?|[四五六七八九])\s*(周)?岁|未成年|小学|初中|"
    r"(我的?|我家)(女儿|儿子|孩子|小孩|闺女|妹妹|弟弟|侄女|侄子|外甥女|外甥|孙女|孙子)"
)
_OTHER_ZH = re.compile(
    r"大叔|叔叔|大哥|哥哥|阿姨|成年人|成年男|男的|男人|网友|陌生人|有个人|有人|有个玩家|一个玩家|"
    r"那个人|对方|老男人|([2-9]\d)\s*(多)?岁的"
)
_ASKS_ZH = re.compile(
    r"(发|拍|传|要)" + _ + r"{0,4}(照片|自拍|私密照|私照|裸照|视频|身体)|私密照|裸照|"
    r"(不要|别|不许|不准|不能)(告诉|跟|和)" + _ + r"{0,4}(爸|妈|父母|家长|家里|别人|老师)|保密|"
    r"(约|要|想)" + _ + r"{0,6}见面|线下见|单独见|出来见|(见|碰)个面|开房|"
    r"(加|要)" + _ + r"{0,4}(微信|qq|手机号|电话|联系方式|住址|地址|学校)|视频聊天|"
    r"(送|给)" + _ + r"{0,8}(装备|皮肤|礼物|点券|钱|红包)" + _ + r"{0,12}(让|要|叫)"
)


# The young person writing about themselves: "im 16", "I'm only 15", "我16岁", "我今年15岁".
_SELF_EN = re.compile(
    r"\bi\s*['’]?\s*a?m\s+(only\s+|just\s+)?(1[0-7]|[4-9])\b(?!\s*(%|kg|lbs?|cm|min|hours?|"
    r"days?|weeks?|months?|dollars|pounds|foot|feet|ft|stone|st\b|['’\x22]))|"
    r"\bi\s+(turned|just turned|will be)\s+(1[0-7])\b|"
    r"\bmy age is (1[0-7])\b",
    re.IGNORECASE,
)
_SELF_ZH = re.compile(r"我(今年|才|只有|现在)?\s*(1[0-7]|十[一二三四五六七]?)\s*(周)?岁")
# An adult partner of a young writer: "my boyfriend (20)", "he's 25", "我男朋友22岁".
_ADULT_PARTNER_EN = re.compile(
    r"\b(boyfriend|girlfriend|bf|gf|partner|match|guy|man|he|she)\s*(\(|,|is|['’]s)?\s*"
    r"(1[89]|[2-9]\d)\b(?!\s*(%|kg|min|hours?|days?|months?|dollars|k\b))",
    re.IGNORECASE,
)
_ADULT_PARTNER_ZH = re.compile(
    r"(男朋友|女朋友|男友|女友|对象|他|她)\S{0,3}(1[89]|[2-9]\d)\s*(周)?岁"
)


def writes_as_minor(texts: list[str]) -> bool:
    """Does the writer say they are under 18 ("im 16", "我今年15岁")?"""
    return any(_SELF_EN.search(t) or _SELF_ZH.search(t) for t in texts)


def reports_grooming(texts: list[str]) -> bool:
    """Does a message report an adult soliciting a child (``texts``: `kefu.guard.views`)?"""
    if writes_as_minor(texts) and any(
        _ADULT_PARTNER_EN.search(t) or _ADULT_PARTNER_ZH.search(t) for t in texts
    ):
        return True  # "I'm 15 and my boyfriend (20) wants me to make an account"
    for text in texts:
        if _CHILD_EN.search(text) and _OTHER_EN.search(text) and _ASKS_EN.search(text):
            return True
        if _CHILD_ZH.search(text) and _OTHER_ZH.search(text) and _ASKS_ZH.search(text):
            return True
    return False
