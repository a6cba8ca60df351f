"""A chat model served over the OpenAI chat-completions API (vLLM, llama.cpp server, Ollama...).

Streams `POST {base_url}/chat/completions` as server-sent events with a synchronous httpx
client. Every failure (refused connection, timeout, HTTP error, a stream that breaks off or
cannot be parsed) becomes an LLMError that says what happened; the API key never appears in one.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from kefu.errors import ConfigError, LLMError, MissingDependency
from kefu.llm._text import StopFilter, estimate_tokens
from kefu.llm.base import ModelInfo
from kefu.types import ChatMessage

if TYPE_CHECKING:
    import httpx

_MAX_ERROR_CHARS = 300


class OpenAICompatModel:
    def __init__(
        self,
        base_url: str,
        *,
        model: str,
        api_key: str | None = None,
        languages: Sequence[str] = ("en", "zh"),
        timeout_s: float = 60.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        base_url = base_url.strip().rstrip("/")
        if not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"LLM base URL must start with http:// or https://, got {base_url!r}")
        if timeout_s <= 0:
            raise ConfigError(f"LLM timeout must be positive, got {timeout_s}")
        self.base_url = base_url
        self.model = model
        self._api_key = api_key or None
        self._languages = tuple(languages)
        self._timeout_s = timeout_s
        self._transport = transport
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    @property
    def info(self) -> ModelInfo:
        return ModelInfo(
            backend="openai",
            name=self.model,
            languages=self._languages,
            details={"base_url": self.base_url},
        )

    def __repr__(self) -> str:  # keeps the key out of logs and tracebacks
        return f"OpenAICompatModel({self.base_url!r}, model={self.model!r})"

    def warm_up(self) -> None:
        """Build the HTTP client. No request is made: many servers have no /models route."""
        with self._lock:
            if self._client is not None:
                return
            try:
                import httpx
            except ImportError as exc:
                raise MissingDependency("httpx", purpose="OpenAI-compatible servers") from exc
            headers = {"Accept": "text/event-stream"}
            if self._api_key:
                headers["Authorization"] = f"Bearer {self._api_key}"
            self._client = httpx.Client(
                timeout=httpx.Timeout(self._timeout_s),
                headers=headers,
                transport=self._transport,
            )

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def stream(
        self,
        messages: Sequence[ChatMessage],
        *,
        max_tokens: int = 200,
        temperature: float = 0.2,
        stop: Sequence[str] = (),
    ) -> Iterator[str]:
        if not messages:
            raise LLMError("no messages to answer")
        if max_tokens < 1:
            raise LLMError(f"max_tokens must be at least 1, got {max_tokens}")
        body: dict[str, Any] = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "stream": True,
            "max_tokens": max_tokens,
            "temperature": temperature,
        }
        stops = [s for s in stop if s]
        if stops:
            body["stop"] = stops
        # Servers differ in how faithfully they apply `stop`; applying it here as well costs
        # little and makes the behaviour the same everywhere.
        return StopFilter(stops).apply(self._deltas(body))

    def _deltas(self, body: dict[str, Any]) -> Iterator[str]:
        import httpx

        self.warm_up()
        assert self._client is not None
        url = f"{self.base_url}/chat/completions"
        try:
            with self._client.stream("POST", url, json=body) as response:
                if response.status_code >= 400:
                    response.read()
                    raise LLMError(
                        f"{url} answered HTTP {response.status_code}: "
                        f"{self._redact(_error_message(response))}"
                    )
                yield from self._parse_events(response.iter_lines(), url)
        except httpx.ConnectError as exc:
            raise LLMError(f"cannot connect to {url}: {self._redact(str(exc))}") from exc
        except httpx.TimeoutException as exc:
            raise LLMError(f"{url} did not answer within {self._timeout_s:g} s") from exc
        except httpx.HTTPError as exc:
            reason = self._redact(str(exc)) or type(exc).__name__
            raise LLMError(f"connection to {url} failed mid-reply: {reason}") from exc

    def _parse_events(self, lines: Iterator[str], url: str) -> Iterator[str]:
        finished = False
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith(":"):  # blank separators and SSE comments
                continue
            if not line.startswith("data:"):  # `event:`, `id:`, `retry:` carry nothing we use
                continue
            payload = line[5:].strip()
            if payload == "[DONE]":
                return
            try:
                event = json.loads(payload)
            except json.JSONDecodeError as exc:
                raise LLMError(
                    f"{url} sent a malformed event: {self._redact(payload[:_MAX_ERROR_CHARS])!r}"
                ) from exc
            if not isinstance(event, dict):
                raise LLMError(f"{url} sent an event that is not a JSON object")
            if "error" in event:
                raise LLMError(
                    f"{url} reported an error: {self._redact(_describe(event['error']))}"
                )
            choices = event.get("choices") or []
            if not choices:  # e.g. a trailing usage-only event
                continue
            choice = choices[0] if isinstance(choices[0], dict) else {}
            delta = choice.get("delta") or {}
            content = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(content, str) and content:
                yield content
            if choice.get("finish_reason"):
                finished = True
        # Older servers end without [DONE] but do send a finish_reason; anything else means
        # the stream broke off and the reply may be cut short.
        if not finished:
            raise LLMError(f"the stream from {url} ended before the reply was complete")

    def _redact(self, text: str) -> str:
        if self._api_key and self._api_key in text:
            text = text.replace(self._api_key, "***")
        return text

    def count_tokens(self, text: str) -> int:
        """An estimate: the served model's tokenizer is not available here."""
        return estimate_tokens(text)


def _error_message(response: httpx.Response) -> str:
    """The server's own explanation, from the usual JSON shapes or the plain body."""
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        text = response.text.strip()
        return text[:_MAX_ERROR_CHARS] or response.reason_phrase
    if isinstance(data, dict):
        for key in ("error", "detail", "message"):
            if key in data:
                return _describe(data[key])
    return json.dumps(data, ensure_ascii=False)[:_MAX_ERROR_CHARS]


def _describe(error: Any) -> str:
    if isinstance(error, dict):
        message = error.get("message") or error.get("msg") or json.dumps(error, ensure_ascii=False)
        return str(message)[:_MAX_ERROR_CHARS]
    return str(error)[:_MAX_ERROR_CHARS]
