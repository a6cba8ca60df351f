"""Answer-quality figures for fine-tuning reports: ROUGE-L, and greedy generation from a HF model.

ROUGE-L here is the F-measure of the longest common subsequence of tokens (Lin, 2004), with
lower-cased words for English and single characters for Chinese, so that the same function
scores both languages without a segmenter's choices moving the figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+", re.UNICODE)


def rouge_tokens(text: str) -> list[str]:
    """Lower-cased words, and each CJK character on its own."""
    return _TOKEN.findall(text.lower())


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence, in O(len(a) * len(b)) time and O(len(b)) memory."""
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 of `candidate` against `reference`, in [0, 1]."""
    cand, ref = rouge_tokens(candidate), rouge_tokens(reference)
    lcs = lcs_length(cand, ref)
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(cand), lcs / len(ref)
    return 2 * precision * recall / (precision + recall)


def generate_greedy(
    model: Any,
    tokenizer: Any,
    question: str,
    *,
    system: str | None = None,
    max_new_tokens: int = 64,
) -> str:
    """The model's greedy answer to `question`, rendered with its chat template."""
    import torch

    from kefu.training.encode import render_prompt

    prompt = render_prompt(tokenizer, question, system)
    ids = tokenizer(prompt, add_special_tokens=False, return_tensors="pt")["input_ids"]
    device = next(model.parameters()).device
    with torch.no_grad():
        out = model.generate(
            ids.to(device),
            attention_mask=torch.ones_like(ids).to(device),
            max_new_tokens=max_new_tokens,
            do_sample=False,
            eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
        )
    return str(tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True)).strip()
