"""A bad setting is one line naming the variable, the value and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app


@pytest.mark.parametrize(
    ("variable", "value", "allowed"),
    [
        ("KEFU_CURATED_THRESHOLD", "abc", "it must be a number from 0 to 1"),
        ("KEFU_CURATED_THRESHOLD", "5", "it must be a number from 0 to 1"),
        ("KEFU_LLM_BACKEND", "gpt", "it must be one of 'llamacpp', 'openai', 'fake'"),
        ("KEFU_ENCRYPT_AT_REST", "maybe", "it must be true or false"),
        ("KEFU_RETENTION_DAYS", "0", "it must be a whole number of at least 1"),
        ("KEFU_LLM_LANGUAGES", "en", 'it must be a JSON list, such as ["en", "zh"]'),
        ("KEFU_EMERGENCY_NUMBER", "call us", "emergency_number must be a phone number"),
    ],
)
def test_bad_setting_is_one_line(
    kefu_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
    allowed: str,
) -> None:
    monkeypatch.setenv(variable, value)
    result = CliRunner().invoke(app, ["kb", "list"])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: invalid setting: {variable}={value!r} is not allowed: ")
    assert allowed in line
    assert "pydantic" not in line and "type=" not in line


def test_a_bad_value_in_the_config_file_names_the_file(
    kefu_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "kefu.toml"
    config.write_text("top_k = 0.5\n", encoding="utf-8")
    monkeypatch.setenv("KEFU_CONFIG", str(config))
    result = CliRunner().invoke(app, ["kb", "list"])
    assert result.exit_code == 1
    assert f"top_k (in {config})=0.5 is not allowed: it must be a whole number" in result.stderr


def test_an_over_long_welcome_line_is_refused(kefu_env: dict[str, str]) -> None:
    from kefu.config.settings import load_settings
    from kefu.errors import ConfigError

    with pytest.raises(ConfigError, match="a welcome line is at most 500 characters, not 502"):
        load_settings(welcome_zh="您好" * 251)
