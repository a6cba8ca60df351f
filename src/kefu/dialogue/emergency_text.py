"""What the emergency replies read in the business's own knowledge: whether an entry already
leads with an emergency number, which entry is the clinic's pet-emergency one, which entry may
follow the emergency text beside a message about suicide or self-harm, and the business's crisis
entry that always follows one. Used by `kefu.dialogue.assistant`'s emergency plans and by
scripts/train_emergency_head.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kefu.dialogue.crisis import about_self_harm
from kefu.guard.animals import mentions_animal
from kefu.guard.documents import clean_passages
from kefu.types import Passage

if TYPE_CHECKING:
    from kefu.knowledge.base import KnowledgeBase
    from kefu.types import Entry

# What kefu asks its own knowledge base for when a pet's emergency names no entry itself, and
# what that entry's question must say (with an animal in it: a bank's "emergency cash" is not it).
PET_EMERGENCY_QUERY = {
    "en": "What should I do in a pet emergency?",
    "zh": "宠物紧急情况怎么办？",
}
# In either script: a Taiwan home-care firm's "遇到緊急狀況要怎麼辦？" (its 119 and 110 entry) never
# followed a Chinese emergency reply, while its English twin always did.
EMERGENCY_WORD = re.compile(
    r"emergenc|urgent|out of hours|after hours|急诊|急診|急症|紧急|緊急|急救|危急", re.IGNORECASE
)
# Ambulance numbers a business's own entry may lead with: also Taiwan's, Japan's and Korea's
# 119, Australia's 000 and Singapore's 995 (not the UK's 111, a non-emergency line).
_EMERGENCY_NUMBERS = ("911", "999", "112", "120", "110", "988", "119", "000", "995")
_FIRST_SENTENCE = re.compile(r"^.*?([.!?](\s|$)|[。！？]|$)", re.DOTALL)


def off_topic_for_self_harm(message: str, top: Passage) -> bool:
    """Whether ``top`` is an ordinary entry beside a message about suicide or self-harm: the
    business's own crisis guidance (a helpline) follows the emergency text, a how-to never."""
    if not about_self_harm(message):
        return False
    # The strict reading: a how-to whose answer mentions "心理咨询" (therapy sessions) or
    # "mental health cover" is still a how-to ("我不想活了，帮我取消会员吧" got the
    # auto-renewal steps).
    entry = top.entry
    return not _CRISIS_ENTRY.search(f"{entry.title}\n{entry.answer or entry.text}")


# What an entry about an emergency talks of: the number to call, a hospital, an injury, an
# allergic reaction, poisoning, a fire, the police, a medical condition. An entry retrieval
# ranked first for "someone collapsed … isn't breathing" that names none of these (the
# wrong-item answer, "Please don't eat food that isn't yours") is not added to the reply.
_ABOUT_EMERGENCY = re.compile(
    r"\b(emergenc\w*|urgent\w*|ambulance|hospital\w*|a&e|er|doctor|medical\w*|first aid|injur\w*|"
    r"hurt|accident\w*|allerg\w*|anaphyla\w*|epi-?pen|poison\w*|symptoms?|breath\w*|chest pain|"
    r"stroke|seizure|heart|bleed\w*|fire|smoke|gas|police|safety|crisis|suicid\w*|self[- ]harm|"
    r"helpline|999|911|112|000|120|110|119)\b|急救|紧急|急诊|医院|就医|就诊|医生|受伤|伤口|烧伤|烫伤|"
    r"事故|过敏|中毒|症状|呼吸|胸痛|中风|抽搐|出血|火灾|着火|失火|起火|消防|烟雾|冒烟|燃气|煤气|报警|"
    r"警察|食品安全|危机|自杀|轻生|热线|120|110|119",
    re.IGNORECASE,
)


def about_an_emergency(entry: Entry) -> bool:
    """Does this entry speak of an emergency (a number to call, an injury, a reaction, a fire…)?
    Only such an entry follows the emergency number (`kefu.dialogue.emergency_reply`)."""
    return bool(_ABOUT_EMERGENCY.search(f"{entry.title}\n{entry.answer or entry.text}"))


def leads_with_emergency_number(text: str, configured: str | None = None) -> bool:
    """Whether the first sentence of ``text`` names an emergency number (a well-known one, or
    ``configured``) as a whole number: "拨打020-8888 6120取消" names the booking line, whose
    digits merely end in 120, not the ambulance."""
    first = _FIRST_SENTENCE.match(text)
    if first is None:
        return False
    sentence = first.group(0)
    numbers = (*_EMERGENCY_NUMBERS, configured) if configured else _EMERGENCY_NUMBERS
    return any(names_number(sentence, n) for n in numbers)


# The first sentence of an emergency reply for a place the customer named (`abroad.py`):
# "In Thailand call 1669 for an ambulance now", "在日本请立即拨打119".
_PLACE_LEAD = re.compile(r"^(In [^.]{2,40} call \d{2,5}\b|在[^。，]{1,12}请立即拨打\d{2,5})")


