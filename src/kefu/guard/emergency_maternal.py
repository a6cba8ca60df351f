"""Pregnancy and newborn emergencies said in a parent's own words, English and Chinese.

A women's and children's clinic's tester (Singapore and Shanghai, 2026-12) got "I'm not sure"
and no number for messages the rules had no words for, while other wordings of the same danger
were caught only by the learned head:

- fewer or no movements of the baby in the womb: "baby hasn't kicked since this morning…
  36wks", "宝宝不动了 一整天没胎动" (reduced movements can come before a stillbirth; the
  maternity unit wants a call the same day, not the next check-up);
- a fever in a baby under three months: "my baby is 3 weeks old and has a fever of 38.3" (it got
  the vaccine-reaction FAQ), "刚出生两周的宝宝发烧38度5". 38 °C (100.4 °F) or more at that
  age is a reason to be seen now (NICE NG143: a "red" sign under three months);
- the waters breaking said indirectly: "water leaking down my legs, only 30 wks pregnant",
  "38周了 下面一直流清水 不是尿";
- pain that does not stop with bleeding in pregnancy (a placental abruption): "im 35 weeks, bad
  tummy pain that doesnt stop and some bleeding"; headache with blurred vision or swelling in
  pregnancy or after the birth (pre-eclampsia).

Each needs the danger told now, of this pregnancy or this baby. Questions asked ahead ("how many
kicks should I feel at 28 weeks?", "what happens if my water breaks at night", "如果新生儿发烧
怎么办"), a baby over three months or a temperature under 38 ("is 37.8 normal after vaccination
for a 4 month old": NICE's threshold is 38 and a four-month-old is past the age band), movements
not felt yet early in pregnancy ("18 weeks and haven't felt a kick yet" is usual before about 24
weeks), a water bill and amniocentesis (羊水穿刺) stay ordinary.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_I = re.IGNORECASE

# -- pregnancy ----------------------------------------------------------------------------
_WEEKS = re.compile(
    r"\b(\d{1,2}) ?(?:\+ ?\d )?(?:wks?|weeks?)\b(?! old| ago)|"
    r"(?:孕|怀孕)?(\d{1,2}) ?(?:周|w)(?!岁|大|的宝宝|的孩子)(?:\+\d天?)?",
    _I,
)
# Weeks of a pregnancy: "36wks", "im 35 weeks", "30 weeks pregnant"; not "for 2 weeks", "3 weeks
# old", "2 weeks ago".
_PREG_WEEKS = (
    r"((^|[.,;:!?]|\b(i'?m|im|i am|she'?s|shes|she is|wife is|at|now|only|just|currently|already|"
    r"am|and|but|nearly|almost|about)) ?\d{1,2} ?(\+ ?\d )?(wks?|weeks?)\b(?! old| ago)|\b\d{1,2} ?"
    r"(wks?|weeks?) (pregnant|along|gestation|preg)\b)"
)
_PREGNANT = re.compile(
    r"\bpregnan\w*|" + _PREG_WEEKS + r"|\bbump\b|\bwomb\b|\bin (my|her) "
    r"(tummy|belly|stomach)\b|\b(due date|overdue|third trimester|antenatal)\b|"
    r"怀孕|孕妇|孕期|身孕|怀着|孕\d+|\d+周了|预产期|孕晚期|孕中期|肚子里|胎",
    _I,
)
# Asked ahead or in general: "what happens if", "when do I start", "should I", "如果", "什么时候".
_AHEAD = re.compile(
    r"\b(if|in case|what happens when|what to do when|when (do|should|will|does|can)|how (many|"
    r"often|much)|should i (expect|feel)|normal (number|amount)|count(ing)? (the )?kicks)\b|"
    r"如果|万一|要是|假如|一旦|什么时候|多少次|几次|怎么数|怎么计|数胎动|胎动计数",
    _I,
)
# A danger put as a condition: "what happens if my water breaks", "如果宝宝发烧怎么办".
_IF = re.compile(
    r"\b(if|in case|what if|when|whenever|once)\b" + _ + r"{0,40}\b(fever|temperature|temp|water|"
    r"waters|kick\w*|mov\w*|bleed\w*|blood|pain|headache)|(如果|万一|要是|假如|一旦|的话)"
    + _
    + r"{0,15}(发烧|发热|体温|羊水|破水|胎动|不动|流血|出血|见红|疼|痛)",
    _I,
)
# Said now: a time of its own keeps a message that also asks ahead.
_NOW = re.compile(
    r"\b(since|today|tonight|all day|this morning|now|yesterday|right now|currently|hours?)\b|"
    r"今天|一整天|一天|昨天|现在|一直|半天|早上|小时",
    _I,
)
# A week number under 24 where movements may not be felt yet.
_YET = re.compile(r"\byet\b|还没(有)?(开始|感觉到过)|第一次", _I)

_FEWER_MOVES = re.compile(
    # "baby hasn't kicked since this morning", "hasn't moved all day", "no kicks today"
    r"\b(baby|bub|bubs|bb|he|she|it|little one)\b"
    + _
    + r"{0,12}\b(has ?n'?t|hasnt|has not|is ?n'?t|"
    r"isnt|is not|not|stopped|no longer|hardly|barely|not really|didn'?t|didnt|did not)\b"
    + _
    + r"{0,10}\b(kick\w*|mov\w*|wriggl\w*|active)\b|"
    r"\b(have ?n'?t|havent|have not|didn'?t|didnt|did not|can'?t|cant|cannot|not|haven'?t been "
    r"able to) (really |properly )?(felt|feel|feeling)\b" + _ + r"{0,20}\b(kick\w*|mov\w*|wriggl\w*"
    r"|movements?)\b|"
    r"\b(can'?t|cannot|don'?t|do not) (remember|recall) (when|the last time)\b" + _ + r"{0,25}"
    r"\b(kick\w*|mov\w*)|"
    r"\b(no|fewer|less|reduced|decreased|hardly any|barely any|not many|not as many|not much)\b "
    r"((?!bowel|bowl)\w+ )?(kicks|kicking|movements?|moving|movement)\b|"
    r"\b(kicks|movements?|kicking)\b (have |has )?(stopped|slowed( down)?|reduced|decreased|gone "
    r"quiet|less)\b|\b(moving|kicking) (a lot |much |far )?less\b|\b(very |really |so )?quiet "
    r"today\b(?=" + _ + r"{0,30}\b(kick|mov))|"
    r"胎动" + _ + r"{0,8}(?<!多)(少|弱|减少)(了|很多|好多|一些|不少)?(?!次)|"
    r"胎动(明显)?(减少|变少|少了|很少|少|没了|消失|停了|不明显|弱了|没有了)|"
    r"(没|没有|感觉不到|感觉不出|摸不到|不到)(什么|啥|一点)?胎动|"
    r"(宝宝|孩子|胎儿|娃)(在肚子里)?(一直|一整天|一天|半天|好久|今天)?(都)?(不动|没动|不怎么动|没怎么动|"
    r"动得(很)?少|很少动|没(有)?动静|安静得)",
    _I,
)

_WATERS = re.compile(
    # "water leaking down my legs", "fluid keeps trickling out", "my waters went"
    r"\b(water|waters|fluid|liquid|clear (fluid|liquid|water))\b"
    + _
    + r"{0,12}\b(leak\w*|trickl\w*|"
    r"gush\w*|pour\w*|drip\w*|running|coming out|flowing|dribbl\w*|soak\w*)\b" + _ + r"{0,20}\b("
    r"legs?|thighs?|down there|from (my|her) (vagina|vag)|underwear|pants|knickers|bed|pad|"
    r"floor|out(?! of (the|a|my) (tap|pipe|radiator|ceiling|wall|bottle|machine|fridge|"
    r"aircon|kettle)))\b|\bamniotic fluid\b|"
    r"\b(leak\w*|trickl\w*|gush\w*|pour\w*|dripp\w*) (of )?(clear )?(water|fluid|liquid)\b|"
    r"\b(my|her|the) waters? (has |have |just |already )?(broke|broken|burst|gone|went|popped)\b|"
    r"\b(wet (myself|the bed|my pants)|soaked (my|through))\b" + _ + r"{0,30}\b(not|isn'?t|wasn'?t)"
    r" (pee|urine|wee|wee-wee)\b|"
    r"羊水(破了|破|流|漏|出来|一直流)|破水|(下面|下体|阴道|裤子)"
    + _
    + r"{0,4}(一直|不停|突然|哗|总是)?"
    r"(流|漏|出|冒)(了)?(清水|水|液体|透明的?水)|流(清水|透明液体)|"
    r"(裤子|内裤|床单|床)" + _ + r"{0,6}湿(了|透)|(一直|不停|止不住)(地)?(流|漏|淌)(水|液体)",
    _I,
)
# Bleeding and pain said of this pregnancy now (not "bleeding money", not a blood test)
_BLEED = re.compile(
    r"\b(bleed\w*(?! money)|blood(?! (test|tests|pressure|group|type|sugar|work|results?|count|"
    r"donation|bank))|spotting)\b|见红|流血|出血",
    _I,
)
_SPOT_ONLY = re.compile(r"\b(spotting|bit of spotting)\b", _I)
_PAIN = re.compile(
    r"\b(pain|cramp\w*|ache|hurts?|hurting|contraction\w*)\b|疼|痛",
    _I,
)
_SEVERE_PAIN = re.compile(
    r"\b(pain|cramp\w*|ache|hurt\w*)\b" + _ + r"{0,25}\b(doesn'?t|doesnt|does not|won'?t|wont|"
    r"will not|not|never) (stop|go away|ease|let up)\b|\b(constant|severe|terrible|unbearable|"
    r"excruciating|really bad|very bad|worst|sharp|non-?stop|nonstop)\b" + _ + r"{0,15}\b(pain|"
    r"cramp\w*|ache)\b|\b(tummy|belly|stomach|abdomen)\b" + _ + r"{0,10}\b(hard as a rock|rock hard"
    r"|rigid)\b|(一直|持续|不停|止不住|剧烈|很|特别|非常)(地)?(疼|痛)|(疼|痛)(得)?(厉害|受不了|不停|"
    r"一直不停|停不下来)|肚子(硬|发硬)",
    _I,
)
_PREECLAMPSIA = re.compile(
    r"\b(headache|head ache|migraine)\b" + _ + r"{0,60}\b(blurr\w*|vision|seeing (spots|stars)|"
    r"flashing lights|swell\w*|swollen|puffy)\b|\b(blurr\w*|vision|seeing (spots|stars)|flashing "
    r"lights)\b" + _ + r"{0,60}\b(headache|head ache)\b|"
    r"头(痛|疼)" + _ + r"{0,20}(看不清|视物模糊|眼花|眼前(发黑|冒金星|有闪光)|水肿|浮肿|肿)|"
    r"(看不清|视物模糊|眼花|眼前冒金星)" + _ + r"{0,20}头(痛|疼)",
    _I,
)
_POSTPARTUM = re.compile(
    r"\b(gave birth|delivered|had (the|my|our|a) baby|postpartum|post-?natal|after (the )?"
    r"(birth|delivery|c-?section|caesarean))\b|产后|生完|坐月子|刚生|生了(宝宝|孩子)",
    _I,
)
_PPH = re.compile(
    r"\bsoak\w* (through )?(a |my |her |the )?(pad|pads|maternity pads?)\b" + _ + r"{0,25}\b("
    r"hour|hourly|minutes|mins)\b|\b(large|big|huge|massive) (blood )?clots\b|\bclots (the size of|"
    r"as big as|bigger than)\b|(血块|血团)(很大|特别大|好大|像)|(一个小时|每小时)"
    + _
    + r"{0,6}(湿透|换)",
    _I,
)

# -- a baby under three months with a fever ------------------------------------------------
_NUM_WORDS = {
    "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10,
}  # fmt: skip
_AGE_EN = re.compile(
    r"\b(\d{1,2}|one|a|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[ -]?(days?|d|"
    r"weeks?|wks?|w|months?|mo|mths?)[ -]?(old|ol)\b",
    _I,
)
_AGE_ZH = re.compile(
    r"(?:出生|生下来|刚生|才|刚|满|宝宝|孩子|婴儿)(?:才|刚)?(\d{1,2}|[一两二三四五六七八九十]{1,2})(?:多)?"
    r"(天|周|个星期|星期|个(?:多)?月)|(\d{1,2}|[一两二三四五六七八九十]{1,2})(?:多)?(天|周|个星期|个(?:多)?月)"
    r"(?:大)?的?(?:宝宝|婴儿|孩子|小孩|娃|新生儿|女儿|儿子|bb)",
    _I,
)
_BELLY = re.compile(
    r"\b(tummy|belly|stomach|abdom\w*|bump|womb|uterus|pelvi\w*)\b|肚子|腹|子宫", _I
)
_NEWBORN = re.compile(
    r"\b(new ?born|neonate|just born)\b|新生儿|刚出生|没满月|未满月|还没满月|刚满月|满月", _I
)
_FEVER_WORD = re.compile(
    r"\b(fever\w*|febrile|temperature|temp|hot to (the )?touch|burning up|(feels?|is|so|very|"
    r"really) hot)\b|发烧|发热|高烧|低烧|体温|烧到",
    _I,
)
_READING = re.compile(
    r"(?<![\d.])(3[5-9]|4[0-2]|9[5-9]|10[0-9])(?:[.,](\d))?(?![\d])(?!\s*(days?|weeks?|wks?|months?|years?|kg|g|lbs?|ml|mins?|minutes|天|周|个|岁|斤|克|分))\s*(?:°|º|degrees?|deg|c\b|f\b|度(\d)?)?",
    _I,
)


_FEVER_SAID = re.compile(
    r"\b(has|had|have|got|running|with|developed) (a |an )?(high )?fever\b|\bfeverish\b|"
    r"\bburning up\b|发烧了|发高烧|发热了|高烧",
    _I,
)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in _NUM_WORDS:
        return _NUM_WORDS[word]
    if len(word) == 2 and word[0] == "十":
        return 10 + _NUM_WORDS.get(word[1], 0)
    return None


def _under_three_months(text: str) -> bool:
    if _NEWBORN.search(text):
        return True
    for m in _AGE_EN.finditer(text):
        n, unit = _number(m.group(1).lower()), m.group(2).lower()
        if n is not None and (
            (unit.startswith("d") and n <= 90)
            or (unit.startswith("w") and n <= 12)
            or (unit.startswith("m") and n <= 2)
        ):
            return True
    for m in _AGE_ZH.finditer(text):
        n = _number(m.group(1) or m.group(3))
        unit = m.group(2) or m.group(4)
        if n is None:
            continue
        if (unit == "天" and n <= 90) or (("周" in unit or "星期" in unit) and n <= 12):
            return True
        if "月" in unit and n <= 2:
            return True
    return False


def _febrile(text: str) -> bool:
    """A temperature of 38 °C (100.4 °F) or more read from the message, or a fever said to be
    there with no reading below 38."""
    readings = []
    for m in _READING.finditer(text):
        whole, tenth = int(m.group(1)), m.group(2) or m.group(3) or "0"
        readings.append(whole + int(tenth) / 10)
    if readings:
        return any((38.0 <= r <= 42.5) or r >= 100.4 for r in readings)
    return bool(_FEVER_SAID.search(text))


def _baby_fever(text: str) -> bool:
    return bool(_FEVER_WORD.search(text)) and _under_three_months(text) and _febrile(text)


def _weeks(text: str) -> list[int]:
    return [int(m.group(1) or m.group(2)) for m in _WEEKS.finditer(text)]


def _fewer_movements(text: str) -> bool:
    if not _FEWER_MOVES.search(text) or (_AHEAD.search(text) and not _NOW.search(text)):
        return False
    weeks = _weeks(text)
    pregnant = bool(_PREGNANT.search(text)) or bool(re.search(r"kick|胎动", text, _I))
    if not pregnant:
        return False
    if weeks and max(weeks) < 24:
        return False  # movements may not be felt yet (or not every day) before about 24 weeks
    return not (_YET.search(text) and not weeks)


def maternal_emergency(text: str) -> bool:
    """Is ``text`` (one normalised view, its not-now spans blanked) a pregnancy or newborn
    emergency told now?"""
    if _IF.search(text) and not _NOW.search(text):
        return False  # a danger put as a condition, with no time of its own
    if _baby_fever(text) or _fewer_movements(text):
        return True
    pregnant = bool(_PREGNANT.search(text))
    if pregnant and _WATERS.search(text):
        return True
    if pregnant and _BLEED.search(text):
        spotting = _SPOT_ONLY.search(text) and not _SEVERE_PAIN.search(text)
        weeks = _weeks(text)
        late = not weeks or max(weeks) >= 20
        if _PAIN.search(text) and not spotting:
            return True
        if late and not spotting and not re.search(r"见红", text):
            return True
    if pregnant and _SEVERE_PAIN.search(text) and _BELLY.search(text):
        return True
    # pre-eclampsia or heavy bleeding after the birth
    after = pregnant or _POSTPARTUM.search(text)
    return bool(after and (_PREECLAMPSIA.search(text) or _PPH.search(text)))


# An everyday question about a baby's poo, spit-up or skin, with no danger sign beside it: "my
# baby's poo is green, is he sick?", "宝宝吐奶了 正常吗". The learned head reads "baby" and
# "sick" as an emergency (the tester got "Call 995 now"); it is a question for a clinician (the
# diagnosis reply). Blood, black or white stools, a fever, vomiting, floppiness or breathing keep
# the head's verdict.
_EVERYDAY_SIGN = re.compile(
    r"\b(poo|poos|poop|poops|pooh|stools?|nappy|nappies|diapers?|spit(s|ting)? up|spit-?up|"
    r"possett?\w*|hiccups?|sneez\w*|burp\w*|wind|farts?|cradle cap|dry skin|baby acne|milk spots|"
    r"drool\w*|snor\w*)\b|大便|便便|粑粑|拉屎|屎|吐奶|溢奶|打嗝|放屁|奶癣|胎脂|口水",
    _I,
)
_HARMLESS_SIGN = re.compile(r"\b(hiccups?|hiccough\w*|hiccup(ing|s)|sneez\w*)\b|打嗝|打喷嚏", _I)
_EVERYDAY_ASK = re.compile(
    r"\b(is|could|might|does|do)\b (he|she|it|this|that|baby|my baby|the baby|bub)\b (\w+ )?"
    r"(be |mean )?"
    r"(sick|ill|unwell|poorly|normal|ok|okay|alright|fine|serious|bad|a problem)\b|\bnormal\?|"
    r"正常吗|正常不|是不是(生)?病|生病了吗|病了吗|有问题吗|要紧吗|没事吧",
    _I,
)
_EVERYDAY_DANGER = re.compile(
    r"\b(blood|bloody|black|white|chalky|grey|gray|fever\w*|temperature|vomit\w*|projectile|"
    r"floppy|limp|blue|breath\w*|won'?t (wake|feed)|not (feeding|waking|breathing)|sleepy|"
    r"lethargic|dehydrat\w*|no wet|seiz\w*|fits?|swallow\w*|rash)\b|血|黑|白色|灰白|发烧|发热|"
    r"喷射|呕吐|软|叫不醒|不吃奶|呼吸|抽|吞",
    _I,
)


def everyday_baby_question(text: str) -> bool:
    """Is ``text`` an everyday question about a baby's poo, spit-up or skin, with no danger
    sign named? The learned head's verdict is not read for it
    (`kefu.guard.emergency_head.flags_message`)."""
    if _EVERYDAY_DANGER.search(text):
        return False
    # Hiccups and sneezes are never a danger by themselves, asked about or not: "my baby's
    # hiccups won't stop", "宝宝打嗝停不下来" (the head read "won't stop" as one)
    return bool(
        _HARMLESS_SIGN.search(text) or (_EVERYDAY_SIGN.search(text) and _EVERYDAY_ASK.search(text))
    )
