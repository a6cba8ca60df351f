"""An older person down now: fallen and on the floor, too heavy to lift, or not answering after
a fall or alone at home.

A home-care business's testers (2026-12-01) wrote from far away: "back home in Penang my
grandma fell and is on the floor", "my nan fell and she's on the floor", "dad's on the floor and
can't get up", "my grandad has fallen and I can't lift him", "外婆跌倒了 一直躺在地上", "我打给我妈
都没人接 她一个人住". `kefu.guard.emergency_home` read a fall only with "can't get up" (起不来)
right after it. Someone on the floor after a fall, or who does not answer, needs an ambulance
or someone to go to them now (long lies harm older people within hours), wherever the customer
is: kefu gives the number of the place the person is in (`kefu.dialogue.patient_place`).

Not caught: a fall or a lie on the floor in a question or a plan ("what if mum falls", "在地上
铺防滑垫"), one that is over ("fell last year", "上个月跌倒 现在好了": `not_now` blanks those,
and `_PAST` here), or a phone unanswered with nothing wrong said ("mum isn't answering, she's
probably out").
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.text.variants import to_mandarin

# Not "fell behind on his payments", "fell asleep", "fell for a scam", "the deal fell through"
# (but "fell out of bed", "fell into the pool", "fell through the ice" are falls).
_FELL_EN = (
    r"\b((fell|fallen|falls)(?!\s+(behind|asleep|for|in love|out with|through(?! the)|short|"
    r"apart|silent|quiet|into (debt|arrears|a scam|a trap)|back asleep|off the wagon|pregnant|"
    r"prey|victim|ill|sick|due|on hard)\b)|had a fall|"
    r"slipped|tripped|collapsed|went down)\b"
)
_ON_FLOOR_EN = (
    r"\b((is|'s|are|still|been|was|lying|lay|laying|stuck|sitting|down) (on|across) (the|her|his|"
    r"their|my) (\w+ )?(floor|ground)|on the (\w+ )?floor (and|but|for|since|still)|"
    r"(can'?t|cannot|unable to) (lift (her|him|them)|get (her|him|them) (up|off)|pick (her|him|"
    r"them) up)|(too heavy|unable) to (lift|get up)|"
    r"(isn'?t|is not|not|hasn'?t been|won'?t|stopped|no longer) (answering|responding|"
    r"picking up))\b"
)
_DOWN_EN = re.compile(
    _FELL_EN + _ + r"{0,60}" + _ON_FLOOR_EN + "|" + _ON_FLOOR_EN + _ + r"{0,40}" + _FELL_EN + "|"
    # on the floor and unable to get up, with no fall said ("dad's on the floor and can't get up")
    r"\bon the (\w+ )?(floor|ground)\b" + _ + r"{0,30}\b(can'?t|cannot|unable to|won'?t) "
    r"(get up|stand|move|get off)\b|"
    + _FELL_EN
    + _
    + r"{0,50}\b(can'?t|cannot|unable to|won'?t) (get up|stand|move)\b",
    re.IGNORECASE,
)
# Korean and Japanese: collapsed or fallen, and cannot get up, lying on the floor, not answering
# ("할머니가 넘어져서 바닥에 누워 계세요", "父が倒れて起き上がれない").
_DOWN_KO_JA = re.compile(
    r"(쓰러|넘어)(졌|져|지)[^.?!。？！\n]{0,24}(일어나지 못|못 일어나|일어나질 못|일어나지를 못|"
    r"바닥에 누워|의식이 없|대답이 없|반응이 없|대답을 안|움직이지 못|못 움직)|갑자기 쓰러(졌|져)|"
    r"(倒れ|転ん|転倒)[^.?!。？！\n]{0,24}(起き上がれ|立ち上がれ|意識がな|意識がありませ|反応がな|"
    r"反応がありませ|動けな|返事がな|返事がありませ)"
)
# Not answering, beside living alone (older people are the ones a far-away relative rings).
_ALONE_EN = re.compile(
    r"\b(isn'?t|is not|not|hasn'?t been|stopped|no longer) (answering|picking up)\b"
    + _
    + r"{0,60}\b(lives|living|is|'s) (alone|on (her|his|their) own|by (herself|himself))\b|"
    r"\b(lives|living) (alone|on (her|his|their) own|by (herself|himself))\b"
    + _
    + r"{0,60}\b(isn'?t|is not|not|hasn'?t been|stopped) (answering|picking up)\b",
    re.IGNORECASE,
)
_FELL_ZH = r"(跌倒|摔倒|摔了|跌了|滑倒|跌咗|跌低|绊倒|晕倒|昏倒|倒下)"
_FLOOR_ZH = (
    r"(躺在地上|倒在地上|坐在地上|趴在地上|在地上(起不来|动不了|躺|一直)|扶不起来|抬不起来|拉不起来|"
    r"扶不起|抱不起来|叫不应|叫了?没反应|没有?反应|没人接|不接电话|不回应|没回应)"
)
_DOWN_ZH = re.compile(
    _FELL_ZH + _ + r"{0,16}" + _FLOOR_ZH + "|" + _FLOOR_ZH + _ + r"{0,12}" + _FELL_ZH
)
_ALONE_ZH = re.compile(
    r"(没人接|不接电话|电话打不通|都没接|一直没接)"
    + _
    + r"{0,20}(一个人住|独居|自己住|一个人在家)|"
    r"(一个人住|独居|自己住|一个人在家)" + _ + r"{0,20}(没人接|不接电话|电话打不通|都没接|一直没接)"
)
# A question, a plan or a fall that is over: not someone down now.
_NOT_NOW = re.compile(
    r"\b(if|what if|in case|suppose|when (she|he|they) falls?|scared of|afraid of|worried (she|he|"
    r"they)('ll| will| might)|last (week|month|year)|\w+ (weeks|months|years) ago|used to|"
    r"(she|he|they)('s| is| are) (fine|ok|okay|alright) now)\b|"
    r"如果|万一|假如|要是|怕(她|他)|担心(她|他)会|上(个)?(月|星期|礼拜)|去年|前年|(个)?(月|年)前|"
    r"以前|(现在|已经)(没事|好了)",
    re.IGNORECASE,
)


def person_down(text: str) -> bool:
    """Is ``text`` (one normalised view) about someone fallen and on the floor, too heavy to
    lift, or not answering after a fall or alone, now?"""
    text = to_mandarin(text)  # the Chinese rules are written in simplified Mandarin
    found = (
        _DOWN_EN.search(text)
        or _ALONE_EN.search(text)
        or _DOWN_ZH.search(text)
        or _ALONE_ZH.search(text)
        or _DOWN_KO_JA.search(text)
    )
    return found is not None and not _NOT_NOW.search(text)
