"""What a number is bound to, for the grounding gate.

The gate's number checks read a source sentence (or table row) as a bag of words: a claim
passed when its number and its words were somewhere in one source sentence. Black-box testers
(2026-12-01, SmolLM2-135M) found answers that are wrong although every word and number is in
the sources:

- "The annual price of the Scale plan is £59": Scale's row holds "annual" and "£59", but £59 is
  in the monthly cell; the annual cell says £590;
- "The per-employee payroll charge in Singapore is 1.50 per employee": £1.50 is the UK price;
  the sentence's "(Singapore: … S$2.50 per employee)" names Singapore for another figure;
- "The base delivery fee in Guangzhou is 3.5 yuan per coupon": "per coupon" is from another
  sentence ("up to 5 yuan per coupon"), not Guangzhou's row;
- "The delivery fee in Hangzhou is 5 yuan", "The Premium plan has 2 seats", "The mileage rate for
  motorbikes is 45p per mile": a city, plan or vehicle the customer asked about and no source
  names, with a number the sources give for something else.

A number is bound to what the claim says next to it. Here a source sentence is cut into
segments: the cells of a labelled table row ("Plan: Scale; Monthly price (GBP): £59; …"), whose
first cell names the row, and a labelled aside in parentheses ("(Singapore: S$9 per month …)"),
which scopes its figures to its label. A claim's number must come from a source sentence that

- names the places and plans the claim names with it (Guangzhou's row for Guangzhou's fee),
- counts it in the claim's unit ("3.5 yuan per coupon": yuan and coupon; its title counts),
- and where no word of the claim sits only in segments that give other figures than the claim's
  (the "annual" of "Annual price: £590" is bound to 590, not to 59);

and the claim may not name a thing (a capitalised word, or one after "in", "for"…) that the
customer asked about and no source has at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Terms = Callable[[str], set[str]]

# A line that gives an item's figures after its label ("Replacement key (standard): £15 /
# HK$150") or a table row ("Plan: Basic; Price: £9").
ROWISH = re.compile(r"^[^:：.!?。]{1,80}[:：]\s*\S*\d")

# A number as written: "10,000", "3.5", "2.50", "22:00". Not a passage id's "#4" (citations
# are removed before) and not a list marker (removed by the caller).
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,:]\d+)*")
# A row's first cell "Label: value" names the row ("Plan: Scale", "Plan: Fibre 1000").
_HEAD = re.compile(r"^\s*[^:;\d]{1,40}:\s*\S")
# An aside with a label of its own: "(Singapore: S$9 per month plus S$2.50 per employee)".
_ASIDE = re.compile(r"[(（]\s*([^()（）:：]{1,40}[:：]\s[^()（）]*)[)）]")


# What a number counts: the word after it and a "per …" after that ("3.5 yuan per coupon").
_UNIT = re.compile(
    r"[^\W\d_]*(?:\s+(?!(?:per|a|an|each|every)\b)([^\W\d_]+))?"
    r"(?:\s+(?:per|a|an|each|every)\s+([^\W\d_]+))?",
    re.IGNORECASE,
)


def _normal(raw: str) -> str:
    n = raw.replace(",", "")
    if re.fullmatch(r"\d+\.\d+", n):
        return f"{float(n):g}"
    return str(int(n)) if n.isdigit() else n


def numbers(text: str) -> set[str]:
    """The numbers in ``text``, normalised ("10,000" → "10000", "2.50" → "2.5")."""
    return {_normal(raw) for raw in _NUMBER.findall(text)}


def units(text: str, terms: Terms) -> dict[str, set[str]]:
    """Each number's unit words in ``text``: "3.5 yuan per coupon" → {"3.5": {yuan, coupon}}."""
    out: dict[str, set[str]] = {}
    for m in _NUMBER.finditer(text):
        unit = _UNIT.match(text, m.end())
        words = " ".join(w for w in unit.groups() if w) if unit else ""
        out.setdefault(_normal(m.group()), set()).update(terms(words))
    return out


@dataclass
class _Segment:
    terms: set[str]
    numbers: set[str]
    head: bool = False  # names the row: its words go with every cell
    main: bool = False  # the text around a labelled aside: its words go with the aside too


@dataclass
class BoundSentence:
    """One source sentence cut into the segments its figures belong to."""

    terms: set[str]  # the sentence's and its title's
    numbers: set[str]
    segments: list[_Segment]
    title: set[str]


def bind(sentence: str, title: set[str], terms: Terms) -> BoundSentence:
    asides = [m.group(1) for m in _ASIDE.finditer(sentence)]
    rest = _ASIDE.sub(" ", sentence)
    cells = [c for c in rest.split(";") if c.strip()] if ";" in rest else [rest]
    segments = []
    for i, cell in enumerate(cells):
        head = i == 0 and len(cells) > 1 and bool(_HEAD.match(cell))
        segments.append(_Segment(terms(cell), numbers(cell), head=head, main=not asides))
    for aside in asides:
        segments.append(_Segment(terms(aside), numbers(aside)))
    if asides:
        for seg in segments[: len(cells)]:
            seg.main = True
    all_terms = set().union(*(s.terms for s in segments)) if segments else set()
    return BoundSentence(all_terms | title, numbers(sentence), segments, title)


