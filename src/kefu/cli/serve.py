"""`kefu serve`: run the HTTP API (chat widget endpoints + OpenAI-compatible) with uvicorn.

Like the rest of the CLI, only typer is imported at module level; fastapi and uvicorn (the
``serve`` extra) are imported when the command runs.
"""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (0.0.0.0 exposes it).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    pack: Annotated[
        str | None,
        typer.Option(
            "--pack",
            help="Answer from a built-in demo pack (ecommerce, finance, healthcare, demo = all) "
            "instead of your knowledge base.",
        ),
    ] = None,
) -> None:
    """Serve kefu over HTTP: /api/conversations, /v1/chat/completions, docs at /docs."""
    from kefu.cli.app import _errors

    with _errors():
        _run(host, port, pack)


def _run(host: str, port: int, pack: str | None) -> None:
    from kefu.errors import MissingDependency

    try:
        import uvicorn

        from kefu.service.app import create_app
    except ImportError as exc:
        missing = exc.name or "fastapi"
        raise MissingDependency(missing, extra="serve", purpose="kefu serve") from exc
    from kefu.cli.common import console, resolve_pack, settings

    err = console(stderr=True)
    pack = resolve_pack(pack, notice=err)
    err.print(f"[dim]Loading the models, then serving on http://{host}:{port} (docs: /docs)[/]")
    uvicorn.run(create_app(settings(), pack=pack), host=host, port=port, log_level="info")
