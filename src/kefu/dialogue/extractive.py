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


# A section this short (characters) is quoted whole when it answers at all.
SHORT_SECTION = 240


def _sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) pairs; single line breaks inside a paragraph are layout,
    except before a numbered or bulleted item: "4.2 From 30 days …", "(b) …", "（二）…" starts a
    sentence of its own, never the tail of the line that leads into the list."""
    out: list[tuple[int, str]] = []
    for number, paragraph in enumerate(_PARAGRAPH_BREAK.split(text)):
        flat = " ".join(paragraph.split())
        # (A list of "label: value;" clauses is no row: "(b) 1,500 to 3,500 km: 800 CNY;".)
        if _ROW.match(flat) and not any(map(_ITEM.match, paragraph.strip().splitlines()[1:])):
            pieces = [flat]
        else:
            pieces = [
                piece for line in _item_lines(paragraph) for piece in _SENTENCE_BREAK.split(line)
            ]
        out.extend((number, " ".join(p.split())) for p in pieces if p and p.strip())
    return out


def _item_lines(paragraph: str) -> list[str]:
    """The paragraph cut before each line that starts a list item."""
    parts: list[str] = []
    for line in paragraph.splitlines():
        if parts and not _ITEM.match(line):
            parts[-1] += "\n" + line
        else:
            parts.append(line)
    return parts


def split_sentences(text: str) -> list[str]:
    return [sentence for _, sentence in _sentences(text)]


# A numbered or bulleted step or clause: "1. Check the power light", "2) Restart", "- Unplug",
# "3、重启", a sub-clause "4.2 From 30 days …" or "2.1.3", "(a)", "b)", "(iv)", "(3)", "一、",
# "（二）", "(三)", "①", "第四条". A bare number ("12 hours before …") is no item.
_ITEM = re.compile(
    r"^\s*(?:"
    r"(?:\d{1,2}[.)]|[-*•]|[a-z]\)|[(（](?:[a-zA-Z]|[ivxIVX]{1,4}|\d{1,2})[)）])\s+\S"
    r"|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[^\sa-z]"  # "4.2 From", not "1.5 miles"
    r"|(?:\d{1,2}、|[一二三四五六七八九十]{1,3}[、．]|[(（][一二三四五六七八九十]{1,3}[)）]|[①-⑳]"
    r"|第[一二三四五六七八九十百\d]{1,4}[条款项])\s*\S"
    r")"
)


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
    # The same for numbered clauses ("4.1 More than 30 days … 10%", "4.2 From 30 to 7 days …
    # 25%"): which tier applies is for the customer to read, and the tier that shares the most
    # words with the question (or the line leading into the list) is seldom the one that does.
    steps = _steps(text)
    if steps is not None and (
        any(sentences[best] in item for item in steps[1])
        or (steps[0] and sentences[best] == steps[0])
    ):
        lead, items = steps
        return _quote_list(lead, items, sentences[best], max_list_chars)
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
        heading = _terms(passage.entry.title.split(" > ")[-1], tokenize)
        if (
            scores[best] > 0
            and heading & set(query_tokens)
            and len("".join(sentences)) <= SHORT_SECTION
        ):
            # A short section whose heading the question names is one answer: "紧急求助按钮按了
            # 会怎样" matched only the sentence naming the button; what it does was left out.
            wanted, count = list(range(len(sentences))), len(sentences)
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


def _quote_list(lead: str, items: list[str], best: str, limit: int) -> str:
    """The list, with the sentence that leads into it, in order; one too long for ``limit``
    is cut after the item holding ``best`` (and the items before it, as many as fit), so the
    item that answers is never the one left out."""
    out = [lead] if lead and lead not in items[0] else []
    answer = next((i for i, item in enumerate(items) if best in item), 0)
    lo, hi = 0, len(items)
    while hi - lo > 1 and len("\n".join([*out, *items[lo:hi]])) > limit:
        if hi - 1 > answer:
            hi -= 1  # drop from the end while the answering item stays, then from the start
        else:
            lo += 1
    return "\n".join(
        [*out, *(["…"] if lo else []), *items[lo:hi], *(["…"] if hi < len(items) else [])]
    )


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


def is_row(sentence: str) -> bool:
    """Whether a sentence is a table row as the loaders store it ("Plan: VIP; Price: 298")."""
    return bool(_ROW.match(sentence))


def row_name(row: str) -> str:
    """A row's first cell without its header: "Premium" of "Car class: Premium; …"."""
    return _row_name(row)


def _row_name(row: str) -> str:
    """A row's first cell without its header: "Premium" of "Car class: Premium; …"."""
    return row.split(";", 1)[0].split(": ", 1)[-1]
