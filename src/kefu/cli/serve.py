"""`kefu serve`: run the HTTP API (chat widget endpoints + OpenAI-compatible) with uvicorn.

Like the rest of the CLI, only typer is imported at module level; fastapi and uvicorn (the
``serve`` extra) are imported when the command runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from kefu.config import Settings


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
    """Serve kefu over HTTP: /api/conversations, /v1/chat/completions, the OpenAPI schema at
    /openapi.json."""
    from kefu.cli.app import _errors

    with _errors():
        _run(host, port, pack)


def _run(host: str, port: int, pack: str | None) -> None:
    from kefu.errors import MissingDependency

    try:
        from kefu.service import server
        from kefu.service.app import create_app
    except ImportError as exc:
        missing = exc.name or "fastapi"
        raise MissingDependency(missing, extra="serve", purpose="kefu serve") from exc
    from kefu.cli.common import console, resolve_pack, settings

    err = console(stderr=True)
    chosen = pack is not None  # --pack: read-only; otherwise a pack only stands in for an empty KB
    pack = resolve_pack(pack, notice=err)
    s = settings()
    _first_admin(s, err)
    if s.emergency_number is None:
        # A clinic in Hong Kong or a shop in Singapore would otherwise tell a customer in an
        # emergency to call 911 or 112: say so where the operator looks on every start.
        err.print(
            "[yellow]No emergency number is set:[/] emergency replies name 911 (US) and 112 "
            "(Europe) in English and 120 in Chinese. Set KEFU_EMERGENCY_NUMBER to the number "
            "where your customers are (e.g. 999)."
        )
    base = f"http://{host}:{port}"
    err.print(
        f"[dim]Loading the models, then serving on {base}[/]\n"
        f"  customer chat  {base}/\n  agent console  {base}/agent\n"
        f"  admin          {base}/admin\n  API schema     {base}/openapi.json"
        + (f" (docs at {base}/docs)" if s.api_docs else "")
    )
    app = create_app(s, pack=pack, pack_is_fallback=pack is not None and not chosen)
    server.run(app, host=host, port=port)  # ends the event streams on SIGTERM


def _first_admin(s: Settings, err: Console) -> None:
    """A server with no staff accounts gets an admin with a random password, shown once.

    Without it nobody could open /agent or /admin on a fresh install; the password is stored
    only as a hash, and `kefu users` manages accounts from then on.
    """
    import secrets

    from kefu.security.users import UserRepository
    from kefu.storage.db import Database

    db = Database(s.resolved_database_url)
    try:
        db.migrate()
        users = UserRepository(db)
        if users.list():
            return
        password = secrets.token_urlsafe(12)
        users.create("admin", "admin", password=password)
        err.print(
            "[bold]First start: created the staff account 'admin' with password "
            f"[yellow]{password}[/yellow][/bold] (shown once, stored only as a hash). Add "
            "people with `kefu users add NAME --role agent|admin`; `kefu users remove admin` "
            "retires this one."
        )
    finally:
        db.dispose()
