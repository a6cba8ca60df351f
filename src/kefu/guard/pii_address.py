"""Address recognisers for `kefu.guard.pii` (English and Chinese), kept apart because the
cues an address gives are long lists (street types, provinces, cities) and rules of their own.

Best effort: English "<number> <Name> Street|Ave|Rd..." (+ "Apt 4B"); Chinese addresses
anchored on a province or major city name and ending in ...路/街/道/巷 + 号 (+ 栋/单元/室), or
starting below the city, at a district or county (朝阳区建国路88号) or at the street itself
(建国路88号), which then needs its house number; UK postcodes beside address words (any
area of the right shape: "27 Acacia Avenue, Riverside, RV2 4QT"), or written so that they can
hardly be a product code (a real area: "NW1 6XE"). Hong Kong and Singapore: the flat, floor
and block before an English street ("Flat B, 12/F, 688 Nathan Road"), a "#05-01" unit after it,
"Singapore 560123", and Chinese addresses from 香港, 九龍 or a district, in traditional
characters too (香港中環皇后大道中99號). Australian ones, with a unit, suburb, state and
postcode, and in lower case, are `kefu.guard.pii_address_au`'s. Addresses without these cues
are not found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from kefu.guard.pii_address_au import au_addresses

D = "[0-9０-９]"

_STREET_TYPES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
    "Terrace|Parkway|Pkwy|Square|Sq|Highway|Hwy|Close|Crescent"
)
# Hong Kong writes the flat, floor and block before the street ("Flat B, 12/F, Block 2, 688
# Nathan Road"); Singapore a block before it and "#floor-unit" after ("Blk 123 Ang Mo Kio Ave 3
# #05-01", "14 Orchard Road #05-01").
_BEFORE_STREET = (
    r"(?:(?:(?:Flat|Unit|Room|Rm|Apt|Apartment|Suite|Block|Blk|Tower)\.? ?[A-Z0-9]{1,4}"
    r"|[0-9]{1,3}/F|[GLU]/F|[0-9]{1,3}(?:st|nd|rd|th) (?:Floor|Fl)),? ){0,4}"
)
_UNIT = r"(?:[0-9]{1,3}-[0-9]{1,5}[A-Za-z]?|[0-9]{1,5}[A-Za-z]?)"
_ADDRESS_EN = re.compile(
    r"(?<![A-Za-z0-9_/])" + _BEFORE_STREET + r"(?:Blk\.? )?"
    r"\d{1,5}[A-Za-z]? (?:[NSEW]\.? )?(?:[A-Z][a-z]{1,20}(?:'s)? ){1,3}"
    r"(?:" + _STREET_TYPES + r")\b(?: (?:Central|East|West|North|South)\b| [0-9]{1,2}(?=,? #))?"
    r"(?:,? (?:(?i:Apt|Apartment|Suite|Ste|Unit|Flat|Room)\.? ?#?|#)" + _UNIT + r"\b)?"
    # Manhattan's numbered streets ("350 W 42nd St apt 5B")
    r"|(?<![A-Za-z0-9_/])\d{1,5} (?:[NSEW]\.? )?\d{1,3}(?:st|nd|rd|th) (?:Street|St|Avenue|Ave)\b"
    r"(?:,? (?:(?i:Apt|Apartment|Suite|Ste|Unit)\.? ?#?|#)" + _UNIT + r"\b)?"
    # Malaysia and Singapore put the street word first ("12 Jalan Bukit Merah #03-21")
    r"|(?<![A-Za-z0-9_/])\d{1,5}[A-Z]?,? (?:Jalan|Jln\.?|Lorong|Lor\.?|Lebuh|Persiaran|Lengkok)"
    r"(?: [A-Z][a-z]{1,20}){1,4}(?: [0-9]{1,3}[A-Z]?)?(?:,? #" + _UNIT + r"\b)?"
    r"|(?<![A-Za-z0-9_])(?:Apt|Apartment|Suite|Unit|Flat)\.? ?#?[0-9]{1,5}[A-Za-z]?\b"
    # A Singapore postcode is one building's: six digits after the country's name.
    r"|(?<![A-Za-z])(?:Singapore|新加坡) ?[(（]?[0-9]{6}[)）]?(?![0-9])"
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
# After the house number: 院, 大厦, building, unit, floor, room ("3栋201室", "3单元502": a room
# number after a unit or building needs no 室).
# Traditional characters too (號, 樓, 棟, 層, 單元: Hong Kong), and a flat or block letter
# ("12楼B室", "A座3樓").
_ZH_TAIL = (
    "(?:(?:院|大厦|大廈|(?:" + D + "{1,4}|[A-Za-zＡ-Ｚ])(?:号楼|號樓|栋|棟|幢|单元|單元|层|層|"
    "字楼|字樓|楼|樓|室|房间|房間|房|号|號|座))){0,4}"
    "(?:(?<=[元栋棟幢楼樓层層])" + D + "{1,5}(?![0-9０-９]))?"
)
_ADDRESS_ZH = re.compile(
    "(?=[" + "".join(sorted({n[0] for n in (_PROVINCES + "|" + _CITIES).split("|")})) + "])"
    "(?>(?:" + _PROVINCES + ")(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)"
    "|(?:" + _CITIES + ")市?)"
    "(?:(?:(?![路街巷道])" + _HAN + "){0,12}+[路街巷道]){1,3}" + D + "{1,5}[号號]" + _ZH_TAIL
)
# Hong Kong: from 香港, 九龍, 新界 or a district, to a street (道, 街, 里; "大道中": a street's
# Central, East or West part) and its number: "九龙旺角弥敦道688号12楼B室",
# "香港中環皇后大道中99號". Both character sets: customers write either.
_HK_AREAS = (
    "香港|九龙|九龍|新界|港岛|港島|中环|中環|上环|上環|西环|西環|湾仔|灣仔|铜锣湾|銅鑼灣|北角|"
    "鰂鱼涌|鰂魚涌|柴湾|柴灣|香港仔|薄扶林|跑马地|跑馬地|金钟|金鐘|旺角|油麻地|尖沙咀|佐敦|"
    "太子|深水埗|长沙湾|長沙灣|红磡|紅磡|土瓜湾|土瓜灣|九龙城|九龍城|黄大仙|黃大仙|观塘|觀塘|"
    "牛头角|牛頭角|将军澳|將軍澳|西贡|西貢|沙田|大围|大圍|马鞍山|馬鞍山|大埔|粉岭|粉嶺|上水|"
    "荃湾|荃灣|葵涌|青衣|屯门|屯門|元朗|天水围|天水圍|东涌|東涌|离岛|離島"
)
_ADDRESS_HK = re.compile(
    "(?=[" + "".join(sorted({n[0] for n in _HK_AREAS.split("|")})) + "])"
    "(?>(?:" + _HK_AREAS + ")(?:特别行政区|特別行政區)?)"
    "(?:(?![路街巷道里])"
    + _HAN
    + "){0,12}+[路街巷道里][中东東西南北]?"
    + D
    + "{1,5}[号號]"
    + _ZH_TAIL
)

# An address that starts below the city ("住在朝阳区建国路88号3单元502", "寄到建国路88号"): a
# district or county, perhaps a street office or town, then a street with a house number; or
# the street alone. The street and its number are the cue, so "我住在朝阳区" is not one. The
# search starts at that cue and reads the names before it from a short window, so a long run
# of Han characters costs nothing ("区" x 1,000,000 took 3 s when matched from the left).
# 道 is a street ("弥敦道688号") unless the word is another one (知道, 频道, 通道 "3号").
_ZH_STREET_NUMBER = re.compile(
    "(?:路|街|巷|大道|大街|胡同|(?<![知难難味频頻通说說报報车車轨軌航管渠赛賽跑人地门門步隧])道)"
    "[中东東西南北]?" + D + "{1,5}[号號]"
)
_ZH_TAIL_AT = re.compile(_ZH_TAIL)
_ZH_NAMES_BEFORE = re.compile(
    "(?:(?P<district>" + _HAN + "{1,5})(?:区|县|旗)(?:" + _HAN + "{1,8}?(?:街道|镇|乡))?)?"
    "(?P<street>(?:(?![路街巷区县])" + _HAN + "){1,6})\\Z"
)
_NAMES_WINDOW = 24  # the longest district, town and street names above: 5+1 + 8+2 + 6
# The names match as far left as their lengths allow ("我住在朝阳区..."); a place name does not
# contain these, so the address starts after the last of them in the first name.
_NOT_IN_NAME = (
    "在住到寄送往于是址我你他她的了与及或给至请发查问找去搬位近边旁对离把被让叫个这那就也"
    "还都很吗呢吧啊说想要用下於為給請發問這個對讓說還嗎係喺嘅咗俾"
)
_UP_TO_LAST_BEFORE_NAME = re.compile("^.*[" + _NOT_IN_NAME + "]", re.DOTALL)


def _local_zh(text: str) -> Iterator[tuple[int, int]]:
    found = 0  # where the last address found ends: the next one's names start after it
    for core in _ZH_STREET_NUMBER.finditer(text):
        # Only the run of Han characters just before the street can hold its names.
        at = core.start()
        offset, lowest = at, max(found, at - _NAMES_WINDOW)
        while offset > lowest and "\u4e00" <= text[offset - 1] <= "\u9fff":
            offset -= 1
        names = _ZH_NAMES_BEFORE.search(text, offset, at) if offset < at else None
        if names is None:
            continue
        tail = _ZH_TAIL_AT.match(text, core.end())
        end = tail.end() if tail is not None else core.end()
        for group in ("district", "street"):  # "我在县城建设路5号": no district, a street
            name = names.group(group)
            if name is None:
                continue
            before = _UP_TO_LAST_BEFORE_NAME.match(name)
            cut = before.end() if before is not None else 0
            if cut < len(name):
                yield names.start(group) + cut, end
                found = end
                break


# A UK postcode: area letters, district, space, sector digit and unit letters ("NW1 6XE",
# "SW1A 1AA", "M1 1AE"). The shape alone also fits product codes ("Mac mini M2 8GB"), so a
# postcode is taken only beside address words (below), or where it cannot be much else:
# capitals, one space, a real two-letter area and no "GB"/"TB" for the unit.
_UK_AREAS = frozenset(
    {
        "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF",
        "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
        "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG",
        "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L",
        "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN",
        "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S",
        "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA",
        "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR",
        "WS", "WV", "YO", "ZE",
    }
)  # fmt: skip
# The letters an area can have at all (Royal Mail: never Q, V or X first, nor I, J or Z
# second). Beside an address word this shape is enough: a customer who mistypes their area, or
# gives one this list lacks, still gives their postcode; "Riverside, RV2 4QT" after a street.
_AREA_SHAPE = re.compile("[A-PR-UWYZ][A-HK-Y]?")
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?P<area>[A-Za-z]{1,2})[0-9][0-9A-Za-z]?(?P<gap> ?)"
    r"[0-9](?P<unit>[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![A-Za-z0-9])"
)
_POSTCODE_WORDS_BEFORE = re.compile(
    # The look-around first lets the engine skip every position that cannot start a word.
    r"(?<![a-z])(?=[a-z]{2})(?:post ?code|postal code|zip|address"
    r"|(?:live[sd]?|living|moved?|moving|based) (?:in|at|to)\b"
    r"|(?:deliver|ship|send|sent|post|posted|forward|mail)(?:ed|ing)? (?:\w+ ){0,2}to\b"
    r"|(?:street|st|road|rd|lane|ln|avenue|ave|close|drive|crescent|terrace|gardens|place|"
    r"square|way|flat|house)\b|(?:london|manchester|birmingham|leeds|glasgow|edinburgh|"
    r"bristol|liverpool|cardiff|belfast|sheffield|newcastle|nottingham|leicester|oxford|"
    r"cambridge|brighton|york)\b)",
    re.IGNORECASE,
)
_POSTCODE_WORDS_AFTER = re.compile(r"post ?code|postal code|address", re.IGNORECASE)


def _postcodes(text: str) -> Iterator[tuple[int, int]]:
    words: tuple[list[int], list[int]] | None = None  # found once, when first needed
    for m in _POSTCODE.finditer(text):
        area = m.group("area").upper()
        known = area in _UK_AREAS
        if not known and not _AREA_SHAPE.fullmatch(area):
            continue
        if (
            known
            and m.group().isupper()
            and m.group("gap") == " "
            and len(m.group("area")) == 2
            and m.group("unit") not in ("GB", "TB")
        ):
            yield m.start(), m.end()
            continue
        if words is None:
            # One pass for the whole text: a search around each of 150,000 lowercase
            # look-alikes took 5 s a megabyte.
            words = (
                [w.end() for w in _POSTCODE_WORDS_BEFORE.finditer(text)],
                [w.start() for w in _POSTCODE_WORDS_AFTER.finditer(text)],
            )
        ends, starts = words
        i = bisect.bisect_left(ends, m.start() - 40)
        j = bisect.bisect_left(starts, m.end())
        if (i < len(ends) and ends[i] <= m.start()) or (
            j < len(starts) and starts[j] <= m.end() + 25
        ):
            yield m.start(), m.end()


# A Hong Kong estate or building needs no street: its block, floor and flat are the address
# ("沙田第一城52座12樓A室", "將軍澳中心3座20樓C室", "麗港城3期15樓B室"). The cue is a floor
# with a block before it or a flat after it; "12樓" alone is any shop's floor. The estate's
# name is the run of Han characters just before, from after the last word that cannot be in
# a name (住, 喺, 我...) or a street's house number (號), read from a short window as above.
_HK_FLAT = re.compile(
    "(?<![0-9０-９])(?:(?:第?" + D + "{1,3}|[A-Za-zＡ-Ｚ])"
    "(?P<block>座|棟|栋|幢|期|座大廈|號樓|号楼))?"
    "(?<![0-9０-９])" + D + "{1,3}(?:樓|楼|層|层|字樓|字楼)"
    "(?P<flat>(?:[A-Za-zＡ-Ｚ]|" + D + "{1,4})(?:室|房|號|号)"
    "|[A-Za-zＡ-Ｚ](?![A-Za-z0-9０-９]))?"
)
_ESTATE_WINDOW = 16
# (matched from a position, so no "^": `re.match` anchors there itself)
_NOT_IN_ESTATE_NAME = re.compile(".*[" + _NOT_IN_NAME + "號号]", re.DOTALL)


def _hk_flats(text: str) -> Iterator[tuple[int, int]]:
    for m in _HK_FLAT.finditer(text):
        if m.group("block") is None and m.group("flat") is None:
            continue
        start = m.start()
        lowest = max(0, start - _ESTATE_WINDOW)
        while start > lowest and "\u4e00" <= text[start - 1] <= "\u9fff":
            start -= 1
        before = _NOT_IN_ESTATE_NAME.match(text, start, m.start())
        if before is not None:
            start = before.end()
            if text[start - 1] in "號号":  # a street's house number: overlap it, to merge
                start -= 1
        yield start, m.end()


def _merged(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Overlapping spans as one: a street and the building after it ("唐德街9號" and
    "號將軍澳中心3座20樓C室") are one address, and the longer of two overlapping candidates
    must not leave the other's part in clear."""
    spans.sort()
    current: tuple[int, int] | None = None
    for start, end in spans:
        if current is not None and start < current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


def find_addresses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each address in ``text``, overlapping candidates merged."""
    spans: list[tuple[int, int]] = []
    for pattern in (_ADDRESS_EN, _ADDRESS_ZH, _ADDRESS_HK):
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    spans.extend(_local_zh(text))
    spans.extend(_postcodes(text))
    spans.extend(_hk_flats(text))
    spans.extend(au_addresses(text))
    yield from _merged(spans)
