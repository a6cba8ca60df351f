"""/api/conversations: create, ask (JSON and SSE), history, and the customer token."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_data import PAIRING_REPLY, REFUND_ANSWER

from kefu.storage.conversation_repo import ConversationRepository

MakeClient = Callable[..., tuple[TestClient, Any]]  # the `make_client` fixture (conftest)


def _create(client: TestClient) -> tuple[str, dict[str, str]]:
    r = client.post("/api/conversations")
    assert r.status_code == 201, r.text
    body = r.json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


def _events(raw: str) -> list[tuple[str, Any]]:
    """Parse an SSE body into (event, decoded data) pairs."""
    out = []
    for block in raw.split("\n\n"):
        if not block.strip():
            continue
        fields = dict(line.split(": ", 1) for line in block.split("\n"))
        out.append((fields.get("event", "message"), json.loads(fields["data"])))
    return out


def test_health_reports_version_and_readiness(client: TestClient) -> None:
    from kefu import __version__

    r = client.get("/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": __version__, "ready": True, "reason": None}


def test_create_conversation_stores_only_a_hash_of_the_token(client: TestClient) -> None:
    first = client.post("/api/conversations").json()
    second = client.post("/api/conversations").json()
    assert first["id"] != second["id"] and first["token"] != second["token"]
    assert len(first["token"]) >= 40  # token_urlsafe(32): 43 characters

    repo = ConversationRepository(client.app.state.kefu.assistant.kb.db)  # type: ignore[attr-defined]
    record = repo.get(first["id"])
    assert record.channel == "api"
    stored = json.dumps(record.meta)
    assert first["token"] not in stored
    assert record.token_sha256 == hashlib.sha256(first["token"].encode()).hexdigest()


def _ask_refund(client: TestClient, cid: str, auth: dict[str, str]) -> Any:
    r = client.post(
        f"/api/conversations/{cid}/messages",
        json={"text": "How long does a refund take?"},
        headers=auth,
    )
    assert r.status_code == 200, r.text
    return r


def test_ask_returns_the_curated_answer_as_json(client: TestClient) -> None:
    cid, auth = _create(client)
    r = _ask_refund(client, cid, auth)
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["answer"] == REFUND_ANSWER
    assert body["mode"] == "curated"
    assert body["sources"][0] == {
        "id": "rf-1",
        "title": "How long does a refund take?",
        "score": body["sources"][0]["score"],
    }
    assert isinstance(body["sources"][0]["score"], float)
    assert body["confidence"] >= 0.6
    assert body["handoff"] is False
    assert body["language"] == "en"
    assert body["latency_ms"] >= 0
    assert body["conversation_id"] == cid


def test_the_intent_verdict_is_in_the_answer_when_a_classifier_is_set(
    make_client: MakeClient, tmp_path: Path, two_intents: tuple[list[str], list[str]]
) -> None:
    from kefu.intents import persist
    from kefu.intents.classifier import IntentClassifier, IntentConfig
    from kefu.intents.routes import save_routes

    model = IntentClassifier(IntentConfig(embedder=None))
    model.fit(*two_intents)
    folder = tmp_path / "intents"
    persist.save(model, folder)
    save_routes(folder, {"person": "human"})

    client = make_client(replies=[PAIRING_REPLY], intent_model=folder)[0]
    body = _ask_refund(client, *_create(client)).json()
    assert body["answer"] == REFUND_ANSWER
    assert body["intent"]["label"] == "refund" and body["intent"]["route"] == "answer"
    assert 0.0 < body["intent"]["confidence"] <= 1.0


def test_without_a_classifier_the_answer_has_no_intent(client: TestClient) -> None:
    assert _ask_refund(client, *_create(client)).json()["intent"] is None


@pytest.mark.parametrize("how", ["query", "accept"])
def test_stream_sends_tokens_then_answer_then_done(client: TestClient, how: str) -> None:
    cid, auth = _create(client)
    url = f"/api/conversations/{cid}/messages"
    question = {"text": "How do I pair the Gadget Pro with my phone?"}
    if how == "query":
        r = client.post(url, params={"stream": "true"}, json=question, headers=auth)
    else:
        r = client.post(url, json=question, headers={**auth, "Accept": "text/event-stream"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/event-stream")
    events = _events(r.text)
    kinds = [k for k, _ in events]
    # The grounding gate releases the two sentences separately: two token events.
    assert kinds == ["token", "token", "answer", "done"]
    text = "".join(d["text"] for k, d in events if k == "token")
    assert text.strip() == PAIRING_REPLY
    answer = events[2][1]
    assert answer["mode"] == "generated"
    assert answer["answer"] == PAIRING_REPLY
    assert answer["sources"][0]["id"] == "help#1"
    assert answer["conversation_id"] == cid


def test_history_lists_both_turns_with_their_metadata(client: TestClient) -> None:
    cid, auth = _create(client)
    url = f"/api/conversations/{cid}/messages"
    empty = {"conversation_id": cid, "status": "bot", "rating": None, "messages": []}
    assert client.get(url, headers=auth).json() == empty
    client.post(url, json={"text": "How long does a refund take?"}, headers=auth)
    client.post(url, json={"text": "What is the capital of France?"}, headers=auth)

    r = client.get(url, headers=auth)
    assert r.status_code == 200
    messages = r.json()["messages"]
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[0]["content"] == "How long does a refund take?"
    assert messages[1]["content"] == REFUND_ANSWER
    assert messages[1]["mode"] == "curated"
    assert messages[1]["sources"][0]["id"] == "rf-1"
    assert messages[1]["handoff"] is False
    assert messages[3]["mode"] == "declined"
    assert messages[3]["handoff"] is True
    assert all(m["created_at"] for m in messages)


def test_followup_uses_the_conversation(client: TestClient) -> None:
    cid, auth = _create(client)
    url = f"/api/conversations/{cid}/messages"
    first = client.post(url, json={"text": "How do I return a sofa?"}, headers=auth).json()
    assert first["sources"][0]["id"] == "ret-sofa"
    second = client.post(url, json={"text": "and how long does that take?"}, headers=auth)
    assert second.json()["answer"] == "A sofa return takes 14 days from pickup to refund."


def test_tokens_are_per_conversation(client: TestClient) -> None:
    cid, auth = _create(client)
    other_cid, other_auth = _create(client)
    url = f"/api/conversations/{cid}/messages"
    body = {"text": "How long does a refund take?"}

    missing = client.post(url, json=body)
    assert missing.status_code == 401
    assert "Authorization" in missing.json()["error"]
    assert missing.headers["www-authenticate"] == "Bearer"

    assert client.get(url, headers={"Authorization": "Basic abc"}).status_code == 401
    assert client.get(url, headers={"Authorization": "Bearer"}).status_code == 401

    wrong = client.post(url, json=body, headers=other_auth)  # a real token, another conversation
    assert wrong.status_code == 403
    assert "error" in wrong.json()
    assert client.get(url, headers={"Authorization": "Bearer nope"}).status_code == 403
    # Nothing was answered or stored for the refused requests.
    assert client.get(url, headers=auth).json()["messages"] == []
    assert (
        client.get(f"/api/conversations/{other_cid}/messages", headers=other_auth).json()[
            "messages"
        ]
        == []
    )


def test_conversation_without_a_token_hash_refuses_every_token(client: TestClient) -> None:
    cid = client.app.state.kefu.assistant.start(channel="cli")  # type: ignore[attr-defined]
    r = client.get(f"/api/conversations/{cid}/messages", headers={"Authorization": "Bearer x"})
    assert r.status_code == 403


def test_unknown_conversation_is_404(client: TestClient) -> None:
    _, auth = _create(client)
    for method in ("get", "post"):
        r = client.request(
            method,
            "/api/conversations/no-such-id/messages",
            json={"text": "hello"} if method == "post" else None,
            headers=auth,
        )
        assert r.status_code == 404, r.text
        assert "no-such-id" in r.json()["error"]


def _send(client: TestClient, cid: str, auth: dict[str, str], how: str, **body: Any) -> Any:
    """One message, answered as JSON or as a stream; the reply's 'answer' object."""
    url = f"/api/conversations/{cid}/messages"
    if how == "json":
        r = client.post(url, json=body, headers=auth)
        assert r.status_code == 200, r.text
        return r.json()
    r = client.post(f"{url}?stream=true", json=body, headers=auth)
    assert r.status_code == 200, r.text
    return next(data for name, data in _events(r.text) if name == "answer")


