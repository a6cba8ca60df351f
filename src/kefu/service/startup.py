"""Start-up checks of the service: is this process fit to answer from its database?

`kefu serve` runs :func:`check_database` before it loads any model and refuses to start on a
problem (exit 1, the full reason on the terminal). An app started any other way (uvicorn,
tests) runs :func:`startup_problem` in its lifespan instead: on a problem it does not warm up,
``/health`` says ``ready: false`` with a reason that names no server path, and the full
reason goes to the server log.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kefu.config import Settings

log = logging.getLogger(__name__)


def check_database(settings: Settings) -> None:
    """Raise MasterKeyError unless this process's master key opens the database's data."""
    from kefu.security.crypto import master_key_source, open_database
    from kefu.security.keycheck import check_master_key

    db = open_database(settings)
    try:
        check_master_key(db, master_key_source(settings))
    finally:
        db.dispose()


def startup_problem(settings: Settings) -> str | None:
    """None when the service may serve; else the public reason it may not (logged in full)."""
    from kefu.security.crypto import MasterKeyError
    from kefu.security.keycheck import PUBLIC_REASON

    try:
        check_database(settings)
    except MasterKeyError as exc:
        log.error("not ready: %s", exc)
        return PUBLIC_REASON
    return None
