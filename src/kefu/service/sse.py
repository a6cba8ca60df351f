"""Server-sent events, and running the assistant's synchronous stream off the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from typing import Any

from starlette.concurrency import iterate_in_threadpool

from kefu.errors import DatabaseError, KefuError
from kefu.types import Answer

log = logging.getLogger("kefu.service")

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def sse(data: Any, event: str | None = None) -> str:
    """One event; ``data`` is JSON-encoded (so it never spans lines) unless already a str."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {payload}\n\n"


async def turn_pieces(
    stream: Iterator[str | Answer],
) -> AsyncGenerator[str | Answer | KefuError | Exception, None]:
    """The assistant's pieces, each ``next()`` run in a worker thread.

    A failure part-way becomes the last item instead of an exception: the response has
    started (status 200) by then, so the caller reports it as an event.
    """
    try:
        async for piece in iterate_in_threadpool(stream):
            yield piece
    except KefuError as exc:
        yield exc
    except Exception as exc:  # the stream must end with an event, not a reset
        log.exception("the assistant failed while streaming")
        yield exc
    finally:
        close = getattr(stream, "close", None)
        if callable(close):
            # Runs the assistant's cleanup (stops the model) after a disconnect; ValueError:
            # still running in its worker thread, and it ends by itself.
            with contextlib.suppress(ValueError):
                close()


def error_text(exc: Exception) -> str:
    if isinstance(exc, DatabaseError):  # its message names the database: not for clients
        return exc.public
    return str(exc) if isinstance(exc, KefuError) else "internal error"


# Turns that outlived their response; held so the loop does not drop them half-way.
_DETACHED: set[asyncio.Task[None]] = set()


async def detached(source: AsyncIterator[str]) -> AsyncIterator[str]:
    """Relay ``source``'s events, running it to its end in a task of its own.

    A turn is stored once it is complete. Were it cancelled with its response, a customer who
    reloads the page (or loses the connection) while the bot is still answering would lose the
    question itself. So the turn finishes and is stored anyway; the reloaded page gets it
    from the history or the event stream. What the client is no longer there to read is
    dropped.
    """
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    async def run() -> None:
        try:
            async for item in source:
                queue.put_nowait(item)
        except Exception:  # e.g. the database: the stream still ends with an event
            log.exception("a streamed turn failed")
            queue.put_nowait(sse({"error": "internal error"}, "error"))
        finally:
            queue.put_nowait(None)

    task = asyncio.get_running_loop().create_task(run())
    _DETACHED.add(task)
    task.add_done_callback(_DETACHED.discard)
    while (item := await queue.get()) is not None:
        yield item