@pytest.mark.parametrize("how", ["json", "stream"])
def test_a_message_sent_again_gets_its_stored_turn(client: TestClient, how: str) -> None:
    """A page that reloaded before its answer came sends the message again, with the same
    client id: the stored turn comes back, and the question is not asked twice."""
    cid, auth = _create(client)
    first = _send(client, cid, auth, how, text="How long does a refund take?", client_id="p-1")
    again = _send(client, cid, auth, how, text="How long does a refund take?", client_id="p-1")
    for key in ("answer", "sources", "mode", "handoff", "message_id", "user_message_id"):
        assert again[key] == first[key], key
    assert again["answer"] == REFUND_ANSWER
    url = f"/api/conversations/{cid}/messages"
    history = client.get(url, headers=auth).json()["messages"]
    assert [(m["role"], m["client_id"]) for m in history] == [("user", "p-1"), ("assistant", None)]
    # Another client id is another message, even with the same words.
    other = _send(client, cid, auth, how, text="How long does a refund take?", client_id="p-2")
    assert other["user_message_id"] > first["message_id"]
    assert len(client.get(url, headers=auth).json()["messages"]) == 4


@pytest.mark.parametrize("how", ["json", "stream"])
def test_a_client_id_used_again_for_other_words_is_409(client: TestClient, how: str) -> None:
    """A page whose counter restarted after a reload reuses an id for a new question: it gets
    409, not the earlier question's answer, and nothing more is stored. The same words (in
    other whitespace) under that id are still a resend."""
    cid, auth = _create(client)
    url = f"/api/conversations/{cid}/messages"
    first = _send(client, cid, auth, how, text="How long does a refund take?", client_id="c-1")
    query = "?stream=true" if how == "stream" else ""
    for other in ("Can I pay by card?", "How long does a refund take? Days?"):
        r = client.post(url + query, json={"text": other, "client_id": "c-1"}, headers=auth)
        assert r.status_code == 409, r.text
        assert "client_id 'c-1' was already used" in r.json()["error"]
    again = _send(client, cid, auth, how, text=" How long does a\nrefund take? ", client_id="c-1")
    assert again["message_id"] == first["message_id"]
    assert len(client.get(url, headers=auth).json()["messages"]) == 2


