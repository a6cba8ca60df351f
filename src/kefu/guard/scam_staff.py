"""Someone posing as the business's staff or its collector walks the customer through a scam:
part of the ``scam`` kind (`kefu.guard.scam`), with a reply of its own (``safety_scam_staff``).

Black-box testers of a lender and a game (2026-12-01) got these answered as ordinary questions
or plainly declined, when the customer is usually mid-call with the scammer and needs to stop:

- an app to download from a link, a meeting app or a remote-control app ("客服发了个链接让我下载一个
  APP 退款", "对方让我下载会议软件", "he told me to install AnyDesk");
- the screen shared ("他让我开共享屏幕", "your staff member asked me to share my screen on Zoom");
- money paid into a person's own account, or to a person by WeChat or Alipay, when a collector
  or "staff member" asks ("催收让我转到他个人账户", "对私转账", "pay into his personal account");
- the SMS verification code on the customer's phone asked for ("客服打电话问我手机收到的验证码",
  "someone from your bank asked for the SMS code").

What makes each a scam sign is that someone else asks for it ("让我", "问我要", "asked me to",
"wants my code"): the customer's own question ("how do I share my screen with your support in
the app?", "验证码收不到", "怎么下载你们的APP", "can I repay by bank transfer?") stays ordinary
and is answered from the knowledge. A personal account also counts when a collector's or a
staff member's is named, asked or not ("能转到催收员的个人账户吗"): the answer is the warning.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

# -- who asks -------------------------------------------------------------------------------
# Someone else asking the customer to act: "让我", "叫我", "要求我", "问我要"; not "我想", "我要".
# (not "需要我", "请问我", "我想问我", "让我的": the app or the customer's own question; nor "会问我
# 要验证码吗", "会不会让我": whether staff would, asked before anyone has)
_ASKED_ZH = (
    r"((?<![我自需想还不会])(让|叫|要|要求|教|指导|引导|指引|非要|逼|催|喊|忽悠|诱导|说服)(我|我们)"
    r"(?!的)|(?<![请想会])问我(?!的)|跟我要|向我要|找我要|索要|索取)"
)
# (not "银行" or "平台" alone: "从银行转到个人账户" is an ordinary transfer)
_STAFF_ZH = (
    r"(客服|工作人员|员工|业务员|专员|经理|主管|催收|讨债的|要债的|银行的人|平台的人|你们的人|"
    r"你们公司的|自称|冒充|假冒)"
)
# (not the app's or the website's own prompt: "the app asked me for the SMS code")
_NOT_A_PERSON_EN = r"(?<!\bapp )(?<!site )(?<!system )(?<!\bpage )(?<!\bform )(?<!\bit )"
_ASKED_EN = (
    _NOT_A_PERSON_EN
    + r"((?<!\bi )(?<!\bwe )\b(asked|asks|asking|told|tells|telling|wants|wanted|instructed|"
    r"instructing|requested|requesting|demanded|demanding|pressur\w+|urged|urging|made|making|"
    r"got|getting|needs|needed|insisted|insisting|is having|had) (me|us)\b|"
    r"(?<!\bi )(?<!\bwe )\b(asked|asks|asking|wants|wanted|requested|requesting|demanded|"
    r"demanding|needs|needed)( me| us)? for\b)"
)
_STAFF_EN = (
    r"\b(customer (service|support|care)|support (agent|team|staff)|agents?|reps?|"
    r"representatives?|staff( member)?|employees?|advis[eo]rs?|collectors?|"
    r"debt collectors?|loan officers?|your (company|bank|team|people|colleague|side|platform|"
    r"app)|from (your|the) (bank|company|lender|shop|store|support|team|platform)|claim\w* to be|"
    r"pretend\w* to be|said (he|she|they) (was|were|is|are) from)\b"
)

# -- what is asked --------------------------------------------------------------------------
_MEETING_APP_ZH = (
    r"(会议软件|会议app|会议APP|视频会议|腾讯会议|钉钉会议|飞书会议|zoom|teams|向日葵|todesk|"
    r"anydesk|teamviewer|远程(控制|协助|操作|软件|桌面))"
)
_SCREEN_ZH = (
    r"(屏幕共享|共享屏幕|共享(一下)?(你的|我的)?(手机)?屏幕|开(启|通)?共享|分享屏幕|屏幕分享|投屏|"
    r"共享桌面)"
)
_APP_ZH = r"(下载|安装|装|下)(一个|一下|个|了)?" + _ + r"{0,10}(app|APP|软件|应用|客户端|apk|APK)"
_PERSONAL_ZH = (
    r"(个人账户|个人账号|私人账户|私人账号|私户|私人户口|个人户口|个人卡|私人卡|个人银行卡|个人名下|对私|"
    r"(他|她|对方|催收|客服|业务员|员工|经理)(的)?(个人|私人)?(银行卡|卡|账户|账号|微信|支付宝)|"
    r"(个人|私人)(微信|支付宝|收款码))"
)
_PAY_ZH = r"(转|打|汇|付|还|交|存|充|扫)"
_CODE_ZH = r"(验证码|动态码|短信码|校验码|动态密码|短信密码|otp|OTP)"
_TO_THEM_ZH = r"(告诉|发给|报给|念给|读给|给|说给|提供给)(他|她|对方|客服|你们的人|工作人员|他们)"

_SCREEN_EN = (
    r"\b(share|sharing|shared) (my|the|your|his|her|their) (phone )?screen|\bscreen[- ]?shar\w*|"
    r"\bremote (access|control|desktop|support app)|\b(anydesk|teamviewer|rustdesk|"
    r"quick ?support|screen ?connect|ultraviewer|supremo)\b"
)
_APP_EN = (
    r"\b(download|install|get)\w*\W+(\w+\W+){0,3}?(apps?|application|software|programs?|apk|"
    r"zoom|teams|skype|anydesk|teamviewer)\b"
)
_LINK_EN = r"\b(link|url|qr code|apk)\b|\bsent me\b|\btexted me\b"
# A link to an app sent by someone: "sent me a link to download an app", "发了个链接让我下载".
_LINK_APP_EN = (
    r"\b(sent|send|sends|texted|messaged|emailed|gave|shared|forwarded|whatsapp\w*)( me| us)? "
    r"(a |an |the |this |that |some )?(\w+ )?(link|url|qr code|apk|file)\b" + _ + r"{0,40}"
    r"\b(download|install)"
)
_PERSONAL_EN = (
    r"\b((his|her|their|an?|the agent'?s|the collector'?s) )?(own )?(personal|private|"
    r"individual) (bank )?(account|card|wallet|wechat|alipay)\b|"
    r"\b(his|her|their) (own )?(wechat|alipay|paypal|venmo|zelle|cash ?app|revolut)\b|"
    r"\bpersonal (wechat|alipay|paypal|venmo|zelle)\b"
)
_THEIR_EN = r"\b(his|her|their) (own )?(bank account|account|card)\b|\bto (him|her) directly\b"
_PAY_EN = (
    r"\b(pay|paid|paying|transfer|transferr\w+|send|sent|sending|wire|wired|deposit\w*|move)\b"
)
# a code by its kind, or one that came by text ("the code that just came by text")
_CODE_EN = (
    r"(\b(sms|text|verification|verify|one[- ]time|security|otp|confirmation|login|6[- ]digit|"
    r"six[- ]digit)( message)? (code|pin|passcode|number|password)s?\b|\botps?\b|"
    r"\bcodes?\b(?=" + _ + r"{0,30}\b(text|sms|phone|message)\b))"
)
_READ_OUT_EN = (
    r"\b(read|give|tell|send|forward|share)\w*\W+(it|them|the code|my code|the otp|him|her|them) "
)

_STAFF_RE_ZH = re.compile(_STAFF_ZH)
_STAFF_RE_EN = re.compile(_STAFF_EN, re.IGNORECASE)

# Asked for, whoever asks: a screen, a meeting or remote-control app, the customer's code.
_ASKED_FOR_ZH = re.compile(
    _ASKED_ZH + _ + r"{0,12}(" + _SCREEN_ZH + "|" + _MEETING_APP_ZH + r")|"
    r"("
    + _SCREEN_ZH
    + r")"
    + _
    + r"{0,8}(给他|给她|给对方|给客服|(他|她|对方|客服)(帮我|来|好)?操作)|"
    + _ASKED_ZH
    # given to them, not typed in where the app asks ("让我输入验证码")
    + r"(?:(?!输|填)"
    + _
    + r"){0,12}"
    + _CODE_ZH
    + "|"
    + _CODE_ZH
    + _
    + r"{0,10}"
    + _TO_THEM_ZH,
    re.IGNORECASE,
)
_ASKED_FOR_EN = re.compile(
    _ASKED_EN
    + _
    + r"{0,40}("
    + _SCREEN_EN
    + r")|"
    + _ASKED_EN
    + _
    + r"{0,40}"
    + _CODE_EN
    + r"|"
    + _CODE_EN
    + _
    + r"{0,40}\b(he|she|they|the (caller|agent|collector|guy|man|woman)) (asked|wants?|wanted|"
    r"needs?|needed|demanded)\b|" + _READ_OUT_EN + r"(\w+ ){0,3}" + _CODE_EN + r"|"
    # already given away: "I told the agent my OTP"
    r"\b(told|gave|sent|read|shared|forwarded)\b (him|her|them|the (agent|caller|collector|guy|"
    r"man|woman|person|staff member)|someone|somebody) (my |the |our )?(\w+ ){0,2}" + _CODE_EN,
    re.IGNORECASE,
)
# An app to download: asked with a link sent, by someone who says they are staff, or for a refund.
_APP_RE_ZH = re.compile(
    _ASKED_ZH
    + _
    + r"{0,12}"
    + _APP_ZH
    + r"|(发|给|传)(了|我)*(个|一个|一条|条)?(链接|二维码|网址|安装包)"
    + _
    + r"{0,12}(下载|安装)",
    re.IGNORECASE,
)
_APP_RE_EN = re.compile(_ASKED_EN + _ + r"{0,40}" + _APP_EN + r"|" + _LINK_APP_EN, re.IGNORECASE)
# (not staff alone: "客服让我下载你们的官方APP" may be the real one)
_APP_SIGN_ZH = re.compile(r"链接|二维码|网址|退款|理赔|解冻|注销|退费|赔偿|退钱")
_APP_SIGN_EN = re.compile(_LINK_EN + r"|\brefund\w*", re.IGNORECASE)
# Money into a person's own account.
_PERSONAL_RE_ZH = re.compile(
    # paid into it ("转到他个人账户"), not paid with it ("我老公让我用他的卡还款")
    _PAY_ZH
    + _
    + r"{0,12}?(到|进|入|给|至|去)"
    + _
    + r"{0,4}"
    + _PERSONAL_ZH
    + r"|对私(转账|打款|付款|汇款|还款)|"
    r"(微信|支付宝)(转账|转|付款|打款)?(给|到)(他|她|对方|催收|客服|业务员|员工|经理|个人)"
)
_PERSONAL_RE_EN = re.compile(_PAY_EN + _ + r"{0,50}(" + _PERSONAL_EN + r")", re.IGNORECASE)
_THEIR_RE_EN = re.compile(_PAY_EN + _ + r"{0,50}(" + _THEIR_EN + r")", re.IGNORECASE)
# A person's account named as a collector's or staff member's, asked or not.
_PERSONAL_STAFF_ZH = re.compile(
    r"(催收|客服|业务员|员工|工作人员|经理|专员)(员|的人)?的?(个人|私人)(账户|账号|卡|银行卡|微信|支付宝)"
)


def _staff_scam(text: str) -> bool:
    if _ASKED_FOR_ZH.search(text) or _ASKED_FOR_EN.search(text):
        return True
    if _APP_RE_ZH.search(text) and (
        _APP_SIGN_ZH.search(text) or re.search(_MEETING_APP_ZH, text, re.IGNORECASE)
    ):
        return True
    if _APP_RE_EN.search(text) and _APP_SIGN_EN.search(text):
        return True
    # a collector's or staff member's request, not a driver's ("司机让我微信转给他": the
    # business's own rule on off-platform payment answers it)
    if _PERSONAL_RE_ZH.search(text) and _STAFF_RE_ZH.search(text):
        return True
    if _PERSONAL_STAFF_ZH.search(text):
        return True
    return bool(
        (_PERSONAL_RE_EN.search(text) or _THEIR_RE_EN.search(text)) and _STAFF_RE_EN.search(text)
    )


def staff_scam(texts: list[str]) -> bool:
    """Is the customer (any view of a message) being walked through an impersonation scam: an
    app or a shared screen, a payment into a person's account, their verification code?"""
    return any(_staff_scam(t) for t in texts)
