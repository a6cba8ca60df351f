"""What counts as a medical emergency in a customer's message, English and Chinese.

Heart, stroke, breathing and consciousness, bleeding and injuries, overdose and poisoning,
severe allergy, seizure, suicide and self-harm, also when said indirectly (warning signs,
hedged amounts). High recall on purpose: a false alarm costs a handoff, a miss can cost a
life (docs/safety.md). `kefu.guard.safety.assess` runs this over every view of a message.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard._regex import Alternation
from kefu.guard.emergency_body import BODY as _BODY
from kefu.guard.emergency_bystander import bystander_crisis
from kefu.guard.emergency_context import not_now
from kefu.guard.emergency_home import home_danger
from kefu.guard.emergency_indirect import indirect_emergency
from kefu.guard.emergency_infant import harm_to_baby, infant_danger
from kefu.guard.emergency_malay import malay_emergency
from kefu.guard.emergency_maternal import maternal_emergency
from kefu.guard.emergency_person import person_danger
from kefu.guard.suicide_signs import INTENT_PATTERN

# Fire, smoke, explosions, gas leaks and people trapped: a danger to life now, though no one
# is hurt yet ("the car is on fire on the expressway"). Each needs the thing happening, not its
# word alone: "fire extinguisher", "the price is fire", "you're fired", "fire sale", "着火险"
# (fire insurance), "gas station", "gas bill", "冒烟测试" (a smoke test) and "原地爆炸" stay
# ordinary; the emergency number comes first for the rest (docs/safety.md).
_HAZARD = (
    r"\b(is|are|'s|was|were|got|now|just|has|have|been|went|it'?s|all|still|completely|totally)"
    r"\s+(\w+\s+)?(on fire|in flames|ablaze|alight)\b(?!\s*(sales?|deals?|prices?|discounts?|"
    r"offers?)\b)|\b(caught|catching|burst into|bursting into|went up in|going up in) (on )?"
    r"(fire|flames)\b|"
    r"\b(car|vehicle|engine|bonnet|hood|truck|van|bus|taxi|building|house|flat|apartment|room|"
    r"kitchen|office|hotel|garage|battery|charger|power ?bank|e-?bike|scooter|curtains?|bed|sofa|"
    r"dashboard|exhaust)\b" + _ + r"{0,30}\b(burning|smoking|smouldering|smoldering|on fire|"
    r"in flames)\b(?!\s*(hot|smell|sensation|feeling|sales?|deals?|prices?|discounts?|offers?)\b)|"
    r"\b(smoke|flames?)\b" + _ + r"{0,20}\b(coming|pouring|billowing|rising|everywhere|spreading|"
    r"filling|under the door|out of the|from the (engine|bonnet|hood|car|dashboard|exhaust|"
    r"battery|charger|kitchen|room|building|flat|apartment|house))\b|"
    # a fire said to be happening now, whatever the customer asks next ("there's a fire in my
    # flat right now, does home insurance cover it?"); "if there's a fire" and "a fire last
    # year" are not
    r"(?<!if )(?<!when )(?<!case )(?<!suppose )\bthere('?s| is) (a |an )?(big |huge |small )?"
    r"fire\b(?=" + _ + r"{0,40}\b(right now|now|at the moment|as we speak|spreading|"
    r"downstairs|upstairs|next door)\b)|"
    r"(?<!if there's )(?<!if there is )\b(a|the) fire\b(?! (damage|insurance|cover|claim|alarm|"
    r"door|exit|drill|extinguisher|safety|risk))"
    + _
    + r"{0,30}\b(right now|at the moment|as we speak)\b|"
    r"\b(a |the )?fire (has |just )?(broken|broke|started) out\b|"
    r"\b(thick|black|heavy|lots of|so much|full of|filled with|filling (up )?with) smoke\b|"
    r"\b(an|a loud|a big|a huge|the) (explosion|blast)\b|\b(battery|tank|gas|cylinder|boiler|"
    r"engine|car|charger|power ?bank|phone|heater|stove|pipe)s?\b" + _ + r"{0,20}\b(exploded|"
    r"blew up)\b|"
    r"\b(trapped|pinned)\b(?! (in|by|with) (a |the |this |my |our )?(contract|subscription|"
    r"plan|loop|job|cycle|relationship))|\blocked in (the|a|my) (hot )?car\b|"
    r"\b(smell(s|ing|ed)?|smelt|stink(s|ing)?|reek(s|ing)?)\b" + _ + r"{0,12}\bgas\b|"
    r"\bgas (smell|leak|odou?r|is leaking|leaking)|\bleak(ing|ed)? gas\b|rotten[- ]eggs?\b"
    + _
    + r"{0,20}\bsmell|\bsmell"
    + _
    + r"{0,12}rotten[- ]eggs?|\bhiss\w*\b"
    + _
    + r"{0,30}\bgas\b|"
    r"\bgas\b" + _ + r"{0,30}\bhiss|"
    r"\b(co|carbon monoxide|gas|smoke|fire) (alarm|detector)s?\b" + _ + r"{0,12}\b(going off|"
    r"went off|goes off|beeping|sounding|ringing|keeps (going|beeping))|"
    # Chinese: 着火险 is fire insurance, 冒烟测试 a smoke test, 嗓子冒烟 thirst
    r"(着火|起火|失火)(?!险|保险)|烧起来|(?<!嗓子)(?<!喉咙)冒(黑|白|浓)?烟(?!测试)|浓烟|黑烟|"
    r"烟(很|好|越来越|特别|太)大|全是烟|(满|一)(屋|屋子|车|楼道)(都是|全是)?烟|"
    r"火(窜|蔓延|烧到|越烧越)|(电池|充电宝|锅炉|煤气罐|气罐|燃气|热水器|发动机|油箱|手机|"
    r"电动车)" + _ + r"{0,4}(爆炸|炸了)|(发生|传来|听到)(了)?(一声|一阵)?(巨响|爆炸)|"
    r"被困|(困|卡|夹|关|锁)在" + _ + r"{0,6}(里|内|中)" + _ + r"{0,4}出不来|"
    r"(煤气|燃气|天然气|液化气)" + _ + r"{0,4}(味|泄漏|泄露|漏了|漏气)|漏(煤|燃|天然|液化)?气|"
    r"臭鸡蛋味|(燃气|煤气|一氧化碳|烟雾|烟感)报警器" + _ + r"{0,4}(一直)?(响|叫|报警)|"
    # Electrical: sparks or burning from a socket, a wire or a meter, a live wire, a shock.
    # "spark plug", "sparkling water" and "no spark between us" stay ordinary.
    r"\bspark(s|ing|ed)?\b(?! plugs?)" + _ + r"{0,30}\b(socket|plug|outlet|switch|wire|wiring|"
    r"cable|meter|fuse ?box|fuse board|consumer unit|appliance|charger|lead|extension)s?\b|"
    r"\b(socket|plug|outlet|switch|wire|wiring|cable|meter|fuse ?box|consumer unit|charger|"
    r"extension)s?\b" + _ + r"{0,20}\b(sparking|sparked|spitting sparks|melting|melted|"
    r"buzzing and (hot|smoking)|burning hot)\b|\blive (electric(al)? )?wires?\b|"
    r"\b(exposed|bare|fallen|down(ed)?) (power |electric(al)? )?(wire|cable|line)s?\b|"
    r"\b(got|getting|been|was|were|just) (an? )?(electric(al)? shock|electrocuted)|electrocut|"
    r"(插座|插头|电线|电表|电闸|开关|配电箱|充电器)"
    + _
    + r"{0,6}(冒火花|打火|冒火|烧焦|烧化|融化|起火)|"
    r"\b(water|flood\w*|leak\w*)\b" + _ + r"{0,40}\b(socket|plug|outlet|fuse ?box|fuse board|"
    r"consumer unit|electrics|wiring|meter)s?\b" + _ + r"{0,30}\b(spark\w*|smok\w*|buzz\w*|"
    r"live)\b|"
    r"(水|雨水)"
    + _
    + r"{0,4}(漫|灌|流|渗|淹|进)(进|到|了)?"
    + _
    + r"{0,2}(电箱|配电箱|电表箱|电闸|插座)|"
    r"(电箱|配电箱|电表箱|插座)" + _ + r"{0,2}(进水|泡水|被淹)|"
    r"(冒|打)火花|(?<![碰接像如])触电(?!焊|般|一样|似的|的感觉)|电线(掉|断)(在|了)|"
    # A fire where the customer is (an airline's tester: "there's a fire in the terminal near
    # gate 20" got "I'm not sure"); not "if there's a fire", "a fire drill in the office" or
    # "what to do in case of fire in the cabin".
    r"(?<!if )(?<!when )(?<!case )(?<!suppose )\bthere('?s| is) (a |an )?(big |huge |small )?"
    r"fire\b(?! (drill|alarm|exit|door|sale|extinguisher|safety|risk|hazard|insurance|"
    r"blanket|escape|evacuation|station|department|service|code|rating|brigade)s?\b)"
    + _
    + r"{0,6}\b(in|at|on|near|inside|outside|behind|beside|by|under|coming|down|across|"
    r"in front)\b|^\W*fire\W*(fire\W*)?$|\bfire\W*!|"
    r"\b(i|we) (can )?(smell|see) (smoke|burning|flames)\b|\bsomething('?s| is) (on fire|"
    r"burning)\b|\b(bomb threat|there('?s| is) a bomb|(has|have|got|planted|left) a bomb|"
    r"suspicious (package|device))\b|"
    r"(?<!防)(?<!如果)(?<!万一)(?<!假如)(?<!一旦)(?<!要是)(发生|有|起)(了)?火灾(?!险|保险|保障|责任|报警|预防|隐患)|有(个)?炸弹|炸弹威胁|"
    r"可疑(包裹|物品|爆炸物)"
)

# Violence in progress: a weapon held or used against people, an attack going on ("a man at the
# gate has a knife and is threatening passengers", "someone is threatening me with a knife",
# "有人拿刀威胁我"). The police first (`kefu.dialogue.abroad`). Kitchen knives, a "knife set",
# "killing it" and a photo "shooting" stay ordinary.
_WEAPON = r"(knife|knives|gun|guns|pistol|rifle|firearm|machete|axe|weapon|broken bottle)"
_VIOLENCE = (
    r"\b(he|she|they|someone|somebody|some guy|a (man|woman|guy|person|passenger|customer|"
    r"stranger|lady|kid|boy|teen\w*|group)|the (man|woman|guy|person|passenger|customer|"
    r"stranger)|(this|that) (man|woman|guy|person|passenger))\b"
    + _
    + r"{0,40}\b(has|had|have|got|with|holding|waving|pulled( out)?|pulls( out)?|brandishing|"
    r"carrying|wielding|pointing|swinging|came at (me|us) with) (a |an |his |her |their )?"
    + _WEAPON
    + r"\b(?! (set|block|sharpener|rack|drawer|holder|shop|store|delivery|order|licen[cs]e|"
    r"permit|collection|case|safe|show)s?\b)|"
    r"\b(threaten(s|ed|ing)?|attack(s|ed|ing)?|chas(es|ed|ing)|stab(s|bed|bing)?|"
    r"shoot(s|ing)?|shot) (me|us|people|passengers|staff|everyone|someone|customers|children|"
    r"kids|my \w+|a (woman|man|child|passenger|guard|kid))\b"
    + _
    + r"{0,20}\bwith (a |an |his |her )?"
    + _WEAPON
    + r"|\b(is|are|'s|'re|keeps|started|now) (threatening|attacking|assaulting|stabbing|"
    r"shooting( at)?|punching|beating( up)?|hitting|strangling|choking|kicking) (me|us|people|"
    r"passengers|staff|everyone|other passengers|customers|a (woman|man|child|passenger|guard|"
    r"kid|girl|boy)|my \w+)\b|\b(being|been|getting|got|just got) (attacked|assaulted|stabbed|"
    r"shot|beaten up)\b(?!" + _ + r"{0,30}\b(yesterday|last (night|week|month|year)|ago|before)\b)|"
    r"\b(active shooter|shots (being )?fired|gunshots|gunman|gun ?fire)\b|"
    r"(有人|有个人|有一个人|一个(男|女)的|一(个|名)(男|女)?(子|人|乘客|旅客)|那(个)?(人|男的|女的)|歹徒|"
    r"男子|陌生人|乘客|旅客|他|她)"
    + _
    + r"{0,8}(拿|持|举|挥|掏出|亮出|拿出|带)(着)?(刀|枪|斧头|砍刀|匕首|凶器|棍子|棒子|菜刀|水果刀)"
    + _
    + r"{0,10}(威胁|砍|捅|刺|追|伤人|行凶|乱|冲|打|杀|抢|逼|劫)|"
    r"持(刀|枪|械)(伤人|行凶|抢劫|威胁)|(有人|歹徒)(在)?(砍人|捅人|杀人|开枪|行凶|打人)|枪击|"
    r"(在|正在)(打|砍|捅)(人|我|我们|乘客)(?!电话|手机|的电话|的手机|号码|的号码)"
)

# Suicide and self-harm: always about a person, whatever else the message mentions ("after my
# cat died I don't want to live"), so `kefu.guard.animals` never reads them as a pet's.
_NOT_THEIRS = (
    "".join(
        f"(?<!{who}{will} )"
        for who in ("he", "she", "they")
        for will in ("'d", "'ll", "’d", "’ll", " will", " would")
    )
    + "(?<!threatened to )(?<!threatening to )(?<!threatens to )(?<!threaten to )"
)
_SELF_HARM = (
    # suicide and self-harm
    # ("kill me" not when someone else will: "he'll kill me", "threatened to kill me" is a
    # threat, `kefu.guard.emergency_threatened`'s, with the police and no crisis line)
    r"suicid|kill myself|" + _NOT_THEIRS + r"kill me|end(ing)? (my|his|her|it) (own )?(life|all)|"
    r"end(ing)? it all|"
    r"take my (own )?life|jump(ing)? (off|from) (the|a|my)|can'?t (go on|take (it|this) "
    r"any ?more|do this any ?more)|(pills|rope|gun) (are |is )?ready|"
    r"(don'?t|do not) want to (live|be alive|be here|exist|wake up)|want to die|"
    r"wish i (was|were) dead|better off (dead|without me)|(life|living) (is|feels|seems) "
    r"(so |just |completely |totally |really )?(pointless|meaningless|not worth)|"
    r"(tired|sick) of (living|being alive)|no (reason|point) (to|in) (live|"
    r"living|going on|carry)|(point in|reason for) (going on|living)|self[- ]?harm|"
    r"(cut|cutting|hurt|hurting|harm|harming) myself|saving (up )?(my )?pills|"
    r"(goodbye|suicide) (note|letter)|tonight is the night|"
    # the warning signs people give without naming it: giving things away, "won't need any of
    # this after Friday", being a burden. Each must read as one on its own: rehoming a pet or
    # "I won't be here after 5pm" are ordinary support messages.
    r"(give|gave|given|giving) (away (all|most|much) of my (things|stuff|possessions|belongings)"
    r"|(all|most|much) of my (things|stuff|possessions|belongings) away)|"
    r"won'?t (be )?need(ing)? (any of (this|it|them)|anything)"
    + _
    + r"{0,20}\b(after|past|beyond) (this|that|next|tonight|tomorrow|today|\w+day)\b|"
    r"won'?t be (around|here) (much longer|for (much )?longer)|"
    r"(easier|better) for (everyone|everybody|them|my family|my kids|all of them) if i ("
    r"was|were|wasn'?t|weren'?t|died|disappeared|didn'?t exist|(just|finally) (ended|went|"
    r"disappeared|died|was gone|were gone|wasn'?t here))\b|"
    r"(don'?t|do not|can'?t|cannot) see (the|any) point (any ?more|in (anything|living|life|"
    r"going on|it all|carrying on))|\b(if|when|once|before) i (just|finally) (end|ended) it\b"
    r"(?! (with|for|at|on|after|early))|"
    # slang and euphemisms: "wanna kms", "unalive myself"; "kms" alone is also kilometres
    r"\b(wanna|want to|gonna|going to|gunna|about to|finna|might|could|should|just|literally|"
    r"i'?ll|i will|i'?m gonna|im gonna|i'?m going to|i wanna|make me|i could)\W+kms\b|"
    r"^\W*kms\W*$|(?<![\d.,]\s)(?<!\d)\bkms\W+(tbh|fr|lol|lmao|rn|now|tonight|honestly|"
    r"ngl|istg)\b|\bunalive\b|(not|isn'?t|no longer) worth living|"
    r"自杀|轻生|不想(再)?活|活不下去|不如死了|想死|结束(自己的)?(生命|这一切)|跳楼|"
    # "活着真没意思", "活着一点意义都没有": an intensifier between the words is the common form;
    # "结束一切" only where the clause ends, so "结束一切合作" stays ordinary
    r"活着" + _ + r"{0,6}(没(有)?(什么)?(意思|意义|盼头|希望)|有什么(意思|意义)|(意思|意义)都没有|"
    r"太累|好累|真累|很累|痛苦)|活(够|腻)了|结束一切(?=$|[，。！？,.!?…~\s]|吧|了)|"
    r"(想|要)离开这个世界|不想(再)?醒(过)?来|"
    r"割腕|自残|伤害自己|遗书|一了百了|(交代|准备)(好)?(了)?后事|我的后事|"
    r"没(有)?什么(放不下|牵挂|留恋|可留恋)的?了|"
    r"(从|在)" + _ + r"{0,6}(楼|楼顶|天台|桥|窗)" + _ + r"{0,3}跳下|"
    r"了断|遗言|(想|要|去)紫砂(?!壶|锅|杯)|"
    # said without 死 or 自杀: leaving this world, "going early" beside a reason for it, pills
    # saved up for tonight, never waking up, wanting release
    r"离开(这个|这)(世界|人世)|离开人世|告别(这个)?世界|"
    r"(活不久|活不长|活着|没意思|拖累|连累|累赘|负担|没用|撑不下去|熬不下去|不想撑)" + _ + r"{0,20}"
    r"(早点|早些|早日|干脆|还是)(走|解脱|离开)|(早点|早些|早日|干脆)(走|离开)(了|吧)?"
    + _
    + r"{0,12}(拖累|连累|累赘|负担)|"
    r"(攒|囤|存|藏)" + _ + r"{0,8}(药|安眠药|药片|药丸)" + _ + r"{0,20}(准备好|今晚|今天晚上|今夜|"
    r"一次(性)?(吃|吞)|全部(吃|吞)|一口气|一起(吃|吞)|吃掉|吞掉)|药(都|已经)?(攒|囤)(够|好|齐)|"
    r"(不要|别|不用|永远不|再也不)(再)?醒(过)?来|睡(过去|着)(了)?(就)?(再也)?(不|别)(要)?(再)?醒|"
    r"(想|希望|但愿|只求)" + _ + r"{0,4}一睡不醒|"
    r"(只想|好想|想要|想|渴望|求)(早点|早日|彻底)?解脱(?!出来)"
)
# A threat of violence against the customer or their family is `kefu.guard.emergency_threatened`'s
# (read through `person_danger`, so that it goes to the police first).
# with the intent said in other words (`kefu.guard.suicide_signs`): a crisis reply, never a pet's
SELF_HARM = Alternation(_SELF_HARM + "|" + INTENT_PATTERN)
EMERGENCY = Alternation(_BODY + "|" + _HAZARD + "|" + _SELF_HARM + "|" + _VIOLENCE)
# A road accident: an emergency unless the message says nobody is hurt (`no_one_hurt`, below).
ACCIDENT = re.compile(r"hit by a (car|truck|bus)|(car|motorbike|bike) (crash|accident)|被车撞|车祸")

# An accident or mishap told with no one hurt ("small accident, nobody hurt, just a scratched
# bumper", "刮蹭了一下，没人受伤，要报警吗"): a question about what to do next, not an emergency.
# The learned head reads "accident" and "police" as one and sent such turns to the front of the
# agents' queue; this vetoes the head's verdict and the accident rule (`ACCIDENT`), never another
# rule, so an injury, a fire or a person trapped named in the same message still gets the
# emergency reply (docs/safety.md).
_NO_ONE_HURT = re.compile(
    r"\b(no ?one|nobody|no body|none of us|neither of us|no one else|nobody else)\b('s| is| was| "
    r"got| were| are)? (\w+ )?(hurt|injured|harmed)\b|\b(everyone|everybody|we|we're|we are|i'?m|"
    r"i am|all of us)\b('s| is| are| were)? (\w+ )?(ok(ay)?|fine|unhurt|uninjured|not hurt|safe)\b"
    r"|\bno (one|body) (got )?hurt|\bno injur(y|ies)\b|\b(just|only) (a |some )?(scratch|scratches|"
    r"dent|dents|scrape|scuff|bump|ding)\w*|\b(minor|small|little|tiny|slight) (accident|"
    r"collision|bump|scrape|scratch|dent|prang|knock)\b|\bfender[- ]bender\b|"
    r"(没|没有|无)(人|任何人)(受伤|伤着|伤到)|(人|大家|我们|所有人)(都|也|倒是)?(没事|没受伤|没伤着|平安|安全)|"
    r"(都|也)?没(受伤|伤着|伤到)|(他|她|我|人家|骑手|小哥)(自己)?(说|讲)(他|她|自己)?(没事|没受伤)|(轻微|小)(车祸|事故|剐蹭|刮蹭|碰撞|擦碰)|(刮|剐)(蹭|擦)|只是"
    r"(擦|刮|蹭)(了)?(一下|破)?(漆|皮)?",
    re.IGNORECASE,
)


def no_one_hurt(texts: list[str]) -> bool:
    """Does a message (any of its views) say that nobody is hurt, or that the mishap is minor?"""
    return any(_NO_ONE_HURT.search(t) for t in texts)


def is_emergency(texts: list[str], *, people: bool = True) -> bool:
    """The rules' verdict on a message's views: an emergency named, or an accident with no word
    that nobody is hurt (an injury named beside it is caught by the body rules anyway).
    Mentions that are not an emergency now ("胸痛中心", "去年中风", "no chest pain") are read
    as blanks (`kefu.guard.emergency_context`). ``people=False``: without another person
    endangering the customer (`kefu.guard.emergency_person`), for a staff member's reported
    harm that is not going on now (`kefu.guard.misconduct`)."""
    texts = [not_now(t) for t in texts]
    if any(
        EMERGENCY.search(t)
        or indirect_emergency(t)
        or bystander_crisis(t)
        or (people and person_danger(t))
        or home_danger(t)
        or maternal_emergency(t)
        or infant_danger(t)
        or harm_to_baby(t)
        or malay_emergency(t)
        for t in texts
    ):
        return True
    return any(ACCIDENT.search(t) for t in texts) and not no_one_hurt(texts)
