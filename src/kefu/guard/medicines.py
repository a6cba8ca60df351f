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
# Unambiguous: asking for an amount of medicine.
_DOSE = re.compile(
    r"\bdos(e|es|age|ing)\b|how (much|many) (mg|milligrams?|ml|millilit\w*|tablets?|pills?|"
    r"capsules?|drops|teaspoons?|spoons?)\b|\b\d+\s?(mg|ml)\b" + _ + r"{0,30}\?|"
    r"剂量|吃(几|多少)(片|粒|颗|毫克|毫升|次|袋|支|勺)|喂(几|多少)|用(几|多少)(片|粒|毫升|毫克)|"
    r"一次(吃|服|喂)(几|多少)|多少毫克|几毫升|多少毫升|服用(几|多少)|(多|补|少)吃(一|两)?(片|粒|颗|次)|"
    r"吃两片|吃双份|最多(能|可以)?(吃|服)|多久(吃|服|用|喂)一次|(一天|每天|每日)(吃|服|用|喂)几次",
    re.IGNORECASE,
)
# Ambiguous on their own ("how many days does it take"): count only beside a medicine.
_DOSE_WEAK = re.compile(
    r"how (much|many)\b" + _ + r"{0,40}\b(take|give|swallow|use)\b|"
    r"(take|give|double|skip|increase|halve|split|crush)\b|"
    r"(can|should|could|may) (i|we|he|she|they) (take|give|have|mix)\b|"
    r"(maximum|max|safe|right|correct|strong) (\w+ )?(amount|number|dose|quantity|units)|"
    r"用量|加量|减量|加倍|翻倍|补上|多吃|补吃|吃多少|减半|改成一天|一天(吃|服)一次",
    re.IGNORECASE,
)
MEDICINE = re.compile(r"\b" + _DRUG + r"\b|药|胶囊|糖浆|(\d|几|两|一|半)(片|粒)", re.IGNORECASE)


def asks_for_dose(texts: list[str]) -> bool:
    """Does any view in ``texts`` ask how much of a medicine to take, or what goes with it?"""
    if any(_DOSE.search(t) for t in texts):
        return True
    return any(_DOSE_WEAK.search(t) for t in texts) and any(MEDICINE.search(t) for t in texts)
