"""Extractive answers: the passage sentences that best match the question, verbatim.

Used where the configured model cannot write the customer's language (the bundled SmolLM2
writes no usable Chinese): quoting the business's own text beats emitting broken language.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

from kefu.types import Passage

# A sentence ends at Chinese end punctuation, or at . ! ? followed by white space (so "$4.99"
# inside a sentence does not split it); a blank line ends a paragraph.
_SENTENCE_BREAK = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A table row as the loaders store it (kefu.ingest._markdown.label_row), one a paragraph:
# "Plan: VIP Yearly; Price: 298 yuan". A row is one unit, even with "。" inside a cell.
_ROW = re.compile(r"^[^:;\n]{1,60}: [^;\n]*(?:; [^:;\n]{1,60}: [^;\n]*)+$")


def _sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) pairs; single line breaks inside a paragraph are layout."""
    out: list[tuple[int, str]] = []
    for number, paragraph in enumerate(_PARAGRAPH_BREAK.split(text)):
        flat = " ".join(paragraph.split())
        pieces = [flat] if _ROW.match(flat) else _SENTENCE_BREAK.split(paragraph)
        out.extend((number, " ".join(p.split())) for p in pieces if p and p.strip())
    return out


def split_sentences(text: str) -> list[str]:
    return [sentence for _, sentence in _sentences(text)]


# A numbered or bulleted step: "1. Check the power light", "2) Restart", "- Unplug", "3、重启".
_ITEM = re.compile(r"^\s*(\d{1,2}[.)、]|[-*•])\s+\S")


def _steps(text: str) -> tuple[str, list[str]] | None:
    """The passage's list of steps and the sentence that leads into it, if it has one."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if _ITEM.match(line)), None)
    if first is None:
        return None
    items: list[str] = []
    blank = False
    for line in lines[first:]:
        if _ITEM.match(line):
            items.append(line.strip())
        elif not line.strip():
            blank = True
            continue
        elif blank:
            break  # a paragraph after the list
        else:
            items[-1] += " " + line.strip()  # an item wrapped over two lines
        blank = False
    lead = split_sentences("\n".join(lines[:first]))
    return (lead[-1] if lead else "", items) if len(items) >= 2 else None


def extract_answer(
    query_tokens: Sequence[str],
    passage: Passage,
    tokenize: object,
    *,
    max_chars: int = 400,
    max_list_chars: int = 1200,
) -> str:
    """Sentences of ``passage`` ranked by overlap with the query, kept in document order."""
    text = passage.entry.display_text
    numbered = _sentences(text)
    if not numbered:
        return text[:max_chars]
    sentences = [sentence for _, sentence in numbered]
    terms = [_terms(s, tokenize) for s in sentences]
    weight = _weights(set(query_tokens), terms)
    scores = [_score(weight, t) for t in terms]
    # Best first; an earlier sentence wins a tie.
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    best = ranked[0]
    # A step of a procedure is no answer without the other steps: quote the whole list, in
    # order ("Follow these steps: 1. … 6. report a fault"), not the two steps that share words.
    steps = _steps(text)
    if steps is not None and any(sentences[best] in item for item in steps[1]):
        lead, items = steps
        out = [lead] if lead and lead not in items[0] else []
        for item in items:
            if len("\n".join([*out, item])) > max_list_chars and len(out) > 1:
                out.append("…")
                break
            out.append(item)
        return "\n".join(out)
    if _ROW.match(sentences[best]):
        wanted = _rows(ranked, scores, sentences, weight, tokenize)
        limit, count = max_list_chars, len(wanted)
    else:
        # The best sentence, then the others that score nearly as well, or half as well
        # next to it in its paragraph (its context: "…学生价198元。学生优惠不适用于月卡…");
        # never one that shares nothing: quoting unrelated sentences reads as a wrong answer.
        def near(i: int) -> bool:
            beside = abs(i - best) == 1 and numbered[i][0] == numbered[best][0]
            return 4 * scores[i] >= 3 * scores[best] or (beside and 2 * scores[i] >= scores[best])

        others = [i for i in ranked[1:] if scores[i] > 0 and near(i)]
        wanted, limit, count = [best, *others], max_chars, 3
    chosen: list[int] = []
    total = 0
    for i in wanted[:count]:
        if total + len(sentences[i]) > limit and chosen:
            break
        chosen.append(i)
        total += len(sentences[i])
    chosen.sort()
    joiner = "" if re.search(r"[\u4e00-\u9fff]", text) else " "
    quote = sentences[chosen[0]]
    for previous, i in itertools.pairwise(chosen):
        # Sentences of one paragraph run on; a new paragraph (a table row) starts a new line.
        quote += ("\n" if numbered[i][0] != numbered[previous][0] else joiner) + sentences[i]
    return quote


def _terms(text: str, tokenize: object) -> set[str]:
    tok = getattr(tokenize, "tokenize", None)
    return set(tok(text)) if callable(tok) else set(text.split())


def _weights(query: set[str], terms: list[set[str]]) -> dict[str, float]:
    """The question's terms, each weighted by how few sentences of the passage have it.

    A word in every sentence ("VIP" in a page of VIP plans) tells them apart no better than a
    stop word, while "student" picks out the one sentence about students.
    """
    weight = {}
    for term in query:
        df = sum(term in t for t in terms)
        if df:
            weight[term] = math.log(1 + len(terms) / df)
    return weight


def _score(weight: dict[str, float], terms: set[str]) -> float:
    return sum(weight.get(term, 0.0) for term in terms)


def _rows(
    ranked: list[int],
    scores: list[float],
    sentences: list[str],
    weight: dict[str, float],
    tokenize: object,
) -> list[int]:
    """The table rows to quote, best first, when the best sentence is a row.

    A row is named by its first cell's value ("方案: VIP年卡"): the rows whose name matches the
    question best ("年卡多少钱": VIP年卡 and 家庭年卡, not the first three rows), else, when
    the question names no row, every row that scores as well as the best. The cell's header
    names no row: it is the same in every row ("Car class: Premium" would match the "class"
    of "the Mercedes E class" in each row, and the whole table was quoted).
    """
    rows = [i for i in ranked if _ROW.match(sentences[i])]
    named = {i: _score(weight, _terms(_row_name(sentences[i]), tokenize)) for i in rows}
    top = max(named.values())
    # Within a rounding error: a sum of the same weights in another order differs in its last
    # digit, and dropped one of two equally named rows.
    if top > 0:
        return sorted((i for i in rows if named[i] >= top - 1e-9), key=lambda i: (-scores[i], i))
    return [i for i in rows if scores[i] >= scores[ranked[0]] - 1e-9]


def _row_name(row: str) -> str:
    """A row's first cell without its header: "Premium" of "Car class: Premium; …"."""
    return row.split(";", 1)[0].split(": ", 1)[-1]
