"""Master-key rotation: every data key is re-wrapped under a new master key; no text is touched.

Key file mode, step by step (each step leaves a state the next run completes):

1. the new key is written to ``<key file>.new`` (a leftover one is adopted, never replaced:
   data keys may already be wrapped by it);
2. one transaction re-wraps every data key under it: all or nothing;
3. the old key is copied to ``<key file>.old`` and the new one atomically replaces the key
   file; leftover data keys (wrapped by another process meanwhile) are re-wrapped;
4. ``.old`` is deleted, or kept (mode 0600) as ``<key file>.<UTC date>.<old id>.retired`` with
   ``keep_old`` (needed to read database backups made before the rotation, which the date
   matches them to; deleting it is what makes erasures reach those backups).

Environment mode (``KEFU_MASTER_KEY``): kefu cannot change the environment, so the operator
sets the new key in ``KEFU_MASTER_KEY`` and the old one in ``KEFU_MASTER_KEY_PREVIOUS``, and
rotation re-wraps whatever is not yet under the new key.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text

from kefu.security.crypto import (
    EncryptionError,
    EnvelopeCipher,
    count_data_keys,
    unwrap_key,
    wrap_key,
)
from kefu.security.keyfile import (
    KeyRing,
    key_id,
    new_key,
    read_key_file,
    write_key_file,
)
from kefu.storage.models import DataKey

if TYPE_CHECKING:
    from kefu.storage.db import Database

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RotationReport:
    source: str
    old_id: str
    new_id: str
    rewrapped: int
    retired_key: Path | None = None


@dataclass(frozen=True)
class KeyStatus:
    source: str
    exists: bool
    primary_id: str | None
    data_keys: dict[str, int]  # kek id -> how many data keys it wraps


def key_status(db: Database, cipher: EnvelopeCipher) -> KeyStatus:
    db.migrate()
    with db.session() as s:
        counts = {
            kid: int(n)
            for kid, n in s.execute(select(DataKey.kek_id, func.count()).group_by(DataKey.kek_id))
        }
    ring = cipher.source.load(create=False)
    return KeyStatus(
        source=cipher.source.describe(),
        exists=ring is not None,
        primary_id=ring.primary_id if ring is not None else None,
        data_keys=counts,
    )


def rewrap_all(db: Database, ring: KeyRing, target: bytes, progress: Progress | None = None) -> int:
    """Re-wrap every data key not under ``target``, in one transaction; how many were."""
    target_id = key_id(target)
    db.migrate()
    with db.session(write=True) as s:
        if db.backend == "postgresql":
            # Blocks concurrent new data keys until commit, so none is left under the old key.
            s.execute(text("LOCK TABLE data_keys IN SHARE ROW EXCLUSIVE MODE"))
        rows = list(s.scalars(select(DataKey).where(DataKey.kek_id != target_id)))
        for done, row in enumerate(rows, 1):
            kek = ring.get(row.kek_id)
            if kek is None:
                raise EncryptionError(
                    f"the data key of {row.owner!r} is wrapped by master key {row.kek_id}, which "
                    "is not configured; nothing was rotated"
                )
            row.wrapped = wrap_key(target, row.owner, unwrap_key(kek, row.owner, row.wrapped))
            row.kek_id = target_id
            if progress is not None:
                progress("re-wrapping data keys", done, len(rows))
        return len(rows)


def rotate_master_key(
    db: Database,
    cipher: EnvelopeCipher,
    *,
    keep_old: bool = False,
    progress: Progress | None = None,
) -> RotationReport:
    source = cipher.source
    if not source.exists() and not count_data_keys(db):
        raise EncryptionError(
            f"there is no master key yet ({source.describe()}), so nothing to rotate; "
            "kefu keys init makes one"
        )
    ring = cipher.ring(db)
    if source.from_env:
        count = rewrap_all(db, ring, ring.primary, progress)
        cipher.reload()
        return RotationReport(source.describe(), ring.primary_id, ring.primary_id, count)

    # 1. The new key, durable before anything is wrapped by it.
    if source.new_path.is_file():
        fresh = read_key_file(source.new_path)
    else:
        fresh = new_key()
        write_key_file(source.new_path, fresh)
    old = ring.primary
    full = KeyRing(primary=fresh, keys={**ring.keys, key_id(fresh): fresh})
    # 2. All data keys in one transaction.
    count = rewrap_all(db, full, fresh, progress)
    # 3. Swap the files; the key file is never missing, not even for an instant.
    write_key_file(source.old_path, old)
    os.replace(source.new_path, source.path)
    cipher.reload()
    count += rewrap_all(db, cipher.ring(db), fresh)
    # 4. Retire the old key.
    retired: Path | None = None
    if keep_old:
        day = datetime.now(UTC).strftime("%Y-%m-%d")
        retired = source.path.with_name(f"{source.path.name}.{day}.{key_id(old)}.retired")
        os.replace(source.old_path, retired)
        os.chmod(retired, 0o600)  # write_key_file made it so; a copy restored by hand may not be
    else:
        source.old_path.unlink()
    cipher.reload()
    return RotationReport(source.describe(), key_id(old), key_id(fresh), count, retired)
