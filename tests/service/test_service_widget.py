"""The widget on a phone and in the host page's language, in headless Chromium against the fast
test assistant (conftest.py): full screen on a phone and a box on a desktop, a source that
leaves the text box usable, a slim rating bar with the keyboard open, and labels in the host
page's language (or the tag's data-lang).

test_service_pages.py covers the rest of the widget (hostile CSS, Esc, loading nothing until
opened) and the chat page itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

playwright = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")

from service_data import REFUND_ANSWER  # noqa: E402

from conftest import LiveServer, fake_assistant, serve_in_thread, site  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}
KEYBOARD = {"width": 390, "height": 450}  # a phone with its on-screen keyboard open
DESKTOP = {"width": 1280, "height": 800}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from kefu.service.app import create_app

    # Every page load is a dozen requests from 127.0.0.1: no per-address limit here.
    assistant, _ = fake_assistant(tmp_path_factory.mktemp("widget"), rate_limit_ip=0)
    live, stop = serve_in_thread(create_app(assistant.settings, assistant=assistant))
    yield live
    stop()
    assistant.kb.db.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield b
        b.close()


def _shop(server: LiveServer, *, lang: str | None = "en", tag: str = "") -> str:
    """A long shop page (it scrolls) in ``lang``, with the widget's tag (plus ``tag``)."""
    html_lang = f' lang="{lang}"' if lang else ""
    return (
        f"<!doctype html><html{html_lang}><head><meta charset='utf-8'>"
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title>'
        "</head><body><h1>Skylark Travel</h1><div style='height:3000px'>Tours</div>"
        f'<script src="{server.url}/widget.js"{tag}></script></body></html>'
    )


def _phone(browser: Any, viewport: dict[str, int] = PHONE, locale: str = "en-US") -> Any:
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True, locale=locale)
    return context.new_page()


def _box(locator: Any) -> dict[str, float]:
    box = locator.bounding_box()
    assert box is not None
    return {k: round(v) for k, v in box.items()}


def test_the_widget_fills_a_phone_and_gives_the_page_back_where_it_was(
    server: LiveServer, browser: Any
) -> None:
    """On a 390x844 phone the chat covers the whole screen, the launcher (which would sit on
    the text box) gives way to the chat's close button, and the host page does not scroll
    behind it; closed, the page is where the visitor left it and the launcher has the focus."""
    expect = playwright.expect
    page = _phone(browser)
    with site(_shop(server)) as url:
        page.goto(url)
        page.evaluate("window.scrollTo(0, 1200)")
        launcher = page.get_by_role("button", name="Chat · 客服")
        launcher.click()
        frame = page.locator("#kefu-widget-frame")
        expect(frame).to_be_visible()
        chat = page.frame_locator("#kefu-widget-frame")
        expect(chat.get_by_role("textbox")).to_be_focused()
        assert _box(frame) == {"x": 0, "y": 0, "width": 390, "height": 844}
        expect(launcher).to_be_hidden()
        assert page.evaluate("getComputedStyle(document.documentElement).overflow") == "hidden"
        # The text box is on screen, at the bottom, not under anything of the host page's.
        box = _box(chat.get_by_role("textbox"))
        assert box["y"] + box["height"] <= 844
        assert box["y"] > 844 - 200

        close = chat.get_by_role("button", name="Close chat")
        expect(close).to_be_visible()
        assert _box(close)["width"] >= 44 and _box(close)["height"] >= 44
        close.click()
        expect(frame).to_be_hidden()
        expect(launcher).to_be_visible()
        expect(launcher).to_be_focused()
        assert page.evaluate("window.scrollY") == 1200
        assert page.evaluate("document.documentElement.style.overflow") == ""
    page.context.close()


def test_the_open_widget_follows_the_viewport_across_480_px(
    server: LiveServer, browser: Any
) -> None:
    """A phone turned on its side (or a window made wider) gets the box, and back."""
    expect = playwright.expect
    page = _phone(browser)
    with site(_shop(server)) as url:
        page.goto(url)
        launcher = page.get_by_role("button", name="Chat · 客服")
        launcher.click()
        frame = page.locator("#kefu-widget-frame")
        expect(frame).to_be_visible()
        assert _box(frame)["width"] == 390
        page.set_viewport_size({"width": 900, "height": 700})
        expect(launcher).to_be_visible()
        assert _box(frame)["width"] <= 380
        assert page.evaluate("document.documentElement.style.overflow") == ""
        page.set_viewport_size(PHONE)
        expect(launcher).to_be_hidden()
        assert _box(frame) == {"x": 0, "y": 0, "width": 390, "height": 844}
    page.context.close()


