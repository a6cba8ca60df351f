"""OpenAICompatModel against httpx.MockTransport and against a real local SSE server."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from kefu_tests_llm_contract import ChatModelContract, messages

from kefu.errors import ConfigError, LLMError
from kefu.llm.base import complete
from kefu.llm.openai_compat import OpenAICompatModel

KEY = "sk-test-0123456789abcdef"


class TestOpenAIContract(ChatModelContract):
    expected_backend = "openai"

    @pytest.fixture
    def model(self, sse_server: Any) -> OpenAICompatModel:
        return OpenAICompatModel(sse_server.base_url, model="echo")


def _sse(*events: dict[str, Any] | str) -> bytes:
    out = b""
    for event in events:
        data = event if isinstance(event, str) else json.dumps(event, ensure_ascii=False)
        out += f"data: {data}\n\n".encode()
    return out


def _chunk(content: str | None = None, finish: str | None = None) -> dict[str, Any]:
    delta = {} if content is None else {"content": content}
    return {"choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def _mock(handler: Callable[[httpx.Request], httpx.Response], **kwargs: Any) -> OpenAICompatModel:
    return OpenAICompatModel(
        "http://llm.test/v1/", model="m", transport=httpx.MockTransport(handler), **kwargs
    )


def _stream_response(body: bytes) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)


def test_request_shape_and_streamed_deltas() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _stream_response(
            _sse(_chunk(""), _chunk("Hello"), _chunk(", world"), _chunk(finish="stop"), "[DONE]")
        )

    model = _mock(handler, api_key=KEY)
    pieces = list(model.stream(messages("hi"), max_tokens=7, temperature=0.5, stop=["\n\n"]))
    assert pieces == ["Hello", ", world"]
    request = seen[0]
    assert str(request.url) == "http://llm.test/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {KEY}"
    body = json.loads(request.content)
    assert body["model"] == "m" and body["stream"] is True
    assert body["max_tokens"] == 7 and body["temperature"] == 0.5 and body["stop"] == ["\n\n"]
    assert body["messages"][-1] == {"role": "user", "content": "hi"}


def test_no_authorization_header_without_key() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _stream_response(_sse(_chunk("ok", "stop"), "[DONE]"))

    assert complete(_mock(handler), messages()) == "ok"
    assert "authorization" not in seen[0].headers


def test_connection_refused_is_llm_error() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    model = OpenAICompatModel(f"http://127.0.0.1:{port}/v1", model="m", api_key=KEY)
    with pytest.raises(LLMError, match="cannot connect") as info:
        complete(model, messages())
    assert KEY not in str(info.value)


def test_timeout_is_llm_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(LLMError, match=r"did not answer within 2 s"):
        complete(_mock(handler, timeout_s=2), messages())


def test_http_error_reports_status_and_server_message() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, json={"error": {"message": "rate limit reached"}})

    with pytest.raises(LLMError, match=r"HTTP 429: rate limit reached"):
        complete(_mock(handler), messages())


def test_http_error_with_plain_text_body() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(502, text="Bad Gateway from proxy")

    with pytest.raises(LLMError, match=r"HTTP 502: Bad Gateway from proxy"):
        complete(_mock(handler), messages())


def test_error_event_inside_stream() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return _stream_response(_sse(_chunk("par"), {"error": {"message": "context overflow"}}))

    with pytest.raises(LLMError, match="context overflow"):
        complete(_mock(handler), messages())


def test_stream_ending_without_finish_or_done_is_llm_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return _stream_response(_sse(_chunk("Hello")))

    with pytest.raises(LLMError, match="ended before the reply was complete"):
        complete(_mock(handler), messages())


def test_finish_reason_without_done_is_accepted() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return _stream_response(_sse(_chunk("Hi"), _chunk(finish="length")))

    assert complete(_mock(handler), messages()) == "Hi"


def test_client_side_stop_even_if_server_ignores_it() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return _stream_response(
            _sse(_chunk("Answer: yes"), _chunk("\n\nUser:"), _chunk(" more"), "[DONE]")
        )

    assert complete(_mock(handler), messages(), stop=["User:"]) == "Answer: yes\n\n"


def test_bad_configuration() -> None:
    with pytest.raises(ConfigError, match="http"):
        OpenAICompatModel("localhost:8080", model="m")
    with pytest.raises(ConfigError, match="timeout"):
        OpenAICompatModel("http://x/v1", model="m", timeout_s=0)


def test_warm_up_makes_no_request() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(404)

    model = _mock(handler)
    model.warm_up()
    model.warm_up()
    assert calls == []
    assert KEY not in repr(OpenAICompatModel("http://x/v1", model="m", api_key=KEY))


# Against the real local server.


def test_server_500(sse_server: Any) -> None:
    model = OpenAICompatModel(sse_server.base_url, model="fail500")
    with pytest.raises(LLMError, match=r"HTTP 500: model crashed: out of memory"):
        complete(model, messages())


def test_server_401_never_shows_key(sse_server: Any) -> None:
    for name in ("unauthorized", "leaky"):
        model = OpenAICompatModel(sse_server.base_url, model=name, api_key=KEY)
        with pytest.raises(LLMError, match=r"HTTP 40[13]") as info:
            complete(model, messages())
        assert KEY not in str(info.value)
    assert sse_server.requests[-1]["headers"]["Authorization"] == f"Bearer {KEY}"


def test_server_drops_connection_mid_stream(sse_server: Any) -> None:
    model = OpenAICompatModel(sse_server.base_url, model="drop")
    received: list[str] = []
    with pytest.raises(LLMError, match=r"failed mid-reply|ended before"):
        for piece in model.stream(messages("one two three")):
            received.append(piece)
    assert received == ["one "]  # what arrived before the break was delivered


def test_server_closes_without_finishing(sse_server: Any) -> None:
    model = OpenAICompatModel(sse_server.base_url, model="eof")
    with pytest.raises(LLMError, match="ended before the reply was complete"):
        complete(model, messages())


def test_server_sends_malformed_event(sse_server: Any) -> None:
    model = OpenAICompatModel(sse_server.base_url, model="malformed")
    with pytest.raises(LLMError, match="malformed event"):
        complete(model, messages())


@pytest.mark.parametrize("behaviour", ["echo", "bytewise"])
def test_chinese_round_trip_over_http(sse_server: Any, behaviour: str) -> None:
    text = "您好！请问您的订单号是多少？我们会在24小时内处理退款。"
    model = OpenAICompatModel(sse_server.base_url, model=behaviour)
    pieces = list(model.stream(messages(text), max_tokens=500))
    assert "".join(pieces) == text
    assert len(pieces) > 10
    assert sse_server.requests[-1]["body"]["messages"][-1]["content"] == text


def test_unknown_route_is_reported(sse_server: Any) -> None:
    model = OpenAICompatModel(sse_server.base_url.removesuffix("/v1") + "/v2", model="echo")
    with pytest.raises(LLMError, match=r"HTTP 404: no route /v2/chat/completions"):
        complete(model, messages())
