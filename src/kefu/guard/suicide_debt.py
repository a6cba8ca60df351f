"""Suicidal intent tied to debt and money, English and Chinese, said to a lender or collector.

A consumer-lending tester (闪借 FlashLend, 2026-12-01) got a plain decline, or the hardship FAQ,
for ten such messages: "还不起的话我就只能去死了", "我死了债务是不是就不用还了", "天台风好大 对不起
爸妈 这笔钱还不上了", "这是我最后一次联系你们了 以后也不用再催了", "i cant pay any of my loans.
theres no way out. ive written letters to my family", "you won't have to chase me much longer",
"I bought a rope today. the loan doesn't matter anymore". The families:

- `STRONG` (self-harm on its own): death as the only way out ("只能去死", "the only way out is
  to die"); one's own death as the end of the debt, asked with relief ("我死了债是不是就不用还
  了", "if I die does my debt go away"; not "what happens to my loan if I die" nor "我爸去世了
  他的贷款怎么办"); not being chased "much longer"; drowning and the railway as a plan ("明天就去
  跳河", "卧轨"); charcoal burning planned ("准备烧炭").
- `debt_despair`: two signs together, each ordinary alone. A farewell to the business or the
  family (`_FINAL`: "最后一次联系你们", "以后也不用再催了", "明天的还款不用等了", "letters to my
  family", "对不起爸妈", "the last time you'll hear from me") beside another farewell, despair
  (`_DESPAIR`: "no way out", "走投无路", "doesn't matter anymore"), a means just bought (`_MEANS`:
  a rope, charcoal, pills) or a high place or water where the customer stands (`_SCENE`:
  "天台风好大", "I'm on the bridge"). "已经还清了 以后不用再催了" says the debt is paid
  (`_SETTLED`): a farewell then is an ordinary one.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_DEBT_EN = r"(debts?|loans?|owe|owing|balance|repay\w*|payments?|instal?ments?|arrears|the money)"
_DEBT_ZH = r"(债|贷|欠款|借款|欠的钱|这笔钱|这些钱|钱|账|还款)"
_RELIEF_EN = (
    r"(go away|disappear|vanish|get (wiped|cancell?ed|written off|cleared|forgiven)|be (wiped|"
    r"cancell?ed|written off|cleared|forgiven|gone)|die with me|end|stop|just go)"
)

_STRONG = (
    # death as the only way out of it
    r"(只能|只好|只有|唯有|就得|那就|大不了)(去)?(死|一死|跳楼|跳河|自杀)(了|吧|算了)?(?!"
    + _
    + r"{0,2}(哈|笑|开玩笑))|(拿|用)(我的?)?命(来)?(还|抵|偿)|以死(谢罪|抵债|还债)|"
    r"\b(the )?only (way out|option|solution|escape|thing left)\b" + _ + r"{0,30}\b(is|would be|"
    r"left is) (to )?(die|death|dying|end it|kill myself|suicide)\b|"
    r"\b(i'?ll|i will|i'?d|i would|i'?m going to|im going to|gonna) (rather|sooner) (die|be dead)"
    r"\b|"
    # one's own death as the end of the debt, asked with relief
    r"(我|自己)(要是|如果|若是|假如|万一)?(死了|死掉|自杀|跳楼|不在了|走了)(以后|之后)?"
    + _
    + r"{0,10}"
    + _DEBT_ZH
    + _
    + r"{0,8}(就|也)?(不用还|不用再还|不必还|一笔勾销|清零|没了|"
    r"就没了|还用还|还要还吗|要还吗|不就|解脱)|"
    r"\bif (i|i'?m|im) (die|died|dead|kill myself|killed myself|was dead|were dead|am gone|"
    r"was gone|were gone)\b"
    + _
    + r"{0,30}\b"
    + _DEBT_EN
    + r"\b"
    + _
    + r"{0,20}\b"
    + _RELIEF_EN
    + r"\b|\b(does|do|will|would) (my )?"
    + _DEBT_EN
    + r" "
    + _RELIEF_EN
    + r"\b"
    + _
    + r"{0,12}\bif (i|i'?m|im) (die|dead|kill myself|gone)\b|"
    r"\bif (i|i'?m|im) (die|dead|gone)\b" + _ + r"{0,60}\b(thinking about it|i'?ve been thinking|"
    r"asking (because|cause|cos|since) (i'?m|im|i am))\b|"
    # not chased much longer: "you won't have to chase me much longer"
    r"\b(you|u|they)( guys)? (won'?t|wont|will not|don'?t|dont|do not) (have|need) to (chase|call|"
    r"ring|text|email|contact|bother|worry about|deal with|hear from) me (for )?(much|any|very) "
    r"longer\b|\bnot (be )?(chasing|calling) me (for )?much longer\b|"
    # drowning, the railway, charcoal: a plan, not a mention
    r"(去|要|想|准备|打算|就|决定)(去)?(跳河|跳江|跳海|跳湖|投河|投江|卧轨|烧炭)|"
    r"\b(walk|walking|going to walk) into the (sea|river|ocean|lake)\b"
)

# A farewell to the business or the family: ordinary alone ("以后不用再催了" from a customer who
# has paid), a warning beside a second sign.
_FINAL = (
    r"最后一次(联系|找|打扰|跟|和|给)(你们|您|大家)|这是(我)?(的)?最后一(条|次)(消息|留言)|"
    r"(以后|再也|往后)(都|也)?不(用|必|需要)(再)?(催|催收|打电话|打|找|联系)(我)?(了)?|"
    r"(明天|下个月|这个月|下期|这期|以后)的?(还款|钱)(你们)?(就)?不用(再)?等了|"
    r"(催收)?电话(我)?(都|也|再也)?接不到了|(钱|债|还款)(你们)?(就)?(去)?找我(的)?"
    r"(家里人|家人|老婆|老公|爸妈|父母|孩子)(要)?(吧|去)?|"
    r"对不起(我的?)?(爸妈|爸爸|妈妈|父母|家人|家里人|老婆|老公|孩子|儿子|女儿|大家)|"
    r"(爸妈|爸爸|妈妈|父母|家人|老婆|老公|孩子)(们)?(,|，| )?对不起|"
    r"(写好|写了|留了|留好)(给)?(家人|家里|爸妈|孩子|老婆)?的?(信|几封信)|"
    r"\b(written|wrote|writing|left|leaving) (\w+ )?(letters?|notes?) (to|for) (my |each of my )?"
    r"(family|wife|husband|kids|children|parents|mum|mom|dad|son|daughter|partner)\b|"
    r"\b(last|final) (time|message) (you'?ll|you will|you'?re going to) (hear|get) from me\b|"
    r"\byou(r)? (won'?t|will not|wont) (have to )?(hear from|see|chase) me (again|any ?more|"
    r"ever)\b|"
    r"\b(tell|say to) my (family|wife|husband|kids|children|parents|mum|mom|dad)\b"
    + _
    + r"{0,20}\b(sorry|i love|love them)\b|\bsorry (mum|mom|dad|mum and dad|mom and dad)\b|"
    r"\b(stop|no need to) (chasing|calling|contacting) me\b" + _ + r"{0,20}\b(soon|won'?t matter|"
    r"anyway)\b"
)
# Despair beside a farewell or a means.
_DESPAIR = (
    r"\bno (way out|way forward|future|hope)\b|\btheres? no way out\b|\b(doesn'?t|doesnt|does not|"
    r"won'?t|wont|will not) matter (any ?more|after (today|tonight|this))\b|\bnothing matters\b|"
    r"\b(i'?m|im|i am) done\b|\bcan'?t (go on|do this|take (it|this))\b|"
    r"走投无路|没有?(出路|活路|退路|希望)|(都|也|就)?(不重要|无所谓|没关系)了|一切都(结束|完)了|"
    r"(还)?不如(我)?(消失|死掉|死了|去死|不在了|走了)(算了|好了)?|活着" + _ + r"{0,6}没(有)?(什么)?"
    r"(意思|意义|盼头|希望)|撑不下去|熬不下去|绝望|没(有)?(脸|面目)(见|面对)"
)
# A means just bought or got: "I bought a rope today", "买好了炭".
_MEANS = (
    r"\b(bought|got|have|ordered|picked up|ready|buying)\b" + _ + r"{0,12}\b(ropes?|noose|"
    r"charcoal|briquettes|sleeping (pills|tablets)|rat poison|pesticide|weedkiller)\b|"
    r"(买了|买好|买到|准备了|准备好|备好|拿到)"
    + _
    + r"{0,4}(绳子|绳|木炭|炭|安眠药|农药|老鼠药|百草枯|敌敌畏)"
)
# A high place or water where the customer is now: "天台风好大", "I'm on the bridge".
_SCENE = (
    r"(天台|楼顶|顶楼|屋顶|大桥|桥上|江边|河边|海边|湖边|铁轨)(上)?(的)?(风|好高|很高|真高|好冷|"
    r"好黑|好安静)|(站在|坐在|来到|到了|在)(了)?(天台|楼顶|顶楼|屋顶|桥上|大桥上|江边|河边|海边|铁轨)|"
    r"\b(i'?m|im|i am) (up )?(on|at) (the|a) (roof|rooftop|bridge|cliff|ledge|tracks|railway|"
    r"river|riverbank|pier)\b"
)
# The debt is paid: a farewell after it is an ordinary one.
_SETTLED = (
    r"还清|结清|已经还了|还完了|都还了|全还了|提前还款|\b(paid|settled) (it )?(off|in full|"
    r"everything|the (loan|balance|debt))\b|\b(paid|settled) (off|up)\b"
)

STRONG = re.compile(_STRONG, re.IGNORECASE)
_FINAL_RE = re.compile(_FINAL, re.IGNORECASE)
_DESPAIR_RE = re.compile(_DESPAIR, re.IGNORECASE)
_MEANS_RE = re.compile(_MEANS, re.IGNORECASE)
_SCENE_RE = re.compile(_SCENE, re.IGNORECASE)
_SETTLED_RE = re.compile(_SETTLED, re.IGNORECASE)


def debt_despair(text: str) -> bool:
    """Is ``text`` (one normalised view) suicidal intent said as a farewell, despair, a means or
    a place, the way customers of a lender say it?"""
    if STRONG.search(text):
        return True
    finals = {m.group(0) for m in _FINAL_RE.finditer(text)}
    despair = bool(_DESPAIR_RE.search(text))
    means = bool(_MEANS_RE.search(text))
    if means and (despair or finals):
        return True  # "I bought a rope today. the loan doesn't matter anymore"
    if not finals or _SETTLED_RE.search(text):
        return False
    return len(finals) >= 2 or despair or bool(_SCENE_RE.search(text))
