"""Bidi controls in customer text (black-box finding 7): stripped from new messages, and
shown as visible markers, in a direction of their own, to staff for messages stored before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from conftest import LiveServer, MakeClient, serve_in_thread
from kefu.dialogue.assistant import clean_message

SPOOF = "\u202eecnuof ot deen I .tnemyap eht rof 0.00001$ .refund ym si erehW"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.parametrize(
    "control", [*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]
)
def test_explicit_bidi_controls_are_stripped(control: str) -> None:
    assert clean_message(f"where is {control}my refund{control}?") == "where is my refund?"


def test_natural_right_to_left_text_and_marks_are_kept() -> None:
    # Hebrew and Arabic show right to left by themselves; a mark (U+200F) only nudges neutrals.
    assert clean_message("order שלום مرحبا\u200f 12") == "order שלום مرحبا\u200f 12"


def test_a_spoofed_message_is_stored_without_the_override(client: TestClient) -> None:
    created = client.post("/api/conversations").json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/conversations/{created['id']}/messages"
    assert client.post(url, json={"text": SPOOF}, headers=auth).status_code == 200
    stored = client.get(url, headers=auth).json()["messages"][0]["content"]
    assert stored == SPOOF[1:]


@pytest.fixture
def live(make_client: MakeClient) -> Iterator[LiveServer]:
    client, _ = make_client()
    server, stop = serve_in_thread(client.app)
    yield server
    stop()


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_staff_see_a_stored_override_as_a_marker_in_an_isolated_element(live: LiveServer) -> None:
    pytest.importorskip("kefu.security.users", reason="staff accounts not built")
    playwright = pytest.importorskip("playwright.sync_api", reason="needs playwright")
    from kefu.security.users import UserRepository
    from kefu.service import live as live_module

    assistant = live.assistant
    UserRepository(assistant.kb.db).create("ann", "agent", password="ann-secret-pw")
    http = httpx.Client(base_url=live.url, timeout=30.0)
    cid = http.post("/api/conversations").json()["id"]
    # Stored before the server stripped them: straight into the database.
    assistant.conversations.add_message(cid, role="user", content=SPOOF)
    live_module.support(assistant).request_handoff(cid, "request")
    http.close()
    expect = playwright.expect
    with playwright.sync_playwright() as p:
        browser: Any = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        page = browser.new_page()
        page.goto(live.url + "/agent")
        page.get_by_label("Name").fill("ann")
        page.get_by_label("Password").fill("ann-secret-pw")
        page.get_by_role("button", name="Sign in").click()
        asked = page.locator("#waiting button .asked").first
        expect(asked).to_have_text("[U+202E]" + SPOOF[1:], timeout=10_000)
        assert asked.get_attribute("dir") == "auto"
        page.locator("#waiting button").first.click()
        text = page.locator("#log .msg.user .text").first
        expect(text).to_have_text("[U+202E]" + SPOOF[1:], timeout=10_000)
        assert text.get_attribute("dir") == "auto"
        browser.close()
