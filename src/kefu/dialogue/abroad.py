"""The emergency number for the place the customer is in.

A traveller in Bangkok told "call 911" or "拨打120" loses minutes, and so does one told the
business's own KEFU_EMERGENCY_NUMBER (999 in Hong Kong, say). When the message says where the
customer *is* ("I'm in Bangkok", "我们在泰国普吉岛", "here in Tokyo", "in my flat in Kowloon"),
the emergency reply's first sentence names that place's numbers instead. A place mentioned any
other way ("I'm flying to Japan next week", "my Japanese friend") changes nothing.

The table is a safety net for travellers, not a directory: a business at home still sets
KEFU_EMERGENCY_NUMBER (docs/safety.md). Places come from `kefu.dialogue.gazetteer`; a city
takes its country's numbers.
"""

from __future__ import annotations

import re

from kefu.dialogue import gazetteer
from kefu.dialogue.airports import airport_patterns
from kefu.dialogue.emergency_numbers import TABLE, Numbers
from kefu.dialogue.patient_place import patient_sentence, where_patient_is
from kefu.guard.emergency_home import need as home_need
from kefu.guard.emergency_malay import MALAY_FIRE, malay_emergency
from kefu.guard.emergency_person import person_danger
from kefu.text.normalize import normalize
from kefu.text.script import script_of
from kefu.text.variants import to_mandarin


def _place_spans(message: str) -> list[tuple[int, int, str]]:
    """The places ``message`` names (`kefu.dialogue.gazetteer`) and its airports."""
    spans = list(gazetteer.place_spans(message))
    for pattern, key in airport_patterns():
        spans += [(m.start(), m.end(), key) for m in pattern.finditer(message)]
    return sorted(spans)


# What puts the customer in the place: a preposition just before its name ("I'm in Bangkok",
# "here in Tokyo", "my flat in Kowloon", "at Narita"), or 在/到了 ("我在香港", "刚到东京").
# "at gate 12 singapore", "at the check-in desk in Changi": a spot in the airport between.
_HERE_EN = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:(?:gate|terminal|pier|concourse|check-?in(?: desk| counter)?|"
    r"departures?|arrivals?)\s+(?:[\w-]{1,4}\s+)?(?:(?:in|at)\s+)?)?$",
    re.IGNORECASE,
)
_HERE_ZH = re.compile(r"(?:在|到了|刚到|剛到|来到|來到|身处|身處)$")
# Somewhere the customer will be or once lived is not where help is needed now; read just
# before the preposition ("I'll be in Japan", "I was born in Korea", "下周在日本").
_NOT_NOW_EN = re.compile(
    r"\b(?:will|'ll|going to|gonna|plan(?:ning)? to|hope to|want to|used to|lived|born|grew up)"
    r"(?:\s+(?:be|stay|staying|live|living|work|working))?\s*$",
    re.IGNORECASE,
)
# Where a policy or booking was made, or what interests someone, is no whereabouts: "I bought
# my policy in Hong Kong" says nothing of where the customer is now.
_NOT_WHERE_EN = re.compile(
    r"\b(?:bought|booked|purchased|insured|registered|issued|interested|invested)\b[\w' ]{0,25}$",
    re.IGNORECASE,
)
_LATER_EN = re.compile(
    r"^[\w' ]{0,12}\b(?:next (?:week|month|year)|tomorrow|last (?:week|month|year)|years? ago)\b",
    re.IGNORECASE,
)
_NOT_NOW_ZH = re.compile(
    r"(?:下周|下週|下个月|下個月|明天|明年|将|將|打算|准备|準備|计划|計劃|以前|曾经|曾經|去年)"
    r"[^，。！？,.!?]{0,4}$"
)
# Someone else's whereabouts ("我在日本的朋友" is a friend, not the customer, in Japan).
_SOMEONE_ELSE_ZH = re.compile(r"^的(?:朋友|家人|亲戚|親戚|同事|孩子|父母)")

