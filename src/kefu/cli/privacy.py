"""`kefu privacy ...`: export or erase one customer's data, purge data past retention."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="Write the JSON to this file (mode 0600), or into this folder, not stdout.",
    ),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Replace the --out file if it exists already.")
]

app = typer.Typer(
    help="Data-subject duties: export, erasure (with crypto-shredding) and retention.",
    no_args_is_help=True,
)


@app.command("export")
def export(
    customer_id: Annotated[str, typer.Argument(help="The customer id conversations carry.")],
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """Everything kefu holds about one customer, decrypted, as JSON."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import CLI_ROLE, cli_actor, open_db
    from kefu.cli.common import console
    from kefu.security.privacy import Privacy

    with _errors():
        _check_id(customer_id, "customer id")
        # The target is checked before the export: a refused --out leaves no audit entry
        # for an export that never reached a file.
        target = _target(out, force, f"kefu-export-{customer_id}.json")
        data = Privacy(open_db()).export_customer(customer_id, actor=cli_actor(), role=CLI_ROLE)
        if _write(data, target):
            console().print(f"wrote {target} ({len(data['conversations'])} conversations)")


def _check_id(value: str, what: str) -> None:
    """A clear error for an empty or blank id typed on the command line (``kefu ... ""``)."""
    from kefu.errors import ConfigError

    if not value.strip():
        raise ConfigError(f"the {what} is empty; give the {what} to act on")
    if len(value) > 64 and what == "customer id":
        raise ConfigError(f"the {what} is longer than 64 characters, so none matches it")


def _target(out: Path | None, force: bool, default_name: str) -> Path | None:
    from kefu.cli.common import settings
    from kefu.cli.outfile import export_target, safe_file_name

    if out is None:
        return None
    name = safe_file_name(default_name.removesuffix(".json")) + ".json"
    return export_target(out, settings(), force=force, default_name=name)


def _write(data: dict[str, object], out: Path | None) -> bool:
    """Print ``data`` as JSON, or write it to ``out`` (then True)."""
    from kefu.cli.outfile import write_private

    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out is None:
        typer.echo(text)
        return False
    # The export is personal data in the clear: readable by the owner of the file only.
    write_private(out, text + "\n")
    return True


@app.command("erase")
def erase(
    customer_id: Annotated[str, typer.Argument(help="The customer to erase.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a customer's conversations, messages, feedback and details; shred their key.

    Erasing a customer erased before succeeds again ("already erased"), as the HTTP DELETE
    does, so a scripted erasure request can be repeated; an id kefu never held is an error
    (most likely a typo)."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import CLI_ROLE, cli_actor, open_db
    from kefu.cli.common import console
    from kefu.errors import NotFoundError
    from kefu.security.audit import AuditLog
    from kefu.security.privacy import Privacy

    with _errors():
        _check_id(customer_id, "customer id")
        if not yes and not typer.confirm(
            f"Erase everything about {customer_id!r}? This cannot be undone", default=False
        ):
            raise typer.Exit(1)
        db = open_db()
        privacy = Privacy(db)
        try:
            s = privacy.erase_customer(
                customer_id, actor=cli_actor(), role=CLI_ROLE, must_exist=True
            )
        except NotFoundError:
            # Nothing held: fine if an earlier erasure is why (the audit log says so).
            earlier = AuditLog(db).list(limit=1, action="privacy.erase", target=customer_id)
            if not earlier:
                raise
            # Recorded like a repeated HTTP DELETE: the request was handled, nothing deleted.
            privacy.erase_customer(customer_id, actor=cli_actor(), role=CLI_ROLE)
            console().print(
                f"{customer_id} already erased on {earlier[0].at:%Y-%m-%d %H:%M} UTC (audit "
                f"entry {earlier[0].id}); kefu holds nothing more about them",
                markup=False,
            )
            return
        console().print(
            f"erased {customer_id}: {s.conversations} conversations, {s.messages} messages, "
            f"{s.feedback} feedback, details {'deleted' if s.customer_record else 'none held'}, "
            f"{s.data_keys} data keys shredded"
        )


@app.command("export-conversation")
def export_conversation(
    conversation_id: Annotated[str, typer.Argument(help="The conversation to export.")],
    out: OutOpt = None,
    force: ForceOpt = False,
) -> None:
    """One conversation, decrypted, as JSON: for a web-chat guest without a customer id."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import CLI_ROLE, cli_actor, open_db
    from kefu.cli.common import console
    from kefu.security.privacy import Privacy

    with _errors():
        _check_id(conversation_id, "conversation id")
        target = _target(out, force, f"kefu-export-{conversation_id}.json")
        data = Privacy(open_db()).export_conversation(
            conversation_id, actor=cli_actor(), role=CLI_ROLE
        )
        if _write(data, target):
            n = len(data["conversation"]["messages"])
            console().print(f"wrote {target} ({n} messages)")


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
        _check_id(conversation_id, "conversation id")
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
