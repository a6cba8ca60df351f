"""The training loop on a tiny Llama: it learns, LoRA merges exactly, and resuming is exact."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kefu.training.data import QAPair
from kefu.training.encode import encode_pairs
from kefu.training.loop import TrainConfig, batch_indices, lr_at, total_steps, train

PAIRS = [
    QAPair("How long does a refund take?", "Refunds take 5 days."),
    QAPair("How much is shipping?", "Shipping is free over $50."),
    QAPair("Where is my order?", "Track it under Orders."),
]


def test_batches_cover_each_example_once_per_epoch() -> None:
    config = TrainConfig(batch_size=4, seed=3)
    seen = [i for step in range(5) for i in batch_indices(10, step, config)]  # 2 epochs
    assert sorted(seen[:10]) == list(range(10)) and sorted(seen[10:20]) == list(range(10))
    assert seen[:10] != list(range(10))  # shuffled
    assert batch_indices(10, 3, config) == batch_indices(10, 3, config)  # a function of the step
    assert total_steps(10, TrainConfig(batch_size=4, epochs=2)) == 5
    assert total_steps(10, TrainConfig(max_steps=7)) == 7


def test_learning_rate_warms_up_then_decays() -> None:
    config = TrainConfig(lr=1e-3, warmup_steps=10)
    lrs = [lr_at(s, 100, config) for s in range(100)]
    assert lrs[0] < lrs[5] < lrs[9] == pytest.approx(1e-3)
    assert lrs[99] < lrs[50] < lrs[10]
    assert lrs[99] >= 1e-4 * 0.99


def test_full_training_learns_the_answers(
    tokenizer: Any, tiny_llama: Callable[..., Any], tmp_path: Path
) -> None:
    examples, _ = encode_pairs(tokenizer, PAIRS, max_length=128)
    config = TrainConfig(method="full", max_steps=30, batch_size=3, lr=1e-2, eval_every=30)
    model, result = train(tiny_llama(), examples, examples, config, out_dir=tmp_path, pad_id=2)
    assert result.val_loss_before is not None and result.val_loss_after is not None
    assert result.val_loss_before > 10.0  # random init: about ln(49152) = 10.8
    assert result.val_loss_after < 0.5 * result.val_loss_before
    assert result.tokens_per_s > 0 and result.peak_memory_mb > 0
    assert (tmp_path / "train_log.jsonl").read_text().count("\n") == 30
    assert not hasattr(model, "peft_config")


def test_lora_trains_adapters_and_merges_to_the_same_function(
    tokenizer: Any, tiny_llama: Callable[..., Any], tmp_path: Path
) -> None:
    import torch

    from kefu.training.loop import merged, prepare_model

    base = tiny_llama()
    frozen = {n: p.detach().clone() for n, p in base.named_parameters()}
    peft_model = prepare_model(base, TrainConfig(method="lora", lora_r=4, lora_alpha=8))
    trainable = [n for n, p in peft_model.named_parameters() if p.requires_grad]
    assert trainable and all("lora_" in n for n in trainable)
    with torch.no_grad():  # non-zero B so that merging has something to fold in
        for n, p in peft_model.named_parameters():
            if "lora_B" in n:
                p.normal_(0, 0.5)
    peft_model.eval()
    ids = torch.tensor([[1, 4093, 198, 1780, 314, 260]])
    with torch.no_grad():
        expected = peft_model(input_ids=ids).logits
        plain = merged(peft_model)
        got = plain(input_ids=ids).logits
    assert not hasattr(plain, "peft_config")
    torch.testing.assert_close(got, expected, atol=1e-4, rtol=1e-4)
    changed = [n for n, p in plain.named_parameters() if not torch.equal(p, frozen[n])]
    assert changed and all("proj" in n for n in changed)


def test_resume_continues_exactly_where_a_run_stopped(
    tokenizer: Any, tiny_llama: Callable[..., Any], tmp_path: Path
) -> None:
    import torch

    examples, _ = encode_pairs(tokenizer, PAIRS, max_length=128)
    config = TrainConfig(method="full", max_steps=6, batch_size=2, lr=5e-3, save_every=3)
    straight, _ = train(tiny_llama(), examples, [], config, out_dir=tmp_path / "a", pad_id=2)

    def stop_after_four(stage: str, done: int, total: int) -> None:
        if done == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        train(
            tiny_llama(),
            examples,
            [],
            config,
            out_dir=tmp_path / "b",
            pad_id=2,
            progress=stop_after_four,
        )
    assert [p.name for p in (tmp_path / "b" / "checkpoints").iterdir()] == ["step-000003"]
    resumed, result = train(
        tiny_llama(), examples, [], config, out_dir=tmp_path / "b", pad_id=2, resume=True
    )
    for (name, a), (_, b) in zip(
        straight.state_dict().items(), resumed.state_dict().items(), strict=True
    ):
        torch.testing.assert_close(a, b, msg=name)
    assert result.steps == 6
    log = (tmp_path / "b" / "train_log.jsonl").read_text().splitlines()
    assert len(log) == 7  # steps 1-4 of the first run (4 logged), then 4-6 again after resume
