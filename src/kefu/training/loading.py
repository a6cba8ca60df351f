"""Load the model to train: the bundled SmolLM2 GGUF dequantised, any GGUF, or a HF folder.

transformers reads a llama GGUF (Q4_1 included) with the `gguf` package, dequantises it to
float32 and undoes llama.cpp's q/k row permutation, which gives back the original Hugging Face
weights up to quantisation error. The tokenizer and chat template come from the same file.
"""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kefu.errors import ConfigError, MissingDependency

TRAIN_PACKAGES = ("torch", "transformers", "peft", "gguf")


def require_train_extra() -> None:
    """MissingDependency with the pip line unless the `train` extra is installed."""
    for module in TRAIN_PACKAGES:
        if importlib.util.find_spec(module) is None:
            raise MissingDependency(module, extra="train", purpose="training the LLM")


@dataclass(frozen=True)
class BaseSpec:
    """Where the base model comes from. `gguf` is also the metadata source for export."""

    name: str
    hf_dir: Path | None = None
    gguf: Path | None = None


def resolve_base(base: str | None) -> BaseSpec:
    """`None`/"bundled": the bundled GGUF; a .gguf file; or a Hugging Face model folder."""
    if base is None or base == "bundled":
        from kefu.llm.bundled import bundled_gguf_path

        path = bundled_gguf_path()
        return BaseSpec(name=path.stem, gguf=path)
    path = Path(base).expanduser()
    if path.is_file() and path.suffix.lower() == ".gguf":
        return BaseSpec(name=path.stem, gguf=path)
    if path.is_dir() and (path / "config.json").is_file():
        # A folder kefu trained earlier remembers the GGUF it came from (for export).
        origin = path / "kefu_base_gguf.txt"
        gguf = Path(origin.read_text(encoding="utf-8").strip()) if origin.is_file() else None
        return BaseSpec(name=path.name, hf_dir=path, gguf=gguf)
    raise ConfigError(
        f"base model {base!r} is neither 'bundled', a .gguf file nor a Hugging Face folder "
        "with a config.json"
    )


def pick_device(requested: str = "auto") -> str:
    """'cuda' when asked for or available, else 'cpu'."""
    import torch

    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise ConfigError("--device cuda was asked for, but torch sees no CUDA GPU")
    return requested


@contextlib.contextmanager
def _no_dequantise_bar() -> Iterator[None]:
    """transformers' GGUF reader draws a raw tqdm bar that ignores its own logging switches;
    under kefu's Rich progress bar that is a second, garbled bar."""
    try:
        from transformers import modeling_gguf_pytorch_utils as gguf_utils
    except ImportError:  # another transformers layout: leave its bar alone
        yield
        return
    original = getattr(gguf_utils, "tqdm", None)
    gguf_utils.tqdm = lambda iterable, *args, **kwargs: iterable
    try:
        yield
    finally:
        if original is not None:
            gguf_utils.tqdm = original


def load_base(spec: BaseSpec, *, dtype: str = "float32") -> tuple[Any, Any]:
    """(model, tokenizer) in `dtype`, on the CPU, in eval mode."""
    require_train_extra()
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    # transformers draws its own tqdm bar while dequantising; kefu shows its own progress.
    hf_logging.disable_progress_bar()
    torch_dtype = getattr(torch, dtype)
    if spec.hf_dir is not None:
        tokenizer = AutoTokenizer.from_pretrained(spec.hf_dir)
        model = AutoModelForCausalLM.from_pretrained(spec.hf_dir, dtype=torch_dtype)
    else:
        assert spec.gguf is not None
        folder, name = str(spec.gguf.parent), spec.gguf.name
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
        with _no_dequantise_bar():
            model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch_dtype)
        # The weights are plain tensors now; a saved copy must not claim to be a GGUF.
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        model.hf_quantizer = None  # type: ignore[assignment]
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    model.eval()
    return model, tokenizer
