"""Owner-only folders and files for what kefu creates under KEFU_HOME.

The home holds the database (audit log, customer ids, handoff reasons), the keys and uploaded
files: other local accounts have no business reading them. Modes are set with chmod after
creation because ``mkdir(mode=...)`` and ``open(..., mode)`` are narrowed by the umask only,
never widened, and a umask of 002 or 022 would leave them group- or world-readable. Only what
kefu creates itself is changed: an existing home the operator set up (for example shared with
a service group) keeps its permissions.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) and make the folders kefu created 0700.

    Only the folders that did not exist before are changed. A failing chmod (a file system
    without Unix modes) is ignored: the folder still works.
    """
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(parents=True, exist_ok=True)
    for folder in missing:
        with contextlib.suppress(OSError):
            os.chmod(folder, DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty ``path`` with mode 0600 if it does not exist; never touch an existing one.

    SQLite creates a missing database with the umask's mode (often 0644) and gives its -wal and
    -shm files the database file's mode, so the database is created here first.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, FILE_MODE)
    except OSError:
        pass
    finally:
        os.close(fd)
