"""Errors read naturally and name the right thing: characters, replies, where a conversation
is."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")

MakeClient = Any


@pytest.fixture
def setup(make_client: MakeClient) -> tuple[TestClient, dict[str, dict[str, str]]]:
    from kefu.security.users import UserRepository

    client: TestClient = make_client()[0]
    users = UserRepository(client.app.state.kefu.assistant.kb.db)  # type: ignore[attr-defined]
    keys = {}
    for name in ("ann", "bob"):
        users.create(name, "agent")
        keys[name] = {"Authorization": f"Bearer {users.create_api_key(name)}"}
    return client, keys


def _conversation(client: TestClient) -> tuple[str, dict[str, str]]:
    body = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {body['token']}"}
    r = client.post(f"/api/conversations/{body['id']}/messages", json={"text": "hi"}, headers=auth)
    assert r.status_code == 200
    return body["id"], auth


def test_a_long_comment_is_counted_in_characters(setup: Any) -> None:
    client, _ = setup
    cid, auth = _conversation(client)
    message_id = client.get(f"/api/conversations/{cid}/messages", headers=auth).json()["messages"][
        -1
    ]["id"]
    for kind, body in (
        ("feedback", {"message_id": message_id, "value": 1, "comment": "x" * 2001}),
        ("rating", {"value": 5, "comment": "x" * 2001}),
    ):
        r = client.post(f"/api/conversations/{cid}/{kind}", json=body, headers=auth)
        assert r.status_code == 422
        assert "at most 2000 characters" in r.json()["error"] and "items" not in r.json()["error"]


def test_conflicts_and_refused_replies_are_worded_for_agents(setup: Any) -> None:
    client, keys = setup
    cid, auth = _conversation(client)
    agent = f"/api/agent/conversations/{cid}"
    client.post(f"/api/conversations/{cid}/handoff", headers=auth)
    assert client.post(agent + "/take", headers=keys["ann"]).status_code == 200
    r = client.post(agent + "/take", headers=keys["bob"])
    assert r.status_code == 409 and "it is already held by ann" in r.json()["error"]
    r = client.post(agent + "/messages", json={"text": "<b></b>"}, headers=keys["ann"])
    assert r.status_code == 400
    assert "write the reply as plain text" in r.json()["error"]
    assert "question" not in r.json()["error"]
    assert client.post(agent + "/hand-back", headers=keys["ann"]).status_code == 200
    r = client.post(agent + "/close", headers=keys["ann"])
    assert r.status_code == 409
    assert "it is with the bot, not in the queue or held by a person" in r.json()["error"]
