"""Live events across several server processes, through Redis pub/sub (``KEFU_REDIS_URL``).

One process alone keeps its events in memory (`EventHub`). Behind a load balancer, the customer's
event stream may be held by one process while the agent's reply arrives at another, so every
event must reach every process. `RedisEventHub` is the in-memory hub plus a bridge:

* ``publish`` delivers to this process's own listeners at once (no round trip, same order as
  before) and queues the event for Redis; one sender task publishes the queue in order.
* one listener task per process subscribes to the pattern ``<prefix>:*`` on a single Redis
  connection (not one per customer stream: 500 streams would be 500 connections) and hands
  every event from *other* processes to the local listeners. Events carry the id of the
  process that made them, so a process never delivers its own event twice.

If Redis goes away, local delivery goes on and the bridge retries with a growing pause; the
pages recover what they missed from the database (``?after=``), as after any network drop.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from kefu.service.events import EventHub

log = logging.getLogger("kefu.service.redis")

_QUEUE_LIMIT = 10_000  # events waiting for Redis; beyond it the oldest are dropped


class RedisEventHub(EventHub):
    shared = True

    def __init__(self, url: str, *, prefix: str = "kefu", queue_size: int = 256) -> None:
        super().__init__(queue_size=queue_size)
        self.url = url
        self.prefix = prefix
        self._outbox: asyncio.Queue[tuple[str, str]] | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._client: Any = None
        self.connected = asyncio.Event()  # set once the listener is subscribed

    # -- the in-memory side -----------------------------------------------------------------
    def publish(self, channel: str, name: str, data: dict[str, Any]) -> int:
        delivered = super().publish(channel, name, data)
        if self._outbox is not None:
            payload = json.dumps({"origin": self.origin, "name": name, "data": data})
            if self._outbox.full():  # Redis is gone for long: keep the newest events
                self._outbox.get_nowait()
            self._outbox.put_nowait((f"{self.prefix}:{channel}", payload))
        return delivered

    # -- the bridge -------------------------------------------------------------------------
    async def start(self) -> None:
        """Connect and start the sender and listener (on the server's event loop)."""
        import redis.asyncio as aioredis

        self._client = aioredis.Redis.from_url(self.url)
        self._outbox = asyncio.Queue(maxsize=_QUEUE_LIMIT)
        self._tasks = [
            asyncio.create_task(self._send(), name="kefu-redis-send"),
            asyncio.create_task(self._listen(), name="kefu-redis-listen"),
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def _send(self) -> None:
        assert self._outbox is not None
        pause = 0.5
        while True:
            channel, payload = await self._outbox.get()
            while True:
                try:
                    await self._client.publish(channel, payload)
                    pause = 0.5
                    break
                except Exception as exc:  # any Redis or network failure
                    log.warning("Redis publish failed (%s); retrying in %.1f s", exc, pause)
                    await asyncio.sleep(pause)
                    pause = min(pause * 2, 10.0)

    async def _listen(self) -> None:
        pause = 0.5
        cut = len(self.prefix) + 1
        while True:
            try:
                async with self._client.pubsub() as pubsub:
                    await pubsub.psubscribe(f"{self.prefix}:*")
                    self.connected.set()
                    pause = 0.5
                    async for message in pubsub.listen():
                        if message.get("type") != "pmessage":
                            continue
                        self._deliver(_text(message["channel"])[cut:], message["data"])
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # reconnect on any failure
                self.connected.clear()
                log.warning("Redis subscription lost (%s); reconnecting in %.1f s", exc, pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, 10.0)

    def _deliver(self, channel: str, raw: bytes | str) -> None:
        try:
            event = json.loads(raw)
        except (TypeError, ValueError):
            return  # not ours
        if not isinstance(event, dict) or event.get("origin") == self.origin:
            return
        name, data = event.get("name"), event.get("data")
        if isinstance(name, str) and isinstance(data, dict):
            EventHub.publish(self, channel, name, data)


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
