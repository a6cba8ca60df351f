"""Encryption at rest: AES-GCM envelope encryption with one data key (DEK) per owner.

An owner is the customer a conversation belongs to (its ``customer_id``), or the conversation
itself when it has none. Each owner's DEK is random, stored in ``data_keys`` wrapped by the
master key (KEK), and used for everything written about that owner. So:

* deleting one row of ``data_keys`` (crypto-shredding) makes every copy of that owner's
  ciphertext unreadable, and
* rotating the KEK re-wraps the DEKs only; no message is re-encrypted.

A sealed value is ``enc:v1:<base64(nonce | ciphertext | tag)>`` with the owner's id as the
associated data: a value copied into another owner's row fails to decrypt. Text that was never
sealed (rows written before encryption was turned on) reads back as it is.
"""

from __future__ import annotations

import base64
import binascii
import os
import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from kefu.errors import KefuError
from kefu.security.keyfile import KeyRing, MasterKeySource
from kefu.storage.db import PLAIN_PREFIX, SEALED_PREFIX

if TYPE_CHECKING:
    from kefu.config import Settings
    from kefu.storage.db import Database

V1 = SEALED_PREFIX + "v1:"
NONCE_BYTES = 12  # the size AES-GCM is defined for; random per value
_DEK_AAD = b"kefu-dek\x00"


class EncryptionError(KefuError):
    """A sealed value or data key cannot be read: wrong master key, altered data, shredded key."""


class MasterKeyError(EncryptionError):
    """This process's master key cannot open the database's data keys (no key, or another
    one): a misconfigured server, not bad data. The service answers 503 without the details
    (they name server paths) and refuses to start; see :mod:`kefu.security.keycheck`."""


class ShreddedError(EncryptionError):
    """The owner's data key was deleted (erasure or retention): their ciphertext is gone."""


def _aesgcm(key: bytes) -> Any:
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError as exc:  # pragma: no cover - a core dependency
        from kefu.errors import MissingDependency

        raise MissingDependency("cryptography", purpose="encryption at rest") from exc
    return AESGCM(key)


def _check_owner(owner: str) -> bytes:
    if not isinstance(owner, str) or not owner or len(owner) > 64:
        raise ValueError("an owner must be a non-empty id of at most 64 characters")
    return owner.encode("utf-8")


def wrap_key(kek: bytes, owner: str, dek: bytes) -> str:
    nonce = os.urandom(NONCE_BYTES)
    sealed = _aesgcm(kek).encrypt(nonce, dek, _DEK_AAD + _check_owner(owner))
    return base64.b64encode(nonce + sealed).decode("ascii")


def unwrap_key(kek: bytes, owner: str, wrapped: str) -> bytes:
    from cryptography.exceptions import InvalidTag

    try:
        raw = base64.b64decode(wrapped, validate=True)
        return bytes(
            _aesgcm(kek).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _DEK_AAD + owner.encode())
        )
    except (InvalidTag, binascii.Error, ValueError) as exc:
        raise EncryptionError(
            f"the data key of {owner!r} does not open with the master key: the row was altered "
            "or belongs to another owner. Nothing was changed."
        ) from exc


class _DekCache:
    """LRU of opened data keys (as ready AES-GCM objects), so a turn pays no unwrap per message.

    Entries expire after ``ttl_s`` so a key shredded by another process stops being used.
    """

    def __init__(self, size: int, ttl_s: float) -> None:
        self.size = size
        self.ttl_s = ttl_s
        self._items: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, owner: str) -> Any | None:
        with self._lock:
            item = self._items.get(owner)
            if item is None:
                return None
            if time.monotonic() - item[0] > self.ttl_s:
                del self._items[owner]
                return None
            self._items.move_to_end(owner)
            return item[1]

    def put(self, owner: str, aead: Any) -> None:
        with self._lock:
            self._items[owner] = (time.monotonic(), aead)
            self._items.move_to_end(owner)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def forget(self, owners: list[str] | None = None) -> None:
        with self._lock:
            if owners is None:
                self._items.clear()
            for owner in owners or []:
                self._items.pop(owner, None)

    def __len__(self) -> int:
        return len(self._items)


