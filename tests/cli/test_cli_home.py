"""A KEFU_HOME that cannot be used is one clear line and a non-zero exit, for every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app

COMMANDS = [
    ["kb", "list"],
    ["kb", "add", "FAQ"],
    ["kb", "search", "refund"],
    ["kb", "remove", "faq.csv"],
    ["ask", "How long does a refund take?"],
    ["chat"],
    ["users", "list"],
    ["users", "add", "bob", "--no-password"],
    ["audit", "verify"],
    ["privacy", "export", "cust-1"],
    ["privacy", "purge", "--older-than", "1"],
    ["keys", "status"],
    ["models"],
    ["models", "add", "mine", "FAQ"],
]


@pytest.mark.parametrize("where", ["file", "under-a-file"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args))
def test_unusable_home_is_one_line(
    kefu_env: dict[str, str],
    faq_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    where: str,
) -> None:
    blocker = tmp_path / "home-is-a-file"
    blocker.write_text("x", encoding="utf-8")
    home = blocker if where == "file" else blocker / "kefu"
    monkeypatch.setenv("KEFU_HOME", str(home))
    argv = [str(faq_file) if a == "FAQ" else a for a in args]
    result = CliRunner().invoke(app, argv, input="")
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: KEFU_HOME {home} is not a writable directory: ")
    reason = "exists and is not a folder" if where == "file" else "Not a directory"
    assert reason in lines[0]
    assert blocker.read_text(encoding="utf-8") == "x"  # left alone


def test_a_home_kefu_creates_is_owner_only_whatever_the_umask(
    kefu_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    new_home = tmp_path / "new" / "home"
    monkeypatch.setenv("KEFU_HOME", str(new_home))
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(app, ["keys", "init"])
        assert result.exit_code == 0, result.output
        CliRunner().invoke(app, ["users", "list"])  # opens (creates) the database
    finally:
        os.umask(old)

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    assert mode(new_home) == 0o700
    assert mode(new_home.parent) == 0o700  # created by kefu too
    assert mode(new_home / "keys") == 0o700
    assert mode(new_home / "kefu.db") == 0o600
    for side in ("kefu.db-wal", "kefu.db-shm"):
        if (new_home / side).exists():
            assert mode(new_home / side) == 0o600


def test_an_existing_home_keeps_its_permissions(kefu_home: Path) -> None:
    import stat

    kefu_home.mkdir(mode=0o750)
    kefu_home.chmod(0o750)  # e.g. shared with a service group on purpose
    assert CliRunner().invoke(app, ["users", "list"]).exit_code == 0
    assert stat.S_IMODE(kefu_home.stat().st_mode) == 0o750
    assert stat.S_IMODE((kefu_home / "kefu.db").stat().st_mode) == 0o600
