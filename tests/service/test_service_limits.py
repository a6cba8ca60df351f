"""Rate limits: per client address and per conversation, answered with 429 + Retry-After."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from kefu.service.ratelimit import TokenBuckets

MakeClient = Any


def test_a_bucket_allows_a_burst_then_refills_over_time() -> None:
    buckets = TokenBuckets(60)  # one per second, bursts of 60
    assert all(buckets.allow("a", now=100.0)[0] for _ in range(60))
    allowed, wait = buckets.allow("a", now=100.0)
    assert not allowed and 0.9 < wait <= 1.0
    assert buckets.allow("b", now=100.0)[0]  # other keys have their own bucket
    assert buckets.allow("a", now=101.01)[0]
    assert not buckets.allow("a", now=101.02)[0]


def test_a_zero_limit_is_off() -> None:
    buckets = TokenBuckets(0)
    assert all(buckets.allow("a", now=1.0)[0] for _ in range(1000))


def test_bucket_memory_is_bounded() -> None:
    buckets = TokenBuckets(10, max_keys=100)
    for i in range(1000):
        buckets.allow(f"ip-{i}", now=1.0)
    assert len(buckets._buckets) == 100


def test_too_many_messages_in_one_conversation_get_429(make_client: MakeClient) -> None:
    client: TestClient = make_client(rate_limit_conversation=3)[0]
    body = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {body['token']}"}
    url = f"/api/conversations/{body['id']}/messages"
    codes = [client.post(url, json={"text": "hello"}, headers=auth).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = client.post(url, json={"text": "hello"}, headers=auth)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert "too many messages" in r.json()["error"]
    # Another conversation is not affected.
    other = client.post("/api/conversations").json()
    r = client.post(
        f"/api/conversations/{other['id']}/messages",
        json={"text": "hello"},
        headers={"Authorization": f"Bearer {other['token']}"},
    )
    assert r.status_code == 200


def test_too_many_requests_from_one_address_get_429(make_client: MakeClient) -> None:
    client: TestClient = make_client(rate_limit_ip=5)[0]
    codes = [client.post("/api/conversations").status_code for _ in range(6)]
    assert codes == [201] * 5 + [429]
    assert client.get("/health").status_code == 200  # pages and health are not limited


def test_the_default_conversation_limit_holds_on_every_database(
    make_client: MakeClient, db_url: str, monkeypatch: Any
) -> None:
    """The tester saw 34 messages in 13 s pass on PostgreSQL and read it as no limit: the
    bucket had refilled (one message every 2 s: 30 + 13 / 2 > 34). The bucket is kept in
    memory and never reads the database; with the clock held still it is 30, then 429, then
    one more every 2 s, on either database."""
    now = [1000.0]
    allow = TokenBuckets.allow  # every bucket on this test's clock, not the process's
    monkeypatch.setattr(TokenBuckets, "allow", lambda self, key, **_: allow(self, key, now=now[0]))
    client: TestClient = make_client(database_url=db_url)[0]
    body = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {body['token']}"}
    url = f"/api/conversations/{body['id']}/messages"

    def send() -> int:
        return client.post(url, json={"text": "hello"}, headers=auth).status_code

    codes = [send() for _ in range(31)]
    assert codes == [200] * 30 + [429]
    now[0] += 2.0
    assert [send(), send()] == [200, 429]
