"""Complaints in the live service (QA report G, F9 and F13): how they queue, what the admin
sees, and a conversation that already waits being told so once."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from kefu.dialogue import messages
from kefu.service.live import handoff_reason
from kefu.types import Answer

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")


def _customer(client: TestClient) -> tuple[str, dict[str, str]]:
    body = client.post("/api/conversations").json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


def _ask(client: TestClient, cid: str, auth: dict[str, str], text: str) -> dict[str, Any]:
    r = client.post(f"/api/conversations/{cid}/messages", json={"text": text}, headers=auth)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def _admin(client: TestClient) -> dict[str, str]:
    from kefu.security.users import UserRepository

    db = client.app.state.kefu.assistant.kb.db  # type: ignore[attr-defined]
    UserRepository(db).create("root", "admin", password="root-secret-pw")
    r = client.post("/api/auth/login", json={"name": "root", "password": "root-secret-pw"})
    return {"Authorization": f"Bearer {r.json()['token']}"}


@pytest.mark.parametrize("text", ["我要投诉", "找你们经理", "你们客服都是傻逼吗"])
def test_complaints_and_insults_rank_as_requests(text: str) -> None:
    assert handoff_reason(text, Answer("…", [], 0.0, True, "zh", "declined")) == "request"


def test_a_complaint_queues_as_a_request_and_is_no_knowledge_gap(client: TestClient) -> None:
    admin = _admin(client)
    cid, auth = _customer(client)
    answer = _ask(client, cid, auth, "再不退款我就去12315投诉你们")
    assert answer["handoff"] is True and answer["status"] == "waiting"
    assert answer["answer"].startswith(messages.reply("complaint", "zh"))
    state = client.get(f"/api/conversations/{cid}", headers=auth).json()
    assert (state["handoff_reason"], state["priority"]) == ("request", 2)
    gap, gap_auth = _customer(client)
    _ask(client, gap, gap_auth, "Do you sell garden gnomes?")
    unanswered = client.get("/api/admin/analytics", headers=admin).json()["unanswered"]
    assert unanswered == [{"question": "Do you sell garden gnomes?", "count": 1}]


def test_a_waiting_conversation_is_not_handed_over_again(client: TestClient) -> None:
    cid, auth = _customer(client)
    first = _ask(client, cid, auth, "Do you sell garden gnomes?")
    assert first["handoff"] is True and first["status"] == "waiting"
    again = _ask(client, cid, auth, "Do you sell garden gnomes?")
    assert again["handoff"] is False and again["status"] == "waiting"
    assert again["answer"] == messages.already_waiting(messages.reply("decline", "en"))
    assert again["answer"] != first["answer"]
    # Still in the queue, and a complaint there still raises its priority.
    _ask(client, cid, auth, "I want to make a formal complaint")
    state = client.get(f"/api/conversations/{cid}", headers=auth).json()
    assert (state["status"], state["handoff_reason"], state["priority"]) == (
        "waiting",
        "request",
        2,
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("i will stab the next GM who bans me, i know your office is at 22 Baker Street", "threat"),
        ("有个大叔让我发照片给他还要约我见面，我才13岁", "safeguarding"),
    ],
)
def test_threats_and_grooming_reports_queue_first_under_their_own_reason(
    client: TestClient, text: str, reason: str
) -> None:
    cid, auth = _customer(client)
    _ask(client, cid, auth, "Do you sell garden gnomes?")  # a knowledge gap first: priority 1
    answer = _ask(client, cid, auth, text)
    assert answer["status"] == "waiting"
    state = client.get(f"/api/conversations/{cid}", headers=auth).json()
    assert (state["handoff_reason"], state["priority"]) == (reason, 3)
