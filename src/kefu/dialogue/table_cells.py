"""One cell of a table whose columns are number bands: the row the question names, the column
its amount falls in.

A consumer-lending tester (2026-12-01) asked a rate table (Term | 1,000–9,999元 |
10,000–49,999元 | 50,000–200,000元) "what's the APR for 3 months on 5000 yuan", "借5万 36期
利率多少", "24期 10万 利率", "36期能借1万以下吗": 9 of 10 were declined, and one got the page's
worked example (14.8%, for 10,000 over 12 months) where the table says 18.0%. No row holds the
amount: it falls inside a column's band. Here:

- a row is named by a number and unit its first cell holds ("3 months", "12期", "十二期");
- a column is named by an amount inside its header's band ("5000" in "1,000–9,999元", "5万"
  in "50,000–200,000元"), or "below / 以下" an amount, for the one band under it;
- "lowest / 最低" with a row and no column picks the row's lowest cell (highest likewise).

The pick is the row cut to its label and that cell ("借款期限 Term: 3期 (3 months);
1,000–9,999元: 18.0%"), computed, never a guess; with no single row and column it is None.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kefu.dialogue.table_pick import Row

_CN_DIGIT = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# "十二" → 12, "三十六" → 36, "十" → 10: the small counts of a term.
_CN_SMALL = re.compile(
    r"([一二两三四五六七八九]?)十([一二三四五六七八九]?)|([一二两三四五六七八九])"
)
_MULTIPLIER = {"万": 1e4, "w": 1e4, "千": 1e3, "k": 1e3}
# A number with its magnitude and unit: "5000 yuan", "5万", "20k", "3,000块", "12期", "3 months".
_QUANTITY = re.compile(
    r"(?<![0-9A-Za-z.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|千|k\b|w\b)?\s*"
    r"(元|块|yuan|rmb|cny|months?|个月|月(?!供)|期|years?|年(?!化|利)|kg|公斤|天|days?)?",
    re.I,
)
_UNIT = {
    "month": "month", "months": "month", "个月": "month", "月": "month",
    "year": "year", "years": "year", "年": "year", "期": "期",
    "kg": "kg", "公斤": "kg", "day": "day", "days": "day", "天": "day",
}  # fmt: skip
_MONEY = {"元", "块", "yuan", "rmb", "cny"}
_BELOW = re.compile(r"^\s*(?:以下|以内|之内|及以下|or less|or under)|(?:below|under|less than)\s*$")
_ABOVE = re.compile(r"^\s*(?:以上|及以上|or more|\+)|(?:above|over|more than)\s*$")
_LOWEST = re.compile(r"\b(?:lowest|minimum|cheapest|best)\b|最低|最少|最便宜", re.I)
_HIGHEST = re.compile(r"\b(?:highest|maximum|dearest)\b|最高|最贵", re.I)
_BAND = re.compile(r"(\d+(?:\.\d+)?)\s*(万|千)?\s*[-–—~～至到]\s*(\d+(?:\.\d+)?)\s*(万|千)?")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # normalised: "month", "期", "money", "" when none
    start: int
    end: int
    bound: str = ""  # "below" / "above" when the question says so after or before it


def _cn_numbers(text: str) -> str:
    """Chinese numerals before a unit as digits: "十二期" → "12期", "一万" → "1万"."""

    def small(m: re.Match[str]) -> str:
        if m.group(3):
            return str(_CN_DIGIT[m.group(3)])
        tens = _CN_DIGIT.get(m.group(1), 1)
        return str(tens * 10 + _CN_DIGIT.get(m.group(2), 0))

    return re.sub(
        rf"(?:{_CN_SMALL.pattern})(?=万|千|期|个月|年|块|元)",
        small,
        text,
    )


def quantities(text: str) -> list[Quantity]:
    """The numbers of a question with their magnitude and unit (money, months, 期...)."""
    text = _cn_numbers(text)
    out = []
    for m in _QUANTITY.finditer(text):
        value = float(m.group(1).replace(",", ""))
        mult, unit = (m.group(2) or "").casefold(), (m.group(3) or "").casefold()
        value *= _MULTIPLIER.get(mult, 1)
        # A count in 万 or k is money here ("借两万", "20k"): no term is counted so.
        kind = "money" if unit in _MONEY or mult else _UNIT.get(unit, "")
        after, before = text[m.end() : m.end() + 8], text[max(0, m.start() - 12) : m.start()]
        bound = "below" if _BELOW.search(after) or _BELOW.search(before) else ""
        bound = bound or ("above" if _ABOVE.search(after) or _ABOVE.search(before) else "")
        out.append(Quantity(value, kind, m.start(), m.end(), bound))
    return out


def _band(header: str) -> tuple[float, float] | None:
    """The number band a column header spans: "1,000–9,999元" → (1000, 9999)."""
    flat = re.sub(r"(?<=\d),(?=\d{3})", "", header)
    m = _BAND.search(flat)
    if not m:
        return None
    low = float(m.group(1)) * _MULTIPLIER.get(m.group(2) or "", 1)
    high = float(m.group(3)) * _MULTIPLIER.get(m.group(4) or m.group(2) or "", 1)
    return (low, high) if low < high else None


def _label_quantities(label: str) -> set[tuple[float, str]]:
    return {(q.value, q.unit) for q in quantities(label) if q.unit and q.unit != "money"}


@dataclass(frozen=True)
class CellPick:
    row: Row
    text: str  # the row cut to its label and the picked cell
    spans: list[tuple[int, int]]  # where the question named the row and the column


def pick(question: str, table: list[Row]) -> CellPick | None:
    """The one cell the question names (module docstring), or None."""
    if len(table) < 2 or not table[0].cells:
        return None
    headers = [h for h, _ in table[0].cells[1:]]
    bands = {h: b for h in headers if (b := _band(h)) is not None}
    if len(bands) < 2:
        return None
    asked = quantities(question)
    named = [
        (row, q)
        for row in table
        if row.cells
        for q in asked
        if q.unit and q.unit != "money" and (q.value, q.unit) in _label_quantities(row.cells[0][1])
    ]
    if len({id(r) for r, _ in named}) != 1:
        return None
    row, by = named[0]
    cells = dict(row.cells)
    amounts = [q for q in asked if q is not by and q.unit in ("money", "")]
    columns = {h for q in amounts for h in _columns(q, bands)}
    if len(columns) > 1:
        return None
    if columns:
        (column,) = columns
        used = [q for q in amounts if column in _columns(q, bands)]
        spans = [(by.start, by.end), *((q.start, q.end) for q in used)]
        return _cut(row, column, cells, spans)
    if amounts:
        return None  # an amount in no band ("48个月", "300,000"): not this table's
    direction = "lo" if _LOWEST.search(question) else "hi" if _HIGHEST.search(question) else ""
    priced = [(_figure(cells.get(h, "")), h) for h in bands]
    known = [(v, h) for v, h in priced if v is not None]
    if not direction or len(known) < 2:
        return None
    known.sort(key=lambda pair: pair[0], reverse=direction == "hi")
    if known[0][0] == known[1][0]:
        return None
    return _cut(row, known[0][1], cells, [(by.start, by.end)])


def _columns(q: Quantity, bands: dict[str, tuple[float, float]]) -> list[str]:
    if q.bound == "below":
        return [h for h, (_, high) in bands.items() if high < q.value] if q.value > 0 else []
    if q.bound == "above":
        return [h for h, (low, _) in bands.items() if low >= q.value]
    return [h for h, (low, high) in bands.items() if low <= q.value <= high]


def _figure(cell: str) -> float | None:
    found = re.findall(r"\d+(?:\.\d+)?", cell)
    return float(found[0]) if len(found) == 1 and not math.isnan(float(found[0])) else None


def _cut(row: Row, column: str, cells: dict[str, str], spans: list[tuple[int, int]]) -> CellPick:
    head, label = row.cells[0]
    return CellPick(row, f"{head}: {label}; {column}: {cells.get(column, '')}", spans)
