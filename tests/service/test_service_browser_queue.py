"""The agent console in a real headless Chromium with a long queue and a held emergency: the
badge counts every waiting conversation, "Show more" brings the rest, a taken conversation
reads "yours since", and an emergency in a held conversation raises an alert.

The server runs the fake assistant of conftest.py (hashing embedder, scripted LLM): no model
is loaded, only the browser is real."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")
playwright = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")

from service_data import PAIRING_REPLY  # noqa: E402

from conftest import LiveServer, MakeClient, serve_in_thread  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]

WAITING = 171  # what a busy hospital's queue held when the console showed only 100


@pytest.fixture
def live_server(make_client: MakeClient) -> Iterator[LiveServer]:
    """The fake assistant on a real port, without the per-address limits: one test client
    plays 171 customers."""
    client, _ = make_client(
        replies=[PAIRING_REPLY], rate_limit_ip=0, rate_limit_conversation=0, emergency_number="120"
    )
    server, stop = serve_in_thread(client.app)
    yield server
    stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield b
        b.close()


def _customer(http: httpx.Client) -> tuple[str, dict[str, str]]:
    body = http.post("/api/conversations").json()
    return body["id"], {"Authorization": f"Bearer {body['token']}"}


def test_the_console_shows_the_whole_queue_and_alerts_on_a_held_emergency(
    live_server: LiveServer, browser: Any
) -> None:
    from kefu.security.users import UserRepository

    expect = playwright.expect
    UserRepository(live_server.assistant.kb.db).create("ann", "agent", password="ann-secret-pw")
    http = httpx.Client(base_url=live_server.url, timeout=30.0)
    customers = []
    for i in range(WAITING):
        cid, auth = _customer(http)
        # Every customer wrote something, so each waits as a request (priority 2), except
        # the last few: the bot could not answer them (priority 1, at the back).
        text = "What is the airspeed of an unladen swallow?" if i >= WAITING - 3 else "hi"
        http.post(f"/api/conversations/{cid}/messages", json={"text": text}, headers=auth)
        http.post(f"/api/conversations/{cid}/handoff", headers=auth)
        customers.append((cid, auth))
    low = {cid for cid, _ in customers[-3:]}

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(live_server.url + "/agent")
    page.get_by_label("Name").fill("ann")
    page.get_by_label("Password").fill("ann-secret-pw")
    page.get_by_role("button", name="Sign in").click()

    # The badge counts the whole queue; the first page shows 100 and says how many more wait.
    expect(page.locator("#waiting-count")).to_have_text(str(WAITING), timeout=10_000)
    expect(page.locator("#waiting button")).to_have_count(100)
    more = page.get_by_role("button", name=re.compile("Show more"))
    expect(more).to_have_text(f"Show more ({WAITING - 100} more waiting)")
    more.click()
    expect(page.locator("#waiting button")).to_have_count(WAITING, timeout=10_000)
    expect(more).to_be_hidden()
    # The conversations the bot could not answer were the invisible ones: now they are shown.
    last = page.locator("#waiting button").nth(WAITING - 1)
    assert last.get_attribute("data-id") in low

    # Taken: it reads "yours since", not "waiting since … asked for a person".
    first_id = page.locator("#waiting button").first.get_attribute("data-id")
    page.locator("#waiting button").first.click()
    page.get_by_role("button", name="Take over").click()
    held = page.locator(f"#mine button[data-id='{first_id}']")
    expect(held).to_contain_text(re.compile(r"yours since \d"), timeout=10_000)
    expect(held).not_to_contain_text("waiting since")
    expect(held).not_to_contain_text("asked for a person")
    expect(page.locator("#waiting-count")).to_have_text(str(WAITING - 1))

    # The customer writes an emergency to the agent: the bot gives the emergency line at once,
    # and the console raises an alert and flags the conversation.
    auth = dict(customers)[first_id]
    r = http.post(
        f"/api/conversations/{first_id}/messages",
        json={"text": "我老公突然倒地不省人事了"},
        headers=auth,
    )
    assert r.status_code == 200 and r.json()["answer"] and r.json()["mode"] != "agent"
    alert = page.locator("#alert")
    expect(alert).to_be_visible(timeout=10_000)
    expect(alert).to_contain_text("我老公突然倒地不省人事了")
    expect(held.locator(".badge.emergency")).to_have_text("emergency", timeout=10_000)
    expect(page.locator("#log .msg.assistant").last).to_contain_text("120", timeout=10_000)
    http.close()
