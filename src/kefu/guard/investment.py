"""Personalised investment advice: the ``investment`` kind of the safety triage.

What to buy, sell or hold, how to split savings, which product suits the customer, where a
market is going, in English and Chinese. Factual questions about the business's own products
(fees, limits, "do you give investment advice?") are not advice. `kefu.guard.safety.assess`
calls `asks_for_advice` with every view of a message.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard.investment_market import asks_about_the_market

_ASSET = (
    r"((?<!in )(?<!of )stocks?|shares|(index|mutual|hedge|bond|stock|equity|pension|growth|"
    r"income|balanced|dividend|tech|technology|global|"
    r"money[- ]market|investment|etf) funds?|etfs?|"
    r"crypto\w*|bitcoin|btc|ethereum|solana|dogecoin|bonds|s&p( ?500)?|nasdaq|ftse( ?100)?|"
    r"dow jones|nikkei|hang seng|gold|silver|precious metals|real estate|"
    r"property(?! (insurance|tax|damage|details|address|management))|"
    r"portfolio|401\W?k|\bira\b|equities|securities|investments?)"
)
_INVESTMENT = re.compile(
    r"\b(should|shall|would you|do you think i should|is it (wise|smart|better))\b"
    + _
    + r"{0,40}\b(invest|buy|sell|put|move|keep|hold)\b"
    + _
    + r"{0,40}"
    + _ASSET
    + r"|"
    # also for someone else: "my grandma has 50k in savings, what should she invest in?"
    r"\b(should|shall) (i|we|he|she|they)\b" + _ + r"{0,40}\binvest|"
    r"(which|what) (of (your|the|these|those) )?(\w+ )?"
    + _ASSET
    + r"\b"
    + _
    + r"{0,30}\b(should|to buy|would you|buy|invest|pick|"
    r"recommend)|(best|good|safest|smartest) (way|place|thing)s? (for me )?to invest|"
    # a fund chosen for the customer: "which fund should I pick at my age?", "which of your
    # funds would a smart person pick" (a red-team tester: both declined as unknown); not
    # "what funds should I have available for the transfer" (money in an account)
    r"(which|what) (of (your|the|these|those) )?(\w+ )?funds?\b"
    + _
    + r"{0,30}\b(pick|choose|buy|invest|go (for|with)|recommend)\w*\b|"
    r"(which|what) of (your|the|these|those) (funds|investments|investment products)\b"
    + _
    + r"{0,40}\b(get|make|earn|return|grow|recover|double|definitely|guarantee)|"
    r"(best|good|safest) (investment|stock|fund)s?\b|how (should|do|can) i (invest|allocate)|"
    r"how should i split my (money|savings|portfolio|401\W?k|pension|retirement|isa|super)|"
    r"guarantee\w* (to )?(pay|return|earn|yield|make|grow)\b" + _ + r"{0,30}\d+ ?%|"
    r"(stock|shares?|crypto|bitcoin|coin|etf|fund|gold|silver)\b"
    + _
    + r"{0,20}\b(a )?(good )?(buy|"
    r"investment)\b|time (for me )?to invest|time (for me )?to (buy|sell)\b"
    + _
    + r"{0,30}"
    + _ASSET
    + r"|(percentage|portion|proportion) of my (portfolio|savings|401\W?k)|"
    r"of my portfolio|(stocks|equities) (and|vs\.?|or|versus) bonds|"
    r"make me (more|the most) money|invest (it|this|my|the)\b|(put|move|dump|throw|park) (my|"
    r"our|the|all|\d+\w*)\b" + _ + r"{0,20}\b(into|in|on) " + _ASSET + r"|"
    r"(recommend|suggest|tip)" + _ + r"{0,20}" + _ASSET + r"|\bbuy or (not|sell)|"
    # a forecast: "which stock will go up next week", "will bitcoin crash"
    r"\b(which|what|will|would|is|are|do you think)\b"
    + _
    + r"{0,30}"
    + _ASSET
    + r"\b"
    + _
    + r"{0,30}\b(go(ing|es)? (to )?(up|down|rise|fall|drop|crash|moon)|rise|rally|climb|"
    r"crash|moon|outperform|beat the market|double)\b|"
    # where to put one's money, between two places: "I have £20k, should I put it in the ISA
    # or the Easy Saver pot?"
    r"\b(should|shall) (i|we)\W+(put|keep|move|invest|park|leave|transfer|stick)\W+(it|them|"
    r"this|that|all|everything|my (money|savings|cash|lump sum|bonus|inheritance)|the (money|"
    r"cash)|[£$€¥]?\d[\d,.]*\s?(k|grand)?)\b" + _ + r"{0,40}\b(isa|pot|saver|savings|fund|"
    r"bonds?|stocks?|shares|pension|deposit|account|crypto\w*|gold)s?\b" + _ + r"{0,40}"
    r"\b(or|vs\.?|versus|instead)\b",
    re.IGNORECASE,
)
_ASSET_ZH = (
    r"(股票|基金|黄金|白银|比特币|债券|理财|投资|存款|闲钱|币|茅台|指数|仓位|资产|定期|收益|积蓄|"
    r"美股|港股|a股|股市|楼市|房产|美元|港元|港币|退休金|养老金|养老钱|教育金|钱|个股|板块|新股|"
    # a share is a 票 to a trader; not an invoice, a ticket or a vote
    r"(?<![发车机门彩船球影戏税专普客投选支])票)"
)
_JUDGEMENT_ZH = (
    r"(该买|应该买|值得买|值不值得|买哪(?!些)|选哪|投哪|买还是不买|划算|"
    r"推荐|抄底|满仓|加仓|必涨|稳赚|拿(个)?主意|替我选|帮我选|怎么(投资|配置|投)|如何(投资|配置)|"
    r"(挑|选)(几|一|两|三)?(只|支|个|款)|要不要(卖|买|抛|割)|"
    r"配置比例|各配多少|(放|配|投)多少|比例|收益最(大|高)|(买|投)哪个|还是(买|投)|"
    r"哪个(收益|回报|利息|赚)(更)?(高|多|好)|还是" + _ + r"{0,10}(划算|好|合适)|"
    r"(应该|要不要|该不该|是否)" + _ + r"{0,12}(买|投|卖|抄底|拿去|入手|上车|入场|进场)|"
    # what the bot would do, hold or sell, where to put it: "你会怎么处理", "卖还是继续拿着"
    r"你会怎么(处理|安排|打理|用|投|花|配置)|(换(做|成)|如果是)你|卖还是|还是卖|"
    r"(拿着|持有|继续拿|继续持有)还是|放哪(里|儿)?|(能|可以|该|要)(上车|入手|入场|进场)(吗|了吗)|"
    # "零钱罐和股票哪个更适合我", "哪只股票下周会涨"
    r"哪(个|种|只|支|一个)" + _ + r"{0,4}(更)?(适合|合适)(我|我们|我家)|"
    r"(会|能|还会|还能)(大)?(涨|跌|反弹)吗|会不会(大)?(涨|跌|反弹)|涨不涨)"
)
_INVESTMENT_ZH = re.compile(
    _ASSET_ZH
    + _
    + r"{0,20}"
    + _JUDGEMENT_ZH
    + "|"
    + _JUDGEMENT_ZH
    + _
    + r"{0,20}"
    + _ASSET_ZH
    # market timing needs no asset word: "现在是不是入场的好时机"
    + r"|(入场|进场|上车|建仓|抄底)(的)?(好)?时机"
    # "现在是买港元债券的好时机吗"
    + r"|(买|卖|入手|投资)"
    + _
    + r"{0,10}(的)?好时机"
    # buying an asset, judged: "全部买茅台股票行不行" (not "退钱行不行": no buying)
    + r"|(买|投|押|梭哈|全仓|满仓)"
    + _
    + r"{0,4}"
    + _ASSET_ZH
    + _
    + r"{0,10}(行不行|好不好|靠谱吗|靠不靠谱|稳吗|稳不稳|能赚吗|安全吗|合适吗|划算吗)"
    # money put into a product, judged: "教育金放指数基金合适吗" (not "卡放钱包里安全吗")
    + r"|放(在|进|到)?"
    + _
    + r"{0,4}(股票|基金|指数|债券|理财|黄金|比特币|美股|港股)"
    + _
    + r"{0,10}(行不行|好不好|靠谱吗|靠不靠谱|稳吗|稳不稳|安全吗|合适吗|划算吗)"
)

# Borrowing to invest, judged (a consumer-lending tester, 2026-12-01: "借钱炒股靠谱吗", "借20万买
# 比特币 能翻倍吗", "闪借借出来的钱能拿去买基金吗" got only "not sure"; the English ones were
# caught): borrowed money and a market, with a judgement or a yes-no question. Not the loan
# rules alone ("贷款用途有哪些限制", "借款可以用于什么"): a market must be named.
_BORROWED_ZH = (
    r"(借钱|借款|借贷|贷款|网贷|借出来的钱|借出来|借的钱|贷的钱|贷出来|借呗|花呗|信用卡|额度|"
    r"用(你们|您们|贵司|平台)的钱|借[\d一二三四五六七八九十两几百千万]+(块|元|万|千)?)"
)
_MARKET_ZH = (
    r"(炒股|炒币|炒期货|炒外汇|炒黄金|买股票|买基金|买比特币|买币|买黄金|买理财|买美股|买港股|"
    r"投资|理财|股票|基金|比特币|虚拟币|数字货币|期货|外汇|余额宝|赚差价|套利|搏一把|赌一把|梭哈|"
    r"抄底|加杠杆|上杠杆)"
)
_BORROW_JUDGED_ZH = (
    r"(行不行|行吗|可以吗|可不可以|能不能|能(拿去|用来|去)?[\u4e00-\u9fff]{0,6}吗|靠谱|划算|值得|"
    r"值不值|合适|好不好|稳吗|稳不稳|能赚|赚钱吗|能翻|翻倍|回本|你觉得|你看|建议|怎么样|要不要|"
    r"该不该|聪明|明智|吗)"
)
_BORROW_TO_INVEST_ZH = re.compile(
    _BORROWED_ZH + _ + r"{0,16}" + _MARKET_ZH + _ + r"{0,20}" + _BORROW_JUDGED_ZH
)
_BORROW_TO_INVEST_EN = re.compile(
    r"\b(borrow\w*|(a |the |your |my |this )?loans?|credit line|credit limit|line of credit)\b"
    + _
    + r"{0,40}\b(buy|invest|put|trade|bet|gamble|speculate|play)\w*\b"
    + _
    + r"{0,30}"
    + _ASSET,
    re.IGNORECASE,
)
# judged anywhere in the message: "is it a good idea to take out a loan to buy bitcoin"
_JUDGED_EN = re.compile(
    r"\b(good idea|bad idea|smart|wise|worth|should|make money|profit\w*|double|returns?|"
    r"pay off|a good (bet|move)|do you think|would you)\b",
    re.IGNORECASE,
)


# Phrasings a card centre's tester found declined as "not sure" rather than refused
# (2026-11-30): what the bot would do with the money, hold or sell, a safe bet, market timing,
# where the money should go, how savings should be allocated.
_MONEY_EN = (
    r"([£$€¥]|\bhk\$|\b\d[\d,.]*\s?(k|grand|million|m)\b|savings|money|cash|"
    r"bonus|inheritance|lump sum|pension|retirement|nest egg)"
)
_ADVICE_MORE_EN = re.compile(
    r"\b(sell|buy|get out)( (it|them|now))? or (hold|wait|keep|stay)\b|\b(hold|keep) or sell\b|"
    r"\bbuy the dip\b|"
    r"\b(too late|too early|(a |the )?(right|good|bad|best) time) to (buy|sell|get into|get in|"
    r"get out of|invest)\b(?! (a |an |the |my )?(new )?(card|ticket|plan|policy|insurance))|"
    r"\b(safe|safer|safest|good|better|best|smart) bet\b|"
    r"\b(safe|safer|safest|good|better|best) place (for|to (put|keep|park)) (my|our|the) "
    r"(money|savings|cash|retirement|pension|nest egg)|"
    r"\bwhere (should|do|would) (i|we|you) (put|park|keep|invest)\b(?=.*" + _MONEY_EN + r")|"
    r"\bwhere should (the|my|our|this) (money|savings|cash|funds?|bonus) go\b|"
    r"\bhow would you (invest|allocate|split)\b|"
    r"\bhow should (my|our|the) (\w+ ){0,2}(savings|money|pension|portfolio|funds?) be "
    r"(allocated|invested|split|divided)\b|"
    r"\b(keep|put|move|convert|hold|park) (all |most |half )?(of )?(my|our) (money|savings|cash) "
    r"(in|into|to) ((us|hk|australian|canadian) )?(dollars|usd|hkd|rmb|renminbi|yuan|yen|euros?|"
    r"gold|property|real estate|crypto\w*|stocks|shares)\b",
    re.IGNORECASE,
)


# "I have HK$300,000 sitting idle, what would you do with it?": the money may come first.
_WHAT_WOULD_YOU_DO = re.compile(
    r"\bwhat would you do with (it|them|this|that|(my|the|a|this|that|our) \w+)\b", re.IGNORECASE
)
_MONEY_RE_EN = re.compile(_MONEY_EN, re.IGNORECASE)


def _asks_more_en(text: str) -> bool:
    if _ADVICE_MORE_EN.search(text):
        return True
    return bool(_WHAT_WOULD_YOU_DO.search(text) and _MONEY_RE_EN.search(text))


# "能买吗" asks whether an asset is a buy ("茅台能买吗"), or whether it can be bought at all: a
# brokerage's tester got the advice refusal for "港股通能买哪些票" and "新加坡的股票能买吗"
# (2026-11-30). A market, a board or an eligibility word makes it the second, unless the
# message also times or judges the buy ("港股现在能买吗").
_CAN_BUY_ZH = re.compile(
    _ASSET_ZH + _ + r"{0,20}(能买吗|可以买吗|能不能买|可不可以买|能买哪些|可以买哪些|买哪些)|"
    r"(能买吗|可以买吗|能不能买|可不可以买)" + _ + r"{0,20}" + _ASSET_ZH
)
_ELIGIBLE_ZH = re.compile(
    r"新加坡|美国|日本|英国|台湾|海外|境外|外国|美股|港股通|北交所|科创板|创业板|\bst\b|退市|涨停|跌停|"
    r"停牌|权限|开通|条件|资格|门槛|渠道|哪里|在哪|怎么买|用什么|app|你们|最低|起投|账户|额度|范围|"
    r"品种|标的",
    re.IGNORECASE,
)
_JUDGED_ZH = re.compile(r"现在|目前|这时候|此时|今天|明天|马上|该|值|会涨|会跌|稳|赚|好不好|靠谱")


def _can_buy_judged_zh(text: str) -> bool:
    if not _CAN_BUY_ZH.search(text):
        return False
    return not _ELIGIBLE_ZH.search(text) or bool(_JUDGED_ZH.search(text))


def asks_for_advice(texts: list[str]) -> bool:
    """Does a message (any of its views) ask for personalised investment advice?"""
    return any(
        _INVESTMENT.search(t)
        or _INVESTMENT_ZH.search(t)
        or _asks_more_en(t)
        or _can_buy_judged_zh(t)
        or _BORROW_TO_INVEST_ZH.search(t)
        or (_BORROW_TO_INVEST_EN.search(t) and _JUDGED_EN.search(t))
        or asks_about_the_market(t)
        for t in texts
    )
