"""Rate limits: per client address (every API request) and per conversation (messages).

Token buckets held in the server's memory: a limit of N per minute lets a burst of N through
and then one every 60/N seconds. One process, one set of buckets; a fleet of servers would
keep them in Redis instead. Over the limit, the reply is 429 with ``Retry-After``.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Receive, Scope, Send


class TokenBuckets:
    """``allow(key)`` spends one token from the key's bucket if it has one."""

    def __init__(self, per_minute: int, *, max_keys: int = 100_000) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens per second
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._max_keys = max_keys
        self._lock = threading.Lock()

    def allow(self, key: str, *, now: float | None = None) -> tuple[bool, float]:
        """(allowed, seconds until a token is free)."""
        if self.capacity <= 0:
            return True, 0.0
        t = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(key, (self.capacity, t))
            tokens = min(self.capacity, tokens + (t - last) * self.rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key] = (tokens, t)
            # Forget the least recently seen keys, so memory stays bounded under a flood.
            while len(self._buckets) > self._max_keys:
                self._buckets.popitem(last=False)
        wait = 0.0 if allowed else (1.0 - tokens) / self.rate
        return allowed, wait


class RateLimit:
    """ASGI middleware: per-address limit on /api and /v1, per-conversation limit on sending
    messages (POST /api/conversations/{id}/messages)."""

    def __init__(self, app: ASGIApp, *, per_ip: int, per_conversation: int) -> None:
        self.app = app
        self.ip = TokenBuckets(per_ip)
        self.conversation = TokenBuckets(per_conversation)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if path.startswith(("/api/", "/v1/")):
            client = scope.get("client")
            allowed, wait = self.ip.allow(client[0] if client else "?")
            if not allowed:
                await _too_many(send, wait, "too many requests from this address")
                return
            parts = path.split("/")
            if (
                scope.get("method") == "POST"
                and len(parts) == 5
                and parts[4] == "messages"
                and (parts[2] == "conversations")
            ):
                allowed, wait = self.conversation.allow(parts[3])
                if not allowed:
                    await _too_many(send, wait, "too many messages in this conversation")
                    return
        await self.app(scope, receive, send)


async def _too_many(send: Send, wait: float, message: str) -> None:
    import json

    retry = max(1, math.ceil(wait))
    body = json.dumps({"error": f"{message}; try again in {retry} s"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(retry).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
