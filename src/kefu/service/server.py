"""Run the app under uvicorn so that it stops when told to, event streams open or not.

uvicorn stops by closing its listening sockets, then waiting for every open connection to
finish. An event stream (a customer's chat page, an agent's console) never finishes by itself,
so a SIGTERM used to hang at "Waiting for connections to close" until the last browser went
away, and `systemctl restart` had to kill the process. Here the event hub ends every stream
once the sockets are closed (`EventHub.shut_down`): each page sees its stream end, reconnects
to whichever process answers next, and reads what it missed from the database (``?after=``).
A request still running ``GRACE_S`` later (an answer being written) is cancelled; one that
has not begun its reply gets a JSON 503 with ``Retry-After`` (`ShutdownReply`), not uvicorn's
plain-text 500, so a client sends it again to the next process.
"""

from __future__ import annotations

import asyncio
import json
import socket

import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kefu.service.events import EventHub

GRACE_S = 20  # seconds; well inside systemd's default 90 s before it sends SIGKILL


class Server(uvicorn.Server):
    """uvicorn's server, which ends kefu's event streams when it stops."""

    def __init__(self, config: uvicorn.Config, hub: EventHub) -> None:
        super().__init__(config)
        self.hub = hub

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # Stop listening first (uvicorn does it again, harmlessly), so that the pages'
        # reconnects cannot reach this process; then end the streams.
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        self.hub.shut_down()
        await super().shutdown(sockets=sockets)


def config(app: object, *, host: str, port: int, log_level: str = "info") -> uvicorn.Config:
    return uvicorn.Config(
        app,  # type: ignore[arg-type]
        host=host,
        port=port,
        log_level=log_level,
        timeout_graceful_shutdown=GRACE_S,
        server_header=False,  # "Server: uvicorn" tells a visitor nothing they need
    )


def run(app: object, *, host: str, port: int, log_level: str = "info") -> None:
    """Serve ``app`` (from `create_app`) until SIGINT or SIGTERM."""
    hub: EventHub = app.state.kefu.hub  # type: ignore[attr-defined]
    Server(config(app, host=host, port=port, log_level=log_level), hub).run()


#: Seconds a client is told to wait before sending a request the shutdown cut short.
RETRY_AFTER_S = 5


class ShutdownReply:
    """ASGI middleware: a request cancelled before its reply began (the server stopping, a
    slow model turn past ``GRACE_S``) is answered ``503 {"error": ...}`` with ``Retry-After``.

    The turn is not stored: a question and its answer are stored together once the answer is
    made (`Assistant._record`), so a cut-short turn leaves no half of itself. The client sends
    the message again (with its ``client_id``; the chat page's outbox does) to the next process."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except asyncio.CancelledError:
            if not started:  # uvicorn cancels once: this task can still write its reply
                await _unavailable(send, scope.get("path", "").startswith("/v1/"))
            raise


async def _unavailable(send: Send, openai: bool) -> None:
    message = (
        "the server is restarting and could not finish this request; nothing of it was "
        f"stored: send it again in {RETRY_AFTER_S} s"
    )
    error: object = message
    if openai:  # OpenAI's shape on /v1 (kefu.service.app.error_response)
        error = {"message": message, "type": "server_error", "code": 503}
    body = json.dumps({"error": error}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(RETRY_AFTER_S).encode()),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})
