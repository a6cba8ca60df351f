"""Bad input gets a clear 4xx JSON error, never a 500 or rendered HTML."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def _conversation(client: TestClient) -> tuple[str, dict[str, str]]:
    body = client.post("/api/conversations").json()
    return f"/api/conversations/{body['id']}/messages", {"Authorization": f"Bearer {body['token']}"}


def test_malformed_json_is_422_with_a_clear_error(client: TestClient) -> None:
    url, auth = _conversation(client)
    r = client.post(
        url, content=b'{"text": "hi"', headers={**auth, "Content-Type": "application/json"}
    )
    assert r.status_code == 422
    # Where and why, in words (QA report B, finding 9: the detail read "field": "13").
    where = "at character 13 (expecting ',' delimiter)"
    assert r.json() == {
        "error": f"the request body is not valid JSON {where}",
        "detail": [{"field": "body", "message": f"body: invalid JSON {where}"}],
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "text"), ({"txt": "hello"}, "text"), ({"text": 42}, "text"), ([], "body")],
)
def test_missing_or_wrong_fields_are_422(client: TestClient, body: object, field: str) -> None:
    url, auth = _conversation(client)
    r = client.post(url, json=body, headers=auth)
    assert r.status_code == 422, r.text
    error = r.json()
    assert error["error"].startswith("invalid request:")
    assert any(p["field"] == field for p in error["detail"]), error


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("", "empty", "empty"),
        ("  \n\t ", "empty", "empty"),
        ("\u200b\u200b", "empty", "empty"),
        ("\u202e\u2066", "empty", "empty"),
        ("\x80\x81", "empty", "empty"),
        ("x" * 4001, "too long", "too_long"),
    ],
)
@pytest.mark.parametrize("stream", [False, True])
def test_empty_or_too_long_text_is_400(
    client: TestClient, text: str, words: str, code: str, stream: bool
) -> None:
    url, auth = _conversation(client)
    r = client.post(url, params={"stream": stream}, json={"text": text}, headers=auth)
    assert r.status_code == 400, r.text  # refused before a stream starts
    assert words in r.json()["error"]
    assert r.json()["code"] == code  # what a page translates for the customer
    assert client.get(url, headers=auth).json()["messages"] == []


def test_4000_characters_are_accepted(client: TestClient) -> None:
    url, auth = _conversation(client)
    text = "refund " * 571 + "abc"
    assert len(text) == 4000
    r = client.post(url, json={"text": text}, headers=auth)
    assert r.status_code == 200, r.text


def test_body_over_64_kb_is_413(client: TestClient) -> None:
    url, auth = _conversation(client)
    big = {"text": "a" * (65 * 1024)}
    r = client.post(url, json=big, headers=auth)
    assert r.status_code == 413
    assert "64 KB" in r.json()["error"] and r.json()["code"] == "too_large"
    # Also without a Content-Length (a chunked upload), and on the OpenAI route.
    chunks = (b"x" * 8192 for _ in range(10))
    r = client.post(url, content=chunks, headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413
    r = client.post("/v1/chat/completions", content=b"{" + b" " * 70000 + b"}")
    assert r.status_code == 413
    assert "64 KB" in r.json()["error"]["message"]


def test_html_is_returned_as_json_data(client: TestClient) -> None:
    url, auth = _conversation(client)
    html = "<script>alert(1)</script><b>refund</b>?"
    r = client.post(url, json={"text": html}, headers=auth)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["x-content-type-options"] == "nosniff"
    history = client.get(url, headers=auth).json()["messages"]
    assert history[0]["content"] == html  # stored and returned verbatim, as a JSON string


@pytest.mark.parametrize("stream", [False, True])
def test_markup_without_words_is_400_and_nothing_is_kept(client: TestClient, stream: bool) -> None:
    url, auth = _conversation(client)
    text = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    r = client.post(url, params={"stream": stream}, json={"text": text}, headers=auth)
    assert r.status_code == 400, r.text
    assert "plain text" in r.json()["error"] and r.json()["code"] == "markup_only"
    assert client.get(url, headers=auth).json()["messages"] == []


def test_markup_around_words_is_answered_by_the_words(client: TestClient) -> None:
    url, auth = _conversation(client)
    plain = client.post(url, json={"text": "How long does a refund take?"}, headers=auth).json()
    marked = "<p onclick=alert(1)>How long does a <b>refund</b> take?</p><script>x()</script>"
    r = client.post(url, json={"text": marked}, headers=auth)
    assert r.status_code == 200
    assert r.json()["answer"] == plain["answer"]
    assert r.json()["sources"][0]["id"] == plain["sources"][0]["id"]


def test_unknown_route_and_method_are_json(client: TestClient) -> None:
    r = client.get("/api/nothing")
    assert r.status_code == 404 and "error" in r.json()
    r = client.delete("/api/conversations")
    assert r.status_code == 405 and "error" in r.json()


def test_model_failure_mid_stream_ends_with_an_error_event(client: TestClient) -> None:
    # The fixture's fake model has one scripted reply; the second generated turn finds none.
    url, auth = _conversation(client)
    question = {"text": "How do I pair the Gadget Pro with my phone?"}
    assert client.post(url, json=question, headers=auth).status_code == 200
    r = client.post(url, params={"stream": "true"}, json=question, headers=auth)
    assert r.status_code == 200
    assert "event: error" in r.text
    assert "no scripted reply" in r.text
    assert "event: answer" not in r.text
    # The same failure without streaming is a JSON error: the backend's fault, so 503.
    r = client.post(url, json=question, headers=auth)
    assert r.status_code == 503
    assert "no scripted reply" in r.json()["error"]


@pytest.mark.parametrize("message_id", [2**63, -(2**63) - 1, 2**31, 10**40, 0])
def test_an_id_out_of_range_is_422_never_500(client: TestClient, message_id: int) -> None:
    # SQLite overflows past 2**63 and PostgreSQL's integer column past 2**31: such an id names
    # no message, so it is the client's error.
    url, auth = _conversation(client)
    answer = client.post(url, json={"text": "How long does a refund take?"}, headers=auth).json()
    feedback = url.replace("/messages", "/feedback")
    r = client.post(feedback, json={"message_id": message_id, "value": -1}, headers=auth)
    assert r.status_code == 422, r.text
    assert "message_id" in r.json()["error"]
    # A well-formed id that names no message is 404; the answer's own id still works.
    r = client.post(feedback, json={"message_id": 2**31 - 1, "value": -1}, headers=auth)
    assert r.status_code == 404, r.text
    r = client.post(feedback, json={"message_id": answer["message_id"], "value": 1}, headers=auth)
    assert r.status_code == 201, r.text


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/messages", {"after": str(10**30)}),
        ("/messages", {"after": "-1"}),
        ("/messages", {"after": "1e5"}),
        ("/rating", None),
    ],
)
def test_other_integers_out_of_range_are_4xx(
    client: TestClient, path: str, params: dict[str, str] | None
) -> None:
    url, auth = _conversation(client)
    base = url.removesuffix("/messages")
    if params is None:
        r = client.post(base + path, json={"value": 10**30}, headers=auth)
    else:
        r = client.get(base + path, params=params, headers=auth)
    assert r.status_code in (200, 404, 422), r.text
    assert r.status_code != 200 or r.json()["messages"] == []


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b'{"text": "\xff\xfe bad"}', "not UTF-8"),
        (b'{"text": "x", "a": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested too deeply"),
        (b'{"text": ' + b"9" * 5000 + b"}", "number too long"),
    ],
)
def test_unreadable_json_is_422_and_says_why(client: TestClient, body: bytes, why: str) -> None:
    url, auth = _conversation(client)
    r = client.post(url, content=body, headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["error"].startswith("the request body is not valid JSON")
    assert why in r.json()["error"]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/messages", b'{"text": "hello \\ud800 there"}', "text"),
        ("/messages", b'{"text": "x\\udc00"}', "text"),
        ("/rating", b'{"value": 4, "comment": "\\udbff"}', "comment"),
        ("/v1", b'{"messages": [{"role": "user", "content": "\\ud800"}]}', "messages.0.content"),
    ],
)
def test_half_a_surrogate_pair_is_422_in_words(
    client: TestClient, path: str, body: bytes, field: str
) -> None:
    # QA report B, finding 9: "\ud800" got a 400 with Python's codec message.
    url, auth = _conversation(client)
    url = "/v1/chat/completions" if path == "/v1" else url.removesuffix("/messages") + path
    r = client.post(url, content=body, headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    message = error["message"] if path == "/v1" else error
    assert f"{field}: holds \\u" in message and "half of a UTF-16 surrogate pair" in message
    assert "codec" not in message
    if path == "/messages":
        history = client.get(url, headers=auth).json()["messages"]
        assert history == []  # refused at the door: nothing stored


@pytest.mark.parametrize(
    ("content_type", "said"),
    [
        ("text/plain", "'text/plain'"),
        ("application/x-www-form-urlencoded", "'application/x-www-form-urlencoded'"),  # curl -d
        (None, "has none"),
    ],
)
def test_json_without_a_json_content_type_is_415_and_names_it(
    client: TestClient, content_type: str | None, said: str
) -> None:
    url, auth = _conversation(client)
    headers = dict(auth)
    if content_type:
        headers["Content-Type"] = content_type
    r = client.post(url, content=b'{"text": "How long does a refund take?"}', headers=headers)
    assert r.status_code == 415, r.text
    assert "Content-Type: application/json" in r.json()["error"] and said in r.json()["error"]
    r = client.post(
        "/v1/chat/completions",
        content=b'{"messages": [{"role": "user", "content": "hi"}]}',
        headers={"Content-Type": "text/plain"},
    )
    assert r.status_code == 415
    assert "Content-Type" in r.json()["error"]["message"]


def test_an_echoed_id_is_clipped(client: TestClient) -> None:
    _url, auth = _conversation(client)
    r = client.get(f"/api/conversations/{'a' * 5000}/messages", headers=auth)
    assert r.status_code == 404
    assert "aaaa" in r.json()["error"] and len(r.json()["error"]) < 200


@pytest.mark.parametrize("bad", ["%00", "%0a", "%1b", "%7f"])
def test_a_control_character_in_a_path_id_is_404_before_the_database(
    client: TestClient, bad: str
) -> None:
    """PostgreSQL's driver cannot send a NUL: the lookup failed with a driver error (400 with
    the database URL) where SQLite said 404. Now every database answers 404, before a query."""
    url, auth = _conversation(client)
    cid = url.split("/")[3]
    for path in (
        f"/api/conversations/abc{bad}def/messages",
        f"/api/conversations/{cid}{bad}/messages",
        f"/api/agent/conversations/x{bad}y/take",
    ):
        r = client.post(path, json={"text": "hello"}, headers=auth)
        assert r.status_code == 404, (path, r.text)
        assert "control character" in r.json()["error"]
        assert "postgres" not in r.text and "sqlite" not in r.text
    r = client.get(f"{url}?after=1{bad}", headers=auth)
    assert r.status_code == 422 and "control character" in r.json()["error"], r.text


@pytest.mark.parametrize("name", ["adm\u0000in", "admin\u0007", "\u001badmin"])
def test_a_control_character_in_a_login_name_is_401(client: TestClient, name: str) -> None:
    r = client.post("/api/auth/login", json={"name": name, "password": "x"})
    assert r.status_code == 401, r.text
    assert r.json() == {"error": "wrong name or password"}


def test_a_database_failure_never_names_the_database(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reply says what failed; the URL (driver, user, host, port, name) is for the log."""
    from sqlalchemy.exc import OperationalError

    url, auth = _conversation(client)
    assistant = client.app.state.kefu.assistant  # type: ignore[attr-defined]
    db = assistant.kb.db

    def broken(*_: object) -> None:
        raise db._storage_error(OperationalError("SELECT 1", {}, Exception("server closed")))

    monkeypatch.setattr(assistant.conversations, "get", broken)
    r = client.get(url, headers=auth)
    assert r.status_code == 503, r.text
    assert r.json() == {"error": "database error"}
    assert r.headers["retry-after"] == "5"
    # The CLI still says where (without a password).
    assert db.safe_url in str(db._storage_error(OperationalError("SELECT 1", {}, Exception())))


@pytest.mark.parametrize("comment", ["bad\u0000answer", "wrong\u001b[31m price"])
def test_a_control_character_in_a_comment_is_named(client: TestClient, comment: str) -> None:
    """An 11-character comment was refused as "at most 2000 characters of text"."""
    url, auth = _conversation(client)
    answer = client.post(url, json={"text": "How long does a refund take?"}, headers=auth)
    body = {"message_id": answer.json()["message_id"], "value": -1, "comment": comment}
    r = client.post(url.replace("/messages", "/feedback"), json=body, headers=auth)
    assert r.status_code == 400, r.text
    assert "control characters" in r.json()["error"]
