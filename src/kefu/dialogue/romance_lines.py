"""What follows kefu's fixed reply to a romance scam or sextortion (`kefu.guard.romance_scam`,
docs/safety.md): the police number for where the customer is, the business's own entry on
such scams quoted whole, and the follow-up turns that still belong to it.

The police number is that of where the message says the customer is ("I'm in Singapore"), else
of the places the configured emergency numbers reach where they share one police number; a
place merely named is the scammer's story ("a trader from Hong Kong"), not where help must
come. An ambulance's number is never given for this: a dating-app tester's sextortion message
got "请立即拨打急救电话120", where mainland China's police are 110.

The entry is found by what it says, as the child-safety entry is
(`kefu.dialogue.safeguarding_entry`), not by how search ranked the message: a sextortion
message needs the entry on threats to share images, a money request the one on being asked
for money; the entry is shown whole, so a section is never cut before "Do not pay".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kefu.dialogue.abroad import where_customer_is
from kefu.dialogue.emergency_numbers import TABLE, Numbers
from kefu.dialogue.intents import triage
from kefu.text.variants import to_mandarin
from kefu.types import ChatMessage, Entry, Passage

# -- the police --------------------------------------------------------------------------------


def _police(numbers: Numbers) -> str:
    return numbers.police or numbers.ambulance


def police_line(message: str, language: str, numbers: Sequence[str | None]) -> str:
    """The sentence that gives the police number (``numbers``: the business's configured
    emergency numbers, the reply language's first), or "" where no place is known."""
    zh = language == "zh"
    # where the customer says they are; not any place named ("he says he's a trader from Hong
    # Kong" is the scammer's story, not where the police must come)
    place = where_customer_is(message)
    if place is not None:
        where, number = (place.zh if zh else place.en), _police(place)
    else:
        where, number = "", ""
        for configured in (n for n in numbers if n):
            # every place the number reaches (as ambulance or police) with one police number
            # between them: "120" is mainland China's (110), "995" Singapore's (999)
            places = [p for p in TABLE.values() if configured in (p.ambulance, p.police)]
            police = {_police(p) for p in places}
            if len(police) == 1:
                number = police.pop()
                where = (places[0].zh if zh else places[0].en) if len(places) == 1 else ""
                break
    if not number:
        return ""
    if zh:
        return f"报警请拨打{number}（{where}）。" if where else f"报警请拨打{number}。"
    return f"To reach the police{' in ' + where if where else ''}, call {number}."


# -- the business's own entry -----------------------------------------------------------------

_ABOUT_SEXTORTION = re.compile(
    r"\bsextort\w*|\bthreat\w* to (share|post|leak|send)\b.{0,30}\b(photos?|images?|pictures?|"
    r"videos?|nudes?)|\b(intimate|private|nude) (images?|photos?|pictures?)\b|性勒索|"
    r"(威胁|扬言)\S{0,8}(传播|发布|公开|曝光)\S{0,6}(照片|视频)|私密照片|裸照",
    re.IGNORECASE,
)
_ABOUT_MONEY = re.compile(
    r"\b(romance scam\w*|scam\w*|asks? (you |me )?for money|asking (you |me )?for money|"
    r"send money|gift cards?|crypto)\b|杀猪盘|诈骗|骗子|借钱|要钱|索要钱财|拉投资|转账",
    re.IGNORECASE,
)
# What to do, in the entry: "do not pay" for sextortion, "never send money" for a money
# request; not a rule about bans alone ("传播他人私密照片会被封禁", "we help the victim report
# it to the police"), which a sextortion message found before either.
_ADVICE = {
    True: re.compile(
        r"\b(never|do not|don'?t) pay\b|不要付钱|别付钱|不要给钱|不要转账|不要打钱", re.IGNORECASE
    ),
    False: re.compile(
        r"\b(never|do not|don'?t) (send|pay|transfer|give)\b|不要(付钱|转账|汇款|打钱|给)|都不要",
        re.IGNORECASE,
    ),
}
_MOST_CHARS = 1200  # a section longer than this is not an answer to read in a chat


def _said(entry: Entry) -> str:
    return f"{entry.title}\n{entry.text}\n{entry.answer or ''}"


def romance_passage(
    entries: Iterable[Entry], language: str, *, sextortion: bool
) -> tuple[Passage, str] | None:
    """The business's entry on sextortion (``sextortion``) or on being asked for money, in the
    customer's language, and the text to show from it whole; None where the knowledge has none."""
    about = _ABOUT_SEXTORTION if sextortion else _ABOUT_MONEY
    best: tuple[int, Passage, str] | None = None
    for entry in entries:
        if entry.language in ("en", "zh") and entry.language != language:
            continue  # advice in a language the customer may not read helps no one
        said = _said(entry)
        folded = to_mandarin(said)
        if not (about.search(said) or about.search(folded)):
            continue
        shown = entry.display_text.strip()
        if not _ADVICE[sextortion].search(shown) or len(shown) > _MOST_CHARS:
            continue
        # an FAQ answer over a document section; the question naming it over the answer alone
        score = (2 if entry.kind == "faq" else 0) + (1 if about.search(entry.text) else 0)
        if entry.kind != "faq" and entry.title:
            shown = f"{_prefix(entry.title, language)}{shown}"
        if best is None or score > best[0]:
            best = (score, Passage(entry, 0.0), shown)
    return None if best is None else (best[1], best[2])


def _prefix(title: str, language: str) -> str:
    return f"根据《{title}》：" if language == "zh" else f"From “{title}”: "


# -- the turns after ------------------------------------------------------------------------

# A turn that carries the scam on: paying, sending, the police, what to do now.
_FOLLOW_UP = re.compile(
    r"\b(pay|paid|send|sent|transfer\w*|money|\$\s?\d|police|report|what (now|do i do|should i "
    r"do)|should i|is it (ok|safe|real|legit)|blackmail\w*|threat\w*)\b|"
    r"给钱|付钱|转账|转了|打钱|给他|给她|报警|举报|怎么办|该不该|要不要|可以吗|靠谱吗|是真的吗",
    re.IGNORECASE,
)
_LOOK_BACK = 4  # the customer's earlier turns read


def romance_told(message: str, history: Sequence[ChatMessage]) -> str | None:
    """The recent turn that told of a romance scam or sextortion, where ``message`` ("should I
    just pay him, it's only $300", "我该给他钱吗", "怎么报警") follows it up; else None."""
    if not _FOLLOW_UP.search(message):
        return None
    earlier = [m.content for m in history if m.role == "user"][-_LOOK_BACK:]
    told = [text for text in earlier if triage(text) == "romance_scam"]
    return told[-1] if told else None
