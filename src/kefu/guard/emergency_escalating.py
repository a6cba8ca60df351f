"""A person turning dangerous while the customer is with them, English and Chinese.

A dating app's tester (2026-12-01) got no emergency reply for "im at his place and he's getting
aggressive and drunk, wont give me my bag back": no blow, weapon or locked door is named yet,
but the customer is alone with someone whose behaviour is escalating and who keeps what they
need to leave. `escalating` (read by `kefu.guard.emergency_person`, so the police come first)
needs two things in the message:

- someone becoming aggressive, violent, rough or threatening (`_TURNING`: "he's getting
  aggressive", "she's really drunk and angry", "他喝醉了越来越凶");
- and the customer with them or unable to leave (`_WITH_THEM`): at their place, in their car
  or room, the bag, phone or keys kept back ("won't give me my bag back", "不还我手机").

Either alone is ordinary: "my date got aggressive in the chat, how do I block him", "he won't
give me my jacket back, can you help me contact him", "my puppy is getting aggressive". The
past is a complaint (`kefu.guard.emergency_person` reads "last night", "上次" as one).
"""

from __future__ import annotations

import re

_TURNING = (
    r"\b(he|she|they|my date|the date|my (boy|girl)friend|my partner|my ex|the guy|this guy|the "
    r"man|the host)('s| is| are|'re| has been| keeps| started| starting)? (getting|becoming|"
    r"being|gone|got|really|very|so|now|acting|turning|more and more|increasingly)? ?"
    r"(?!(not|never|no longer|hardly) )(\w+ )?"
    r"(aggressive|violent|rough|threatening|scary|angry and drunk|drunk and angry|out of control|"
    r"aggro|abusive)\b|"
    r"(他|她|对方|那个人|那男的|约会对象|网友)"
    + r"[^，,。.!！?？\n]{0,8}(越来越|开始|变得|很|好|特别)?"
    r"(凶|暴躁|动手动脚|发酒疯|失控|吓人|有攻击性|发火)"
)
_WITH_THEM = (
    r"\b(at|in) (his|her|their|the guy'?s|my date'?s) (place|flat|apartment|house|home|room|"
    r"car|hotel room|dorm)\b|\b(alone|stuck|trapped) (with|at) (him|her|them)\b|"
    r"\b(won'?t|wont|will not|refuses to|isn'?t going to) (give|let me have|hand) (me )?(back )?"
    r"(my|me my) (bag|handbag|purse|phone|keys|car keys|wallet|passport|id|clothes|shoes|coat)"
    r"\b|\b(took|has taken|hid|is keeping|kept|grabbed) (my )?(bag|handbag|purse|phone|keys|"
    r"wallet|passport)\b|\bcan'?t (leave|get out|get home)\b|"
    r"在(他|她|对方)(家|房间|车上|车里|宿舍|酒店)|(不还|不给|拿走了|抢了|扣着|藏了)(我)?(的)?(包|手机|钥匙|"
    r"钱包|护照|衣服|鞋)|走不了|出不去"
)
_TURNING_RE = re.compile(_TURNING, re.IGNORECASE)
_WITH_THEM_RE = re.compile(_WITH_THEM, re.IGNORECASE)


def escalating(text: str) -> re.Match[str] | None:
    """The words of someone turning dangerous in ``text`` (one view), where the customer is
    with them or cannot leave; else None."""
    found = _TURNING_RE.search(text)
    return found if found is not None and _WITH_THEM_RE.search(text) else None
