"""Rate limits: per client address (every API request), per conversation (messages), and the
sign-in and failed-credential limits that keep guessing slow.

Token buckets: a limit of N per period (a minute unless a `Rule` says otherwise) lets a burst
of N through and then one every period/N seconds. One process keeps them in memory; several
processes (``KEFU_REDIS_URL``) share them in Redis (`RedisBuckets`: the same rule as GCRA, one
atomic script per request, Redis's clock), so the budget holds for the whole fleet. Over the
limit, the reply is 429 with ``Retry-After``.

The middleware (`RateLimit`) charges what it can judge from the path alone: the address. What
depends on who is asking is charged by the routes through `Limits`, once the credentials are
checked: a conversation's message budget only for its own customer (`kefu.service.deps`), a
failed customer token against the caller's address, a sign-in against the address and the
account name (`kefu.service.auth`).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("kefu.service.ratelimit")


@dataclass(frozen=True)
class Rule:
    """``limit`` requests in a burst, refilled evenly over ``per_s`` seconds; 0 is no limit."""

    limit: int
    per_s: float = 60.0


class TokenBuckets:
    """``allow(key)`` spends one token from the key's bucket if it has one."""

    def __init__(self, limit: int, *, per_s: float = 60.0, max_keys: int = 100_000) -> None:
        self.capacity = float(limit)
        self.rate = limit / per_s  # tokens per second
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._max_keys = max_keys
        self._lock = threading.Lock()

    def allow(self, key: str, *, now: float | None = None) -> tuple[bool, float]:
        """(allowed, seconds until a token is free)."""
        if self.capacity <= 0:
            return True, 0.0
        t = time.monotonic() if now is None else now
        with self._lock:
            tokens = self._tokens(key, t)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key] = (tokens, t)
            # Forget the least recently seen keys, so memory stays bounded under a flood.
            while len(self._buckets) > self._max_keys:
                self._buckets.popitem(last=False)
        wait = 0.0 if allowed else (1.0 - tokens) / self.rate
        return allowed, wait

    def refund(self, key: str, *, now: float | None = None) -> None:
        """Give back one token (the request turned out not to count)."""
        if self.capacity <= 0:
            return
        t = time.monotonic() if now is None else now
        with self._lock:
            if key in self._buckets:
                self._buckets[key] = (min(self.capacity, self._tokens(key, t) + 1.0), t)

    def reset(self, key: str) -> None:
        """A full bucket again."""
        with self._lock:
            self._buckets.pop(key, None)

    def _tokens(self, key: str, t: float) -> float:
        tokens, last = self._buckets.pop(key, (self.capacity, t))
        return min(self.capacity, tokens + (t - last) * self.rate)


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

# A refund moves TAT back by one interval, never before now (a bucket holds no more than full).
_REFUND = """
local tat = tonumber(redis.call('GET', KEYS[1]))
if not tat then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local back = tat - tonumber(ARGV[1])
if back <= now then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], back, 'KEEPTTL') end
return 1
"""


class RedisBuckets:
    """`TokenBuckets` shared by every process through Redis; falls back to the local buckets
    (per process) while Redis cannot be reached, so a Redis outage never blocks customers."""

    def __init__(
        self, client: Any, limit: int, *, prefix: str, name: str, per_s: float = 60.0
    ) -> None:
        self.client = client
        self.limit = limit
        self.interval = int(per_s * 1_000_000) // limit if limit > 0 else 0  # µs per token
        self.prefix = f"{prefix}:ratelimit:{name}:"
        self.local = TokenBuckets(limit, per_s=per_s)
        self._scripts: dict[str, Any] = {}

    def _script(self, source: str) -> Any:
        if source not in self._scripts:
            self._scripts[source] = self.client.register_script(source)
        return self._scripts[source]

    async def allow(self, key: str) -> tuple[bool, float]:
        if self.limit <= 0:
            return True, 0.0
        try:
            allowed, wait_us = await self._script(_GCRA)(
                keys=[self.prefix + key], args=[self.interval, self.interval * self.limit]
            )
        except Exception as exc:  # any Redis failure: limit this process alone meanwhile
            log.warning("Redis rate limit unavailable (%s); using this process's buckets", exc)
            return self.local.allow(key)
        return bool(allowed), int(wait_us) / 1_000_000

    async def refund(self, key: str) -> None:
        if self.limit <= 0:
            return
        try:
            await self._script(_REFUND)(keys=[self.prefix + key], args=[self.interval])
        except Exception as exc:
            log.warning("Redis rate limit unavailable (%s); using this process's buckets", exc)
            self.local.refund(key)

    async def reset(self, key: str) -> None:
        try:
            await self.client.delete(self.prefix + key)
        except Exception as exc:
            log.warning("Redis rate limit unavailable (%s); using this process's buckets", exc)
        self.local.reset(key)


