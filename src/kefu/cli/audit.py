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
        table = Table("id", "at (UTC)", "actor", "role")
        table.columns[0].no_wrap = True
        # The action is what an auditor scans for: never cut it ("privacy.er…" in 80 columns);
        # the target and detail fold onto more lines instead of losing characters.
        table.add_column(
            "action", no_wrap=True, min_width=max((len(r.action) for r in rows), default=6)
        )
        table.add_column("target", overflow="fold")
        table.add_column("detail", overflow="fold")
        for r in rows:
            table.add_row(
                str(r.id),
                r.at.strftime("%Y-%m-%d %H:%M:%S"),
                r.actor,
                r.role,
                r.action,
                r.target or "",
                _detail(r.detail),
            )
        console().print(table)


def _detail(detail: dict[str, Any]) -> str:
    """``key=value`` pairs: a narrow terminal wraps them between pairs, not inside a word."""
    return " ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in detail.items())


def _check_head(value: str | None) -> str | None:
    import re

    if value is not None and not re.fullmatch(r"[0-9a-f]{64}", value.strip().lower()):
        raise typer.BadParameter(
            "a head is the 64 hex digits `kefu audit head` printed", param_hint="--expect-head"
        )
    return value.strip().lower() if value is not None else None


@app.command("head")
def head(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """Print the chain's head hash and entry count, to store where the database's admins
    cannot write (a ticket, another server); `kefu audit verify --expect-head` checks the log
    still reaches it, which catches entries cut off the end."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console
    from kefu.security.audit import AuditLog

    with _errors():
        check = AuditLog(open_db()).check()
        if not check.ok:
            # A head of a broken chain is worth nothing as a reference point.
            console(stderr=True).print(
                f"[bold red]TAMPERED[/]: entry {check.first_bad_id} does not match the chain; "
                "no head printed (kefu audit verify)"
            )
            raise typer.Exit(1)
        if as_json:
            typer.echo(json.dumps({"head": check.head, "count": check.count}))
            return
        typer.echo(f"head: {check.head}")
        typer.echo(f"entries: {check.count}")


@app.command("verify")
def verify(
    expect_head: Annotated[
        str | None,
        typer.Option(
            "--expect-head",
            help="A head recorded earlier (kefu audit head): exit 1 unless the log still "
            "reaches it, i.e. no entry was cut off the end.",
        ),
    ] = None,
    expect_count: Annotated[
        int | None,
        typer.Option(
            "--expect-count",
            min=0,
            help="The entry count recorded with the head: exit 1 if the log has fewer.",
        ),
    ] = None,
) -> None:
    """Check the hash chain; exit 1 if any entry was edited, deleted or reordered (and, with
    --expect-head or --expect-count, if entries were cut off the end)."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console
    from kefu.security.audit import AuditLog

    out, err = console(), console(stderr=True)
    wanted = _check_head(expect_head)
    with _errors():
        check = AuditLog(open_db()).check(expect_head=wanted)
        if not check.ok:
            err.print(
                f"[bold red]TAMPERED[/]: entry {check.first_bad_id} does not match the chain "
                f"({check.count} entries before it are intact)"
            )
            raise typer.Exit(1)
        problems: list[tuple[str, str]] = []
        if expect_count is not None and check.count < expect_count:
            problems.append(
                (
                    "TRUNCATED",
                    f"the log has {check.count} entries, fewer than the {expect_count} expected: "
                    f"{expect_count - check.count} were removed from the end",
                )
            )
        if wanted is not None and check.expected_at is None:
            problems.append(
                (
                    "TRUNCATED",
                    f"the log no longer reaches the head {wanted}: entries after it were removed "
                    f"from the end (or the head is from another database); it now ends at "
                    f"entry {check.count}, head {check.head}",
                )
            )
        elif (
            wanted is not None
            and expect_count is not None
            and check.expected_at is not None
            and check.expected_at != expect_count
        ):
            problems.append(
                (
                    "MISMATCH",
                    f"the head {wanted} was the head at {check.expected_at} entries, not at "
                    f"{expect_count}: the head and count were not recorded together",
                )
            )
        if problems:
            for label, problem in problems:
                err.print(f"[bold red]{label}[/]: {problem}")
            raise typer.Exit(1)
        out.print(f"[green]intact[/]: {check.count} entries; head {check.head}")
        if wanted is not None or expect_count is not None:
            out.print("[green]the log still reaches the recorded head[/]")
        else:
            out.print(
                "[dim]Keep the head elsewhere (kefu audit head) and pass it as --expect-head: "
                "only that catches entries cut off the end.[/]"
            )
