"""Someone else's data, secrets and configuration: the ``private`` kind of the safety triage.

Other customers' details, a named third party's account, what is in someone's name, and the
deployment's own keys, passwords and settings, in English and Chinese. A customer's own API
key is not a secret: software businesses' customers ask for theirs every day; nor is the admin
password of the customer's own router or workspace.
`kefu.guard.safety.assess` calls `asks_for_private` with every view of a message.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard.private_chats import asks_for_others_chats

_SECRETS = re.compile(
    r"(your|system|admin|database|api) credentials|"
    r"passwords?,? (tokens|or secrets)|(database|db|system)\W*(password|credentials|url|"
    r"connection|dump)|(admin|root)\W*(connection|dump)|connection string|"
    r"environment variables?|env vars?|\.env\b|/etc/|"
    r"config(uration)? file|(show|print|paste|send|dump|reveal|output|give me)\W+(\w+\W+){0,3}"
    r"(your )?config(uration)?\b|source code|file paths?|(which|what) (llm|ai model|language "
    r"model)|internal\W+(\w+\W+){0,3}(codes?|list|data|tools|discounts?)|"
    r"(数据库|系统)(的)?(密码|账号|地址|连接)|(管理员|后台)(的)?连接|"
    r"配置文件|环境变量|(你的|系统|服务器|后台)配置|源代码|源码|内部(优惠码|折扣码|数据)",
    re.IGNORECASE,
)
# Keys and tokens: the deployment's own are secrets, but a software business's customers ask
# for *their* API key every day ("where do I get an API key", "AppKey在哪里看"). A key is a
# secret unless the message asks for the customer's own and says nothing of the assistant's.
_KEYS = re.compile(
    r"api\W*keys?|secret\W*keys?|access\W*tokens?|api\W*tokens?|app\W*(key|secret)|"
    r"(api|API)\s*(密钥|key)|密钥|令牌",
    re.IGNORECASE,
)
_OWN_KEY = re.compile(
    r"\b(my|our) (own |new |personal )?(api|access|secret|app|personal)\W*(keys?|tokens?|secret)|"
    r"\b(where|how) (do|can|should|would) (i|we) (get|find|see|create|generate|make|obtain|"
    r"reset|regenerate|rotate|revoke|delete|manage)\b|\b(get|create|generate|make|obtain|"
    r"reset|regenerate|rotate|revoke|delete|manage|request) (a |an |my |our |new |another |"
    r"more )+(api|access|secret|app|personal)\W*(keys?|tokens?|secret)|"
    r"(我|我们)(的|自己的)|(申请|生成|创建|获取|重置|重新生成|在哪|哪里|怎么(拿|获取|申请|生成|创建))|"
    # the customer's own key went wrong: "AppSecret 泄露了怎么办", "my token expired"
    r"泄露|丢(了|失)|忘(了|记)|过期|失效|\b(leak(ed)?|lost|expired|compromised|stopped working)\b|"
    # how keys and tokens work, asked in general: "How long do API access tokens last?" (a SaaS
    # tester got the privacy refusal), "do API keys expire", "what scopes can a token have"
    r"\bhow (long|often|many)\b|\b(do|does|will|can|should)\b[^?.!]{0,40}\b(expire|last|"
    r"rotate|refresh)\b|\b(expiry|expiration|lifetime|ttl|scopes?|有效期)\b|有效期|多久",
    re.IGNORECASE,
)
_THEIR_KEY = re.compile(
    r"\b(you|you'?re|u) (use|using|used|run|running|have|are (using|running))\b|"
    r"\byour (own |current |actual )?(api|access|secret|openai|llm|model|app)\W*(keys?|tokens?|"
    r"secret)|\b(the|this) (bot|assistant|chatbot|deployment|system|server|backend)\b|"
    r"\b(openai|anthropic|llm|gpt|model'?s?|system'?s?|admin'?s?|server'?s?|backend|internal|"
    r"production|prod)\b|(paste|dump|reveal|leak|send|give) (me |us )?(the|ur|your)\b|"
    r"你(们)?(的|自己的)?(当前|现在)?(在用|用的|调用|使用)|你们的|(模型|系统|后台|服务器|内部|线上|生产)(的)?\s*"
    r"(API|api)?\s*(密钥|key|Key|令牌|token)|原样|发(给)?我",
    re.IGNORECASE,
)


def _asks_for_keys(texts: list[str]) -> bool:
    return any(_KEYS.search(t) and (_THEIR_KEY.search(t) or not _OWN_KEY.search(t)) for t in texts)


# Admin passwords: the deployment's are secrets, but a customer's router, camera or workspace
# has an admin password of its own, and "I forgot the router admin password" is an ordinary
# support question (the label, or a factory reset). An admin password is a secret unless the
# message names the customer's own device or account, or a customer's trouble with it, and
# says nothing of the assistant's system.
_ADMIN = re.compile(
    r"\b(admin|administrator|root|superuser)('s)?\W*(password|passcode|pwd|credentials|login|url)|"
    r"(管理员|后台)(的)?(密码|账号|帐号|地址)",
    re.IGNORECASE,
)
_DEVICE = (
    r"\b(router|modem|gateway|ont|onu|wi-?fi|access point|mesh|extender|repeater|camera|nvr|"
    r"dvr|printer|nas|switch|firewall|set-?top box|tv box|laptop|computer|pc|phone|tablet)s?\b|"
    r"\b(192\.168|10|172\.(1[6-9]|2\d|3[01]))\.\d{1,3}\.\d{1,3}|"
    r"路由器|光猫|网关|摄像头|无线|电脑|手机|平板|打印机|交换机"
)
_OWN_ADMIN = re.compile(
    _DEVICE + r"|\b(my|our|own)\b|\b(forg[eo]t|forgotten|reset|recover|change|lost|locked out|"
    r"can'?t (log|sign) ?in|default)\w*|我的|我们的|我家|自己的|忘|重置|找回|修改|改|恢复出厂|默认|"
    r"登不上|登录不了|进不去|管理后台|企业管理员",
    re.IGNORECASE,
)
_DEVICE_RE = re.compile(_DEVICE, re.IGNORECASE)
# "your" names the business's router as often as its servers: it counts only without a device.
_YOUR = re.compile(r"\b(your|ur|you guys'?)\b|你们|你的", re.IGNORECASE)
_THEIR_SYSTEM = re.compile(
    r"\b(this|the) (bot|assistant|chatbot|ai|website|site|server|deployment|backend|platform)\b|"
    r"\b(system|server|database|db|backend|deployment|internal|kefu|prod|production|staff|"
    r"employee|support team|company)('s)?\b|系统|服务器|数据库|内部|机器人|客服|公司",
    re.IGNORECASE,
)


def _asks_for_admin_secret(texts: list[str]) -> bool:
    for t in texts:
        if not _ADMIN.search(t):
            continue
        theirs = _THEIR_SYSTEM.search(t) or (_YOUR.search(t) and not _DEVICE_RE.search(t))
        if theirs or not _OWN_ADMIN.search(t):
            return True
    return False


_PERSONAL = (
    r"(address|phone|number(?! (in|of) (mg|ml|milligrams|pills|tablets|doses))|e-?mail|balance|"
    r"account|details|orders?|conversations?|chats?|"
    r"histor(y|ies)|records?|names?|passwords?|info(rmation)?|statements?|transactions?|logs?|"
    # travel records (an airline's tester: "which seat my ex-wife is sitting on", "has my sister
    # checked in"); ID numbers
    r"seats?( number)?|booking (details|reference|ref)|the booking (for|of)|itinerar(y|ies)|"
    r"flight details|"
    r"checked[- ]in|check-in status|boarded|which hotel|room number|nric|passport( number)?|"
    r"ic number|id number)"
)
_OTHERS_EN = re.compile(
    r"(other|another|previous|last|different|all( the)?|every|any|someone else'?s?) "
    r"(customers?|clients?|users?|patients?|account holders?|people|person)('s|s')?|"
    r"(each|all|every one|both) of (those|these|the) accounts|"
    r"(customers?|person|users?|people|clients?|patients?|anyone|everyone|someone|somebody|"
    r"passengers?|guests?|travell?ers?) (who|that|before me|else)|"
    r"\bpassengers (of|on) (flight )?[A-Za-z]{2}\s?\d{2,4}\b|"
    # a role claimed for someone else's data: "I'm a travel agent, give me the booking details"
    r"\bI'?m (a|an|the|her|his|their) (travel agent|agent|lawyer|solicitor|police officer|officer|"
    r"detective|investigator|employer|boss|manager|secretary|PA)\b|"
    r"\b(if|whether) (she|he|they)( has| have|'s)? (already )?(checked[- ]in|boarded)\b|"
    r"\b(neighbou?r|husband|wife|partner|brother|sister|friend|mom|mum|dad|mother|father|son|"
    r"daughter|colleague|boss|ex)('s|s')?\b|\b(her|his) " + _PERSONAL + "|"
    r"(yesterday|today|this week|last week|earlier)'?s? (customers|users|clients|patients)|"
    r"\b(?!my\b|your\b|our\b)[a-z]+'s (account |card |bank )?(balance|password|pin|"
    r"transactions?|statements?|medical records?)",
    re.IGNORECASE,
)
_PERSONAL_DATA_EN = re.compile(
    _PERSONAL + r"|questions? (they|he|she) asked|"
    # what someone else holds: "how much he has in his ISA"
    r"how much (he|she|they) (has|have|had|owes?|earns?|spent|saved|invested|holds?)\b|"
    # a debt (a consumer-lending tester: "I'm his wife, tell me how much my husband owes you")
    r"how much (my|his|her|their) (\w+ ){0,2}(owes?|borrowed|has borrowed|still owes|has left "
    r"to (pay|repay))\b|\b(his|her|their) (\w+ ){0,2}(debts?|loans?|arrears|borrowing|"
    r"repayments?|credit (limit|line)|loan (contract|agreement|balance))\b|"
    r"'s (\w+ )?(debts?|loans?|arrears|borrowing|loan (contract|agreement|balance))\b|"
    r"\b(holdings?|positions|portfolio|trades|trading history)\b|"
    r"\b(his|her|their) (\w+ ){0,2}(isa|savings|holdings?|portfolio|pension|investments?|"
    r"shares|positions?|policy)\b",
    re.IGNORECASE,
)
_REQUEST_EN = re.compile(
    r"\b(tell|give|show|read|list|send me|share|look up|find|check|pull up|print|reveal|what('s| is"
    r"| was| are| were)|which|do you have|on file)\b|"
    # the field itself asked for: "what email and address are on my husband's account" (a demo
    # tester got the missing-email answer); not "what documents are needed"
    r"\bwhat (\w+ ){0,2}(e-?mail|address|phone|number|name|balance|details|password|pin)\w*"
    r"( (and|or|&) (\w+ )?(e-?mail|address|phone|number|name|balance|details)\w*)? (is|are|was|"
    r"were)\b",
    re.IGNORECASE,
)
# The commonest Chinese surnames: a name after "会员" starts with one of them.
_SURNAME = (
    "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严武戴"
    "莫孔汤]"
)
_OTHERS_ZH = re.compile(
    r"(其他|别的|别人|他人|其它|所有|其余|今天|这周|本周|上一个|上一位|前一个|前面)" + _ + r"{0,6}"
    r"(客户|用户|顾客|患者|会员|人)"
    + _
    + r"{0,12}(信息|电话|手机|地址|姓名|名字|订单|聊天记录|记录|"
    r"余额|账户|卡号|身份证|病历)|"
    r"(老公|老婆|丈夫|妻子|爱人|朋友|邻居|隔壁|同事|家人|亲戚|室友|阿姨|叔叔|大爷|大妈|爸|妈|儿子|"
    # 他 not inside 其他 or 吉他: "我还有其他问题，能给我打电话吗" asks for nobody's number
    r"女儿|哥|姐|弟|妹|(?<![其吉])他|她)(的)?" + _ + r"{0,10}"
    # not 检查结果 / 化验单 / 收入: "我爸的化验单上写着…是什么意思" asks about a relative's
    # health, "老公收入多少能贷款" about a loan, neither for someone's records
    r"(手机号|电话|地址|余额|订单|密码|身份证|卡号|病历|聊天记录|持仓|仓位|资产|存款|交易记录|流水|"
    r"账户里|账户上)|"
    r"收件人(的)?(手机|电话|地址|姓名)|"
    # the courier's own number or home, not the masked line the app gives ("把骑手的真实手机号
    # 给我", a food-delivery tester); "骑手电话多少" asks how to reach the rider, and stays
    r"(骑手|快递员|配送员|外卖员|送餐员|司机|师傅|小哥)(的)?"
    + _
    + r"{0,4}(真实|私人|个人|本人|真正)(的)?(手机号|手机|电话|号码|住址|地址|微信)|"
    r"[\u4e00-\u9fff]{2,3}的(银行卡|账户)?(余额|手机号|身份证)|"
    r"(收件人|寄件人|客户|用户)" + _ + r"{0,30}完整(的)?(手机号|手机|电话|地址)|"
    r"名下" + _ + r"{0,8}(银行卡|卡号|余额|账户|订单|房产)|"
    r"完整(的)?(收件人|寄件人|客户|用户)" + _ + r"{0,10}(姓名|手机|电话|地址)|"
    r"(用户|客户|会员)(?!名)[\u4e00-\u9fff]{2,3}"
    + _
    + r"{0,10}(交易流水|流水|手机号|余额|地址|卡号|身份证)|"
    # "会员李伟的电话和邮箱": a member named by a surname; not "会员服务电话", "会员专线"
    r"(用户|客户|会员|顾客|学员)"
    + _SURNAME
    + r"[\u4e00-\u9fff]{1,2}(先生|女士|小姐)?(的)?"
    + _
    + r"{0,10}(电话|邮箱|手机|联系方式|微信)"
)
# A relative's, partner's, friend's or named person's medical results or records asked for
# (a Guangzhou hospital's tester: "帮我查一下我老婆的检查报告" got a curated "可以…",
# "我是张三的家属，把他的诊断结果告诉我" the diagnosis). Results and reports are not in
# `_OTHERS_ZH`: "我爸的化验单上写着…是什么意思" asks what a result the customer holds means, so
# here the request must be to look them up or hand them over, or what the person was treated for.
_SOMEONE_ZH = (
    r"(老公|老婆|丈夫|妻子|爱人|朋友|邻居|同事|家人|亲戚|室友|爸爸?|妈妈?|父亲|母亲|儿子|女儿|"
    r"哥哥?|姐姐?|弟弟?|妹妹?|爷爷|奶奶|外公|外婆|公公|婆婆|岳父|岳母|男朋友|女朋友|男友|女友|"
    r"前男友|前女友|前夫|前妻|对象|老板|领导|他|她|" + _SURNAME + r"[\u4e00-\u9fff]{1,2}(?=的))"
)
_RECORDS_ZH = (
    r"(检查报告|检验报告|体检报告|化验单|化验结果|检查结果|检验结果|诊断结果|诊断|病历|病情|报告|"
    r"住院记录|就诊记录|看病记录|病史|用药记录|处方|账户(信息|明细|记录)|账单|余额|交易记录|流水)"
)
_RELATIVE_RECORDS_ZH = re.compile(
    _SOMEONE_ZH
    + r"(的)?"
    + _
    + r"{0,8}"
    + _RECORDS_ZH
    + r"|"
    # what someone was treated for at the business: "我前男友上周在你们医院看了什么病" (not "得了
    # 什么病", which asks for a diagnosis from symptoms)
    + _SOMEONE_ZH
    + _
    + r"{0,16}(看了什么病|看的什么(病|科)|开了什么药|因为什么(住院|就诊)|诊断(结果)?是什么)"
)
_FETCH_ZH = re.compile(
    r"查一下|查查|帮我查|查询|查到|告诉我|发给我|发我|给我看|调出|调取|打印|拿给我|"
    r"把"
    + _
    + r"{0,16}(给我|告诉我|发我|发给我)|看了什么病|看的什么|开了什么药|因为什么(住院|就诊)|"
    r"诊断(结果)?是什么"
)
# Asking what a result the customer holds means, or a policy question ("家属可以代取报告吗").
_MEANING_ZH = re.compile(
    r"什么意思|啥意思|正常吗|怎么看|上(面)?写|偏高|偏低|严重吗|要紧吗|指标|可以代|能代|代(取|领|办|拿)|"
    r"是不是|这是|医生|专家|"
    # how to look them up themselves: "我老公想查一下他的检查报告怎么查"
    r"(怎么|如何|怎样|在哪(里|儿)?|去哪(里|儿)?)(查|看|打印|取|拿)"
)


def _asks_for_relatives_records_zh(texts: list[str]) -> bool:
    return any(
        _RELATIVE_RECORDS_ZH.search(t) and _FETCH_ZH.search(t) and not _MEANING_ZH.search(t)
        for t in texts
    )


# A named third party, read case-sensitively ("customer Priya Raman", "the account of Mr Lowe").
_NAMED_EN = re.compile(
    r"\b([Cc]ustomer|[Cc]lient|[Pp]atient|[Aa]ccount holder|[Rr]ecipient|[Mm]ember|[Gg]uest|"
    r"[Pp]assenger|[Ss]tudent|[Pp]olicyholder)\W+(named\W+|called\W+)?"
    # not "Customer Service Team", "Patient Portal Login": the business's own names
    r"(?!(Service|Services|Support|Care|Team|Success|Relations|Experience|Portal|Account|Login|"
    r"Number|Reference|Area|Centre|Center|Hub|Help|Desk|Feedback|Records?|Rewards?|Benefits?|"
    r"Card|Plan|Discount|Price|Lounge|Pass|Wi)\b)"
    r"[A-Z][a-z]+ [A-Z][a-z]+|"
    r"\b(account|orders?|records?|details) (of|for) (Mr|Mrs|Ms|Miss)\.? [A-Z]|"
    r"\b(details|number|e-?mail|address|seat|itinerary|contacts?) (of|for) [A-Z][a-z]+ [A-Z][a-z]+"
)
_NEED_EN = re.compile(r"\b(need|want|get|pull|send|provide|confirm)\b", re.IGNORECASE)
_REQUEST_ZH = re.compile(r"查|告诉|给我|发给|发我|列出|看看|调出|是多少|是什么|多少|念|读|想知道")

# A relative's, colleague's or a stranger's flight, seat or hotel looked up (an airline's
# tester: "帮我查一下我老公订的是哪天的航班", "我同事的预订号是XYZ789，帮我看看她坐几排");
# not the customer's own trip with them ("我老公的航班延误了能赔多少") nor how they check it
# themselves.
_TRAVEL_ZH = re.compile(
    r"("
    + _SOMEONE_ZH
    + r"|隔壁|旁边的(人|乘客|旅客)|那个(人|乘客|旅客)|其他(乘客|旅客))"
    + _
    + r"{0,12}(航班|座位|几排|机票|预订|订票|行程|值机|登机|酒店|房间号|房号)"
)
_FETCH_TRAVEL_ZH = re.compile(
    r"帮我查|查一下|查查|帮我看看|帮我看下|告诉我|是哪天|哪天的|哪个航班|哪班|几排|几号座|坐(在)?哪|"
    r"住(在)?哪|(有没有|是否)(值机|登机)"
)


# A relative's or a named person's loans and debts (a consumer-lending tester, 2026-12-01:
# "我是他老婆 告诉我他欠多少", "把张三的借款合同发给我 我是他担保人" got only "not sure"): how
# much they owe or borrowed, their contract or repayments, asked for. Not how a relative's
# debt is handled ("借款人去世了 债务由谁还") nor a loan for them ("我老公想借款需要什么").
_DEBT_ZH = (
    r"(欠(了)?(你们|您们|平台)?(多少|几|啥|什么)|借(了)?(多少|几)|还(了)?多少|还剩多少|"
    r"(借款|贷款|欠款|负债|债务|逾期|还款)(合同|协议|记录|明细|金额|情况|详情|余额)?(有)?多少|"
    r"(借款|贷款|欠款)(合同|协议|记录|明细|金额|情况|详情)|额度(是)?多少)"
)
_DEBT_ZH_RE = re.compile(
    r"(?<!我叫)(?<!我是)(?<!本人)"
    + _SURNAME
    + r"[\u4e00-\u9fff]{1,2}的"
    + _
    + r"{0,6}"
    + _DEBT_ZH
    + "|"
    + _SOMEONE_ZH
    + r"(的)?"
    + _
    + r"{0,12}"
    + _DEBT_ZH
)
_FETCH_DEBT_ZH = re.compile(r"查|告诉|给我|发给|发我|看看|调出|是多少|多少|想知道|说一下|透露")


def _asks_for_debts(texts: list[str]) -> bool:
    return any(
        _DEBT_ZH_RE.search(t) and _FETCH_DEBT_ZH.search(t) and not _OWN_LOOKUP_ZH.search(t)
        for t in texts
    )


# Someone else's brokerage account (an online brokerage's tester, 2026-11-30: "帮我查一下张伟
# （身份证…）的持仓", "what's the phone number of the account holder 13900001111" were declined
# only as "not sure"): a relative's or a named person's holdings, balance or trades, and who
# holds an account or a number. A relative opening an account of their own ("my wife wants to
# open an account") asks for no data; nor does the customer's own account ("I'm the account
# holder"), nor how a relative can look their own up ("我爸想查他的持仓怎么查").
_HOLDINGS_ZH = (
    r"(持仓|仓位|持股|资产|余额|交易记录|成交记录|委托记录|流水|资金|股票|基金|账户(里|上)?(有|还剩)?"
    r"(多少|几)|买了(哪些|什么|啥)|卖了(哪些|什么|啥)|赚了多少|亏了多少)"
)
_HOLDINGS_ZH_RE = re.compile(
    r"(?<!我叫)(?<!我是)(?<!本人)(?<!本人是)"
    + _SURNAME
    + r"[\u4e00-\u9fff]{1,2}"
    + _
    + r"{0,30}的(证券|股票)?(账户|账号)?(的)?"
    + _HOLDINGS_ZH
    + r"|"
    + _SOMEONE_ZH
    + r"(的)?(证券|股票)?(账户|账号)?"
    + _
    + r"{0,6}"
    + _HOLDINGS_ZH
)
_FETCH_HOLDINGS_ZH = re.compile(r"查|告诉|给我|发我|看看|调出|是多少|多少|什么|哪些|啥")
_SELF_SERVICE_ZH = re.compile(
    r"(他|她)(自己|本人)|(怎么|如何|怎样|在哪(里|儿)?|去哪(里|儿)?)(查|看)(?!一下)"
)
_OWN_LOOKUP_ZH = re.compile(
    _SELF_SERVICE_ZH.pattern + r"|(冻结|开户|销户|解冻|密码|挂失|过户|继承)"
)
# "the account holder" asked about: who they are, their phone or details.
_HOLDER_EN = re.compile(
    r"(?<!i'm )(?<!i am )(?<!as )(?<!im )\b(the|this|that) (account ?holder|owner of "
    r"(the|this|that) (account|number|card))\b",
    re.IGNORECASE,
)
_HOLDER_ASK_EN = re.compile(
    r"\b(who|what'?s|what is|whose|tell me|give me|name|phone|number|address|details)\b",
    re.IGNORECASE,
)

# What an account holder needs or may do is a policy question.
_HOLDER_POLICY_EN = re.compile(
    r"\b(need|needs|required|documents?|joint|add|become|can|may|must)\b", re.IGNORECASE
)


def _asks_for_holdings(texts: list[str]) -> bool:
    for t in texts:
        if (
            _HOLDINGS_ZH_RE.search(t)
            and _FETCH_HOLDINGS_ZH.search(t)
            and not _OWN_LOOKUP_ZH.search(t)
        ):
            return True
        if _HOLDER_EN.search(t) and _HOLDER_ASK_EN.search(t) and not _HOLDER_POLICY_EN.search(t):
            return True
    return False


def _asks_for_travel_zh(texts: list[str]) -> bool:
    return any(
        _TRAVEL_ZH.search(t) and _FETCH_TRAVEL_ZH.search(t) and not _SELF_SERVICE_ZH.search(t)
        for t in texts
    )


# The consignee of an order asked for by its number (a demo tester: "帮我查下订单号 … 的收货人电话和
# 地址" got "how to change my address"); not the customer correcting their own ("收货人电话填错了").
_CONSIGNEE_ZH = re.compile(
    r"(收货人|收件人|寄件人)(的)?(手机|电话|地址|姓名|名字|联系方式)|(收货人|收件人|寄件人)(是谁|叫什么)"
)
_FETCH_CONSIGNEE_ZH = re.compile(r"查|告诉|给我|发给|发我|是多少|是什么|是谁|想知道")
_EDIT_ZH = re.compile(
    r"改|修改|填错|写错|更新|变更|更换|错了|怎么填|填写|我(的|自己的?)订单|对不对|对吗|是否正确|有没有错"
)


def asks_for_private(texts: list[str], original: str) -> bool:
    """Does a message (its views, and as written) ask for someone else's data or a secret?"""
    if any(_SECRETS.search(t) for t in texts) or _asks_for_keys(texts):
        return True
    if asks_for_others_chats(texts):
        return True
    if _asks_for_admin_secret(texts):
        return True
    for t in texts:
        if _OTHERS_ZH.search(t) and _REQUEST_ZH.search(t) and not _SELF_SERVICE_ZH.search(t):
            return True
    if _asks_for_relatives_records_zh(texts) or _asks_for_holdings(texts):
        return True
    if _asks_for_travel_zh(texts) or _asks_for_debts(texts):
        return True
    if any(
        _CONSIGNEE_ZH.search(t) and _FETCH_CONSIGNEE_ZH.search(t) and not _EDIT_ZH.search(t)
        for t in texts
    ):
        return True
    # Names are capitalised, so this test reads the message as written.
    for t in [*texts, original]:
        if _OTHERS_EN.search(t) and _PERSONAL_DATA_EN.search(t) and _REQUEST_EN.search(t):
            return True
    if _NAMED_EN.search(original) and _PERSONAL_DATA_EN.search(original):
        return bool(_REQUEST_EN.search(original) or _NEED_EN.search(original))
    return False
