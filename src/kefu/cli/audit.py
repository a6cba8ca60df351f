"""`kefu audit ...`: read and verify the audit log; also the helpers other admin commands use.

Every privileged command run from the terminal is recorded with the actor ``cli:<OS user>``
and the role ``admin``: whoever can run kefu on the server can read its database anyway.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from kefu.storage.db import Database

app = typer.Typer(help="Read and verify the append-only audit log.", no_args_is_help=True)

CLI_ROLE = "admin"


def cli_actor() -> str:
    import getpass

    try:
        return f"cli:{getpass.getuser()}"[:128]
    except Exception:  # no user name (a container without /etc/passwd entry)
        import os

        return f"cli:uid{os.getuid()}" if hasattr(os, "getuid") else "cli:unknown"


def open_db() -> Database:
    from kefu.cli.common import settings
    from kefu.security.crypto import open_database

    db = open_database(settings())
    db.migrate()
    return db


def record(
    db: Database, action: str, target: str | None = None, detail: dict[str, Any] | None = None
) -> None:
    from kefu.security.audit import AuditLog

    AuditLog(db).record(cli_actor(), CLI_ROLE, action, target, detail)


@app.command("list")
def list_(
    limit: Annotated[int, typer.Option(min=0, help="How many entries, newest first.")] = 50,
    actor: Annotated[str | None, typer.Option(help="Only this actor's entries.")] = None,
    action: Annotated[str | None, typer.Option(help="Only this action (e.g. users.add).")] = None,
    target: Annotated[str | None, typer.Option(help="Only entries about this target.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show audit entries, newest first."""
    from rich.table import Table

    from kefu.cli.app import _errors
    from kefu.cli.common import console
    from kefu.security.audit import AuditLog

    with _errors():
        rows = AuditLog(open_db()).list(limit=limit, actor=actor, action=action, target=target)
        if as_json:
            data = [
                {
                    "id": r.id,
                    "at": r.at.isoformat(),
                    "actor": r.actor,
                    "role": r.role,
                    "action": r.action,
                    "target": r.target,
                    "detail": r.detail,
                    "ip": r.ip,
                    "hash": r.hash,
                }
                for r in rows
            ]
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        table = Table("id", "at (UTC)", "actor", "role", "action", "target", "detail")
        for r in rows:
            table.add_row(
                str(r.id),
                r.at.strftime("%Y-%m-%d %H:%M:%S"),
                r.actor,
                r.role,
                r.action,
                r.target or "",
                json.dumps(r.detail, ensure_ascii=False) if r.detail else "",
            )
        console().print(table)


@app.command("verify")
def verify() -> None:
    """Check the hash chain; exit 1 if any entry was edited, deleted or reordered."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console
    from kefu.security.audit import AuditLog

    out = console()
    with _errors():
        check = AuditLog(open_db()).check()
        if check.ok:
            out.print(f"[green]intact[/]: {check.count} entries; head {check.head}")
            out.print(
                "[dim]Keep the head somewhere else: a chain cut short after it would fail "
                "to match it.[/]"
            )
            return
        console(stderr=True).print(
            f"[bold red]TAMPERED[/]: entry {check.first_bad_id} does not match the chain "
            f"({check.count} entries before it are intact)"
        )
        raise typer.Exit(1)
