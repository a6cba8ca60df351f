"""`kefu models`: the backends, and the model kefu is configured to use."""

from __future__ import annotations

import json

import typer


def show_models(*, as_json: bool) -> None:
    from rich.table import Table

    from kefu.cli.common import console, settings
    from kefu.llm.registry import available_backends, create_chat_model

    s = settings()
    backends = available_backends()
    model = create_chat_model(s)
    info = model.info
    languages = list(s.llm_languages or info.languages)
    active = {
        "backend": info.backend,
        "name": info.name,
        "path": info.path,
        "size_bytes": info.size_bytes,
        "languages": languages,
        "embedder": s.embedder,
    }
    if as_json:
        typer.echo(
            json.dumps({"active": active, "backends": backends}, ensure_ascii=False, indent=2)
        )
        return
    out = console()
    table = Table("backend", "installed", "description")
    for b in backends:
        mark = "✓" if b.get("installed") else "✗"
        table.add_row(str(b["name"]), mark, str(b.get("description", "")))
    out.print(table)
    size = f"{info.size_bytes / 1e6:.0f} MB" if info.size_bytes else "n/a"
    out.print(
        f"[bold]active:[/] {info.backend} · {info.name} · {size} · writes "
        f"{', '.join(languages)} · embeddings: {s.embedder}"
    )
    if info.path:
        out.print(f"[dim]{info.path}[/]", markup=True)
