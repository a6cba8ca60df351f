"""The place a relative in an emergency is, when the customer is somewhere else.

A home-care business's tester (2026-12-01) wrote "I'm in the UK but my mum in Taipei just fell
and can't get up, her helper called me" and got "In the UK call 999 now": 999 dialled in London
reaches no one in Taipei. The patient's place decides the number, and since the customer is not
with her, someone who is (her helper, a neighbour) must call it. `where_patient_is` reads a
person placed by the words just before a place's name ("my mum in Taipei", "my dad is in
Kowloon", "my neighbour who lives in Ipoh", "我妈在台北", "我爸住在香港", "我邻居在台北") or
just after it ("back home in Penang my grandma", "台北的外婆"), with the person words of
`kefu.dialogue.patient_words`; "with my mum in Taipei" and "I'm in Taipei with my
mum" put the customer there too, so the usual place reply (`kefu.dialogue.abroad`) stands.
`patient_sentence` is the reply's first sentence for it.
"""

from __future__ import annotations

import re

from kefu.dialogue.emergency_numbers import Numbers
from kefu.dialogue.patient_words import (
    AFTER_EN,
    AFTER_ZH,
    BEFORE_EN,
    BEFORE_ZH,
    KIN_EN,
    KIN_ZH,
    PLACE_FIRST_EN,
    PLACE_FIRST_ZH,
)

# Someone with the patient who can call: the reply names them.
_WITH_THEM = re.compile(
    r"\b(?:helper|carer|caregiver|maid|nurse|neighbou?r|housekeeper|nanny)\b|"
    r"(?P<zh>看护|看護|外佣|外傭|保姆|阿姨|邻居|鄰居|护工|護工|菲佣|菲傭|印佣|印傭)",
    re.IGNORECASE,
)


def where_patient_is(
    message: str, spans: list[tuple[int, int, str]]
) -> tuple[str, str, int, int] | None:
    """(the place key, the relative's word, the name's start and end) for the first place in
    ``spans`` (`kefu.dialogue.abroad`'s place spans) that a relative is said to be in."""
    for start, end, key in spans:
        before = message[max(0, start - 48) : start]
        found = BEFORE_EN.search(before) or BEFORE_ZH.search(before)
        after = message[end : end + 40]
        if found is None and PLACE_FIRST_EN.search(before):
            found = AFTER_EN.match(after)  # the place first: "back home in Penang my grandma"
        if found is None and PLACE_FIRST_ZH.search(before):
            found = AFTER_ZH.match(after)  # "我在英国，台北的外婆摔倒了"
        if found:
            return key, found.group("kin").lower(), start, end
    return None


def patient_sentence(
    numbers: Numbers, need: str, kin: str, message: str, language: str, *, caller: Numbers | None
) -> str:
    """The first sentence of the emergency reply for a relative in another place: that place's
    number for what is needed, someone with them to call it, and the caller's own number not
    reaching there."""
    roles = numbers.by_role()
    lead = roles[need]
    # the person with them, not the patient: "my neighbour in Taipei fell" names no helper
    helper = next((h for h in _WITH_THEM.finditer(message) if h.group(0).lower() != kin), None)
    if language == "zh":
        who = KIN_ZH.get(kin, "他们")
        name = {"妈": "妈妈", "媽": "媽媽", "爸": "爸爸"}.get(kin, kin)
        what = {"ambulance": "急救", "fire": "火警", "police": "报警"}[need]
        by = f"{who}的{helper.group(0)}（或{who}身边任何人）" if helper else f"{who}身边的人"
        far = (
            f"在{caller.zh}拨打{caller.ambulance}只能接通{caller.zh}的服务，接不到{numbers.zh}。"
            if caller
            else ""
        )
        return f"您{name}在{numbers.zh}，当地{what}电话是{lead}：请马上让{by}拨打{lead}。{far}"
    pronoun, possessive = KIN_EN.get(kin, ("them", "their"))
    if helper and not helper.group("zh"):
        by = f"{possessive} {helper.group(0).lower()} or anyone with {pronoun}"
    else:
        by = f"anyone with {pronoun}"
    service = {"ambulance": "an ambulance", "fire": "the fire service", "police": "the police"}
    far = (
        f" Calling {caller.ambulance} from {caller.en} reaches {caller.en}'s services, not "
        f"{numbers.en}'s."
        if caller
        else ""
    )
    are = "are" if kin.endswith("s") or kin in ("children", "family") else "is"
    return (
        f"Your {kin} {are} in {numbers.en}: ask {by} to call {lead} for {service[need]} "
        f"now, the number there.{far}"
    )
