"""Another person endangering the customer (or a child) now: a matter for the police.

A ride-hailing business's tester (2026-12-01) found 20 of 46 in-car emergencies answered "not
sure" or with the complaint FAQ and no person: held in a car ("司机不让我下车", "the driver won't
let me out", "I think I'm being kidnapped"), touched or harassed in it ("司机一直摸我腿 现在还在
车上", "driver touching me, please help"), hit, robbed or followed ("被司机打了 鼻子出血", "the
driver is following me after I got off"), a child locked or carried off in a car ("我把孩子忘在
车上了 车已经开走了"), a drunk or reckless driver with the customer inside, and a bare cry for
help ("救命", "help me please"). The same dangers arise in a hotel room, on a date, at work or
at home ("my ex is outside my door and won't leave", "有人一直跟着我", "他把我锁在房间里").

Each pattern names a person acting on the customer (or a child) and a present form: "still",
"now", "won't stop", "还在", "一直", "不让". The past is a complaint, not an emergency ("a driver
was rude to me last week", "上次司机绕路", "I want to report a driver who touched me
yesterday": handed off as a complaint, docs/safety.md), and so is a hypothetical ("如果司机不让
我下车怎么办"). Ordinary words that look alike stay ordinary: "locked out of my account", "被锁
卡了", "跟着我的订单", "help me please with my invoice", "救命 这个价格也太离谱了吧".
Threats against the customer with no weapon in sight ("the collector said he'll break my
legs", "说他知道我孩子在哪上学") are `kefu.guard.emergency_threatened`'s, read here too.
`kefu.dialogue.abroad.need` reads the same family as one for the police first.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard._regex import Alternation
from kefu.guard.emergency_escalating import escalating
from kefu.guard.emergency_missing import MISSING
from kefu.guard.emergency_threatened import threatened

# Who may endanger the customer: a driver, a stranger, a partner, a colleague, "he".
_WHO_EN = (
    r"(the |my |a |this |that |some )?(driver|cabbie|cab driver|taxi driver|uber|grab driver|"
    r"chauffeur|man|guy|woman|stranger|passenger|person|someone|somebody|he|she|they|ex|"
    r"ex-?(boyfriend|girlfriend|husband|wife|partner)|boyfriend|girlfriend|husband|wife|partner|"
    r"boss|manager|colleague|coworker|co-worker|landlord|neighbou?r|date|host|guest|customer|"
    r"client|security guard|guard|staff member|waiter|bartender|uncle|teacher|coach|"
    # a lender's customers: the collector at the door (a lending tester, 2026-12-01)
    r"(debt )?collectors?|loan ?sharks?|bailiffs?|(debt )?enforcers?|repo (man|guy)|"
    r"heavies|thugs?)"
)
_WHO_ZH = (
    r"(有个|有一个|一个|那个|这个)?(司机|师傅|网约车司机|出租车司机|的哥|他|她|他们|有人|有个人|一个男的|一个女的|男的|女的|"
    r"陌生人|那个人|那人|乘客|前男友|前女友|前夫|前妻|男朋友|女朋友|老公|老婆|丈夫|妻子|老板|"
    r"上司|领导|经理|同事|房东|邻居|保安|店员|服务员|客人|顾客|对方|大叔|男子|男人|叔叔|"
    r"催收(的人|员|的)?|讨债的|要债的|债主|放(高利)?贷的|高利贷的?|打手)"
)
# The customer or someone close to them, as the object of what is done.
_US = (
    r"(me|us|my (kids?|child|children|son|daughter|baby|wife|husband|partner|girlfriend|"
    r"boyfriend|mum|mom|mother|dad|father|sister|brother|friend|family))"
)
_CHILD_EN = r"(child|kid|baby|toddler|infant|son|daughter|little one|boy|girl|children|kids)"
_CHILD_ZH = r"(孩子|小孩|小孩子|宝宝|婴儿|儿子|女儿|小朋友|娃|闺女)"

_CONFINED = (
    # held: "the driver won't let me out", "他不让我下车", "唔俾我落车" (folded to 不给我落车)
    r"\b(won'?t|wont|will not|doesn'?t|does not|didn'?t|refuses? to|refusing to|isn'?t|is not) "
    r"(let(ting)?|allow(ing)?) " + _US + r" (out|go|leave|get out|off|out of)\b|"
    r"\b(locked|is locking|has locked|keeps? locking) " + _US + r" (in|inside|up)\b|"
    r"\b(i'?m|i am|we'?re|we are) (being )?(kidnapp?ed|abducted|held (against my will|hostage))|"
    r"\b(kidnapp?ing|abducting) " + _US + r"\b|\bagainst (my|our) will\b|"
    r"\b" + _WHO_EN + r"\b" + _ + r"{0,30}\b(locked|has locked|is locking) (all )?(the |my )?"
    r"(car |cab |room |front )?doors?\b|"
    r"\b" + _WHO_EN + r"\b" + _ + r"{0,20}\b(won'?t|wont|will not|refuses to|isn'?t going to|"
    r"doesn'?t|does not) (stop|pull over|slow down)\b(?!\s+\w+ing\b)(?! (working|charging|"
    r"loading|asking|calling|sending|texting|emailing|messaging|ringing|billing|crashing|buffering|spamming|"
    r"talking|complaining))|\b(won'?t|wont|will not|refuses to) (stop|pull over) the (car|cab|taxi|"
    r"vehicle|van|bus)\b|"
    r"\b(changed|changing|took|is taking|taking) (a |the )?(different |wrong |strange |weird )?"
    r"(route|road|way)\b" + _ + r"{0,60}\b(locked|won'?t stop|scared|no signal|kidnap\w*)|"
    r"(不|唔)(让|给|俾|准|许)我(们)?(下车|落车|走|离开|出去|出门|下去|回家)|"
    + _WHO_ZH
    + _
    + r"{0,4}(把|将)(我|我们|车门|门)(给)?(反)?锁(了|住|上|在)|"
    r"(锁|关)(在|住)?(我|我们)(在)?"
    r"(房间|屋|车|厕所|卫生间)(里|内)|(他|她|司机|师傅|有人|对方)"
    + _
    + r"{0,4}(把)?(车)?门锁(了|上|住)|"
    r"(被)?(绑架|劫持|拐走|拐卖)(了)?(我|我们)?|"
    r"(开到|开去|往|带到|拉到|开进)" + _ + r"{0,4}(郊区|小路|山里|山上|荒|偏僻|没人的地方|野外|"
    r"他家|陌生的地方)" + _ + r"{0,20}(不让|不停|不理|好怕|害怕|没信号|怎么办|救命)|"
    r"(说要|非要|硬要|要)带我去" + _ + r"{0,12}(不停|不要|不肯|不让|害怕|好怕)|"
    r"(我)?(让|叫|喊|求)(他|司机|师傅)"
    + _
    + r"{0,4}(停|停车|慢|放我)"
    + _
    + r"{0,8}(不听|不停|不理|"
    r"不肯|没停|也不|还不)|(他|司机|师傅)(也|还|就是|都)?(不停|不肯停|不停车)(?![地的给发打说问骂催找叫喊响])|"
    r"这不是我的路线" + _ + r"{0,10}停车|"
    # pinyin: "jiu ming a siji bu rang wo xia che"
    r"\bbu rang wo (xia ?che|zou|li ?kai|chu ?qu)\b"
)

_TOUCHED = (
    r"\b" + _WHO_EN + r"\b (who |that )?(just |has just |has )?(touched|groped|fondled|molested|"
    r"sexually assaulted|assaulted|followed|stalked|chased|grabbed) (me|my|us)\b|"
    r"\b" + _WHO_EN + r"\b (is |keeps |kept |has been |was |started |won'?t stop )?(touching|"
    r"groping|grabbing|fondling|feeling up|rubbing|molesting|kissing|harass\w*) (me|my|us)\b|"
    r"\b(touching|groping|grabbing|fondling|molesting) (me|my (leg|thigh|breast|chest|body|"
    r"butt|bum|ass))\b|\b(i'?m|i am|being|getting) (sexually )?(harassed|assaulted|groped|"
    r"molested|touched)\b(?! (by (email|phone|text|sms|calls?|messages?)|online))|"
    r"\b(keeps|is|won'?t stop) (asking|demanding) (for )?(my )?(number|phone number|to (kiss|touch|"
    r"sleep with|come (home|back) with) me)\b" + _ + r"{0,40}\b(stop|scared|still|won'?t|help)\b|"
    r"(一直|在|正在|还在|老是|不停(地)?|又)(摸|碰|蹭|抱|亲|搂)(我)|(摸|抓|蹭|碰)(我)(的)?(腿|大腿|胸|"
    r"屁股|身体|手|脸|腰|下面)|(被|遭)(人|他|司机|师傅)?(猥亵|非礼|性侵|强奸|咸猪手)|"
    r"(猥亵|非礼|性骚扰)(我)|"
    + _WHO_ZH
    + r"(在|正在|一直在|还在|一直|又在)骚扰我(?!"
    + _
    + r"{0,4}(电话|短信|信息|消息))"
    + _
    + r"{0,20}(车上|车里|房间|身边|旁边|门口|门外|还在|现在|"
    r"好怕|害怕|救命|怎么办)"
)

_HURT = (
    r"\b" + _WHO_EN + r"\b (just |has just |has |is |keeps |started )?(hit|punched|slapped|kicked|"
    r"attacked|assaulted|grabbed|choked|pushed|shoved|beat|robbed|mugged|threw \w+ at|spat on)"
    r" " + _US + r"\b|"
    r"\b(shouting|yelling|screaming|swearing) at (me|us)\b" + _ + r"{0,60}\b(punch\w*|hit\w*|"
    r"kick\w*|threw|throwing|still (inside|in)|won'?t (stop|let)|scared|terrified|locked)|"
    r"\b(i'?m|i am|we'?re|we are) being (robbed|mugged|attacked|followed|stalked|chased)\b|"
    r"\b(just )?(got|been) (robbed|mugged)\b|"
    r"\b" + _WHO_EN + r"\b (is |are |has been |keeps |kept |'s |is still |still )?(following|"
    r"stalking|chasing|tailing) " + _US + r"\b(?! (on|in) (insta\w*|twitter|x|tiktok|"
    r"facebook|social|the app|the game|youtube|twitch|weibo|douyin))|"
    r"\b" + _WHO_EN + r"\b (is |has been |'s |is still )?(outside|at|banging on|trying to (get|"
    r"break) (in|into)) (my|our|the) (door|house|flat|apartment|room|window|home)\b"
    + _
    + r"{0,40}\b(won'?t (leave|go)|refus\w* to leave|banging|trying to get in|threat\w*|"
    r"scared|terrified|afraid|help)|"
    r"(被)" + _WHO_ZH + r"(给)?(打|揍|踢|扇|掐|推)(了|伤|得)(?!" + _ + r"{0,3}(电话|差评|分|折|"
    r"一星|二星|针|卡|款|回))|"
    + _WHO_ZH
    + r"(打|揍|踢|扇)(了)?我(?!电话|的电话)"
    + _
    + r"{0,20}(流血|出血|受伤|肿|疼|抢|还在|现在|救命|好怕)|"
    r"(抢|抢走|夺走|抢了)(了)?我(的)?(手机|包|钱包|钱|项链|包包|东西)|(遇到|碰到)(了)?(抢劫|打劫)|"
    + _WHO_ZH
    + r"(一直|还在|正在|在|"
    r"老是|又)?(跟着|尾随|跟踪)(我|我们)(?!的)|"
    + _WHO_ZH
    + r"(在|守在|堵在|蹲在)?(我家|家|房间|宿舍)?(门口|门外|楼下)"
    + _
    + r"{0,8}(不走|不肯走|赖着|砸门|敲门|踹门|要进来|威胁)"
)

# A weapon in the hands of someone at the customer's place now: "催收的人在我家门口拿刀说不还钱就
# 砍我", "the debt collector is at my door with a knife". For the police first.
_WEAPON = r"(knife|knives|gun|pistol|machete|axe|(baseball )?bat|crowbar|hammer|acid|petrol)"
_ARMED = (
    r"\b"
    + _WHO_EN
    + r"\b"
    + _
    + r"{0,40}\b(with|holding|waving|pulled( out)?|pulling out|brandishing|"
    r"carrying|wielding) (a |an |his |her |their |some )?"
    + _WEAPON
    + r"\b|"
    + _WHO_ZH
    + _
    + r"{0,12}(拿|拿着|举着|提着|带着|带了|持|揣着|掏出|亮出)"
    + _
    + r"{0,4}(刀|菜刀|砍刀|刀子|匕首|枪|棍子|铁棍|棒球棍|钢管|斧头|硫酸|汽油)"
)

_CHILD = (
    r"\b" + _CHILD_EN + r"\b (is |was |are |got |has been |have been )?(still )?(locked|left|"
    r"trapped|stuck|shut) (alone )?(inside|in) (the |a |my |his |her |your |our )?(\w+ )?"
    r"(car|cab|taxi|vehicle|van|back ?seat)\b|"
    r"\b" + _CHILD_EN + r"\b (is |are )?still (in|inside) (the |a |his |her )?(\w+ )?(car|cab|"
    r"taxi|vehicle)\b" + _ + r"{0,40}\b(drove|driving|driven) (off|away)|"
    r"\b(drove|driving|driven) (off|away) with (my |our |the )?" + _CHILD_EN + r"\b|"
    r"(把|将)?" + _CHILD_ZH + r"(一个人)?(被)?(忘|留|落|锁|关|困)在(了)?(车|车上|车里|车内)"
    r"(?!"
    + _
    + r"{0,6}(怎么找|找回|失物))|"
    + _CHILD_ZH
    + r"(还)?在(车上|车里)"
    + _
    + r"{0,12}(开走|走了|不接|联系不上)|"
    # a child on a ride who cannot be reached while the trip has stopped somewhere
    r"(女儿|儿子|孩子|老婆|妻子|妈妈|我妈)(一个人)?(坐车|打车|在车上)"
    + _
    + r"{0,20}(电话打不通|联系不上|失联|不接电话)"
)

_DRIVING = (
    # a drunk, sleeping or reckless driver with the customer on board
    r"\b(driver|he|she)\b('s| is)? (drunk|wasted|high|falling asleep|asleep)\b"
    + _
    + r"{0,40}\b(still|swerving|i'?m in|i am in|we'?re in|driving|scared|help)|"
    r"\bdrunk driver\b" + _ + r"{0,30}\b(i'?m in|still|now)|"
    r"\bfell asleep (at|behind) the wheel\b" + _ + r"{0,40}\bstill driving|"
    r"\b(driving|going) (way |so |really |far )?(too )?(fast|crazy|recklessly|like a maniac)\b"
    + _
    + r"{0,40}\b(won'?t (slow|stop|listen)|scared|terrified|\d{3} ?(km|kph|mph))|"
    r"(司机|师傅|他)"
    + _
    + r"{0,4}(喝醉|喝多|喝了酒|喝酒了|醉驾|酒驾|醉了|打瞌睡|睡着了|疲劳驾驶)"
    + _
    + r"{0,20}(开得|开车|还在开|东倒西歪|我在|在车上|好怕|害怕)|东倒西歪|"
    r"(开得|开的)(好快|太快|飞快|很快|特别快|好猛|很猛)"
    + _
    + r"{0,20}(不听|不减速|不慢|不理|好怕|害怕|吓死|救命|\d{3}码)|"
    # left on a highway at night: "司机把我扔在高速应急车道上就开走了 天很黑"
    r"(扔|丢|赶|撂|甩)(在|到|下)" + _ + r"{0,6}(高速|应急车道|荒郊|野外|半路|山里|路边)|"
    r"(要|让|逼|赶)我下车" + _ + r"{0,10}(高速|半夜|荒郊|野外|天黑)|"
    r"\b(kicked|threw|dumped|left) (me|us) (out )?(on|at|by) the (highway|motorway|expressway|"
    r"freeway|side of the road)\b"
)

# A bare cry for help: the whole message, or with fear beside it. "救命 这个价格也太离谱了吧"
# and "help me please with my invoice" say what the help is for; "help" alone is how many
# customers open a chat, so it needs "me", "!" or a repeat.
_CRY = re.compile(
    r"^\W*((救命|救救我|救救我们|快救我|jiu ?ming|sos)(啊|呀|阿|哇|吧|a|ya)?\W*)+$|"
    r"^\W*((please |pls |plz |someone |somebody |anyone )?(help|hlep)( me| us)?( please| pls|"
    r"plz| now| someone| anyone| somebody)*\W*)+$",
)
_CRY_STRONG = re.compile(r"救|jiu|sos|\bme\b|\bus\b|!|someone|somebody|anyone|help\W+help")
_FEAR = (
    r"(救命|救救我|help me|sos)" + _ + r"{0,20}(好怕|害怕|我怕|怕死了|吓死|i'?m scared|so scared|"
    r"terrified|afraid)|(好怕|害怕|i'?m scared|terrified)" + _ + r"{0,20}(救命|救救我|help me)"
)

PERSON = Alternation(
    "|".join((_CONFINED, _TOUCHED, _HURT, _ARMED, _CHILD, _DRIVING, _FEAR)), re.IGNORECASE
)

# Said of the past or as a hypothetical: a complaint or a question, not a danger now, unless
# a present marker says it is still going on.
_PAST = re.compile(
    r"\b(yesterday|last (night|week|month|year|time|trip|ride)|(days?|weeks?|months?|years?) "
    r"ago|the other day|earlier this (week|month)|on my last|previous (trip|ride))\b|"
    r"昨天|前天|上次|上回|上周|上星期|上个月|去年|那次|那天|之前那|以前|几天前|"
    r"\b(want to|wanna|would like to|how (do|can) i|i'?d like to) (report|complain|file)\b|"
    r"(想|要|怎么)(投诉|举报)",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(now|still|right now|currently|at the moment|won'?t stop)\b|"
    r"现在|还在|正在|一直在|救命|快来|马上",
    re.IGNORECASE,
)
_IF = re.compile(
    r"\b(if|what if|in case|suppose|when a|should a|what happens if|what to do if)\b|"
    r"如果|万一|假如|要是|遇到|碰到|若",
    re.IGNORECASE,
)


def person_danger(text: str) -> bool:
    """Is ``text`` (one normalised view) about a person endangering the customer or a child now,
    or a bare cry for help?"""
    if _CRY.search(text) and _CRY_STRONG.search(text):
        return True
    # someone threatening the customer or their family (`kefu.guard.emergency_threatened`):
    # a threat said yesterday for tonight is no less for the police, so no past-tense test
    if threatened(text):
        return True
    # a vulnerable person missing now is the police's too (`kefu.guard.emergency_missing`)
    # someone turning aggressive while the customer is with them (`kefu.guard.emergency_escalating`)
    found = PERSON.search(text) or MISSING.search(text) or escalating(text)
    if found is None:
        return False
    if _NOW.search(text):
        return True
    if _PAST.search(text):
        return False  # "the driver who touched me yesterday": a complaint, handed off as one
    # "如果司机不让我下车怎么办": a question about what to do, answered from the knowledge
    return not _IF.search(text[: found.start()])


# Every danger but unwanted touching: held, hurt, armed, a child in a car, a dangerous driver,
# fear. A staff member's touching told as a habit ("my trainer keeps touching me") is reported
# misconduct (`kefu.guard.misconduct`); these stay emergencies however they are told.
_BESIDES_TOUCH = Alternation(
    "|".join((_CONFINED, _HURT, _ARMED, _CHILD, _DRIVING, _FEAR)), re.IGNORECASE
)


def danger_besides_touch(texts: list[str]) -> bool:
    """Does one of ``texts`` name a danger from a person other than unwanted touching, or cry
    for help?"""
    return any(
        _BESIDES_TOUCH.search(t) or (_CRY.search(t) and _CRY_STRONG.search(t)) for t in texts
    )


# Cantonese "still" and "now" that the folding to Mandarin leaves as written: "我仲喺車上".
_NOW_YUE = re.compile(r"仲喺|仲在|而家|依家|宜家")


def going_on(texts: list[str]) -> bool:
    """Does one of ``texts`` say that something is happening now ("right now", "still", "现在",
    "救命")?"""
    return any(_NOW.search(t) or _NOW_YUE.search(t) for t in texts)


def reported_harm(text: str) -> bool:
    """Is ``text`` a report of such harm in the past ("I want to report a driver who touched me
    yesterday")? A complaint for a person to follow up (`kefu.dialogue.intents`), no emergency."""
    found = PERSON.search(text)
    return found is not None and not _NOW.search(text) and bool(_PAST.search(text))