def test_the_widget_stays_a_box_on_a_desktop(server: LiveServer, browser: Any) -> None:
    expect = playwright.expect
    page = browser.new_context(viewport=DESKTOP, locale="en-US").new_page()
    with site(_shop(server)) as url:
        page.goto(url)
        launcher = page.get_by_role("button", name="Chat · 客服")
        launcher.click()
        frame = page.locator("#kefu-widget-frame")
        expect(frame).to_be_visible()
        box = _box(frame)
        assert box["width"] <= 380 and box["height"] <= 600, box
        assert box["x"] + box["width"] == 1280 - 20, box  # at the right, as before
        expect(launcher).to_be_visible()  # and it closes the chat again
        # The host page keeps scrolling beside the box.
        assert page.evaluate("document.documentElement.style.overflow") == ""
        launcher.click()
        expect(frame).to_be_hidden()
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, KEYBOARD], ids=["390x844", "390x450"])
def test_a_source_in_the_widget_leaves_the_text_box_usable(
    server: LiveServer, browser: Any, viewport: dict[str, int]
) -> None:
    """The source opens above the text box, not over it: the box can be tapped and typed in
    while it is open, and Esc closes it with the focus back in the box."""
    expect = playwright.expect
    page = _phone(browser, viewport)
    with site(_shop(server)) as url:
        page.goto(url)
        page.get_by_role("button", name="Chat · 客服").click()
        chat = page.frame_locator("#kefu-widget-frame")
        text = chat.get_by_role("textbox")
        text.fill("How long does a refund take?")
        text.press("Enter")
        expect(chat.locator(".msg.assistant .text").last).to_have_text(REFUND_ANSWER)
        chat.locator(".chip").last.click()
        source = chat.locator("#source")
        expect(source).to_be_visible()
        expect(chat.locator("#source-close")).to_be_focused()

        panel, box = _box(source), _box(text)
        assert panel["y"] + panel["height"] <= box["y"], (panel, box)
        assert box["y"] + box["height"] <= viewport["height"], box
        # Nothing lies over the box's middle: a tap there reaches it.
        on_top = text.evaluate(
            "t => { const r = t.getBoundingClientRect(); "
            "return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === t; }"
        )
        assert on_top
        text.click()
        text.press_sequentially("And shipping?")
        expect(text).to_have_value("And shipping?")
        expect(source).to_be_visible()

        chat.locator("#source-close").focus()
        page.keyboard.press("Escape")
        expect(source).to_be_hidden()
        expect(text).to_be_focused()
        expect(page.locator("#kefu-widget-frame")).to_be_visible()  # Esc closed the source only
    page.context.close()


def test_the_rating_is_one_slim_line_with_the_keyboard_open(
    server: LiveServer, browser: Any
) -> None:
    expect = playwright.expect
    page = _phone(browser, KEYBOARD)
    with site(_shop(server)) as url:
        page.goto(url)
        page.get_by_role("button", name="Chat · 客服").click()
        chat = page.frame_locator("#kefu-widget-frame")
        text = chat.get_by_role("textbox")
        rate = chat.locator("#rate")
        for question in ("How long does a refund take?", "How much does shipping cost?"):
            text.fill(question)
            text.press("Enter")
            expect(chat.locator(".msg.assistant .text").last).not_to_have_text("")
        expect(rate).to_be_visible()
        assert _box(rate)["height"] <= 40, _box(rate)
        box = _box(text)
        assert box["y"] + box["height"] <= KEYBOARD["height"]
        rate.get_by_role("button", name="5 / 5").click()
        expect(rate).to_contain_text("Thank you for your feedback.")
    page.context.close()


@pytest.mark.parametrize(
    ("html_lang", "tag", "locale", "want"),
    [
        ("zh-CN", "", "en-US", "zh"),
        ("zh-HK", "", "en-US", "zh-Hant"),  # Hong Kong and Taiwan write traditional
        ("zh-TW", "", "en-US", "zh-Hant"),
        ("en", "", "zh-CN", "en"),  # the page's language, not the browser's
        ("en", ' data-lang="zh"', "en-US", "zh"),  # the tag's data-lang wins
        ("zh-CN", ' data-lang="en"', "zh-CN", "en"),
        (None, "", "zh-CN", "zh"),  # no lang on the page: the browser's
        (None, "", "en-US", "en"),
    ],
)
def test_the_widget_speaks_the_host_page_s_language(
    server: LiveServer,
    browser: Any,
    html_lang: str | None,
    tag: str,
    locale: str,
    want: str,
) -> None:
    expect = playwright.expect
    page = browser.new_context(viewport=DESKTOP, locale=locale).new_page()
    with site(_shop(server, lang=html_lang, tag=tag)) as url:
        page.goto(url)
        words = {
            "zh": ("在线客服", "请输入您的问题…", "关闭对话", "发送"),
            "zh-Hant": ("在線客服", "請輸入您的問題…", "關閉對話", "發送"),
        }
        title = words[want][0] if want in words else "Chat · 客服"
        launcher = page.get_by_role("button", name=title)
        launcher.click()
        chat = page.frame_locator("#kefu-widget-frame")
        if want in words:
            title, placeholder, close, send = words[want]
            expect(chat.get_by_role("textbox")).to_have_attribute("placeholder", placeholder)
            expect(chat.locator("h1")).to_contain_text(title)
            expect(chat.get_by_role("button", name=close)).to_be_visible()
            expect(chat.get_by_role("button", name=send)).to_be_visible()
        else:
            expect(chat.get_by_role("textbox")).to_have_attribute(
                "placeholder", "Type your question…"
            )
            expect(chat.locator("h1")).to_contain_text("Customer support")
            expect(chat.get_by_role("button", name="Close chat")).to_be_visible()
            expect(chat.get_by_role("button", name="Send")).to_be_visible()
    page.context.close()


def test_the_chat_page_alone_has_no_close_button_and_takes_lang(
    server: LiveServer, browser: Any
) -> None:
    """``/?lang=zh`` picks the chat page's language over the browser's; outside a frame there
    is nothing to close."""
    expect = playwright.expect
    page = browser.new_context(viewport=PHONE, locale="en-US").new_page()
    page.goto(server.url + "/?lang=zh")
    expect(page.get_by_role("textbox")).to_have_attribute("placeholder", "请输入您的问题…")
    expect(page.locator("#close-chat")).to_be_hidden()
    page.context.close()
