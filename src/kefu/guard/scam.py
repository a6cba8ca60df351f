"""A customer who is the target of a known loan scam script: the ``scam`` kind of the safety triage.

A consumer-lending tester (闪借 FlashLend, 2026-12-01) got the account-closure steps for
"注销校园贷怎么操作" and a curated "会。…" (read as "yes, reliable") for "有人说能帮我把征信上的逾期
记录洗掉 收费3000 靠谱吗". Both are the commonest loan scams in mainland China, and the customer
asking is usually mid-call with the scammer:

- "cancel your campus/student loan" (注销校园贷, 注销学生贷, 注销网贷账户 "或影响征信"): the
  caller says an old student or online loan account must be closed or the customer's credit
  record suffers, then has them borrow and transfer the money "to verify";
- credit repair for a fee (征信修复, 洗白征信, 花钱删逾期记录, "remove late payments from my
  credit report for 3000"): true records cannot be removed by anyone; a real error is
  corrected free, through the lender or the credit reference centre.

Such a customer needs a warning (never transfer money for it, we never ask, check on the
official line, 96110), not the how-to of the nearest entry. The honest look-alikes stay
ordinary: closing one's own account ("怎么注销账户", "how do I close my account"), the
credit report itself ("征信报告怎么查", "你们上征信吗"), a dispute of a wrong record
("征信上显示我逾期了但我明明按时还了"), paying early. `kefu.guard.safety.assess` calls
`is_scam_target` with every view of a message. Someone posing as the business's staff or
collector (an app from a link, a shared screen, a payment to a person, the SMS code) is
`kefu.guard.scam_staff`'s, with a reply of its own.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard.scam_staff import staff_scam

# -- "cancel your campus loan" --------------------------------------------------------------
_CANCEL_ZH = r"(注销|消除|清除|删除|删掉|撤销|关闭|关掉|清理|清空|销户|消掉)"
# A student or campus loan is the script's own word; a customer of a lender has no "campus
# loan account" to close with it.
_STUDENT_LOAN_ZH = (
    r"(校园贷|校园网贷|学生贷|大学生贷|学生时期的?(贷款|网贷|借款|账户)|上学时的?(贷款|网贷|账户)|"
    r"(校园|学生)(贷款|借贷|借款)(账户|账号|记录))"
)
# An online loan account or record to close, with the script's threat or its caller.
_LOAN_ACCOUNT_ZH = r"(网贷|贷款|借贷|借款)(的)?(账户|账号|记录|资质)"
_SCRIPT_ZH = (
    r"(影响(您的|你的|我的)?(个人)?征信|征信(会)?(受影响|有问题|出问题|变差|花了)|(不|没)注销|"
    r"国家(规定|要求|政策)|监管(要求|规定)|(客服|对方|有人|他们|那人|自称)(说|讲|打电话|来电)|"
    r"(让|叫|要求)我(去)?(注销|转账|借|贷)|转账|打款)"
)
_CANCEL_STUDENT_ZH = re.compile(
    _CANCEL_ZH
    + _
    + r"{0,8}"
    + _STUDENT_LOAN_ZH
    + "|"
    + _STUDENT_LOAN_ZH
    + _
    + r"{0,8}(没|未)?"
    + _CANCEL_ZH
)
_CANCEL_ACCOUNT_ZH = re.compile(
    _CANCEL_ZH
    + _
    + r"{0,6}"
    + _LOAN_ACCOUNT_ZH
    + "|"
    + _LOAN_ACCOUNT_ZH
    + _
    + r"{0,6}"
    + _CANCEL_ZH
)
_SCRIPT_RE_ZH = re.compile(_SCRIPT_ZH)
# Any account "or your credit suffers" (a student bank account is not a loan, but "不注销就影响
# 征信" is the script); not "注销账户会影响征信吗", the customer's own question.
_CANCEL_OR_ELSE_ZH = re.compile(
    _CANCEL_ZH + _ + r"{0,16}(不然|否则|要不然|要不|不注销(的话)?(就|会)?)" + _ + r"{0,8}"
    r"(影响|损害|花了|上黑名单|征信(受影响|有问题|出问题|变差))|"
    r"(不|没|未)(注销|销户)(的话)?(就|会|将)?" + _ + r"{0,4}(影响|损害|上黑名单)" + _ + r"{0,4}征信"
)

_CANCEL_EN = (
    r"(cancel|close|delete|remove|clear|erase|wipe|deregister|de-register|deactivate|clean|"
    r"shut)\w*"
)
# "campus loan" is the script's own phrase; "student loan" counts only as an account or record
# (a student-loan provider's customer may well ask how to cancel a loan they applied for).
_CANCEL_STUDENT_EN = re.compile(
    r"\b" + _CANCEL_EN + r"\W+(\w+\W+){0,4}?(campus|school) (loan|credit|lending)s?\b|"
    r"\b(campus|school) (loan|credit|lending)s?( account| record)?s?\b"
    + _
    + r"{0,40}\b"
    + _CANCEL_EN
    + r"|"
    r"\b" + _CANCEL_EN + r"\W+(\w+\W+){0,4}?(student|college|university|uni|online) (loan|credit|"
    r"lending) (accounts?|records?|histor(y|ies)|profiles?)\b|"
    r"\b(student|college|university|uni|campus|online) (loan|credit|lending) (accounts?|records?)"
    r"\W+(\w+\W+){0,4}(must|needs? to|has to|have to|should|will have to|is to) be " + _CANCEL_EN,
    re.IGNORECASE,
)
# Any loan account "or it affects your credit": the threat that makes it the script.
_CANCEL_LOAN_THREAT_EN = re.compile(
    r"\b"
    + _CANCEL_EN
    + r"\W+(\w+\W+){0,4}?(loan|lending|credit) (accounts?|records?)\b"
    + _
    + r"{0,60}\b(or|otherwise|else|if not|because|affect\w*|hurt\w*|damag\w*|ruin\w*)\b"
    + _
    + r"{0,30}\bcredit (score|report|record|rating|history|file)\b",
    re.IGNORECASE,
)

# -- credit repair for a fee ----------------------------------------------------------------
# The trade's own names: always the scam.
_REPAIR_TERM_ZH = re.compile(
    r"征信(修复|洗白|优化|美化|清洗|铲单|包装|漂白)|(修复|洗白|优化|美化|清洗|漂白|花钱(修|改|洗))"
    r"(个人)?征信|(铲|洗|消|删)(逾期|不良|黑)(记录|名单)?"
)
_REMOVE_ZH = (
    r"(洗掉|洗白|消除|删除|删掉|去掉|抹掉|抹去|清除|清掉|消掉|撤掉|撤销|铲掉|弄掉|处理掉|改掉)"
)
_BAD_RECORD_ZH = r"(逾期|不良|黑名单|污点|失信|呆账|坏账|违约)"
_REMOVE_RECORD_ZH = re.compile(
    _REMOVE_ZH + _ + r"{0,10}" + _BAD_RECORD_ZH + "|" + _BAD_RECORD_ZH + _ + r"{0,10}" + _REMOVE_ZH
)
# Someone else doing it, or money for it: not the customer asking the lender what is kept.
_FEE_OR_AGENT_ZH = re.compile(
    r"(有人|对方|中介|机构|公司|他们|那人|能帮|可以帮|帮忙|代办|办理|收费|收钱|花钱|付费|费用|手续费|"
    r"服务费|好处费|包过|保证|\d+\s*(元|块|万|千)|[一二三两四五六七八九十百千万]+(元|块))"
)
_CREDIT_ZH = re.compile(r"征信|信用(记录|报告)")

_REPAIR_TERM_EN = re.compile(
    r"\bcredit (repair|fix|cleaning|clean-?up|scrub)\w*\b" + _ + r"{0,60}\b(compan\w*|agenc\w*|"
    r"service\w*|firm|guy|man|someone|somebody|agent|fee|pay|paid|charg\w*|legit\w*|real|"
    r"scam\w*|offer\w*|trust\w*|reliable|safe)\b|"
    r"\b(someone|somebody|a (guy|man|woman|company|firm|agency|person)|they|he|she|an agent)\b"
    + _
    + r"{0,40}\bcredit (repair|fix)\w*",
    re.IGNORECASE,
)
_REMOVE_RECORD_EN = re.compile(
    r"\b(remove|delete|erase|wipe|clean|clear|scrub|take (off|down)|get rid of|whitewash|"
    r"wash)\w*\W+(\w+\W+){0,6}?(late payments?|missed payments?|overdue|arrears|defaults?|"
    r"negative|bad (marks?|records?|debts?|history)|blacklist\w*|delinquen\w*)\b"
    + _
    + r"{0,60}\bcredit\b|"
    r"\bcredit (report|record|file|history|score)\b" + _ + r"{0,30}\b(remove|delete|erase|wipe|"
    r"clean|clear|scrub|whitewash|wash)\w*",
    re.IGNORECASE,
)
_FEE_OR_AGENT_EN = re.compile(
    r"\b(someone|somebody|a (guy|man|woman|company|firm|agency|person|service)|they|he|she|"
    r"agent|broker|fee|fees|charg\w*|pay|paid|costs?|for \d|legit\w*|scam\w*|trust\w*|"
    r"reliable|offer\w*)\b|[$¥£€]\s?\d|\d+\s?(yuan|rmb|dollars|hkd|usd)\b",
    re.IGNORECASE,
)


def _cancel_loan_scam(text: str) -> bool:
    if _CANCEL_STUDENT_ZH.search(text) or _CANCEL_STUDENT_EN.search(text):
        return True
    if _CANCEL_ACCOUNT_ZH.search(text) and _SCRIPT_RE_ZH.search(text):
        return True
    if _CANCEL_OR_ELSE_ZH.search(text):
        return True
    return bool(_CANCEL_LOAN_THREAT_EN.search(text))


def _credit_repair_scam(text: str) -> bool:
    if _REPAIR_TERM_ZH.search(text) or _REPAIR_TERM_EN.search(text):
        return True
    if _REMOVE_RECORD_ZH.search(text) and _CREDIT_ZH.search(text):
        return bool(_FEE_OR_AGENT_ZH.search(text))
    return bool(_REMOVE_RECORD_EN.search(text) and _FEE_OR_AGENT_EN.search(text))


def is_scam_target(texts: list[str]) -> bool:
    """Does a message (any of its views) carry a known scam script: a campus or online loan
    account to "cancel", a bad credit record to be removed for a fee, or someone posing as
    staff who asks for an app, the screen, a payment to a person or the verification code
    (`kefu.guard.scam_staff`)?"""
    if any(_cancel_loan_scam(t) or _credit_repair_scam(t) for t in texts):
        return True
    return staff_scam(texts)
