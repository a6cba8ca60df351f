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


def extract_answer(
    query_tokens: Sequence[str],
    passage: Passage,
    tokenize: object,
    *,
    max_chars: int = 400,
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
