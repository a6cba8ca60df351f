"""Extractive answers: the passage sentences that best match the question, verbatim.

Used where the configured model cannot write the customer's language (the bundled SmolLM2
writes no usable Chinese): quoting the business's own text beats emitting broken language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kefu.types import Passage

# A sentence ends at Chinese end punctuation, or at . ! ? followed by white space (so "$4.99"
# inside a sentence does not split it), or at a blank line.
_SENTENCE_BREAK = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+|\n\s*\n")


def split_sentences(text: str) -> list[str]:
    # Single line breaks inside a paragraph are layout, not sentence ends.
    return [" ".join(s.split()) for s in _SENTENCE_BREAK.split(text) if s and s.strip()]


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
    sentences = split_sentences(passage.entry.display_text)
    if not sentences:
        return passage.entry.display_text[:max_chars]
    q = set(query_tokens)
    tok = getattr(tokenize, "tokenize", None)
    scored = []
    for i, sent in enumerate(sentences):
        terms = set(tok(sent)) if callable(tok) else set(sent.split())
        scored.append((len(q & terms), -i, i))
    scored.sort(reverse=True)
    best = scored[0][2]
    # A step of a procedure is no answer without the other steps: quote the whole list, in
    # order ("Follow these steps: 1. … 6. report a fault"), not the two steps that share words.
    steps = _steps(passage.entry.display_text)
    if steps is not None and any(sentences[best] in item for item in steps[1]):
        lead, items = steps
        out = [lead] if lead and lead not in items[0] else []
        for item in items:
            if len("\n".join([*out, item])) > max_list_chars and len(out) > 1:
                out.append("…")
                break
            out.append(item)
        return "\n".join(out)
    # The best sentence, then the others that share query terms, never one that shares
    # nothing: quoting unrelated sentences reads as a wrong answer.
    wanted = [best] + [i for overlap, _, i in scored[1:] if overlap > 0]
    chosen: list[int] = []
    total = 0
    for i in wanted[:3]:
        if total + len(sentences[i]) > max_chars and chosen:
            break
        chosen.append(i)
        total += len(sentences[i])
    joiner = "" if re.search(r"[\u4e00-\u9fff]", passage.entry.display_text) else " "
    return joiner.join(sentences[i] for i in sorted(chosen))
