"""Who reaches which conversation: agents only those handed to a person, admins all of them,
and every privileged read is in the audit log."""

from __future__ import annotations

import queue
import threading
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")

from conftest import LiveServer, listen_events, next_event
from kefu.storage.db import Database


def _db(client: TestClient) -> Database:
    return client.app.state.kefu.assistant.kb.db  # type: ignore[attr-defined,no-any-return]


def _staff(db: Database, name: str, role: str) -> dict[str, str]:
    from kefu.security.users import UserRepository

    users = UserRepository(db)
    users.create(name, role)
    return {"Authorization": f"Bearer {users.create_api_key(name)}"}


def _customer(client: TestClient | httpx.Client) -> tuple[str, dict[str, str]]:
    body = client.post("/api/conversations").json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


def _audit(db: Database) -> list[tuple[str, str, str | None]]:
    from kefu.security.audit import AuditLog

    return [(e.actor, e.action, e.target) for e in reversed(AuditLog(db).list(limit=50))]


def test_an_agent_cannot_reach_a_conversation_only_the_bot_has_answered(
    client: TestClient,
) -> None:
    agent = _staff(_db(client), "ann", "agent")
    admin = _staff(_db(client), "root", "admin")
    cid, auth = _customer(client)
    r = client.post(
        f"/api/conversations/{cid}/messages",
        json={"text": "How long does a refund take?"},
        headers=auth,
    )
    assert r.json()["status"] == "bot"
    base = f"/api/agent/conversations/{cid}"
    # As unknown as a made-up id: the agent cannot even learn it exists.
    for method, path, body in (
        ("GET", "", None),
        ("GET", "/events?after=0", None),
        ("POST", "/take", None),
        ("POST", "/close", None),
        ("POST", "/hand-back", None),
        ("POST", "/typing", None),
        ("POST", "/messages", {"text": "hello"}),
    ):
        r = client.request(method, base + path, headers=agent, json=body)
        assert r.status_code == 404, (path, r.text)
    assert client.get(f"/api/conversations/{cid}", headers=auth).json()["status"] == "bot"
    # An admin reads it (audited) and may take it.
    assert client.get(base, headers=admin).status_code == 200
    assert ("root", "conversation.view", cid) in _audit(_db(client))
    assert client.post(base + "/take", headers=admin).json()["assigned_agent"] == "root"


def test_agents_reach_conversations_that_are_or_were_handed_to_a_person(
    client: TestClient,
) -> None:
    ann = _staff(_db(client), "ann", "agent")
    bob = _staff(_db(client), "bob", "agent")
    cid, auth = _customer(client)
    client.post(f"/api/conversations/{cid}/handoff", headers=auth)
    base = f"/api/agent/conversations/{cid}"
    assert client.get(base, headers=bob).status_code == 200  # waiting: any agent may look
    assert client.post(base + "/take", headers=ann).status_code == 200
    assert client.get(base, headers=bob).status_code == 200  # held by ann
    r = client.post(base + "/take", headers=bob)
    assert r.status_code == 409  # an agent cannot take over
    r = client.post(base + "/close", headers=bob)
    assert r.status_code == 409
    assert client.post(base + "/hand-back", headers=ann).json()["status"] == "bot"
    # Handed back: still readable (the agent may need to look again), not takeable.
    assert client.get(base, headers=bob).status_code == 200
    assert client.post(base + "/take", headers=bob).status_code == 409
    assert client.post(base + "/close", headers=bob).status_code == 409


def test_an_admin_takes_over_a_conversation_another_agent_holds(client: TestClient) -> None:
    ann = _staff(_db(client), "ann", "agent")
    admin = _staff(_db(client), "root", "admin")
    cid, auth = _customer(client)
    client.post(f"/api/conversations/{cid}/handoff", headers=auth)
    base = f"/api/agent/conversations/{cid}"
    client.post(base + "/take", headers=ann)
    r = client.post(base + "/take", headers=admin)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "agent" and r.json()["assigned_agent"] == "root"
    assert client.post(base + "/messages", json={"text": "Hi"}, headers=ann).status_code == 409
    assert client.post(base + "/messages", json={"text": "Hi"}, headers=admin).status_code == 200

    from kefu.security.audit import AuditLog

    taken = [e for e in AuditLog(_db(client)).list(limit=10) if e.action == "conversation.take"]
    assert taken[0].actor == "root" and taken[0].detail == {"from": "ann"}


def _read_stream(url: str, headers: dict[str, str]) -> list[tuple[str, Any]]:
    """The events a stream sends before it goes quiet for a second."""
    got: list[tuple[str, Any]] = []
    events: queue.Queue[tuple[str, Any]] = queue.Queue()
    threading.Thread(target=listen_events, args=(url, headers, events), daemon=True).start()
    try:
        while True:
            got.append(events.get(timeout=1.0))
    except queue.Empty:
        return got


def test_the_event_stream_replay_is_an_audited_read(live_server: LiveServer) -> None:
    db = live_server.assistant.kb.db
    ann = _staff(db, "ann", "agent")
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        cid, auth = _customer(http)
        http.post(f"/api/conversations/{cid}/handoff", headers=auth)
        url = f"{live_server.url}/api/agent/conversations/{cid}/events?after=0"
        assert ("http", 200) in _read_stream(url, ann)
    assert ("ann", "conversation.view", cid) in _audit(db)


