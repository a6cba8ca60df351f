"""The training loop: LoRA or full fine-tuning of a causal LM, top to bottom, in numbered steps.

A plain loop rather than the Hugging Face Trainer: a support team's data is a few hundred to a
few thousand pairs, the whole run fits on one device, and every step (batching, masking,
warm-up, clipping, evaluation, checkpointing) is visible here in a page of code.

Batches are a pure function of (seed, step), so `resume` needs only the step number, the
trainable weights and the optimiser state to continue exactly where a run stopped.
"""

from __future__ import annotations

import contextlib
import json
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from kefu.errors import ConfigError
from kefu.training.checkpoints import latest_checkpoint, load_checkpoint, save_checkpoint
from kefu.training.encode import IGNORE_INDEX, Example

Progress = Callable[[str, int, int], None]

LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


@dataclass
class TrainConfig:
    method: Literal["lora", "full"] = "lora"
    epochs: float = 3.0
    max_steps: int | None = None  # overrides epochs when set
    batch_size: int = 8
    lr: float | None = None  # None: 2e-4 for LoRA, 5e-5 for full fine-tuning
    warmup_steps: int = 10
    weight_decay: float = 0.0
    grad_clip: float = 1.0
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.05
    lora_layers: int | None = None  # adapt only the top N layers: backward stops below them
    eval_every: int = 50
    save_every: int = 50
    seed: int = 0
    device: str = "auto"
    threads: int | None = None  # torch CPU threads; 1 is fastest on a busy shared machine

    @property
    def learning_rate(self) -> float:
        if self.lr is not None:
            return self.lr
        return 2e-4 if self.method == "lora" else 5e-5


@dataclass
class TrainResult:
    steps: int
    train_tokens: int  # non-padding tokens the model ran forward and backward on
    train_seconds: float
    tokens_per_s: float
    peak_memory_mb: float  # CUDA: peak allocated; CPU: the process's peak resident memory
    device: str
    val_loss_before: float | None
    val_loss_after: float | None
    history: list[dict[str, float]] = field(default_factory=list)

    @property
    def val_ppl_before(self) -> float | None:
        return math.exp(self.val_loss_before) if self.val_loss_before is not None else None

    @property
    def val_ppl_after(self) -> float | None:
        return math.exp(self.val_loss_after) if self.val_loss_after is not None else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["val_ppl_before"] = self.val_ppl_before
        data["val_ppl_after"] = self.val_ppl_after
        return data


def total_steps(n_examples: int, config: TrainConfig) -> int:
    if config.max_steps is not None:
        return max(0, config.max_steps)
    return max(1, math.ceil(config.epochs * n_examples / config.batch_size))


def batch_indices(n_examples: int, step: int, config: TrainConfig) -> list[int]:
    """The example indices of batch `step`: epoch-wise shuffles drawn from the seed."""
    per_epoch = n_examples
    start = step * config.batch_size
    out: list[int] = []
    while len(out) < config.batch_size:
        epoch, offset = divmod(start + len(out), per_epoch)
        order = list(range(n_examples))
        random.Random(config.seed * 1_000_003 + epoch).shuffle(order)
        take = min(config.batch_size - len(out), per_epoch - offset)
        out.extend(order[offset : offset + take])
    return out


def collate(examples: Sequence[Example], pad_id: int, device: str) -> dict[str, Any]:
    """Right-padded (B, T) tensors: input_ids, attention_mask and labels (-100 on padding)."""
    import torch

    width = max(len(e.input_ids) for e in examples)
    ids = torch.full((len(examples), width), pad_id, dtype=torch.long)
    labels = torch.full((len(examples), width), IGNORE_INDEX, dtype=torch.long)
    mask = torch.zeros((len(examples), width), dtype=torch.long)
    for row, e in enumerate(examples):
        n = len(e.input_ids)
        ids[row, :n] = torch.tensor(e.input_ids)
        labels[row, :n] = torch.tensor(e.labels)
        mask[row, :n] = 1
    return {
        "input_ids": ids.to(device),
        "attention_mask": mask.to(device),
        "labels": labels.to(device),
    }


def token_nll(model: Any, batch: dict[str, Any]) -> tuple[Any, int]:
    """(summed negative log-likelihood over target tokens, number of target tokens).

    The output projection (vocabulary 49k: a fifth of SmolLM2's compute) runs only on the
    positions that predict a target token, not on the masked prompt or the padding.
    """
    import torch.nn.functional as F

    # Position t predicts token t+1.
    targets = batch["labels"][:, 1:]  # (B, T-1)
    keep = targets != IGNORE_INDEX  # (B, T-1)
    lm = model.get_base_model() if hasattr(model, "get_base_model") else model
    inputs = {"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"]}
    if hasattr(lm, "model") and hasattr(lm, "lm_head"):
        hidden = lm.model(**inputs).last_hidden_state[:, :-1, :]  # (B, T-1, H)
        logits = lm.lm_head(hidden[keep]).float()  # (N, V), N target tokens
        nll = F.cross_entropy(logits, targets[keep], reduction="sum")
    else:  # any other causal LM: full logits
        logits = model(**inputs).logits[:, :-1, :].float()  # (B, T-1, V)
        nll = F.cross_entropy(
            logits.reshape(-1, logits.size(-1)),
            targets.reshape(-1),
            ignore_index=IGNORE_INDEX,
            reduction="sum",
        )
    return nll, int(keep.sum())


