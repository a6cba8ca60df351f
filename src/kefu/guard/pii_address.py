"""Address recognisers for `kefu.guard.pii` (English and Chinese), kept apart because the
cues an address gives are long lists (street types, provinces, cities) and rules of their own.

Best effort: English "<number> <Name> Street|Ave|Rd..." (+ "Apt 4B"), and Chinese addresses
anchored on a province or major city name and ending in ...路/街/道/巷 + 号 (+ 栋/单元/室).
Addresses without these cues are not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

D = "[0-9０-９]"

_STREET_TYPES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
    "Terrace|Parkway|Pkwy|Square|Sq|Highway|Hwy|Close|Crescent"
)
_ADDRESS_EN = re.compile(
    r"(?<![A-Za-z0-9_])\d{1,5}[A-Za-z]? (?:[NSEW]\.? )?(?:[A-Z][a-z]{1,20} ){1,3}"
    r"(?:" + _STREET_TYPES + r")\b"
    r"(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|#)\.? ?#?[0-9]{1,5}[A-Za-z]?\b)?"
    r"|(?<![A-Za-z0-9_])(?:Apt|Apartment|Suite|Unit|Flat)\.? ?#?[0-9]{1,5}[A-Za-z]?\b"
)
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|"
    "湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
)
_CITIES = (
    "北京|天津|上海|重庆|深圳|广州|杭州|南京|苏州|成都|武汉|西安|长沙|郑州|青岛|厦门|宁波|"
    "无锡|合肥|福州|济南|沈阳|大连|哈尔滨|长春|昆明|南宁|贵阳|南昌|太原|石家庄|兰州|海口|"
    "东莞|佛山|珠海|温州|绍兴|嘉兴|常州|徐州|烟台|惠州|中山|泉州|乌鲁木齐|呼和浩特|拉萨|银川|西宁"
)
_HAN = "[\u4e00-\u9fff]"
_ADDRESS_ZH = re.compile(
    "(?=[" + "".join(sorted({n[0] for n in (_PROVINCES + "|" + _CITIES).split("|")})) + "])"
    "(?>(?:" + _PROVINCES + ")(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)"
    "|(?:" + _CITIES + ")市?)"
    "(?:(?:(?![路街巷道])" + _HAN + "){0,12}+[路街巷道]){1,3}" + D + "{1,5}号"
    "(?:(?:院|大厦|" + D + "{1,4}(?:号楼|栋|幢|单元|层|楼|室|号))){0,4}"
)


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each address candidate in ``text``; they may overlap."""
    for pattern in (_ADDRESS_EN, _ADDRESS_ZH):
        for m in pattern.finditer(text):
            yield m.start(), m.end()