# Failed customer tokens per address: a page never fails, a script guessing ids soon does.
FAILED_AUTH_PER_MINUTE = 30
# Sign-in: failures per address, and failures per account name from any address (the name's
# bucket refills over 15 minutes: after 10 failures, one try every 90 s until a success).
LOGIN_PER_ADDRESS = Rule(10)
LOGIN_PER_NAME = Rule(10, per_s=15 * 60)
# Past the name's lock an address with no failure for that name in 15 minutes still gets its
# try: a name under attack must not lock its own agent out (docs/service.md). One failure
# spends the address's token for that name.
LOGIN_NAME_FROM_ADDRESS = Rule(1, per_s=15 * 60)
# Typing hints: one per conversation and side in this many seconds (pages send one every 3 s).
TYPING_EVERY_S = 2.0


def service_rules(*, per_ip: int, per_conversation: int) -> dict[str, Rule]:
    """The service's limits. ``per_ip`` 0 turns off the per-address ones (a test, or a proxy
    in front that limits by itself); the per-name sign-in lock stays."""
    on = per_ip > 0
    return {
        "ip": Rule(per_ip),
        "conversation": Rule(per_conversation),
        "auth_failed": Rule(FAILED_AUTH_PER_MINUTE if on else 0),
        # Past the failure budget: one audit entry a minute per address, not one per request.
        "auth_limited_audit": Rule(1),
        "login_ip": LOGIN_PER_ADDRESS if on else Rule(0),
        "login_name": LOGIN_PER_NAME,
        "login_name_address": LOGIN_NAME_FROM_ADDRESS,
        "typing": Rule(1, per_s=TYPING_EVERY_S),
    }


class Limits:
    """Named limits, each a bucket per key: in this process, or shared through Redis."""

    def __init__(
        self, rules: Mapping[str, Rule], *, redis_url: str | None = None, prefix: str = "kefu"
    ) -> None:
        self.rules = dict(rules)
        self.local = {n: TokenBuckets(r.limit, per_s=r.per_s) for n, r in self.rules.items()}
        self.shared: dict[str, RedisBuckets] | None = None
        if redis_url:
            import redis.asyncio as aioredis

            client = aioredis.Redis.from_url(redis_url)
            self.shared = {
                n: RedisBuckets(client, r.limit, prefix=prefix, name=n, per_s=r.per_s)
                for n, r in self.rules.items()
            }

    async def allow(self, name: str, key: str) -> tuple[bool, float]:
        """Spend one of ``key``'s tokens under limit ``name``: (allowed, seconds to wait)."""
        if self.shared is not None:
            return await self.shared[name].allow(key)
        return self.local[name].allow(key)

    async def refund(self, name: str, key: str) -> None:
        if self.shared is not None:
            await self.shared[name].refund(key)
        else:
            self.local[name].refund(key)

    async def reset(self, name: str, key: str) -> None:
        if self.shared is not None:
            await self.shared[name].reset(key)
        else:
            self.local[name].reset(key)


def retry_after(wait: float) -> int:
    """Whole seconds for ``Retry-After``: at least 1."""
    return max(1, math.ceil(wait))


class RateLimit:
    """ASGI middleware: the per-address limit on /api and /v1, before anything is read."""

    def __init__(self, app: ASGIApp, *, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path", "").startswith(("/api/", "/v1/")):
            client = scope.get("client")
            allowed, wait = await self.limits.allow("ip", client[0] if client else "?")
            if not allowed:
                await _too_many(send, wait, "too many requests from this address")
                return
        await self.app(scope, receive, send)


async def _too_many(send: Send, wait: float, message: str) -> None:
    import json

    retry = retry_after(wait)
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