# A fire or a gas leak is the fire service's (119 in mainland China), not the ambulance's.
# Smoke and an explosion too: "充电宝冒烟了", "the plane I'm on is filling with smoke" (an
# airline's tester got the ambulance's 120 for both).
_FIRE = re.compile(
    r"\b(?:fire|flames?|explo(?:ded|sion)|blew up|gas leak|smell(?:s|ing)? (?:of )?gas)\b|"
    # smoke where something burns, not a smoker ("I smoke and have chest pain")
    r"\bsmoke\b(?=\W+(?:\w+\W+){0,3}?(?:coming|pouring|billowing|rising|everywhere|spreading|"
    r"filling|from|out)\b)|\b(?:full of|filling (?:up )?with|filled with|thick|black|heavy|lots "
    r"of|so much|smell(?:ing)?|see) smoke\b|\b(?:smoking|smouldering|smoldering)\b(?=\W+(?:\w+\W+)"
    r"{0,3}?(?:now|badly|battery|charger|power ?bank))|着火|著火|火灾|火災|失火|起火|冒烟|冒煙|"
    r"浓烟|濃煙|黑烟|黑煙|全是烟|全是煙|爆炸|煤气泄漏|煤氣洩漏|燃气泄漏|燃氣洩漏|煤气味|煤氣味",
    re.IGNORECASE,
)
_CRIME = re.compile(
    # A heart, panic or asthma attack is the ambulance's.
    r"\b(?:robbed|robbery|mugged|(?<!heart )(?<!panic )(?<!asthma )(?<!anxiety )attack(?:ed|ing)?|"
    r"assault(?:ed)?|stabbed|gun|knife|break[- ]in|"
    r"breaking in|kidnapp?ed)\b|抢劫|搶劫|打劫|持刀|有人闯入|有人闖入|绑架|綁架|被打|"
    # Violence at home or a threat in progress: the police first, not an ambulance line.
    r"\b(?:hit|hits|hitting|beat|beats|beating|punch(?:es|ing)?|chok(?:es|ing)|strangl\w*|"
    r"kick(?:s|ing)?) (?:me|her|him|us|my (?:mum|mom|mother|kids?|children|sister|wife))\b|"
    r"\b(?:threat\w*|going|gonna|says? (?:he|she)(?:'ll| will)) (?:to )?(?:\w+ ){0,4}?kill "
    r"(?:me|us|her|him)\b|\b(?:he|she|they)(?:'ll| will| would|'d) kill (?:me|us|her|him)\b|"
    r"\bdomestic (?:violence|abuse)\b|家暴|家庭暴力|在打我|砸门|砸門|掐我|威胁我|威脅我|"
    r"拿刀|要杀了我|要殺了我|要杀我|要殺我|在打我妈|在打我媽|"
    # a person hit, pushed or kicked now ("居服員現在正在罵我媽還推她"): not 推荐 or 打电话
    r"(?:正在|现在|現在|在|还|還|又)[^，。！？,.!?\s]{0,6}?(?:打|推|踢|掐|揍|扇|勒)"
    r"(?![电電荐薦销銷广廣])(?:我|她|他)(?!的?电话|的?電話|手机|手機)|"
    # a weapon or an attack in progress (kefu.guard.emergency `_VIOLENCE`)
    r"\b(?:knives|guns?|pistol|rifle|firearm|machete|axe|weapon|shooter|gunman|gunshots|"
    r"shots fired|bomb|threaten\w*|stab\w*|shoot(?:ing|s)?|shot|assault\w*)\b|持枪|持槍|拿枪|"
    r"拿槍|砍人|捅人|杀人|殺人|开枪|開槍|枪击|槍擊|行凶|行兇|炸弹|炸彈|威胁|威脅",
    re.IGNORECASE,
)


def where_customer_is(message: str) -> Numbers | None:
    """The numbers of the place the message says the customer is in; None where it names no
    such place or one the table lacks. Of several names in a row ("泰国普吉岛"), any will do:
    a city takes its country's numbers."""
    for start, end, key in _place_spans(message):
        before, after = message[max(0, start - 40) : start], message[end : end + 30]
        en, zh = _HERE_EN.search(before), _HERE_ZH.search(before)
        here_en = en and not _NOT_NOW_EN.search(before[: en.start()])
        here_en = here_en and not _NOT_WHERE_EN.search(before) and not _LATER_EN.search(after)
        here_zh = zh and not _NOT_NOW_ZH.search(before[: zh.start()])
        here_zh = here_zh and not _SOMEONE_ELSE_ZH.search(after)
        if here_en or here_zh:
            numbers = _lookup(key)
            if numbers is not None:
                return numbers
    return None


def _lookup(key: str) -> Numbers | None:
    if key in TABLE:
        return TABLE[key]
    # A city: its nearest listed ancestor (Kowloon → Hong Kong, not Asia).
    todo = list(gazetteer.parents(key))
    while todo:
        parent = todo.pop(0)
        if parent in TABLE:
            return TABLE[parent]
        todo.extend(gazetteer.parents(parent))
    return None


