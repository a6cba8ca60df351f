"""`kefu users ...`: agents and admins, their passwords and API keys (all audited)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

app = typer.Typer(help="Manage agent and admin accounts and their API keys.", no_args_is_help=True)


def _read_password(from_stdin: bool, *, adding: bool = False) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not _stdin_is_terminal():
        # getpass would warn that the password may be echoed, then read the pipe or give up
        # ("Aborted!"); a script should say --password-stdin instead.
        from kefu.errors import KefuError

        raise KefuError(
            "standard input is not a terminal, so the password cannot be asked for: "
            "pipe it in with --password-stdin"
            + (" (or add the user with --no-password)" if adding else "")
        )
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="User name (letters, digits, _.@-).")],
    role: Annotated[str, typer.Option(help="agent or admin.")] = "agent",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    no_password: Annotated[
        bool, typer.Option("--no-password", help="No password: the user signs in with API keys.")
    ] = False,
) -> None:
    """Add a user; the password is asked for (hidden) unless --password-stdin or --no-password."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console
    from kefu.security.users import UserRepository

    with _errors():
        if role not in ("agent", "admin"):
            raise typer.BadParameter("role must be agent or admin", param_hint="--role")
        if no_password and password_stdin:
            raise typer.BadParameter(
                "--no-password and --password-stdin contradict each other: give one",
                param_hint="--no-password",
            )
        password = None if no_password else _read_password(password_stdin, adding=True)
        try:
            db = open_db()
            user = UserRepository(db).create(name, role, password)
        except ValueError as exc:
            console(stderr=True).print(f"error: {exc}", style="bold red", markup=False)
            raise typer.Exit(1) from exc
        record(db, "users.add", name, {"role": role, "password": password is not None})
        console().print(f"added {user.role} [bold]{user.name}[/]")


@app.command("list")
def list_(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """List users and their live API keys."""
    from rich.table import Table

    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db
    from kefu.cli.common import console
    from kefu.security.users import UserRepository

    with _errors():
        repo = UserRepository(open_db())
        users = repo.list()
        keys: dict[str, list[str]] = {}
        for k in repo.api_keys():
            if k.revoked_at is None:
                keys.setdefault(k.user, []).append(f"{k.id}:{k.prefix}…")
        if as_json:
            data = [
                {
                    "name": u.name,
                    "role": u.role,
                    "disabled": u.disabled,
                    "created_at": u.created_at.isoformat(),
                    "api_keys": keys.get(u.name, []),
                }
                for u in users
            ]
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        table = Table("name", "role", "status", "created (UTC)", "API keys (id:prefix)")
        for u in users:
            table.add_row(
                u.name,
                u.role,
                "disabled" if u.disabled else "active",
                u.created_at.strftime("%Y-%m-%d %H:%M"),
                ", ".join(keys.get(u.name, [])),
            )
        console().print(table)


@app.command("remove")
def remove(name: Annotated[str, typer.Argument(help="The user to disable.")]) -> None:
    """Disable a user and revoke its API keys (the name stays reserved for the audit trail);
    the conversations they hold go back to the agents' queue."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console
    from kefu.security.users import UserRepository

    with _errors():
        db = open_db()
        released = UserRepository(db).remove(name)
        record(db, "users.remove", name, {"conversations_requeued": released})
        console().print(f"disabled [bold]{name}[/] and revoked its API keys")
        if released:
            console().print(f"{released} conversation(s) they held are back in the queue")


@app.command("passwd")
def passwd(
    name: Annotated[str, typer.Argument(help="The user whose password to set.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    revoke_keys: Annotated[
        bool,
        typer.Option("--revoke-keys", help="Also revoke the user's API keys (e.g. after a leak)."),
    ] = False,
) -> None:
    """Set a new password (asked for twice, hidden, or --password-stdin; never an argument,
    which would land in shell history and `ps`). Ends every session signed in before."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console
    from kefu.errors import StorageError
    from kefu.security.users import UserRepository

    with _errors():
        db = open_db()
        repo = UserRepository(db)
        # A mistyped or removed name fails before the password is asked for.
        if repo.get(name).disabled:
            raise StorageError(f"the user {name!r} is disabled: `kefu users enable {name}` first")
        password = _read_password(password_stdin)
        try:
            revoked = repo.set_password(name, password, revoke_keys=revoke_keys)
        except ValueError as exc:
            console(stderr=True).print(f"error: {exc}", style="bold red", markup=False)
            raise typer.Exit(1) from exc
        record(db, "users.passwd", name, {"api_keys_revoked": revoked})
        console().print(f"password of [bold]{name}[/] changed; their earlier sessions are ended")
        if revoke_keys:
            console().print(f"{revoked} API key(s) revoked")


@app.command("role")
def role(
    name: Annotated[str, typer.Argument(help="The user whose role to change.")],
    new_role: Annotated[str, typer.Option("--role", help="agent or admin.")],
) -> None:
    """Promote an agent to admin or demote an admin (never the last enabled one)."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console
    from kefu.security.users import UserRepository

    with _errors():
        if new_role not in ("agent", "admin"):
            raise typer.BadParameter("role must be agent or admin", param_hint="--role")
        db = open_db()
        old = UserRepository(db).set_role(name, new_role)
        if old == new_role:
            console().print(f"[bold]{name}[/] is already {new_role}; nothing changed")
            return
        record(db, "users.role", name, {"from": old, "to": new_role})
        console().print(f"[bold]{name}[/] is now {new_role} (was {old})")


@app.command("enable")
def enable(name: Annotated[str, typer.Argument(help="The removed user to bring back.")]) -> None:
    """Re-enable a removed user. It comes back without a password or API keys: give it one
    with `kefu users passwd` or `kefu users key`."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console
    from kefu.security.users import UserRepository

    with _errors():
        db = open_db()
        UserRepository(db).enable(name)
        record(db, "users.enable", name)
        console().print(
            f"enabled [bold]{name}[/]; set a password with `kefu users passwd {name}` "
            f"or make an API key with `kefu users key {name}`"
        )


@app.command("key")
def key(
    name: Annotated[str, typer.Argument(help="The user the key signs in as.")],
    label: Annotated[str, typer.Option(help="What the key is for.")] = "",
) -> None:
    """Make an API key for a user and print it once (only its hash is kept)."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console
    from kefu.security.users import UserRepository

    with _errors():
        db = open_db()
        value = UserRepository(db).create_api_key(name, label)
        record(db, "users.key", name, {"prefix": value[:13], "label": label})
        console(stderr=True).print(
            f"[dim]New API key for {name}; it is shown only now, store it safely:[/]"
        )
        typer.echo(value)


@app.command("revoke")
def revoke(
    key_ref: Annotated[
        str, typer.Argument(help="Key id, or its first characters (kefu_xxxxxxxx).")
    ],
) -> None:
    """Revoke one API key."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console
    from kefu.security.users import UserRepository

    with _errors():
        db = open_db()
        try:
            UserRepository(db).revoke_api_key(key_ref)
        except ValueError as exc:
            console(stderr=True).print(f"error: {exc}", style="bold red", markup=False)
            raise typer.Exit(1) from exc
        record(db, "users.revoke_key", None, {"key": key_ref[:13]})
        console().print(f"revoked {key_ref[:13]}")
