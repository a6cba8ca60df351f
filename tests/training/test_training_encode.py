"""Chat-template encoding with answer-only labels, and packing documents into blocks."""

from __future__ import annotations

from typing import Any

from kefu.training.data import QAPair
from kefu.training.encode import (
    IGNORE_INDEX,
    encode_documents,
    encode_pair,
    encode_pairs,
    render_prompt,
)

PAIR = QAPair("How long does a refund take?", "Refunds reach your card within 5 business days.")


def test_loss_covers_only_the_answer_and_its_end_of_turn(tokenizer: Any) -> None:
    example = encode_pair(tokenizer, PAIR, max_length=512)
    assert example is not None
    prompt_ids = tokenizer(render_prompt(tokenizer, PAIR.question, None), add_special_tokens=False)[
        "input_ids"
    ]
    n = len(prompt_ids)
    assert example.input_ids[:n] == prompt_ids
    assert example.labels[:n] == [IGNORE_INDEX] * n
    targets = example.labels[n:]
    assert IGNORE_INDEX not in targets and targets == example.input_ids[n:]
    text = tokenizer.decode(targets)
    assert text.startswith(PAIR.answer)
    assert "<|im_end|>" in text  # the model learns to stop
    assert example.n_target_tokens == len(targets)


def test_the_prompt_is_the_one_llama_cpp_renders(tokenizer: Any) -> None:
    prompt = render_prompt(tokenizer, PAIR.question, "You answer for ShopCo.")
    assert prompt.endswith("<|im_start|>assistant\n")
    assert "<|im_start|>system\nYou answer for ShopCo.<|im_end|>" in prompt
    assert "<|im_start|>user\nHow long does a refund take?<|im_end|>" in prompt


def test_long_answers_are_cut_and_long_prompts_skipped(tokenizer: Any) -> None:
    long = QAPair("Why?", "Because " * 400)
    example = encode_pair(tokenizer, long, max_length=64)
    assert example is not None
    assert len(example.input_ids) == len(example.labels) == 64
    huge = QAPair("word " * 400, "short")
    examples, skipped = encode_pairs(tokenizer, [PAIR, huge], max_length=64)
    assert skipped == 1 and len(examples) == 1


def test_documents_are_packed_into_blocks_with_every_token_a_target(tokenizer: Any) -> None:
    texts = ["Returns are free within 30 days. " * 20, "Shipping takes two days."]
    blocks = encode_documents(tokenizer, texts, block_size=32)
    total = sum(len(tokenizer(t, add_special_tokens=False)["input_ids"]) + 1 for t in texts)
    assert sum(len(b.input_ids) for b in blocks) == total
    assert all(len(b.input_ids) == 32 for b in blocks[:-1])
    assert all(b.labels == b.input_ids for b in blocks)
    assert tokenizer.eos_token_id in blocks[0].input_ids + blocks[-1].input_ids
