"""The session-signing key can be shared by servers with different KEFU_HOMEs."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from kefu.config import Settings
from kefu.errors import ConfigError
from kefu.security.sessionkey import session_key


def _settings(home: Path, **extra: object) -> Settings:
    return Settings(home=home, **extra)  # type: ignore[arg-type]


def test_default_is_a_private_file_per_home(tmp_path: Path) -> None:
    a = session_key(_settings(tmp_path / "a"))
    assert a == session_key(_settings(tmp_path / "a"))  # made once, then read
    assert a != session_key(_settings(tmp_path / "b"))
    path = tmp_path / "a" / "keys" / "session.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_shared_file_signs_alike_on_two_homes(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "session.key"
    a = session_key(_settings(tmp_path / "a", session_key_file=shared))
    b = session_key(_settings(tmp_path / "b", session_key_file=shared))
    assert a == b and len(a) >= 32


def test_the_environment_key_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = bytes(range(32))
    monkeypatch.setenv("KEFU_SESSION_KEY", base64.b64encode(raw).decode())
    from kefu.config import load_settings

    monkeypatch.setenv("KEFU_HOME", str(tmp_path / "a"))
    assert session_key(load_settings()) == raw
    with pytest.raises(ConfigError, match="at least 32"):
        session_key(_settings(tmp_path / "b", session_key=base64.b64encode(b"short").decode()))


def test_a_token_made_on_one_server_is_read_on_the_other(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from kefu.service.auth import make_session, read_session

    shared = tmp_path / "shared.key"
    token, _ = make_session(
        session_key(_settings(tmp_path / "a", session_key_file=shared)), "li.wei", "agent"
    )
    assert read_session(session_key(_settings(tmp_path / "b", session_key_file=shared)), token)
    assert not read_session(session_key(_settings(tmp_path / "c")), token)
