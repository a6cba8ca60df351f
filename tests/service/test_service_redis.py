"""Live events across server processes through Redis (KEFU_REDIS_URL): two app instances with
their own event loops, sharing one database and one Redis, behave as one service."""

from __future__ import annotations

import asyncio
import os
import queue
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

pytest.importorskip("redis", reason="needs the 'redis' extra")
pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")

from service_data import FAQ_CSV, HELP_MD

from conftest import LiveServer, StubConfidence, listen_events, next_event, serve_in_thread
from kefu.config import Settings
from kefu.dialogue.assistant import Assistant
from kefu.dialogue.confidence import ConfidenceModel
from kefu.knowledge.base import KnowledgeBase
from kefu.llm.fake import FakeChatModel
from kefu.retrieval.embedders import HashingEmbedder
from kefu.service.app import create_app
from kefu.service.redis_hub import RedisEventHub

REDIS_URL = os.environ.get("KEFU_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

pytestmark = pytest.mark.redis


@pytest.fixture(scope="module")
def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"no Redis server at {REDIS_URL}: {exc}")
    return REDIS_URL


def test_an_event_reaches_the_other_process_once(redis_url: str) -> None:
    prefix = f"kefu-test-{uuid.uuid4().hex}"

    async def main() -> None:
        a = RedisEventHub(redis_url, prefix=prefix)
        b = RedisEventHub(redis_url, prefix=prefix)
        other = RedisEventHub(redis_url, prefix=prefix + "-elsewhere")  # another kefu
        for hub in (a, b, other):
            await hub.start()
            await asyncio.wait_for(hub.connected.wait(), 5)
        try:
            async with (
                a.subscribe("conv:1") as at_a,
                b.subscribe("conv:1") as at_b,
                other.subscribe("conv:1") as at_other,
            ):
                a.publish("conv:1", "message", {"id": 7, "content": "hello"})
                got_b = await at_b.next(5)
                got_a = await at_a.next(5)
                assert got_b is not None and (got_b.name, got_b.data["id"]) == ("message", 7)
                assert got_a is not None and got_a.data["content"] == "hello"
                # Once each: the publisher does not hear its own event back from Redis.
                assert await at_a.next(0.5) is None
                assert await at_b.next(0.2) is None
                assert await at_other.next(0.2) is None  # another prefix hears nothing
        finally:
            for hub in (a, b, other):
                await hub.stop()

    asyncio.run(main())


def _app_server(
    home: Path, redis_url: str, prefix: str, **overrides: Any
) -> tuple[LiveServer, Any]:
    fields: dict[str, Any] = {
        "home": home,
        "embedder": "hashing",
        "llm_backend": "fake",
        "curated_threshold": 0.6,
        "answer_threshold": 0.3,
        "redis_url": redis_url,
        "redis_prefix": prefix,
        "rate_limit_conversation": 0,  # the knowledge test polls with one conversation
    }
    settings = Settings(**{**fields, **overrides})
    folder = home / "files"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "faq.csv").write_text(FAQ_CSV, encoding="utf-8")
    (folder / "help.md").write_text(HELP_MD, encoding="utf-8")
    kb = KnowledgeBase(settings, embedder=HashingEmbedder())
    assert kb.add([folder / "faq.csv", folder / "help.md"]).ok
    assistant = Assistant(
        settings,
        kb=kb,
        llm=FakeChatModel([], languages=("en",)),
        confidence=cast(ConfidenceModel, StubConfidence()),
    )
    return serve_in_thread(create_app(settings, assistant=assistant))


@pytest.fixture
def two_processes(tmp_path: Path, redis_url: str) -> Iterator[tuple[LiveServer, LiveServer]]:
    """Two servers over one database and one Redis, as behind a load balancer."""
    prefix = f"kefu-test-{uuid.uuid4().hex}"
    first, stop_first = _app_server(tmp_path / "home", redis_url, prefix)
    second, stop_second = _app_server(tmp_path / "home", redis_url, prefix)
    yield first, second
    stop_second()
    stop_first()
    for server in (first, second):
        server.assistant.kb.db.dispose()


def test_an_agent_on_one_process_reaches_a_customer_on_another(
    two_processes: tuple[LiveServer, LiveServer],
) -> None:
    from kefu.security.users import UserRepository

    customer_side, agent_side = two_processes
    UserRepository(customer_side.assistant.kb.db).create("ann", "agent", password="ann-secret-pw")
    with (
        httpx.Client(base_url=customer_side.url, timeout=30) as shop,
        httpx.Client(base_url=agent_side.url, timeout=30) as desk,
    ):
        created = shop.post("/api/conversations").json()
        cid, customer = created["id"], {"Authorization": f"Bearer {created['token']}"}
        token = desk.post(
            "/api/auth/login", json={"name": "ann", "password": "ann-secret-pw"}
        ).json()["token"]
        agent = {"Authorization": f"Bearer {token}"}

        events: queue.Queue[tuple[str, Any]] = queue.Queue()
        url = f"{customer_side.url}/api/conversations/{cid}/events"
        threading.Thread(target=listen_events, args=(url, customer, events), daemon=True).start()
        assert next_event(events, "http") == 200
        assert next_event(events, "status")["status"] == "bot"

        shop.post(f"/api/conversations/{cid}/handoff", headers=customer)
        assert next_event(events, "status")["status"] == "waiting"
        # Everything below happens on the other process.
        assert desk.post(f"/api/agent/conversations/{cid}/take", headers=agent).status_code == 200
        taken = next_event(events, "status")
        assert taken["status"] == "agent" and taken["assigned_agent"] == "ann"
        desk.post(f"/api/agent/conversations/{cid}/typing", headers=agent)
        assert next_event(events, "typing") == {"role": "agent", "name": "ann"}
        desk.post(
            f"/api/agent/conversations/{cid}/messages",
            json={"text": "Hi, Ann here, from the other server."},
            headers=agent,
        )
        got = next_event(events, "message")
        assert got["role"] == "agent" and got["content"] == "Hi, Ann here, from the other server."


