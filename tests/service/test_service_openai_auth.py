"""The OpenAI-compatible endpoint: open by default, behind API keys with KEFU_OPENAI_API_KEYS."""

from __future__ import annotations

from conftest import MakeClient

QUESTION = {
    "model": "kefu",
    "messages": [{"role": "user", "content": "How long does a refund take?"}],
}


def test_open_by_default(make_client: MakeClient) -> None:
    client, _ = make_client()
    assert client.post("/v1/chat/completions", json=QUESTION).status_code == 200
    assert client.get("/v1/models").status_code == 200


def test_with_keys_set_a_key_is_required(make_client: MakeClient) -> None:
    client, _ = make_client(openai_api_keys="key-one, key-two")
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic key-one"}):
        r = client.post("/v1/chat/completions", json=QUESTION, headers=headers)
        assert r.status_code == 401, (headers, r.text)
        assert r.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/models").status_code == 401
    for key in ("key-one", "key-two"):
        auth = {"Authorization": f"Bearer {key}"}
        r = client.post("/v1/chat/completions", json=QUESTION, headers=auth)
        assert r.status_code == 200, r.text
        assert r.json()["kefu"]["mode"] == "curated"
        streamed = client.post(
            "/v1/chat/completions", json={**QUESTION, "stream": True}, headers=auth
        )
        assert streamed.status_code == 200 and "[DONE]" in streamed.text
    assert client.get("/v1/models", headers={"Authorization": "Bearer key-two"}).status_code == 200


def test_wrong_keys_are_limited_per_address(make_client: MakeClient) -> None:
    client, _ = make_client(openai_api_keys="key-one")
    codes = [
        client.post(
            "/v1/chat/completions", json=QUESTION, headers={"Authorization": "Bearer x"}
        ).status_code
        for _ in range(32)
    ]
    assert codes == [401] * 30 + [429] * 2