# What a claim names a thing with: a capitalised word inside it ("the Premium plan"), or the
# word after "in", "for", "on"… ("in Hangzhou", "for motorbikes"). Not what it measures ("in
# weight and size": `kefu.dialogue.quantities` reads those).
_CAPITALISED = re.compile(r"(?<=[a-z0-9,;:)] )[A-Z][A-Za-z]+\b")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|for|at|on|from|to|with|of)\s+(?:the\s+|an?\s+)?([A-Za-z][\w-]*)", re.IGNORECASE
)
_MEASURE = re.compile(
    r"^(?:sizes?|dimensions?|weights?|volume|capacity|length|width|height|depth)$", re.IGNORECASE
)


def named(text: str, terms: Terms) -> set[str]:
    """The words ``text`` names a place, plan, product or vehicle with (see above)."""
    words = _CAPITALISED.findall(text) + _AFTER_PREPOSITION.findall(text)
    return set().union(set(), *(terms(w) for w in words if not _MEASURE.match(w)))


def _home(source: BoundSentence, number: str) -> set[str]:
    """The words a number goes with in its source sentence: its own segment's, the row's head
    cell's, the text around an aside it is in, the title's."""
    words = set(source.title)
    holding = [s for s in source.segments if number in s.numbers]
    in_aside = any(not s.main for s in holding)
    for seg in source.segments:
        if seg in holding or seg.head or (in_aside and seg.main):
            words |= seg.terms
    return words


def misbound(
    clause_terms: set[str],
    context_terms: set[str],
    claimed: dict[str, set[str]],
    all_claimed: set[str],
    sources: list[BoundSentence],
    asked: set[str],
    source_terms: set[str],
    free: set[str],
    things: set[str],
    names: set[str],
) -> str | None:
    """Why a clause's numbers are not what the sources give for what it names, or None.

    ``clause_terms`` are the clause's words, ``context_terms`` those of the clauses before it
    that give no number ("In Singapore, the charge is …"); ``claimed`` the clause's numbers
    that the customer did not give, with their unit words; ``all_claimed`` the whole
    sentence's and the customer's (figures a word may go with); ``asked`` the question's
    words; ``source_terms`` every word of the sources; ``free`` paraphrase words; ``things``
    the words the claim names things with (`named`); ``names`` the words the sources capitalise
    mid-sentence (places, plans)."""
    words = (clause_terms | context_terms) - free
    words = {w for w in words if not w[:1].isdigit()}
    absent = sorted(things & asked - source_terms)
    if claimed and absent:
        return f"a number for what no source names: {absent[0]} ({sorted(claimed)[0]})"
    for number in sorted(claimed):
        held = [s for s in sources if number in s.numbers]
        if not held:
            continue  # the gate's other checks say where the number is missing
        unit = claimed[number] - free - asked
        proper = things & names
        why = None
        for source in held:
            missing = sorted(proper - source.terms)
            if missing:
                why = why or f"a number from a sentence that does not name {missing[0]}: {number}"
                continue
            missing = sorted(unit - source.terms)
            if missing:
                why = why or f"a number counted in what its sentence does not: {missing[0]}"
                continue
            home = _home(source, number)
            bound = sorted(
                w
                for w in words & source.terms - home
                if all(
                    seg.numbers and not seg.numbers & all_claimed
                    for seg in source.segments
                    if w in seg.terms
                )
            )
            if bound:
                why = why or f"binds {number} to {bound[0]}, which its source gives another figure"
                continue
            return None
        return why
    return None


def nearest_rows(about: set[str], sentences: list[set[str]]) -> set[int]:
    """The source sentences (or rows) holding a number that name what ``about`` names best:
    the most of its words, then the fewest words besides. "Replacement key (standard): £15"
    and "Replacement fob or security key card: £45" share "replacement" and "key" with "how
    much is a replacement key"; the fob's row says more that was not asked (a property
    manager's tester, 2026-12-01, got "£45 / HK$450." for the standard key)."""

    def score(words: set[str]) -> tuple[int, int]:
        extra = {w for w in words - about if not w[:1].isdigit()}
        return len(about & words), -len(extra)

    holding = [i for i, words in enumerate(sentences) if any(w[:1].isdigit() for w in words)]
    if not holding:
        return set()
    best = max(score(sentences[i]) for i in holding)
    return {i for i in holding if score(sentences[i]) == best} if best[0] else set()


def off_row(
    figures: set[str], item: set[str], rows: list[set[str]], rowish: list[bool]
) -> str | None:
    """Why the claim's figures are not in the row that names ``item`` best, or None: only
    between rows or "label: price" lines (``rowish``); in prose a sentence's other words are
    context, not another item ("Delivery takes 3-5 working days across the mainland")."""
    if any(figures & words for words, row in zip(rows, rowish, strict=True) if not row):
        return None
    kept = [words if row else set() for words, row in zip(rows, rowish, strict=True)]
    nearest = nearest_rows(item, kept)
    if len(nearest) < sum(rowish) and not any(figures & kept[i] for i in nearest):
        return f"a number from another row than the one the question names: {min(figures)}"
    return None