class EnvelopeCipher:
    """The :class:`kefu.storage.db.Cipher` kefu uses: cheap to make, reads the key on first use.

    With ``encrypt=False`` new text is stored as it is, while values sealed earlier still open
    (so turning encryption off never strands data).
    """

    def __init__(
        self,
        source: MasterKeySource,
        *,
        encrypt: bool = True,
        cache_size: int = 4096,
        cache_ttl_s: float = 300.0,
    ) -> None:
        self.source = source
        self.encrypt = encrypt
        self.cache = _DekCache(cache_size, cache_ttl_s)
        self._ring: KeyRing | None = None
        self._signature: tuple[int, int] | None = None
        self._lock = threading.RLock()
        self.unwraps = 0  # how many DEKs were opened from the database (the cache's misses)

    # -- the master key ---------------------------------------------------------------------
    def ring(self, db: Database | None = None, *, create: bool = False) -> KeyRing:
        """The key ring, created (key file mode) only for a database that holds no data key."""
        with self._lock:
            if self._ring is not None and self._signature == self.source.signature():
                return self._ring
            ring = self.source.load(create=False)
            if ring is None and create and db is not None:
                held = count_data_keys(db)
                if held:
                    raise MasterKeyError(
                        f"the master key file {self.source.path} is missing, yet the database "
                        f"holds {held} data keys wrapped by a master key: restore the file, or "
                        "give this process the key the database was encrypted with "
                        "(KEFU_MASTER_KEY or KEFU_MASTER_KEY_FILE). No new key was made, so "
                        "nothing was lost."
                    )
                ring = self.source.load(create=True)
            if ring is None:
                raise MasterKeyError(
                    f"no master key: set KEFU_MASTER_KEY or restore the key file "
                    f"{self.source.path}; encrypted data cannot be read without it"
                )
            self._ring, self._signature = ring, self.source.signature()
            return ring

    def reload(self) -> None:
        with self._lock:
            self._ring = None
            self.cache.forget()

    # -- data keys ---------------------------------------------------------------------------
    def data_key(self, db: Database, owner: str, *, create: bool) -> Any | None:
        """The owner's opened DEK (an AES-GCM object); None if it has none and not ``create``."""
        aead = self.cache.get(owner)
        if aead is not None:
            return aead
        from kefu.storage.models import DataKey

        _check_owner(owner)
        db.migrate()
        with db.session() as s:
            row = s.get(DataKey, owner)
            found = None if row is None else (row.wrapped, row.kek_id)
        if found is None:
            if not create:
                return None
            found = self._create(db, owner)
        aead = _aesgcm(self._unwrap(db, owner, *found))
        self.cache.put(owner, aead)
        return aead

    def _unwrap(self, db: Database, owner: str, wrapped: str, kid: str) -> bytes:
        ring = self.ring(db)
        kek = ring.get(kid)
        if kek is None:
            # Another process may have rotated the key file since this one read it.
            self.reload()
            ring = self.ring(db)
            kek = ring.get(kid)
        if kek is None:
            raise MasterKeyError(
                f"the data key of {owner!r} was wrapped by master key {kid}, but the configured "
                f"key ({self.source.describe()}) is {ring.primary_id}: this is not the key this "
                "database was encrypted with. Nothing was changed; set the right key."
            )
        self.unwraps += 1
        return unwrap_key(kek, owner, wrapped)

    def _create(self, db: Database, owner: str) -> tuple[str, str]:
        from kefu.storage.models import DataKey, utcnow

        ring = self.ring(db, create=True)
        dek = os.urandom(32)
        wrapped = wrap_key(ring.primary, owner, dek)
        values = {
            "owner": owner,
            "wrapped": wrapped,
            "kek_id": ring.primary_id,
            "created_at": utcnow(),
        }
        with db.session(write=True) as s:
            if db.backend in ("sqlite", "postgresql"):
                # Two writers racing for a new owner: the first row wins, both use it.
                if db.backend == "sqlite":
                    from sqlalchemy.dialects.sqlite import insert
                else:
                    from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
                s.execute(insert(DataKey).values(**values).on_conflict_do_nothing())
            elif s.get(DataKey, owner) is None:
                s.add(DataKey(**values))
            s.flush()
            row = s.get(DataKey, owner, populate_existing=True)
            assert row is not None
            return row.wrapped, row.kek_id

    def forget(self, owners: list[str] | None = None) -> None:
        """Drop owners' opened keys from the cache (after their rows were deleted)."""
        self.cache.forget(owners)

    # -- the Cipher protocol ------------------------------------------------------------------
    def seal(self, db: Database, owner: str, text: str) -> str:
        if not self.encrypt:
            return PLAIN_PREFIX + text if text.startswith(SEALED_PREFIX) else text
        aead = self.data_key(db, owner, create=True)
        assert aead is not None  # create=True always gives a key or raises
        nonce = os.urandom(NONCE_BYTES)
        body = aead.encrypt(nonce, text.encode("utf-8"), _check_owner(owner))
        return V1 + base64.b64encode(nonce + body).decode("ascii")

    def unseal(self, db: Database, owner: str, stored: str) -> str:
        if not stored.startswith(SEALED_PREFIX):
            return stored  # written before encryption was on
        if stored.startswith(PLAIN_PREFIX):
            return stored[len(PLAIN_PREFIX) :]
        if not stored.startswith(V1):
            raise EncryptionError(
                f"a value of {owner!r} is sealed in an unknown format "
                f"({stored[:8]!r}); a newer kefu wrote it"
            )
        from cryptography.exceptions import InvalidTag

        aead = self.data_key(db, owner, create=False)
        if aead is None:
            raise ShreddedError(
                f"the data key of {owner!r} has been deleted (erased or past retention): "
                "this text can no longer be read"
            )
        try:
            raw = base64.b64decode(stored[len(V1) :], validate=True)
            plain = aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], owner.encode("utf-8"))
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise EncryptionError(
                f"a value of {owner!r} does not decrypt: it was altered or copied from another "
                "owner's row"
            ) from exc
        return bytes(plain).decode("utf-8")


def count_data_keys(db: Database) -> int:
    from sqlalchemy import func, select

    from kefu.storage.models import DataKey

    db.migrate()
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(DataKey)) or 0)


def master_key_source(settings: Settings) -> MasterKeySource:
    def secret(value: Any) -> str | None:
        return value.get_secret_value() if value is not None else None

    path = settings.master_key_file or settings.home / "keys" / "master.key"
    return MasterKeySource(
        path=path,
        env_key=secret(settings.master_key),
        previous_env_key=secret(settings.master_key_previous),
    )


def cipher_from_settings(settings: Settings) -> EnvelopeCipher:
    """The cipher for a deployment; cheap (nothing is read until the first seal or unseal)."""
    return EnvelopeCipher(master_key_source(settings), encrypt=settings.encrypt_at_rest)


def open_database(settings: Settings) -> Database:
    """The deployment's database with its cipher, as the knowledge base opens it."""
    from kefu.storage.db import Database

    settings.ensure_home()
    return Database(settings.resolved_database_url, cipher=cipher_from_settings(settings))
