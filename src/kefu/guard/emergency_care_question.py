"""A question or plan about someone's care, with no danger named now: not for the learned head.

A home-care business's set (devsets/blackbox/eldercare, 2026-12) had 19 false alarms, all from
the learned head, which reads falls, dying, breathlessness and medicines by their meaning:
"what happens if mum falls when the carer is there?", "can the carer help mum into the bath?
she's scared of falling", "dad wants to die at home rather than in hospital, can you support
that?", "dad missed his evening warfarin, should we give him double tomorrow?", "my mother gets
breathless on the stairs, can a carer help her get up to bed each night?", "阿嬤吃完飯在椅子上
睡著了 要叫醒她嗎", "我婆婆92歲 失智 … 今年跌倒兩次 … 不知道從哪裡開始", "居服員又遲到一小時".

`care_question` says which messages are only that: a hypothetical or a fear ("what if", "scared
of falling"), a request or question to the business about the care ("can the carer…", "who
updates the care plan", "要叫醒她嗎"), end-of-life planning, a habit or a count of past falls
("falls asleep every afternoon", "今年跌倒兩次"), a diagnosis question ("is it parkinsons or just
old age"), praise or a complaint about a carer, or an alarm set off by accident. Any sign of
danger now beside it (not breathing, on the floor, won't wake, chest pain, 叫不醒, 没呼吸…)
keeps the message for the head. It vetoes the head's verdict only, never a rule's.
"""

from __future__ import annotations

import re

from kefu.text.variants import to_mandarin

_ASKS_OR_PLANS = re.compile(
    r"\b(what happens if|what if|(do|does|happens?) if|in case|scared of|afraid of|worried "
    r"(about|that)|(can|could|would|will|should|do|does) (the |a |our |your |my )?(carers?|"
    r"nurses?|care workers?|you|we|i|they) (help|give|crush|leave|support|come|visit|stay|"
    r"double|update|add|change|arrange|provide|cover|bring|send|book|reschedule|clean|fit|"
    r"check)|should (we|i) (give|double|wake|call the carer)|"
    r"is (that|it|this) (ok|okay|normal|safe|alright) (for|to|if)|who (updates|changes|does|"
    r"arranges|pays)|care (plan|package|visits?|hours)|rather than (in )?hospital|die at home|"
    r"end of life|palliative|how long (has|have|does) (he|she|they|my \w+|mum|dad) (got|have)|"
    r"(or just|or is it) (old age|normal|his age|her age)|every (afternoon|morning|evening|night|"
    r"day)|each (night|morning|evening|day)|(went|go|goes|set) off (\w+ ){0,3}by accident|"
    r"everything('s| is) (fine|ok|okay)|killing it|day centre|chair yoga)\b|"
    r"要(不要)?叫醒|可以.{0,8}吗|能不能|可不可以|该不该|要不要|怎么(安排|申请)|从哪里开始|"
    r"今年(已经)?(跌倒|摔倒)[一二两三四五六七八九十\d]次|(常常|经常|老是|每天|每次)(跌倒|摔倒|睡着)|"
    r"居服员|照服员|又迟到|还没吃(早餐|饭)|谢谢你们|开心到|很会噎人|噎人|笑到",
    re.IGNORECASE,
)
# A sign of danger now: the head keeps reading the message.
_DANGER_NOW = re.compile(
    r"\b(not breathing|isn'?t breathing|can'?t breathe|struggling to breathe|gasping|"
    r"unconscious|unresponsive|passed out|blacked out|won'?t wake|can'?t wake|not waking|"
    r"not responding|isn'?t responding|collapsed|on the floor|can'?t get up|bleeding|"
    r"chest pain|choking|seizure|fitting|slurr\w+|face (is )?droop\w*|right now|"
    r"now (she|he|they)|overdose|took (all|too many)|swallowed|kill (himself|herself|myself)|"
    r"suicid\w+|end (it|his life|her life|my life)|want(s)? to die|jump\w*|pulse|ambulance|"
    r"emergency|paramedics?|heart ?rate|dizzy|faint\w*|confused|pale|grey|clammy|sweating|"
    r"vomit\w*|(pills|tablets|medicines?|doses)\b.{0,40}\b(now|instead|by mistake|by accident)|"
    # the other families an emergency is told in: colour, wounds and violence, the chest and
    # arm, something swallowed, self-harm, labour, someone trapped
    r"blue|floppy|limp|stab\w*|knife|gun|blood(?! (pressure|tests?|sugar|results?|work))\w*|"
    r"wound\w*|(hit|hits|hitting|grabbed|pushed|punched|attacked|following|followed) "
    r"(me|her|him|my)|locked in|crash\w*|stuck|trapped|caught in|crush\w* (feeling|pain)|"
    r"tight\w*|numb\w*|drank|swallow\w*|bleed\w*|poison\w*|burn my|thoughts of|"
    r"(hurt|hurting|harm|harming|cut|cutting|burn|burning) (my|him|her|them)sel\w*|"
    r"(water|waters) (just )?broke|contractions?|scream\w*|coughing|can'?t finish)\b|"
    r"叫不醒|没(有)?呼吸|喘不过气|呼吸困难|昏倒|晕倒|昏迷|不省人事|起不来|爬不起来|倒在地上|"
    r"躺在地上|流血|胸痛|胸口痛|抽搐|口吐白沫|嘴唇发紫|噎住|卡住|吞了|想死|不想活|自杀|跳下去|"
    r"跳楼|跳河|跳桥|轻生|割腕|救护车|急救|报警|推(她|他|我)|打(她|他|我)|骂|刀|血|安眠药|"
    r"吃下去|羊水|破水|发紫|发青|头晕|心跳|脉搏|吃错药|吃了.{0,6}(药|片)|呕吐|脸色发白|冒冷汗",
    re.IGNORECASE,
)


def care_question(text: str) -> bool:
    """Is ``text`` a question or plan about someone's care (a hypothetical, a request to the
    business, end-of-life planning, a habit, praise or a complaint), with no danger named now?
    The learned head's verdict on it is not read (`kefu.guard.emergency_head.flags_message`)."""
    text = to_mandarin(text)
    if _DANGER_NOW.search(text) and not re.search(r"\brather than (in )?hospital\b", text, re.I):
        return False
    return bool(_ASKS_OR_PLANS.search(text))
