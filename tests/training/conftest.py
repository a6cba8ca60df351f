"""Fixtures for the fine-tuning tests: the bundled tokenizer and tiny Llamas built on the spot.

The tiny model has the bundled SmolLM2's vocabulary and chat template (so export can copy the
bundled GGUF's tokenizer) but hidden size 32 and two layers, so it trains in seconds on a CPU.
Tests that need torch skip with the pip line where the `train` extra is not installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

FAQ_CSV = """id,question,answer,category
rf-1,How long does a refund take?,Refunds reach your card within 5 business days.,refunds
sh-1,How much does shipping cost?,Shipping costs $4.99 and is free over $50.,shipping
tr-1,Where is my order?,Track your order under Orders in your account.,orders
pw-1,How do I reset my password?,Click Forgot password on the sign-in page.,account
"""


def _require_train() -> None:
    for module in ("torch", "transformers", "gguf"):
        pytest.importorskip(module, reason=f"{module} missing: pip install 'kefu[train]'")


@pytest.fixture(scope="session")
def bundled_gguf() -> Path:
    from kefu.errors import MissingDependency
    from kefu.llm.bundled import bundled_gguf_path

    try:
        return bundled_gguf_path()
    except MissingDependency as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def tokenizer(bundled_gguf: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The bundled model's tokenizer, read from its GGUF once per session."""
    _require_train()
    import torch
    from transformers import AutoTokenizer

    # Models this small spend more time synchronising threads than computing: one thread runs
    # these tests several times faster, and far faster still on a busy machine.
    torch.set_num_threads(1)

    tok = AutoTokenizer.from_pretrained(str(bundled_gguf.parent), gguf_file=bundled_gguf.name)
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    return tok


@pytest.fixture
def tiny_llama(tokenizer: Any) -> Callable[..., Any]:
    """Factory: a randomly initialised 2-layer Llama with the bundled vocabulary."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    def build(seed: int = 0, tied: bool = True) -> Any:
        torch.manual_seed(seed)
        config = LlamaConfig(
            vocab_size=len(tokenizer),
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=2,
            num_attention_heads=4,
            num_key_value_heads=2,  # grouped-query attention, as in SmolLM2: k permutes by 2
            max_position_embeddings=256,
            rms_norm_eps=1e-5,
            rope_theta=10000.0,
            tie_word_embeddings=tied,
            bos_token_id=1,
            eos_token_id=2,
            pad_token_id=2,
        )
        return LlamaForCausalLM(config).eval()

    return build


@pytest.fixture
def faq_csv(tmp_path: Path) -> Path:
    path = tmp_path / "pairs.csv"
    path.write_text(FAQ_CSV, encoding="utf-8")
    return path


@pytest.fixture
def train_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated KEFU_HOME with the fast components; the home folder."""
    for key in list(os.environ):
        if key.startswith("KEFU_"):
            monkeypatch.delenv(key)
    home = tmp_path / "home"
    monkeypatch.setenv("KEFU_HOME", str(home))
    monkeypatch.setenv("KEFU_EMBEDDER", "hashing")
    monkeypatch.setenv("KEFU_LLM_BACKEND", "fake")
    monkeypatch.setenv("COLUMNS", "400")
    return home
