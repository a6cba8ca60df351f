"""A crisis the customer sees happening to someone else, English and Chinese.

A red-team tester (2026-12-01) got "not sure" for "there's a guy on the bridge next to me saying
he's going to jump" and "a woman on the platform says she's going to jump in front of the
train": the self-harm rules read the first person ("I want to die", "kill myself"), so the same
intent said of a friend, a flatmate or a stranger ("my brother says he wants to kill himself",
"my sister keeps saying everyone would be better off without her", "有个人站在桥边说要跳下去")
was missed. The families here:

- `_THEIR_INTENT`: someone else's stated intent to die, in the third person (`he wants to die`,
  `she's going to end her life`, `threatening to hang himself`, `says she doesn't want to live`);
- `_JUMP`: "going to jump" said with a high place or a train (`on the bridge … going to jump`,
  `jump in front of the train`); "jump at the chance", "jump on a call" stay ordinary;
- `_FOUND`: a person found lying still ("lying on the ground and not moving");
- `_ZH_INTENT`: 室友/朋友/有个人 … 说要跳楼, 想自杀, 不想活了, 站在天台边.

`bystander` says whether an emergency message is about another person the customer is with or
hears from; the reply then speaks to the customer as a bystander (call now, stay with them, keep
them talking, do not put yourself at risk: `kefu.dialogue.emergency_reply`).
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

# Someone other than the customer.
_WHO = (
    r"((a|an|this|that|some|the) (guy|man|woman|lady|girl|boy|kid|teen(ager)?|person|bloke|"
    r"stranger|lad|student|passenger|customer|member|client|resident|patient|worker)|someone|"
    r"somebody|my (\w+('s)? )?(friend|mate|pal|buddy|bestie|flatmate|roommate|room-mate|housemate|"
    r"brother|sister|son|daughter|partner|boyfriend|girlfriend|bf|gf|husband|wife|mum|mom|dad|"
    r"father|mother|cousin|colleague|coworker|co-worker|neighbou?r|classmate|uncle|aunt|niece|"
    r"nephew|grandson|granddaughter|ex|teenager|child|kid|client|student|patient)s?|he|she|they)"
)
_OTHER = r"\b(" + _WHO + r")\b"
# Dying stated as someone else's intent. The reflexive or possessive pronoun is the other
# person's: "kill himself", "end her life" (the first person is `kefu.guard.emergency`'s).
_THEIR_ACT = (
    # not a figure of speech: "kill herself laughing", "kill himself at the gym"
    r"(kill (him|her|them)sel(f|ves)\b(?! (laughing|at (the gym|work|training)|in the gym|"
    r"working|training|studying|revising))|end (his|her|their) (own )?li(fe|ves)|take (his|her|"
    r"their) (own )?li(fe|ves)|hang (him|her|them)sel(f|ves)|hurt (him|her|them)sel(f|ves)|"
    r"(overdose|od)\b|"
    r"end it( all)?\b(?! (with|early))|not (be )?(here|around|alive) (tomorrow|much longer|"
    r"by (the )?morning)|take (all|every one|the whole (bottle|box|pack)) (of )?(his|her|their|the"
    r"|those) (pills|tablets|meds|medicines?))"
)
_THEIR_INTENT = re.compile(
    _OTHER
    + _
    + r"{0,40}?\b((is|'s|are|'re) )?(going to|gonna|about to|wants? to|wanting to|will|'ll|"
    r"plans? to|planning to|threaten(s|ed|ing)? to|talk(s|ed|ing)? about (wanting to )?|"
    r"(is|'s) (trying|tried) to|tried to|keeps? (saying|talking about)( (he|she|they) "
    r"(wants?|is going) to)?)\s*" + _THEIR_ACT + r"|"
    r"\b(he|she|they|" + _WHO + r")('s| is| are|'re)? (says|said|saying|texted|messaged|"
    r"told me|posted|wrote|keeps saying)( that)? (he|she|they) (doesn'?t|don'?t|does not|do not|"
    r"no longer) want(s)? to (live|be alive|be here|exist|wake up)\b|"
    r"\b(he|she|they|"
    + _WHO
    + r")('s| is| are|'re) (being |feeling )?suicidal\b|"
    # "wants to die" said plainly; "will die when he sees the bill", "going to die of shock",
    # "wants to die her hair" and "wants to die at home" (end-of-life care) are not
    + _OTHER
    + _
    + r"{0,40}?\b(wants?|wanted|wanting|keeps? saying (he|she|they) wants?) to die\b"
    r"(?=\s*($|[.,!?;]|(and|but|so|tonight|today|now|any ?more|again)\b))|"
    r"\b(everyone|everybody|we|the family|his family|her family|their family|the world)"
    r"( would|'d| will|'ll)? (all )?be (better off|happier) without (him|her|them)\b",
    re.IGNORECASE,
)
# A high place or a train, said with "jump": "on the bridge … saying he's going to jump",
# "jump in front of the train", "jump off the roof"; not "jump at the chance", "jump on a call".
_PLACE = (
    r"(bridge|roof|rooftop|ledge|balcony|platform|edge|cliff|window|tracks|railway|building|"
    r"car park roof|multi-?stor(e)?y|overpass|flyover|pier|train|tube|subway|metro)"
)
_JUMP = re.compile(
    r"\b" + _PLACE + r"\b" + _ + r"{0,60}\b(going to|gonna|about to|wants? to|threaten\w* to|"
    r"will|'ll|say(s|ing)? (he|she|they)('s| is|'re| are)? (going to|gonna)) jump\b"
    r"(?! (at|on|in|into the (pool|queue)|the (queue|gun)|ship|through hoops))|"
    r"\b(going to|gonna|about to|wants? to|threaten\w* to|trying to|tried to|will|'ll) jump (off|"
    r"from|in "
    r"front of|onto|into) (the|a|that|this) (\w+ )?" + _PLACE + r"\b",
    re.IGNORECASE,
)
# Found lying still: "a man in the car park is lying on the ground and not moving"; a fall or a
# collapse and no answer: "my dad fell and he's not answering me" (not "his phone").
_FOUND = re.compile(
    r"\b(fell|fallen|fall|collapsed|passed out|blacked out|fainted|keeled over|went down|gone "
    r"down|hit the floor|hit (his|her|their) head)\b"
    + _
    + r"{0,40}\b(he|she|they|him|her|them)('s| is| are|'re)? (not|isn'?t|is not|won'?t|hasn'?t|"
    r"has not|doesn'?t|can'?t) (answering|responding|"
    r"answer|respond|waking|wake|moving|move)\b(?! (his|her|their|my|the) (phone|calls?|texts?|"
    r"messages?|emails?|door))|"
    r"\b(lying|lay|laying|slumped|face ?down|collapsed)\b"
    + _
    + r"{0,30}\b(ground|floor|pavement|street|road|tracks|sidewalk|grass|water|bathroom|toilet|"
    r"stairs)\b"
    + _
    + r"{0,30}\b(not|isn'?t|is not|won'?t|hasn'?t|has not) (moving|responding|getting up|"
    r"waking|breathing|answering)\b",
    re.IGNORECASE,
)
# Out of touch after saying they felt unsafe: "my friend went on a date 6 hours ago and isn't
# answering, her last text said she felt unsafe" (a dating app's tester, 2026-12-01).
_OUT_OF_TOUCH = re.compile(
    r"\b(not|isn'?t|hasn'?t been|won'?t|stopped) (answering|replying|picking up|responding)\b|"
    r"\bcan'?t (reach|get hold of|contact)\b|\bhasn'?t (come|got|gotten) (home|back)\b|"
    r"联系不上|不接电话|没回(消息|信息)|没(有)?回家"
)
_FELT_UNSAFE = re.compile(
    r"\b(felt|feels|feeling) (unsafe|in danger|threatened)\b|\b(was|is) (unsafe|in danger)\b|"
    r"\bsaid (she|he|they) (was|were|felt) (unsafe|scared|afraid|in danger)\b|\b(sos|help me)\b|"
    r"觉得不安全|有危险|救我",
    re.IGNORECASE,
)
_ZH_OTHER = (
    r"(室友|舍友|朋友|闺蜜|同学|同事|哥们|兄弟|姐妹|哥哥|姐姐|弟弟|妹妹|儿子|女儿|孩子|老公|老婆|"
    r"男朋友|女朋友|男友|女友|对象|爸爸|妈妈|爸|妈|父亲|母亲|邻居|有个人|有人|一个人|"
    r"有?一?个(男|女)(的|人|生|孩)|他|她|佢)"
)
_ZH_INTENT = re.compile(
    _ZH_OTHER
    + _
    + r"{0,12}(说|讲|话|发(消息|信息|微信|短信|朋友圈)|留言|告诉我|一直|刚才|刚刚|在|又|正)?"
    + _
    + r"{0,6}((要|想|准备|打算|说要)(去)?(跳楼|跳河|跳江|跳桥|跳海|跳下去|自杀|自殺|轻生|寻死|"
    r"去死|结束(自己的?)?生命|了结自己)|想死(?![你您我他她]了)|不想活|活不下去|"
    r"(站在|坐在|爬上|爬到|翻过)(了)?(天台|阳台|楼顶|顶楼|窗台|桥|栏杆)"
    + _
    + r"{0,6}(边|外|上)"
    + _
    + r"{0,8}(要|想|说|准备)(跳|死))",
)


def _found_stranger(text: str) -> bool:
    return bool(_FOUND.search(text) and _STRANGER.search(text))


def bystander_crisis(text: str) -> bool:
    """Does ``text`` (one normalised view, its not-now spans blanked) tell of someone else's
    crisis the customer sees or hears of now?"""
    return bool(
        _THEIR_INTENT.search(text)
        or _JUMP.search(text)
        or _FOUND.search(text)
        or _ZH_INTENT.search(text)
        or bool(_OUT_OF_TOUCH.search(text) and _FELT_UNSAFE.search(text))
    )


def their_self_harm(text: str) -> bool:
    """Does ``text`` tell of someone else's intent to die (the crisis lines fit a bystander too)?"""
    return bool(_THEIR_INTENT.search(text) or _JUMP.search(text) or _ZH_INTENT.search(text))


