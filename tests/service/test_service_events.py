"""Live events over a real connection: agent messages reach the customer as they are sent,
customer messages reach the agent, and a reconnect with ?after= loses nothing."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")

from conftest import (
    LiveServer,
    listen_events,
    next_event,
    serve_in_thread,
)


@pytest.fixture
def setup(
    live_server: LiveServer,
) -> Iterator[tuple[httpx.Client, dict[str, str], str, dict[str, str]]]:
    from kefu.security.users import UserRepository

    UserRepository(live_server.assistant.kb.db).create("ann", "agent", password="ann-secret-pw")
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        token = http.post(
            "/api/auth/login", json={"name": "ann", "password": "ann-secret-pw"}
        ).json()["token"]
        created = http.post("/api/conversations").json()
        yield (
            http,
            {"Authorization": f"Bearer {token}"},
            created["id"],
            {"Authorization": f"Bearer {created['token']}"},
        )


def test_messages_flow_live_both_ways(
    live_server: LiveServer,
    setup: tuple[httpx.Client, dict[str, str], str, dict[str, str]],
) -> None:
    http, agent, cid, customer = setup
    to_customer: queue.Queue[tuple[str, Any]] = queue.Queue()
    to_agent: queue.Queue[tuple[str, Any]] = queue.Queue()
    threading.Thread(
        target=listen_events,
        args=(f"{live_server.url}/api/conversations/{cid}/events", customer, to_customer),
        daemon=True,
    ).start()
    assert next_event(to_customer, "http") == 200
    assert next_event(to_customer, "status")["status"] == "bot"

    http.post(f"/api/conversations/{cid}/handoff", headers=customer)
    assert next_event(to_customer, "status")["status"] == "waiting"
    assert http.post(f"/api/agent/conversations/{cid}/take", headers=agent).status_code == 200
    taken = next_event(to_customer, "status")
    assert taken["status"] == "agent" and taken["assigned_agent"] == "ann"

    threading.Thread(
        target=listen_events,
        args=(f"{live_server.url}/api/agent/conversations/{cid}/events", agent, to_agent),
        daemon=True,
    ).start()
    assert next_event(to_agent, "http") == 200
    next_event(to_agent, "status")

    http.post(
        f"/api/agent/conversations/{cid}/messages", json={"text": "Hi, Ann here."}, headers=agent
    )
    got = next_event(to_customer, "message")
    assert got["role"] == "agent" and got["content"] == "Hi, Ann here."

    r = http.post(
        f"/api/conversations/{cid}/messages", json={"text": "Thanks Ann!"}, headers=customer
    )
    assert r.json()["mode"] == "agent"
    own = next_event(to_agent, "message")  # the agent's console shows its own message too
    assert own["role"] == "agent" and own["content"] == "Hi, Ann here."
    heard = next_event(to_agent, "message")
    assert heard["role"] == "user" and heard["content"] == "Thanks Ann!"


def test_reconnect_with_after_replays_what_was_missed(
    live_server: LiveServer,
    setup: tuple[httpx.Client, dict[str, str], str, dict[str, str]],
) -> None:
    http, agent, cid, customer = setup
    http.post(f"/api/conversations/{cid}/handoff", headers=customer)
    http.post(f"/api/agent/conversations/{cid}/take", headers=agent)
    first = http.post(
        f"/api/agent/conversations/{cid}/messages", json={"text": "one"}, headers=agent
    ).json()
    # The customer is offline while two more messages are sent.
    for text in ("two", "three"):
        http.post(f"/api/agent/conversations/{cid}/messages", json={"text": text}, headers=agent)
    events: queue.Queue[tuple[str, Any]] = queue.Queue()
    threading.Thread(
        target=listen_events,
        args=(
            f"{live_server.url}/api/conversations/{cid}/events?after={first['id']}",
            customer,
            events,
        ),
        daemon=True,
    ).start()
    assert next_event(events, "http") == 200
    replayed = [next_event(events, "message")["content"] for _ in range(2)]
    assert replayed == ["two", "three"]
    assert next_event(events, "status")["status"] == "agent"


def test_a_turns_messages_carry_the_client_id_it_was_sent_with(
    live_server: LiveServer,
    setup: tuple[httpx.Client, dict[str, str], str, dict[str, str]],
) -> None:
    """A page tells its own question and the answer to it from the messages of others (another
    tab, the history) by the client_id it sent, never by guessing from the role."""
    http, agent, cid, customer = setup
    events: queue.Queue[tuple[str, Any]] = queue.Queue()
    threading.Thread(
        target=listen_events,
        args=(f"{live_server.url}/api/conversations/{cid}/events", customer, events),
        daemon=True,
    ).start()
    next_event(events, "status")
    answer = http.post(
        f"/api/conversations/{cid}/messages",
        json={"text": "How long does a refund take?", "client_id": "tab1-7"},
        headers=customer,
    ).json()
    asked, answered = next_event(events, "message"), next_event(events, "message")
    assert (asked["role"], asked["client_id"]) == ("user", "tab1-7")
    assert (answered["role"], answered["client_id"]) == ("assistant", "tab1-7")
    assert (answer["user_message_id"], answer["message_id"]) == (asked["id"], answered["id"])
    # Without one, none is added; the history keeps the customer message's own.
    http.post(f"/api/conversations/{cid}/messages", json={"text": "Thanks"}, headers=customer)
    assert next_event(events, "message")["client_id"] is None
    history = http.get(f"/api/conversations/{cid}/messages", headers=customer).json()
    assert [m["client_id"] for m in history["messages"]] == ["tab1-7", None, None, None]
    # While a person holds the conversation, the customer's message carries it too.
    http.post(f"/api/conversations/{cid}/handoff", headers=customer)
    http.post(f"/api/agent/conversations/{cid}/take", headers=agent)
    held = http.post(
        f"/api/conversations/{cid}/messages",
        json={"text": "Hello?", "client_id": "tab1-8"},
        headers=customer,
    ).json()
    while (got := next_event(events, "message"))["content"] != "Hello?":
        pass
    assert got["client_id"] == "tab1-8" and held["user_message_id"] == got["id"]
    for bad in ("", "x" * 65, "<b>"):
        r = http.post(
            f"/api/conversations/{cid}/messages",
            json={"text": "Hi", "client_id": bad},
            headers=customer,
        )
        assert r.status_code == 422, bad


def test_a_turn_whose_client_left_is_still_stored(
    live_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A customer who reloads while the bot is still thinking finds the question and its
    answer in the history: the turn is not cancelled with its response."""
    gate = threading.Event()
    llm = live_server.assistant.llm
    write = llm.stream

    def held_back(*args: Any, **kwargs: Any) -> Any:
        gate.wait(30)  # the model has not said a word when the client goes
        return write(*args, **kwargs)

    monkeypatch.setattr(llm, "stream", held_back)
    question = "How do I pair the Gadget Pro with my phone?"
    with httpx.Client(base_url=live_server.url, timeout=30) as http:
        created = http.post("/api/conversations").json()
        cid, auth = created["id"], {"Authorization": f"Bearer {created['token']}"}
        url = f"/api/conversations/{cid}/messages?stream=true"
        with http.stream("POST", url, json={"text": question}, headers=auth) as r:
            assert r.status_code == 200
        # The response is closed unread: the client has gone. Now the model answers.
        gate.set()
        deadline = time.monotonic() + 30
        stored: list[dict[str, Any]] = []
        while len(stored) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            stored = http.get(f"/api/conversations/{cid}/messages", headers=auth).json()["messages"]
    assert [m["role"] for m in stored] == ["user", "assistant"]
    assert stored[0]["content"] == question
    assert "power button" in stored[1]["content"]


def test_the_event_stream_needs_the_conversations_own_token(
    live_server: LiveServer,
    setup: tuple[httpx.Client, dict[str, str], str, dict[str, str]],
) -> None:
    http, _agent, cid, customer = setup
    other = http.post("/api/conversations").json()
    wrong = {"Authorization": f"Bearer {other['token']}"}
    assert http.get(f"/api/conversations/{cid}/events", headers=wrong).status_code == 403
    assert http.get(f"/api/conversations/{cid}/events").status_code == 401
    # A customer's own token on the agent's routes: the wrong role.
    assert http.get(f"/api/agent/conversations/{cid}/events", headers=customer).status_code == 403
    assert http.get("/api/agent/events", headers=customer).status_code == 403


def test_typing_reaches_the_other_side_and_is_not_stored(
    live_server: LiveServer,
    setup: tuple[httpx.Client, dict[str, str], str, dict[str, str]],
) -> None:
    http, agent, cid, customer = setup
    # While the bot answers, a customer's typing goes nowhere (no one to tell).
    assert http.post(f"/api/conversations/{cid}/typing", headers=customer).status_code == 204
    # The bot's conversation is out of the agent's reach; a waiting one they must take first.
    r = http.post(f"/api/agent/conversations/{cid}/typing", headers=agent)
    assert r.status_code == 404
    http.post(f"/api/conversations/{cid}/handoff", headers=customer)
    r = http.post(f"/api/agent/conversations/{cid}/typing", headers=agent)
    assert r.status_code == 409 and "take the conversation" in r.json()["error"]
    http.post(f"/api/agent/conversations/{cid}/take", headers=agent)
    to_customer: queue.Queue[tuple[str, Any]] = queue.Queue()
    to_agent: queue.Queue[tuple[str, Any]] = queue.Queue()
    for url, auth, out in (
        (f"{live_server.url}/api/conversations/{cid}/events", customer, to_customer),
        (f"{live_server.url}/api/agent/conversations/{cid}/events", agent, to_agent),
    ):
        threading.Thread(target=listen_events, args=(url, auth, out), daemon=True).start()
        assert next_event(out, "http") == 200
        next_event(out, "status")

    assert http.post(f"/api/agent/conversations/{cid}/typing", headers=agent).status_code == 204
    assert next_event(to_customer, "typing") == {"role": "agent", "name": "ann"}
    assert http.post(f"/api/conversations/{cid}/typing", headers=customer).status_code == 204
    # Both sides share the channel; each page ignores its own role's typing events.
    assert next_event(to_agent, "typing") == {"role": "agent", "name": "ann"}
    assert next_event(to_agent, "typing") == {"role": "user", "name": None}
    # Another conversation's customer cannot type into this one.
    other = http.post("/api/conversations").json()
    r = http.post(
        f"/api/conversations/{cid}/typing",
        headers={"Authorization": f"Bearer {other['token']}"},
    )
    assert r.status_code == 403
    assert http.get(f"/api/conversations/{cid}/messages", headers=customer).json()["messages"] == []


