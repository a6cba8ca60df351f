"""A curated answer's "Yes." / "会。" lead, kept only for the yes-no question it answers.

Many FAQ answers open with the answer to their own yes-no question: "闪借会上征信吗？" -> "会。闪借
已接入…", "Do you report to the credit bureau?" -> "Yes. FlashLend reports…". Matched to a
different yes-no question, the lead answers that one instead: a consumer-lending tester
(2026-12-01) asked whether a paid credit "repair" was reliable ("…收费3000 靠谱吗") and was told
"会。", read as "yes, it's reliable". The rest of the answer is still the entry's facts, so
only the lead goes where the customer's question is another yes-no question:

- one that asks for a verdict (reliable, legit, real, safe, worth it: 靠谱吗, 是真的吗,
  "is it legit?") that the entry's question does not ask about;
- in Chinese, one built on another modal than the lead's (the lead "会" answers "会…吗" and
  "会不会", not "能不能不上征信" or "你们上不上征信").

The entry's own question, or a paraphrase with the same modal, keeps its lead.
"""

from __future__ import annotations

import re

_LEAD_ZH = re.compile(
    r"^\s*(不会|会|不可以|可以|不能|能|是的|不是|不用|不需要|需要|不要|要|没有|有|不收|收|对|不对|不行|行)"
    r"[。！!，,；;]\s*"
)
_LEAD_EN = re.compile(r"^\s*(yes|no)\b[.,!;:]?\s*", re.IGNORECASE)

# The modals a Chinese lead answers, as groups of words that ask the same ("可以。" answers
# "能…吗" and "可不可以"); "不会" answers a 会-question too.
_MODALS_ZH: tuple[tuple[str, ...], ...] = (
    ("会",),
    ("可以", "能", "可", "行"),
    ("需要", "要", "用", "得"),
    ("有",),
    ("收",),
)
_MODAL_IN_QUESTION_ZH = re.compile(r"(会|可以|能|需要|要|用|有|收)(不|没)?\1?")
_POLAR_ZH = re.compile(r"[吗么嘛][？?。！!\s]*$|[吗么嘛][？?]|(\w)[不没]\1|是否|[？?]\s*$")

_VERDICT_ZH = (
    "靠谱",
    "可靠",
    "可信",
    "正规",
    "合法",
    "是真的",
    "真的假的",
    "真的吗",
    "安全吗",
    "安不安全",
    "划算",
    "值得",
    "骗",
)
_VERDICT_EN = re.compile(
    r"\b(legit\w*|genuine|real|safe|trustworthy|trust\w*|reliable|scam\w*|worth (it|the)|"
    r"a good (idea|deal))\b",
    re.IGNORECASE,
)
_POLAR_EN = re.compile(
    r"^\W*(do|does|did|can|could|is|are|was|were|will|would|should|may|might|have|has|am)\b|"
    r"\?\s*$",
    re.IGNORECASE,
)


def _verdicts_zh(text: str) -> set[str]:
    return {w for w in _VERDICT_ZH if w in text}


def _mismatched_zh(question: str, entry_question: str, lead: str) -> bool:
    if not _POLAR_ZH.search(question.strip()):
        return False
    if _verdicts_zh(question) - _verdicts_zh(entry_question):
        return True
    # Another modal asked, and none of the lead's: "能不能不上征信" is not answered by "会。".
    # (A question with no modal, "你们上不上征信", is the lead's to answer.)
    word = lead.removeprefix("不").removeprefix("没")
    group = next((g for g in _MODALS_ZH if word in g), None)
    if group is None:
        return False
    asked = {m.group(1) for m in _MODAL_IN_QUESTION_ZH.finditer(question)}
    return bool(asked) and not any(w in question for w in group)


def _mismatched_en(question: str, entry_question: str) -> bool:
    if not _POLAR_EN.search(question.strip()):
        return False
    asked = {m.group(0).lower() for m in _VERDICT_EN.finditer(question)}
    entry = {m.group(0).lower() for m in _VERDICT_EN.finditer(entry_question)}
    return bool(asked - entry)


def fit_lead(question: str, entry_question: str, answer: str) -> str:
    """``answer`` without its yes/no lead where ``question`` is another yes-no question than
    ``entry_question``, the one the lead answers; else ``answer`` unchanged."""
    if m := _LEAD_ZH.match(answer):
        if _mismatched_zh(question, entry_question, m.group(1)):
            return answer[m.end() :]
        return answer
    if m := _LEAD_EN.match(answer):
        rest = answer[m.end() :]
        if rest and _mismatched_en(question, entry_question):
            return rest[0].upper() + rest[1:]
    return answer


def without_lead(answer: str) -> str:
    """``answer`` without a yes/no lead ("Yes. All Level 3 carers complete our dementia course"
    -> "All Level 3 carers…"): after the refusal to diagnose, a lead reads as the answer to
    "is it dementia?" whatever the entry's own question was."""
    for lead in (_LEAD_ZH, _LEAD_EN):
        if (m := lead.match(answer)) and (rest := answer[m.end() :]):
            return rest[0].upper() + rest[1:]
    return answer
