"""Which table row a question means when it names no row by its label.

A black-box tester of a game publisher (2026-12-01) asked a crystal price list (Pack |
Crystals | Price) for "3280 crystals in eur", "60 crystals uk", "980星晶多少钱" and "cheapest
crystal pack price uk", and got the Monthly Star Pass row each time (4.99 EUR, not the Vault's
49.99): extractive quoting picks rows by the words of their first cell, and a number names
none. The same tester's penalty table (Offence | First offence | …) declined "doxxing
penalty?" and "whats the punishment for account sharing" on a low confidence although one
row, and only one, is named by the question's word. Here:

- `by_value`: a number the question gives with a column's word ("3280 crystals", "980星晶",
  "20 kg") that equals that column's cell in exactly one row picks that row; in no row, the
  look-up declines like a missing row;
- `by_extreme`: "cheapest", "most expensive", "最便宜", "最贵" over the table's one price column
  picks the row with the lowest or highest price, computed, never a guess;
- `by_label`: a question word that names exactly one row's label ("bot" of "Cheating, bots or
  third-party programs") picks that row, for a turn declined on a low confidence only.

Each returns the row (a table row as the loaders store it: "Pack: Vault; Crystals: 3280; …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kefu.dialogue.extractive import is_row, split_sentences

# A number the question gives and the word written after it: "3280 crystals", "980星晶",
# "20 kg". The CJK unit is read as its first two characters ("星晶多少钱" → "星晶").
_VALUE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:([a-z]+)|([\u4e00-\u9fff]{2}))?", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SUPERLATIVE = re.compile(
    r"\b(?:(?P<lo>cheapest|lowest[- ]priced?|least expensive|lowest (?:price|cost|fee))"
    r"|(?P<hi>priciest|most expensive|highest (?:price|cost|fee)|dearest))\b"
    r"|(?P<zlo>最便宜|最低价|最实惠|最平)|(?P<zhi>最贵|最高价)",
    re.I,
)
_PRICE_HEADER = re.compile(r"price|cost|fee|fare|charge|rate|价格|价|费|收费|資費|費", re.I)
_WORD = re.compile(r"[a-z][a-z'-]+")
# Words a row label shares with many questions; they name no row.
_COMMON_WORDS = (
    "the and for with from what whats how much many does will when where which who why are "
    "can you your our get got time first second third offence offense penalty penalties "
    "punishment price prices cost fee fees charge long happens happen using use per day days "
    "month months year years plan plans pack type class other others into than that this "
    "caught doing did get gets getting happens happened"
)
_COMMON = frozenset(_COMMON_WORDS.split())


@dataclass(frozen=True)
class Row:
    text: str
    cells: list[tuple[str, str]]  # (header, value), in order


def rows(text: str) -> list[Row]:
    """The table rows of a passage, with their cells."""
    out = []
    for sentence in split_sentences(text):
        if not is_row(sentence):
            continue
        cells = []
        for cell in sentence.split("; "):
            head, _, value = cell.partition(": ")
            cells.append((head.strip(), value.strip()))
        out.append(Row(sentence, cells))
    return out


def _header_names(header: str, unit: str) -> bool:
    """Whether a column header is what the unit word counts ("Crystals" of "crystals")."""
    head = header.casefold()
    if re.fullmatch(r"[\u4e00-\u9fff]+", unit):
        # "980星晶多少钱" → 星晶; "7座的车" → 座 (of "座位"); never a particle or measure word.
        return unit in head or (unit[0] in head and unit[0] not in "的个块元多些次")
    words = set(re.findall(r"[a-z]+", head))
    stem = unit.casefold().rstrip("s")
    return bool(stem) and any(w.rstrip("s") == stem for w in words)


def _written_in(value: str, unit: str) -> bool:
    return bool(re.search(rf"\d\s*{re.escape(unit)}(?![a-z])", value, re.I))


def _numbers(cell: str) -> set[str]:
    return {f"{float(n.replace(',', '')):g}" for n in _NUMBER.findall(cell)}


@dataclass(frozen=True)
class ValuePick:
    row: Row | None  # the one row, or None: the column is there and no row holds the value
    asked: str  # "3280 crystals", for the decline's reason


def by_value(question: str, table: list[Row]) -> ValuePick | None:
    """The row whose cell under the question's unit word holds the question's number."""
    for m in _VALUE.finditer(question):
        number, unit = f"{float(m.group(1)):g}", m.group(2) or m.group(3)
        if not unit:
            continue
        # The column is named by the unit ("Crystals" for "3280 crystals"), or its cells
        # are written in it ("Storage: 200 GB" for "200 GB").
        column = [
            (row, value)
            for row in table
            for head, value in row.cells
            if _header_names(head, unit) or _written_in(value, unit)
        ]
        heads = {head for row in table for head, _ in row.cells if _header_names(head, unit)}
        if len(column) < 2 or len(heads) > 1:
            # No column of that kind here, or several ("Up to 0.5 kg", "1 - 2 kg": weight
            # brackets, not a weight column; "1.5 kg" names no row of them).
            continue
        holding = [row for row, value in column if number in _numbers(value)]
        if len({r.text for r in holding}) == 1:
            return ValuePick(holding[0], f"{m.group(1)} {unit}")
        if not holding:
            return ValuePick(None, f"{m.group(1)} {unit}")
    return None


def superlative(question: str) -> str | None:
    """ "lo" for cheapest, "hi" for most expensive, else None."""
    m = _SUPERLATIVE.search(question)
    if not m:
        return None
    return "lo" if m.group("lo") or m.group("zlo") else "hi"


def without_superlative(question: str) -> str:
    """The question without its "cheapest" / "最贵": those words are the pick, no topic."""
    return _SUPERLATIVE.sub(" ", question)


def by_extreme(direction: str, table: list[Row], question: str = "") -> Row | None:
    """The row with the lowest (``lo``) or highest price: None when the table has no single
    price column (or the question names none of several: "cheapest car per day" names "Day
    rate" beside "Week rate"), a price is unreadable, or two rows tie."""
    headers = {h for row in table for h, _ in row.cells[1:] if _PRICE_HEADER.search(h)}
    if len(headers) > 1:
        asked = {_stem(w) for w in _WORD.findall(question.casefold())}
        headers = {h for h in headers if {_stem(w) for w in _WORD.findall(h.casefold())} & asked}
    if len(headers) != 1:
        return None
    (header,) = headers
    priced: list[tuple[float, Row]] = []
    for row in table:
        value = dict(row.cells).get(header, "")
        found = _NUMBER.findall(value)
        if len(found) > 1:
            return None  # two figures in one price cell: which compares is not ours to say
        if found:
            priced.append((float(found[0].replace(",", "")), row))
    if len(priced) < 2:
        return None
    priced.sort(key=lambda pair: pair[0], reverse=direction == "hi")
    if priced[0][0] == priced[1][0]:
        return None
    return priced[0][1]


def _stem(word: str) -> str:
    word = word.casefold().strip("'-")
    for suffix in ("ing", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    # "spamming" → "spamm" → "spam", to meet "Spam or advertising".
    return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word


def _label_words(label: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(label.casefold()) if len(w) >= 3} - {
        _stem(w) for w in _COMMON
    }


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+-]*", re.I)
# What a Chinese question may say before a row's label without naming another kind of it.
_LEAD = re.compile(r"(?:请问|我想问|想问|问下|问一下|那|那么|的|坐|叫|打|一辆|一个|这个|你们)+$")


@dataclass(frozen=True)
class LabelPick:
    row: Row | None  # the one row the question names by its label
    qualifier: str | None = None  # a word the question puts on the label that the table lacks


def _label_hits(question: str, label: str, title: str, known: str) -> tuple[bool, str | None]:
    """Whether the question names this label, and a qualifier it puts before it."""
    q = question.casefold()
    runs = _CJK_RUN.findall(label)
    if runs and runs[0] in question:
        lead = question[: question.index(runs[0])]
        run = re.search(r"[\u4e00-\u9fff]*$", lead)
        before = run.group() if run else ""
        for name in _CJK_RUN.findall(f"{title} {known}"):
            if before.endswith(name):
                before = ""  # a place or word of the table itself: "上海专车"
        before = _LEAD.sub("", before)
        return True, (before[-2:] if before and before[-2:] not in known else None)
    tokens = _TOKEN.findall(label)
    if (
        len(tokens) == 1
        and len(tokens[0]) >= 2
        # "新加坡XL起步价": a CJK character is a word character; no \b stands before the X.
        and re.search(rf"(?<![a-z0-9]){re.escape(tokens[0].casefold())}(?![a-z0-9])", q)
    ):
        return True, _english_qualifier(q, tokens[0].casefold(), known)
    asked = _label_words(question) - _label_words(title)
    hit = asked & _label_words(label)
    if not hit:
        return False, None
    first = min(
        (
            m.start()
            for w in _WORD.findall(q)
            if _stem(w) in hit
            for m in re.finditer(rf"\b{w}\b", q)
        ),
        default=-1,
    )
    word = q[first:].split()[0] if first >= 0 else ""
    return True, _english_qualifier(q, word, known) if word else None


def _english_qualifier(q: str, word: str, known: str) -> str | None:
    """A word just before the label's word that the table never says: "electric" of "the
    electric car premium tier" beside a Premium row."""
    m = re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", q)
    if not m:
        return None
    words = _label_words(known.casefold()) | {w.casefold() for w in _WORD.findall(known)}
    # Walking back over the words right before it: the table's own words ("car" of "Car
    # type") go on, a function word ends the walk ("baggage on Comfort" puts nothing on it).
    for w in reversed(_WORD.findall(q[: m.start()])[-2:]):
        if w in _FUNCTION or w in _COMMON or len(w) < 3:
            return None
        if _stem(w) not in words and w not in words:
            return w
    return None


_FUNCTION_WORDS = (
    "about after before from into over under with without your their this that these those "
    "some many much more most less very the for and are per was you"
)
_FUNCTION = frozenset(_FUNCTION_WORDS.split())


def by_label(question: str, table: list[tuple[Row, str]], known: str = "") -> LabelPick | None:
    """The one row whose label (first cell) the question names: a word no other row's label
    and no title holds ("doxxing" of "Threats of real-world violence, doxxing …"), a Chinese
    label ("专车"), or a one-word code ("XL"); where several tables name it, the one whose
    title the question names ("上海专车"). ``known`` is the tables' text: a word the question
    puts before the label that it lacks makes another kind of it ("上海豪华专车")."""
    titles = " ".join({title for _, title in table})
    hits = []
    for row, title in table:
        if not row.cells:
            continue
        named, qualifier = _label_hits(question, row.cells[0][1], titles, known)
        if named:
            hits.append((row, title, qualifier))
    # "电单车" names the 电单车 row, not the 单车 row its label holds.
    runs = {id(row): (_CJK_RUN.findall(row.cells[0][1]) or [""])[0] for row, _, _ in hits}
    hits = [
        h
        for h in hits
        if not any(runs[id(h[0])] and runs[id(h[0])] in r != runs[id(h[0])] for r in runs.values())
    ]
    if len(hits) > 1:
        # The same label in several tables (上海 and 深圳 each have 专车): the table whose
        # own title words (those not in every title) the question names.
        def own(title: str) -> set[str]:
            return _label_words(title) | set(_CJK_RUN.findall(title))

        shared = set.intersection(*(own(t) for _, t, _ in hits))
        q_words = _label_words(question)
        placed = [h for h in hits if any(w in q_words or w in question for w in own(h[1]) - shared)]
        hits = placed or hits
    if len(hits) != 1:
        return None
    row, _, qualifier = hits[0]
    if qualifier is not None:
        return LabelPick(None, qualifier)
    # Most of what the question says must be in the row: "calling someone a slur in chat"
    # shares only "chat" with "Spam or advertising in chat" and is no question about spam.
    asked = _label_words(question) - _label_words(titles)
    held = _label_words(row.text)
    return LabelPick(row) if 2 * len(asked & held) >= len(asked) else None
