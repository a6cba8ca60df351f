"""Prompts for the generation path: persona and rules, retrieved passages with their ids,
the conversation so far, the question.

The system prompt comes first and does not change between turns, so llama.cpp reuses its
KV cache (prefix caching). What follows it is evaluated on every turn, and on a CPU the time
to first token grows with it (~2-3 ms a token for the bundled model), so each passage is cut
to the sentences that bear on the question (`focus`): the best passage keeps the most room.
The grounding gate still checks the reply against the whole passages.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from kefu.text.stopwords import english_stopwords
from kefu.types import ChatMessage, Passage

SYSTEM_PROMPT = (
    "You are a customer-support assistant. Answer the customer's question using ONLY the "
    "numbered sources given with the question. Be brief and friendly: two or three sentences. "
    "Mention the source id in brackets, like [id], after the facts you use. If the sources do "
    "not contain the answer, say you don't know and that a colleague will help. Never invent "
    "prices, dates, codes, links or promises. Never give medical diagnoses or doses, or "
    "personalised investment advice."
)

# Characters of source text per passage, by rank: the top passage usually holds the answer.
# Chosen for the bundled model's time to first token (benchmarks: ~195 tokens of sources and
# question for three demo passages, against ~270 uncut).
PASSAGE_BUDGETS = (320, 160, 100)

_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s+|(?<=[。！？；])|\n+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _terms(text: str) -> set[str]:
    lowered = text.casefold()
    common = english_stopwords()
    words = {w for w in _WORD.findall(lowered) if len(w) > 2 and w not in common}
    # Chinese has no spaces: character pairs stand in for words.
    words.update(a + b for a, b in itertools.pairwise(_CJK.findall(lowered)))
    return words


def _stems(words: set[str]) -> set[str]:
    return {w[:5] for w in words if not _CJK.match(w)} | {w for w in words if _CJK.match(w)}


def focus(text: str, question: str, budget: int) -> str:
    """The sentences of `text` that share most words with `question`, in their original order,
    within `budget` characters; `text` itself when it fits."""
    text = text.strip()
    if len(text) <= budget:
        return text
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]
    wanted = _stems(_terms(question))
    scored = []
    for i, sentence in enumerate(sentences):
        overlap = len(wanted & _stems(_terms(sentence)))
        # The opening sentence usually states the topic; earlier sentences win ties.
        scored.append((overlap + (0.5 if i == 0 else 0.0), -i))
    chosen: list[int] = []
    used = 0
    for _, neg_i in sorted(scored, reverse=True):
        i = -neg_i
        cost = len(sentences[i]) + 1
        if used + cost <= budget:
            chosen.append(i)
            used += cost
    if not chosen:  # one sentence longer than the budget: its start, cut at a word boundary
        head = sentences[max(range(len(sentences)), key=lambda i: scored[i])][:budget]
        cut = head.rfind(" ")
        return head[:cut] if cut > budget // 2 else head
    out = ""
    for i in sorted(chosen):
        # Chinese sentences follow each other without a space.
        out += sentences[i] if not out or out[-1] in "。！？；" else " " + sentences[i]
    return out


def build_messages(
    question: str,
    passages: Sequence[Passage],
    history: Sequence[ChatMessage] = (),
    *,
    budgets: Sequence[int] = PASSAGE_BUDGETS,
    max_history: int = 4,
) -> list[ChatMessage]:
    sources = "\n\n".join(
        f"[{p.entry.id}] {p.entry.title}\n"
        f"{focus(p.entry.display_text, question, budgets[min(rank, len(budgets) - 1)])}"
        for rank, p in enumerate(passages)
    )
    messages = [ChatMessage("system", SYSTEM_PROMPT)]
    for msg in list(history)[-max_history:]:
        if msg.role in ("user", "assistant"):
            messages.append(ChatMessage(msg.role, msg.content[:500]))
    messages.append(ChatMessage("user", f"Sources:\n{sources}\n\nQuestion: {question}"))
    return messages
