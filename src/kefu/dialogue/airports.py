"""Airports as places for `kefu.dialogue.abroad`: "I'm at Heathrow", "at Changi", "我在浦东机场".

Kept apart from the reading of where the customer is: a table of names, one per line.
"""

from __future__ import annotations

import re
from functools import cache

# Airports are places too: "I'm at Heathrow", "at Changi", "我在浦东机场" (an airline's tester got
# mainland China's 120 first for the first two). Each maps to its country in `TABLE`. An
# English name is read on word boundaries, case-insensitively, except an IATA code, which must
# be in capitals ("JFK", not "can"); only codes that are no English word are listed.
_AIRPORTS: dict[str, tuple[str, ...]] = {
    "uk": (
        "Heathrow",
        "LHR",
        "Gatwick",
        "LGW",
        "Stansted",
        "STN",
        "Luton Airport",
        "Manchester Airport",
        "Edinburgh Airport",
        "希思罗",
        "希斯罗",
        "希思路",
        "盖特威克",
    ),
    "sg": ("Changi", "樟宜"),
    "hk": ("Chek Lap Kok", "HKIA", "HKG", "赤鱲角", "赤腊角", "赤臘角"),
    "cn": (
        "Pudong",
        "PVG",
        "Hongqiao",
        "Tianfu",
        "TFU",
        "Shuangliu",
        "CTU",
        "Daxing",
        "PKX",
        "Beijing Capital",
        "PEK",
        "Baiyun",
        "Bao'an",
        "Baoan",
        "SZX",
        "Xiaoshan",
        "浦东",
        "浦東",
        "虹桥",
        "虹橋",
        "天府机场",
        "天府機場",
        "天府国际机场",
        "双流",
        "雙流",
        "大兴机场",
        "大興機場",
        "首都机场",
        "首都機場",
        "白云机场",
        "白雲機場",
        "宝安机场",
        "寶安機場",
        "萧山机场",
        "蕭山機場",
    ),
    "tw": ("Taoyuan Airport", "TPE", "桃园机场", "桃園機場"),
    "jp": (
        "Narita",
        "NRT",
        "Haneda",
        "HND",
        "Kansai Airport",
        "KIX",
        "成田",
        "羽田",
        "关西机场",
        "關西機場",
    ),
    "kr": ("Incheon", "ICN", "仁川"),
    "th": ("Suvarnabhumi", "Don Mueang", "BKK", "素万那普", "素萬那普"),
    "my": ("KLIA",),
    "ae": ("DXB",),
    "qa": ("Hamad International", "DOH"),
    "us": (
        "JFK",
        "LaGuardia",
        "Newark Airport",
        "EWR",
        "LAX",
        "O'Hare",
        "SFO",
        "肯尼迪机场",
        "肯尼迪機場",
    ),
    "fr": ("CDG", "Charles de Gaulle", "Orly", "戴高乐机场", "戴高樂機場"),
    "nl": ("Schiphol", "史基浦"),
    "de": ("Frankfurt Airport",),
    "au": ("Sydney Airport", "Melbourne Airport"),
}


@cache
def airport_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each airport name's pattern and its country's key in `TABLE`."""
    out = []
    for key, names in _AIRPORTS.items():
        for name in names:
            if not name.isascii():
                out.append((re.compile(re.escape(name)), key))
            elif name.isupper():
                out.append((re.compile(rf"\b{re.escape(name)}\b"), key))
            else:
                out.append((re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE), key))
    return out
