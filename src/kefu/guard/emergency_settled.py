"""A death or a mishap that is over, told to ask what happens next: not an emergency now.

A home-care business's tester (2026-12) got "Call 999 now" from the learned head for
"my dad passed away on sunday, what do we need to do about his care package and the last
invoice", "mum died last night… I don't know what to do with myself", "媽媽走了以後我每天都睡
不著", "my mum fell over last Tuesday, she's ok, bruised knee, do we need to tell you?" and
"我媽上個月跌倒骨折 現在出院了". No rule reads them; the head reads death and falls.

`settled` says which messages are only that: a bereavement told as grief or admin, or a past
event (a week or more ago) said to be over (she's fine, 出院了). It vetoes the head's verdict
only, never a rule's. A present danger beside it keeps the message for the head: "she died …
and now dad says he wants to join her" (a suicide sign), "mum fell last week and now she can't
get up", "上個月中風 今天又說不出話".
"""

from __future__ import annotations

import re

# A death that has happened: "passed away", "died last night", "the funeral", "走了以後", "過世".
_DEATH = re.compile(
    r"\b(passed away|has died|had died|died (last|on|yesterday|this|in|at|peacefully|"
    r"suddenly|earlier|overnight|a few|two|three|\d)|(since|after|before) (\w+ ){0,2}(died|"
    r"passed|death)|funeral|bereave\w*|condolences|death certificate|(his|her|their|my \w+'?s?) "
    r"death|lost (my|our) (mum|mom|mother|dad|father|husband|wife|gran\w*|nan|nana|"
    r"grand\w+|brother|sister|son|daughter))\b|"
    r"(过世|過世|去世|离世|離世|往生|病逝|仙逝|辞世|辭世|丧礼|喪禮|葬礼|葬禮|告别式|告別式|追思)|"
    r"(爸|妈|媽|爷|爺|奶|婆|公|嬤|嬷)[^，,。.!！?？\n]{0,4}走了(以后|以後|之后|之後|后|後)?",
    re.IGNORECASE,
)
# Over and done: a week or more ago, and said to be well now.
_PAST = re.compile(
    r"\b(last (week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|spring|summer|autumn|fall|winter)|(\d+|a|one|two|three|four|few|a few|several|"
    r"couple of|a couple of) (weeks?|months?|years?) ago|in (january|february|march|april|may|"
    r"june|july|august|september|october|november|december)|back in|a while (back|ago))\b|"
    r"上(个|個)?(月|星期|礼拜|禮拜|周|週)|去年|前年|几(个|個)?(月|星期)前|幾(个|個)?(月|星期)前|"
    r"[一二两兩三四五六七八九十\d]+(个|個)?(月|星期|周|週|年)前",
    re.IGNORECASE,
)
_WELL = re.compile(
    r"\b(she|he|they|i|we|dad|mum|mom|nan|gran)('s| is| are|'m| am| was| were)( \w+)? (ok|okay|"
    r"fine|alright|all right|better|recovering|recovered|home|back home|doing well|doing "
    r"fine)\b|\b(fine|ok|okay|better) now\b|\ball (good|fine|ok) now\b|\bno harm done\b|"
    r"\b(out of|discharged from|home from) (the )?hospital\b|"
    r"出院|(已经|已經|现在|現在|都|也)?(没事|沒事|好了|好多了|康复|康復|恢复|恢復)",
    re.IGNORECASE,
)
# A danger now beside it: a wish to follow the dead, someone who cannot get up or breathe, a
# sign back again. The head keeps reading such a message.
_NOW = re.compile(
    r"\b(join (her|him|them)|be with (her|him|them) (again|now|soon)|follow (her|him|them)|"
    r"go with (her|him|them)|without (her|him) (i|he|she) (can'?t|won'?t|don'?t want)|"
    r"(and|but) now\b|again\b|suddenly|today|tonight|this morning|right now|still (can'?t|"
    r"won'?t|isn'?t|hasn'?t|not|bleeding|in pain|unconscious)|can'?t (get up|breathe|move|"
    r"wake)|won'?t (wake|respond|get up)|isn'?t (ok|okay|fine|breathing|responding|moving)|"
    r"not (ok|okay|fine|breathing|responding|moving)|on the floor|(is|'s|are) (bleeding|"
    r"unconscious|choking|fitting|seizing|collapsing|turning blue)|hasn'?t (eaten|drunk|got up|"
    r"moved|woken)|(wants?|want) to die|kill (himself|herself|myself)|end (it|his life|her "
    r"life|my life))|"
    r"但(是)?|可是|突然|又|今天|今早|刚才|剛才|刚刚|剛剛|现在(不|没|叫|倒)|現在(不|沒|叫|倒)|陪(她|他)|"
    r"跟(她|他)(一起)?走|不想活|想死|叫不醒|起不来|起不來|没(有)?呼吸|沒(有)?呼吸",
    re.IGNORECASE,
)


def over(text: str) -> bool:
    """Is ``text`` a mishap a week or more ago said to be over ("choked on a sweet last month,
    she's fine"), with no danger named now? The rules do not read it either (`not_now`)."""
    return bool(_PAST.search(text) and _WELL.search(text)) and not _NOW.search(text)


def settled(text: str) -> bool:
    """Is ``text`` a death already happened or a past mishap said to be over, with no danger
    named now? The learned head's verdict on it is not read (`flags_message`); a rule that
    names a danger beside a death still stands."""
    return over(text) or (bool(_DEATH.search(text)) and not _NOW.search(text))
