"""Emergencies said beside an ordinary request or without their usual words, English and Chinese.

A telehealth and wellbeing app's tester (2026-11-30) found the rules of `kefu.guard.emergency`
missing the ways such messages most often arrive there:

- suicidal intent wrapped in an account request or said indirectly: "no point going on, cancel
  my subscription, I won't need it after this weekend", "反正到时候我已经不在了", "我准备好了
  明天就去天台", "I've got the rope", pills stockpiled "and tonight I'll take them all";
- self-harm by a method other than cutting: "用烟头烫自己", "burn my arms with a lighter";
- an overdose already taken, told beside a refund question: "安眠药我都已经吃下去了";
- stroke signs in everyday words: "my left arm has gone completely numb", "my face feels funny
  on one side", "I can't get my words out";
- violence happening now: "he is hitting me", "他在打我", "掐我脖子", "someone just got stabbed".

A leaving phrase alone is ordinary ("I won't need it after this weekend" from a customer who
travels, "以后用不上了" from one who stops a plan): it counts only beside hopelessness in the same
message (`_HOPELESS`). The rest name an act or a means that is an emergency on its own.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard._regex import Alternation
from kefu.guard.emergency_cjk import cjk_emergency
from kefu.guard.medicines import MEDICINE
from kefu.guard.suicide_means import more_suicide
from kefu.guard.suicide_plan import stated_plan
from kefu.guard.suicide_signs import suicide_signs

# Hopelessness: what turns a leaving phrase into a farewell.
_HOPELESS = (
    r"\bno (point|reason|use) (in |to )?(going on|carrying on|living|trying|any ?more|anything|"
    r"being here)|\bwhat'?s the (point|use)\b|\bwhats the (point|use)\b|\bpointless\b|"
    r"\b(don'?t|dont|do not) (really )?care (about anything )?any ?more\b|\bnothing matters\b|"
    r"\b(no ?one|nobody|no body)\b (would|will|'d|'ll|is going to|even) (\w+ )?(notice|care|miss)|"
    r"\bhopeless\b|\bgiven up on (everything|life)\b|\b(so |really )?done with (everything|life|"
    r"it all)\b|\bcan'?t (do|take) (this|it) any ?more\b|\bwant to (die|disappear)\b|"
    r"不知道(还)?有没有(什么)?意义|(没|没有|有什么|还有什么)(什么)?(意义|意思|盼头|希望)(了|啊|呢)?|"
    r"无所谓了|都无所谓|撑不下去|熬不下去|不想(再)?(撑|坚持)|绝望|活着" + _ + r"{0,6}(累|苦)|"
    r"没人(会)?(在乎|在意|发现|注意|想我)|不会有人(在乎|在意|发现|注意|想我)"
)
# Leaving: ordinary on its own, a farewell beside `_HOPELESS`.
_LEAVING = (
    r"\b(won'?t|wont|will not|wouldn'?t) (be )?need(ing)? (it|this|that|them|any(thing)?)\b|"
    r"\b(i'?ll|ill|i will|i'?m going to|im going to|i'?m gonna|im gonna) be (gone|dead)\b|"
    r"\b(won'?t|wont|will not) be (here|around|alive)\b|\bdisappear (forever|for good|permanently)|"
    r"\b(i'?ll|ill|i will) (take|swallow) (them|it|the (lot|pills|tablets)) all\b|"
    r"(以后|之后|再也|反正|到时候|那时候|以后也)?(都)?(用不上|用不着|不需要)了|"
    r"(我)?(就|也|都|早就|早|已经)不在了|我(的)?人(都)?不在了"
)
HOPELESS = re.compile(_HOPELESS, re.IGNORECASE)
LEAVING = re.compile(_LEAVING, re.IGNORECASE)

# An act or a means that is an emergency on its own. The first families are suicide and
# self-harm (`SELF_ACT`: the crisis lines follow the number, `kefu.dialogue.crisis`).
_SELF_ACT = (
    # a future "I'll be gone" or "I'm not here any more" said as a fact: "反正到时候我已经不在了"
    r"(反正|到时候|那时候|到那时|那个时候)"
    + _
    + r"{0,6}(我)?(人)?(都|也)?(已经|早就|早)不在(人世)?了|"
    # a high place chosen and a time set: "我准备好了 明天就去天台", "I'm standing on the ledge"
    r"(准备好了|决定了|想好了|想清楚了|受够了)"
    + _
    + r"{0,12}(去|上|爬上|站在|走到)(天台|楼顶|顶楼|屋顶|桥上|大桥|江边|河边|海边|"
    r"铁轨)|(站在|坐在|爬上了?)(天台|楼顶|顶楼|屋顶|窗台|桥)(的)?(边|边上|栏杆|上面)|"
    r"\b(i'?m|im|i am) (standing|sitting) on (the|a) (ledge|edge|railing|roof|rooftop|bridge)\b|"
    r"\b(on|at) the edge of (the|a) (roof|rooftop|bridge|building|cliff|platform)\b|"
    # the means at hand, or pills saved for one night
    r"\b(i'?ve|ive|i have|just) (got|bought|tied|made|ready) (the|a|my) (rope|noose)\b|\bnoose\b|"
    r"\b(stockpil|hoard|stash|sav(e|ed|ing) up)\w*" + _ + r"{0,40}\b(pills?|tablets?|meds|"
    r"medications?|medicines?|capsules?|painkillers|sleepers|\w+(apine|azepam|azolam|pram|"
    r"oxetine|triptyline|idone|codeine|morphine|adol|barbital|aline))\b"
    + _
    + r"{0,60}\b(tonight|take (them|it|all)|all at once|in one go)\b|"
    r"\b(sleep|close my eyes)\b" + _ + r"{0,12}\band (never|not) (wake|open)\b|"
    r"\bnever wake up again\b|\bgoodbye forever\b|"
    # self-harm by burning, hitting, wrists: "burn my arms with a lighter", "用烟头烫自己"
    r"\b(burn|burns|burning|burnt|burned) (myself|himself|herself|themselves|my (arms?|legs?|"
    r"skin|wrists?|thighs?|hands?|stomach|body) (with|on purpose))|"
    r"\b(cut|cuts|cutting|slit|slashed|slashing) (my|her|his|their) (own )?(wrists?|"
    r"throat)\b|"
    r"(用|拿)(烟头|烟|打火机|刀片|刀子|小刀|剪刀|圆规|针|玻璃)"
    + _
    + r"{0,6}(烫|烧|割|划|扎|刺)(伤)?(自己|我自己|手|胳膊|手臂|腿|手腕)|"
    r"(烫|划|割|烧|扎)(伤|破|烂)?(了)?自己|割(了)?(自己的)?(手腕|手臂|胳膊|大腿)|上吊"
)
_ACT = (
    _SELF_ACT + "|"
    # an overdose already swallowed: "安眠药我都已经吃下去了", "药全吞了"
    r"(安眠药|安定|镇静药|抗抑郁药|止痛药|药片|药丸|那些药|所有的药|一瓶药|整瓶)"
    + _
    + r"{0,6}(都|全|全部|全都|一起|一口气)(已经)?(吃|吞|咽|服)(下去|下|掉|光)(了)?|"
    r"吃了(很多|好多|一大堆|一堆|大量)(的)?(药|安眠药|药片|药丸)|"
    # stroke signs in everyday words
    r"\b(arm|leg|hand|side)\b (has |have |is |went |gone |just )*(gone |suddenly |completely |"
    r"totally |all )*(numb|dead|limp|weak)\b(?!" + _ + r"{0,30}\b(after|from|when) (sleeping|"
    r"lying|sitting|the gym|typing))|"
    r"\bface\b"
    + _
    + r"{0,20}\b(funny|weird|strange|numb|droopy|lopsided|drooping|fallen)\b"
    + _
    + r"{0,10}\bone side\b|\b(can'?t|cant|cannot|unable to|struggling to)( really)? (get|find) "
    r"(my|his|her|their|the) words( out)?\b|"
    r"\b(is ?n'?t|isnt|is not|aren'?t|arent) breathing\b|不呼吸(了)?|"
    # a collapse or sudden confusion in everyday British words (a home-care tester, 2026-12-01):
    # "nan's just keeled over at the table and isn't making sense"
    r"\b(keeled|keels|keeling|keel) over\b|\b(he|she|nan|nana|gran|grandma|grandad|grandpa|mum|"
    r"mom|dad|mother|father|husband|wife)('s| is|s)? (suddenly |just |now )?(not|isn'?t|isnt) "
    r"making (any )?sense\b(?! (of|to))|"
    # a passing stroke (a TIA) is an emergency too: "his face drooped for a minute but he's fine
    # now", "dad's speech went funny for a few minutes", "阿公刚刚讲话突然怪怪的 现在又好了"
    r"\b(speech|talking|words|face|mouth|smile)\b (suddenly |all of a sudden |just )?(went|goes|"
    r"go|was|got|became|has gone) (all )?(funny|weird|strange|odd|slurred|jumbled|garbled|droopy|"
    r"lopsided|numb|crooked)\b|"
    r"(突然|忽然|一下子)"
    + _
    + r"{0,6}(说话|讲话|讲嘢)"
    + _
    + r"{0,4}(怪怪的?|很怪|好怪|奇怪|不对劲|"
    r"不清楚|含糊|听不懂|不利索)|(说话|讲话|讲嘢)" + _ + r"{0,2}(突然|忽然|一下子)" + _ + r"{0,4}"
    r"(怪怪的?|很怪|好怪|奇怪|不对劲|不清楚|含糊|听不懂|不利索)|"
    # bleeding that goes on, the verb first: "my dog bit my hand and it won't stop bleeding"
    r"\b(won'?t|wont|will not|doesn'?t|does not|can'?t|cannot|isn'?t|is not|not) stop(ping)? "
    r"(the )?bleeding\b|"
    # a swallowed button battery burns through the gullet in hours: "孩子刚吃了一颗纽扣电池"
    r"(吃|吞|咽|误食)(了|下|进)(去)?" + _ + r"{0,6}(纽扣电池|电池|磁铁|磁珠|吸铁石)|"
    r"(纽扣电池|磁珠|吸铁石|洗衣凝珠|凝珠|洗衣液|洗衣粉|洗碗块|樟脑丸)"
    + _
    + r"{0,6}(吃|吞|咽|喝|咬)"
    r"(了|下|进|破)|(吃|吞|咽|喝|咬)(了|下|进|破)(去)?" + _ + r"{0,6}(洗衣凝珠|凝珠|洗衣液|樟脑丸)|"
    r"\b(swallowed|ate|eaten|bit into|bitten into|chewed|sucked on|drank)\b" + _ + r"{0,20}\b("
    r"laundry|detergent|dishwasher|washing|tide) (pod|capsule|tablet|liquid)s?\b|"
    # a diabetic confused, said symptom first ("confused and her blood sugar meter says LO"),
    # or a meter reading "LO" (below what it can measure)
    r"\b(confused|disoriented|incoherent|not making sense|acting drunk|slurring|unresponsive|"
    r"sweaty and shaking|shaking and sweaty)\b" + _ + r"{0,80}\b(diabetic|diabetes|insulin|"
    r"blood sugar|glucose|hypo)\b|\b(meter|glucometer|monitor|blood sugar|glucose|sugar "
    r"levels?|reading|libre|dexcom|cgm)\b" + _ + r"{0,20}\b(says|shows|reads|reading|is|showing|"
    r"just says) [\"'“‘]?lo\b|"
    r"\b(hit|banged|bumped|struck) (his |her |my |their |the )?head\b"
    + _
    + r"{0,40}\b(vomit\w*|sleepy|drowsy|unconscious|confused)|"
    # violence happening now
    r"\b(is|are|'s|he'?s|hes|she'?s|shes|they'?re|keeps|kept|started|won'?t stop|wont stop|"
    r"now|still) (\w+ )?(hitting|beating|punching|kicking|strangling|choking|attacking|stabbing)"
    r" (me|us|her|him|my \w+)\b|\b(got|been|was|were|just got|has been) (stabbed|shot)\b|"
    r"\b(shouting|yelling|screaming|saying|says|said) (that )?(he|she|they)('ll| will| is going "
    r"to| are going to| gonna) (kill|hurt|stab) (her|him|them|us|me|my \w+)\b|"
    r"(在|正在|一直在|又在|还在)(打|揍|踢|掐)(我|我们|我妈|我爸|孩子|她|他)(?!"
    + _
    + r"{0,3}(电话|手机|"
    r"客服|热线|号码|的电话))|掐(住)?(我|她|他|孩子)的?脖子|(拿|拿着|举着|提着)(刀|菜刀|刀子|斧头)"
    + _
    + r"{0,8}(威胁|砍|追|吓|逼)|被(人)?(捅|砍)(了|伤)"
)
ACT = Alternation(_ACT, re.IGNORECASE)
SELF_ACT = re.compile(_SELF_ACT, re.IGNORECASE)
# A large count taken with the medicine named elsewhere in the message: "how many sleeping pills
# can I take, I already took 30", "药我吞了三十颗" is caught by the rules already.
_COUNT_TAKEN = re.compile(
    r"\b(took|taken|swallowed|downed|had) (already )?((like|about|maybe|over|around|nearly) )?"
    r"(\d\d+|twenty|thirty|forty|fifty|all of them|the (whole )?lot)\b(?!\W*(min|minute|mins|"
    r"hour|hr|second|sec|day|week|month|year|mg|ml|mcg|pound|quid|gbp|usd|%|percent|step|go|"
    r"tries|try|attempt|photo|picture|call|time|people|of (us|you|the (\w+ )?(minutes|days))))",
    re.IGNORECASE,
)


def indirect_emergency(text: str) -> bool:
    """Is ``text`` (one normalised view, its not-now spans blanked) an emergency said beside a
    request or without the words `kefu.guard.emergency` reads?"""
    if ACT.search(text) or (_COUNT_TAKEN.search(text) and MEDICINE.search(text)):
        return True
    if suicide_signs(text, HOPELESS) or stated_plan(text):
        return True
    # Korean, Japanese and Cantonese forms, and intent said through its means
    # (`kefu.guard.emergency_cjk`, `kefu.guard.suicide_means`)
    if cjk_emergency(text) or more_suicide(text, HOPELESS):
        return True
    return bool(LEAVING.search(text)) and bool(HOPELESS.search(text))
