"""Where CLI commands may write a file or folder the user names (``--out``, ``--report``).

A mistyped path must never destroy what kefu cannot rebuild: the master key (without it every
sealed conversation is lost for good), the rest of ``KEFU_HOME/keys`` and the database. Those
are refused outright; any other existing file is only replaced when the user says ``--force``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kefu.errors import ConfigError

if TYPE_CHECKING:
    from kefu.config import Settings

_SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def _resolved(path: Path) -> Path:
    # resolve() follows links, so a link to the key file is caught like the file itself.
    return path.expanduser().resolve()


def protected_paths(settings: Settings) -> tuple[list[Path], list[Path]]:
    """(folders nothing may be written into, single files that may not be written)."""
    from kefu.security.crypto import master_key_source

    source = master_key_source(settings)
    folders = [settings.home / "keys"]
    files = [source.path, source.new_path, source.old_path]
    database = _sqlite_file(settings)
    if database is not None:
        files += [database.with_name(database.name + suffix) for suffix in _SQLITE_SIDE_FILES]
    return [_resolved(f) for f in folders], [_resolved(f) for f in files]


def _sqlite_file(settings: Settings) -> Path | None:
    url = settings.resolved_database_url
    if not url.startswith("sqlite"):
        return None
    from sqlalchemy.engine import make_url

    try:
        database = make_url(url).database or ""
    except Exception:  # a broken URL is reported when the database is opened
        return None
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def refuse_protected(path: Path, settings: Settings, what: str = "--out") -> None:
    """ConfigError when ``path`` is, or lies inside, something kefu must never overwrite."""
    target = _resolved(path)
    folders, files = protected_paths(settings)
    inside = any(target == f or f in target.parents for f in folders)
    # A folder option pointing at the key file's or database's folder is fine (fixed names
    # are written inside it); pointing at one of those files themselves is not.
    if inside or target in files:
        raise ConfigError(
            f"{what} {path} would overwrite kefu's master key, session key or database; "
            "choose a path outside KEFU_HOME/keys that is not the database file"
        )


def export_target(path: Path, settings: Settings, *, force: bool, default_name: str) -> Path:
    """The file an export goes to, checked before anything is read or audited.

    A folder gets ``default_name`` inside it; an existing file needs ``force``.
    """
    if path.is_dir():
        path = path / default_name
    refuse_protected(path, settings)
    if path.is_dir():
        raise ConfigError(f"--out {path} is a folder; give a file name")
    if path.exists() or path.is_symlink():
        if not force:
            raise ConfigError(f"{path} already exists; pass --force to overwrite it")
        if not path.is_file():
            raise ConfigError(f"--out {path} exists and is not a regular file")
    return path


def safe_file_name(text: str) -> str:
    """``text`` reduced to characters every file system accepts (for a default file name)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")[:64] or "export"


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` with mode 0600, also when replacing an existing file.

    Writing in place would keep an old file's 0644; a 0600 temporary file in the same folder,
    renamed over the target, never exposes the content under wider permissions and leaves
    either the old file or the complete new one.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o600)  # the umask can only narrow the mode, but be explicit
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc
