"""A baby's danger signs said in a parent's words, and a parent's thoughts of harming the baby,
English and Chinese (traditional and Cantonese are read in their Mandarin view).

A women's and children's clinic (995 and 120 configured, 2026-12) found the rules had no words
for the signs a parent describes rather than names: "she makes a grunting noise every time she
breathes out", "his lips look blue", "he went stiff and started jerking", "BB抽筋反白眼" got
"I'm not sure", and "ribs sucking in with each breath", "呼吸停了好几秒" were caught only by
the learned head. Each is a red sign in a baby (NICE NG143: grunting, chest indrawing, a blue
or grey colour, pauses in breathing; a seizure), for the emergency number now.

A parent who has thoughts of hurting the baby ("I'm scared I'll shake him", "总想把孩子从楼上扔下
去") got the ambulance number alone, from the learned head: the reply it needs is a crisis
line, a person now and not to stay alone with the baby (`kefu.dialogue.crisis`).

Left ordinary: a question about a baby's breathing asleep ("baby breathes fast when asleep, is
that normal?": periodic breathing, the diagnosis reply's), hiccups, and colours that are not
a person's ("she turned blue in her bath toy colour lol").
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_I = re.IGNORECASE

_BREATH = r"(breath\w*|inhal\w*|exhal\w*|respirat\w*)"
# Drawn in, said as such: "sucking in", "pulling in", "caving in" (not "the chest strap pulls")
_IN = (
    r"((suck|pull|cav|sink|draw|go|dip)\w* (right |all the way |way )?in(wards?)?\b|sunk in|"
    r"retract\w*)"
)
# Chest indrawing: "ribs sucking in with each breath", "a dip under his ribs when he breathes",
# "吸气时肋骨凹进去", "胸口一吸一吸地陷下去". The ribs or the chest only: "suck your tummy in as
# you breathe" is a postnatal exercise.
_INDRAWING = (
    rf"\b(ribs?|chest|rib ?cage)\b{_}{{0,25}}\b{_IN}{_}{{0,40}}\b{_BREATH}|"
    rf"\b{_IN}{_}{{0,25}}\b(ribs?|chest|rib ?cage)\b{_}{{0,40}}\b{_BREATH}|"
    rf"\b{_BREATH}\b{_}{{0,40}}\b(ribs?|chest|rib ?cage)\b{_}{{0,25}}\b{_IN}|"
    r"\b(dip|hollow|dent)\w* (under|below|between) (his|her|their|the) ribs\b|"
    r"\b(chest|rib) (recession|retractions?|indrawing)\b|"
    rf"(肋骨|胸口|胸部|锁骨|肋间|心口){_}{{0,8}}(凹|陷|吸进去|缩进去)|三凹征"
)
# Grunting with each breath: "grunting with every breath", "每次呼吸都哼哼".
_GRUNTING = (
    rf"\bgrunt\w*{_}{{0,30}}\b(every|each|with|when|as) (\w+ ){{0,2}}{_BREATH}|"
    rf"\b{_BREATH}\b{_}{{0,30}}\bgrunt\w*|"
    rf"(每次|每一下|一)(呼吸|吸气|呼气|喘气){_}{{0,4}}(都)?(哼|呻吟|嗯)|"
    rf"(呼吸|吸气|呼气|喘气){_}{{0,6}}(哼哼|呻吟|嗯嗯|有哼声|发出哼)"
)
# A blue or grey colour of the lips or face turning or seen now: "his lips look blue", "her face
# went grey" (a change or a look is said: not "a blue face mask").
_COLOUR = (
    r"\b(his|her|their|my|your|baby'?s|bub'?s|the baby'?s|around (his|her|the)) (lips?|face|"
    r"mouth|tongue|skin)\b( \w+)?"
    r"( (is|are|has|have|looks?|looking|went|gone|going|goes|turned|turning|getting|got|seems?|"
    r"become|became))+( a bit| kind of| kinda| all| really| very| slightly| quite| so)?"
    r" (blue|bluish|grey|gray|greyish|dusky|purple|purplish)\b|"
    r"(嘴唇|嘴巴|口唇|嘴|脸|面色|脸色|嘴唇周围|口周)(有点|有些|都|好|很)?"
    r"(发紫|发青|发灰|青紫|紫了|变紫|变青|发乌|乌青|紫绀|变(了|咗)?(成)?(紫|青|灰|蓝)色?)"
)
# A pause in breathing: "stops breathing for 15 seconds", "long pauses in her breathing".
_PAUSE = (
    rf"\b(stops?|stopped|stopping|paus\w*) (\w+ )?(breathing|breath)\b{_}{{0,20}}"
    r"\b(\d{2,}|ten|fifteen|twenty|thirty|several|a few|few|like \d{2,}) ?(seconds|secs)\b|"
    r"\b(long|big|scary) paus\w* (in|between) (his|her|their|the baby'?s|baby'?s|the) "
    r"(breathing|breaths)\b|\b(forgets|forgot) to breathe\b|"
    r"(呼吸|喘气)(停|暂停|停止|停顿|中断)(了|咗)?(有|差不多|大概)?(好几|十几|几十|\d{2,})秒|"
    r"(停止|没有|没了)呼吸(了|咗)?(有|差不多|大概)?(好几|十几|\d{2,})秒"
)
# Fast breathing beside a floppy, unfeeding or unrousable baby: "breathing really fast and all
# floppy" (fast breathing alone, asked about in sleep, is periodic breathing).
_FAST = rf"\b{_BREATH}\b{_}{{0,20}}\b(fast|rapid|quick\w*)\b|呼吸(很|特别|好)?(快|急促|困难)"
_LIMP = (
    r"\b(floppy|limp|rag ?doll|lifeless|unrousable|won'?t (wake|feed)|not feeding|not waking|"
    r"too sleepy|lethargic|grunt\w*)\b|软软|软绵绵|叫不醒|不吃奶|没精神|嗜睡"
)
# A seizure: "eyes rolling back", "went stiff and started jerking", "抽搐翻白眼", "抽筋反白眼"
# (not a leg cramp, 腿抽筋, nor "having a fit" of temper).
_SEIZURE = (
    rf"\beyes\b{_}{{0,12}}\b(roll\w*|rolled) (back|up|upwards)\b|"
    r"\b(he|she|baby|bub|they|body|arms|legs)( \w+)? (went|gone|goes|is|was|became|turned|go|all)"
    r" (really |very |completely |all )?(stiff|rigid)\b"
    rf"{_}{{0,30}}\b(jerk\w*|twitch\w*|convuls\w*)\b|"
    rf"\b(jerk\w*|twitch\w*)\b{_}{{0,30}}\b(stiff|rigid|eyes (roll\w*|fixed|staring))\b|"
    r"\brhythmic(ally)? (jerk\w*|twitch\w*)\b|"
    # 翻白眼 alone is rolling one's eyes at someone: a seizure sign beside it
    rf"(翻白眼|反白眼|两眼上翻|眼睛(往)?上翻){_}{{0,10}}(抽|抖|僵|硬|没反应|叫不醒|口吐白沫)|"
    rf"(抽|抖|僵|硬|没反应|叫不醒|口吐白沫){_}{{0,10}}(翻白眼|反白眼|两眼上翻|眼睛(往)?上翻)|"
    rf"(全身|身体|手脚|成身)(发)?(僵硬|发硬|硬){_}{{0,6}}(一抽一抽|抽搐|抽动)|口吐白沫|(在|正在|又|突然)惊厥|惊厥了"
)
# A button battery swallowed or in the mouth: "swallowed a coin battery", "吞了纽扣电池" (not
# "put a new button battery in", not "这个玩具很吃电池").
_CELL = (
    r"(button|coin|watch|lithium|remote|hearing aid|small round) (cell |battery|batteries|cells?)"
)
_BATTERY = (
    r"\b(swallow\w*|ate|eaten|sucking on|chewing|chewed|in (his|her) mouth)\b"
    rf"{_}{{0,40}}\b{_CELL}\b|"
    rf"\b{_CELL}\b{_}{{0,40}}\b(swallow\w*|in (his|her) mouth|chew\w*|ate|eaten)\b|"
    rf"(吞|咽|误食|误吞|放进嘴|吃了|吃下){_}{{0,8}}(纽扣|扣式|钮扣|硬币|手表|遥控器)?电池|"
    rf"(纽扣|扣式|钮扣)电池{_}{{0,10}}(被)?(吞|吃了|吃下|嘴里)"
)
INFANT_SIGN = re.compile(
    "|".join(f"(?:{p})" for p in (_INDRAWING, _GRUNTING, _COLOUR, _PAUSE, _SEIZURE, _BATTERY)),
    _I,
)
_FAST_RE = re.compile(_FAST, _I)
_LIMP_RE = re.compile(_LIMP, _I)

# Asked ahead or about a habit, not said now: "what if my baby's lips go blue", "is it normal
# for a newborn to grunt while sleeping", "如果宝宝抽搐怎么办", "纽扣电池安全吗".
_AHEAD = re.compile(
    r"\b(what if|in case|what (should|do) (i|we) do if|what to do|how to|first aid|course|"
    r"class(es)?|training|learn\w*|someone (is )?having|a person (is )?having|"
    r"if (my|the|a|your) (baby|child|kid|"
    r"toddler)|signs? of|symptoms? of|how (do|can|would) (i|you) (know|tell)|is it normal for "
    r"(a |my )?(baby|babies|newborns?)|why do (babies|newborns)|do (babies|newborns)|safe(ty)? "
    r"(tips?|advice)|child-?proof|keep (them|it|batteries) away|do you sell|stock|buy)\b|"
    r"如果|万一|假如|要是|怎么预防|如何预防|预防|什么症状|哪些症状|"
    r"有没有卖|买|安全吗",
    _I,
)
# Colours that are not a person's: a toy, clothes, paint, a bath, a joke.
_NOT_A_PERSON = re.compile(
    r"\b(toy|toys|paint\w*|face ?paint|party|crayon|marker|dye|ink|colou?r(ed|ing)?|clothes|"
    r"onesie|dress|bath bomb|costume|smurf|avatar|popsicle|ice ?lolly|blueberr\w*|lolly|candy|"
    r"sweets|lipstick|make-?up)\b|lol|lmao|haha|😂|颜料|蜡笔|玩具|衣服|色素|冰棍|蓝莓|口红|哈哈",
    _I,
)


def infant_danger(text: str) -> bool:
    """Is ``text`` (one normalised view, its not-now spans blanked) a baby's (or anyone's)
    breathing, colour, seizure or button-battery danger told now?"""
    if _AHEAD.search(text):
        return False
    m = INFANT_SIGN.search(text)
    if m and not (_colour_only(m.group(0)) and _NOT_A_PERSON.search(text)):
        return True
    return bool(_FAST_RE.search(text) and _LIMP_RE.search(text))


def _colour_only(span: str) -> bool:
    return bool(re.fullmatch(_COLOUR, span, _I))


# A question about a baby's breathing in sleep, with no danger sign beside it: "baby breathes fast
# when asleep, is that normal?", "新生儿睡觉呼吸忽快忽慢正常吗". Newborns breathe fast and
# unevenly in sleep (periodic breathing); the learned head read it as an emergency (995). It is
# the diagnosis reply's: a clinician to ask, no emergency number.
_BREATHING_WORD = re.compile(r"\b" + _BREATH + r"\b|呼吸|喘气", _I)
_IN_SLEEP = re.compile(r"\b(asleep|sleep\w*|naps?|napping|at night|dozing)\b|睡", _I)
_ASKS = re.compile(
    r"\b(normal|ok|okay|fine|usual|common|worry|worried|concern\w*)\b|\?|正常|要紧|没事吧|"
    r"需要担心|担心吗|吗",
    _I,
)
_ANY_DANGER = re.compile(
    r"\b(fever\w*|temperature|floppy|limp|won'?t (wake|feed)|not (feeding|waking|breathing)|"
    r"struggl\w*|hard to breathe|blue|grey|gray|grunt\w*|ribs?|wheez\w*|chok\w*|seconds|secs)\b|"
    r"发烧|发热|软|叫不醒|不吃奶|紫|青|灰|哼|肋骨|凹|憋|秒|困难",
    _I,
)


def breathing_question(text: str) -> bool:
    """Is ``text`` a question about a baby's breathing in sleep with no danger sign named? The
    learned head's verdict is not read for it (`kefu.guard.emergency_head.flags_message`)."""
    return bool(
        _BREATHING_WORD.search(text)
        and _IN_SLEEP.search(text)
        and _ASKS.search(text)
        and not _ANY_DANGER.search(text)
        and not infant_danger(text)
    )


# -- a parent's thoughts of harming the baby ------------------------------------------------
_BABY = (
    r"((my|the|our|this|her|his) (own )?(baby|babies|newborn|infant|son|daughter|child|kid|twins|"
    r"little one|bub)|him|her)(?! (feelings|chances|back|career|reputation)\b)"
)
_HARM = (
    r"(hurt\w*|harm\w*|shak(e|ing)|kill\w*|smother\w*|suffocat\w*|drown\w*|throw\w*|throttl\w*|"
    r"strangl\w*|drop(ping)? (him|her|the baby|my baby) on purpose)"
)
# A care task, a medicine or a food that might harm the baby by accident: "scared I'll hurt her
# when I cut her nails", "worried I might harm the baby by drinking coffee". A worry to answer,
# not a crisis.
_BY_ACCIDENT = re.compile(
    r"\b(by|if i|from|nails?|bath\w*|wash\w*|hold\w*|lift\w*|carry\w*|car ?seat|sling|swaddl\w*|"
    r"burp\w*|clip\w*|cord|massag\w*|latch\w*|medicine|meds|pills?|tablets?|coffee|caffeine|"
    r"alcohol|wine|drink\w*|eat\w*|food|vaccin\w*|x-?ray|scan|exercis\w*|sex|co-?sleep\w*|"
    r"accident\w*|clumsy|drop it|dropping)\b|剪指甲|洗澡|抱|吃药|用药|喝|吃|疫苗|运动|同房|"
    r"不小心|意外",
    _I,
)
_HARM_BABY = re.compile(
    # "thoughts of hurting my baby", "I keep thinking about smothering her", "urges to shake him"
    r"\b(thoughts?|thinking|think|images?|pictur\w*|urges?|impulses?|visions?|fantas\w*|"
    rf"ideas?)\b (\w+ ){{0,3}}(of|about|to) (me )?{_HARM} {_BABY}\b|"
    # "I'm scared I'll shake him", "afraid I might hurt the baby", "I want to throw her"
    r"\b(scared|afraid|terrified|frightened|worried|worry|fear|panick\w*) (that )?(i'?ll|i will|"
    rf"i might|i may|i could|i would|i'?d|i'?m going to|i am going to|of) (\w+ )?{_HARM} {_BABY}\b|"
    r"\bi (really |sometimes |just |actually )?(want|wanted|feel like|have an urge|have the urge|"
    rf"keep wanting|get the urge) to {_HARM} {_BABY}\b(?!{_}{{0,30}}\b(for|because)\b)",
    _I,
)
_ZH_BABY = r"(孩子|宝宝|娃|婴儿|小孩|他|她|儿子|女儿|新生儿|bb)"
# What would kill or injure: "扔下去", "从楼上", "掐死" (not "扔给奶奶", "丢给老公带", "打疫苗").
_ZH_HARM = (
    r"(扔(下去|出去|下楼|到楼下|出窗)|从(楼上|窗户|窗口|阳台)|摔死|摔下去|掐死|掐|闷死|捂死|淹死|"
    r"弄死|杀死|杀了|伤害|打死)"
)
_ZH_HARM_BABY = re.compile(
    # "总想把孩子从楼上扔下去", "有掐死宝宝的念头", "怕自己会忍不住摇晃宝宝", "想伤害我的孩子"
    rf"(总|老|一直|经常|时不时|有时|突然|忍不住|成日)(都)?(是)?想(要)?(把|将)?(我的|个)?{_ZH_BABY}"
    rf"{_}{{0,10}}{_ZH_HARM}|"
    rf"(?<!不)(?<!不会)(?<!没)想(要)?(伤害|弄死|掐死|闷死|摔死|淹死|杀死|杀了)(我的|这个|个)?{_ZH_BABY}|"
    rf"(伤害|弄死|掐死|闷死|摔死|淹死|杀死|摇晃|扔下去){_}{{0,6}}{_ZH_BABY}?{_}{{0,4}}"
    r"的(念头|想法|冲动|画面)|"
    # fear of one's own act, not of an accident: "怕自己会伤害宝宝", "怕会忍不住摇晃宝宝"
    rf"(怕|害怕|担心|恐怕)(自己(会)?(忍不住)?|(会)?忍不住)(伤害|摇晃|摇|摔|掐|闷|捂|扔|打|弄死)"
    rf"(坏|死|伤)?(我的|这个|个)?{_ZH_BABY}",
    _I,
)
# Figurative: "I could strangle my husband for letting her nap so late", "I want to kill him
# for waking her" (an adult, a reason after it): not a thought of harming the baby.
_ADULT = re.compile(
    r"\b(husband|hubby|wife|partner|boyfriend|girlfriend|mum|mom|mother|dad|father|in-?laws?|"
    r"mil|boss|neighbou?r|sister|brother)\b|老公|老婆|丈夫|婆婆|公公|老妈|老爸|邻居",
    _I,
)


_JOKE = re.compile(r"\b(lol|lmao|lmfao|rofl|jk)\b|哈哈|😂|🤣", _I)
_PRONOUN = re.compile(r"\b(him|her)\b|他|她", _I)


def harm_to_baby(text: str) -> bool:
    """Does ``text`` (one normalised view) tell of a parent's thoughts, urges or fear of
    harming their baby or child?"""
    m = _HARM_BABY.search(text) or _ZH_HARM_BABY.search(text)
    if not m or _JOKE.search(text) or _ADULT.search(m.group(0)):
        return False
    if _BY_ACCIDENT.search(text) and not re.search(r"thought|urge|image|念头|冲动|画面", text, _I):
        return False  # a worry about an accident, a medicine or a food
    # "老公又把宝宝吵醒了 真想掐死他": a pronoun beside a named adult is the adult
    return not (_PRONOUN.search(m.group(0)) and _ADULT.search(text))
