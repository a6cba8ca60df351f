"""A message that asks several questions at once: each is answered, or said to be unanswered.

"1. How much is a checked bag? 2. Can we choose seats? 3. When does check-in open?" was read
as one question: retrieval found one of the three entries (the others came second and third)
and the customer got that one answer, or a decline, with nothing said about the rest (a travel
agency's tester). Each part is now planned on its own; where at least two get an FAQ's curated
answer, the reply gives them one after the other and names the parts that got none, for a
person. Anything else (one part answered, a part needing the language model or a document
extract) keeps the single reading of the whole message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kefu.dialogue import messages
from kefu.dialogue.policy import Plan

MAX_PARTS = 6

# "1. …", "2) …", "(3) …", "1、…", "１．…": numbered parts, numbers in order from 1.
_NUMBERED = re.compile(r"(?:(?<=^)|(?<=[\s。！？?!；;，,：:]))[(（]?([1-9])[.)．、）]\s*")
# A question ends at its question mark; Chinese and English marks alike.
_QUESTION_END = re.compile(r"(?<=[?？])")


def substantive(part: str) -> bool:
    """ "Why?" or "真的？" asks nothing a retrieval could answer on its own."""
    han = sum(1 for ch in part if "\u4e00" <= ch <= "\u9fff")
    return han >= 3 or len(re.findall(r"[A-Za-z]{2,}", part)) >= 3


def split_questions(text: str) -> list[str]:
    """The questions of a message that asks several, in order; [] for a message with one."""
    parts = _numbered(text) or _by_question_mark(text)
    return parts if 2 <= len(parts) <= MAX_PARTS else []


def _numbered(text: str) -> list[str]:
    marks = list(_NUMBERED.finditer(text))
    numbers = [int(m.group(1)) for m in marks]
    if len(marks) < 2 or numbers != list(range(1, len(marks) + 1)):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    parts = [text[m.end() : end].strip(" \t\n,，;；") for m, end in zip(marks, ends, strict=True)]
    return [p for p in parts if substantive(p)]


def _by_question_mark(text: str) -> list[str]:
    sentences = [s.strip() for s in _QUESTION_END.split(text) if s.strip()]
    questions = [s for s in sentences if s[-1] in "?？" and substantive(s)]
    return questions if len(questions) >= 2 else []


def combine(parts: Sequence[str], plan_of: Callable[[str], Plan], language: str) -> Plan | None:
    """One plan for the whole message from the plans of its parts, or None where the message
    is better read whole (fewer than two parts get a curated answer)."""
    plans = [plan_of(part) for part in parts]
    # Two different questions rarely share an answer: where two parts get the same entry, it
    # answers the one it matches more surely, and the other ("cancel 20 days before: how
    # much?" beside "how much is the deposit?") goes to a person.
    best: dict[str, float] = {}
    for p in plans:
        if _curated(p):
            key = p.passages[0].entry.id
            best[key] = max(best.get(key, 0.0), p.confidence)
    answered: list[tuple[str, Plan]] = []
    rest: list[str] = []
    for part, p in zip(parts, plans, strict=True):
        key = p.passages[0].entry.id if _curated(p) else ""
        if key and best.get(key) == p.confidence:
            answered.append((part, p))
            best.pop(key)  # a tie goes to the first part
        else:
            rest.append(part)
    if len(answered) < 2:
        return None  # one entry answers it all, or none does: the whole message decides
    blocks = [f"{n}. {part}\n{p.text}" for n, (part, p) in enumerate(answered, start=1)]
    handoff = bool(rest) or any(p.handoff for _, p in answered)
    if rest:
        quoted = (
            "、".join(f"“{q}”" for q in rest)
            if language == "zh"
            else ", ".join(f"“{q}”" for q in rest)
        )
        lead = f"关于{quoted}：" if language == "zh" else f"About {quoted}: "
        blocks.append(lead + messages.reply("decline", language))
    passages = [p.passages[0] for _, p in answered]
    return Plan(
        "curated",
        language,
        passages=passages,
        confidence=min(p.confidence for _, p in answered),
        handoff=handoff,
        text="\n\n".join(blocks),
        reason="several questions" + (", some unanswered" if rest else ""),
    )


def _curated(plan: Plan) -> bool:
    return plan.mode == "curated" and bool(plan.passages) and not plan.handoff
