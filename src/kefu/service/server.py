"""Run the app under uvicorn so that it stops when told to, event streams open or not.

uvicorn stops by closing its listening sockets, then waiting for every open connection to
finish. An event stream (a customer's chat page, an agent's console) never finishes by itself,
so a SIGTERM used to hang at "Waiting for connections to close" until the last browser went
away, and `systemctl restart` had to kill the process. Here the event hub ends every stream
once the sockets are closed (`EventHub.shut_down`): each page sees its stream end, reconnects
to whichever process answers next, and reads what it missed from the database (``?after=``).
A request still running ``GRACE_S`` later (an answer being written) is cancelled.
"""

from __future__ import annotations

import socket

import uvicorn

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
