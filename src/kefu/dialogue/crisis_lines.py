"""Crisis lines for where the customer is, beside suicide or self-harm (docs/safety.md).

kefu's own crisis lines follow the emergency number where the business's knowledge has no crisis
entry. They named the US's 988 and the UK's Samaritans to everyone: a Singapore clinic's tester
(995 configured, 2026-12) got them for "since the baby came I keep thinking everyone would be
better off without me", where Samaritans of Singapore (1767) answer. The place is the one the
message says the customer is in ("I'm in Singapore", "I'm in KL"), then any place it names
("my mum in Taipei"), then the places the configured emergency number implies. A number several
places share gives each of their lines, ordered by how the customer writes (2026-12: a UK and
Taiwan care business, en=999,zh=119, had "the US: 988" first for English and Hong Kong's lines
before Taiwan's for Taiwanese Mandarin; an Australia and Malaysia gym, zh=999, got mainland
China's 12356): 999 is the UK's first for English, Malaysia's and Hong Kong's for simplified
Chinese, Hong Kong's first for Cantonese; 119 is Taiwan's (Japan's and Korea's lines come
only for a message written in kana or Hangul). Mainland China's or the US's lines come only
where the number or the message points there.

Sources: each service's own published numbers (Samaritans of Singapore 1767 and the Institute of
Mental Health's Mental Health Helpline 6389 2222, both 24 hours; The Samaritans Hong Kong 2896
0000 and The Samaritan Befrienders Hong Kong 2389 2222, 24 hours; Befrienders Kuala Lumpur
03-7627 2929, 24 hours; mainland China's 12356 psychological assistance line; 988 in the US and
Canada; Samaritans 116 123 in the UK and Ireland; Lifeline Australia 13 11 14; New Zealand's 1737;
Taiwan's Ministry of Health and Welfare 安心專線 1925, 24 hours, Lifeline Taiwan 生命線 1995 and
Teacher Chang 張老師 1980; South Korea's Ministry of Health and Welfare suicide prevention line
109, 24 hours; Japan's Yorisoi Hotline よりそいホットライン 0120-279-338, 24 hours).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kefu.dialogue import gazetteer, messages
from kefu.dialogue.abroad import where_customer_is, writes_cantonese
from kefu.dialogue.emergency_numbers import TABLE
from kefu.text.script import script_of

# Per place (`kefu.dialogue.abroad`'s table keys): the lines as an English and a Chinese clause.
_LINES: dict[str, tuple[str, str]] = {
    "sg": (
        "in Singapore: Samaritans of Singapore (SOS) on 1767, or the IMH Mental Health Helpline "
        "on 6389 2222, both 24 hours",
        "新加坡：新加坡援人协会（SOS）热线1767，"
        "或心理卫生学院（IMH）心理健康热线6389 2222，均24小时接听",
    ),
    "hk": (
        "in Hong Kong: The Samaritans on 2896 0000 or The Samaritan Befrienders on 2389 2222, "
        "both 24 hours",
        "香港：撒玛利亚防止自杀会2389 2222，或香港撒玛利亚会（多语言）2896 0000，均24小时接听",
    ),
    "my": (
        "in Malaysia: Befrienders Kuala Lumpur on 03-7627 2929, 24 hours",
        "马来西亚：吉隆坡生命线协会（Befrienders KL）03-7627 2929，24小时接听",
    ),
    "cn": (
        "in mainland China: the national psychological assistance hotline 12356",
        "中国内地：全国心理援助热线12356，北京心理危机干预热线010-82951332",
    ),
    "tw": (
        "in Taiwan: the 1925 Mental Health Hotline (安心專線, 24 hours), Lifeline on 1995 or "
        "Teacher Chang on 1980",
        "台湾：安心专线1925（24小时），生命线1995，张老师1980",
    ),
    "us": ("in the US: call or text 988", "美国：拨打或发短信至988"),
    "ca": ("in Canada: call or text 988", "加拿大：拨打或发短信至988"),
    "uk": ("in the UK: Samaritans on 116 123", "英国：撒玛利亚会（Samaritans）116 123"),
    "ie": ("in Ireland: Samaritans on 116 123", "爱尔兰：撒玛利亚会（Samaritans）116 123"),
    "au": ("in Australia: Lifeline on 13 11 14", "澳大利亚：Lifeline 13 11 14"),
    "nz": ("in New Zealand: call or text 1737", "新西兰：拨打或发短信至1737"),
    # for a writer in Korean or Japanese (`_BY_SCRIPT`)
    "kr": (
        "in South Korea: the suicide prevention line 109, 24 hours",
        "韩国：自杀预防咨询电话109，24小时接听",
    ),
    "jp": (
        "in Japan: the Yorisoi Hotline on 0120-279-338, 24 hours",
        "日本：Yorisoi热线（よりそいホットライン）0120-279-338，24小时接听",
    ),
}

# A message in Hangul or in kana was most likely written in Korea or Japan (kefu answers in
# English or Chinese; "죽고 싶어" and "死にたい" got only the business's home lines before,
# 2026-12-01): that place's lines come first, the business's after them.
_BY_SCRIPT = (("kr", re.compile(r"[\uac00-\ud7a3]")), ("jp", re.compile(r"[\u3040-\u30ff]")))


# Where a number several places share implies, in the order a writer of each script most
# likely is there (only these: a Chinese writer given 999 is far likelier in Kuala Lumpur or
# Hong Kong than in the UK); a number not listed gives its places in the table's order.
_SHARED_ORDER: dict[tuple[str, str], tuple[str, ...]] = {
    ("999", "en"): ("uk", "hk", "my"),
    ("999", "simplified"): ("my", "hk"),
    ("999", "cantonese"): ("hk", "my"),
    ("999", "traditional"): ("hk", "my"),
    ("119", "en"): ("tw",),
    ("119", "simplified"): ("tw",),
    ("119", "traditional"): ("tw",),
    ("119", "cantonese"): ("tw",),
}
_MOST = 3  # places named at most: a long list reads as no answer


def _writer(message: str, language: str) -> str:
    if language != "zh":
        return "en"
    if writes_cantonese(message):
        return "cantonese"  # Hong Kong's (or Macau's) written Cantonese, in either script
    return "traditional" if script_of(message) == "traditional" else "simplified"


def _with_lines(key: str) -> str | None:
    """The place (or its nearest ancestor: Taipei → Taiwan) whose lines kefu knows."""
    todo = [key]
    while todo:
        here = todo.pop(0)
        if here in _LINES:
            return here
        todo.extend(gazetteer.parents(here))
    return None


def places_for(message: str, language: str, numbers: Sequence[str]) -> tuple[list[str], bool]:
    """The places whose lines to give, first first, and whether the numbers also reach places
    with no lines listed here (then "elsewhere" follows). ``numbers``: the configured emergency
    number for ``language`` first, then the business's others."""
    named = _named(message)
    found: list[str] = [] if named is None or named[0] not in _LINES else [named[0]]
    found += [key for key, script in _BY_SCRIPT if script.search(message)]
    for _start, _end, key in gazetteer.place_spans(message):
        place = _with_lines(key)
        if place is not None:
            found.append(place)
    elsewhere = False
    # where the customer says they are wins over the business's numbers ("I'm in Singapore")
    for i, number in enumerate(() if named is not None else numbers):
        shared = [k for k, n in TABLE.items() if n.ambulance == number]
        listed = [k for k in shared if k in _LINES]
        order = _SHARED_ORDER.get((number, _writer(message, language)), ())
        if order:
            listed = [k for k in order if k in listed]
        if i > 0:
            # the business's other number only where the first implies no listed place
            # ("en=000" alone tells an English customer of an Australian business nothing more)
            if found:
                break
            listed = listed[:1]
        found += listed
        elsewhere = elsewhere or len(listed) < len(shared)
    return list(dict.fromkeys(found))[:_MOST], elsewhere


