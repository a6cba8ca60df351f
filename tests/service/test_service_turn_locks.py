"""A curated answer does not wait behind the language model (kefu.service.turns).

The fake model below blocks in the middle of its reply until the test lets it go, so "the
curated answer came back while the model was still writing" is an ordering, read from
events, not a timing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_data import PAIRING_REPLY, REFUND_ANSWER

from kefu.dialogue.assistant import Assistant
from kefu.llm.fake import FakeChatModel
from kefu.types import ChatMessage

PAIRING = "How do I pair the Gadget Pro with my phone?"
SAFETY_S = 60.0  # the gate opens by itself after this, so a failing test ends


class GatedModel(FakeChatModel):
    """The scripted model, stopping after its first piece until `release` is set."""

    def __init__(self, replies: list[str]) -> None:
        super().__init__(replies, languages=("en",))
        self.writing = threading.Event()
        self.release = threading.Event()
        self.went_on = threading.Event()  # past the gate: released, or SAFETY_S gone

    def stream(self, messages: Sequence[ChatMessage], **kwargs: Any) -> Iterator[str]:
        pieces = super().stream(messages, **kwargs)

        def gated() -> Iterator[str]:
            for i, piece in enumerate(pieces):
                if i == 1:
                    self.writing.set()
                    self.release.wait(SAFETY_S)
                    self.went_on.set()
                yield piece

        return gated()


def _setup(make_client: Any, **settings: Any) -> tuple[TestClient, GatedModel]:
    client, _ = make_client(**settings)
    model = GatedModel([PAIRING_REPLY] * 4)
    assistant: Assistant = client.app.state.kefu.assistant
    assistant._llm = model
    return client, model


def _ask(client: TestClient, text: str, path: str = "json") -> dict[str, Any]:
    if path == "openai":
        body = {"model": "kefu", "messages": [{"role": "user", "content": text}]}
        r = client.post("/v1/chat/completions", json=body)
        assert r.status_code == 200, r.text
        out: dict[str, Any] = r.json()["kefu"]
        out["answer"] = r.json()["choices"][0]["message"]["content"]
        return out
    created = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/conversations/{created['id']}/messages"
    r = client.post(
        url + ("?stream=true" if path == "stream" else ""), json={"text": text}, headers=auth
    )
    assert r.status_code == 200, r.text
    if path == "stream":
        import json

        blocks = [b for b in r.text.split("\n\n") if b.startswith("event: answer")]
        return dict(json.loads(blocks[0].split("data: ", 1)[1]))
    return dict(r.json())


@pytest.mark.parametrize("path", ["json", "stream", "openai"])
def test_a_curated_answer_does_not_wait_for_a_generation(make_client: Any, path: str) -> None:
    client, model = _setup(make_client)
    with ThreadPoolExecutor(2) as pool:
        generating = pool.submit(_ask, client, PAIRING, path)
        assert model.writing.wait(SAFETY_S), "the generated turn never reached the model"
        curated = _ask(client, "How long does a refund take?", path)
        # The model is still holding its reply: the curated answer came before it.
        assert not model.went_on.is_set()
        assert curated["mode"] == "curated"
        assert REFUND_ANSWER in curated["answer"]
        model.release.set()
        assert generating.result()["mode"] == "generated"


def test_past_the_queue_cap_a_turn_is_answered_without_the_model(make_client: Any) -> None:
    """max_queued_generations=0: while the model writes, a second document question is not
    queued behind it but answered from its passage at once (extractive)."""
    client, model = _setup(make_client, max_queued_generations=0)
    with ThreadPoolExecutor(1) as pool:
        generating = pool.submit(_ask, client, PAIRING)
        assert model.writing.wait(SAFETY_S)
        calls = len(model.calls)
        busy = _ask(client, "How do I pair the Gadget Pro? Which button?")
        assert not model.went_on.is_set()
        assert busy["mode"] == "extractive"
        assert "eight seconds" in busy["answer"]
        assert len(model.calls) == calls  # the model was not asked
        model.release.set()
        assert generating.result()["mode"] == "generated"
    # With the model free again, the same question is generated.
    assert _ask(client, "How do I pair the Gadget Pro? Which button?")["mode"] == "generated"


def test_within_the_cap_a_turn_waits_for_the_model(make_client: Any) -> None:
    client, model = _setup(make_client, max_queued_generations=1)
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(_ask, client, PAIRING)
        assert model.writing.wait(SAFETY_S)
        second = pool.submit(_ask, client, "How do I pair the Gadget Pro? Which button?")
        model.release.set()
        assert first.result()["mode"] == "generated"
        assert second.result()["mode"] == "generated"


def test_one_conversations_turns_still_run_in_order(make_client: Any) -> None:
    """A curated question sent while the same conversation's generated answer is being
    written waits for it: its turn is stored after the first, and reads it as history."""
    import time

    client, model = _setup(make_client)
    created = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/conversations/{created['id']}/messages"

    def send(text: str) -> int:
        return client.post(url, json={"text": text}, headers=auth).status_code

    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(send, PAIRING)
        assert model.writing.wait(SAFETY_S)
        second = pool.submit(send, "How long does a refund take?")
        time.sleep(3.0)  # a head start: were it not held back, it would be stored by now
        model.release.set()
        assert first.result() == 200 and second.result() == 200
    history = client.get(url, headers=auth).json()["messages"]
    assert [(m["role"], m["content"][:12]) for m in history] == [
        ("user", PAIRING[:12]),
        ("assistant", PAIRING_REPLY[:12]),
        ("user", "How long doe"),
        ("assistant", REFUND_ANSWER[:12]),
    ]


@pytest.mark.parametrize("path", ["json", "openai"])
def test_past_its_share_of_the_queue_a_client_is_answered_without_the_model(
    make_client: Any, path: str
) -> None:
    """max_queued_generations_per_client=1: the whole queue has room, but this address
    already has a turn with the model, so its next one is answered from the passage."""
    client, model = _setup(make_client, max_queued_generations_per_client=1)
    with ThreadPoolExecutor(1) as pool:
        generating = pool.submit(_ask, client, PAIRING, path)
        assert model.writing.wait(SAFETY_S)
        calls = len(model.calls)
        busy = _ask(client, "How do I pair the Gadget Pro? Which button?", path)
        assert not model.went_on.is_set()
        assert busy["mode"] == "extractive"
        assert len(model.calls) == calls
        model.release.set()
        assert generating.result()["mode"] == "generated"
    assert _ask(client, "How do I pair the Gadget Pro? Which button?", path)["mode"] == (
        "generated"
    )


def test_each_client_address_has_its_own_share_of_the_queue() -> None:
    from kefu.service.turns import TurnLocks

    locks = TurnLocks()
    locks.started("10.0.0.1")
    locks.started("10.0.0.1")
    locks.started(None)  # a turn with no address counts for the whole queue only
    assert locks.generating == 3
    assert locks.client_busy("10.0.0.1", 2)
    assert not locks.client_busy("10.0.0.2", 1)
    assert not locks.client_busy(None, 1)
    locks.finished("10.0.0.1")
    assert not locks.client_busy("10.0.0.1", 2)
    assert locks.client_busy("10.0.0.1", 1)
    locks.finished("10.0.0.1")
    locks.finished(None)
    assert locks.generating == 0
    assert locks._clients == {}  # no entry left for an address with nothing in the queue
