"""`kefu train llm`: fine-tune the LLM on your question/answer pairs (or documents) and export it.

Registered on the `kefu train` group by kefu.cli.train. Only typer is imported here; torch and
transformers load when the command runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def train_llm(
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="Folder for the trained model, GGUF files, logs and checkpoints."
        ),
    ],
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            help="Training file or folder (repeatable): CSV/JSONL with question,answer columns; "
            "for --objective clm also Markdown, text, HTML or PDF documents.",
        ),
    ] = None,
    from_kb: Annotated[
        bool,
        typer.Option(
            "--from-kb", help="Train on the FAQ pairs (or documents) in the knowledge base."
        ),
    ] = False,
    pack: Annotated[
        str | None,
        typer.Option("--pack", help="With --from-kb: a built-in demo pack instead of your KB."),
    ] = None,
    method: Annotated[
        str, typer.Option("--method", help="lora (small adapters, merged at the end) or full.")
    ] = "lora",
    objective: Annotated[
        str,
        typer.Option(
            "--objective",
            help="sft: learn answers to questions; clm: continue pre-training on raw text.",
        ),
    ] = "sft",
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            help="Base model: the bundled SmolLM2 (default), a .gguf file or a Hugging Face "
            "folder.",
        ),
    ] = None,
    epochs: Annotated[float, typer.Option(help="Passes over the training split.")] = 3.0,
    max_steps: Annotated[
        int | None,
        typer.Option("--max-steps", help="Stop after this many steps (overrides --epochs)."),
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Sequences per step.")] = 8,
    lr: Annotated[
        float | None,
        typer.Option("--lr", help="Peak learning rate (default 2e-4 LoRA, 5e-5 full)."),
    ] = None,
    max_length: Annotated[
        int, typer.Option("--max-length", help="Tokens per sequence (prompt + answer).")
    ] = 512,
    val_fraction: Annotated[
        float, typer.Option("--val-fraction", help="Share of pairs held out for validation.")
    ] = 0.1,
    lora_r: Annotated[int, typer.Option("--lora-r", help="LoRA rank.")] = 16,
    lora_layers: Annotated[
        int | None,
        typer.Option("--lora-layers", help="Adapt only the top N layers (faster backward pass)."),
    ] = None,
    threads: Annotated[
        int | None,
        typer.Option("--threads", help="CPU threads for torch (1 is fastest on a busy machine)."),
    ] = None,
    system: Annotated[
        str | None,
        typer.Option("--system", help="System prompt to train with (default: the model's own)."),
    ] = None,
    eval_every: Annotated[
        int, typer.Option("--eval-every", help="Steps between validation passes.")
    ] = 50,
    save_every: Annotated[
        int, typer.Option("--save-every", help="Steps between checkpoints.")
    ] = 50,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue from the newest checkpoint in --out.")
    ] = False,
    export: Annotated[
        bool, typer.Option("--export/--no-export", help="Write GGUF files for llama.cpp.")
    ] = True,
    quantize: Annotated[
        str,
        typer.Option(
            "--quantize",
            help="base (the base GGUF's type, Q4_1 for SmolLM2), none, f16, q8_0, q4_1, ...",
        ),
    ] = "base",
    register: Annotated[
        str | None,
        typer.Option(
            "--register", help="Register the served GGUF under this name (see kefu models)."
        ),
    ] = None,
    device: Annotated[
        str, typer.Option("--device", help="auto (CUDA when present), cpu or cuda.")
    ] = "auto",
    seed: Annotated[
        int, typer.Option(help="Seed for the split, the batches and the adapters.")
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Fine-tune the LLM on your own question/answer pairs and export it for llama.cpp."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console, progress_bar, settings

    out_console, err = console(), console(stderr=True)
    with _errors():
        from kefu.cli.outfile import refuse_protected
        from kefu.errors import ConfigError
        from kefu.training.loop import TrainConfig
        from kefu.training.pipeline import RunOptions, run_training

        # Checkpoints and logs go into --out: never into the keys folder or over the database.
        refuse_protected(out, settings())
        if method not in ("lora", "full"):
            raise ConfigError(f"--method must be lora or full, not {method!r}")
        if objective not in ("sft", "clm"):
            raise ConfigError(f"--objective must be sft or clm, not {objective!r}")
        config = TrainConfig(
            method=method,  # type: ignore[arg-type]
            epochs=epochs,
            max_steps=max_steps,
            batch_size=batch_size,
            lr=lr,
            lora_r=lora_r,
            lora_alpha=2 * lora_r,
            lora_layers=lora_layers,
            threads=threads,
            eval_every=eval_every,
            save_every=save_every,
            seed=seed,
            device=device,
        )
        options = RunOptions(
            out=out,
            data=list(data or []),
            from_kb=from_kb,
            pack=pack,
            base=base,
            objective=objective,  # type: ignore[arg-type]
            max_length=max_length,
            val_fraction=val_fraction,
            system=system,
            export=export,
            quantize=quantize,
            resume=resume,
            train=config,
        )
        s = settings()
        with progress_bar(err) as update:
            summary = run_training(options, settings=s, progress=update)
        served = _served_file(summary["files"])
        if register and served:
            from kefu.llm.catalog import register_model

            # A SmolLM2 fine-tune writes English only, like its base.
            languages = ("en",) if base in (None, "bundled") else None
            register_model(s, register, Path(served), languages=languages)
            summary["registered"] = register
        if as_json:
            typer.echo(json.dumps(summary, indent=2))
            return
        _print_summary(out_console, summary, served)


def _served_file(files: dict[str, str]) -> str | None:
    """The GGUF to serve: the quantised one if there is one, else the f16 export."""
    ggufs = {k: v for k, v in files.items() if k != "hf"}
    quantised = [v for k, v in ggufs.items() if k not in ("f16", "f32")]
    return quantised[0] if quantised else ggufs.get("f16")


def _print_summary(out: object, summary: dict[str, object], served: str | None) -> None:
    from rich.console import Console

    assert isinstance(out, Console)

    def fmt(value: object, spec: str) -> str:
        return format(value, spec) if isinstance(value, int | float) else "n/a"

    out.print(
        f"[bold]trained[/] {summary['method']} ({summary['objective']}) on "
        f"{summary['train_items']} items, {summary['steps']} steps on {summary['device']}: "
        f"{fmt(summary['tokens_per_s'], '.0f')} tokens/s, peak memory "
        f"{fmt(summary['peak_memory_mb'], '.0f')} MB"
    )
    if summary.get("val_ppl_before") is not None:
        change = summary.get("val_ppl_change")
        out.print(
            f"validation perplexity ({summary['val_items']} held out): "
            f"{fmt(summary['val_ppl_before'], '.2f')} -> {fmt(summary['val_ppl_after'], '.2f')}"
            + (f" ({fmt(100 * float(change), '+.1f')} %)" if isinstance(change, float) else "")
        )
    files = summary["files"]
    assert isinstance(files, dict)
    for kind, path in files.items():
        out.print(f"  {kind}: {path}", markup=False)
    if served:
        name = summary.get("registered")
        if name:
            out.print(f"registered as [bold]{name}[/]: select it with KEFU_LLM_MODEL={name}")
        else:
            out.print(
                f"serve it with: kefu models add NAME {served}  (then KEFU_LLM_MODEL=NAME)",
                markup=False,
            )