def evaluate(
    model: Any, examples: Sequence[Example], *, pad_id: int, device: str, batch_size: int = 8
) -> float | None:
    """Mean loss per target token over `examples` (exp of it is the perplexity)."""
    import torch

    if not examples:
        return None
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(examples), batch_size):
            batch = collate(examples[start : start + batch_size], pad_id, device)
            nll, n = token_nll(model, batch)
            total += float(nll)
            count += n
    model.train(was_training)
    return total / count if count else None


def prepare_model(model: Any, config: TrainConfig) -> Any:
    """LoRA adapters on every attention and MLP projection, or every weight trainable."""
    if config.method == "full":
        for p in model.parameters():
            p.requires_grad_(True)
        return model
    if config.method != "lora":
        raise ConfigError(f"unknown method {config.method!r}; choose lora or full")
    from peft import LoraConfig, get_peft_model

    n_layers = int(getattr(model.config, "num_hidden_layers", 0))
    layers = None
    if config.lora_layers and n_layers and config.lora_layers < n_layers:
        layers = list(range(n_layers - config.lora_layers, n_layers))
    lora = LoraConfig(
        r=config.lora_r,
        lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout,
        target_modules=list(LORA_TARGETS),
        layers_to_transform=layers,
        task_type="CAUSAL_LM",
    )
    return get_peft_model(model, lora)


def merged(model: Any) -> Any:
    """A plain transformers model: LoRA folded into the weights (W + B·A·alpha/r)."""
    if hasattr(model, "merge_and_unload"):
        return model.merge_and_unload()
    return model


def lr_at(step: int, total: int, config: TrainConfig) -> float:
    """Linear warm-up, then cosine decay to a tenth of the peak."""
    peak = config.learning_rate
    warmup = min(config.warmup_steps, max(1, total // 10))
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1.0 + math.cos(math.pi * min(1.0, progress))))


def _reset_peak_memory(device: str) -> None:
    """Start peak-memory accounting now, so loading the model is not counted as training."""
    if device == "cuda":
        import torch

        torch.cuda.reset_peak_memory_stats()
        return
    # Linux: writing 5 resets the process's high-water mark (VmHWM).
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_memory_mb(device: str) -> float:
    if device == "cuda":
        import torch

        return torch.cuda.max_memory_allocated() / 2**20
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def train(
    model: Any,
    train_examples: Sequence[Example],
    val_examples: Sequence[Example],
    config: TrainConfig,
    *,
    out_dir: Path,
    pad_id: int,
    resume: bool = False,
    progress: Progress | None = None,
) -> tuple[Any, TrainResult]:
    """Fine-tune `model` and return (the merged model, figures). Checkpoints go to out_dir."""
    import torch

    from kefu.training.loading import pick_device

    if not train_examples:
        raise ConfigError("no training examples (is the data file empty?)")
    # 1. Seeds and device.
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    device = pick_device(config.device)
    _reset_peak_memory(device)
    model.to(device)
    out_dir.mkdir(parents=True, exist_ok=True)
    log_path = out_dir / "train_log.jsonl"

    # 2. Validation loss of the untouched model: the baseline every later figure is against.
    val_before = evaluate(model, val_examples, pad_id=pad_id, device=device)

    # 3. Adapters (or all weights) made trainable, and the optimiser over just those.
    model = prepare_model(model, config)
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(
        trainable, lr=config.learning_rate, weight_decay=config.weight_decay
    )
    n_steps = total_steps(len(train_examples), config)

    # 4. Resume from the newest checkpoint, if asked and one exists.
    start = 0
    checkpoint = latest_checkpoint(out_dir) if resume else None
    if checkpoint is not None:
        start = load_checkpoint(checkpoint, model, optimizer, config)
    elif not resume and log_path.exists():
        log_path.unlink()  # a fresh run starts a fresh log

    # 5. The loop: batch, forward, masked loss, backward, clip, step; evaluate and save at times.
    history: list[dict[str, float]] = []
    tokens, started = 0, time.perf_counter()
    model.train()
    for step in range(start, n_steps):
        for group in optimizer.param_groups:
            group["lr"] = lr_at(step, n_steps, config)
        picked = [train_examples[i] for i in batch_indices(len(train_examples), step, config)]
        batch = collate(picked, pad_id, device)
        nll, n_targets = token_nll(model, batch)
        loss = nll / max(1, n_targets)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, config.grad_clip)
        optimizer.step()
        tokens += int(batch["attention_mask"].sum())
        record: dict[str, float] = {
            "step": step + 1,
            "loss": loss.item(),
            "lr": optimizer.param_groups[0]["lr"],
        }
        done = step + 1
        if val_examples and (done % config.eval_every == 0 or done == n_steps):
            val = evaluate(model, val_examples, pad_id=pad_id, device=device)
            if val is not None:
                record["val_loss"] = val
        history.append(record)
        with log_path.open("a", encoding="utf-8") as log:
            log.write(json.dumps(record) + "\n")
        if done % config.save_every == 0 and done < n_steps:
            save_checkpoint(out_dir, model, optimizer, done, config)
        if progress is not None:
            progress("training", done, n_steps)
    elapsed = time.perf_counter() - started

    # 6. Final figures, then LoRA folded into the weights so export sees one plain model.
    model.eval()
    val_after = next((h["val_loss"] for h in reversed(history) if "val_loss" in h), None)
    if val_after is None and start >= n_steps:
        val_after = evaluate(model, val_examples, pad_id=pad_id, device=device)
    result = TrainResult(
        steps=n_steps,
        train_tokens=tokens,
        train_seconds=elapsed,
        tokens_per_s=tokens / elapsed if elapsed > 0 else 0.0,
        peak_memory_mb=_peak_memory_mb(device),
        device=device,
        val_loss_before=val_before,
        val_loss_after=val_after,
        history=history,
    )
    return merged(model).to("cpu"), result
