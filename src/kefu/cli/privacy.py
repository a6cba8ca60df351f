"""`kefu privacy ...`: export or erase one customer's data, purge data past retention."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Data-subject duties: export, erasure (with crypto-shredding) and retention.",
    no_args_is_help=True,
)


@app.command("export")
def export(
    customer_id: Annotated[str, typer.Argument(help="The customer id conversations carry.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the JSON here (mode 0600), not stdout.")
    ] = None,
) -> None:
    """Everything kefu holds about one customer, decrypted, as JSON."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import CLI_ROLE, cli_actor, open_db
    from kefu.cli.common import console
    from kefu.security.privacy import Privacy

    with _errors():
        data = Privacy(open_db()).export_customer(customer_id, actor=cli_actor(), role=CLI_ROLE)
        if _write(data, out):
            console().print(f"wrote {out} ({len(data['conversations'])} conversations)")


def _write(data: dict[str, object], out: Path | None) -> bool:
    """Print ``data`` as JSON, or write it to ``out`` (then True)."""
    import os

    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out is None:
        typer.echo(text)
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    # The export is personal data in the clear: readable by the owner of the file only.
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text + "\n")
    return True


@app.command("erase")
def erase(
    customer_id: Annotated[str, typer.Argument(help="The customer to erase.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a customer's conversations, messages, feedback and details; shred their key."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import CLI_ROLE, cli_actor, open_db
    from kefu.cli.common import console
    from kefu.security.privacy import Privacy

    with _errors():
        if not yes and not typer.confirm(
            f"Erase everything about {customer_id!r}? This cannot be undone", default=False
        ):
            raise typer.Exit(1)
        s = Privacy(open_db()).erase_customer(
            customer_id, actor=cli_actor(), role=CLI_ROLE, must_exist=True
        )
        console().print(
            f"erased {customer_id}: {s.conversations} conversations, {s.messages} messages, "
            f"{s.feedback} feedback, details {'deleted' if s.customer_record else 'none held'}, "
            f"{s.data_keys} data keys shredded"
        )


@app.command("export-conversation")
def export_conversation(
    conversation_id: Annotated[str, typer.Argument(help="The conversation to export.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the JSON here (mode 0600), not stdout.")
    ] = None,
) -> None:
    """One conversation, decrypted, as JSON: for a web-chat guest without a customer id."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import CLI_ROLE, cli_actor, open_db
    from kefu.cli.common import console
    from kefu.security.privacy import Privacy

    with _errors():
        data = Privacy(open_db()).export_conversation(
            conversation_id, actor=cli_actor(), role=CLI_ROLE
        )
        if _write(data, out):
            n = len(data["conversation"]["messages"])
            console().print(f"wrote {out} ({n} messages)")


@app.command("erase-conversation")
def erase_conversation(
    conversation_id: Annotated[str, typer.Argument(help="The conversation to delete.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete one conversation (and its key, when it belongs to no customer)."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import CLI_ROLE, cli_actor, open_db
    from kefu.cli.common import console
    from kefu.security.privacy import Privacy

    with _errors():
        if not yes and not typer.confirm(
            f"Delete conversation {conversation_id!r}?", default=False
        ):
            raise typer.Exit(1)
        done = Privacy(open_db()).erase_conversation(
            conversation_id, actor=cli_actor(), role=CLI_ROLE
        )
        console().print(
            f"deleted {conversation_id}: {done['messages']} messages, {done['feedback']} "
            f"feedback, {done['data_keys']} data keys shredded"
        )


@app.command("purge")
def purge(
    older_than: Annotated[
        float | None,
        typer.Option(
            "--older-than", min=0.001, help="Days without activity; default: retention_days."
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only count what would go.")] = False,
) -> None:
    """Delete conversations idle longer than the retention period, and shred their keys."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import CLI_ROLE, cli_actor, open_db
    from kefu.cli.common import console, progress_bar, settings
    from kefu.errors import ConfigError
    from kefu.security.privacy import Privacy

    with _errors():
        days = older_than if older_than is not None else settings().retention_days
        if days is None:
            raise ConfigError(
                "no retention period: pass --older-than DAYS or set KEFU_RETENTION_DAYS"
            )
        privacy = Privacy(open_db())  # before the bar: a bad home is one line, not a bar
        with progress_bar(console(stderr=True)) as update:
            s = privacy.purge(
                days, dry_run=dry_run, actor=cli_actor(), role=CLI_ROLE, progress=update
            )
        verb = "would purge" if dry_run else "purged"
        console().print(
            f"{verb} (idle since before {s.cutoff:%Y-%m-%d %H:%M} UTC): {s.conversations} "
            f"conversations, {s.messages} messages, {s.feedback} feedback, {s.customers} "
            f"customer records, {s.data_keys} data keys"
        )
