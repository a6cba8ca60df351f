"""While a person holds a conversation: an emergency is still answered and flagged; after a
hand-back the question left open is answered; a phone number that merely ends in 120 is no
emergency; the agent queue pages with its true length."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_data import PAIRING_REPLY

from conftest import MakeClient
from kefu.service.held import BACK

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")


def _staff(client: TestClient, name: str, role: str = "agent") -> dict[str, str]:
    from kefu.security.users import UserRepository

    db = client.app.state.kefu.assistant.kb.db  # type: ignore[attr-defined]
    UserRepository(db).create(name, role, password=f"{name}-secret-pw")
    r = client.post("/api/auth/login", json={"name": name, "password": f"{name}-secret-pw"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def _customer(client: TestClient) -> tuple[str, dict[str, str]]:
    body = client.post("/api/conversations").json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


def _ask(client: TestClient, cid: str, auth: dict[str, str], text: str) -> dict[str, Any]:
    r = client.post(f"/api/conversations/{cid}/messages", json={"text": text}, headers=auth)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def _held(client: TestClient, agent: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A conversation where the customer asked for a person and the agent took it."""
    cid, auth = _customer(client)
    _ask(client, cid, auth, "How long does a refund take?")
    assert client.post(f"/api/conversations/{cid}/handoff", headers=auth).status_code == 200
    assert client.post(f"/api/agent/conversations/{cid}/take", headers=agent).status_code == 200
    return cid, auth


@pytest.fixture
def held_client(make_client: MakeClient) -> TestClient:
    return make_client(replies=[PAIRING_REPLY], emergency_number="120")[0]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("我老公突然倒地不省人事了", "zh"),
        ("我刚才吃了一整瓶安眠药", "zh"),
        ("I have crushing chest pain right now", "en"),
    ],
)
def test_an_emergency_while_a_person_holds_the_chat_is_answered_and_flagged(
    held_client: TestClient, text: str, language: str
) -> None:
    client = held_client
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    published: list[tuple[str, str, dict[str, Any]]] = []
    hub = client.app.state.kefu.hub  # type: ignore[attr-defined]
    publish = hub.publish
    hub.publish = lambda channel, name, data: (
        published.append((channel, name, data)),
        publish(channel, name, data),
    )

    # An ordinary message stays silent from the bot, as before.
    quiet = _ask(client, cid, auth, "It was order 4411")
    assert quiet["mode"] == "agent" and quiet["answer"] == ""

    reply = _ask(client, cid, auth, text)
    assert reply["mode"] != "agent" and reply["status"] == "agent"
    assert "120" in reply["answer"] and reply["language"] == language
    # The person already there is alerted, not "brought in".
    assert "bringing in a person" not in reply["answer"] and "转接" not in reply["answer"]

    state = client.get(f"/api/conversations/{cid}", headers=auth).json()
    assert state["priority"] == 3 and state["handoff_reason"] == "emergency"
    assert state["status"] == "agent" and state["assigned_agent"] == "ann"
    mine = client.get("/api/agent/queue", headers=agent).json()["mine"]
    assert [(c["id"], c["handoff_reason"]) for c in mine] == [(cid, "emergency")]
    detail = client.get(f"/api/agent/conversations/{cid}", headers=agent).json()
    assert "possible emergency" in detail["summary"]
    assert detail["messages"][-1]["role"] == "assistant"
    assert detail["messages"][-1]["content"] == reply["answer"]

    alerts = [d for channel, name, d in published if name == "emergency" and channel == "queue"]
    assert len(alerts) == 1 and alerts[0]["conversation_id"] == cid
    assert alerts[0]["assigned_agent"] == "ann" and alerts[0]["text"] == text
    statuses = [d for _, name, d in published if name == "status"]
    assert statuses and statuses[-1]["handoff_reason"] == "emergency"


