"""Output check for text kefu did not write itself (generated sentences): say nothing the
sources do not back.

A sentence fails when it carries a number, price, percentage, code, link or e-mail address
that no trusted source contains, quotes the system prompt, states a medicine dose, offers a
diagnosis or investment advice, or makes a promise, unless the business's own sources say the
same thing. The generated path stops at the first failing sentence (see
`kefu.dialogue.grounding.GroundedSentences`), so the customer never sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kefu.text.normalize import normalize

_URL = re.compile(r"(https?://|www\.)[^\s<>\"'）)]+|[\w.+-]+@[\w-]+(\.[\w-]+)+", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
# A list item's number ("1. Sign in", "2) Open") and a passage id's ("faq#2") are no
# quantities: "parking is 1." must not rest on step 1 of a list.
_NOT_A_QUANTITY = re.compile(r"(?m)^\s*\d{1,2}[.)、]\s|#\d+")
# An amount of money: the number alone may be in the sources ("¥20" a month) while the
# currency is invented ("20 euros", "£30").
_MONEY = re.compile(
    r"[£$€¥]\s?\d[\d,.]*\d|[£$€¥]\s?\d|\d[\d,.]*\s?(euros?|eur|dollars?|usd|pounds?|gbp|yuan|rmb|"
    r"cny|元|块)(?![a-z])|"
    # the code first, as price lists write it: "GBP 15", "CNY 1,150"
    r"(?<![a-z])(eur|usd|gbp|rmb|cny|hkd|aud|cad|chf|jpy|sgd)\s?\d[\d,.]*\d|"
    r"(?<![a-z])(eur|usd|gbp|rmb|cny|hkd|aud|cad|chf|jpy|sgd)\s?\d",
    re.IGNORECASE,
)
# Codes: upper-case letters mixed with digits or dashes (FREE100, XMAS-FREE, SAVE-20).
_CODE = re.compile(r"\b(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*[0-9-])[A-Z0-9][A-Z0-9-]{3,}\b")

_RISKY = re.compile(
    # doses
    r"\d\s?(mg|mcg|µg|ml|毫克|毫升|片|粒)\b|\b\d+\s?(tablets?|pills?|capsules?|teaspoons?)\b|"
    # diagnoses
    r"\byou (probably |likely |may |might )?(have|are suffering from) (a |an )?\w*(itis|osis|"
    r"disease|infection|cancer|diabetes|syndrome|disorder)|\bsounds like (you have|a |an )|"
    r"(你|您)(可能|应该|很可能)?(得了|患了|患有)|"
    # investment advice
    r"\byou should (buy|sell|invest|put|move)\b|\bI (would )?(recommend|suggest) (buying|"
    r"selling|investing)|建议(您|你)?(买入|购买|投资|卖出|抄底)|必涨|稳赚|"
    # promises
    r"\b(I|we) (promise|guarantee)\b|\bguaranteed\b|保证|承诺",
    re.IGNORECASE,
)


def _system_prompt_grams(n: int = 4) -> set[tuple[str, ...]]:
    from kefu.dialogue.prompts import SYSTEM_PROMPT

    words = re.findall(r"[a-z]+", SYSTEM_PROMPT.casefold())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


class OutputCheck:
    """Checks sentences against the text they may rest on."""

    def __init__(self, trusted: Iterable[str]) -> None:
        texts = list(trusted)
        self.trusted = normalize("\n".join(texts))
        quantities = (_NOT_A_QUANTITY.sub(" ", text) for text in texts)  # before lines merge
        self._numbers = set(_NUMBER.findall(normalize("\n".join(quantities))))
        self._prompt = _system_prompt_grams()

    def problems(self, sentence: str) -> list[str]:
        """Why ``sentence`` may not be shown; empty when it may."""
        out = []
        folded = normalize(sentence)
        for m in _URL.finditer(sentence):
            if normalize(m.group(0)).rstrip(".,;") not in self.trusted:
                out.append(f"link or address not in the sources: {m.group(0)}")
        for m in _CODE.finditer(sentence):
            if normalize(m.group(0)) not in self.trusted:
                out.append(f"code not in the sources: {m.group(0)}")
        squeezed = re.sub(r"\s+", "", self.trusted)
        for m in _MONEY.finditer(folded):
            if re.sub(r"\s+", "", m.group(0)) not in squeezed:
                out.append(f"amount not in the sources: {m.group(0)}")
        for number in _NUMBER.findall(normalize(_NOT_A_QUANTITY.sub(" ", sentence))):
            if number not in self._numbers:
                out.append(f"number not in the sources: {number}")
        for m in _RISKY.finditer(sentence):
            if normalize(m.group(0)) not in self.trusted:
                out.append(f"unsafe wording: {m.group(0)}")
        words = re.findall(r"[a-z]+", folded)
        grams = {tuple(words[i : i + 4]) for i in range(len(words) - 3)}
        if grams & self._prompt:
            out.append("quotes the system prompt")
        return out

    def allows(self, sentence: str) -> bool:
        return not self.problems(sentence)
