"""`kefu db`: the database schema, for a planned upgrade (docs/service.md, "Upgrading").

Every command migrates the schema on first use anyway; these make that step explicit, so an
operator can upgrade with the servers stopped and see which revision the database is at.
"""

from __future__ import annotations

import typer

app = typer.Typer(help="The database schema: its revision, and upgrading it.", no_args_is_help=True)


@app.command()
def status() -> None:
    """Print the database's schema revision and the newest one this kefu knows."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console, settings
    from kefu.storage.db import Database, head_revision

    with _errors():
        db = Database(settings().resolved_database_url)
        try:
            current = db.current_revision()
        finally:
            db.dispose()
        head = head_revision()
        state = "up to date" if current == head else "needs `kefu db upgrade`"
        if current is None:
            state = "empty: `kefu db upgrade` (or any command) creates the tables"
        console().print(
            f"{db.safe_url}: schema revision {current or '-'}; this kefu's newest is {head} "
            f"({state})",
            markup=False,
            highlight=False,
        )


@app.command()
def upgrade() -> None:
    """Bring the database's schema to this kefu's newest revision (a no-op when it is)."""
    from kefu.cli.app import _errors
    from kefu.cli.common import console, settings
    from kefu.storage.db import Database

    with _errors():
        db = Database(settings().resolved_database_url)
        try:
            before = db.current_revision()
            db.migrate()
            after = db.current_revision()
        finally:
            db.dispose()
        what = "already at" if before == after else f"upgraded from {before or 'empty'} to"
        console().print(
            f"{db.safe_url}: {what} schema revision {after}", markup=False, highlight=False
        )
