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

import dataclasses
import re
from collections.abc import Sequence

from kefu.dialogue import gazetteer, messages, table_cells, table_pick
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


def _quote_row(plan: Plan, passage: Passage, row: table_pick.Row, reason: str) -> Plan:
    """Quote one row of the passage: the passage is cut to that row, so the quote is it."""
    entry = dataclasses.replace(passage.entry, text=row.text, answer=None)
    cut = dataclasses.replace(passage, entry=entry)
    rest = [p for p in plan.passages if p.entry.id != passage.entry.id]
    return Plan("extractive", plan.language, [cut, *rest], plan.confidence, reason=reason)


# A request for money back: a price list's row is no answer to it ("i want my money back for
# the crystal pack i bought yesterday" got the pack's price).
_REFUND = re.compile(r"\b(?:refunds?|refunded|money back|reimburse\w*)\b|退款|退钱|退費|退费", re.I)


def _picked(plan: Plan, question: str, top: Passage) -> Plan | None:
    """A row the top table's cells name (a value, or the cheapest), or a decline (module
    `table_pick`); None when the question names neither."""
    text = top.entry.display_text
    if _REFUND.search(question) and not _REFUND.search(f"{top.entry.title} {text}"):
        return _decline(plan, "a refund, from a table that does not speak of refunds")
    table = table_pick.rows(text)
    pick = table_pick.by_value(question, table)
    if pick is not None:
        if pick.row is None:
            return _decline(plan, pick.asked)
        return _quote_row(plan, top, pick.row, f"table row holding {pick.asked}")
    direction = table_pick.superlative(question)
    if direction is not None:
        row = table_pick.by_extreme(direction, table, question)
        if row is None:
            return _decline(plan, "a cheapest or dearest row it cannot compute")
        return _quote_row(plan, top, row, "table row with the extreme price")
    return None


def rescue(plan: Plan, question: str, retrieved: Sequence[Passage]) -> Plan:
    """A turn declined on a low confidence whose question names one row of a retrieved table
    by a word of its label ("doxxing penalty?"): that row is quoted (`table_pick.by_label`)."""
    if plan.mode != "declined" or plan.reason != "low":
        return plan
    cell = _cell(plan, question, retrieved[:TABLE_RANK])
    if cell is not None:
        return cell
    # The rows of every table in the first three, together: a table cut into two chunks
    # ("Offences and penalties" #2 and #3) names a row once, not once a chunk.
    held = _rows_of(retrieved[:3])
    pick = table_pick.by_label(question, [(r, p.entry.title) for p, r in held], _known(held))
    if pick is None or pick.row is None:
        return plan
    passage = next(p for p, r in held if r is pick.row)
    return _quote_row(plan, passage, pick.row, "table row named by its label")


def _rows_of(passages: Sequence[Passage]) -> list[tuple[Passage, table_pick.Row]]:
    return [(p, row) for p, _ in _tables(passages) for row in table_pick.rows(p.entry.display_text)]


def _known(held: list[tuple[Passage, table_pick.Row]]) -> str:
    """The tables' words: their titles and rows."""
    return " ".join({p.entry.title for p, _ in held} | {r.text for _, r in held})


def check(plan: Plan, question: str, retrieved: Sequence[Passage] = ()) -> Plan:
    """The document plan with the table-row rule applied (module docstring)."""
    if plan.mode not in ("generated", "extractive") or not plan.passages:
        return plan
    top = plan.passages[0]
    tables = _tables([top, *(p for p in retrieved[:TABLE_RANK] if p is not top)])
    if not tables:
        return plan
    cell = _cell(plan, question, [p for p, _ in tables])
    if cell is not None:
        return cell
    on_top = tables[0][0] is top
    if not on_top:
        # Prose on top ("an emergency caesarean … the Lotus Caesarean price") loses to the row
        # a retrieved table names, or computes, unless it says something asked the row lacks.
        won = _row_over_prose(plan, question, top, [p for p, _ in tables])
        if won is not None:
            return won
    if on_top:
        picked = _picked(plan, question, top)
        if picked is not None:
            return picked
        # A row named with a word the table lacks before its label is another kind of it:
        # "上海豪华专车" beside a 专车 row, "the electric car premium tier" beside Premium.
        held = _rows_of([p for p, _ in tables])
        pick = table_pick.by_label(question, [(r, p.entry.title) for p, r in held], _known(held))
        if pick is not None and pick.qualifier is not None:
            return _decline(plan, f"{pick.qualifier}, a kind the table's rows do not name")
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


