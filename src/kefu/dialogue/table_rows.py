"""Table look-ups for a row that is not there: decline, or quote the row that is.

Black-box testers' airline and mobile operator (2026-12-01) asked for a fare class, a plan or
a country their tables have no row for ("Premium Economy to London", "Lite 20GB" beside "Lite
10GB", "去越南漫遊日費") and got a neighbouring row or the whole table, read as the answer. A
document answer whose top passage is a table is checked here (called from `coverage.check`):
when the question names an item of the kind the table's rows are named by (a place, a size
such as "20GB", or a name such as "Premium Economy") that no row of the retrieved tables names,
the turn is declined with a person; when a retrieved table has the item's row, that row is
quoted (`kefu.dialogue.extractive` picks the row the question names).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kefu.dialogue import gazetteer, messages
from kefu.dialogue.extractive import is_row, row_name, split_sentences
from kefu.dialogue.policy import Plan
from kefu.types import Passage

# A data or other size that names a plan or product: "20GB", "100 GB", "1TB", "500MB".
_SIZE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(gb|mb|tb)\b", re.IGNORECASE)
# A name: a capitalised word that does not start the question ("on Premium Economy").
_NAME = re.compile(r"(?<=[\w,;:)] )[A-Z][a-z]{2,}\b")
_WORD = re.compile(r"[a-z0-9]+")
# How far down the retrieved list a table may stand to be checked (the top entry is rank 1).
TABLE_RANK = 5


def _sizes(text: str) -> set[str]:
    return {f"{float(n):g}{u.lower()}" for n, u in _SIZE.findall(text)}


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _tables(passages: Sequence[Passage]) -> list[tuple[Passage, list[str]]]:
    """The passages that hold table rows, with their rows' names (first cells)."""
    out = []
    for p in passages:
        if p.entry.kind != "chunk":
            continue
        names = [row_name(s) for s in split_sentences(p.entry.display_text) if is_row(s)]
        if len(names) >= 2:
            out.append((p, names))
    return out


def _absent(question: str, names: list[str], passage: Passage, *, names_too: bool) -> str | None:
    """What the question names that none of the rows does, of the kind the rows are named by."""
    asked = gazetteer.find(question, "place", incidental=False).ids
    row_places = gazetteer.find(" ; ".join(names), "place").ids
    if asked and row_places:
        gaps = sorted(a for a in asked if not gazetteer.covers("place", row_places, a))
        if gaps:
            return gaps[0]
    sizes = _sizes(question)
    row_sizes = _sizes(" ".join(names))
    if sizes and row_sizes and not sizes & row_sizes:
        return sorted(sizes)[0]
    # A name (capitalised, not the question's first word) found nowhere in the table's passage,
    # where the question names no row: "baggage on Premium Economy to London" beside Saver,
    # Standard, Flex and Business rows.
    if not names_too:
        return None
    row_words = _words(" ".join(names))
    if _words(question) & row_words - _words(passage.entry.title):
        return None
    known = _words(f"{passage.entry.title} {passage.entry.display_text}")
    strange = [n for n in _NAME.findall(question) if n.casefold() not in known]
    unplaced = [n for n in strange if not gazetteer.find(n, "place").ids]
    return unplaced[0] if unplaced else None


def _names_row(question: str, names: list[str]) -> bool:
    asked = gazetteer.find(question, "place", incidental=False).ids
    row_places = [gazetteer.find(n, "place").ids for n in names]
    if asked and any(gazetteer.covers("place", ids, a) for ids in row_places for a in asked):
        return True
    sizes = _sizes(question)
    return bool(sizes) and any(sizes & _sizes(n) for n in names)


def _mentions(question: str, passage: Passage) -> bool:
    """Whether the passage names the places and sizes the question names (any of them)."""
    text = f"{passage.entry.title} {passage.entry.display_text}"
    asked = gazetteer.find(question, "place", incidental=False).ids
    said = gazetteer.find(text, "place")
    if asked and (said.everything or any(gazetteer.covers("place", said.ids, a) for a in asked)):
        return True
    return bool(_sizes(question) & _sizes(text))


def _decline(plan: Plan, missing: str) -> Plan:
    return Plan(
        "declined",
        plan.language,
        list(plan.passages),
        plan.confidence,
        handoff=True,
        text=messages.reply("decline", plan.language),
        reason=f"no table row for {missing}",
    )


def _quote(plan: Plan, passage: Passage) -> Plan:
    """The row is there: quote it (a model reading a table mixes up its rows)."""
    plan.passages = [passage, *(p for p in plan.passages if p is not passage)]
    plan.mode, plan.reason = "extractive", "table row named by the question"
    return plan


def check(plan: Plan, question: str, retrieved: Sequence[Passage] = ()) -> Plan:
    """The document plan with the table-row rule applied (module docstring)."""
    if plan.mode not in ("generated", "extractive") or not plan.passages:
        return plan
    top = plan.passages[0]
    tables = _tables([top, *(p for p in retrieved[:TABLE_RANK] if p is not top)])
    if not tables:
        return plan
    on_top = tables[0][0] is top
    if not on_top and (not _asks_item(question) or _mentions(question, top)):
        return plan  # the answer rests on other text, which speaks of what is asked
    for p, names in tables:
        if _names_row(question, names):
            return _quote(plan, p)
    for p, names in tables if not on_top else tables[:1]:
        missing = _absent(question, names, p, names_too=on_top)
        if missing is not None:
            return _decline(plan, missing)
    return plan


def _asks_item(question: str) -> bool:
    return bool(gazetteer.find(question, "place", incidental=False).ids or _sizes(question))
