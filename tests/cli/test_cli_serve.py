"""`kefu serve` start-up: a foreign database is refused before anything loads, and the first
admin password never goes to output that may be a log file."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from kefu.cli.app import app
from kefu.config import Settings
from kefu.security.crypto import EnvelopeCipher
from kefu.security.keyfile import MasterKeySource
from kefu.security.users import UserRepository
from kefu.storage.db import Database

pytest.importorskip("fastapi", reason="kefu serve needs the 'serve' extra")


def test_serve_refuses_a_database_encrypted_with_another_servers_key(
    kefu_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    db = Database(url, cipher=EnvelopeCipher(MasterKeySource(path=tmp_path / "a" / "master.key")))
    db.migrate()
    db.seal("cust-1", "hello")
    db.dispose()
    started: list[object] = []
    monkeypatch.setattr("kefu.service.server.run", lambda *a, **k: started.append(a))
    monkeypatch.setenv("KEFU_DATABASE_URL", url)
    result = CliRunner().invoke(app, ["serve", "--port", "8622"])
    assert result.exit_code == 1, result.output
    assert not started
    assert "KEFU_MASTER_KEY_FILE" in result.output and "same master key" in result.output


def test_first_admin_password_goes_to_a_private_file_when_not_a_terminal(
    tmp_path: Path,
) -> None:
    from kefu.cli.serve import _first_admin

    settings = Settings(home=tmp_path / "home", embedder="hashing", llm_backend="fake")
    out = io.StringIO()
    _first_admin(settings, Console(file=out, force_terminal=False, width=300))
    printed = out.getvalue()
    path = settings.home / "initial-admin-password"
    password = path.read_text(encoding="utf-8").strip()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert password and password not in printed and str(path) in printed
    db = Database(settings.resolved_database_url)
    try:
        assert UserRepository(db).authenticate_password("admin", password) is not None
    finally:
        db.dispose()


def test_first_admin_password_is_shown_on_a_terminal(tmp_path: Path) -> None:
    from kefu.cli.serve import _first_admin

    settings = Settings(home=tmp_path / "home", embedder="hashing", llm_backend="fake")
    out = io.StringIO()
    _first_admin(settings, Console(file=out, force_terminal=True, width=300))
    assert "password" in out.getvalue()
    assert not (settings.home / "initial-admin-password").exists()
