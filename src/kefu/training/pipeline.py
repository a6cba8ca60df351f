"""`kefu train llm` end to end: data, base model, training, saving, GGUF export, quantisation.

What lands in the output folder:
    model/               the merged model as a Hugging Face folder (safetensors + tokenizer)
    model-f16.gguf       the unquantised export (greedy output matches model/)
    model-<type>.gguf    quantised to the base's type (Q4_1 for the bundled SmolLM2): serve this
    metrics.json         validation loss/perplexity before and after, throughput, peak memory
    train_log.jsonl      one line per step; checkpoints/ holds the newest resumable state
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from kefu.errors import ConfigError
from kefu.training.data import QAPair
from kefu.training.loop import TrainConfig

if TYPE_CHECKING:
    from kefu.config import Settings

Progress = Callable[[str, int, int], None]
Objective = Literal["sft", "clm"]

FTYPE_NAMES = {0: "f32", 1: "f16", 2: "q4_0", 3: "q4_1", 7: "q8_0", 15: "q4_k_m", 17: "q5_k_m"}


@dataclass
class RunOptions:
    out: Path
    data: list[Path] = field(default_factory=list)
    from_kb: bool = False
    pack: str | None = None  # with from_kb: a built-in demo pack instead of the user's KB
    base: str | None = None  # None: the bundled SmolLM2 GGUF
    objective: Objective = "sft"
    max_length: int = 512
    val_fraction: float = 0.1
    system: str | None = None
    export: bool = True
    quantize: str = "base"  # "base": the base GGUF's type; "none"; or a name in FTYPES
    resume: bool = False
    train: TrainConfig = field(default_factory=TrainConfig)
    # Pairs already split by the caller (a report with its own held-out set): data is unused.
    split: tuple[list[QAPair], list[QAPair]] | None = None


def _entries(options: RunOptions, settings: Settings | None) -> list[Any]:
    from kefu.training.data import load_entries

    entries: list[Any] = []
    if options.data:
        entries.extend(load_entries(options.data))
    if options.from_kb:
        from kefu.config import load_settings
        from kefu.knowledge.base import KnowledgeBase

        kb = KnowledgeBase(settings or load_settings(), pack=options.pack)
        entries.extend(kb.entries())
    if not options.data and not options.from_kb:
        raise ConfigError("give training data with --data FILE or --from-kb")
    return entries


def _check_data(options: RunOptions, entries: list[Any]) -> None:
    """The errors build_examples would raise, before the model is loaded."""
    from kefu.training import data

    if options.objective not in ("sft", "clm"):
        raise ConfigError(f"unknown objective {options.objective!r}; choose sft or clm")
    if (
        options.split is None
        and options.objective == "sft"
        and not data.pairs_from_entries(entries)
    ):
        raise ConfigError(
            "no question/answer pairs found: give a CSV or JSONL file with 'question' "
            "and 'answer' columns (or use --objective clm for raw documents)"
        )


def build_examples(options: RunOptions, tokenizer: Any, entries: list[Any]) -> dict[str, Any]:
    """Train/validation examples for the chosen objective, and counts for the report."""
    from kefu.training import data, encode

    if options.objective == "sft":
        if options.split is not None:
            train_pairs, val_pairs = options.split
        else:
            pairs = data.pairs_from_entries(entries)
            if not pairs:
                raise ConfigError(
                    "no question/answer pairs found: give a CSV or JSONL file with 'question' "
                    "and 'answer' columns (or use --objective clm for raw documents)"
                )
            train_pairs, val_pairs = data.split_pairs(
                pairs, val_fraction=options.val_fraction, seed=options.train.seed
            )
        train, skipped = encode.encode_pairs(
            tokenizer, train_pairs, max_length=options.max_length, system=options.system
        )
        val, skipped_val = encode.encode_pairs(
            tokenizer, val_pairs, max_length=options.max_length, system=options.system
        )
        return {
            "train": train,
            "val": val,
            "n_train_items": len(train_pairs),
            "n_val_items": len(val_pairs),
            "skipped": skipped + skipped_val,
        }
    if options.objective == "clm":
        texts = data.texts_from_entries(entries)
        if not texts:
            raise ConfigError("no text found in the training data")
        train_texts, val_texts = data.split_texts(
            texts, val_fraction=options.val_fraction, seed=options.train.seed
        )
        return {
            "train": encode.encode_documents(tokenizer, train_texts, block_size=options.max_length),
            "val": encode.encode_documents(tokenizer, val_texts, block_size=options.max_length),
            "n_train_items": len(train_texts),
            "n_val_items": len(val_texts),
            "skipped": 0,
        }
    raise ConfigError(f"unknown objective {options.objective!r}; choose sft or clm")


def export_outputs(
    model: Any, out: Path, *, reference_gguf: Path | None, quantize: str
) -> dict[str, str]:
    """model-f16.gguf and, if asked, the quantised file; {kind: path}."""
    from kefu.training.export import FTYPES, export_gguf, gguf_file_type, quantize_gguf

    if reference_gguf is None:
        raise ConfigError(
            "GGUF export needs the base model's GGUF for its tokenizer; this base has none "
            "(train from the bundled model or a .gguf file, or pass --no-export)"
        )
    files: dict[str, str] = {}
    f16 = export_gguf(model, out / "model-f16.gguf", reference_gguf=reference_gguf, dtype="f16")
    files["f16"] = str(f16)
    if quantize == "none":
        return files
    if quantize == "base":
        ftype = gguf_file_type(reference_gguf)
        if ftype is None or ftype in (0, 1):
            return files  # the base is unquantised too: f16 is its speed
    elif quantize in FTYPES:
        ftype = FTYPES[quantize]
    else:
        raise ConfigError(
            f"unknown quantisation {quantize!r}; choose base, none or {sorted(FTYPES)}"
        )
    name = FTYPE_NAMES.get(ftype, f"ftype{ftype}")
    files[name] = str(quantize_gguf(f16, out / f"model-{name}.gguf", ftype=ftype))
    return files


def run_training(
    options: RunOptions, *, settings: Settings | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """Train as `options` say and return the summary also written to metrics.json."""
    from kefu.training.loading import load_base, require_train_extra, resolve_base
    from kefu.training.loop import train

    require_train_extra()
    # 1. Data first: a mistake in the file should fail before minutes of model loading.
    entries = _entries(options, settings) if options.split is None else []
    _check_data(options, entries)
    # 2. The base model and its tokenizer.
    spec = resolve_base(options.base)
    if progress:
        progress("loading the base model", 0, 1)
    model, tokenizer = load_base(spec)
    if progress:
        progress("loading the base model", 1, 1)
    # 3. Examples, split and tokenised.
    sets = build_examples(options, tokenizer, entries)
    # 4. Training (resumable), then the merged model saved as a Hugging Face folder.
    model, result = train(
        model,
        sets["train"],
        sets["val"],
        options.train,
        out_dir=options.out,
        pad_id=int(tokenizer.pad_token_id),
        resume=options.resume,
        progress=progress,
    )
    model_dir = options.out / "model"
    model.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)
    if spec.gguf is not None:
        (model_dir / "kefu_base_gguf.txt").write_text(str(spec.gguf), encoding="utf-8")
    # 5. GGUF for llama.cpp.
    files: dict[str, str] = {"hf": str(model_dir)}
    if options.export:
        if progress:
            progress("exporting to GGUF", 0, 1)
        files.update(
            export_outputs(model, options.out, reference_gguf=spec.gguf, quantize=options.quantize)
        )
        if progress:
            progress("exporting to GGUF", 1, 1)
    summary = {
        "base": spec.name,
        "objective": options.objective,
        "method": options.train.method,
        "train_items": sets["n_train_items"],
        "val_items": sets["n_val_items"],
        "train_examples": len(sets["train"]),
        "val_examples": len(sets["val"]),
        "skipped": sets["skipped"],
        "files": files,
        **result.to_dict(),
    }
    summary.pop("history", None)
    before, after = summary.get("val_ppl_before"), summary.get("val_ppl_after")
    if before and after and math.isfinite(before):
        summary["val_ppl_change"] = after / before - 1.0
    (options.out / "metrics.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary
