"""Abuse limits that depend on who is asking: a conversation's message budget is its own
customer's, failed tokens and failed sign-ins are charged to the caller, typing hints are
throttled on the server."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")

from kefu.storage.db import Database

MakeClient = Any
PASSWORD = "correct horse battery"


def _db(client: TestClient) -> Database:
    return client.app.state.kefu.assistant.kb.db  # type: ignore[attr-defined,no-any-return]


def _from(client: TestClient, address: str) -> TestClient:
    """The same app, reached from another client address."""
    return TestClient(client.app, client=(address, 50000))


def _actions(db: Database) -> list[str]:
    from kefu.security.audit import AuditLog

    return [e.action for e in reversed(AuditLog(db).list(limit=200))]


def test_wrong_tokens_do_not_use_up_the_customers_message_budget(make_client: MakeClient) -> None:
    client: TestClient = make_client(rate_limit_conversation=3)[0]
    body = client.post("/api/conversations").json()
    url = f"/api/conversations/{body['id']}/messages"
    wrong = {"Authorization": "Bearer " + "x" * 43}
    codes = [client.post(url, json={"text": "hello"}, headers=wrong).status_code for _ in range(5)]
    codes += [client.post(url, json={"text": "hello"}).status_code for _ in range(3)]
    assert codes == [403] * 5 + [401] * 3
    auth = {"Authorization": f"Bearer {body['token']}"}
    r = client.post(url, json={"text": "hello"}, headers=auth)
    assert r.status_code == 200, r.text


def test_failed_tokens_are_limited_per_address_not_per_conversation(
    make_client: MakeClient,
) -> None:
    client: TestClient = make_client()[0]
    body = client.post("/api/conversations").json()
    url = f"/api/conversations/{body['id']}"
    codes = [_from(client, "10.0.0.1").get(url).status_code for _ in range(31)]
    assert codes == [401] * 30 + [429]
    r = _from(client, "10.0.0.1").get(url + "-guessed", headers={"Authorization": "Bearer x"})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert "wrong or missing token" in r.json()["error"]
    # The customer, and anyone else, is not affected.
    auth = {"Authorization": f"Bearer {body['token']}"}
    assert _from(client, "10.0.0.1").get(url, headers=auth).status_code == 200
    assert _from(client, "10.0.0.2").get(url).status_code == 401


def _user(client: TestClient, name: str) -> None:
    from kefu.security.users import UserRepository

    UserRepository(_db(client)).create(name, "agent", PASSWORD)


def _count_hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from kefu.security import users

    checked: list[str] = []
    real = users.UserRepository.authenticate_password

    def counting(self: Any, name: str, password: str) -> Any:
        checked.append(name)
        return real(self, name, password)

    monkeypatch.setattr(users.UserRepository, "authenticate_password", counting)
    return checked


def test_failed_sign_ins_are_limited_per_address_without_hashing(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client: TestClient = make_client()[0]
    _user(client, "ann")
    _user(client, "bob")
    checked = _count_hashes(monkeypatch)
    guess = {"name": "ann", "password": "wrong password"}
    codes = [client.post("/api/auth/login", json=guess).status_code for _ in range(12)]
    assert codes == [401] * 10 + [429] * 2
    assert len(checked) == 10  # the refused ones never reached the password check
    r = client.post("/api/auth/login", json={"name": "bob", "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert "this address" in r.json()["error"]
    assert _actions(_db(client)).count("auth.login_limited") == 3
    # Another address signs in as usual (as bob: ann's name has had its 10 failures).
    r = _from(client, "10.0.0.9").post(
        "/api/auth/login", json={"name": "bob", "password": PASSWORD}
    )
    assert r.status_code == 200, r.text


def test_a_name_is_locked_for_the_addresses_that_failed_for_it_until_a_success(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client: TestClient = make_client()[0]
    _user(client, "ann")
    wrong = {"name": "ann", "password": "wrong password"}
    right = {"name": "ann", "password": PASSWORD}

    def sign_in(address: str, body: dict[str, str]) -> int:
        return _from(client, address).post("/api/auth/login", json=body).status_code

    assert [sign_in(f"10.0.1.{i}", wrong) for i in range(9)] == [401] * 9
    assert sign_in("10.0.1.100", right) == 200  # a success clears the name's failures
    assert [sign_in(f"10.0.1.{i}", wrong) for i in range(10)] == [401] * 10
    checked = _count_hashes(monkeypatch)
    r = _from(client, "10.0.1.3").post("/api/auth/login", json=right)
    assert r.status_code == 429 and "this name" in r.json()["error"]  # locked, even when right
    assert int(r.headers["retry-after"]) >= 60
    assert checked == []
    # An address rotated in gets one try at the locked name, then it is locked there too.
    assert [sign_in("10.0.3.1", wrong) for _ in range(3)] == [401, 429, 429]
    assert checked == ["ann"]
    # Another name is not locked.
    _user(client, "bob")
    assert sign_in("10.0.1.3", {"name": "bob", "password": PASSWORD}) == 200


def test_failures_elsewhere_do_not_lock_an_agent_out(make_client: MakeClient) -> None:
    """Black-box finding 5: 13 wrong passwords for ann from one address; ann, at her own
    desk (an address with no failure for her name), still signs in."""
    client: TestClient = make_client()[0]
    _user(client, "ann")
    attacker = _from(client, "203.0.113.7")
    codes = [
        attacker.post("/api/auth/login", json={"name": "ann", "password": f"guess {i}"}).status_code
        for i in range(13)
    ]
    assert codes == [401] * 10 + [429] * 3
    r = _from(client, "10.0.0.5").post(
        "/api/auth/login", json={"name": "ann", "password": PASSWORD}
    )
    assert r.status_code == 200, r.text


def test_typing_hints_are_throttled_on_the_server(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kefu.service import live

    client: TestClient = make_client()[0]
    body = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {body['token']}"}
    base = f"/api/conversations/{body['id']}"
    assert client.post(base + "/handoff", headers=auth).status_code == 200
    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(
        live, "publish_typing", lambda state, cid, role, name=None: sent.append((cid, role))
    )
    codes = [client.post(base + "/typing", headers=auth).status_code for _ in range(20)]
    assert codes == [204] * 20
    assert sent == [(body["id"], "user")]


def test_a_message_to_a_held_conversation_hands_nothing_over(client: TestClient) -> None:
    from kefu.security.users import UserRepository

    users = UserRepository(_db(client))
    users.create("ann", "agent")
    staff = {"Authorization": f"Bearer {users.create_api_key('ann')}"}
    body = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {body['token']}"}
    base = f"/api/conversations/{body['id']}"
    client.post(base + "/messages", json={"text": "hello"}, headers=auth)
    client.post(base + "/handoff", headers=auth)
    assert client.post(f"/api/agent/conversations/{body['id']}/take", headers=staff).is_success
    r = client.post(base + "/messages", json={"text": "are you there?"}, headers=auth)
    out = r.json()
    assert r.status_code == 200 and out["mode"] == "agent" and out["status"] == "agent"
    assert out["handoff"] is False
    assert out["message_id"] == out["user_message_id"]


def test_wrong_staff_credentials_are_audited_and_limited_without_flooding_the_log(
    make_client: MakeClient,
) -> None:
    client: TestClient = make_client()[0]
    guesser = _from(client, "10.0.3.1")
    codes = [
        guesser.get(
            "/api/admin/audit", headers={"Authorization": f"Bearer kefu_guess{i}"}
        ).status_code
        for i in range(35)
    ]
    assert codes == [401] * 30 + [429] * 5
    actions = _actions(_db(client))
    assert actions.count("auth.credentials_failed") == 30  # each one, while the budget lasts
    assert actions.count("auth.credentials_limited") == 1  # then once a minute, not per request
    assert "kefu_guess" not in repr(_db_audit_details(client))  # never the credential itself
    r = guesser.get("/api/agent/queue", headers={"Authorization": "Bearer kefus_forged.abc"})
    assert r.status_code == 429 and "wrong credentials" in r.json()["error"]
    # Another address is not affected; a missing credential is no guess and is not audited.
    assert _from(client, "10.0.3.2").get("/api/agent/queue").status_code == 401
    assert _actions(_db(client)).count("auth.credentials_failed") == 30


def _db_audit_details(client: TestClient) -> list[object]:
    from kefu.security.audit import AuditLog

    return [(e.target, e.detail) for e in AuditLog(_db(client)).list(limit=200)]


def test_a_conversation_bound_to_a_customer_is_audited(make_client: MakeClient) -> None:
    from kefu.security.audit import AuditLog
    from kefu.security.users import UserRepository

    client: TestClient = make_client()[0]
    users = UserRepository(_db(client))
    users.create("amy", "agent")
    key = {"Authorization": f"Bearer {users.create_api_key('amy')}"}
    r = client.post("/api/conversations", json={"customer_id": "MD-LON-0001"}, headers=key)
    assert r.status_code == 201, r.text
    entry = AuditLog(_db(client)).list(limit=1)[0]
    assert (entry.actor, entry.role, entry.action, entry.target) == (
        "amy",
        "agent",
        "conversation.create",
        "MD-LON-0001",
    )
    assert entry.detail == {"conversation": r.json()["id"]}
    # An anonymous web-chat conversation is no privileged act: not audited.
    client.post("/api/conversations")
    assert _actions(_db(client)).count("conversation.create") == 1
