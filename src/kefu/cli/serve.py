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
    # Before any model is loaded: a server that cannot read this database's encrypted data
    # (another server's master key) must not start and report itself ready.
    from kefu.service.startup import check_database

    check_database(s)
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
    only as a hash, and `kefu users` manages accounts from then on. A secret must not land in
    a log: the password goes to the terminal only when stderr is one; a server run by a
    supervisor (`nohup ... > serve.log`, systemd) writes it to a 0600 file under KEFU_HOME
    instead and logs only that file's path.
    """
    import secrets

    from kefu.cli.first_admin import write_password_file
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
        after = (
            "Add people with `kefu users add NAME --role agent|admin`; `kefu users remove "
            "admin` retires this one."
        )
        if err.is_terminal:
            err.print(
                "[bold]First start: created the staff account 'admin' with password "
                f"[yellow]{password}[/yellow][/bold] (shown once, stored only as a hash). {after}"
            )
            return
        path = write_password_file(s.home, password)
        err.print(
            "First start: created the staff account 'admin'. Its password is in "
            f"{path} (mode 0600; not printed, since this output may be a log file): read it, "
            f"sign in, change it with `kefu users passwd admin`, then delete the file. {after}",
            markup=False,
        )
    finally:
        db.dispose()
