"""A report that one of the business's own staff (a carer, a trainer, a driver, a technician,
an agent…) stole from, abused, harassed or touched the customer or someone close to them
(English and Chinese): a serious complaint and often a safeguarding concern, not a question.

Black-box testers (2026-12-01) found such reports answered with whatever FAQ was nearest and
no person: "I think the carer has been taking money from mum's purse" got a home-care
business's council-funding answer opening "Possibly.", "the carer asked my dad to lend her
£200, is that allowed?" the same, "居服員好像拿了我媽的金項鍊" the medical-emergency script, a
trainer's unwanted touching the defibrillator paragraph.

Two things together make one, in one sentence: a member of staff named as a particular person
("the carer", "mum's carer", "my PT", "her driver", "居服员", "教练") and what they did, said as
done or going on ("has been taking money", "asked dad to lend her £200", "shouted at mum",
"touched me", "拿了我妈的金项链", "一直摸我"); or what was done to the family, said with the staff
member as the one who did it ("£50 went missing after her visits", "mum was pushed by the
carer"). A policy question stays ordinary, since the knowledge answers it: "can a carer
accept a small gift at Christmas?", "how are your carers vetted?", "what happens if a carer
steals?", "居服员可以收红包吗"; so does praise or a late arrival ("my trainer really pushed me",
"the driver was 10 minutes late"). Violence going on now is an emergency, read before this
(`kefu.guard.emergency_person`); this is what follows it up.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

# Staff of a business that comes into homes, trains, drives or serves.
_STAFF_EN = (
    r"(carers?|care ?givers?|care workers?|support workers?|home helps?|helpers?|aides?|nurses?|"
    r"cleaners?|housekeepers?|nann(y|ies)|au pairs?|personal trainers?|trainers?|pts?|coach(es)?|"
    r"instructors?|drivers?|chauffeurs?|couriers?|delivery (man|guy|driver|person)|technicians?|"
    r"engineers?|installers?|fitters?|plumbers?|electricians?|handyman|agents?|"
    r"staff( members?)?|members? of staff|employees?|workers?|therapists?|masseu(r|se)s?|"
    r"receptionists?|teachers?|tutors?|guides?|tour guides?|moderators?|estate agents?)"
)
# A particular one: "the carer", "mum's carer", "one of your trainers", "her new PT". Not "a
# carer" or "carers", which ask about staff in general.
_WHICH_EN = (
    r"\b(the|my|our|mum'?s|mom'?s|mother'?s|dad'?s|father'?s|nan'?s|gran'?s|grandma'?s|"
    r"grandad'?s|grandpa'?s|wife'?s|husband'?s|son'?s|daughter'?s|his|her|their|your|this|that|"
    r"one of (the|your|our|my|mum'?s|dad'?s|her|his) )\s*((new|regular|usual|night|day|"
    r"morning|evening|weekend|male|female|main|agency|last|latest) )?" + _STAFF_EN + r"\b"
)
# Someone close to the customer, or the customer: what the act is done to.
_OBJ_EN = (
    r"(me|us|her|him|them|mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa|"
    r"my (\w+ )?(mum|mom|mother|dad|father|wife|husband|son|daughter|child|kid|nan|gran|granny|"
    r"grandma|grandad|grandpa|aunt|uncle|sister|brother|partner)|the (client|patient|resident))"
)
_THEIRS_EN = (
    r"(mum|mom|mother|dad|father|nan|gran|granny|grandma|grandad|grandpa|her|his|their|my "
    r"(\w+ )?(mum|mom|mother|dad|father|nan|gran|grandma|grandad|grandpa))('?s)?"
)
_ACT_EN = (
    # theft and money
    r"(steal(s|ing)?|stole|stolen|robb(ed|ing))\b|"
    r"(tak(e|es|ing|en)|took|nick(ed|ing)|pocket(ed|ing)|pinch(ed|ing)|help(ed|ing) (him|her|"
    r"them)sel(f|ves) to|spen(t|ding)|withdr(ew|awing|awn))\b" + _ + r"{0,40}\b(money|cash|"
    r"purse|wallet|jewell?e?ry|rings?|necklace|bracelet|watch|(bank |debit |credit )?cards?|"
    r"pin|savings|pension|valuables|£\s?\d|\$\s?\d)|"
    r"(us(e|es|ed|ing)|ha(s|ve|d)( got)?|kept|keeping) " + _THEIRS_EN + r" (bank |debit |credit )?"
    r"(cards?|pin|account|savings|pension|cheque ?book)|"
    r"(asked|asking|asks|wanted|begged|pressured|persuaded|got) (\w+ ){0,3}(to )?(lend|loan|"
    r"borrow|give (her|him|them) (money|cash|£|\$|\d)|transfer|sign|change (his|her) will|put "
    r"(her|him) in)\b|"
    r"borrow(ed|ing) (money|cash|£|\$|\d)|ask(ed|ing|s) (\w+ ){0,2}for (a loan|money|cash|£|\$)|"
    # abuse and neglect, done to someone
    r"(hit|hits|hitting|slapp(ed|ing)|punch(ed|ing)|pinch(ed|ing)|shook|shak(ing|en)|"
    r"grabb(ed|ing)|manhandl(ed|ing)|restrain(ed|ing)|tied( up)?|locked|bull(ied|ying)|"
    r"threaten(ed|ing)|humiliat(ed|ing)|mistreat(ed|ing)|abus(ed|ing)|neglect(ed|ing)|"
    r"(shout|yell|scream)(ed|ing|s)? at|sw(ore|earing) at|rough(ly)? handl(ed|ing)) "
    + _OBJ_EN
    + r"\b|"
    # "he really pushed me" is praise at a gym: pushed over, down or away is not
    r"(kick(ed|ing)|push(ed|ing)|shov(ed|ing)) (" + _OBJ_EN + r"\b(?<!\bme) |me (over|down|away|"
    r"against|into|off|out of|to the (floor|ground))\b)|"
    r"called " + _OBJ_EN + r" (stupid|names|useless|an? (idiot|\w+ (cow|bitch|pig)))|"
    r"left " + _OBJ_EN + r" (alone|lying|sitting|soaked|wet|dirty|on the floor|without (food|"
    r"water|help|her|his))|"
    # touching and harassment
    r"(touch(ed|ing|es)?|kiss(ed|ing)|rubb(ed|ing)|strok(ed|ing)|feel(ing)? up|felt up) "
    r"(" + _OBJ_EN + r"|my (leg|thigh|breast|chest|bum|butt|bottom|body|waist|hips?))\b|"
    r"(grop(ed|ing|es)|fondl(ed|ing)|molest(ed|ing)|harass(ed|ing|es)|stalk(ed|ing)|"
    r"follow(ed|ing) (me|her|him) home|film(ed|ing) (me|her|him|us|women|girls)|"
    r"took (photos|pictures|pics|videos?) of (me|her|him|us)|"
    r"(sent|sends|sending) (me|her|him) (nudes|explicit|sexual|dirty|naked|dick)|"
    r"(made|makes|making) (sexual|inappropriate|dirty|lewd|creepy) (comments|remarks|jokes|"
    r"advances)|(keeps|kept) (asking|texting|messaging|calling) (me|her|him)( out)?|"
    r"asked (me|her|him) out|exposed (him|her)sel(f|ves))\b|"
    r"\b(sexual|inappropriate(ly)?|creepy|lewd)\b"
)
_DID_EN = re.compile(
    _WHICH_EN + r"(\s+\w+){0,2}?" + _ + r"{0,25}?\b(" + _ACT_EN + r")",
    re.IGNORECASE,
)
# What was done to the family, with the staff member named as the one who did it: "£50 went
# missing twice after her visits", "mum was pushed by the carer".
_DONE_EN = re.compile(
    r"\b(went|go|goes|gone|going|has gone|have gone|is|are|keeps? going) missing\b"
    + _
    + r"{0,40}\b(after|when|while|since)\b"
    + _
    + r"{0,30}\b(visits?|shifts?|(the|my|our|mum'?s|dad'?s|her|his) "
    + _STAFF_EN
    + r")\b|"
    r"\b(was|were|got|been|being)\s+(hit|slapped|pushed|shoved|punched|kicked|pinched|grabbed|"
    r"touched|groped|robbed|threatened|abused|shouted at|sworn at|harassed|molested|assaulted|"
    r"neglected|locked in)\b"
    + _
    + r"{0,20}\bby\s+"
    + _WHICH_EN
    + r"|\bsuspect\b"
    + _
    + r"{0,30}"
    + _WHICH_EN
    + r"|\b(theft|stealing|abuse|harassment|assault)\b"
    + _
    + r"{0,5}\bby\s+"
    + _WHICH_EN,
    re.IGNORECASE,
)
# A question about what staff may do or what happens if: the knowledge answers it.
_IF_EN = re.compile(
    r"\b(if|what if|in case|suppose|whether|what happens|what do you do|what should i do if|"
    r"are (carers|staff|trainers|drivers) allowed)\b",
    re.IGNORECASE,
)
# Right before the staff member, a question about what they may do: "can the carer use mum's
# card to do her shopping?" (not "did the carer take…", which asks about something done).
_MAY_EN = re.compile(r"\b(can|could|may|should|must|will|would|does|do|is|are)\s+$", re.IGNORECASE)

_STAFF_ZH = (
    r"(居服员|居服|照服员|照顾服务员|看护|外籍看护|护工|护理员|护理人员|保姆|家政(阿姨|员)?|钟点工|"
    r"月嫂|育儿嫂|私教|教练|健身教练|司机|师傅|快递员|快递小哥|骑手|外卖员|配送员|维修(师傅|工|员)|"
    r"安装(师傅|工|员)|技师|技术员|工作人员|员工|职员|店员|服务员|按摩师|理疗师|治疗师|护士|"
    r"导游|领队|中介|经纪人|管家|老师|督导员?|社工)"
)
_ACT_ZH = (
    r"(偷|偷偷)?(拿|拿走|拿了|偷|偷了|偷走|顺走|顺手拿|盗|盗刷|盗领|刷了|领了|领走|提了|提走|"
    r"私吞|挪用|侵占|占用)"
    + _
    + r"{0,10}(钱|现金|首饰|项链|戒指|手镯|手链|金|手表|钱包|皮夹|存折|提款卡|金融卡|银行卡|"
    r"信用卡|卡|密码|东西|财物|贵重|药|包裹|快递|货|行李)|"
    r"(用|拿)" + _ + r"{0,6}(提款卡|金融卡|银行卡|信用卡|存折)" + _ + r"{0,8}(领|提|取|刷|转)|"
    r"(跟|向|找)" + _ + r"{0,6}(借|要)(了)?" + _ + r"{0,4}(钱|\d|万|千|百|红包)|"
    r"(打|打了|揍|踢|掐|捏|推|推倒|推了|扇|甩|拉扯|骂|骂了|吼|凶|辱骂|羞辱|威胁|恐吓|虐待|欺负|绑|"
    r"锁)(了)?(我|我妈|我爸|我妈妈|我爸爸|我奶奶|我爷爷|阿公|阿嬷|阿妈|阿嬤|外婆|外公|奶奶|爷爷|"
    r"老人|长辈|长者|孩子|小孩|她|他)|骂(人|她|他|很难听|三字经)|虐待|疏忽照顾|"
    r"(一直|老是|总是|故意|偷偷|趁机|借机|又)?(摸|碰|蹭|亲|搂|抱)(我|她|他|我的|她的|他的)|"
    r"(乱摸|性骚扰|骚扰|猥亵|非礼|偷拍|偷看|咸猪手|动手动脚|毛手毛脚|发(裸照|黄色|色情)|"
    r"言语骚扰|开黄腔|约我出去)"
)
_DID_ZH = re.compile(
    _STAFF_ZH + _ + r"{0,12}?(" + _ACT_ZH + r")",
)
# "我妈的钱在居服员来过之后不见了", "居服员来过后项链就不见了"
_DONE_ZH = re.compile(
    _STAFF_ZH + _ + r"{0,12}(来过|来了以后|走后|走了以后|离开后|之后|以后|后)" + _ + r"{0,16}"
    r"(不见了|少了|没了|遗失|找不到)|(被)" + _STAFF_ZH + r"(打|推|骂|偷|摸|骚扰|猥亵|虐待|拿)"
)
# Someone the act was done to: the customer or family ("司机骚扰乘客会被怎么处理" asks about
# passengers in general).
_PERSONAL_ZH = re.compile(
    r"我|阿公|阿嬷|阿妈|奶奶|爷爷|外婆|外公|老人家|长辈|家母|家父|孩子|女儿|儿子|老婆|老公"
)
# A policy question ("居服员可以收红包吗", "如果司机骂人怎么办"): the knowledge answers it.
_IF_ZH = re.compile(
    r"如果|万一|假如|要是|若是|可以|可不可以|能不能|能否|允许|准不准|会不会|是否会|规定|怎么处理|"
    r"会怎么"
)


def reports_misconduct(texts: list[str]) -> bool:
    """Does a message report the business's staff stealing from, abusing, harassing or touching
    the customer or someone close to them (``texts``: `kefu.guard.views`)?"""
    for text in texts:
        for found in _DID_EN.finditer(text):
            before = text[: found.start()]
            if not _IF_EN.search(before) and not _MAY_EN.search(before):
                return True
        if _DONE_EN.search(text) or _DONE_ZH.search(text):
            return True
        if not _PERSONAL_ZH.search(text):
            continue
        for found in _DID_ZH.finditer(text):
            # "居服员偷东西的话怎么办" is a question; "居服员拿了钱 这样可以吗" still a report
            if not _IF_ZH.search(found.group(0)) and not _IF_ZH.search(text[: found.start()]):
                return True
    return False


# Bodily harm among the acts: told as going on now ("居服員現在正在罵我媽還推她"), it is a
# matter for the police first (`kefu.guard.safety.assess`).
_PHYSICAL = re.compile(
    r"\b(hit|hitting|slap\w*|punch\w*|kick\w*|push\w*|shov\w*|grab\w*|shak\w*|shook|pinch\w*|"
    r"chok\w*|strangl\w*|beat\w*|restrain\w*|tied|lock\w*|touch\w*|grop\w*|fondl\w*|molest\w*|"
    r"assault\w*|rap(e|ed|ing))\b|打|揍|踢|掐|推|扇|拉扯|绑|锁|摸|猥亵|非礼|性侵",
    re.IGNORECASE,
)


def physical(texts: list[str]) -> bool:
    """Does one of ``texts`` name bodily harm or touching?"""
    return any(_PHYSICAL.search(t) for t in texts)
