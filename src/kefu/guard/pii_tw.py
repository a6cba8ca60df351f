"""Taiwan identifiers for `kefu.guard.pii` (the black-box report of a Taipei home-care agency,
whose customers' national IDs, mobiles, NHI card numbers and addresses were stored as typed).

- ``TW_ID``: the 身分證字號 (a letter, 1 or 2, eight digits) and the resident certificate
  (居留證: a letter, 8 or 9, eight digits; the old form two letters and eight digits). After
  its name (身分證字號, 身分證, 身份證號碼, 統一證號, 居留證, ARC...) any such value, the check
  digit right or wrong (a typo still leaks the rest); alone only capitals with a right check
  digit (`kefu.guard.checksums.tw_id_valid`), so one product code in ten does not pass.
- Mobiles (``PHONE``): 09xx-xxx-xxx, 09xx xxx xxx, 0912-345678, written with separators; run
  together (0912345678) only near a phone word, since ten digits alone are as often an order.
  Australian mobiles have the same shape after 04 (0412 345 678) and are found the same way.
- Landlines (``PHONE``): an area code (02-08, 037, 049, 082, 089, 0836) and a local number of
  6-8 digits (5 after Matsu's 0836 and Wuqiu's 0826: "(0836) 22345", "0836-25678"), written
  as one: the area code in brackets or followed by a dash ("(02) 2345-6789", "04-2234-5678",
  "02-23456789"), or spaced with the local number in two groups ("07 123 4567", "02 2345
  6789"); run together (0223456789) only near a phone word (電話,
  市話, tel...). "+886 2 2345 6789" is an international number already.
- NHI card numbers (``MEDICAL_ID``): 12 digits after 健保卡 (卡號, 號碼).
- Addresses (``ADDRESS``): a city or county (台北市, 臺中市, 新北市, 花蓮縣...), a district
  (大安區, 西屯區, 鄉, 鎮), a road (復興南路, 福科路) with its section (一段), lane and alley
  (巷, 弄), a house number (200 號, spaces allowed) and a floor (5樓, 5樓之2). From the
  district on (大安區復興南路一段200號) the district is enough.

Every pattern has bounded quantifiers only, so scanning stays linear in the input length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kefu.guard._regex import after_order_word
from kefu.guard.checksums import tw_id_valid
from kefu.guard.pii_asia import PHONE_WORDS

D = "[0-9０-９]"
_NOT_AFTER = "(?![A-Za-z0-9０-９_])"
_NOT_BEFORE = "(?<![A-Za-z0-9０-９_])"
_SAID = "[ \t]{0,3}(?:(?:[:：=#,，]|is|是|為|为|係)[ \t]{0,3})?"

# 身分證 (Taiwan's spelling) and 身份證 (Hong Kong's, also used in Taiwan), and their numbers.
_TW_ID_NAMED = re.compile(
    "(?=[身統统居國国TtAaNn])"
    "(?:身[分份][證证](?:字號|字号|號碼|号码|統一編號|編號|號|号)?|統一證號|统一证号|居留證(?:號碼?)?"
    "|居留证(?:号码?)?|國民身分證|(?<![A-Za-z])(?i:arc(?: (?:number|no\\.?))?"
    "|(?:taiwan(?:ese)? )?(?:national )?id(?: card)? (?:number|no\\.?))(?![A-Za-z]))"
    + _SAID
    + "(?P<value>[A-Za-z][A-Da-d0-9]"
    + D
    + "{8})"
    + _NOT_AFTER
)
_TW_ID_PLAIN = re.compile("(?=[A-Z])" + _NOT_BEFORE + "[A-Z][1289][0-9]{8}" + _NOT_AFTER)

_MOBILE_SPLIT = re.compile(
    "(?=[0０])(?<![A-Za-z0-9０-９_+＋\\-])(?<![0-9０-９][ \\-－])"
    "[0０][49４９]" + D + "{2}(?:[ \\-－]" + D + "{3}[ \\-－]?" + D + "{3})" + _NOT_AFTER
    + "(?![ \\-－]" + D + ")"
)  # fmt: skip
_MOBILE_RUN = re.compile("(?=[0０])" + _NOT_BEFORE + "[0０][49４９]" + D + "{8}" + _NOT_AFTER)
_PHONE_WORD_REACH = 30  # characters before the number ("電話 0912345678", "手機是")

# The area codes: Taipei 02, 03 (037 Miaoli), Taichung 04 (049 Nantou), 05-08 (082 Kinmen,
# 089 Taitung, 0836 Matsu); the longer codes before their prefixes, so "037" is not "03" + "7".
_AREA = "0(?:836|37|49|82|89|[2-8])"
_LANDLINE_AFTER = _NOT_AFTER + "(?![ \\-－]?" + D + ")"  # not a group of a longer number
_LANDLINE_BEFORE = "(?=[(（0])(?<![A-Za-z0-9０-９_+＋\\-/.])(?<![0-9０-９][ \\-－])"
# 6-8 digits: 2345-6789, 234-5678, 23-4567 and a 6-digit one as 352-918 (Miaoli, Kinmen)
_LOCAL = "(?:" + D + "{2,4}[ \\-－]?" + D + "{4}|" + D + "{3}[ \\-－]" + D + "{3})"
# Matsu (0836) and Wuqiu (0826) have 5-digit local numbers: "(0836) 22345", "0836-25678".
_SHORT_AREA = "08[23]6"
_LANDLINE = re.compile(
    _LANDLINE_BEFORE
    + "(?:[(（]" + _AREA + "[)）][ ]?" + _LOCAL
    + "|" + _AREA + "[\\-－]" + _LOCAL
    + "|" + _AREA + " " + D + "{2,4} " + D + "{4}"
    + "|(?:[(（]" + _SHORT_AREA + "[)）][ ]?|" + _SHORT_AREA + "[ \\-－])" + D + "{5})"
    + _LANDLINE_AFTER
)  # fmt: skip
_LANDLINE_RUN = re.compile("(?=0)" + _NOT_BEFORE + "0[2-8][0-9]{7,8}" + _NOT_AFTER)
# 市話 and 座機 are a landline's own words; 室內電話 has 電話 in it.
_LANDLINE_WORDS = re.compile("市[話话]|座[機机]|家(?:裡|里|中)?[電电][話话]")

_NHI = re.compile(
    "(?=[健全Nn])(?:(?:全民)?健保(?:IC)?卡(?:卡號|號碼|号码|卡号|號|号)?"
    "|(?<![A-Za-z])(?i:nhi card(?: (?:number|no\\.?))?)(?![A-Za-z]))"
    + _SAID
    + "(?P<value>"
    + D
    + "{4}[ \\-－]?"
    + D
    + "{4}[ \\-－]?"
    + D
    + "{4})"
    + _NOT_AFTER
)

_CITIES = (
    "[台臺](?:北|中|南)市|新北市|桃園市|桃园市|高雄市|基隆市|新竹[市縣县]|嘉義[市縣]|嘉义[市县]"
    "|苗栗[縣县]|彰化[縣县]|南投[縣县]|雲林[縣县]|云林县|屏東[縣县]|屏东县|宜蘭[縣县]|宜兰县"
    "|花蓮[縣县]|花莲县|[台臺]東[縣县]|[台臺]东县|澎湖[縣县]|金門[縣县]|金门县|連江縣|连江县"
)
_CITY = re.compile(_CITIES)
_LEAD = set("住在到於于寄送往搬至是的址")  # what comes before an address, not part of it
_HAN = "[\u4e00-\u9fff]"
_ZH_NUMBER = "[一二三四五六七八九十]"
_GAP = "[ \t]{0,2}"
# district, village and neighbourhood, road and section, lane, alley, number, floor
_DISTRICT = _HAN + "{1,3}?[區区鄉乡鎮镇市]"
# Without the city, a district in traditional characters and of two (大安區, 西屯區, 礁溪鄉):
# a mainland one (西湖区) is `kefu.guard.pii_address`'s, and a longer reach takes the word
# before it in ("改成大安區").
_DISTRICT_ALONE = _HAN + "{2}[區鄉鎮]"
_ROAD = (
    _HAN + "{1,6}?(?:路|街|大道)(?:" + _ZH_NUMBER + "段)?"
    "(?:" + _GAP + D + "{1,4}" + _GAP + "巷)?(?:" + _GAP + D + "{1,4}" + _GAP + "弄)?"
    + _GAP + D + "{1,5}" + _GAP + "[號号](?:之" + D + "{1,3})?"
    "(?:" + _GAP + D + "{1,3}" + _GAP + "[樓楼F](?:之" + D + "{1,3})?)?"
)  # fmt: skip
_ADDRESS = re.compile(
    "(?:(?:" + _CITIES + ")" + _GAP + "(?:" + _DISTRICT + ")?|" + _DISTRICT_ALONE + ")"
    "(?:" + _HAN + "{1,3}?[里村](?:" + D + "{1,3}[鄰邻])?)?" + _GAP + _ROAD
)


def tw_ids(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Taiwan ID or resident certificate number; named and plain ones
    may overlap."""
    for m in _TW_ID_NAMED.finditer(text):
        yield m.start("value"), m.end("value")
    for m in _TW_ID_PLAIN.finditer(text):
        if tw_id_valid(m.group()) and not after_order_word(text, m.start()):
            yield m.start(), m.end()


