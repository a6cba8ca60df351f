"""Turn pairs and documents into token ids and labels, the way the model will later see them.

Supervised fine-tuning renders each pair with the model's own chat template, exactly as the
llama.cpp backend renders a conversation at serving time, and masks every prompt token out of
the loss (label -100): the model learns to write answers, not to predict questions. The prompt
and the answer are tokenised separately, as llama.cpp tokenises the prompt and then samples the
answer, so the token boundary between them is the one the model meets in production.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kefu.training.data import QAPair

IGNORE_INDEX = -100  # label value that PyTorch's cross-entropy skips


@dataclass(frozen=True)
class Example:
    """One training sequence: token ids and, per position, the token to predict or -100."""

    input_ids: list[int]
    labels: list[int]

    @property
    def n_target_tokens(self) -> int:
        return sum(1 for t in self.labels if t != IGNORE_INDEX)


def chat_messages(question: str, system: str | None) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": system}] if system else []
    messages.append({"role": "user", "content": question})
    return messages


def render_prompt(tokenizer: Any, question: str, system: str | None) -> str:
    """The chat-template text up to and including the assistant's opening tag."""
    return str(
        tokenizer.apply_chat_template(
            chat_messages(question, system), tokenize=False, add_generation_prompt=True
        )
    )


def encode_pair(
    tokenizer: Any, pair: QAPair, *, max_length: int, system: str | None = None
) -> Example | None:
    """Prompt tokens (masked) then answer tokens (learned); None when the prompt fills the window.

    An answer longer than the window is cut: its first part is still worth learning.
    """
    prompt = render_prompt(tokenizer, pair.question, system)
    messages = [
        *chat_messages(pair.question, system),
        {"role": "assistant", "content": pair.answer},
    ]
    full = str(tokenizer.apply_chat_template(messages, tokenize=False))
    if not full.startswith(prompt):
        # A template that rewrites earlier turns once an answer follows (rare): fall back to
        # the generation prompt followed by the answer and the end-of-turn token.
        full = prompt + pair.answer + (tokenizer.eos_token or "")
    completion = full[len(prompt) :]
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    answer_ids = tokenizer(completion, add_special_tokens=False)["input_ids"]
    if len(prompt_ids) >= max_length - 1:
        return None
    ids = (prompt_ids + answer_ids)[:max_length]
    labels = ([IGNORE_INDEX] * len(prompt_ids) + answer_ids)[:max_length]
    return Example(input_ids=list(ids), labels=list(labels))


def encode_pairs(
    tokenizer: Any, pairs: Sequence[QAPair], *, max_length: int, system: str | None = None
) -> tuple[list[Example], int]:
    """(examples, number of pairs skipped because their prompt alone fills the window)."""
    examples: list[Example] = []
    skipped = 0
    for pair in pairs:
        example = encode_pair(tokenizer, pair, max_length=max_length, system=system)
        if example is None:
            skipped += 1
        else:
            examples.append(example)
    return examples, skipped


def encode_documents(tokenizer: Any, texts: Sequence[str], *, block_size: int) -> list[Example]:
    """Continued pre-training: texts joined by end-of-text and cut into full blocks.

    Every token is a target. The tail shorter than a block is kept as a last, shorter block
    so a small corpus is not thrown away.
    """
    eos = tokenizer.eos_token_id
    stream: list[int] = []
    for text in texts:
        stream.extend(tokenizer(text, add_special_tokens=False)["input_ids"])
        if eos is not None:
            stream.append(int(eos))
    blocks: list[Example] = []
    for start in range(0, len(stream), block_size):
        block = stream[start : start + block_size]
        if len(block) >= 2:
            blocks.append(Example(input_ids=block, labels=list(block)))
    return blocks
