"""A scripted chat model for tests and demos: no weights, no network, fully predictable.

Replies come from a queue, like the mock model of simonw/llm; every call's messages are kept in
`.calls` so tests can check what the pipeline sent. With ``echo=True`` an empty queue makes the
model repeat the last user message instead of failing.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence

from kefu.errors import LLMError
from kefu.llm._text import StopFilter, estimate_tokens, split_pieces
from kefu.llm.base import ModelInfo
from kefu.types import ChatMessage


class FakeChatModel:
    def __init__(
        self,
        replies: Iterable[str] | None = None,
        *,
        languages: Sequence[str] = ("en", "zh"),
        echo: bool = False,
    ) -> None:
        self._replies: deque[str] = deque(replies or ())
        self._languages = tuple(languages)
        self.echo = echo
        self.calls: list[list[ChatMessage]] = []
        self.warm_up_count = 0

    @property
    def info(self) -> ModelInfo:
        return ModelInfo(
            backend="fake",
            name="echo" if self.echo else "scripted",
            languages=self._languages,
            details={"queued": str(len(self._replies))},
        )

    def push(self, *replies: str) -> None:
        """Queue more scripted replies."""
        self._replies.extend(replies)

    def warm_up(self) -> None:
        self.warm_up_count += 1

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_tokens: int = 200,
        temperature: float = 0.2,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        # Not a generator itself: the call is recorded and the reply chosen when stream() is
        # called, so a test sees `.calls` even if it never iterates.
        if not messages:
            raise LLMError("no messages to answer")
        if max_tokens < 1:
            raise LLMError(f"max_tokens must be at least 1, got {max_tokens}")
        self.calls.append(list(messages))
        if self._replies:
            reply = self._replies.popleft()
        elif self.echo:
            users = [m.content for m in messages if m.role == "user"]
            reply = users[-1] if users else messages[-1].content
        else:
            raise LLMError("fake model has no scripted reply left")
        pieces = split_pieces(reply)[:max_tokens]
        return StopFilter(stop).apply(pieces)

    def count_tokens(self, text: str) -> int:
        return estimate_tokens(text)
