"""`kefu models`: the backends, the models on offer (size, speed, memory), and the active one.

`kefu models` alone lists; `add`/`remove` manage the registry of local GGUF files (a fine-tuned
model from `kefu train llm`, or any GGUF); `bench` measures decode speed and memory on this
machine and caches the figures that the list shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help="List the language models (size, speed on this machine, memory) and manage local ones.",
    invoke_without_command=True,
)


@app.callback()
def _list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List the backends, the local models with their measured speed, and the active model."""
    if ctx.invoked_subcommand is not None:
        return
    from kefu.cli.app import _errors

    with _errors():
        show_models(as_json=as_json)


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Name to select it by (llm_model = NAME).")],
    path: Annotated[Path, typer.Argument(help="The GGUF file.")],
    languages: Annotated[
        str | None,
        typer.Option(
            "--languages", help="Comma-separated languages it writes well, e.g. en or en,zh."
        ),
    ] = None,
) -> None:
    """Register a GGUF file under NAME; select it with KEFU_LLM_MODEL=NAME (or llm_model)."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console, settings
    from kefu.llm.catalog import register_model

    with _errors():
        langs = tuple(x.strip() for x in languages.split(",") if x.strip()) if languages else None
        stored = register_model(settings(), name, path, languages=langs)
        console().print(f"added [bold]{name}[/] -> {stored}")
        console().print(
            f'select it with: KEFU_LLM_MODEL={name}  (or llm_model = "{name}" in config.toml)',
            markup=False,
        )


@app.command("remove")
def remove(name: Annotated[str, typer.Argument(help="A name given to `kefu models add`.")]) -> None:
    """Forget a registered model (the file itself is left alone)."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console, settings
    from kefu.llm.catalog import unregister_model

    with _errors():
        unregister_model(settings(), name)
        console().print(f"removed {name}")


@app.command("bench")
def bench(
    names: Annotated[
        list[str] | None, typer.Argument(help="Models to measure (default: all available).")
    ] = None,
    tokens: Annotated[int, typer.Option("--tokens", help="Tokens to decode per model.")] = 64,
) -> None:
    """Measure each model's decode speed (tokens/s) and memory here; `kefu models` shows them."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console, progress_bar, settings
    from kefu.errors import NotFoundError
    from kefu.llm.catalog import available_models, bench_model

    out, err = console(), console(stderr=True)
    with _errors():
        s = settings()
        models = available_models(s)
        chosen = names or list(models)
        unknown = [n for n in chosen if n not in models]
        if unknown:
            raise NotFoundError(f"unknown model(s): {', '.join(unknown)}; see kefu models")
        with progress_bar(err) as update:
            for i, name in enumerate(chosen):
                update("measuring", i, len(chosen))
                m = bench_model(s, models[name], n_tokens=tokens)
                out.print(f"{name}: {m.tokens_per_s:.1f} tokens/s, {m.memory_mb:.0f} MB")
            update("measuring", len(chosen), len(chosen))


def _model_rows(s: Any, active_path: str | None) -> list[dict[str, Any]]:
    from kefu.llm.catalog import available_models, cached_measurement

    rows: list[dict[str, Any]] = []
    for name, path in available_models(s).items():
        try:
            size: int | None = path.stat().st_size
        except OSError:
            size = None
        m = cached_measurement(s, path) if size is not None else None
        rows.append(
            {
                "name": name,
                "path": str(path),
                "size_bytes": size,
                "tokens_per_s": round(m.tokens_per_s, 1) if m else None,
                "memory_mb": round(m.memory_mb) if m else None,
                "active": active_path is not None and str(path) == str(active_path),
            }
        )
    return rows


def show_models(*, as_json: bool) -> None:
    from rich.table import Table

    from kefu.cli.common import console, settings
    from kefu.llm.registry import available_backends, create_chat_model

    s = settings()
    backends = available_backends()
    model = create_chat_model(s)
    from kefu.retrieval.embedders import resolve_embedder_name

    info = model.info
    languages = list(s.llm_languages or info.languages)
    active = {
        "backend": info.backend,
        "name": info.name,
        "path": info.path,
        "size_bytes": info.size_bytes,
        "languages": languages,
        "embedder": resolve_embedder_name(s.embedder),
    }
    rows = _model_rows(s, info.path if info.backend == "llamacpp" else None)
    if as_json:
        typer.echo(
            json.dumps(
                {"active": active, "backends": backends, "models": rows},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    out = console()
    table = Table("backend", "installed", "description")
    for b in backends:
        mark = "✓" if b.get("installed") else "✗"
        table.add_row(str(b["name"]), mark, str(b.get("description", "")))
    out.print(table)
    if rows:
        local = Table("model", "size", "tokens/s", "memory", "path", title="local GGUF models")
        for r in rows:
            size = f"{r['size_bytes'] / 1e6:.0f} MB" if r["size_bytes"] else "missing"
            speed = f"{r['tokens_per_s']:.0f}" if r["tokens_per_s"] is not None else "-"
            memory = f"{r['memory_mb']} MB" if r["memory_mb"] is not None else "-"
            name = f"{r['name']} *" if r["active"] else r["name"]
            local.add_row(name, size, speed, memory, r["path"])
        out.print(local)
        if any(r["tokens_per_s"] is None for r in rows):
            out.print("[dim]- : not measured yet; run kefu models bench[/]")
    size = f"{info.size_bytes / 1e6:.0f} MB" if info.size_bytes else "n/a"
    out.print(
        f"[bold]active:[/] {info.backend} · {info.name} · {size} · writes "
        f"{', '.join(languages)} · embeddings: {active['embedder']}"
    )
    if info.path:
        out.print(f"[dim]{info.path}[/]", markup=True)
