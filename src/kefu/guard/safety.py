"""Safety triage of a customer message, English and Chinese: which fixed, safe reply it needs.

Kinds, most urgent first:

- ``safeguarding``: a report that an adult is soliciting a child (photos, secrecy, a
  meeting, contact details) (`kefu.guard.safeguarding`);
- ``threat``: the customer threatens to hurt someone in the real world: staff, a person, an
  office or a home (`kefu.guard.threats`);
- ``misconduct``: a report that the business's own staff (a carer, a trainer, a driver…) stole
  from, abused, harassed or touched the customer or their family (`kefu.guard.misconduct`);
  one still going on ("right now", "现在") is an emergency first;
- ``romance_scam``: money asked by someone met in a chat with a scam's reason (a relative in
  hospital, a customs fee, an investment platform, a deposit, gift cards), or intimate images
  held over the customer (sextortion) (`kefu.guard.romance_scam`);
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
words, so every pattern runs on several views of the message (`kefu.guard.views`): normalised,
with letter-by-letter spacing closed up, with digits read as letters ("1gn0re", "t0 d13"), with
Cyrillic and Greek lookalike letters read as Latin ("kіll"), and, for injection
(`kefu.guard.injection`), decoded base64 and ROT13. The patterns describe the kind of request,
not the wording of known attacks; `tests/guard` checks them against the FAQ questions of every
pack so that ordinary questions are not caught.
"""

from __future__ import annotations

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
from kefu.guard.injection import is_injection
from kefu.guard.investment import asks_for_advice
from kefu.guard.medicines import asks_for_dose, asks_without_prescription
from kefu.guard.misconduct import physical, reports_misconduct
from kefu.guard.private import asks_for_private
from kefu.guard.romance_scam import is_romance_scam_target
from kefu.guard.safeguarding import reports_grooming
from kefu.guard.scam import is_scam_target
from kefu.guard.threats import threatens_violence
from kefu.guard.views import any_view, views

SafetyKind = Literal[
    "safeguarding",
    "threat",
    "misconduct",
    "romance_scam",
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

# Kinds whose own reply and queue reason the learned emergency head may not replace with the
# ambulance's (`kefu.dialogue.assistant`; `kefu.guard.emergency_eval` reads them the same way):
# the rules judged them already ("diazepam to help me sleep" read as an overdose to the head,
# "我要去弄死他", "居服員好像拿了我媽的金項鍊", "他妈妈住院了 找我借两万" as emergencies).
NOT_FOR_THE_HEAD = (
    "emergency", "prescription", "threat", "safeguarding", "misconduct", "romance_scam"
)  # fmt: skip

# -- emergencies: kefu.guard.emergency ---------------------------------------------------

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
    return any_view(_CONTENTS, texts) and not any_view(_OUTCOME, texts)


def assess(text: str) -> SafetyKind | None:
    """The safety kind of a customer message, or None for an ordinary question."""
    texts = views(text)
    # The emergency rules also read the message with emoji, letter spacing, typos and tone
    # marks undone ("going to 🔫 myself", "i w.a.n.t t.o d.i.e"); no other rule reads them.
    crisis = texts + crisis_views(text)
    # Before the emergency rules, whose reply (an ambulance, a crisis line) fits neither a
    # groomed child nor a customer's threat ("我要去弄死他" read as one before); words of
    # self-harm in the same message keep the emergency and its crisis line.
    if not any_view(SELF_HARM, crisis):
        if reports_grooming(texts):
            return "safeguarding"
        if threatens_violence(texts):
            return "threat"
        # Money asked by someone met in a chat, or intimate images held over the customer:
        # "do not pay, keep the evidence, the police", not the ambulance that the story's
        # hospital or accident ("他妈妈住院了 找我借两万") read as; a person endangering the
        # customer right now stays an emergency.
        if is_romance_scam_target(texts) and not (going_on(texts) and danger_besides_touch(texts)):
            return "romance_scam"
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
    weak = any_view(_DIAGNOSIS_WEAK, texts) and any_view(_SYMPTOM, texts)
    if any_view(_DIAGNOSIS, texts) or weak:
        return "diagnosis"
    # Before fraud and investment: "洗白征信" and "借钱…注销" read as the customer's own fraud
    # or money question, but the customer is the scammer's target and needs the warning.
    if is_scam_target(texts):
        return "scam"
    if asks_for_advice(texts):
        return "investment"
    if asks_for_fraud(texts):
        return "fraud"
    if any_view(_PROMISE, texts) and not _about_contents(texts):
        return "promise"
    if is_abusive(texts):
        return "abuse"
    return None
