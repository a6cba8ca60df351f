"""A vulnerable person missing now: a parent with dementia gone from home, a child lost in a crowd.

A home-care business's tester (2026-12-01) got the ordinary decline for "阿嬤半夜不見了 監視器看到
她凌晨三點自己走出去" and "失智的爸爸從日照中心走丟了 已經兩個小時", though the business's own
policy says to call the police at once: a person with dementia who walks out at night, or a
small child lost in a shopping centre, is in danger within hours. The police search for them,
so `kefu.guard.emergency_person.person_danger` reads this family and
`kefu.dialogue.abroad.need` names the police first (110 in Taiwan and mainland China, 999 in
the UK).

Each pattern needs a person (a relative, a child, "he"/"she") and the person gone, not a thing:
"我的快递不见了", "我妈的钱包不见了", "can't find her care plan in the app" and "mum's ring has gone
missing" stay ordinary. The past ("dad got lost on the way to the day centre last month",
"他走丢过一次") and a fear ("怕爸爸走丢", "防走失手环") are no emergency: `person_danger` blanks
the past as for its other families, and the Chinese forms need 了 (it has happened).
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_KIN_EN = (
    r"(mum|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|granddad|"
    r"grandpa|grandfather|husband|wife|son|daughter|child|kid|baby|toddler|little (one|boy|girl)|"
    r"brother|sister|\d+ ?(year|yr)[- ]old|resident|patient)"
)
_WHO_EN = r"(" + _KIN_EN + r"|he|she)"
_DEMENTIA_EN = r"(dementia|alzheimer'?s?|confused|memory (loss|problems))"

_MISSING_EN = (
    # "my son has gone missing", "she's gone missing from the home", "grandad's wandered off"
    r"\b" + _WHO_EN + r"('s|’s| has| have| is| just| has just| went)* (gone |been |now |just )?"
    r"(missing|wandered (off|away|out))\b|"
    # "we can't find him anywhere", "now i can't find her"; not "can't find her care plan"
    r"\b(can'?t|cannot|can not|still can'?t|couldn'?t|cant) find (him|her|them|my "
    + _KIN_EN
    + r"|our "
    + _KIN_EN
    + r")\b(?=\s*($|[.,!?;]|anywhere|in (the|this)|at (the|this)|and\b|"
    r"since|now|for (an|a|\d|two|three|half)|outside|inside|any ?where))|"
    # "I've lost my son in the mall"; not "we lost dad to cancer", "at the hospice"
    r"\b(lost|lost sight of) (my|our) " + _KIN_EN + r"\b (in|at) (the|a) (?!(hospital|hospice|"
    r"care home|accident|crash|war|fire)\b)|"
    # with dementia named: "mum has dementia and she's not in her room", "he went out at 3am"
    r"\b" + _DEMENTIA_EN + r"\b" + _ + r"{0,60}\b(not in (his|her|their) (room|bed|flat|house|"
    r"chair)|(went|gone|walked|wandered|got) (out|off|away)\b" + _ + r"{0,30}\b(night|\d ?am|"
    r"slippers|pyjamas|pajamas|on (his|her) own|alone|hours? ago|nobody|no one))"
)

_KIN_ZH = (
    r"(阿嬷|阿公|阿妈|奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|老人家|老人|老伴|妈妈|爸爸|我妈|我爸|母亲|"
    r"父亲|老妈|老爸|孩子|小孩|儿子|女儿|宝宝|孙子|孙女|老公|老婆|长辈|伯伯|住民|院友|小朋友|娃|"
    r"(?<![其吉])他|(?<!其)她)"
)
# What may stand between the person and the word for gone: a time or a place, not a thing
# ("我爸手机不见了" keeps 手机 between and stays ordinary).
_WHEN_WHERE = (
    r"(半夜|深夜|凌晨|早上|一早|晚上|今天|今早|昨晚|刚刚|刚才|突然|忽然|一下子|又|就|已经|自己|"
    r"[0-9一二三四五六七八九十两]+点(多|半)?|(从|在)[^的，。,.!?？！\s]{1,8}?)"
)
_GONE_ZH = r"(不见了|走丢了|走失了|失踪了|跑丢了|走不见了|跑不见了|不见人影|找不到(人)?了)"
_MISSING_ZH = (
    _KIN_ZH + _WHEN_WHERE + r"{0,3}" + _GONE_ZH + r"|" + _KIN_ZH + r"(丢了|不见了)|"
    # "找不到我儿子", "找不到阿嬷了"; not "找不到阿嬷的药"
    r"找不到(我|我们)?(家)?(的)?" + _KIN_ZH + r"(?!的)|找不到(他|她)了|"
    # with dementia named: "我爸有老人痴呆 刚才在超市走丢了"
    r"(失智|痴呆|认知症|认知障碍|阿尔茨海默|阿兹海默)" + _ + r"{0,20}(不见了|走丢|走失|失踪|找不到|"
    r"(自己)?(开门)?(走|跑)出去了)|"
    # "孩子刚刚还在这里 现在找不到了"
    r"(刚刚|刚才|一分钟前|一下子前|转眼)(还)?在(这里|这儿|身边|旁边|这)"
    + _
    + r"{0,12}(找不到|不见了|没了)"
)

MISSING = re.compile(_MISSING_EN + "|" + _MISSING_ZH, re.IGNORECASE)