def need(message: str) -> str:
    """Which service the emergency in ``message`` is for first: "fire" (a fire, smoke, an
    explosion, a gas leak), "police" (an attack, a weapon, a threat) or "ambulance"."""
    if _FIRE.search(message) or MALAY_FIRE.search(message):
        return "fire"
    # A fire, water on the electrics or a burglar at home, said in Cantonese too ("屋企火燭",
    # "電掣浸咗水", "有賊入咗屋"): `kefu.guard.emergency_home` knows which service each needs.
    home = home_need(normalize(message))
    if home == "fire":
        return "fire"
    if home == "police" or _CRIME.search(message) or _person_danger(message):
        return "police"
    return "ambulance"


def _person_danger(message: str) -> bool:
    """A person endangering the customer now (held in a car, touched, followed, a child driven
    off, "救命"): the police's (`kefu.guard.emergency_person`), read in simplified script too."""
    base = normalize(message)
    return any(person_danger(view) for view in dict.fromkeys((base, to_mandarin(base))))


_need = need


def needs_police(message: str) -> bool:
    """Whether the emergency in ``message`` is for the police first: an attack, a robbery,
    violence at home or a threat to kill ("我老公喝醉了在打我", "he has a knife")."""
    return _need(message) == "police"


# Where a Chinese-speaking business's home may be, for a configured number several places share.
_CHINESE_SPEAKING = ("cn", "tw", "hk", "mo", "sg", "my")


def _home_table(configured: str | None, language: str) -> Numbers | None:
    """The home country's numbers where they are known with no place named: the configured
    number's country (120: mainland China, 999: the UK) or, unconfigured, mainland China for
    a Chinese message (its generic reply names 120 and 110)."""
    if configured is None:
        return TABLE["cn"] if language == "zh" else None
    found = [n for n in TABLE.values() if n.ambulance == configured]
    if language == "zh" and len(found) > 1:
        # "zh=119" is Taiwan's, Japan's and South Korea's ambulance number: a Chinese-speaking
        # business's is Taiwan's (a home-care tester's "阿嬷半夜不见了" got 119 alone, where the
        # police's 110 must lead).
        found = [n for k, n in TABLE.items() if n in found and k in _CHINESE_SPEAKING] or found
    if not found and language == "zh" and configured in TABLE["cn"].by_role().values():
        # "zh=110": mainland China's police number, not an ambulance's (a ride-hailing tester
        # got "急救电话110" for a head wound): its country is known, and so is its service.
        found = [TABLE["cn"]]
    # 999 is the UK's and Hong Kong's alike: known only where they agree on every role.
    return found[0] if found and all(n.by_role() == found[0].by_role() for n in found) else None


# Written Cantonese (the same characters in both scripts) in a traditional-script message: a
# Hong Kong (or Macau: the same 999) writer. A Guangzhou writer's Cantonese is simplified.
_CANTONESE = re.compile(r"[冇嘅咗哋喺嘢啲嚟佢睇嗰噉唔緊咩乜]|屋企|而家|依家|點樣|邊度|係咪|火燭")


def writes_cantonese(message: str) -> bool:
    """Is ``message`` written Cantonese, in either script ("我唔想活喇")?"""
    return bool(_CANTONESE.search(message))


def hong_kong_writer(message: str) -> bool:
    """Is ``message`` written Cantonese in traditional characters ("屋企火燭呀", "有賊入咗屋")?"""
    return bool(_CANTONESE.search(message)) and script_of(message) == "traditional"


def place_of(message: str, language: str, *, configured: str | None) -> tuple[str, str] | None:
    """The table key and ambulance number of the place the customer is in: the one the message
    names, else the one country whose ambulance number is ``configured`` (995: Singapore; not
    999, which several share); None where neither tells (`kefu.dialogue.crisis_lines`)."""
    named = where_customer_is(message)
    if named is not None:
        keys = [k for k, n in TABLE.items() if n is named]
        return (keys[0], named.ambulance) if keys else None
    if configured is None:
        return ("cn", "120") if language == "zh" else None
    keys = [k for k, n in TABLE.items() if n.ambulance == configured]
    return (keys[0], configured) if len(keys) == 1 else None


_ROLE_EN = {"ambulance": "an ambulance", "fire": "the fire service", "police": "the police"}
_ROLE_ZH = {"ambulance": "救护车", "fire": "消防", "police": "警察"}
_OTHER_ZH = {"ambulance": "急救请拨", "fire": "火警请拨", "police": "报警请拨"}


