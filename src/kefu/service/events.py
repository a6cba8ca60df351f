"""In-process publish/subscribe for live support: customers, agents and the queue.

Channels are plain strings: ``conv:<id>`` carries a conversation's messages and status changes
(the customer and the agent holding it both listen), ``queue`` tells every agent console that
the queue changed. Everything runs on the event loop of the one server process; several
processes behind a load balancer would need a shared broker (Redis pub/sub), which is why
the hub is this small interface.

Subscribers get bounded queues. A client too slow to keep up is sent a ``resync`` event and
dropped; it reconnects and reads what it missed from the database (``?after=<message id>``),
so nothing is lost, only re-read. When the server stops, `EventHub.shut_down` ends every feed
with a ``closing`` event: the streams end and the pages reconnect to the next process.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

QUEUE_CHANNEL = "queue"


def conversation_channel(conversation_id: str) -> str:
    return f"conv:{conversation_id}"


@dataclass(frozen=True)
class Event:
    name: str
    data: dict[str, Any]


# What a feed returns once the server is stopping; a stream that gets it ends.
CLOSING = Event("closing", {"reason": "the server is stopping"})


class _Subscriber:
    def __init__(self, size: int) -> None:
        self.queue: asyncio.Queue[Event] = asyncio.Queue(maxsize=size)
        self.overflowed = False
        self.closed = False


class EventHub:
    """Fan-out of events to the clients listening on a channel."""

    # Whether events reach other server processes too (`RedisEventHub`); in memory: no.
    shared = False

    def __init__(self, *, queue_size: int = 256) -> None:
        self._queue_size = queue_size
        self._subs: dict[str, set[_Subscriber]] = defaultdict(set)
        # Names this process's events where several processes share them.
        self.origin = uuid.uuid4().hex
        self.closing = False

    async def start(self) -> None:
        """Called by the app's lifespan; nothing to connect for the in-memory hub."""

    async def stop(self) -> None:
        """Called by the app's lifespan on shutdown."""

    def publish(self, channel: str, name: str, data: dict[str, Any]) -> int:
        """Send an event to everyone on ``channel`` now; returns how many got it.

        Must be called on the event loop's thread (route handlers are).
        """
        event = Event(name, data)
        delivered = 0
        for sub in list(self._subs.get(channel, ())):
            if sub.overflowed:
                continue
            try:
                sub.queue.put_nowait(event)
                delivered += 1
            except asyncio.QueueFull:
                sub.overflowed = True
        return delivered

    def shut_down(self) -> None:
        """The server is stopping: every feed, and any opened from now on, returns `CLOSING`,
        so the event streams end instead of holding the server up (`kefu.service.server`).
        Must be called on the event loop's thread."""
        self.closing = True
        for subs in self._subs.values():
            for sub in subs:
                sub.closed = True
                with contextlib.suppress(asyncio.QueueFull):  # a full queue wakes it anyway
                    sub.queue.put_nowait(CLOSING)

    def listeners(self, channel: str) -> int:
        return len(self._subs.get(channel, ()))

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[_Feed]:
        sub = _Subscriber(self._queue_size)
        sub.closed = self.closing
        self._subs[channel].add(sub)
        try:
            yield _Feed(sub)
        finally:
            self._subs[channel].discard(sub)
            if not self._subs[channel]:
                del self._subs[channel]


class _Feed:
    """What a subscriber reads: the next event, or None after ``timeout`` seconds of quiet
    (the caller sends a keep-alive comment then, which also notices a gone client)."""

    def __init__(self, sub: _Subscriber) -> None:
        self._sub = sub

    async def next(self, timeout: float) -> Event | None:
        if self._sub.closed:
            return CLOSING
        if self._sub.overflowed and self._sub.queue.empty():
            return Event("resync", {"reason": "too many events; read the history again"})
        try:
            event = await asyncio.wait_for(self._sub.queue.get(), timeout)
        except TimeoutError:
            return None
        return CLOSING if self._sub.closed else event
