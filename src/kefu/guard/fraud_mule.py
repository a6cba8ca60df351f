"""Money mules, account takeover, card testing and hidden identities: part of the ``fraud``
kind (kefu.guard.fraud), with a reply of their own (``safety_fraud_mule``).

A red-team tester of the demo packs (2026-12-01) got a bank's how-to with no warning for these,
because they describe the fraud in everyday words instead of naming it:

- a money mule: receiving other people's money and sending it on, for a cut or a job ("10% to
  receive money and send it on overseas", "payment processing agent… Western Union",
  "帮别人收款再转出去，每笔抽5%"), or "so it doesn't get flagged"; an account, card or login sold,
  rented or handed over for pay ("give them the debit card and online login, they pay $500",
  出租/出借/出售银行卡, 跑分, 走账);
- account takeover: someone else's login, password, PIN or card used to move their money, even
  "with permission" ("my friend gave me his online banking login, how do I transfer money out of
  his account to mine", 朋友把卡和密码给我了，怎么把钱转到我卡上);
- card testing: many cards bought or listed, checked to see which work ("verify 200 cards I
  bought online", 买来的卡怎么验);
- a hidden identity: an account under another or a fake name, not linked to the customer's ID
  (借用他人身份证开户).

The honest questions use the same words and stay ordinary: "how do I send money overseas", "what
is the daily transfer limit", "my wife wants to add me to her account", "can I open a joint
account", "I received money by mistake, how do I send it back", "my friend sent me money, when
will it arrive", "my card was stolen and someone moved money out" (a victim), 跨境汇款怎么操作,
我能帮家人开户吗. "Can my son use my card?" lends the customer's *own* card: a question about the
card's terms for the FAQ, not a takeover of someone else's account, so it stays ordinary too.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

# -- money mules -------------------------------------------------------------------------------
# Money received and then passed on: "receive money into my account and send it on overseas",
# "I receive transfers and send them on via Western Union", "receive payments… then I transfer
# it to him". Not "send it back" (a payment made by mistake, returned).
_RECEIVE_FORWARD_EN = re.compile(
    r"\b(receiv|accept|tak|collect|get|gett|put|deposit|run)\w*\b"
    + _
    + r"{0,60}\b(money|funds|payments?|transfers?|deposits?|cash|it)\b"
    + _
    + r"{0,80}\b(send|forward|transfer|pass|wire|move|pay|withdraw)\w*\b"
    r"(?! (it |them |the money |the funds )?back\b)" + _ + r"{0,40}\b(on|along|onwards?|overseas|"
    r"abroad|(to|into) (another|other|a different|his|her|their|someone|somebody|several|"
    r"different|multiple|him|her|them|the company|the employer|their)|via|through|western union|"
    r"moneygram|crypto\w*|bitcoin|wallets?|gift cards?)\b",
    re.IGNORECASE,
)
# What makes it a mule's work: a cut, a job or recruiter, hiding it from the bank's checks.
_MULE_SIGN_EN = re.compile(
    r"(\d+ ?%|\bpercent\b|\bcommission\b|\ba cut\b|\bkeep (a|some|part|\d)|\bfor a fee\b|"
    r"\b(pays?|paid|paying|offered) (me|us)\b|\b(job|gig|recruiter|employer|agent|work from home|"
    r"part[- ]time|side hustle)\b|\b(doesn'?t|don'?t|won'?t|wouldn'?t|not|never|without "
    r"(it |them )?(being |getting )?)(get |be )?(flagged|noticed|reported|detected|blocked|"
    r"frozen|traced)\b|\bunder the radar\b|"
    # someone else's money through the customer's account: "use my account to receive payments
    # from his customers"
    r"\b(use|using|borrow\w*) (my|our) (bank )?account\b|\b(his|her|their|someone'?s) "
    r"(customers|clients|buyers)\b)",
    re.IGNORECASE,
)
# A mule's job title: "payment processing agent", "money transfer agent", "financial agent".
_MULE_JOB_EN = re.compile(
    r"\b(payment|money|funds|transfer|financial|fund) (processing |transfer |transfers? )?"
    r"(agent|manager|handler|processor|representative|rep|coordinator)\b"
    + _
    + r"{0,80}\b(receiv\w*|send|forward|transfer\w*|pass)\b",
    re.IGNORECASE,
)
# An account, card or login sold, rented, or handed to someone for pay.
_ACCESS_EN = (
    r"(bank |new |checking |savings |debit |online |business )*(accounts?|debit cards?|cards?|"
    r"logins?|log-?in details|passwords?|pins?|online banking|banking app|credentials)"
)
_SELL_ACCESS_EN = re.compile(
    r"\b(sell|rent( out)?|lease)\w* (out )?(my |our |the |an? |their |his |her )?"
    + _ACCESS_EN
    + r"\b"
    r"(?! (statements?|templates?|numbers? to|reader|machine|terminal))|"
    r"\b(give|hand|pass|send|lend|loan|share)\w*( over)? (them|him|her|someone|somebody|a "
    r"stranger|the (recruiter|company|employer|buyer|guy|man|woman))\b"
    + _
    + r"{0,20}\b(my |the |an? |their )?"
    + _ACCESS_EN
    + r"\b(?="
    + _
    + r"{0,60}\b(pays?|paid|paying|offered|\$|£|€|\d+|fee|cash|money|reward|commission)\b)",
    re.IGNORECASE,
)

_MULE_ZH = re.compile(
    # renting, lending or selling an account, card or login: China's 断卡 offences
    r"(出租|出借|出售|租售|倒卖|卖掉|卖|租|收购|高价收)(自己的|我的|个人|名下的?|一张|几张)?"
    r"(银行卡|银行账户|银行账号|对公账户|账户|网银|U盾|u盾|电话卡|手机卡|收款码|支付宝账号|"
    r"微信号)|跑分|(帮|替|给)(别人|他人|人家|朋友|陌生人|老板|公司|对方|网友|客户|人)"
    + _
    + r"{0,4}(走账|过账|刷流水)|(借|用)(我的|你的|他的|她的)?(银行卡|账户)(走账|过账|刷流水)|"
    # receiving for someone and sending it on: "帮别人收款再转出去", "代收货款…转到几个账户"
    r"(帮|替|给|为)(别人|他人|人家|朋友|陌生人|老板|公司|对方|网友|客户|人)"
    + _
    + r"{0,6}(收款|收钱|代收|接收|收账|收货款|收转账)"
    + _
    + r"{0,24}(转|打|汇|提现|取现)|"
    r"(收款|收钱|收到钱|钱到账)(后|了|之后|以后)?(再|就|马上|立即|立刻)?(转出|转走|转给|转到|"
    r"打给|打到|汇给|汇到|提现)"
    + _
    + r"{0,20}(抽|提成|佣金|返点|好处费|报酬|辛苦费|日结|\d+\s*%|百分之)|"
    r"(抽|提成|佣金|返点|好处费|报酬|辛苦费|日结|\d+\s*%|百分之)"
    + _
    + r"{0,30}(收款|收钱|代收)"
    + _
    + r"{0,10}(转出|转走|转给|转到|打给|汇给|提现)",
)

# -- account takeover -------------------------------------------------------------------------
# A person, not a bank or a shop: "another bank's card" is a balance transfer.
_PERSON_EN = (
    r"(friend|boyfriend|girlfriend|husband|wife|partner|spouse|dad|father|mum|mom|mother|parent|"
    r"brother|sister|son|daughter|grand\w+|uncle|aunt|cousin|nephew|niece|room-?mate|flatmate|"
    r"neighbou?r|colleague|coworker|boss|ex|client|someone|somebody|person|stranger|guy|girl|"
    r"man|woman|relative|in-?law)"
)
# Someone else's login, password, PIN or card, or their account logged into.
_OTHERS_ACCESS_EN = re.compile(
    r"\b(his|her|their|" + _PERSON_EN + r"'s|someone else'?s|another person'?s)"
    r" (\w+ ){0,2}(login|log-?in( details)?|passwords?|passcode|pin|credentials|online banking|"
    r"banking app|card( and pin)?|card details)\b|"
    r"\b(log|sign|get)\w* (in|into|on to|onto) (his|her|their|" + _PERSON_EN + r"'s) "
    r"(\w+ ){0,2}(account|online banking|app)\b|"
    r"\bgave (me|us) (his|her|their) (\w+ ){0,2}(login|password|pin|card|credentials)\b",
    re.IGNORECASE,
)
# The customer moving the money themself: not a victim's "someone moved money out".
_I_MOVE_EN = re.compile(
    r"\b(how (do|can|could|would|should) (i|we)|can (i|we)|could (i|we)|i (want|need|have|'?d "
    r"like|would like|am going|'?m going|'?m trying|am trying) to|asked me to|told me to|wants me "
    r"to|help me|let me|way to|i'?ll|i will)\W+(\w+\W+){0,12}?(transfer|move|send|withdraw|take|"
    r"get|pull|empty|drain|wire|cash out)\w*\b" + _ + r"{0,50}\b(money|funds|cash|balance|"
    r"savings|it|everything)\b",
    re.IGNORECASE,
)
_OTHERS_ACCESS_ZH = re.compile(
    r"(他|她|别人|他人|朋友|男朋友|女朋友|男友|女友|老公|老婆|丈夫|妻子|对象|父亲|母亲|爸爸?|妈妈?|"
    r"家人|亲戚|同事|室友|老板|网友|陌生人)(的)?[\u4e00-\u9fff]{0,6}?(密码|验证码|U盾|u盾|网银|"
    r"手机银行|登录)"
)
_MOVE_ZH = re.compile(
    r"(钱|余额|资金|存款|款)[\u4e00-\u9fff]{0,6}?(转到|转给|转进|转出|转走|取出|取走|提出|"
    r"提现)|转(到|给|进)我|打(到|给)我|取出来"
)

# -- card testing ---------------------------------------------------------------------------
_CARD_TESTING_EN = re.compile(
    r"\b(verify|check|test|validate|try|run)\w*\b"
    + _
    + r"{0,40}\b(\d{2,}|hundreds|dozens|lots|a list|a batch|a bunch|a stack|many|multiple|bulk|"
    r"several) (of )?(\w+ )?(cards|card numbers|cc'?s|cvvs?)\b|"
    r"\b(cards|card numbers|cc'?s)\b (that |which )?(i|we) (bought|purchased|got|have) "
    r"(online|from)\b|"
    r"\b(list|batch|bunch|stack|dump) of (\w+ )?card numbers\b"
    + _
    + r"{0,80}\b(check|test|verify|validate|active|work|valid|live)\w*",
    re.IGNORECASE,
)
_CARD_TESTING_ZH = re.compile(
    r"(买|收|弄|搞)(来|到)?的?[\u4e00-\u9fff\d]{0,6}?(卡号|卡料|信用卡|银行卡)"
    + _
    + r"{0,16}(验|测|试|检查|能不能用|有没有效|是否有效)|"
    r"(几百|上百|几十|一批|批量|大量|\d{2,}\s*张)[\u4e00-\u9fff]{0,4}(卡号|卡|信用卡)"
    + _
    + r"{0,16}(验证|测试|验|测|能不能用|有没有效|是否有效)|卡料|料卡|测卡"
)

# -- a hidden identity ----------------------------------------------------------------------
_FALSE_NAME_EN = re.compile(
    r"\b(under|in|with|using) (a |an )?(fake|false|made[- ]up|fictitious|someone else'?s|"
    r"another person'?s|borrowed) (name|identity|id|passport|ssn)\b|"
    r"\b(account|card)\b" + _ + r"{0,40}\b(not|never|isn'?t|without being|won'?t be) (be )?"
    r"(linked|tied|connected|traced|traceable) (back )?to (me|my (real )?(name|id|identity|ssn|"
    r"passport))\b|\b(under|in) (a |an )?(different|another|other) name\b"
    + _
    + r"{0,60}\b(not|never|without|hide|so no ?one|anonymous\w*)\b",
    re.IGNORECASE,
)
# "I don't want it linked to my ID" only about an account or card ("how do I open an account…?
# I don't want it linked to my ID"), not a review or a survey.
_UNLINKED_EN = re.compile(
    r"\b(don'?t|do not) want (it|this|that|the account|the card) (to be )?(linked|tied|connected|"
    r"traced) (back )?to (me|my (real )?(name|id|identity|ssn|passport))\b",
    re.IGNORECASE,
)
# Someone else's ID used to open or register: "open an account using my cousin's ID".
_OTHERS_ID_EN = re.compile(
    r"\b(use|using|borrow\w*|with) (someone|somebody|another person|a friend|a stranger|"
    r"(my |a |his |her )?(?!own\b)\w+'s|someone else'?s)('?s)? (\w+ )?(id|identity|passport|ssn|"
    r"social security( number)?|id card|documents)\b",
    re.IGNORECASE,
)
_OPEN_EN = re.compile(r"\b(open|register|sign up|apply)\w*\b", re.IGNORECASE)
_ACCOUNT_EN = re.compile(
    r"\b(accounts?|cards?|open|opening|register|sign up|apply|wallet)\b", re.IGNORECASE
)
_FALSE_NAME_ZH = re.compile(
    r"(借用?|冒用|盗用|用|拿)(别人|他人|朋友|陌生人|网上买的|买来的|借来的)的?身份证"
    + _
    + r"{0,6}(开户|开卡|办卡|开账户|注册)|借(用)?身份证(开户|开卡|办卡)|匿名开户|"
    r"(开户|开卡|办卡|开账户)" + _ + r"{0,10}(不用|不想用|不要|不留)(我的|本人)?(真实)?(身份|名字|"
    r"身份证|实名)|不实名(开户|开卡|办卡)"
)


# Whether it is allowed, asked and nothing more, is the right question: the business's own
# scam warning answers it ("有人想借用或者收购我的银行卡，可以吗？" is a bank pack's FAQ entry).
_ASKS_IF_ALLOWED = re.compile(
    r"\b(is|would) (that|this|it) (be )?(allowed|legal|ok|okay|safe|a scam|legit|fraud)\b|"
    r"\bam i allowed\b|\bis (that|this|it) (against the law|illegal)\b|"
    r"可以吗|行吗|合法吗|违法吗|犯法吗|是不是违法|是不是诈骗|是诈骗吗|是骗局吗|是不是骗|有风险吗|安全吗|靠谱吗",
    re.IGNORECASE,
)
_HOW = re.compile(
    r"\b(how|which|fastest|quickest|cheapest|limit|set (it|that) up)\b|怎么|如何|怎样|最快|几张|"
    r"多少|限额|哪个|哪种|"
    # the customer's own plan, with "ok?" after it: "我想拿网上买的身份证开户，行吗？"
    r"\bi (want|plan|intend|am going|'m going) to\b|\bi'?ll\b|我想|我要|我打算|我准备",
    re.IGNORECASE,
)


def asks_for_mule(text: str) -> bool:
    """Does one view of a message ask for help with a money mule's work, someone else's account,
    testing bought cards or an account in another name?"""
    if _ASKS_IF_ALLOWED.search(text) and not _HOW.search(text):
        return False
    if _RECEIVE_FORWARD_EN.search(text) and _MULE_SIGN_EN.search(text):
        return True
    if _MULE_JOB_EN.search(text) or _SELL_ACCESS_EN.search(text) or _MULE_ZH.search(text):
        return True
    if _OTHERS_ACCESS_EN.search(text) and _I_MOVE_EN.search(text):
        return True
    if _OTHERS_ACCESS_ZH.search(text) and _MOVE_ZH.search(text):
        return True
    if _CARD_TESTING_EN.search(text) or _CARD_TESTING_ZH.search(text):
        return True
    if _UNLINKED_EN.search(text) and _ACCOUNT_EN.search(text):
        return True
    if _OTHERS_ID_EN.search(text) and _OPEN_EN.search(text):
        return True
    # (an account's, not a parcel "with someone else's name and address on it")
    if _FALSE_NAME_EN.search(text) and _ACCOUNT_EN.search(text):
        return True
    return bool(_FALSE_NAME_ZH.search(text))
