"""The FAQ's own questions offered beside a decline: "You could also ask: Can I bring a friend?"

When the confidence is below the curated threshold the assistant declines and hands the
customer to a person, and it must not guess an answer. But on businesses nobody tuned on, the
right entry is often there, just not certain enough: in the black-box testers' FAQ sets about
four in five answerable questions that were declined had their entry among the three passages
looked at ("how much for a day pass" → "Can I bring a friend?", whose answer holds the day-pass
price). Offering those entries' questions, as the business wrote them, invents nothing: the
customer picks one (the web chat sends it as their next message, where it matches its own entry
and gets the curated answer) or waits for the person already called.

Only for a decline for low confidence (never beside an emergency, a refusal, an injection
attempt or a request for a person), only FAQ pairs (a document chunk's title is no question),
only entries in the customer's language, never one whose question or answer held a planted
instruction (`kefu.guard.documents.sanitize_entry`), and only above `RELATED_FLOOR`: below it
the passages are mostly unrelated to the question and a list of them reads as noise.
``scripts/eval_related.py`` measures what each floor offers on the dev sets (docs/thresholds.md,
Related questions).
"""

from __future__ import annotations

from kefu.dialogue.policy import Plan
from kefu.types import Source

# Chosen with scripts/eval_related.py on half of the black-box testers' FAQ sets (dev data),
# as the floor with the most declined answerable questions offered their own entry less half
# the unanswerable ones offered anything (an offer that helps is worth two that don't, beside
# a person already called). On the other half, 0.25 offers 94 of 166 declined answerable
# questions their own entry (108 at floor 0) and 83 of 141 unanswerable ones anything (128).
RELATED_FLOOR = 0.25
MAX_RELATED = 3
# A "question" longer than this is a paragraph pasted into the question column: not offered.
MAX_QUESTION_CHARS = 160


def related_questions(
    plan: Plan, *, floor: float = RELATED_FLOOR, limit: int = MAX_RELATED
) -> list[Source]:
    """Up to ``limit`` FAQ questions near the customer's, for a turn declined for low
    confidence at or above ``floor``; ``title`` is the question as the business wrote it."""
    if plan.mode != "declined" or plan.reason != "low" or plan.confidence < floor:
        return []
    from kefu.guard.documents import sanitize_entry

    out: list[Source] = []
    seen: set[str] = set()
    for passage in plan.passages:
        entry = passage.entry
        if entry.kind != "faq" or not _same_language(entry.language, plan.language):
            continue
        clean = sanitize_entry(entry)
        if clean is None or clean.text != entry.text:  # held back, or the question was planted
            continue
        question = " ".join(entry.text.split())
        key = question.casefold()
        if not question or len(question) > MAX_QUESTION_CHARS or key in seen:
            continue
        seen.add(key)
        out.append(Source(entry.id, question, passage.score))
        if len(out) >= limit:
            break
    return out


def _same_language(entry: str, customer: str) -> bool:
    """An English question is offered to an English writer, a Chinese one to a Chinese writer;
    a mixed or unknown message may be offered either."""
    if customer not in ("en", "zh") or entry not in ("en", "zh"):
        return True
    return entry == customer
