"""`kefu keys ...`: the master key that wraps every data key: status, generate, rotate."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(help="Encryption at rest: the master key and its rotation.", no_args_is_help=True)


@app.command("status")
def status() -> None:
    """Where the master key is, its fingerprint, and how many data keys each key wraps."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db
    from kefu.cli.common import console, settings
    from kefu.security.crypto import EnvelopeCipher
    from kefu.security.keys import key_status

    out = console()
    with _errors():
        db = open_db()
        assert isinstance(db.cipher, EnvelopeCipher)
        st = key_status(db, db.cipher)
        on = "on" if settings().encrypt_at_rest else "off (new text is stored in the clear)"
        out.print(f"encryption at rest: {on}")
        where = "" if st.exists else " [yellow](not created yet: made on first use)[/]"
        out.print(f"master key: {st.source}{where}")
        if st.primary_id:
            out.print(f"master key id: {st.primary_id}")
        for kid, n in sorted(st.data_keys.items()):
            mark = "" if kid == st.primary_id else " [yellow](another key: run kefu keys rotate)[/]"
            out.print(f"  {n} data keys wrapped by {kid}{mark}")
        if not st.data_keys:
            out.print("  no data keys yet")


@app.command("generate")
def generate() -> None:
    """Print a new random key (base64), e.g. for KEFU_MASTER_KEY or KEFU_SESSION_KEY; nothing
    is stored."""
    from kefu.security.keyfile import encode_key, new_key

    typer.echo(encode_key(new_key()))


@app.command("rotate")
def rotate(
    keep_old: Annotated[
        bool | None,
        typer.Option(
            "--keep-old/--delete-old",
            help="Keep the old key file beside the new one, named with today's date (mode "
            "0600), so backups made before now stay readable; or delete it, which makes "
            "erasures reach those backups. Asked for when not given; with --yes: kept.",
            show_default=False,
        ),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask for confirmation (for scripts).")
    ] = False,
) -> None:
    """Re-wrap every data key under a new master key (one transaction; no text re-encrypted).

    Asks for confirmation first: without the old key, database backups made before the
    rotation cannot be read any more.
    """
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console, progress_bar
    from kefu.security.crypto import EnvelopeCipher
    from kefu.security.keyfile import LOSS_WARNING
    from kefu.security.keys import rotate_master_key

    out = console()
    with _errors():
        db = open_db()
        assert isinstance(db.cipher, EnvelopeCipher)
        from_env = db.cipher.source.from_env
        if not yes:
            keep_old = _confirm_rotation(db.cipher.source.describe(), from_env, keep_old)
        elif keep_old is None:
            # A script that did not say: the choice that cannot lose a backup.
            keep_old = True
        with progress_bar(console(stderr=True)) as update:
            report = rotate_master_key(db, db.cipher, keep_old=keep_old, progress=update)
        detail = {
            "old": report.old_id,
            "new": report.new_id,
            "rewrapped": report.rewrapped,
            "kept_old": report.retired_key is not None,
        }
        record(db, "keys.rotate", None, detail)
        if report.old_id == report.new_id:
            out.print(
                f"{report.rewrapped} data keys re-wrapped under {report.new_id} "
                f"({report.source}). To rotate a key held in the environment: set "
                "KEFU_MASTER_KEY to a new key (kefu keys generate) and "
                "KEFU_MASTER_KEY_PREVIOUS to the old one, run this again, then drop the old."
            )
            return
        out.print(
            f"rotated: {report.rewrapped} data keys now wrapped by {report.new_id} "
            f"(was {report.old_id}), key file {report.source}"
        )
        if report.retired_key is not None:
            out.print(
                f"old key kept at {report.retired_key} (mode 0600) for backups made before "
                "now; delete it when those backups expire (that is what carries erasures "
                "into them)"
            )
        else:
            out.print(
                "[dim]The old key was deleted: database backups made before now cannot be "
                "read any more (which is what carries erasures into them).[/]"
            )
        out.print(f"[yellow]{LOSS_WARNING}[/]")


def _confirm_rotation(where: str, from_env: bool, keep_old: bool | None) -> bool:
    """Ask what to do with the old key (unless given) and whether to go ahead; the answer."""
    from kefu.cli.common import console
    from kefu.errors import KefuError

    if not _stdin_is_terminal():
        raise KefuError(
            "kefu keys rotate asks for confirmation, but standard input is not a terminal: "
            "pass --yes (with --keep-old, the default, or --delete-old) to rotate from a script"
        )
    if from_env:
        # Nothing is deleted: the operator holds both keys in the environment.
        keep_old = True
    elif keep_old is None:
        keep_old = typer.confirm(
            "Keep the old master key in a dated file beside the new one, so database backups "
            "made before now can still be read?",
            default=True,
        )
    fate = (
        "the old key is kept"
        if keep_old
        else "the old key is DELETED: backups made before now can no longer be read"
    )
    if not typer.confirm(f"Rotate the master key ({where}) now; {fate}?", default=False):
        console(stderr=True).print("nothing was rotated")
        raise typer.Exit(1)
    return keep_old


def _stdin_is_terminal() -> bool:
    import sys

    return sys.stdin.isatty()


@app.command("init")
def init() -> None:
    """Create the master key file now (otherwise it is made when the first text is sealed)."""
    from kefu.cli.app import _errors
    from kefu.cli.audit import open_db, record
    from kefu.cli.common import console
    from kefu.security.crypto import EnvelopeCipher
    from kefu.security.keyfile import LOSS_WARNING

    out = console()
    with _errors():
        db = open_db()
        assert isinstance(db.cipher, EnvelopeCipher)
        existed = db.cipher.source.exists()
        ring = db.cipher.ring(db, create=True)
        if existed:
            out.print(
                f"master key already present: {db.cipher.source.describe()} ({ring.primary_id})"
            )
            return
        record(db, "keys.init", None, {"id": ring.primary_id})
        out.print(f"created the master key {db.cipher.source.describe()} ({ring.primary_id})")
        out.print(f"[yellow]{LOSS_WARNING}[/]")