def emergency_sentence(numbers: Numbers, message: str, language: str, *, place: bool) -> str:
    """The sentence that tells the customer which number to call now: the one for what the
    message needs (fire, police, else an ambulance) first, the place's others after it."""
    roles = numbers.by_role()
    need = _need(message)
    lead = roles[need]
    lead_roles = [r for r, n in roles.items() if n == lead]
    others: dict[str, list[str]] = {}
    for role, number in roles.items():
        if number != lead:
            others.setdefault(number, []).append(role)
    single = not others
    if language == "zh":
        where = f"在{numbers.zh}" if place else "如遇紧急情况，"
        if single:
            return f"{where}请立即拨打{lead}。"
        what = "/".join(_ROLE_ZH[r] for r in lead_roles)
        rest = "，".join(f"{_OTHER_ZH[rs[0]]}{n}" for n, rs in others.items())
        return f"{where}请立即拨打{lead}（{what}），{rest}。"
    where = f"In {numbers.en} call" if place else "Call"
    if single:
        return f"{where} {lead} now."
    what = " or ".join(_ROLE_EN[r] for r in lead_roles)
    rest = ", ".join(f"{' or '.join(_ROLE_EN[r] for r in rs)}: {n}" for n, rs in others.items())
    return f"{where} {lead} for {what} now ({rest})."


_FIRST_SENTENCE = re.compile(r"^.*?(?:[.!?](?=\s)|[。！？])", re.DOTALL)


def localise(text: str, message: str, language: str, *, configured: str | None) -> tuple[str, bool]:
    """The emergency reply ``text`` with its first sentence (the number to call) made right for
    where the customer is, and whether a place decided it. The place wins over ``configured``
    (KEFU_EMERGENCY_NUMBER is the business's home number). With no place, a fire in a Chinese
    message without a configured number gets mainland China's fire service (119), not the
    ambulance's 120, and so does one with 120 configured; everything else keeps today's text."""
    elsewhere = _relative_elsewhere(message, language)
    if elsewhere is not None:
        first = _FIRST_SENTENCE.match(text)
        return f"{elsewhere}{text[first.end() :] if first else f' {text}'}", True
    numbers = where_customer_is(message)
    if numbers is None and configured not in ("999", "995") and malay_emergency(normalize(message)):
        # An emergency written in Malay (Malaysian spellings: "pengsan", "tak sedarkan diri") is
        # read as one in Malaysia: "Call 000 now" (an Australian gym chain's number) reaches no
        # one in Kuala Lumpur. A configured 999 or 995 (Malaysia, Singapore) is kept.
        numbers = TABLE["my"]
    need = _need(message)
    home = _home_table(configured, language)
    # Unconfigured, a Chinese message's home is mainland China (120/119/110); a writer of
    # Cantonese in traditional script is in Hong Kong, where 999 answers for all three ("屋企火燭
    # 呀" got "拨打119（消防），急救请拨120" before, which reach no one there).
    # Other traditional writers may be in Taiwan (119/110) or Hong Kong: the text is kept, and
    # `kefu.dialogue.messages.in_script` names each place's number.
    hong_kong = False
    if configured is None and language == "zh" and script_of(message) == "traditional":
        hong_kong = hong_kong_writer(message)
        home = TABLE["hk"] if hong_kong else None
    if numbers is not None:
        sentence = emergency_sentence(numbers, message, language, place=True)
    elif home is not None and (
        hong_kong
        or need == "police"
        or home.by_role()[need] != (configured or home.ambulance)
        or (configured is not None and configured != home.ambulance)
    ):
        # The home's number for what the message needs leads, each number named as the service
        # it is: the police for an assault, a threat or a person holding the customer (110 in
        # mainland China, also with 120 configured), the fire service for a fire or smoke (119),
        # and an ambulance (120) for an injury where the configured number is the police's.
        sentence = emergency_sentence(home, message, language, place=False)
    else:
        return text, False
    first = _FIRST_SENTENCE.match(text)
    rest = text[first.end() :] if first else f" {text}"
    return f"{sentence}{rest}", numbers is not None


def _relative_elsewhere(message: str, language: str) -> str | None:
    """The first sentence for a relative in an emergency in a place the customer is not in ("I'm
    in the UK but my mum in Taipei just fell": Taiwan's 119, called by someone with her), or
    None (`kefu.dialogue.patient_place`)."""
    patient = where_patient_is(message, _place_spans(message))
    there = _lookup(patient[0]) if patient is not None else None
    if patient is None or there is None:
        return None
    _key, kin, start, end = patient
    caller = where_customer_is(message[:start] + " " * (end - start) + message[end:])
    if caller is there:
        return None  # the customer is there too: the place's usual reply
    return patient_sentence(there, _need(message), kin, message, language, caller=caller)
