"""Rate limits: per client address (every API request) and per conversation (messages).

Token buckets: a limit of N per minute lets a burst of N through and then one every 60/N
seconds. One process keeps them in memory; several processes (``KEFU_REDIS_URL``) share them in
Redis (`RedisBuckets`: the same rule as GCRA, one atomic script per request, Redis's clock), so
the budget holds for the whole fleet. Over the limit, the reply is 429 with ``Retry-After``.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict
from typing import Any

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


# GCRA: a key holds the "theoretical arrival time" (TAT) of the next request, in microseconds
# of Redis's clock. A request is allowed while TAT - now stays within the burst window; each
# allowed request moves TAT on by one interval. Returns {allowed, microseconds to wait}.
_GCRA = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
if next_tat - now > window then
  return {0, next_tat - now - window}
end
redis.call('SET', KEYS[1], next_tat, 'PX', math.ceil(window / 1000) + 1000)
return {1, 0}
"""

log = logging.getLogger("kefu.service.ratelimit")


class RedisBuckets:
    """`TokenBuckets` shared by every process through Redis; falls back to the local buckets
    (per process) while Redis cannot be reached, so a Redis outage never blocks customers."""

    def __init__(self, client: Any, per_minute: int, *, prefix: str, name: str) -> None:
        self.client = client
        self.per_minute = per_minute
        self.prefix = f"{prefix}:ratelimit:{name}:"
        self.local = TokenBuckets(per_minute)
        self._script: Any = None

    async def allow(self, key: str) -> tuple[bool, float]:
        if self.per_minute <= 0:
            return True, 0.0
        interval = 60_000_000 // self.per_minute  # microseconds per token
        try:
            if self._script is None:
                self._script = self.client.register_script(_GCRA)
            allowed, wait_us = await self._script(
                keys=[self.prefix + key], args=[interval, interval * self.per_minute]
            )
        except Exception as exc:  # any Redis failure: limit this process alone meanwhile
            log.warning("Redis rate limit unavailable (%s); using this process's buckets", exc)
            return self.local.allow(key)
        return bool(allowed), int(wait_us) / 1_000_000


class RateLimit:
    """ASGI middleware: per-address limit on /api and /v1, per-conversation limit on sending
    messages (POST /api/conversations/{id}/messages)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        per_ip: int,
        per_conversation: int,
        redis_url: str | None = None,
        redis_prefix: str = "kefu",
    ) -> None:
        self.app = app
        self.ip = TokenBuckets(per_ip)
        self.conversation = TokenBuckets(per_conversation)
        self.shared: tuple[RedisBuckets, RedisBuckets] | None = None
        if redis_url:
            import redis.asyncio as aioredis

            client = aioredis.Redis.from_url(redis_url)
            self.shared = (
                RedisBuckets(client, per_ip, prefix=redis_prefix, name="ip"),
                RedisBuckets(client, per_conversation, prefix=redis_prefix, name="conversation"),
            )

    async def _allow(self, which: int, key: str) -> tuple[bool, float]:
        if self.shared is not None:
            return await self.shared[which].allow(key)
        return (self.ip, self.conversation)[which].allow(key)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if path.startswith(("/api/", "/v1/")):
            client = scope.get("client")
            allowed, wait = await self._allow(0, client[0] if client else "?")
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
                allowed, wait = await self._allow(1, parts[3])
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