def crisis_lines(
    message: str, language: str, *, configured: str | None, others: Sequence[str] = ()
) -> str:
    """The crisis-lines sentence for where the customer is (``configured``: the business's
    emergency number for ``language``; ``others``: its numbers for other languages), else
    kefu's general one."""
    numbers = [n for n in (configured, *others) if n]
    by_script = any(script.search(message) for _key, script in _BY_SCRIPT)
    if not numbers and _named(message) is None and not by_script:
        # kefu's general lines (its Chinese ones are mainland China's, made regional for a
        # traditional-script writer by `kefu.dialogue.messages.in_script`)
        return messages.reply("crisis_lines", language)
    keys, elsewhere = places_for(message, language, numbers)
    zh = language == "zh"
    named = _named(message)
    if not keys:
        if named is None:
            return messages.reply("crisis_lines", language)
        # a place with no lines listed here: its emergency number, not the US's 988
        if zh:
            return f"您不必独自承受：请立即拨打{named[1]}，或联系当地的心理援助热线。"
        return (
            f"You don't have to go through this alone: call {named[1]} now, or a crisis line "
            "where you are."
        )
    clauses = [_LINES[k][1 if zh else 0] for k in keys]
    number = numbers[0] if numbers else None
    if zh:
        tail = f"；其他地区请拨打{number}或当地的心理援助热线" if elsewhere and number else ""
        return f"您不必独自承受：现在就可以拨打心理援助热线（{'；'.join(clauses)}{tail}）。"
    tail = f"; elsewhere, {number} or a crisis line where you are" if elsewhere and number else ""
    return (
        "You don't have to go through this alone: you can talk to a crisis line now "
        f"({'; '.join(clauses)}{tail})."
    )


def _named(message: str) -> tuple[str, str] | None:
    """The table key and ambulance number of the place the message says the customer is in."""
    numbers = where_customer_is(message)
    keys = [k for k, n in TABLE.items() if n is numbers]
    return None if numbers is None or not keys else (keys[0], numbers.ambulance)