def is_emergency_reply(text: str, configured: str | None = None) -> bool:
    """Whether ``text`` is kefu's emergency reply: its first sentence gives a number to call
    (the configured one, a well-known one, or a named place's). What comes after one (the
    danger going on, "can we just wait?", a reminder) reads the conversation with this."""
    return leads_with_emergency_number(text, configured) or bool(_PLACE_LEAD.match(text))


def names_number(text: str, number: str) -> bool:
    """Whether ``text`` holds ``number`` as a whole phone number: not the tail, head or middle
    of a longer run of digits, where a phone number's digit groups may be joined by a space or
    a dash ("020-8888 6120" holds no 120, "call 120 now" does)."""
    digits = re.sub(r"\D", "", number)
    if not digits:
        return False
    # The number's own digits may be grouped as the text writes them ("0 0 0", "11-2").
    body = "[ -]?".join(re.escape(d) for d in digits)
    # Lookbehind is fixed width, hence two: no digit just before, nor one a separator away.
    whole = rf"(?<!\d)(?<!\d[ -])(?<![£$€¥￥.,]){body}(?![ -]?\d)(?![.,]\d)"
    # A quantity is not a phone number: "the maximum length is 120 cm", "120 厘米", "£999".
    return any(
        not _UNIT.match(text, m.end()) and not _CURRENCY.search(text, 0, m.start())
        for m in re.finditer(whole, text)
    )


_CURRENCY = re.compile(r"\b(hkd|rmb|cny|gbp|usd|sgd|eur|aud|cad|jpy)\s?$", re.IGNORECASE)
_UNIT = re.compile(
    r"\s?(%|‰|°|(cm|mm|km|kg|g|lbs?|ml|m|l|pcs|x|days?|hours?|hrs?|minutes?|mins?|seconds?|"
    r"secs?|weeks?|months?|years?|yrs?|pounds|dollars|euros|yuan|hkd|gbp|usd|rmb|sgd|points?|"
    r"items?|pages?|words?|characters?|calories|kcal|mg|mcg)\b|厘米|公分|毫米|公斤|千克|克|米|"
    r"公里|毫升|升|元|块|天|日|小时|分钟|秒|个|件|次|岁|周|年|月|号(?!码)|页|字|英镑|美元|港币|港元|积分)",
    re.IGNORECASE,
)


# A crisis entry says what it is for: suicide, self-harm or a crisis line; a plain "客服热线"
# or "mental health cover" entry is not one, whether scanned for or retrieved.
_CRISIS_ENTRY = re.compile(
    r"suicid|self[- ]?harm|harm(ing)? (yourself|themselves)|crisis (line|text line|hotline|"
    r"helpline|support|team|service)|samaritans|lifeline|\b988\b|116 ?123|(mental health|"
    r"emotional support) (crisis|helpline|hotline)|自杀|轻生|自伤|自残|心理危机|危机干预|"
    r"心理援助热线|心理(危机|援助|支持)热线|生命热线",
    re.IGNORECASE,
)


def is_crisis_entry(entry: Entry) -> bool:
    """Whether ``entry`` is the business's crisis guidance (a crisis line, thoughts of suicide)."""
    return bool(_CRISIS_ENTRY.search(f"{entry.title}\n{entry.answer or entry.text}"))


def crisis_passage(message: str, entries: Iterable[Entry], language: str) -> Passage | None:
    """The business's crisis entry (a crisis line, what to do about thoughts of self-harm), for a
    message about suicide or self-harm; None for any other message or where there is none.

    Found by what the entry says, not by how close it is to the customer's words: "我想自杀" and
    "有轻生的念头" share few words with it, and docs/safety.md promises it follows every such
    message. An entry whose question names the crisis wins over one that mentions it in passing."""
    if not about_self_harm(message):
        return None
    in_answer = None
    for entry in entries:
        if entry.kind != "faq" or (entry.language in ("en", "zh") and entry.language != language):
            continue  # guidance in a language the customer may not read helps no one
        if _CRISIS_ENTRY.search(f"{entry.title}\n{entry.text}"):
            return Passage(entry, 0.0)
        if in_answer is None and _CRISIS_ENTRY.search(entry.answer or ""):
            in_answer = entry
    return None if in_answer is None else Passage(in_answer, 0.0)


