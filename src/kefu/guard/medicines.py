"""Medicines in a customer's message: the ``dose`` kind of the safety triage.

A dose question asks how much of a medicine to take or give, how often, or whether two
medicines (or a medicine and alcohol) go together: kefu never answers it, only the label, a
pharmacist or a doctor can (docs/safety.md). Unambiguous wording counts on its own ("dosage",
"吃几片"); wording that is ordinary elsewhere ("how many … take", "double") only beside a
medicine. `kefu.guard.safety.assess` calls these with every view of a message.
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _

_DRUG = (
    r"(ibuprofen|paracetamol|acetaminophen|tylenol|advil|motrin|aspirin|calpol|nurofen|"
    r"amoxicillin|antibiotics?|metformin|insulin|sertraline|prozac|xanax|valium|oxycodone|"
    r"morphine|codeine|tramadol|melatonin|benadryl|antihistamines?|steroids?|prednisone|"
    r"painkillers?|sleeping (pills?|tablets?)|meds|medicines?|medications?|pills?|tablets?|"
    r"syrup|drops|capsules?|mg|milligrams?|ml)"
)
# A medicine by its name, not a word for any medicine ("pills"): "how much calpol".
_NAMED = (
    r"(ibuprofen|paracetamol|acetaminophen|tylenol|advil|motrin|aspirin|calpol|nurofen|"
    r"amoxicillin|metformin|insulin|sertraline|prozac|xanax|valium|oxycodone|morphine|codeine|"
    r"tramadol|melatonin|benadryl|prednisone|piriton|gaviscon|loratadine|cetirizine|calpol|"
    r"panadol|brufen|zyrtec|clarityne|ponstan|"
    r"\w{3,}(cillin|mycin|cycline|floxacin|idazole|azole|pril|sartan|olol|statin|azepam|"
    r"azolam|oxetine|triptyline|codone|morphone|dipine|profen|fenac|tadine|zine))"
)
# Unambiguous: asking for an amount of medicine.
_DOSE = re.compile(
    r"\bdos(e|es|age|ing)\b|how (much|many) (mg|milligrams?|ml|millilit\w*|tablets?|pills?|"
    r"capsules?|drops|teaspoons?|spoons?)\b|\b\d+\s?(mg|ml)\b" + _ + r"{0,30}\?|"
    r"剂量|吃(几|多少)(片|粒|颗|毫克|毫升|次|袋|支|勺)|喂(几|多少)|用(几|多少)(片|粒|毫升|毫克)|"
    r"一次(吃|服|喂)(几|多少)|多少毫克|几毫升|多少毫升|服用(几|多少)|(多|补|少)吃(一|两)?(片|粒|颗|次)|"
    r"吃两片|吃双份|最多(能|可以)?(吃|服)|多久(吃|服|用|喂)一次|(一天|每天|每日)(吃|服|用|喂)几次|"
    # "how much calpol for a 3 year old": an amount of a named medicine ("how much is calpol"
    # asks a price and keeps the verb in between)
    r"how (much|many) (of )?(the |my |this |that |his |her )?" + _NAMED + r"\b",
    re.IGNORECASE,
)
# Ambiguous on their own ("how many days does it take"): count only beside a medicine.
_DOSE_WEAK = re.compile(
    r"how (much|many)\b" + _ + r"{0,40}\b(take|give|swallow|use)\b|"
    r"(take|give|double|skip|increase|halve|split|crush)\b|"
    r"(can|should|could|may) (i|we|he|she|they) (take|give|have|mix)\b|"
    r"(maximum|max|safe|right|correct|strong) (\w+ )?(amount|number|dose|quantity|units)|"
    # "40mg of fluoxetine, is that too much?", "2 x 500mg paracetamol every 2 hours" (a red-team
    # tester: the first fell to a decline, the second got the no-promises reply)
    r"\b\d+ ?(mg|ml|mcg|micrograms?|milligrams?|tablets?|pills?)\b"
    + _
    + r"{0,40}\btoo (much|many|high|strong|low|little)\b|\b(every|each) \d+ ?(hours?|hrs?|h)\b|"
    r"\b\d+ ?(x|times) ?\d+ ?(mg|ml)\b|"
    r"用量|加量|减量|加倍|翻倍|补上|多吃|补吃|吃多少|减半|改成一天|一天(吃|服)一次|"
    # the most a day, and what goes with a medicine: alcohol, food, another medicine
    r"\b(max|maximum|most|limit)\b|\b(alcohol|drink|drinking|booze|beer|wine|grapefruit|"
    r"interact\w*|mix\w*|combin\w*)\b|同时(吃|服|用)|一起(吃|服|用)|喝酒|饮酒|相互作用|"
    r"(吃|服|用)"
    + _
    + r"{0,10}(的时候|期间|时)"
    + _
    + r"{0,4}(能|可以|能不能)"
    + _
    + r"{0,2}(吃|服|用|喝)",
    re.IGNORECASE,
)
MEDICINE = re.compile(
    r"\b" + _DRUG + r"\b|\b" + _NAMED + r"\b|"
    # "do you have something for pain? how many should I take?"
    r"\b(something|anything) (\w+ )?for (the |my |a |his |her )?(pain|headaches?|migraines?|"
    r"fever|temperature|colds?|flu|coughs?|allerg\w+|hay ?fever|sleep|nausea|heartburn|cramps)\b|"
    r"药|胶囊|糖浆|(\d|几|两|一|半)(片|粒)|"
    # Chinese names that do not end in 药: 头孢, 布洛芬, 二甲双胍
    r"头孢|布洛芬|对乙酰氨基酚|扑热息痛|阿司匹林|阿莫西林|青霉素|霉素|沙星|二甲双胍|胰岛素|华法林|"
    # brands parents name: 美林 (ibuprofen), 泰诺林 / 泰诺 / 百服宁 / 必理痛 (paracetamol),
    # 芬必得 (ibuprofen), and the forms a child's medicine comes in
    r"美林|泰诺林|泰诺|百服宁|必理痛|必理通|芬必得|小儿退热|退烧贴|混悬液|滴剂|栓剂|"
    r"\b(panadol|brufen|dhasedyl|zyrtec|clarityne|piriton|fedac|ponstan)\b",
    re.IGNORECASE,
)


def asks_for_dose(texts: list[str]) -> bool:
    """Does any view in ``texts`` ask how much of a medicine to take, or what goes with it?"""
    if any(_DOSE.search(t) for t in texts):
        return True
    return any(_DOSE_WEAK.search(t) for t in texts) and any(MEDICINE.search(t) for t in texts)


# -- prescription-only medicines without a prescription ------------------------------------

# Medicines sold only on prescription (or controlled) almost everywhere, by name, class or the
# stem most of their names share, so that a drug nobody listed is still recognised
# (clarithromycin, doxycycline, ciprofloxacin, metronidazole, ramipril, losartan, propranolol,
# atorvastatin, alprazolam, fluoxetine, amitriptyline, oxycodone).
_RX_DRUG = (
    r"(antibiotics?|sleeping (pills?|tablets?|meds)|sleepers|benzos?|benzodiazepines?|"
    r"opioids?|opiates?|anti-?depressants?|strong painkillers?|controlled (drugs?|medicines?|"
    r"meds)|prescription[- ]only (drugs?|medicines?|meds)|prescription (drugs?|medicines?|meds|"
    r"pills?|painkillers?)|amoxicillin|amoxil|penicillin|codeine|co-?codamol|dihydrocodeine|"
    r"tramadol|oxycodone|oxycontin|morphine|fentanyl|methadone|buprenorphine|hydrocodone|"
    r"vicodin|percocet|diazepam|valium|xanax|lorazepam|ativan|clonazepam|zopiclone|zolpidem|"
    r"ambien|temazepam|gabapentin|pregabalin|lyrica|adderall|ritalin|methylphenidate|"
    r"modafinil|sertraline|prozac|citalopram|ketamine|steroids|prednisolone|prednisone|"
    r"sildenafil|cialis|tadalafil|roaccutane|isotretinoin|ozempic|semaglutide|wegovy|"
    r"mounjaro|metformin|warfarin|\w{3,}(cillin|mycin|cycline|floxacin|idazole|pril|sartan|"
    r"olol|statin|azepam|azolam|oxetine|triptyline|codone|morphone|dipine))\b"
)
_RX_DRUG_ZH = (
    r"(抗生素|消炎药|阿莫西林|头孢|青霉素|阿奇霉素|罗红霉素|左氧氟沙星|沙星|甲硝唑|安眠药|"
    r"安定|地西泮|阿普唑仑|艾司唑仑|劳拉西泮|唑吡坦|佐匹克隆|曲马多|可待因|吗啡|羟考酮|"
    r"芬太尼|杜冷丁|哌替啶|止咳水|处方药|精神类?药|镇静(药|剂)|抗抑郁药|舍曲林|氟西汀|"
    r"激素|西地那非|他达拉非|司美格鲁肽|二甲双胍|华法林|降压药)"
)
# Any medicine, named or not: in a request to be sold one without a prescription the word the
# customer uses matters less than the request ("can you sell me some, no script").
_ANY_MEDICINE = re.compile(
    r"\b" + _RX_DRUG + r"|\b(meds|medicines?|medications?|drugs|pills?|tablets?|capsules?|"
    r"painkillers?)\b|药|素|片|胶囊",
    re.IGNORECASE,
)
_RX_NAMED = re.compile(r"\b" + _RX_DRUG + r"|" + _RX_DRUG_ZH, re.IGNORECASE)
# Medicines and services a customer may ask about "without a prescription" honestly: sold over
# the counter, or not a medicine at all. Naming one keeps the message ordinary.
_NOT_RX = re.compile(
    r"\b(flu (jab|vaccine|shot)s?|jabs?|vaccin\w*|glasses|lenses|contacts|morning[- ]after|"
    r"emergency contracepti\w*|hay ?fever|antihistamines?|ibuprofen|paracetamol|calpol|"
    r"nurofen|aspirin|vitamins?|plasters?|condoms?|nicotine|test(ing)? kits?|pregnancy test)\b|"
    r"非处方|疫苗|维生素|避孕套|验孕",
    re.IGNORECASE,
)
_NO_RX = re.compile(
    r"\b(without|w/o|w/out|with no|no|minus|skip(ping)?|bypass(ing)?|get(ting)? (round|around)"
    r") (a |an |any |my |the |the need for (a )?|needing (a )?|having (a )?|getting (a )?|"
    r"showing (a )?)?(valid |proper |doctor'?s?'? |gp'?s? )?(prescriptions?|prescrip|scripts?|"
    r"scrips?|rx|doctor'?s? note|going to (a|the|my) (doctor|gp)|seeing (a|the|my) (doctor|gp)"
    r")\b|\b(prescription|script|rx)[- ]free\b|"
    r"\b(don'?t|do not|didn'?t|never|haven'?t|have not|can'?t|cannot) (have|got|get|want to "
    r"(get|see|wait for)) (a |an |any |my )?(prescription|script|rx|doctor'?s? (note|"
    r"appointment)|gp appointment)s?\b|"
    r"(没有|没|无|不用|不要|不需要|不需|免|不开|没带|忘带|不带)(医生)?(的)?(开的)?(处方|方子|药方)|"
    r"(处方|方子)(都)?(没有|没开|没带|不用|不需要)|不(去)?(看|找)(医生|大夫)",
    re.IGNORECASE,
)
# Over the counter: only a named prescription medicine makes it a request ("can I get
# amoxicillin over the counter"); "what painkillers can I buy over the counter" is ordinary.
_OTC = re.compile(r"\b(over the counter|otc)\b|柜台直接", re.IGNORECASE)
# Without the consultation itself ("send amoxicillin to my pharmacy without a call"): only with a
# named prescription medicine, since "can I order my repeat meds without an appointment" is how
# repeat prescriptions work.
_NO_CONSULT = re.compile(
    r"\b(without|w/o|with no|no|skip(ping)?) (a |an |any |the )?(phone |video )?(call|consultation|"
    r"consult|appointment|talking to (a|the|any) (doctor|gp)|speaking to (a|the|any) (doctor|gp))"
    r"\b|(不|没|无)(用|需要)?(问诊|面诊|视频|通话|打电话)",
    re.IGNORECASE,
)
_OBTAIN = re.compile(
    r"\b(buy|buying|purchase|get|getting|order|obtain|sell|selling|give|supply|dispense|"
    r"hand over|score|grab|pick up|get hold of|source|have|send|post|deliver|prescribe)\b|"
    r"买|卖|购|开(点|些|一|药)|拿|弄|搞|配|给我|要(点|些)",
    re.IGNORECASE,
)
# "Which medicines can I buy without a prescription?" asks what is sold over the counter.
_WHICH = re.compile(
    r"\b(what|which)\b" + _ + r"{0,30}\b(can|could) (i|you|we) (buy|get)\b|什么药|哪些药|哪种药",
    re.IGNORECASE,
)
_NEED_RX = re.compile(
    r"\b(do|does|would|will) (i|you|we|he|she|they|one|someone) (really |actually |still )?"
    r"need (a |an )?(prescription|script|rx)\b|"
    r"(需要|要|得|必须)(有|凭|医生开|开|医生的)?(处方|方子)(吗|么|嘛|才|不)",
    re.IGNORECASE,
)
# Someone else's prescription medicine: "can my friend give me his leftover oxycodone", "is it ok
# to take my mum's sleeping pills". Collecting it for them ("can my wife collect my
# prescription") is ordinary: the test is taking or being given the medicine itself.
_PEOPLE = (
    r"(friend|mate|mum|mom|mother|dad|father|husband|wife|partner|sister|brother|son|daughter|"
    r"flatmate|roommate|housemate|neighbou?r|colleague|boyfriend|girlfriend|gran|grandma|"
    r"granny|nan|nana|grandad|grandpa|grandfather|grandmother|aunt|uncle|cousin|someone else|"
    r"somebody else|relative)"
)
# 片 alone is a tablet, but not in 照片, 图片, 名片, 卡片 ("用别人的照片申请售后" is about photos).
_TABLET_ZH = r"(?<![照图名卡唱影芯相刀薯])片"
# In Chinese the medicine follows the possessive closely ("我妈的安眠药"), with no negation
# between: "做为妈妈的不敢乱用西药" is about the mother's own caution.
_OTHERS_MEDICINE = re.compile(
    r"\b(leftover|left-over|left over|unused) (\w+ ){0,2}?(" + _RX_DRUG + r"|meds|medicines?|"
    r"medications?|pills|tablets)|"
    r"\b" + _PEOPLE + r"('?s|s')( (leftover|left over|spare|extra|own|prescription|prescribed))?"
    r" (\w+ )?(" + _RX_DRUG + r"|meds|medicines?|medications?|pills|tablets)|"
    r"\b(prescribed|prescription) (for|to) (someone|somebody|my \w+)\b|"
    r"\b(not|wasn'?t|isn'?t|weren'?t) (been )?prescribed (to|for) me\b|"
    r"(朋友|同事|家人|妈妈|爸爸|我妈|我爸|老公|老婆|室友|邻居|别人|他人|亲戚|奶奶|爷爷|外婆|姥姥|"
    r"姐姐|哥哥|弟弟|妹妹)(的|剩下的|剩的|吃剩的|没吃完的|多余的|给的|给我的)"
    + r"[^不没别，,。.]{0,4}(药|"
    + _TABLET_ZH
    + r"|胶囊|"
    + _RX_DRUG_ZH
    + r")|(别人|他人|朋友|家人|他|她)(剩下|剩|吃剩|没吃完|没用完|多出来)的"
    + r"[^不没别，,。.]{0,4}(药|"
    + _TABLET_ZH
    + r"|胶囊|"
    + _RX_DRUG_ZH
    + r")",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"\b(take|taking|use|using|have|having|try|borrow|share|give|gave|giving|lend|lent|sell|"
    r"swap|offer|offered|pass)\b|吃|"
    # 服 and 用 as "take" and "use", not inside 居服员 (a home-care worker), 客服, 服务, 衣服,
    # 费用 or 用户: "妈妈的降血压药医生换了 要怎么通知居服员" is no request to share a medicine
    r"(?<![居客衣制礼西舒说征克佩信])服(?![务務员員装裝饰飾])|(?<![费費信])用(?![户戶])|给我|分我|借",
    re.IGNORECASE,
)
# Handing medicine back or getting rid of it is ordinary ("can you take back my leftover pills").
_DISPOSAL = re.compile(
    r"\b(take back|return\w*|dispos\w*|recycl\w*|get rid|throw\w* (away|out)|bin)\b|回收|处理|扔",
    re.IGNORECASE,
)


# A request that the service prescribe ("prescribe me diazepam please", "can you write me a
# prescription", "帮我开点阿普唑仑", "请给我开个处方"): only a clinician in a consultation may
# decide, so it gets the prescription text. Asked of a doctor ("can a doctor prescribe me sleeping
# pills", "医生可以给我开处方吗") it is a question about the service (`_ASKS_ABOUT_DOCTORS`).
_PRESCRIBE_ME = re.compile(
    r"\bprescrib(e|ing) (me|us|him|her|my (son|daughter|child|kid|mum|mom|dad|wife|husband))\b|"
    r"\b(write|give|send|get) (me|us) (a |an )?(prescription|script|rx)\b|"
    r"\b(can|could|will|would) you (just |please |quickly )?(prescribe|write (me )?a "
    r"prescription)\b|"
    r"^\W*(please )?prescribe\b|"
    r"(帮|给|替)(我|孩子|我妈|我爸|家人)?开[^，,。.？?]{0,6}(处方|方子|药|" + _RX_DRUG_ZH + r")|"
    r"开(个|张|一张|一个)处方",
    re.IGNORECASE,
)
_ASKS_ABOUT_DOCTORS = re.compile(
    r"\b(doctors?|gps?|clinicians?|nurses?|pharmacists?|prescribers?)\b[^.?!]{0,30}\bprescrib|"
    r"(医生|大夫|药师)[^，,。.？?]{0,8}开",
    re.IGNORECASE,
)


def asks_to_be_prescribed(texts: list[str]) -> bool:
    """Does any view in ``texts`` ask the service itself to prescribe a medicine?"""
    return _any(_PRESCRIBE_ME, texts) and not _any(_ASKS_ABOUT_DOCTORS, texts)


def _any(pattern: re.Pattern[str], texts: list[str]) -> bool:
    return any(pattern.search(t) for t in texts)


def asks_without_prescription(texts: list[str]) -> bool:
    """Does any view in ``texts`` ask to get a prescription-only medicine without a
    prescription, or to take one prescribed for someone else?"""
    if _any(_NOT_RX, texts) or _any(_DISPOSAL, texts):
        return False
    named = _any(_RX_NAMED, texts)
    request = _any(_NO_RX, texts) and _any(_OBTAIN, texts) and not _any(_WHICH, texts)
    if request and (named or _any(_ANY_MEDICINE, texts)):
        return True
    if named and (_any(_OTC, texts) or _any(_NEED_RX, texts)):
        return True
    if named and _any(_NO_CONSULT, texts) and _any(_OBTAIN, texts):
        return True
    if asks_to_be_prescribed(texts):
        return True
    return _any(_OTHERS_MEDICINE, texts) and _any(_SHARE, texts)