def _cell(plan: Plan, question: str, passages: Sequence[Passage]) -> Plan | None:
    """The one cell of a retrieved banded table the question names (`table_cells`), where the
    question asks nothing another passage says and the table does not ("借一万十二期每个月还
    多少" asks the worked example's monthly payment, not the table's rate)."""
    picks = []
    for p, _ in _tables(passages):
        cell = table_cells.pick(question, table_pick.rows(p.entry.display_text))
        if cell is not None:
            picks.append((p, cell))
    if len(picks) != 1:
        return None
    passage, cell = picks[0]
    rest = question
    for start, end in sorted(cell.spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    others = [q for q in passages if q is not passage]
    if _elsewhere(rest, f"{passage.entry.title} {passage.entry.display_text}", others):
        return None
    row = table_pick.Row(cell.text, [])
    return _quote_row(plan, passage, row, "table cell named by a row and a column band")


def _row_over_prose(
    plan: Plan, question: str, top: Passage, tables: Sequence[Passage]
) -> Plan | None:
    """The row a lower table names by its label, or the cheapest or dearest row it computes,
    quoted over the prose on top: None when the prose holds a word of the question that the
    row (or table) lacks ("twins", "emergency"), or no single row is named."""
    held = _rows_of(tables)
    if not held:
        return None
    direction = table_pick.superlative(question)
    if direction is not None:
        picked = [
            (p, row)
            for p in tables
            if (row := table_pick.by_extreme(direction, table_pick.rows(p.entry.display_text)))
            is not None
        ]
        if len(picked) != 1:
            return None
        passage, row = picked[0]
        own = f"{passage.entry.title} {passage.entry.display_text}"
        rest = table_pick.without_superlative(question)
        if _elsewhere(rest, own, [top]):
            return None
        return _quote_row(plan, passage, row, "table row with the extreme price")
    pick = table_pick.by_label(question, [(r, p.entry.title) for p, r in held], _known(held))
    if pick is None or pick.row is None or not _asks_figure(question, pick.row):
        return None
    passage = next(p for p, r in held if r is pick.row)
    if _elsewhere(question, f"{passage.entry.title} {pick.row.text}", [top]):
        return None
    return _quote_row(plan, passage, pick.row, "table row named by its label, over prose")


# A question for a figure: "how much", "what does it cost", "多少钱", "几晚".
_FIGURE = re.compile(
    r"\bhow (?:much|many|long)\b|\b(?:price|prices|cost|costs|fee|fees|rate|rates|charge)\b"
    r"|多少|几|價|价|费|費",
    re.I,
)


def _asks_figure(question: str, row: table_pick.Row) -> bool:
    """Whether the question asks for a figure, or names a column of the row: "who can get the
    Plus plan?" asks neither, and prose about who may have it answers that."""
    if _FIGURE.search(question):
        return True
    asked = {table_pick._stem(w) for w in _EN.findall(question.casefold())}
    return any(
        table_pick._stem(w) in asked
        for head, _ in row.cells[1:]
        for w in _EN.findall(head.casefold())
        if w not in _STOP_EN
    )


_EN = re.compile(r"[a-z][a-z']{2,}")
_STOP_EN = frozenset(
    (
        table_pick._COMMON_WORDS + " " + table_pick._FUNCTION_WORDS + " "
        "what's whats is it its there any all have has had would could should please tell "
        "know want need lol haha killing"
    ).split()
)
_STOP_ZH = frozenset("的了吗呢吧啊呀是有没能可以要借多少钱请问我你您们这那个么怎样什几块元万千期")


def _elsewhere(question: str, own: str, others: Sequence[Passage]) -> bool:
    """Whether the question says a word (an English word, or two Han characters) that one of
    ``others`` holds and ``own`` does not: it asks what that passage says."""
    own_low = own.casefold()
    own_stems = {table_pick._stem(w) for w in _EN.findall(own_low)}
    other = " ".join(f"{p.entry.title} {p.entry.display_text}" for p in others).casefold()
    other_stems = {table_pick._stem(w) for w in _EN.findall(other)}
    for w in _EN.findall(question.casefold()):
        stem = table_pick._stem(w)
        if w not in _STOP_EN and stem in other_stems and stem not in own_stems:
            return True
    # Chinese by its two-character words: one character is too common ("分12期" splits the
    # loan; 部分 is another word).
    return any(
        pair in other and pair not in own_low
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", question)
        for pair in (run[i : i + 2] for i in range(len(run) - 1))
        if not (pair[0] in _STOP_ZH and pair[1] in _STOP_ZH)
    )
