"""What the emergency replies read in the business's own knowledge: whether an entry already
leads with an emergency number, which entry is the clinic's pet-emergency one, and which entry
may follow the emergency text beside a message about suicide or self-harm. Used by
`kefu.dialogue.assistant`'s emergency plans and by scripts/train_emergency_head.py."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kefu.guard.emergency import SELF_HARM
from kefu.guard.safety import views

if TYPE_CHECKING:
    from kefu.types import Passage

# What kefu asks its own knowledge base for when a pet's emergency names no entry itself, and
# what that entry's question must say (with an animal in it: a bank's "emergency cash" is not it).
PET_EMERGENCY_QUERY = {
    "en": "What should I do in a pet emergency?",
    "zh": "宠物紧急情况怎么办？",
}
EMERGENCY_WORD = re.compile(
    r"emergenc|urgent|out of hours|after hours|急诊|急症|紧急|急救|危急", re.IGNORECASE
)
_EMERGENCY_NUMBERS = ("911", "999", "112", "120", "110", "988")
_FIRST_SENTENCE = re.compile(r"^.*?([.!?](\s|$)|[。！？]|$)", re.DOTALL)


def off_topic_for_self_harm(message: str, top: Passage) -> bool:
    """Whether ``top`` is an ordinary entry beside a message about suicide or self-harm: the
    business's own crisis guidance (a helpline) follows the emergency text, a how-to never."""
    if not any(SELF_HARM.search(t) for t in views(message)):
        return False
    entry = top.entry
    return not _CRISIS.search(f"{entry.title}\n{entry.answer or entry.text}")


_CRISIS = re.compile(
    r"crisis|helpline|hotline|samaritans|lifeline|suicid|self[- ]harm|mental health|\b988\b|"
    r"116 ?123|危机|热线|心理|自杀|轻生|自残|自伤",
    re.IGNORECASE,
)


def leads_with_emergency_number(text: str, configured: str | None = None) -> bool:
    """Whether the first sentence of ``text`` names an emergency number (a well-known one, or
    ``configured``) as a whole number: "拨打020-8888 6120取消" names the booking line, whose
    digits merely end in 120, not the ambulance."""
    first = _FIRST_SENTENCE.match(text)
    if first is None:
        return False
    sentence = first.group(0)
    numbers = (*_EMERGENCY_NUMBERS, configured) if configured else _EMERGENCY_NUMBERS
    return any(names_number(sentence, n) for n in numbers)


def names_number(text: str, number: str) -> bool:
    """Whether ``text`` holds ``number`` as a whole phone number: not the tail, head or middle
    of a longer run of digits, where a phone number's digit groups may be joined by a space or
    a dash ("020-8888 6120" holds no 120, "call 120 now" does)."""
    digits = re.sub(r"\D", "", number)
    if not digits:
        return False
    # The number's own digits may be grouped as the text writes them ("0 0 0", "11-2").
    body = "[ -]?".join(re.escape(d) for d in digits)
    # Lookbehind is fixed width, hence two: no digit just before, nor one a separator away.
    whole = rf"(?<!\d)(?<!\d[ -]){body}(?![ -]?\d)"
    return re.search(whole, text) is not None
