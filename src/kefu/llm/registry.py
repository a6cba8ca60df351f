"""Pick and build the chat model the settings ask for, and describe the backends on offer.

Backends are imported only when chosen, so that a user of the OpenAI-compatible backend never
loads llama.cpp and the CLI can list backends without importing any of them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kefu.errors import ConfigError
from kefu.llm.base import ChatModel

if TYPE_CHECKING:
    from kefu.config.settings import Settings


def create_chat_model(settings: Settings) -> ChatModel:
    """The configured backend, constructed but not warmed up (no weights loaded yet)."""
    backend = settings.llm_backend
    languages = tuple(settings.llm_languages) if settings.llm_languages else None
    if backend == "llamacpp":
        from kefu.llm.llamacpp import LlamaCppModel

        reencode: str | None = None
        if settings.llm_model:
            from kefu.llm.catalog import registered_languages

            path = _resolve_model_path(settings.llm_model, settings.models_dir)
            # A model registered from a SmolLM2 fine-tune keeps its base's languages.
            default_languages: tuple[str, ...] = registered_languages(
                settings.llm_model, settings.models_dir
            ) or ("en", "zh")
        else:
            from kefu.llm.bundled import bundled_gguf_path

            path = bundled_gguf_path()
            default_languages = ("en",)  # SmolLM2-135M writes English only
            if settings.llm_bundled_format == "q8_0":
                reencode = "q8_0"  # same weights, faster prompt kernels: kefu.llm.convert
        return LlamaCppModel(
            path,
            n_ctx=settings.llm_context,
            n_threads=settings.llm_threads,
            n_threads_batch=settings.llm_batch_threads,
            flash_attention=settings.llm_flash_attention,
            extra_buffers=settings.llm_extra_buffers,
            languages=languages or default_languages,
            reencode=reencode,
            reencode_dir=settings.models_dir / "converted",
        )
    if backend == "openai":
        from kefu.llm.openai_compat import OpenAICompatModel

        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
        return OpenAICompatModel(
            settings.llm_base_url,
            model=settings.llm_model or "default",
            api_key=key,
            languages=languages or ("en", "zh"),
            timeout_s=settings.llm_timeout_s,
        )
    if backend == "fake":
        from kefu.llm.fake import FakeChatModel

        return FakeChatModel(echo=True, languages=languages or ("en", "zh"))
    raise ConfigError(f"unknown LLM backend {backend!r}; choose llamacpp, openai or fake")


def _resolve_model_path(name: str, models_dir: Path) -> Path:
    """A name added with `kefu models add`, a path as given, or a file name in <home>/models."""
    from kefu.llm.catalog import lookup_registered

    registered = lookup_registered(name, models_dir)
    if registered is not None:
        return registered
    path = Path(name).expanduser()
    if not path.exists() and not path.is_absolute() and (models_dir / path).exists():
        return models_dir / path
    return path


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def available_backends() -> list[dict[str, Any]]:
    """One dict per backend: name, description, package, installed (for `kefu models`)."""
    from kefu.llm.bundled import has_bundled_model

    return [
        {
            "name": "llamacpp",
            "description": "GGUF model run locally by llama.cpp; default: bundled SmolLM2-135M "
            "(English only)",
            "package": "llama-cpp-python",
            "installed": _installed("llama_cpp"),
            "bundled_model": has_bundled_model(),
        },
        {
            "name": "openai",
            "description": "any OpenAI-compatible server (vLLM, llama.cpp server, Ollama, "
            "hosted APIs) at llm_base_url",
            "package": "httpx",
            "installed": _installed("httpx"),
        },
        {
            "name": "fake",
            "description": "scripted/echo model for tests and demos; no weights",
            "package": None,
            "installed": True,
        },
    ]
