"""The key that signs staff session tokens: ``KEFU_SESSION_KEY``, or a key file.

Every server on one database must sign with the same key, or a sign-in on one is refused by
the next (docs/service.md, "Several server processes"): set ``KEFU_SESSION_KEY`` (base64, as
``kefu keys generate`` prints) on each, or point ``KEFU_SESSION_KEY_FILE`` at one shared file.
By default the file is ``KEFU_HOME/keys/session.key`` (32 random bytes, mode 0600), made on
first use.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from kefu._perms import make_private_dir
from kefu.errors import ConfigError

if TYPE_CHECKING:
    from kefu.config import Settings

MIN_BYTES = 32  # HMAC-SHA256: a shorter key weakens the signature


def session_key_path(settings: Settings) -> Path:
    return settings.session_key_file or settings.home / "keys" / "session.key"


def session_key(settings: Settings) -> bytes:
    """The signing key: from the environment, else the key file (made on first use)."""
    if settings.session_key is not None:
        text = settings.session_key.get_secret_value()
        try:
            key = base64.b64decode(text.strip(), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ConfigError(f"KEFU_SESSION_KEY is not valid base64: {exc}") from exc
        if len(key) < MIN_BYTES:
            raise ConfigError(
                f"KEFU_SESSION_KEY is {len(key)} bytes; it must be at least {MIN_BYTES} "
                "(make one with: kefu keys generate)"
            )
        return key
    return _key_file(session_key_path(settings))


def _key_file(path: Path) -> bytes:
    if not path.exists():
        make_private_dir(path.parent)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(MIN_BYTES))
        try:
            os.link(tmp, path)  # another process may have won the race: keep its key
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    try:
        key = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the session key file {path}: {exc}") from exc
    if len(key) < MIN_BYTES:
        raise ConfigError(
            f"the session key file {path} holds {len(key)} bytes; it must hold at least "
            f"{MIN_BYTES} (delete it to have a new one made: every session signs out)"
        )
    return key
