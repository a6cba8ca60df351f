"""Compact, reviewed gazetteers of places and payment methods, English and Chinese.

Used by the coverage check (`kefu.dialogue.coverage`): which places (countries, regions, major
cities) and which payment methods a text names. Each name maps to one canonical id; a place has
parents (Shanghai → China → Asia, Paris → France → EU → Europe), so an entry that names a
country covers its cities and the other way round. Group words ("worldwide", "all other
countries", "any payment method") cover every member of their kind.

Only names that rarely mean anything else are listed: "Georgia", "Jordan", "Turkey", "Nice",
"English" and "Chinese" (languages) are left out; "US", "UK", "EU" match in capitals only
("us" is a pronoun). Tables compile lazily on first use, not at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

# id: (parents, English names and adjectives, Chinese names, simplified and traditional).
# English names are matched case-insensitively on word boundaries unless written in capitals.
_PLACES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # Groups of countries.
    "europe": ((), ("Europe", "European"), ("欧洲", "歐洲")),
    "eu": (("europe",), ("EU", "European Union"), ("欧盟", "歐盟")),
    "asia": ((), ("Asia", "Asian"), ("亚洲", "亞洲")),
    "sea": (("asia",), ("Southeast Asia", "South-East Asia"), ("东南亚", "東南亞")),
    "namerica": ((), ("North America", "North American"), ("北美", "北美洲")),
    "oceania": ((), ("Oceania",), ("大洋洲",)),
    "mideast": ((), ("Middle East",), ("中东", "中東")),
    "africa": ((), ("Africa", "African"), ("非洲",)),
    "latam": ((), ("Latin America", "South America"), ("南美", "拉美", "拉丁美洲")),
    "hkmotw": ((), (), ("港澳台",)),
    "hkmo": (("hkmotw",), (), ("港澳",)),
    # Countries and regions.
    "cn": (
        ("asia",),
        ("China", "mainland China", "Mainland", "PRC"),
        ("中国", "中國", "中国大陆", "中國大陸", "大陆", "大陸", "内地", "內地"),
    ),
    "hk": (("asia", "hkmo"), ("Hong Kong", "HK", "Hongkong"), ("香港",)),
    "mo": (("asia", "hkmo"), ("Macau", "Macao", "Macanese"), ("澳门", "澳門")),
    "tw": (("asia", "hkmotw"), ("Taiwan", "Taiwanese"), ("台湾", "臺灣", "台灣")),
    "jp": (("asia",), ("Japan", "Japanese"), ("日本",)),
    "kr": (("asia",), ("South Korea", "Korea", "Korean"), ("韩国", "韓國", "南韩", "南韓")),
    "sg": (("sea",), ("Singapore", "Singaporean", "SG"), ("新加坡", "狮城", "獅城")),
    "my": (("sea",), ("Malaysia", "Malaysian"), ("马来西亚", "馬來西亞")),
    "th": (("sea",), ("Thailand", "Thai"), ("泰国", "泰國")),
    "vn": (("sea",), ("Vietnam", "Viet Nam", "Vietnamese"), ("越南",)),
    "ph": (("sea",), ("Philippines", "Filipino", "Philippine"), ("菲律宾", "菲律賓")),
    "id": (("sea",), ("Indonesia", "Indonesian"), ("印尼", "印度尼西亚", "印度尼西亞")),
    "in": (("asia",), ("India", "Indian"), ("印度",)),
    "ae": (("mideast",), ("UAE", "United Arab Emirates", "Emirati"), ("阿联酋", "阿聯酋")),
    "sa": (("mideast",), ("Saudi Arabia", "Saudi"), ("沙特", "沙特阿拉伯")),
    "il": (("mideast",), ("Israel", "Israeli"), ("以色列",)),
    "au": (("oceania",), ("Australia", "Australian"), ("澳洲", "澳大利亚", "澳大利亞")),
    "nz": (("oceania",), ("New Zealand",), ("新西兰", "紐西蘭", "新西蘭")),
    "us": (
        ("namerica",),
        ("US", "USA", "U.S.", "United States", "America", "American"),
        ("美国", "美國"),
    ),
    "ca": (("namerica",), ("Canada", "Canadian"), ("加拿大",)),
    "mx": (("latam",), ("Mexico", "Mexican"), ("墨西哥",)),
    "br": (("latam",), ("Brazil", "Brazilian"), ("巴西",)),
    "ar": (("latam",), ("Argentina", "Argentinian", "Argentine"), ("阿根廷",)),
    "za": (("africa",), ("South Africa", "South African"), ("南非",)),
    "ng": (("africa",), ("Nigeria", "Nigerian"), ("尼日利亚", "奈及利亞")),
    "eg": (("africa", "mideast"), ("Egypt", "Egyptian"), ("埃及",)),
    "uk": (
        ("europe",),
        ("UK", "U.K.", "United Kingdom", "Britain", "Great Britain", "British"),
        ("英国", "英國"),
    ),
    "england": (("uk",), ("England",), ("英格兰", "英格蘭")),
    "scotland": (("uk",), ("Scotland", "Scottish"), ("苏格兰", "蘇格蘭")),
    "wales": (("uk",), ("Wales", "Welsh"), ("威尔士", "威爾斯")),
    "nireland": (("uk",), ("Northern Ireland",), ("北爱尔兰", "北愛爾蘭")),
    "ie": (("eu",), ("Ireland", "Irish", "Republic of Ireland"), ("爱尔兰", "愛爾蘭")),
    "fr": (("eu",), ("France", "French"), ("法国", "法國")),
    "de": (("eu",), ("Germany", "German"), ("德国", "德國")),
    "es": (("eu",), ("Spain", "Spanish"), ("西班牙",)),
    "it": (("eu",), ("Italy", "Italian"), ("意大利", "義大利")),
    "nl": (("eu",), ("Netherlands", "Holland", "Dutch"), ("荷兰", "荷蘭")),
    "be": (("eu",), ("Belgium", "Belgian"), ("比利时", "比利時")),
    "pt": (("eu",), ("Portugal", "Portuguese"), ("葡萄牙",)),
    "at": (("eu",), ("Austria", "Austrian"), ("奥地利", "奧地利")),
    "se": (("eu",), ("Sweden", "Swedish"), ("瑞典",)),
    "dk": (("eu",), ("Denmark", "Danish"), ("丹麦", "丹麥")),
    "fi": (("eu",), ("Finland", "Finnish"), ("芬兰", "芬蘭")),
    "pl": (("eu",), ("Poland", "Polish"), ("波兰", "波蘭")),
    "gr": (("eu",), ("Greece", "Greek"), ("希腊", "希臘")),
    "ch": (("europe",), ("Switzerland", "Swiss"), ("瑞士",)),
    "no": (("europe",), ("Norway", "Norwegian"), ("挪威",)),
    "ru": (("europe", "asia"), ("Russia", "Russian"), ("俄罗斯", "俄羅斯")),
    "cz": (("eu",), ("Czechia", "Czech Republic", "Czech"), ("捷克",)),
    "hu": (("eu",), ("Hungary", "Hungarian"), ("匈牙利",)),
    "hr": (("eu",), ("Croatia", "Croatian"), ("克罗地亚", "克羅地亞")),
    "ro": (("eu",), ("Romania", "Romanian"), ("罗马尼亚", "羅馬尼亞")),
    "bg": (("eu",), ("Bulgaria", "Bulgarian"), ("保加利亚", "保加利亞")),
    # Not "Maltese": a dog as often as a person.
    "mt": (("eu",), ("Malta",), ("马耳他", "馬爾他")),
    "cy": (("eu",), ("Cyprus", "Cypriot"), ("塞浦路斯", "賽普勒斯")),
    "is": (("europe",), ("Iceland", "Icelandic"), ("冰岛", "冰島")),
    # "Turkey" is a bird as often as a country: only its own spelling and Chinese name.
    "tr": (("europe", "asia"), ("Türkiye", "Turkiye"), ("土耳其",)),
    "qa": (("mideast",), ("Qatar", "Qatari"), ("卡塔尔", "卡達")),
    "ke": (("africa",), ("Kenya", "Kenyan"), ("肯尼亚", "肯亞")),
    "cl": (("latam",), ("Chile", "Chilean"), ("智利",)),
    "co": (("latam",), ("Colombia", "Colombian"), ("哥伦比亚", "哥倫比亞")),
    # Major cities.
    "shanghai": (("cn",), ("Shanghai",), ("上海", "沪", "滬")),
    "beijing": (("cn",), ("Beijing", "Peking"), ("北京",)),
    "guangzhou": (("cn",), ("Guangzhou", "Canton"), ("广州", "廣州")),
    "shenzhen": (("cn",), ("Shenzhen",), ("深圳",)),
    "hangzhou": (("cn",), ("Hangzhou",), ("杭州",)),
    "chengdu": (("cn",), ("Chengdu",), ("成都",)),
    "wuhan": (("cn",), ("Wuhan",), ("武汉", "武漢")),
    "nanjing": (("cn",), ("Nanjing",), ("南京",)),
    "suzhou": (("cn",), ("Suzhou",), ("苏州", "蘇州")),
    "tianjin": (("cn",), ("Tianjin",), ("天津",)),
    "chongqing": (("cn",), ("Chongqing",), ("重庆", "重慶")),
    "xian": (("cn",), ("Xi'an", "Xian"), ("西安",)),
    "taipei": (("tw",), ("Taipei",), ("台北", "臺北")),
    "tokyo": (("jp",), ("Tokyo",), ("东京", "東京")),
    "osaka": (("jp",), ("Osaka",), ("大阪",)),
    "seoul": (("kr",), ("Seoul",), ("首尔", "首爾")),
    # Abbreviations in capitals only ("KL", "SG"), as a customer writes them
    "kl": (("my",), ("Kuala Lumpur", "KL", "Bangsar"), ("吉隆坡",)),
    "taichung": (("tw",), ("Taichung",), ("台中", "臺中")),
    "tainan": (("tw",), ("Tainan",), ("台南", "臺南")),
    "newtaipei": (("tw",), ("New Taipei",), ("新北",)),
    "brisbane": (("au",), ("Brisbane",), ("布里斯班",)),
    "bangkok": (("th",), ("Bangkok",), ("曼谷",)),
    "dubai": (("ae",), ("Dubai",), ("迪拜", "杜拜")),
    "sydney": (("au",), ("Sydney",), ("悉尼", "雪梨")),
    "melbourne": (("au",), ("Melbourne",), ("墨尔本", "墨爾本")),
    "nyc": (("us",), ("New York", "NYC"), ("纽约", "紐約")),
    "la": (("us",), ("Los Angeles",), ("洛杉矶", "洛杉磯")),
    "sf": (("us",), ("San Francisco",), ("旧金山", "舊金山")),
    "toronto": (("ca",), ("Toronto",), ("多伦多", "多倫多")),
    "vancouver": (("ca",), ("Vancouver",), ("温哥华", "溫哥華")),
    "london": (("england",), ("London",), ("伦敦", "倫敦")),
    "manchester": (("england",), ("Manchester",), ("曼彻斯特", "曼徹斯特")),
    "birmingham": (("england",), ("Birmingham",), ("伯明翰",)),
    "edinburgh": (("scotland",), ("Edinburgh",), ("爱丁堡", "愛丁堡")),
    "glasgow": (("scotland",), ("Glasgow",), ("格拉斯哥",)),
    "paris": (("fr",), ("Paris",), ("巴黎",)),
    "berlin": (("de",), ("Berlin",), ("柏林",)),
    "munich": (("de",), ("Munich",), ("慕尼黑",)),
    "madrid": (("es",), ("Madrid",), ("马德里", "馬德里")),
    "rome": (("it",), ("Rome",), ("罗马", "羅馬")),
    "amsterdam": (("nl",), ("Amsterdam",), ("阿姆斯特丹",)),
    "dublin": (("ie",), ("Dublin",), ("都柏林",)),
    # Where travellers go (and call for help from): resorts and cities whose country a
    # customer often leaves unsaid ("we're in Phuket", "我在九龙").
    "kowloon": (("hk",), ("Kowloon",), ("九龙", "九龍")),
    "phuket": (("th",), ("Phuket",), ("普吉岛", "普吉島", "普吉")),
    "chiangmai": (("th",), ("Chiang Mai",), ("清迈", "清邁")),
    "pattaya": (("th",), ("Pattaya",), ("芭提雅", "芭達雅")),
    "kyoto": (("jp",), ("Kyoto",), ("京都",)),
    "hokkaido": (("jp",), ("Hokkaido", "Sapporo"), ("北海道", "札幌")),
    "okinawa": (("jp",), ("Okinawa",), ("冲绳", "沖繩")),
    "busan": (("kr",), ("Busan",), ("釜山",)),
    "jeju": (("kr",), ("Jeju",), ("济州岛", "濟州島", "济州", "濟州")),
    "bali": (("id",), ("Bali",), ("巴厘岛", "峇里島", "巴厘島")),
    "hanoi": (("vn",), ("Hanoi",), ("河内", "河內")),
    "hcmc": (("vn",), ("Ho Chi Minh City", "Saigon"), ("胡志明市", "西贡", "西貢")),
    "manila": (("ph",), ("Manila",), ("马尼拉", "馬尼拉")),
    "cebu": (("ph",), ("Cebu",), ("宿务", "宿霧")),
    "penang": (("my",), ("Penang",), ("槟城", "檳城")),
    "kaohsiung": (("tw",), ("Kaohsiung",), ("高雄",)),
    "hawaii": (("us",), ("Hawaii", "Honolulu"), ("夏威夷", "檀香山")),
    "lasvegas": (("us",), ("Las Vegas",), ("拉斯维加斯", "拉斯維加斯")),
    "barcelona": (("es",), ("Barcelona",), ("巴塞罗那", "巴塞隆拿")),
    "milan": (("it",), ("Milan",), ("米兰", "米蘭")),
    "venice": (("it",), ("Venice",), ("威尼斯",)),
    "prague": (("cz",), ("Prague",), ("布拉格",)),
    "vienna": (("at",), ("Vienna",), ("维也纳", "維也納")),
    "zurich": (("ch",), ("Zurich", "Zürich"), ("苏黎世", "蘇黎世")),
    "geneva": (("ch",), ("Geneva",), ("日内瓦", "日內瓦")),
    "lisbon": (("pt",), ("Lisbon",), ("里斯本",)),
    "athens": (("gr",), ("Athens",), ("雅典",)),
    "istanbul": (("tr",), ("Istanbul",), ("伊斯坦布尔", "伊斯坦堡")),
    "doha": (("qa",), ("Doha",), ("多哈",)),
    "cairo": (("eg",), ("Cairo",), ("开罗", "開羅")),
    "capetown": (("za",), ("Cape Town",), ("开普敦", "開普敦")),
}

# Group words: an entry naming one covers every place (or every payment method).
_PLACE_ALL_EN = (
    r"worldwide|world-wide|all (?:other )?(?:countries|regions|destinations|locations)"
    r"|every country|any country|(?:all )?other countries|rest of (?:the )?world"
    r"|international(?:ly)?|overseas|abroad|global(?:ly)?"
)
_PLACE_ALL_ZH = (
    r"全球|全世界|所有国家|所有地区|其他国家|其他地区|其它国家|其它地区|其余国家"
    r"|海外|国际|國際|境外|国外|國外"
)

# A product named after the group word ("International Express", "国际标准快递 … 寄往英国"):
# the entry is about that product to the places it lists, not about every country (a courier's
# UK delivery-time entry answered "寄到日本要多久").
_SERVICE_NAMES = (
    r"\binternational (?:standard|express|economy|priority|tracked|saver|premium)\b"
    r"|(?:国际|國際)(?:标准|標準|特快|经济|經濟|快递|快遞|小包|专线|專線)"
)

# Payment methods: id -> (parents, English names, Chinese names).
_METHODS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "card": ((), ("bank card", "card payment", "card", "cards"), ("银行卡", "銀行卡", "刷卡")),
    "credit": (("card",), ("credit card", "credit cards"), ("信用卡",)),
    "debit": (("card",), ("debit card", "debit cards"), ("借记卡", "借記卡", "储蓄卡", "扣账卡")),
    "visa": (("credit",), ("Visa",), ()),
    "mastercard": (("credit",), ("Mastercard", "MasterCard"), ("万事达", "萬事達")),
    "amex": (("credit",), ("American Express", "Amex"), ("美国运通", "美國運通", "运通", "運通")),
    "unionpay": (("card",), ("UnionPay", "Union Pay"), ("银联", "銀聯", "云闪付", "雲閃付")),
    "jcb": (("credit",), ("JCB",), ()),
    "paypal": ((), ("PayPal",), ()),
    "alipay": ((), ("Alipay", "Ali Pay", "AlipayHK"), ("支付宝", "支付寶")),
    "wechatpay": (
        (),
        ("WeChat Pay", "WeChatPay", "Weixin Pay"),
        ("微信支付", "微信付款", "微信付"),
    ),
    "applepay": ((), ("Apple Pay",), ()),
    "googlepay": ((), ("Google Pay", "GPay"), ()),
    "paynow": ((), ("PayNow",), ()),
    "fps": ((), ("FPS",), ("转数快", "轉數快")),
    "octopus": ((), ("Octopus card", "Octopus"), ("八达通", "八達通")),
    "cash": ((), ("cash",), ("现金", "現金", "现钞")),
    "cod": (("cash",), ("cash on delivery", "COD", "pay on delivery"), ("货到付款", "貨到付款")),
    "transfer": (
        (),
        ("bank transfer", "wire transfer", "bank wire", "direct bank transfer"),
        (
            "银行转账",
            "銀行轉賬",
            "銀行轉帳",
            "转账",
            "轉賬",
            "轉帳",
            "电汇",
            "電匯",
            "汇款",
            "匯款",
        ),
    ),
    "cheque": ((), ("cheque", "cheques", "by check"), ("支票",)),
    "instalments": (
        (),
        (
            "instalment",
            "instalments",
            "installment",
            "installments",
            "Klarna",
            "Afterpay",
            "buy now pay later",
            "pay later",
        ),
        ("分期", "花呗", "花唄"),
    ),
    "crypto": (
        (),
        ("crypto", "cryptocurrency", "cryptocurrencies", "bitcoin", "BTC", "USDT", "ethereum"),
        ("加密货币", "加密貨幣", "比特币", "比特幣", "虚拟货币", "虛擬貨幣"),
    ),
    "giftcard": ((), ("gift card", "gift cards", "gift voucher"), ("礼品卡", "禮品卡", "购物卡")),
    "directdebit": ((), ("direct debit",), ("自动扣款", "自動扣款", "代扣")),
}
_METHOD_ALL = (
    r"any payment method|all payment methods|all major (?:credit )?cards|original payment method"
    r"|原路退回|原支付方式|原付款方式|所有支付方式|任何支付方式"
)

# A place naming where a document or account comes from ("my Singapore licence", "a UK phone
# number", "香港驾照") says nothing about where the service is wanted: not a place mention.
_DOCUMENT_EN = (
    r"(?:driving |driver'?s? )?(?:licen[cs]es?|permits?)|passports?|ID(?: card)?s?|identity cards?"
    r"|phone(?: number)?s?|mobile numbers?|numbers?|bank accounts?|addresse?s?|plates?"
    r"|visas?|degrees?|citizens?|residents?|nationals?|credit cards?|debit cards?|cards?"
)
_DOCUMENT_ZH = (
    r"驾照|駕照|驾驶证|駕駛證|驾驶执照|护照|護照|身份证|身份證|手机号|手機號|号码|號碼"
    r"|银行卡|銀行卡|车牌|車牌|签证|簽證|居民|公民|人"
)
# Organisations whose name holds a place: their mention is no place ("美国运通" is a card).
_ORGS = (
    r"American Express|Bank of China|China Mobile|China Unicom|China Telecom|British Gas"
    r"|British Airways|International Driving Permits?"
    r"|中国银行|中國銀行|中国移动|中國移動|中国联通|中國聯通|中国电信|中國電信|美国运通|美國運通"
    r"|中国工商银行|中国建设银行|中国农业银行|中国邮政|國際驾照|国际驾照|國際駕照"
)
# A language is no place: "in French", "French version", "日本語".
_LANGUAGE_EN = (
    r"(?:speaking|speaker|speakers|language|translation|version|subtitles?|menu|website|site)"
)

# Cards nobody pays with: "my SIM card" asks about no payment method.
_OTHER_CARDS = (
    r"SIM|ID|identity|loyalty|membership|member|library|key|charging|access|student|SD|memory"
    r"|business|insurance|boarding|health|residence|green|red|yellow|report|credit report"
)

Kind = str  # "place" or "method"


@dataclass(frozen=True)
class Mentions:
    """What one text names: canonical ids, and whether a group word covers the whole kind."""

    ids: frozenset[str]
    everything: bool


def _en_pattern(name: str) -> str:
    escaped = re.escape(name).replace(r"\ ", r"[\s-]+")
    # Latin letters only as the boundary: "支持Visa" and "寄France" are names too.
    return rf"(?<![A-Za-z0-9.]){escaped}(?![A-Za-z0-9])"


@cache
def _compiled(kind: Kind) -> list[tuple[re.Pattern[str], str]]:
    table = _PLACES if kind == "place" else _METHODS
    out: list[tuple[re.Pattern[str], str]] = []
    for key, (_parents, en, zh) in table.items():
        for name in en:
            # "US", "UK", "EU" in capitals only: "us" is a pronoun, "eu" a typo.
            flags = 0 if name.isupper() and kind == "place" else re.IGNORECASE
            out.append((re.compile(_en_pattern(name), flags), key))
        for name in zh:
            out.append((re.compile(re.escape(name)), key))
    # Longest names first, so "mainland China" is read before "China" and blanked.
    out.sort(key=lambda pair: -len(pair[0].pattern))
    return out


@cache
def _ancestors(kind: Kind, key: str) -> frozenset[str]:
    table = _PLACES if kind == "place" else _METHODS
    seen: set[str] = set()
    todo = list(table[key][0])
    while todo:
        parent = todo.pop()
        if parent not in seen:
            seen.add(parent)
            todo.extend(table[parent][0])
    return frozenset(seen)


def parents(key: str) -> tuple[str, ...]:
    """The places directly containing place ``key`` (Kowloon: Hong Kong), nearest first."""
    return _PLACES[key][0]


def lineage(kind: Kind, key: str) -> frozenset[str]:
    """``key`` with all its parents."""
    return _ancestors(kind, key) | {key}


def _blank(text: str, pattern: str, flags: int = re.IGNORECASE) -> str:
    return re.sub(pattern, lambda m: " " * len(m.group(0)), text, flags=flags)


def find(text: str, kind: Kind, *, incidental: bool = True) -> Mentions:
    """The places (``kind="place"``) or payment methods (``"method"``) ``text`` names.

    With ``incidental`` False, a place naming a document's origin ("UK licence", "香港驾照")
    and a language ("in French") are not read as places.
    """
    if kind == "place":
        text = _blank(text, _ORGS)
        text = _blank(text, r"\bin (?:English|French|German|Japanese|Spanish|Italian|Korean)\b")
        text = _blank(text, rf"\b\w+ {_LANGUAGE_EN}\b")
        if not incidental:
            text = _document_origins(text)
        named = _blank(text, _SERVICE_NAMES)  # "国际标准快递" names a product, not every country
        everything = bool(
            re.search(_PLACE_ALL_EN, named, re.IGNORECASE) or re.search(_PLACE_ALL_ZH, named)
        )
    else:
        if not incidental:
            text = _blank(text, rf"\b(?:{_OTHER_CARDS})[\s-]+cards?\b")
        everything = bool(re.search(_METHOD_ALL, text, re.IGNORECASE))
    ids: set[str] = set()
    for pattern, key in _compiled(kind):
        if pattern.search(text):
            ids.add(key)
            text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return Mentions(frozenset(ids), everything)


def place_spans(text: str) -> list[tuple[int, int, str]]:
    """Where ``text`` names a place: (start, end, id) for each name, in reading order, read as
    `find` reads them (longest name first, organisations and languages left out)."""
    text = _blank(text, _ORGS)
    text = _blank(text, r"\bin (?:English|French|German|Japanese|Spanish|Italian|Korean)\b")
    text = _blank(text, rf"\b\w+ {_LANGUAGE_EN}\b")
    spans: list[tuple[int, int, str]] = []
    for pattern, key in _compiled("place"):
        for m in pattern.finditer(text):
            spans.append((m.start(), m.end(), key))
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return sorted(spans)


def without_mentions(text: str, kind: Kind) -> str:
    """``text`` with every name of ``kind`` taken out."""
    for pattern, _key in _compiled(kind):
        text = pattern.sub(" ", text)
    return text


def _document_origins(text: str) -> str:
    """``text`` with place names that modify a document noun blanked out."""
    places = "|".join(
        re.escape(n) for _p, en, zh in _PLACES.values() for n in (*en, *zh) if len(n) > 1
    )
    text = _blank(text, rf"\b(?:{places})(?:[\s-]+\w+)?[\s-]+(?:{_DOCUMENT_EN})\b")
    # A nationality says who asks, not where: "I'm American, is my US licence ok in Shanghai?"
    text = _blank(text, rf"\bI(?:'m| am) (?:an? )?(?:{places})\b")
    text = re.sub(rf"(?:{places})(?:的)?(?:{_DOCUMENT_ZH})", lambda m: " " * len(m.group(0)), text)
    return text


def covers(kind: Kind, entry_ids: Iterable[str], question_id: str) -> bool:
    """Whether an entry naming ``entry_ids`` speaks of ``question_id``: the same place, a
    place containing it (China for Shanghai) or inside it (Shanghai for China)."""
    mine = lineage(kind, question_id)
    return any(e in mine or question_id in lineage(kind, e) for e in entry_ids)