def test_the_knowledge_watcher_reloads_for_other_processes_and_survives_falling_behind() -> None:
    """Events from another process reload the index once each; the watcher's own events do
    not; a burst that overflows its feed costs one reload and a new subscription, not a spin."""
    import asyncio
    from types import SimpleNamespace
    from typing import cast

    from kefu.service import live
    from kefu.service.deps import ServiceState
    from kefu.service.events import EventHub

    refreshed: list[int] = []
    kb = SimpleNamespace(refresh=lambda: refreshed.append(1) or 0)
    state = ServiceState(assistant_=cast(Any, SimpleNamespace(kb=kb)))
    state.hub = EventHub(queue_size=2)

    async def main() -> None:
        watcher = asyncio.create_task(live.follow_knowledge(state))
        await asyncio.sleep(0.05)
        live.publish_knowledge_change(state)  # this process's own change: no reload
        state.hub.publish(live.KNOWLEDGE_CHANNEL, "changed", {"origin": "another"})
        await asyncio.sleep(0.2)
        assert len(refreshed) == 1
        for _ in range(10):  # more than the feed holds, before the watcher can read them
            state.hub.publish(live.KNOWLEDGE_CHANNEL, "changed", {"origin": "another"})
        await asyncio.sleep(0.5)
        assert 2 <= len(refreshed) <= 4, len(refreshed)
        state.hub.publish(live.KNOWLEDGE_CHANNEL, "changed", {"origin": "another"})
        await asyncio.sleep(0.2)
        assert len(refreshed) <= 5 and watcher.done() is False  # subscribed again, still alive
        watcher.cancel()

    asyncio.run(main())


def test_stopping_the_server_ends_open_event_streams(make_client: Any) -> None:
    """uvicorn waits for open connections before it stops; an event stream never ends by
    itself, so the server must end them, or a restart hangs while any page is open."""
    import time

    from kefu.security.users import UserRepository

    client, _ = make_client()
    server, stop = serve_in_thread(client.app)
    UserRepository(server.assistant.kb.db).create("ann", "agent", password="ann-secret-pw")
    staff = httpx.post(
        f"{server.url}/api/auth/login", json={"name": "ann", "password": "ann-secret-pw"}
    ).json()["token"]
    created = httpx.post(f"{server.url}/api/conversations").json()
    customer: queue.Queue[tuple[str, Any]] = queue.Queue()
    agents: queue.Queue[tuple[str, Any]] = queue.Queue()
    for url, token, out in (
        (f"{server.url}/api/conversations/{created['id']}/events", created["token"], customer),
        (f"{server.url}/api/agent/events", staff, agents),
    ):
        headers = {"Authorization": f"Bearer {token}"}
        threading.Thread(target=listen_events, args=(url, headers, out), daemon=True).start()
    assert next_event(customer, "status")["status"] == "bot"
    assert next_event(agents, "ready") == {}

    started = time.monotonic()
    assert stop(), "the server was still running 10 s after it was told to stop"
    assert time.monotonic() - started < 5
    assert next_event(customer, "end") is None  # ended by the server, not cut off
    assert next_event(agents, "end") is None


def test_the_knowledge_watcher_ends_when_the_server_stops() -> None:
    import asyncio
    from types import SimpleNamespace
    from typing import cast

    from kefu.service import live
    from kefu.service.deps import ServiceState

    refreshed: list[int] = []
    kb = SimpleNamespace(refresh=lambda: refreshed.append(1) or 0)
    state = ServiceState(assistant_=cast(Any, SimpleNamespace(kb=kb)))

    async def main() -> None:
        watcher = asyncio.create_task(live.follow_knowledge(state))
        await asyncio.sleep(0.05)
        state.hub.shut_down()
        await asyncio.wait_for(watcher, 1.0)

    asyncio.run(main())
    assert refreshed == []  # the closing was not taken for another process's change
