"""Does this process hold the master key its database was encrypted with? Checked at start-up.

A second server started with its own ``KEFU_HOME`` on a shared database has no key file (or a
key of its own): it could read no conversation, yet it would report itself ready and fail every
customer request. `kefu serve` therefore refuses to start, and an app started another way
reports ``ready: false`` with the reason, until the key is shared (docs/service.md,
"Several server processes").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from kefu.security.crypto import MasterKeyError

if TYPE_CHECKING:
    from kefu.security.keyfile import MasterKeySource
    from kefu.storage.db import Database

SHARE_HINT = (
    "Every server on one database needs the same master key: copy the key file of the server "
    "that made the database to this one (KEFU_HOME/keys/master.key, mode 0600), or point "
    "KEFU_MASTER_KEY_FILE at it, or set KEFU_MASTER_KEY to its contents; or run this server "
    "with the KEFU_HOME that belongs to this database."
)
# What the service tells a client: nothing about where keys live on the server.
PUBLIC_REASON = (
    "the server cannot read its encrypted data (its master key does not match the database); "
    "an administrator must fix its configuration"
)


def wrapping_keys(db: Database) -> dict[str, int]:
    """Master key id -> how many data keys it wraps, for every data key in the database."""
    from kefu.storage.models import DataKey

    db.migrate()
    with db.session() as s:
        rows = s.execute(select(DataKey.kek_id, func.count()).group_by(DataKey.kek_id))
        return {str(kid): int(n) for kid, n in rows}


def check_master_key(db: Database, source: MasterKeySource) -> None:
    """Raise MasterKeyError, saying what to do, unless ``source`` can unwrap every data key.

    A database without data keys passes (the first seal makes the key); so does one whose keys
    are wrapped by keys in the ring (an interrupted rotation's ``.new``/``.old`` included).
    """
    from kefu.security.keyfile import key_id

    held = wrapping_keys(db)
    if not held:
        return
    total = sum(held.values())
    ids = ", ".join(sorted(held))
    ring = source.load(create=False)
    if ring is None:
        raise MasterKeyError(
            f"this database holds {total} data keys wrapped by master key {ids}, but this "
            f"server has no master key ({source.describe()} does not exist), so it could read "
            f"no conversation. {SHARE_HINT} No key was made, so nothing was changed."
        )
    missing = sorted(kid for kid in held if ring.get(kid) is None)
    if missing:
        raise MasterKeyError(
            f"this database's data keys are wrapped by master key {', '.join(missing)}, but "
            f"this server's key ({source.describe()}) is {key_id(ring.primary)}: it is not the "
            f"key this database was encrypted with. {SHARE_HINT} Nothing was changed."
        )
