"""Where `kefu serve` leaves the first admin password when its output is not a terminal."""

from __future__ import annotations

import os
from pathlib import Path

FILE_NAME = "initial-admin-password"


def write_password_file(home: Path, password: str) -> Path:
    """Write ``password`` to ``home/initial-admin-password``, mode 0600 from its creation."""
    from kefu._perms import make_private_dir

    make_private_dir(home)
    path = home / FILE_NAME
    path.unlink(missing_ok=True)  # a leftover (another database's) could have looser modes
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(password + "\n")
    return path
