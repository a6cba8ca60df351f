"""Dangers in a home now: a fire, an intruder, water on the electrics, a collapse or a fall.

A letting agency's tester (London and Hong Kong tenants, 2026-12) got "I'm not sure" for "屋企火燭
呀" (the flat is on fire), "啲電線燒緊，有燶味" (the wiring is burning), "有賊入咗屋，佢仲喺入面"
(a burglar is inside), "there's a burglar in my flat", "a man trying to get in through my window
right now", "water is leaking into the fuse box" and "水浸到成間屋，仲有電掣浸咗水". The
medical and hazard rules (`kefu.guard.emergency`) knew "on fire" and "着火" but not the
Cantonese words, an intruder only beside a weapon, and water on the electrics only with sparks.

Three families, each a thing happening now:

- fire: 火燭 (Cantonese "fire"), wiring or a room "burning" (燒緊, 在烧), a burning smell from
  the electrics or a strong one (燶味, 烧焦味, "burning smell from the socket"), a corridor full
  of smoke, a fire alarm ringing; not 火燭保險 (fire insurance), 小心火燭 (a notice), a rice
  pot's 燶味 or "I'm on fire today";
- an intruder: a burglar in the home, someone breaking or trying to get in, 有賊入咗屋, 有人撬門;
  not a burglar alarm, 防盗门, or a burglary told after the fact ("someone broke in last week,
  how do I claim");
- water on the electrics: water into sockets, the fuse box or a light fitting, 電掣浸咗水,
  水淹到电开关, sparks beside a socket; not "the socket doesn't work" or a water bill.

Also a ceiling come down and an older person fallen who cannot get up, or down on the floor
or not answering (`kefu.guard.emergency_down`). `need` says which service
the reply names first (`kefu.dialogue.abroad`): the police for an intruder, else the fire service.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard.emergency_down import person_down
from kefu.text.variants import to_mandarin

# -- fire ------------------------------------------------------------------------------------
_ELECTRIC_EN = (
    r"(sockets?|plugs?|outlets?|switch(es)?|wires?|wiring|cables?|fuse ?box(es)?|fuse ?boards?|"
    r"consumer units?|electrics|meters?|extension( leads?| cords?)?|light fittings?|lights?|"
    r"light switch(es)?|ceiling lights?|lamps?|chargers?|heaters?)"
)
_FIRE_EN = (
    r"\b(wires?|wiring|cables?|sockets?|plugs?|outlets?|fuse ?box|meter|walls?|ceiling|roof|"
    r"stairs|stairwell|corridor|hallway|landing|neighbou?r'?s (flat|house|place))\b"
    + _
    + r"{0,15}\b(is |are )?(burning|on fire|smoking|smouldering|smoldering|in flames)\b|"
    r"\b(burning|melting plastic|electrical burning) (smell|odou?r)\b"
    + _
    + r"{0,40}\b("
    + _ELECTRIC_EN
    + r"|getting (stronger|worse)|strong|everywhere|whole (flat|house|place)|can'?t find)\b|"
    r"\b(strong|really bad|awful|horrible) (burning|electrical|melting plastic) (smell|odou?r)\b|"
    r"\b(smell|smells|smelling|stink|stinks) (of|like) (burning|melting) (plastic|rubber|wires?|"
    r"wiring)\b|\b" + _ELECTRIC_EN + r"\b" + _ + r"{0,30}\b(burning|melting) (smell|odou?r)\b|"
    r"\b(corridor|hallway|stairwell|stairs|landing|lobby|flat|house|room|building)\b"
    + _
    + r"{0,12}\b(is )?(full of|filling (up )?with|filled with) smoke\b|"
    r"\b(fire|smoke) alarms?\b"
    + _
    + r"{0,12}\b(ringing|sounding|blaring|going off)\b"
    + _
    + r"{0,30}"
    r"\b(smoke|burning|flames|fire)\b"
)
# Chinese, read on the simplified view (`kefu.text.variants.to_mandarin` folds 燒緊 to 烧紧).
_ELECTRIC_ZH = (
    r"(电线|电线|插座|插苏|插头|拖板|电掣|电制|总掣|电开关|灯开关|电灯开关|电箱|配电箱|电表箱|电表|"
    r"电闸|电錶|保险丝|电器|电饭煲|充电器|电暖炉|暖炉|灯泡|光管|吊灯|天花灯)"
)
_FIRE_ZH = (
    # 火燭 is Cantonese for a fire; not 火燭保險 (fire insurance) or the notice 小心火燭
    r"(?<!小心)火烛(?!险|保险|保障|意识|安全|演习|演练)|"
    r"(电线|插座|插苏|电掣|电箱|电器|屋|房|厨房|客厅|厅|楼|大厦|走廊|楼梯|窗帘|床|沙发|炉|锅|车|"
    r"天花|墙|隔篱|隔壁|对面|楼上|楼下)" + _ + r"{0,4}(烧紧|正在烧|在烧|烧着了|烧起来|着咗火|烧到)|"
    # a burning smell from the electrics, or one said to be strong or spreading (not 饭燶咗)
    r"(㶶|燶|焦|胶|烧焦|烧胶)(的)?(味|味道)" + _ + r"{0,12}(好大|好浓|很浓|越来越|好劲|一直|"
    r"冒烟|烟|电线|插座|插苏|电掣|电箱|墙|天花|找不到|满屋|成间屋)|"
    r"(好|很|超|非常|特别|咁)(浓|大|重|劲)(的)?(㶶|燶|焦|胶|烧焦|烧胶)(的)?(味|味道)|"
    + _ELECTRIC_ZH
    + _
    + r"{0,12}(㶶|燶|焦|胶|烧焦|烧胶)(的)?(味|味道)|"
    r"(电线|插座|插苏|电掣|电箱|电器)" + _ + r"{0,4}(烧紧|在烧|正在烧|烧了起来|冒烟|冒火|着了)|"
    # a corridor or a flat full of smoke, a fire alarm ringing now
    r"(全部|全屋|成间屋|成屋|整间屋|整层|满屋|满)(都)?(是|系)?(烟|浓烟)(?![头民酒草味瘾盒仔花])|"
    r"(好|很|超|咁)(大|多)(的)?烟(?![头民酒草味瘾盒仔花])|"
    r"(火警钟|火警铃|火警警钟|消防钟|火灾警报)(?!测试|试)"
    + _
    + r"{0,3}(响紧|在响|正在响|一直响|响个不停|"
    r"大响|响了|响起)"
)

# -- an intruder -----------------------------------------------------------------------------
_STRANGER_EN = (
    r"(someone|somebody|some(one)? (man|guy|bloke)|a (man|woman|guy|bloke|stranger|person)|"
    r"strangers?|people|men|two (men|guys)|a group|they|he)"
)
_NOT_ONLINE = (
    r"(?! (my|the|our|his|her) (account|app|phone|email|profile|system|portal|wifi|router))"
)
_HOME_EN = r"(flat|house|home|apartment|place|room|bedroom|garden|kitchen|living room|building)"
_INTRUDER_EN = (
    r"\b(there('?s| is| are)|i('ve| have) got|we('ve| have) got) (an? )?(burglars?|intruders?|"
    r"robbers?|thie(f|ves))\b(?! alarm)|"
    r"\b(burglars?|intruders?|robbers?|thie(f|ves))\b(?! alarm| bars| proof|-proof)"
    + _
    + r"{0,12}\b(in|inside|downstairs|upstairs|still) (my|our|the|here)\b|"
    r"\b" + _STRANGER_EN + r"\b (is |are |'s |'re )?(still )?(trying to |about to )?(break|"
    r"breaking|climb|climbing|force|forcing|kick|kicking|smash|smashing|force their way|pry|"
    r"prying|jimmy|jimmying) ?(in|into|through|open|down)\b" + _NOT_ONLINE + r"|"
    # "get in" only when tried or through a window: "can someone get into my flat to fix it"
    r"\b"
    + _STRANGER_EN
    + r"\b (is |are |'s |'re )?(still )?trying to (get|come) (in|into)\b"
    + _NOT_ONLINE
    + r"|\b(get|getting|climb|climbing|come|coming) (in|into) through (the|my|our|a) (\w+ )?"
    r"(window|balcony|back door|patio|roof|skylight)|"
    r"\b(breaking|smashing|kicking|forcing|prying|(trying|try) to (force|kick|smash|break|pry)) "
    r"(in )?(open )?(my|our|the) (front |back )?(door|window|lock|patio door|balcony door)s?"
    r"( in| down| open)?\b|"
    r"\b(being|getting) (burgled|broken into)\b|\bbreak-?in (in progress|right now|happening)\b|"
    r"\b"
    + _STRANGER_EN
    + r"\b (is |are |'s |'re )?(still )?(in|inside|hiding in) (my|our|the) "
    + _HOME_EN
    + r"\b"
    + _
    + r"{0,40}\b(right now|now|still|hiding|don'?t know (him|her|them|who)|can hear)\b|"
    r"\b(i can|we can|i) hear (someone|somebody|people|footsteps|a man|men)\b"
    + _
    + r"{0,30}\b(downstairs|upstairs|in (the|my|our) "
    + _HOME_EN
    + r"|inside|breaking|trying)\b|"
    r"\b(broke|broken|got|came) in\b" + _ + r"{0,30}\b(still (here|there|inside|in)|hiding|"
    r"(he|she|they)('s|'re| is| are) (in|inside|upstairs|downstairs))\b"
)
_THIEF_ZH = r"(贼|贼人|小偷|窃贼|盗贼|劫匪|强盗|贼仔|爆格贼)"
_INTRUDER_ZH = (
    # a thief in the home: "有賊入咗屋", "有小偷进了屋", "家里进了小偷" (a report after the fact
    # is told apart by `_AFTER`)
    r"(有|有个|有一个|有两个|几个)" + _THIEF_ZH + r"" + _ + r"{0,4}(入|进|闯|爬|跳)(了|咗)?(入|进)?"
    r"(来|屋|我家|屋企|家|房|我屋)|"
    r"(家|屋|屋企|房|我家)(里|入面|中)?(进|入|来)(了|咗)?" + _THIEF_ZH + r"|"
    r"(有|有个|有一个)(陌生人|陌生男人|人|个男人|男人|一个男的)"
    + _
    + r"{0,3}(闯|爬|翻|破门|破窗|撬开)"
    r"(了|咗)?(入|进)(来|屋|我家|屋企|家|房)|"
    # breaking in: "有人正在撬我家的门", "有人撬緊門", "有人爬窗想入嚟"
    r"(有人|有个人|有个男人|陌生人|贼|小偷|一个男的|个男人)"
    + _
    + r"{0,4}(正在|在|想|要|试图|企图)?"
    r"撬(紧|着)?(我|我家|我屋企|屋企|家)?(的|个|度)?(门|窗|锁|铁闸|闸)|"
    r"(有人|有个人|陌生人|一个男的|个男人|贼|小偷)"
    + _
    + r"{0,6}(爬|翻|破)(窗|墙|露台|阳台|门)"
    + _
    + r"{0,4}(入|进|想)|"
    r"(有人|有个人|陌生人|一个男的|个男人)(喺|在)?(门外|窗外|门口|窗口)?" + _ + r"{0,4}"
    r"(想|要|试图|企图|硬要|一直想)(入|进|闯入|闯进|开)(来|屋|我家|屋企|门|窗)|"
    r"(有人|俾人|被人)?爆(紧)?格(?!" + _ + r"{0,6}(保险|理赔|赔|报案|险))|"
    r"(有人|陌生人)(闯入|闯进|破门而入|入屋|入室)"
)
# Said to be still going on: "佢仲喺入面", "还在里面", "正在", "I'm hiding".
_INSIDE_ZH = r"(仍在|还在|仲在|正在|在里面|在入面|喺入面|躲|收埋|听到|听见|救命|快|现在|而家|依家)"
# A burglary told after the fact is the police's, not an emergency: "昨天家里进了小偷 怎么理赔".
_AFTER = re.compile(
    r"昨天|前天|上周|上星期|上个月|上次|之前|以前|去年|那天|前几天|几天前|回家(才)?发现|返到屋企|"
    r"(保险|理赔|赔偿|报失|索偿|索赔|证明|换锁|怎么报案|点样报案)|"
    r"\b(yesterday|last (night|week|month|year)|ago|while (i|we) (was|were) away|"
    r"came home to find|insurance|claim|crime (reference|number)|police report)\b",
    re.IGNORECASE,
)

# -- water on the electrics ------------------------------------------------------------------
_WATER_EN = (
    r"\b(water|rain ?water|leak\w*|flood\w*)\b" + _ + r"{0,40}\b(pouring|leaking|dripping|coming|"
    r"running|getting|got|gone|seeping|pooling|gushing|flowing|spraying|splashing|poured|"
    r"leaked|dripped|came|ran|went)\b" + _ + r"{0,30}\b(onto|into|in|on|over|through|from|out of"
    r"|behind|around|near)\b (the |my |our |a |all the |both )?(plug |wall |kitchen |hall |"
    r"hallway |ceiling |bathroom )?" + _ELECTRIC_EN + r"\b|"
    r"\b(sockets?|plugs?|outlets?|fuse ?box(es)?|fuse ?boards?|consumer units?|electrics|meters?|"
    r"light fittings?|light switch(es)?|extension leads?|wiring)\b" + _ + r"{0,25}\b(are |is |got "
    r"|have got |has got |'re |'s )?(wet|soaked|soaking|flooded|under water|underwater|"
    r"submerged|full of water|filling with water|dripping|in water)\b|"
    r"\b(sparks?|sparking|spitting)\b" + _ + r"{0,40}\b(water|leak\w*|flood\w*)\b|"
    r"\b(water|leak\w*|flood\w*)\b" + _ + r"{0,60}\b(sparks?|sparking|crackling|fizzing)\b"
)
_WATER_ZH = (
    r"(水|雨水|漏水|渗水|滴水|水浸|水淹|淹水|浸水)"
    + _
    + r"{0,8}(漫|灌|流|渗|淹|浸|进|漏|滴|喷|涌|落)(进|到|入|落|去|过|咗|了)?"
    + _
    + r"{0,2}"
    + _ELECTRIC_ZH
    + r"|"
    + _ELECTRIC_ZH
    + _
    + r"{0,4}(进水|入水|泡水|浸水|浸了水|浸咗水|被淹|被水淹|水浸|淹了|淹咗|湿了|湿咗|湿晒|"
    r"湿透|都湿|也湿|有水|全是水|滴水|漏水)|"
    # a light fitting dripping: "水从灯里滴下来", "灯度漏水"
    r"(水)(从|由|喺|在)?(灯|吊灯|灯罩|天花灯|光管)(里|度|入面|位|中)?(滴|流|漏|渗|喷|涌)|"
    r"(灯|吊灯|灯罩|天花灯|光管)(里|度|入面|位)?(滴水|漏水|渗水|有水|流水)|"
    # sparks beside water or an electric thing: "漏到插蘇度，仲有火花"
    r"(漏水|渗水|水浸|水淹|浸水|" + _ELECTRIC_ZH + r")" + _ + r"{0,12}(火花|火星|冒火|打火|噼啪)"
)

# -- a ceiling down, a fall -------------------------------------------------------------------
_COLLAPSE = (
    r"\b(ceiling|roof|wall|balcony|floor|stairs|staircase)\b"
    + _
    + r"{0,12}\b(has |just |have )?(collapsed|caved in|came down|come down|fell in|fallen in|"
    r"coming down|falling down|is falling in)\b|"
    r"(天花板|天花|屋顶|墙|阳台|楼梯|地板)" + _ + r"{0,3}(塌|倒塌|冧|跌落来|掉下来|塌下来|塌了)"
)
_FALL = (
    r"\b(fell|fallen|had a fall|slipped)\b" + _ + r"{0,50}\b(can'?t|cannot|unable to|won'?t be "
    r"able to) (get up|stand( up)?|move)\b|"
    r"(跌低|跌倒|摔倒|摔了|滑倒|跌咗|跌了)" + _ + r"{0,8}(起不到身|起唔到身|起不来|起唔返|爬不起来|"
    r"站不起来|动不了|郁不到)"
)

_FIRE = re.compile(_FIRE_EN + "|" + _FIRE_ZH, re.IGNORECASE)
_INTRUDER_NOW = re.compile(_INTRUDER_EN, re.IGNORECASE)
_INTRUDER_ZH_RE = re.compile(_INTRUDER_ZH)
_INSIDE = re.compile(_INSIDE_ZH)
_WATER = re.compile(_WATER_EN + "|" + _WATER_ZH, re.IGNORECASE)
_COLLAPSED = re.compile(_COLLAPSE, re.IGNORECASE)
_FELL = re.compile(_FALL, re.IGNORECASE)
# "what if a burglar gets in", "如果有人撬门怎么办": a question, not a danger now
_IF = re.compile(
    r"\b(if|what if|in case|suppose|how (do|can|should) i)\b|如果|万一|假如|要是|若", re.I
)


def _intruder(text: str) -> bool:
    found = _INTRUDER_NOW.search(text)
    if found is None:
        found = _INTRUDER_ZH_RE.search(text)
        if found is None:
            return False
        if _AFTER.search(text) and not _INSIDE.search(text):
            return False  # a burglary found on coming home: a police report and a claim
    elif _AFTER.search(text) and not re.search(r"\b(now|still|right now)\b", text):
        return False
    return not _IF.search(text[: found.start()])


def _fire(text: str) -> bool:
    found = _FIRE.search(text)
    return found is not None and not _IF.search(text[: found.start()])


def _fallen(text: str) -> bool:
    return bool(_COLLAPSED.search(text) or _FELL.search(text))


def _water(text: str) -> bool:
    found = _WATER.search(text)
    return found is not None and not _IF.search(text[: found.start()])


def home_danger(text: str) -> bool:
    """Is ``text`` (one normalised view) about a fire, an intruder, water on the electrics, a
    collapse or a fall in a home (or anywhere) now?"""
    text = to_mandarin(text)  # the Chinese rules are written in simplified Mandarin
    return _fire(text) or _intruder(text) or _water(text) or _fallen(text) or person_down(text)


def need(text: str) -> str | None:
    """The service a home danger in ``text`` needs first: "police" for an intruder, "fire" for
    a fire, water on the electrics or a collapse; None where there is none (a fall is the
    ambulance's)."""
    text = to_mandarin(text)
    if _fire(text) or _water(text) or _COLLAPSED.search(text):
        return "fire"
    return "police" if _intruder(text) else None
