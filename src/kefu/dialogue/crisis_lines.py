"""Crisis lines for where the customer is, beside suicide or self-harm (docs/safety.md).

kefu's own crisis lines follow the emergency number where the business's knowledge has no crisis
entry. They named the US's 988 and the UK's Samaritans to everyone: a Singapore clinic's tester
(995 configured, 2026-12) got them for "since the baby came I keep thinking everyone would be
better off without me", where Samaritans of Singapore (1767) answer. The place is the one the
message says the customer is in ("I'm in Singapore"), else the country of the configured
emergency number where only one country has it (995: Singapore; 999 is the UK's, Hong Kong's and
Malaysia's alike, so it names none); with neither, the lines stay the general text.

Sources: each service's own published numbers (Samaritans of Singapore 1767 and the Institute of
Mental Health's Mental Health Helpline 6389 2222, both 24 hours; The Samaritans Hong Kong 2896
0000 and The Samaritan Befrienders Hong Kong 2389 2222, 24 hours; Befrienders Kuala Lumpur
03-7627 2929, 24 hours; mainland China's 12356 psychological assistance line; 988 in the US and
Canada; Samaritans 116 123 in the UK and Ireland; Lifeline Australia 13 11 14; New Zealand's 1737).
"""

from __future__ import annotations

from kefu.dialogue import messages
from kefu.dialogue.abroad import place_of

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
    "us": ("in the US: call or text 988", "美国：拨打或发短信至988"),
    "ca": ("in Canada: call or text 988", "加拿大：拨打或发短信至988"),
    "uk": ("in the UK: Samaritans on 116 123", "英国：撒玛利亚会（Samaritans）116 123"),
    "ie": ("in Ireland: Samaritans on 116 123", "爱尔兰：撒玛利亚会（Samaritans）116 123"),
    "au": ("in Australia: Lifeline on 13 11 14", "澳大利亚：Lifeline 13 11 14"),
    "nz": ("in New Zealand: call or text 1737", "新西兰：拨打或发短信至1737"),
}


def crisis_lines(message: str, language: str, *, configured: str | None) -> str:
    """The crisis-lines sentence for where the customer is (``configured``: the business's
    emergency number for ``language``), else kefu's general one."""
    place = place_of(message, language, configured=configured)
    if place is None or (place[0] == "cn" and language == "zh"):
        # kefu's general Chinese lines are mainland China's already
        return messages.reply("crisis_lines", language)
    key, ambulance = place
    lines = _LINES.get(key)
    if language == "zh":
        if lines is None:
            return f"您不必独自承受：请立即拨打{ambulance}，或联系当地的心理援助热线。"
        return f"您不必独自承受：现在就可以拨打心理援助热线（{lines[1]}）。"
    if lines is None:
        return (
            "You don't have to go through this alone: call "
            f"{ambulance} now, or a crisis line where you are."
        )
    return (
        f"You don't have to go through this alone: you can talk to a crisis line now ({lines[0]})."
    )
