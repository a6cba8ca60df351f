"""Resumable training state: checkpoints/step-N with the trainable weights, optimiser and RNG.

Only the trainable tensors are stored (LoRA adapters: a few MB; full fine-tuning: the whole
model), written to a temporary folder and renamed, so a crash never leaves a torn checkpoint.
"""

from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.errors import ConfigError

if TYPE_CHECKING:
    from kefu.training.loop import TrainConfig


def _trainable_state(model: Any) -> dict[str, Any]:
    return {n: p.detach().cpu() for n, p in model.named_parameters() if p.requires_grad}


def save_checkpoint(
    folder: Path, model: Any, optimizer: Any, step: int, config: TrainConfig
) -> Path:
    """Write checkpoints/step-N atomically and keep only the newest one."""
    import torch

    root = folder / "checkpoints"
    root.mkdir(parents=True, exist_ok=True)
    final = root / f"step-{step:06d}"
    tmp = root / f".tmp-step-{step:06d}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    state = {
        "step": step,
        "trainable": _trainable_state(model),
        "optimizer": optimizer.state_dict(),
        "config": asdict(config),
        "torch_rng": torch.get_rng_state(),
    }
    torch.save(state, tmp / "state.pt")
    shutil.rmtree(final, ignore_errors=True)
    tmp.rename(final)  # a crash mid-write leaves only the .tmp folder, never a torn checkpoint
    for old in root.glob("step-*"):
        if old != final:
            shutil.rmtree(old, ignore_errors=True)
    return final


def latest_checkpoint(folder: Path) -> Path | None:
    found = sorted((folder / "checkpoints").glob("step-*"))
    return found[-1] if found else None


def load_checkpoint(path: Path, model: Any, optimizer: Any, config: TrainConfig) -> int:
    """Restore weights, optimiser and RNG; the step to continue from."""
    import torch

    state = torch.load(path / "state.pt", map_location="cpu", weights_only=False)
    if state["config"].get("method") != config.method:
        raise ConfigError(
            f"checkpoint {path} was trained with --method {state['config'].get('method')}, "
            f"not {config.method}"
        )
    params = dict(model.named_parameters())
    with torch.no_grad():
        for name, value in state["trainable"].items():
            if name not in params:
                raise ConfigError(f"checkpoint {path} does not fit this model ({name})")
            params[name].copy_(value.to(params[name].device))
    optimizer.load_state_dict(state["optimizer"])
    torch.set_rng_state(state["torch_rng"])
    return int(state["step"])