def test_a_failed_search_still_answers_an_emergency_by_the_rules(
    held_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = held_client
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    assistant = client.app.state.kefu.assistant  # type: ignore[attr-defined]

    def broken(*args: object) -> None:
        raise RuntimeError("the index is reloading")

    monkeypatch.setattr(assistant, "plan", broken)
    assert _ask(client, cid, auth, "It was order 4411")["mode"] == "agent"
    reply = _ask(client, cid, auth, "我老公突然倒地不省人事了")
    assert "急救电话120" in reply["answer"] and reply["mode"] == "declined"
    state = client.get(f"/api/conversations/{cid}", headers=auth).json()
    assert state["handoff_reason"] == "emergency"


def test_the_same_emergency_sent_twice_is_answered_once(held_client: TestClient) -> None:
    client = held_client
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    body = {"text": "I have crushing chest pain right now", "client_id": "c-1"}
    url = f"/api/conversations/{cid}/messages"
    first = client.post(url, json=body, headers=auth).json()
    again = client.post(url, json=body, headers=auth).json()
    assert again["message_id"] == first["message_id"] and again["answer"] == first["answer"]
    history = client.get(f"{url}", headers=auth).json()["messages"]
    assert [m["role"] for m in history][-2:] == ["user", "assistant"]


def test_a_hand_back_answers_the_question_nobody_replied_to(client: TestClient) -> None:
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    _ask(client, cid, auth, "How much does shipping cost?")
    r = client.post(f"/api/agent/conversations/{cid}/hand-back", headers=agent)
    assert r.status_code == 200 and r.json()["status"] == "bot"
    history = client.get(f"/api/conversations/{cid}/messages", headers=auth).json()["messages"]
    assert history[-1]["role"] == "assistant"
    assert history[-1]["content"].startswith("Standard shipping costs $4.99")
    assert client.get(f"/api/conversations/{cid}", headers=auth).json()["status"] == "bot"


def test_a_hand_back_after_the_agent_replied_adds_nothing(client: TestClient) -> None:
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    _ask(client, cid, auth, "How much does shipping cost?")
    client.post(f"/api/agent/conversations/{cid}/messages", json={"text": "$4.99."}, headers=agent)
    client.post(f"/api/agent/conversations/{cid}/hand-back", headers=agent)
    history = client.get(f"/api/conversations/{cid}/messages", headers=auth).json()["messages"]
    assert history[-1]["role"] == "agent"


def test_a_hand_back_the_bot_cannot_answer_says_it_is_back_and_queues_nothing(
    client: TestClient,
) -> None:
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    _ask(client, cid, auth, "What is the airspeed of an unladen swallow?")
    client.post(f"/api/agent/conversations/{cid}/hand-back", headers=agent)
    history = client.get(f"/api/conversations/{cid}/messages", headers=auth).json()["messages"]
    assert history[-1]["role"] == "assistant" and history[-1]["content"] == BACK["en"]
    state = client.get(f"/api/conversations/{cid}", headers=auth).json()
    assert state["status"] == "bot"  # not bounced straight back into the queue


CANCEL_CSV = (
    "id,question,answer,category\n"
    "bk-cancel,How do I cancel my booking?,"
    "You can cancel by calling 020-8888 6120 at least one day ahead.,bookings\n"
    "bk-cancel-zh,约了号去不了了怎么退？,请拨打020-8888 6120取消预约，至少提前一天。,预约\n"
)


@pytest.mark.parametrize(
    ("question", "answer_start"),
    [("How do I cancel my booking?", "You can cancel"), ("约了号去不了了怎么退？", "请拨打")],
)
def test_a_booking_line_ending_in_120_is_no_emergency(
    make_client: MakeClient, tmp_path: Path, question: str, answer_start: str
) -> None:
    client = make_client(replies=[PAIRING_REPLY], emergency_number="120")[0]
    assistant = client.app.state.kefu.assistant  # type: ignore[attr-defined]
    extra = tmp_path / "bookings.csv"
    extra.write_text(CANCEL_CSV, encoding="utf-8")
    assert assistant.kb.add([extra]).ok
    cid, auth = _customer(client)
    answer = _ask(client, cid, auth, question)
    assert answer["answer"].startswith(answer_start) and answer["mode"] == "curated"
    assert answer["handoff"] is False and answer["status"] == "bot"


def test_the_summary_says_declined_only_for_answers_not_given() -> None:
    from datetime import UTC, datetime

    from kefu.service.routes.agent import summarize
    from kefu.storage.conversation_repo import ConversationRecord, MessageRecord

    now = datetime.now(UTC)
    record = ConversationRecord(
        id="c", created_at=now, updated_at=now, channel="api", language="en", status="waiting",
        meta={}, message_count=4, handoff_reason="request", priority=2,
    )  # fmt: skip

    def turn(n: int, asked: str, answer: str, mode: str, handoff: bool) -> list[MessageRecord]:
        return [
            MessageRecord(2 * n, "c", "user", asked, now),
            MessageRecord(2 * n + 1, "c", "assistant", answer, now, handoff=handoff, mode=mode),
        ]

    # A curated answer that handed over (an entry that leads with a number) and the reply to
    # a request for a person are no refusals.
    answered = turn(1, "How do I cancel?", "Call 020-8888 6120 to cancel.", "curated", True)
    asked = turn(2, "I want a real person", "Connecting you with a person.", "declined", True)
    assert "declined" not in summarize(record, answered + asked)
    unsure = turn(3, "What is the airspeed of a swallow?", "I'm not sure.", "declined", True)
    assert "The bot declined 1 time(s)." in summarize(record, answered + asked + unsure)


def test_the_queue_gives_its_true_length_and_pages(client: TestClient) -> None:
    agent = _staff(client, "ann")
    waiting = []
    for _ in range(7):
        cid, auth = _customer(client)
        client.post(f"/api/conversations/{cid}/handoff", headers=auth)
        waiting.append(cid)
    urgent, urgent_auth = _customer(client)
    _ask(client, urgent, urgent_auth, "I have crushing chest pain right now")
    order = [urgent, *waiting]

    whole = client.get("/api/agent/queue", headers=agent).json()
    assert whole["waiting_total"] == 8 and [c["id"] for c in whole["waiting"]] == order
    assert (whole["offset"], whole["limit"]) == (0, 100)
    pages = []
    for offset in range(0, 8, 3):
        page = client.get(f"/api/agent/queue?limit=3&offset={offset}", headers=agent).json()
        assert page["waiting_total"] == 8
        pages += [c["id"] for c in page["waiting"]]
    assert pages == order  # no conversation twice, none skipped
    past = client.get("/api/agent/queue?offset=50", headers=agent).json()
    assert past["waiting"] == [] and past["waiting_total"] == 8

    for bad in ("limit=0", "limit=501", "limit=-1", "offset=-1", "limit=ten", "offset=1.5"):
        r = client.get(f"/api/agent/queue?{bad}", headers=agent)
        assert r.status_code == 422, (bad, r.text)
        assert ("limit" if "limit" in bad else "offset") in r.text


def test_a_taken_conversation_says_since_when_it_is_held(client: TestClient) -> None:
    agent = _staff(client, "ann")
    cid, auth = _held(client, agent)
    mine = client.get("/api/agent/queue", headers=agent).json()["mine"]
    assert mine[0]["id"] == cid and mine[0]["taken_at"] is not None
    client.post(f"/api/agent/conversations/{cid}/hand-back", headers=agent)
    assert client.get(f"/api/conversations/{cid}", headers=auth).json()["taken_at"] is None
