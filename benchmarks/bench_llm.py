"""Rows 2 (generation turn), 3 (decode tokens/s) and 4 (time to first token), each against
raw llama-cpp-python on the same GGUF with the same thread and context settings."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from _common import Context, Row, alternate, dev_queries, log, median, pct, raw_stream

if TYPE_CHECKING:
    from kefu.types import ChatMessage


def _payload(messages: list[ChatMessage]) -> list[dict[str, str]]:
    return [{"role": m.role, "content": m.content} for m in messages]


def bench_generation_turn(ctx: Context) -> list[Row]:
    from kefu.dialogue.assistant import Assistant
    from kefu.dialogue.prompts import build_messages
    from kefu.knowledge.base import KnowledgeBase
    from kefu.retrieval.index import KnowledgeIndex
    from kefu.storage.knowledge_repo import entry_text_hash
    from kefu.types import Entry

    # A small document knowledge base: the English pack answers as document chunks.
    chunks = [
        Entry(
            id=f"doc-{e.id}",
            kind="chunk",
            text=e.answer or e.text,
            title=e.text,
            language="en",
            source="bench-docs.md",
        )
        for e in ctx.demo_kb.index.entries
        if e.language == "en"
    ]
    index = KnowledgeIndex(ctx.embedder, ctx.tokenizer)
    log(f"embedding {len(chunks)} document chunks for the generation path")
    index.build([(c, entry_text_hash(c)) for c in chunks])
    settings = ctx.settings("gen", llm_max_tokens=64, llm_temperature=0.0)
    kb = KnowledgeBase(settings, embedder=ctx.embedder, tokenizer=ctx.tokenizer)
    kb._index = index
    assistant = Assistant(settings, kb=kb, llm=ctx.llm)
    assistant.warm_up()
    raw = ctx.raw_llama
    want = 3 if ctx.quick else 8
    prompts: list[tuple[str, list[dict[str, str]]]] = []
    for q in dev_queries(answerable=True, lang="en"):
        plan = assistant.plan(q["query"], [])
        if plan.mode == "generated":
            prompts.append((q["query"], _payload(build_messages(q["query"], plan.passages, []))))
            if len(prompts) == want:
                break
    log(f"  {len(prompts)} questions take the generation path")
    kefu_t: list[float] = []
    ref_t: list[float] = []
    modes: dict[str, int] = {}
    tokens: list[int] = []

    def kefu(q: str) -> None:
        start = time.perf_counter()
        answer = assistant.ask(q)
        kefu_t.append(time.perf_counter() - start)
        modes[answer.mode] = modes.get(answer.mode, 0) + 1
        if ctx.llm.last_stats:
            tokens.append(ctx.llm.last_stats.completion_tokens)

    def ref(payload: list[dict[str, str]]) -> None:
        start = time.perf_counter()
        raw.create_chat_completion(messages=payload, max_tokens=64, temperature=0.0)
        ref_t.append(time.perf_counter() - start)

    kefu(prompts[0][0])  # warm both (system prompt into each KV cache)
    ref(prompts[0][1])
    kefu_t.clear()
    ref_t.clear()
    modes.clear()
    tokens.clear()
    for i, (q, payload) in enumerate(prompts):
        alternate(i, lambda q=q: kefu(q), lambda p=payload: ref(p))
    return [
        Row(
            "turn",
            "generation turn p50 (bundled LLM, max_tokens 64)",
            pct(kefu_t, 50) * 1000.0,
            "ms",
            pct(ref_t, 50) * 1000.0,
            "raw create_chat_completion, same prompt",
            note=f"whole turn incl. retrieval; median {median([float(t) for t in tokens]):.0f}"
            " tokens generated",
            extra={"modes": modes, "kefu_s": kefu_t, "ref_s": ref_t, "tokens": tokens},
        )
    ]


DECODE_PROMPTS = [
    "Write a detailed step-by-step guide for a customer who wants to return a pair of shoes "
    "they bought online, including packaging, labels and refunds.",
    "Explain to a new customer, in several paragraphs, how to set up online banking, choose a "
    "safe password and turn on two-factor authentication.",
    "Describe everything a patient should bring to a first appointment at a clinic, and why "
    "each item matters. Use a numbered list.",
]


def bench_decode(ctx: Context) -> list[Row]:
    from kefu.types import ChatMessage

    model, raw = ctx.llm, ctx.raw_llama
    max_tokens = 64 if ctx.quick else 160
    rounds = 2 if ctx.quick else 4
    system = "You are a helpful customer-support assistant."
    kefu_rates: list[float] = []
    ref_rates: list[float] = []
    counts: list[tuple[int, int]] = []

    def kefu(prompt: str) -> None:
        msgs = [ChatMessage("system", system), ChatMessage("user", prompt)]
        for _ in model.stream(msgs, max_tokens=max_tokens, temperature=0.0):
            pass
        stats = model.last_stats
        assert stats is not None
        if stats.decode_tokens_per_s:
            kefu_rates.append(stats.decode_tokens_per_s)
        counts.append((stats.completion_tokens, -1))

    def ref(prompt: str) -> None:
        payload = [{"role": "system", "content": system}, {"role": "user", "content": prompt}]
        text, first, total = raw_stream(raw, payload, max_tokens=max_tokens, temperature=0.0)
        n = len(raw.tokenize(text.encode("utf-8"), add_bos=False, special=False))
        if n >= 2 and total > first:
            ref_rates.append((n - 1) / (total - first))
        counts.append((-1, n))

    log(f"decode: {rounds} rounds x {len(DECODE_PROMPTS)} prompts, up to {max_tokens} tokens")
    kefu(DECODE_PROMPTS[0])
    ref(DECODE_PROMPTS[0])
    kefu_rates.clear()
    ref_rates.clear()
    counts.clear()
    i = 0
    for _ in range(rounds):
        for p in DECODE_PROMPTS:
            alternate(i, lambda p=p: kefu(p), lambda p=p: ref(p))
            i += 1
    value, reference = median(kefu_rates), median(ref_rates)
    ratio = value / reference if reference else 0.0
    return [
        Row(
            "decode",
            "decode speed (LlamaCppModel.stream)",
            value,
            "tokens/s",
            reference,
            "raw llama-cpp-python, same GGUF/threads/prompts, greedy",
            ">= 95 % of raw",
            ratio >= 0.95,
            higher_is_better=True,
            note=f"median of {len(kefu_rates)} runs, n_threads={raw.n_threads}",
            extra={"kefu": kefu_rates, "raw": ref_rates, "tokens": counts},
        )
    ]


def _ttft_prompts(ctx: Context, n: int) -> list[list[ChatMessage]]:
    from kefu.dialogue.prompts import build_messages
    from kefu.types import ChatMessage

    history = [
        ChatMessage("user", "Hi, I ordered a jacket last week and I have a question about it."),
        ChatMessage(
            "assistant",
            "Of course, happy to help with your order. What would you like to know about it?",
        ),
        ChatMessage("user", "It arrived but it's the wrong size. What are my options?"),
        ChatMessage(
            "assistant",
            "You can return or exchange it within 30 days [ec-en-010]. Would you like the steps?",
        ),
    ]
    out = []
    for q in dev_queries(answerable=True, lang="en")[: n * 3 : 3]:
        passages = [
            p for p in ctx.demo_kb.search(q["query"], top_k=10).passages if p.entry.language == "en"
        ][:3]
        out.append(build_messages(q["query"], passages, history))
    return out


def bench_ttft(ctx: Context) -> list[Row]:
    model, raw = ctx.llm, ctx.raw_llama
    prompts = _ttft_prompts(ctx, 3 if ctx.quick else 8)
    n_tokens: list[int] = []
    log(f"TTFT: {len(prompts)} prompts, warm and cold")
    rows = []
    for cold in (False, True):
        kefu_t: list[float] = []
        ref_t: list[float] = []

        def kefu(msgs: list[ChatMessage], cold: bool = cold, kefu_t: list[float] = kefu_t) -> None:
            if cold:
                model.llama.reset()  # forget the KV cache: the whole prompt is evaluated
            for _ in model.stream(msgs, max_tokens=4, temperature=0.0):
                pass
            assert model.last_stats is not None
            if model.last_stats.time_to_first_token_s is not None:
                kefu_t.append(model.last_stats.time_to_first_token_s)
            n_tokens.append(model.last_stats.prompt_tokens)

        def ref(msgs: list[ChatMessage], cold: bool = cold, ref_t: list[float] = ref_t) -> None:
            if cold:
                raw.reset()
            _, first, _ = raw_stream(raw, _payload(msgs), max_tokens=4, temperature=0.0)
            ref_t.append(first)

        # Warm: each prompt follows a different one, so the system prompt and the history
        # are in the KV cache but the passages and the question are not. Both reuse the
        # system prompt and the history: raw llama-cpp-python the whole common prefix, kefu the
        # messages it shares, each evaluated on its own so that a prompt's reply never depends
        # on the prompt before it (kefu.llm.kv_segments).
        kefu(prompts[-1])
        ref(prompts[-1])
        kefu_t.clear()
        ref_t.clear()
        rounds = 1 if ctx.quick else 2
        i = 0
        for _ in range(rounds):
            for msgs in prompts:
                alternate(i, lambda m=msgs: kefu(m), lambda m=msgs: ref(m))
                i += 1
        p50 = pct(kefu_t, 50)
        label = "cold (empty KV cache)" if cold else "warm (system prompt + history cached)"
        rows.append(
            Row(
                "ttft",
                f"time to first token p50, {label}",
                p50,
                "s",
                pct(ref_t, 50),
                "raw llama-cpp-python, same prompt",
                "<= 0.5 s",
                p50 <= 0.5,
                note=f"3 passages + 2 turns of history, ~{median([float(x) for x in n_tokens]):.0f}"
                " prompt tokens",
                extra={"kefu_s": kefu_t, "ref_s": ref_t, "prompt_tokens": list(n_tokens)},
            )
        )
    return rows
