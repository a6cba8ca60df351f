"""kefu behind a reverse proxy, served by uvicorn as `kefu serve` serves it: the address the
limits see, and the headers it sends (docs/service.md, "Limits and bad input")."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from conftest import LiveServer, MakeClient, serve_in_thread

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")


@pytest.fixture
def live(make_client: MakeClient) -> Iterator[LiveServer]:
    client, _ = make_client()
    server, stop = serve_in_thread(client.app)
    yield server
    stop()


def test_no_server_header(live: LiveServer) -> None:
    r = httpx.get(live.url + "/health")
    assert r.status_code == 200
    assert "server" not in r.headers


def test_a_proxy_that_appends_is_limited_by_the_address_it_saw(live: LiveServer) -> None:
    """The test connects from 127.0.0.1, which FORWARDED_ALLOW_IPS trusts by default, as a
    proxy on the same host. A proxy that appends to the client's X-Forwarded-For sends
    "<whatever the client claimed>, <the client's real address>": uvicorn takes the right-most
    address that is not a trusted proxy, so a client changing its claim each time is still
    limited as the one address the proxy saw."""
    codes = []
    with httpx.Client(base_url=live.url) as http:
        for i in range(12):
            r = http.post(
                "/api/auth/login",
                json={"name": f"nobody{i}", "password": "wrong password"},
                headers={"X-Forwarded-For": f"198.51.100.{i}, 203.0.113.9"},
            )
            codes.append(r.status_code)
    assert codes == [401] * 10 + [429] * 2
    assert "this address" in r.json()["error"]
