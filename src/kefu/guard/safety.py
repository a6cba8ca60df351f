"""Safety triage of a customer message, English and Chinese: which fixed, safe reply it needs.

Kinds, most urgent first:

- ``safeguarding``: a report that an adult is soliciting a child (photos, secrecy, a
  meeting, contact details) (`kefu.guard.safeguarding`);
- ``threat``: the customer threatens to hurt someone in the real world: staff, a person, an
  office or a home (`kefu.guard.threats`);
- ``misconduct``: a report that the business's own staff (a carer, a trainer, a driver…) stole
  from, abused, harassed or touched the customer or their family (`kefu.guard.misconduct`);
  one still going on ("right now", "现在") is an emergency first;
- ``emergency``: a medical emergency (heart, stroke, breathing, bleeding, overdose or
  poisoning, severe allergy, seizure, suicide or self-harm), also when said indirectly;
- ``injection``: an attempt to change the assistant's rules or read its instructions;
- ``private``: someone else's data, other customers' conversations, secrets or configuration;
- ``prescription``: a prescription-only medicine without a prescription, or someone else's
  (`kefu.guard.medicines`);
- ``dose`` / ``diagnosis``: medication amounts, or what illness the customer has;
- ``scam``: the customer is the target of a known loan-scam script: a campus or online loan
  account to "cancel", a credit record to be "repaired" for a fee (`kefu.guard.scam`);
- ``investment``: personalised investment advice (`kefu.guard.investment`);
- ``fraud``: help to commit fraud or break the law: false invoices or receipts, tax evasion,
  money laundering, card cash-out, false chargebacks, fake reviews (`kefu.guard.fraud`);
- ``promise``: a promise, guarantee, code or compensation the business has not written;
- ``abuse``: insults, profanity or threats (`kefu.guard.abuse`): an apology and a person.

Rules, not a model: they must hold with any knowledge base and be reviewable. Attackers hide
words, so every pattern runs on several views of the message (`views`): normalised, with
letter-by-letter spacing closed up, with digits read as letters ("1gn0re", "t0 d13"), with
Cyrillic and Greek lookalike letters read as Latin ("kіll"), and, for
injection, decoded base64 and ROT13. The patterns describe the kind of request, not the
wording of known attacks; `tests/guard` checks them against the FAQ questions of every pack so
that ordinary questions are not caught.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from typing import Literal

from kefu.guard._regex import IN_SENTENCE
from kefu.guard.abuse import is_abusive
from kefu.guard.animals import pet_emergency
from kefu.guard.dose_taken import asks_about_dose_taken
from kefu.guard.eating_disorder import discloses_eating_disorder
from kefu.guard.emergency import SELF_HARM, is_emergency
from kefu.guard.emergency_obfusc import crisis_views
from kefu.guard.emergency_person import danger_besides_touch, going_on
from kefu.guard.fraud import asks_for_fraud, asks_for_mule_fraud
from kefu.guard.investment import asks_for_advice
from kefu.guard.medicines import asks_for_dose, asks_without_prescription
from kefu.guard.misconduct import physical, reports_misconduct
from kefu.guard.private import asks_for_private
from kefu.guard.safeguarding import reports_grooming
from kefu.guard.scam import is_scam_target
from kefu.guard.threats import threatens_violence
from kefu.text.normalize import normalize
from kefu.text.variants import to_mandarin

SafetyKind = Literal[
    "safeguarding",
    "threat",
    "misconduct",
    "emergency",
    "injection",
    "eating_disorder",
    "private",
    "prescription",
    "dose",
    "diagnosis",
    "scam",
    "investment",
    "fraud",
    "promise",
    "abuse",
]

_ = IN_SENTENCE

# -- views of a message --------------------------------------------------------------------
_SPACED = re.compile(r"(?<!\w)(?:\w[ .\-_*·|/]{1,2}){3,}\w(?!\w)")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_LEET_TOKEN = re.compile(r"(?=[\w@$]*[a-z])(?=[\w@$]*[0-9@])[\w@$]{3,}")
_B64_TOKEN = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")


def _close_spacing(text: str) -> str:
    # "i g n o r e" / "I.G.N.O.R.E" / "忽.略.之.前" -> one word
    return _SPACED.sub(lambda m: re.sub(r"[ .\-_*·|/]", "", m.group(0)), text)


def _unleet(text: str) -> str:
    return _LEET_TOKEN.sub(lambda m: m.group(0).translate(_LEET), text)


# A message written in leet throughout ("1 w4nt t0 d13"): once two words mix digits into
# letters, two-letter words ("t0", "1s") and a lone "1" before a word are read as letters too.
_LEET_SHORT = re.compile(r"(?=[\w@$]*[a-z])(?=[\w@$]*[0-9@])[\w@$]{2,}|(?<!\S)1(?= [a-z])")


def _unleet_all(text: str) -> str:
    if len(_LEET_TOKEN.findall(text)) < 2:
        return text
    return _LEET_SHORT.sub(lambda m: m.group(0).translate(_LEET), text)


# Cyrillic and Greek letters drawn like Latin ones ("kіll" with a Cyrillic і), after casefolding:
# read as the Latin letter, so one foreign letter does not hide a word from every rule.
_CONFUSABLES = str.maketrans(
    {
        **dict(zip("аеорсухіјѕԁɡһӏԛԝѵъ", "aeopcyxijsdghlqwvb", strict=True)),
        **dict(zip("αεοριτυνκχ", "aeopitunkx", strict=True)),
        "ı": "i",
    }
)
_NON_LATIN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0131\u0261]")


def fold_confusables(text: str) -> str:
    """``text`` with lookalike Cyrillic and Greek letters as Latin, where it has any."""
    if not _NON_LATIN_LETTER.search(text):
        return text
    return text.translate(_CONFUSABLES)


def decoded_payloads(text: str) -> list[str]:
    """Readable text hidden in base64 tokens of ``text``."""
    out = []
    for token in _B64_TOKEN.findall(text):
        try:
            raw = base64.b64decode(token + "=" * (-len(token) % 4), validate=True)
            decoded = raw.decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        readable = sum(ch.isprintable() for ch in decoded) >= 0.95 * len(decoded)
        han = sum("\u4e00" <= ch <= "\u9fff" for ch in decoded)
        if readable and (decoded.count(" ") >= 2 or han >= 4):
            out.append(decoded)
    return out


# Taiwan writes the aspect particle 着 as 著 ("活著沒意思"), which the simplifying table keeps (著
# is also 著名's): after a verb it is the particle, read as the rules spell it.
_ZHE = re.compile(r"(?<=[活睡躺坐站拿跟看等醒藏带帶接听聽想写寫])著")


def views(text: str, *, decode: bool = False) -> list[str]:
    """Normalised readings of ``text`` for the detectors (``decode``: also hidden payloads)."""
    base = fold_confusables(normalize(text))
    closed = _close_spacing(base)
    out = [base, closed, _unleet(closed), _unleet_all(closed)]
    # The rules are written in simplified Mandarin: a Hong Kong customer's "我唔想活" or
    # "轉人工" is read in that form too (identical for simplified text, so added only then).
    out.append(_ZHE.sub("着", to_mandarin(base)))
    if decode:
        out += [normalize(p) for p in decoded_payloads(text)]
        out.append(codecs.encode(base, "rot13"))
    return list(dict.fromkeys(out))


def _any(pattern: re.Pattern[str], texts: list[str]) -> bool:
    return any(pattern.search(t) for t in texts)


# -- emergencies: kefu.guard.emergency ---------------------------------------------------

# -- injection: changing the rules, reading the instructions -------------------------------
_INJECTION = re.compile(
    r"(ignore|disregard|forget|override|bypass|ditch|drop)\W+((all|any|every|the|your|ur|my|"
    r"these|those|previous|prior|above|earlier|preceding|original|initial|system|other|"
    r"current|existing|safety|of|you|were|given|told)\W+){0,4}(instructions?|rules|"
    r"directions|guidelines|prompts?|polic(y|ies)|constraints|programming|restrictions|"
    r"guardrails|directives|settings|persona|character|role|identity)|(ignore|disregard|forget)\W+(everything|anything|all)\b|"
    r"(system|initial|original|hidden|secret|internal|developer|pre-?prompt|starting)\W*"
    r"(prompts?|directives)|(hidden|secret|internal|initial|system) (instructions|rules)|"
    r"(print|show|reveal|repeat|quote|recite|output|tell me|display|dump|paste|leak|share|"
    r"summari[sz]e|list|write out|spell out)\W+(\w+\W+){0,4}your\W+(\w+\W+){0,2}"
    r"(instructions|rules|prompt|guidelines|directives)|"
    r"what (were|was) you (told|given|instructed)|what are your (\w+ )?instructions\b(?! for)|"
    r"(show|print|reveal|repeat|display|dump|leak|give|send|tell)\W+(me\W+)?(the|ur|your|ya)\W+"
    r"(\w+\W+)?(prompt|system message|guidelines)|"
    r"(your|ur) (system|hidden|internal|initial|original|secret|developer) (message|notes|"
    r"instructions|prompt|rules|configuration)|developer (notes|message|instructions)|"
    r"(rules|instructions|guidelines) (that )?you (follow|were given|obey|operate under)|"
    r"(word for word|verbatim)|\bobey me\b|unfiltered (ai|assistant|bot|mode|model|version)|"
    r"(repeat|print|output|show|copy)\W+(\w+\W+){0,3}(above|before this|preceding)|"
    r"(instructions|rules|prompt)( were| was)? you (were |was )?(given|received|told)|"
    r"your (original|initial|first|real|actual|hidden|secret|system) (instructions|prompt|rules)|"
    r"\b[a-z]\s*\+\s*[a-z]\b|concatenat|opposite of (what|your)|"
    r"(manager|supervisor|admin|developer|boss|owner)s? (asked|told|wants|said for) me to tell you|"
    r"(grandma|grandmother|grandpa|granny)" + _ + r"{0,30}used to (read|tell|say|recite)|"
    r"(everything|text|words?|all)( that (came|is|was))? (above|before) (this|my|the)|"
    r"you are now|from now on,? (you|your)|pretend (to be|you)|role-?play|"
    r"play the (role|part)|you'?re now|\bact as (my|if|though)\b|act as an? (doctor|"
    r"pharmacist|stockbroker|broker|lawyer|hacker|developer|admin|ai|assistant|bot)|"
    r"(instructions|rules|prompt|guidelines)( that)? (they|your developers|your creators|the "
    r"developers|someone|somebody) (gave|give|wrote|write|set|put)( in)? (you|for you)\b|"
    r"\byour (developers|creators|makers|programmers|engineers|devs)\b" + _ + r"{0,40}\b("
    r"instruct\w*|rules|prompt|told you|wrote|write|programmed)|"
    r"xi ?tong ?ti ?shi|ti ?shi ?ci|hu ?l(u|v|ü)e ?(ni|zhi|yi|suo)|"
    # a pasted "tool result" that carries orders, text to continue word for word
    r"instructions?_to_(the_)?(assistant|ai|bot|model)|\[/?tool_(result|output|response)\b|"
    r"admin_override|原样(接|续|输出|复述|重复|念|打)|(拼|连)(起来|在一起)(写|说|打)|"
    r"(developer|dev|god|admin|debug|unrestricted|jailbreak|dan|sudo|maintenance|evil|chaos|"
    r"unfiltered|test) mode|(?<![a-z])dan(?![a-z])|do anything now|jailbr|"
    r"(ai|bot|assistant|model|chatbot|you|gpt)\b" + _ + r"{0,30}(no|without( any)?|free of) "
    r"(rules|restrictions|limits|filters|guidelines|polic(y|ies))|"
    r"unrestricted|uncensored|"
    r"\[\s*(system|admin|developer)\s*\]|<\|?\s*(im_start|system|endoftext)|(^|\n)\s*"
    r"(system|assistant)\s*:|#+\s*(new )?(instructions?|system)|system override|"
    # (not "my new policy from this year": an insurance policy and a date)
    r"new (rules?|instructions?|polic(y|ies)) (from|by)\b(?! (this|next|last|today|\d|jan|feb|mar|"
    r"apr|may|jun|jul|aug|sep|oct|nov|dec))|new (rules?|instructions?)\s*:|"
    r"(end|beginning|start) of (the )?(user |system )?(input|prompt)|"
    r"(penetration|pen) test|\bi authori[sz]e you|authori[sz]ed (you|test)|"
    r"(decode|decrypt|rot13|base64|translate)" + _ + r"{0,60}(follow|execute|run|do|obey|"
    r"comply|perform|apply)\b|"
    r"complete (this|the following|the) (sentence|text)|"
    # Chinese
    r"(忽略|无视|忘掉|忘记|不要管|别管|绕过|覆盖|不用遵守|不必遵守)"
    + _
    + r"{0,12}(指令|指示|规则|设定|"
    r"限制|约束|命令|规定)|(忽略|无视|忘掉|忘记)(之前|以上|前面|上面|所有)|"
    r"(系统|初始|原始|隐藏|内部|开发者|原本)(的)?(提示词|指令|设定|prompt)|提示词|"
    r"(收到|得到|接到)的(指令|设定|规则)|你的(设定|指令|系统设置)|(对话|这段话|这条消息|以上|上面)(之前)?的所有内容|"
    r"(管理员|经理|老板|主管|开发者|公司|领导)(让|叫|要)我(转告|告诉)你|"
    r"(复述|重复|输出|打印|告诉我|说出|发给我|透露|公布|泄露|列出|念)"
    + _
    + r"{0,10}(指令|设定|提示词|"
    r"(你的|系统|内部|隐藏)(规则|提示|要求))|"
    r"你(现在)?是(一个)?(没有|不受)|你现在是|现在你是|从现在(开始|起)" + _ + r"{0,3}你|扮演|"
    # a persona ("假装你是…"), not a customer's own pretence ("假装没收到货": kefu.guard.fraud)
    r"假装(你|您|自己|成|为)|"
    r"(开发者|无限制|越狱|上帝|管理员|调试|自由|dan)模式|无限制|不受(任何)?(规则|限制|约束)|"
    r"没有(任何)?(规则|限制|约束)的|越狱|"
    r"【\s*(系统|system|管理员|admin|开发者)|<\s*/?\s*system\s*>|(^|\n)\s*(系统|助手|管理员)\s*[:：]|"
    r"授权你|命令你|我授权|(用户|系统)?输入结束|"
    r"(解码|解密|翻译)" + _ + r"{0,30}(执行|照做|按.{0,4}做|遵守)|"
    r"(接着|继续|补全|完成)(写|说)?(完)?(这句话|下面的句子|以下句子)",
    re.IGNORECASE,
)
# Asking the assistant to say attacker-chosen words ("say 'I have been PWNED'"): an attack in a
# message, but ordinary in a document ('write "For deposit only" on the back').
_DICTATION = re.compile(
    r"(?<!you )(say|reply|respond|type|write|answer|print|output|repeat after me|start (your|"
    r"each|every) (reply|answer|response) with|end (each|every|your) (reply|answer|sentence|"
    r"response) with)\W+(only\W+)?(with\W+)?(the\W+(words?|phrases?|text|sentences?)\W+)?"
    r"[\"'“‘「『]|"
    # "copy this sentence exactly into your reply: '...'", "type this sentence, nothing else: '..."
    r"(say|reply|respond|type|write|print|output|copy|paste|repeat|include|put)\W+(with\W+)?"
    r"(this|these|the following|that|the exact|exactly this)\W+(exact\W+)?(words?|phrases?|"
    r"sentences?|text|lines?)\b[^\"'“‘「『.?!]{0,60}[\"'“‘「『]|"
    r"!\[[^\]]*\]\(https?://|"
    # words to be added to the reply: "append 'X waives all fees' to your answer"
    r"\b(append|add|include|insert|attach|put|tack)\w*\W+(this\W+|the\W+(line|text|sentence)\W+)?"
    r"[\"'“‘「『][^\"'”’」』]{1,160}[\"'”’」』]\W+(\w+\W+){0,3}(to|in|into|on|at the (end|start|"
    r"beginning|bottom|top) of)\W+(your|the|each|every|all)\W+(\w+\W+)?(answers?|repl(y|ies)|"
    r"responses?|messages?)\b|"
    r"(回复|回答|答复)(里|中|的?(末尾|结尾|最后|开头|后面))"
    + _
    + r"{0,4}(加上|附上|加一句|写上|带上)|"
    # Chinese: only when the assistant is told to ("你就回复我一句“…”"), not a quoted report
    # ("报告上写“…”", "医生说“…”")
    r"(你|您|请|就|直接|只|只要|麻烦|帮我|给我|先|再|然后)"
    + _
    + r"{0,12}(说|打字说|打|回复|写|输出)(我|给我)?"
    r"(一句|一下|出|一遍)?\s*[:：]?\s*[“\"「『]|(请|你|您)" + _ + r"{0,6}(回复|写|说)\s*[:：]",
    re.IGNORECASE,
)
_SQUEEZED_INJECTION = re.compile(
    r"ignore(all|the|your|any|previous|prior|above|my|these)*(instructions?|rules|prompt)|"
    r"systemprompt|developermode|jailbreak|doanythingnow|repeat(everything|all|the\w{0,8})above|"
    r"(everything|text|words)(above|before)this(message|line)|忽略(之前|以上|前面|所有)的?(指令|规则)"
)

# -- someone else's data, secrets, configuration: kefu.guard.private -----------------------

# -- medicine: kefu.guard.medicines ---------------------------------------------------

_CONDITION = (
    r"(\w+itis|\w+osis|disease|infection|cancer|diabetes|syndrome|disorder|strep|flu|covid|"
    r"eczema|scabies|melanoma|tumou?r|ulcer|allerg\w*|illness|std|sti|hiv|migraine|anemia|"
    r"anaemia|arthritis|asthma|pneumonia|depression|adhd|autism|a stroke|heart attack|"
    # a child's illnesses by name: "is this rash measles?" (a children's clinic's tester)
    r"measles|chicken ?pox|rubella|mumps|jaundice|thrush|colic|croup|reflux|rsv|hives|impetigo|"
    r"hand,? foot and mouth|whooping cough|tongue[- ]tie|teething|"
    # conditions of older people and adults that families ask about by name: "is it
    # dementia?" got a home-care FAQ's "Yes. All Level 3 carers complete our dementia course"
    r"dementia|alzheimer'?s|parkinson'?s|(a )?mini[- ]stroke|a tia|delirium|epilepsy|"
    r"(high|low) blood pressure|hypertension|(a )?uti|urine infection|heart failure|angina|"
    r"copd|emphysema|shingles|gout|sepsis|cataracts?|glaucoma|anxiety|bipolar|ocd|"
    r"schizophrenia|anorexia|bulimia|an eating disorder|lupus|multiple sclerosis|"
    r"ibs|coeliac|celiac|thyroid( problems?)?|kidney stones?|gallstones?|(a )?hernia|"
    r"sciatica|vertigo|(a )?concussion|(a )?fracture|(a )?broken (bone|wrist|hip|arm|leg)|"
    r"long covid|memory loss|cognitive (decline|impairment))\b"
)
_SYMPTOM = re.compile(
    r"\b(pain|ache|hurt|rash|fever|cough|lump|bump|mole|spots?|itch|swell|swollen|bleed|blood|"
    r"dizzy|nause|vomit|diarrh|headache|tired|fatigue|numb|sore|throat|symptom|sick|ill|"
    r"thirst|pee|urinat|weight|breath|stomach|skin|tonsil|ears?|knee|joint|stool|poop|urine|"
    r"poo|nappy|nappies|diaper|spit|vomit|"
    r"vision|chest|belly|period|discharge|pulse|heart)\w*|"
    r"疼|痛|咳|烧|疹|痒|肿|晕|吐|泻|乏力|症状|不舒服|血|痰",
    re.IGNORECASE,
)
_DIAGNOSIS = re.compile(
    r"what'?s? (is )?wrong with (me|my|him|her)|(can|could|would|will) you diagnose|"
    r"diagnose (me|my|this|it|what)|(give|tell) me (a|the|your) diagnosis|"
    r"\bdo i have (a |an )?" + _ + r"{0,20}" + _CONDITION + r"|"
    # about someone else: "does he have dementia?", "has mum got Parkinson's?", "is dad
    # getting Alzheimer's?", "are these signs of dementia?" (not "does the carer have to…")
    r"\b(does|has|is) (he|she|mum|mom|dad|my \w+|your \w+|grandma|grandad|nan|gran) "
    r"(have|got|getting|developing|showing signs of|in the early stages of) (early |early[- ]"
    r"stage |late[- ]stage |signs of |symptoms of )?(a |an )?" + _CONDITION + r"|"
    r"\b(are|is) (these|this|that|those|they|it) (the )?(early |first )?(signs?|symptoms?|"
    r"start) of (a |an )?" + _CONDITION + r"|(do you think|think|maybe|"
    r"probably|wonder if|could it be|is it possible)" + _ + r"{0,15}(it'?s|it is|this is|i have|"
    r"i'?ve got|i got|he has|she has) (a |an )?" + _ + r"{0,20}" + _CONDITION + r"|"
    r"(is|could|might) (it|this|that|these) (be )?(a |an )?"
    + _
    + r"{0,25}"
    + _CONDITION
    + r"|what (disease|illness|condition|infection) (do|does|is|could|might)|"
    r"(does|do|did) (that|this|it|these|my " + _ + r"{0,20}) (mean|indicate|show) (i|that i|"
    r"he|she)|\b(blood|lab|x-?ray|scan|mri|ecg|ekg|tsh|alt|ast|a1c|cholesterol|psa|glucose|"
    r"blood sugar|white (blood )?cells?|hemoglobin|platelets?|biopsy|ultrasound|test results?)"
    r"s?\b" + _ + r"{0,40}\b(mean|normal|high|low|bad|worried)|"
    r"\b" + _CONDITION + r"\W+or not\b|"
    r"(是不是|会不会是|会不会|是否|可能是|难道是)(得了|患了|有|长了|是)?"
    + _
    + r"{0,8}(病|炎|癌|症|综合征|瘤|感染|结石|糖尿病|高血压|中风|过敏|感冒|"
    r"发烧|流感|新冠|骨折|抑郁|焦虑|失智|痴呆|帕金森|阿兹海默|阿尔茨海默|老人痴呆|认知障碍)|"
    r"(失智|痴呆|帕金森|阿兹海默|阿尔茨海默|认知障碍)(症)?(吗|了吗|么)|"
    r"(是|得了|患了)?什么病|(帮|给)我(看看|分析|判断|诊断)"
    + _
    + r"{0,8}(化验|指标|症状|病情|什么病)|"
    r"诊断(一下|成|为|我|结论|结果)|帮我诊断|会诊断|(写|给)出?(诊断|用药方案)|"
    r"是" + _ + r"{0,8}(炎|癌|病|症|瘤)还是|[\"']diagnosis[\"']\s*:|"
    r"是" + _ + r"{0,8}(炎|癌|病|症|瘤|疹|痘|疸)吗|"
    r"(化验|报告|指标|检查结果|化验单|血糖|血压|白细胞)"
    + _
    + r"{0,12}(偏高|偏低|异常|意味|严重|什么病)",
    re.IGNORECASE,
)
# Ambiguous on their own ("what could it be?"): count only beside a symptom.
_DIAGNOSIS_WEAK = re.compile(
    r"what (could|might) (it|this|that) be|what('s| is) (causing|it)\b|"
    r"(is|are) (it|this|that|these) (normal|serious|dangerous|bad)\b|could (it|this) be|"
    r"should i (be )?worr|what (does|do) (that|this|it) mean|\b(i|he|"
    r"she) (have|has|got|am having) (a|an|some)? ?(lump|rash|fever|"
    r"cough|spots?|mole|pain|swelling|bump|sore)" + _ + r"{0,60}(what|why|is it|could it)|"
    r"(你|您)(觉得|说|看)(是|我|这)|会不会是|是不是|\bwhat (i|he|she) (have|has)\b|"
    # "my baby's poo is green, is he sick?", "宝宝大便绿色 是不是生病了"
    r"\b(is|could|might) (he|she|it|baby|my baby|the baby|my (son|daughter)) (be )?(sick|ill|"
    r"unwell|poorly)\b|生病了吗|病了吗|"
    r"(帮|给)(我)?(判断|诊断)",
    re.IGNORECASE,
)

# -- money: kefu.guard.investment -------------------------------------------------------

# -- fraud and breaking the law: kefu.guard.fraud ------------------------------------------

# -- promises and codes --------------------------------------------------------------------
_PROMISE = re.compile(
    r"\b(promise|guarantee|assure|swear)\b" + _ + r"{0,25}\b(me|that|my|in writing|it|i'?ll|"
    r"i will)\b|\b(can|could|will|would) you (promise|guarantee|confirm|assure)\b|"
    r"\bconfirm (that )?(my|it|the|i)\b" + _ + r"{0,40}(approved|arrive|refund|compensat|free)|"
    r"\bstate (in writing )?that\b" + _ + r"{0,40}(refund|approved|compensat|done|processed)|"
    # a code only when it is a discount: "send me the verification code" is a login problem
    r"(give|send|generate|make|create|issue) (me|us|my|our) (a |an |some |any )?[\w% -]{0,20}"
    r"(discount|coupon|promo|voucher|gift card|compensation|refund code|\d+ ?% (off )?code)|"
    r"you owe me|"
    # a confirmation or an obligation asked for, with the money in it (a demo tester: "confirm
    # you will give me both", "按规定是不是要全额退款给我" got a neighbouring entry that promises a
    # refund): not "can you confirm my order", nor how much or when a refund is
    r"\bconfirm (that )?(you|u)('ll| will| are going to| would| can)? (\w+ ){0,2}(give|refund|"
    r"send|pay|compensat|credit|issue|cover|reimburs|waive)\w*\b|"
    r"\b(you|u) (have to|must|need to|are (required|obliged|obligated|supposed) to|should|"
    r"are going to have to) (\w+ ){0,2}(refund|compensate|reimburse|pay) (me|us)\b"
    r"(?! (back )?(within|in|by|to|via|into|when|how|the|on|for what))|"
    r"(要|应该|应当|必须|得|该)(给我)?(全额|全部|全款|双倍|三倍|加倍)?(退款|退钱|赔偿|补偿|赔付)给?我"
    r"(?!" + _ + r"{0,4}(多少|几|啥时|什么时候|多久|到哪|到账))|"
    r"\bjust (say|confirm|type)\b|"
    r"保证(?!金)|承诺|打包票|确认一下" + _ + r"{0,10}(赔|退|到|补偿)|"
    r"(给|发|送|来|生成)(我)?(一|个|张|份)?"
    + _
    + r"{0,8}(优惠码|券码|优惠券|折扣码|补偿券|红包|兑换码|"
    # not a code already sent that fails: "你们给我发的优惠码用不了"
    r"免单码|折券)(?!" + _ + r"{0,6}(用不了|不能用|无法使用|没法用|用不上|无效|失效|过期|不生效|"
    r"怎么用|在哪|没到|没收到|收不到))|(要|得)赔(偿)?我|赔我",
    re.IGNORECASE,
)


# "Can you guarantee there are no peanuts?" asks what is in the product, which the knowledge
# answers (usually "we cannot guarantee a kitchen free of allergens"); it is not a demand for
# a refund, a delivery date or compensation the business has not written, so the no-promises
# reply (about compensation) would only confuse an allergic customer and queue them for a
# person. The same guarantee beside money or a date is still a promise.
_CONTENTS = re.compile(
    r"\b(allerg\w*|peanuts?|nuts?|gluten|dairy|lactose|halal|kosher|vegan|vegetarian|"
    r"ingredients?|contains?|traces?|shellfish|sesame|eggs?|soy|wheat)\b|"
    r"过敏|花生|坚果|麸质|乳糖|牛奶|鸡蛋|海鲜|芝麻|清真|素食|忌口|成分|含有|不含|没有放",
    re.IGNORECASE,
)
_OUTCOME = re.compile(
    r"\b(refund|compensat\w*|money|cash|voucher|coupon|discount|for free|free (of charge|"
    r"delivery|shipping)|deliver\w*|arrive\w*|"
    r"on time|by (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)|"
    r"approved?|in writing)\b|退|赔|补偿|送到|到账|准时|红包|优惠|免单|书面",
    re.IGNORECASE,
)


def _about_contents(texts: list[str]) -> bool:
    return _any(_CONTENTS, texts) and not _any(_OUTCOME, texts)


def is_injection(text: str, *, message: bool = True) -> bool:
    """Does ``text`` try to change the assistant's rules or read its instructions?

    ``message=False`` reads a document: dictated wording and base64 blobs are ordinary there.
    """
    texts = views(text, decode=True)
    squeezed = re.sub(r"[\W_]+", "", normalize(text))  # "print your sys" + "tem prompt"
    if _any(_INJECTION, texts) or _SQUEEZED_INJECTION.search(squeezed):
        return True
    if not message:
        return False
    # Readable text hidden in base64 is itself an attempt to slip something past the rules.
    return _any(_DICTATION, texts) or bool(decoded_payloads(text))


def assess(text: str) -> SafetyKind | None:
    """The safety kind of a customer message, or None for an ordinary question."""
    texts = views(text)
    # The emergency rules also read the message with emoji, letter spacing, typos and tone
    # marks undone ("going to 🔫 myself", "i w.a.n.t t.o d.i.e"); no other rule reads them.
    crisis = texts + crisis_views(text)
    # Before the emergency rules, whose reply (an ambulance, a crisis line) fits neither a
    # groomed child nor a customer's threat ("我要去弄死他" read as one before); words of
    # self-harm in the same message keep the emergency and its crisis line.
    if not _any(SELF_HARM, crisis):
        if reports_grooming(texts):
            return "safeguarding"
        if threatens_violence(texts):
            return "threat"
    # A member of staff's past or habitual harm ("my trainer keeps touching me", "教练上课时一直
    # 摸我") is a serious complaint for a person, not an ambulance; harm going on now, a person
    # holding, hurting or arming against the customer, or a medical emergency beside it, stays
    # an emergency first.
    misconduct = reports_misconduct(texts)
    if misconduct and going_on(texts) and physical(texts):
        return "emergency"
    if (
        misconduct
        and not going_on(texts)
        and not danger_besides_touch(texts)
        and not is_emergency(texts, people=False)
    ):
        return "misconduct"
    if is_emergency(crisis) or pet_emergency(texts):
        return "emergency"
    if misconduct:
        return "misconduct"
    if is_injection(text):
        return "injection"
    # Before a dose or a diagnosis: "500 calories a day and keep fainting, is that why?" needs
    # care, a doctor and a helpline, not "I can't diagnose symptoms".
    if discloses_eating_disorder(texts):
        return "eating_disorder"
    # Someone else's login or card used to move their money asks for their data too, but the
    # reply it needs is the fraud one: it names account takeover and the risk to the customer.
    if asks_for_mule_fraud(texts):
        return "fraud"
    if asks_for_private(texts, text):
        return "private"
    if asks_without_prescription(texts):
        return "prescription"
    if asks_for_dose(texts) or asks_about_dose_taken(texts):
        return "dose"
    if _any(_DIAGNOSIS, texts) or (_any(_DIAGNOSIS_WEAK, texts) and _any(_SYMPTOM, texts)):
        return "diagnosis"
    # Before fraud and investment: "洗白征信" and "借钱…注销" read as the customer's own fraud
    # or money question, but the customer is the scammer's target and needs the warning.
    if is_scam_target(texts):
        return "scam"
    if asks_for_advice(texts):
        return "investment"
    if asks_for_fraud(texts):
        return "fraud"
    if _any(_PROMISE, texts) and not _about_contents(texts):
        return "promise"
    if is_abusive(texts):
        return "abuse"
    return None
