"""/v1: the OpenAI-compatible endpoint, driven by the official `openai` client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_data import PAIRING_REPLY, REFUND_ANSWER

pytest.importorskip("openai")

import openai


def _openai(client: TestClient) -> openai.OpenAI:
    # TestClient is an httpx Client that calls the app in process.
    return openai.OpenAI(base_url="http://testserver/v1", api_key="x", http_client=client)


def test_models_lists_kefu(client: TestClient) -> None:
    assert [m.id for m in _openai(client).models.list()] == ["kefu"]


def test_chat_completion_returns_kefus_answer(client: TestClient) -> None:
    completion = _openai(client).chat.completions.create(
        model="kefu",
        messages=[
            {"role": "system", "content": "You are a pirate."},  # ignored: kefu's policy rules
            {"role": "user", "content": "How long does a refund take?"},
        ],
    )
    assert completion.object == "chat.completion"
    assert completion.model == "kefu"
    assert completion.choices[0].message.role == "assistant"
    assert completion.choices[0].message.content == REFUND_ANSWER
    assert completion.choices[0].finish_reason == "stop"
    extra = completion.model_extra or {}
    assert extra["kefu"]["mode"] == "curated"
    assert extra["kefu"]["sources"][0]["id"] == "rf-1"
    assert extra["kefu"]["handoff"] is False
    assert extra["kefu"]["confidence"] >= 0.6


def test_earlier_messages_are_context_and_nothing_is_kept(client: TestClient) -> None:
    kefu = _openai(client)
    completion = kefu.chat.completions.create(
        model="kefu",
        messages=[
            {"role": "user", "content": "How do I return a sofa?"},
            {"role": "assistant", "content": "Book a pickup in Account > Returns."},
            {"role": "user", "content": [{"type": "text", "text": "and how long does that take?"}]},
        ],
    )
    assert completion.choices[0].message.content == (
        "A sofa return takes 14 days from pickup to refund."
    )
    # Without the context the follow-up does not reach the sofa answer.
    alone = kefu.chat.completions.create(
        model="kefu", messages=[{"role": "user", "content": "and how long does that take?"}]
    )
    assert alone.choices[0].message.content != completion.choices[0].message.content
    # The throwaway conversation that carried the context is gone.
    assistant = client.app.state.kefu.assistant  # type: ignore[attr-defined]
    assert assistant.conversations.list() == []


def test_streaming_chunks_end_with_done(client: TestClient) -> None:
    stream = _openai(client).chat.completions.create(
        model="kefu",
        messages=[{"role": "user", "content": "How do I pair the Gadget Pro with my phone?"}],
        stream=True,
    )
    chunks = list(stream)  # the client stops at data: [DONE]
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert len({c.id for c in chunks}) == 1
    assert chunks[0].choices[0].delta.role == "assistant"
    contents = [c.choices[0].delta.content for c in chunks if c.choices[0].delta.content]
    assert len(contents) == 2  # one per grounded sentence
    assert "".join(contents).strip() == PAIRING_REPLY
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert (chunks[-1].model_extra or {})["kefu"]["mode"] == "generated"
    assert [c.choices[0].finish_reason for c in chunks[:-1]] == [None] * (len(chunks) - 1)


def test_raw_stream_ends_with_done_line(client: TestClient) -> None:
    r = client.post(
        "/v1/chat/completions",
        json={"model": "kefu", "stream": True, "messages": [{"role": "user", "content": "hi"}]},
    )
    assert r.status_code == 200
    lines = [line for line in r.text.split("\n") if line]
    assert lines[-1] == "data: [DONE]"
    assert all(line.startswith("data: ") for line in lines)


@pytest.mark.parametrize(
    "messages",
    [
        [],
        [{"role": "system", "content": "only a system prompt"}],
        [{"role": "user", "content": ""}],
        [{"role": "user", "content": "x" * 4001}],
        [{"role": "wizard", "content": "hi"}],
    ],
)
def test_bad_requests_are_openai_style_errors(client: TestClient, messages: list[Any]) -> None:
    kefu = _openai(client)
    with pytest.raises(openai.APIStatusError) as info:
        kefu.chat.completions.create(model="kefu", messages=messages)
    assert info.value.status_code in (400, 422)
    body = info.value.body
    assert isinstance(body, dict) and body["message"]


@pytest.mark.parametrize("stream", ["yes", "true", 1, None])
def test_stream_must_be_a_json_boolean(client: TestClient, stream: object) -> None:
    # QA report B, finding 9: "stream": "yes" streamed.
    r = client.post(
        "/v1/chat/completions",
        json={"model": "kefu", "stream": stream, "messages": [{"role": "user", "content": "hi"}]},
    )
    assert r.status_code == 422, r.text
    assert "stream" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    "text", ["I want to talk to a human please", "What is the meaning of quantum foam?"]
)
@pytest.mark.parametrize("stream", [False, True])
def test_a_handoff_says_where_to_find_a_person_not_that_one_is_coming(
    client: TestClient, text: str, stream: bool
) -> None:
    # This endpoint keeps no conversation an agent could take and gives the client no channel
    # for an agent's reply, so it must not promise one.
    body = {"model": "kefu", "stream": stream, "messages": [{"role": "user", "content": text}]}
    r = client.post("/v1/chat/completions", json=body)
    assert r.status_code == 200
    if stream:
        chunks = [json.loads(line[6:]) for line in r.text.split("\n") if line.startswith("data: {")]
        content = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks)
        extra = chunks[-1]["kefu"]
    else:
        content = r.json()["choices"][0]["message"]["content"]
        extra = r.json()["kefu"]
    assert extra["handoff"] is True
    for promise in ("connecting you", "stay in this chat", "reply here shortly", "asked a"):
        assert promise not in content
    assert "chat page" in content
    assistant = client.app.state.kefu.assistant  # type: ignore[attr-defined]
    assert assistant.conversations.list() == []  # nothing waits in the agents' queue


def test_every_promise_of_a_person_has_a_wording_without_one() -> None:
    from kefu.dialogue import messages

    kinds = ["decline", "handoff_request", "emergency"]
    kinds += ["safety_diagnosis", "safety_investment", "safety_promise", "safety_private"]
    kinds += ["safety_abuse"]
    for kind in kinds:
        for language, elsewhere in (("en", "our chat page"), ("zh", "在线客服页面")):
            fixed = messages.reply(kind, language)
            # Also when an FAQ answer follows the fixed text (emergencies, safety replies).
            said = messages.without_handoff(f"{fixed}\n\nFAQ answer.")
            assert said != f"{fixed}\n\nFAQ answer." and elsewhere in said, (kind, language)
            assert said.endswith("\n\nFAQ answer.")
            assert said in {f"{t}\n\nFAQ answer." for t in messages.all_replies()}
    # A business's own emergency number changes the reply around the promise, not the promise.
    local = messages.reply("emergency", "en", emergency_number="120")
    assert "our chat page" in messages.without_handoff(local)


def test_a_follow_up_is_not_answered_with_the_last_reply_again(make_client: Any) -> None:
    # Black-box tester V: "and for Saver?" after a Business baggage answer got that answer
    # again ("2 pieces 32 kg each"): the small model copied the previous turn, and every word
    # of it is in the sources. A generated reply that says only what the last one said
    # answers the earlier question; the turn quotes the sources instead.
    said = "Hold the power button for eight seconds, then choose Gadget Pro [help#1]."
    client, _ = make_client(replies=[said])
    completion = _openai(client).chat.completions.create(
        model="kefu",
        messages=[
            {"role": "user", "content": "How do I pair the Gadget Pro with my phone?"},
            {"role": "assistant", "content": said},
            {"role": "user", "content": "and what colour does the light blink?"},
        ],
    )
    extra = (completion.model_extra or {})["kefu"]
    assert extra["sources"][0]["id"] == "help#1"
    assert extra["mode"] == "extractive"
    assert completion.choices[0].message.content != said
    assert "blinks blue" in (completion.choices[0].message.content or "")
