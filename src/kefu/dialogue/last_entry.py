"""Follow-ups that an answer just given already answers.

"那怎么申诉" → the appeal rule (which says 人工审核会在7天内回复) → "多久有结果"; "我东西落车上了" →
the lost-item entry (…最高不超过50元) → "送回来要钱吗"; "被扣了两次钱" → the double-charge entry
(3至7个工作日内原路退回) → "多久退回来". Read alone or joined, such a follow-up finds nothing sure
and is declined, though the customer has the answer's entry in front of them. Where a follow-up
would be declined, an entry given in the last few replies answers it when

- the kind of fact it asks for (a duration for "多久"/"how long", an amount for "要钱吗"/"fee",
  a time for "几点"/"when") is in the entry, and
- the words it adds to its question words are in the entry (at least half of them, one at least
  where it asks for no such fact): "how long does the money take to come back" after the refund
  rule (which says "within 14 days" of the right to a refund, not of the money) adds "money",
  "come back", which the rule never says, and stays declined.

The most recent such entry answers, word for word, as any curated answer does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kefu.dialogue.policy import Plan
from kefu.types import ChatMessage, Entry, Passage

if TYPE_CHECKING:
    from kefu.text.tokenize import Tokenizer

# Replies looked back over: the thread's last few turns.
LOOK_BACK = 3

_DURATION_Q = re.compile(
    r"多久|多长时间|多長時間|几天|幾天|几个工作日|要几耐|幾耐|how long|how soon|how many days",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\d+\s*(?:(?:至|到|-|–|to)\s*\d+\s*)?(?:个|個)?\s*(?:工作日|天|日|小时|小時|周|星期|个月|個月|"
    r"分钟|分鐘|(?:working |business )?days?|hours?|weeks?|months?|minutes?)",
    re.IGNORECASE,
)
_MONEY_Q = re.compile(
    r"多少钱|多少錢|要钱|要錢|要不要钱|收费|收費|收钱|费用|費用|贵吗|免费|免費|几钱|幾錢|"
    r"\b(?:cost|costs|fee|fees|charge|charged|price|free|pay)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"\d+(?:\.\d+)?\s*(?:元|块|塊|港元|新元|英镑|英鎊|欧元|歐元|美元|yuan|pounds?|euros?|dollars?|"
    r"HKD|GBP|EUR|USD|SGD|CNY|RMB)|(?:[$£€¥]|HK\$|S\$|RMB|CNY|HKD|GBP|EUR|USD|SGD)\s*\d|"
    r"免费|免費|\bfree\b|不收费|不收費|不另收费|不另收費|免收|无需付费|無需付費|"
    r"no charge|at no cost",
    re.IGNORECASE,
)
_TIME_Q = re.compile(
    r"几点|幾點|什么时候|什麼時候|哪天|星期几|\bwhen\b|what time|(?:which|what) days?",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\d{1,2}[:：]\d{2}|\d{1,2}\s*(?:am|pm|点|點)|周[一二三四五六日末]|星期[一二三四五六日天]|"
    r"\b(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?)\b",
    re.IGNORECASE,
)
_KINDS = ((_DURATION_Q, _DURATION), (_MONEY_Q, _MONEY), (_TIME_Q, _TIME))
# Question words: what the follow-up asks, not what it asks about.
_QUESTION_WORDS = re.compile(
    r"多久|多长时间|几天|多少钱|多少|要钱|要不要钱|收费|费用|几点|什么时候|怎么办|怎么|能不能|"
    r"可以|吗|呢|要|有|"
    r"\b(?:how|long|soon|much|many|days|when|what|time|cost|costs|fee|fees|charge|price|free|"
    r"is|it|does|do|can|will|there|a|the|and|if|i|my|me|to|of|that|this)\b",
    re.IGNORECASE,
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# A follow-up's opening word ("那", "还有", "如果"): no part of what it asks about.
_LEAD = re.compile(r"^(?:那么|那|还有|另外|然后|如果|那如果|所以)")


def _pieces(text: str, tokenizer: Tokenizer) -> list[str]:
    """What a follow-up adds to its question words: its Chinese as two-character pieces (the
    word cutter splits "送回来" as 送 + 回来, where the entry says 送回物品; every piece counts,
    so a longer new question rarely passes), its other words as the search's words."""
    rest = _QUESTION_WORDS.sub(" ", _LEAD.sub("", message_strip(text)))
    pieces = [run[i : i + 2] for run in _HAN_RUN.findall(rest) for i in range(len(run) - 1)]
    words = getattr(tokenizer, "words", tokenizer)
    latin = " ".join(_HAN_RUN.sub(" ", rest).split())
    return pieces + [t for t in words.tokenize(latin) if len(t) > 1]


def message_strip(text: str) -> str:
    return text.strip().rstrip("?？!！。.")


def answers(message: str, entry: Entry, tokenizer: Tokenizer) -> bool:
    """Whether ``entry`` (a curated answer given just before) answers ``message``."""
    text = f"{entry.text} {entry.answer or ''}"
    asked = [fact for question, fact in _KINDS if question.search(message)]
    if any(not fact.search(entry.answer or "") for fact in asked):
        return False
    added = _pieces(message, tokenizer)
    if not added:
        return bool(asked)
    words = getattr(tokenizer, "words", tokenizer)
    terms = set(words.tokenize(text))
    held = sum(t in text if _HAN.search(t) else t in terms for t in added)
    return held >= 1 and 2 * held >= len(added)


def recent_entries(history: Sequence[ChatMessage], entries: Sequence[Entry]) -> list[Entry]:
    """The curated entries of the last few replies, most recent first."""
    replies = [m.content for m in history if m.role == "assistant"][-LOOK_BACK:]
    out: list[Entry] = []
    for reply in reversed(replies):
        for entry in entries:
            answer = (entry.answer or "").strip()
            if entry.kind == "faq" and answer and answer in reply and entry not in out:
                out.append(entry)
                break
    return out


def is_short(message: str) -> bool:
    """Short enough to lean on what came before (as `followup.is_followup` counts)."""
    han = len(_HAN.findall(message))
    return han <= 12 if han else len(message.split()) <= 9


def answering_entry(
    message: str, history: Sequence[ChatMessage], entries: Sequence[Entry], tokenizer: Tokenizer
) -> Entry | None:
    """The entry of the last few replies that answers the short follow-up ``message``."""
    if not is_short(message):
        return None
    for entry in recent_entries(history, entries):
        if answers(message, entry, tokenizer):
            return entry
    return None


def replan(
    plan: Plan,
    message: str,
    history: Sequence[ChatMessage],
    entries: Sequence[Entry],
    tokenizer: Tokenizer,
) -> Plan:
    """A declined ``plan`` answered from an entry just given, where one answers (above)."""
    if plan.mode != "declined" or not history:
        return plan
    entry = answering_entry(message, history, entries, tokenizer)
    if entry is None or entry.language not in (plan.language, "unknown"):
        return plan  # a customer who changed language is not answered in the old one
    return Plan(
        "curated",
        plan.language,
        [Passage(entry, 0.0)],
        plan.confidence,
        text=entry.answer or entry.text,
        reason="answered by the entry just given",
    )
