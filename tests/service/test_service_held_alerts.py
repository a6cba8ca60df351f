"""While a person holds a conversation, a threat to hurt someone, a report of an adult
soliciting a child and suicidal words still alert that person (kefu.service.held): the
conversation ranks first (priority 3) under its reason, the agents' feed carries an
'emergency' event that says why and which numbers the bot gave (or would give), and the
customer gets the bot's reply at once, except for a threat, which the person answers."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_data import PAIRING_REPLY

from conftest import MakeClient
from kefu.service.held import numbers_in

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")


def _staff(client: TestClient, name: str) -> dict[str, str]:
    from kefu.security.users import UserRepository

    db = client.app.state.kefu.assistant.kb.db  # type: ignore[attr-defined]
    UserRepository(db).create(name, "agent", password=f"{name}-secret-pw")
    r = client.post("/api/auth/login", json={"name": name, "password": f"{name}-secret-pw"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _ask(client: TestClient, cid: str, auth: dict[str, str], text: str) -> dict[str, Any]:
    r = client.post(f"/api/conversations/{cid}/messages", json={"text": text}, headers=auth)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def _held(client: TestClient, agent: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A conversation where the customer asked for a person and the agent took it."""
    body = client.post("/api/conversations").json()
    cid, auth = body["id"], {"Authorization": f"Bearer {body['token']}"}
    _ask(client, cid, auth, "How long does a refund take?")
    assert client.post(f"/api/conversations/{cid}/handoff", headers=auth).status_code == 200
    assert client.post(f"/api/agent/conversations/{cid}/take", headers=agent).status_code == 200
    return cid, auth


def _listen(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    published: list[tuple[str, str, dict[str, Any]]] = []
    hub = client.app.state.kefu.hub  # type: ignore[attr-defined]
    publish = hub.publish
    hub.publish = lambda channel, name, data: (
        published.append((channel, name, data)),
        publish(channel, name, data),
    )
    return published


@pytest.fixture
def held_client(make_client: MakeClient) -> TestClient:
    return make_client(replies=[PAIRING_REPLY], emergency_number="120")[0]


def _alerts(published: list[tuple[str, str, dict[str, Any]]]) -> list[dict[str, Any]]:
    return [d for channel, name, d in published if channel == "queue" and name == "emergency"]


def _state(client: TestClient, cid: str, agent: dict[str, str]) -> dict[str, Any]:
    mine = client.get("/api/agent/queue", headers=agent).json()["mine"]
    return next(c for c in mine if c["id"] == cid)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "reason", "answered", "words"),
    [
        # a report of an adult soliciting a child: the customer gets the advice at once
        (
            "a grown man keeps messaging my 12 year old on your app asking for photos and "
            "told her to keep it secret",
            "safeguarding",
            True,
            "police",
        ),
        ("有个成年网友一直让我11岁的女儿发私密照片，还让她别告诉我们", "safeguarding", True,
         "报警"),
        # a threat to hurt someone: the person holding the chat answers it, alerted
        ("I know where your support guy lives and I'm going to go there and stab him", "threat",
         False, ""),
        ("我知道你们客服在哪上班，明天带刀过去砍他", "threat", False, ""),
        # suicidal words: the emergency reply, with the crisis lines
        ("I want to kill myself tonight", "emergency", True, "120"),
        ("我不想活了，今晚就去跳楼", "emergency", True, "120"),
    ],
)  # fmt: skip
def test_a_held_chat_alerts_its_person_to_a_threat_safeguarding_or_suicide(
    held_client: TestClient, text: str, reason: str, answered: bool, words: str
) -> None:
    client = held_client
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    published = _listen(client)
    assert _ask(client, cid, auth, "It was order 4411")["answer"] == ""
    assert not _alerts(published)  # an ordinary message alerts nobody

    reply = _ask(client, cid, auth, text)
    assert reply["status"] == "agent"
    if answered:
        assert reply["mode"] != "agent" and words in reply["answer"]
    else:  # the bot says nothing to a threat: the person there answers it
        assert reply["mode"] == "agent" and reply["answer"] == ""

    held = _state(client, cid, agent)
    assert (held["priority"], held["handoff_reason"]) == (3, reason)
    assert (held["status"], held["assigned_agent"]) == ("agent", "ann")
    alerts = _alerts(published)
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert["conversation_id"] == cid and alert["assigned_agent"] == "ann"
    assert (alert["text"], alert["reason"], alert["priority"]) == (text, reason, 3)
    assert alert["reply_text"]  # what the bot said, or would have said to a threat
    assert (alert["reply_id"] is not None) == answered
    if reason == "emergency":
        assert "120" in alert["numbers"]
    detail = client.get(f"/api/agent/conversations/{cid}", headers=agent).json()
    last = detail["messages"][-1]
    assert last["role"] == ("assistant" if answered else "user")
    statuses = [d for _, name, d in published if name == "status"]
    assert statuses and statuses[-1]["handoff_reason"] == reason


def test_a_threat_after_an_emergency_keeps_the_emergency_first(held_client: TestClient) -> None:
    client = held_client
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    published = _listen(client)
    _ask(client, cid, auth, "I have crushing chest pain right now")
    _ask(client, cid, auth, "i will shoot the next agent who puts me on hold, i know your office")
    held = _state(client, cid, agent)
    assert (held["priority"], held["handoff_reason"]) == (3, "emergency")
    assert [a["reason"] for a in _alerts(published)] == ["emergency", "threat"]


@pytest.mark.parametrize(
    "text",
    [
        "How do I report a player who is rude in chat?",
        "is the game suitable for a 12 year old",
        "I'm going to come to your office tomorrow to pick up my order",
        "我要投诉你们",
    ],
)
def test_ordinary_words_in_a_held_chat_alert_nobody(held_client: TestClient, text: str) -> None:
    client = held_client
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    published = _listen(client)
    reply = _ask(client, cid, auth, text)
    assert reply["mode"] == "agent" and reply["answer"] == ""
    assert not _alerts(published)
    assert _state(client, cid, agent)["priority"] < 3


def test_the_numbers_an_alert_names() -> None:
    assert numbers_in("call or text 988; Samaritans on 116 123; 911 in the US") == [
        "988",
        "116 123",
        "911",
    ]
    assert numbers_in("请拨打120急救电话（报警请拨110），热线010-82951332，全天24小时") == [
        "120",
        "110",
        "010-82951332",
    ]
    # days, hours, amounts and a day-and-night service are no numbers to call
    assert numbers_in("within 5-7 business days, $15, open 24/7, 24小时") == []
