"""A few real LoRA steps on the bundled SmolLM2-135M, loaded from its Q4_1 GGUF."""

from __future__ import annotations

from pathlib import Path

import pytest

from kefu.training.data import QAPair

pytestmark = pytest.mark.model

PAIRS = [
    QAPair("How do I book an appointment?", "Book online in the CareWell Patient Portal."),
    QAPair("Is there a late cancellation fee?", "A $35 fee applies within 24 hours of a visit."),
]


def test_a_few_lora_steps_on_the_bundled_model_lower_its_loss(
    bundled_gguf: Path, tmp_path: Path
) -> None:
    pytest.importorskip("torch", reason="torch missing: pip install 'kefu[train]'")
    from kefu.training.encode import encode_pairs
    from kefu.training.loading import load_base, resolve_base
    from kefu.training.loop import TrainConfig, train

    spec = resolve_base(None)
    assert spec.gguf == bundled_gguf
    model, tokenizer = load_base(spec)
    assert model.config.num_hidden_layers == 30 and model.config.hidden_size == 576
    examples, _ = encode_pairs(tokenizer, PAIRS, max_length=64)
    config = TrainConfig(
        method="lora",
        max_steps=4,
        batch_size=2,
        lr=2e-3,
        lora_layers=4,
        warmup_steps=1,
        eval_every=4,
    )
    model, result = train(model, examples, examples, config, out_dir=tmp_path, pad_id=2)
    assert result.val_loss_before is not None and result.val_loss_after is not None
    # SmolLM2 has never seen CareWell: four steps on these pairs must make them likelier.
    assert result.val_loss_after < result.val_loss_before - 0.1
    assert not hasattr(model, "peft_config")
