"""Praise for a member of staff ("mum's carer Jenny is lovely, please pass on our thanks",
"謝謝你們的居服員小芳 阿嬤很喜歡她", "the driver was so kind, thank him for me").

A home-care tester's thanks for a carer got "I'm not sure about that, and I don't want to guess"
and a person, as if it were a question the bot could not answer. Praise asks nothing: it gets a
warm reply, and it reaches the team through the agents' queue at the lowest priority (reason
"praise", `kefu.storage.support_repo.HANDOFF_PRIORITY`), since passing it on is a person's job.

Only praise of *someone* counts (a carer, a driver, "she", 居服员, 师傅): "you've been so helpful"
is said to the bot and is an ordinary thanks. A question, a "but" or a complaint word anywhere in
the message makes it something else, so "the carer is lovely but always late" and "she was
great, can she come on Fridays?" keep their usual path.
"""

from __future__ import annotations

import re

# Someone the business employs, or a pronoun for them.
_STAFF_EN = (
    r"(carers?|care ?givers?|care workers?|support workers?|nurses?|drivers?|trainers?|coach(es)?|"
    r"instructors?|teachers?|tutors?|technicians?|engineers?|installers?|couriers?|"
    r"delivery (guy|man|person|driver)|staff|team|crew|receptionists?|doctors?|dentists?|"
    r"therapists?|cleaners?|physios?|pharmacists?|agents?|stylists?|guides?|she|he|they)"
)
_PRAISE_EN = re.compile(
    r"\bpass (on|along) (our|my|the family'?s) (thanks|gratitude|compliments|appreciation)\b|"
    r"\b(please )?(thank|thanks to) (her|him|them|the " + _STAFF_EN + r")\b|"
    r"\b(compliments|kudos|shout-?out) to\b|"
    r"\b" + _STAFF_EN + r"( \w+)?( (is|was|are|were|has been|have been))? (so |really |very |"
    r"absolutely |just |truly |such )?(lovely|wonderful|brilliant|fantastic|amazing|great|"
    r"excellent|kind|caring|patient|gentle|helpful|superb|outstanding|a star|a gem|an angel|"
    r"a credit)\b|"
    r"\b(we|i|mum|mom|dad|she|he|they) (really |absolutely )?(love|loves|adore|adores) "
    r"(her|him|them|the " + _STAFF_EN + r")\b",
    re.IGNORECASE,
)
_STAFF_ZH = (
    r"(居服员|照服员|护工|看护|阿姨|师傅|教练|老师|医生|护士|司机|快递员|快递小哥|骑手|客服|"
    r"工作人员|团队|员工|店员|技师|药师|导游|管家|她|他)"
)
_PRAISE_ZH = re.compile(
    r"(谢谢|感谢|多谢)(你们|贵公司)的" + _STAFF_ZH + r"|"
    r"(帮我|替我|麻烦)?(谢谢|感谢)(一下)?(那位|这位)?" + _STAFF_ZH + r"|"
    r"(转达|转告).{0,8}(谢|感谢|谢意)|表扬|点赞|好评|"
    + _STAFF_ZH
    + r".{0,10}(很|非常|特别|超|真|好|太)(喜欢|满意|好|棒|赞|用心|细心|贴心|耐心|专业|负责|"
    r"温柔|热情|周到|亲切|有爱心)|"
    r"(很|非常|特别|超|真的?)(喜欢|满意)" + _STAFF_ZH
)
# A question, a contrast or a complaint: not (only) praise.
_NOT_PRAISE = re.compile(
    r"[?？]|\b(but|however|although|though|except|not|never|no longer|isn'?t|wasn'?t|aren'?t|"
    r"weren'?t|didn'?t|doesn'?t|don'?t|can'?t|won'?t|how|what|when|where|why|which|can|could|"
    r"would|will|do you|does|is it|unfortunately|complain\w*|late|rude|missing|stole|stolen|"
    r"hurt|bruis\w*|shout\w*|refund|cancel\w*)\b|"
    r"但是|可是|不过|只是|可惜|不(满意|喜欢|太|够|好)|没有|怎么|如何|多少|吗|哪|什么|为什么|"
    r"投诉|能不能|可不可以|是否|请问|迟到|态度|退款|取消|偷|打|骂|推",
    re.IGNORECASE,
)
_MAX_LENGTH = 300


def praises_staff(text: str) -> bool:
    """Is ``text`` (simplified Mandarin or English) praise of a member of staff, asking nothing?"""
    if len(text) > _MAX_LENGTH or _NOT_PRAISE.search(text):
        return False
    return bool(_PRAISE_EN.search(text) or _PRAISE_ZH.search(text))
