"""A server stopping while a slow model turn is being written (a deploy, `systemctl restart`).

The tester's server got SIGTERM 0.7 s into a generated answer; past the graceful-shutdown
time uvicorn cancelled the request and the customer got a plain-text "500 Internal Server
Error". Now the reply is JSON 503 with Retry-After, and nothing of the turn is stored (a
question is stored with its answer), so sending it again is safe.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import uvicorn
from service_data import PAIRING_REPLY

from conftest import MakeClient
from kefu.llm.fake import FakeChatModel
from kefu.service.server import Server
from kefu.types import ChatMessage


class Slow:
    """A fake model's `stream`, one piece every ``pause`` seconds."""

    def __init__(self, model: FakeChatModel, pause: float) -> None:
        self.inner = model.stream
        self.pause = pause
        self.writing = threading.Event()

    def __call__(self, messages: Sequence[ChatMessage], **options: Any) -> Iterator[str]:
        pieces = self.inner(messages, **options)

        def slowly() -> Iterator[str]:
            self.writing.set()
            for piece in pieces:
                time.sleep(self.pause)
                yield piece

        return slowly()


def test_a_turn_cut_short_by_a_shutdown_is_json_503_and_can_be_sent_again(
    make_client: MakeClient,
) -> None:
    client, llm = make_client(replies=[PAIRING_REPLY] * 3)
    app: Any = client.app
    model = Slow(llm, pause=0.5)
    llm.stream = model  # type: ignore[method-assign]
    created = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/conversations/{created['id']}/messages"
    question = {"text": "How do I pair the Gadget Pro with my phone?", "client_id": "q-1"}

    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical")
    config.timeout_graceful_shutdown = 1  # kefu serve: GRACE_S
    server = Server(config, app.state.kefu.hub)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    replies: list[httpx.Response] = []
    asking = threading.Thread(
        target=lambda: replies.append(
            httpx.post(f"http://127.0.0.1:{port}{url}", json=question, headers=auth, timeout=60)
        )
    )
    asking.start()
    assert model.writing.wait(30), "the turn never reached the model"
    server.should_exit = True  # as SIGTERM does
    asking.join(30)
    thread.join(30)
    (reply,) = replies
    assert reply.status_code == 503, reply.text
    assert reply.headers["retry-after"] == "5"
    assert "send it again" in reply.json()["error"]
    # Nothing half-stored: the same message (same client id) is a new turn, answered whole.
    model.pause = 0.0
    again = client.post(url, json=question, headers=auth)
    assert again.status_code == 200, again.text
    history = client.get(url, headers=auth).json()["messages"]
    assert [m["role"] for m in history] == ["user", "assistant"]
