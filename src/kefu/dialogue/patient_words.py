"""Who the person in an emergency elsewhere is, and the words that place them (for
`kefu.dialogue.patient_place`).

The first rule knew only family, partner and friend words ("my mum in Taipei"); a home-care
business's customers also call for a neighbour, a flatmate, a colleague, a client or the person
they care for, and write 邻居, 室友, 同事, 老人家, 阿嬤, 外婆, 婆婆, 公公 (2026-12-01). The
pronoun each takes in the reply is kept beside it ("her helper", "他身边的人"); a word that says
nothing of the person's sex takes "them", or "对方" in Chinese ("TA" reads oddly in a reply;
"他们" is for several).
"""

from __future__ import annotations

import re

_HER = ("her", "her")
_HIM = ("him", "his")
_THEM = ("them", "their")

# English person words, with the reply's pronoun and possessive for them.
KIN_EN: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ("mum", "mom", "mother", "mama", "mummy", "mommy", "grandma", "grandmother", "nan",
         "nana", "nanna", "gran", "granny", "wife", "sister", "daughter", "aunt", "auntie",
         "aunty", "girlfriend", "mother-in-law", "stepmum", "stepmom", "stepmother",
         "granddaughter", "niece", "sister-in-law", "daughter-in-law", "great-grandmother"),
        _HER,
    ),
    **dict.fromkeys(
        ("dad", "father", "papa", "daddy", "grandpa", "grandfather", "grandad", "granddad",
         "husband", "brother", "son", "uncle", "boyfriend", "father-in-law", "stepdad",
         "stepfather", "grandson", "nephew", "brother-in-law", "son-in-law",
         "great-grandfather"),
        _HIM,
    ),
    **dict.fromkeys(
        ("parents", "grandparents", "family", "partner", "friend", "baby", "child", "kid",
         "kids", "children", "grandchild", "grandkid", "cousin", "in-laws", "relative",
         "neighbour", "neighbor", "flatmate", "roommate", "housemate", "colleague", "coworker",
         "co-worker", "client", "patient", "customer", "boss", "employer", "tenant", "landlord",
         "landlady", "carer", "caregiver", "resident", "service user", "pal", "mate",
         "godmother", "godfather", "sibling", "spouse", "fiance", "fiancee", "fiancé",
         "fiancée"),
        _THEM,
    ),
}  # fmt: skip

# Chinese person words, with the reply's pronoun.
KIN_ZH: dict[str, str] = {
    **dict.fromkeys(
        ("妈", "妈妈", "母亲", "媽", "媽媽", "母親", "老妈", "老媽", "外婆", "奶奶", "阿嬷", "阿嬤",
         "姥姥", "阿婆", "婆婆", "岳母", "丈母娘", "老婆", "太太", "妻子", "姐姐", "妹妹", "姐",
         "妹", "女儿", "女兒", "孙女", "孫女", "外孙女", "外孫女", "姑姑", "姨妈", "姨媽", "舅妈",
         "舅媽", "婶婶", "嬸嬸", "女朋友", "嫲嫲", "婆婆"),
        "她",
    ),
    **dict.fromkeys(
        ("爸", "爸爸", "父亲", "父親", "老爸", "外公", "爷爷", "爺爺", "阿公", "姥爷", "姥爺",
         "公公", "岳父", "丈人", "老公", "先生", "丈夫", "哥哥", "弟弟", "哥", "弟", "儿子",
         "兒子", "孙子", "孫子", "外孙", "外孫", "叔叔", "伯伯", "舅舅", "姑丈", "男朋友", "爺",
         "阿爷", "阿爺"),
        "他",
    ),
    **dict.fromkeys(
        ("父母", "爸妈", "爸媽", "家人", "家里人", "家裡人", "亲戚", "親戚"),
        "他们",
    ),
    # one person whose sex the word does not say: "对方" ("请让对方身边的人拨打")
    **dict.fromkeys(
        ("老人家", "长辈", "長輩", "朋友",
         "邻居", "鄰居", "室友", "同事", "客户", "客戶", "孩子", "小孩", "老人",
         "病人", "长者", "長者", "个案", "個案", "房东", "房東", "舍友", "同学", "同學", "老板",
         "老闆"),
        "对方",
    ),
}  # fmt: skip

_EN_ALT = "|".join(re.escape(k) for k in sorted(KIN_EN, key=len, reverse=True))
_ZH_ALT = "|".join(sorted(KIN_ZH, key=len, reverse=True))

# Words just before a place's name that put a person there ("my mum in Taipei", "my neighbour
# who lives in Ipoh", "our client over in Hong Kong", "the lady I care for in Penang").
BEFORE_EN = re.compile(
    r"(?<!with )\b(?:my|our|my \w+'s|the)(?: (?:\w+|\d+-year-old))?? (?P<kin>" + _EN_ALT
    + r")(?:s)?(?:'s| is| are| who is| who's| who are| who lives| who live| that lives| lives|"
    r" live| living| stays| staying| based| who's living| who stays)?(?: still| now| back| over|"
    r" alone| home| out| all alone| on (?:her|his|their) own| back home)? (?:in|at) (?:the )?$",
    re.IGNORECASE,
)  # fmt: skip
BEFORE_ZH = re.compile(
    r"(?<!和)(?<!跟)(?<!陪)(?:我的|我们的|我們的|我们|我們|我|我家|家里的|家裡的)?(?:\d+岁的|\d+歲的|"
    r"年迈的|年邁的|独居的|獨居的)?(?P<kin>" + _ZH_ALT + r")(?:现在|現在|还|還|一个人|一個人|"
    r"自己|独自|獨自|平时|平時)?(?:住|留|待)?在$"
)
# A place said first, the person right after it ("back home in Penang my grandma fell", "over in
# Taipei, my dad…", "台北的外婆", "老家槟城那边我妈"); the customer's own place ("I'm in London")
# is read apart (`kefu.dialogue.abroad.where_customer_is`).
AFTER_EN = re.compile(r"^,? (?:my|our) (?:\w+ )??(?P<kin>" + _EN_ALT + r")s?\b", re.IGNORECASE)
PLACE_FIRST_EN = re.compile(
    r"\b(?:back home|back at home|over|out|down|up) in (?:the )?$|\bat home in (?:the )?$",
    re.IGNORECASE,
)
AFTER_ZH = re.compile(
    r"^(?:的|那边的|那邊的|那边|那邊|老家的|家里的|家裡的)(?:我的|我|我们|我們)?(?P<kin>"
    + _ZH_ALT
    + r")"
)
PLACE_FIRST_ZH = re.compile(r"(?:^|[\u4e00-\u9fff][，,。；！？ ]|老家|家乡|家鄉|远在|遠在)(?:在)?$")
