"""A threat by the customer to hurt someone in the real world: staff, a named or described
person, an office, a shop or a home (English and Chinese).

Not a question the knowledge base can answer, and not a knowledge gap: the reply is calm and
fixed (the message has been passed on; anyone in immediate danger should call the police) and
a person is called at the top priority (`kefu.dialogue.messages`: "safety_threat").

What makes a threat, and not venting or game talk ("I'm going to kill this boss", "我要杀了这个
boss", "I could kill the dev who made this patch lol", "I'll destroy you in the next match",
"I'd kill for a refund"): the customer is the one who will act ("I'll", "im gonna", "明天去"),
a person or a place is the target (him, the GM, your staff, your office; not a boss, a base or
a match), and either the act is unmistakably real (a swatting, arson, a bomb, broken legs, a
knife carried there) or the message ties it to the real world (where the person lives or
works, an address, "your office in Berlin", "for real", "公司门口", "住哪"). A customer who
says someone threatened *them* is the emergency rules' (`kefu.guard.emergency`): "me" and
"我" are never the target here.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

# -- English -------------------------------------------------------------------------------
_APOS = r"['’]?"
# The customer as the one who acts, now or soon: "I'll", "im gonna", "i will", "imma", and a
# sentence that starts with "gonna" (the "I" dropped). Not "I could" or "I'd": wishes and
# hyperbole ("I could kill the dev", "I'd kill for a refund").
_INTENT_EN = (
    r"(\bi\s*(" + _APOS + r"ll|\s+will|\s+shall|" + _APOS + r"m|\s+am)?\s*(going to|gonna|gunna|"
    r"about to|coming to|coming for|on my way to|heading to)?\s*(go\s+|come\s+)?|"
    r"\bi\s*" + _APOS + r"ll\b|\bi (will|shall|swear i" + _APOS + r"ll|want to|wanna)\b|"
    r"\b(imma|ima|i" + _APOS + r"mma|finna)\b|"
    r"(^|[,;:!?]\s*|\b(and|then|so|tomorrow|tonight)\s+)(gonna|going to|gunna)\b|"
    r"\bwe(" + _APOS + r"ll|\s+will|" + _APOS + r"re\s+(going to|gonna)|\s+are\s+(going to|"
    r"gonna))\b)"
)
# Not "I won't", "I'd never", "I'm not going to".
_NEGATED_EN = re.compile(
    r"\b(not|never|n" + _APOS + r"t|wont|dont|no way)\b" + _ + r"{0,25}\b(hurt|kill|stab|"
    r"shoot|beat|burn|attack|harm)",
    re.IGNORECASE,
)
_ROLE_EN = (
    r"(gms?|game masters?|mods?|moderators?|admins?|devs?|developers?|staff|employees?|"
    r"workers?|cashiers?|drivers?|teachers?|nurses?|doctors?|dentists?|receptionists?|"
    r"managers?|agents?|reps?|clerks?|tellers?|guards?|owners?|ceo|guy|guys|man|men|woman|"
    r"women|dude|girl|kid|person|people|player|streamer|landlord|neighbou?r|ex|seller|courier|"
    r"support|bankers?|officers?|pharmacists?|vet|trainer|coach|family|wife|husband|kids)"
)
# A person: "him", "the next GM", "that streamer", "your staff", "everyone"; "you" only with a
# real-world tie (the stronger test below), never "me".
_PERSON_EN = (
    r"(him|her|them|you|u|you all|y" + _APOS + r"all|everyone|everybody|anyone|someone|"
    r"(the|that|this|those|these|your|ur|his|her|their|every|each|one of your)\s+(\w+\s+){0,2}"
    + _ROLE_EN
    + r"\b)"
)
_PLACE_EN = (
    r"(office|offices|shop|store|house|home|building|branch|school|clinic|hospital|hq|"
    r"headquarters|restaurant|warehouse|factory|bank|studio|salon|gym|pharmacy|hotel|"
    r"station|car|flat|apartment)\b"
)
# Acts that are real whatever else is said, aimed at a person or a place.
_STRONG_EN = re.compile(
    _INTENT_EN + _ + r"{0,80}\b("
    r"swat(ting)?\s+" + _PERSON_EN + r"|"
    r"(burn|torch|firebomb|blow up|shoot up|set fire to|set on fire)\s+(down\s+)?"
    r"(the|your|ur|his|her|their|that)\s+((?!(at|in|on|of|to|from)\b)\w+\s+)?" + _PLACE_EN + r"|"
    r"(break|smash|snap)\s+(his|her|their|your|ur)\s+(legs?|arms?|neck|jaw|face|knees?|skull|"
    r"nose|teeth)|"
    r"(throw|pour)\s+(acid|petrol|gasoline|bleach)|"
    r"(stab|shoot|kill|hurt|murder)\w*\s+" + _PERSON_EN + _ + r"{0,40}\b(with|using)\s+"
    r"(a|my|this)\s+(knife|machete|axe|hammer|crowbar|bat|blade)|"
    r"with everyone (in|inside) (it|there))",
    re.IGNORECASE,
)
# Acts that are game talk too ("kill him", "beat them", "shoot the GM"): a threat only beside
# a tie to the real world.
_HARM_EN = re.compile(
    _INTENT_EN + _ + r"{0,80}\b("
    r"(hurt|kill|murder|stab|shoot|strangle|attack|assault|punch|knife|cut|harm|end|"
    r"smash|jump|bash|slap|run over|hunt down)\w*\s+" + _PERSON_EN + r"|"
    r"beat\s+(\S+\s+){1,2}up\b|beat the (shit|crap|hell) out of|"
    r"(make|see)\s+(him|her|them|you|u)\s+(pay|suffer|bleed|regret)|"
    r"teach\s+(him|her|them)\s+a lesson|(pay|give)\s+(him|her|them)\s+a (visit|beating))",
    re.IGNORECASE,
)
_REAL_EN = re.compile(
    r"\b(lives?|living|stays?)\s+(in|at|on|near|nearby|around)\b|\bwhere\s+(\w+\s+){1,3}"
    r"(lives?|works?|stays?)\b|\b(home|house|street)\s+address\b|"
    r"\b(his|her|their|the)\s+address\b|\baddress (of|is)\b|"
    r"\b(his|her|their|your|ur|the\s+\w+" + _APOS + r"s?)\s+(\w+\s+)?" + _PLACE_EN + r"|"
    r"\b\d+\s+(\w+\s+){1,3}(street|st|road|rd|avenue|ave|lane|ln|rue|strasse|straße|drive|dr)\b|"
    r"\b(irl|in real life|for real|real world|in person)\b|"
    r"\b(outside|at)\s+(his|her|their|your|ur)\s+(door|work|job|place)\b|"
    r"\b(wait|waiting)\s+for\s+(him|her|them|you)\b|\bafter\s+(work|school|(his|her)\s+shift)\b|"
    r"\b(knife|knives|machete|axe|acid|petrol|gasoline|molotov|baseball bat|crowbar)\b",
    re.IGNORECASE,
)

# -- Chinese (simplified: the views fold traditional and Cantonese) -------------------------
_PERSON_ZH = (
    r"(他|她|你|他们|她们|你们|那个|这个|那|这|那些|这些|人家|对方|全家|一家)"
    r"(?!个?(boss|副本|怪|号|账号|游戏|关|本))"
)
_PLACE_ZH = r"(公司|店|门店|家|房子|办公室|大楼|楼|诊所|医院|学校|银行|网点|营业厅|工作室|总部|厂)"
_TARGET_ZH = r"(他|她|你|他们|她们|你们)"
_STRONG_ZH = re.compile(
    # bodily harm no game has, to someone else: "打断他的腿", "泼他硫酸" (not "砍断了手指")
    r"(打断|打折|弄断|砍断|卸了)" + _TARGET_ZH + _ + r"{0,4}(腿|手|胳膊|脖子)|"
    r"泼" + _TARGET_ZH + _ + r"{0,4}(硫酸|汽油|开水)|"
    # arson or a bomb against their place: "烧了你们公司", "放火烧他家", "把你们店炸了"
    r"(烧了|烧掉|放火烧|一把火烧了|炸了|炸掉|炸平)"
    + _TARGET_ZH
    + r"(的)?"
    + _
    + r"{0,4}"
    + _PLACE_ZH
    + r"|把"
    + _TARGET_ZH
    + r"(的)?"
    + _
    + r"{0,4}"
    + _PLACE_ZH
    + _
    + r"{0,2}(烧|炸)(了|掉)",
)
_HARM_ZH = re.compile(
    r"(砍|捅|杀|宰|弄死|打死|揍|打残|废了|弄残|干掉|做掉)(死|残|了|一顿)?" + _PERSON_ZH + r"|"
    # "打他" and "收拾你们" only with a pronoun: not "打他们公司电话"
    r"(收拾|教训|打)(死|残|了|一顿)?(他|她|你|他们|她们|你们)(?!们?(公司|店|家|电话))|"
    r"把" + _PERSON_ZH + r"?" + _ + r"{0,8}(砍|捅|杀|宰|弄死|打死|废|打残)(了|死|掉)|"
    r"(找人|叫人|喊人)" + _ + r"{0,4}(砍|捅|打|弄|收拾|教训)|"
    # a weapon carried there ("明天带刀过去"): beside a tie to a person's place, below
    r"(带|拿|揣|提|扛)(着|上|把)?" + _ + r"{0,2}(刀|菜刀|砍刀|刀子|匕首|枪|汽油|硫酸|斧头|"
    r"炸药|炸弹|铁棍|棍子|钢管)" + _ + r"{0,6}(去|过去|来|过来|找|砍|捅|堵)"
    # not "拿刀说不还钱就砍我": the customer is the one threatened (the emergency rules')
    r"(?!" + _ + r"{0,2}(我|我们|我家))"
)
_REAL_ZH = re.compile(
    r"住哪|住在|住址|家住|地址|家门口|(他|她|你)家|上班|下班|公司|门口|楼下|单位|办公室|诊所|"
    r"学校|医院|银行|网点|营业厅|现实|线下|真人|找到(他|她)|查到|(你们|他们|他|她)的?" + _PLACE_ZH
)
# The customer's intent, for the Chinese: "我要去", "明天去", "老子", or no subject at all with a
# time or a move ("明天去砍他"); a report of someone else's threat names them ("他说要来砍我").
_OTHERS_ZH = re.compile(
    r"(他|她|他们|有人|对方|催收(的人|员|的)?|讨债的|要债的|债主|放贷的|高利贷的?)(说|扬言|威胁|要|想)"
    + _
    + r"{0,10}(我|我们|我家)"
)


def threatens_violence(texts: list[str]) -> bool:
    """Does the customer threaten to hurt someone (``texts``: `kefu.guard.views` of a message)?"""
    for text in texts:
        if _NEGATED_EN.search(text):
            continue
        if _STRONG_EN.search(text) or (_HARM_EN.search(text) and _REAL_EN.search(text)):
            return True
        if _OTHERS_ZH.search(text):
            continue
        if _STRONG_ZH.search(text) or _harm_tied_zh(text):
            return True
    return False


# How near the tie to a real place or person must be: in a long message a hospital named in
# another sentence tied "天天打他也特别不耐烦" (his daily insulin shots) to a threat (a
# shared Chinese medical question, scripts/triage_corpus.py).
_TIE_WINDOW = 20


def _harm_tied_zh(text: str) -> bool:
    for harm in _HARM_ZH.finditer(text):
        near = text[max(0, harm.start() - _TIE_WINDOW) : harm.end() + _TIE_WINDOW]
        if _REAL_ZH.search(near):
            return True
    return False