def test_the_queue_stream_names_only_conversations_handed_to_a_person(
    live_server: LiveServer,
) -> None:
    ann = _staff(live_server.assistant.kb.db, "ann", "agent")
    heard: queue.Queue[tuple[str, Any]] = queue.Queue()
    threading.Thread(
        target=listen_events,
        args=(f"{live_server.url}/api/agent/events", ann, heard),
        daemon=True,
    ).start()
    assert next_event(heard, "http") == 200
    next_event(heard, "ready")
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        quiet, quiet_auth = _customer(http)
        r = http.post(
            f"/api/conversations/{quiet}/messages",
            json={"text": "How long does a refund take?"},
            headers=quiet_auth,
        )
        assert r.json()["status"] == "bot"
        handed, handed_auth = _customer(http)
        http.post(f"/api/conversations/{handed}/handoff", headers=handed_auth)
        # Events arrive in order: everything about the bot's conversation came first.
        names: list[str] = []
        while True:
            name, data = heard.get(timeout=10)
            names.append(str(data.get("conversation_id") or data.get("id")))
            if name == "status" and data["id"] == handed:
                break
    assert quiet not in names
    assert names[-1] == handed


def test_a_removed_agents_customers_are_not_left_talking_to_nobody(client: TestClient) -> None:
    from kefu.security.users import UserRepository

    ann = _staff(_db(client), "ann", "agent")
    bob = _staff(_db(client), "bob", "agent")
    cid, auth = _customer(client)
    client.post(f"/api/conversations/{cid}/messages", json={"text": "a person!"}, headers=auth)
    client.post(f"/api/agent/conversations/{cid}/take", headers=ann)
    UserRepository(_db(client)).remove("ann")  # `kefu users remove ann`

    assert client.get("/api/agent/queue", headers=ann).status_code == 401
    state = client.get(f"/api/conversations/{cid}", headers=auth).json()
    assert state["status"] == "waiting" and state["assigned_agent"] is None
    assert [c["id"] for c in client.get("/api/agent/queue", headers=bob).json()["waiting"]] == [cid]
    r = client.post(
        f"/api/conversations/{cid}/messages",
        json={"text": "How long does a refund take?"},
        headers=auth,
    )
    assert r.json()["mode"] != "agent" and r.json()["answer"]  # the bot answers meanwhile
    assert client.post(f"/api/agent/conversations/{cid}/take", headers=bob).status_code == 200


def test_admin_reads_of_what_customers_wrote_are_audited(client: TestClient) -> None:
    admin = _staff(_db(client), "root", "admin")
    for path, action in (
        ("/api/admin/analytics?days=7", "analytics.view"),
        ("/api/admin/conversations?limit=5", "conversations.list"),
        ("/api/admin/audit?limit=5", "audit.view"),
    ):
        assert client.get(path, headers=admin).status_code == 200, path
        assert ("root", action, None) in _audit(_db(client)), path


def _login(client: TestClient, name: str) -> dict[str, str]:
    from kefu.security.users import UserRepository

    UserRepository(_db(client)).create(name, "agent", password=f"{name}-secret-pw")
    r = client.post("/api/auth/login", json={"name": name, "password": f"{name}-secret-pw"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def test_sign_out_ends_the_session_token_on_the_server(client: TestClient) -> None:
    first, second = _login(client, "ann"), None
    r = client.post("/api/auth/login", json={"name": "ann", "password": "ann-secret-pw"})
    second = {"Authorization": f"Bearer {r.json()['token']}"}  # another tab or device
    assert client.get("/api/agent/queue", headers=first).status_code == 200

    r = client.post("/api/auth/logout", headers=first)
    assert r.status_code == 204 and r.headers["cache-control"] == "no-store"
    # A copy of the signed-out token is refused everywhere, not merely forgotten by the page.
    for path in ("/api/agent/queue", "/api/auth/me"):
        assert client.get(path, headers=first).status_code == 401
    assert client.post("/api/auth/logout", headers=first).status_code == 401
    assert client.get("/api/agent/queue", headers=second).status_code == 200  # only this one
    assert ("ann", "auth.logout", None) in _audit(_db(client))
    # An API key is no session: it is revoked by an admin, and stays valid here.
    key = _staff(_db(client), "bob", "agent")
    r = client.post("/api/auth/logout", headers=key)
    assert r.status_code == 400 and "kefu users revoke" in r.json()["error"]
    assert client.get("/api/agent/queue", headers=key).status_code == 200


def test_the_consoles_sign_out_through_the_server() -> None:
    from importlib import resources

    static = resources.files("kefu.service") / "static"
    common = (static / "common.js").read_text(encoding="utf-8")
    assert '"/api/auth/logout"' in common
    for page in ("agent.js", "admin.js"):
        text = (static / page).read_text(encoding="utf-8")
        assert "kefu.signOut(KEY, me && me.token)" in text
        assert "sessionStorage.removeItem" not in text  # the shared sign-out does it, after