def test_knowledge_added_on_one_process_is_answered_by_the_other(
    two_processes: tuple[LiveServer, LiveServer],
) -> None:
    import time

    from kefu.security.users import UserRepository

    first, second = two_processes
    UserRepository(first.assistant.kb.db).create("root", "admin", password="root-secret-pw")
    question = "Do you gift-wrap orders for birthdays?"
    answer = "Yes: tick 'gift wrap' at checkout, it costs 2 euros per parcel."
    with (
        httpx.Client(base_url=first.url, timeout=30) as shop,
        httpx.Client(base_url=second.url, timeout=30) as office,
    ):
        token = office.post(
            "/api/auth/login", json={"name": "root", "password": "root-secret-pw"}
        ).json()["token"]
        created = shop.post("/api/conversations").json()
        cid, customer = created["id"], {"Authorization": f"Bearer {created['token']}"}

        def ask() -> dict[str, Any]:
            r = shop.post(
                f"/api/conversations/{cid}/messages", json={"text": question}, headers=customer
            )
            assert r.status_code == 200, r.text
            return r.json()  # type: ignore[no-any-return]

        assert ask()["answer"] != answer  # the first process does not know it yet
        r = office.post(
            "/api/admin/knowledge",
            params={"filename": "gifts.csv"},
            content=f'id,question,answer\ngift-1,{question},"{answer}"\n'.encode(),
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 201, r.text
        deadline = time.monotonic() + 30
        while (got := ask())["answer"] != answer:
            assert time.monotonic() < deadline, got
            time.sleep(0.5)
        assert got["sources"][0]["id"] == "gift-1" and got["mode"] == "curated"


def test_rate_limits_hold_for_the_whole_fleet(tmp_path: Path, redis_url: str) -> None:
    prefix = f"kefu-test-{uuid.uuid4().hex}"
    servers = [_app_server(tmp_path / "home", redis_url, prefix, rate_limit_ip=4) for _ in range(2)]
    try:
        codes = []
        for i in range(6):  # alternate between the two processes, from one address
            with httpx.Client(base_url=servers[i % 2][0].url, timeout=30) as http:
                codes.append(http.post("/api/conversations").status_code)
        # 4 a minute for this address across both processes, not 4 each.
        assert codes == [201, 201, 201, 201, 429, 429]
    finally:
        for server, stop in servers:
            stop()
            server.assistant.kb.db.dispose()


def test_shared_buckets_allow_a_burst_then_one_per_interval(redis_url: str) -> None:
    import redis.asyncio as aioredis

    from kefu.service.ratelimit import RedisBuckets

    async def main() -> None:
        client = aioredis.Redis.from_url(redis_url)
        prefix = f"kefu-test-{uuid.uuid4().hex}"
        buckets = RedisBuckets(client, 3, prefix=prefix, name="ip")
        try:
            results = [await buckets.allow("1.2.3.4") for _ in range(4)]
            assert [ok for ok, _ in results] == [True, True, True, False]
            assert 19.0 < results[-1][1] <= 20.0  # one token every 60/3 s
            assert (await buckets.allow("5.6.7.8"))[0]  # another key has its own bucket
        finally:
            await client.aclose()

    asyncio.run(main())


def test_without_redis_the_limits_fall_back_to_this_process() -> None:
    import redis.asyncio as aioredis

    from kefu.service.ratelimit import RedisBuckets

    async def main() -> None:
        client = aioredis.Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.5)
        buckets = RedisBuckets(client, 2, prefix="kefu-test", name="ip")
        try:
            assert [(await buckets.allow("k"))[0] for _ in range(3)] == [True, True, False]
        finally:
            await client.aclose()

    asyncio.run(main())


@pytest.mark.parametrize("url", ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis//x"])
def test_a_redis_url_that_is_not_one_is_refused_with_the_form_to_use(url: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=r"redis://127\.0\.0\.1:6379/0"):
        Settings(redis_url=url)
    assert Settings(redis_url="").redis_url is None  # empty: no Redis


def test_a_missing_redis_package_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from kefu.errors import MissingDependency

    monkeypatch.setitem(sys.modules, "redis", None)  # as if it were not installed
    settings = Settings(home=tmp_path, redis_url="redis://127.0.0.1:6379/0")
    with pytest.raises(MissingDependency, match=r"kefu\[redis\]"):
        create_app(settings, warm_up=False)
