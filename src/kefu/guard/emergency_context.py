"""Emergency words that do not describe an emergency now, and the idioms that only sound like one.

A hospital's patients name the emergency words all day without having one: the department
("胸痛中心", "stroke unit", "chest pain clinic"), a follow-up ("胸痛复查", "chest pain
follow-ups"), the past ("我爸去年中风", "孩子以前抽搐过", "I had chest pain last year",
"去年着火了") and a negation ("没有胸痛", "no chest pain"). `not_now` blanks out those spans
only, so the rules and the learned head still read everything else in the message:
"我以前中风过，现在又说不出话了" keeps its present sign ("说不出话") and stays an emergency.
A past mention said to be back now ("又", "again") is never blanked.

Idioms ("笑死我了", "气死我了", "我的心都碎了", "my heart sank") carry no emergency word a rule
reads, but their meaning pulls the learned head over its threshold. `head_text` gives the head the
message without them (and without the spans above); nothing left means nothing to flag.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard.emergency_figurative import FRUSTRATION, figurative
from kefu.guard.emergency_objects import not_a_person
from kefu.guard.emergency_settled import over

# The emergency words a department, a past or a negated mention is made of. Not the signs that
# are an emergency whatever is said around them ("没有呼吸" is one: it is not in this list).
_ZH_CONDITION = (
    r"(胸痛|胸闷|胸口(痛|疼|闷)|心绞痛|心梗|心肌梗死?|心脏病(发作)?|中风|脑卒中|卒中|脑梗|脑出血|"
    r"抽搐|抽筋|癫痫(发作)?|昏迷|晕倒|吐血|呕血|咳血|咯血|呼吸困难|过敏性休克|哮喘(发作)?)"
)
_EN_CONDITION = (
    r"(chest (pain|pains|tightness|pressure)|heart attacks?|cardiac arrest|strokes?|mini[- ]stroke|"
    r"tia|seizures?|fits?|convulsions?|anaphylaxis|anaphylactic shock|overdose|breathing "
    r"(problems|difficulties|trouble))"
)

# A place, a service or a visit named after the condition: "胸痛中心", "卒中门诊", "stroke unit",
# "chest pain clinic", "chest pain follow-ups".
_SERVICE = re.compile(
    _ZH_CONDITION + r"(的)?(中心|门诊|专科|专病|病房|病区|单元|绿色通道|筛查|康复|复查|复诊|随访|"
    r"专家|医生|大夫|号|科室|体检|套餐|讲座|患者群|宣教|知识)|"
    r"(复查|复诊|随访|康复|预防|筛查)(一下)?(上次|之前|以前|去年)?(的)?" + _ZH_CONDITION + r"|"
    r"\b(the |a |your |our )?" + _EN_CONDITION + r" (unit|clinic|centre|center|ward|service|team|"
    r"department|dept|follow[- ]?ups?|check[- ]?ups?|reviews?|rehab|rehabilitation|specialists?|"
    r"consultants?|nurses?|support groups?|awareness|screening|appointments?|prevention|"
    r"insurance|cover|survivors?|patients|programme|program)\b|"
    r"\b(follow[- ]?ups?|check[- ]?ups?|rehab|rehabilitation|recovery) (for|after) (my |his |her |"
    r"their |a |the )?(previous |past |old |earlier )?" + _EN_CONDITION + r"\b",
    re.IGNORECASE,
)

# Said of the past: "我爸去年中风", "孩子以前抽搐过", "中风过", "I had chest pain last year",
# "my mum had a stroke two years ago", "used to have seizures", "a history of". Recent time
# words ("刚才", "just now", "an hour ago") are not the past here: that can still be happening.
_ZH_PAST = (
    r"(去年|前年|以前|之前|从前|上次|上回|上个月|上月|几年前|多年前|\d+年前|"
    r"[一二两三四五六七八九十几]+(年|个月)前|小时候|曾经|早年|那年)"
)
_PAST = re.compile(
    # within one clause: "以前脑外伤，今天癫痫发作" is a seizure today
    _ZH_PAST
    + r"[^，,；;。.?!？！\n]{0,10}?"
    + _ZH_CONDITION
    + r"(过)?|"
    # a fire in the past: "我家去年着火了，还能赔吗" asks about a claim, not for the fire service
    + _ZH_PAST
    + r"[^，,；;。.?!？！\n]{0,10}?(着火|起火|失火|火灾)(过)?|"
    r"(?<![刚才])"
    + _ZH_CONDITION
    + r"过(?!来|去|敏)|"
    # what a past stroke left behind, asked about for care: "阿公中风后说话不太清楚 有语言治疗吗",
    # "爸爸中风后需要复健"; not where the clause says it is sudden or now ("中风后 现在突然
    # 说不出话")
    + _ZH_CONDITION
    + r"(后|以后|之后|后遗症)(?:(?!现在|突然|忽然|刚刚|刚才|今天|一下子)"
    r"[^，,；;。.?!？！\n]){0,12}|"
    r"\b(had|suffered|survived|got over|recovered from|history of|diagnosed with|treated for)\b"
    + _
    + r"{0,20}?\b"
    + _EN_CONDITION
    + r"\b(?="
    + _
    + r"{0,40}\b(last (year|month|week|spring|summer|autumn|fall|winter)|"
    r"\d+ (years?|months?|weeks?) ago|(a few|few|several|two|three|four|five|six|many) "
    r"(years?|months?|weeks?) ago|years ago|"
    r"in (19|20)\d\d|back in|previously|as a (kid|child)|when (i|he|she) was (young|"
    r"little|a (kid|child|baby)))\b)|"
    r"\b(last (year|month)|\d+ (years?|months?) ago|(a few|few|several|two|three|four|five) "
    r"(years?|months?) ago|years ago|in (19|20)\d\d)\b,? (i|he|she|my \w+|they) (had|suffered)"
    + _
    + r"{0,12}?\b"
    + _EN_CONDITION
    + r"\b|\b(used to (have|get)|history of|previous)\b"
    + _
    + r"{0,12}?\b"
    + _EN_CONDITION
    + r"\b",
    re.IGNORECASE,
)
# Suicide and self-harm told as the past, asked about as a topic or as someone's death, named in
# fiction or as a joke: a therapy service hears these all day from people booking help ("I used
# to self-harm as a teenager, can I get therapy", "我朋友之前有过轻生的念头，想帮她预约", "my
# brother died 2 years ago, suicide bereavement therapists", "心梗的早期症状有哪些", "in the film
# the character overdoses", "想死你们了", "this paperwork is suicide lol"); a telehealth tester
# got the crisis text instead of the booking answer (2026-11-30). Each span is narrow and the
# rest of the message is still read: "I used to be fine but now I want to die" keeps its
# present words (a gap never crosses "but", "now", "again", "still").
_GAP = r"(?:(?!\b(?:but|now|again|still|today|tonight|currently|these days)\b)[^.?!。？！\n,;])"
_SELF_WORD = (
    r"(self[- ]?harm\w*|suicidal (thoughts?|feelings?|ideation|urges?|episodes?)|suicide "
    r"attempts?|attempted suicide|overdos\w*|tried to (kill|end) (himself|herself|themselves|"
    r"myself|his life|her life|my life|their life|their lives))"
)
_EN_WHEN = (
    r"(as a (teen(ager)?|kid|child|student)|when (i|he|she|they) (was|were) (younger|young|"
    r"little|a teen\w*|a kid|a child|at (school|uni|university|college))|years ago|last year|"
    r"in (19|20)\d\d|\d+ (years?|months?) ago|(a few|few|several|two|three|four|five|many) "
    r"(years?|months?) ago|back in|during (exams|uni|university|school|college|my teens))"
)
_PAST_SELF = re.compile(
    r"\b(used to|history of|past|previous|former|old|years of|recovered from|got over)\b"
    + _GAP
    + r"{0,15}?\b"
    + _SELF_WORD
    + r"|\b"
    + _SELF_WORD
    + _GAP
    + r"{0,40}?\b"
    + _EN_WHEN
    + r"\b|"
    + r"("
    + _ZH_PAST[1:-1]
    + r"|前几年|前些年|前两年|前段时间|青春期|上学(的)?时候|读书(的)?时候)"
    + r"(也)?(有过|有|出现过|动过|产生过|想过|试过|尝试过|闹过)?[^，,；;。.?!？！\n又]{0,6}?"
    r"(自杀|轻生|自残|自伤|想死|不想活|割腕)(的)?(念头|想法|经历|倾向|行为|过)?",
    re.IGNORECASE,
)
_COND_TOPIC = r"(" + _EN_CONDITION[1:-1] + r"|suicid\w*|self[- ]?harm)"
_NOT_LITERAL = re.compile(
    # someone's death, and a bereavement service
    r"\b(died|passed away|passed) (of|from|after|by) (a |an )?(heart attack|stroke|overdose|"
    r"suicide|cardiac arrest|seizure)\b|\b(lost|losing) (my|his|her|our|their) \w+ to (suicide|"
    r"an overdose|a stroke|a heart attack)\b|\bsuicide (bereavement|loss|prevention|awareness|"
    r"survivors?|training|statistics|rates?)\b|\bbereave\w*" + _ + r"{0,20}?\bsuicide\b|"
    r"(死于|因)(心梗|心脏病|中风|自杀)(去世|离世|走了)?|"
    # a topic: "what signs of stroke should I teach", "family history of strokes"; never "he's
    # showing signs of a stroke"
    r"\b(what|which|teach\w*|learn\w*|explain\w*|list|know|knowing|recogni[sz]\w*|spot\w*|about) "
    r"(are |is )?(the |some |common |typical |early |main |key |warning )*(signs|symptoms|warning "
    r"signs|red flags)\b (of|for) (a |an )?"
    + _COND_TOPIC
    + r"\b|\bfamily history\b"
    + _
    + r"{0,25}?\b"
    + _COND_TOPIC
    + r"\b|"
    + _ZH_CONDITION
    + r"(的)?(早期|前期|典型|常见|主要)?(症状|征兆|表现|先兆|信号|原因|病因|危险因素)(都)?(有哪些|"
    r"是什么|有什么|包括哪些|是怎样的)|"
    # fiction
    r"\b(in (the|a|this|that) (film|movie|show|series|book|novel|game|episode|play|drama)|the "
    r"(character|protagonist|villain|hero|heroine))\b"
    + _
    + r"{0,40}?\b(overdos\w*|suicid\w*|kills? (himself|herself|themselves)|(has|had|having) a "
    r"(stroke|heart attack|seizure))|"
    # a policy asked about, not a crisis told: "what is your policy on suicide and self harm
    # among debtors", "你们对自杀的借款人有什么政策" (a lending tester's false alarm). Only with
    # suicide as the topic of the policy: "我想自杀 你们有什么政策" keeps its words.
    r"\b(polic(y|ies)|procedures?|approach|guidelines?|protocols?|stance|position|training|"
    r"process(es)?) (on|for|about|regarding|around|towards?|when it comes to|if a customer "
    r"(mentions|talks about)) (\w+ ){0,2}(suicid\w*|self[- ]?harm\w*)( (and|or|&) (suicid\w*|"
    r"self[- ]?harm\w*))?\b(?!" + _ + r"{0,60}\b(because|cause|cos|since|as) (i|i'?m|im|i am) "
    r"(want|wanna|plan|planning|thinking|considering|going|gonna|about|might|may)\b)|"
    r"(对|对于|针对|关于)(有)?(自杀|轻生|自残|自伤)(或|和|及|与|、)?(自杀|轻生|自残|自伤)?(倾向)?的?"
    r"(借款人|客户|用户|人)?(有|的)?(什么|哪些)?(政策|规定|制度|流程|预案|处理办法|处理方式)|"
    r"(自杀|轻生|自残)(相关)?的?(政策|规定|制度|预案|处理办法)(是什么|有哪些|吗)|"
    # a hyperbole of degree, said to be a joke: "利息高到想死 哈哈 开玩笑的", "these rates make
    # me want to die, just kidding". A wish to die said plainly stays literal ("我想死 哈哈").
    r"(高|贵|累|烦|忙|热|冷|难|丑|穷|困|饿|气|多|慢|坑|离谱|尴尬|无聊|撑|麻烦|复杂)(到|得)(我)?(都)?"
    r"(想死|要死|快死)(了)?(?=" + _ + r"{0,20}(哈哈|开玩笑|开个玩笑|说笑|逗你|玩笑|😂|🤣))|"
    r"\b(makes?|making|made) me (want to|wanna) (die|kill myself)\b(?=" + _ + r"{0,30}\b(just "
    r"kidding|jk|kidding|joking|not (really|literally))\b)|"
    # jokes: "想死你们了" is missing someone; "is suicide lol", "overdosed on netflix"
    r"想死(你|你们|您|大家|宝宝)(了|啦)?|\bsuicide\b(?=\W{0,3}(lol|lmao|haha|jk|😂|🤣))|"
    r"\b(social|career|political|financial|commercial|brand) suicide\b|\boverdos\w* on (netflix|tv|"
    r"youtube|tiktok|instagram|social media|memes|series|shows|episodes|anime|k-?dramas?|dramas?|"
    r"reality tv|books|work|shopping|christmas|music|games|gaming|sun|sunshine|coffee|caffeine|"
    r"sugar|chocolate)\b(?=" + _ + r"{0,40}\b(lol|lmao|haha|years ago|as a (teen|kid|student)))|"
    # a shock told as a heart attack: "the price of that flight gave me a heart attack lol", "I
    # almost had a heart attack when I saw the excess baggage fee" (an airline's tester: both
    # queued as emergencies). Almost having one, a joke marker, or the sight of a price or a
    # bill; "I think I'm having a heart attack" and "my dad is having a heart attack" are not.
    r"\b(almost|nearly|practically|virtually|about to|could have|could'?ve|gonna|going to) "
    r"(had|have|having|give (me|us|him|her)|gave (me|us|him|her)) (a |an )?(heart attack|stroke|"
    r"coronary|cardiac arrest|seizure)\b|"
    r"\b(gave|give|gives|giving) (me|us|him|her|my \w+) (a |an )?(heart attack|stroke|coronary|"
    r"cardiac arrest|seizure)\b(?="
    + _
    + r"{0,60}(lol|lmao|rofl|haha|jk|😂|🤣|😅|!{2,})|"
    + _
    + r"{0,40}\b(when|after) (i|we) (saw|see|seen|read|got|opened|checked|looked at|heard)\b)|"
    r"\b(price|prices|fee|fees|bill|bills|cost|costs|charge|charges|fare|fares|quote|total|"
    r"invoice|rent|receipt|statement)\b"
    + _
    + r"{0,40}\b(gave|give|gives|giving) (me|us|him|her) (a |an )?(heart attack|stroke|"
    r"coronary)\b|"
    r"\b(heart attack|stroke|seizure)\b(?="
    + _
    + r"{0,25}\b(when|after) (i|we) (saw|see|seen|read|got|opened|checked|looked at|heard) "
    r"(the|my|your|that|this|our) (\w+ ){0,3}(price|prices|fee|fees|bill|bills|cost|costs|"
    r"charge|charges|fare|fares|quote|total|invoice|rent|receipt|statement)\b)|"
    # food talk: "辣得我喘不上气哈哈", "好吃到窒息", "辣到窒息能退吗", "火锅太辣了嘴巴都麻了",
    # "this hot pot is so spicy my mouth is on fire" (a food-delivery tester, 2026-12). A taste
    # said to take the breath away, a mouth numb or on fire from spice; a swelling is not one.
    r"(辣|麻|烫|咸|齁|酸|甜|撑|香|好吃|好喝|难吃)(得|到)(我)?(都|快|要|简直)?(喘不上气|喘不过气|"
    r"窒息|无法呼吸|不能呼吸|呼吸不了)|(辣|麻辣|花椒)[^，,。.!！?？\n]{0,8}(嘴|嘴巴|舌头|嘴唇)(都|全)?"
    r"(麻|着火|冒火|烧起来)(了|掉了)?|\b(my |his |her |our |your )?(mouth|tongue|lips)('s| is| are|"
    r" was| were)? (literally )?on fire\b|"
    r"心脏病(都)?(差点|快|要|快要)?(被)?(吓|气)?(出来|犯了|发作了)(?=.{0,6}(哈|😂|🤣|lol))|"
    r"心脏病都(快|要|快要)?(犯|发作)了?|"
    # an adrenaline pen asked about as a prescription: "can a GP review my epipen prescription"
    r"\bepi-?pens?\b(?=\W+(prescriptions?|refills?|repeats?|renewals?|expir\w*|replacements?|"
    r"trainers?|training|cover|stock))|\b(review|renew|refill|repeat|prescribe|order|replace|"
    r"reorder|collect)\b"
    + _
    + r"{0,20}?\bepi-?pens?\b(?!"
    + _
    + r"{0,20}\b(now|didn'?t|not working))",
    re.IGNORECASE,
)

# Back now: a past mention with one of these in the message is left for the rules to read.
_AGAIN = re.compile(
    r"又|再次|再一次|复发|又开始|又来了|\bagain\b|\b(it'?s|they'?re|is|are) back\b|came back|"
    r"\breturned\b",
    re.IGNORECASE,
)

# Negated: "没有胸痛", "不是胸痛", "无胸闷", "no chest pain", "not having a stroke".
_NEGATED = re.compile(
    r"(没有|没|无|不是|并没有|并非|不再|不)(感到|觉得|出现|发生|什么|过)?" + _ZH_CONDITION + r"|"
    r"\b(no|not|without|never|denies|denied|don'?t have|doesn'?t have|didn'?t have|isn'?t|"
    r"wasn'?t|not having|no longer)( any| a| an)? " + _EN_CONDITION + r"\b",
    re.IGNORECASE,
)

# Idioms of feeling: "笑死我了", "气死我了", "吓死我了", "累死了", "我的心都碎了", "my heart sank".
# "想死" is not one of them (it is read as suicidal, `kefu.guard.emergency`).
_IDIOM = re.compile(
    r"(笑|气|吓|累|饿|热|冷|急|烦|困|忙|渴|困|痒|闷|憋屈|丢人|尴尬|无聊|羡慕|馋|心疼|后悔|担心|激动|"
    r"感动|开心|高兴|折腾|郁闷|麻烦|贵|丑|美|帅|可爱|难吃|好吃|好笑)(死|坏)(我|人|老子|宝宝|爹)?了?|"
    r"(气|肺)(都|要|快)?(炸|爆)(了|掉了)|\bto die for\b|\bdying for\b|"
    r"(我的|我|心)+(都|快|要)?(碎|凉)(了|掉了)|心(都)?(凉了半截|碎成|碎一地)|"
    r"\b(my|his|her|our) heart (sank|dropped|skipped a beat|broke|is broken|was broken|melted|"
    r"went out)\b|\bheartbroken\b|\b(this|that|it|the (wait|delay|queue|price|bill))"
    r"('s| is| was)? (literally )?killing me\b|\bdying (to|of laughter)\b|\bi('m| am) dead\b"
    r"(?= (lol|lmao|😂))|\bscared me to death\b|\bbored to death\b|" + FRUSTRATION,
    re.IGNORECASE,
)
# Water in a home with no one in danger: "pipe burst in my kitchen, flat is flooding, what do I
# do", "水管爆了，家里进水了". The learned head reads flooding as a danger to life (an insurer's
# tester got only the emergency number, 2026-11-30), but it is urgent damage to property that the
# business's water-damage answer is for. No rule names water; this keeps the head off it unless
# a danger is named beside it: someone trapped or swept away, water reaching the electrics.
_WATER = re.compile(
    r"\b(flood\w*|burst|leak\w*|overflow\w*|water (damage|everywhere|pouring|gushing|coming)|"
    r"(pipe|tap|tank|toilet|washing machine)s? (\w+ )?(burst|broke|broken|leak\w*|split))\b|"
    r"水管|漏水|水浸|水淹|淹了|进水|水漫|渗水|爆管|爆水管",
    re.IGNORECASE,
)
_WATER_DANGER = re.compile(
    r"\b(trapped|stuck|drown\w*|swept|current|can'?t (get out|swim|breathe)|electric\w*|spark\w*|"
    r"socket|fuse|wiring|shock\w*|live wire|unconscious|collapsed|hurt|injured|bleeding|rising "
    r"fast|up to (my|our|his|her) (chest|neck|waist)|fell|fallen|under ?water|breath\w*|"
    r"not moving|child|children|kids?|toddler|baby|son|daughter|grand\w+|elderly)\b|"
    r"被困|困住|出不来|溺|冲走|触电|漏电|电箱|配电箱|插座|电线|火花|昏迷|受伤|流血|齐腰|到胸|掉进|"
    r"落水|呼吸|孩子|小孩|宝宝|老人",
    re.IGNORECASE,
)


def water_damage_only(text: str) -> bool:
    """Is the message about water in a home (a burst pipe, a flood, a leak) with no danger to a
    person named? Such a message is a claim or repair question, not one for the emergency line."""
    return bool(_WATER.search(text)) and not _WATER_DANGER.search(text)


# Damage to a thing: "骑手把我家门口的花盆撞倒了". The head reads the collision; no one is named
# between "把" and the verb.
_PROPERTY = re.compile(
    r"(把|将)(?:(?!人|他|她|孩子|小孩|老人|自己|头|腿|手|脚|身)[^，,。.!！?？\n]){1,12}?"
    r"(撞|碰|打|弄|摔|踢)(倒|坏|翻|碎|歪|裂|掉)了?"
)

# Words of the families an emergency is told in: the body, a symptom, an injury, a hazard, a
# threat, a person at risk, a call for help. A short message (eight words or characters at most)
# gives the head little to read, and one word's meaning can carry it over its threshold ("漏了
# 一杯奶茶": 漏 as in leaking); such a message is flagged only with one of these words. On the
# dev emergency sets no emergency the head alone caught lost its flag (docs/safety.md).
_DANGER = re.compile(
    r"血|伤|痛|疼|晕|昏|倒|摔|跌|撞|祸|呼吸|喘|没气|断气|上不来气|窒息|憋|噎|卡|呛|抽|吐|呕|泻|毒|敏|肿|疹|发紫|发青|发白|苍白|"
    r"烫|烧|火|烟|炸|爆|煤气|燃气|电|溺|淹|救|命|死|杀|刀|枪|打|跳|药|医|急|病|心|胸|头|脑|意识|醒|"
    r"不动|动不了|说不|话|冷|冰|热|麻|瘫|骨|孕|产|羊水|胎|娃|宝宝|孩子|老人|困|锁|掉|割|咬|蛇|"
    r"狗|蜂|吞|误食|喝了|吃了|嘴|舌|喉|眼|脸|手|脚|腿|身|抖|汗|虚|软|站不|走不|叫不|喊|帮|求|"
    r"报警|警察|110|119|120|危险|失踪|找不到|不见|威胁|绑|跟踪|家暴|自杀|活|"
    r"\b(blood|bleed\w*|hurt|injur\w*|pain\w*|ache\w*|faint\w*|dizz\w*|unconscious|collaps\w*|fell|fall\w*|"
    r"crash\w*|hit|breath\w*|chok\w*|chest|heart|head|brain|stroke|seiz\w*|fit|shak\w*|vomit\w*|sick|"
    r"poison\w*|allerg\w*|swell\w*|swollen|rash|hives|blue|grey|gray|pale|burn\w*|fire|smoke|gas|"
    r"explo\w*|electr\w*|shock\w*|drown\w*|water|help|emergenc\w*|ambulance|hospital|doctor|police|"
    r"die|dying|dead|death|kill\w*|knife|gun|attack\w*|threat\w*|overdos\w*|pills?|tablets?|drug\w*|"
    r"swallow\w*|took|drank|ate|baby|child|kid|toddler|son|daughter|mum|mom|dad|grand\w*|elderly|"
    r"pregnan\w*|labou?r|contraction\w*|waters|bleed|cold|freezing|hot|heat|numb\w*|weak\w*|slurr\w*|"
    r"confus\w*|wake|awake|respond\w*|moving|move|trapped|stuck|locked|missing|lost|suicid\w*|"
    r"end it|cut\w*|hang\w*|bite|bit|sting\w*|snake|dog|temperature|fever|sweat\w*|lips?|face|"
    r"throat|tongue|eyes?|arm|leg|neck|body|skin|stomach|belly|cramp\w*|scream\w*|hurry|urgent|now)\b",
    re.IGNORECASE,
)
_TOKENS = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]+")


def names_danger(text: str) -> bool:
    """Does ``text`` name a word of the families an emergency is told in?"""
    return bool(_DANGER.search(text))


def too_short_to_tell(text: str) -> bool:
    """Is ``text`` a short message naming nothing an emergency is told in? The learned head's
    score on it is not read (`kefu.guard.emergency_head.flags_message`)."""
    return len(_TOKENS.findall(text)) <= 8 and not _DANGER.search(text)


_WORDS = re.compile(r"\w")


def not_now(text: str) -> str:
    """``text`` with its mentions of an emergency that is not happening now blanked out (a
    department, a follow-up, the past, a negation; all of it for a mishap said to be over);
    the rest untouched, so a present sign beside them still reads as one. Figurative death and
    kill words (a game, a laugh, someone's reaction, gym slang) and an accident only asked
    about are blanked too (`kefu.guard.emergency_figurative`), and so are a device's "won't
    wake up" and an "end it all" that ends a thing (`kefu.guard.emergency_objects`)."""
    if over(text):
        # "we had a scare last month when mum fainted, she's recovered": nothing is now
        return re.sub(r"\w", "_", text)
    text = not_a_person(figurative(text, _blank), _blank)
    text = _SERVICE.sub(_blank, text)
    text = _NEGATED.sub(_blank, text)
    text = _NOT_LITERAL.sub(_blank, text)
    if not _AGAIN.search(text):
        text = _PAST.sub(_blank, text)
        text = _PAST_SELF.sub(_blank, text)
    return text


def head_text(text: str) -> str | None:
    """What the learned head should read of ``text``: the message without the spans `not_now`
    blanks and without idioms of feeling, or None when nothing is left to read."""
    left = _PROPERTY.sub(_blank, _IDIOM.sub(_blank, not_now(text)))
    if left == text:
        return text
    left = re.sub(r"[_\s]+", " ", left).strip(" ，,。.！!？?、;；~～")
    return left if _WORDS.search(left) else None


def _blank(match: re.Match[str]) -> str:
    # Underscores keep the length and sit inside a sentence: "_" matches the rules' in-sentence
    # gaps like any character, so a pattern spanning the blank still measures the same distance.
    return "_" * len(match.group(0))
