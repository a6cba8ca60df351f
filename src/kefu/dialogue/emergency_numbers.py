"""Each place's emergency numbers (ambulance, fire, police), keyed by `kefu.dialogue.gazetteer`'s
place codes: the table `kefu.dialogue.abroad` reads for a traveller and `kefu.dialogue.crisis_lines`
reads for the place a shared number belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Numbers:
    """A place's emergency numbers; fire or police None where the ambulance's number serves."""

    en: str  # the place as an English sentence names it ("In Thailand call ...")
    zh: str
    ambulance: str
    fire: str | None = None
    police: str | None = None

    def by_role(self) -> dict[str, str]:
        return {
            "ambulance": self.ambulance,
            "police": self.police or self.ambulance,
            "fire": self.fire or self.ambulance,
        }


def _eu(en: str, zh: str) -> Numbers:
    # 112 answers for ambulance, fire and police in every EU state (European Commission,
    # "112 - the European emergency number", digital-strategy.ec.europa.eu).
    return Numbers(en, zh, "112")


# Sources: each government's or national emergency service's published numbers (e.g. Thailand's
# National Institute for Emergency Medicine 1669, Japan's Fire and Disaster Management Agency
# 119/110, Hong Kong's GovHK 999, Singapore's SCDF 995 / SPF 999, Australia's Triple Zero 000,
# Switzerland's ch.ch 144/118/117, Norway's 113/110/112), as also listed by the UK FCDO's travel
# advice per country. Only numbers that reach the service nationwide are kept; where a country
# has regional numbers (Argentina's 911 in Buenos Aires) the national ones are given.
TABLE: dict[str, Numbers] = {
    "cn": Numbers("mainland China", "中国内地", "120", fire="119", police="110"),
    "hk": Numbers("Hong Kong", "香港", "999"),
    "mo": Numbers("Macau", "澳门", "999"),
    "tw": Numbers("Taiwan", "台湾", "119", police="110"),
    "jp": Numbers("Japan", "日本", "119", police="110"),
    "kr": Numbers("South Korea", "韩国", "119", police="112"),
    "sg": Numbers("Singapore", "新加坡", "995", police="999"),
    "my": Numbers("Malaysia", "马来西亚", "999"),
    "th": Numbers("Thailand", "泰国", "1669", fire="199", police="191"),
    "vn": Numbers("Vietnam", "越南", "115", fire="114", police="113"),
    "ph": Numbers("the Philippines", "菲律宾", "911"),
    "id": Numbers("Indonesia", "印尼", "112"),
    "in": Numbers("India", "印度", "112"),
    "ae": Numbers("the UAE", "阿联酋", "998", fire="997", police="999"),
    "sa": Numbers("Saudi Arabia", "沙特", "997", fire="998", police="999"),
    "qa": Numbers("Qatar", "卡塔尔", "999"),
    "il": Numbers("Israel", "以色列", "101", fire="102", police="100"),
    "au": Numbers("Australia", "澳大利亚", "000"),
    "nz": Numbers("New Zealand", "新西兰", "111"),
    "us": Numbers("the US", "美国", "911"),
    "ca": Numbers("Canada", "加拿大", "911"),
    "mx": Numbers("Mexico", "墨西哥", "911"),
    "br": Numbers("Brazil", "巴西", "192", fire="193", police="190"),
    "ar": Numbers("Argentina", "阿根廷", "107", fire="100", police="101"),
    "cl": Numbers("Chile", "智利", "131", fire="132", police="133"),
    "co": Numbers("Colombia", "哥伦比亚", "123"),
    "za": Numbers("South Africa", "南非", "10177", police="10111"),
    "eg": Numbers("Egypt", "埃及", "123", fire="180", police="122"),
    "ng": Numbers("Nigeria", "尼日利亚", "112"),
    "ke": Numbers("Kenya", "肯尼亚", "999"),
    "uk": Numbers("the UK", "英国", "999"),
    "ch": Numbers("Switzerland", "瑞士", "144", fire="118", police="117"),
    "no": Numbers("Norway", "挪威", "113", fire="110", police="112"),
    "is": Numbers("Iceland", "冰岛", "112"),
    "ru": Numbers("Russia", "俄罗斯", "112"),
    "tr": Numbers("Türkiye", "土耳其", "112"),
    "europe": Numbers("Europe", "欧洲", "112"),
    "eu": Numbers("the EU", "欧盟", "112"),
    "ie": _eu("Ireland", "爱尔兰"),
    "fr": _eu("France", "法国"),
    "de": _eu("Germany", "德国"),
    "es": _eu("Spain", "西班牙"),
    "it": _eu("Italy", "意大利"),
    "nl": _eu("the Netherlands", "荷兰"),
    "be": _eu("Belgium", "比利时"),
    "pt": _eu("Portugal", "葡萄牙"),
    "at": _eu("Austria", "奥地利"),
    "se": _eu("Sweden", "瑞典"),
    "dk": _eu("Denmark", "丹麦"),
    "fi": _eu("Finland", "芬兰"),
    "pl": _eu("Poland", "波兰"),
    "gr": _eu("Greece", "希腊"),
    "cz": _eu("Czechia", "捷克"),
    "hu": _eu("Hungary", "匈牙利"),
    "hr": _eu("Croatia", "克罗地亚"),
    "ro": _eu("Romania", "罗马尼亚"),
    "bg": _eu("Bulgaria", "保加利亚"),
    "mt": _eu("Malta", "马耳他"),
    "cy": _eu("Cyprus", "塞浦路斯"),
}
