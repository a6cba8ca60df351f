"""The contract every language-model backend meets.

Shaped like httpx's transport: one small streaming method that everything else is built on.
A backend is cheap to construct; `warm_up()` loads weights or checks the server.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from kefu.types import ChatMessage


@dataclass(frozen=True)
class ModelInfo:
    backend: str  # "llamacpp", "openai", "fake"
    name: str  # file name or served model name
    languages: tuple[str, ...]  # languages it writes well: ("en",) for the bundled model
    path: str | None = None  # local file, where there is one
    size_bytes: int | None = None
    details: dict[str, str] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        """The name for people: "SmolLM2-135M-Instruct.Q4_1 (served as Q8_0)"."""
        name = self.name.removesuffix(".gguf")
        served = self.details.get("served_as")
        return f"{name} (served as {served})" if served and served != "as shipped" else name


@runtime_checkable
class ChatModel(Protocol):
    @property
    def info(self) -> ModelInfo: ...

    def warm_up(self) -> None:
        """Load weights / open connections. Idempotent."""
        ...

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_tokens: int = 200,
        temperature: float = 0.2,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        """Yield the reply in pieces as the model produces them (tokens or small groups).

        Raises kefu.errors.LLMError when the backend fails.
        """
        ...

    def count_tokens(self, text: str) -> int:
        """Tokens `text` takes in this model's vocabulary (an estimate for remote models)."""
        ...


def complete(model: ChatModel, messages: Sequence[ChatMessage], **kwargs: object) -> str:
    """The whole reply as one string."""
    return "".join(model.stream(messages, **kwargs))  # type: ignore[arg-type]
