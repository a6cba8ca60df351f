"""Where the master key (KEK) lives: ``KEFU_MASTER_KEY`` or a key file, and the key ring.

The key file holds the base64 of 32 random bytes and is created with mode 0600 on first use.
Files named ``<key file>.new`` and ``<key file>.old`` are the traces of a key rotation; their
keys join the ring (for unwrapping only) so an interrupted rotation loses nothing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from kefu.errors import ConfigError

log = logging.getLogger(__name__)

KEY_BYTES = 32  # AES-256
ENV_NAME = "KEFU_MASTER_KEY"
LOSS_WARNING = (
    "Back it up somewhere safe and separate from the database: without it the encrypted "
    "conversations cannot be read by anyone."
)


def key_id(key: bytes) -> str:
    """A short fingerprint of a key; safe to store and show (it reveals nothing of the key)."""
    return hashlib.sha256(b"kefu-kek-id\x00" + key).hexdigest()[:16]


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def encode_key(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def decode_key(text: str, where: str) -> bytes:
    """The 32 key bytes from base64 text; a ConfigError naming ``where`` if it is not one."""
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ConfigError(f"the master key in {where} is not valid base64: {exc}") from exc
    if len(key) != KEY_BYTES:
        raise ConfigError(
            f"the master key in {where} is {len(key)} bytes; it must be {KEY_BYTES} "
            "(make one with: kefu keys generate)"
        )
    return key


def read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the master key file {path}: {exc}") from exc
    return decode_key(text, str(path))


def write_key_file(path: Path, key: bytes) -> None:
    """Write a key file atomically with mode 0600: a crash leaves the old file or the new one."""
    from kefu._perms import make_private_dir

    make_private_dir(path.parent)  # a home kefu creates here is owner-only too
    with _suppress_chmod_errors():
        os.chmod(path.parent, 0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, (encode_key(key) + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _suppress_chmod_errors:
    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> bool:
        return isinstance(exc, OSError)


@dataclass(frozen=True)
class KeyRing:
    """The key that wraps new data keys, and every key that may unwrap old ones."""

    primary: bytes
    keys: dict[str, bytes] = field(default_factory=dict)  # key_id -> key, primary included

    @property
    def primary_id(self) -> str:
        return key_id(self.primary)

    def get(self, kid: str) -> bytes | None:
        return self.keys.get(kid)


@dataclass(frozen=True)
class MasterKeySource:
    """Where to find the master key; reading it happens in :meth:`load`, not here."""

    path: Path
    env_key: str | None = None
    previous_env_key: str | None = None

    @property
    def from_env(self) -> bool:
        return bool(self.env_key)

    @property
    def new_path(self) -> Path:
        return self.path.with_name(self.path.name + ".new")

    @property
    def old_path(self) -> Path:
        return self.path.with_name(self.path.name + ".old")

    def describe(self) -> str:
        return ENV_NAME if self.from_env else str(self.path)

    def exists(self) -> bool:
        return self.from_env or self.path.is_file()

    def signature(self) -> tuple[int, int] | None:
        """Changes when the key file is replaced (a rotation by another process)."""
        if self.from_env:
            return None
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns)

    def load(self, *, create: bool) -> KeyRing | None:
        """The key ring; None when there is no key yet and ``create`` is false."""
        if self.env_key:
            primary = decode_key(self.env_key, ENV_NAME)
        elif self.path.is_file():
            primary = read_key_file(self.path)
        elif create:
            primary = new_key()
            write_key_file(self.path, primary)
            log.warning("created the master key file %s. %s", self.path, LOSS_WARNING)
        else:
            return None
        keys = {key_id(primary): primary}
        extras: list[bytes] = []
        if self.previous_env_key:
            extras.append(decode_key(self.previous_env_key, ENV_NAME + "_PREVIOUS"))
        for leftover in (self.new_path, self.old_path):
            if leftover.is_file():
                extras.append(read_key_file(leftover))
        for key in extras:
            keys.setdefault(key_id(key), key)
        return KeyRing(primary=primary, keys=keys)
