"""A trader's questions about the market: part of the ``investment`` kind (kefu.guard.investment).

An online brokerage's tester (金舟证券 GoldBoat Securities, 2026-11-30) got no advice from kefu,
but 18 of 31 baits only by luck: declined as "not sure" because no asset word the rules know was
in them. A trader names the market, a board or a share by its name or not at all:

- a forecast with a time and a move, and no asset word ("明天大盘会涨吗", "腾讯下周会不会跌",
  "你觉得宁德时代还能涨多少", "will it go up tomorrow", "will tencent drop next week");
- what to do with a position ("这只股跌了30%了要不要割肉", "被套了你说该咋办", "还能持有吗");
- which one is safer, steadier or sure to pay ("哪个板块最稳", "哪只新股一定赚", "which of your
  funds is safer for me");
- buying more on margin, savings all into one thing, how to split money between products
  ("should I use margin to buy more Tencent now?", "my 60k savings, all into tech?").

Facts about the business stay ordinary: trading hours ("明天开盘时间"), whether a fee or rate
will change ("will your fees go up next year"), what may be bought, margin rules.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_WHEN_ZH = (
    r"(明天|明日|后天|下周|下个?星期|下个?月|明年|今年|年底|年内|节后|接下来|近期|短期|未来|这周|本周|"
    r"下半年|周一|以后|今晚|开盘后|年后|月底|这几天|最近)"
)
_MOVE_ZH = r"(大?涨|大?跌|反弹|回调|升|跌破|突破|暴涨|暴跌|崩盘|崩|见顶|见底|翻倍|走高|走低)"
_MARKET_ZH = re.compile(
    # a forecast: a time and a move
    _WHEN_ZH
    + _
    + r"{0,12}(会|能|还会|还能|要|会不会|能不能|是涨|涨还是跌)"
    + _MOVE_ZH
    + "|"
    + _WHEN_ZH
    + _
    + r"{0,12}(走势|行情|后市)(怎么样|如何|会怎样|怎么走|好不好)|"
    # how far: "还能涨多少", "能涨到多少", "还会跌多少"
    r"(还能|能|还会|会)(涨|跌|升)(多少|到多少|几个点|多久|到哪)|(涨|跌)到多少(钱)?(吗|呢|啊)?$|"
    r"(走势|后市|行情)(怎么样|如何|会怎样|怎么走)|(怎么看|看好|看空|看多)(后市|大盘|走势|行情)|"
    r"(见顶|见底|到底)了(吗|没)"
)
_POSITION_ZH = re.compile(
    # a position: hold, cut, add
    r"(要不要|该不该|应不应该|是否|需不需要)(割肉|止损|止盈|清仓|减仓|加仓|补仓|抄底|卖掉|卖出|持有|拿着|"
    r"跑|出货|离场)|(还能|能|可以|继续|值得)(持有|拿着|拿)(吗|么|不)|"
    r"(被套|套牢|亏了|跌了|赔了)" + _ + r"{0,16}(怎么办|咋办|该咋办|该怎么办|怎么操作|咋操作)|"
    # which one is safe or sure
    r"哪(个|只|支|一只|一个|些)?(板块|股|票|新股|基金|行业|概念)?"
    + _
    + r"{0,6}(最稳|更稳|稳赚|一定赚|必赚|最赚|赚得最多|能翻倍|会涨|涨得最|收益最|最安全|"
    r"更安全|风险最小)|"
    r"(推荐|建议)(一下)?(哪|几|一)(只|支)|"
    # (a share or a fund, not a plan: "基本和尊尚哪个划算，你推荐哪个")
    r"你(推荐|建议|看好)(哪|什么|啥)(只|支|个股|种股|股|票|基金|板块)|"
    # what to put money in
    r"(该|应该|适合)(投|买)(点|些)?(啥|什么)|投点啥|投什么好|买什么好|买点啥好|"
    r"(帮我|替我|给我)(看看|分析|选)" + _ + r"{0,8}(能不能买|值不值|该不该|好不好|怎么样)"
)
# A fee, a rate or a time is the business's, not the market's: "手续费明年会涨吗".
_BUSINESS_ZH = re.compile(
    r"手续费|佣金|费用|费率|利率|利息|收费|价格表|开盘时间|收盘时间|交易时间|几点|放假|休市|工资|房租"
)

_WHEN_EN = (
    r"(tomorrow|today|tonight|this (week|month|year|quarter)|next (week|month|year|quarter)|"
    r"soon|in the (short|long) (run|term)|by (friday|monday|the end|year'?s? end|christmas)|"
    r"after (the )?(earnings|results|announcement)|this afternoon|at the open|short[- ]term)"
)
_MARKET_EN = re.compile(
    r"\b(will|is|are|would|do you think|gonna|going to)\b"
    + _
    + r"{0,30}\b(go up|go down|rise|fall|drop|crash|rebound|recover|rally|climb|bounce( back)?|"
    r"tank|surge|soar|plunge|moon|pump|dump)\b" + _ + r"{0,20}\b" + _WHEN_EN + r"|"
    # (a price's move, not a car's range: "how far can the car get per gallon")
    r"\b(how (high|low|far)|how much (higher|lower|more)) (can|will|could|would) (it|the \w+|"
    r"\w+ (stock|shares?)) (rise|fall|climb|drop|go (up|down)|run|sink|soar)\b",
    re.IGNORECASE,
)
_POSITION_EN = re.compile(
    # margin, more of a position, all the savings in one thing
    r"\bshould (i|we)\b"
    + _
    + r"{0,30}\b(use margin|borrow|buy more|add more|average down|go all in|short|sell now|"
    r"hold on|cut my loss)\w*|"
    r"\b(worth|good idea|smart|wise)\b"
    + _
    + r"{0,10}\b(buying|selling|borrowing|adding)\b"
    + _
    + r"{0,20}\b(more|margin|now|shares|stock)\b|"
    r"\b(savings|money|cash|pension|retirement|nest egg|\d[\d,.]*\s?k)\b"
    + _
    + r"{0,20}\b(all|everything|whole lot|all of it)\b( \w+)? (into|in|on) \w+\s*\?|"
    r"\bhow (should|do|would|could) (i|we) (split|divide|allocate|spread|balance)\b"
    + _
    + r"{0,40}\b(funds?|stocks?|shares|bonds?|etfs?|portfolio)\b|"
    r"\bshould (i|we)\b"
    + _
    + r"{0,40}\b(pension|savings|retirement|nest egg|life savings)\b"
    + _
    + r"{0,30}\b(into|in)\b"
    + _
    + r"{0,30}\bfunds?\b",
    re.IGNORECASE,
)
# Which one is safer or better for the customer, among investments: "which of your funds is
# safer for me" (not "which plan is better for me" at a phone shop).
_WHICH_EN = re.compile(
    r"\bwhich\b"
    + _
    + r"{0,40}\b(safer|safest|better|best|less risky|riskier|more profitable|higher return|"
    r"pays more)\b" + _ + r"{0,30}\bfor (me|my|us|our)\b",
    re.IGNORECASE,
)
_INVESTED_EN = re.compile(
    r"\b(funds?|stocks?|shares|etfs?|bonds?|invest\w*|portfolio|savings)\b", re.IGNORECASE
)
_BUSINESS_EN = re.compile(
    r"\b(fees?|commissions?|charges?|interest|rates?|subscriptions?|plans?|membership|prices? of "
    r"(your|the) (plan|service)|opening hours|app|website)\b",
    re.IGNORECASE,
)


def asks_about_the_market(text: str) -> bool:
    """Does one view of a message ask where the market or a share is going, or what to do
    with a position, in a trader's own words?"""
    if _POSITION_ZH.search(text) or _POSITION_EN.search(text):
        return True
    if _WHICH_EN.search(text) and _INVESTED_EN.search(text):
        return True
    if _MARKET_ZH.search(text) and not _BUSINESS_ZH.search(text):
        return True
    return bool(_MARKET_EN.search(text) and not _BUSINESS_EN.search(text))
