"""Through the HTTP API: a message with a card number gets the fixed security notice first,
and what is stored (and shown to agents) has the number hidden (kefu.dialogue.assistant)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kefu.dialogue import messages


def test_a_pasted_card_number_gets_the_notice_and_is_not_stored(client: TestClient) -> None:
    r = client.post("/api/conversations")
    assert r.status_code == 201, r.text
    cid, token = r.json()["id"], r.json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    text = "How long does a refund take? my card is 4111 1111 1111 1111"
    r = client.post(f"/api/conversations/{cid}/messages", json={"text": text}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["answer"].startswith(messages.reply("card_data", "en") + "\n\n")
    history = client.get(f"/api/conversations/{cid}/messages", headers=auth)
    assert history.status_code == 200, history.text
    assert "4111 1111" not in history.text
