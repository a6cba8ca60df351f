"""The business's own route for a report against its staff, to follow the fixed reply to one
(`kefu.guard.misconduct`, docs/safety.md): a home-care business's "1.3 Families who suspect a
carer of theft or abuse should call the office straight away (UK 0161 555 0142…)", a gym's
"How do I make a complaint about staff? Email feedback@…", else its general complaints entry.

Found by what it says, as the child-safety entry is (`kefu.dialogue.safeguarding_entry`), not
by how search ranked the report: "the carer has been taking money from mum's purse" ranked
the council-funding FAQ first. An entry counts when it is about such reports (theft, abuse,
harassment, safeguarding, a complaint about staff or their conduct, 投诉, 客诉…) and gives a
way to make one (a phone number, an e-mail address, "call", "contact", 电话, 联系…). One about
theft, abuse or staff beats a general complaints entry; an FAQ entry beats a document section
of the same rank. From a section only the lines (numbered clauses) that give the way are shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kefu.text.variants import to_mandarin
from kefu.types import Entry, Passage

# What the entry is about: reports of harm by staff (rank 2), or complaints in general (rank 1).
_ABOUT_STAFF_HARM = re.compile(
    r"\b(theft|steal\w*|stole|abuse\w*|abusive|harass\w*|safeguard\w*|misconduct|"
    r"inappropriate|assault\w*|mistreat\w*|neglect\w*)\b|"
    r"\bcomplain\w*\b.{0,30}\b(staff|carers?|trainers?|coach\w*|drivers?|employees?|conduct|"
    r"instructors?|technicians?|agents?|nurses?)\b|"
    r"偷|盗|虐待|骚扰|猥亵|性侵|不当行为|疏忽照顾|"
    r"(投诉|举报|客诉|申诉)" + r".{0,12}(教练|职员|员工|居服员|照服员|看护|司机|护工|工作人员|"
    r"服务人员|行为)",
    re.IGNORECASE,
)
_ABOUT_COMPLAINTS = re.compile(r"\bcomplain\w*\b|投诉|客诉|申诉|举报", re.IGNORECASE)
# A way to make the report: a phone number, an address, a verb of contact.
_ROUTE = re.compile(
    r"\d[\d -]{4,}\d|@|\b(call|contact|email|e-mail|phone|ring|tell)\b|www\.|https?://|"
    r"电话|热线|联系|拨打|来电|寄信|邮件|电邮|告诉|找",
    re.IGNORECASE,
)
# A number, an address or a link: the line that says how, in a document section.
_CONTACT = re.compile(r"\d[\d -]{4,}\d|@|www\.|https?://|热线|专线")


def _rank(about: str) -> int:
    folded = to_mandarin(about)
    if _ABOUT_STAFF_HARM.search(about) or _ABOUT_STAFF_HARM.search(folded):
        return 2
    return 1 if _ABOUT_COMPLAINTS.search(about) or _ABOUT_COMPLAINTS.search(folded) else 0


def _route_lines(text: str) -> str:
    """The lines of a section that are about reports against staff and give a way to make one
    (a contact, not just "report it"): "1.3 Families who suspect a carer of theft… call the
    office (UK 0161 555 0142…)", not "1.1 Every member of staff must report…"."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    kept = [
        line for line in lines if _rank(line) == 2 and _CONTACT.search(line) and _ROUTE.search(line)
    ]
    return "\n".join(kept[:2])


def misconduct_passage(entries: Iterable[Entry], language: str) -> tuple[Passage, str] | None:
    """The business's route for a report against its staff in the customer's language and the
    text to show from it, or None where the knowledge has none."""
    best: tuple[int, Passage, str] | None = None
    for entry in entries:
        if entry.language in ("en", "zh") and entry.language != language:
            continue  # a route in a language the customer may not read helps no one
        if entry.kind == "faq":
            answer = entry.answer or ""
            rank = _rank(f"{entry.title}\n{entry.text}")
            if not rank or not _ROUTE.search(answer):
                continue
            score, shown = rank * 2 + 1, answer
        else:
            shown = _route_lines(entry.text)
            if not shown:
                continue
            score = 2 * 2
        if best is None or score > best[0]:
            best = (score, Passage(entry, 0.0), shown)
    return None if best is None else (best[1], best[2])
