"""A dose already taken, asked about: "我吃了几片安眠药正常吗", "I took 2 sleeping pills
instead of 1, is that ok", "i accidentally took my blood pressure pill twice, is that ok".

Not an emergency by itself (an amount that is one is caught by `kefu.guard.emergency` first,
and `kefu.guard.safety.assess` asks that first), but a question about medicine amounts: it needs
the dose text with its "if you suspect an overdose, call the emergency number" line, which
`kefu.guard.medicines.asks_for_dose` gives only to questions asked before taking ("安眠藥一次可以
吃幾顆"). A telehealth tester got a plain "I'm not sure" for it (2026-11-30).
"""

from __future__ import annotations

import re

from kefu.guard._regex import IN_SENTENCE as _
from kefu.guard.medicines import MEDICINE

# Taken, with an amount or a mistake: "took 2", "took it twice", "吃了几片", "多吃了一片". A
# medicine taken with nothing said of the amount ("吃了药还是胃胀，怎么办") asks about the illness,
# not the dose: thousands of patients' questions read so.
_TAKEN = re.compile(
    r"\b(took|taken|had|swallowed|gave|given|used)\b"
    + _
    + r"{0,30}\b(\d+|one|two|three|four|a couple|double|twice|an extra|extra|too many|too much|"
    r"by mistake|accidentally|instead of)\b|\b(double[- ]dosed|doubled (up|my dose)|"
    r"accidentally (took|taken|had|swallowed|gave))\b|"
    r"(吃|服|喝|吞|用|打)(了|多了|错了|过)?([几两一二三四五1-9]|半)(片|粒|颗|次|包|支|袋|板|倍|顿|针)|"
    r"(多|重复|错|误)(吃|服|喝|用|打)(了)?|(吃|服|喝|用)(多|错|重)了|(吃|服)了两(次|遍)",
    re.IGNORECASE,
)
_IS_IT_OK = re.compile(
    r"\b(is|was) (that|it|this) (ok|okay|alright|all right|normal|safe|bad|dangerous|a problem|"
    r"fine)\b|\b(will|would|should) (i|he|she|they|we) be (ok|okay|alright|fine)\b|"
    r"\bshould i (be )?(worr|concern)|\b(instead of|by mistake|accidentally|twice|extra|too "
    r"(close|soon))\b" + _ + r"{0,40}\?|"
    r"(正常|要紧|有事|有问题|危险|严重|有影响|有害|有副作用)(吗|么|嘛)|没事(吧|吗)|有没有(事|问题|影响|危险)|"
    r"会不会(有事|有问题|有危险|中毒|出事)|(要|用)不要紧|怎么办",
    re.IGNORECASE,
)


def asks_about_dose_taken(texts: list[str]) -> bool:
    """Does a view of the message say a medicine was taken and ask whether that is all right?"""
    return any(_TAKEN.search(t) and _IS_IT_OK.search(t) and MEDICINE.search(t) for t in texts)
