"""The business's own instruction for the hazard an emergency names (docs/safety.md): a gas
smell gets the letting agency's "call the National Gas Emergency line 0800 111 999 … In Hong
Kong call Towngas on 2880 6999", a power cut the energy supplier's 105, a road accident the
ride-hailing app's accident section. Quoted after the public emergency number, never instead.

Found by what the knowledge says, not by retrieval: a sentence (or an FAQ question, or the
heading of a document's section) must name the same hazard as the message, and the quoted
sentence must give a phone number to call. Anything weaker adds nothing: most emergencies (a
heart attack in a shop's chat) get the public number alone. Medical emergencies are left to
the business's emergency and assistance entries (`emergency_text`), which already follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kefu.guard.views import views
from kefu.text.variants import to_mandarin
from kefu.types import Entry, Passage

# Each hazard: how a message names it happening, and how the business's text names it. The
# knowledge's side is stricter than "gas" or "燃气": "我付不起电费燃气费怎么办？" and a gas
# meter-reading how-to are not instructions for a leak.
_GAS_TEXT = (
    r"smell(s|ing|t)?( of)? gas|gas (smell|leak|escape)\w*|leak\w* gas|gas emergenc\w*|"
    r"(煤气|燃气|天然气|瓦斯|石油气)(味|气味|泄漏|泄露|外泄|漏气|紧急|抢修|事故)|"
    r"(闻到|有).{0,4}(煤气|燃气|天然气)味|漏(煤|燃)?气"
)
_HAZARDS: dict[str, tuple[str, str]] = {
    "gas": (
        _GAS_TEXT + r"|gas is leaking|gassy smell|(煤气|燃气|天然气)中毒",
        _GAS_TEXT,
    ),
    # Carbon monoxide: where the business gives no line of its own, its gas emergency line is
    # the one to call (a UK tenant handbook says "call the gas emergency line").
    "co": (
        r"carbon monoxide|\bco (alarm|detector|poison\w*)|一氧化碳|煤气中毒",
        r"carbon monoxide|\bco alarm|一氧化碳|" + _GAS_TEXT,
    ),
    "electric": (
        r"\bspark(s|ing|ed)?\b|electric(al)? shock|electrocut\w*|live wire|(wires?|cables?|"
        r"sockets?|plugs?|meter|fuse ?box|outlet)\b[^.!?]{0,30}\b(smok\w*|burn\w*|melt\w*|fire)|"
        r"触电|电击|冒火花|打火花|漏电|(电线|插座|电箱|配电箱|电表)[^。！？]{0,6}(冒烟|着火|烧|火花)",
        r"\bsparks?\b|sparking|electric(al)? shock|electrocut\w*|live wires?|exposed wires?|"
        r"(fallen|damaged) (power )?(lines?|cables?|wires?)|electrical emergenc\w*|触电|漏电|"
        r"火花|电线(裸露|掉落|断)",
    ),
    "power": (
        r"power (cut|outage|failure)|power('s| is| has)? (gone|out|off)|no (power|electricity)|"
        r"blackout|停电|断电|没电了|没有电了",
        r"power (cut|outage|failure)|no (power|electricity)|停电|断电",
    ),
    "water": (
        r"flood\w*|burst (pipe|water)|pipes? (has |have )?burst|water (is )?(coming|pouring|"
        r"gushing|leaking|pours|flowing) (in|through|from|down|out)|漏水|水浸|淹水|爆水管|"
        r"水管(爆|裂)|进水|水漫",
        r"flood\w*|burst pipes?|water damage|water (coming|pouring|leaking) (in|through)|"
        r"water entry|漏水|水浸|淹水|爆水管|水管(爆|裂)|进水",
    ),
    "fire": (
        r"\bfires?\b|\bflames?\b|\bsmok(e|ing)\b|\bburning\b|着火|火灾|失火|起火|冒烟|烧起来|火烛",
        # Not "flames": a gas leak's "don't use naked flames" is no fire instruction.
        r"\bfires?\b|on fire|着火|火灾|失火|起火",
    ),
    "break_in": (
        r"break(ing)?[- ]in|broken into|breaking into|burglar\w*|intruder|入室|撬(门|锁)|"
        r"小偷|闯入|有人闯",
        r"break-ins?|broken into|burglar\w*|intruders?|入室|撬门|闯入",
    ),
    "accident": (
        r"\b(accident|crash|crashed|collision)\b|车祸|交通事故|撞车|被车撞|追尾|翻车|出事故",
        r"(road|traffic|car|motor|vehicle) (accident|crash|collision)|\bcar crash\b|车祸|"
        r"交通事故|撞车",
    ),
}
_MESSAGE = {k: re.compile(m, re.IGNORECASE) for k, (m, _) in _HAZARDS.items()}
_TEXT = {k: re.compile(t, re.IGNORECASE) for k, (_, t) in _HAZARDS.items()}

# A sentence that tells the customer whom to call: a verb or a line, and a phone number.
_CALL = re.compile(
    r"\b(call|phone|ring|dial|contact|text)\b|\bline\b|number|hotline|拨打|致电|电话|热线|联系|报警",
    re.IGNORECASE,
)
# Three digits or more, possibly grouped by spaces or dashes; not money ("HK$10,000"), a
# time ("22:00-06:00"), a decimal or a quantity ("within 48 hours", "50万元").
_NUMBER = re.compile(r"(?<![\d$£€¥:.,])\+?\d[\d -]*\d(?![\d:]|\.\d|,\d)")
_UNIT = re.compile(
    r"\s?(hours?|hrs?|days?|minutes?|mins?|weeks?|months?|years?|%|°|万|元|小时|分钟|天|岁|号)",
    re.IGNORECASE,
)
# Sentences end at Latin end punctuation before a space ("portal.kthomes.example" is whole),
# at Chinese end punctuation anywhere, and at line breaks (list items, table rows).
_SENTENCE = re.compile(r"(?<=[.!?])\s+|(?<=[。！？；])|\n+")
# The most that is quoted: a sentence or two with the numbers, not a page.
_MAX_SENTENCES = 3
_MAX_CHARS = 480


def hazards(message: str) -> frozenset[str]:
    """The hazards ``message`` names (gas, carbon monoxide, electricity, a power cut, water, a
    fire, a break-in, a road accident); empty for any other emergency."""
    texts = views(message)  # lookalike letters, and traditional or Cantonese read as Mandarin
    return frozenset(k for k, rx in _MESSAGE.items() if any(rx.search(t) for t in texts))


def hazard_passage(
    message: str, entries: Iterable[Entry], language: str
) -> tuple[Passage, str] | None:
    """The business's instruction for the hazard ``message`` names and the text to quote from
    it, in the customer's language; None where the message names no hazard or nothing in the
    knowledge matches it confidently."""
    named = hazards(message)
    if not named:
        return None
    best: tuple[tuple[int, int, int], Entry, str] | None = None
    for entry in entries:
        if entry.kind not in ("faq", "chunk"):
            continue
        if entry.language in ("en", "zh") and entry.language != language:
            continue  # guidance in a language the customer may not read helps no one
        found = quote(entry, named)
        if found is None:
            continue
        rank, text = found
        if best is None or rank > best[0]:
            best = (rank, entry, text)
    return None if best is None else (Passage(best[1], 0.0), best[2])


def quote(entry: Entry, named: frozenset[str]) -> tuple[tuple[int, int, int], str] | None:
    """What of ``entry`` to quote for the hazards ``named``, with its rank (an FAQ whose
    question names the hazard first, then a section headed by it, then a sentence naming it;
    more numbers, then an FAQ, win a tie); None where it gives no instruction for them."""
    faq = entry.kind == "faq"
    body = (entry.answer or "") if faq else entry.text
    sentences = [s.strip() for s in _SENTENCE.split(body) if s.strip()]
    calls = [s for s in sentences if _gives_number(s)]
    if not calls:
        return None
    heading = entry.text if faq else entry.title.rsplit(">", 1)[-1]
    if _names(heading, named):
        # The question or the section is about the hazard: the whole answer when short,
        # else its sentences with a number to call.
        whole = body.strip() if faq and len(body) <= _MAX_CHARS else ""
        text = whole or _join(calls)
        return (2, _count(text), int(faq)), text
    picked: list[str] = []
    for i, sentence in enumerate(sentences):
        if not (_names(sentence, named) and _gives_number(sentence)):
            continue
        picked.append(sentence)
        # "… call the National Gas Emergency line on 0800 111 999 … In Hong Kong call Towngas
        # on 2880 6999.": the next sentence with a number continues it, unless it turns to
        # another hazard ("If there is a fire … call 999").
        after = sentences[i + 1] if i + 1 < len(sentences) else ""
        if after and _gives_number(after) and not _names_any(after):
            picked.append(after)
    if not picked:
        return None
    text = _join(list(dict.fromkeys(picked)))
    return (1, _count(text), int(faq)), text


def names_hazard(entry: Entry, named: frozenset[str]) -> bool:
    """Whether ``entry`` speaks of one of the hazards ``named`` at all (its question, title or
    text): an entry retrieval ranked first that does not (the bills page for a gas leak) is
    left out of the reply when the business's instruction for the hazard is there."""
    return _names(f"{entry.title}\n{entry.text}\n{entry.answer or ''}", named)


def _names(text: str, named: frozenset[str]) -> bool:
    plain = to_mandarin(text)  # a Hong Kong business writes 煤氣, 火災
    return any(_TEXT[k].search(plain) for k in named)


def _names_any(text: str) -> bool:
    plain = to_mandarin(text)
    return any(rx.search(plain) for rx in _TEXT.values())


def _numbers(text: str) -> list[str]:
    found = []
    for m in _NUMBER.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 3 and not _UNIT.match(text, m.end()):
            found.append(m.group(0))
    return found


def _gives_number(sentence: str) -> bool:
    return bool(_CALL.search(sentence)) and bool(_numbers(sentence))


def _count(text: str) -> int:
    return len(_numbers(text))


def _join(sentences: list[str]) -> str:
    out: list[str] = []
    for s in sentences[:_MAX_SENTENCES]:
        if out and sum(len(x) for x in out) + len(s) > _MAX_CHARS:
            break
        out.append(s)
    # Chinese sentences join without a space, English ones with one.
    return "".join(s if s[-1] in "。！？；" else s + " " for s in out).strip()
