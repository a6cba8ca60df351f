"""Cheap rule-based triage that runs before retrieval: an emergency or another safety case
(`kefu.guard.safety`: injection, someone else's data, doses, diagnoses, investment advice,
fraud, promises), a request for a person, greetings, and thanks or closings (both "thanks": "ok",
"bye"). Rules, not a model, because these must work with any knowledge base and be predictable;
the trainable intent classifier is a separate part.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from kefu.guard.safety import SafetyKind, assess

# The safety kinds (`kefu.guard.safety.SafetyKind`), then what the rules here add.
Triage = Literal[SafetyKind, "human", "data_request", "greeting", "thanks", "none"]

# Who a customer asks for when they want a person.
_PERSON = (
    r"(real |live |actual |proper )?(human( being)?|person|agent|representative|rep|operator|"
    r"manager|supervisor|someone|somebody)"
)
_HUMAN = re.compile(
    # not "am I talking to a real person?" (are you a bot)
    r"(?<!am i )(?<!i am )(?<!i'm )\b(talk|speak|chat|connect me|transfer me|put me through)"
    r"(ing)?\b.{0,30}\b(human|person|agent|someone|somebody|representative|operator|staff|"
    r"real person|manager|supervisor)\b|"
    # "contact someone" may be a question ("do I have to contact someone to use my points")
    r"\bcontact(ing)?\W+(a |an |the |your |some )?(real |live )?(human|person|agent|"
    r"representative|operator|manager|supervisor)\b|"
    r"\b(human|live) agent\b|"
    # The whole message names a person: "human please", "real person", "agent!!"
    r"^\W*(a |an |the |your |some )?(" + _PERSON + r"|customer (service|support|care))s?"
    r"(\W+(please|pls|plz|now|asap|thanks|thx))*\W*$|"
    # Wanting one, and nothing more about them: "I want a human", "get me a person", but not
    # "I want a person to install it" or "I need an agent code" (product questions).
    r"\b(i\W*(want|need|would like|'?d like|demand)|get me|give me|find me|bring me|"
    r"(can|could|may) i (have|get))\W+(to (talk|speak|chat) (to|with)\W+)?(a |an |the |your |"
    r"some )?" + _PERSON + r"\b(?=\W*($|please|pls|plz|now|asap|instead|not\b|"
    r"to (talk|speak|chat|call|contact)\b|[,.!?;]))|"
    r"人工(?!智能|费)|真人|转接|客服人员|找个人",
    re.IGNORECASE,
)
# Mentions of a person that ask for none: declining one ("不要转人工", "I don't need a
# human") or asking about them ("人工客服几点上班", "你们人工什么时候上班"): the knowledge base
# answers those (QA report D, finding 4).
_NOT_A_REQUEST = re.compile(
    r"(不要|不用|别|无需|不需要|没必要|不想)(再|给我|帮我)?(转|找|接|转接)?(到)?(人工|真人)|"
    r"(人工|真人)(客服|服务|坐席)?(的)?(几点|什么时候|啥时候|哪天|时间|上班|下班|营业|在线|"
    r"工作时间|周末|节假日|几号)|"
    r"\b(don'?t|do not|doesn'?t|no need to|no need for)\b.{0,15}\b(human|agent|person)\b",
    re.IGNORECASE,
)
# A request about one's own personal data (access, a copy, erasure): staff handle it, after
# checking who is asking, so it goes to a person with a reply that says so. Only wording that
# names personal data or the law: "怎么导出发票数据" and "delete my account" are product
# questions the knowledge base answers.
_DATA_REQUEST = re.compile(
    r"\b(gdpr|right to be forgotten|right (of|to) (access|erasure)|subject access request|"
    r"data subject request)\b|"
    r"\b(delete|erase|remove|wipe|export|download|send me|give me|copy of)\b.{0,25}\bpersonal "
    r"(data|information|info|details)\b|"
    r"\b(delete|erase|remove|wipe)\b.{0,10}\ball (of )?my (data|information|info)\b|"
    r"\bwhat (personal )?(data|information) do you (hold|have|keep|store) (on|about) me\b|"
    r"(删除|清除|销毁|导出|下载|提供|查看|查阅)[^。！？]{0,10}个人(信息|数据|资料)|"
    r"个人信息保护法|被遗忘权",
    re.IGNORECASE,
)
_EMERGENCY = re.compile(
    r"chest pain|heart attack|can'?t breathe|cannot breathe|trouble breathing|"
    r"short(ness)? of breath|stroke|face (is )?droop|slurred speech|unconscious|passed out|"
    r"severe bleeding|bleeding heavily|overdose|suicid|kill myself|end my life|hurt(ing)? myself|"
    r"self[- ]harm|anaphyla|seizure|"
    r"胸痛|胸口痛|胸闷|心脏病发|喘不上气|呼吸困难|中风|口角歪斜|说话不清|昏迷|晕倒|大出血|"
    r"过量服药|吃了很多药|自杀|轻生|不想活|伤害自己|自残|抽搐|过敏性休克",
    re.IGNORECASE,
)
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|good (morning|afternoon|evening)|你好|您好|嗨|哈喽|在吗)"
    r"[\s!！。.,，?？~]*$",
    re.IGNORECASE,
)
# Thanks and closings ("ok thanks", "bye", "好的谢谢", "拜拜", "嗯嗯"): the whole message is made
# of these words. They get the same short reply and no person: a customer who says "ok" after an
# answer is done, not asking something the bot cannot answer. A bare "no" is left out: it may
# mean "that is not what I asked".
_CLOSING_WORD = (
    r"(thanks?( you)?( so much| a lot| very much| again| for (the|your) help| for (chatting|"
    r"talking))?|thx|tysm|ty|cheers|many thanks|"
    r"ok(ay|ey)?|k|alright|all right|great|perfect|cool|got it|understood|noted|nice|awesome|"
    r"sounds good|bye-bye|bye|goodbye|good bye|good night|see (you|ya)( later| soon)?|"
    r"cya( later)?|talk to you later|take care|have a (nice|good|great) "
    r"(day|one|evening|weekend)|that'?s (all|it)|nothing else|no,? thanks?( you)?|"
    r"谢谢(你|您|啦|了|哈)?|多谢(啦|了|你|您)?|感谢(你|您)?|谢啦|谢了|好的(呢|哈|吧|呀|啦)?|好(滴|嘞|哒)|好|行|"
    r"嗯+|哦+|噢+|知道了|明白了?|了解了?|收到|懂了|拜拜|再见|没有了|没了|没事了|不用了)"
)
# Atomic groups and a possessive separator: "嗯嗯嗯…" can be cut into words in many ways, and a
# long run that fails at its end must not make the matcher try them all. An atomic group keeps
# the first alternative that matches, so a word comes before its own prefix ("tysm", "ty").
_SEPARATOR = r"[\s!！。.,，~～、]*+"
_WORD = r"(?>" + _CLOSING_WORD + r")"
_THANKS = re.compile(
    r"^" + _SEPARATOR + _WORD + r"(?:" + _SEPARATOR + _WORD + r")*+" + _SEPARATOR + "$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def triage(text: str) -> Triage:
    # Cached: each turn also triages the earlier turns it reads as history.
    if _EMERGENCY.search(text):
        return "emergency"
    safety = assess(text)
    if safety is not None:
        return safety
    if _DATA_REQUEST.search(text):
        return "data_request"
    if _HUMAN.search(text) and not _NOT_A_REQUEST.search(text):
        return "human"
    if _GREETING.match(text):
        return "greeting"
    if _THANKS.match(text):
        return "thanks"
    return "none"