# The business's own emergency entry: what to do in an emergency abroad, or its emergency /
# 24-hour assistance line. Like `_CRISIS_ENTRY`, strict enough to scan every entry: a plain
# "客服热线" or "customer service hours" entry is not one.
_ASSISTANCE_ENTRY = re.compile(
    r"emergency (?:assistance|assist|hotline|helpline)|(?:medical )?emergenc(?:y|ies) (?:abroad|"
    r"overseas)|24[- ]?hours? (?:emergency |travel )?(?:assistance|assist|help ?line|hotline)|"
    r"(?:travel|medical) assistance (?:line|number|hotline)|"
    r"紧急救援|緊急救援|紧急援助|緊急援助|救援热线|救援熱線|援助热线|援助熱線|24小时援助|"
    r"24小時援助|(?:国外|國外|境外|海外)[^，。？?]{0,6}(?:紧急|緊急)",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\d[\d -]{2,}\d")


def assistance_passage(entries: Iterable[Entry], language: str) -> Passage | None:
    """The business's emergency or assistance-line entry, in the customer's language, to follow
    every emergency reply (docs/safety.md); None where the knowledge has none.

    Found by what it says, as `crisis_passage` is: "she's not breathing" shares no word with
    "What is the travel emergency assistance number?". Only an entry that gives a number to
    call: one that merely mentions assistance is no help in an emergency. An entry whose
    question says it wins over one whose answer leads with it; an answer that mentions it in
    passing ("客服时间…旅游援助热线…为24小时服务") is about something else."""
    in_answer = None
    for entry in entries:
        if entry.kind != "faq" or (entry.language in ("en", "zh") and entry.language != language):
            continue
        if _leads_emergency_entry(entry):
            return Passage(entry, 0.0)  # "Call 999 now…": its three digits are the number
        if not _PHONE.search(entry.answer or ""):
            continue
        if _ASSISTANCE_ENTRY.search(entry.title):
            return Passage(entry, 0.0)
        first = _FIRST_SENTENCE.match(entry.answer or "")
        if in_answer is None and first and _ASSISTANCE_ENTRY.search(first.group(0)):
            in_answer = entry
    return None if in_answer is None else Passage(in_answer, 0.0)


def _leads_emergency_entry(entry: Entry) -> bool:
    """Whether ``entry`` is the business's own emergency entry: its question is about an
    emergency ("What should I do in a medical emergency?", "遇到医疗紧急情况怎么办？") and its
    answer leads with an emergency number ("Call 999 now if you are in the UK…"). Neither alone
    is one: "Can I get an urgent appointment?" gives no number to call now, and a number in
    passing is not guidance. A pet's is the clinic's (`pet_emergency_passage`)."""
    answer = entry.answer or ""
    return (
        EMERGENCY_WORD.search(entry.title) is not None
        and leads_with_emergency_number(answer)
        and not mentions_animal([f"{entry.title}\n{answer}"])
    )


def home_emergency_entry(entry: Entry) -> bool:
    """Whether ``entry`` is the business's own emergency entry for home, one that leads with its
    number and so may stand in for the generic emergency sentence; an entry about emergencies
    abroad or a travel assistance line follows that sentence instead (docs/safety.md)."""
    return _leads_emergency_entry(entry) and not _ASSISTANCE_ENTRY.search(entry.title)


def pet_emergency_passage(kb: KnowledgeBase, language: str) -> Passage | None:
    """The business's own FAQ entry on pet emergencies (a vet's out-of-hours number), found
    by asking for it: "my dog ate grapes" rarely scores it high enough by itself."""
    query = PET_EMERGENCY_QUERY["zh" if language == "zh" else "en"]
    for p in clean_passages(kb.search(query).passages)[:3]:
        entry = p.entry
        about = f"{entry.title}\n{entry.answer or entry.text}"
        other_language = entry.language in ("en", "zh") and entry.language != language
        if entry.kind != "faq" or other_language:
            continue
        if EMERGENCY_WORD.search(entry.title) and mentions_animal([about]):
            return p
    return None


# The service an emergency entry sends the customer to: its question's words first ("What should
# I do in a medical emergency?"), else the first one its answer's first sentence names ("If you
# are in danger, call the police now: 999 in Singapore (ambulance 995)…" is the police's).
_SERVICE_WORDS = (
    (
        "police",
        r"\bpolice\b|\bcops?\b|\bcrime\b|\bassault\w*|\bharass\w*|报警|警察|警方|110报警|"
        r"(?:拨打|打)110",
    ),
    ("fire", r"fire (service|brigade|department)|\bfire\b|消防|火灾|火警|119(?:火警|消防)"),
    (
        "ambulance",
        r"\bambulance|\bmedical\b|\bparamedic|\ba&e\b|\bhospital|急救|救护|医疗|"
        r"醫療|救護|急診|急诊|就医|送医|120急救",
    ),
)
_SERVICES = [(name, re.compile(words, re.IGNORECASE)) for name, words in _SERVICE_WORDS]


def entry_service(entry: Entry) -> str | None:
    """The service ("police", "fire" or "ambulance") the business's emergency entry is written
    for, or None where it names none (a general "call 999 now"), which fits any."""
    for name, words in _SERVICES:
        if words.search(entry.title):
            return name
    first = _FIRST_SENTENCE.match(entry.answer or entry.text)
    sentence = first.group(0) if first else ""
    found = [(m.start(), name) for name, words in _SERVICES if (m := words.search(sentence))]
    return min(found)[1] if found else None


def fits_need(entry: Entry, need: str) -> bool:
    """May this emergency entry appear in a reply to an emergency that ``need``s this service?
    A dating app's police advice ("call the police, get to a public place, report the member")
    beside an overdose or someone not breathing is wrong (a tester, 2026-12): kefu's own line
    for the ambulance stands alone. A medical entry may follow a fire's or the police's number
    (someone may be hurt too); it never leads them (`kefu.dialogue.emergency_reply`)."""
    service = entry_service(entry)
    return service is None or service == need or service == "ambulance"
