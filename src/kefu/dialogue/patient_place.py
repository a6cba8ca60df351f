"""The place a relative in an emergency is, when the customer is somewhere else.

A home-care business's tester (2026-12-01) wrote "I'm in the UK but my mum in Taipei just fell
and can't get up, her helper called me" and got "In the UK call 999 now": 999 dialled in London
reaches no one in Taipei. The patient's place decides the number, and since the customer is not
with her, someone who is (her helper, a neighbour) must call it. `where_patient_is` reads a
relative placed by the words just before a place's name ("my mum in Taipei", "my dad is in
Kowloon", "我妈在台北", "我爸住在香港"); "with my mum in Taipei" and "I'm in Taipei with my
mum" put the customer there too, so the usual place reply (`kefu.dialogue.abroad`) stands.
`patient_sentence` is the reply's first sentence for it.
"""

from __future__ import annotations

import re

from kefu.dialogue.emergency_numbers import Numbers

# Who: a relative or someone close, with the pronoun the reply uses for them.
_KIN_EN: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ("mum", "mom", "mother", "mama", "grandma", "grandmother", "nan", "nana", "gran",
         "granny", "wife", "sister", "daughter", "aunt", "auntie", "girlfriend"),
        ("her", "her"),
    ),
    **dict.fromkeys(
        ("dad", "father", "papa", "grandpa", "grandfather", "grandad", "granddad", "husband",
         "brother", "son", "uncle", "boyfriend"),
        ("him", "his"),
    ),
    **dict.fromkeys(("parents", "grandparents", "family", "partner", "friend", "baby", "child",
                     "kid"), ("them", "their")),
}  # fmt: skip
_KIN_ZH: dict[str, str] = {
    **dict.fromkeys(("妈", "妈妈", "母亲", "媽", "媽媽", "母親", "外婆", "奶奶", "阿嬷", "阿嬤",
                     "姥姥", "老婆", "太太", "姐姐", "妹妹", "女儿", "女兒"), "她"),
    **dict.fromkeys(("爸", "爸爸", "父亲", "父親", "外公", "爷爷", "爺爺", "阿公", "姥爷", "姥爺",
                     "老公", "先生", "哥哥", "弟弟", "儿子", "兒子"), "他"),
}  # fmt: skip

_KIN_EN_ALT = "|".join(sorted(_KIN_EN, key=len, reverse=True))
_KIN_ZH_ALT = "|".join(sorted(_KIN_ZH, key=len, reverse=True))
_BEFORE_EN = re.compile(
    r"(?<!with )\bmy (?:\w+ )?(?P<kin>" + _KIN_EN_ALT + r")(?:'s| is| who is| who's| lives| "
    r"living| stays| staying)?(?: still| now| back| over| alone| home)? (?:in|at) (?:the )?$",
    re.IGNORECASE,
)
_BEFORE_ZH = re.compile(
    r"(?<!和)(?<!跟)(?<!陪)(?:我)?(?P<kin>"
    + _KIN_ZH_ALT
    + r")(?:现在|現在|还|還|一个人|一個人|自己)?"
    r"(?:住)?在$"
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
        before = message[max(0, start - 40) : start]
        found = _BEFORE_EN.search(before) or _BEFORE_ZH.search(before)
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
    helper = _WITH_THEM.search(message)
    if language == "zh":
        who = _KIN_ZH.get(kin, "他们")
        name = {"妈": "妈妈", "媽": "媽媽", "爸": "爸爸"}.get(kin, kin)
        what = {"ambulance": "急救", "fire": "火警", "police": "报警"}[need]
        by = f"{who}的{helper.group(0)}（或{who}身边任何人）" if helper else f"{who}身边的人"
        far = (
            f"在{caller.zh}拨打{caller.ambulance}只能接通{caller.zh}的服务，接不到{numbers.zh}。"
            if caller
            else ""
        )
        return f"您{name}在{numbers.zh}，当地{what}电话是{lead}：请马上让{by}拨打{lead}。{far}"
    pronoun, possessive = _KIN_EN.get(kin, ("them", "their"))
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
    return (
        f"Your {kin} is in {numbers.en}: ask {by} to call {lead} for {service[need]} "
        f"now, the number there.{far}"
    )
