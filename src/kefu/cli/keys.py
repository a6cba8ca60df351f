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
    """Print a new random master key (base64), e.g. for KEFU_MASTER_KEY; nothing is stored."""
    from kefu.security.keyfile import encode_key, new_key

    typer.echo(encode_key(new_key()))


@app.command("rotate")
def rotate(
    keep_old: Annotated[
        bool,
        typer.Option(
            "--keep-old",
            help="Keep the retired key file (needed to read backups made before rotating).",
        ),
    ] = False,
) -> None:
    """Re-wrap every data key under a new master key (one transaction; no text re-encrypted)."""
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
        with progress_bar(console(stderr=True)) as update:
            report = rotate_master_key(db, db.cipher, keep_old=keep_old, progress=update)
        detail = {"old": report.old_id, "new": report.new_id, "rewrapped": report.rewrapped}
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
            out.print(f"old key kept at {report.retired_key} for backups made before today")
        else:
            out.print(
                "[dim]The old key was deleted: database backups made before now cannot be "
                "read any more (which is what carries erasures into them).[/]"
            )
        out.print(f"[yellow]{LOSS_WARNING}[/]")


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
