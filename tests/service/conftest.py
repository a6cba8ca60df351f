"""Fixtures for the HTTP service tests: the app over a small knowledge base, in process.

The assistant is built like the dialogue tests build theirs (tests/dialogue/conftest.py):
the hashing embedder, the scripted fake LLM, SQLite under tmp_path (or PostgreSQL) and a
fixed, hand-written confidence function, so every answer below follows from this file's FAQ
and manual. It is
injected into `create_app`, and the app runs under starlette's TestClient (lifespan included).
"""

from __future__ import annotations

import contextlib
import http.server
import json
import math
import queue
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

pytest.importorskip("fastapi", reason="the service needs the 'serve' extra (fastapi, uvicorn)")

from fastapi.testclient import TestClient
from service_data import FAQ_CSV, HELP_MD, PAIRING_REPLY

from kefu.config import Settings
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.confidence import ConfidenceModel
from kefu.knowledge.base import KnowledgeBase
from kefu.llm.fake import FakeChatModel
from kefu.retrieval.embedders import HashingEmbedder
from kefu.service.app import create_app


@dataclass(frozen=True)
class StubConfidence:
    """sigmoid(6 * dense_top + 4 * coverage - 6), as in tests/dialogue/conftest.py."""

    curated_threshold: float = 0.6
    answer_threshold: float = 0.3

    def predict(self, features: Mapping[str, float]) -> float:
        if not features or not any(features.values()):
            return 0.0
        z = 6.0 * features.get("dense_top", 0.0) + 4.0 * features.get("coverage", 0.0) - 6.0
        return 1.0 / (1.0 + math.exp(-z))


MakeClient = Callable[..., tuple[TestClient, FakeChatModel]]


def fake_assistant(
    root: Path, *, replies: list[str] | None = None, **overrides: object
) -> tuple[Assistant, FakeChatModel]:
    """The assistant over this file's FAQ and manual, with its state under ``root``;
    keyword arguments go to Settings."""
    folder = root / "files"
    folder.mkdir(exist_ok=True)
    (folder / "faq.csv").write_text(FAQ_CSV, encoding="utf-8")
    (folder / "help.md").write_text(HELP_MD, encoding="utf-8")
    fields: dict[str, object] = {
        "home": root / "home",
        "embedder": "hashing",
        "llm_backend": "fake",
        "curated_threshold": 0.6,
        "answer_threshold": 0.3,
    }
    fields.update(overrides)
    settings = Settings(**fields)  # type: ignore[arg-type]
    kb = KnowledgeBase(settings, embedder=HashingEmbedder())
    report = kb.add([folder / "faq.csv", folder / "help.md"])
    assert report.ok, report.failed
    llm = FakeChatModel(replies or [], languages=("en",))
    assistant = Assistant(
        settings, kb=kb, llm=llm, confidence=cast(ConfidenceModel, StubConfidence())
    )
    return assistant, llm


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[MakeClient]:
    """Build (client, fake LLM); keyword arguments go to Settings."""
    opened: list[TestClient] = []

    def make(
        *, replies: list[str] | None = None, **overrides: object
    ) -> tuple[TestClient, FakeChatModel]:
        assistant, llm = fake_assistant(tmp_path, replies=replies, **overrides)
        client = TestClient(create_app(assistant.settings, assistant=assistant))
        client.__enter__()  # runs the lifespan (warm-up)
        opened.append(client)
        return client, llm

    yield make
    for client in opened:
        client.__exit__(None, None, None)
        assistant = cast(Assistant, client.app.state.kefu.assistant_)  # type: ignore[attr-defined]
        assistant.kb.db.dispose()


@pytest.fixture
def client(make_client: MakeClient, db_url: str) -> TestClient:
    """The service over SQLite and over PostgreSQL (`db_url`, tests/conftest.py): every API
    test that takes `client` runs against both databases."""
    return make_client(replies=[PAIRING_REPLY], database_url=db_url)[0]


# -- a real server on a port, for streams and the browser tests -----------------------------
@dataclass
class LiveServer:
    url: str
    app: object

    @property
    def assistant(self) -> Assistant:
        return cast(Assistant, self.app.state.kefu.assistant)  # type: ignore[attr-defined]


def serve_in_thread(app: object, port: int = 0) -> tuple[LiveServer, Callable[[], bool]]:
    """Run ``app`` under uvicorn on ``port`` (default: a free one) in a background thread, as
    `kefu serve` runs it (`kefu.service.server`); ``stop()`` says whether it stopped within
    10 s."""
    import socket
    import threading
    import time

    from kefu.service.server import Server, config

    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    server = Server(
        config(app, host="127.0.0.1", port=port, log_level="warning"),
        app.state.kefu.hub,  # type: ignore[attr-defined]
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)

    def stop() -> bool:
        server.should_exit = True
        thread.join(timeout=10)
        return not thread.is_alive()

    return LiveServer(f"http://127.0.0.1:{port}", app), stop


@pytest.fixture
def live_server(make_client: MakeClient) -> Iterator[LiveServer]:
    """The same app as `client`, served on a real port (SSE needs a real connection)."""
    client, _ = make_client(replies=[PAIRING_REPLY])
    server, stop = serve_in_thread(client.app)
    yield server
    stop()


# -- another site, for the widget ---------------------------------------------------------------
@contextlib.contextmanager
def site(html: str) -> Iterator[str]:
    """Serve ``html`` as a shop's page on its own little server (another origin, as a real
    site would be; Chromium blocks a page it cannot place on the network from loading scripts
    off the loopback address); yields its URL."""
    body = html.encode()

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # the browser closing its connection early is not an error here

    shop = Quiet(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=shop.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{shop.server_address[1]}/shop.html"
    finally:
        shop.shutdown()


# -- reading server-sent events in a background thread ----------------------------------------
def listen_events(url: str, headers: dict[str, str], out: queue.Queue[tuple[str, Any]]) -> None:
    """Read server-sent events into ``out`` until the stream ends or fails."""
    try:
        with httpx.stream("GET", url, headers=headers, timeout=httpx.Timeout(30.0)) as r:
            out.put(("http", r.status_code))
            name = "message"
            for line in r.iter_lines():
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    out.put((name, json.loads(line[5:])))
                    name = "message"
        out.put(("end", None))  # the server ended the stream
    except httpx.HTTPError as exc:
        out.put(("closed", str(exc)))


def next_event(events: queue.Queue[tuple[str, Any]], name: str, timeout: float = 10.0) -> Any:
    """The next event called ``name`` (others are skipped)."""
    while True:
        kind, data = events.get(timeout=timeout)
        if kind == name:
            return data
