"""The business's own child-safety entry: how to report an adult who targets a child
("/report child-safety", a specialist team, a hotline), to follow the fixed safeguarding
reply (docs/safety.md).

Found by what it says, as the emergency entries are (`kefu.dialogue.emergency_text`), not by
how search ranked it: a parent's "a man asked my 11 year old for pictures" finds the rule
"Adults may not ask players under 18 for photos…" first, and a game publisher's tester got
that rule quoted alone, without the next sentence that says how to report it. An entry counts
when it is about the safety of children (child safety, safeguarding, grooming, protecting
younger players, 未成年人保护…) and gives a way to report (report, contact, a number, 举报…).
From a document section only the sentences that give the way are shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kefu.types import Entry, Passage

_CHILD_SAFETY = re.compile(
    r"child[- ]?(safety|protection|safeguarding|abuse|exploitation)|safeguarding|grooming|"
    r"protecting (younger|young|minor|child)\w*|"
    r"儿童安全|兒童安全|儿童保护|兒童保護|未成年人?保护|未成年人?保護|保护未成年|保護未成年|青少年保护|"
    r"青少年保護|诱骗|誘騙|性剥削|性剝削",
    re.IGNORECASE,
)
_REPORT_ROUTE = re.compile(
    r"\breport\w*|\bcontact\b|hotline|helpline|\bcall\b|@|\d[\d -]{4,}\d|举报|舉報|报告|報告|"
    r"热线|熱線|联系|聯繫|拨打|撥打|报警|報警",
    re.IGNORECASE,
)
# What the entry guards against: a playtime-limit section titled 未成年人保护 (China's name for
# its gaming limits) or a purchases-by-minors rule is not the route for a groomed child.
_HARM = re.compile(
    r"photo|picture|image|meet|grooming|inappropriate|sexual|abuse|exploit|solicit|contact "
    r"details|secre|照片|见面|見面|诱骗|誘騙|骚扰|騷擾|性侵|侵害|不当|不當|私密|剥削|剝削",
    re.IGNORECASE,
)
# Sentences of a document section: the ones that say how to report are shown.
_SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]?")


def _route_sentences(text: str) -> str:
    sentences = [m.group(0).strip() for m in _SENTENCE.finditer(text)]
    return " ".join(s for s in sentences if s and _REPORT_ROUTE.search(s))


def child_safety_passage(entries: Iterable[Entry], language: str) -> tuple[Passage, str] | None:
    """The business's child-safety reporting entry in the customer's language and the text to
    show from it, or None where the knowledge has none. An FAQ entry whose question says it
    wins over a document section; an FAQ answer is shown whole."""
    section: tuple[Passage, str] | None = None
    for entry in entries:
        if entry.language in ("en", "zh") and entry.language != language:
            continue  # guidance in a language the customer may not read helps no one
        whole = f"{entry.title}\n{entry.text}\n{entry.answer or ''}"
        if not _HARM.search(whole):
            continue
        if entry.kind == "faq":
            about = f"{entry.title}\n{entry.text}"
            answer = entry.answer or ""
            if _CHILD_SAFETY.search(about) and _REPORT_ROUTE.search(f"{about}\n{answer}"):
                return Passage(entry, 0.0), answer
            continue
        if section is None and _CHILD_SAFETY.search(f"{entry.title}\n{entry.text}"):
            shown = _route_sentences(entry.text)
            if shown and _CHILD_SAFETY.search(f"{entry.title}\n{shown}"):
                section = (Passage(entry, 0.0), shown)
    return section