def test_a_message_sent_again_while_a_person_holds_the_chat_is_stored_once(
    client: TestClient,
) -> None:
    from kefu.security.users import UserRepository

    users = UserRepository(client.app.state.kefu.assistant.kb.db)  # type: ignore[attr-defined]
    users.create("ann", "agent")
    staff = {"Authorization": f"Bearer {users.create_api_key('ann')}"}
    cid, auth = _create(client)
    client.post(f"/api/conversations/{cid}/handoff", headers=auth)
    r = client.post(f"/api/agent/conversations/{cid}/take", headers=staff)
    assert r.status_code == 200, r.text
    sent = [_send(client, cid, auth, "json", text="Hello?", client_id="h-1") for _ in range(2)]
    assert sent[0]["mode"] == sent[1]["mode"] == "agent"
    assert sent[0]["user_message_id"] == sent[1]["user_message_id"]
    history = client.get(f"/api/conversations/{cid}/messages", headers=auth).json()
    assert [m["content"] for m in history["messages"]].count("Hello?") == 1


@pytest.mark.postgres
def test_conversation_flow_on_postgres(postgres_url: str, make_client: MakeClient) -> None:
    client, _ = make_client(database_url=postgres_url)
    cid, auth = _create(client)
    url = f"/api/conversations/{cid}/messages"
    for _ in range(2):  # the second send (same client id) gets the stored turn back
        r = client.post(url, json={"text": "退款多久到账？", "client_id": "pg-1"}, headers=auth)
        assert r.status_code == 200, r.text
        assert r.json()["answer"] == "退款会在收到退货后3个工作日内原路退回。"
        assert r.json()["language"] == "zh"
    history = client.get(url, headers=auth).json()["messages"]
    assert [m["role"] for m in history] == ["user", "assistant"]
    assert history[1]["sources"][0]["id"] == "zh-1"
    assert client.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 403


def test_the_chat_page_gets_the_business_welcome_line(make_client: MakeClient) -> None:
    client, _ = make_client()
    assert client.get("/api/chat/settings").json() == {"welcome_en": None, "welcome_zh": None}
    client, _ = make_client(
        welcome="  Hi! Ask us about\nrepairs, rentals or new bikes. ",
        welcome_zh="您好！修车、租车、买车都可以问我。",
    )
    r = client.get("/api/chat/settings")  # no token: the page asks before any conversation
    assert r.status_code == 200
    assert r.json() == {
        "welcome_en": "Hi! Ask us about repairs, rentals or new bikes.",
        "welcome_zh": "您好！修车、租车、买车都可以问我。",
    }
    client, _ = make_client(welcome=" ", welcome_zh="")  # empty: the page's own line
    assert client.get("/api/chat/settings").json() == {"welcome_en": None, "welcome_zh": None}
