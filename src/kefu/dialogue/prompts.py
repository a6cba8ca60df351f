"""Prompts for the generation path: persona and rules, retrieved passages with their ids,
the conversation so far, the question.

The system prompt comes first and does not change between turns, so llama.cpp reuses its
KV cache (prefix caching) and the time to first token stays low.
"""

from __future__ import annotations

from collections.abc import Sequence

from kefu.types import ChatMessage, Passage

SYSTEM_PROMPT = (
    "You are a customer-support assistant. Answer the customer's question using ONLY the "
    "numbered sources given with the question. Be brief and friendly: two or three sentences. "
    "Mention the source id in brackets, like [id], after the facts you use. If the sources do "
    "not contain the answer, say you don't know and that a colleague will help. Never invent "
    "prices, dates, codes, links or promises. Never give medical diagnoses or doses, or "
    "personalised investment advice."
)


def build_messages(
    question: str,
    passages: Sequence[Passage],
    history: Sequence[ChatMessage] = (),
    *,
    max_passage_chars: int = 700,
    max_history: int = 4,
) -> list[ChatMessage]:
    sources = "\n\n".join(
        f"[{p.entry.id}] {p.entry.title}\n{p.entry.display_text[:max_passage_chars]}"
        for p in passages
    )
    messages = [ChatMessage("system", SYSTEM_PROMPT)]
    for msg in list(history)[-max_history:]:
        if msg.role in ("user", "assistant"):
            messages.append(ChatMessage(msg.role, msg.content[:500]))
    messages.append(ChatMessage("user", f"Sources:\n{sources}\n\nQuestion: {question}"))
    return messages