def tw_mobiles(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Taiwan mobile in local format."""
    for m in _MOBILE_SPLIT.finditer(text):
        if not after_order_word(text, m.start()):
            yield m.start(), m.end()
    for m in _MOBILE_RUN.finditer(text):
        if PHONE_WORDS.search(text, max(0, m.start() - _PHONE_WORD_REACH), m.start()):
            yield m.start(), m.end()


def tw_landlines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Taiwan landline written with its area code."""
    for m in _LANDLINE.finditer(text):
        if not after_order_word(text, m.start()):
            yield m.start(), m.end()
    for m in _LANDLINE_RUN.finditer(text):
        lowest = max(0, m.start() - _PHONE_WORD_REACH)
        if PHONE_WORDS.search(text, lowest, m.start()) or _LANDLINE_WORDS.search(
            text, lowest, m.start()
        ):
            yield m.start(), m.end()


def nhi_cards(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Taiwan NHI card number after its name."""
    for m in _NHI.finditer(text):
        yield m.start("value"), m.end("value")


def tw_addresses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Taiwan street address down to its house number (and floor)."""
    if "號" not in text and "号" not in text:  # every address here has its house number
        return
    for m in _ADDRESS.finditer(text):
        start = m.start()
        # A district found from the character before the city or district ("住台中市...",
        # "住在大安區..."): the address starts at the city, or after the verb.
        city = _CITY.search(text, start, min(start + 4, m.end()))
        if city is not None:
            start = city.start()
        while start < m.end() - 6 and text[start] in _LEAD:
            start += 1
        yield start, m.end()