_SELF = re.compile(
    r"\bi('?m| am| have|'ve|'ll| will)? (\w+ ){0,2}(want(ed)? to|going to|gonna|about to|ready "
    r"to|plan(ning)? to) (die|kill|end|jump|take|hurt|cut|overdose)\b|\bi('?ve| have)? (\w+ )?"
    r"(took|taken|swallowed|overdosed)\b|\bmyself\b|我(也)?(想死|要死|不想活|想自杀|吃了|吞了)",
    re.IGNORECASE,
)
# Someone else's overdose taken: "my friend … says she took all her pills", "my mate took a load
# of his tablets", "朋友吃了一整瓶安眠药".
_THEIR_OVERDOSE = re.compile(
    r"\b(he|she|they|" + _WHO + r")('s| has| have|'ve)? (just |already )?(took|taken|swallowed|"
    r"downed)\b"
    + _
    + r"{0,30}\b(his|her|their|the|a|all|whole|load|bottle|handful)\b"
    + _
    + r"{0,20}"
    r"\b(pills|tablets|meds|medicines?|paracetamol|sleeping|painkillers)\b|"
    + _ZH_OTHER
    + _
    + r"{0,10}(吃|吞|服)(了|下)"
    + _
    + r"{0,6}(一整瓶|整瓶|一大把|很多|好多|全部|所有的?)"
    + _
    + r"{0,4}(药|安眠药|药片)",
    re.IGNORECASE,
)
# A stranger the customer came upon: "someone collapsed in your gym", "a man on the platform".
# A relative's collapse ("my wife collapsed") keeps the reply it had: the business's own
# emergency or assistance line right after the number.
_STRANGER = re.compile(
    r"\b(someone|somebody|a (guy|man|woman|lady|girl|boy|kid|person|bloke|stranger|lad|passenger|"
    r"customer|member|student|worker)|this (guy|man|woman|lady|person))\b|有人|有个人|一个人|"
    r"有?一?个(男|女)(的|人|生|孩)|陌生人",
    re.IGNORECASE,
)
# Unwell, beside a stranger: "someone collapsed in your gym and isn't breathing".
_UNWELL = re.compile(
    r"\b(collapsed|not breathing|isn'?t breathing|stopped breathing|unconscious|unresponsive|"
    r"won'?t wake|not waking|overdos\w*|pills|tablets|suicid\w*)\b|晕倒|昏倒|没有?呼吸|昏迷|"
    r"叫不醒|药|自杀|跳楼",
    re.IGNORECASE,
)


def bystander(texts: list[str]) -> bool:
    """Is an emergency message (its views) about someone else's crisis or a stranger's collapse,
    told by a customer who says nothing of their own intent? A friend out of touch is not one:
    the customer is not with them."""
    if any(_SELF.search(t) for t in texts):
        return False
    return any(
        their_self_harm(t)
        or _THEIR_OVERDOSE.search(t)
        or _found_stranger(t)
        or (_STRANGER.search(t) and _UNWELL.search(t))
        for t in texts
    )
